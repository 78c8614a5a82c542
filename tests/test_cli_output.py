"""The command line and the operating system: a console that cannot show Chinese, a full disk,
a file over ``ulimit -f``, a folder given as ``-o``. Run as the console script runs, in a
subprocess, so the real standard streams, signals and exit flush are what is tested."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from wxpay_names import banks, cli_output

FULL_DEVICE = Path("/dev/full")  # Linux and the BSDs: every write fails with ENOSPC


def run(
    *arguments: str, encoding: str | None = None, limit: int | None = None
) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    environment.pop("PYTHONIOENCODING", None)
    if encoding:
        environment["PYTHONIOENCODING"] = encoding

    def file_size_limit() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "wxpay_names", *arguments],
        capture_output=True,
        env=environment,
        preexec_fn=file_size_limit,
        check=False,
        timeout=120,
    )


def assert_one_line_failure(result: subprocess.CompletedProcess[bytes], says: str) -> None:
    error = result.stderr.decode()
    assert result.returncode == 2, error
    assert error.count("\n") == 1, error
    assert says in error
    assert "Traceback" not in error
    assert "internal error" not in error
    assert "Exception ignored" not in error


@pytest.fixture
def names_csv(tmp_path: Path) -> Path:
    path = tmp_path / "in.csv"
    rows = [f"Zhang{chr(97 + index % 26)},San" for index in range(300)]
    path.write_text("surname,given_names\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------
# A console that cannot show Chinese.


def test_banks_on_an_ascii_console_exits_as_usual() -> None:
    result = run("banks", encoding="ascii")
    assert result.returncode == 0, result.stderr
    assert b"ICBC" in result.stdout
    assert b"?" in result.stdout  # the Chinese names, replaced
    assert result.stderr == b""


def test_chinese_on_an_ascii_console_falls_back_to_english() -> None:
    result = run("format", "ZHANG, San", "--bank", "BOC", "--lang", "zh", encoding="ascii")
    assert result.returncode == 0, result.stderr
    assert b"SAN ZHANG" in result.stdout
    assert b"Given names" in result.stdout
    assert b"writing in English" in result.stderr


def test_json_on_an_ascii_console_stays_whole() -> None:
    result = run("banks", "--json", encoding="ascii")
    assert result.returncode == 0, result.stderr
    result.stdout.decode("ascii")
    banks = json.loads(result.stdout)["banks"]
    assert banks[0]["name_zh"] == "中国工商银行"


# ---------------------------------------------------------------------------------------
# Output the machine will not take: one line, exit 2.


def test_batch_to_dev_full(names_csv: Path) -> None:
    result = run("batch", str(names_csv), "-o", str(FULL_DEVICE))
    assert_one_line_failure(result, "cannot write /dev/full: No space left on device")
    assert FULL_DEVICE.is_char_device()  # written as a device, never renamed over


@pytest.mark.parametrize("command", [["banks"], ["banks", "--json"], ["format", "ZHANG, San"]])
def test_standard_output_on_a_full_device(command: list[str], names_csv: Path) -> None:
    with FULL_DEVICE.open("wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "wxpay_names", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
            timeout=120,
        )
    assert_one_line_failure(result, "cannot write standard output: No space left on device")


def test_batch_to_a_folder_is_refused_before_the_run(names_csv: Path, tmp_path: Path) -> None:
    result = run("batch", str(names_csv), "-o", str(tmp_path))
    assert_one_line_failure(result, "it is a folder")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.csv"]


def test_batch_over_the_file_size_limit(names_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = run("batch", str(names_csv), "-o", str(out), limit=4096)
    assert_one_line_failure(result, f"cannot write {out}: File too large")
    assert not out.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.csv"]  # no temporary file left


def test_standard_output_over_the_file_size_limit(names_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    with out.open("wb") as sink:
        result = subprocess.run(
            [sys.executable, "-m", "wxpay_names", "batch", str(names_csv)],
            stdout=sink,
            stderr=subprocess.PIPE,
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096)),
            check=False,
            timeout=120,
        )
    assert_one_line_failure(result, "cannot write standard output: File too large")


def test_the_batch_is_written_when_the_machine_takes_it(names_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = run("batch", str(names_csv), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").count("\n") == 1 + 300 * len(banks())


def test_the_failure_line_names_the_file_the_error_names() -> None:
    error = OSError(13, "Permission denied", "/root/out.csv")
    assert (
        cli_output.write_failure(error, "standard output") == "cannot write /root/out.csv: Permission denied."
    )
