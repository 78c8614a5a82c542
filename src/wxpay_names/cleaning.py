"""Input hygiene shared by every entry point: one pass, linear in the input.

The policy (``docs/input-policy.md``): input longer than ``MAX_INPUT_LENGTH`` is
refused before any other work; zero-width and bidi characters are removed and
reported; every kind of white space becomes one ASCII space; full-width Latin is
folded by NFKC; control characters are refused.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .errors import ErrorCode, InvalidNameError

MAX_INPUT_LENGTH = 256

# The full-width forms block: Ｊｏｈｎ typed on a Chinese keyboard.
_FULL_WIDTH_FIRST, _FULL_WIDTH_LAST = 0xFF01, 0xFF5E


@dataclass(frozen=True, slots=True)
class CleanText:
    """Text after hygiene, with what was changed on the way."""

    text: str
    invisible: tuple[int, ...] = ()
    full_width: bool = False


def describe_character(char: str) -> str:
    """``'U+0430 CYRILLIC SMALL LETTER A'``: how messages name a character."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"


def check_length(text: str, what: str = "name") -> None:
    """Refuse over-long input before any other work is done on it."""
    if len(text) > MAX_INPUT_LENGTH:
        raise InvalidNameError(
            f"The {what} is {len(text)} characters long; at most {MAX_INPUT_LENGTH} are accepted.",
            code=ErrorCode.TOO_LONG,
        )


def clean(text: str, what: str = "name") -> CleanText:
    """Apply the input policy to *text*; raise ``InvalidNameError`` for control characters."""
    check_length(text, what)
    if text.isascii():
        for position, char in enumerate(text):
            if (char < " " or char == "\x7f") and not char.isspace():
                _refuse_control(char, position, what)
        return CleanText(" ".join(text.split()))
    kept: list[str] = []
    invisible: list[int] = []
    full_width = False
    for position, char in enumerate(text):
        if char.isspace():
            kept.append(" ")
            continue
        category = unicodedata.category(char)
        if category == "Cf":
            invisible.append(position)
        elif category == "Cc":
            _refuse_control(char, position, what)
        elif _FULL_WIDTH_FIRST <= ord(char) <= _FULL_WIDTH_LAST:
            full_width = True
            kept.append(unicodedata.normalize("NFKC", char))
        else:
            kept.append(char)
    composed = unicodedata.normalize("NFC", "".join(kept))
    return CleanText(" ".join(composed.split()), tuple(invisible), full_width)


def _refuse_control(char: str, position: int, what: str) -> None:
    raise InvalidNameError(
        f"The {what} holds a control character ({describe_character(char)}) "
        f"at position {position + 1}; remove it and type the name again.",
        code=ErrorCode.INVALID_CHARACTER,
    )
