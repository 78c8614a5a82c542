"""from_chinese and the pinyin spellings: surname readings, compound surnames, ü, refusals."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypinyin import lazy_pinyin

from wxpay_names import (
    Bank,
    ErrorCode,
    InvalidNameError,
    NameFormatError,
    PassportName,
    ProblemCode,
    banks,
    candidates,
    check_name,
    format_name,
    from_chinese,
)
from wxpay_names.inputs.chinese import chinese_spellings
from wxpay_names.messages import error_message
from wxpay_names.name_forms import spellings

SURNAMES_CSV = Path(__file__).parents[1] / "data" / "surnames.csv"

# (row of data/surnames.csv, name, passport surname, passport given name). Expected readings
# come from the sources on each row and from dictionaries, never from running the code.
TABLE = [
    ("欧阳", "欧阳娜娜", "OUYANG", "NANA"),
    ("司马", "司马光", "SIMA", "GUANG"),
    ("诸葛", "诸葛亮", "ZHUGE", "LIANG"),
    ("上官", "上官婉儿", "SHANGGUAN", "WANER"),
    ("长孙", "长孙无忌", "ZHANGSUN", "WUJI"),
    ("万俟", "万俟卨", "MOQI", "XIE"),
    ("尉迟", "尉迟恭", "YUCHI", "GONG"),
    ("单于", "单于军", "CHANYU", "JUN"),
    ("令狐", "令狐冲", "LINGHU", "CHONG"),
    ("澹台", "澹台灭明", "TANTAI", "MIEMING"),
    ("亓官", "亓官静", "QIGUAN", "JING"),
    ("皇甫", "皇甫谧", "HUANGFU", "MI"),
    ("东方", "东方朔", "DONGFANG", "SHUO"),
    ("夏侯", "夏侯惇", "XIAHOU", "DUN"),
    ("公孙", "公孙策", "GONGSUN", "CE"),
    ("慕容", "慕容复", "MURONG", "FU"),
    ("司徒", "司徒美堂", "SITU", "MEITANG"),
    ("司空", "司空曙", "SIKONG", "SHU"),
    ("宇文", "宇文泰", "YUWEN", "TAI"),
    ("轩辕", "轩辕剑", "XUANYUAN", "JIAN"),
    ("南宫", "南宫敏", "NANGONG", "MIN"),
    ("西门", "西门豹", "XIMEN", "BAO"),
    ("端木", "端木蕻良", "DUANMU", "HONGLIANG"),
    ("呼延", "呼延灼", "HUYAN", "ZHUO"),
    ("淳于", "淳于髡", "CHUNYU", "KUN"),
    ("钟离", "钟离权", "ZHONGLI", "QUAN"),
    ("闾丘", "闾丘露薇", "LYUQIU", "LUWEI"),
    ("鲜于", "鲜于枢", "XIANYU", "SHU"),
    ("申屠", "申屠嘉", "SHENTU", "JIA"),
    ("第五", "第五伦", "DIWU", "LUN"),
    ("闻人", "闻人通汉", "WENREN", "TONGHAN"),
    ("赫连", "赫连勃勃", "HELIAN", "BOBO"),
    ("公羊", "公羊高", "GONGYANG", "GAO"),
    ("公冶", "公冶明", "GONGYE", "MING"),
    ("濮阳", "濮阳兴", "PUYANG", "XING"),
    ("太叔", "太叔明", "TAISHU", "MING"),
    ("仲孙", "仲孙蔑", "ZHONGSUN", "MIE"),
    ("司寇", "司寇明", "SIKOU", "MING"),
    ("仉督", "仉督明", "ZHANGDU", "MING"),
    ("子车", "子车针虎", "ZIJU", "ZHENHU"),
    ("颛孙", "颛孙师", "ZHUANSUN", "SHI"),
    ("巫马", "巫马施", "WUMA", "SHI"),
    ("公西", "公西赤", "GONGXI", "CHI"),
    ("漆雕", "漆雕开", "QIDIAO", "KAI"),
    ("壤驷", "壤驷赤", "RANGSI", "CHI"),
    ("公良", "公良孺", "GONGLIANG", "RU"),
    ("拓跋", "拓跋珪", "TUOBA", "GUI"),
    ("夹谷", "夹谷清臣", "JIAGU", "QINGCHEN"),
    ("宰父", "宰父黑", "ZAIFU", "HEI"),
    ("榖梁", "榖梁赤", "GULIANG", "CHI"),
    ("百里", "百里奚", "BAILI", "XI"),
    ("东郭", "东郭偃", "DONGGUO", "YAN"),
    ("南门", "南门明", "NANMEN", "MING"),
    ("羊舌", "羊舌肸", "YANGSHE", "XI"),
    ("左丘", "左丘明", "ZUOQIU", "MING"),
    ("东门", "东门遂", "DONGMEN", "SUI"),
    ("毌丘", "毌丘俭", "GUANQIU", "JIAN"),
    ("曾", "曾国藩", "ZENG", "GUOFAN"),
    ("单", "单雄信", "SHAN", "XIONGXIN"),
    ("解", "解缙", "XIE", "JIN"),
    ("区", "区志强", "OU", "ZHIQIANG"),
    ("朴", "朴树", "PIAO", "SHU"),
    ("仇", "仇英", "QIU", "YING"),
    ("查", "查良镛", "ZHA", "LIANGYONG"),
    ("乐", "乐毅", "YUE", "YI"),
    ("覃", "覃海洋", "QIN", "HAIYANG"),
    ("长", "长伟", "CHANG", "WEI"),
    ("缪", "缪荃孙", "MIAO", "QUANSUN"),
    ("盖", "盖宽饶", "GE", "KUANRAO"),
    ("翟", "翟志刚", "ZHAI", "ZHIGANG"),
    ("繁", "繁钦", "PO", "QIN"),
    ("佴", "佴大明", "NAI", "DAMING"),
    ("种", "种师道", "CHONG", "SHIDAO"),
    ("秘", "秘明", "BI", "MING"),
    ("重", "重华", "CHONG", "HUA"),
    ("都", "都敏", "DU", "MIN"),
    ("藏", "藏天朔", "ZANG", "TIANSHUO"),
    ("粘", "粘华", "NIAN", "HUA"),
    ("乜", "乜小红", "NIE", "XIAOHONG"),
    ("贠", "贠建民", "YUN", "JIANMIN"),
    ("员", "员半千", "YUN", "BANQIAN"),
    ("能", "能静", "NAI", "JING"),
    ("句", "句龙", "GOU", "LONG"),
    ("召", "召伯", "SHAO", "BO"),
    ("六", "六明", "LU", "MING"),
    ("薄", "薄熙来", "BO", "XILAI"),
    ("折", "折可适", "SHE", "KESHI"),
    ("阚", "阚清子", "KAN", "QINGZI"),
    ("卜", "卜商", "BU", "SHANG"),
    ("隗", "隗嚣", "WEI", "XIAO"),
    ("扎", "扎华", "ZA", "HUA"),
    ("浣", "浣明", "WAN", "MING"),
    ("不", "不华", "FOU", "HUA"),
]


def _rows() -> list[dict[str, str]]:
    with SURNAMES_CSV.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


@pytest.mark.parametrize(("row", "text", "surname", "given"), TABLE)
def test_table_of_names(row: str, text: str, surname: str, given: str) -> None:
    name = from_chinese(text)
    assert (name.surname, name.given_names) == (surname, given)
    assert name.chinese == text
    assert name.source == "chinese"


def test_table_covers_every_row_of_surnames_csv() -> None:
    assert len(TABLE) >= 40
    assert {row["surname"] for row in _rows()} == {row for row, *_ in TABLE}


def test_surnames_csv_rows_are_complete_and_sourced() -> None:
    rows = _rows()
    assert len({row["surname"] for row in rows}) == len(rows)
    for row in rows:
        assert row["kind"] in {"single", "compound"}
        assert len(row["surname"]) == (1 if row["kind"] == "single" else 2)
        assert row["evidence"] in {"reported", "inferred", "unknown"}
        assert row["source"], row["surname"]
        assert bool(row["other_readings"]) == bool(row["other_evidence"]), row["surname"]
        for reading in (row["reading"], *filter(None, row["other_readings"].split("|"))):
            assert re.fullmatch(r"[a-zü]+( [a-zü]+)*", reading), row["surname"]
            assert len(reading.split()) == len(row["surname"])
        for form in row["traditional"].split("|"):
            assert len(form) == len(row["surname"]), row["surname"]


def _sources_by_reading(row: dict[str, str]) -> dict[str, str]:
    """A row's source text per reading, for rows that source their readings apart ("Yue: ... Le: ...")."""
    parts = re.split(r"(?:^|(?<=\. ))([A-Z][a-zü]+): ", row["source"])
    return {name.lower(): text for name, text in zip(parts[1::2], parts[2::2], strict=True)}


