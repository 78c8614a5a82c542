"""The spellings of a name read from Chinese characters, and the names read last.

A name read from its characters has, beside the passport's spelling, the variants a bank
may hold: ü written U (passports before 2012) and V (a keyboard habit) as well as YU
(GB/T 28039-2011 §6.2); the surname's other reading, where ``data/surnames.csv`` gives
one (覃 QIN, TAN); a double surname (双姓) spaced and hyphenated as well as joined (ZHAOLI:
abkai.net's passport example 赵钱 → ZHAOQIAN, grade D; GB/T 28039-2011 writes Zhào-Qián); the
given name split per syllable (SANFENG → SAN FENG); and the given name's other readings,
where its characters have several in pypinyin's table (张朝阳: ZHAOYANG, pypinyin's reading,
and CHAOYANG). Which of these a bank holds, and in what order to try
them, is for ``candidates`` to rank.

Each name read is kept with its reading in ``NAMES_READ``, so that ``candidates`` and
``check_name``, which spell the name, do not read its characters again.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from typing import NamedTuple

from ..cleaning import check_length
from ..errors import NameFormatError
from ..models import PassportName, SpellingKind, assemble
from ..spelling import Spelling, Words, spell_name
from .chinese_reading import Reading, SurnameParts, read_name
from .chinese_surnames import is_listed_surname
from .pinyin_reading import Syllables, readings_in_words, readings_of

_PASSPORT_U = "YU"  # GB/T 28039-2011 §6.2, PRC passports issued since 2012
# ü as passports before 2012 wrote it, and as keyboards do.
_OTHER_U: tuple[tuple[SpellingKind, str], ...] = (("pinyin_lu", "U"), ("pinyin_lv", "V"))
# Other readings of the given name offered per name: enough for the reading a family uses
# (朝 CHAO for ZHAO) to be found, few enough that the candidates stay twelve and quick.
_GIVEN_READINGS_AT_MOST = 2


class _Words(NamedTuple):
    """A reading's usual words: one per surname (two in a 双姓), and the given name ("" if none)."""

    capital_surnames: Words  # in capitals, ü kept (Ü): each spelling writes it its own way
    capital_given: str
    surnames: Words  # as the passport writes them (Ü → YU)
    given: str


class _Read:
    """A name read from its characters: the name, its reading, its spellings once asked for."""

    __slots__ = ("name", "reading", "spellings", "words")

    def __init__(self, name: PassportName, reading: Reading, words: _Words) -> None:
        self.name = name
        self.reading = reading
        self.words = words
        self.spellings: tuple[Spelling, ...] | None = None


class _NamesRead(OrderedDict[str, _Read]):
    """The names read last, by their ``chinese`` key, oldest first, at most ``capacity``.

    Why it exists: reading a name's characters is most of the cost of ``from_chinese``, and
    every name from Chinese is spelled again by ``candidates`` and ``check_name``. Oldest
    out first, not least recently used, so that a hit costs one dict look-up and no move;
    names read in a batch and then spelled are all still here. At its capacity it holds a
    few MiB.
    """

    def __init__(self, capacity: int) -> None:
        super().__init__()
        self.capacity = capacity

    def add(self, key: str, read: _Read) -> None:
        if len(self) >= self.capacity:
            self.popitem(last=False)
        self[key] = read


NAMES_READ = _NamesRead(capacity=4096)


def passport_name(key: str) -> PassportName:
    """The name a cleaned key reads as: one of the names read last, or read now and kept."""
    read = NAMES_READ.get(key)
    return (read or _read_and_keep(key)).name


def chinese_spellings(name: PassportName) -> tuple[Spelling, ...]:
    """The name's fields as they are, then its pinyin variants, lightest deviation first.

    Variants: ü written U and V (LYU → LU, LV), the surname's other reading (覃 QIN → TAN),
    the given name split per syllable (SANFENG → SAN FENG), the given name's other readings
    (朝阳 ZHAOYANG → CHAOYANG). A name whose fields are not what its characters read (built by
    hand) gets its fields alone.
    """
    if not name.chinese:
        return (spell_name(name),)
    key = _key_of(name.chinese, name.given_names)
    read = NAMES_READ.get(key)
    if read is not None:
        known = read.name
        # The same fields read from the same characters: the same spellings.
        if known is name or (known.surname == name.surname and known.given_names == name.given_names):
            if read.spellings is None:
                read.spellings = _spellings(_primary(read.words), read.reading, read.words, key)
            return read.spellings
    return spellings_read_again(name)


