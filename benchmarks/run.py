"""wxpay_names against the bare string work, in one run.

Run from the repository root: ``.venv/bin/python benchmarks/run.py`` (about two minutes;
``--quick`` for a smoke run, ``--skip-batch`` to leave out ``benchmarks/batch_memory.py``).
It prints Markdown: ``docs/performance.md`` holds a pasted run and how to read it.

Method
- The bare baseline is ``" ".join((surname + " " + given).upper().split())``, called as a
  function on the same strings as the function it is compared with, through the same loop.
- Every repetition uses inputs never seen before in the process (``--names`` distinct
  names, 4,000 by default, per repetition) and fresh ``PassportName`` objects, so no cache
  keyed by a name or its text helps; what is cached per bank (a real workload calls with a
  few banks) is warmed by the first repetition like in any long-running process.
- Times are CPU time of this process (``time.process_time``), so other work on the
  machine does not inflate them; on an idle machine they equal wall time.
- Each repetition times the baseline, then the subject, back to back. The figures are the
  best (lowest) per-call time over the repetitions, as ``timeit`` advises: other load on
  the machine only ever adds time. The ratio is best subject / best baseline. The garbage
  collector stays on, as in an application.
- Banks are ``Bank`` objects from ``data/banks.csv``, the i-th name going to the i-th bank
  in turn. Functions not written yet print "not available yet".
- Import time, CLI start and the first Chinese call are measured in fresh interpreters
  (the best of `--runs`, interleaved with what they are compared with).
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from name_generators import chinese_names, latin_names, mrz_line, typed_workload

import wxpay_names
from wxpay_names import Bank, NameFormatError, PassportName

ROOT = Path(__file__).resolve().parents[1]
Call = tuple[Any, ...]


def bare(surname: str, given: str) -> str:
    """The bare string work every formatter does at least: upper case, one space."""
    return " ".join((surname + " " + given).upper().split())


# --- timing -----------------------------------------------------------------------------------


def per_call_us(function: Callable[..., object], calls: Sequence[Call]) -> float:
    """Microseconds per call over *calls*; our refusals count as calls (they are answers)."""
    start = time.process_time()
    for arguments in calls:
        try:  # noqa: SIM105 -- contextlib.suppress would add its own cost to every timed call
            function(*arguments)
        except NameFormatError:
            pass
    return (time.process_time() - start) / len(calls) * 1e6


@dataclass
class Row:
    label: str
    us: float | None  # None: not available yet
    baseline_us: float
    reference: str = "bare"  # what the ratio is against
    reference_us: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        against = self.baseline_us if self.reference_us is None else self.reference_us
        return None if self.us is None else self.us / against


def available(function: Callable[..., object], *arguments: object) -> str:
    """ "" when the function answers, else why it cannot be measured yet."""
    try:
        function(*arguments)
    except NotImplementedError:
        return "not available yet"
    except NameFormatError:
        return ""
    return ""


def compare(
    label: str,
    function: Callable[..., object],
    inputs: Callable[[int], tuple[Sequence[Call], Sequence[Call]]],
    repetitions: int,
    reference: tuple[str, Callable[..., object]] | None = None,
) -> Row:
    """Time *function* against the bare baseline (and *reference*) over fresh inputs per repetition.

    ``inputs(repetition)`` returns the baseline's calls and the subject's calls, built
    outside the timed loops.
    """
    ours: list[float] = []
    baseline: list[float] = []
    theirs: list[float] = []
    for repetition in range(repetitions):
        baseline_calls, calls = inputs(repetition)
        if repetition == 0:
            missing = available(function, *calls[0])
            if missing:
                return Row(label, None, per_call_us(bare, baseline_calls), note=missing)
        gc.collect()
        baseline.append(per_call_us(bare, baseline_calls))
        ours.append(per_call_us(function, calls))
        if reference is not None:
            theirs.append(per_call_us(reference[1], calls))
    row = Row(label, min(ours), min(baseline))
    if reference is not None:
        row.reference, row.reference_us = reference[0], min(theirs)
    return row


def render(rows: Sequence[Row]) -> str:
    lines = [
        "| call | µs per call | bare baseline µs | ratio | against |",
        "|---|---:|---:|---:|---|",
    ]
    for row in rows:
        if row.us is None:
            lines.append(f"| {row.label} | {row.note} | {row.baseline_us:.2f} | – | – |")
            continue
        against = "bare" if row.reference_us is None else f"{row.reference} ({row.reference_us:.2f} µs)"
        lines.append(f"| {row.label} | {row.us:.2f} | {row.baseline_us:.2f} | {row.ratio:.1f}× | {against} |")
    return "\n".join(lines)


# --- in one process ---------------------------------------------------------------------------


SEED_BANKS = ("ICBC", "ABC", "CMB", "BOC")


class Workload:
    """Distinct inputs for every repetition, and the banks they go to."""

    def __init__(self, per_repetition: int, repetitions: int) -> None:
        self.size = per_repetition
        total = per_repetition * repetitions
        self.banks: tuple[Bank, ...] = wxpay_names.banks()
        self.plain = latin_names(total, 1, accent=False)
        self.accented = latin_names(total, 2, accent=True)
        self.mrz_source = latin_names(total, 3, accent=False)
        self.checked = latin_names(total, 4, accent=False)
        self.chinese = chinese_names(2 * total, 5)
        # Issue 14's workload: names as people type them, at the four seed banks in turn.
        self.typed = typed_workload(total, 6)
        self.seed_banks: tuple[Bank, ...] = tuple(wxpay_names.get_bank(code) for code in SEED_BANKS)

    def part(self, items: Sequence[Any], repetition: int, offset: int = 0) -> Sequence[Any]:
        start = (repetition + offset) * self.size
        return items[start : start + self.size]

    def bank(self, index: int) -> Bank:
        return self.banks[index % len(self.banks)]

    def fields(self, source: Sequence[tuple[str, str]]) -> Callable[[int], list[PassportName]]:
        return lambda repetition: [
            PassportName(surname=surname, given_names=given)
            for surname, given in self.part(source, repetition)
        ]

    def with_banks(self, names: Sequence[PassportName]) -> list[Call]:
        return [(name, self.bank(index)) for index, name in enumerate(names)]


def one_process(load: Workload, repetitions: int) -> list[Row]:
    from wxpay_names import candidates, check_name, format_name, from_chinese, parse_mrz

    rows: list[Row] = []

    def on_names(label: str, function: Callable[..., object], source: Sequence[tuple[str, str]]) -> None:
        build = load.fields(source)
        rows.append(
            compare(
                label,
                function,
                lambda rep: (load.part(source, rep), load.with_banks(build(rep))),
                repetitions,
            )
        )

    for kind, source in (("Latin", load.plain), ("Latin with diacritics", load.accented)):
        on_names(f"format_name, {kind}", format_name, source)
        on_names(f"candidates, {kind}", candidates, source)

    lines = [mrz_line(surname, given) for surname, given in load.mrz_source]
    upper = [(surname.upper(), given.upper()) for surname, given in load.mrz_source]

    def mrz_calls(rep: int) -> tuple[Sequence[Call], Sequence[Call]]:
        return load.part(upper, rep), [(line,) for line in load.part(lines, rep)]

    rows.append(compare("parse_mrz (TD3 upper line)", parse_mrz, mrz_calls, repetitions))
    if rows[-1].us is not None:

        def mrz_named(rep: int) -> tuple[Sequence[Call], Sequence[Call]]:
            names = [_or_none(parse_mrz, line) for line in load.part(lines, rep)]
            calls = [call for call in load.with_banks(names) if call[0] is not None]
            return load.part(upper, rep), calls

        rows.append(compare("format_name, MRZ-sourced", format_name, mrz_named, repetitions))
        rows.append(compare("candidates, MRZ-sourced", candidates, mrz_named, repetitions))

    rows += chinese_rows(load, repetitions, from_chinese, format_name, candidates)
    rows.append(check_row(load, repetitions, check_name, format_name))
    rows += typed_rows(load, repetitions)
    rows.append(nameparser_row(load, repetitions))
    return rows


def all_texts(name: PassportName, bank: Bank) -> list[str]:
    """``candidates`` as an app uses it: every candidate's text read."""
    return [candidate.text for candidate in wxpay_names.candidates(name, bank)]


