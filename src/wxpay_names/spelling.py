"""Spelling: each name component turned into the upper-case A–Z words a bank can hold.

The primary spelling is the passport's machine-readable zone (ICAO 9303 Part 3 Table A
for Latin letters, Table B for Cyrillic): ``Ü → UE``, ``Ø → OE``, ``ß → SS``, hyphen →
space, apostrophe and period dropped. Alternatives are the other values of ICAO's
multi-valued rows (``Ñ → NXX``) and the plainly folded spelling a clerk types (``Ü → U``).
Letters outside the tables (Vietnamese ``ơ``, Greek) are folded by unidecode, imported
only then. The tables are ``data/icao_latin.csv`` and ``data/icao_cyrillic.csv``.

Serbia, Ukraine, Bulgaria, Belarus and North Macedonia print Cyrillic names by national
tables (``data/national_tables.csv`` and its ``data/cyrillic_*.csv``, each row with its
source and evidence), some letters spelled otherwise at the start or end of a word
(Ukrainian Я: YA first, IA elsewhere). A name whose ``issuing_state`` is one of these
States is spelled by its table; a Cyrillic name from an unknown State gets each national
spelling that differs as another spelling, after ICAO's. This module knows nothing of the
readers (``inputs/``): what a reader knows of a name's other spellings it computes itself.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache
from typing import Literal, NamedTuple, cast

from .errors import ErrorCode, InvalidNameError
from .models import PassportName, SpellingKind
from .resources import data_text
from .validation import APOSTROPHES, HYPHENS, PERIOD, script_of

Position = Literal["any", "initial", "final"]
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    """Whether *text* holds a Cyrillic letter (a national table may spell it)."""
    return _CYRILLIC.search(text) is not None


# The places a table entry is looked up for, by (at a word's start, at its end): most specific first.
_PLACES: dict[tuple[bool, bool], tuple[Position, ...]] = {
    (False, False): ("any",),
    (True, False): ("initial", "any"),
    (False, True): ("final", "any"),
    (True, True): ("initial", "final", "any"),
}

# Scripts unidecode folds into the letters a passport of that script prints in its VIZ.
_FOLDABLE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})

Words = tuple[str, ...]
# Basic Latin to Latin Extended-B, Greek, Cyrillic, Latin Extended Additional (Vietnamese).
_IDENTITY_RANGES = ((0x0000, 0x024F), (0x0370, 0x04FF), (0x1E00, 0x1EFF))
# Validation turns every kind of white space into one space, so no name part holds this.
_PART_BREAK = "\n"


class Spelling(NamedTuple):
    """A name as words: the surname's words, and each given name's words, in passport order.

    A named tuple rather than a frozen dataclass: built several times per call, and a
    frozen dataclass's ``__init__`` costs about three times as much.
    """

    kind: SpellingKind
    surname: Words
    given: tuple[Words, ...]


class _Table(NamedTuple):
    """One spelling's character table, plus the same table for ASCII text as bytes.

    ``str.translate`` looks every character up in a dict (about 0.5 µs for a short name);
    ``bytes.translate`` with a 256-byte table does the same for ASCII text in a tenth of it.
    Most names are ASCII, so they take the bytes road; the result is the same either way.
    """

    mapping: dict[int, str | None]
    ascii_bytes: bytes | None  # None when an ASCII character maps to several characters
    ascii_deleted: bytes

    @classmethod
    def of(cls, rows: dict[int, str | None]) -> _Table:
        # str.translate pays for every character missing from the dict (a KeyError raised
        # and caught inside), so the letters names are written in map to themselves.
        mapping = dict(rows)
        for first, last in _IDENTITY_RANGES:
            for code in range(first, last + 1):
                mapping.setdefault(code, chr(code))
        ascii_rows = {key: value for key, value in rows.items() if key < 128}
        deleted = bytes(sorted(key for key, value in ascii_rows.items() if value is None))
        replaced = {key: value for key, value in ascii_rows.items() if value is not None}
        if all(len(value) == 1 and value.isascii() for value in replaced.values()):
            table = bytearray(range(256))
            for key, value in replaced.items():
                table[key] = ord(value)
            return cls(mapping, bytes(table), deleted)
        return cls(mapping, None, deleted)

    def words(self, text: str) -> Words:
        """The upper-case words of *text* in this spelling."""
        return tuple(self.convert(text).split())

    def convert(self, text: str) -> str:
        """*text* in this spelling, upper case, white space kept as it is."""
        if text.isascii() and self.ascii_bytes is not None:
            return text.encode().translate(self.ascii_bytes, self.ascii_deleted).decode().upper()
        converted = text.translate(self.mapping).upper()
        if not converted.isascii():
            converted = "".join(_fold_leftover(char) for char in converted)
        return converted


class _Tables(NamedTuple):
    icao: _Table
    alternative: _Table
    folded: _Table
    # The letters each other spelling writes differently from ICAO's first value: a name
    # without any has no such spelling to offer, and is not spelled again to find that out.
    alternative_letters: re.Pattern[str]
    folded_letters: re.Pattern[str]

    def of_kind(self, kind: SpellingKind) -> _Table:
        return (
            self.folded if kind == "folded" else self.alternative if kind == "icao_alternative" else self.icao
        )


class _NationalTable:
    """One State's table: letters, and letter pairs (Ukrainian ЗГ), by their place in a word.

    The same ``words``/``convert`` as ``_Table``; a character the table lacks (a Latin letter
    in the name) is spelled by ICAO's table.
    """

    __slots__ = ("fallback", "longest", "rules")

    def __init__(self, rules: dict[tuple[str, Position], str], fallback: _Table) -> None:
        self.rules = rules
        self.longest = max(len(letters) for letters, _ in rules)
        self.fallback = fallback

    def words(self, text: str) -> Words:
        return tuple(self.convert(text).split())

    def convert(self, text: str) -> str:
        text = text.upper()
        out: list[str] = []
        index, length = 0, len(text)
        word_start = True
        while index < length:
            char = text[index]
            if char.isspace() or char in HYPHENS:  # a word ends; the MRZ writes a hyphen as a space
                out.append(char if char.isspace() else " ")
                word_start = True
                index += 1
                continue
            spelled, size = self._letters_at(text, index, word_start)
            out.append(spelled if size else self.fallback.convert(char))
            index += size or 1
            word_start = False
        return "".join(out)

    def _letters_at(self, text: str, index: int, word_start: bool) -> tuple[str, int]:
        """The spelling of the longest table entry at *index*, and its length (0: none)."""
        for size in range(min(self.longest, len(text) - index), 0, -1):
            letters = text[index : index + size]
            end = index + size
            word_end = end == len(text) or text[end].isspace() or text[end] in HYPHENS
            places = _PLACES[word_start, word_end]
            for place in places:
                spelled = self.rules.get((letters, place))
                if spelled is not None:
                    return spelled, size
        if text[index] in APOSTROPHES or text[index] == PERIOD:
            return "", 1  # dropped, as the MRZ drops them (Part 3 §4.6), inside the word
        return "", 0


class NationalTable(NamedTuple):
    """A row of ``data/national_tables.csv``: the State, its spelling kind, its name."""

    state: str
    kind: SpellingKind
    country_en: str
    country_zh: str
    file: str
    evidence: str


@cache
def national_tables() -> dict[str, NationalTable]:
    """The States with a national Cyrillic table, by ICAO code, in file order."""
    found: dict[str, NationalTable] = {}
    for row in csv.DictReader(data_text("national_tables.csv")):
        kind = cast(SpellingKind, row["spelling"])
        found[row["state"]] = NationalTable(
            row["state"], kind, row["country_en"], row["country_zh"], row["file"], row["evidence"]
        )
    return found


@cache
def _national(kind: SpellingKind) -> _NationalTable:
    [table] = [table for table in national_tables().values() if table.kind == kind]
    rules: dict[tuple[str, Position], str] = {}
    for row in csv.DictReader(data_text(table.file)):
        rules[(row["letter"], cast(Position, row["position"]))] = row["latin"]
    return _NationalTable(rules, _tables().icao)


def _table_of(kind: SpellingKind) -> _Table | _NationalTable:
    tables = _tables()
    if kind in ("icao", "folded", "icao_alternative"):
        return tables.of_kind(kind)
    return _national(kind)


def primary_kind(name: PassportName) -> SpellingKind:
    """The spelling the name's passport prints: its State's national table for a Cyrillic name
    from one of those States, else ICAO's."""
    state = name.issuing_state
    if state is None:
        return "icao"
    table = national_tables().get(state)
    if table is None or not (_CYRILLIC.search(name.surname) or _CYRILLIC.search(name.given_names)):
        return "icao"
    return table.kind


