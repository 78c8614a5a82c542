"""Chinese characters into a PassportName (issue 4 fills this in)."""

from __future__ import annotations

from ..models import PassportName
from ..spelling import Spelling, spell_name


def from_chinese(text: str) -> PassportName:
    raise NotImplementedError


def chinese_spellings(name: PassportName) -> tuple[Spelling, ...]:
    return (spell_name(name),)
