"""The machine-readable zone into a PassportName (issue 3 fills this in)."""

from __future__ import annotations

from ..models import PassportName


def parse_mrz(text: str) -> PassportName:
    raise NotImplementedError