def test_a_reported_reading_has_a_source_better_than_grade_d() -> None:
    # data.md: a grade-D source is a hint, never the only basis of a `reported` reading.
    for row in _rows():
        others = [other for other in row["other_readings"].split("|") if other]
        by_reading = _sources_by_reading(row)
        assert all(other in by_reading for other in others), row["surname"]  # each sourced apart
        for reading, evidence in [(row["reading"], row["evidence"])] + [
            (other, row["other_evidence"]) for other in others
        ]:
            source = by_reading.get(reading.replace(" ", ""), row["source"])
            if evidence == "reported":
                assert re.search(r"grade [ABC]", source), (row["surname"], reading)
            else:
                assert evidence == "inferred", (row["surname"], reading)
                # A hint, or the character's common reading kept beside a reading one source gives.
                fallback = reading == row["common_reading"] and "kept as a fallback" in source
                assert "grade D" in source or fallback, (row["surname"], reading)


# Compound surnames the sources list that longest match would take from a common single
# surname followed by a given name (docs/howto/chinese.md, "Compound surnames left out"):
# (name, surname and given name read without the compound, the same with the split typed).
LEFT_OUT = [
    ("乐正明", ("YUE", "ZHENGMING"), ("YUEZHENG", "MING")),
    ("宗政明", ("ZONG", "ZHENGMING"), ("ZONGZHENG", "MING")),
    ("句龙明", ("GOU", "LONGMING"), ("GOULONG", "MING")),
    ("梁丘明", ("LIANG", "QIUMING"), ("LIANGQIU", "MING")),
    ("段干明", ("DUAN", "GANMING"), ("DUANGAN", "MING")),
]


@pytest.mark.parametrize(("text", "read", "split"), LEFT_OUT)
def test_compounds_left_out_read_as_a_single_surname(
    text: str, read: tuple[str, str], split: tuple[str, str]
) -> None:
    assert text[:2] not in {row["surname"] for row in _rows()}
    name = from_chinese(text)
    assert (name.surname, name.given_names) == read
    name = from_chinese(f"{text[:2]} {text[2:]}")  # the holder of the compound types the split
    assert (name.surname, name.given_names) == split


EXAMPLES = [
    # The must-show names.
    ("欧阳娜娜", "OUYANG", "NANA"),
    ("司马光", "SIMA", "GUANG"),
    ("单雄信", "SHAN", "XIONGXIN"),
    ("查良镛", "ZHA", "LIANGYONG"),
    ("吕布", "LYU", "BU"),
    ("張曉明", "ZHANG", "XIAOMING"),
    ("歐陽", "OUYANG", ""),
    # Traditional characters, read as their simplified forms.
    ("尉遲恭", "YUCHI", "GONG"),
    ("萬俟卨", "MOQI", "XIE"),
    ("單雄信", "SHAN", "XIONGXIN"),
    ("區志強", "OU", "ZHIQIANG"),
    ("樂毅", "YUE", "YI"),
    ("澹臺滅明", "TANTAI", "MIEMING"),
    ("鍾離權", "ZHONGLI", "QUAN"),
    ("閭丘露薇", "LYUQIU", "LUWEI"),
    ("繆荃孫", "MIAO", "QUANSUN"),
    # ü is YU after l and n only; after j, q, x, y it is written u.
    ("吕和平", "LYU", "HEPING"),  # the GB/T 28039-2011 §6.2 example
    ("张女", "ZHANG", "NYU"),
    ("李略", "LI", "LYUE"),
    ("许居", "XU", "JU"),
    ("余旭", "YU", "XU"),
    ("王去", "WANG", "QU"),
    # The given name is one word.
    ("张三丰", "ZHANG", "SANFENG"),
]


@pytest.mark.parametrize(("text", "surname", "given"), EXAMPLES)
def test_examples(text: str, surname: str, given: str) -> None:
    name = from_chinese(text)
    assert (name.surname, name.given_names) == (surname, given)


@pytest.mark.parametrize(
    ("text", "surname"),
    [("曾乐", "ZENG"), ("解缙", "XIE"), ("区志强", "OU"), ("朴树", "PIAO"), ("仇英", "QIU")],
)
def test_must_show_surnames(text: str, surname: str) -> None:
    assert from_chinese(text).surname == surname


