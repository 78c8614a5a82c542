"""Names as people write them: national Cyrillic tables, the issuing State, written forms
(punctuation kept, suffixes, middle names with the surname) and where spelling sits."""

from __future__ import annotations

import ast
import csv
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from import_graph import reachable
from wxpay_names import (
    Bank,
    NameFormatError,
    PassportName,
    candidates,
    check_name,
    format_name,
    get_bank,
    parse_mrz,
    parse_mrz_document,
    parse_name,
)
from wxpay_names.candidates import MAX_CANDIDATES
from wxpay_names.spelling import national_tables, spell
from zones import td3

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SOURCE = ROOT / "src" / "wxpay_names"


def _texts(name: PassportName, bank: str = "ICBC") -> list[str]:
    return [candidate.text for candidate in candidates(name, bank)]


# --- national Cyrillic tables -------------------------------------------------------------


def test_must_show_serbian_and_ukrainian() -> None:
    serbian = PassportName(surname="Тест", given_names="Милица", issuing_state="SRB")
    assert format_name(serbian, "ICBC") == "TEST MILICA"
    unknown = PassportName(surname="Тест", given_names="Милица")
    assert format_name(unknown, "ICBC") == "TEST MILITSA"  # ICAO's table
    found = candidates(unknown, "ICBC")
    [milica] = [candidate for candidate in found if candidate.text == "TEST MILICA"]
    assert milica.pattern.spelling == "serbian"
    assert "Serbian" in milica.note
    ukrainian = PassportName(surname="Шевченко", given_names="Кирило", issuing_state="UKR")
    assert format_name(ukrainian, "ICBC") == "SHEVCHENKO KYRYLO"
    assert candidates(ukrainian, "ICBC")[0].pattern.spelling == "ukrainian"
    assert "SHEVCHENKO KYRYLO" in _texts(PassportName(surname="Шевченко", given_names="Кирило"))


@pytest.mark.parametrize(
    ("state", "surname", "given", "expected"),
    [
        ("UKR", "Яременко", "Юлія", "YAREMENKO YULIIA"),  # Я, Ю first in a word; ІЯ inside
        ("UKR", "Згурський", "Олексій", "ZGHURSKYI OLEKSII"),  # ЗГ, Ь not written
        ("UKR", "Марченко", "Мар'яна", "MARCHENKO MARIANA"),  # after the apostrophe: not first
        ("UKR", "Коваль-Яценко", "Ірина", "KOVAL YATSENKO IRYNA"),  # a hyphen starts a word
        ("BGR", "Щерева", "Мария", "SHTEREVA MARIA"),  # Щ, ИЯ at the end of a word
        ("BGR", "Петров", "Мариян", "PETROV MARIYAN"),  # ИЯ not at the end
        ("BLR", "Лукашэнка", "Пётр", "LUKASHENKA PIOTR"),
        ("MKD", "Ѓорѓиевски", "Ќиро", "GJORGJIEVSKI KJIRO"),
    ],
)
def test_national_tables_give_rank_one(state: str, surname: str, given: str, expected: str) -> None:
    assert (
        format_name(PassportName(surname=surname, given_names=given, issuing_state=state), "ICBC") == expected
    )


def test_rank_one_spelled_by_a_national_table_says_the_bank_convention_and_how_sure() -> None:
    from wxpay_names.front_wording import candidate_why
    from wxpay_names.messages import PASSPORT_SPELLINGS

    assert {table.kind for table in national_tables().values()} == PASSPORT_SPELLINGS
    name = PassportName(surname="Шевченко", given_names="Юлія", issuing_state="UKR")
    for code, sure, sure_zh in (("BOCOM", "unknown", "暂无资料"), ("ICBC", "(reported)", "有资料可查")):
        bank = get_bank(code)
        first, second = candidates(name, bank)[:2]
        assert first.note.startswith(f"{code} convention:")
        assert sure in first.note
        assert "Ukraine's national table" in first.note
        first_zh = candidate_why(first, bank, "zh")
        assert first_zh.startswith(f"{code} 的写法")
        assert sure_zh in first_zh
        # The others say only how they differ from rank 1, as at every bank.
        assert "convention" not in second.note
    # Without the State, ICAO's spelling is rank 1 and a national spelling says only what it is.
    unknown_state = candidates(PassportName(surname="Шевченко", given_names="Юлія"), "ICBC")
    national = next(candidate for candidate in unknown_state if candidate.pattern.spelling == "ukrainian")
    assert national.note.startswith("spelled by Ukraine's national table")


