"""PassportName refuses bad fields with pydantic's ValidationError; values are frozen."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from wxpay_names import PassportName


def test_keeps_letters_as_given_and_collapses_space() -> None:
    name = PassportName(surname=" Müller ", given_names="Jürgen   Karl")
    assert (name.surname, name.given_names) == ("Müller", "Jürgen Karl")
    assert name.source == "fields"
    assert name.possibly_truncated is False


@pytest.mark.parametrize(
    ("surname", "given"),
    [
        ("Sm1th", "John"),
        ("Smith", "John 😀"),
        ("Smith", "John@"),
        ("Smith", "John\x00"),
        ("", ""),
        ("  ", "-'."),
        ("Ivаn", "Petrov"),  # Cyrillic а among Latin letters
        ("x" * 257, "John"),
    ],
)
def test_constructor_refuses_with_validation_error(surname: str, given: str) -> None:
    with pytest.raises(ValidationError):
        PassportName(surname=surname, given_names=given)


def test_a_part_of_only_punctuation_counts_as_empty() -> None:
    assert PassportName(surname="Smith", given_names=" - ").given_names == ""


def test_validation_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="digits"):
        PassportName(surname="Sm1th")


def test_frozen_and_no_extra_fields() -> None:
    name = PassportName(surname="Smith")
    with pytest.raises(ValidationError):
        name.surname = "Jones"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        PassportName(surname="Smith", middle="X")  # type: ignore[call-arg]


def test_the_evidence_wordings_follow_the_evidence_order() -> None:
    # models.evidence_rank orders by the Literal; messages.EVIDENCE words them in that order.
    from typing import get_args

    from wxpay_names.messages import EVIDENCE
    from wxpay_names.models import Evidence, evidence_rank, weakest

    assert list(EVIDENCE) == list(get_args(Evidence))
    assert [evidence_rank(kind) for kind in EVIDENCE] == [0, 1, 2]
    assert weakest("reported", "unknown", "inferred") == "unknown"
    assert weakest("reported", "inferred") == "inferred"


def _results() -> list[object]:
    from datetime import date

    from wxpay_names import check_name, preflight

    zone = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
    checked = preflight(
        "ZHANG, San", bank="BOC", card="6222020000000001234", phone="+44 7911 123456",
        document=zone, today=date(2026, 12, 6),
    )  # fmt: skip
    assert checked.card is not None
    assert checked.phone is not None
    assert checked.document is not None
    resident = preflight("ZHANG, San", bank="ICBC", document="932682198501010018").resident_id
    return [
        check_name("Zhang San", "ZHANG, San", "ICBC"),
        check_name("ZHANG SAN", "ZHANG, San", "ICBC"),
        checked, checked.card, checked.phone, checked.document, resident,
    ]  # fmt: skip


@pytest.mark.parametrize("result", _results(), ids=lambda result: type(result).__name__)
def test_results_read_their_own_dump_back(result: BaseModel) -> None:
    # The computed fields (ok, blocking) are in the dump; extra="forbid" refused them back.
    model = type(result)
    assert model.model_validate(result.model_dump()) == result
    assert model.model_validate_json(result.model_dump_json()) == result
    for field in model.model_computed_fields:
        changed = result.model_dump()
        value = changed[field]
        changed[field] = (not value) if isinstance(value, bool) else ()
        if changed[field] == value:
            continue
        with pytest.raises(ValidationError, match=f"{field} is computed from the other fields"):
            model.model_validate(changed)


def test_a_problem_is_built_positionally_as_the_contract_writes_it() -> None:
    from wxpay_names import Problem, ProblemCode

    made = Problem(ProblemCode.CASE_DIFFERS, "Type it in capitals", "请用大写字母输入")
    same = Problem(code="CASE_DIFFERS", message_en="Type it in capitals", message_zh="请用大写字母输入")
    assert made == same
    with pytest.raises(ValidationError, match="message_zh"):
        Problem(ProblemCode.CASE_DIFFERS, "Type it in capitals")