@pytest.mark.parametrize("row", _rows(), ids=lambda row: row["surname"])
def test_every_traditional_form_reads_as_its_simplified_form(row: dict[str, str]) -> None:
    expected = {surname for name, _, surname, _ in TABLE if name == row["surname"]}
    for form in row["traditional"].split("|"):
        assert {from_chinese(form + "明").surname} == expected


def test_explicit_split_with_a_space_overrides_longest_match() -> None:
    assert (from_chinese("单于飞").surname, from_chinese("单于飞").given_names) == ("CHANYU", "FEI")
    name = from_chinese("单 于飞")
    assert (name.surname, name.given_names) == ("SHAN", "YUFEI")
    assert from_chinese("欧阳 娜娜").surname == "OUYANG"
    assert from_chinese("欧阳\u3000娜娜").given_names == "NANA"  # the ideographic space


def test_explicit_split_with_arguments() -> None:
    name = from_chinese(surname="单", given_names="于飞")
    assert (name.surname, name.given_names) == ("SHAN", "YUFEI")
    assert from_chinese(surname="欧阳", given_names="娜娜").given_names == "NANA"
    alone = from_chinese(surname="张三")
    assert (alone.surname, alone.given_names) == ("ZHANGSAN", "")


@pytest.mark.parametrize(
    ("surname", "given_names", "fields", "chinese"),
    [
        ("张", "", ("ZHANG", ""), "张"),
        ("张", None, ("ZHANG", ""), "张"),
        ("赵李", "", ("ZHAOLI", ""), "赵-李"),  # two surnames: the split is kept
        ("张三", None, ("ZHANGSAN", ""), "张-三"),
        ("欧阳", "", ("OUYANG", ""), "欧阳"),
    ],
)
def test_a_surname_alone_reads_the_same_again(
    surname: str, given_names: str | None, fields: tuple[str, str], chinese: str, icbc: Bank
) -> None:
    name = from_chinese(surname=surname, given_names=given_names)
    assert ((name.surname, name.given_names), name.chinese) == (fields, chinese)
    assert PassportName.model_validate_json(name.model_dump_json()) == name
    assert PassportName(**name.model_dump()) == name
    assert from_chinese(name.chinese) == name
    if "-" in chinese:  # still a 双姓, spaced and hyphenated among the candidates
        kinds = {candidate.pattern.spelling for candidate in candidates(name, icbc)}
        assert {"double_surname_spaced", "double_surname_hyphenated"} <= kinds


@pytest.mark.parametrize("surname", ["爱新觉罗", "叶赫那拉", "单于", "范徐丽"])
def test_a_surname_alone_that_reads_otherwise_as_text_survives_json(surname: str, icbc: Bank) -> None:
    # Its characters as text would read a given name (爱 and 新觉罗): the name held them with a
    # trailing space, which validation drops, so the JSON round trip gave another name.
    from wxpay_names.inputs.chinese_spellings import NAMES_READ

    name = from_chinese(surname=surname)
    assert name.given_names == ""
    back = PassportName.model_validate_json(name.model_dump_json())
    assert back == name
    assert PassportName(**name.model_dump()) == name
    expected = [candidate.text for candidate in candidates(name, icbc)]
    NAMES_READ.clear()  # read again from the characters, as in a new process
    assert [candidate.text for candidate in candidates(back, icbc)] == expected


@pytest.mark.parametrize(
    "call",
    [
        lambda: from_chinese("欧阳娜娜", surname="欧阳"),
        lambda: from_chinese(given_names="娜娜"),
        lambda: from_chinese(surname="  ", given_names="娜娜"),
    ],
)
def test_explicit_arguments_misused(call: object) -> None:
    with pytest.raises(InvalidNameError):
        call()  # type: ignore[operator]


@pytest.mark.parametrize("text", ["郑-李小明", "郑－李小明", "郑‐李小明", "郑-李 小明"])
def test_double_surname_is_joined_as_on_a_passport(text: str) -> None:
    name = from_chinese(text)
    assert (name.surname, name.given_names) == ("ZHENGLI", "XIAOMING")


def test_double_surname_at_banks(icbc: Bank, abc: Bank, boc: Bank) -> None:
    name = from_chinese("郑-李小明")
    assert format_name(name, icbc) == "ZHENGLI XIAOMING"
    assert format_name(name, abc) == "ZHENGLIXIAOMING"
    assert format_name(name, boc) == "XIAOMING ZHENGLI"
    texts = [candidate.text for candidate in candidates(name, icbc)]
    assert texts.index("ZHENG LI XIAOMING") < texts.index("ZHENG-LI XIAOMING")


def test_must_show_double_surname() -> None:
    assert format_name(from_chinese("赵-李书刚"), "ICBC") == "ZHAOLI SHUGANG"
    assert format_name(from_chinese("欧阳娜娜"), "ICBC") == "OUYANG NANA"


def test_two_single_surnames_given_as_the_surname_are_a_double_surname(icbc: Bank) -> None:
    # Two characters the table does not hold as one compound: two surnames side by side.
    name = from_chinese(surname="赵李", given_names="书刚")
    assert (name.surname, name.given_names) == ("ZHAOLI", "SHUGANG")
    kinds = {candidate.pattern.spelling for candidate in candidates(name, icbc)}
    assert {"double_surname_spaced", "double_surname_hyphenated"} <= kinds
    # A compound (欧阳) is one surname: no spaced or hyphenated forms.
    compound = from_chinese(surname="欧阳", given_names="娜娜")
    assert not {"double_surname_spaced", "double_surname_hyphenated"} & {
        candidate.pattern.spelling for candidate in candidates(compound, icbc)
    }


@pytest.mark.parametrize("text", ["-李明", "李-", "李--王明", "李明-华", "李 明-华"])
def test_misplaced_hyphen_is_refused(text: str) -> None:
    with pytest.raises(InvalidNameError, match="hyphen"):
        from_chinese(text)


@pytest.mark.parametrize(
    ("text", "spaced", "second"),
    [
        ("欧阳-娜娜", "欧阳 娜娜", "欧阳-娜 娜"),  # read OUYANGNA NA before: 娜 taken for a second surname
        ("王-小明", "王 小明", "王-小 明"),
        ("張-三豐", "張 三豐", "張-三 豐"),
    ],
)
def test_a_hyphen_before_no_known_surname_is_refused_saying_both_ways(
    text: str, spaced: str, second: str
) -> None:
    with pytest.raises(InvalidNameError, match="not a surname the data holds") as raised:
        from_chinese(text)
    assert raised.value.code == ErrorCode.INVALID_CHARACTER
    for message in (str(raised.value), raised.value.message_zh):
        assert spaced in message
        assert second in message
    # Both ways it offers read as they say: the split at the space, or two surnames.
    assert from_chinese(spaced).chinese == spaced
    double = from_chinese(second)
    assert double.surname == from_chinese(second.split(" ")[0]).surname
    assert double.given_names == from_chinese(spaced).given_names[-len(double.given_names) :]


