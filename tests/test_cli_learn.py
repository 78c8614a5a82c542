"""The command line's part of learning: check --refused and its next forms, learn, --observations."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from wxpay_names import Observations, Outcome, PassportName, candidates, get_bank, next_tries
from wxpay_names.cli import main
from wxpay_names.cli_learn import BAD_LINES_SHOWN, count_log

ZHANG_SAN = ["--surname", "Zhang", "--given", "San"]
NAME = PassportName(surname="Zhang", given_names="San")
# The Pattern fields of the first release: a field added later (with a default) may be missing.
HEADER = "bank,order,separator,given_separator,given_names,spelling,case,shortened,accepted"
NO_SPACE = "surname_first,none,none,all,icao,upper,false"
RANK_ONE = "surname_first,space,space,all,icao,upper,false"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def numbered_forms(out: str) -> list[str]:
    """The texts of the numbered lines after the next-forms heading."""
    after = out.split("try next", 1)[1] if "try next" in out else out.split("Forms to try next", 1)[1]
    return [match.group(2) for match in re.finditer(r"^\s+(\d+)\.\s+(.+?)\s*$", after, re.MULTILINE)]


def write_log(path: Path, rows: list[str], header: str = HEADER) -> None:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


def learned_counts(path: Path) -> Observations:
    return Observations.read_csv(path)


# -- check: --refused and the next forms -----------------------------------------------------


def test_check_lists_the_next_forms_without_the_refused_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "ZHANG SAN", *ZHANG_SAN, "--bank", "ICBC", "--refused", "ZHANG SAN")
    assert code == 0  # the verdict is still a match: rank 1
    forms = numbered_forms(out)
    assert len(forms) >= 3
    assert "ZHANG SAN" not in forms
    assert forms == [c.text for c in next_tries(NAME, "ICBC", ["ZHANG SAN"])][: len(forms)]


def test_every_verdict_lists_next_forms_the_typed_text_counting_as_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for typed, status_code in (("SAN ZHANG", 1), ("ZHANG SANN", 1), ("ZHANG SAN", 0)):
        code, out, _ = run(capsys, "check", typed, *ZHANG_SAN, "--bank", "ICBC", "--refused", "Zhang San")
        assert code == status_code
        forms = numbered_forms(out)
        assert forms
        assert typed not in forms
        assert "Zhang San" not in forms


def test_a_refused_likeliest_text_is_said_to_be_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    # The problems say "type ZHANG SAN"; the holder said it was refused: the output says to
    # skip it rather than leave them typing it again.
    code, out, _ = run(capsys, "check", "SAN ZHANG", *ZHANG_SAN, "--bank", "ICBC", "--refused", "ZHANG SAN")
    assert code == 1
    assert '"ZHANG SAN" was refused already, you said: skip it.' in out
    assert "ZHANG SAN" not in numbered_forms(out)
    _, out, _ = run(
        capsys, "check", "SAN ZHANG", *ZHANG_SAN, "--bank", "ICBC", "--lang", "zh", "--refused", "ZHANG SAN"
    )
    assert "您说“ZHANG SAN”已被拒绝：请跳过这个写法。" in out
    # Not said when the likeliest was not refused.
    _, out, _ = run(capsys, "check", "SAN ZHANG", *ZHANG_SAN, "--bank", "ICBC")
    assert "skip it" not in out


def test_with_every_form_refused_the_check_says_what_to_ask_the_bank(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sukarno = ("--given", "Sukarno")
    code, out, _ = run(capsys, "check", "Sukarno", *sukarno, "--bank", "ICBC", "--refused", "SUKARNO")
    assert code == 1
    assert "No other form is left to try." in out
    assert "Ask the bank how it wrote your name, letter for letter" in out
    assert (
        "请问我的银行账户上登记的英文姓名具体是怎么写的" in out
    )  # the question to show, docs/card-refused.md
    _, out, _ = run(
        capsys, "check", "Sukarno", *sukarno, "--bank", "ICBC", "--lang", "zh", "--refused", "SUKARNO"
    )
    assert "没有其他写法可以尝试了。" in out
    assert "请向银行询问账户上登记的姓名" in out


def test_check_json_holds_the_next_forms_with_their_ranks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "SAN ZHANG", *ZHANG_SAN, "--bank", "ICBC", "--json")
    document = json.loads(out)
    assert code == 1
    assert document["status"] == "plausible"
    assert [(f["text"], f["rank"]) for f in document["next"]][:2] == [("ZHANG SAN", 1), ("Zhang San", 2)]


def test_check_in_chinese_names_the_next_forms(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "ZHANG SAN", *ZHANG_SAN, "--bank", "ICBC", "--lang", "zh")
    assert "如果微信仍然提示姓名不一致，可能是开户网点记录的写法不同，请依次试试：" in out


# -- learn -------------------------------------------------------------------------------------


def test_learn_counts_a_log_and_merges_into_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log, into = tmp_path / "log.csv", tmp_path / "observations.csv"
    write_log(log, [f"ICBC,{NO_SPACE},true", f"工行,{NO_SPACE},true", f"ICBC,{RANK_ONE},false"])
    code, out, _ = run(capsys, "learn", str(log), "--into", str(into))
    assert code == 0
    assert "3 rows read, 3 counted, 0 refused" in out
    pattern = {c.text: c.pattern for c in candidates(NAME, "ICBC")}
    assert learned_counts(into).count("ICBC", pattern["ZHANGSAN"]) == (2, 0)
    assert learned_counts(into).count("ICBC", pattern["ZHANG SAN"]) == (0, 1)
    run(capsys, "learn", str(log), "--into", str(into))  # merged: the counts add up
    assert learned_counts(into).count("ICBC", pattern["ZHANGSAN"]) == (4, 0)
    assert {p.name for p in tmp_path.iterdir()} == {"log.csv", "observations.csv"}  # no temporary file left


def test_learn_without_into_prints_the_observations_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.csv"
    write_log(log, [f"BOC,{NO_SPACE},true"])
    code, out, err = run(capsys, "learn", str(log))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(row["bank"], row["accepted"], row["refused"]) for row in rows] == [("BOC", "1", "0")]
    assert "1 rows read, 1 counted, 0 refused" in err


def test_learn_json_without_into_is_one_json_document_holding_the_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.csv"
    write_log(log, [f"BOC,{NO_SPACE},true", f"BOC,{NO_SPACE},false", f"ICBC,{NO_SPACE},maybe"])
    code, out, err = run(capsys, "learn", str(log), "--json")
    assert code == 1
    document = json.loads(out)  # the CSV used to come first: no JSON at all
    assert (document["rows_read"], document["counted"], document["refused"]) == (3, 2, 1)
    assert document["into"] is None
    [row] = document["observations"]
    assert (row["bank"], row["accepted"], row["refused"]) == ("BOC", 1, 1)
    assert row["pattern"]["order"] == "surname_first"
    assert row["pattern"]["separator"] == "none"
    assert err == ""


def test_learn_json_with_into_leaves_the_counts_in_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log, into = tmp_path / "log.csv", tmp_path / "observations.csv"
    write_log(log, [f"BOC,{NO_SPACE},true"])
    code, out, _ = run(capsys, "learn", str(log), "--into", str(into), "--json")
    assert code == 0
    document = json.loads(out)
    assert document["into"] == str(into)
    assert document["observations"] is None
    assert learned_counts(into).count("BOC", next(iter(learned_counts(into).rows()))[1]) == (1, 0)


def test_learn_says_which_lines_it_refused_without_quoting_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log, into = tmp_path / "log.csv", tmp_path / "observations.csv"
    rows = [
        f"ICBC,{NO_SPACE},true",
        f"NOBANK,{NO_SPACE},true",  # line 3: no such bank
        "ICBC,surname_first,none,none,JOHN,icao,upper,false,true",  # line 4: name text in a pattern cell
        f"ICBC,{NO_SPACE},perhaps",  # line 5
        "ICBC,surname_first",  # line 6: short
    ]
    write_log(log, rows)
    code, out, _ = run(capsys, "learn", str(log), "--into", str(into), "--json")
    summary = json.loads(out)
    assert code == 1
    assert (summary["rows_read"], summary["counted"], summary["refused"]) == (5, 1, 4)
    assert [bad["line"] for bad in summary["bad_rows"]] == [3, 4, 5, 6]
    assert "JOHN" not in out
    assert "NOBANK" not in out


def test_learn_warns_that_the_counted_rows_of_a_partly_refused_log_are_merged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Learning the whole log again after fixing its bad row would count the good rows twice.
    log, into = tmp_path / "log.csv", tmp_path / "observations.csv"
    write_log(log, [f"ICBC,{NO_SPACE},true", f"NOBANK,{NO_SPACE},true"])
    code, out, _ = run(capsys, "learn", str(log), "--into", str(into))
    assert code == 1
    assert "learn only those, not the whole log again" in out
    code, _, err = run(capsys, "learn", str(log))  # without --into nothing is merged
    assert code == 1
    assert "not the whole log again" not in err
    write_log(log, [f"ICBC,{NO_SPACE},true", f"ICBC,{NO_SPACE},true"])
    code, out, _ = run(capsys, "learn", str(log), "--into", str(into))
    assert code == 0
    assert "not the whole log again" not in out


def test_a_header_with_an_open_quote_is_said_without_quoting_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The quote swallowed the rows into the header: its message quoted them, a name among them.
    log = tmp_path / "log.csv"
    log.write_text(f'"{HEADER}\nICBC,{NO_SPACE},true\nx,ZHANG SAN PERSONAL,x\n', encoding="utf-8")
    code, _, err = run(capsys, "learn", str(log))
    assert code == 2
    assert "ZHANG SAN" not in err
    assert "line 1: a quote opened there is never closed" in err
    assert err.count("\n") == 1


def test_learn_in_chinese_gives_the_reasons_of_refused_rows_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.csv"
    rows = [
        f"NOBANK,{NO_SPACE},true",  # line 2
        "ICBC,nowhere,none,none,all,icao,upper,false,true",  # line 3
        f"ICBC,{NO_SPACE},perhaps",  # line 4
        "ICBC,surname_first",  # line 5
    ]
    write_log(log, rows)
    code, _, err = run(capsys, "learn", str(log), "--lang", "zh")
    assert code == 1
    assert "  第 2 行：bank 单元格不是银行代码" in err
    assert "  第 3 行：order 单元格的值不是 Pattern 中该字段的有效值" in err
    assert "  第 4 行：accepted 单元格必须是 true 或 false" in err
    assert "  第 5 行：该行有 2 个单元格，但表头至少有 9 列" in err
    assert not re.search("the [a-z]+ cell|the row has", err)
    code, out, _ = run(capsys, "learn", str(log), "--lang", "zh", "--json")
    assert json.loads(out)["bad_rows"][3]["reason"] == "该行有 2 个单元格，但表头至少有 9 列"


@pytest.mark.parametrize("column", ["name", "surname", "given_name", "entered", "text", "mrz", "chinese"])
def test_learn_refuses_a_log_with_a_column_of_name_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str
) -> None:
    log, into = tmp_path / "log.csv", tmp_path / "observations.csv"
    write_log(log, [f"ICBC,{NO_SPACE},true,Zhang San"], header=f"{HEADER},{column}")
    code, _, err = run(capsys, "learn", str(log), "--into", str(into))
    assert code == 2
    assert "name" in err
    assert err.count("\n") == 1
    assert "Zhang San" not in err
    assert not into.exists()


@pytest.mark.parametrize(
    "text",
    ["", "bank,accepted\nICBC,true\n", "bank,order,separator,given_separator,given_names,spelling,case\n"],
)
def test_learn_refuses_a_log_without_its_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    log = tmp_path / "log.csv"
    log.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "learn", str(log))
    assert code == 2
    assert err.count("\n") == 1


def test_learn_leaves_a_file_it_cannot_merge_with_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log, into = tmp_path / "log.csv", tmp_path / "observations.csv"
    write_log(log, [f"ICBC,{NO_SPACE},true"])
    into.write_text("bank,surname,accepted,refused\n", encoding="utf-8")
    code, _, _ = run(capsys, "learn", str(log), "--into", str(into))
    assert code == 2
    assert into.read_text(encoding="utf-8") == "bank,surname,accepted,refused\n"


def log_lines(count: int) -> Iterator[str]:
    yield HEADER + ",app_version\n"
    codes = ("ICBC", "BOC", "ABC", "CMB")
    for number in range(count):
        pattern = NO_SPACE if number % 3 else RANK_ONE
        yield f"{codes[number % 4]},{pattern},{'true' if number % 2 else 'false'},1.{number}\n"


def peak_bytes(count: int) -> int:
    tracemalloc.start()
    try:
        learned, summary = count_log(log_lines(count), "log", get_bank)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert summary.counted == count
    logged = {c.pattern for c in candidates(NAME, "ICBC") if c.text in ("ZHANGSAN", "ZHANG SAN")}
    assert (
        sum(sum(learned.count(code, pattern)) for code in ("ICBC", "BOC", "ABC", "CMB") for pattern in logged)
        == count
    )
    return peak


def test_learn_streams_in_constant_memory() -> None:
    # Ten times the rows, not ten times the memory (1,000,000 rows: benchmarks/learn_memory.py).
    small, large = peak_bytes(2_000), peak_bytes(20_000)
    assert large < small * 1.5 + 50_000


def test_learn_keeps_only_the_first_bad_line_numbers() -> None:
    lines = [HEADER + "\n", *[f"NOBANK,{NO_SPACE},true\n" for _ in range(BAD_LINES_SHOWN * 3)]]
    _, summary = count_log(lines, "log", get_bank)
    assert summary.refused == BAD_LINES_SHOWN * 3
    assert [line for line, _ in summary.bad_lines] == list(range(2, BAD_LINES_SHOWN + 2))


# -- --observations on format, check, plan and batch -------------------------------------------


@pytest.fixture
def observations_file(tmp_path: Path) -> Path:
    pattern = {c.text: c.pattern for c in candidates(NAME, "ICBC")}
    path = tmp_path / "observations.csv"
    Observations.from_outcomes(
        [Outcome("ICBC", pattern["ZHANGSAN"], True)] * 30
        + [Outcome("ICBC", pattern["ZHANG SAN"], False)] * 30
    ).write_csv(path)
    return path


def test_format_check_plan_and_batch_rank_with_observations(
    observations_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seen = ["--observations", str(observations_file)]
    _, out, _ = run(capsys, "format", *ZHANG_SAN, "--bank", "ICBC", "--json", *seen)
    assert json.loads(out)["results"][0]["expected"] == "ZHANGSAN"
    _, out, _ = run(capsys, "format", *ZHANG_SAN, "--bank", "ICBC", "--json")
    assert json.loads(out)["results"][0]["expected"] == "ZHANG SAN"
    code, _, _ = run(capsys, "check", "ZHANGSAN", *ZHANG_SAN, "--bank", "ICBC", *seen)
    assert code == 0
    code, out, _ = run(capsys, "plan", *ZHANG_SAN, "--bank", "ICBC", "--bank", "ABC", "--json", *seen)
    assert code == 0
    assert json.loads(out)["shared"][0]["text"] == "ZHANGSAN"
    names = tmp_path / "names.csv"
    names.write_text("surname,given_names,bank\nZhang,San,ICBC\nZhang,San,BOC\n", encoding="utf-8")
    _, out, _ = run(capsys, "batch", str(names), *seen)
    assert [row["expected"] for row in csv.DictReader(io.StringIO(out))] == ["ZHANGSAN", "SAN ZHANG"]


def test_format_describes_a_learned_rank_one_by_the_row_it_follows(
    observations_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ZHANGSAN learned at ICBC was shown beside "reported, surname first, one space"."""
    seen = ["--observations", str(observations_file)]
    _, out, _ = run(capsys, "format", *ZHANG_SAN, "--bank", "ICBC", "--bank", "BOC", *seen)
    icbc = next(line for line in out.splitlines() if line.startswith("ICBC"))
    assert "ZHANGSAN" in icbc
    assert "inferred" in icbc
    assert "no space" in icbc
    assert "one space" not in icbc
    boc = next(line for line in out.splitlines() if line.startswith("BOC"))
    assert "reported" in boc
    assert "Your observations moved a name to type up" in out
    _, out, _ = run(capsys, "format", *ZHANG_SAN, "--bank", "ICBC", "--json", *seen)
    assert json.loads(out)["results"][0]["evidence"] == "inferred"
    _, out, _ = run(capsys, "format", *ZHANG_SAN, "--bank", "ICBC")
    assert "reported" in out
    assert "observations" not in out


