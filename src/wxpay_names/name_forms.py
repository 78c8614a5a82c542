"""Every form of a name a bank may hold: its spellings, and the forms people write it in.

Above both ``spelling`` (letters, driven by tables) and the readers (``inputs/``): the
candidates ask this module, never a reader. What a reader knows of a name's other
spellings (a Chinese name's second surname reading, 吕 as LU and LV, other readings of its
given name, a 双姓 spaced or hyphenated) it computes itself, kept with the name it read
(``inputs.chinese_spellings``); spelling.py knows nothing of readers.

The written forms added here, each a ``Spelling`` of its own kind so the candidates rank
and note it like any other:

- a generational suffix (``data/name_affixes.csv``) in its other places: left out, or with
  the surname (ICAO 9303 Part 3 §4.6 leaves it out unless the State prints it, then after
  the given names);
- the middle given names written with the surname (``JOHN PAUL SMITH`` → surname ``PAUL
  SMITH``): "middle names used as last names", a reported bank practice (That's Mags, 2021,
  grade B);
- the passport's hyphens and apostrophes kept as its visual page prints them
  (``HANS-PETER``, ``O'NEILL``): hotel registration copies the visual page's punctuation
  (grade D), and payment apps accept hyphens in foreign names (Alipay's help text, grade C).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import chain

from .affixes import affix_kind
from .models import PassportName, SpellingKind
from .spelling import Spelling, Words, add_if_new, letter_spellings, spell
from .validation import APOSTROPHES, HYPHENS

# The kinds that are forms of the name rather than spellings of a letter, and the national
# tables: the diagnosis says them with one sentence naming what they are.
WRITTEN_FORMS: frozenset[SpellingKind] = frozenset(
    {
        "double_surname_spaced",
        "double_surname_hyphenated",
        "surname_split",
        "suffix_dropped",
        "suffix_with_surname",
        "suffix_with_given",
        "middle_with_surname",
        "punctuation_kept",
        "ukrainian",
        "bulgarian",
        "serbian",
        "belarusian",
        "macedonian",
    }
)

_PUNCTUATION = HYPHENS | APOSTROPHES
# Splits a word at its hyphens and apostrophes, keeping them (odd indexes of the result).
_KEPT_PUNCTUATION = re.compile(f"([{re.escape(''.join(sorted(_PUNCTUATION)))}])")
_LONGEST_SUFFIX = 4  # "III.", "JNR." (data/name_affixes.csv)


@cache
def _chinese_spellings() -> Callable[[PassportName], tuple[Spelling, ...]]:
    # The Chinese reader holds what it read of each name; imported on the first Chinese name
    # (a name not among those it read is read again, which loads pypinyin), and held once: an
    # import statement per call costs a microsecond.
    from .inputs.chinese_spellings import chinese_spellings

    return chinese_spellings


def spellings(name: PassportName) -> tuple[Spelling, ...]:
    """The primary spelling first, then each other spelling and written form with new words.

    >>> name = PassportName(surname="Smith", given_names="John Paul")
    >>> [(s.kind, s.surname, s.given) for s in spellings(name)]
    [('icao', ('SMITH',), (('JOHN',), ('PAUL',))), ('middle_with_surname', ('PAUL', 'SMITH'), (('JOHN',),))]
    """
    if name.source == "chinese" and name.chinese:
        return _chinese_spellings()(name)
    found = letter_spellings(name)
    forms = _written_forms(name, found[0])
    if not forms:  # most names: no suffix, one given name, no hyphen or apostrophe
        return found
    kept = list(found)
    for form in forms:
        add_if_new(kept, form)
    return tuple(kept)


def _written_forms(name: PassportName, primary: Spelling) -> list[Spelling]:
    surname_text, given_text = name.surname, name.given_names
    punctuated = not (_PUNCTUATION.isdisjoint(surname_text) and _PUNCTUATION.isdisjoint(given_text))
    # Most names: one given name, one surname word, no hyphen or apostrophe. Only a given name
    # that is itself a suffix ("III", at most four characters with its period) has a form.
    plain = not punctuated and " " not in given_text and " " not in surname_text
    if plain and not _is_generational(given_text):
        return []
    forms: list[Spelling] = []
    surname, given = primary.surname, primary.given
    if punctuated:
        forms.append(_punctuation_kept(name, primary))
    given_words = name.given_names.split(" ") if name.given_names else []
    surname_words = name.surname.split(" ") if name.surname else []
    if given_words and _is_generational(given_words[-1]) and len(given) > 0:
        suffix = given[-1]
        forms.append(_form("suffix_dropped", surname, given[:-1]))
        if surname:
            forms.append(_form("suffix_with_surname", (*surname, *suffix), given[:-1]))
        given = given[:-1]  # the middle names below are the names before the suffix
    elif len(surname_words) > 1 and _is_generational(surname_words[-1]):
        suffix_words = spell(surname_words[-1])
        rest = surname[: len(surname) - len(suffix_words)]
        forms.append(_form("suffix_with_given", rest, (*given, suffix_words)))
        forms.append(_form("suffix_dropped", rest, given))
    if len(given) > 1 and surname:
        middle = given[1] if len(given) == 2 else tuple(chain.from_iterable(given[1:]))
        forms.append(_form("middle_with_surname", (*middle, *surname), given[:1]))
    return forms


def _is_generational(word: str) -> bool:
    # No suffix is longer than four characters: most words are answered without the table.
    return len(word) <= _LONGEST_SUFFIX and affix_kind(word) == "generational"


def _punctuation_kept(name: PassportName, primary: Spelling) -> Spelling:
    """The name in the primary spelling with its hyphens and apostrophes where the page has them."""
    kind = primary.kind

    def kept(part: str) -> Words:
        words = []
        for word in part.split(" "):
            pieces = _KEPT_PUNCTUATION.split(word)
            text = "".join(
                ("'" if piece in APOSTROPHES else "-") if index % 2 else "".join(spell(piece, kind))
                for index, piece in enumerate(pieces)
            ).strip("-'")
            if any("A" <= char <= "Z" for char in text):
                words.append(text)
        return tuple(words)

    given = tuple(words for part in name.given_names.split(" ") if (words := kept(part)))
    return _form("punctuation_kept", kept(name.surname), given)


def _form(kind: SpellingKind, surname: Words, given: tuple[Words, ...]) -> Spelling:
    # tuple.__new__ skips the named tuple's Python-level __new__.
    return tuple.__new__(Spelling, (kind, surname, given))
