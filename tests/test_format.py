"""format_name and candidates: the seed's four banks, ICAO spelling, the output rules."""

from __future__ import annotations

import pytest

from wxpay_names import Bank, PassportName, candidates, format_name
from wxpay_names.candidates import MAX_CANDIDATES

ZHANG_SAN = PassportName(surname="Zhang", given_names="San")


def texts(name: PassportName, bank: Bank) -> list[str]:
    return [candidate.text for candidate in candidates(name, bank)]


@pytest.mark.parametrize(
    ("bank_fixture", "rank_one", "seed_form"),
    [
        ("icbc", "ZHANG SAN", "Zhang San"),
        ("abc", "ZHANGSAN", "ZhangSan"),
        ("cmb", "ZHANG SAN", "Zhang San"),
        ("boc", "SAN ZHANG", "San Zhang"),
    ],
)
def test_seed_banks(bank_fixture: str, rank_one: str, seed_form: str, request: pytest.FixtureRequest) -> None:
    bank = request.getfixturevalue(bank_fixture)
    assert format_name(ZHANG_SAN, bank) == rank_one
    found = texts(ZHANG_SAN, bank)
    assert found[0] == rank_one
    # The seed writes each bank's form in title case: it must be the runner-up.
    assert found[1] == seed_form


def test_seed_title_forms_are_candidates_at_icbc(icbc: Bank) -> None:
    found = texts(ZHANG_SAN, icbc)
    for form in ("Zhang San", "ZhangSan", "San Zhang"):
        assert form in found


def test_diacritics_use_icao_spelling_then_folded(icbc: Bank) -> None:
    name = PassportName(surname="Müller", given_names="Jürgen")
    found = texts(name, icbc)
    assert found[0] == "MUELLER JUERGEN"
    assert "MULLER JURGEN" in found
    folded = next(c for c in candidates(name, icbc) if c.text == "MULLER JURGEN")
    assert folded.pattern.spelling == "folded"


@pytest.mark.parametrize(
    ("surname", "expected"),
    [
        ("Ødegård", "OEDEGAARD"),
        ("Strauß", "STRAUSS"),
        ("O'Brien", "OBRIEN"),
        ("O’Brien", "OBRIEN"),
        ("Иванов", "IVANOV"),
        ("Объедков-Щукин", "OBIEEDKOV SHCHUKIN"),  # Ъ → IE, then Е → E
        ("Ñúñez", "NUNEZ"),
        ("Łukasz", "LUKASZ"),
        ("Þórsdóttir", "THORSDOTTIR"),
        ("St. John", "ST JOHN"),
        ("Nguyễn", "NGUYEN"),
    ],
)
def test_surname_spelling(surname: str, expected: str, icbc: Bank) -> None:
    assert format_name(PassportName(surname=surname), icbc) == expected


def test_hyphen_becomes_space_between_given_name_words(icbc: Bank, abc: Bank) -> None:
    name = PassportName(surname="Picard", given_names="Jean-Luc")
    assert format_name(name, icbc) == "PICARD JEAN LUC"
    assert format_name(name, abc) == "PICARDJEANLUC"


def test_full_width_letters_are_folded(icbc: Bank) -> None:
    assert format_name(PassportName(surname="Ｓｍｉｔｈ", given_names="Ｊｏｈｎ"), icbc) == "SMITH JOHN"


def test_every_kind_of_white_space_collapses(boc: Bank) -> None:
    name = PassportName(surname="\u3000Smith\u00a0", given_names="John\t\n Paul")
    assert name.given_names == "John Paul"
    assert format_name(name, boc) == "JOHN PAUL SMITH"


def test_several_given_names_give_first_alone_and_other_order(icbc: Bank) -> None:
    name = PassportName(surname="Smith", given_names="John Paul")
    found = texts(name, icbc)
    assert found[0] == "SMITH JOHN PAUL"
    assert "SMITH JOHN" in found
    assert "JOHN PAUL SMITH" in found
    assert "SMITHJOHNPAUL" in found
    assert "Smith John Paul" in found


def test_candidates_are_ranked_unique_and_noted(fixture_banks: tuple[Bank, ...]) -> None:
    name = PassportName(surname="García Márquez", given_names="José María")
    for bank in fixture_banks:
        found = candidates(name, bank)
        assert [candidate.rank for candidate in found] == list(range(1, len(found) + 1))
        assert len({candidate.text for candidate in found}) == len(found)
        assert 1 < len(found) <= MAX_CANDIDATES
        assert all(candidate.note for candidate in found)
        assert candidates(name, bank) == found  # deterministic


