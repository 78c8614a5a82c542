"""Toneless Hanyu Pinyin of Chinese characters, read as pypinyin's ``lazy_pinyin`` reads them.

pypinyin is imported on the first reading, never at ``import wxpay_names``: it costs a
quarter of a second and 55 MiB.

Why not call ``lazy_pinyin`` itself: per character it goes through segmentation and a chain
of hooks and regular expressions that cost more than all the rest of the work on a name
(``docs/performance.md``). ``lazy_pinyin_segments`` does what ``lazy_pinyin`` does for a
list of segments, from pypinyin's own tables read live (never copied), and hands anything
else to ``lazy_pinyin``. Those tables and the style converter are pypinyin internals
(``constants.PINYIN_DICT``, ``constants.PHRASES_DICT``, ``constants.RE_HANS``,
``converter.UltimateConverter.convert_style``) that a pypinyin release may change:
``tests/test_chinese_paths.py`` compares the two readings over every character and phrase
of the tables, and pypinyin's upper bound in ``pyproject.toml`` should move only once those
tests pass with the new release.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from ..resources import data_text

Syllables = tuple[str, ...]  # toneless pinyin, lower case, ü written ü


class NoReadingError(Exception):
    """pypinyin gave ``char`` no reading a passport can write; the caller names it to the user."""

    def __init__(self, char: str) -> None:
        super().__init__(char)
        self.char = char


class Pypinyin(NamedTuple):
    """What this module uses of pypinyin, loaded once."""

    lazy_pinyin: Callable[[list[str]], list[str]]
    characters: Mapping[int, str]  # code point -> its readings with tone marks, comma-separated
    phrases: Mapping[str, list[list[str]]]  # word -> per character, its readings with tone marks
    is_han: Callable[[str], object]  # pypinyin's test whether a segment is read from these tables
    toneless: Callable[[str, str], str]  # (character, reading with tone marks) -> toneless
    # The toneless form of each table value met so far (a reading, or a character's readings
    # comma-separated), since pypinyin's conversion of one costs more than the rest of a
    # character's reading. It is a pure function of the value, so the memo never goes stale,
    # and it holds at most one entry per distinct value of the two tables: 8,658 short
    # strings with pypinyin 0.55.0 (``tests/test_chinese_paths.py`` checks the bound).
    toneless_values: dict[str, str]


@cache
def pypinyin() -> Pypinyin:
    """pypinyin, imported on first use."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
    from pypinyin.converter import UltimateConverter

    # The converter lazy_pinyin builds on every call, with the same (default) options.
    converter = UltimateConverter()

    def toneless(char: str, reading: str) -> str:
        converted: str = converter.convert_style(char, reading, Style.NORMAL, True)
        return converted

    return Pypinyin(lazy_pinyin, PINYIN_DICT, PHRASES_DICT, RE_HANS.match, toneless, {})


def read_segments(segments: list[str]) -> list[Syllables]:
    """Each segment read apart from the others, as ``lazy_pinyin(segments)`` reads them, ü as ü.

    Raises ``NoReadingError`` for a character whose reading is no passport syllable.
    """
    if not segments:
        return []
    flat = lazy_pinyin_segments(segments)
    characters = "".join(segments)
    joined = "".join(flat)
    if len(flat) != len(characters):  # pypinyin gives one syllable per Han character; never seen
        raise NoReadingError(characters[min(len(flat), len(characters) - 1)])
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


def lazy_pinyin_segments(segments: Sequence[str]) -> list[str]:
    """What ``lazy_pinyin(list(segments))`` returns, without its per-character overhead.

    ``lazy_pinyin`` given a list reads each segment of Han characters whole: the segment's
    readings from the phrase table if it is a phrase there, else each character's first
    reading; then every reading is made toneless. The same here, from the same live tables
    and with pypinyin's own toneless conversion. Anything else (a segment pypinyin would
    split further) goes to ``lazy_pinyin`` itself.
    """
    tables = pypinyin()
    characters, phrases, toneless = tables.characters, tables.phrases, tables.toneless_values
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


def read_given_name(text: str, read: Syllables) -> Syllables:
    """*read*, pypinyin's reading of the given name *text*, with ``data/given_name_readings.csv``'s
    reading for each character it lists, where pypinyin read the characters one by one (a word
    of its phrase table read whole keeps the word's reading: 长大 is ZHANGDA).

    >>> read_given_name("长伟", ("zhang", "wei"))
    ('chang', 'wei')
    """
    table = _given_name_readings()
    if table.keys().isdisjoint(text) or text in pypinyin().phrases:
        return read
    return tuple([table.get(char, syllable) for char, syllable in zip(text, read, strict=True)])


@cache
def _given_name_readings() -> dict[str, str]:
    """``data/given_name_readings.csv``, read once, on the first given name read."""
    return {row["character"]: row["reading"] for row in csv.DictReader(data_text("given_name_readings.csv"))}


@lru_cache(maxsize=8192)
def readings_of(char: str) -> Syllables:
    """Every toneless reading of one character, in pypinyin's table order, ü as ü, each once.

    What ``pinyin(char, style=Style.NORMAL, heteronym=True)`` gives, from the same table and
    conversion as ``lazy_pinyin_segments`` (ê written E, as ``read_segments`` does); a
    reading that is not letters a passport can write is left out. Cached per character:
    given names draw on a few thousand characters.
    """
    tables = pypinyin()
    value = tables.characters.get(ord(char))
    if value is None:
        return ()
    found: list[str] = []
    for reading in value.split(","):
        try:
            syllable = _syllable(tables.toneless(char, reading), char)
        except NoReadingError:
            continue
        if syllable not in found:
            found.append(syllable)
    return tuple(found)


@lru_cache(maxsize=8192)
def readings_in_words(char: str) -> Syllables:
    """The readings of *char* (``readings_of``, in its order) that some word of pypinyin's
    phrase table reads it with; every reading of a character no word of the table holds
    (晟 shèng or chéng: the table has no word to tell).

    The character table also keeps readings no word of the phrase table uses, archaic or
    literary ones (明 mèng, 洋 xiáng, 平 pián, bìng and bēng, 浩 gǎo): offered as a given name's
    other reading they would send a person to try ZENG XIAOMENG. A reading a word uses (朝 zhāo
    in 朝阳, cháo in 朝代; 乐 yuè in 音乐) is one a name may be read with.
    """
    used = _readings_used_in_words().get(char)
    if used is None:  # no word holds the character: the table cannot tell, all its readings stay
        return readings_of(char)
    tables = pypinyin()
    found: set[str] = set()
    for reading in used:
        try:
            found.add(_syllable(tables.toneless(char, reading), char))
        except NoReadingError:
            continue
    return tuple([syllable for syllable in readings_of(char) if syllable in found])


@cache
def _readings_used_in_words() -> dict[str, frozenset[str]]:
    """Every character of the phrase table, with the readings (tone marks kept) its words use.

    An index of the live table, not a copy of it: built once, on the first given name with a
    character of several readings (≈ 0.1 s).
    """
    used: dict[str, set[str]] = {}
    for word, readings in pypinyin().phrases.items():
        for char, options in zip(word, readings, strict=False):
            used.setdefault(char, set()).update(options)
    return {char: frozenset(options) for char, options in used.items()}


def _syllable(syllable: str, char: str) -> str:
    # The slow path: ê (欸) has no passport letter but E; anything else unexpected is refused.
    normal = syllable.replace("v", "ü").replace("ê", "e")
    if not normal or not all("a" <= letter <= "z" or letter == "ü" for letter in normal):
        raise NoReadingError(char)
    return normal
