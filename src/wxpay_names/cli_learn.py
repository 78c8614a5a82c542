"""The command line's part of learning from outcomes.

- ``wxpay-names learn LOG.csv [--into OBSERVATIONS.csv]``: an app's outcome log (one row per
  try: ``bank``, the ``Pattern`` fields, ``accepted``) counted into observations, streamed
  (memory grows with the distinct patterns, never with the rows), merged into an existing
  file atomically (a temporary file beside it, then ``os.replace``).
- ``--observations FILE`` on ``format``, ``check``, ``plan`` and ``batch``: rank with them.
- ``check --refused TEXT``, and the next forms ``check`` prints on every verdict.

A log with a column that may hold a person's name is refused whole (exit 2): outcomes are
logged without a letter of the name. No message of this module quotes a cell of a log.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .cli_output import can_encode
from .cli_render import pick, said, table
from .csv_rows import OVERSIZED, REFUSED, OpenQuoteError, StrictRows
from .errors import NameFormatError, open_quote
from .front_wording import Lang
from .messages import Wording
from .models import Bank, Candidate, NameCheck, PassportName
from .observations import Columns, Counter, Observations, ObservationsError, shown_column
from .tries import next_tries, not_candidates

NEXT_SHOWN = 5  # next forms check prints
BAD_LINES_SHOWN = 20  # line numbers of bad rows kept and said (the rest are counted)
EXIT_OK, EXIT_NOT_OK = 0, 1


# -- --observations ------------------------------------------------------------------------------


def add_observations_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--observations",
        metavar="FILE",
        help="rank with the outcomes counted in this CSV (written by wxpay-names learn)",
    )


def read_observations(options: argparse.Namespace) -> Observations | None:
    """The observations named by ``--observations``, or None (today's rankings)."""
    path: str | None = getattr(options, "observations", None)
    return None if path is None else Observations.read_csv(path)


def observations_keyword(options: argparse.Namespace) -> dict[str, Observations]:
    """``{"observations": ...}`` when ``--observations`` is given, else nothing: the call is then today's."""
    observations = read_observations(options)
    return {} if observations is None else {"observations": observations}


# -- check: --refused and the next forms -------------------------------------------------------


def add_refused_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--refused",
        action="append",
        default=[],
        metavar="TEXT",
        help="a form WeChat already refused (repeatable); compared exactly, case included",
    )


def next_forms(
    result: NameCheck,
    name: PassportName,
    bank: Bank,
    refused: Sequence[str],
    observations: Observations | None,
) -> tuple[Candidate, ...]:
    """What to try after *result*: the typed text, when not a match, counts as refused too.

    A match is shown with what to try should WeChat refuse it anyway, so it counts as refused
    as well: the list never repeats the text just checked.
    """
    return next_tries(name, bank, [*refused, result.entered], observations=observations)[:NEXT_SHOWN]


# docs/card-refused.md, step 5: what to ask the bank, in the words to show at the counter.
ASK_THE_BANK_ZH = (
    "请问我的银行账户上登记的英文姓名具体是怎么写的？请逐个字母告诉我，包括空格、大小写和姓名顺序。"
)


def next_forms_lines(
    forms: Sequence[Candidate], result: NameCheck, lang: Lang, refused: Sequence[str] = ()
) -> list[str]:
    """The next forms, numbered by their rank in the bank's full list; when none is left,
    what to ask the bank. The problems above say to type the likeliest text: when it was
    refused already (*refused*, the ``--refused`` texts), a line says to skip it."""
    lines: list[str] = []
    if result.status != "match" and result.expected in refused:
        lines += [
            "",
            pick(
                lang,
                f'"{result.expected}" was refused already, you said: skip it.',
                f"您说“{result.expected}”已被拒绝：请跳过这个写法。",
            ),
        ]
    if not forms:
        return [
            *lines,
            "",
            pick(lang, "No other form is left to try.", "没有其他写法可以尝试了。"),
            pick(
                lang,
                "Ask the bank how it wrote your name, letter for letter, with its spaces, capitals "
                f"and order, and type exactly that. In Chinese, show this: {ASK_THE_BANK_ZH}",
                f"请向银行询问账户上登记的姓名（逐个字母，包括空格、大小写和顺序），并完全照此输入。"
                f"可以出示这句话：{ASK_THE_BANK_ZH}",
            ),
        ]
    heading = (
        pick(
            lang,
            # The text is what the bank most likely holds: a refusal points to the branch's record.
            "If WeChat refuses it all the same, the branch may have written the name differently: try next:",
            "如果微信仍然提示姓名不一致，可能是开户网点记录的写法不同，请依次试试：",
        )
        if result.status == "match"
        else pick(lang, "Forms to try next, most likely first:", "接下来请依次试试（最可能的在前）：")
    )
    rows = [[f"{form.rank}.", form.text] for form in forms]
    return [*lines, "", heading, *table(rows, indent="  ")]


