"""The documentation site: the bank tables match data/banks.csv, the nav matches the pages.

The ``>>>`` examples of docs/*.md run through pytest's doctest collection (pyproject.toml:
``--doctest-glob=*.md``, ``testpaths`` includes ``docs``); this module checks what doctest
cannot: generated regions, the MkDocs nav, and that no Python example escapes doctest.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from script_modules import load_script
from wxpay_names import Bank, BankRegistry

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CELL_BORDER = re.compile(r"(?<!\\)\|")


bank_table = load_script("bank_table", "scripts/bank_table.py")


def _table_lines(table: str) -> list[str]:
    return [line for line in table.splitlines() if line.startswith("|")]


# --- the generated bank tables ---------------------------------------------------------


@pytest.mark.parametrize("target", bank_table.TARGETS, ids=lambda path: path.name)
def test_bank_table_in_file_is_up_to_date(target: Path) -> None:
    """README.md and docs/banks.md hold exactly what data/banks.csv renders to."""
    table = bank_table.render_table(BankRegistry.from_csv(bank_table.BANKS_CSV))
    current = target.read_text(encoding="utf-8")
    assert bank_table.replace_region(current, table, target.name) == current, (
        f"{target.name} is out of date with data/banks.csv: run python scripts/bank_table.py"
    )


def test_check_mode_agrees_with_the_files() -> None:
    assert bank_table.main(["--check"]) == 0


def test_every_real_row_renders_as_one_well_formed_table_row() -> None:
    registry = BankRegistry.from_csv(bank_table.BANKS_CSV)
    lines = _table_lines(bank_table.render_table(registry))
    assert len(lines) == 2 + len(registry.banks)
    for line, bank in zip(lines[2:], registry.banks, strict=True):
        cells = CELL_BORDER.split(line)[1:-1]
        assert len(cells) == len(bank_table.HEADER), line
        assert cells[0].strip() == f"**{bank.code}**"
        assert cells[7].strip() == f"**{bank.evidence}**"


def test_table_shows_order_spacing_length_and_evidence(registry: BankRegistry) -> None:
    lines = _table_lines(bank_table.render_table(registry))
    rows = {CELL_BORDER.split(line)[1].strip(): CELL_BORDER.split(line)[1:-1] for line in lines[2:]}
    abc, boc, test = rows["**ABC**"], rows["**BOC**"], rows["**TEST**"]
    assert abc[4].strip() == "none"
    assert boc[3].strip() == "given names first"
    assert test[6].strip() == "12 (reported)"
    assert abc[6].strip() == "unknown"
    assert "中国农业银行" in abc[1]


def test_pipes_and_line_breaks_in_data_cannot_break_the_table(icbc: Bank) -> None:
    odd = icbc.model_copy(update={"source": "one | two\nthree", "note": ""})
    (line,) = _table_lines(bank_table.render_table(BankRegistry([odd])))[2:]
    cells = CELL_BORDER.split(line)[1:-1]
    assert len(cells) == len(bank_table.HEADER)
    assert "one \\| two three" in cells[-1]


def test_region_replacement_keeps_the_text_around_it() -> None:
    text = f"before\n{bank_table.START}\nold table\n{bank_table.END}\nafter\n"
    assert bank_table.replace_region(text, "NEW", "x.md") == (
        f"before\n{bank_table.START}\nNEW\n{bank_table.END}\nafter\n"
    )


@pytest.mark.parametrize(
    "text", ["no markers", f"{bank_table.END}\n{bank_table.START}", f"{bank_table.START} only"]
)
def test_missing_or_misordered_markers_are_refused(text: str) -> None:
    with pytest.raises(bank_table.MarkerError, match=r"x\.md"):
        bank_table.replace_region(text, "table", "x.md")


# --- the MkDocs site -------------------------------------------------------------------


def _nav_pages() -> list[str]:
    # mkdocs.yml's nav lists pages as "Title: path.md"; read them without a YAML parser.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config.split("\nnav:", 1)[1]
    return re.findall(r":\s*(\S+\.md)\s*$", nav, flags=re.MULTILINE)


def _doc_pages() -> list[str]:
    return sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))


def test_nav_lists_every_page_once() -> None:
    pages = _nav_pages()
    assert len(pages) == len(set(pages))
    assert "index.md" in pages
    assert set(_doc_pages()) <= set(pages), "a page in docs/ is missing from the mkdocs.yml nav"


@pytest.mark.parametrize("page", _nav_pages())
def test_every_nav_page_exists(page: str) -> None:
    assert (DOCS / page).is_file(), f"mkdocs.yml lists docs/{page}, which does not exist yet"


FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", _doc_pages())
def test_python_examples_are_doctests(page: str) -> None:
    """A Python block without ``>>>`` would be shown but never run; write it as a session."""
    text = (DOCS / page).read_text(encoding="utf-8")
    for language, body in FENCE.findall(text):
        if language in {"python", "py", "pycon"}:
            assert ">>>" in body, f"docs/{page}: a {language} block that doctest does not run"
