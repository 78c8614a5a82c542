"""The one type check of the pre-flight calls (content is never refused, a non-``str`` is), and
how a number typed in groups is read."""

from __future__ import annotations

import unicodedata

from ..cleaning import MAX_INPUT_LENGTH, is_invisible, is_white_space
from ..errors import InvalidArgumentError


def require_text(value: object, what: str) -> None:
    """Raise ``InvalidArgumentError`` unless *value* is a ``str``; *what* names it ("A card number")."""
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{what} is a str, not {type(value).__name__}.")


def compact_number(text: str) -> str:
    """*text* as one run of characters: group separators dropped (white space, invisible
    characters, periods, and dashes of any kind or a minus sign: ``-``, ``–``, U+2011, ``−``),
    full-width forms folded, any script's decimal digits read as 0–9, letters in capitals. Read
    up to ``MAX_INPUT_LENGTH + 1`` characters: the work is bounded, and a text over the limit
    stays too long to be a number.

    >>> compact_number(" 6222–0200 ０１ "), compact_number("٩٣٢"), compact_number("932682-1985 0101x")
    ('6222020001', '932', '93268219850101X')
    """
    kept: list[str] = []
    # What people type between digit groups (the input policy's rule 4: a copy from a web page or
    # a chat brings no-break spaces, tabs and a final line break; a word processor, en dashes).
    for char in unicodedata.normalize("NFKC", text[: MAX_INPUT_LENGTH + 1]).upper():
        if (
            char in ".\u2212"
            or is_white_space(char)
            or is_invisible(char)
            or unicodedata.category(char) == "Pd"
        ):
            continue
        value = unicodedata.decimal(char, None)
        kept.append(str(value) if value is not None else char)
    return "".join(kept)