def test_format_marks_a_learned_rank_one_inferred_when_its_row_writes_it_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first given name alone learned (ZHANG SAN for Zhang San Feng): the layout is the row's,
    and still the name to type rests on the outcomes, not the row's source."""
    log, into = tmp_path / "log.csv", tmp_path / "observations.csv"
    write_log(log, ["ICBC,surname_first,space,space,first,icao,upper,false,true"] * 30)
    assert run(capsys, "learn", str(log), "--into", str(into))[0] == 0
    _, out, _ = run(
        capsys,
        "format",
        "--surname",
        "Zhang",
        "--given",
        "San Feng",
        "--bank",
        "ICBC",
        "--observations",
        str(into),
    )
    icbc = next(line for line in out.splitlines() if line.startswith("ICBC"))
    assert "ZHANG SAN " in icbc
    assert "inferred" in icbc
    assert "reported" not in icbc


def test_an_unreadable_observations_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "format", *ZHANG_SAN, "--observations", str(tmp_path / "missing.csv"))
    assert code == 2
    assert "missing.csv" in err


def test_check_names_refused_texts_that_are_no_candidate(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys,
        "check",
        "ZHANG SAN",
        *ZHANG_SAN,
        "--bank",
        "ICBC",
        "--refused",
        "ZHANG  SAN",
        "--refused",
        "Zhang San",
    )
    assert 'typed by hand?): "ZHANG  SAN".' in out
    assert '"Zhang San"' not in out.split("typed by hand")[1]
    _, out, _ = run(capsys, "check", "ZHANG SAN", *ZHANG_SAN, "--bank", "ICBC", "--refused", "Zhang San")
    assert "typed by hand" not in out