def _table_rows() -> list[tuple[str, dict[str, str]]]:
    rows = []
    for table in national_tables().values():
        with (DATA / table.file).open(encoding="utf-8", newline="") as file:
            rows += [(table.kind, row) for row in csv.DictReader(file)]
    return rows


@pytest.mark.parametrize(("kind", "row"), _table_rows(), ids=lambda value: str(value)[:12])
def test_every_table_row_spells_its_example(kind: str, row: dict[str, str]) -> None:
    letter, example = row["letter"], row["example"]
    assert letter.lower() in example.lower(), "the example shows the row's letter"
    word = next(word for word in example.upper().replace("-", " ").split() if letter in word)
    if row["position"] == "initial":
        assert word.startswith(letter)
    if row["position"] == "final":
        assert word.endswith(letter)
    assert " ".join(spell(example, kind)) == row["example_latin"]  # type: ignore[arg-type]
    assert row["evidence"] in {"reported", "inferred", "unknown"}
    assert row["source"]


def test_table_index_names_existing_files_with_sources() -> None:
    tables = national_tables()
    assert set(tables) == {"UKR", "BGR", "SRB", "BLR", "MKD"}
    for table in tables.values():
        with (DATA / table.file).open(encoding="utf-8", newline="") as file:
            rows = list(csv.DictReader(file))
        assert rows, table.file
        assert all(row["evidence"] == table.evidence for row in rows), table.file


@pytest.mark.parametrize("state", [None, "UTO", "DEU", "D<<", "RUS", "CHN"])
def test_issuing_state_without_a_table_changes_nothing(state: str | None) -> None:
    for surname, given_names in (("Иванов", "Пётр"), ("Müller", "Hans-Peter"), ("Zhang", "San")):
        plain = PassportName(surname=surname, given_names=given_names)
        stated = PassportName(surname=surname, given_names=given_names, issuing_state=state)
        for bank in ("ICBC", "ABC", "BOC"):
            assert candidates(stated, bank) == candidates(plain, bank)
            assert check_name("X", stated, bank) == check_name("X", plain, bank)


def test_a_latin_name_from_a_table_state_is_spelled_as_before() -> None:
    plain = PassportName(surname="Djokovic", given_names="Novak")
    stated = PassportName(surname="Djokovic", given_names="Novak", issuing_state="SRB")
    assert candidates(stated, "ICBC") == candidates(plain, "ICBC")


@pytest.mark.parametrize("state", ["UK", "UKRA", "U1R", "<UK", "U<K", "", "  "])
def test_issuing_state_shape_is_checked(state: str) -> None:
    if not state.strip():
        assert PassportName(surname="A", issuing_state=state).issuing_state is None
        return
    with pytest.raises(ValidationError):
        PassportName(surname="A", issuing_state=state)


def test_issuing_state_is_upper_cased_and_in_the_schema() -> None:
    assert PassportName(surname="A", issuing_state=" ukr ").issuing_state == "UKR"
    # Germany's one-letter code, as a TravelDocument gives it (without the zone's fillers).
    german_zone = td3(expiry=date(2030, 1, 1)).replace("UTO", "D<<")  # no check digit covers it
    document_state = parse_mrz_document(german_zone).issuing_state
    assert document_state == "D"
    assert PassportName(surname="A", issuing_state=document_state).issuing_state == "D<<"
    schema = PassportName.model_json_schema()["properties"]["issuing_state"]
    assert "ICAO" in schema["description"]
    assert any(option.get("maxLength") == 3 for option in schema.get("anyOf", [schema]))
    # The schema takes what the model takes: Germany's D, not UK.
    import re

    pattern = next(option["pattern"] for option in schema["anyOf"] if "pattern" in option)
    assert [bool(re.fullmatch(pattern, code)) for code in ("D", "D<<", "UKR", "UK")] == [
        True,
        True,
        True,
        False,
    ]


