"""check_permanent_resident_id: the 2023 18-digit number and the older 15-character one."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxpay_names import InvalidArgumentError, ResidentIdCheck, check_permanent_resident_id
from wxpay_names.binding.resident_id import mod_11_2

VALID = "932682198501010017"  # the npm idcard-tool example; passes MOD 11-2 (checked, grade A)


def codes(result: ResidentIdCheck) -> list[str]:
    return [problem.code.value for problem in result.problems]


def test_a_valid_2023_number() -> None:
    result = check_permanent_resident_id(VALID)
    assert result.ok
    assert result.problems == ()
    assert result.format == "2023"
    assert result.nationality == "682"
    assert result.birth_date == date(1985, 1, 1)
    assert result.sex == "M"  # the 17th digit, 1, is odd


@pytest.mark.parametrize("last", [digit for digit in "0123456789X" if digit != "7"])
def test_any_other_last_character_is_a_check_digit_problem(last: str) -> None:
    result = check_permanent_resident_id(VALID[:17] + last)
    assert codes(result) == ["RESIDENT_ID_CHECK_DIGIT"]
    assert not result.ok
    assert f"is {last}" in result.problems[0].message_en
    assert "give 7" in result.problems[0].message_en


def test_x_is_a_check_character_and_spaces_and_case_are_ignored() -> None:
    body = "93268219850101048"
    assert mod_11_2(body) == "X"  # this body's check character is X
    for written in (body + "X", body + "x", "9326 8219 8501 0104 8x", "９３２６８２１９８５０１０１０４８Ｘ"):
        result = check_permanent_resident_id(written)
        assert result.ok, written
        assert result.sex == "F"  # 17th digit 8: even


def test_mod_11_2_matches_gb_11643() -> None:
    # GB 11643's own example number, 11010519491231002X.
    assert mod_11_2("11010519491231002") == "X"


def test_a_citizen_id_number_is_not_a_permanent_resident_number() -> None:
    citizen = "11010519491231002X"
    result = check_permanent_resident_id(citizen)
    assert codes(result) == ["RESIDENT_ID_FORMAT"]
    assert "starts with 9" in result.problems[0].message_en
    assert "以 9 开头" in result.problems[0].message_zh


def test_the_old_format_is_recognised_and_said_to_be_old() -> None:
    result = check_permanent_resident_id("USA110085050112")
    assert result.format == "old"
    assert codes(result) == ["RESIDENT_ID_OLD_FORMAT"]
    assert result.ok  # a warning: the old card is not known to be refused
    assert "1 December 2023" in result.problems[0].message_en


def test_a_number_whose_birth_date_is_not_a_date() -> None:
    body = "93268219851301001"  # month 13
    result = check_permanent_resident_id(body + mod_11_2(body))
    assert codes(result) == ["RESIDENT_ID_FORMAT"]
    assert "date of birth" in result.problems[0].message_en


@pytest.mark.parametrize(
    "text", ["", "9326821985", "93268219850101001A", "ABCD12345678901", "93268219850101001７7"]
)
def test_other_shapes_are_a_format_problem(text: str) -> None:
    result = check_permanent_resident_id(text)
    assert codes(result) == ["RESIDENT_ID_FORMAT"]
    assert result.format == "unknown"
    assert not result.ok


def test_a_number_that_is_not_a_str_raises() -> None:
    with pytest.raises(InvalidArgumentError):
        check_permanent_resident_id(932682198501010017)  # type: ignore[arg-type]


@settings(max_examples=200, derandomize=True)
@given(st.from_regex(r"9[0-9]{16}", fullmatch=True))
def test_exactly_one_check_character_is_right_for_every_body(body: str) -> None:
    right = [last for last in "0123456789X" if check_permanent_resident_id(body + last).problems == ()]
    birth_ok = check_permanent_resident_id(body + mod_11_2(body)).format == "2023" and (
        check_permanent_resident_id(body + mod_11_2(body)).birth_date is not None
    )
    assert right == ([mod_11_2(body)] if birth_ok else [])


@settings(max_examples=200, derandomize=True)
@given(st.text(max_size=30))
def test_any_text_gives_a_result(text: str) -> None:
    result = check_permanent_resident_id(text)
    assert result.ok is (
        result.format in {"2023", "old"} and codes(result) in ([], ["RESIDENT_ID_OLD_FORMAT"])
    )


@pytest.mark.parametrize(
    "text",
    ["932682-19850101-0017", "932682 19850101 0017", "\u200b932682198501010017", "932682–1985–0101–0017"],
)
def test_group_separators_and_invisible_characters_are_ignored_as_in_a_card_number(text: str) -> None:
    found = check_permanent_resident_id(text)
    assert found.ok
    assert found.format == "2023"


def test_a_number_starting_0_is_not_said_to_be_a_citizens() -> None:
    """A citizen's number starts with 1 to 8: one starting with 0 is neither's."""
    problem = check_permanent_resident_id("032682198501010017").problems[0]
    assert "citizen" not in problem.message_en
    assert "starts with 9 (grade B/C), and this one starts with 0" in problem.message_en
    assert "以 0 开头" in problem.message_zh
