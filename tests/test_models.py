"""PassportName refuses bad fields with pydantic's ValidationError; values are frozen."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

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
