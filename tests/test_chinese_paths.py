"""The fast paths of the Chinese-name reading give what the plain ones give.

``pinyin_reading.lazy_pinyin_segments`` stands in for pypinyin's ``lazy_pinyin``; the names
read last (``chinese_spellings.NAMES_READ``) let ``chinese_spellings`` skip reading a name
again; ``_primary`` stands in for ``spell_name``; names are built with ``models.assemble``.
Each is compared here with what it replaces.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError
from pypinyin import lazy_pinyin
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

from wxpay_names import NameFormatError, PassportName, from_chinese
from wxpay_names.inputs.chinese import chinese_spellings
from wxpay_names.inputs.chinese_spellings import NAMES_READ, spellings_read_again
from wxpay_names.inputs.pinyin_reading import lazy_pinyin_segments, pypinyin, readings_of
from wxpay_names.spelling import spell_name

SURNAMES_CSV = Path(__file__).parents[1] / "data" / "surnames.csv"

# Every character pypinyin can read that a name may hold (its table also has private-use ones).
READABLE = [chr(code) for code in sorted(PINYIN_DICT) if not 0xE000 <= code <= 0xF8FF]
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华玉兰霞平刚桂文辉建国志红小云海鹏飞宇浩然子轩女绿略虐"


def _table_forms() -> list[str]:
    with SURNAMES_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [form for row in rows for form in (row["surname"], *row["traditional"].split("|")) if form]


SURNAMES = [*_table_forms(), *"王李张刘陈杨黄吴周徐孙马朱胡郭何高林罗吕"]


def _names() -> Iterator[str]:
    """Names of every shape: table and other surnames, 双姓, one to three given characters, ü."""
    for index, surname in enumerate(SURNAMES):
        given = GIVEN[index % len(GIVEN)] + GIVEN[(index * 7) % len(GIVEN)] * (index % 3)
        yield surname + given
        yield surname  # a surname alone
        yield f"{surname} {given}"  # split explicitly
        yield f"{surname}-{SURNAMES[(index + 1) % len(SURNAMES)]}{given}"  # 双姓


NAMES = list(_names())


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def test_every_readable_character_reads_as_pypinyin_reads_it() -> None:
    for chunk in _chunks(READABLE, 64):
        assert lazy_pinyin_segments(chunk) == lazy_pinyin(chunk)


def test_runs_of_characters_read_as_pypinyin_reads_them() -> None:
    runs = ["".join(chunk) for chunk in _chunks(READABLE, 3)]
    for chunk in _chunks(runs, 64):
        assert lazy_pinyin_segments(chunk) == lazy_pinyin(chunk)


def test_every_phrase_reads_as_pypinyin_reads_it() -> None:
    phrases = list(PHRASES_DICT)
    for chunk in _chunks(phrases, 64):
        assert lazy_pinyin_segments(chunk) == lazy_pinyin(chunk)
    # A phrase behind another character is no phrase: read character by character.
    for chunk in _chunks(["张" + phrase for phrase in phrases[::7]], 64):
        assert lazy_pinyin_segments(chunk) == lazy_pinyin(chunk)


@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from([*GIVEN, *"".join(SURNAMES), *"〇欸嗯呣ab1 -·\u3000\ue815\U00020000"]),
            min_size=1,
            max_size=4,
        )
        | st.sampled_from(list(PHRASES_DICT)[:5000]),
        min_size=1,
        max_size=4,
    )
)
def test_any_segments_read_as_pypinyin_reads_them(segments: list[str]) -> None:
    assert lazy_pinyin_segments(segments) == lazy_pinyin(segments)


def _read(text: str) -> PassportName | None:
    try:
        return from_chinese(text)
    except NameFormatError:
        return None


@pytest.mark.parametrize("text", NAMES)
def test_spellings_found_again_equal_spellings_read_again(text: str) -> None:
    name = from_chinese(text)
    found = chinese_spellings(name)
    assert found[0] == spell_name(name)
    twin = PassportName(
        surname=name.surname, given_names=name.given_names, chinese=name.chinese, source="chinese"
    )
    assert chinese_spellings(twin) == found
    # Read again, as for a name that is no longer among the names read last.
    assert spellings_read_again(name) == found
    assert spellings_read_again(twin) == found


def test_a_name_whose_fields_are_not_its_reading_keeps_its_fields_alone() -> None:
    name = from_chinese("张三丰")
    assert len(chinese_spellings(name)) > 1  # SANFENG split per syllable
    other = PassportName(surname="CHANG", given_names="SAN FENG", chinese="张三丰", source="chinese")
    assert chinese_spellings(other) == (spell_name(other),)
    alone = PassportName(surname="ZHANG", chinese="张三丰", source="chinese")
    assert chinese_spellings(alone) == (spell_name(alone),)


@pytest.mark.parametrize("text", [text for text in NAMES if " " not in text])
def test_names_equal_their_validated_twins(text: str) -> None:
    name = from_chinese(text)
    twin = PassportName.model_validate(name.model_dump())
    assert name == twin
    assert name.model_fields_set == twin.model_fields_set
    assert name.model_dump_json() == twin.model_dump_json()
    with pytest.raises(ValidationError):
        name.surname = "LI"  # type: ignore[misc]


def test_a_name_read_again_is_the_same_name() -> None:
    first = from_chinese("欧阳娜娜")
    assert from_chinese("欧阳娜娜") == first
    assert from_chinese(surname="欧阳", given_names="娜娜") == from_chinese("欧阳 娜娜")


def test_the_cache_of_names_read_stays_bounded() -> None:
    texts = [surname + a + b for surname in "王李张刘陈" for a in GIVEN for b in GIVEN]
    assert len(texts) > NAMES_READ.capacity
    for text in texts:
        assert _read(text) is not None
    assert len(NAMES_READ) == NAMES_READ.capacity
    assert texts[-1] in NAMES_READ
    assert texts[0] not in NAMES_READ  # the oldest went first


def test_the_toneless_memo_stays_within_the_tables() -> None:
    tables = pypinyin()
    for chunk in _chunks(READABLE, 64):
        lazy_pinyin_segments(chunk)
    values = {
        *PINYIN_DICT.values(),
        *(readings[0] for phrase in PHRASES_DICT.values() for readings in phrase),
    }
    assert set(tables.toneless_values) <= values


# readings_of: pypinyin's heteronyms, read from its tables


_HAN_CODE_POINTS = sorted(code for code in PINYIN_DICT if 0x4E00 <= code <= 0x9FFF)


@given(st.sampled_from(_HAN_CODE_POINTS))
def test_readings_of_a_character_are_pypinyins_heteronyms(code: int) -> None:
    from pypinyin import Style, pinyin

    char = chr(code)
    expected: list[str] = []
    for reading in pinyin(char, style=Style.NORMAL, heteronym=True)[0]:
        syllable = reading.replace("v", "ü").replace("ê", "e")
        letters = syllable and all("a" <= letter <= "z" or letter == "ü" for letter in syllable)
        if letters and syllable not in expected:
            expected.append(syllable)
    assert readings_of(char) == tuple(expected)


def test_given_readings_keep_to_their_bound_over_many_names() -> None:
    # Every given name of two characters drawn from those with the most readings: never more
    # than two given_reading spellings, none equal to another spelling's given name.
    many = sorted(_HAN_CODE_POINTS, key=lambda code: -len(PINYIN_DICT[code].split(",")))[:40]
    for first in many[:20]:
        for second in many[20:]:
            found = chinese_spellings(from_chinese("张" + chr(first) + chr(second)))
            others = [spelling.given for spelling in found if spelling.kind == "given_reading"]
            assert len(others) <= 2
            assert all(other not in [s.given for s in found if s.kind != "given_reading"] for other in others)