def spellings_read_again(name: PassportName) -> tuple[Spelling, ...]:
    """``chinese_spellings`` of a name that is not among the names read last."""
    primary = spell_name(name)
    if not name.chinese:
        return (primary,)
    key = _key_of(name.chinese, name.given_names)
    try:
        reading = read_name(key)
    except NameFormatError:
        return (primary,)
    words = _words(reading)
    if _fields(words) != (name.surname, name.given_names):
        return (primary,)
    return _spellings(primary, reading, words, key)


def _read_and_keep(key: str) -> _Read:
    reading = read_name(key)
    words = _words(reading)
    surname, given = _fields(words)
    # The fields are A-Z words and the key is clean: nothing to validate
    # but the length, as a name would be validated again (張 × 53 spells 260 letters).
    for text, what in (
        (key, "Chinese name"),
        (surname, "surname in pinyin"),
        (given, "given name in pinyin"),
    ):
        check_length(text, what)
    # The characters as the name holds them: a trailing space (a surname alone) is not kept,
    # since validation, and so a JSON round trip, would drop it; no given names says it.
    chinese = key.rstrip(" ")
    values = {
        "surname": surname,
        "given_names": given,
        "chinese": chinese,
        "source": "chinese",
        "possibly_truncated": False,
        "issuing_state": None,
    }
    read = _Read(assemble(PassportName, values), reading, words)
    NAMES_READ.add(key, read)
    if _key_of(chinese, given) != key:
        NAMES_READ.add(_key_of(chinese, given), read)
    return read


def _key_of(chinese: str, given_names: str) -> str:
    """The text a name's characters are read from again: a name without given names was read
    as a surname alone, which a trailing space says (``chinese_surnames.surname_alone``)."""
    return chinese if given_names else chinese + " "


def _words(reading: Reading) -> _Words:
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
    """The name's surname and given names fields: a 双姓 joined, as PRC passports print it
    (赵钱 → ZHAOQIAN, abkai.net, grade D; a PRC passport name holds A-Z letters only)."""
    surnames = words.surnames
    return surnames[0] if len(surnames) == 1 else "".join(surnames), words.given


def _primary(words: _Words) -> Spelling:
    """``spell_name`` of the name with these fields, from the words already made: A-Z words
    spell as themselves (``tests/test_chinese_paths.py`` holds the two equal)."""
    return _spelling("icao", _joined(words.surnames), ((words.given,),) if words.given else ())


def _joined(surnames: Words) -> Words:
    """The surname as one word, a 双姓's two surnames joined."""
    return surnames if len(surnames) == 1 else ("".join(surnames),)


def _spelling(kind: SpellingKind, surname: Words, given: tuple[Words, ...]) -> Spelling:
    # tuple.__new__ skips the named tuple's Python-level __new__ (built per name read).
    return tuple.__new__(Spelling, (kind, surname, given))


def _surname_words(surnames: SurnameParts, choice: tuple[int, int, Syllables]) -> Words:
    """One word per surname, ``choice`` putting another reading in one piece (surname, piece, reading)."""
    words: list[str] = []
    for unit_index, unit in enumerate(surnames):
        syllables: list[str] = []
        for piece_index, readings in enumerate(unit):
            syllables += choice[2] if choice[:2] == (unit_index, piece_index) else readings[0]
        words.append("".join(syllables).upper().replace("Ü", _PASSPORT_U))
    return ("".join(words),)


