"""Two cards, one name (issue 10 fills this in)."""

from __future__ import annotations

from collections.abc import Sequence

from .models import Bank, CardPlan, PassportName


def plan_cards(name: PassportName | str, banks: Sequence[Bank | str]) -> CardPlan:
    raise NotImplementedError


def compatible_banks(name: PassportName | str, bank: Bank | str) -> tuple[Bank, ...]:
    raise NotImplementedError
