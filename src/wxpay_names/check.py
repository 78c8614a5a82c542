"""Diagnosis of a typed name (issue 5 fills this in)."""

from __future__ import annotations

from .models import Bank, NameCheck, PassportName


def check_name(entered: str, name: PassportName | str, bank: Bank | str) -> NameCheck:
    raise NotImplementedError