def hand_typed_lines(name: PassportName, bank: Bank, refused: Sequence[str], lang: Lang) -> list[str]:
    """A line naming the ``--refused`` texts that are no candidate: accepted, and they remove nothing."""
    typed = not_candidates(next_tries(name, bank), refused)
    if not typed:
        return []
    english = ", ".join(f'"{text}"' for text in typed)
    chinese = "、".join(f"“{text}”" for text in typed)
    return [
        pick(
            lang,
            f"Refused and not among the forms listed (typed by hand?): {english}.",
            f"以下被拒的写法不在候选写法中（可能是手动输入的）：{chinese}。",
        )
    ]


def next_forms_json(forms: Sequence[Candidate]) -> list[dict[str, Any]]:
    return [form.model_dump(mode="json") for form in forms]


# -- learn ---------------------------------------------------------------------------------------


def add_learn_command(commands: Any, common: argparse.ArgumentParser, handler: Callable[..., int]) -> None:
    learn = commands.add_parser(
        "learn",
        parents=[common],
        allow_abbrev=False,
        help="count an app's outcome log into observations",
        description="Count LOG.csv (- for standard input), one row per try: bank, the pattern's fields "
        "(order, separator, given_separator, given_names, spelling, case, shortened) and accepted "
        "(true/false), into observations: printed as CSV, or merged into --into. A log with a column "
        "that may hold a name is refused.",
        epilog="Example: wxpay-names learn outcomes.csv --into observations.csv",
    )
    learn.add_argument("log", metavar="LOG.csv", help="the outcome log, or - for standard input")
    learn.add_argument(
        "--into",
        metavar="OBSERVATIONS.csv",
        help="merge the counts into this file (created if absent; replaced atomically)",
    )
    learn.set_defaults(handler=handler)


@dataclass
class LearnSummary:
    rows_read: int = 0
    counted: int = 0
    refused: int = 0
    bad_lines: list[tuple[int, Wording]] = field(default_factory=list)  # the first BAD_LINES_SHOWN
    ignored_columns: tuple[str, ...] = ()

    def refuse(self, line: int, reason: Wording) -> None:
        self.refused += 1
        if len(self.bad_lines) < BAD_LINES_SHOWN:
            self.bad_lines.append((line, reason))


def count_log(
    source: TextIO, source_name: str, find_bank: Callable[[str], Bank]
) -> tuple[Observations, LearnSummary]:
    """The observations of an outcome log, read row by row, and what became of its rows."""
    # Strict: a quote never closed is the log's error (every later line would be one cell, its
    # rows lost), a quote closed inside a cell that row's.
    rows = StrictRows(source)
    summary = LearnSummary()
    counter = Counter()
    try:
        header = next(rows.reader, None)
        if not header:
            raise ObservationsError(f"{source_name} is empty: the first line must name the columns.")
        columns = Columns.from_header(header, source_name, counts=False, find_bank=_code_finder(find_bank))
        summary.ignored_columns = columns.ignored
        for cells in rows:
            if not cells:  # a blank line is no row
                continue
            summary.rows_read += 1
            if cells is REFUSED:
                summary.refuse(rows.refused_at, _NOT_CSV)
                continue
            if cells is OVERSIZED:
                summary.refuse(rows.line, _CELL_TOO_LONG)
                continue
            row = columns.read(cells)
            if isinstance(row, Wording):
                summary.refuse(rows.line, row)
                continue
            code, key, accepted, refused = row
            counter.add_counts(code, key, accepted, refused)
            summary.counted += 1
    except OpenQuoteError as never:
        raise ObservationsError(open_quote(f"{source_name}, line {never.line}")) from None
    except csv.Error as error:
        if "unexpected end of data" in str(error):  # in the header
            raise ObservationsError(open_quote(f"{source_name}, line 1")) from None
        raise ObservationsError(f"{source_name}, line {rows.line}: {error}.") from None
    except UnicodeDecodeError:
        raise ObservationsError(f"{source_name} is not UTF-8 text.") from None
    return counter.observations(), summary


