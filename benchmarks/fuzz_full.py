"""The full fuzz run: at least 10,000 hypothesis inputs per public call, texts up to 400,000 characters.

The test suite runs the same fuzz (``tests/test_fuzz.py``) at about 2,000 inputs per public
call and texts up to 20,000 characters, to stay quick; this script runs it at full size:

    python benchmarks/fuzz_full.py                 # 10,000 per test, up to 400,000 characters
    python benchmarks/fuzz_full.py --at-least 50000 -x

Every test of the file gets at least ``--at-least`` examples; each public call has one or
more tests (all of Unicode, tuned alphabets), so it gets at least that many inputs. The run
passes when nothing but ``NameFormatError`` escapes a function (and ``ValidationError`` a
model constructor), and every result obeys the output rules. Hypothesis's statistics (how
many inputs were accepted, refused by which code) are printed at the end. Expect tens of
minutes on two cores. Arguments after the options go to pytest.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

FUZZ_TESTS = Path(__file__).resolve().parent.parent / "tests" / "test_fuzz.py"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--at-least", type=int, default=10_000, help="examples per test (default 10000)")
    parser.add_argument(
        "--longest", type=int, default=400_000, help="longest text drawn, in characters (default 400000)"
    )
    options, pytest_arguments = parser.parse_known_args(argv)
    environment = {
        **os.environ,
        "WXPAY_FUZZ_AT_LEAST": str(options.at_least),
        "WXPAY_FUZZ_LONGEST": str(options.longest),
    }
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--hypothesis-show-statistics",
        str(FUZZ_TESTS),
        *pytest_arguments,
    ]
    return subprocess.call(command, env=environment)


if __name__ == "__main__":
    sys.exit(main())