def test_a_double_surname_alone_still_reads_as_given() -> None:
    # How a surname given alone is kept (surname="张三" → '张-三'): read again as it was given.
    assert (from_chinese("张-三").surname, from_chinese("张-三").given_names) == ("ZHANGSAN", "")


@pytest.mark.parametrize("text", ["郑-李小明", "赵-钱西安", "欧阳-诸葛亮", "张‐王明", "覃-曾伟"])
def test_a_hyphen_before_a_known_surname_reads_a_double_surname(text: str) -> None:
    name = from_chinese(text)
    assert len(name.surname) > 3
    assert name.given_names


def test_single_surnames_csv_rows_are_single_characters_with_a_source() -> None:
    rows = list(csv.DictReader((SURNAMES_CSV.parent / "single_surnames.csv").open(encoding="utf-8")))
    assert len(rows) >= 400
    assert len({row["surname"] for row in rows}) == len(rows)
    for row in rows:
        assert len(row["surname"]) == 1
        assert re.search(r"\bgrade [BC]\b", row["source"])
        assert row["source_url"].startswith(("https://", "http://"))
        assert from_chinese(f"郑-{row['surname']}明").surname.startswith("ZHENG")


@pytest.mark.parametrize("surname", ["岳", "涂", "闫", "佟", "佘", "付"])
def test_common_surnames_outside_pinyin_pros_list_begin_a_second_surname(surname: str) -> None:
    """百家姓's last lines (岳, 涂, 闫…) and 付 (the 2020 list of common surnames) are surnames:
    after a hyphen they begin a double surname, not a refusal."""
    name = from_chinese(f"郑-{surname}小明")
    assert name.surname.startswith("ZHENG")
    assert len(name.surname) > len("ZHENG")
    assert name.given_names == "XIAOMING"


@pytest.mark.parametrize("dot", ["·", "•", "・", "‧", "･", "∙", "⋅", "ꞏ", ".", "．"])
def test_middle_dot_names_are_refused(dot: str) -> None:
    with pytest.raises(InvalidNameError, match="Latin name printed in the passport") as raised:
        from_chinese(f"约翰{dot}史密斯")
    assert raised.value.code == ErrorCode.TRANSLITERATED_FOREIGN_NAME


@pytest.mark.parametrize(
    ("text", "named", "code"),
    [
        ("张3", "'3'", ErrorCode.INVALID_CHARACTER),
        ("张３", "'３'", ErrorCode.INVALID_CHARACTER),  # named as typed, not as cleaned
        ("张San", "'S'", ErrorCode.MIXED_SCRIPT),
        ("Zhang San", "'Z'", ErrorCode.MIXED_SCRIPT),
        ("山田たろう", "'た'", ErrorCode.MIXED_SCRIPT),
        ("张兙", "'兙'", ErrorCode.NO_PINYIN_READING),  # U+5159: no reading in pypinyin
        ("张!", "'!'", ErrorCode.INVALID_CHARACTER),
        ("张\ue815", "U+E815", ErrorCode.INVALID_CHARACTER),  # private use, though pypinyin lists it
    ],
)
def test_refusals_name_the_character(text: str, named: str, code: ErrorCode) -> None:
    with pytest.raises(InvalidNameError, match=re.escape(named)) as raised:
        from_chinese(text)
    assert raised.value.code == code


@pytest.mark.parametrize(
    ("text", "named_zh"),
    [
        ("张，三", "中文姓名的第 2 个字符“，”"),  # the full-width comma typed, not the ',' cleaned
        ("王 小，明", "中文姓名的第 4 个字符“，”"),
        ("张3", "第 2 个字符“3”是数字"),
    ],
)
def test_refusals_name_the_character_in_chinese_too(text: str, named_zh: str) -> None:
    with pytest.raises(InvalidNameError) as raised:
        from_chinese(text)
    assert named_zh in raised.value.message_zh
    assert "'，'" in str(raised.value) or "3" in str(raised.value)


def test_a_refusal_in_an_argument_names_the_character_typed_there() -> None:
    with pytest.raises(InvalidNameError) as raised:
        from_chinese(surname="张", given_names="三，丰")
    assert "given name holds '，'" in str(raised.value)
    assert raised.value.message_zh.startswith("中文名字的第 2 个字符“，”")
    # The split is given by the arguments: no advice to split the name with a space.
    assert "space" not in str(raised.value)
    assert "空格" not in raised.value.message_zh


@pytest.mark.parametrize("text", ["张三丶", "丶张三", "王丿明", "李丨明"])
def test_a_stroke_typed_as_decoration_is_refused(text: str) -> None:
    # pypinyin reads 丶 as ZHU: without the refusal 张三丶 was spelled ZHANG SANZHU.
    with pytest.raises(InvalidNameError, match="single stroke") as raised:
        from_chinese(text)
    assert raised.value.code == ErrorCode.INVALID_CHARACTER
    assert "笔画" in raised.value.message_zh


def test_a_minority_name_joined_by_a_middle_dot_is_said_so_in_chinese() -> None:
    with pytest.raises(InvalidNameError) as raised:
        from_chinese("阿卜杜拉·买买提")
    assert "少数民族" in error_message(raised.value, "zh")


@pytest.mark.parametrize("text", ["", "   ", "\u200b"])
def test_empty_is_refused(text: str) -> None:
    with pytest.raises(InvalidNameError) as raised:
        from_chinese(text)
    assert raised.value.code == ErrorCode.EMPTY_NAME


def test_over_long_input_is_refused_first() -> None:
    with pytest.raises(InvalidNameError) as raised:
        from_chinese("约翰·史密斯3" * 50)
    assert raised.value.code == ErrorCode.TOO_LONG
    with pytest.raises(InvalidNameError) as raised:
        from_chinese(surname="张" * 257)
    assert raised.value.code == ErrorCode.TOO_LONG


@given(st.text())
def test_any_text_gives_a_name_or_our_error(text: str) -> None:
    try:
        name = from_chinese(text)
    except NameFormatError:
        return
    assert re.fullmatch(r"[A-Z]+(-[A-Z]+)*", name.surname)
    assert re.fullmatch(r"[A-Z]*", name.given_names)


_HAN_ALPHABET = st.sampled_from(list("张王李欧阳司马单于曾乐覃吕女略區歐陽-－ ·3a兙\u3000\u200b"))