def passport_name(surname: str, given_names: str) -> PassportName:
    return PassportName(surname=surname, given_names=given_names)


def typed_rows(load: Workload, repetitions: int) -> list[Row]:
    """Issue 14's workload: one or two given names, a third with one accented letter; banks
    ICBC, ABC, CMB, BOC in turn; the typed text is the given names then the surname in
    capitals, keeping the passport's accent half the time (``name_generators.typed_workload``)."""
    from wxpay_names import check_name, format_name

    def fields(rep: int) -> list[tuple[str, str]]:
        return [(surname, given) for surname, given, _ in load.part(load.typed, rep)]

    def named(rep: int) -> list[tuple[PassportName, Bank, str]]:
        return [
            (PassportName(surname=surname, given_names=given), load.seed_banks[index % 4], typed)
            for index, (surname, given, typed) in enumerate(load.part(load.typed, rep))
        ]

    def on_names(rep: int) -> tuple[Sequence[Call], Sequence[Call]]:
        return fields(rep), [(name, bank) for name, bank, _ in named(rep)]

    def typed_calls(rep: int) -> tuple[Sequence[Call], Sequence[Call]]:
        return fields(rep), [(typed, name, bank) for name, bank, typed in named(rep)]

    def exact_calls(rep: int) -> tuple[Sequence[Call], Sequence[Call]]:
        return fields(rep), [(format_name(name, bank), name, bank) for name, bank, _ in named(rep)]

    def constructor_calls(rep: int) -> tuple[Sequence[Call], Sequence[Call]]:
        return fields(rep), fields(rep)

    return [
        compare("format_name, as typed", format_name, on_names, repetitions),
        compare("candidates, as typed (every .text read)", all_texts, on_names, repetitions),
        compare("check_name, as typed (accents kept half the time)", check_name, typed_calls, repetitions),
        compare("check_name, exact rank-1 match", check_name, exact_calls, repetitions),
        compare("PassportName(surname=..., given_names=...)", passport_name, constructor_calls, repetitions),
    ]