def test_parse_mrz_fills_the_issuing_state() -> None:
    zone = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
    assert parse_mrz(zone).issuing_state == "UTO"
    assert parse_mrz(zone.split("\n")[0]).issuing_state == "UTO"
    assert parse_mrz("ERIKSSON<<ANNA<MARIA").issuing_state is None
    assert parse_mrz("P<D<<MUSTERMANN<<ERIKA".ljust(44, "<")).issuing_state == "D<<"
    visa = "V<UTOERIKSSON<<ANNA<MARIA".ljust(44, "<")
    assert parse_mrz(visa).issuing_state is None  # the visa's State, not the passport's


# --- written forms ------------------------------------------------------------------------


def test_must_show_punctuation_kept() -> None:
    name = parse_name("Müller, Hans-Peter")
    assert "MUELLER HANS-PETER" in _texts(name)
    result = check_name("MUELLER HANS-PETER", name, "ICBC")
    assert result.status == "plausible"
    assert result.matched is not None
    assert result.matched.pattern.spelling == "punctuation_kept"
    assert "O'NEILL SHAQUILLE" in _texts(PassportName(surname="O'Neill", given_names="Shaquille"))
    assert "Mueller Hans-Peter" in _texts(name)  # title case keeps the capital after the hyphen


def test_middle_names_with_the_surname() -> None:
    found = candidates(PassportName(surname="Smith", given_names="John Paul"), "ICBC")
    [middle] = [candidate for candidate in found if candidate.text == "PAUL SMITH JOHN"]
    assert middle.pattern.spelling == "middle_with_surname"
    assert middle.rank > 3
    assert "PAUL SMITH" not in " ".join(_texts(PassportName(surname="Smith", given_names="John")))


def test_suffix_placements() -> None:
    texts = _texts(parse_name("John DOE III"))
    assert texts[0] == "DOE JOHN III"
    assert {"DOE JOHN", "DOE III JOHN"} <= set(texts)
    assert "Doe John III" in texts  # a numeral keeps its capitals in title case
    before_comma = _texts(parse_name("Smith Jr., John"))
    assert before_comma[0] == "SMITH JR JOHN"
    assert {"SMITH JOHN JR", "SMITH JOHN"} <= set(before_comma)


def test_initials_are_no_suffix() -> None:
    # J.R. is two initials: no form leaves them out or moves them as a suffix.
    texts = _texts(PassportName(surname="Smith", given_names="J.R."))
    assert texts[0] == "SMITH JR"
    assert "SMITH" not in texts
    with pytest.raises(NameFormatError):  # Smith J.R.: either word may be the surname
        parse_name("Smith J.R.")
    assert "SMITH JOHN" in _texts(parse_name("Smith Jr., John"))  # Jr. is still a suffix


_PART = st.text(alphabet="abcdeéüñ-' ", min_size=1, max_size=12)


@given(_PART, _PART)
def test_rank_one_is_letters_and_spaces_and_others_add_only_name_punctuation(
    surname: str, given: str
) -> None:
    try:
        name = PassportName(surname=surname, given_names=given)
    except ValidationError:
        return
    for bank in ("ICBC", "ABC", "BOC"):
        texts = [candidate.text for candidate in candidates(name, bank)]
        assert set(texts[0]) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ ")
        for text in texts:
            assert set(text) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -'.·")


# --- where spelling sits --------------------------------------------------------------------


def test_spelling_runs_nothing_from_the_readers() -> None:
    """Spelling sits below the readers: nothing it imports, directly or through another
    module, where it runs, is a reader of input."""
    assert not {name for name in reachable("wxpay_names.spelling") if name.startswith("wxpay_names.inputs")}


