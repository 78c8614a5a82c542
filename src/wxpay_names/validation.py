"""What a passport name may hold: letters, spaces, hyphens, apostrophes, periods.

One function, :func:`validate_name_part`, serves the model's validators (where pydantic
turns its ``InvalidNameError`` into a ``ValidationError``) and every input path. Errors
name the offending character and its position in the text as the user gave it.
"""

from __future__ import annotations

import unicodedata

from .cleaning import clean, describe_character, visible_characters
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
_LOOK_ALIKE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})


def script_of(char: str) -> str:
    """The script a letter belongs to, as the first word of its Unicode name.

    >>> script_of("a"), script_of("а"), script_of("Ω"), script_of("張")
    ('LATIN', 'CYRILLIC', 'GREEK', 'CJK')
    """
    if char.isascii():
        return "LATIN"
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


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
    cleaned = clean(text, field, offset).text
    if _ASCII_NAME_CHARACTERS.issuperset(cleaned):
        return cleaned if any(char.isalpha() for char in cleaned) else ""
    # Checked on the text as given (not the cleaned one) so positions are the user's.
    scripts = _letter_scripts(text, field, offset)
    if not scripts:
        return ""
    if len(scripts) > 1:
        _refuse_mixed_scripts(scripts, field)
    return cleaned


def _letter_scripts(text: str, field: str, offset: int) -> dict[str, list[tuple[int, str]]]:
    """The letters of *text* by script, each with its position; refuse anything else."""
    scripts: dict[str, list[tuple[int, str]]] = {}
    marks = -1  # accents on the current letter; -1 when there is no letter to carry one
    for position, char in visible_characters(text, field, offset):
        position += offset
        if char == " " or char in NAME_PUNCTUATION:
            marks = -1
            continue
        category = unicodedata.category(char)
        if category in ("Mn", "Mc"):
            if marks < 0:
                _refuse(char, position, field, "an accent that is not on a letter")
            marks += 1
            if marks > MAX_MARKS_PER_LETTER:
                _refuse(char, position, field, f"more than {MAX_MARKS_PER_LETTER} accents on one letter")
            continue
        if category[0] != "L":
            _refuse(char, position, field, "a passport name has no digits, symbols or emoji")
        marks = 0
        scripts.setdefault(script_of(char), []).append((position, char))
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
    look_alike = {main, script_of(char)} <= _LOOK_ALIKE_SCRIPTS
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
