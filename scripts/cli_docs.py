"""Run the shell examples of the docs and compare, or rewrite, their output.

The pages are :data:`PAGES` (docs/cli.md, and the "card refused" pages). Every ```console
block of a page is a list of commands, each starting with ``$ ``, each
followed by its complete output (standard output and standard error together, as a terminal
shows them). This script runs each command with ``bash`` and the installed console script
``wxpay-names`` (the one beside the running Python), in a scratch folder holding the files
of :data:`FILES`, in an English locale unless the command sets ``LANG`` itself.

    python scripts/cli_docs.py           # compare; exit 1 and show the differences if any
    python scripts/cli_docs.py --write   # rewrite the outputs in the pages from the runs

``tests/test_cli_docs.py`` runs the comparison. When a change of the library changes an
output on purpose, run ``--write`` and read the diff of the pages before committing it.
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
PAGES = tuple(ROOT / "docs" / name for name in ("cli.md", "card-refused.md", "card-refused.zh.md"))
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
    page: str = "docs/cli.md"


def read_blocks(page: str, name: str = "docs/cli.md") -> list[tuple[int, int, list[Command]]]:
    """Each console block of *page* (named *name* in messages) as (start, end, commands), in order."""
    blocks = []
    for fence in _FENCE.finditer(page):
        first_line = page.count("\n", 0, fence.start(1)) + 1
        blocks.append((fence.start(1), fence.end(1), _commands(fence.group(1), first_line, name)))
    return blocks


def _commands(body: str, first_line: int, _where: str) -> list[Command]:
    commands: list[Command] = []
    lines = body.splitlines()
    index = 0
    while index < len(lines):
        if not lines[index].startswith(PROMPT):
            raise ValueError(f"{_where}, line {first_line + index}: a console block starts with '$ '.")
        start = index
        text = lines[index][len(PROMPT) :]
        # A command goes on over the next lines while its quotes are open (a two-line MRZ).
        while not _complete(text):
            index += 1
            if index >= len(lines):
                raise ValueError(f"{_where}, line {first_line + start}: the command's quotes never close.")
            text += "\n" + lines[index]
        index += 1
        output: list[str] = []
        while index < len(lines) and not lines[index].startswith(PROMPT):
            output.append(lines[index])
            index += 1
        commands.append(Command(text, "\n".join(output), first_line + start, _where))
    return commands


def _complete(text: str) -> bool:
    try:
        shlex.split(text)
    except ValueError:
        return False
    return True


def run(command: Command, folder: Path) -> str:
    """The command's output as a terminal shows it: stdout and stderr, trailing blanks dropped."""
    _where = command.page
    if "wxpay-names" not in command.text and not command.text.startswith("cat "):
        raise ValueError(
            f"{_where}, line {command.line}: a console command runs wxpay-names (or cat shows a file)."
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


def run_page(page: str, name: str = "docs/cli.md") -> list[tuple[Command, str]]:
    """Every command of the page with the output it gives now."""
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name, content in FILES.items():
            (folder / name).write_text(content, encoding="utf-8")
        for _, _, commands in read_blocks(page, name):
            results += [(command, run(command, folder)) for command in commands]
    return results


def rewrite(page: str, name: str = "docs/cli.md") -> str:
    """The page with every command's output replaced by what it gives now."""
    results = iter(run_page(page, name))
    pieces: list[str] = []
    last = 0
    for start, end, commands in read_blocks(page, name):
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


def differences(page: str, name: str = "docs/cli.md") -> list[str]:
    """A report of each command whose output differs from the page's."""
    report = []
    for command, output in run_page(page, name):
        if output != command.shown:
            report.append(
                f"{name}, line {command.line}: $ {command.text}\n"
                f"--- shown\n{command.shown}\n--- now\n{output}"
            )
    return report


def page_name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def main(argv: list[str]) -> int:
    if argv not in ([], ["--write"]):
        print(__doc__, file=sys.stderr)
        return 2
    report: list[str] = []
    for path in PAGES:
        page, name = path.read_text(encoding="utf-8"), page_name(path)
        if argv == ["--write"]:
            path.write_text(rewrite(page, name), encoding="utf-8")
            print(f"rewrote the outputs of {name}; review the diff before committing.")
        else:
            report += differences(page, name)
    for each in report:
        print(each, end="\n\n")
    if report:
        print("the pages are out of date: run python scripts/cli_docs.py --write and review the diff.")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
