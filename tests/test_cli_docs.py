"""docs/cli.md: every shell example runs, with the installed console script, and prints what the page shows.

The runner is ``scripts/cli_docs.py``; when an output changes on purpose, rewrite the page
with ``python scripts/cli_docs.py --write`` and review the diff.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cli_docs", ROOT / "scripts" / "cli_docs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


cli_docs = _load_runner()
PAGE = cli_docs.PAGE.read_text(encoding="utf-8")
COMMANDS = [command for _, _, commands in cli_docs.read_blocks(PAGE) for command in commands]


def test_the_page_is_written_in_shell_commands_not_python() -> None:
    assert ">>>" not in PAGE
    assert "main([" not in PAGE
    assert "<BLANKLINE>" not in PAGE
    assert len(COMMANDS) >= 20


def test_every_prompt_of_the_page_is_in_a_console_block_the_runner_reads() -> None:
    # A `$ ` line in a block of another language would be shown but never run.
    fences = re.findall(r"^```(\w*)\n(.*?)^```", PAGE, re.MULTILINE | re.DOTALL)
    for language, body in fences:
        if language != "console":
            assert not any(line.startswith("$ ") for line in body.splitlines()), body
    shown = sum(
        1
        for language, body in fences
        if language == "console"
        for line in body.splitlines()
        if line.startswith("$ ")
    )
    assert shown == len(COMMANDS)


def test_no_output_is_cut_short() -> None:
    for command in COMMANDS:
        assert "..." not in command.shown.replace("COMMAND ...", ""), command.text


def test_every_command_prints_what_the_page_shows() -> None:
    report = cli_docs.differences(PAGE)
    if report:
        pytest.fail(
            "\n\n".join(report) + "\n\ndocs/cli.md is out of date: if the change is meant, run "
            "`python scripts/cli_docs.py --write` and review the diff of docs/cli.md.",
            pytrace=False,
        )


def test_the_runner_sees_a_changed_output(tmp_path: Path) -> None:
    page = "```console\n$ wxpay-names format --given Madonna --bank ICBC\nnot the output\n```\n"
    [report] = cli_docs.differences(page)
    assert "MADONNA" in report
    rewritten = cli_docs.rewrite(page)
    assert "MADONNA" in rewritten
    assert cli_docs.differences(rewritten) == []