def test_candidates_import_nothing_from_the_readers() -> None:
    """Directly. (Through ``resolve``, a name given as a text is read by ``parse_name``, and
    through ``name_forms`` a name read from Chinese brings its spellings: both lazily.)"""
    tree = ast.parse((SOURCE / "candidates.py").read_text(encoding="utf-8"))
    imported: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported.append("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
    assert not [name for name in imported if "inputs" in name.split(".")], imported


# --- MRZ edge cases ---------------------------------------------------------------------------


def _td1(state: str, number: str, *, with_filler: bool) -> str:
    from wxpay_names.inputs.mrz import check_digit

    covered = number[:9] + "<" + number[9:] if with_filler else number
    line1 = f"ID{state}{number[:9]}<{number[9:]}{check_digit(covered)}".ljust(30, "<")
    birth, expiry = "850101", "300101"
    line2 = f"{birth}{check_digit(birth)}F{expiry}{check_digit(expiry)}{state}".ljust(29, "<")
    composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    line2 += str(check_digit(composite))
    line3 = "PEETERS<<MARIE".ljust(30, "<")
    return "\n".join((line1, line2, line3))


def test_older_belgian_card_long_number_checks_with_its_filler() -> None:
    name = parse_mrz(_td1("BEL", "B1234567890", with_filler=True))
    assert (name.surname, name.given_names, name.issuing_state) == ("PEETERS", "MARIE", "BEL")
    assert parse_mrz(_td1("BEL", "B1234567890", with_filler=False)).surname == "PEETERS"  # ICAO's way too


def test_the_belgian_computation_is_accepted_for_belgium_only() -> None:
    from wxpay_names import MRZError

    with pytest.raises(MRZError, match="document number check digit"):
        parse_mrz(_td1("UTO", "B1234567890", with_filler=True))


def test_pre_2021_french_identity_card_is_refused_as_unsupported() -> None:
    from wxpay_names import ErrorCode, MRZError
    from wxpay_names.messages import error_message

    zone = "IDFRADOUEL<<<<<<<<<<<<<<<<<<<<932013\n0506932020438CHRISTIANE<<NI2906209F3"
    for text in (zone, zone.replace("\n", "")):
        with pytest.raises(MRZError) as refused:
            parse_mrz(text)
        assert refused.value.code == ErrorCode.MRZ_FORMAT
        assert "not supported" in str(refused.value)
        assert "misread" not in str(refused.value)
        assert "DOUEL" not in str(refused.value)  # the holder's name stays out of the message
        # The Chinese says what the English says: unsupported, give the name as text (not
        # the general MRZ_FORMAT sentence, which asks to copy the lines again).
        chinese = error_message(refused.value, "zh")
        assert "暂不支持" in chinese
        assert "输入证件上印的姓名" in chinese
        assert "重新" not in chinese


# --- dots between the parts -------------------------------------------------------------------


def test_dotted_forms_rank_last_and_never_at_a_bank_that_refuses_dots(icbc: Bank, boc: Bank) -> None:
    boc = boc.model_copy(update={"dots": "refused"})  # as data/banks.csv has it (grade C)
    name = PassportName(surname="Müller", given_names="Hans-Peter")
    found = candidates(name, icbc)
    assert [candidate.text for candidate in found[-2:]] == ["MUELLER·HANS·PETER", "MUELLER.HANS.PETER"]
    assert [candidate.pattern.dots for candidate in found[-2:]] == ["middle_dot", "period"]
    assert all(candidate.pattern.dots == "none" for candidate in found[:-2])
    assert "grade C" in found[-1].note
    assert len(found) <= MAX_CANDIDATES
    assert check_name("MUELLER·HANS·PETER", name, icbc).status == "plausible"
    assert get_bank("BOC").dots == "refused"
    assert not any(set(candidate.text) & {"·", "."} for candidate in candidates(name, boc))
    assert check_name("HANS·PETER·MUELLER", name, boc).status == "mismatch"


def test_no_dotted_forms_for_one_word_or_a_chinese_name(icbc: Bank) -> None:
    from wxpay_names import from_chinese

    for name in (PassportName(surname="Sukarno"), from_chinese("张三")):
        assert all(candidate.pattern.dots == "none" for candidate in candidates(name, icbc))


def test_a_bank_file_without_the_dots_columns_still_loads(tmp_path: Path) -> None:
    from wxpay_names import BankRegistry

    # The test fixture has the columns every file must have, and not the optional two.
    fixture = ROOT / "tests" / "fixtures" / "banks.csv"
    assert {bank.dots for bank in BankRegistry.from_csv(fixture).banks} == {"unknown"}
    with fixture.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    newer = tmp_path / "banks.csv"
    with newer.open("w", encoding="utf-8", newline="") as file:
        dots = [
            ["dots", "dots_source"],
            *(["refused" if row[0] == "BOC" else "", "a source"] for row in rows[1:]),
        ]
        csv.writer(file).writerows([row + extra for row, extra in zip(rows, dots, strict=True)])
    found = {bank.code: bank.dots for bank in BankRegistry.from_csv(newer).banks}
    assert found["BOC"] == "refused"
    assert found["ICBC"] == "unknown"