@cache
def _tables() -> _Tables:
    punctuation: dict[int, str | None] = {ord(char): " " for char in HYPHENS}
    punctuation.update({ord(char): None for char in (*APOSTROPHES, PERIOD)})
    icao, alternative, folded = dict(punctuation), dict(punctuation), dict(punctuation)
    for letter, values, plain in _table_rows():
        for key in _letter_keys(letter):
            icao.setdefault(key, values[0])
            # ICAO's other values: only the recoverable XX forms (Ñ → NXX, Ü → UXX) make a
            # spelling of their own; the plain ones (Ä → A) are the folded spelling. A State
            # that writes UXX keeps its first value for letters without an XX form (Ö → OE),
            # so an alternative text never mixes XX with plain values.
            xx_forms = [value for value in values if "XX" in value]
            alternative.setdefault(key, xx_forms[0] if xx_forms else values[0])
            folded.setdefault(key, plain)
    return _Tables(
        _Table.of(icao),
        _Table.of(alternative),
        _Table.of(folded),
        _letters_differing(icao, alternative),
        _letters_differing(icao, folded),
    )


def _letters_differing(icao: dict[int, str | None], other: dict[int, str | None]) -> re.Pattern[str]:
    differing = "".join(
        re.escape(chr(key)) for key in sorted(icao.keys() | other.keys()) if icao.get(key) != other.get(key)
    )
    return re.compile(f"[{differing}]" if differing else r"[^\s\S]")  # the second never matches


