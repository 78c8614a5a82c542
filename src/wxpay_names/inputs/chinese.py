"""Chinese characters into a ``PassportName``: Hanyu Pinyin as PRC passports write it.

GB/T 28039-2011 §5.1: the surname, then the given name written as one word whatever its
length (张三丰 → ZHANG SANFENG); a compound surname is one word (欧阳 → OUYANG); a double
surname (双姓, written 郑-李) is joined as PRC passports print it (ZHENGLI; GB/T 28039 writes
Zhèng-Lǐ, a candidate). §6.2, as PRC passports since 2012: ü is
written YU (吕 → LYU, 女 → NYU); toneless pinyin has ü only after L and N (居 → JU).

The work is split by what it knows:

- ``chinese_text``: what the text may hold, and the errors naming what it may not;
- ``chinese_surnames``: where the surname ends and how it reads (``data/surnames.csv``), and
  which characters are surnames (``data/single_surnames.csv``: a hyphen before one that is
  not is refused);
- ``pinyin_reading``: the rest read by pypinyin, imported on the first call only;
- ``chinese_reading``: the three together, a cleaned text into surname and given syllables;
- ``chinese_spellings``: the passport spelling and its variants, and the names read last.
"""

from __future__ import annotations

from ..cleaning import check_length, clean, visible_characters
from ..errors import ErrorCode, InvalidNameError
from ..models import PassportName
from .chinese_spellings import chinese_spellings, passport_name
from .chinese_surnames import refuse_unknown_second_surname, surname_alone
from .chinese_text import checked, plain_han

__all__ = ["chinese_spellings", "from_chinese"]

_WHAT = "Chinese name"
# What an error names, per argument: a Chinese given name (名) is one, whatever its characters.
_LABELS = {"surname": "Chinese surname", "given_names": "Chinese given name"}


def from_chinese(
    text: str = "", *, surname: str | None = None, given_names: str | None = None
) -> PassportName:
    """The passport name of a PRC citizen, from the characters of the name.

    The surname is found by longest match (欧阳娜娜 → OUYANG / NANA); a space splits the name
    explicitly (``"单 于飞"``), as do the ``surname`` and ``given_names`` arguments.

    >>> from_chinese("欧阳娜娜")
    PassportName(surname='OUYANG', given_names='NANA', chinese='欧阳娜娜', source='chinese',
                 possibly_truncated=False, issuing_state=None)
    >>> name = from_chinese("吕布")
    >>> name.surname, name.given_names
    ('LYU', 'BU')
    >>> from_chinese(surname="單", given_names="于飛").surname
    'SHAN'
    """
    if surname is None and given_names is None:
        if not isinstance(text, str):
            raise InvalidNameError(f"A Chinese name is a str, not {type(text).__name__}.")
        check_length(text, _WHAT)
        # Plain ideographs are text the input policy (``cleaning.clean``) leaves as it is:
        # checked first because cleaning costs as much as a fifth of the whole reading.
        if plain_han()(text):
            key = text
        else:
            key, typed_at = _cleaned(text, _WHAT, spaces=True)
            # refused here, its position counted in the text as given
            read = checked(key, typed_at, _WHAT, text)
            if "-" in read and " " not in read:
                refuse_unknown_second_surname(read)
    else:
        key = _explicit_key(text, surname, given_names)
    return passport_name(key)


def _explicit_key(text: str, surname: str | None, given_names: str | None) -> str:
    """``surname + " " + given``: the space marks the split; a surname alone is written so that
    it reads alone (``surname_alone``)."""
    parts = {"surname": surname, "given_names": given_names}
    for argument, value in parts.items():
        if value is not None and not isinstance(value, str):
            raise InvalidNameError(f"{argument} is a str, not {type(value).__name__}.")
    if not isinstance(text, str) or text.strip():
        raise InvalidNameError(
            "Pass the Chinese name either as one text or as surname= and given_names=, not both."
        )
    typed = {
        argument: _cleaned(value or "", _LABELS[argument], spaces=False) for argument, value in parts.items()
    }
    cleaned = {argument: part for argument, (part, _) in typed.items()}
    if not cleaned["surname"]:
        raise InvalidNameError(
            "The Chinese surname is empty: pass surname= with the characters of the surname.",
            code=ErrorCode.EMPTY_NAME,
        )
    for argument, (part, typed_at) in typed.items():
        if part:  # each refused in its own argument, where it was typed there
            cleaned[argument] = checked(part, typed_at, _LABELS[argument], parts[argument] or "")
    if not cleaned["given_names"]:
        return surname_alone(cleaned["surname"])
    key = f"{cleaned['surname']} {cleaned['given_names']}"
    check_length(key, _WHAT)  # two parts of 256 characters make a name longer than one may be
    return key


def _cleaned(text: str, what: str, *, spaces: bool) -> tuple[str, list[int] | None]:
    """*text* cleaned by the input policy, and where each of its characters was typed in *text*.

    *spaces*: each run of white space kept as one space (it splits the name), or all dropped
    (an argument). The positions are None where composing (NFC) changed the text: an error then
    counts in the cleaned text, as before.
    """
    key = clean(text, what).text
    if not spaces:
        key = key.replace(" ", "")
    kept: list[str] = []
    typed_at: list[int] = []
    for position, char in visible_characters(text, what):
        if char == " " and (not spaces or not kept or kept[-1] == " "):
            continue
        kept.append(char)
        typed_at.append(position)
    if kept and kept[-1] == " ":
        kept.pop()
        typed_at.pop()
    return key, typed_at if "".join(kept) == key else None
