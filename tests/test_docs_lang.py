"""The built site: every Chinese page (NAME.zh.md) is served with lang="zh", the others with lang="en"."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HTML_LANG = re.compile(r'<html\b[^>]*\blang="([^"]*)"')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(folder)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return folder


def language_of(page: Path) -> str:
    found = HTML_LANG.search(page.read_text(encoding="utf-8"))
    assert found is not None, page
    return found.group(1)


def test_the_card_refused_pages_declare_their_language(site: Path) -> None:
    assert language_of(site / "card-refused.zh" / "index.html") == "zh"
    assert language_of(site / "card-refused" / "index.html") == "en"


def test_every_chinese_page_is_zh_and_no_other(site: Path) -> None:
    sources = [path.relative_to(ROOT / "docs") for path in (ROOT / "docs").rglob("*.md")]
    assert any(str(path).endswith(".zh.md") for path in sources)
    for source in sources:
        if source.name == "index.md":
            built = site / source.parent / "index.html"
        else:
            built = site / source.parent / source.name.removesuffix(".md") / "index.html"
        wanted = "zh" if source.name.endswith(".zh.md") else "en"
        assert language_of(built) == wanted, source