def test_pattern_holds_no_letter_of_the_name(icbc: Bank) -> None:
    name = PassportName(surname="Xylophone", given_names="Quentin")
    for candidate in candidates(name, icbc):
        dumped = candidate.pattern.model_dump_json().upper()
        assert "XYLOPHONE" not in dumped
        assert "QUENTIN" not in dumped


def test_rank_one_pattern_describes_the_bank_row(abc: Bank, boc: Bank) -> None:
    assert candidates(ZHANG_SAN, abc)[0].pattern.separator == ""
    first = candidates(ZHANG_SAN, boc)[0].pattern
    assert (first.order, first.case, first.spelling, first.shortened) == (
        "given_first",
        "upper",
        "icao",
        False,
    )


def test_length_limit_adds_shortened_forms(registry_test_bank: Bank) -> None:
    name = PassportName(surname="Virtanen", given_names="Aleksanteri")
    found = candidates(name, registry_test_bank)
    assert found[0].text == "VIRTANEN ALEKSANTERI"  # rank 1 keeps every letter
    shortened = [candidate for candidate in found if candidate.pattern.shortened]
    assert {candidate.text for candidate in shortened} == {"VIRTANENALEK", "VIRTANEN ALE"}
    assert all(len(candidate.text) <= 12 and "12-character" in candidate.note for candidate in shortened)


def test_no_shortened_forms_when_the_name_fits(registry_test_bank: Bank) -> None:
    assert not any(candidate.pattern.shortened for candidate in candidates(ZHANG_SAN, registry_test_bank))


def test_mononym_in_either_field(icbc: Bank, boc: Bank) -> None:
    assert format_name(PassportName(surname="Sukarno"), icbc) == "SUKARNO"
    assert format_name(PassportName(given_names="Sukarno"), boc) == "SUKARNO"
    assert texts(PassportName(surname="Sukarno"), boc)[:2] == ["SUKARNO", "Sukarno"]


@pytest.fixture
def registry_test_bank(registry: object) -> Bank:
    from wxpay_names import BankRegistry

    assert isinstance(registry, BankRegistry)
    return registry.get("TEST")


def test_a_title_case_row_gives_title_case_rank_one_everywhere(fixture_banks: tuple[Bank, ...]) -> None:
    # No row says title case today; when one does, format_name and candidates must agree.
    name = PassportName(surname="Müller", given_names="Jürgen-Karl")
    for bank in fixture_banks:
        titled = bank.model_copy(update={"case": "title"})
        assert format_name(name, titled) == candidates(name, titled)[0].text
        assert candidates(name, titled)[0].text.replace(" ", "").startswith(("Mueller", "Juergen"))


def test_an_over_long_name_puts_the_cut_forms_right_after_rank_one(registry_test_bank: Bank) -> None:
    found = candidates(PassportName(surname="Virtanen", given_names="Aleksanteri"), registry_test_bank)
    assert "12-character field" in found[0].note
    assert "may hold a shortened form" in found[0].note
    assert [candidate.pattern.shortened for candidate in found[:3]] == [False, True, True]


def test_a_name_that_fits_gets_no_length_warning(registry_test_bank: Bank) -> None:
    assert "field" not in candidates(ZHANG_SAN, registry_test_bank)[0].note


def test_icao_xx_forms_rank_after_every_single_deviation(icbc: Bank) -> None:
    found = candidates(PassportName(surname="Muñoz", given_names="Iñaki"), icbc)
    xx = [candidate.rank for candidate in found if candidate.pattern.spelling == "icao_alternative"]
    # The dotted forms rank after every other form, XX forms included (data-policy.md).
    singles = [
        candidate.rank
        for candidate in found[1:]
        if ";" not in candidate.note and candidate.pattern.dots == "none"
    ]
    assert xx
    assert min(xx) > max(set(singles) - set(xx))


def test_a_letter_whose_capital_holds_an_apostrophe_is_spelled() -> None:
    # ŉ (Afrikaans) is ʼN in capitals: the apostrophe is dropped, as the MRZ drops it; it was
    # refused naming a ʼ the person never typed.
    from wxpay_names import PassportName, format_name

    assert format_name(PassportName(surname="Abŉc", given_names="Jo"), "ICBC") == "ABNC JO"


def test_given_names_joined_are_noted_as_the_space_between_the_parts(icbc: Bank) -> None:
    # The note said "a space before the surname" at a bank that writes the surname first.
    name = PassportName(surname="Garcia", given_names="Maria Jose")
    joined = next(c for c in candidates(name, icbc) if c.text == "GARCIA MARIAJOSE")
    assert joined.pattern.separator == " "
    assert joined.pattern.given_separator == ""
    assert joined.note == "given names joined, one space between surname and given names"
