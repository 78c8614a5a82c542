"""Chinese characters into a ``PassportName``: Hanyu Pinyin as PRC passports write it.

GB/T 28039-2011 §5.1: the surname, then the given name written as one word whatever its
length (张三丰 → ZHANG SANFENG); a compound surname is one word (欧阳 → OUYANG); a double
surname (双姓) keeps its hyphen (郑-李 → ZHENG-LI). §6.2, as PRC passports since 2012: ü is
written YU (吕 → LYU, 女 → NYU); toneless pinyin has ü only after L and N (居 → JU).

The surname is found by longest match in ``data/surnames.csv`` (compound surnames, and
surname readings such as 曾 ZENG, 单 SHAN, with a second reading where a surname has two),
unless the caller splits the name explicitly. Everything else is read by pypinyin, imported
here only, on the first call: it costs a quarter of a second and 55 MiB at import.

Speed (``docs/performance.md``): pypinyin's own reading goes through segmentation and a
chain of hooks and regular expressions per character that cost more than the rest of the
work. ``_pinyin`` does what ``lazy_pinyin`` does for a list of segments from the same
tables, live, and keeps only the toneless form of each table value (a pure function of
the value, bounded by the table). Each name read is kept, with its reading, in one bounded
cache keyed by its characters, so ``candidates`` finds its pinyin variants without reading
the name again.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from ..cleaning import check_length, clean, describe_character
from ..errors import ErrorCode, InvalidNameError, NameFormatError
from ..models import PassportName, SpellingKind, assemble
from ..resources import data_text
from ..spelling import Spelling, Words, spell_name
from ..validation import HYPHENS, script_of

Syllables = tuple[str, ...]  # toneless pinyin, lower case, ü written ü
Readings = tuple[Syllables, ...]  # the readings of one piece of a surname, the usual one first
SurnameParts = tuple[tuple[Readings, ...], ...]  # per surname (two in a 双姓), per piece

_WHAT = "Chinese name"
_CACHE_SIZE = 4096
# U+00B7 and what is typed for it: Big5's U+2027, bullets, katakana and half-width dots, the
# sinological dot U+A78F, and full stops (Alipay accepts '.' in minority names).
MIDDLE_DOTS = frozenset("\u00b7\u2027\u2022\u30fb\uff65\u22c5\u2219\u0387\u1427\u2e31\ua78f.\uff0e")
_PRIVATE_USE_FIRST, _PRIVATE_USE_LAST = 0xE000, 0xF8FF


class _Pypinyin(NamedTuple):
    """What ``_pinyin`` uses of pypinyin (its tables are read live, never copied)."""

    lazy_pinyin: Callable[[list[str]], list[str]]
    characters: Mapping[int, str]  # code point -> its readings with tone marks, comma-separated
    phrases: Mapping[str, list[list[str]]]  # word -> per character, its readings with tone marks
    is_han: Callable[[str], object]  # pypinyin's test whether a segment is read from these tables
    toneless: Callable[[str, str], str]  # (character, reading with tone marks) -> toneless


@cache
def _pypinyin() -> _Pypinyin:
    """pypinyin, imported on first use."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
    from pypinyin.converter import UltimateConverter

    # The converter lazy_pinyin builds on every call, with the same (default) options.
    converter = UltimateConverter()

    def toneless(char: str, reading: str) -> str:
        converted: str = converter.convert_style(char, reading, Style.NORMAL, True)
        return converted

    return _Pypinyin(lazy_pinyin, PINYIN_DICT, PHRASES_DICT, RE_HANS.match, toneless)


@dataclass(frozen=True, slots=True)
class _SurnameTable:
    readings: dict[str, Readings]  # simplified and traditional forms alike
    longest: int


class _Reading(NamedTuple):
    surnames: SurnameParts
    given: Syllables


class _Words(NamedTuple):
    """A reading's usual words: one per surname (two in a 双姓), and the given name ("" if none)."""

    capital_surnames: Words  # in capitals, ü kept (Ü): each spelling writes it its own way
    capital_given: str
    surnames: Words  # as the passport writes them (Ü → YU)
    given: str


class _Read:
    """A name read from its characters: the name, its reading, its spellings once asked for."""

    __slots__ = ("name", "reading", "spellings", "words")

    def __init__(self, name: PassportName, reading: _Reading, words: _Words) -> None:
        self.name = name
        self.reading = reading
        self.words = words
        self.spellings: tuple[Spelling, ...] | None = None