def _or_none(function: Callable[..., Any], *arguments: object) -> Any:
    try:
        return function(*arguments)
    except NameFormatError:
        return None


def chinese_rows(
    load: Workload,
    repetitions: int,
    from_chinese: Callable[[str], PassportName],
    format_name: Callable[..., str],
    candidates: Callable[..., object],
) -> list[Row]:
    if available(from_chinese, "张三"):
        return [Row("from_chinese (warm)", None, 0.0, note="not available yet")]
    from pypinyin import lazy_pinyin

    from_chinese("王五")  # warm: pypinyin loaded, as in a running service

    def bare_of(texts: Sequence[str]) -> list[Call]:
        # The baseline on the pinyin the text reads as (what the bare formatter would be given).
        return [(" ".join(lazy_pinyin(text[:1])), " ".join(lazy_pinyin(text[1:]))) for text in texts]

    pinyin_bare = dict(zip(load.chinese, bare_of(load.chinese), strict=True))

    def texts(rep: int) -> tuple[Sequence[Call], Sequence[Call]]:
        part = load.part(load.chinese, rep)
        return [pinyin_bare[text] for text in part], [(text,) for text in part]

    rows = [compare("from_chinese (warm)", from_chinese, texts, repetitions, ("lazy_pinyin", lazy_pinyin))]

    def named(rep: int) -> tuple[Sequence[Call], Sequence[Call]]:
        # Names read from other texts than the from_chinese row, just before use (as an app does).
        part = load.part(load.chinese, rep, offset=repetitions)
        names = [_or_none(from_chinese, text) for text in part]
        calls = [call for call in load.with_banks(names) if call[0] is not None]
        return [pinyin_bare[text] for text in part], calls

    rows.append(compare("format_name, from Chinese", format_name, named, repetitions))
    rows.append(compare("candidates, from Chinese", candidates, named, repetitions))
    return rows


