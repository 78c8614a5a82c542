"""Free text into a PassportName, only where the surname can be told from the given names.

Read:

- ``SURNAME, Given Names``: the comma (ASCII or full-width ``，``) ends the surname, as a
  passport's one-field name does (ICAO 9303 Part 4 §4.1.1.1);
- an MRZ name field, ``SMITH<<JOHN<PAUL``;
- a surname alone in capitals beside given names that are not: ``SMITH John Paul`` or
  ``John Paul SMITH``;
- a single word: a one-part name, taken as the surname.

Titles and suffixes (``data/name_affixes.csv``; ICAO 9303 Part 3 §4.6 leaves them out of a
passport name): a title (``Dr.``, ``Mrs``) before the name or its given names is dropped, as is
a degree after its last word (``PhD``); a generational suffix after the last word or after a
comma of its own (``John DOE III``, ``DOE, John, Jr.``) goes after the given names, where ICAO
puts a suffix a State prints; one written before the comma (``Smith Jr., John``) stays with the
surname, as written. The candidates try the suffix's other places.

Everything else (``John Smith``, ``ZHANG SAN``, ``Zhang San``) has no knowable order and
raises ``AmbiguousNameError`` saying how to write it. The reading never guesses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ..affixes import affix_kind
from ..cleaning import check_length, clean
from ..errors import AmbiguousNameError, ErrorCode, InvalidNameError
from ..models import PassportName, build_name
from ..validation import script_of, validate_name_part
from .mrz import FILLER, IDENTIFIER_SEPARATOR, name_from_field

SURNAME_END = ","  # the full-width comma is folded to this by cleaning
_COMMAS = frozenset(",\uff0c")  # as typed: ASCII and full-width

# How a word is written, which is all that can say which words are the surname.
WordCase = Literal["capitals", "lower", "mixed", "initial", "uncased"]


def parse_name(text: str) -> PassportName:
    """A passport name read from one line of text.

    >>> parse_name("ERIKSSON, Anna Maria").given_names
    'Anna Maria'
    >>> parse_name("Anna Maria ERIKSSON").surname
    'ERIKSSON'
    >>> parse_name("Zhang San")
    Traceback (most recent call last):
    ...
    wxpay_names.errors.AmbiguousNameError: Cannot tell the surname from the given names in 'Zhang San'...
    """
    if not isinstance(text, str):
        raise InvalidNameError(f"A name is a str, not {type(text).__name__}.")
    check_length(text)
    cleaned = clean(text).text
    if FILLER in cleaned and _begins_like_a_field(cleaned):
        return name_from_field(cleaned, "text")
    if SURNAME_END in cleaned:
        return _comma_form(text)
    return _word_form(text)


def _begins_like_a_field(text: str) -> bool:
    """Whether *text*, which holds the filler ``<``, is an MRZ name field: the separator ``<<``,
    or one word right before its first ``<``.

    ``SMITH<<JOHN``, ``SMITH-JONES<<JOHN`` and ``VAN DER BERG<<JOHN`` are read (and refused
    there, naming what a field cannot hold: the hyphen, the space); in ``ZHANG, San <3`` or
    ``Zhang San <zhang@x.com>`` the ``<`` is a stray symbol of free text, refused as an
    invalid character that names it.
    """
    before = text.partition(FILLER)[0]
    return IDENTIFIER_SEPARATOR in text or all(char.isalnum() for char in before)


def _comma_form(text: str) -> PassportName:
    """*text* as typed, with a comma: the pieces are cut from it, so that an error's position
    counts in what the user typed (cleaning folds ``，`` to ``,``, one for one)."""
    commas = [index for index, char in enumerate(text) if char in _COMMAS]
    shown = clean(text).text
    suffixes = _affixes_only(clean(text[commas[-1] + 1 :]).text)
    if suffixes is not None:
        # "John Doe, Jr." or "DOE, John, Jr.": the last comma sets off a suffix, not given names.
        rest = text[: commas[-1]]
        if len(commas) > 1:
            return _with_suffixes(_comma_form(rest), suffixes)
        return _word_form(rest, after=suffixes, shown=shown)
    if len(commas) > 1:
        raise AmbiguousNameError(
            f"{shown!r} holds {len(commas)} commas: write one, between the surname and the given names "
            "('SURNAME, Given Names'), or pass the surname and given names separately.",
        )
    surname, given = text[: commas[0]], text[commas[0] + 1 :]
    # Positions in messages count from the start of what the user typed.
    given_offset = commas[0] + 1
    return _name(
        _without_titles(validate_name_part(surname, "surname")),
        _without_degrees(
            _without_titles(validate_name_part(given, "given names field", offset=given_offset))
        ),
    )


def _affixes_only(text: str) -> list[str] | None:
    """The generational suffixes and degrees *text* holds, if it holds nothing else."""
    words = text.split()
    if words and all(affix_kind(word) in ("generational", "degree") for word in words):
        return words
    return None


def _without_titles(part: str) -> str:
    """*part* without the titles it starts with (``Dr. John`` → ``John``): a passport prints none."""
    words = part.split(" ")
    while words and affix_kind(words[0]) == "title":
        words.pop(0)
    return " ".join(words)


def _without_degrees(part: str) -> str:
    """*part* without the degrees it ends with (``John PhD`` → ``John``), a word at least left."""
    words = part.split(" ")
    while len(words) > 1 and affix_kind(words[-1]) == "degree":
        words.pop()
    return " ".join(words)


def _with_suffixes(name: PassportName, words: Sequence[str]) -> PassportName:
    """*name* with its generational suffixes after the given names; degrees dropped."""
    kept = [word.replace(".", "").upper() for word in words if affix_kind(word) == "generational"]
    if not kept:
        return name
    given = " ".join([name.given_names, *kept]) if name.given_names else " ".join(kept)
    return _name(name.surname, given)


def _word_form(text: str, *, after: Sequence[str] = (), shown: str = "") -> PassportName:
    """Words without a comma; *after*: suffixes set off by a comma (``John Doe, Jr.``), in the
    text *shown* in messages."""
    # Validated as typed, so an error names the character where the user typed it.
    cleaned = validate_name_part(text)
    words = [word for word in cleaned.split(" ") if any(char.isalpha() for char in word)]
    if any(script_of(char) == "CJK" for word in words for char in word if char.isalpha()):
        raise AmbiguousNameError(
            f"{cleaned!r} is written in Chinese characters: read it with from_chinese(), or type the "
            "Latin name printed in the passport as 'SURNAME, Given Names'.",
            # The code's general sentence would only ask for a comma, in a name of characters.
            message_zh="姓名是用汉字写的：请改按中文姓名输入，或输入护照上印的拉丁字母姓名，"
            "先写姓，再加英文逗号和名（如 ZHANG, San）。",
        )
    while len(words) > 1 and affix_kind(words[0]) == "title":
        words.pop(0)
    suffixes = list(after)
    while len(words) > 1 and affix_kind(words[-1]) in ("generational", "degree"):
        suffixes.insert(0, words.pop())
    if suffixes:
        if len(words) == 1 and any(affix_kind(word) == "degree" for word in suffixes):
            raise _unknown_degree(shown or cleaned, words[0], suffixes)
        return _with_suffixes(_ordered(shown or cleaned, words, suffixes), suffixes)
    return _ordered(cleaned, words, ())


def _ordered(cleaned: str, words: list[str], suffixes: Sequence[str]) -> PassportName:
    """The surname told from the given names by the case of *words*, or the error saying how."""
    if len(words) <= 1:
        return _name(" ".join(words), "")
    cases = [_case(word) for word in words]
    if "capitals" not in cases or "uncased" in cases:
        raise _unknown_order(cleaned, words, suffixes)
    first = cases.index("capitals")
    last = len(cases) - 1 - cases[::-1].index("capitals")
    if any(case != "capitals" for case in cases[first : last + 1]):
        raise _unknown_order(cleaned, words, suffixes)
    if last == len(words) - 1:
        # Given names, then the surname in capitals; a lower-case word just before it may be
        # a name prefix the passport prints in lower case ("van", "de la", Part 3 §3.2).
        if first == 0:
            raise _unknown_order(cleaned, words, suffixes)
        # A generational suffix in capitals closes the given names (John III SMITH): it is no
        # word of the surname, which ICAO writes before the given names and their suffix.
        while first < last and affix_kind(words[first]) == "generational":
            first += 1
        if cases[first - 1] == "lower":
            raise _unknown_prefix(cleaned, words, first, suffixes)
        return _name(" ".join(words[first:]), " ".join(words[:first]))
    if all(case == "lower" for case in cases[:first]):
        # The surname in capitals (after any lower-case prefix), then the given names.
        return _name(" ".join(words[: last + 1]), " ".join(words[last + 1 :]))
    raise _unknown_order(cleaned, words, suffixes)


def _case(word: str) -> WordCase:
    letters = [char for char in word if char.isalpha()]
    if len(letters) == 1 or _initials(word):
        return "initial"  # "J", "J." or "J.R.": initials, never a surname on their own
    # ß has no capital of one letter in common use: a surname in capitals keeps it (WEIß).
    if word.replace("ß", "").isupper():
        return "capitals"
    if word.islower():
        return "lower"
    if any(char.isupper() or char.islower() for char in letters):
        return "mixed"
    return "uncased"


def _initials(word: str) -> bool:
    """Whether *word* is initials run together (``J.R.``, ``J.-P.``): one letter, then a mark.

    Such a word is in capitals without being a surname in capitals: its letters are initials.
    """
    return all(
        not char.isalpha() or index + 1 == len(word) or not word[index + 1].isalpha()
        for index, char in enumerate(word)
    )


def _name(surname: str, given: str) -> PassportName:
    if not surname and not given:
        raise InvalidNameError(
            "The name holds no letters: type the name as the passport prints it.", code=ErrorCode.EMPTY_NAME
        )
    return build_name(surname, given, source="text")


def _unknown_order(text: str, words: Sequence[str], suffixes: Sequence[str] = ()) -> AmbiguousNameError:
    # The last word as the surname takes the lower-case words just before it, its particles
    # (Johannes van der Berg → VAN DER BERG, Johannes): a given name is not written in lower case.
    start = len(words) - 1
    if not all(word.islower() for word in words):  # in a text of small letters, every word is
        while start > 1 and words[start - 1].islower():
            start -= 1
    last_as_surname = _suggestion(" ".join(words[start:]).upper(), words[:start], suffixes)
    first_as_surname = _suggestion(words[0].upper(), words[1:], suffixes)
    return AmbiguousNameError(
        f"Cannot tell the surname from the given names in {text!r}: write it as 'SURNAME, Given Names' "
        f"(for example {last_as_surname!r} or {first_as_surname!r}), or pass the surname and given "
        "names separately.",
    )


def _suggestion(surname: str, given: Sequence[str], suffixes: Sequence[str]) -> str:
    """``SURNAME, Given Names`` with the generational suffixes after the given names."""
    kept = [word for word in suffixes if affix_kind(word) == "generational"]
    return f"{surname}, {' '.join([*given, *kept])}".rstrip()


def _unknown_degree(text: str, word: str, suffixes: Sequence[str]) -> AmbiguousNameError:
    return AmbiguousNameError(
        f"Cannot tell whether {' '.join(suffixes)!r} in {text!r} is a degree or a given name: write "
        f"{_suggestion(word.upper(), suffixes, ())!r} if it is a name, or "
        f"{word.upper()!r} if not, or pass the surname and given names separately.",
    )


def _unknown_prefix(
    text: str, words: Sequence[str], surname_start: int, suffixes: Sequence[str] = ()
) -> AmbiguousNameError:
    prefix_start = surname_start
    while prefix_start > 0 and _case(words[prefix_start - 1]) == "lower":
        prefix_start -= 1
    prefix = " ".join(words[prefix_start:surname_start])
    without = _suggestion(" ".join(words[surname_start:]), words[:surname_start], suffixes)
    with_prefix = _suggestion(" ".join(words[prefix_start:]), words[:prefix_start], suffixes)
    return AmbiguousNameError(
        f"Cannot tell whether {prefix!r} in {text!r} is part of the surname (as 'van' is in "
        f"'van BEETHOVEN') or a given name: write {with_prefix!r} or {without!r}, or pass the surname "
        "and given names separately.",
    )
