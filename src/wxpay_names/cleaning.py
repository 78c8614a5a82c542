"""Input hygiene shared by every entry point: one pass, linear in the input.

The policy (``docs/input-policy.md``): input longer than ``MAX_INPUT_LENGTH`` is
refused before any other work; bidirectional controls are refused (``\\u202e`` shows
``gnahZ`` as ``Zhang``); the other invisible characters (zero-width, the rest of
Unicode's default-ignorable set) are removed and reported; every kind of white space
becomes one ASCII space; full-width Latin is folded to ASCII; control characters are
refused. What a *name* may hold beyond that is :mod:`wxpay_names.validation`'s job.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .errors import ErrorCode, InvalidNameError, too_long_zh

MAX_INPUT_LENGTH = 256

# The full-width forms block: Ｊｏｈｎ typed on a Chinese keyboard.
FULL_WIDTH_FIRST, FULL_WIDTH_LAST = 0xFF01, 0xFF5E

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters that
# render as nothing. Zero-width space and joiners, bidi marks, embeddings and isolates,
# the soft hyphen, word joiner, BOM, variation selectors, Hangul fillers and tag
# characters are all here. First and last code point of each range, in order.
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)  # fmt: skip
_INVISIBLE_STARTS = tuple(first for first, _ in _INVISIBLE_RANGES)

# Unicode's Bidi_Control characters (PropList.txt): marks, embeddings, overrides, isolates.
# They change the order letters are shown in, so a name holding one shows one thing and
# says another ("\u202egnahZ" shows as "Zhang"): refused, not removed. All are invisible.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# White space a name may arrive with. Python's str.isspace() also counts the C0
# separators U+001C..U+001F and NEL U+0085; those are control characters, refused.
_CONTROL_WHITE_SPACE = frozenset("\t\n\v\f\r")
_SPACE_CATEGORIES = frozenset({"Zs", "Zl", "Zp"})
# Unicode gives these no name; say what they are instead.
_UNNAMED = {"Cc": "CONTROL", "Cs": "SURROGATE", "Co": "PRIVATE USE", "Cn": "UNASSIGNED"}


@dataclass(frozen=True, slots=True)
class CleanText:
    """Text after hygiene, with what was changed on the way.

    ``invisible`` holds the positions (0-based, in the text as given) of the invisible
    characters removed; ``full_width`` says whether full-width forms were folded.
    """

    text: str
    invisible: tuple[int, ...] = ()
    full_width: bool = False


def describe_character(char: str) -> str:
    """``'U+0430 CYRILLIC SMALL LETTER A'``: how messages name a character.

    >>> describe_character("а"), describe_character("\\u200b"), describe_character("\\x00")
    ('U+0430 CYRILLIC SMALL LETTER A', 'U+200B ZERO WIDTH SPACE', 'U+0000 CONTROL')
    """
    name = unicodedata.name(char, "") or _UNNAMED.get(unicodedata.category(char), "UNNAMED")
    return f"U+{ord(char):04X} {name}"


def is_invisible(char: str) -> bool:
    """True for a character that renders as nothing (zero-width, bidi control, ...).

    >>> [is_invisible(char) for char in ("\\u200b", "\\u202e", "\\ufeff", "a", " ")]
    [True, True, True, False, False]
    """
    code = ord(char)
    if code < 0x00AD:
        return False
    index = bisect_right(_INVISIBLE_STARTS, code) - 1
    return index >= 0 and code <= _INVISIBLE_RANGES[index][1]


def is_white_space(char: str) -> bool:
    """True for a character taken as one space: NBSP, the ideographic space, tab, newline, ...

    >>> [is_white_space(char) for char in (" ", "\\u00a0", "\\u3000", "\\n", "\\x1f", "\\u200b")]
    [True, True, True, True, False, False]
    """
    return char in _CONTROL_WHITE_SPACE or unicodedata.category(char) in _SPACE_CATEGORIES


# No candidate of a name of two 256-character parts is longer: a letter spells as at most four
# (Щ → SHCH). A typed text beyond it is refused before the name is read.
TYPED_TEXT_AT_MOST = 16 * MAX_INPUT_LENGTH


def typed_text_limit(texts: Iterable[str]) -> int:
    """How long a typed text may be, given the texts a name is written as (its candidates):
    ``MAX_INPUT_LENGTH``, or the longest of them when longer (``Щ`` × 100 spells as 400 letters).

    >>> typed_text_limit(["ZHANG SAN", "SAN ZHANG"]), typed_text_limit(["X" * 601])
    (256, 601)
    """
    return max(MAX_INPUT_LENGTH, max(map(len, texts), default=0))


def check_length(text: str, what: str = "name", limit: int = MAX_INPUT_LENGTH) -> None:
    """Refuse over-long input before any other work is done on it.

    Only ``len()`` is taken (constant time for a ``str``): a 400,000-character input is
    refused without one character of it being looked at. *limit* is larger only for a
    typed text, which may be as long as the longest text the name is written as
    (``check.typed_length_limit``).
    """
    if len(text) > limit:
        raise InvalidNameError(
            f"The {what} is {len(text)} characters long; at most {limit} are accepted.",
            code=ErrorCode.TOO_LONG,
            message_zh=too_long_zh(len(text), limit),
        )


def visible_characters(text: str, what: str = "name", offset: int = 0) -> Iterator[tuple[int, str]]:
    """Each character of *text* that hygiene keeps, with its position in *text* (0-based).

    Invisible characters are skipped, white space comes out as ``" "``, full-width forms
    come out folded (``Ｊ`` → ``J``); a control character or a bidirectional control raises
    ``InvalidNameError`` naming it and its position (plus *offset*, where *text* starts in
    what the user typed).
    The caller must have called :func:`check_length`.
    """
    for position, char in enumerate(text):
        if " " <= char <= "~":
            yield position, char
        elif is_white_space(char):
            yield position, " "
        elif is_invisible(char):
            if char in BIDI_CONTROLS:
                _refuse_bidi(char, position + offset, what)
            continue
        elif unicodedata.category(char) == "Cc":
            _refuse_control(char, position + offset, what)
        elif FULL_WIDTH_FIRST <= ord(char) <= FULL_WIDTH_LAST:
            yield position, unicodedata.normalize("NFKC", char)
        else:
            yield position, char


def clean(text: str, what: str = "name", offset: int = 0) -> CleanText:
    """Apply the input policy to *text*; raise ``InvalidNameError`` for control characters.

    >>> clean("  Ｚｈａｎｇ\\u00a0 San\\u200b ")
    CleanText(text='Zhang San', invisible=(12,), full_width=True)
    >>> clean("\\u202egnahZ")
    Traceback (most recent call last):
    ...
    wxpay_names.errors.InvalidNameError: The name holds a bidirectional control (U+202E ...) at position 1...
    """
    check_length(text, what)
    if text.isascii() and text.isprintable():
        return CleanText(" ".join(text.split()))
    kept: list[str] = []
    invisible: list[int] = []
    full_width = False
    previous = -1
    for position, char in visible_characters(text, what, offset):
        # A gap in the positions is an invisible character removed (visible_characters
        # yields every other character, one for one).
        invisible.extend(range(previous + 1, position))
        previous = position
        full_width = full_width or FULL_WIDTH_FIRST <= ord(text[position]) <= FULL_WIDTH_LAST
        kept.append(char)
    invisible.extend(range(previous + 1, len(text)))
    composed = unicodedata.normalize("NFC", "".join(kept))
    return CleanText(_collapse(composed), tuple(invisible), full_width)


def _collapse(text: str) -> str:
    # Only ASCII spaces are left as white space; split(" ") keeps any other character.
    return " ".join(word for word in text.split(" ") if word)


def _refuse_bidi(char: str, position: int, what: str) -> None:
    raise InvalidNameError(
        f"The {what} holds a bidirectional control ({describe_character(char)}) at position "
        f"{position + 1}: it changes the order the letters are shown in, so what you see is not "
        "what the text says; retype the name by hand.",
        code=ErrorCode.BIDI_CONTROL,
    )


def _refuse_control(char: str, position: int, what: str) -> None:
    raise InvalidNameError(
        f"The {what} holds a control character ({describe_character(char)}) "
        f"at position {position + 1}; remove it and type the name again.",
        code=ErrorCode.INVALID_CHARACTER,
    )
