"""Reading what a person typed: what a bank record cannot hold is noted and undone.

One pass over the characters: invisible characters, full-width forms, styled letters
(𝐙𝐇𝐀𝐍𝐆 from a font generator), letters of other alphabets, accents and punctuation are
noted (each becomes a problem) and what is left is the typed words in letters A–Z, ready
to be matched with the name's words. A text of ASCII letters and spaces, the common case,
is read without looking at its characters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from ..cleaning import FULL_WIDTH_FIRST, FULL_WIDTH_LAST, is_invisible, is_white_space
from ..errors import NameFormatError
from ..models import SpellingKind
from ..spelling import spell
from ..validation import APOSTROPHES, HYPHENS, script_of, styled_letter

# Full-width forms (Ｊｏｈｎ) and the ideographic space, typed with a Chinese input method.
_IDEOGRAPHIC_SPACE = "\u3000"
# Letters of other alphabets drawn like a Latin letter, and the Latin letter meant.
_LOOK_ALIKES = dict(
    zip(
        "АВЕКМНОРСТУХаеорсухіјѕІЈЅԁһΑΒΕΖΗΙΚΜΝΟΡΤΥΧοι",
        "ABEKMHOPCTYXaeopcyxijsIJSdhABEZHIKMNOPTYXoi",
        strict=True,
    )
)
# Punctuation that parts two words (a hyphen, a comma); any other is simply dropped.
_WORD_BREAKS = frozenset(",;/\\·・") | HYPHENS
WORD_BREAK = "-"  # how the reading marks such a break: no letter, yet not a space either
# Where an invisible character was taken out while reading: a word made only of them is dropped.
_TAKEN_OUT = "\x00"
_new = tuple.__new__


@dataclass(slots=True)
class TypedText:
    """The typed text in letters A–Z, spaces and word breaks, with what was undone on the way."""

    icao: str = ""  # accents written as the passport's machine-readable line writes them (Ü → UE)
    folded: str = ""  # accents dropped (Ü → U)
    cleaned: str = ""  # after removing invisible characters and folding full width
    invisible: list[tuple[int, str]] = field(default_factory=list)  # (position, character)
    full_width: list[tuple[int, str]] = field(default_factory=list)
    styled: list[str] = field(default_factory=list)  # styled letters (𝐙, ℤ), read as the plain ones
    look_alikes: list[tuple[str, str]] = field(default_factory=list)  # (letter, the word it is in)
    other_scripts: list[str] = field(default_factory=list)
    accented: list[str] = field(default_factory=list)
    punctuation: list[str] = field(default_factory=list)


def read_typed(entered: str) -> TypedText:
    """Read *entered* one character at a time; see the module docstring.

    >>> typed = read_typed("Ｍüller–jurgen")  # an en dash: a word break, written ``-``
    >>> typed.icao, typed.folded, [char for _, char in typed.full_width], typed.accented
    ('Mueller-jurgen', 'Muller-jurgen', ['Ｍ'], ['ü'])
    """
    letters = entered.replace(" ", "")
    if entered.isascii() and (letters.isalpha() or not letters):
        return TypedText(entered, entered, entered)
    latin = _latin_letters()
    if latin.letters.issuperset(letters):
        # Letters and spaces only, some accented (MÜLLER): read by table, as read_characters
        # would read them one by one (each accented letter spelled by spell_letter).
        accented = [char for char in letters if not char.isascii()]
        return TypedText(
            entered.translate(latin.icao), entered.translate(latin.folded), entered, accented=accented
        )
    return read_characters(entered)


def read_characters(entered: str) -> TypedText:
    """:func:`read_typed` the long way, one character at a time: what its shortcuts equal."""
    typed = TypedText()
    kept: list[str] = []
    for position, char in enumerate(entered):
        if " " <= char <= "~":
            kept.append(char)
        elif is_white_space(char):
            spot = typed.full_width if char == _IDEOGRAPHIC_SPACE else typed.invisible
            spot.append((position, char))  # a tab or no-break space cannot be told from a space
            kept.append(" ")
        elif FULL_WIDTH_FIRST <= ord(char) <= FULL_WIDTH_LAST:
            typed.full_width.append((position, char))
            kept.append(unicodedata.normalize("NFKC", char))
        elif is_invisible(char) or unicodedata.category(char) in {"Cc", "Cf"}:
            typed.invisible.append((position, char))
            kept.append(_TAKEN_OUT)
        elif plain := styled_letter(char):
            typed.styled.append(char)
            kept.append(plain)
        else:
            kept.append(char)
    marked = "".join(kept)
    typed.cleaned = unicodedata.normalize("NFC", marked.replace(_TAKEN_OUT, ""))
    words: list[tuple[str, str]] = []
    for word in marked.split(" "):
        read = _read_word(unicodedata.normalize("NFC", word.replace(_TAKEN_OUT, "")), typed)
        # A word typed but left with no letter (a digit, a dot, a zero-width space alone) goes
        # with its space: "ZHANG SAN 1" has no space at the end to remove once the 1 is gone.
        # An empty word stays: it is a doubled space the person typed.
        if not word or read[0].strip(WORD_BREAK):
            words.append(read)
    typed.icao = " ".join(icao for icao, _ in words)
    typed.folded = " ".join(folded for _, folded in words)
    return typed


def _read_word(word: str, typed: TypedText) -> tuple[str, str]:
    """One typed word in the ICAO and the folded spelling, noting on *typed* what was undone."""
    # A Cyrillic а inside a Latin word is a look-alike; a whole Cyrillic word is transliterated.
    latin_word = any(char.isalpha() and script_of(char) == "LATIN" for char in word)
    icao: list[str] = []
    folded: list[str] = []
    for char in word:
        if char.isascii() and char.isalpha():
            icao_letters = folded_letters = char
        else:
            category = unicodedata.category(char)
            if char in _WORD_BREAKS or category in {"Pd", "Pc"}:
                typed.punctuation.append(char)
                icao_letters = folded_letters = WORD_BREAK
            elif char in APOSTROPHES or category[0] not in "LM":
                typed.punctuation.append(char)
                continue
            elif category[0] == "M":
                typed.accented.append(char)
                continue
            elif script_of(char) == "LATIN":
                typed.accented.append(char)
                icao_letters, folded_letters = spell_letter(char, "icao"), spell_letter(char, "folded")
            elif latin_word and char in _LOOK_ALIKES:
                typed.look_alikes.append((char, word))
                icao_letters = folded_letters = _LOOK_ALIKES[char]
            else:
                # A whole word in another alphabet: only the passport's spelling applies.
                typed.other_scripts.append(char)
                icao_letters = folded_letters = spell_letter(char, "icao")
        icao.append(icao_letters)
        folded.append(folded_letters)
    return "".join(icao), "".join(folded)


class _LatinLetters(NamedTuple):
    letters: frozenset[str]  # A–Z, a–z and the accented Latin letters below
    icao: dict[int, str]  # accented letter -> spell_letter(letter, "icao")
    folded: dict[int, str]  # accented letter -> spell_letter(letter, "folded")


@cache
def _latin_letters() -> _LatinLetters:
    """The Latin letters of Latin-1 to Latin Extended-B, with their two readings: a fixed table
    built once (never per name), for typed texts made only of letters and spaces."""
    icao: dict[int, str] = {}
    folded: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        # What the character loop of read_typed reads as an accented letter, and keeps as it is.
        if unicodedata.category(char)[0] != "L" or script_of(char) != "LATIN" or char in APOSTROPHES:
            continue
        if unicodedata.normalize("NFC", char) != char:
            continue
        icao_letters, folded_letters = spell_letter(char, "icao"), spell_letter(char, "folded")
        if icao_letters and folded_letters:
            icao[code], folded[code] = icao_letters, folded_letters
    plain = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    return _LatinLetters(frozenset(plain + "".join(map(chr, icao))), icao, folded)


def spell_letter(char: str, kind: SpellingKind) -> str:
    """One letter in Latin letters, in its own case; ``""`` when it has none (a Chinese character)."""
    try:
        letters = "".join(spell(char, kind))
    except NameFormatError:  # nothing to compare it with: the script problem says why
        return ""
    return letters.lower() if char.islower() else letters


class TypedWord(NamedTuple):
    """A typed word: letters between spaces or word breaks."""

    text: str
    spaced: bool  # parted from the previous word by a space (else by punctuation)


class TypedWords(NamedTuple):
    """A text cut into words, with the spaces a bank record would not hold."""

    words: tuple[TypedWord, ...]
    leading_space: bool = False
    trailing_space: bool = False
    doubled_after: tuple[int, ...] = ()  # words followed by more than one space


def split_words(text: str) -> TypedWords:
    """*text* (a reading's letters, or a candidate's text) cut into words.

    >>> split_words(" ZHANG  SAN-FENG").doubled_after
    (0,)
    """
    if WORD_BREAK not in text and "  " not in text and text[:1] != " " and text[-1:] != " ":
        # Words parted by single spaces, the common case: str.split does the whole work.
        if not text:
            return TypedWords(())
        first, *rest = text.split(" ")
        # tuple.__new__ skips the named tuples' Python-level __new__: every check splits a text.
        spaced = [_new(TypedWord, (first, False)), *[_new(TypedWord, (part, True)) for part in rest]]
        return _new(TypedWords, (tuple(spaced), False, False, ()))
    words: list[TypedWord] = []
    doubled: list[int] = []
    letters: list[str] = []
    spaces = 0
    leading = False
    for char in (*text, " "):
        if char == " " or char == WORD_BREAK:
            if letters:
                words.append(TypedWord("".join(letters), spaces > 0))
                letters = []
                spaces = 0
            if char == " ":
                spaces += 1
                leading = leading or not words
            continue
        if not letters and spaces > 1 and words:
            doubled.append(len(words) - 1)
        letters.append(char)
    trailing = text.endswith(" ") and bool(words)
    return TypedWords(tuple(words), leading and bool(words), trailing, tuple(doubled))
