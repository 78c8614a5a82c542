"""What the reading of a name from Chinese characters leaves open, said to the person.

A name read from its characters gets one spelling for ``format_name``, but the characters do
not always decide it: a compound surname may be a single surname and a given name (单于飞),
a surname may have two readings (覃 QIN or TAN, each from a source), a surname no table holds
is read by its character's common reading (洗 XI, though the surname may be XIAN), a hyphen typed between
surname and given name reads a double surname wherever the character after it is a surname
too (张-爱玲: 张-爱 and 玲), and a document of Hong Kong, Macao, Taiwan or Singapore spells
names otherwise. The candidates hold the other
readings; these notes say so up front, where the command line and the web service show the
name, each in its own words for how to give a name (``ways``). Each note has a stable
``code`` an app can act on. A given name's other readings (朝阳 CHAOYANG) are pypinyin's
guesses, often noise (大 DAI, TAI): the candidates offer them, low, and no note.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from .front_wording import NameWays
from .models import PassportName
from .name_forms import spellings
from .spelling import Spelling
from .validation import HYPHENS

NoteCode = Literal[
    "compound_surname", "double_surname", "surname_readings", "surname_unlisted", "pinyin_spelling"
]


class ReadingNote(NamedTuple):
    code: NoteCode
    en: str
    zh: str


# How each front end takes the split of a Chinese name, and a Latin name, in English and Chinese.
_SPLIT: dict[NameWays, tuple[str, str]] = {
    "options": ('--chinese "{split}"', '--chinese "{split}"'),
    "columns": ("{split} in the chinese column", "在 chinese 列中填写 {split}"),
    "fields": ("{split} in the chinese field", "在 chinese 字段中输入 {split}"),
}
_LATIN: dict[NameWays, tuple[str, str]] = {
    "options": ("with --surname and --given", "请用 --surname 和 --given 输入"),
    "columns": ("in the surname and given_names columns", "请在 surname 和 given_names 列中填写"),
    "fields": ("in the surname and given_names fields", "请在 surname 和 given_names 字段中输入"),
}


def reading_notes(name: PassportName, ways: NameWays = "options") -> tuple[ReadingNote, ...]:
    """The notes for *name*, most particular first; none for a name not read from characters.

    >>> from wxpay_names import from_chinese
    >>> [note.code for note in reading_notes(from_chinese("覃海洋"))]
    ['surname_readings', 'pinyin_spelling']
    >>> compound = reading_notes(from_chinese("单于飞"), "fields")[0]
    >>> compound.code, compound.zh.endswith("请把姓和名分开：在 chinese 字段中输入 单 于飞。")
    ('compound_surname', True)
    """
    if name.source != "chinese" or not name.chinese:
        return ()
    notes: list[ReadingNote] = []
    spelled = spellings(name)
    # Said exactly where the candidates read the compound apart (the reader decides when:
    # a compound of the surname table whose first character is a surname of its own, the
    # split not given); a name built by hand is spelled from its fields alone, and gets none.
    if any(s.kind == "surname_split" for s in spelled):
        first, rest = name.chinese[0], name.chinese[1:]
        split_en, split_zh = (way.format(split=f"{first} {rest}") for way in _SPLIT[ways])
        notes.append(
            ReadingNote(
                "compound_surname",
                f"{first}{rest[:1]} was read as one compound surname ({name.surname}). If the surname "
                f"is {first} alone (a surname too, and that reading is among the candidates), give it "
                f"apart: {split_en}.",
                f"“{first}{rest[:1]}”被当作一个复姓（{name.surname}）。如果姓只是“{first}”（它本身也是姓，"
                f"这种读法也在候选写法中），请把姓和名分开：{split_zh}。",
            )
        )
    double = _double_surname_read(name, spelled)
    if double is not None:
        surname, last, given, split, count = double
        split_en, split_zh = (way.format(split=split) for way in _SPLIT[ways])
        hyphens, joined_en, joined_zh = (
            ("hyphen was", "two surnames (a 双姓)", "两个姓（双姓）")
            if count == 2
            else ("hyphens were", "surnames", "多个姓")
        )
        begins_zh = "名的第一个字" if len(last) == 1 else "名的开头"
        notes.append(
            ReadingNote(
                "double_surname",
                f"The {hyphens} read as joining {joined_en}: the surname {surname} ({name.surname}) "
                f"and the given name {given}. If {last} begins the given name, give the name with a "
                f"space instead: {split_en}.",
                f"连字符被当作{joined_zh}的连接符：姓为“{surname}”（{name.surname}），名为“{given}”。"
                f"如果“{last}”是{begins_zh}，请改用空格分开姓和名：{split_zh}。",
            )
        )
    surnames = _unique([name.surname] + ["".join(s.surname) for s in spelled if s.kind == "second_reading"])
    if len(surnames) > 1:
        listed_en, listed_zh = " or ".join(surnames), "、".join(surnames)
        notes.append(
            ReadingNote(
                "surname_readings",
                f"The surname is read {listed_en}: the characters alone cannot tell; type what the "
                "passport prints (each is among the candidates).",
                f"姓氏有 {listed_zh} {_COUNT_ZH.get(len(surnames), '几')}种读音，单凭汉字无法确定："
                "请以护照上的拼写为准（每种读音都在候选写法中）。",
            )
        )
    unlisted = _unlisted_surname(name)
    if unlisted is not None:
        char, others = unlisted
        listed_en, listed_zh = " or ".join(others), "、".join(others)
        notes.append(
            ReadingNote(
                "surname_unlisted",
                f"{char} is not among the surnames the data holds: it was read {name.surname}, the "
                f"character's common reading, but a surname may be read otherwise ({listed_en}): type "
                "what the passport prints.",
                f"数据收录的姓氏中没有“{char}”：这里按该字的常用读音拼作 {name.surname}，但作姓时可能读"
                f"别的音（{listed_zh}）：请以护照上的拼写为准。",
            )
        )
    latin_en, latin_zh = _LATIN[ways]
    notes.append(
        ReadingNote(
            "pinyin_spelling",
            "The name spelled from the Chinese characters is Hanyu Pinyin, as mainland Chinese "
            "passports print it. Documents issued in Hong Kong, Macao or Taiwan (China) or in "
            "Singapore mostly spell names otherwise (陈 as CHAN or TAN): if you hold one, give the "
            f"Latin name printed on it {latin_en}.",
            "根据汉字拼出的是汉语拼音，与中国大陆护照的拼法一致。中国香港、中国澳门、中国台湾以及新加坡"
            "签发的证件上，姓名大多不用汉语拼音（如“陈”拼作 CHAN 或 TAN）：如果您持有这些证件，"
            f"{latin_zh}证件上印的拉丁字母姓名。",
        )
    )
    return tuple(notes)


_COUNT_ZH = {2: "两", 3: "三"}


def _unlisted_surname(name: PassportName) -> tuple[str, list[str]] | None:
    """The one-character surname of a name read from characters, when neither surname table
    holds it and the character has other readings: the character and those readings, as
    the passport would write them."""
    text = name.chinese or ""
    if not text or HYPHENS.intersection(text):
        return None
    from .inputs.chinese_surnames import is_listed_surname, longest_surname
    from .inputs.pinyin_reading import readings_of

    if " " in text:
        surname = text.partition(" ")[0]
    elif longest_surname(text, 0) is None:
        surname = text[0]
    else:
        return None
    if len(surname) != 1 or is_listed_surname(surname):
        return None
    others = _unique([reading.upper().replace("Ü", "YU") for reading in readings_of(surname)])
    others = [reading for reading in others if reading != name.surname]
    return (surname, others) if others else None


class _DoubleSurname(NamedTuple):
    """How a name typed with a hyphen was read (张-爱玲), and how to give it otherwise."""

    surname: str  # 张-爱
    last: str  # the surname after the last hyphen: 爱
    given: str  # 玲
    split: str  # the name given the other way: 张 爱玲
    surnames: int  # how many surnames the hyphens join


def _double_surname_read(name: PassportName, spelled: tuple[Spelling, ...]) -> _DoubleSurname | None:
    """A name typed with a hyphen and no space, read as surnames joined by it with a given name
    after them. A hyphen typed between surname and given name reads the first given character
    as a second surname wherever that character is a surname too: the reading is said, with
    the other way to give it. None when the split was given (a space), or the name was not
    read so (built by hand: its spellings hold no double surname)."""
    text = name.chinese or ""
    if " " in text or not name.given_names or not any(s.kind == "double_surname_spaced" for s in spelled):
        return None
    from .inputs.chinese_surnames import split_surnames
    from .inputs.chinese_text import ascii_hyphens

    text = ascii_hyphens(text)  # any dash, as the reader folds it
    units, given = split_surnames(text)
    if len(units) < 2 or not given:
        return None
    surname = text[: len(text) - len(given)]
    last = units[-1][0][0]
    before = surname[: len(surname) - len(last) - 1]
    return _DoubleSurname(surname, last, given, f"{before} {last}{given}", len(units))


def _unique(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(texts))
