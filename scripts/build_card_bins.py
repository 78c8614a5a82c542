"""Build data/card_bins.csv and data/card_issuers.csv from the hexindai/bcbc dataset.

    python scripts/build_card_bins.py PATH/TO/bcbc            # the upstream folder
    python scripts/build_card_bins.py PATH/TO/bcbc --check    # exit 1 if data/ is out of date

PATH holds the upstream files as published (hexindai/bcbc ``data/bin.csv``, ``data/name.csv``
and ``LICENSE``, flat or under ``data/``). The script copies the licence to
``data/LICENSE-bcbc.txt`` and writes two tables whose header says where the rows come from:

- ``card_bins.csv``: one row per card-number prefix (``prefix``, ``issuer``, ``kind``, ``length``),
  sorted, the upstream codes kept (``DC`` debit, ``CC`` credit, ``SCC`` semi-credit, ``PC`` prepaid);
- ``card_issuers.csv``: one row per issuer code that has a prefix (``issuer``, ``name_zh``, and
  ``bank``: the code of the row in ``data/banks.csv`` when there is one, from ``REGISTRY_CODES``).

The output depends only on the input and the two options, so a rebuild of the same snapshot
gives the same bytes (``--check`` relies on it).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

# The snapshot copied into the project. Pass others with --commit and --commit-date.
UPSTREAM = "https://github.com/hexindai/bcbc"
COMMIT = "de631827ffe8db2792d140f3476b02498fc1244f"
COMMIT_DATE = "2025-02-05"
RELEASE = "v0.0.16"

# The dataset's issuer codes are Alipay's; the registry (data/banks.csv) uses its own. Each
# pair was matched by the Chinese name in the dataset's name.csv against the registry's
# name_zh (GDB is 广东发展银行, China Guangfa Bank's name before 2011; SCB is 渣打银行);
# tests/test_card_bins.py checks every one of the registry's banks has its issuer here.
REGISTRY_CODES = {
    "ICBC": "ICBC",
    "ABC": "ABC",
    "CMB": "CMB",
    "BOC": "BOC",
    "CCB": "CCB",
    "COMM": "BOCOM",
    "PSBC": "PSBC",
    "CITIC": "CITIC",
    "SPDB": "SPDB",
    "CIB": "CIB",
    "CEB": "CEB",
    "CMBC": "CMBC",
    "SPABANK": "PAB",
    "HXBANK": "HXB",
    "GDB": "CGB",
    "BJBANK": "BOB",
    "SHBANK": "BOS",
    "HSBC": "HSBC",
    "SCB": "SCB",
}

KINDS = frozenset({"DC", "CC", "SCC", "PC"})

HEADER = """\
# {what}
# Built by scripts/build_card_bins.py from the hexindai/bcbc dataset ({upstream}),
# commit {commit} ({commit_date}, release {release}).
# Licence: MIT, Copyright (c) 2018 - 2020 Runrioter; the licence text is data/LICENSE-bcbc.txt,
# shipped with this file. Attribution: hexindai/bcbc by Runrioter and contributors.
# How the upstream rows were collected (its scripts/check-bin.awk): for each prefix a card number
# of the given length was made up and sent to Alipay's public card-info service
# (ccdcapi.alipay.com/validateAndCacheCardInfo.json); the bank code and card type in its answer
# were recorded. The facts are Alipay's answers as of the collection, not a bank's publication;
# the MIT licence covers the files, not how the facts were obtained.
"""


class SourceError(Exception):
    """The upstream files are missing or not of the expected shape."""


def _find(folder: Path, name: str) -> Path:
    for candidate in (folder / name, folder / "data" / name):
        if candidate.is_file():
            return candidate
    raise SourceError(f"{folder}: no {name} (looked in the folder and in its data/)")


def _rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != columns:
            raise SourceError(f"{path}: columns {reader.fieldnames}, expected {list(columns)}")
        return [row for row in reader if any(row.values())]


def build(folder: Path, *, commit: str, commit_date: str, release: str) -> dict[str, str]:
    """The text of each file to write into data/, by file name."""
    bins = _rows(_find(folder, "bin.csv"), ("bin", "bank", "type", "length"))
    names = {row["bank"]: row["name"] for row in _rows(_find(folder, "name.csv"), ("bank", "name"))}
    licence = _find(folder, "LICENSE").read_text(encoding="utf-8")
    seen: set[tuple[str, str, str, str]] = set()
    table: list[tuple[str, str, str, str]] = []
    for line, row in enumerate(bins, start=2):
        record = (row["bin"], row["bank"], row["type"], row["length"])
        if not (record[0].isdigit() and record[3].isdigit()) or record[2] not in KINDS:
            raise SourceError(f"bin.csv, line {line}: cannot read {record}")
        if record[1] not in names:
            raise SourceError(f"bin.csv, line {line}: bank code {record[1]!r} has no name in name.csv")
        if record not in seen:
            seen.add(record)
            table.append(record)
    # By prefix, then length: one prefix may belong to several issuers, told apart by length.
    table.sort(key=lambda record: (record[0], int(record[3]), record[1]))
    missing = sorted(set(REGISTRY_CODES) - {record[1] for record in table})
    if missing:
        raise SourceError(f"bin.csv has no prefix of {', '.join(missing)}, which the registry maps")
    fields = {"upstream": UPSTREAM, "commit": commit, "commit_date": commit_date, "release": release}
    issuers = sorted({record[1] for record in table})
    return {
        "card_bins.csv": _csv(
            HEADER.format(
                what="Card-number prefixes (BINs) of Chinese bank cards and their issuers.", **fields
            ),
            ("prefix", "issuer", "kind", "length"),
            table,
        ),
        "card_issuers.csv": _csv(
            HEADER.format(
                what="Issuers of data/card_bins.csv: Chinese name, and the data/banks.csv code where "
                "there is a row.",
                **fields,
            ),
            ("issuer", "name_zh", "bank"),
            [(code, names[code], REGISTRY_CODES.get(code, "")) for code in issuers],
        ),
        "LICENSE-bcbc.txt": licence if licence.endswith("\n") else licence + "\n",
    }


def _csv(header: str, columns: tuple[str, ...], rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    out.write(header)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "source", type=Path, help="the folder holding the upstream bin.csv, name.csv, LICENSE"
    )
    parser.add_argument("--out", type=Path, default=DATA, help="where to write (default: data/)")
    parser.add_argument("--commit", default=COMMIT, help="the upstream commit the files come from")
    parser.add_argument("--commit-date", default=COMMIT_DATE, help="that commit's date (YYYY-MM-DD)")
    parser.add_argument("--release", default=RELEASE, help="that commit's release tag")
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if out of date")
    options = parser.parse_args(argv)
    try:
        files = build(
            options.source, commit=options.commit, commit_date=options.commit_date, release=options.release
        )
    except SourceError as error:
        print(f"build_card_bins: {error}", file=sys.stderr)
        return 2
    stale = [name for name, text in files.items() if _read(options.out / name) != text]
    if options.check:
        for name in stale:
            print(f"build_card_bins: {options.out / name} is out of date", file=sys.stderr)
        return 1 if stale else 0
    for name in stale:
        (options.out / name).write_text(files[name], encoding="utf-8")
    return 0


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


if __name__ == "__main__":
    sys.exit(main())