def test_format_all_in_chinese_says_what_a_learned_rank_rests_on(
    observations_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(
        capsys,
        "format",
        *ZHANG_SAN,
        "--bank",
        "ICBC",
        "--all",
        "--lang",
        "zh",
        "--observations",
        str(observations_file),
    )
    first = next(line for line in out.splitlines() if line.strip().startswith("1."))
    assert "ZHANGSAN" in first
    assert "试过 30 次，被接受 30 次（不计观察数据时排第 3 位）" in first


LEARN_CHILD = """
import json, resource, sys
from wxpay_names.cli import main
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
code = main(["learn", "-", "--json"])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"exit": code, "before_kib": before, "peak_kib": peak}), file=sys.stderr)
"""


def test_learn_counts_a_million_rows_in_constant_memory() -> None:
    # The Must show of issue 16, literally: a 1,000,000-row log streamed through `learn` in a
    # process of its own, whose peak memory is its memory after imports (Linux: KiB).
    child = subprocess.Popen(
        [sys.executable, "-c", LEARN_CHILD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert child.stdin is not None
    chunk: list[str] = []
    for line in log_lines(1_000_000):
        chunk.append(line)
        if len(chunk) == 10_000:
            child.stdin.write("".join(chunk))
            chunk.clear()
    child.stdin.write("".join(chunk))
    out, err = child.communicate()
    report = json.loads(err.strip().splitlines()[-1])
    summary = json.loads(out)  # with --json, the one document on standard output holds the counts
    assert report["exit"] == 0
    assert (summary["rows_read"], summary["counted"]) == (1_000_000, 1_000_000)
    assert sum(row["accepted"] + row["refused"] for row in summary["observations"]) == 1_000_000
    assert report["peak_kib"] - report["before_kib"] < 8 * 1024


def test_a_log_row_with_an_open_quote_refuses_the_log_and_a_malformed_row_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The quote swallowed every later row into one cell, silently.
    log = tmp_path / "log.csv"
    write_log(log, [f"ICBC,{NO_SPACE},true", f'"ICBC,{NO_SPACE},true', f"ICBC,{NO_SPACE},true"])
    code, _, err = run(capsys, "learn", str(log))
    assert code == 2
    assert "line 3: a quote opened there is never closed" in err
    write_log(log, [f'"ICBC"x,{NO_SPACE},true', f"ICBC,{NO_SPACE},true"])
    code, _, err = run(capsys, "learn", str(log))
    assert code == 1
    assert "2 rows read, 1 counted, 1 refused" in err
    assert "line 2: the row is not valid CSV" in err


def test_a_refused_log_row_keeps_the_lines_its_open_quote_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The strict reader stops at "ICBC"x; the quote opened after it closes on the next line,
    # which was read (and refused) as a row of its own.
    log = tmp_path / "log.csv"
    write_log(log, ['"ICBC"x,"a', 'b",true', f"ICBC,{NO_SPACE},true"])
    code, _, err = run(capsys, "learn", str(log))
    assert code == 1
    assert "2 rows read, 1 counted, 1 refused" in err
    assert "line 2: the row is not valid CSV" in err
    write_log(log, ['"ICBC"x,"a', f"ICBC,{NO_SPACE},true"])
    code, _, err = run(capsys, "learn", str(log))
    assert code == 2
    assert "line 2: a quote opened there is never closed" in err


def test_a_refused_row_whose_quote_holds_more_than_a_cell_may_refuses_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The re-read of the refused row stopped at the csv field limit (131,072 characters) and
    # strict reading went on from inside the quote: some 2,400 rows vanished, exit 1.
    log = tmp_path / "log.csv"
    write_log(log, ['"ICBC"x,"a', *[f"ICBC,{NO_SPACE},true"] * 5000])
    code, _, err = run(capsys, "learn", str(log))
    assert code == 2
    assert "line 2: a quote opened there is never closed" in err


def test_a_log_row_with_spaces_after_a_closing_quote_is_read_as_the_batch_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The strict reader refuses "ICBC" ,…; the batch read such a row, learn refused it.
    log = tmp_path / "log.csv"
    write_log(log, [f'"ICBC" ,{NO_SPACE},true', f"ICBC,{NO_SPACE},true"])
    code, _, err = run(capsys, "learn", str(log))
    assert code == 0
    assert "2 rows read, 2 counted, 0 refused" in err


def test_a_log_row_with_a_cell_past_the_field_limit_is_said_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # It was said as "a quote closes inside a cell".
    log = tmp_path / "log.csv"
    write_log(log, ['ICBC,"' + "a" * 200_000 + '",x', f"ICBC,{NO_SPACE},true"])
    code, _, err = run(capsys, "learn", str(log))
    assert code == 1
    assert "2 rows read, 1 counted, 1 refused" in err
    assert "a cell is longer than 131,072 characters" in err


def test_a_bank_of_ones_own_coded_like_a_packaged_alias_keeps_its_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """PINGAN is the packaged PAB's alias: counts learned for a bank of one's own coded PINGAN
    were read back as PAB's and never applied."""
    fixture = (Path(__file__).parent / "fixtures" / "banks.csv").read_text(encoding="utf-8")
    banks = tmp_path / "banks.csv"
    banks.write_text(fixture.replace("\nTEST,", "\nPINGAN,"), encoding="utf-8")
    log, into = tmp_path / "log.csv", tmp_path / "observations.csv"
    write_log(log, [f"PINGAN,{NO_SPACE},true"] * 30)
    assert run(capsys, "learn", str(log), "--into", str(into), "--banks-file", str(banks))[0] == 0
    assert learned_counts(into).banks() == {"PINGAN"}
    code, out, _ = run(
        capsys,
        "format",
        *ZHANG_SAN,
        "--bank",
        "PINGAN",
        "--banks-file",
        str(banks),
        "--observations",
        str(into),
    )
    assert code == 0
    assert "ZHANGSAN" in out


def test_learn_refuses_an_observations_file_given_as_a_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Read as a log, a row of counts 1,40 was one acceptance, its 40 refusals lost."""
    log, into = tmp_path / "observations.csv", tmp_path / "into.csv"
    write_log(log, [f"ICBC,{NO_SPACE},1,40"], header=f"{HEADER},refused")
    code, _, err = run(capsys, "learn", str(log), "--into", str(into))
    assert code == 2
    assert "observations file" in err
    assert "merge" in err
    assert not into.exists()


@pytest.mark.parametrize(
    ("header", "said"),
    [(HEADER.replace(",", ";"), "semicolons"), (HEADER.replace("bank,", "Bank,"), "")],
)
def test_learn_reads_column_names_in_any_case_and_says_a_semicolon_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str, said: str
) -> None:
    log = tmp_path / "log.csv"
    write_log(log, [f"ICBC,{NO_SPACE},true".replace(",", ";" if said else ",")], header=header)
    code, out, err = run(capsys, "learn", str(log))
    if said:
        assert code == 2
        assert said in err
    else:
        assert code == 0
        assert "ICBC,surname_first,none" in out


@pytest.mark.parametrize("column", ["entered_at", "typedTime", "context"])
def test_a_time_or_context_column_is_not_taken_for_name_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str
) -> None:
    """An app's log with the time a form was entered, or a context, was refused whole as "may
    hold a person's name"; the column is ignored like any other."""
    log = tmp_path / "log.csv"
    write_log(log, [f"ICBC,{NO_SPACE},true,x"], header=f"{HEADER},{column}")
    code, out, err = run(capsys, "learn", str(log))
    assert code == 0
    assert "ICBC,surname_first,none" in out
    assert "name" not in err.lower() or "Ignored" in err
