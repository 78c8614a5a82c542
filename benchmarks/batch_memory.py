"""Throughput and peak memory of ``wxpay-names batch`` at 100,000, 200,000 and 1,000,000 rows.

Run: ``python benchmarks/batch_memory.py`` (about a minute). Each size runs in a fresh
process, so its peak resident memory is its own; flat memory means the 1,000,000-row peak
is about the 100,000-row peak. Rows name one bank each (the lean path the speed target is
for); every 50th row is bad, so the error path is timed too. The names are Latin names
with diacritics, every one new (``--names accented``, the default: ``Müller``-like names
from ``name_generators.py`` with a distinct suffix), or ``--names plain`` (``Zhang`` plus
letters). Options: ``--sizes 100000``. POSIX only (``resource``).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from name_generators import made_word

BANKS = ("ICBC", "ABC", "CMB", "BOC", "CCB", "工行", "中行")


def letters(number: int) -> str:
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word = "abcdefghijklmnopqrstuvwxyz"[digit] + word
        if number == 0:
            return word


def plain_name(number: int, _rng: random.Random) -> tuple[str, str]:
    return "Zhang" + letters(number), "San Feng" if number % 3 else "San"


def accented_name(number: int, rng: random.Random) -> tuple[str, str]:
    # Every surname new (its suffix is the row number), with one accented letter or more.
    surname = made_word(rng, True) + letters(number)
    given = " ".join(made_word(rng, index == 0) for index in range(rng.choice((1, 1, 2))))
    return surname, given


def write_rows(path: Path, count: int, names: str = "accented") -> None:
    make = accented_name if names == "accented" else plain_name
    rng = random.Random(count)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "surname", "given_names", "bank"])
        for number in range(count):
            surname, given = make(number, rng)
            if number % 50 == 49:
                surname = surname[:2] + "4" + surname[3:]  # a digit: refused, the error path
            writer.writerow([number, surname, given, BANKS[number % len(BANKS)]])


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB elsewhere


def run_child(script: str, source: Path, target: Path) -> dict[str, float]:
    """Run *script* ``--child SOURCE TARGET`` in a fresh process (its peak memory its own) and
    return the JSON it prints."""
    run = subprocess.run(
        [sys.executable, script, "--child", str(source), str(target)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(run.stdout)
    return result


def child(source: str, target: str) -> None:
    """Run one batch in this process and report time and memory as JSON on stdout."""
    from wxpay_names.cli import main

    before = peak_rss_mib()
    started, cpu_started = time.perf_counter(), time.process_time()
    code = main(["batch", source, "-o", target])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(
        json.dumps(
            {"exit": code, "seconds": seconds, "cpu": cpu, "rss_before": before, "rss_peak": peak_rss_mib()}
        )
    )


def measure(count: int, folder: Path, names: str) -> dict[str, float]:
    source, target = folder / f"in-{count}.csv", folder / f"out-{count}.csv"
    write_rows(source, count, names)
    result = run_child(__file__, source, target)
    with target.open(encoding="utf-8", newline="") as handle:
        written = sum(1 for _ in csv.reader(handle)) - 1
    if written != count:
        raise SystemExit(f"{count} rows in, {written} out")
    source.unlink()
    target.unlink()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 200_000, 1_000_000])
    parser.add_argument("--names", choices=("accented", "plain"), default="accented")
    parser.add_argument("--child", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(*options.child)
        return
    # rows/s on the wall clock, and on this process's CPU time (what a busy shared machine
    # does not inflate: the figure the targets are read against when other work runs).
    print(
        f"{'rows':>10}  {'seconds':>8}  {'rows/s':>9}  {'RSS after import':>16}  {'peak RSS':>9}  "
        f"{'CPU s':>6}  {'rows/CPU s':>10}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for count in options.sizes:
            result = measure(count, Path(folder), options.names)
            print(
                f"{count:>10,}  {result['seconds']:>8.2f}  {count / result['seconds']:>9,.0f}  "
                f"{result['rss_before']:>12.1f} MiB  {result['rss_peak']:>5.1f} MiB  "
                f"{result['cpu']:>6.2f}  {count / result['cpu']:>10,.0f}"
            )


if __name__ == "__main__":
    main()