# The names read last, by their ``chinese`` field, oldest first: from_chinese answers a name
# it has read from here, and chinese_spellings finds its reading here. The oldest goes when
# full, so names read in a batch and then spelled are all still here.
_READ: OrderedDict[str, _Read] = OrderedDict()


@cache
def _surname_table() -> _SurnameTable:
    readings: dict[str, Readings] = {}
    for row in csv.DictReader(data_text("surnames.csv")):
        others = (other for other in row["other_readings"].split("|") if other)
        found = tuple(tuple(reading.split()) for reading in (row["reading"], *others))
        for form in (row["surname"], *row["traditional"].split("|")):
            readings.setdefault(form, found)
    return _SurnameTable(readings, max(map(len, readings)))


def from_chinese(
    text: str = "", *, surname: str | None = None, given_names: str | None = None
) -> PassportName:
    """The passport name of a PRC citizen, from the characters of the name.

    The surname is found by longest match (欧阳娜娜 → OUYANG / NANA); a space splits the name
    explicitly (``"单 于飞"``), as do the ``surname`` and ``given_names`` arguments.

    >>> from_chinese("欧阳娜娜")
    PassportName(surname='OUYANG', given_names='NANA', chinese='欧阳娜娜', source='chinese',
                 possibly_truncated=False)
    >>> name = from_chinese("吕布")
    >>> name.surname, name.given_names
    ('LYU', 'BU')
    >>> from_chinese(surname="單", given_names="于飛").surname
    'SHAN'
    """
    if surname is None and given_names is None:
        if not isinstance(text, str):
            raise InvalidNameError(f"A Chinese name is a str, not {type(text).__name__}.")
        check_length(text, _WHAT)
        # Plain ideographs are text the input policy (``cleaning.clean``) leaves as it is:
        # checked first because cleaning costs as much as a fifth of the whole reading.
        key = text if _plain_han()(text) else clean(text, _WHAT).text
    else:
        key = _explicit_key(text, surname, given_names)
    read = _READ.get(key)
    return (read or _read(key)).name


def chinese_spellings(name: PassportName) -> tuple[Spelling, ...]:
    """The name's fields as they are, then its pinyin variants, lightest deviation first.

    Variants: ü written U and V (LYU → LU, LV), the surname's other reading (覃 QIN → TAN),
    the given name split per syllable (SANFENG → SAN FENG). A name whose fields are not what
    its characters read (built by hand) gets its fields alone.
    """
    if not name.chinese:
        return (spell_name(name),)
    read = _READ.get(name.chinese)
    if read is not None:
        known = read.name
        # The same fields read from the same characters: the same spellings. (A name read
        # with given names is never one without them, so the key's trailing space below
        # would not change its reading.)
        if known is name or (known.surname == name.surname and known.given_names == name.given_names):
            if read.spellings is None:
                read.spellings = _spellings(_primary(read.words), read.reading, read.words)
            return read.spellings
    primary = spell_name(name)
    # A name without given names was read as a surname alone: say so with a trailing space.
    key = name.chinese if name.given_names else name.chinese + " "
    try:
        reading = _reading(key)
    except NameFormatError:
        return (primary,)
    words = _words(reading)
    if _fields(words) != (name.surname, name.given_names):
        return (primary,)
    return _spellings(primary, reading, words)


@cache
def _plain_han() -> Callable[[str], object]:
    """The test for unified ideographs only (text the input policy leaves as it is).

    Compiled on first use: it takes most of a millisecond, which ``import wxpay_names`` should not pay.
    """
    return re.compile("[\u3400-\u9fff\U00020000-\U0002f7ff\U00030000-\U0003ffff]*").fullmatch


def _read(key: str) -> _Read:
    """Read a cleaned key into its name, and keep it in ``_READ``."""
    reading = _reading(key)
    words = _words(reading)
    surname, given = _fields(words)
    # The fields are A-Z words (and a 双姓's hyphen) and the key is clean: nothing to validate.
    values = {
        "surname": surname,
        "given_names": given,
        "chinese": key,
        "source": "chinese",
        "possibly_truncated": False,
    }
    read = _Read(assemble(PassportName, values), reading, words)
    if len(_READ) >= _CACHE_SIZE:
        _READ.popitem(last=False)
    _READ[key] = read
    return read


