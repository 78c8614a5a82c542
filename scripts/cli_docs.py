"""Run the shell examples of docs/cli.md and compare, or rewrite, their output.

Every ```console block of the page is a list of commands, each starting with ``$ ``, each
followed by its complete output (standard output and standard error together, as a terminal
shows them). This script runs each command with ``bash`` and the installed console script
``wxpay-names`` (the one beside the running Python), in a scratch folder holding the files
of :data:`FILES`, in an English locale unless the command sets ``LANG`` itself.

    python scripts/cli_docs.py           # compare; exit 1 and show the differences if any
    python scripts/cli_docs.py --write   # rewrite the outputs in docs/cli.md from the runs

``tests/test_cli_docs.py`` runs the comparison. When a change of the library changes an
output on purpose, run ``--write`` and read the diff of docs/cli.md before committing it.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "cli.md"
PROMPT = "$ "
_FENCE = re.compile(r"^```console\n(.*?)^```\n", re.MULTILINE | re.DOTALL)
# The files the examples read, written into the scratch folder before the commands run.
FILES = {
    "people.csv": (
        "id,surname,given_names,chinese,bank,entered\n"
        "1,Zhang,San,,ICBC,\n"
        "2,Zhang,San,,中行,ZHANG SAN\n"
        "3,Zh4ng,San,,ABC,\n"
        "4,Smith,John,张三,ICBC,\n"
    ),
}
TIMEOUT = 60


@dataclass
class Command:
    """One ``$`` command of a block, with the output the page shows for it."""

    text: str
    shown: str
    line: int  # where the command starts in the page, 1-based


def read_blocks(page: str) -> list[tuple[int, int, list[Command]]]:
    """Each console block as (start offset, end offset, commands), in page order."""
    blocks = []
    for fence in _FENCE.finditer(page):
        first_line = page.count("\n", 0, fence.start(1)) + 1
        blocks.append((fence.start(1), fence.end(1), _commands(fence.group(1), first_line)))
    return blocks


def _commands(body: str, first_line: int) -> list[Command]:
    commands: list[Command] = []
    lines = body.splitlines()
    index = 0
    while index < len(lines):
        if not lines[index].startswith(PROMPT):
            raise ValueError(f"docs/cli.md, line {first_line + index}: a console block starts with '$ '.")
        start = index
        text = lines[index][len(PROMPT) :]
        # A command goes on over the next lines while its quotes are open (a two-line MRZ).
        while not _complete(text):
            index += 1
            if index >= len(lines):
                raise ValueError(f"docs/cli.md, line {first_line + start}: the command's quotes never close.")
            text += "\n" + lines[index]
        index += 1
        output: list[str] = []
        while index < len(lines) and not lines[index].startswith(PROMPT):
            output.append(lines[index])
            index += 1
        commands.append(Command(text, "\n".join(output), first_line + start))
    return commands


def _complete(text: str) -> bool:
    try:
        shlex.split(text)
    except ValueError:
        return False
    return True


def run(command: Command, folder: Path) -> str:
    """The command's output as a terminal shows it: stdout and stderr, trailing blanks dropped."""
    if "wxpay-names" not in command.text and not command.text.startswith("cat "):
        raise ValueError(
            f"docs/cli.md, line {command.line}: a console command runs wxpay-names (or cat shows a file)."
        )
    scripts = Path(sys.executable).parent
    if not (scripts / "wxpay-names").exists():
        raise FileNotFoundError(
            f"no wxpay-names beside {sys.executable}: install the project (pip install -e .)"
        )
    environment = {key: value for key, value in os.environ.items() if not key.startswith("LC_")}
    environment.update(
        PATH=f"{scripts}{os.pathsep}{environment.get('PATH', '')}",
        LANG="C.UTF-8",
        COLUMNS="100",  # the width argparse wraps --help to
        PYTHONIOENCODING="utf-8",
    )
    environment.pop("_ARGCOMPLETE", None)
    done = subprocess.run(
        ["bash", "-c", command.text],
        cwd=folder,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )
    return "\n".join(line.rstrip() for line in done.stdout.rstrip("\n").splitlines())


def run_page(page: str) -> list[tuple[Command, str]]:
    """Every command of the page with the output it gives now."""
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name, content in FILES.items():
            (folder / name).write_text(content, encoding="utf-8")
        for _, _, commands in read_blocks(page):
            results += [(command, run(command, folder)) for command in commands]
    return results


def rewrite(page: str) -> str:
    """The page with every command's output replaced by what it gives now."""
    results = iter(run_page(page))
    pieces: list[str] = []
    last = 0
    for start, end, commands in read_blocks(page):
        body = []
        for command in commands:
            _, output = next(results)
            body.append(PROMPT + command.text)
            if output:
                body.append(output)
        pieces += [page[last:start], "\n".join(body) + "\n"]
        last = end
    pieces.append(page[last:])
    return "".join(pieces)


def differences(page: str) -> list[str]:
    """A report of each command whose output differs from the page's."""
    report = []
    for command, output in run_page(page):
        if output != command.shown:
            report.append(
                f"docs/cli.md, line {command.line}: $ {command.text}\n"
                f"--- shown\n{command.shown}\n--- now\n{output}"
            )
    return report


def main(argv: list[str]) -> int:
    page = PAGE.read_text(encoding="utf-8")
    if argv == ["--write"]:
        PAGE.write_text(rewrite(page), encoding="utf-8")
        print("rewrote the outputs of docs/cli.md; review the diff before committing.")
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    report = differences(page)
    for each in report:
        print(each, end="\n\n")
    if report:
        print("docs/cli.md is out of date: run python scripts/cli_docs.py --write and review the diff.")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