def _table_rows() -> list[tuple[str, tuple[str, ...], str]]:
    rows: list[tuple[str, tuple[str, ...], str]] = []
    for name in ("icao_latin.csv", "icao_cyrillic.csv"):
        for row in csv.DictReader(data_text(name)):
            values = tuple(row["icao"].split("|"))
            rows.append((row["letter"], values, row.get("folded") or values[0]))
    return rows


@cache
def _values_by_letter() -> dict[str, tuple[str, ...]]:
    return {letter: values for letter, values, _ in _table_rows()}


def icao_values(letter: str) -> tuple[str, ...]:
    """ICAO's values for the capital *letter*, in the table's order (the first is the one the
    library spells with); more than one where the issuing State chooses (``Ü``: ``UE``,
    ``UXX``, ``U``); ``()`` for a letter outside ICAO's tables.

    >>> icao_values("Ö"), icao_values("Ş")
    (('OE', 'O'), ('S',))
    """
    return _values_by_letter().get(letter, ())


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
    return _table_of(kind).words(text)


def _fold_leftover(char: str) -> str:
    """A character no table covers: a stray combining mark, or a letter for unidecode."""
    if char.isascii():
        return char
    category = unicodedata.category(char)
    if category[0] == "M" or char in APOSTROPHES:
        return ""  # an apostrophe appears only now from a letter's capital (ŉ → ʼN): dropped
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


def spell_name(name: PassportName, kind: SpellingKind | None = None) -> Spelling:
    """The whole name in one spelling (the passport's unless *kind* says another); given names
    stay apart (one tuple of words each)."""
    if kind is None:
        kind = "icao" if name.issuing_state is None else primary_kind(name)
    if " " not in name.given_names:  # one given name, or none (most names): its words are all of them
        surname, given = primary_words(name, kind)
        return _spelling(kind, surname, (given,) if given else ())
    # Several given names: each spelled apart, since one may become several words (JEAN-LUC).
    table = _table_of(kind)
    surname_text, given_text = name.surname, name.given_names
    if isinstance(table, _Table) and _PART_BREAK not in surname_text and _PART_BREAK not in given_text:
        # One conversion for the whole name (a letter-by-letter table reads no neighbours).
        return _spelled_parts(table, kind, surname_text + _PART_BREAK + given_text.replace(" ", _PART_BREAK))
    names = tuple([found for part in given_text.split(" ") if (found := table.words(part))])
    return _spelling(kind, table.words(surname_text), names)


def _spelling(kind: SpellingKind, surname: Words, given: tuple[Words, ...]) -> Spelling:
    # tuple.__new__ skips the named tuple's Python-level __new__ (a third of the cost).
    return tuple.__new__(Spelling, (kind, surname, given))


def primary_words(name: PassportName, kind: SpellingKind | None = None) -> tuple[Words, Words]:
    """The surname's words and all given names' words, in the primary spelling unless *kind*
    says another: rank 1's letters.

    The same words as ``spellings(name)[0]`` (every input path puts the name's fields, in
    the passport's spelling, first), without building the alternatives.

    >>> primary_words(PassportName(surname="Müller", given_names="Jean-Luc Karl"))
    (('MUELLER',), ('JEAN', 'LUC', 'KARL'))
    """
    surname, given_names = primary_parts(name, kind)
    return tuple(surname.split()), tuple(given_names.split())