_NOT_CSV = Wording(
    "the row is not valid CSV (a quote closes inside a cell)", "该行不是有效的 CSV（单元格中间有引号）"
)
_CELL_TOO_LONG = Wording(
    f"a cell is longer than {csv.field_size_limit():,} characters, far beyond any log's",
    f"某个单元格超过 {csv.field_size_limit():,} 个字符，远超任何记录的长度",
)


def _code_finder(find_bank: Callable[[str], Bank]) -> Callable[[str], str | None]:
    def code(cell: str) -> str | None:
        try:
            return find_bank(cell).code
        except NameFormatError:
            return None

    return code


@contextmanager
def _open_log(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdin
        return
    try:
        handle = open(path, encoding="utf-8", newline="")  # noqa: SIM115 (closed below)
    except OSError as error:
        raise ObservationsError(f"Cannot read the log {path}: {error.strerror or error}.") from None
    with handle:
        yield handle


def run_learn(options: argparse.Namespace, find_bank: Callable[[str], Bank]) -> int:
    source_name = "standard input" if options.log == "-" else options.log
    into: str | None = options.into
    if into is not None and not Path(into).parent.is_dir():
        raise ObservationsError(f"Cannot write {into}: its folder does not exist.")
    with _open_log(options.log) as source:
        learned, summary = count_log(source, source_name, find_bank)
    if into is not None:
        merged = Observations.read_csv(into).merge(learned) if Path(into).exists() else learned
        merged.write_csv(into)
    if options.json:
        # One JSON document on standard output: without --into, the counts are in it (a CSV
        # before it would make the output no JSON at all).
        document = _summary_json(summary, into, None if into is not None else learned, options.lang)
        print(json.dumps(document, ensure_ascii=not can_encode("中")))
        return EXIT_OK if not summary.refused else EXIT_NOT_OK
    report = sys.stdout
    if into is None:
        learned.write_rows(sys.stdout)  # the counts are the output: the summary goes beside it
        report = sys.stderr
    print("\n".join(_summary_lines(summary, into, options.lang)), file=report)
    return EXIT_OK if not summary.refused else EXIT_NOT_OK


def _summary_json(
    summary: LearnSummary, into: str | None, learned: Observations | None, lang: Lang
) -> dict[str, Any]:
    return {
        "rows_read": summary.rows_read,
        "counted": summary.counted,
        "refused": summary.refused,
        "bad_rows": [{"line": line, "reason": said(reason, lang)} for line, reason in summary.bad_lines],
        "ignored_columns": list(summary.ignored_columns),
        "into": into,
        "observations": None if learned is None else _observations_json(learned),
    }


def _observations_json(learned: Observations) -> list[dict[str, Any]]:
    """The rows of the observations CSV as objects: ``bank``, ``pattern`` (a Pattern dump), counts."""
    return [
        {"bank": code, "pattern": pattern.model_dump(mode="json"), "accepted": accepted, "refused": refused}
        for code, pattern, accepted, refused in learned.rows()
    ]


def _summary_lines(summary: LearnSummary, into: str | None, lang: Lang) -> list[str]:
    lines = [
        pick(
            lang,
            f"{summary.rows_read} rows read, {summary.counted} counted, {summary.refused} refused"
            + (f"; merged into {into}." if into else "."),
            f"读取 {summary.rows_read} 行，计入 {summary.counted} 行，{summary.refused} 行无法使用"
            + (f"；已合并到 {into}。" if into else "。"),
        )
    ]
    for line, reason in summary.bad_lines:
        lines.append(pick(lang, f"  line {line}: {reason.en}", f"  第 {line} 行：{reason.zh}"))
    if summary.refused > len(summary.bad_lines):
        more = summary.refused - len(summary.bad_lines)
        lines.append(pick(lang, f"  … and {more} more", f"  ……另有 {more} 行"))
    if summary.refused and summary.counted and into:
        # Merging is adding: the whole log learned again would count its good rows twice.
        lines.append(
            pick(
                lang,
                f"The {summary.counted} counted rows are in {into} now: after fixing the refused rows, "
                "learn only those, not the whole log again (its other rows would count twice).",
                f"已计入的 {summary.counted} 行现已在 {into} 中：修正无法使用的行后，只需再计入这些行，"
                "不要重新计入整个记录（否则其余各行会重复计数）。",
            )
        )
    if summary.ignored_columns:
        ignored = ", ".join(shown_column(column) for column in summary.ignored_columns)
        lines.append(pick(lang, f"Ignored columns: {ignored}.", f"已忽略的列：{ignored}。"))
    return lines
