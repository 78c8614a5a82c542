"""check_phone: the mobile number a bank holds, read by phonenumbers; problems, never exceptions."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxpay_names import InvalidArgumentError, PhoneCheck, ProblemCode, check_phone


def codes(result: PhoneCheck) -> list[str]:
    return [problem.code.value for problem in result.problems]


def test_a_china_mobile_number() -> None:
    result = check_phone("+86 138 0013 8000")
    assert result.e164 == "+8613800138000"
    assert result.mainland_mobile
    assert result.mobile
    assert result.region == "CN"
    assert (result.carrier_en, result.carrier_zh) == ("China Mobile", "中国移动")
    assert result.problems == ()
    assert result.ok


@pytest.mark.parametrize("written", ["13800138000", "138 0013 8000", "+86-138-0013-8000", "0086 13800138000"])
def test_the_same_number_written_other_ways(written: str) -> None:
    assert check_phone(written).e164 == "+8613800138000"


def test_a_foreign_number_warns_with_the_grade() -> None:
    result = check_phone("+44 7911 123456")
    assert codes(result) == ["PHONE_OUTSIDE_MAINLAND"]
    assert not result.mainland_mobile
    assert result.mobile
    assert result.ok  # no source says a foreign number is refused: a warning
    problem = result.problems[0]
    assert "grade B" in problem.message_en
    assert "资料等级 B" in problem.message_zh
    assert "mainland China" in problem.message_en
    assert "中国大陆" in problem.message_zh


def test_hong_kong_is_outside_mainland_china() -> None:
    result = check_phone("+852 6123 4567")
    assert result.region == "HK"
    assert codes(result) == ["PHONE_OUTSIDE_MAINLAND"]


@pytest.mark.parametrize(
    ("number", "region"),
    [("+852 6123 4567", "中国香港"), ("+853 6612 3456", "中国澳门"), ("+886 912 345 678", "中国台湾")],
)
def test_the_regions_of_china_outside_the_mainland_are_named_one_way(number: str, region: str) -> None:
    message = check_phone(number).problems[0].message_zh
    assert message.startswith(f"这个号码属于{region}，")
    assert "中国大陆的手机号" in message


@pytest.mark.parametrize("text", ["12345", "abc", "+86 146 1234 5678", "1440123456789", "+999 123"])
def test_not_a_number(text: str) -> None:
    result = check_phone(text)
    assert codes(result) == ["PHONE_NOT_A_NUMBER"]
    assert not result.ok
    assert result.e164 is None


@pytest.mark.parametrize(
    "text",
    ["+86 138 OO13 8OOO", "138OO138OOO", "1380013800O", "+86 138 0013 8000 ext 12", "１３８ＯＯ１３８０００"],
)
def test_letters_are_a_problem_never_keypad_digits(text: str) -> None:
    # phonenumbers reads three letters or more as keypad digits (O → 6): another number.
    result = check_phone(text)
    assert codes(result) == ["PHONE_NOT_A_NUMBER"]
    assert result.e164 is None
    assert not result.ok
    assert "letters" in result.problems[0].message_en
    assert "字母" in result.problems[0].message_zh


@pytest.mark.parametrize("text", ["tel:13800138000", "Mobile: 138 0013 8000", "手机 13800138000"])
def test_words_around_the_number_that_are_no_keypad_letters_are_left_to_the_reader(text: str) -> None:
    result = check_phone(text)
    assert result.e164 == "+8613800138000"
    assert result.ok


def test_an_empty_number() -> None:
    result = check_phone("")
    assert codes(result) == ["PHONE_NOT_A_NUMBER"]
    assert "empty" in result.problems[0].message_en


def test_a_landline_is_not_the_mobile_number_the_bank_holds() -> None:
    result = check_phone("010 6552 9988")
    assert result.e164 == "+861065529988"
    assert codes(result) == ["PHONE_NOT_MOBILE"]
    assert not result.ok
    assert not result.mobile


@pytest.mark.parametrize(
    ("number", "code", "prefix"),
    [
        ("17012345678", ProblemCode.PHONE_VIRTUAL_OPERATOR, "170"),
        ("16512345678", ProblemCode.PHONE_VIRTUAL_OPERATOR, "165"),
        ("13491234567", ProblemCode.PHONE_SATELLITE, "1349"),
        ("17400012345", ProblemCode.PHONE_SATELLITE, "174"),
        # Ranges libphonenumber's data lacks (it calls them invalid): MIIT's allocation decides.
        ("16190123456", ProblemCode.PHONE_SATELLITE, "1619"),
        ("+86 174 1234 5678", ProblemCode.PHONE_SATELLITE, "174"),
    ],
)
def test_resold_and_satellite_ranges_are_said_without_a_claim_about_banks(
    number: str, code: ProblemCode, prefix: str
) -> None:
    result = check_phone(number)
    assert [problem.code for problem in result.problems] == [code]
    assert result.ok
    assert result.mainland_mobile
    message = result.problems[0]
    assert prefix in message.message_en
    assert "grade A" in message.message_en
    assert "no source says how banks treat them" in message.message_en


def test_default_region_reads_a_number_without_country_code() -> None:
    assert check_phone("07911 123456", default_region="GB").e164 == "+447911123456"
    assert codes(check_phone("07911 123456", default_region="gb")) == ["PHONE_OUTSIDE_MAINLAND"]
    assert codes(check_phone("13800138000", default_region="ZZ")) == ["PHONE_NOT_A_NUMBER"]


@pytest.mark.parametrize(("number", "region"), [(13800138000, "CN"), ("13800138000", None)])
def test_arguments_that_are_not_str_raise(number: object, region: object) -> None:
    with pytest.raises(InvalidArgumentError):
        check_phone(number, region)  # type: ignore[arg-type]


@settings(max_examples=200, derandomize=True)
@given(st.text(alphabet=st.sampled_from("+0123456789 -()１x\u200b"), max_size=25) | st.text(max_size=40))
def test_any_text_gives_a_result_with_its_problems_worded(text: str) -> None:
    result = check_phone(text)
    assert result.ok is not any(p.code in {"PHONE_NOT_A_NUMBER", "PHONE_NOT_MOBILE"} for p in result.problems)
    assert (result.e164 is None) is (codes(result) == ["PHONE_NOT_A_NUMBER"])
    for problem in result.problems:
        assert problem.message_en
        assert any("\u4e00" <= char <= "\u9fff" for char in problem.message_zh)
    if result.e164 is not None:
        assert result.e164[3:] not in "".join(p.message_en + p.message_zh for p in result.problems)


def test_phonenumbers_is_imported_only_when_a_phone_is_checked() -> None:
    script = (
        "import sys, wxpay_names; "
        "from wxpay_names import check_phone, preflight, bank_of_card, PhoneCheck; "
        "before = sorted(m for m in sys.modules if m.startswith('phonenumbers')); "
        "check_phone('13800138000'); "
        "print(before, 'phonenumbers' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    assert result.stdout.split() == ["[]", "True"]


def test_an_international_number_of_no_country_is_said_so() -> None:
    """+881 (satellite) belongs to no country: it was said to be "of the country or region 001"."""
    result = check_phone("+881 6 1234 5678")
    assert [problem.code for problem in result.problems] == [ProblemCode.PHONE_OUTSIDE_MAINLAND]
    message = result.problems[0]
    assert "001" not in message.message_en + message.message_zh
    assert "no country" in message.message_en
    assert "不属于任何国家或地区" in message.message_zh
