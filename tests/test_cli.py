"""The command-line checker: ``main(argv)`` in-process, and a few runs of ``python -m wxpay_names``.

In-process tests read the fixture bank file through ``--banks-file``; the subprocess tests
run the installed tool as a person would, on the packaged ``data/banks.csv``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from wxpay_names import (
    Bank,
    BankRegistry,
    Candidate,
    CardPlan,
    NameCheck,
    PassportName,
    candidates,
    get_bank,
)
from wxpay_names.cli import main
from wxpay_names.cli_args import bank_list
from wxpay_names.cli_render import display_width, table
from wxpay_names.registry import BANK_COLUMNS

FIXTURE_BANKS = str(Path(__file__).parent / "fixtures" / "banks.csv")
ZHANG_SAN = ["--surname", "Zhang", "--given", "San"]
# ICAO 9303 Part 4's specimen TD3 passport.
SPECIMEN_MRZ = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--banks-file", FIXTURE_BANKS])
    out, err = capsys.readouterr()
    return code, out, err


def cells(line: str) -> list[str]:
    """The cells of a table line: text two or more spaces apart."""
    return re.split(r"\s{2,}", line.strip())


def table_row(out: str, first: str) -> list[str]:
    """The cells of the first table line whose first cell is *first*."""
    for line in out.splitlines():
        if cells(line)[0] == first:
            return cells(line)
    raise AssertionError(f"no line for {first} in:\n{out}")


def assert_one_line_error(err: str) -> None:
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err


# --- format -------------------------------------------------------------------------------


def test_format_prints_each_fixture_bank_rank_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "format", *ZHANG_SAN)
    assert (code, err) == (0, "")
    expected = {
        "ICBC": "ZHANG SAN",
        "ABC": "ZHANGSAN",
        "CMB": "ZHANG SAN",
        "BOC": "SAN ZHANG",
        "TEST": "ZHANG SAN",
    }
    for bank, text in expected.items():
        assert table_row(out, bank)[1] == text
    assert table_row(out, "BOC")[2] == "reported"
    assert table_row(out, "TEST")[2] == "unknown"
    assert "unknown: no public source" in out  # the TEST row's evidence is explained


def test_format_columns_line_up(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "format", *ZHANG_SAN, "--lang", "zh")
    rows = [line for line in out.splitlines() if line.split("  ")[0] in {"ICBC", "ABC", "BOC", "银行"}]
    starts = {
        display_width(line[: line.index(text)])
        for line, text in zip(rows, ("应输入", "ZHANG", "ZHANGSAN", "SAN"), strict=True)
    }
    assert len(starts) == 1, rows


def test_format_named_banks_in_the_order_given_each_once(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "format", *ZHANG_SAN, "--bank", "中行", "--bank", "icbc", "--bank", "BOC")
    assert code == 0
    listed = [
        line.split("  ")[0] for line in out.splitlines() if line.startswith(("BOC", "ICBC", "ABC", "CMB"))
    ]
    assert listed == ["BOC", "ICBC"]


def test_format_all_numbers_every_candidate(
    capsys: pytest.CaptureFixture[str], registry: BankRegistry
) -> None:
    code, out, _ = run(capsys, "format", *ZHANG_SAN, "--all", "--bank", "ICBC")
    assert code == 0
    expected = candidates(PassportName(surname="Zhang", given_names="San"), registry.get("ICBC"))
    numbered = [cells(line) for line in out.splitlines() if line.strip()[:1].isdigit()]
    assert len(numbered) == len(expected) > 3
    assert [row[0] for row in numbered] == [f"{rank}." for rank in range(1, len(expected) + 1)]
    assert [row[1] for row in numbered] == [candidate.text for candidate in expected]
    assert [row[1] for row in numbered[:2]] == ["ZHANG SAN", "Zhang San"]


def test_format_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "format", *ZHANG_SAN, "--json", "--bank", "ABC", "--bank", "BOC")
    assert code == 0
    document = json.loads(out)
    assert set(document) == {"name", "reading_notes", "results"}
    assert document["reading_notes"] == []  # a name read from Chinese characters has some
    assert PassportName.model_validate(document["name"]) == PassportName(surname="Zhang", given_names="San")
    assert [result["bank"] for result in document["results"]] == ["ABC", "BOC"]
    assert [result["expected"] for result in document["results"]] == ["ZHANGSAN", "SAN ZHANG"]
    for result in document["results"]:
        assert set(result) == {"bank", "evidence", "expected", "candidates"}
        [only] = [Candidate.model_validate(c) for c in result["candidates"]]
        assert (only.rank, only.text) == (1, result["expected"])


def test_format_json_all_lists_every_candidate(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "format", "--surname", "Müller", "--given", "Jürgen", "--json", "--all", "--bank", "BOC"
    )
    [result] = json.loads(out)["results"]
    texts = [Candidate.model_validate(c).text for c in result["candidates"]]
    assert texts[0] == "JUERGEN MUELLER"
    assert "JURGEN MULLER" in texts  # the folded spelling is a candidate
    assert [c["rank"] for c in result["candidates"]] == list(range(1, len(texts) + 1))


def test_format_reads_a_positional_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "format", "ZHANG,", "San", "--bank", "BOC", "--json")
    assert code == 0
    assert json.loads(out)["results"][0]["expected"] == "SAN ZHANG"


def test_format_reads_an_mrz_given_line_by_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "format", "--mrz", SPECIMEN_MRZ[0], "--mrz", SPECIMEN_MRZ[1], "--bank", "ICBC"
    )
    assert code == 0, err
    assert table_row(out, "ICBC")[1] == "ERIKSSON ANNA MARIA"
    assert "machine-readable zone" in out.splitlines()[0]


def test_format_reads_chinese_characters(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "format", "--chinese", "欧阳娜娜", "--bank", "ABC", "--json")
    assert code == 0, err
    document = json.loads(out)
    assert document["results"][0]["expected"] == "OUYANGNANA"
    assert document["name"]["chinese"] == "欧阳娜娜"


def test_format_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "format", *ZHANG_SAN, "--lang", "zh", "--bank", "BOC")
    assert code == 0
    assert "应输入的姓名" in out
    assert table_row(out, "BOC")[1:3] == ["SAN ZHANG", "有资料可查"]
    assert "中国银行" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["format"],  # no name
        ["format", *ZHANG_SAN, "--chinese", "张三"],  # two names
        ["format", "ZHANG, San", "--mrz", "ZHANG<<SAN"],
    ],
)
def test_format_wants_the_name_one_way(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert_one_line_error(err)
    assert "one way" in err


def test_a_refused_name_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "format", "--surname", "Zh4ng", "--given", "San")
    assert (code, out) == (2, "")
    assert_one_line_error(err)
    assert err.startswith("wxpay-names: ")
    assert "'4'" in err


def test_a_refused_name_in_json_mode_is_one_json_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "format", "--surname", "Zh4ng", "--json")
    assert code == 2
    assert_one_line_error(err)
    # The JSON on stdout, where a pipe to jq reads it; the reason for a person on stderr.
    assert json.loads(out)["error"]["code"] == "INVALID_CHARACTER"
    assert json.loads(out)["error"]["message"] in err


def test_an_unknown_bank_lists_the_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "format", *ZHANG_SAN, "--bank", "NOPE")
    assert code == 2
    assert_one_line_error(err)
    assert "NOPE" in err
    assert "Known codes: ICBC, ABC, CMB, BOC, TEST." in err


def test_an_error_in_chinese_gives_the_wording_and_the_details(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "format", "--surname", "Zh4ng", "--lang", "zh")
    assert code == 2
    assert_one_line_error(err)
    assert "姓名中有数字" in err
    assert "详情（英文）：The surname holds '4'" in err


def test_an_unknown_bank_in_chinese_is_all_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "format", *ZHANG_SAN, "--bank", "ICBCC", "--lang", "zh")
    assert code == 2
    assert_one_line_error(err)
    assert "找不到名为“ICBCC”的银行。您要找的是不是 ICBC 中国工商银行？" in err
    assert "详情" not in err


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["colour"],
        ["format", "--bogus"],
        ["format", *ZHANG_SAN, "--lang", "fr"],
        ["check", "ZHANG SAN", *ZHANG_SAN],  # no --bank
        ["banks", "--jsn"],  # no abbreviations: a typo is refused, not guessed
    ],
)
def test_unusable_arguments_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert_one_line_error(err)
    assert err.startswith("wxpay-names")


def test_argument_errors_in_json_mode_are_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "format", *ZHANG_SAN, "--lang", "fr", "--json")
    assert code == 2
    assert json.loads(out)["error"]["code"] == "USAGE"
    assert_one_line_error(err)


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "format" in capsys.readouterr().out
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("wxpay-names ")


def test_a_missing_banks_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["banks", "--banks-file", str(tmp_path / "none.csv")])
    _, err = capsys.readouterr()
    assert code == 2
    assert_one_line_error(err)
    assert "none.csv" in err


@pytest.mark.parametrize(
    ("content", "lead"),
    [
        (None, "无法读取银行数据文件"),
        ("", "银行数据文件是空的"),
        (",".join(BANK_COLUMNS) + "\n", "银行数据文件只有表头"),
    ],
)
def test_a_banks_file_that_is_no_table_is_said_so_in_chinese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | None, lead: str
) -> None:
    # The Chinese once said "the bank file has malformed rows" of a file that does not exist.
    path = tmp_path / "banks.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code = main(["format", "--surname", "Zhang", "--given", "San", "--banks-file", str(path), "--lang", "zh"])
    _, err = capsys.readouterr()
    assert code == 2
    assert_one_line_error(err)
    assert err.startswith(f"wxpay-names: {lead}")
    assert "格式错误" not in err
    assert f"详情（英文）：{path}" in err


def test_a_defect_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr("wxpay_names.cli.candidates", broken)
    code, _, err = run(capsys, "format", *ZHANG_SAN)
    assert code == 2
    assert_one_line_error(err)
    assert "internal error" in err
    assert "boom" in err


# --- check (diagnosis: issue 5) -----------------------------------------------------------


def next_forms(out: str) -> list[str]:
    """The texts of the numbered next forms a check prints after its verdict."""
    return [cells(line)[1] for line in out.splitlines() if re.match(r"^  +\d+\.  ", line)]


def test_check_match_exits_0_saying_what_to_try_if_refused_all_the_same(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "check", "ZHANG SAN", "--bank", "ICBC", *ZHANG_SAN)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == 'Matches: "ZHANG SAN" is what ICBC most likely holds.'
    assert "the branch may have written the name differently" in out
    found = [
        candidate.text for candidate in candidates(PassportName(surname="Zhang", given_names="San"), "ICBC")
    ]
    # The bank's other candidates, in order, without the text typed.
    assert next_forms(out) == found[1:6]
    assert len(next_forms(out)) >= 3


def test_check_plausible_exits_1_and_lists_the_difference(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "Zhang San", "--bank", "ICBC", *ZHANG_SAN)
    assert code == 1
    verdict, *rest = out.splitlines()
    assert verdict.startswith("A form the bank might hold:")
    assert verdict.endswith('the likeliest is "ZHANG SAN".')
    assert any(line.startswith("  - CASE_DIFFERS: ") for line in rest)
    assert next_forms(out)[0] == "ZHANG SAN"
    assert "Zhang San" not in next_forms(out)


def test_check_mismatch_exits_1_with_problems(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "ZHANG SAM", "--bank", "ICBC", *ZHANG_SAN)
    assert code == 1
    verdict, *rest = out.splitlines()
    assert verdict.startswith("Does not match:")
    problems = [line for line in rest if line.startswith("  - ")]
    assert problems
    assert next_forms(out)[:2] == ["ZHANG SAN", "Zhang San"]


def test_check_json_is_the_name_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "SAN ZHANG", "--bank", "ICBC", *ZHANG_SAN, "--json")
    assert code == 1
    document = json.loads(out)
    assert (document["bank"], document["name"]["surname"]) == ("ICBC", "Zhang")
    result = NameCheck.model_validate(
        {k: v for k, v in document.items() if k not in {"bank", "name", "reading_notes", "ok", "next"}}
    )
    assert (result.status, result.expected, document["ok"]) == ("plausible", "ZHANG SAN", False)
    assert "ORDER_SWAPPED" in [problem.code for problem in result.problems]


def test_check_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "ZHANG SAN", "--bank", "工行", *ZHANG_SAN, "--lang", "zh")
    assert code == 0
    assert out.startswith("一致：")
    assert "开户网点" in out
    code, out, _ = run(capsys, "check", "Zhang San", "--bank", "工行", *ZHANG_SAN, "--lang", "zh")
    assert out.startswith("可能一致：")


# --- banks --------------------------------------------------------------------------------


def test_banks_lists_conventions_and_sources(
    capsys: pytest.CaptureFixture[str], fixture_banks: tuple[Bank, ...]
) -> None:
    code, out, _ = run(capsys, "banks")
    assert code == 0
    for bank in fixture_banks:
        assert f"{bank.code}  {bank.name_en} / {bank.name_zh}" in out
        assert bank.source in out
    assert "given names first, one space: SAN ZHANG [reported]" in out
    # How several given names are spaced, and the case, each with their own evidence.
    assert "given names  a space between several [inferred]" in out
    assert "case         upper [inferred]" in out


def test_banks_in_chinese_mark_the_evidence_in_full_width_parentheses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "banks", "--lang", "zh")
    assert code == 0
    assert "先名后姓，中间有空格：SAN ZHANG（有资料可查）" in out
    for word in ("有资料可查", "推断", "暂无资料"):  # no ASCII bracket around an evidence word
        assert f"[{word}]" not in out
    assert "名字之间有空格（推断）" in out


def test_banks_in_chinese_show_the_note_in_chinese_and_the_source_as_written(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The packaged file, which has note_zh.
    code = main(["banks", "--bank", "BOC", "--lang", "zh"])
    out = capsys.readouterr().out
    assert code == 0
    bank = get_bank("BOC")
    rows = [cells(line) for line in out.splitlines()]
    assert ["备注", bank.note_zh] in rows
    assert bank.note not in out
    assert ["来源（原文）", bank.source] in rows
    assert ["链接", bank.source_url] in rows  # the label in Chinese too
    # In English, the English note alone.
    assert main(["banks", "--bank", "BOC"]) == 0
    out = capsys.readouterr().out
    assert bank.note in out
    assert bank.note_zh not in out
    assert "来源" not in out


def test_banks_in_chinese_mark_an_english_note_when_the_file_has_no_note_zh(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The fixture has no note_zh column: the English note, said to be English.
    code, out, _ = run(capsys, "banks", "--bank", "ICBC", "--lang", "zh")
    assert code == 0
    icbc = BankRegistry.from_csv(FIXTURE_BANKS).get("ICBC")
    assert ["备注", f"（英文）{icbc.note}"] in [cells(line) for line in out.splitlines()]


def test_format_all_in_chinese_heads_each_bank_without_nested_parentheses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "format", "ZHANG, San", "--bank", "ICBC", "--all", "--lang", "zh")
    assert code == 0
    assert "ICBC  中国工商银行：有资料可查；先姓后名，中间有空格，全部大写（推断）" in out.splitlines()


def test_banks_json_round_trips(capsys: pytest.CaptureFixture[str], fixture_banks: tuple[Bank, ...]) -> None:
    code, out, _ = run(capsys, "banks", "--json")
    assert code == 0
    assert tuple(Bank.model_validate(row) for row in json.loads(out)["banks"]) == fixture_banks


# --- plan (issue 10) ----------------------------------------------------------------------


def test_plan_compatible_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan", "--bank", "ICBC", "--bank", "CMB", *ZHANG_SAN)
    assert code == 0
    assert out.splitlines()[0] == 'ONE NAME FITS: type "ZHANG SAN"; it is the likeliest form at ICBC, CMB.'


def test_plan_incompatible_exits_1_and_shows_each_banks_rank_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan", "--bank", "ICBC", "--bank", "BOC", *ZHANG_SAN)
    assert code == 1
    assert out.startswith("NO NAME IS THE LIKELIEST AT EVERY BANK")
    assert table_row(out, "ICBC") == ["ICBC", "ZHANG SAN"]
    assert table_row(out, "BOC") == ["BOC", "SAN ZHANG"]
    assert table_row(out, "ZHANG SAN")[1].startswith("ICBC #1, BOC #")


def test_plan_json_is_the_card_plan(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan", "--bank", "ABC", "--bank", "BOC", *ZHANG_SAN, "--json")
    assert code == 1
    document = json.loads(out)
    assert document["expected"] == {"ABC": "ZHANGSAN", "BOC": "SAN ZHANG"}
    added = {"expected", "name", "reading_notes"}
    plan = CardPlan.model_validate({k: v for k, v in document.items() if k not in added})
    assert (plan.banks, plan.compatible) == (("ABC", "BOC"), False)


def test_plan_needs_two_different_banks(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "plan", "--bank", "ICBC", "--bank", "工行", *ZHANG_SAN)
    assert code == 2
    assert_one_line_error(err)
    assert "two or more" in err


# --- rendering helpers --------------------------------------------------------------------


def test_table_aligns_wide_characters() -> None:
    lines = table([["中国银行", "x"], ["BOC", "y"]])
    assert [display_width(line[:-1]) for line in lines] == [10, 10]


# --- through python -m, as a person runs it -----------------------------------------------


def run_module(
    *argv: str, stdin: str | None = None, lang: str = "C.UTF-8"
) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LC_MESSAGES")}
    return subprocess.run(
        [sys.executable, "-m", "wxpay_names", *argv],
        input=stdin,
        env={**environment, "LANG": lang},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )


def test_module_format_prints_the_seeds_four_forms() -> None:
    result = run_module("format", "--surname", "Zhang", "--given", "San")
    assert (result.returncode, result.stderr) == (0, "")
    seed = {"ICBC": "ZHANG SAN", "ABC": "ZHANGSAN", "CMB": "ZHANG SAN", "BOC": "SAN ZHANG"}
    for bank, text in seed.items():
        assert table_row(result.stdout, bank)[1] == text


def test_module_format_json() -> None:
    result = run_module("format", "--surname", "Zhang", "--given", "San", "--json", "--bank", "BOC")
    assert result.returncode == 0
    assert json.loads(result.stdout)["results"][0]["expected"] == "SAN ZHANG"


@pytest.mark.parametrize(
    ("argv", "exit_code", "check"),
    [
        (["check", "ZHANG SAN", "--bank", "ICBC", *ZHANG_SAN], 0, "Matches:"),
        (["check", "Zhang San", "--bank", "ICBC", *ZHANG_SAN, "--json"], 1, '"status": "plausible"'),
        (["banks"], 0, "ICBC  Industrial and Commercial Bank of China"),
        (["banks", "--json", "--bank", "ABC"], 0, '"code": "ABC"'),
        (["plan", "--bank", "ICBC", "--bank", "CMB", *ZHANG_SAN], 0, "ONE NAME FITS"),
        (["plan", "--bank", "ICBC", "--bank", "BOC", *ZHANG_SAN, "--json"], 1, '"compatible": false'),
    ],
)
def test_module_commands_and_exit_codes(argv: list[str], exit_code: int, check: str) -> None:
    result = run_module(*argv)
    assert result.returncode == exit_code, result.stderr
    assert check in result.stdout
    if "--json" in argv:
        json.loads(result.stdout)


@pytest.mark.parametrize(
    "argv",
    [
        ["format", "--surname", "Zh4ng"],
        ["format", "--lang", "fr", "--surname", "Zhang"],
        ["check", "ZHANG SAN", "--bank", "NOPE", *ZHANG_SAN, "--json"],
    ],
)
def test_module_unusable_input_exits_2_with_one_line(argv: list[str]) -> None:
    result = run_module(*argv)
    assert result.returncode == 2
    assert_one_line_error(result.stderr)
    if "--json" in argv:
        assert json.loads(result.stdout)["error"]["code"] == "UNKNOWN_BANK"
    else:
        assert result.stdout == ""


# --- the name given as text: ENTERED first, then the name ---------------------------------


def test_check_usage_puts_entered_before_the_name() -> None:
    usage = " ".join(run_module("check", "--help").stdout.split())
    assert "[ENTERED] [NAME ...]" in usage


@pytest.mark.parametrize(
    ("argv", "exit_code", "verdict"),
    [
        (["check", "JOHN SMITH", "SMITH, John", "--bank", "BOC"], 0, 'Matches: "JOHN SMITH"'),
        (
            ["check", "SAN ZHANG", "ZHANG, San", "--bank", "ICBC"],
            1,
            'A form the bank might hold: "SAN ZHANG"',
        ),
        # Options between the two texts, and a name given in words, read the same way.
        (["check", "JOHN SMITH", "--bank", "BOC", "SMITH,", "John"], 0, 'Matches: "JOHN SMITH"'),
        (
            ["check", "--bank", "BOC", "SMITH JOHN", "SMITH, John"],
            1,
            'A form the bank might hold: "SMITH JOHN"',
        ),
    ],
)
def test_module_check_reads_entered_then_a_positional_name(
    argv: list[str], exit_code: int, verdict: str
) -> None:
    result = run_module(*argv)
    assert (result.returncode, result.stderr) == (exit_code, "")
    assert result.stdout.startswith(verdict)


def test_module_check_json_with_a_positional_name() -> None:
    result = run_module("check", "SAN ZHANG", "ZHANG, San", "--bank", "ICBC", "--json")
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    assert (document["entered"], document["expected"]) == ("SAN ZHANG", "ZHANG SAN")
    assert (document["name"]["surname"], document["name"]["given_names"]) == ("ZHANG", "San")


@pytest.mark.parametrize(
    "argv",
    [
        ["format", "SMITH, John", "--bank", "BOC", "--json"],
        ["format", "--bank", "BOC", "SMITH,", "John", "--json"],
        ["format", "SMITH,", "--bank", "BOC", "John", "--json"],  # words on both sides of an option
    ],
)
def test_module_format_reads_a_positional_name(argv: list[str]) -> None:
    result = run_module(*argv)
    assert (result.returncode, result.stderr) == (0, "")
    document = json.loads(result.stdout)
    assert (document["name"]["surname"], document["name"]["given_names"]) == ("SMITH", "John")
    assert document["results"][0]["expected"] == "JOHN SMITH"


@pytest.mark.parametrize(
    ("argv", "exit_code", "first_line"),
    [
        (["plan", "ZHANG, San", "--bank", "ICBC", "--bank", "CMB"], 0, 'ONE NAME FITS: type "ZHANG SAN"'),
        (["plan", "--bank", "ICBC", "ZHANG,", "--bank", "BOC", "San"], 1, "NO NAME IS THE LIKELIEST"),
    ],
)
def test_module_plan_reads_a_positional_name(argv: list[str], exit_code: int, first_line: str) -> None:
    result = run_module(*argv)
    assert (result.returncode, result.stderr) == (exit_code, "")
    assert result.stdout.startswith(first_line)


def test_check_without_entered_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--bank", "ICBC", *ZHANG_SAN)
    assert (code, out) == (2, "")
    assert_one_line_error(err)
    assert "ENTERED" in err


@pytest.mark.parametrize("command", ["format", "check", "plan", "banks", "batch"])
def test_an_unknown_option_is_refused_whatever_its_place(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, out, err = run(capsys, command, "--bogus", "ZHANG SAN", "--bank", "ICBC", "--bank", "BOC")
    assert (code, out) == (2, "")
    assert_one_line_error(err)
    assert "--bogus" in err


def test_banks_takes_no_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "banks", "ZHANG SAN")
    assert (code, out) == (2, "")
    assert_one_line_error(err)
    assert "ZHANG SAN" in err


# --- errors speak the command line, not Python ------------------------------------------

# A call such as parse_name() or PassportName(...), or a keyword argument such as surname=.
PYTHON_HINT = re.compile(r"\w\(|\b\w+=")


@pytest.mark.parametrize(
    ("argv", "code", "advice"),
    [
        (["--chinese", "约翰·史密斯"], "TRANSLITERATED_FOREIGN_NAME", "--surname and --given"),
        (["--chinese", "约翰·史密斯"], "TRANSLITERATED_FOREIGN_NAME", "'SMITH, John'"),
        (["--chinese", "张三abc"], "MIXED_SCRIPT", "--chinese takes Chinese characters only"),
        (["--chinese", "John"], "MIXED_SCRIPT", "--surname and --given"),
        (["张三"], "AMBIGUOUS_NAME", "with --chinese"),
        (["--surname", "张", "--given", "三"], "UNSUPPORTED_SCRIPT", "with --chinese"),
        # Parts in two scripts are refused as the name is built (issue 13).
        (["--surname", "Zhang", "--given", "三"], "MIXED_SCRIPT", "with --chinese"),
        (["SAN ZHANG"], "AMBIGUOUS_NAME", "--surname and --given"),
    ],
)
def test_name_errors_give_the_command_lines_way(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: str, advice: str
) -> None:
    exit_code, out, _ = run(capsys, "format", *argv, "--json")
    assert exit_code == 2
    error = json.loads(out)["error"]
    assert error["code"] == code
    assert advice in error["message"]
    assert not PYTHON_HINT.search(error["message"]), error["message"]
    for lang in ("en", "zh"):  # the plain line, and the English details after the Chinese wording
        _, _, err = run(capsys, "format", *argv, "--lang", lang)
        assert_one_line_error(err)
        assert advice in err
        assert not PYTHON_HINT.search(err), err


def test_a_python_hint_the_rules_do_not_know_is_replaced_by_the_cli_ways() -> None:
    from wxpay_names.cli_render import error_message
    from wxpay_names.errors import InvalidNameError

    error = InvalidNameError("The name is odd. Try parse_mrz() instead, or surname=.")
    message = error_message(error, "en")
    assert message.startswith("The name is odd. ")
    assert not PYTHON_HINT.search(message), message
    assert "--surname and --given" in message
    assert "--chinese" in message
    assert "--mrz" in message


def test_an_mrz_hint_names_the_mrz_option() -> None:
    from wxpay_names.front_wording import reworded_advice

    message = reworded_advice(
        "The text begins like the upper line of a machine-readable zone: pass the zone to parse_mrz(), "
        "or write the name as 'SURNAME, Given Names'.",
        "MRZ_FORMAT",
    )
    assert "give the zone with --mrz" in message
    assert not PYTHON_HINT.search(message), message


def test_the_start_of_an_upper_line_is_read_as_a_zone(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "format", "P<UTOERIKSSON<<ANNA<MARIA", "--bank", "ICBC")
    assert code == 0
    assert table_row(out, "ICBC")[1] == "ERIKSSON ANNA MARIA"


def test_text_that_only_looks_like_python_is_kept(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "format", *ZHANG_SAN, "--bank", "ICBC(x)")
    assert code == 2
    assert "No bank is called 'ICBC(x)'." in err


# --- interrupts ---------------------------------------------------------------------------


def test_an_interrupt_of_a_command_that_writes_no_file_says_no_more(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr("wxpay_names.cli.candidates", interrupted)
    code, out, err = run(capsys, "format", *ZHANG_SAN)
    assert (code, out) == (130, "")
    assert err == "wxpay-names: interrupted.\n"
    code, out, err = run(capsys, "format", *ZHANG_SAN, "--json")
    assert code == 130
    assert json.loads(out)["error"] == {"code": "INTERRUPTED", "message": "interrupted."}
    assert err == "wxpay-names: interrupted.\n"


# --- input traps (issue 18) ---------------------------------------------------------------


def test_a_surname_alone_works_and_warns_naming_given(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "format", "--surname", "Zhang", "--bank", "ICBC")
    assert code == 0
    assert table_row(out, "ICBC")[1] == "ZHANG"
    assert_one_line_error(err)
    assert "only a surname" in err
    assert "--given" in err


@pytest.mark.parametrize(
    "name", [("--surname", "Zhang"), ("--chinese", "吕布")], ids=["surname alone", "Chinese"]
)
@pytest.mark.parametrize(
    "command",
    [
        ("format", "--bank", "NOPE"),
        ("plan", "--bank", "ICBC", "--bank", "NOPE"),
        ("check", "ZHANG SAN", "--bank", "ICBC", "--observations", "/no/such/file.csv"),
    ],
    ids=["unknown bank", "unknown second bank", "missing observations"],
)
def test_a_refusal_is_one_line_with_no_warning_before_it(
    capsys: pytest.CaptureFixture[str], name: tuple[str, str], command: tuple[str, ...]
) -> None:
    # The name's warnings (a surname alone, Hanyu Pinyin) are said only when the command runs.
    code, _, err = run(capsys, *command, *name)
    assert code == 2
    assert_one_line_error(err)
    assert "only a surname" not in err
    assert "Hanyu Pinyin" not in err


def test_a_given_name_alone_is_a_one_part_name_without_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "format", "--given", "Zhang", "--bank", "ICBC")
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    ("argv", "stdin"),
    [
        (["format", "--mrz", "-", "--bank", "ICBC"], "\n".join(SPECIMEN_MRZ) + "\n"),
        (["format", "-", "--bank", "ICBC"], "\n".join(SPECIMEN_MRZ) + "\n"),
        (["format", "\n".join(SPECIMEN_MRZ), "--bank", "ICBC"], None),
        (["format", "".join(SPECIMEN_MRZ), "--bank", "ICBC"], None),
        (["format", SPECIMEN_MRZ[0], "--bank", "ICBC"], None),
        (["format", "--mrz", "\n".join(SPECIMEN_MRZ), "--bank", "ICBC"], None),
    ],
)
def test_a_pasted_mrz_is_read_however_it_comes(argv: list[str], stdin: str | None) -> None:
    result = run_module(*argv, stdin=stdin)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert table_row(result.stdout, "ICBC")[1] == "ERIKSSON ANNA MARIA"


def test_a_name_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("ZHANG, San\n"))
    code, out, _ = run(capsys, "format", "-", "--bank", "BOC")
    assert code == 0
    assert table_row(out, "BOC")[1] == "SAN ZHANG"


@pytest.mark.parametrize("argv", [["format", "-"], ["format", "--mrz", "-"], ["preflight", "--mrz", "-"]])
def test_standard_input_that_is_not_utf8_is_said_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    # It was said to hold '\udcff' (U+DCFF SURROGATE), a character the person never typed.
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"ZH\xffNG, San\n"), encoding="utf-8"))
    code, _, err = run(capsys, *argv, "--bank", "ICBC")
    assert code == 2
    assert_one_line_error(err)
    assert "Standard input is not UTF-8 text (byte 0xFF)" in err
    assert "SURROGATE" not in err


def test_standard_input_longer_than_is_read_is_not_said_to_be_as_long_as_what_was_read(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 100,000 characters were said to be "4096 characters long".
    import io

    for stream in (
        io.TextIOWrapper(io.BytesIO(b"A" * 100_000), encoding="utf-8"),
        io.StringIO("A" * 100_000),
    ):
        monkeypatch.setattr("sys.stdin", stream)
        code, _, err = run(capsys, "format", "-", "--bank", "ICBC", "--lang", "zh")
        assert code == 2
        assert_one_line_error(err)
        assert "4096 characters long" not in err
        assert "Standard input holds more than 4,096 characters" in err
        assert err.startswith("wxpay-names: 标准输入超过 4096 个字符")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"A" * 3000), encoding="utf-8"))
    code, _, err = run(capsys, "format", "-", "--bank", "ICBC")
    assert "The name is 3000 characters long" in err  # within what is read: the real length


@pytest.mark.parametrize(
    "argv",
    [
        ["--json", "format", *ZHANG_SAN, "--bank", "ICBC"],
        ["--json", "--lang", "en", "format", *ZHANG_SAN, "--bank", "ICBC"],
        ["--lang=en", "--json", "format", *ZHANG_SAN, "--bank", "ICBC"],
        ["format", *ZHANG_SAN, "--bank", "ICBC", "--json"],
    ],
)
def test_global_options_go_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    assert json.loads(out)["results"][0]["expected"] == "ZHANG SAN"


def test_a_command_option_before_the_command_is_named() -> None:
    result = run_module("--bank", "ICBC", "format", *ZHANG_SAN)
    assert result.returncode == 2
    assert_one_line_error(result.stderr)
    assert "--bank is not an option of wxpay-names itself; put it after a command" in result.stderr


def test_a_bare_call_prints_the_commands() -> None:
    result = run_module()
    assert result.returncode == 2
    for command in ("format", "check", "banks", "plan", "batch"):
        assert re.search(rf"^\s+{command}\s+\S", result.stdout, re.MULTILINE), result.stdout
    assert_one_line_error(result.stderr)  # api.md: every exit 2 says why on stderr
    assert "no command given" in result.stderr
    in_chinese = run_module(lang="zh_CN.UTF-8")
    assert in_chinese.returncode == 2
    assert "未指定命令" in in_chinese.stderr


def test_check_without_entered_names_exactly_that(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--bank", "ICBC", *ZHANG_SAN)
    assert code == 2
    assert_one_line_error(err)
    assert "missing ENTERED" in err
    assert "NAME" not in err.replace("passport name", "")


def test_words_of_an_unquoted_typed_name_get_a_hint_to_quote(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "ZHANG", "SAN", "--bank", "ICBC", *ZHANG_SAN)
    assert code == 2
    assert_one_line_error(err)
    assert 'quote a name of several words (the name as typed: check "ZHANG SAN")' in err
    code, _, err = run(capsys, "format", "--surname", "Zhang", "--given", "San", "Feng")
    assert code == 2
    assert '--given "San Feng"' in err


@pytest.mark.parametrize("banks", [["ICBC,BOC"], ["ICBC，BOC"], ["工行、中行"], ["ICBC, BOC"]])
def test_a_list_of_banks_in_one_option(capsys: pytest.CaptureFixture[str], banks: list[str]) -> None:
    code, out, _ = run(capsys, "format", *ZHANG_SAN, "--json", *[f"--bank={each}" for each in banks])
    assert code == 0
    assert [row["bank"] for row in json.loads(out)["results"]] == ["ICBC", "BOC"]


def test_check_takes_one_bank(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "ZHANG SAN", *ZHANG_SAN, "--bank", "ICBC,BOC")
    assert code == 2
    assert "name one bank" in err


@pytest.mark.parametrize("query", ["ICBCC"])
def test_a_typo_in_a_bank_exits_2_suggesting_the_code(query: str) -> None:
    result = run_module("format", *ZHANG_SAN, "--bank", query)
    assert result.returncode == 2
    assert_one_line_error(result.stderr)
    assert "Did you mean ICBC" in result.stderr


@pytest.mark.parametrize(
    ("query", "code"),
    [("China Merchants", "CMB"), ("中國工商銀行", "ICBC"), ("工商", "ICBC"), ("ICBC,BOC", "ICBC")],
)
def test_banks_as_people_name_them_on_the_command_line(query: str, code: str) -> None:
    result = run_module("format", *ZHANG_SAN, "--bank", query, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["results"][0]["bank"] == code


def test_json_errors_parse_with_json_tool() -> None:
    result = run_module("--json", "check", "ZHANG SAN", *ZHANG_SAN, "--bank", "NOPE")
    assert result.returncode == 2
    tool = subprocess.run(
        [sys.executable, "-m", "json.tool"], input=result.stdout, capture_output=True, text=True, check=False
    )
    assert tool.returncode == 0
    assert json.loads(tool.stdout)["error"]["code"] == "UNKNOWN_BANK"


def test_lang_defaults_to_chinese_in_a_chinese_locale() -> None:
    result = run_module("check", "ZHANG SAN", *ZHANG_SAN, "--bank", "ICBC", lang="zh_CN.UTF-8")
    assert result.returncode == 0
    assert "中国工商银行" in result.stdout
    english = run_module(
        "check", "ZHANG SAN", *ZHANG_SAN, "--bank", "ICBC", "--lang", "en", lang="zh_CN.UTF-8"
    )
    assert "ICBC" in english.stdout
    assert "中国工商银行" not in english.stdout


def test_the_global_options_the_mover_knows_are_the_parsers() -> None:
    from wxpay_names.cli import _common_options
    from wxpay_names.cli_args import GLOBAL_OPTIONS

    parsed = {
        action.option_strings[0]: action.nargs != 0
        for action in _common_options()._actions
        if action.option_strings
    }
    assert parsed == GLOBAL_OPTIONS


def test_format_marks_a_name_longer_than_the_banks_field(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "format", "--surname", "Wolfeschlegel", "--given", "Hubert", "--bank", "TEST")
    assert code == 0
    assert table_row(out, "TEST")[1] == "WOLFESCHLEGEL HUBERT*"
    assert "* TEST: the name has 20 characters; the bank's name field is thought to hold 12" in out
    code, out, _ = run(capsys, "format", "--surname", "Li", "--given", "Na", "--bank", "TEST")
    assert "*" not in out


def test_format_table_names_every_column(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "format", *ZHANG_SAN, "--bank", "BOC")
    assert cells(out.splitlines()[2]) == ["BANK", "NAME TO TYPE", "EVIDENCE", "CONVENTION", "BANK NAME"]
    assert out.splitlines()[-1] == "Where each bank's convention comes from: run wxpay-names banks."


def test_chinese_characters_come_with_the_note_on_non_mainland_passports(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "format", "--chinese", "陈大文", "--bank", "ICBC")
    assert code == 0
    assert_one_line_error(err)
    for place in ("Hong Kong", "Macao", "Taiwan", "Singapore"):
        assert place in err
    _, _, err = run(capsys, "format", "--chinese", "陈大文", "--bank", "ICBC", "--lang", "zh")
    for place in ("香港", "澳门", "台湾", "新加坡"):
        assert place in err


def test_a_batch_row_given_two_ways_is_said_in_chinese_without_english(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    people = tmp_path / "people.csv"
    people.write_text("surname,given_names,chinese\nSmith,John,张三\n", encoding="utf-8")
    code, out, _ = run(capsys, "batch", str(people), "--bank", "ICBC", "--lang", "zh")
    assert code == 1
    error = out.splitlines()[1].split(",", 7)[-1]
    assert "请只填写其中一种（surname 加 given_names，或 chinese）" in error
    assert " and " not in error


# --- a --bank that names no bank, a repeated --bank for one card ---------------------------

NO_BANK_VALUES = ["", ",", " ， 、 "]


@pytest.mark.parametrize("value", NO_BANK_VALUES)
@pytest.mark.parametrize(
    "command",
    [
        ["format", "ZHANG, San"],
        ["format", "ZHANG, San", "--bank", "ICBC"],  # a blank one beside a real one is refused too
        ["banks"],
        ["plan", "ZHANG, San", "--bank", "ICBC"],
        ["check", "ZHANG SAN", "ZHANG, San"],
    ],
)
def test_a_bank_option_naming_no_bank_exits_2(
    capsys: pytest.CaptureFixture[str], command: list[str], value: str
) -> None:
    code, out, err = run(capsys, *command, "--bank", value)
    assert code == 2
    assert out == ""  # no empty table, no result
    assert_one_line_error(err)
    assert f"--bank {value!r} names no bank" in err
    assert err.startswith(f"wxpay-names {command[0]}: ")


@pytest.mark.parametrize("value", NO_BANK_VALUES)
def test_batch_with_a_bank_option_naming_no_bank_exits_2_and_drops_no_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    # Before: the rows with an empty bank cell were left out of the output, exit 0.
    source, target = tmp_path / "s2.csv", tmp_path / "out.csv"
    source.write_text('name,bank\n"ZHANG, San",\n"LI, Na",BOC\n', encoding="utf-8")
    code, out, err = run(capsys, "batch", str(source), "-o", str(target), "--bank", value)
    assert code == 2
    assert out == ""
    assert_one_line_error(err)
    assert "names no bank" in err
    assert not target.exists()


def test_a_bank_option_naming_no_bank_in_json_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "format", "ZHANG, San", "--bank", "", "--json")
    assert code == 2
    assert json.loads(out)["error"]["code"] == "USAGE"


@pytest.mark.parametrize("banks", [["ICBC", "BOC"], ["ICBC", "ICBC"], ["ICBC,BOC"], ["ICBC", "BOC,CMB"]])
def test_check_refuses_a_repeated_bank_option_as_it_refuses_a_list(
    capsys: pytest.CaptureFixture[str], banks: list[str]
) -> None:
    # Before: --bank ICBC --bank BOC was checked at BOC alone (argparse keeps the last), exit 0/1.
    code, out, err = run(capsys, "check", "ZHANG SAN", *ZHANG_SAN, *[f"--bank={bank}" for bank in banks])
    assert code == 2
    assert out == ""
    assert_one_line_error(err)
    assert "name one bank, the bank of the card" in err
    assert f"(got {', '.join(bank_list(banks))})" in err


def test_check_still_takes_one_bank_given_once(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "SAN ZHANG", *ZHANG_SAN, "--bank", "BOC", "--json")
    assert code == 0
    assert json.loads(out)["bank"] == "BOC"


def test_a_plan_that_disagrees_names_the_banks_that_agree_with_each(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # WeChat keeps one name: a second card at a bank that writes it as the first keeps it.
    from wxpay_names import BankRegistry, PassportName, compatible_banks
    from wxpay_names.plan import form_evidence

    registry = BankRegistry.from_csv(FIXTURE_BANKS)
    name = PassportName(surname="Zhang", given_names="San")
    code, out, _ = run(capsys, "plan", *ZHANG_SAN, "--bank", "ICBC,BOC")
    assert code == 1
    lines = out.splitlines()
    assert "Banks whose likeliest form is one of these (a second card there keeps one name):" in lines
    for bank, text in (("ICBC", "ZHANG SAN"), ("BOC", "SAN ZHANG")):
        agreeing = compatible_banks(name, bank, registry=registry)
        line = next(line for line in lines if line.startswith(f"  {bank}, {text}: "))
        for other in agreeing:
            assert (other.code in line) == (form_evidence(other) != "unknown"), (other.code, line)
        guessed = sum(form_evidence(other) == "unknown" for other in agreeing)
        assert (f"{guessed} more with no source" in line) == bool(guessed)
        assert line.endswith(": none") == (not agreeing)
    # Banks that agree need no such list.
    _, agreed, _ = run(capsys, "plan", *ZHANG_SAN, "--bank", "ICBC,CMB")
    assert "a second card there" not in agreed


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["check", "--lang", "zh", *ZHANG_SAN, "--bank", "ICBC"], "缺少在微信中输入的姓名"),
        (["plan", "--lang", "zh", *ZHANG_SAN, "--bank", "ICBC"], "两家或更多不同的银行"),
        (["format", "--lang", "zh"], "请只用一种方式给出护照姓名"),
        (["format", "--lang", "zh", *ZHANG_SAN, "--bogus"], "命令参数无法使用。详情（英文）："),
    ],
)
def test_usage_errors_are_said_in_chinese_with_lang_zh(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert_one_line_error(err)
    assert said in err


def test_format_says_how_sure_the_space_between_given_names_is(capsys: pytest.CaptureFixture[str]) -> None:
    # MUELLER HANS PETER at ICBC showed only "reported", though the space between HANS and
    # PETER is inferred (the one record seen of two given names was joined).
    assert main(["format", "--surname", "Müller", "--given", "Hans Peter", "--bank", "ICBC,ABC"]) == 0
    out = capsys.readouterr().out
    assert "a space between given names (inferred)" in out
    assert "given names joined (inferred)" in out
    assert (
        main(["format", "--surname", "Müller", "--given", "Hans Peter", "--bank", "ICBC", "--lang", "zh"])
        == 0
    )
    assert "名字之间有空格（推断）" in capsys.readouterr().out
    # One given name: no space between given names to speak of.
    assert main(["format", "--surname", "Müller", "--given", "Hans", "--bank", "ICBC"]) == 0
    assert "between given names" not in capsys.readouterr().out


def test_a_match_longer_than_the_bank_s_field_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    # "Matches" and nothing more, though ICBC's field is thought to hold 20 characters and the
    # cut forms are listed below as other forms only.
    name = ["--surname", "Konstantinopolskaia", "--given", "Aleksandra", "--bank", "ICBC"]
    assert main(["check", "KONSTANTINOPOLSKAIA ALEKSANDRA", *name]) == 0
    out = capsys.readouterr().out
    assert "ICBC: the name has 30 characters; the bank's name field is thought to hold 20" in out
    assert "the forms below include the shortened ones." in out
    assert main(["check", "ZHANG SAN", "--surname", "Zhang", "--given", "San", "--bank", "ICBC"]) == 0
    assert "name field" not in capsys.readouterr().out


def test_preflight_says_a_name_longer_than_the_bank_s_field(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["preflight", "--surname", "AL-HASHIMI", "--given", "MOHAMMED ABDULLAH", "--bank", "ICBC"]) == 0
    )
    out = capsys.readouterr().out
    assert "ICBC: the name has 28 characters" in out
    assert "the forms to try next include the shortened ones." in out


def test_a_compound_surname_read_from_characters_is_said_with_how_to_split_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 单于飞 reads as the compound 单于 (CHANYU): a Shan Yufei got CHANYU FEI with no word of it.
    assert main(["format", "--chinese", "单于飞", "--bank", "ICBC"]) == 0
    err = capsys.readouterr().err
    assert "单于 was read as one compound surname (CHANYU)." in err
    assert "If the surname is 单 alone (a surname too, and that reading is among the candidates)" in err
    assert 'give it apart: --chinese "单 于飞".' in err
    assert main(["format", "--chinese", "单于飞", "--bank", "ICBC", "--lang", "zh"]) == 0
    assert "“单于”被当作一个复姓（CHANYU）" in capsys.readouterr().err
    # A split given, or a name of a single surname, says nothing of it.
    for chinese in ("单 于飞", "张三丰", "上官婉儿"):  # 上 is no surname of its own
        assert main(["format", "--chinese", chinese, "--bank", "ICBC"]) == 0
        assert "compound" not in capsys.readouterr().err


def test_a_name_in_cyrillic_letters_is_said_to_be_spelled_by_icao_s_table(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # ELBEGDORZH was given with no word that a State (Mongolia) may spell its passports otherwise.
    assert main(["format", "--surname", "Элбэгдорж", "--given", "Цахиагийн", "--bank", "ICBC"]) == 0
    err = capsys.readouterr().err
    assert "the Cyrillic letters were spelled by ICAO's table (Doc 9303)" in err
    assert "Type the Latin name printed in the passport" in err
    assert main(["format", "--surname", "Müller", "--given", "Hans", "--bank", "ICBC"]) == 0
    assert "ICAO's table" not in capsys.readouterr().err
    # A name text too; Greek letters are said as spelled letter by letter (ICAO has no table).
    assert main(["format", "ИВАНОВ, Пётр", "--bank", "ICBC"]) == 0
    assert "the Cyrillic letters were spelled by ICAO's table" in capsys.readouterr().err
    assert main(["format", "--surname", "Παπαδόπουλος", "--given", "Γιώργος", "--bank", "ICBC"]) == 0
    greek = capsys.readouterr().err
    assert "the Greek letters were spelled letter by letter" in greek
    assert "ICAO" not in greek


def test_plan_says_what_to_do_when_no_name_fits_every_bank(capsys: pytest.CaptureFixture[str]) -> None:
    # It listed the ranks and the agreeing banks, never the next step.
    assert main(["plan", "--surname", "Zhang", "--given", "San", "--bank", "ICBC,BOC"]) == 1
    out = capsys.readouterr().out
    assert "What to do: WeChat keeps one real name" in out
    assert "ask it how it wrote your name, letter for letter" in out
    assert main(["plan", "--surname", "Zhang", "--given", "San", "--bank", "ICBC,CMB"]) == 0
    assert "What to do" not in capsys.readouterr().out


def test_a_mistyped_command_after_a_global_option_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    # "--json next" said "--json is not an option of wxpay-names itself", not that "next" is no command.
    assert main(["--json", "next"]) == 2
    out, err = capsys.readouterr()
    assert "invalid choice: 'next'" in err
    assert "not an option of wxpay-names itself" not in out + err


def test_a_quoted_name_given_beside_the_fields_gets_no_hint_to_quote_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The quoted NAME was told to be quoted, and joined to the typed text in the hint.
    argv = ["check", "GARCIA LOPEZ MARIA JOSE", "GARCÍA LÓPEZ, María José", "--surname", "X", "--bank", "CMB"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "give the passport name one way (got --surname/--given and a NAME)" in err
    assert "left over" not in err
    # Words left out of their quotes still get it.
    assert main(["format", "--surname", "Zhang", "--given", "Anna", "Maria", "--bank", "ICBC"]) == 2
    assert '(--given "Anna Maria")' in capsys.readouterr().err


def test_the_length_line_does_not_point_to_shortened_forms_already_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = ["--surname", "Papadopoulou", "--given", "Aikaterini Eleni", "--bank", "ICBC"]
    refused = ["--refused", "PAPADOPOULOUAIKATERI", "--refused", "PAPADOPOULOU AIKATER"]
    assert main(["check", "PAPADOPOULOU AIKATERINI ELENI", *name, *refused]) == 0
    out = capsys.readouterr().out
    assert "The bank may hold it cut short." in out
    assert "include the shortened ones" not in out


def test_format_from_chinese_says_a_surname_of_two_readings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["format", "--chinese", "覃海洋", "--bank", "ICBC"]) == 0
    err = capsys.readouterr().err
    assert "wxpay-names: the surname is read QIN or TAN" in err
    assert main(["format", "--chinese", "覃海洋", "--bank", "ICBC", "--lang", "zh"]) == 0
    assert "姓氏有 QIN、TAN 两种读音" in capsys.readouterr().err


def test_no_command_module_imports_the_command_line_module_back() -> None:
    """cli imports its command modules; none imports cli again, even inside a function (the
    usage error and the banks of --banks-file live in cli_args, below both)."""
    from import_graph import modules, reachable

    commands = [name for name in modules() if name.startswith("wxpay_names.cli_")]
    assert len(commands) >= 6
    for name in commands:
        assert "wxpay_names.cli" not in reachable(name), name


@pytest.mark.parametrize("command", [["format"], ["check", "TAN HAIYANG"], ["plan"]])
def test_json_carries_the_reading_notes_as_the_web_service_does(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    banks = ["--bank", "ICBC,BOC"] if command == ["plan"] else ["--bank", "ICBC"]
    code, out, _ = run(capsys, *command, "--chinese", "覃海洋", *banks, "--json")
    assert code in (0, 1)
    notes = json.loads(out)["reading_notes"]
    assert [note["code"] for note in notes] == ["surname_readings", "pinyin_spelling"]
    assert "--surname and --given" in notes[-1]["message"]  # the command's way to give a Latin name


def test_the_command_line_starts_without_what_only_some_commands_use() -> None:
    """`wxpay-names banks` loads neither the pre-flight's modules nor the learned ranking: a
    top-level import in a command module had added seven modules to every start."""
    script = (
        "import sys, contextlib, io\n"
        "from wxpay_names.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['banks'])\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('wxpay_names'))))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "wxpay_names.cli" in loaded
    assert not [module for module in loaded if module.startswith("wxpay_names.binding")]
    assert "wxpay_names.learned_ranking" not in loaded
