"""``wxpay-names batch``: rows in, rows out, same order, errors in their column, no half files."""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wxpay_names import BankRegistry, NameFormatError
from wxpay_names import batch as batch_module
from wxpay_names.batch import run_batch, write_atomically
from wxpay_names.cli import main

FIXTURE_BANKS = str(Path(__file__).parent / "fixtures" / "banks.csv")
FIXTURE_CODES = ["ICBC", "ABC", "CMB", "BOC", "TEST"]


def letters(number: int) -> str:
    """A distinct run of lower-case letters for every number: 0 → 'a', 26 → 'ba'."""
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word = "abcdefghijklmnopqrstuvwxyz"[digit] + word
        if number == 0:
            return word


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def batch(tmp_path: Path, rows: list[list[str]], *options: str) -> tuple[int, list[list[str]]]:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    write_csv(source, rows)
    code = main(["batch", str(source), "-o", str(target), "--banks-file", FIXTURE_BANKS, *options])
    return code, read_csv(target)


def test_ten_thousand_rows_with_bad_ones_among_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [["id", "surname", "given_names", "bank"]]
    expected: list[tuple[str, str, str, str]] = []  # id, bank, expected text, error code
    for number in range(10_000):
        row_id, surname = str(number), "Zhang" + letters(number)
        upper = surname.upper()
        forms = {"ICBC": f"{upper} SAN", "ABC": f"{upper}SAN", "CMB": f"{upper} SAN", "BOC": f"SAN {upper}"}
        bank = ["ICBC", "ABC", "CMB", "BOC"][number % 4]
        if number % 97 == 1:
            rows.append([row_id, surname + "4", "San", bank])
            expected.append((row_id, bank, "", "INVALID_CHARACTER"))
        elif number % 101 == 2:
            rows.append([row_id, surname, "San", "NOBANK"])
            expected.append((row_id, "NOBANK", "", "UNKNOWN_BANK"))
        elif number % 103 == 3:
            rows.append([row_id, "", " ", bank])
            expected.append((row_id, bank, "", "EMPTY_NAME"))
        elif number % 107 == 4:
            rows.append([row_id, surname, "San", bank, "one cell too many"])
            expected.append((row_id, bank, "", "ROW_FORMAT"))
        elif number % 997 == 5:  # no bank: one output row per bank, in file order
            rows.append([row_id, surname, "San", ""])
            expected += [(row_id, code, forms.get(code, f"{upper} SAN"), "") for code in FIXTURE_CODES]
        else:
            rows.append([row_id, surname, "San", bank])
            expected.append((row_id, bank, forms[bank], ""))
    code, output = batch(tmp_path, rows)
    assert code == 1  # some rows failed
    assert capsys.readouterr().err == ""  # stderr is no terminal: no bar, no summary
    header, *results = output
    assert header == ["id", "surname", "given_names", "bank", "expected", "status", "problems", "error"]
    assert len(results) == len(expected) > 10_000
    assert [(row[0], row[3]) for row in results] == [(row_id, bank) for row_id, bank, _, _ in expected]
    assert [row[4] for row in results] == [text for _, _, text, _ in expected]
    assert [row[7].split(":")[0] for row in results] == [error for _, _, _, error in expected]
    assert sum(1 for _, _, _, error in expected if error) > 300
    assert all(row[5] == row[6] == "" for row in results)  # nothing was entered, so nothing checked


def test_output_keeps_the_input_columns_and_replaces_bank_by_its_code(tmp_path: Path) -> None:
    code, output = batch(
        tmp_path, [["Given_Names", "Surname", "Bank", "note"], ["San", "Zhang", "中行", "x,y"]]
    )
    assert code == 0
    assert output == [
        ["Given_Names", "Surname", "Bank", "note", "expected", "status", "problems", "error"],
        ["San", "Zhang", "BOC", "x,y", "SAN ZHANG", "", "", ""],
    ]


def test_short_rows_count_their_missing_cells_as_empty(tmp_path: Path) -> None:
    code, output = batch(tmp_path, [["surname", "given_names", "bank"], ["Zhang"]], "--bank", "ABC")
    assert code == 0
    assert output[1] == ["Zhang", "", "ABC", "ZHANG", "", "", ""]