@given(st.text(_HAN_ALPHABET, max_size=12), st.text(_HAN_ALPHABET, max_size=6))
def test_han_heavy_text_and_arguments(text: str, given_text: str) -> None:
    for call in (lambda: from_chinese(text), lambda: from_chinese(surname=text, given_names=given_text)):
        try:
            name = call()
        except NameFormatError:
            continue
        assert re.fullmatch(r"[A-Z]+(-[A-Z]+)*", name.surname)
        assert re.fullmatch(r"[A-Z]*", name.given_names)
        assert chinese_spellings(name)[0].surname == tuple(name.surname.split("-"))


def test_results_are_stable_across_calls() -> None:
    assert (
        from_chinese("覃海洋")
        == from_chinese("覃海洋")
        == PassportName(surname="QIN", given_names="HAIYANG", chinese="覃海洋", source="chinese")
    )


def test_import_leaves_pypinyin_out_until_from_chinese() -> None:
    code = (
        "import sys, wxpay_names\n"
        "assert 'pypinyin' not in sys.modules, 'imported at package import'\n"
        "wxpay_names.from_chinese('张三')\n"
        "assert 'pypinyin' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_builds_no_model() -> None:
    # Every model defers its build (defer_build=True): one built at import loads pydantic's
    # plugin loader and importlib.metadata with it, a fifth more import time (issue 14).
    code = (
        "import sys, wxpay_names\n"
        "assert 'pydantic.plugin._loader' not in sys.modules, 'a model was built at import'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- spellings and candidates --------------------------------------------------------------


def _texts(name: PassportName, bank: Bank) -> list[str]:
    return [candidate.text for candidate in candidates(name, bank)]


def test_lyu_with_lu_and_lv(icbc: Bank) -> None:
    texts = _texts(from_chinese("吕布"), icbc)
    assert texts[0] == "LYU BU"
    assert "LU BU" in texts
    assert "LV BU" in texts
    assert texts.index("LU BU") < texts.index("LV BU")  # pre-2012 passports before a keyboard habit


@pytest.mark.parametrize(
    ("text", "first", "second"), [("覃海洋", "QIN", "TAN"), ("乐毅", "YUE", "LE"), ("隗嚣", "WEI", "KUI")]
)
def test_both_readings_of_a_two_reading_surname(text: str, first: str, second: str, cmb: Bank) -> None:
    name = from_chinese(text)
    texts = _texts(name, cmb)
    given_word = name.given_names
    assert texts[0] == f"{first} {given_word}"
    assert f"{second} {given_word}" in texts


@pytest.mark.parametrize("row", [row for row in _rows() if row["other_readings"]], ids=lambda r: r["surname"])
def test_every_other_reading_is_a_lower_ranked_candidate(row: dict[str, str], cmb: Bank) -> None:
    # Whatever its evidence (TAN and LE are `inferred`): offered, after the usual reading.
    texts = _texts(from_chinese(row["surname"] + "明"), cmb)
    assert texts[0] == row["reading"].replace(" ", "").upper() + " MING"
    for other in row["other_readings"].split("|"):
        assert texts.index(other.replace(" ", "").upper() + " MING") > 0


def test_syllable_split_given_name_is_lower_ranked(icbc: Bank, boc: Bank) -> None:
    name = from_chinese("张三丰")
    texts = _texts(name, icbc)
    assert texts[0] == "ZHANG SANFENG"
    assert texts.index("ZHANG SAN FENG") > texts.index("ZHANGSANFENG")
    assert "SAN FENG ZHANG" in _texts(name, boc)


def test_format_name_at_each_fixture_bank(icbc: Bank, abc: Bank, cmb: Bank, boc: Bank) -> None:
    name = from_chinese("欧阳娜娜")
    assert [format_name(name, bank) for bank in (icbc, abc, cmb, boc)] == [
        "OUYANG NANA",
        "OUYANGNANA",
        "OUYANG NANA",
        "NANA OUYANG",
    ]


def test_spellings_hook_delegates_for_chinese_names() -> None:
    kinds = [spelling.kind for spelling in spellings(from_chinese("闾丘露薇"))]
    # 露 is also read lou in pypinyin's table: the given name's other reading comes last.
    assert kinds == ["icao", "pinyin_lu", "pinyin_lv", "pinyin_syllables", "given_reading"]
    lu = spellings(from_chinese("闾丘露薇"))[1]
    assert (lu.surname, lu.given) == (("LUQIU",), (("LUWEI",),))


def test_hand_built_name_keeps_its_fields_alone() -> None:
    name = PassportName(surname="LU", given_names="BU", chinese="吕布", source="chinese")
    assert [(s.surname, s.given) for s in chinese_spellings(name)] == [(("LU",), (("BU",),))]
    odd = PassportName(surname="SMITH", chinese="abc", source="chinese")
    assert len(chinese_spellings(odd)) == 1


def test_surname_alone_has_no_given_variants() -> None:
    kinds = [spelling.kind for spelling in chinese_spellings(from_chinese("覃"))]
    assert kinds == ["icao", "second_reading"]


# The given name's other readings (pypinyin's heteronyms), below its common reading


def _given_readings(name: PassportName, bank: Bank) -> list[str]:
    return [c.text for c in candidates(name, bank) if c.pattern.spelling == "given_reading"]


def test_a_given_name_read_otherwise_is_a_lower_ranked_candidate(icbc: Bank) -> None:
    ranked = candidates(from_chinese("张朝阳"), icbc)
    assert (ranked[0].text, ranked[0].pattern.spelling) == ("ZHANG ZHAOYANG", "icao")  # pypinyin's reading
    chaoyang = next(c for c in ranked if c.text == "ZHANG CHAOYANG")
    assert chaoyang.pattern.spelling == "given_reading"
    assert "another reading of a character of the given name" in chaoyang.note
    # 乐 alone: pypinyin's first reading le is rank 1, yue another reading (长 is in
    # data/given_name_readings.csv, so its other reading is ZHANG: see the tests below).
    assert "ZHANG YUE" in _given_readings(from_chinese("张乐"), icbc)
    assert format_name(from_chinese("张乐"), icbc) == "ZHANG LE"
    assert "ZHANG ZHANG" in _given_readings(from_chinese("张长"), icbc)
    assert format_name(from_chinese("张长"), icbc) == "ZHANG CHANG"


def test_given_readings_change_one_character_first_characters_first(icbc: Bank) -> None:
    # 乐 is le or yue in pypinyin's table: each character in turn takes its other reading.
    assert _given_readings(from_chinese("王乐乐"), icbc)[:2] == ["WANG YUELE", "WANG LEYUE"]


def test_at_most_two_given_readings_and_twelve_candidates(icbc: Bank) -> None:
    # 行 has two other readings its words use (hang, heng), 乐 one (yue), 单 two (chan, shan):
    # still two spellings at most.
    for text in ("李行乐", "王单行", "张乐行"):
        kinds = [spelling.kind for spelling in spellings(from_chinese(text))]
        assert kinds.count("given_reading") == 2, text
        assert len(candidates(from_chinese(text), icbc)) <= 12


def test_a_given_name_of_single_reading_characters_gets_no_given_reading(icbc: Bank) -> None:
    for text in ("张伟", "王芳", "欧阳", "覃"):
        assert "given_reading" not in [spelling.kind for spelling in spellings(from_chinese(text))], text


def test_given_readings_write_u_umlaut_as_the_passport_does(icbc: Bank) -> None:
    # 偻 is lou or lü (伛偻, the one character whose words read it a ü way besides its usual
    # reading); 绿 is lü or lu, and LU is already its ü-written-U spelling.
    assert "ZHANG LYU" in _given_readings(from_chinese("张偻"), icbc)
    other = [s for s in spellings(from_chinese("张绿")) if s.kind == "given_reading"]
    assert other == []
    both = {s.given[0][0] for s in spellings(from_chinese("张绿绿")) if s.kind == "given_reading"}
    assert both == {"LULYU", "LYULU"}


def test_an_explicit_split_reads_the_given_name_alone(icbc: Bank) -> None:
    assert "ZHANG CHAOYANG" in _given_readings(from_chinese("张 朝阳"), icbc)
    assert "OUYANG CHAOYANG" in _given_readings(from_chinese(surname="欧阳", given_names="朝阳"), icbc)


def test_a_fallback_reading_stays_among_the_candidates() -> None:
    # A reading only one source gives (扎 ZA) never hides the character's common one (ZHA, as
    # in 扎西): the row keeps it as a second reading, and the candidates list it.
    fallbacks = [row for row in _rows() if "kept as a fallback" in row["source"]]
    assert {row["surname"] for row in fallbacks} >= {"扎", "浣", "不", "能"}
    for row in fallbacks:
        name = from_chinese(row["surname"] + "明")
        assert name.surname == row["reading"].replace(" ", "").upper()
        texts = [candidate.text for candidate in candidates(name, "ICBC")]
        assert f"{row['common_reading'].replace(' ', '').upper()} MING" in texts, row["surname"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Zhang San", "只能有汉字"),
        ("张San", "只能有汉字"),
        ("李明-华", "连字符只能用来连接双姓"),
        ("张3", "是数字：姓名中没有数字，请只输入姓名中的汉字"),
        ("张@三", "第 2 个字符“@”不是汉字"),
    ],
)
def test_refusals_of_text_that_is_not_a_chinese_name_say_so_in_chinese(text: str, said: str) -> None:
    # The code's general Chinese sentence (mixed alphabets, or "type only letters") would send
    # the person the wrong way: these refusals carry their own.
    with pytest.raises(InvalidNameError) as raised:
        from_chinese(text)
    assert said in error_message(raised.value, "zh")


@pytest.mark.parametrize(
    ("text", "never"), [("曾小明", "MENG"), ("张海洋", "XIANG"), ("王平", "BING"), ("张朝阳", "ZHU")]
)
def test_a_reading_no_word_uses_is_not_offered_for_a_given_name(text: str, never: str, icbc: Bank) -> None:
    # pypinyin's character table keeps archaic readings (明 meng, 洋 xiang, 平 bing, 朝 zhu) that
    # no word of its phrase table uses: a person would be sent to try ZENG XIAOMENG.
    assert not [reading for reading in _given_readings(from_chinese(text), icbc) if never in reading]


def test_a_reading_a_word_uses_is_offered(icbc: Bank) -> None:
    # 朝 is cháo in 朝代 and zhāo in 朝阳: 张朝阳 is also read CHAOYANG, as he writes it.
    assert "ZHANG CHAOYANG" in _given_readings(from_chinese("张朝阳"), icbc)


def test_a_character_no_word_holds_keeps_its_readings(icbc: Bank) -> None:
    # 晟 is in no word of the phrase table, which then cannot tell an archaic reading from a
    # living one: its other readings stay (SHENG, the one most people bearing it use).
    assert "ZHANG SHENG" in _given_readings(from_chinese("张晟"), icbc)


@pytest.mark.parametrize(
    ("text", "arguments", "says"),
    [
        ("\u3000张  III", {}, "The Chinese name holds 'I' (U+0049 LATIN CAPITAL LETTER I) at position 5"),
        (" 张 \u200b3", {}, "'3' (U+0033 DIGIT THREE) at position 5"),
        (
            "",
            {"surname": "张", "given_names": "3"},
            "The Chinese given name holds '3' (U+0033 DIGIT THREE) at position 1",
        ),
        (
            "",
            {"surname": "张 3", "given_names": "三"},
            "The Chinese surname holds '3' (U+0033 DIGIT THREE) at position 3",
        ),
    ],
)
def test_a_position_counts_in_the_text_as_given(text: str, arguments: dict[str, str], says: str) -> None:
    # Not in the cleaned text, nor in the key the two arguments are joined into ("张 3").
    with pytest.raises(InvalidNameError) as refused:
        from_chinese(text, **arguments)
    assert says in str(refused.value)


# -- data/given_name_readings.csv: a character's reading in a given name ------------------------

GIVEN_READINGS_CSV = Path(__file__).parents[1] / "data" / "given_name_readings.csv"


def _given_reading_rows() -> list[dict[str, str]]:
    with GIVEN_READINGS_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_given_name_readings_rows_are_complete_and_sourced() -> None:
    rows = _given_reading_rows()
    assert rows
    assert len({row["character"] for row in rows}) == len(rows)
    for row in rows:
        assert len(row["character"]) == 1
        assert re.fullmatch(r"[a-zü]+", row["reading"]), row["character"]
        assert row["evidence"] in {"reported", "inferred"}
        assert "grade" in row["source"], row["character"]
        assert row["source_url"].startswith("https://"), row["character"]
        # A row is needed only where pypinyin's first reading of the character alone differs.
        assert lazy_pinyin(row["character"])[0] != row["reading"], row["character"]


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("张长伟", "CHANGWEI"),  # no word of the phrase table holds 长伟: the table's reading
        ("李长春", "CHANGCHUN"),  # a word of the phrase table: its reading, the same here
        ("王长大", "ZHANGDA"),  # a word read zhǎng keeps it
        ("欧阳长", "CHANG"),
        ("張長偉", "CHANGWEI"),  # traditional characters read alike
        ("汪曾祺", "ZENGQI"),  # pypinyin's first reading of 曾 alone is céng: CENGQI before
        ("曾曾", "ZENG"),  # the surname 曾 is ZENG by the surname table, the given name by this one
    ],
)
def test_a_given_name_reads_a_listed_character_as_names_do(text: str, given: str) -> None:
    assert from_chinese(text).given_names == given