def check_row(
    load: Workload, repetitions: int, check_name: Callable[..., object], format_name: Callable[..., str]
) -> Row:
    def entered(rank_one: str, index: int) -> str:
        # A mix a support team sees: exact, title case, order swapped, a letter dropped.
        kind = index % 5
        if kind in (0, 1):
            return rank_one
        if kind == 2:
            return rank_one.title()
        if kind == 3:
            return " ".join(reversed(rank_one.split()))
        return rank_one[:-2] + rank_one[-1:]

    build = load.fields(load.checked)

    def calls(rep: int) -> tuple[Sequence[Call], Sequence[Call]]:
        names = build(rep)
        made = [
            (entered(format_name(name, load.bank(index)), index), name, load.bank(index))
            for index, name in enumerate(names)
        ]
        return load.part(load.checked, rep), made

    return compare("check_name, Latin (mixed verdicts)", check_name, calls, repetitions)


def nameparser_row(load: Workload, repetitions: int) -> Row:
    try:
        from nameparser import parse
    except ImportError:
        return Row(
            "nameparser `parse` (peer)",
            None,
            0.0,
            note="nameparser not installed (`pip install -e '.[bench]'`): peer skipped",
        )

    def calls(rep: int) -> tuple[Sequence[Call], Sequence[Call]]:
        part = load.part(load.plain, rep)
        return part, [(f"{given} {surname}",) for surname, given in part]

    return compare("nameparser `parse` (peer), Latin", parse, calls, repetitions)


# --- fresh processes --------------------------------------------------------------------------

PYDANTIC_ONE_MODEL = """from pydantic import BaseModel, ConfigDict
class OneModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    surname: str
    given_names: str
    source: str
OneModel(surname="ZHANG", given_names="SAN", source="fields")"""

TIMED_CHILD = """import sys, time
started = time.perf_counter()
{statement}
print((time.perf_counter() - started) * 1e3, "pypinyin" in sys.modules)"""


def child_ms(statement: str) -> tuple[float, bool]:
    code = TIMED_CHILD.format(statement=statement)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    milliseconds, pypinyin = done.stdout.split()
    return float(milliseconds), pypinyin == "True"


def wall_ms(arguments: Sequence[str]) -> tuple[float, int, str]:
    start = time.perf_counter()
    done = subprocess.run(arguments, capture_output=True, text=True, check=False)
    return (time.perf_counter() - start) * 1e3, done.returncode, done.stderr.strip()


def fresh_processes(runs: int) -> dict[str, Any]:
    ours, theirs, pypinyin_loaded = [], [], False
    for _ in range(runs):  # interleaved, so drift in the machine's load hits both alike
        milliseconds, loaded = child_ms("import wxpay_names")
        ours.append(milliseconds)
        pypinyin_loaded |= loaded
        theirs.append(child_ms(PYDANTIC_ONE_MODEL)[0])
    result: dict[str, Any] = {
        "import_ms": min(ours),
        "pydantic_ms": min(theirs),
        "pypinyin_at_import": pypinyin_loaded,
    }
    bare_start = [wall_ms([sys.executable, "-c", "pass"])[0] for _ in range(runs)]
    cli = [wall_ms([sys.executable, "-m", "wxpay_names", "banks"]) for _ in range(runs)]
    result["python_ms"] = min(bare_start)
    failed = [run for run in cli if run[1] != 0]
    result["cli_ms"] = None if failed else min(run[0] for run in cli)
    result["cli_error"] = (failed[0][2].splitlines() or ["?"])[-1] if failed else ""
    first = subprocess.run(
        [sys.executable, "-c", FIRST_CHINESE], capture_output=True, text=True, check=False
    ).stdout.split()
    result["first_chinese"] = (float(first[0]), float(first[1]), float(first[2])) if len(first) == 3 else None
    return result


