"""What a passport name may hold: letters, spaces, hyphens, apostrophes, periods.

One function, :func:`validate_name_part`, serves the model's validators (where pydantic
turns its ``InvalidNameError`` into a ``ValidationError``) and every input path.
"""

from __future__ import annotations

import unicodedata

from .cleaning import clean, describe_character
from .errors import ErrorCode, InvalidNameError

HYPHENS = frozenset("-\u2010\u2011\u2012\u2013")
APOSTROPHES = frozenset("'\u2019\u2018\u02bc")
PERIOD = "."
NAME_PUNCTUATION = HYPHENS | APOSTROPHES | {PERIOD}

_ASCII_NAME_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -'.")
# Scripts that hold look-alikes of one another (Cyrillic а, Greek Α, Latin a).
_LOOK_ALIKE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})


def script_of(char: str) -> str:
    """The script a letter belongs to, as the first word of its Unicode name.

    >>> script_of("a"), script_of("а"), script_of("張")
    ('LATIN', 'CYRILLIC', 'CJK')
    """
    if char.isascii():
        return "LATIN"
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def validate_name_part(text: str, field: str = "name") -> str:
    """Return *text* cleaned (white space collapsed, invisible characters removed).

    A part holding no letter counts as empty and gives ``""``. Raises
    ``InvalidNameError`` naming the first character a passport name cannot hold.

    >>> validate_name_part("  Jean-Luc ")
    'Jean-Luc'
    >>> validate_name_part("J0hn")
    Traceback (most recent call last):
    ...
    wxpay_names.errors.InvalidNameError: The name holds '0' (U+0030 DIGIT ZERO) at position 2: ...
    """
    cleaned = clean(text, field).text
    if _ASCII_NAME_CHARACTERS.issuperset(cleaned):
        return cleaned if any(char.isalpha() for char in cleaned) else ""
    scripts: dict[str, list[int]] = {}
    for position, char in enumerate(cleaned):
        if char == " " or char in NAME_PUNCTUATION:
            continue
        category = unicodedata.category(char)
        if category[0] == "M":
            continue
        if category[0] != "L":
            raise InvalidNameError(
                f"The {field} holds {char!r} ({describe_character(char)}) at position "
                f"{position + 1}: a passport name has no digits, symbols or emoji; "
                "type only the letters of the name.",
                code=ErrorCode.INVALID_CHARACTER,
            )
        scripts.setdefault(script_of(char), []).append(position)
    if not scripts:
        return ""
    if len(scripts) > 1:
        _refuse_mixed_scripts(cleaned, scripts, field)
    return cleaned


def _refuse_mixed_scripts(text: str, scripts: dict[str, list[int]], field: str) -> None:
    # The script with most letters is the one meant; the first letter of another is the intruder.
    main = max(scripts, key=lambda script: len(scripts[script]))
    intruder = min(position for script, spots in scripts.items() if script != main for position in spots)
    char = text[intruder]
    look_alike = bool(_LOOK_ALIKE_SCRIPTS & {main, script_of(char)})
    hint = (
        " It looks like a letter of another alphabet pasted in; retype the name on a plain keyboard."
        if look_alike
        else " A name is written in one script; use the Latin name printed in the passport."
    )
    raise InvalidNameError(
        f"The {field} mixes {main.title()} letters with {char!r} ({describe_character(char)}) "
        f"at position {intruder + 1}.{hint}",
        code=ErrorCode.MIXED_SCRIPT,
    )
