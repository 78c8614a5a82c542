"""Throughput and peak memory of ``wxpay-names learn`` at 100,000 and 1,000,000 log rows.

Run: ``python benchmarks/learn_memory.py`` (well under a minute). Each size runs in a fresh
process, so its peak resident memory is its own; constant memory means the 1,000,000-row
peak is about the 100,000-row peak. The log cycles through every bank and a spread of
patterns, as an app's log would; every 100th row is bad (an unknown bank or a value that is
no pattern's), so the refusal path is timed too. Options: ``--sizes 100000``. POSIX only.
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
import time
from itertools import product
from pathlib import Path

from batch_memory import peak_rss_mib, run_child

from wxpay_names import banks
from wxpay_names.observations import PATTERN_FIELDS

PATTERNS = [
    {
        "order": order,
        "separator": separator,
        "given_separator": separator,
        "given_names": given,
        "spelling": spelling,
        "case": case,
        "shortened": "false",
        "dots": "none",
    }
    for order, separator, given, spelling, case in product(
        ("surname_first", "given_first"),
        ("space", "none"),
        ("all", "first"),
        ("icao", "folded"),
        ("upper", "title"),
    )
]


def write_log(path: Path, count: int) -> None:
    codes = [bank.code for bank in banks()]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["bank", *PATTERN_FIELDS, "accepted", "app_version"])
        for number in range(count):
            pattern = PATTERNS[number % len(PATTERNS)]
            bank = "NOBANK" if number % 100 == 99 else codes[number % len(codes)]
            writer.writerow(
                [
                    bank,
                    *[pattern[field] for field in PATTERN_FIELDS],
                    "true" if number % 3 else "false",
                    "1.2",
                ]
            )


def child(source: str, target: str) -> None:
    """Run one learn in this process and report time and memory as JSON on stdout."""
    import contextlib
    import io

    from wxpay_names.cli import main

    before = peak_rss_mib()
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["learn", source, "--into", target, "--json"])
    seconds = time.perf_counter() - started
    print(json.dumps({"exit": code, "seconds": seconds, "rss_before": before, "rss_peak": peak_rss_mib()}))


def measure(count: int, folder: Path) -> dict[str, float]:
    source, target = folder / f"log-{count}.csv", folder / f"observations-{count}.csv"
    write_log(source, count)
    result = run_child(__file__, source, target)
    with target.open(encoding="utf-8", newline="") as handle:
        counted = sum(int(row["accepted"]) + int(row["refused"]) for row in csv.DictReader(handle))
    if counted != count - count // 100:
        raise SystemExit(f"{count} rows in, {counted} counted")
    source.unlink()
    target.unlink()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--child", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(*options.child)
        return
    print(f"{'rows':>10}  {'seconds':>8}  {'rows/s':>9}  {'RSS after import':>16}  {'peak RSS':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for count in options.sizes:
            result = measure(count, Path(folder))
            print(
                f"{count:>10,}  {result['seconds']:>8.2f}  {count / result['seconds']:>9,.0f}  "
                f"{result['rss_before']:>12.1f} MiB  {result['rss_peak']:>5.1f} MiB"
            )


if __name__ == "__main__":
    main()
