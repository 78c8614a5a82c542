"""Turn the ``str`` forms a public call accepts into the values the pipeline works on."""

from __future__ import annotations

from .errors import InvalidNameError, UnknownBankError
from .models import Bank, PassportName
from .registry import get_bank


def resolve_name(name: PassportName | str) -> PassportName:
    """A ``PassportName`` as given, or one read from text by ``parse_name``."""
    if isinstance(name, PassportName):
        return name
    if isinstance(name, str):
        from .inputs.text import parse_name

        return parse_name(name)
    raise InvalidNameError(f"A name is a PassportName or a str, not {type(name).__name__}.")


def resolve_bank(bank: Bank | str) -> Bank:
    """A ``Bank`` as given, or the bank ``get_bank`` finds for the text."""
    if isinstance(bank, Bank):
        return bank
    if isinstance(bank, str):
        return get_bank(bank)
    raise UnknownBankError(f"A bank is a Bank or a str, not {type(bank).__name__}.")
