"""Shell completion through argcomplete: commands, options and bank codes complete with Tab."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "wxpay-names"


def complete(line: str, tmp_path: Path) -> list[str]:
    """What the shell hook would offer for *line*, as argcomplete's protocol gives it."""
    answer = tmp_path / "completions"
    environment = {
        **os.environ,
        "_ARGCOMPLETE": "1",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
        "_ARGCOMPLETE_STDOUT_FILENAME": str(answer),
        "_ARGCOMPLETE_IFS": "\n",
    }
    done = subprocess.run([str(SCRIPT)], env=environment, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return answer.read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize(
    ("line", "wanted"),
    [
        ("wxpay-names ", {"format", "check", "banks", "plan", "batch"}),
        ("wxpay-names format --su", {"--surname "}),
        ("wxpay-names check --ba", {"--bank", "--banks-file"}),
        ("wxpay-names format --bank IC", {"ICBC "}),
    ],
)
def test_tab_completes_commands_options_and_bank_codes(line: str, wanted: set[str], tmp_path: Path) -> None:
    assert wanted <= set(complete(line, tmp_path))


def test_the_entry_point_carries_argcomplete_marker() -> None:
    # register-python-argcomplete completes only scripts whose module says so in its first bytes.
    import wxpay_names.__main__ as entry

    assert "PYTHON_ARGCOMPLETE_OK" in Path(entry.__file__).read_text(encoding="utf-8")[:1024]


def test_argcomplete_is_loaded_only_when_the_shell_asks() -> None:
    code = (
        "import sys\n"
        "import wxpay_names, wxpay_names.cli\n"
        "from wxpay_names.cli import main\n"
        "main(['format', '--surname', 'Zhang', '--given', 'San', '--bank', 'ICBC'])\n"
        "assert 'argcomplete' not in sys.modules\n"
    )
    environment = {key: value for key, value in os.environ.items() if key != "_ARGCOMPLETE"}
    done = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
