"""Spelling: each name component turned into the upper-case A–Z words a bank can hold.

The primary spelling is the passport's machine-readable zone (ICAO 9303 Part 3 Table A
for Latin letters, Table B for Cyrillic): ``Ü → UE``, ``Ø → OE``, ``ß → SS``, hyphen →
space, apostrophe and period dropped. Alternatives are the other values of ICAO's
multi-valued rows (``Ñ → NXX``) and the plainly folded spelling a clerk types (``Ü → U``).
Letters outside the tables (Vietnamese ``ơ``, Greek) are folded by unidecode, imported
only then. The tables are ``data/icao_latin.csv`` and ``data/icao_cyrillic.csv``.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache

from .errors import ErrorCode, InvalidNameError
from .models import PassportName, SpellingKind
from .resources import data_text
from .validation import APOSTROPHES, HYPHENS, PERIOD, script_of

# Scripts unidecode folds into the letters a passport of that script prints in its VIZ.
_FOLDABLE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})

Words = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Spelling:
    """A name as words: the surname's words, and each given name's words, in passport order."""

    kind: SpellingKind
    surname: Words
    given: tuple[Words, ...]


@dataclass(frozen=True, slots=True)
class _Tables:
    icao: dict[int, str | None]
    alternative: dict[int, str | None]
    folded: dict[int, str | None]


@cache
def _tables() -> _Tables:
    punctuation: dict[int, str | None] = {ord(char): " " for char in HYPHENS}
    punctuation.update({ord(char): None for char in (*APOSTROPHES, PERIOD)})
    icao, alternative, folded = dict(punctuation), dict(punctuation), dict(punctuation)
    for letter, values, plain in _table_rows():
        for key in _letter_keys(letter):
            icao.setdefault(key, values[0])
            alternative.setdefault(key, values[1] if len(values) > 1 else values[0])
            folded.setdefault(key, plain)
    return _Tables(icao, alternative, folded)


def _table_rows() -> list[tuple[str, tuple[str, ...], str]]:
    rows: list[tuple[str, tuple[str, ...], str]] = []
    for name in ("icao_latin.csv", "icao_cyrillic.csv"):
        for row in csv.DictReader(data_text(name)):
            values = tuple(row["icao"].split("|"))
            rows.append((row["letter"], values, row.get("folded") or values[0]))
    return rows


def _letter_keys(letter: str) -> list[int]:
    # Input may be lower case; the tables list capitals. A lower form that is not one
    # character (İ → i̇) cannot be a key and is reached through upper-casing instead.
    keys = [ord(letter)]
    lower = letter.lower()
    if len(lower) == 1 and lower != letter:
        keys.append(ord(lower))
    return keys


def spell(text: str, kind: SpellingKind = "icao") -> Words:
    """The words of one validated name part, in the given spelling.

    >>> spell("Müller-Lüdenscheidt")
    ('MUELLER', 'LUEDENSCHEIDT')
    >>> spell("Müller", "folded"), spell("O'Brien"), spell("Иванов")
    (('MULLER',), ('OBRIEN',), ('IVANOV',))
    """
    tables = _tables()
    table = (
        tables.folded
        if kind == "folded"
        else tables.alternative
        if kind == "icao_alternative"
        else tables.icao
    )
    converted = text.translate(table).upper()
    if not converted.isascii():
        converted = "".join(_fold_leftover(char) for char in converted)
    return tuple(converted.split())


def _fold_leftover(char: str) -> str:
    """A character no table covers: a stray combining mark, or a letter for unidecode."""
    if char.isascii():
        return char
    category = unicodedata.category(char)
    if category[0] == "M":
        return ""
    script = script_of(char)
    if category[0] == "L" and script in _FOLDABLE_SCRIPTS:
        from unidecode import unidecode  # only names with letters outside the tables pay for it

        folded = "".join(c for c in unidecode(char).upper() if "A" <= c <= "Z")
        if folded:
            return folded
    if script == "CJK":
        raise InvalidNameError(
            f"{char!r} is a Chinese character: pass the name to from_chinese() or, for a "
            "foreign passport, type the Latin name printed in it.",
            code=ErrorCode.UNSUPPORTED_SCRIPT,
        )
    raise InvalidNameError(
        f"{char!r} ({unicodedata.name(char, 'unnamed')}) cannot be spelled in Latin letters "
        "here: type the Latin name printed in the passport.",
        code=ErrorCode.UNSUPPORTED_SCRIPT,
    )


def spell_name(name: PassportName, kind: SpellingKind = "icao") -> Spelling:
    """The whole name in one spelling; given names stay apart (one tuple of words each)."""
    given = tuple(words for part in name.given_names.split(" ") if (words := spell(part, kind)))
    return Spelling(kind, spell(name.surname, kind), given)


def spellings(name: PassportName) -> tuple[Spelling, ...]:
    """The primary spelling first, then each alternative that gives different words."""
    if name.source == "chinese" and name.chinese:
        from .inputs.chinese import chinese_spellings

        return chinese_spellings(name)
    primary = spell_name(name)
    if (name.surname + name.given_names).isascii():
        return (primary,)
    found = [primary]
    for kind in ("folded", "icao_alternative"):
        other = spell_name(name, kind)
        if all((other.surname, other.given) != (seen.surname, seen.given) for seen in found):
            found.append(other)
    return tuple(found)
