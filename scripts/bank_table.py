"""Render the bank table from data/banks.csv into README.md and docs/banks.md.

The table lives between ``<!-- banks:start -->`` and ``<!-- banks:end -->`` in each file;
everything outside the markers is left as written. One generator serves both files, so
the README and the documentation site can never disagree with the data.

    python scripts/bank_table.py           # rewrite the regions
    python scripts/bank_table.py --check   # exit 1 if a region is out of date

tests/test_docs.py runs the same comparison, so a data change without a regenerated table
fails the test suite.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from wxpay_names import Bank, BankRegistry

ROOT = Path(__file__).resolve().parents[1]
BANKS_CSV = ROOT / "data" / "banks.csv"
TARGETS = (ROOT / "README.md", ROOT / "docs" / "banks.md")
START = "<!-- banks:start -->"
END = "<!-- banks:end -->"

HEADER = (
    "Code",
    "Bank",
    "Zhang San becomes",
    "Order",
    "Spacing",
    "Case",
    "Length limit",
    "Evidence",
    "Source and notes",
)


class MarkerError(Exception):
    """A target file lacks the markers, or holds them out of order."""


def render_table(registry: BankRegistry) -> str:
    """The Markdown table of every bank, in file order, between the markers' lines."""
    rows = [HEADER, tuple("---" for _ in HEADER)]
    rows += [_row(bank) for bank in registry.banks]
    lines = ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    notice = "<!-- Generated from data/banks.csv by scripts/bank_table.py; edit the data, not this table. -->"
    return "\n".join([notice, "", *lines])


def _row(bank: Bank) -> tuple[str, ...]:
    return (
        f"**{bank.code}**",
        f"{bank.name_en}<br>{bank.name_zh}",
        f"`{bank.example_output}`",
        "surname first" if bank.order == "surname_first" else "given names first",
        _spacing(bank),
        f"{bank.case} ({bank.case_evidence})",
        "unknown" if bank.max_length is None else f"{bank.max_length} ({bank.max_length_evidence})",
        f"**{bank.evidence}**",
        _source(bank),
    )


def _spacing(bank: Bank) -> str:
    between = "one space" if bank.separator else "none"
    within = "one space" if bank.given_separator else "none"
    if between == within:
        return between
    return f"{between} between surname and given names; {within} between given names"


def _source(bank: Bank) -> str:
    parts = [bank.source]
    if bank.source_url:
        parts.append(f"[Link]({bank.source_url})")
    if bank.verified_on:
        parts.append(f"Checked {bank.verified_on.isoformat()}.")
    if bank.note:
        parts.append(f"<br>*Note:* {bank.note}")
    return " ".join(parts)


def _cell(value: str) -> str:
    # A pipe ends a Markdown table cell and a line break ends the row.
    return " ".join(value.split()).replace("|", "\\|")


def replace_region(text: str, table: str, filename: str) -> str:
    """*text* with the region between the markers replaced by *table*."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < 0 or end < start:
        raise MarkerError(f"{filename}: needs the lines {START} and {END}, in that order.")
    return f"{text[: start + len(START)]}\n{table}\n{text[end:]}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a table is out of date")
    args = parser.parse_args(argv)
    table = render_table(BankRegistry.from_csv(BANKS_CSV))
    stale = []
    for target in TARGETS:
        name = str(target.relative_to(ROOT))
        current = target.read_text(encoding="utf-8")
        try:
            wanted = replace_region(current, table, name)
        except MarkerError as error:
            print(error, file=sys.stderr)
            return 2
        if wanted == current:
            continue
        stale.append(name)
        if not args.check:
            target.write_text(wanted, encoding="utf-8")
    if args.check and stale:
        print(f"Out of date: {', '.join(stale)}. Run: python scripts/bank_table.py", file=sys.stderr)
        return 1
    for name in stale:
        print(f"rewrote the bank table in {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
