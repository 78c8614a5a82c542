"""What the text of a Chinese name may hold, and the errors that name what it may not.

A name is Chinese characters pypinyin can read (but not the single strokes typed to decorate
a screen name, 丶 丿 …, which it reads and no name holds), a space that splits surname from given name,
and hyphens that join the two surnames of a 双姓. A middle dot marks a transliterated foreign
or ethnic-minority name, which has no pinyin reading: the bank used the Latin name printed in
the passport. Everything else is refused, naming the character and where it stands.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache

from ..cleaning import describe_character
from ..errors import ErrorCode, InvalidNameError
from ..validation import HYPHENS, script_of
from .pinyin_reading import pypinyin

# U+00B7 and what is typed for it: Big5's U+2027, bullets, katakana and half-width dots, the
# sinological dot U+A78F, and full stops (Alipay accepts '.' in minority names).
MIDDLE_DOTS = frozenset("\u00b7\u2027\u2022\u30fb\uff65\u22c5\u2219\u0387\u1427\u2e31\ua78f.\uff0e")
_PRIVATE_USE_FIRST, _PRIVATE_USE_LAST = 0xE000, 0xF8FF
# Unified ideographs that are single strokes (丶 丿 丨 乀 乁 乛 亅), typed to decorate a screen
# name (小明丶); pypinyin reads them (丶 ZHU), but no name on a passport holds one.
STROKES = frozenset("\u4e36\u4e3f\u4e28\u4e40\u4e41\u4e5b\u4e85")
# How an error names the text it was read from, in Chinese.
_WHAT_ZH = {"Chinese name": "中文姓名", "Chinese surname": "中文姓氏", "Chinese given name": "中文名字"}


@cache
def plain_han() -> Callable[[str], object]:
    """The test for unified ideographs only (text the input policy leaves as it is).

    Compiled on first use: it takes most of a millisecond, which ``import wxpay_names`` should not pay.
    """
    return re.compile("[\u3400-\u9fff\U00020000-\U0002f7ff\U00030000-\U0003ffff]*").fullmatch


def checked(
    key: str, typed_at: Sequence[int] | None = None, what: str = "Chinese name", typed: str = ""
) -> str:
    """The cleaned key with hyphens made ASCII, or an ``InvalidNameError`` naming what cannot be read.

    *typed_at* gives, for each character of *key*, where it was typed (0-based) in *typed*, the
    text of *what* as the user gave it: an error names the character typed there (a full-width
    ``，`` rather than the ``,`` cleaning made of it). Without them it counts in *key*.
    """
    # Most keys: ideographs pypinyin reads, so no space, hyphen, dot, stroke or private-use character.
    if (
        key
        and plain_han()(key)
        and all(map(pypinyin().characters.__contains__, map(ord, key)))
        and STROKES.isdisjoint(key)
    ):
        return key
    if not key.strip():
        raise InvalidNameError(
            "The Chinese name is empty: give the name in Chinese characters, such as 张三.",
            code=ErrorCode.EMPTY_NAME,
            message_zh="中文姓名为空：请输入汉字姓名，如张三。",
        )
    dots = MIDDLE_DOTS.intersection(key)
    if dots:
        raise InvalidNameError(
            f"The Chinese name joins its parts with {describe_character(min(dots))}: it is a "
            "transliteration of a foreign or ethnic-minority name, not a name read in pinyin. "
            "The bank used the Latin name printed in the passport: pass that to parse_name() "
            "or PassportName(surname=..., given_names=...).",
            code=ErrorCode.TRANSLITERATED_FOREIGN_NAME,
        )
    readable = pypinyin().characters
    for position, char in enumerate(key):
        code = ord(char)
        # pypinyin's table also holds private-use code points and the strokes; no passport name does.
        if (
            code in readable and not _PRIVATE_USE_FIRST <= code <= _PRIVATE_USE_LAST and char not in STROKES
        ) or char == " ":
            continue
        if char not in HYPHENS:
            if typed_at is None or not typed:
                raise unreadable(char, position, what)
            raise unreadable(typed[typed_at[position]], typed_at[position], what)
    return ascii_hyphens(key)


def ascii_hyphens(text: str) -> str:
    """*text* with every dash a name may hold (``‐ – —`` …) as ``-``, as the reader takes it.

    >>> ascii_hyphens("张–爱玲")
    '张-爱玲'
    """
    if HYPHENS.intersection(text) - {"-"}:
        return "".join("-" if char in HYPHENS else char for char in text)
    return text


def unreadable(char: str, position: int | None, what: str = "Chinese name") -> InvalidNameError:
    """The error for a character from_chinese cannot read, saying what to pass instead."""
    where = f"{what} holds {char!r} ({describe_character(char)})"
    if position is not None:
        where += f" at position {position + 1}"
    category = unicodedata.category(char)
    what_zh = _WHAT_ZH.get(what, "中文姓名")
    # A character one cannot see or print is named by its code point, in full-width parentheses.
    named = f"“{char}”" if char.isprintable() and not char.isspace() else f"（U+{ord(char):04X}）"
    place = f"第 {position + 1} 个字符{named}" if position is not None else f"字符{named}"
    if char in STROKES:
        return InvalidNameError(
            f"The {where}: a single stroke, typed to decorate a screen name; no name on a "
            "passport holds one. Type only the characters of the name.",
            code=ErrorCode.INVALID_CHARACTER,
            message_zh=f"{what_zh}的{place}只是一个笔画，常用来装饰网名，"
            "护照上的姓名中不会有：请只输入姓名中的汉字。",
        )
    if script_of(char) == "CJK" and category == "Lo":
        return InvalidNameError(
            f"The {where}, which has no known Hanyu Pinyin reading: type the "
            "Latin name printed in the passport instead.",
            code=ErrorCode.NO_PINYIN_READING,
        )
    if category[0] == "N":
        return InvalidNameError(
            f"The {where}: a name has no digits; type only its characters.",
            code=ErrorCode.INVALID_CHARACTER,
            # The code's general sentence asks for letters; a Chinese name is characters.
            message_zh=f"{what_zh}的{place}是数字：姓名中没有数字，请只输入姓名中的汉字。",
        )
    if category[0] == "L":
        return InvalidNameError(
            f"The {where}, which is not a Chinese character. from_chinese() "
            "reads Chinese characters only; a name in another script goes to parse_name() or "
            "PassportName(...) with the Latin name printed in the passport.",
            code=ErrorCode.MIXED_SCRIPT,
            # The code's general sentence speaks of mixed alphabets; here nothing need be mixed.
            message_zh="中文姓名中只能有汉字：请输入护照上印的拉丁字母姓名。",
        )
    if what != "Chinese name":  # a surname or given name passed apart: the split is given
        return InvalidNameError(
            f"The {where}: type only its characters.",
            code=ErrorCode.INVALID_CHARACTER,
            message_zh=f"{what_zh}的{place}不是汉字：请只输入其中的汉字。",
        )
    return InvalidNameError(
        f"The {where}: type only the characters of the name, with a space "
        "between surname and given name if you want to split it yourself.",
        code=ErrorCode.INVALID_CHARACTER,
        message_zh=f"{what_zh}的{place}不是汉字：请只输入姓名中的汉字；"
        "如需自行分开姓和名，可在中间加一个空格。",
    )


def misplaced_hyphen() -> InvalidNameError:
    """The error for a hyphen anywhere but between the two surnames of a 双姓."""
    return InvalidNameError(
        "A hyphen in a Chinese name joins two surnames (双姓, e.g. 郑-李小明); it cannot start or "
        "end the name, stand twice, or fall inside the given name, which is one word.",
        code=ErrorCode.INVALID_CHARACTER,
        message_zh="中文姓名中的连字符只能用来连接双姓（如郑-李小明）：请删除其他位置的连字符。",
    )
