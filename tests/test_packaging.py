"""The built wheel and sdist carry data/, and the installed package reads it from anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-t", "sdist", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return out


def test_wheel_and_sdist_carry_the_data(built: Path) -> None:
    (wheel,) = built.glob("*.whl")
    (sdist,) = built.glob("*.tar.gz")
    names = zipfile.ZipFile(wheel).namelist()
    # Every file of data/ (the tables the code reads, and their licence), not a chosen few.
    data_files = sorted(path.name for path in (ROOT / "data").iterdir() if path.is_file())
    assert len(data_files) >= 15
    for data in data_files:
        assert f"wxpay_names/data/{data}" in names
    # The card-prefix data's MIT licence travels beside it, and with the wheel's licences.
    assert "wxpay_names/data/LICENSE-bcbc.txt" in names
    assert any(name.endswith(".dist-info/licenses/data/LICENSE-bcbc.txt") for name in names)
    assert "wxpay_names/py.typed" in names
    assert "wxpay_names/web/page.html" in names  # the page at / of `wxpay-names serve`
    with tarfile.open(sdist) as archive:
        assert any(member.endswith("/data/banks.csv") for member in archive.getnames())


def test_installed_wheel_reads_banks_from_another_folder(built: Path, tmp_path: Path) -> None:
    (wheel,) = built.glob("*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    # Install the wheel alone, and lend the new venv this one's dependencies (pydantic…)
    # through a path entry: the editable install of this checkout is not visible there.
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", site, str(wheel)],
        check=True,
        capture_output=True,
    )
    Path(site, "lend_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import json, wxpay_names; "
        "print(json.dumps([wxpay_names.__file__, [b.code for b in wxpay_names.banks()]]))"
    )
    # Without PYTHONPATH: a checkout's src/ on it would be imported instead of the wheel.
    clean = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [python, "-c", script], cwd=elsewhere, check=True, capture_output=True, text=True, env=clean
    )
    module_file, codes = json.loads(result.stdout)
    assert Path(module_file).is_relative_to(Path(site))
    assert codes[:5] == ["ICBC", "ABC", "CMB", "BOC", "CCB"]


def test_import_leaves_heavy_modules_out() -> None:
    script = (
        "import sys, wxpay_names; "
        "from wxpay_names import PassportName, format_name; "
        "format_name(PassportName(surname='Muller', given_names='Jurgen'), 'ICBC'); "
        "print(sorted(m for m in ('pypinyin', 'unidecode') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


def test_letters_outside_the_tables_bring_unidecode_in() -> None:
    script = (
        "import sys; from wxpay_names import PassportName, format_name; "
        "print(format_name(PassportName(surname='Nguyễn'), 'ICBC'), 'unidecode' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    assert result.stdout.split() == ["NGUYEN", "True"]


def test_stages_not_every_caller_needs_load_on_first_use() -> None:
    script = (
        "import sys, wxpay_names; "
        "stages = ('wxpay_names.check', 'wxpay_names.plan', 'wxpay_names.inputs.mrz', "
        "'wxpay_names.inputs.chinese'); "
        "before = [m for m in stages if m in sys.modules]; "
        "wxpay_names.check_name; wxpay_names.parse_mrz; "
        "print(before, 'wxpay_names.check' in sys.modules, 'wxpay_names.inputs.mrz' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    assert result.stdout.split() == ["[]", "True", "True"]


def test_unknown_attributes_still_raise_attribute_error() -> None:
    import wxpay_names

    with pytest.raises(AttributeError, match="no_such_name"):
        _ = wxpay_names.no_such_name  # type: ignore[attr-defined]
    assert "check_name" in dir(wxpay_names)
