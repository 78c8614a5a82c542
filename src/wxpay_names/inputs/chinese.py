"""Chinese characters into a ``PassportName``: Hanyu Pinyin as PRC passports write it.

GB/T 28039-2011 §5.1: the surname, then the given name written as one word whatever its
length (张三丰 → ZHANG SANFENG); a compound surname is one word (欧阳 → OUYANG); a double
surname (双姓) keeps its hyphen (郑-李 → ZHENG-LI). §6.2, as PRC passports since 2012: ü is
written YU (吕 → LYU, 女 → NYU); toneless pinyin has ü only after L and N (居 → JU).

The surname is found by longest match in ``data/surnames.csv`` (compound surnames, and
surname readings such as 曾 ZENG, 单 SHAN, with a second reading where a surname has two),
unless the caller splits the name explicitly. Everything else is read by pypinyin, imported
here only, on the first call: it costs a quarter of a second and 55 MiB at import.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from ..cleaning import check_length, clean, describe_character
from ..errors import ErrorCode, InvalidNameError, NameFormatError
from ..models import PassportName
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


@cache
def _pypinyin() -> tuple[Callable[[list[str]], list[str]], Mapping[int, str]]:
    """pypinyin's reader and its character table (read only), imported on first use."""
    from pypinyin import lazy_pinyin
    from pypinyin.constants import PINYIN_DICT

    return lazy_pinyin, PINYIN_DICT


@dataclass(frozen=True, slots=True)
class _SurnameTable:
    readings: dict[str, Readings]  # simplified and traditional forms alike
    longest: int


@dataclass(frozen=True, slots=True)
class _Reading:
    surnames: SurnameParts
    given: Syllables


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
        return _name_from_text(text)
    return _name_for(_explicit_key(text, surname, given_names))


def chinese_spellings(name: PassportName) -> tuple[Spelling, ...]:
    """The name's fields as they are, then its pinyin variants, lightest deviation first.

    Variants: ü written U and V (LYU → LU, LV), the surname's other reading (覃 QIN → TAN),
    the given name split per syllable (SANFENG → SAN FENG). A name whose fields are not what
    its characters read (built by hand) gets its fields alone.
    """
    primary = spell_name(name)
    if not name.chinese:
        return (primary,)
    # A name without given names was read as a surname alone: say so with a trailing space.
    key = name.chinese if name.given_names else name.chinese + " "
    try:
        reading = _reading(key)
    except NameFormatError:
        return (primary,)
    if _fields(reading) != (name.surname, name.given_names):
        return (primary,)
    return (primary, *_variants(reading))


@lru_cache(maxsize=_CACHE_SIZE)
def _name_from_text(text: str) -> PassportName:
    return _name_for(text if _is_plain_han(text) else clean(text, _WHAT).text)


def _is_plain_han(text: str) -> bool:
    """Unified ideographs only: text the input policy (``cleaning.clean``) leaves as it is.

    Checked first because cleaning costs as much as a fifth of the whole reading.
    """
    return all(
        "\u3400" <= char <= "\u9fff"
        or "\U00020000" <= char <= "\U0002f7ff"
        or "\U00030000" <= char <= "\U0003ffff"
        for char in text
    )


@lru_cache(maxsize=_CACHE_SIZE)
def _name_for(key: str) -> PassportName:
    surname, given = _fields(_reading(key))
    # The fields are A-Z words (and a 双姓's hyphen) and the key is clean: nothing to validate.
    return PassportName.model_construct(
        surname=surname, given_names=given, chinese=key, source="chinese", possibly_truncated=False
    )


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


@lru_cache(maxsize=_CACHE_SIZE)
def _reading(key: str) -> _Reading:
    """Read a cleaned name; its first space, if any, separates surname from given name."""
    text = _checked(key)
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
    return _Reading(surnames, next(pinyin) if given_text else ())


def _checked(key: str) -> str:
    """The key with hyphens made ASCII, or an ``InvalidNameError`` naming what cannot be read."""
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
    readable = _pypinyin()[1]
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


def _pinyin(segments: list[str]) -> list[Syllables]:
    """One pypinyin call for every segment; each segment is read apart from the others."""
    if not segments:
        return []
    flat: list[str] = _pypinyin()[0](segments)
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


def _syllable(syllable: str, char: str) -> str:
    # The slow path: ê (欸) has no passport letter but E; anything else unexpected is refused.
    normal = syllable.replace("v", "ü").replace("ê", "e")
    if not normal or not all("a" <= letter <= "z" or letter == "ü" for letter in normal):
        raise _unreadable(char, None)
    return normal


# --- spelling ------------------------------------------------------------------------------

_PASSPORT_U = "YU"  # GB/T 28039-2011 §6.2, PRC passports issued since 2012


def _word(syllables: Syllables, umlaut: str = _PASSPORT_U) -> str:
    return "".join(syllables).upper().replace("Ü", umlaut)


def _surname_words(
    surnames: SurnameParts, umlaut: str = _PASSPORT_U, choice: tuple[int, int, Syllables] | None = None
) -> Words:
    """One word per surname; ``choice`` puts another reading in one piece (surname, piece, reading)."""
    words: list[str] = []
    for unit_index, unit in enumerate(surnames):
        syllables: list[str] = []
        for piece_index, readings in enumerate(unit):
            chosen = readings[0]
            if choice and choice[:2] == (unit_index, piece_index):
                chosen = choice[2]
            syllables += chosen
        words.append(_word(tuple(syllables), umlaut))
    return tuple(words)


def _fields(reading: _Reading) -> tuple[str, str]:
    return "-".join(_surname_words(reading.surnames)), _word(reading.given)


def _given(reading: _Reading, umlaut: str = _PASSPORT_U) -> tuple[Words, ...]:
    return ((_word(reading.given, umlaut),),) if reading.given else ()


@lru_cache(maxsize=_CACHE_SIZE)
def _variants(reading: _Reading) -> tuple[Spelling, ...]:
    variants: list[Spelling] = []
    has_umlaut = any("ü" in syllable for syllable in _all_syllables(reading))
    if has_umlaut:
        variants += [
            Spelling("pinyin_lu", _surname_words(reading.surnames, "U"), _given(reading, "U")),
            Spelling("pinyin_lv", _surname_words(reading.surnames, "V"), _given(reading, "V")),
        ]
    for unit_index, unit in enumerate(reading.surnames):
        for piece_index, readings in enumerate(unit):
            variants += [
                Spelling(
                    "second_reading",
                    _surname_words(reading.surnames, choice=(unit_index, piece_index, other)),
                    _given(reading),
                )
                for other in readings[1:]
            ]
    if len(reading.given) > 1:
        split = tuple(_word((syllable,)) for syllable in reading.given)
        variants.append(Spelling("pinyin_syllables", _surname_words(reading.surnames), (split,)))
    return tuple(variants)


def _all_syllables(reading: _Reading) -> Syllables:
    surname = (syllable for unit in reading.surnames for readings in unit for syllable in readings[0])
    return (*surname, *reading.given)