FIRST_CHINESE = """import time
import wxpay_names
try:
    started = time.perf_counter()
    wxpay_names.from_chinese("张三")
    first = time.perf_counter()
    wxpay_names.from_chinese("李四")
    second = time.perf_counter()
    wxpay_names.format_name(wxpay_names.from_chinese("欧阳娜娜"), "ICBC")
    third = time.perf_counter()
    print((first - started) * 1e3, (second - first) * 1e3, (third - second) * 1e3)
except NotImplementedError:
    pass"""


def render_fresh(found: dict[str, Any]) -> str:
    ratio = found["import_ms"] / found["pydantic_ms"]
    lines = [
        "| in a fresh interpreter | ms | note |",
        "|---|---:|---|",
        f"| `import wxpay_names` | {found['import_ms']:.1f} | {ratio:.2f}× pydantic + one model; "
        f"pypinyin loaded at import: {'yes' if found['pypinyin_at_import'] else 'no'} |",
        f"| `import pydantic` + one frozen model class + one instance | {found['pydantic_ms']:.1f} | |",
        f"| `python -c pass` (wall) | {found['python_ms']:.1f} | the interpreter alone |",
    ]
    if found["cli_ms"] is None:
        lines.append(f"| `python -m wxpay_names banks` (wall) | not available yet | {found['cli_error']} |")
    else:
        lines.append(
            f"| `python -m wxpay_names banks` (wall) | {found['cli_ms']:.1f} | "
            f"{found['cli_ms'] - found['python_ms']:.1f} ms over the bare interpreter |"
        )
    if found["first_chinese"] is None:
        lines.append("| first `from_chinese` call | not available yet | |")
    else:
        first, second, third = found["first_chinese"]
        lines.append(f"| first `from_chinese` call (loads pypinyin) | {first:.1f} | |")
        lines.append(f"| second `from_chinese` call | {second:.2f} | |")
        lines.append(
            f'| then `from_chinese` + `format_name(name, "ICBC")` | {third:.2f} | '
            "the first bank lookup: reads data/banks.csv, builds the Bank model |"
        )
    return "\n".join(lines)


# --- batch ------------------------------------------------------------------------------------


