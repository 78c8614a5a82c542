"""Free text into a PassportName (issue 3 fills this in)."""

from __future__ import annotations

from ..models import PassportName


def parse_name(text: str) -> PassportName:
    raise NotImplementedError