@pytest.mark.parametrize(
    ("text", "first", "other"),
    [("张长伟", "ZHANG CHANGWEI", "ZHANG ZHANGWEI"), ("汪曾祺", "WANG ZENGQI", "WANG CENGQI")],
)
def test_the_common_reading_of_a_listed_character_stays_a_candidate(
    text: str, first: str, other: str, icbc: Bank
) -> None:
    texts = [candidate.text for candidate in candidates(from_chinese(text), icbc)]
    assert texts[0] == first
    assert other in texts


@pytest.mark.parametrize("chinese", ["李晓丽", "林小林", "吕绿绿", "王旺旺", "张三丰", "李丽李"])
def test_a_given_name_split_per_syllable_is_said_as_the_split_when_a_syllable_is_a_name_word(
    chinese: str,
) -> None:
    # XIAO LI LI for 李晓丽 at BOC was said as an extra LI and a misspelled XIAO: the syllable
    # LI is also the surname, and comparing words took that account over the split.
    name = from_chinese(chinese)
    for bank in banks():
        for candidate in candidates(name, bank):
            pattern = candidate.pattern
            if pattern.spelling != "pinyin_syllables" or (pattern.separator, pattern.given_separator) != (
                bank.separator,
                bank.given_separator,
            ):
                continue
            if not bank.given_separator:  # the syllables joined again: only a title case shows
                continue
            result = check_name(candidate.text, name, bank)
            codes = [problem.code for problem in result.problems]
            assert result.matched == candidate
            assert ProblemCode.SPELLING in codes, (bank.code, candidate.text, codes)
            assert ProblemCode.EXTRA_NAME_PART not in codes, (bank.code, candidate.text, codes)
            assert ProblemCode.MISSING_NAME_PART not in codes, (bank.code, candidate.text, codes)
            spelling = next(problem for problem in result.problems if problem.code is ProblemCode.SPELLING)
            assert "split per syllable" in spelling.message_en


