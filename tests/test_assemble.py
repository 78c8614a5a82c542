"""Models built without validation on the hot path equal what validation would produce."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from wxpay_names import Bank, Candidate, PassportName, Pattern, candidates
from wxpay_names.models import assemble

NAMES = [
    PassportName(surname="Zhang", given_names="San"),
    PassportName(surname="García Márquez", given_names="José María"),
    PassportName(surname="Müller", given_names="Jürgen Karl"),
    PassportName(surname="Ødegård", given_names="Åse"),
    PassportName(surname="Virtanen", given_names="Aleksanteri Johannes"),
    PassportName(given_names="Sukarno"),
    PassportName(surname="ERIKSSON", given_names="ANNA MARIA", source="mrz", possibly_truncated=True),
]


@pytest.mark.parametrize("name", NAMES, ids=lambda name: f"{name.surname}/{name.given_names}")
def test_candidates_equal_their_validated_twins(name: PassportName, fixture_banks: tuple[Bank, ...]) -> None:
    for bank in fixture_banks:
        for candidate in candidates(name, bank):
            twin = Candidate.model_validate(candidate.model_dump())
            assert candidate == twin
            assert candidate.pattern == Pattern.model_validate(candidate.pattern.model_dump())
            assert candidate.model_fields_set == twin.model_fields_set
            assert candidate.model_dump_json() == twin.model_dump_json()
            assert hash(candidate.pattern) == hash(twin.pattern)


def test_assembled_models_are_frozen(icbc: Bank) -> None:
    candidate = candidates(NAMES[0], icbc)[0]
    with pytest.raises(ValidationError):
        candidate.text = "SAN ZHANG"  # type: ignore[misc]
    assert candidate.model_copy(update={"rank": 2}).rank == 2
    assert candidate.rank == 1


@given(text=st.text(min_size=1, max_size=20), rank=st.integers(min_value=1, max_value=99), note=st.text())
def test_assemble_equals_model_validate(text: str, rank: int, note: str) -> None:
    pattern = Pattern(
        order="given_first", separator="none", given_separator="space", given_names="first",
        spelling="folded", case="title",
    )  # fmt: skip
    values = {"text": text, "rank": rank, "pattern": pattern, "note": note}
    assert assemble(Candidate, dict(values)) == Candidate.model_validate(values)
