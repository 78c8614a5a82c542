"""parse_mrz_document and check_document: the identity document behind the bank account."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxpay_names import (
    DocumentCheck,
    InvalidArgumentError,
    MRZError,
    TravelDocument,
    check_document,
    parse_mrz,
    parse_mrz_document,
)
from wxpay_names.binding.document import EXPIRING_DAYS
from zones import td3

TODAY = date(2026, 12, 6)


ICAO_TD1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"


def codes(result: DocumentCheck) -> list[str]:
    return [problem.code.value for problem in result.problems]


def test_the_fields_of_a_td3_zone() -> None:
    document = parse_mrz_document(td3(expiry=date(2031, 4, 15)))
    assert document.format == "TD3"
    assert document.document_code == "P"
    assert document.issuing_state == "UTO"
    assert document.document_number == "L898902C3"
    assert document.nationality == "UTO"
    assert document.birth_date == date(1974, 8, 12)
    assert document.sex == "F"
    assert document.expiry_date == date(2031, 4, 15)
    assert document.name == parse_mrz(td3(expiry=date(2031, 4, 15)))


def test_the_fields_of_a_td1_card() -> None:
    document = parse_mrz_document(ICAO_TD1)
    assert (document.format, document.document_code, document.document_number) == ("TD1", "I", "D23145890")
    assert document.birth_date == date(1974, 8, 12)
    assert document.expiry_date == date(2012, 4, 15)
    assert (document.name.surname, document.name.given_names) == ("ERIKSSON", "ANNA MARIA")


def test_a_birth_year_is_never_after_the_expiry_year() -> None:
    child = parse_mrz_document(td3(birth="230301", expiry=date(2028, 3, 1)))
    assert child.birth_date == date(2023, 3, 1)
    elder = parse_mrz_document(td3(birth="300301", expiry=date(2028, 3, 1)))
    assert elder.birth_date == date(1930, 3, 1)


def test_a_birth_date_is_never_after_today() -> None:
    # A ten-year passport expiring in the 2030s: its holder was not born in the 2030s.
    zone = td3(birth="300301", expiry=date(2034, 3, 1))
    assert parse_mrz_document(zone).birth_date == date(1930, 3, 1)
    # The bound is the day, not the year: tomorrow's date of birth is last century's.
    tomorrow = date.today() + timedelta(days=1)
    born = parse_mrz_document(td3(birth=tomorrow.strftime("%y%m%d"), expiry=date(2099, 1, 1)))
    assert born.birth_date == tomorrow.replace(year=tomorrow.year - 100)


def test_unknown_birth_date_and_unspecified_sex() -> None:
    document = parse_mrz_document(td3(birth="<<<<<<", sex="<", expiry=date(2030, 1, 1)))
    assert document.birth_date is None
    assert document.sex == "X"


def test_the_zone_is_checked_as_parse_mrz_checks_it() -> None:
    zone = td3(expiry=date(2030, 1, 1))
    broken = zone[:-1] + str((int(zone[-1]) + 1) % 10)
    with pytest.raises(MRZError) as raised:
        parse_mrz_document(broken)
    assert raised.value.code == "MRZ_CHECK_DIGIT"


def test_a_line_alone_is_not_a_document() -> None:
    with pytest.raises(MRZError, match="whole machine-readable zone"):
        parse_mrz_document("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<")


@pytest.mark.parametrize("expiry", ["301301", "010229", "3012AB"])
def test_an_expiry_date_that_is_no_real_day_is_a_misread_zone(expiry: str) -> None:
    # Its check digit may still be right: the zone is refused, not read as "not dated".
    zone = td3(expiry=expiry)
    with pytest.raises(MRZError, match=r"The expiry date .* is not a real day"):
        parse_mrz_document(zone)
    result = check_document(zone, today=TODAY)
    assert codes(result) == ["DOCUMENT_UNREADABLE"]
    assert not result.ok


@pytest.mark.parametrize("birth", ["740000", "740800", "741399", "7408AB"])
def test_a_birth_date_that_is_no_real_day_is_left_unknown(birth: str) -> None:
    # Some States print 00 for an unknown day or month; the checks do not need the birth date.
    result = check_document(td3(birth=birth, expiry=date(2030, 1, 1)), today=TODAY)
    assert result.ok
    assert result.document is not None
    assert result.document.birth_date is None


def test_an_expiry_with_a_day_or_month_left_00_is_undated_not_refused() -> None:
    result = check_document(td3(expiry="300100"), today=TODAY)
    assert result.ok
    assert result.document is not None
    assert result.document.expiry_date is None


def test_a_misread_sex_is_refused() -> None:
    with pytest.raises(MRZError, match="sex"):
        parse_mrz_document(td3(sex="K", expiry=date(2030, 1, 1)))


def test_an_expired_document_blocks() -> None:
    result = check_document(td3(expiry=TODAY - timedelta(days=1)), today=TODAY)
    assert codes(result) == ["DOCUMENT_EXPIRED"]
    assert not result.ok
    assert result.days_left == -1
    problem = result.problems[0]
    assert "2026-12-05" in problem.message_en
    assert "2026-12-05" in problem.message_zh
    assert "WeChat Pay does not accept an expired ID" in problem.message_en


def test_a_document_expiring_in_30_days_warns() -> None:
    result = check_document(td3(expiry=TODAY + timedelta(days=30)), today=TODAY)
    assert codes(result) == ["DOCUMENT_EXPIRING"]
    assert result.ok
    assert result.days_left == 30
    assert "30 days" in result.problems[0].message_en
    assert "30 天" in result.problems[0].message_zh


@pytest.mark.parametrize(
    ("days", "found"),
    [(0, ["DOCUMENT_EXPIRING"]), (EXPIRING_DAYS, ["DOCUMENT_EXPIRING"]), (EXPIRING_DAYS + 1, [])],
)
def test_the_expiry_boundaries(days: int, found: list[str]) -> None:
    # A document is valid through its expiry date.
    assert codes(check_document(td3(expiry=TODAY + timedelta(days=days)), today=TODAY)) == found


def test_a_different_document_number_at_the_bank_is_a_new_passport() -> None:
    zone = td3(expiry=date(2030, 1, 1))
    result = check_document(zone, today=TODAY, bank_document_number="K1234567")
    assert codes(result) == ["DOCUMENT_NUMBER_CHANGED"]
    assert not result.ok
    message = result.problems[0]
    assert "old passports" in message.message_en
    assert "embassy" in message.message_en
    assert "新旧护照" in message.message_zh
    assert "grade C" in message.message_en


@pytest.mark.parametrize(
    "held", ["L898902C3", "l898902c3", " L898 902C3 ", "L898902C3<", "Ｌ８９８９０２Ｃ３"]
)
def test_the_same_number_written_otherwise_is_no_problem(held: str) -> None:
    assert check_document(td3(expiry=date(2030, 1, 1)), today=TODAY, bank_document_number=held).ok


def test_problems_come_most_blocking_first() -> None:
    zone = td3(expiry=TODAY - timedelta(days=400))
    result = check_document(zone, today=TODAY, bank_document_number="X0000000")
    assert codes(result) == ["DOCUMENT_EXPIRED", "DOCUMENT_NUMBER_CHANGED"]


def test_an_unreadable_zone_is_a_problem_not_an_exception() -> None:
    result = check_document("P<UTO nonsense", today=TODAY)
    assert codes(result) == ["DOCUMENT_UNREADABLE"]
    assert result.document is None
    assert not result.ok
    assert "机读区" in result.problems[0].message_zh


def test_a_travel_document_and_a_datetime_are_taken() -> None:
    document = parse_mrz_document(td3(expiry=TODAY + timedelta(days=10)))
    result = check_document(document, today=datetime(2026, 12, 6, 23, 59))
    assert result.days_left == 10
    assert result.today == TODAY
    assert isinstance(result.document, TravelDocument)


def test_today_defaults_to_the_local_date() -> None:
    assert check_document(td3(expiry=date(2030, 1, 1))).today == date.today()


@pytest.mark.parametrize(
    ("document", "today", "held"),
    [(42, None, None), (td3(expiry=TODAY), "2026-12-06", None), (td3(expiry=TODAY), None, 8989)],
)
def test_arguments_of_the_wrong_type_raise(document: object, today: object, held: object) -> None:
    with pytest.raises(InvalidArgumentError):
        check_document(document, today=today, bank_document_number=held)  # type: ignore[arg-type]


@settings(max_examples=150, derandomize=True)
@given(st.text(alphabet=st.sampled_from("P<UTO0123456789ABCL\n "), max_size=100) | st.text(max_size=100))
def test_any_text_gives_a_check(text: str) -> None:
    result = check_document(text, today=TODAY)
    assert isinstance(result, DocumentCheck)
    assert (result.document is None) is (codes(result) == ["DOCUMENT_UNREADABLE"])


@pytest.mark.parametrize("text", ["", "  \n "])
def test_an_empty_zone_asks_for_its_lines_not_for_a_name_field(text: str) -> None:
    """A name field alone holds no document: the empty zone's refusal offered it."""
    problem = check_document(text).problems[0]
    assert problem.code.value == "DOCUMENT_UNREADABLE"
    assert "name field" not in problem.message_en
    assert "all its lines" in problem.message_en
    assert "每一行" in problem.message_zh


def test_a_zone_of_a_control_character_names_it_rather_than_calling_it_empty() -> None:
    problem = check_document("\x1c").problems[0]
    assert "empty" not in problem.message_en
    assert "U+001C" in problem.message_en or "\\x1c" in problem.message_en


@pytest.mark.parametrize("text", ["\v", "\f\v", "\xa0", "\u3000"])
def test_a_zone_of_white_space_alone_is_empty(text: str) -> None:
    problem = check_document(text).problems[0]
    assert "all its lines" in problem.message_en
    assert "name field" not in problem.message_en