def _explicit_key(text: str, surname: str | None, given_names: str | None) -> str:
    """``surname + " " + given``: the space marks the split; a trailing one, a surname alone."""
    parts = {"surname": surname, "given_names": given_names}
    for argument, value in parts.items():
        if value is not None and not isinstance(value, str):
            raise InvalidNameError(f"{argument} is a str, not {type(value).__name__}.")
    if not isinstance(text, str) or text.strip():
        raise InvalidNameError(
            "Pass the Chinese name either as one text or as surname= and given_names=, not both."
        )
    cleaned = {
        argument: clean(value or "", f"Chinese {argument.replace('_', ' ')}").text.replace(" ", "")
        for argument, value in parts.items()
    }
    if not cleaned["surname"]:
        raise InvalidNameError(
            "The Chinese surname is empty: pass surname= with the characters of the surname.",
            code=ErrorCode.EMPTY_NAME,
        )
    return f"{cleaned['surname']} {cleaned['given_names']}"


# --- reading -------------------------------------------------------------------------------


def _reading(key: str) -> _Reading:
    """Read a cleaned name; its first space, if any, separates surname from given name."""
    text = _checked(key)
    if " " not in text and "-" not in text:  # most names: one surname, then the given name
        found = _longest_surname(text, 0)
        if found:
            given_text = text[len(found[0]) :]
            given = _pinyin([given_text])[0] if given_text else ()
            return tuple.__new__(_Reading, (((found[1],),), given))
        if len(text) > 1:  # a surname the table leaves to pypinyin, read apart from the given name
            surname, given = _pinyin([text[0], text[1:]])
            return tuple.__new__(_Reading, ((((surname,),),), given))
    if " " in text:
        surname_text, _, given_text = text.partition(" ")
        units = [_pieces(part) for part in _hyphen_parts(surname_text)]
        given_text = given_text.replace(" ", "")
    else:
        units, given_text = _split_surnames(text)
    if "-" in given_text:
        raise _misplaced_hyphen()
    unread = [chars for unit in units for chars, readings in unit if not readings]
    segments = [*unread, given_text] if given_text else unread
    pinyin = iter(_pinyin(segments))
    surnames = tuple(tuple(readings or (next(pinyin),) for _, readings in unit) for unit in units)
    return tuple.__new__(_Reading, (surnames, next(pinyin) if given_text else ()))


def _checked(key: str) -> str:
    """The key with hyphens made ASCII, or an ``InvalidNameError`` naming what cannot be read."""
    # Most keys: ideographs pypinyin reads, so no space, hyphen, dot or private-use character.
    if key and _plain_han()(key) and all(map(_pypinyin().characters.__contains__, map(ord, key))):
        return key
    if not key.strip():
        raise InvalidNameError("The Chinese name is empty.", code=ErrorCode.EMPTY_NAME)
    dots = MIDDLE_DOTS.intersection(key)
    if dots:
        raise InvalidNameError(
            f"The Chinese name joins its parts with {describe_character(min(dots))}: it is a "
            "transliteration of a foreign or ethnic-minority name, not a name read in pinyin. "
            "The bank used the Latin name printed in the passport: pass that to parse_name() "
            "or PassportName(surname=..., given_names=...).",
            code=ErrorCode.TRANSLITERATED_FOREIGN_NAME,
        )
    readable = _pypinyin().characters
    for position, char in enumerate(key):
        code = ord(char)
        # pypinyin's table also holds private-use code points; no passport name does.
        if (code in readable and not _PRIVATE_USE_FIRST <= code <= _PRIVATE_USE_LAST) or char == " ":
            continue
        if char not in HYPHENS:
            raise _unreadable(char, position)
    if HYPHENS.intersection(key) - {"-"}:
        return "".join("-" if char in HYPHENS else char for char in key)
    return key


def _unreadable(char: str, position: int | None) -> InvalidNameError:
    where = f"{char!r} ({describe_character(char)})"
    if position is not None:
        where += f" at position {position + 1}"
    category = unicodedata.category(char)
    if script_of(char) == "CJK" and category == "Lo":
        return InvalidNameError(
            f"The Chinese name holds {where}, which has no known Hanyu Pinyin reading: type the "
            "Latin name printed in the passport instead.",
            code=ErrorCode.NO_PINYIN_READING,
        )
    if category[0] == "N":
        return InvalidNameError(
            f"The Chinese name holds {where}: a name has no digits; type only its characters.",
            code=ErrorCode.INVALID_CHARACTER,
        )
    if category[0] == "L":
        return InvalidNameError(
            f"The Chinese name holds {where}, which is not a Chinese character. from_chinese() "
            "reads Chinese characters only; a name in another script goes to parse_name() or "
            "PassportName(...) with the Latin name printed in the passport.",
            code=ErrorCode.MIXED_SCRIPT,
        )
    return InvalidNameError(
        f"The Chinese name holds {where}: type only the characters of the name, with a space "
        "between surname and given name if you want to split it yourself.",
        code=ErrorCode.INVALID_CHARACTER,
    )