def batch(sizes: Sequence[int]) -> tuple[str, list[tuple[int, float, float]]]:
    script = ROOT / "benchmarks" / "batch_memory.py"
    if not script.exists():
        return "benchmarks/batch_memory.py is not there yet: batch not measured.", []
    done = subprocess.run(
        [sys.executable, str(script), "--sizes", *map(str, sizes)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["?"])[-1]
        return f"benchmarks/batch_memory.py failed: {reason} (not available yet?)", []
    parsed = []
    for line in done.stdout.splitlines()[1:]:
        cells = line.replace(",", "").split()
        # rows, seconds, rows/s, RSS after import, MiB, peak RSS, MiB, CPU s, rows per CPU second
        if len(cells) >= 9 and cells[0].isdigit():
            parsed.append((int(cells[0]), float(cells[8]), float(cells[5])))
    return "```\n" + done.stdout.rstrip() + "\n```", parsed


# --- targets ----------------------------------------------------------------------------------


def targets(rows: Sequence[Row], fresh: dict[str, Any], batches: list[tuple[int, float, float]]) -> str:
    by_label = {row.label: row for row in rows}

    def worst(prefix: str) -> Row | None:
        found = [row for label, row in by_label.items() if label.startswith(prefix) and row.us is not None]
        return max(found, key=lambda row: row.ratio or 0.0, default=None)

    lines = ["| target | measured | met |", "|---|---|---|"]

    def ratio_line(what: str, prefix: str, limit: float) -> None:
        row = worst(prefix)
        if row is None or row.ratio is None:
            lines.append(f"| {what} ≤ {limit:g}× | not available yet | – |")
            return
        met = "yes" if row.ratio <= limit else "**no**"
        lines.append(f"| {what} ≤ {limit:g}× | {row.ratio:.1f}× (worst: {row.label}) | {met} |")

    ratio_line("format_name / bare", "format_name", 6)
    ratio_line("candidates / bare", "candidates", 40)
    ratio_line("check_name / bare", "check_name, Latin", 50)
    # Issue 14, on its workload (names as typed).
    ratio_line("candidates, every .text read / bare", "candidates, as typed", 30)
    ratio_line("check_name, as typed / bare", "check_name, as typed", 60)
    ratio_line("check_name, exact rank-1 match / bare", "check_name, exact", 12)
    ratio_line("PassportName(...) / bare", "PassportName", 10)
    ratio_line("from_chinese warm / lazy_pinyin", "from_chinese", 1.2)
    ratio = fresh["import_ms"] / fresh["pydantic_ms"]
    lines.append(
        f"| import wxpay_names / (pydantic + one model) ≤ 1.3× | {ratio:.2f}× | "
        f"{'yes' if ratio <= 1.3 else '**no**'} |"
    )
    if batches:
        slowest = min(rate for _, rate, _ in batches)
        lines.append(
            f"| batch ≥ 120,000 rows/s (accented names, per CPU second) | {slowest:,.0f} rows/s "
            "(slowest size) | "
            f"{'yes' if slowest >= 120_000 else '**no**'} |"
        )
        peaks = [peak for _, _, peak in batches]
        flat = max(peaks) - min(peaks) <= max(2.0, 0.05 * min(peaks))
        lines.append(
            f"| peak RSS the same at every size | {' / '.join(f'{p:.1f}' for p in peaks)} MiB | "
            f"{'yes' if flat else '**no**'} |"
        )
    else:
        lines.append("| batch ≥ 100,000 rows/s, flat peak RSS | not measured | – |")
    return "\n".join(lines)


def machine() -> str:
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            model = next(line.split(":", 1)[1].strip() for line in handle if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    versions = []
    for package in ("wxpay-names", "pydantic", "pydantic_core", "pypinyin", "nameparser"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} not installed")
    return (
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs ({model}), {platform.system()} {platform.release()}; " + ", ".join(versions)
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=4000, help="distinct names per repetition")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--runs", type=int, default=11, help="fresh interpreters per start-up figure")
    parser.add_argument("--quick", action="store_true", help="a smoke run: small sizes, no batch")
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[100_000, 200_000, 1_000_000])
    options = parser.parse_args(argv)
    if options.quick:
        options.names, options.repetitions, options.runs, options.skip_batch = 400, 2, 3, True
    started = time.perf_counter()
    print(f"Machine: {machine()}\n")
    print(
        f"{options.names:,} distinct names per repetition, {options.repetitions} repetitions "
        f"(the best of them), {len(wxpay_names.banks())} banks in turn.\n"
    )
    load = Workload(options.names, options.repetitions)
    rows = one_process(load, options.repetitions)
    print("## In one process\n")
    print(render(rows))
    print("\n## Fresh processes\n")
    fresh = fresh_processes(options.runs)
    print(render_fresh(fresh))
    print("\n## Batch (benchmarks/batch_memory.py)\n")
    if options.skip_batch:
        batch_text, batches = "skipped (--skip-batch)", []
    else:
        batch_text, batches = batch(options.batch_sizes)
    print(batch_text)
    print("\n## Targets\n")
    print(targets(rows, fresh, batches))
    print(f"\n(run took {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
