"""The bank-file loader refuses every malformed file with BankDataError naming file, line and column."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxpay_names import BankDataError, BankRegistry, ErrorCode
from wxpay_names.registry import BANK_COLUMNS, read_banks

FIXTURE = Path(__file__).parent / "fixtures" / "banks.csv"
DATA = Path(__file__).resolve().parents[1] / "data" / "banks.csv"


def fixture_rows() -> list[list[str]]:
    with FIXTURE.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return path


def with_cell(path: Path, line: int, column: str, value: str) -> Path:
    """The fixture file with one cell changed; *line* counts the header as line 1."""
    rows = fixture_rows()
    rows[line - 1][rows[0].index(column)] = value
    return write_rows(path, rows)


def refusal(path: Path) -> BankDataError:
    with pytest.raises(BankDataError) as caught:
        BankRegistry.from_csv(path)
    assert caught.value.code is ErrorCode.BANK_DATA
    assert str(path) in str(caught.value)
    return caught.value


def column_label(column: str) -> str:
    return f"column {fixture_rows()[0].index(column) + 1} ({column})"


def test_the_fixture_and_the_real_file_load() -> None:
    assert [bank.code for bank in BankRegistry.from_csv(FIXTURE).banks] == [
        "ICBC",
        "ABC",
        "CMB",
        "BOC",
        "TEST",
    ]
    assert len(BankRegistry.from_csv(DATA).banks) >= 19


def test_a_file_without_note_zh_loads_with_it_empty() -> None:
    # The fixture is a bank file made before the column: keep it without note_zh.
    assert "note_zh" not in fixture_rows()[0]
    fixture = BankRegistry.from_csv(FIXTURE).banks
    assert any(bank.note for bank in fixture)
    assert {bank.note_zh for bank in fixture} == {""}
    assert BankRegistry.from_csv(DATA).get("BOC").note_zh.startswith("支付宝")


@pytest.mark.parametrize(
    ("column", "value", "says"),
    [
        ("order", "surname_last", "'surname_last'"),
        ("order", "", "''"),
        ("case", "UPPER", "'UPPER'"),
        ("evidence", "confirmed", "'confirmed'"),
        ("case_evidence", "maybe", "'maybe'"),
        ("separator", " ", "'space' or 'none'"),
        ("given_separator", "tab", "'tab'"),
        ("max_length", "twenty", "'twenty' is not a whole number"),
        ("max_length", "0", "'0' is not a whole number"),
        ("max_length", "-3", "'-3'"),
        ("max_length", "20.5", "'20.5'"),
        ("max_length", "٢٠", "'٢٠'"),
        ("verified_on", "2024-13-01", "YYYY-MM-DD"),
        ("verified_on", "01/02/2024", "YYYY-MM-DD"),
        ("verified_on", "20240101", "YYYY-MM-DD"),
        ("verified_on", "2024-02-30", "YYYY-MM-DD"),
        ("code", "", "empty"),
        ("code", "icbc2", "upper-case code"),
        ("code", "IC BC", "upper-case code"),
        ("name_en", "  ", "empty"),
        ("source", "", "empty"),
    ],
)
def test_a_bad_cell_is_named_by_line_and_column(tmp_path: Path, column: str, value: str, says: str) -> None:
    error = refusal(with_cell(tmp_path / "banks.csv", 3, column, value))
    assert f"line 3, {column_label(column)}" in str(error)
    assert says in str(error)


def test_a_good_date_and_length_are_read(tmp_path: Path) -> None:
    path = with_cell(tmp_path / "banks.csv", 2, "verified_on", "2024-05-06")
    bank = BankRegistry.from_csv(path).get("ICBC")
    assert bank.verified_on is not None
    assert bank.verified_on.isoformat() == "2024-05-06"
    assert bank.max_length == 20


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    rows = fixture_rows()
    drop = rows[0].index("evidence")
    error = refusal(write_rows(tmp_path / "banks.csv", [row[:drop] + row[drop + 1 :] for row in rows]))
    assert "line 1" in str(error)
    assert "missing column(s) evidence" in str(error)


def test_a_column_named_twice_is_refused(tmp_path: Path) -> None:
    rows = fixture_rows()
    rows = [[*row, row[0]] for row in rows]
    error = refusal(write_rows(tmp_path / "banks.csv", rows))
    assert f"line 1, column {len(BANK_COLUMNS) + 1}: the column 'code' appears twice" in str(error)


def test_a_row_with_too_few_cells_names_the_first_missing_column(tmp_path: Path) -> None:
    rows = fixture_rows()
    rows[2] = rows[2][:-2]
    error = refusal(write_rows(tmp_path / "banks.csv", rows))
    first_missing = len(BANK_COLUMNS) - 1
    assert f"line 3: the row has {first_missing - 1} cells" in str(error)
    assert f"column {first_missing} ({rows[0][first_missing - 1]}) onwards is missing" in str(error)


def test_a_row_with_too_many_cells_names_the_extra_column(tmp_path: Path) -> None:
    rows = fixture_rows()
    rows[4].append("surplus")
    error = refusal(write_rows(tmp_path / "banks.csv", rows))
    assert f"line 5, column {len(BANK_COLUMNS) + 1}" in str(error)


def test_a_repeated_code_names_both_lines(tmp_path: Path) -> None:
    error = refusal(with_cell(tmp_path / "banks.csv", 4, "code", "ICBC"))
    assert f"line 4, {column_label('code')}: 'ICBC' appears twice (first on line 2)" in str(error)


def test_an_alias_naming_another_bank_is_refused(tmp_path: Path) -> None:
    # "工行" is ICBC's alias; on ABC's row a lookup of it would have to guess.
    error = refusal(with_cell(tmp_path / "banks.csv", 3, "aliases", "农行|工行"))
    assert f"line 3, {column_label('aliases')}: '工行' already names ICBC (line 2)" in str(error)


def test_an_alias_differing_only_in_width_and_case_still_collides(tmp_path: Path) -> None:
    error = refusal(with_cell(tmp_path / "banks.csv", 3, "aliases", "ｉｃｂｃ"))
    assert "already names ICBC" in str(error)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "line 1: the file is empty"),
        (b"\n\n  \n", "line 1: the file is empty"),
    ],
)
def test_an_empty_file_is_refused(tmp_path: Path, content: bytes, says: str) -> None:
    path = tmp_path / "banks.csv"
    path.write_bytes(content)
    assert says in str(refusal(path))


def test_a_header_without_rows_is_refused(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "banks.csv", fixture_rows()[:1])
    assert "line 2: the file has a header but no bank row" in str(refusal(path))


def test_bytes_that_are_not_utf8_are_named_by_line_and_column(tmp_path: Path) -> None:
    path = with_cell(tmp_path / "banks.csv", 3, "name_en", "Agricultural Bank of China")
    raw = path.read_bytes().replace(b"Agricultural", "Agricultur\u00e4l".encode("latin-1"))
    path.write_bytes(raw)
    error = refusal(path)
    assert f"line 3, column {fixture_rows()[0].index('name_en') + 1}" in str(error)
    assert "not UTF-8 (byte 0xE4)" in str(error)


def test_a_file_saved_as_utf16_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "banks.csv"
    path.write_bytes(FIXTURE.read_text(encoding="utf-8").encode("utf-16"))
    assert "not UTF-8" in str(refusal(path))


def test_a_text_handle_that_fails_to_decode_is_refused_by_line() -> None:
    raw = FIXTURE.read_bytes().replace(b"Agricultural", b"Agricultur\xe4l")
    handle = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", newline="")
    with pytest.raises(BankDataError, match=r"fixture\.csv, line \d+: the file is not UTF-8"):
        list(read_banks(handle, "fixture.csv"))


def test_a_spreadsheet_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "banks.csv"
    path.write_bytes(b"\xef\xbb\xbf" + FIXTURE.read_bytes())
    assert BankRegistry.from_csv(path).get("ICBC").code == "ICBC"


def test_a_quote_left_open_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "banks.csv"
    text = FIXTURE.read_text(encoding="utf-8")
    path.write_text(text.replace("Test Bank With Limit", '"Test Bank With Limit'), encoding="utf-8")
    assert "line 6" in str(refusal(path))


def test_a_stray_quote_inside_a_cell_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "banks.csv"
    text = FIXTURE.read_text(encoding="utf-8")
    path.write_text(text.replace(",Test Bank With Limit,", ',"Test" Bank,'), encoding="utf-8")
    assert "line 6" in str(refusal(path))


@pytest.mark.parametrize("control", ["\x00", "\x1b", "\x7f", "\x85"])
def test_a_control_character_in_a_cell_is_named(tmp_path: Path, control: str) -> None:
    path = with_cell(tmp_path / "banks.csv", 3, "name_en", f"Agricultural{control} Bank")
    error = refusal(path)
    assert f"line 3, column {fixture_rows()[0].index('name_en') + 1}" in str(error)
    assert f"U+{ord(control):04X}" in str(error)


def test_a_line_break_inside_a_quoted_note_is_kept(tmp_path: Path) -> None:
    path = with_cell(tmp_path / "banks.csv", 2, "note", "one\ntwo")
    assert BankRegistry.from_csv(path).get("ICBC").note == "one\ntwo"


def test_lines_stay_right_after_a_cell_spanning_lines(tmp_path: Path) -> None:
    rows = fixture_rows()
    rows[1][rows[0].index("note")] = "first line\nsecond line\nthird line"
    rows[3][rows[0].index("order")] = "sideways"
    error = refusal(write_rows(tmp_path / "banks.csv", rows))
    # Header 1, ICBC 2-4, ABC 5, CMB 6.
    assert f"line 6, {column_label('order')}" in str(error)


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_a_file_that_cannot_be_read_is_refused(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "nowhere.csv" if kind == "missing" else tmp_path
    assert "cannot be read" in str(refusal(path))


@settings(max_examples=300)
@given(
    position=st.floats(min_value=0, max_value=1),
    removed=st.integers(min_value=0, max_value=5),
    inserted=st.binary(max_size=4) | st.sampled_from([b",", b'"', b"\n", b"\r", b"|", b"\xff", b"\x00"]),
)
def test_any_damage_to_the_file_gives_a_bank_file_or_bank_data_error(
    tmp_path_factory: pytest.TempPathFactory, position: float, removed: int, inserted: bytes
) -> None:
    raw = FIXTURE.read_bytes()
    cut = int(position * len(raw))
    path = tmp_path_factory.mktemp("damaged") / "banks.csv"
    path.write_bytes(raw[:cut] + inserted + raw[cut + removed :])
    try:
        BankRegistry.from_csv(path)
    except BankDataError as error:
        message = str(error)
    else:
        return
    assert str(path) in message
    assert "line " in message
