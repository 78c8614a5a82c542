"""docs/cli.md and the card-refused pages: every shell example runs and prints what the page shows.

The commands run with the installed console script ``wxpay-names``.

The runner is ``scripts/cli_docs.py``; when an output changes on purpose, rewrite the page
with ``python scripts/cli_docs.py --write`` and review the diff.
"""

from __future__ import annotations

import re

import pytest

from script_modules import load_script

cli_docs = load_script("cli_docs", "scripts/cli_docs.py")
PAGES = {cli_docs.page_name(path): path.read_text(encoding="utf-8") for path in cli_docs.PAGES}
COMMANDS = {
    name: [command for _, _, commands in cli_docs.read_blocks(page, name) for command in commands]
    for name, page in PAGES.items()
}


@pytest.mark.parametrize("name", PAGES)
def test_the_page_is_written_in_shell_commands_not_python(name: str) -> None:
    page = PAGES[name]
    assert ">>>" not in page
    assert "main([" not in page
    assert "<BLANKLINE>" not in page
    assert len(COMMANDS[name]) >= (20 if name == "docs/cli.md" else 4)


@pytest.mark.parametrize("name", PAGES)
def test_every_prompt_of_the_page_is_in_a_console_block_the_runner_reads(name: str) -> None:
    # A `$ ` line in a block of another language would be shown but never run.
    fences = re.findall(r"^```(\w*)\n(.*?)^```", PAGES[name], re.MULTILINE | re.DOTALL)
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
    assert shown == len(COMMANDS[name])


@pytest.mark.parametrize("name", PAGES)
def test_no_output_is_cut_short(name: str) -> None:
    for command in COMMANDS[name]:
        assert "..." not in command.shown.replace("COMMAND ...", ""), command.text


@pytest.mark.parametrize("name", PAGES)
def test_every_command_prints_what_the_page_shows(name: str) -> None:
    report = cli_docs.differences(PAGES[name], name)
    if report:
        pytest.fail(
            "\n\n".join(report) + f"\n\n{name} is out of date: if the change is meant, run "
            "`python scripts/cli_docs.py --write` and review the diff.",
            pytrace=False,
        )


def test_the_runner_sees_a_changed_output() -> None:
    page = "```console\n$ wxpay-names format --given Madonna --bank ICBC\nnot the output\n```\n"
    [report] = cli_docs.differences(page)
    assert "MADONNA" in report
    rewritten = cli_docs.rewrite(page)
    assert "MADONNA" in rewritten
    assert cli_docs.differences(rewritten) == []