def _misplaced_hyphen() -> InvalidNameError:
    return InvalidNameError(
        "A hyphen in a Chinese name joins two surnames (双姓, e.g. 郑-李小明); it cannot start or "
        "end the name, stand twice, or fall inside the given name, which is one word.",
        code=ErrorCode.INVALID_CHARACTER,
    )


def _hyphen_parts(surname_text: str) -> list[str]:
    parts = surname_text.split("-")
    if not all(parts):
        raise _misplaced_hyphen()
    return parts


def _split_surnames(text: str) -> tuple[list[list[tuple[str, Readings]]], str]:
    """Surnames by longest match at the start, another after each hyphen; the rest is given."""
    units: list[list[tuple[str, Readings]]] = []
    position = 0
    while True:
        if position >= len(text) or text[position] == "-":
            raise _misplaced_hyphen()
        piece = _longest_surname(text, position) or (text[position], ())
        units.append([piece])
        position += len(piece[0])
        if not text.startswith("-", position):
            return units, text[position:]
        position += 1


def _longest_surname(text: str, position: int) -> tuple[str, Readings] | None:
    table = _surname_table()
    for size in range(min(table.longest, len(text) - position), 0, -1):
        form = text[position : position + size]
        readings = table.readings.get(form)
        if readings:
            return form, readings
    return None


def _pieces(surname: str) -> list[tuple[str, Readings]]:
    """An explicitly given surname: table forms where they occur, runs of other characters between."""
    pieces: list[tuple[str, Readings]] = []
    position = 0
    run_start: int | None = None  # where a run of characters the table does not know began
    while position < len(surname):
        known = _longest_surname(surname, position)
        if known:
            if run_start is not None:
                pieces.append((surname[run_start:position], ()))
                run_start = None
            pieces.append(known)
            position += len(known[0])
        else:
            run_start = position if run_start is None else run_start
            position += 1
    if run_start is not None:
        pieces.append((surname[run_start:], ()))
    return pieces


# The toneless form of a value of pypinyin's tables (a reading, or a character's readings
# comma-separated: its first reading, which lazy_pinyin takes). Bounded by the tables.
_TONELESS: dict[str, str] = {}


def _pinyin(segments: list[str]) -> list[Syllables]:
    """Each segment read apart from the others, as ``lazy_pinyin(segments)`` reads them."""
    if not segments:
        return []
    flat = _lazy_pinyin(segments)
    characters = "".join(segments)
    joined = "".join(flat)
    if len(flat) != len(characters):  # pypinyin gives one syllable per Han character; never seen
        raise _unreadable(characters[min(len(flat), len(characters) - 1)], None)
    if not (joined.isascii() and joined.isalpha() and joined.islower()):
        flat = [_syllable(syllable, char) for syllable, char in zip(flat, characters, strict=True)]
    elif "v" in joined:
        flat = [syllable.replace("v", "ü") for syllable in flat]  # pypinyin writes ü as v: lv, nve
    read: list[Syllables] = []
    start = 0
    for segment in segments:
        read.append(tuple(flat[start : start + len(segment)]))
        start += len(segment)
    return read


def _lazy_pinyin(segments: Sequence[str]) -> list[str]:
    """What ``lazy_pinyin(list(segments))`` returns, without its per-character overhead.

    ``lazy_pinyin`` given a list reads each segment of Han characters whole: the segment's
    readings from the phrase table if it is a phrase there, else each character's first
    reading; then every reading is made toneless. The same here, from the same live tables
    and with pypinyin's own toneless conversion, whose result is kept per table value.
    Anything else (a segment pypinyin would split further) goes to ``lazy_pinyin`` itself.
    """
    tables = _pypinyin()
    characters, phrases, toneless = tables.characters, tables.phrases, _TONELESS
    flat: list[str] = []
    for segment in segments:
        phrase = phrases.get(segment)
        if not tables.is_han(segment) or (phrase is not None and len(phrase) != len(segment)):
            flat += tables.lazy_pinyin([segment])
            continue
        values = [readings[0] for readings in phrase] if phrase is not None else None
        for index, char in enumerate(segment):
            value = values[index] if values is not None else characters[ord(char)]
            found = toneless.get(value)
            if found is None:
                found = toneless[value] = tables.toneless(char, value.split(",")[0])
            flat.append(found)
    return flat