# -- reading_notes: what the characters leave open, said with the name -------------------------


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("张伟", ["pinyin_spelling"]),
        ("覃海洋", ["surname_readings", "pinyin_spelling"]),
        ("单于飞", ["compound_surname", "pinyin_spelling"]),
        ("单 于飞", ["pinyin_spelling"]),  # the split was given
        ("洗伟", ["surname_unlisted", "pinyin_spelling"]),  # pypinyin reads XI; the surname may be XIAN
        ("洗 伟", ["surname_unlisted", "pinyin_spelling"]),
        ("冼伟", ["surname_unlisted", "pinyin_spelling"]),  # not in the surname list, and read two ways
        ("郑-李小明", ["double_surname", "pinyin_spelling"]),  # 李 may begin the given name
        ("张-爱玲", ["double_surname", "pinyin_spelling"]),
        ("张-爱 玲", ["pinyin_spelling"]),  # the split was given
        ("张-爱", ["pinyin_spelling"]),  # a double surname alone
    ],
)
def test_reading_notes_say_what_the_characters_leave_open(text: str, codes: list[str]) -> None:
    from wxpay_names.reading_notes import reading_notes

    notes = reading_notes(from_chinese(text))
    assert [note.code for note in notes] == codes
    for note in notes:
        assert note.en
        assert note.zh


def test_an_unlisted_surname_note_names_its_other_readings() -> None:
    from wxpay_names.reading_notes import reading_notes

    [unlisted, _] = reading_notes(from_chinese("洗伟"))
    assert "read XI" in unlisted.en
    assert "(XIAN)" in unlisted.en
    assert "（XIAN）" in unlisted.zh
    assert reading_notes(PassportName(surname="Xi", given_names="Wei")) == ()


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("张-欧阳-娜娜", ("张-欧阳 娜娜", "张-欧阳-娜 娜")),  # split at the hyphen before 娜, not the first
        ("张-李-三丰", ("张-李 三丰", "张-李-三 丰")),
    ],
)
def test_a_refused_hyphen_is_split_where_the_unknown_surname_starts(text: str, said: tuple[str, str]) -> None:
    with pytest.raises(InvalidNameError) as raised:
        from_chinese(text)
    for message in (str(raised.value), raised.value.message_zh):
        assert all(way in message for way in said)
    from_chinese(said[0])  # the first way offered reads


@pytest.mark.parametrize(("traditional", "simplified"), [("張-陳小明", "张-陈小明"), ("鄭-張三", "郑-张三")])
def test_a_double_surname_in_traditional_characters_reads_as_in_simplified(
    traditional: str, simplified: str
) -> None:
    read, expected = from_chinese(traditional), from_chinese(simplified)
    assert (read.surname, read.given_names) == (expected.surname, expected.given_names)


def test_a_surname_in_traditional_characters_is_listed() -> None:
    from wxpay_names.reading_notes import reading_notes

    assert [note.code for note in reading_notes(from_chinese("陳大文"))] == ["pinyin_spelling"]


def test_a_private_use_character_is_named_by_its_code_point_in_chinese() -> None:
    with pytest.raises(InvalidNameError) as raised:
        from_chinese("张\ue000")
    assert "第 2 个字符（U+E000）不是汉字" in raised.value.message_zh


def test_the_surnames_read_two_ways_are_pinned() -> None:
    """A reading deleted from ``data/surnames.csv`` takes a candidate away without a word (the
    sweep above is drawn from the file, so it shrinks with it): a change here is a Data line."""
    found = {row["surname"]: row["other_readings"] for row in _rows() if row["other_readings"]}
    assert found == {
        "乐": "le",
        "覃": "tan",
        "盖": "gai",
        "能": "neng",
        "隗": "kui",
        "扎": "zha",
        "浣": "huan",
        "不": "bu",
        "长": "zhang",
    }


def test_every_traditional_form_opencc_gives_a_special_surname_is_in_the_surname_table() -> None:
    """``data/surnames.csv`` against OpenCC's forms in ``data/single_surnames.csv`` (an oracle of
    its own), for the single special surnames both files hold (19 of 36; 长 and 秘 are in the
    surname table only): a traditional form lost from the table would read by pypinyin instead (蓋 GAI, not
    GE). OpenCC's general-text forms that are not the surname's are the known exceptions."""
    single = {
        row["surname"]: set(filter(None, row["traditional"].split("|")))
        for row in csv.DictReader((SURNAMES_CSV.parent / "single_surnames.csv").open(encoding="utf-8"))
    }
    not_the_surnames = {"朴": {"樸"}, "仇": {"讎"}, "卜": {"蔔"}}  # 朴 PIAO stays 朴 in traditional text
    for row in _rows():
        if row["kind"] == "single" and row["surname"] in single:
            table = set(row["traditional"].split("|")) - {row["surname"]}
            missing = single[row["surname"]] - table
            assert missing == not_the_surnames.get(row["surname"], set()), row["surname"]
            for form in table:
                read, simplified = from_chinese(form + "明"), from_chinese(row["surname"] + "明")
                assert read.surname == simplified.surname, form