def primary_parts(name: PassportName, kind: SpellingKind | None = None) -> tuple[str, str]:
    """The surname and the given names in the primary spelling unless *kind* says another, as
    texts whose words are apart by white space (``primary_words`` splits them)."""
    if kind is None:
        kind = "icao" if name.issuing_state is None else primary_kind(name)
    table = _tables().icao if kind == "icao" else _table_of(kind)
    surname, given_names = name.surname, name.given_names
    if _PART_BREAK in surname or _PART_BREAK in given_names:  # not from a validated name
        return table.convert(surname), table.convert(given_names)
    # One conversion for the whole name: a validated name has no line break, so one marks
    # where the surname ends.
    surname, _, given_names = table.convert(surname + _PART_BREAK + given_names).partition(_PART_BREAK)
    return surname, given_names


def letter_spellings(name: PassportName) -> tuple[Spelling, ...]:
    """The passport's spelling first, then each other spelling of its letters that gives
    different words: folded, ICAO's XX forms, and for a Cyrillic name from an unknown State
    each national table's."""
    surname, given = name.surname, name.given_names
    if (
        name.issuing_state is None
        and surname.isascii()
        and given.isascii()
        and (surname + given).replace(" ", "").isalpha()
    ):
        # Letters A–Z and spaces only (most names): ICAO's table writes each letter as its
        # capital, so each given name is one word and no other spelling differs.
        given_words = given.upper().split()
        return (_spelling("icao", tuple(surname.upper().split()), tuple([(word,) for word in given_words])),)
    kind = "icao" if name.issuing_state is None else primary_kind(name)
    if kind != "icao" or _PART_BREAK in surname or _PART_BREAK in given:
        return _letter_spellings_apart(name, kind)
    tables = _tables()
    # Both parts in one text, a line break between every two (a validated name has none):
    # each table converts it once, and each table's letters are searched for once.
    text = surname + _PART_BREAK + given.replace(" ", _PART_BREAK)
    found = [_spelled_parts(tables.icao, "icao", text)]
    if text.isascii():
        return (found[0],)
    if tables.folded_letters.search(text):
        add_if_new(found, _spelled_parts(tables.folded, "folded", text))
    if tables.alternative_letters.search(text):
        add_if_new(found, _spelled_parts(tables.alternative, "icao_alternative", text))
    if _CYRILLIC.search(text):
        for table in national_tables().values():
            add_if_new(found, spell_name(name, table.kind))
    return tuple(found)


def _spelled_parts(table: _Table, kind: SpellingKind, text: str) -> Spelling:
    """*text* (the surname, then each given name, a line break between two parts: a
    validated name holds none) in *table*'s spelling; a given name that leaves no letter
    is left out."""
    parts = table.convert(text).split(_PART_BREAK)
    if len(parts) == 2:  # one given name (most names)
        one = parts[1].split()
        given: tuple[Words, ...] = (tuple(one),) if one else ()
    else:
        given = tuple([words for part in parts[1:] if (words := tuple(part.split()))])
    return tuple.__new__(Spelling, (kind, tuple(parts[0].split()), given))


def _letter_spellings_apart(name: PassportName, kind: SpellingKind) -> tuple[Spelling, ...]:
    """``letter_spellings`` part by part: a national table (it reads a letter's neighbours),
    or a name with a line break (not from a validated name)."""
    primary = spell_name(name, kind)
    if kind != "icao" or (name.surname.isascii() and name.given_names.isascii()):
        return (primary,)
    found = [primary]
    tables = _tables()
    others: tuple[tuple[SpellingKind, re.Pattern[str]], ...] = (
        ("folded", tables.folded_letters),
        ("icao_alternative", tables.alternative_letters),
    )
    for other_kind, letters in others:
        if not (letters.search(name.surname) or letters.search(name.given_names)):
            continue  # spelled as the primary: nothing new
        add_if_new(found, spell_name(name, other_kind))
    if _CYRILLIC.search(name.surname) or _CYRILLIC.search(name.given_names):
        for table in national_tables().values():
            add_if_new(found, spell_name(name, table.kind))
    return tuple(found)


def add_if_new(found: list[Spelling], other: Spelling) -> None:
    """Append *other* to *found* unless a spelling there has the same words."""
    surname, given = other.surname, other.given
    for seen in found:
        if surname == seen.surname and given == seen.given:
            return
    found.append(other)