def test_blank_lines_are_no_rows(tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("surname,given_names\n\nZhang,San\n\n", encoding="utf-8")
    assert (
        main(["batch", str(source), "-o", str(target), "--banks-file", FIXTURE_BANKS, "--bank", "BOC"]) == 0
    )
    assert read_csv(target)[1:] == [["Zhang", "San", "BOC", "SAN ZHANG", "", "", ""]]


@pytest.mark.parametrize(
    "cell",
    ["A" * (csv.field_size_limit() + 1), '"' + "A" * 200_000 + '"', '"' + "A" * 140_000 + '\nLI,SI,X\nWU"'],
)
def test_a_cell_beyond_the_csv_field_limit_fails_its_row_only(tmp_path: Path, cell: str) -> None:
    # Read (the run raises the csv module's limit) and refused as any cell too long for a name;
    # a quoted cell of several lines stays one cell, its lines never read as rows.
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text(f"name,bank\nZHANG San,ICBC\n{cell},ICBC\nLI Na,BOC\n", encoding="utf-8")
    limit = csv.field_size_limit()
    assert main(["batch", str(source), "-o", str(target), "--banks-file", FIXTURE_BANKS]) == 1
    assert csv.field_size_limit() == limit  # given back after the run
    csv.field_size_limit(1_000_000)  # the output holds the cell as it came
    try:
        output = read_csv(target)
    finally:
        csv.field_size_limit(limit)
    assert [row[1:3] for row in output[1:]] == [["ICBC", "ZHANG SAN"], ["ICBC", ""], ["BOC", "NA LI"]]
    assert output[2][-1].startswith("TOO_LONG: ")


def test_a_cell_beyond_what_a_batch_reads_fails_its_row_unread(
    registry: BankRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_module, "CELL_AT_MOST", 1000)  # below the csv module's own limit
    source, sink = io.StringIO("surname\nZhang\n" + "x" * 200_000 + "\nLi\n"), io.StringIO()
    summary = run_batch(source, sink, default_banks=(registry.get("ICBC"),), find_bank=registry.get)
    assert (summary.rows_in, summary.rows_out, summary.errors) == (3, 3, 1)
    lines = sink.getvalue().splitlines()
    assert lines[1].startswith("Zhang,ICBC,ZHANG")
    assert lines[2].startswith(",,,,,")
    assert "TOO_LONG: A cell of this row is longer than 131,072 characters" in lines[2]
    assert lines[3].startswith("Li,ICBC,LI")


def test_bank_option_sets_the_banks_of_rows_without_one(tmp_path: Path) -> None:
    rows = [["surname", "given_names", "bank"], ["Zhang", "San", ""], ["Li", "Lei", "CMB"]]
    _, output = batch(tmp_path, rows, "--bank", "BOC", "--bank", "ABC")
    assert [(row[0], row[2], row[3]) for row in output[1:]] == [
        ("Zhang", "BOC", "SAN ZHANG"),
        ("Zhang", "ABC", "ZHANGSAN"),
        ("Li", "CMB", "LI LEI"),
    ]


def test_each_name_column_is_read(tmp_path: Path) -> None:
    rows = [
        ["surname", "given_names", "mrz", "chinese", "name"],
        ["Zhang", "San", "", "", ""],
        ["", "", "ERIKSSON<<ANNA<MARIA", "", ""],
        ["", "", "", "欧阳娜娜", ""],
        ["", "", "", "", "SMITH, John"],
        ["", "", "", "", ""],
    ]
    code, output = batch(tmp_path, rows, "--bank", "ICBC")
    assert code == 1
    assert [row[6] for row in output[1:]] == [
        "ZHANG SAN",
        "ERIKSSON ANNA MARIA",
        "OUYANG NANA",
        "SMITH JOHN",
        "",
    ]
    assert output[-1][-1] == (
        "EMPTY_NAME: The row has no name: fill surname and given_names or mrz or chinese or name."
    )


def test_entered_names_are_checked(tmp_path: Path) -> None:
    rows = [["surname", "given_names", "bank", "entered"]]
    rows += [["Zhang", "San", "ICBC", entered] for entered in ("ZHANG SAN", "SAN ZHANG", "")]
    code, output = batch(tmp_path, rows)
    assert code == 1  # one row is not a match
    results = [dict(zip(output[0], row, strict=True)) for row in output[1:]]
    assert [row["status"] for row in results] == ["match", "plausible", ""]
    assert [row["expected"] for row in results] == ["ZHANG SAN"] * 3
    assert results[0]["problems"] == ""
    assert "ORDER_SWAPPED" in results[1]["problems"].split("|")


def test_a_byte_that_is_not_utf8_fails_its_row_and_survives_in_the_output(tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(b"surname,given_names\nZh\xe9ng,San\nLi,Lei\n")
    assert (
        main(["batch", str(source), "-o", str(target), "--banks-file", FIXTURE_BANKS, "--bank", "CMB"]) == 1
    )
    lines = target.read_bytes().splitlines()
    assert lines[1].startswith(b'Zh\xe9ng,San,CMB,,,,"INVALID_CHARACTER: ')
    assert lines[2] == b"Li,Lei,CMB,LI LEI,,,"


def test_a_byte_that_is_not_utf8_in_the_bank_cell_is_written_back_as_it_came(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The bank cell was read as a bank with the byte dropped (IC\xffBC came out ICBC).
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(b"id,surname,given_names,bank\n3,Zhang,San,IC\xffBC\n")
    assert main(["batch", str(source), "-o", str(target)]) == 1
    row = target.read_bytes().splitlines()[1]
    assert row.startswith(b'3,Zhang,San,IC\xffBC,,,,"INVALID_CHARACTER: In the bank column')
    assert main(["batch", str(source), "--json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["bank"] == record["input"]["bank"] == "IC?BC"  # JSON stays UTF-8: the byte is ?


def test_a_utf8_byte_order_mark_is_not_part_of_the_first_column(tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes("surname,given_names\nZhang,San\n".encode("utf-8-sig"))
    assert (
        main(["batch", str(source), "-o", str(target), "--banks-file", FIXTURE_BANKS, "--bank", "ABC"]) == 0
    )
    assert read_csv(target)[0][0] == "surname"


def test_a_second_byte_order_mark_does_not_hide_the_first_column(tmp_path: Path) -> None:
    # A file saved twice by an editor that adds one each time: the header cell is still surname.
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(b"\xef\xbb\xbf" + "surname,given_names\nZhang,San\n".encode("utf-8-sig"))
    assert (
        main(["batch", str(source), "-o", str(target), "--banks-file", FIXTURE_BANKS, "--bank", "ABC"]) == 0
    )
    header, row = read_csv(target)
    assert row[header.index("expected")] == "ZHANGSAN"


def test_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.csv"
    write_csv(source, [["surname", "given_names", "bank"], ["Zhang", "San", "BOC"], ["Zh4ng", "San", "ABC"]])
    assert main(["batch", str(source), "--json", "--banks-file", FIXTURE_BANKS]) == 1
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first == {
        "line": 2,
        "input": {"surname": "Zhang", "given_names": "San", "bank": "BOC"},
        "bank": "BOC",
        "expected": "SAN ZHANG",
        "status": None,
        "problems": [],
        "error": None,
    }
    assert second["error"]["code"] == "INVALID_CHARACTER"
    assert second["expected"] is None


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("", "is empty"),
        ("first,last\nZhang,San\n", "none of the name columns"),
        ("surname,Surname\nZhang,San\n", "appears twice"),
        ("surname;given_names\nZhang;San\n", "look separated by semicolons"),
        ("surname\tgiven_names\nZhang\tSan\n", "look separated by tabs"),
        # A quote never closed: the rows after it were read into its cell, and lost.
        (
            'surname,given_names\nLi,Si\n"Smith,John\nDoe,Jane\nRoe,Rick\n',
            "line 3: a quote opened there is never closed",
        ),
    ],
)
def test_an_unusable_file_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, says: str
) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text(content, encoding="utf-8")
    assert main(["batch", str(source), "-o", str(target), "--banks-file", FIXTURE_BANKS]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert says in err
    assert sorted(os.listdir(tmp_path)) == ["in.csv"]


def test_a_missing_input_or_output_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(tmp_path / "none.csv")]) == 2
    assert "none.csv" in capsys.readouterr().err
    source = tmp_path / "in.csv"
    source.write_text("surname\nZhang\n", encoding="utf-8")
    assert main(["batch", str(source), "-o", str(tmp_path / "no" / "out.csv")]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "lead", "details"),
    [
        ("first,last\nZhang,San\n", "表头中没有姓名列", "none of the name columns"),
        ("surname,Surname\nZhang,San\n", "表头中有一列出现了两次", "appears twice"),
        ("", "输入文件是空的", "is empty"),
        (None, "无法读取输入文件", "No such file or directory"),
    ],
)
def test_a_file_error_in_chinese_gives_the_chinese_then_the_english_details(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, lead: str, details: str
) -> None:
    source = tmp_path / "in.csv"
    if content is not None:
        source.write_text(content, encoding="utf-8")
    assert main(["--json", "batch", str(source), "--lang", "zh"]) == 2
    out, err = capsys.readouterr()
    assert err.startswith(f"wxpay-names: {lead}")
    assert f"详情（英文）：{source}" in err or f"详情（英文）：Cannot read {source}" in err
    assert details in err
    assert err.count("\n") == 1
    assert json.loads(out)["error"] == {
        "code": "BATCH_FILE",
        "message": err.removeprefix("wxpay-names: ").strip(),
    }


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_an_output_error_in_chinese_gives_the_chinese_then_the_english_details(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_text("surname,given_names\nZhang,San\n", encoding="utf-8")
    assert main(["batch", str(source), "-o", "/dev/full", "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wxpay-names: 无法写入输出")
    assert "详情（英文）：cannot write /dev/full: No space left on device." in err
    assert main(["batch", str(source), "-o", str(tmp_path), "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wxpay-names: 无法写入输出：-o 指定的是文件夹")
    assert "详情（英文）：Cannot write" in err


@pytest.mark.parametrize("where", ["folder", "no folder"])
def test_an_output_that_cannot_be_written_has_the_code_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    # docs/cli.md: BATCH_FILE for a batch file it cannot read, OUTPUT for output not written.
    source = tmp_path / "in.csv"
    source.write_text("surname,given_names\nZhang,San\n", encoding="utf-8")
    target = tmp_path if where == "folder" else tmp_path / "none" / "out.csv"
    assert main(["--json", "batch", str(source), "-o", str(target)]) == 2
    out, err = capsys.readouterr()
    assert json.loads(out)["error"]["code"] == "OUTPUT"
    assert err.startswith(f"wxpay-names: Cannot write {target}")


def test_rows_are_written_as_they_are_read(registry: BankRegistry) -> None:
    """Streaming: when row k is read, every earlier row's result is already written."""
    sink = io.StringIO()
    written_before: list[int] = []

    def lines() -> Iterator[str]:
        yield "surname,given_names,bank\n"
        for number in range(200):
            written_before.append(sink.getvalue().count("\n"))
            yield f"Zhang{letters(number)},San,ICBC\n"

    summary = run_batch(
        lines(),  # type: ignore[arg-type]
        sink,
        default_banks=registry.banks,
        find_bank=registry.get,
    )
    assert (summary.rows_in, summary.rows_out) == (200, 200)
    # Row k (0-based) is read after the header and the k rows before it are out.
    assert written_before == list(range(1, 201))


def test_an_exception_mid_stream_leaves_no_output_file(tmp_path: Path, registry: BankRegistry) -> None:
    target = tmp_path / "out.csv"

    def lines() -> Iterator[str]:
        yield "surname,given_names,bank\n"
        for number in range(5000):
            yield f"Zhang{letters(number)},San,ICBC\n"
        raise OSError("the disk went away")

    with pytest.raises(OSError, match="disk"), write_atomically(str(target), json_lines=False) as sink:
        run_batch(lines(), sink, default_banks=registry.banks, find_bank=registry.get)  # type: ignore[arg-type]
    assert os.listdir(tmp_path) == []


def test_an_interrupt_through_main_exits_130_and_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0

    def interrupted_after_some_rows(*args: object) -> str:
        nonlocal calls
        calls += 1
        if calls == 500:
            raise KeyboardInterrupt
        return "X"

    monkeypatch.setattr("wxpay_names.batch.rank_one_text", interrupted_after_some_rows)
    rows = [["surname", "given_names", "bank"]] + [[f"Zhang{letters(n)}", "San", "ICBC"] for n in range(1000)]
    write_csv(tmp_path / "in.csv", rows)
    code = main(
        ["batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"), "--banks-file", FIXTURE_BANKS]
    )
    assert code == 130
    assert capsys.readouterr().err == "wxpay-names: interrupted; no output file was written.\n"
    assert os.listdir(tmp_path) == ["in.csv"]


def test_a_finished_file_has_ordinary_permissions(tmp_path: Path) -> None:
    batch(tmp_path, [["surname"], ["Zhang"]])
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "out.csv").stat().st_mode & 0o777 == 0o666 & ~mask


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    batch(tmp_path, [["surname"], ["Zhang"], ["Li"]], "--bank", "ICBC")
    shown = terminal.getvalue()
    assert "rows/s" in shown  # tqdm's bar
    assert "2 rows read, 2 written, 0 with an error" in shown


def test_with_the_progress_bar_every_row_is_written_in_order(registry: BankRegistry) -> None:
    """The bar counts rows in steps of 4,096: a file of more than two steps keeps every row, in
    order, counted against the input itself (not the summary, which would agree with a loss)."""
    count = 2 * 4096 + 7
    names = [f"Zhang{index:05d}, San" for index in range(count)]  # digits: every row is refused, and kept
    source = io.StringIO()
    csv.writer(source).writerows([["name"], *([name] for name in names)])
    source.seek(0)
    sink = io.StringIO()
    run_batch(source, sink, default_banks=registry.banks[:1], find_bank=registry.get, progress=True)
    written = list(csv.reader(io.StringIO(sink.getvalue())))[1:]
    assert [row[0] for row in written] == names


def test_writing_to_a_stream_never_raises_on_a_bad_row(registry: BankRegistry) -> None:
    source = io.StringIO()
    names = ["ZHANG, San", "\x00", "x" * 300, "J0hn Smith", "Smith, John"]
    csv.writer(source).writerows([["name"], *([name] for name in names)])
    source.seek(0)
    sink = io.StringIO()
    summary = run_batch(source, sink, default_banks=registry.banks[:1], find_bank=registry.get)
    rows = list(csv.reader(io.StringIO(sink.getvalue())))
    assert [row[0] for row in rows[1:]] == names
    assert [row[-1].split(":")[0] for row in rows[1:]] == [
        "",
        "INVALID_CHARACTER",
        "TOO_LONG",
        "INVALID_CHARACTER",
        "",
    ]
    assert [row[2] for row in rows[1:]] == ["ZHANG SAN", "", "", "", "SMITH JOHN"]
    assert (summary.rows_in, summary.rows_out, summary.errors) == (5, 5, 3)


def test_bad_rows_keep_no_memory(registry: BankRegistry) -> None:
    """Memory stays flat: bad rows' errors are freed (a cycle through pydantic's errors once kept them)."""

    def living_errors() -> int:
        gc.collect()
        return sum(1 for thing in gc.get_objects() if isinstance(thing, NameFormatError))

    before = living_errors()
    source = io.StringIO(
        "surname,given_names,bank\n" + "Zh4ng,San,ICBC\n" * 2000 + ",,ICBC\n" * 500 + "Zhang,San,NOPE\n" * 500
    )
    summary = run_batch(source, io.StringIO(), default_banks=registry.banks, find_bank=registry.get)
    assert summary.errors == 3000
    assert living_errors() - before < 10


# --- through python -m ---------------------------------------------------------------------


def run_module(*argv: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wxpay_names", "batch", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )


def test_module_batch_from_stdin_to_stdout() -> None:
    result = run_module("-", stdin="surname,given_names,bank\nZhang,San,ABC\nZhang,San,BOC\n")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "surname,given_names,bank,expected,status,problems,error",
        "Zhang,San,ABC,ZHANGSAN,,,",
        "Zhang,San,BOC,SAN ZHANG,,,",
    ]


def test_module_batch_json_with_a_bad_row_exits_1() -> None:
    result = run_module("-", "--json", stdin="surname,given_names,bank\nZhang,San,ICBC\nZhang,San,NOPE\n")
    assert (result.returncode, result.stderr) == (1, "")
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["expected"] == "ZHANG SAN"
    assert second["error"]["code"] == "UNKNOWN_BANK"


def test_module_batch_unusable_file_exits_2() -> None:
    result = run_module("-", stdin="first,last\nZhang,San\n")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1


def _interrupts_as_by_default() -> None:
    # A shell starts a background job with Ctrl-C ignored, and a child inherits that (so
    # Python installs no KeyboardInterrupt): the suite run in the background would see the
    # run finish. What is tested is the program's answer to the signal, not the shell's.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_module_batch_killed_mid_run_leaves_no_file(tmp_path: Path, signum: int) -> None:
    target = tmp_path / "out.csv"
    process = subprocess.Popen(
        [sys.executable, "-m", "wxpay_names", "batch", "-", "-o", str(target)],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        preexec_fn=_interrupts_as_by_default,
    )
    assert process.stdin is not None
    # Half the input arrives; the rest never does, so the run is surely mid-stream when killed.
    process.stdin.write(b"surname,given_names,bank\n" + b"Zhang,San,ICBC\n" * 2000)
    process.stdin.flush()
    deadline = time.monotonic() + 30
    while not any(name.endswith(".part") for name in os.listdir(tmp_path)):
        assert time.monotonic() < deadline, "the run never started writing"
        time.sleep(0.02)
    process.send_signal(signum)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.decode().count("\n") == 1
    assert os.listdir(tmp_path) == []


# --- a name given two ways ----------------------------------------------------------------

TWO_WAYS = "ROW_FORMAT: The row gives the name two ways"


def test_a_row_giving_two_different_names_gets_an_error(tmp_path: Path) -> None:
    rows = [
        ["id", "surname", "given_names", "mrz", "chinese", "name", "bank"],
        ["1", "Smith", "John", "", "张三", "", "ICBC"],
        ["2", "Smith", "John", "", "", "", "ICBC"],
        ["3", "", "", "", "张三", "LI, Lei", ""],
        ["4", "Smith", "John", "JONES<<JOHN", "", "", "ICBC"],
        ["5", "", "", "", "", "SMITH, John", "ICBC"],
    ]
    code, output = batch(tmp_path, rows, "--bank", "BOC", "--bank", "ABC")
    assert code == 1
    results = [dict(zip(output[0], row, strict=True)) for row in output[1:]]
    # One output row per input row and bank, in order; the rows named twice have no expected text.
    assert [(row["id"], row["bank"]) for row in results] == [
        ("1", "ICBC"),
        ("2", "ICBC"),
        ("3", "BOC"),
        ("3", "ABC"),
        ("4", "ICBC"),
        ("5", "ICBC"),
    ]
    assert [row["expected"] for row in results] == ["", "SMITH JOHN", "", "", "", "SMITH JOHN"]
    errors = [row["error"] for row in results]
    assert [error.startswith(TWO_WAYS) for error in errors] == [True, False, True, True, True, False]
    assert "(surname and given_names, chinese)" in errors[0]
    assert "(chinese, name)" in errors[2]
    assert "(surname and given_names, mrz)" in errors[4]
    assert errors[0].endswith("use one of surname and given_names, mrz, chinese or name.")


def test_a_row_giving_the_same_name_two_ways_is_read_once(tmp_path: Path) -> None:
    rows = [
        ["surname", "given_names", "mrz", "chinese", "name"],
        ["Zhang", "San", "", "张三", "ZHANG, San"],
        ["Eriksson", "Anna Maria", "ERIKSSON<<ANNA<MARIA", "", ""],
        ["Müller", "Jürgen", "MUELLER<<JUERGEN", "", ""],  # the MRZ writes ü as UE
    ]
    code, output = batch(tmp_path, rows, "--bank", "ICBC")
    assert code == 0
    results = [dict(zip(output[0], row, strict=True)) for row in output[1:]]
    assert [(row["expected"], row["error"]) for row in results] == [
        ("ZHANG SAN", ""),
        ("ERIKSSON ANNA MARIA", ""),
        ("MUELLER JUERGEN", ""),
    ]


def test_a_row_giving_a_name_two_ways_one_unreadable_gets_an_error(tmp_path: Path) -> None:
    rows = [["surname", "given_names", "name"], ["Zhang", "San", "SAN ZHANG"]]
    code, output = batch(tmp_path, rows, "--bank", "ICBC")
    assert code == 1
    assert output[1][-1].startswith(TWO_WAYS)
    assert "(surname and given_names, name)" in output[1][-1]


def test_an_interrupted_batch_to_standard_output_names_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("wxpay_names.batch.rank_one_text", interrupted)
    write_csv(tmp_path / "in.csv", [["surname", "given_names", "bank"], ["Zhang", "San", "ICBC"]])
    code = main(["batch", str(tmp_path / "in.csv"), "--banks-file", FIXTURE_BANKS])
    assert code == 130
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("wxpay-names: interrupted")
    assert "file" not in err


def test_row_errors_say_which_columns_to_fill_not_which_function_to_call(tmp_path: Path) -> None:
    rows = [["chinese", "name"], ["约翰·史密斯", ""], ["", "张三"]]
    code, output = batch(tmp_path, rows, "--bank", "ICBC")
    assert code == 1
    foreign, chinese = (row[-1] for row in output[1:])
    assert foreign.startswith("TRANSLITERATED_FOREIGN_NAME: ")
    assert foreign.endswith(
        "give that in the surname and given_names columns, or in the name column as 'SMITH, John'."
    )
    assert chinese.startswith("AMBIGUOUS_NAME: ")
    assert "give it in the chinese column" in chinese
    assert "()" not in foreign + chinese


NOT_UTF8 = "the file is not UTF-8 (byte 0xFC); save it as UTF-8 (CSV UTF-8)"


def test_a_row_with_a_byte_that_is_not_utf8_says_to_save_the_file_as_utf8(tmp_path: Path) -> None:
    # Before: "INVALID_CHARACTER: The surname holds '\udcfc' (U+DCFC SURROGATE)...", which no one
    # can act on. Now the loader of --banks-file's words: the file is not UTF-8, save it as UTF-8.
    source, target = tmp_path / "b7.csv", tmp_path / "out.csv"
    source.write_bytes(
        b"surname,given_names,bank,entered\n"
        b"M\xfcller,J\xfcrgen,ICBC,\n"  # the name
        b"Li,Na,BOC,\n"
        b"Li,Na,B\xfcC,\n"  # the bank
        b"Li,Na,ABC,L\xfcNA\n"  # the typed text: not checked as a mismatch
    )
    assert main(["batch", str(source), "-o", str(target), "--banks-file", FIXTURE_BANKS]) == 1
    lines = target.read_bytes().splitlines()
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8", "surrogateescape"))))
    assert len(lines) == len(rows) == 5
    assert [row[-1] for row in rows[1:]] == [
        f"INVALID_CHARACTER: In the surname column, {NOT_UTF8}.",
        "",
        f"INVALID_CHARACTER: In the bank column, {NOT_UTF8}.",
        f"INVALID_CHARACTER: In the entered column, {NOT_UTF8}.",
    ]
    assert rows[4][5] == ""  # no status: the typed text was not checked (it was a mismatch)
    assert lines[1].startswith(b"M\xfcller,J\xfcrgen,ICBC,,,")  # the bytes written back as they came


def test_a_byte_that_is_not_utf8_in_a_column_not_read_changes_nothing(tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(b"surname,given_names,note\nLi,Na,gr\xfc\xdf\n")
    assert (
        main(["batch", str(source), "-o", str(target), "--banks-file", FIXTURE_BANKS, "--bank", "BOC"]) == 0
    )
    assert target.read_bytes().splitlines()[1] == b"Li,Na,gr\xfc\xdf,BOC,NA LI,,,"


def test_the_not_utf8_row_error_in_chinese_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(b"surname,given_names\nM\xfcller,J\xfcrgen\n")
    code = main(
        ["batch", str(source), "--json", "--lang", "zh", "--banks-file", FIXTURE_BANKS, "--bank", "ICBC"]
    )
    assert code == 1
    (record,) = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert record["error"]["code"] == "INVALID_CHARACTER"
    assert "UTF-8" in record["error"]["message"]
    assert "另存为 UTF-8" in record["error"]["message"]


def test_run_batch_without_default_banks_keeps_every_row() -> None:
    # The command line refuses --bank '' (exit 2); called as a function with no default bank,
    # a row whose bank cell is empty still gets its output row, with the reason.
    source = io.StringIO('name,bank\n"ZHANG, San",\n"LI, Na",BOC\nZh4ng San,\n')
    sink = io.StringIO()
    registry = BankRegistry.from_csv(FIXTURE_BANKS)
    summary = run_batch(source, sink, default_banks=(), find_bank=registry.get)
    rows = list(csv.reader(io.StringIO(sink.getvalue())))
    assert [row[0] for row in rows[1:]] == ["ZHANG, San", "LI, Na", "Zh4ng San"]
    assert rows[1][1:] == [
        "",
        "",
        "",
        "",
        "NO_BANK: The row names no bank: fill its bank cell with a code such as ICBC.",
    ]
    assert rows[2][1:3] == ["BOC", "NA LI"]
    assert rows[3][1] == ""
    assert rows[3][-1].startswith("INVALID_CHARACTER: The name holds '4'")
    assert (summary.rows_in, summary.rows_out, summary.errors) == (3, 3, 2)


def test_a_quote_closed_inside_a_cell_is_that_row_s_error_and_no_row_is_lost(tmp_path: Path) -> None:
    # "DOE"x was read as the name DOEx; now the row is refused, and every other row kept,
    # a zone quoted over two lines among them.
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text(
        'surname,given_names,mrz\n"DOE"x,Jane,\nRoe,Rick,\n,,"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n'
        'L898902C36UTO7408122F1204159ZE184226B<<<<<10"\n',
        encoding="utf-8",
    )
    assert (
        main(["batch", str(source), "-o", str(target), "--bank", "ICBC", "--banks-file", FIXTURE_BANKS]) == 1
    )
    rows = read_csv(target)[1:]
    assert len(rows) == 3
    assert rows[0][0] == ""
    assert rows[0][-1].startswith("ROW_FORMAT: Line 2 is not valid CSV")
    assert rows[1][:2] == ["Roe", "Rick"]
    assert rows[1][-1] == ""
    assert rows[2][-1] == ""  # the zone read, over its two lines


def test_a_refused_row_keeps_the_lines_its_open_quote_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The strict reader stops at "DOE"x; the quote opened after it closes on the next line,
    # which was read as a row of its own (an error row for every bank).
    source = tmp_path / "in.csv"
    text = 'surname,given_names,bank\n"DOE"x,"San\nMore",ICBC\nSMITH,John,ICBC\n'
    source.write_text(text, encoding="utf-8")
    assert main(["batch", str(source), "--json", "--banks-file", FIXTURE_BANKS]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [record["line"] for record in records] == [3, 4]  # each row's last line, as before
    assert records[0]["error"]["code"] == "ROW_FORMAT"
    assert records[0]["error"]["message"].startswith("Line 2 is not valid CSV")
    assert records[1]["expected"] == "SMITH JOHN"


def test_a_refused_row_whose_quote_never_closes_refuses_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_text('surname,given_names\nLI,Si\n"DOE"x,"San\nSMITH,John\n', encoding="utf-8")
    assert main(["batch", str(source), "--bank", "ICBC", "--banks-file", FIXTURE_BANKS]) == 2
    assert "line 3: a quote opened there is never closed" in capsys.readouterr().err


def test_spaces_after_a_closing_quote_are_read_in_a_row_of_several_lines(tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text('surname,given_names\n"ZHANG" ,"San\nMore" \nLI,Si\n', encoding="utf-8")
    assert (
        main(["batch", str(source), "-o", str(target), "--bank", "ICBC", "--banks-file", FIXTURE_BANKS]) == 0
    )
    assert [row[3] for row in read_csv(target)[1:]] == ["ZHANG SAN MORE", "LI SI"]


def test_json_lines_keep_every_cell_of_a_header_with_blank_or_repeated_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_text("surname,given_names,note,note,,\nZHANG,San,a,b,c,d\n", encoding="utf-8")
    assert main(["batch", str(source), "--json", "--bank", "ICBC", "--banks-file", FIXTURE_BANKS]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["input"] == {
        "surname": "ZHANG",
        "given_names": "San",
        "note": "a",
        "note (2)": "b",
        "column 5": "c",
        "column 6": "d",
    }


def test_blank_lines_before_the_header_are_skipped(tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("\n\nsurname,given_names\nZhang,San\n", encoding="utf-8")
    assert (
        main(["batch", str(source), "-o", str(target), "--bank", "ICBC", "--banks-file", FIXTURE_BANKS]) == 0
    )
    assert read_csv(target)[1][:4] == ["Zhang", "San", "ICBC", "ZHANG SAN"]


def test_a_utf16_file_is_said_to_be_no_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes("surname,given_names\nZhang,San\n".encode("utf-16"))
    assert main(["batch", str(source), "--bank", "ICBC", "--banks-file", FIXTURE_BANKS]) == 2
    assert "does not look like UTF-8 text (UTF-16?)" in capsys.readouterr().err


def test_spaces_after_a_closing_quote_are_read_as_before(tmp_path: Path) -> None:
    # The strict reader refuses "ZHANG" ,San; the lenient one read it, and so does the batch.
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text('surname,given_names\n"ZHANG" ,San\n"LI"  ,"Si" \n', encoding="utf-8")
    assert (
        main(["batch", str(source), "-o", str(target), "--bank", "ICBC", "--banks-file", FIXTURE_BANKS]) == 0
    )
    assert [row[3] for row in read_csv(target)[1:]] == ["ZHANG SAN", "LI SI"]


@pytest.mark.parametrize(
    ("header", "says"),
    [
        ('"surname,given_names\nZhang,San\n', "line 1: a quote opened there is never closed"),
        ('"surname"x,given_names\nZhang,San\n', "line 1: the header is not valid CSV"),
    ],
)
def test_a_header_that_is_no_csv_is_said_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str, says: str
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(header, encoding="utf-8")
    assert main(["batch", str(source), "--bank", "ICBC", "--banks-file", FIXTURE_BANKS]) == 2
    assert says in capsys.readouterr().err


_CELLS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=24)


# Names, nothing, and cells a CSV must quote: a lone carriage return ends a line for a reader.
_NAMES = st.sampled_from(["ZHANG, San", "Müller, Jürgen", "张三", "", "Zhang\rSan", "Li\r\nNa", '"Wu"'])


@given(names=st.lists(st.one_of(_CELLS, _NAMES), max_size=12))
def test_every_row_gives_one_result_per_bank_in_order(names: list[str], registry: BankRegistry) -> None:
    """Whatever a cell holds (a name, nothing, a refused text), each input row gives one
    output row per bank, in the input's order: batch work never drops or reorders a row."""
    source = io.StringIO()
    csv.writer(source).writerows([["name"], *([name] for name in names)])
    source.seek(0)
    sink = io.StringIO()
    chosen = registry.banks[:2]
    summary = run_batch(source, sink, default_banks=chosen, find_bank=registry.get)
    written = list(csv.reader(io.StringIO(sink.getvalue())))[1:]
    assert summary.rows_in == len(names)
    assert [row[0] for row in written] == [name for name in names for _ in chosen]
    assert [row[1] for row in written] == [bank.code for _ in names for bank in chosen]