def _syllable(syllable: str, char: str) -> str:
    # The slow path: ê (欸) has no passport letter but E; anything else unexpected is refused.
    normal = syllable.replace("v", "ü").replace("ê", "e")
    if not normal or not all("a" <= letter <= "z" or letter == "ü" for letter in normal):
        raise _unreadable(char, None)
    return normal


# --- spelling ------------------------------------------------------------------------------

_PASSPORT_U = "YU"  # GB/T 28039-2011 §6.2, PRC passports issued since 2012


# ü as passports before 2012 wrote it, and as keyboards do.
_OTHER_U: tuple[tuple[SpellingKind, str], ...] = (("pinyin_lu", "U"), ("pinyin_lv", "V"))


def _surname_words(surnames: SurnameParts, choice: tuple[int, int, Syllables]) -> Words:
    """One word per surname, ``choice`` putting another reading in one piece (surname, piece, reading)."""
    words: list[str] = []
    for unit_index, unit in enumerate(surnames):
        syllables: list[str] = []
        for piece_index, readings in enumerate(unit):
            syllables += choice[2] if choice[:2] == (unit_index, piece_index) else readings[0]
        words.append("".join(syllables).upper().replace("Ü", _PASSPORT_U))
    return tuple(words)


def _words(reading: _Reading) -> _Words:
    """The usual reading of every piece, one word per surname, in capitals and as the passport."""
    surnames = reading.surnames
    if len(surnames) == 1 and len(surnames[0]) == 1:  # most names: one surname in one piece
        capital = "".join(surnames[0][0][0]).upper()
        capitals: Words = (capital,)
        passport: Words = (capital.replace("Ü", _PASSPORT_U),)
    else:
        capitals = tuple(
            ["".join([s for readings in unit for s in readings[0]]).upper() for unit in surnames]
        )
        passport = tuple([word.replace("Ü", _PASSPORT_U) for word in capitals])
    given = "".join(reading.given).upper()
    return tuple.__new__(_Words, (capitals, given, passport, given.replace("Ü", _PASSPORT_U)))


def _fields(words: _Words) -> tuple[str, str]:
    """The name's surname and given names fields."""
    surnames = words.surnames
    return surnames[0] if len(surnames) == 1 else "-".join(surnames), words.given


def _primary(words: _Words) -> Spelling:
    """``spell_name`` of the name with these fields, from the words already made: A-Z words
    spell as themselves, and a 双姓's hyphen parts words (``tests/test_chinese_paths.py``
    holds the two equal)."""
    return _spelling("icao", words.surnames, ((words.given,),) if words.given else ())


def _spelling(kind: SpellingKind, surname: Words, given: tuple[Words, ...]) -> Spelling:
    # tuple.__new__ skips the named tuple's Python-level __new__ (built per name read).
    return tuple.__new__(Spelling, (kind, surname, given))


def _spellings(primary: Spelling, reading: _Reading, words: _Words) -> tuple[Spelling, ...]:
    """The primary spelling, then the variants of the reading, lightest deviation first."""
    found = [primary]
    capital_surnames, capital_given, surnames, given = words
    if "Ü" in capital_given or "Ü" in "".join(capital_surnames):
        for kind, letter in _OTHER_U:
            found.append(
                _spelling(
                    kind,
                    tuple([word.replace("Ü", letter) for word in capital_surnames]),
                    ((capital_given.replace("Ü", letter),),) if capital_given else (),
                )
            )
    parts = reading.surnames
    if len(parts) > 1 or len(parts[0]) > 1 or len(parts[0][0]) > 1:  # a reading to choose
        passport_given = ((given,),) if given else ()
        for unit_index, unit in enumerate(parts):
            for piece_index, readings in enumerate(unit):
                found += [
                    _spelling(
                        "second_reading",
                        _surname_words(parts, choice=(unit_index, piece_index, other)),
                        passport_given,
                    )
                    for other in readings[1:]
                ]
    if len(reading.given) > 1:
        split = tuple([syllable.upper().replace("Ü", _PASSPORT_U) for syllable in reading.given])
        found.append(_spelling("pinyin_syllables", surnames, (split,)))
    return tuple(found)
