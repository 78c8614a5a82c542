"""What a passport name may hold: letters, spaces, hyphens, apostrophes, periods.

One function, :func:`validate_name_part`, serves the model's validators (where pydantic
turns its ``InvalidNameError`` into a ``ValidationError``) and every input path. Errors
name the offending character and its position in the text as the user gave it.

Two paths give one result. Text that is already clean (composed Latin letters, single
spaces between words, hyphens, apostrophes, periods) is returned as it is after one
regular expression: most names, at the cost of a few string operations. Anything else takes the
full path: hygiene (:func:`wxpay_names.cleaning.clean`), then every character of the text
*as it will be stored* is checked, so that what is accepted always validates again
(``tests/test_validation_paths.py`` holds both to that).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .cleaning import MAX_INPUT_LENGTH, check_length, clean, describe_character, visible_characters
from .errors import ErrorCode, InvalidNameError

# Every dash a keyboard, a word processor or "smart punctuation" puts for a hyphen.
HYPHENS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212\ufe63")
# The apostrophe and what stands in for it: ’ ‘ (smart quotes), ʼ ʻ (modifier letters,
# the Hawaiian ʻokina), ` and ´ (the keys next to it).
APOSTROPHES = frozenset("'\u2019\u2018\u02bc\u02bb`\u00b4")
PERIOD = "."
NAME_PUNCTUATION = HYPHENS | APOSTROPHES | {PERIOD}

# More accents than this on one letter is decoration ("Zalgo" text), not a name.
MAX_MARKS_PER_LETTER = 3

_ASCII_NAME_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -'.")
# Scripts that hold look-alikes of one another (Cyrillic а, Greek Α, Latin a).
LOOK_ALIKE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})

# The fast path: letters that are Latin and composed already (NFC leaves them as they are),
# Latin-1's (À–Ö, Ø–ö, ø–ÿ; not × ÷, and not ª º µ, letters of no script), Latin Extended-A
# and -B (Ł, Ř, Ș, Ǎ…) and Latin Extended Additional (Vietnamese Ạ, Ế…); tests check the ranges.
FAST_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_FAST_PUNCTUATION = "'\u2019.\\-"
_FAST_WORD = f"[{FAST_LETTERS}{_FAST_PUNCTUATION}]+"
# Words one space apart, nothing at either end, a letter in the first word: text the full path
# would give back unchanged. One match, no backtracking (a space is in no class).
match_already_clean = re.compile(
    f"[{_FAST_PUNCTUATION}]*[{FAST_LETTERS}]{_FAST_WORD[:-1]}*(?: {_FAST_WORD})*"
).fullmatch


# How messages name a field, and the field's name in the models (``error.field``).
_API_FIELDS = {"surname": "surname", "given names field": "given_names"}


def script_of(char: str) -> str:
    """The script a letter belongs to, as the first word of its Unicode name.

    >>> script_of("a"), script_of("а"), script_of("Ω"), script_of("張")
    ('LATIN', 'CYRILLIC', 'GREEK', 'CJK')
    """
    if char.isascii():
        return "LATIN"
    if "\u00c0" <= char <= "\u024f" and char.isalpha():
        # Latin-1 Supplement and Latin Extended-A/B: every letter there is LATIN (a test
        # holds it to unicodedata), and accented names are common enough to skip the lookup.
        return "LATIN"
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


# The first words of the Unicode names of the letters that are styled forms of Latin ones
# (their compatibility form is a plain letter); a test holds the list to Unicode.
STYLED_SCRIPTS = frozenset(
    {
        "MATHEMATICAL",
        "DOUBLE-STRUCK",
        "SCRIPT",
        "BLACK-LETTER",
        "MODIFIER",
        "SUPERSCRIPT",
        "FEMININE",
        "MASCULINE",
        "PLANCK",
        "INFORMATION",
    }
)


def styled_letter(char: str) -> str:
    """The plain Latin letter(s) *char* is a styled form of; ``""`` for any other character.

    Font generators and formatted text make "bold" or "script" names out of letters Unicode
    keeps apart for mathematics (𝐙, 𝒵, ℤ) and raised letters (ᴬ, ª); they show a name and
    spell none. (Full-width forms are folded by hygiene; ligatures such as ĳ are Latin letters.)

    >>> styled_letter("𝐙"), styled_letter("ℤ"), styled_letter("ª"), styled_letter("Z"), styled_letter("ĳ")
    ('Z', 'Z', 'a', '', '')
    """
    if char.isascii() or not char.isalpha() or script_of(char) not in STYLED_SCRIPTS:
        return ""
    plain = unicodedata.normalize("NFKC", char)
    return plain if plain != char and plain.isascii() and plain.isalpha() else ""


def part_script(part: str) -> str | None:
    """The script of a validated name part (its first letter's: a part has one); None if empty.

    >>> part_script("Müller"), part_script("Иванов"), part_script(""), part_script("ʻAkaka")
    ('LATIN', 'CYRILLIC', None, 'LATIN')
    """
    for char in part:
        # ʻ and ʼ are letters to Unicode (modifier letters) but apostrophes in a name.
        if char.isalpha() and char not in NAME_PUNCTUATION:
            return script_of(char)
    return None


def validate_name_part(text: str, field: str = "name", *, offset: int = 0) -> str:
    """Return *text* cleaned (white space collapsed, invisible characters removed).

    A part holding no letter counts as empty and gives ``""``. Raises
    ``InvalidNameError`` naming the first character a passport name cannot hold and its
    position (counted from 1 in *text*, invisible characters included; *offset* is where
    *text* starts in what the user typed, when it is a piece of it).

    >>> validate_name_part("  Jean-Luc ")
    'Jean-Luc'
    >>> validate_name_part("J0hn")
    Traceback (most recent call last):
    ...
    wxpay_names.errors.InvalidNameError: The name holds '0' (U+0030 DIGIT ZERO) at position 2: ...
    >>> validate_name_part("Ivаn")
    Traceback (most recent call last):
    ...
    wxpay_names.errors.InvalidNameError: The name mixes Latin letters with 'а' (U+0430 ...) at position 3. ...
    """
    if len(text) <= MAX_INPUT_LENGTH and match_already_clean(text):
        return text
    return validate_in_full(text, field, offset=offset)


def validate_in_full(text: str, field: str = "name", *, offset: int = 0) -> str:
    """:func:`validate_name_part` without its fast path: the reference the fast path equals."""
    try:
        return _validate_in_full(text, field, offset)
    except InvalidNameError as refused:
        refused.field = refused.field or _API_FIELDS.get(field)
        raise


def _validate_in_full(text: str, field: str, offset: int) -> str:
    stored = clean(text, field, offset).text
    if _ASCII_NAME_CHARACTERS.issuperset(stored):
        return stored if any(char.isalpha() for char in stored) else ""
    try:
        # The text as it will be stored decides: composing accents (NFC) may turn one
        # letter into a letter and marks, or a Greek sign into a modifier letter.
        scripts = _checked(enumerate(stored), field, 0)
    except InvalidNameError as refused:
        if stored == text and not offset:  # as typed: the same fault at the same position
            raise
        # Said where the user typed it, when the text as typed shows a fault too.
        _checked(visible_characters(text, field, offset), field, offset, typed=text)
        raise InvalidNameError(
            f"{refused} (The position is counted after Unicode composition, NFC, which changed the text.)",
            code=refused.code,
            field=refused.field,
        ) from None
    # Composing can lengthen a text (U+0958 is two code points composed); the limit holds for what is stored.
    check_length(stored, field)
    return stored if scripts else ""


def _checked(characters: Iterable[tuple[int, str]], field: str, offset: int, typed: str = "") -> set[str]:
    """The scripts of the letters among *characters*: one, or none; refuse anything else.

    With *typed* (the text the positions index), a refused character is named as typed
    there, not as folded (``０``, not the ``0`` cleaning made of it)."""
    scripts = _letter_scripts(characters, field, offset, typed)
    if len(scripts) > 1:
        _refuse_mixed_scripts(scripts, field)
    return set(scripts)


def _letter_scripts(
    characters: Iterable[tuple[int, str]], field: str, offset: int, typed: str = ""
) -> dict[str, list[tuple[int, str]]]:
    """The letters by script, each with its position; refuse anything else."""
    scripts: dict[str, list[tuple[int, str]]] = {}
    marks = -1  # accents on the current letter; -1 when there is no letter to carry one
    for at, char in characters:
        position = at + offset
        shown = typed[at] if typed else char  # what a refusal names
        if char == " " or char in NAME_PUNCTUATION:
            marks = -1
            continue
        category = unicodedata.category(char)
        if category in ("Mn", "Mc"):
            if marks < 0:
                _refuse(shown, position, field, "an accent that is not on a letter")
            marks += 1
            if marks > MAX_MARKS_PER_LETTER:
                _refuse(shown, position, field, f"more than {MAX_MARKS_PER_LETTER} accents on one letter")
            continue
        if category[0] != "L":
            _refuse(shown, position, field, "a passport name has no digits, symbols or emoji")
        marks = 0
        script = script_of(char)
        if script in STYLED_SCRIPTS and (plain := styled_letter(char)):
            raise InvalidNameError(
                f"The {field} holds {shown!r} ({describe_character(shown)}) at position {position + 1}: "
                f"a styled or raised form of {plain!r} (from a font generator, formatted text, or a "
                "short form such as Mª), not a letter a passport prints; type the plain letters of the "
                "name as the passport prints them.",
                code=ErrorCode.INVALID_CHARACTER,
            )
        scripts.setdefault(script, []).append((position, char))
    return scripts


def _refuse(char: str, position: int, field: str, why: str) -> None:
    raise InvalidNameError(
        f"The {field} holds {char!r} ({describe_character(char)}) at position {position + 1}: "
        f"{why}; type only the letters of the name.",
        code=ErrorCode.INVALID_CHARACTER,
    )


def _refuse_mixed_scripts(scripts: dict[str, list[tuple[int, str]]], field: str) -> None:
    # The script with most letters is the one meant (Latin on a tie: the names this library
    # spells are Latin); the first letter of another script is the intruder.
    main = max(scripts, key=lambda script: (len(scripts[script]), script == "LATIN"))
    position, char = min(spot for script, spots in scripts.items() if script != main for spot in spots)
    look_alike = {main, script_of(char)} <= LOOK_ALIKE_SCRIPTS
    hint = (
        " It looks like a letter of another alphabet pasted in; retype the name on a plain keyboard."
        if look_alike
        else " A name is written in one script; use the Latin name printed in the passport."
    )
    raise InvalidNameError(
        f"The {field} mixes {main.title()} letters with {char!r} ({describe_character(char)}) "
        f"at position {position + 1}.{hint}",
        code=ErrorCode.MIXED_SCRIPT,
    )