_U_CHARACTERS = "吕女律绿略虐驴旅铝滤明华"


@given(
    surname=st.sampled_from(["吕", "张", "闾丘"]), given_text=st.text(_U_CHARACTERS, min_size=1, max_size=2)
)
def test_u_umlaut_is_yu_at_rank_one_with_u_and_v_among_the_candidates(surname: str, given_text: str) -> None:
    """api.md for all names: ü after L and N is written YU (GB/T 28039-2011 §6.2), with the U
    (passports before 2012) and V (a keyboard habit) forms among the candidates. The oracle is
    pypinyin's own reading, which writes ü as v."""

    def spelled(part: str, letter: str) -> str:
        return "".join(lazy_pinyin([part])).upper().replace("V", letter)

    name = from_chinese(surname + given_text)
    expected = {
        letter: f"{spelled(surname, letter)} {spelled(given_text, letter)}" for letter in ("YU", "U", "V")
    }
    texts = [candidate.text for candidate in candidates(name, "ICBC")]
    assert texts[0] == expected["YU"]
    if expected["U"] != expected["YU"]:
        assert expected["U"] in texts
        assert expected["V"] in texts


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        ("单于飞", "SHAN YUFEI"),
        ("闻人杰", "WEN RENJIE"),
        ("欧阳娜娜", "OU YANGNANA"),
        ("單于飛", "SHAN YUFEI"),
    ],
)
def test_a_compound_surname_read_apart_is_a_low_candidate(text: str, apart: str, icbc: Bank) -> None:
    """The table reads the compound (单于飞: CHANYU FEI); its first character, a surname of its
    own, with the rest as the given name is the other way to read the characters: offered,
    below rank 1, as a guess, and read as the explicit split reads."""
    found = candidates(from_chinese(text), icbc)
    texts = [candidate.text for candidate in found]
    assert texts.index(apart) > 0
    assert found[texts.index(apart)].pattern.spelling == "surname_split"
    first, rest = text[0], text[1:]
    explicit = from_chinese(f"{first} {rest}")
    assert apart == f"{explicit.surname} {explicit.given_names}"


@pytest.mark.parametrize("text", ["张三", "单 于飞", "单于", "郑-李小明", "上官婉儿"])
def test_no_compound_read_apart_where_there_is_none_or_the_split_was_given(text: str, icbc: Bank) -> None:
    # 上: no surname of its own, so 上官 is read as the compound only.
    spellings = {candidate.pattern.spelling for candidate in candidates(from_chinese(text), icbc)}
    assert "surname_split" not in spellings


def test_a_compound_read_apart_typed_is_said_as_a_reading_the_passport_decides(icbc: Bank) -> None:
    result = check_name("SHAN YUFEI", from_chinese("单于飞"), icbc)
    assert result.status == "plausible"
    [problem] = result.problems
    assert problem.code == ProblemCode.SPELLING
    assert problem.message_en.startswith("In 单于飞 the surname may be SHAN alone (a guess)")
    assert "请以护照上的拼写为准" in problem.message_zh


@pytest.mark.parametrize("typed", [" SHAN YUFEI", "SHAN  YUFEI", "SHAN-YUFEI", "Shan YUFEI"])
def test_a_compound_read_apart_typed_with_another_slip_is_said_as_that_reading(
    typed: str, icbc: Bank
) -> None:
    # Found by matching words, not by equal text: the reading's sentence all the same, not the
    # bank-form one ("if it shows SHAN, keep it").
    result = check_name(typed, from_chinese("单于飞"), icbc)
    spelling = [problem for problem in result.problems if problem.code == ProblemCode.SPELLING]
    assert [
        problem.message_en.startswith("In 单于飞 the surname may be SHAN alone") for problem in spelling
    ] == [True]


def test_the_compound_note_is_said_only_where_the_candidates_read_it_apart() -> None:
    from wxpay_names.reading_notes import reading_notes

    by_hand = PassportName(surname="Chanyu", given_names="Fei", chinese="单于飞", source="chinese")
    assert [note.code for note in reading_notes(by_hand)] == ["pinyin_spelling"]  # spelled from its fields
    assert "surname_split" not in {candidate.pattern.spelling for candidate in candidates(by_hand, "ICBC")}


def test_a_double_surname_read_from_a_hyphen_says_the_other_way_to_give_it() -> None:
    """张-爱玲 reads 张-爱 as a 双姓 (爱 is a surname of 百家姓); a person who typed the hyphen
    between surname and given name is told how to give it."""
    from wxpay_names.reading_notes import reading_notes

    name = from_chinese("张-爱玲")
    assert (name.surname, name.given_names) == ("ZHANGAI", "LING")
    note = next(note for note in reading_notes(name, "fields") if note.code == "double_surname")
    assert "张 爱玲 in the chinese field" in note.en
    assert "在 chinese 字段中输入 张 爱玲" in note.zh
    split = from_chinese("张 爱玲")
    assert (split.surname, split.given_names) == ("ZHANG", "AILING")


@pytest.mark.parametrize("dash", ["\u2010", "\u2013", "\u2014"])
def test_the_double_surname_note_follows_any_dash_the_reader_takes(dash: str) -> None:
    from wxpay_names.reading_notes import reading_notes

    codes = [note.code for note in reading_notes(from_chinese(f"张{dash}爱玲"))]
    assert "double_surname" in codes


def test_the_double_surname_note_fits_the_name_it_is_of() -> None:
    """Several surnames are not a 双姓; a compound after the hyphen is the given name's start, not
    its first character; a name built by hand whose fields are not this reading gets no note."""
    from wxpay_names.reading_notes import reading_notes

    three = next(
        note for note in reading_notes(from_chinese("张-李-王小明")) if note.code == "double_surname"
    )
    assert "双姓" not in three.en
    assert "多个姓" in three.zh
    compound = next(
        note for note in reading_notes(from_chinese("张-欧阳娜娜")) if note.code == "double_surname"
    )
    assert "名的开头" in compound.zh
    by_hand = PassportName(surname="ZHANG", given_names="AILING", chinese="张-爱玲", source="chinese")
    assert "double_surname" not in [note.code for note in reading_notes(by_hand)]
