"""The one test module that reads the real data/: every row sweeps its worked example."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from wxpay_names import Bank, PassportName, UnknownBankError, banks, format_name, get_bank

DATA = Path(__file__).resolve().parents[1] / "data"
SEED_BANKS = {"ICBC": "ZHANG SAN", "ABC": "ZHANGSAN", "CMB": "ZHANG SAN", "BOC": "SAN ZHANG"}


@pytest.mark.parametrize("bank", banks(), ids=lambda bank: bank.code)
def test_worked_example(bank: Bank) -> None:
    name = PassportName(surname=bank.example_surname, given_names=bank.example_given)
    assert format_name(name, bank) == bank.example_output


@pytest.mark.parametrize("bank", banks(), ids=lambda bank: bank.code)
def test_every_row_says_where_it_comes_from(bank: Bank) -> None:
    assert bank.source.strip()
    assert bank.name_en
    assert bank.name_zh
    if bank.evidence == "unknown":
        assert "no public source" in bank.source.lower()
    else:
        assert "no public source" not in bank.source.lower()


def test_seed_banks_are_reported_with_the_seed_forms() -> None:
    for code, expected in SEED_BANKS.items():
        bank = get_bank(code)
        assert bank.evidence == "reported"
        # The article the project started from (its seed 002), named as a reader sees it.
        assert "An expat guide to the WeChat wallets frozen by the two-card rule" in bank.source
        assert "seed" not in bank.source
        # The guide's page is the row's link, with its grade (research/binding-and-sources.md).
        assert bank.source_url == "https://chengdu-expat.com/how-to-fix-the-wechat-pay-issue/"
        assert "grade C" in bank.source
        # The guide itself warns that branches differ; every row it gives says so.
        assert "branches may differ" in bank.note
        assert "各分行的做法可能不同" in bank.note_zh
        assert bank.example_output == expected


def test_rows_on_one_grade_d_source_are_inferred_and_the_rest_unknown() -> None:
    # CCB (one study-abroad guide), CITIC and HSBC (one user's account): a single grade-D
    # source gives the row, so inferred, never reported (docs/data-policy.md), and the source
    # says the grade; every other bank has no source.
    graded = {"CCB", "CITIC", "HSBC"}
    for code in graded:
        bank = get_bank(code)
        assert bank.evidence == "inferred"
        assert "grade D" in bank.source
        assert bank.source_url
    assert get_bank("CITIC").order == "given_first"
    others = [bank for bank in banks() if bank.code not in {*SEED_BANKS, *graded}]
    assert len(others) >= 12
    assert {bank.evidence for bank in others} == {"unknown"}


def test_no_row_is_surer_of_the_space_between_given_names_than_inferred() -> None:
    # The sources show names with one given name (and ICBC's one record of two given names
    # was joined): how several are spaced is never reported.
    for bank in banks():
        assert bank.given_separator_evidence in {"inferred", "unknown"}, bank.code
        if bank.evidence == "unknown":
            assert bank.given_separator_evidence == "unknown", bank.code


# A CJK character or a full-width mark: Chinese text, where ASCII punctuation does not belong.
_CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
_FULL_WIDTH_MARKS = "，。：；（）、“”"


@pytest.mark.parametrize("bank", banks(), ids=lambda bank: bank.code)
def test_every_note_has_its_chinese(bank: Bank) -> None:
    """note_zh translates note (docs/data-policy.md): present, in Chinese punctuation, same facts."""
    if not bank.note:
        assert not bank.note_zh
        return
    zh = bank.note_zh
    assert zh.strip(), "a note without its note_zh"
    assert re.search(_CJK, zh)
    # No ASCII bracket, colon or semicolon beside Chinese text (the colon of https:// is not).
    assert not re.search(rf"{_CJK}\s*[():;]|[():;]\s*{_CJK}", zh), zh
    # No space next to a full-width mark, no nested parentheses.
    assert not re.search(rf"\s[{_FULL_WIDTH_MARKS}]|[{_FULL_WIDTH_MARKS}]\s", zh), zh
    depth = 0
    for char in zh:
        depth += {"（": 1, "）": -1}.get(char, 0)
        assert 0 <= depth <= 1, zh
    assert depth == 0
    # What a reader checks against the English: every number, link and grade, every hedge.
    assert re.findall(r"\d+", zh) == re.findall(r"\d+", bank.note)
    for link in re.findall(r"\S+/\S+", bank.note):
        assert link.rstrip(").;,") in zh
    for grade in re.findall(r"grade[ -]([A-D])", bank.note):
        assert f"资料等级 {grade}" in zh
    hedges = {"inferred": "推断", "guess": "推测", "may ": "可能", "perhaps": "可能"}
    for english, chinese in hedges.items():
        if english in bank.note:
            assert chinese in zh, english


def test_contract_lookups() -> None:
    assert get_bank("工行") is get_bank("icbc") is get_bank("ＩＣＢＣ")
    with pytest.raises(UnknownBankError, match="ICBC"):
        get_bank("nope")


def test_aliases_are_unambiguous() -> None:
    from wxpay_names.registry import lookup_key

    owners: dict[str, str] = {}
    for bank in banks():
        for key in {lookup_key(k) for k in (bank.code, bank.name_en, bank.name_zh, *bank.aliases)}:
            assert owners.setdefault(key, bank.code) == bank.code, key


def test_icao_latin_table_has_all_95_rows_of_table_a() -> None:
    rows = list(csv.DictReader((DATA / "icao_latin.csv").open(encoding="utf-8")))
    table_a = [row for row in rows if row["evidence"] == "reported"]
    assert len(table_a) == 95
    multi = {row["letter"]: row["icao"] for row in table_a if "|" in row["icao"]}
    assert multi == {"Ä": "AE|A", "Å": "AA|A", "Ñ": "N|NXX", "Ö": "OE|O", "Ü": "UE|UXX|U"}
    for row in rows:
        assert row["source"]
        assert row["evidence"] in {"reported", "inferred"}
        assert row["codepoint"] == f"U+{ord(row['letter']):04X}"
        assert all(
            value.isascii() and value.isalpha() and value.isupper() for value in row["icao"].split("|")
        )


@pytest.mark.parametrize("table", ["icao_latin.csv", "icao_cyrillic.csv"])
def test_every_table_row_spells_its_letter(table: str) -> None:
    from wxpay_names.spelling import spell

    for row in csv.DictReader((DATA / table).open(encoding="utf-8")):
        first = row["icao"].split("|")[0]
        for letter in {row["letter"], row["letter"].lower()}:
            if len(letter) == 1:
                assert "".join(spell("A" + letter + "A")) == "A" + first + "A", row


def test_every_letter_of_the_serbian_and_macedonian_cyrillic_alphabets_has_a_row() -> None:
    # A letter without a row falls to unidecode (Ћ was TSH): every letter of the alphabets whose
    # national tables the library holds is in ICAO's table, as the passport's zone writes it.
    letters = {row["letter"] for row in csv.DictReader((DATA / "icao_cyrillic.csv").open(encoding="utf-8"))}
    serbian = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ"
    macedonian = "АБВГДЃЕЖЗЅИЈКЛЉМНЊОПРСТЌУФХЦЧЏШ"
    assert set(serbian + macedonian) <= letters
    rank_one = format_name(PassportName(surname="Ћирић", given_names="Ђорђе"), "ICBC")
    assert rank_one == "CIRIC DORDE"


def test_every_national_table_row_is_known_wherever_the_code_lists_the_tables() -> None:
    """A national table is named in four places of the code (the kinds, their weights, the
    written forms said as forms, the spellings a passport's State prints): a row added to
    ``data/national_tables.csv`` alone would fail on its first name, with a KeyError."""
    from typing import get_args

    from wxpay_names.candidate_plans import SPELLING_WEIGHTS
    from wxpay_names.messages import PASSPORT_SPELLINGS
    from wxpay_names.models import SpellingKind
    from wxpay_names.name_forms import WRITTEN_FORMS

    rows = list(csv.DictReader((DATA / "national_tables.csv").open(encoding="utf-8")))
    kinds = {row["spelling"] for row in rows}
    assert len(kinds) == len(rows)
    assert kinds <= set(get_args(SpellingKind))
    assert kinds <= SPELLING_WEIGHTS.keys()
    assert kinds <= WRITTEN_FORMS
    assert kinds == PASSPORT_SPELLINGS
    for row in rows:
        assert (DATA / row["file"]).is_file(), row["file"]


def test_the_numerals_title_case_keeps_are_the_affixes_kept_in_capitals() -> None:
    """``title_case.NUMERALS`` is written in the code (read on every title-case word, so never
    from a file at import): it must stay the affixes the data marks ``capitals_only``."""
    from wxpay_names.title_case import NUMERALS

    rows = csv.DictReader((DATA / "name_affixes.csv").open(encoding="utf-8"))
    assert {row["affix"] for row in rows if row["capitals_only"] == "yes"} == NUMERALS


def test_every_folded_value_is_the_letter_without_its_marks_and_among_the_candidates() -> None:
    """The ``folded`` column against an oracle of its own (the letter's marks taken off by
    Unicode decomposition), and each folded spelling offered: a row whose folded value is
    lost or made the ICAO one would take a plainly folded candidate away."""
    import unicodedata

    from wxpay_names import PassportName, candidates

    for row in csv.DictReader((DATA / "icao_latin.csv").open(encoding="utf-8")):
        letter, folded = row["letter"], row["folded"]
        marks_off = unicodedata.normalize("NFD", letter)
        base = "".join(char for char in marks_off if not unicodedata.combining(char))
        if base != letter:  # a letter with marks: folding drops them
            assert folded == base.upper(), row
        name = PassportName(surname=f"T{letter}ST", given_names="Anna")
        texts = [candidate.text for candidate in candidates(name, "ICBC")]
        assert f"T{folded}ST ANNA" in texts, (row["letter"], texts)


def test_every_affix_row_is_never_read_as_the_surname() -> None:
    """Each row of ``data/name_affixes.csv`` read in a name as people write it: a title before
    the name and a degree after it are left out, a generational suffix goes with the given
    names (ICAO puts it there when the State prints it); the capitalised surname stays DOE."""
    from wxpay_names import parse_name

    rows = list(csv.DictReader((DATA / "name_affixes.csv").open(encoding="utf-8")))
    assert {row["kind"] for row in rows} == {"title", "generational", "degree"}
    for row in rows:
        affix, kind = row["affix"], row["kind"]
        text = f"{affix.title()}. John DOE" if kind == "title" else f"John DOE {affix}"
        name = parse_name(text)
        assert name.surname == "DOE", row
        assert name.given_names == ("John " + affix if kind == "generational" else "John"), row