def _spellings(primary: Spelling, reading: Reading, words: _Words, key: str) -> tuple[Spelling, ...]:
    """The primary spelling, then the variants of the reading, lightest deviation first.

    A surname's other readings are offered whatever the evidence for them in
    ``data/surnames.csv`` (``reported`` or ``inferred``): they come after the usual reading,
    and ``candidates`` ranks them below it. *key* is the text the name was read from.
    """
    found = [primary]
    capital_surnames, capital_given, surnames, given = words
    if "Ü" in capital_given or "Ü" in "".join(capital_surnames):
        for kind, letter in _OTHER_U:
            found.append(
                _spelling(
                    kind,
                    _joined(tuple([word.replace("Ü", letter) for word in capital_surnames])),
                    ((capital_given.replace("Ü", letter),),) if capital_given else (),
                )
            )
    passport_given = ((given,),) if given else ()
    if len(surnames) > 1:  # a 双姓: its surnames spaced and hyphenated, as other records write it
        found.append(_spelling("double_surname_spaced", surnames, passport_given))
        found.append(_spelling("double_surname_hyphenated", ("-".join(surnames),), passport_given))
    parts = reading.surnames
    if len(parts) > 1 or len(parts[0]) > 1 or len(parts[0][0]) > 1:  # a reading to choose
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
    # A compound of the surname table (its usual reading two syllables), found without reading
    # the key again: the one-piece surnames of most names are one syllable.
    apart = (
        _surname_apart(key) if len(parts) == 1 and len(parts[0]) == 1 and len(parts[0][0][0]) == 2 else None
    )
    if apart is not None:
        found.append(_spelling("surname_split", apart.surnames, ((apart.given,),) if apart.given else ()))
    if len(reading.given) > 1:
        split = tuple([syllable.upper().replace("Ü", _PASSPORT_U) for syllable in reading.given])
        found.append(_spelling("pinyin_syllables", _joined(surnames), (split,)))
    if given:
        # The given name is the text's last characters, one syllable each (spaces aside).
        characters = (
            key[-len(reading.given) :] if " " not in key else "".join(key.split())[-len(reading.given) :]
        )
        found += [
            _spelling("given_reading", _joined(surnames), ((other,),))
            for other in _other_given_readings(characters, reading.given)
        ]
    return tuple(found)


def _surname_apart(key: str) -> _Words | None:
    """For a text read with a compound surname of the table (单于飞: 单于, then 飞), its words
    read with the first character alone as the surname, where that character is a surname of
    its own (单 SHAN), and the rest as the given name (YUFEI); ``None`` when it is not, and for
    a text whose split was given (``单 于飞``) or that is the compound alone."""
    if " " in key or "-" in key or len(key) < 3 or not is_listed_surname(key[0]):
        return None
    try:
        return _words(read_name(f"{key[0]} {key[1:]}"))
    except NameFormatError:
        return None


def _other_given_readings(characters: str, given: Syllables) -> tuple[str, ...]:
    """The given name read otherwise, as the passport writes it: at most two.

    pypinyin reads a given name by its common reading (its phrase table first), which is not
    always the family's: 朝阳 is ZHAOYANG there, CHAOYANG for 张朝阳. Each alternative changes
    one character to its next reading in pypinyin's table that a word of its phrase table uses
    (``readings_in_words``: not 明 as MENG), the first characters first; that
    a passport prints any of them is a guess, and ``candidates`` ranks them low. A reading
    spelled like another spelling of the name (绿 LU, as ü written U) is left to that one.
    """
    if all(len(readings_of(char)) == 1 for char in characters):  # most given names
        return ()
    return _changed_readings(characters, given)


@lru_cache(maxsize=4096)
def _changed_readings(characters: str, given: Syllables) -> tuple[str, ...]:
    """``_other_given_readings`` of a given name with a character of several readings.

    Cached: such given names repeat across names (张朝阳, 李朝阳), and this costs a few µs.
    """
    others = [_other_syllables(char, usual) for char, usual in zip(characters, given, strict=True)]
    passport = [syllable.upper().replace("Ü", _PASSPORT_U) for syllable in given]
    taken = (
        {"".join(given).upper().replace("Ü", letter) for letter in ("U", "V")}
        if "ü" in "".join(given)
        else ()
    )
    words: list[str] = []
    for depth in range(max(map(len, others))):
        for index, alternatives in enumerate(others):
            if depth < len(alternatives):
                word = "".join([*passport[:index], alternatives[depth], *passport[index + 1 :]])
                if word not in taken and word not in words:
                    words.append(word)
                    if len(words) == _GIVEN_READINGS_AT_MOST:
                        return tuple(words)
    return tuple(words)


@lru_cache(maxsize=16384)
def _other_syllables(char: str, usual: str) -> tuple[str, ...]:
    """The character's readings other than *usual*, as the passport writes them (ü → YU).

    Cached: given names draw on a few thousand characters, each read one or two ways.
    """
    return tuple(
        [
            syllable.upper().replace("Ü", _PASSPORT_U)
            for syllable in readings_in_words(char)
            if syllable != usual
        ]
    )
