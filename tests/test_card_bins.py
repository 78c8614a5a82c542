"""The card-prefix table in data/: where it comes from, its licence, and the script that builds it."""

from __future__ import annotations

import csv
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from wxpay_names import banks, get_bank
from wxpay_names.binding.card_bins import bin_table

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FIXTURE = Path(__file__).parent / "fixtures" / "bcbc"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_card_bins", ROOT / "scripts" / "build_card_bins.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_card_bins = _script()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def _header(path: Path) -> str:
    with path.open(encoding="utf-8") as handle:
        return "".join(line for line in handle if line.startswith("#"))


@pytest.mark.parametrize("name", ["card_bins.csv", "card_issuers.csv"])
def test_each_table_says_where_it_comes_from_and_under_which_licence(name: str) -> None:
    header = _header(DATA / name)
    for needed in (
        "hexindai/bcbc",
        "MIT",
        "Copyright (c) 2018 - 2020 Runrioter",
        "data/LICENSE-bcbc.txt",
        "Alipay",
        "ccdcapi.alipay.com/validateAndCacheCardInfo.json",
        "2025-02-05",
        build_card_bins.COMMIT,
    ):
        assert needed in header, needed
    licence = (DATA / "LICENSE-bcbc.txt").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert "Runrioter" in licence


def test_the_table_holds_the_whole_dataset() -> None:
    rows = _rows(DATA / "card_bins.csv")
    issuers = _rows(DATA / "card_issuers.csv")
    assert len(rows) == 1709
    assert len({row["issuer"] for row in rows}) == 260 == len(issuers)
    assert {row["kind"] for row in rows} == {"DC", "CC", "SCC", "PC"}
    assert {row["issuer"] for row in rows} == {row["issuer"] for row in issuers}
    table = bin_table()
    assert sum(len(found) for found in table.by_prefix.values()) == 1709
    assert (table.shortest, table.longest) == (3, 10)


def test_every_bank_of_the_registry_has_its_issuer_in_the_card_data() -> None:
    issuers = _rows(DATA / "card_issuers.csv")
    mapped = {row["bank"]: row for row in issuers if row["bank"]}
    assert set(mapped) == {bank.code for bank in banks()}
    assert len(mapped) == 19
    prefixes = {row["issuer"] for row in _rows(DATA / "card_bins.csv")}
    for code, row in mapped.items():
        assert row["issuer"] in prefixes, code
        # The dataset's Chinese name finds the same bank, except two it names otherwise:
        # GDB by the name China Guangfa Bank had before 2011, HSBC with full-width parentheses.
        if row["issuer"] not in {"GDB", "HSBC"}:
            assert get_bank(row["name_zh"]).code == code


def test_the_committed_tables_are_what_the_script_writes(tmp_path: Path) -> None:
    # Rebuild the upstream files from the committed tables and run the script on them: the output
    # must be byte for byte what data/ holds, so the tables were not edited by hand.
    upstream = tmp_path / "bcbc"
    upstream.mkdir()
    with (upstream / "bin.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["bin", "bank", "type", "length"])
        for row in _rows(DATA / "card_bins.csv"):
            writer.writerow([row["prefix"], row["issuer"], row["kind"], row["length"]])
    with (upstream / "name.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["bank", "name"])
        for row in _rows(DATA / "card_issuers.csv"):
            writer.writerow([row["issuer"], row["name_zh"]])
    shutil.copy(DATA / "LICENSE-bcbc.txt", upstream / "LICENSE")
    assert build_card_bins.main([str(upstream), "--check"]) == 0


def test_the_script_builds_the_tables_from_the_upstream_files(tmp_path: Path) -> None:
    out = tmp_path / "data"
    out.mkdir()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_card_bins.py"), str(FIXTURE), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    rows = _rows(out / "card_bins.csv")
    # Sorted by prefix then length; the repeated row kept once; a shared prefix kept per issuer.
    assert [row["prefix"] for row in rows] == sorted(row["prefix"] for row in rows)
    assert len(rows) == 21
    assert [(row["issuer"], row["length"]) for row in rows if row["prefix"] == "622302"] == [
        ("GDRCC", "16"),
        ("ICBC", "18"),
    ]
    issuers = {row["issuer"]: row for row in _rows(out / "card_issuers.csv")}
    assert issuers["COMM"]["bank"] == "BOCOM"
    assert issuers["GDRCC"]["bank"] == ""
    assert "UNUSED" not in issuers  # a name without a prefix is left out
    licence = (FIXTURE / "LICENSE").read_text(encoding="utf-8")
    assert (out / "LICENSE-bcbc.txt").read_text(encoding="utf-8").rstrip("\n") == licence.rstrip("\n")
    assert build_card_bins.main([str(FIXTURE), "--out", str(out), "--check"]) == 0
    (out / "card_bins.csv").write_text("stale\n", encoding="utf-8")
    assert build_card_bins.main([str(FIXTURE), "--out", str(out), "--check"]) == 1


def test_the_script_refuses_files_of_another_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bcbc"
    shutil.copytree(FIXTURE, source)
    (source / "bin.csv").write_text("bin,bank\n621483,CMB\n", encoding="utf-8")
    assert build_card_bins.main([str(source), "--out", str(tmp_path)]) == 2
    assert "columns" in capsys.readouterr().err
    assert build_card_bins.main([str(tmp_path / "missing"), "--out", str(tmp_path)]) == 2
    assert not (tmp_path / "card_bins.csv").exists()
