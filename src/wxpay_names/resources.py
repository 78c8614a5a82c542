"""Where the data files are read from: the installed package, or the source checkout."""

from __future__ import annotations

import io
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def data_file(name: str) -> Traversable:
    """The file *name* of ``data/``.

    The wheel carries ``data/`` inside the package (``wxpay_names/data``); an editable
    install of a source checkout reads the repository's top-level ``data/`` instead, so
    the one copy in the repository stays the single source of truth.
    """
    packaged = files(__package__).joinpath("data", name)
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / name


def data_text(name: str) -> io.StringIO:
    """The text of ``data/<name>`` as a file object, for ``csv`` readers."""
    return io.StringIO(data_file(name).read_text(encoding="utf-8"))
