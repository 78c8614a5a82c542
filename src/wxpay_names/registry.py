"""The bank registry: ``data/banks.csv`` read once, lazily, and looked up by any name."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from .errors import BankDataError, UnknownBankError
from .models import Bank
from .resources import data_text

BANK_COLUMNS = (
    "code", "name_en", "name_zh", "aliases", "order", "separator", "given_separator", "case",
    "case_evidence", "max_length", "max_length_evidence", "evidence", "source", "source_url",
    "verified_on", "example_surname", "example_given", "example_output", "note",
)  # fmt: skip
# Separators are written as words in the file: a lone space in a CSV cell is easy to lose.
_SEPARATOR_WORDS = {"space": " ", "none": ""}


class BankRegistry:
    """A set of banks and the index that finds one by code, alias or name."""

    def __init__(self, banks: Iterable[Bank]) -> None:
        self.banks: tuple[Bank, ...] = tuple(banks)
        self._index: dict[str, Bank] = {}
        for bank in self.banks:
            for key in (bank.code, bank.name_en, bank.name_zh, *bank.aliases):
                self._index.setdefault(lookup_key(key), bank)

    @classmethod
    def from_csv(cls, path: str | Path) -> BankRegistry:
        """Read a bank file of the ``data/banks.csv`` shape (a user's own, or a test fixture)."""
        file = Path(path)
        with file.open(encoding="utf-8", newline="") as handle:
            return cls(read_banks(handle, str(file)))

    def get(self, query: str) -> Bank:
        """The bank named by *query*, case- and full-width-insensitive."""
        if not isinstance(query, str):
            raise UnknownBankError(f"A bank is named by a string, not {type(query).__name__}.")
        found = self._index.get(lookup_key(query[:256]))
        if found is None:
            codes = ", ".join(bank.code for bank in self.banks)
            raise UnknownBankError(f"No bank is called {query[:40]!r}. Known codes: {codes}.")
        return found


def lookup_key(text: str) -> str:
    """Fold what people vary when they type a bank's name: width, case, spaces.

    >>> lookup_key("ＩＣＢＣ") == lookup_key(" icbc ")
    True
    """
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def read_banks(handle: io.TextIOBase | Iterable[str], filename: str) -> Iterator[Bank]:
    """Yield the banks of a CSV file, refusing a malformed row by file, line and column."""
    reader = csv.DictReader(handle)
    missing = [column for column in BANK_COLUMNS if column not in (reader.fieldnames or ())]
    if missing:
        raise BankDataError(f"{filename}, line 1: missing column(s) {', '.join(missing)}.")
    seen: set[str] = set()
    for row in reader:
        line = reader.line_num
        if None in row or any(value is None for value in row.values()):
            raise BankDataError(f"{filename}, line {line}: the row has the wrong number of cells.")
        bank = _bank_from_row(row, filename, line)
        if bank.code in seen:
            raise BankDataError(f"{filename}, line {line}, column code: {bank.code!r} appears twice.")
        seen.add(bank.code)
        yield bank


def _bank_from_row(row: dict[str, str], filename: str, line: int) -> Bank:
    fields: dict[str, object] = {column: row[column].strip() for column in BANK_COLUMNS}
    for column in ("separator", "given_separator"):
        word = str(fields[column])
        if word not in _SEPARATOR_WORDS:
            raise BankDataError(
                f"{filename}, line {line}, column {column}: {word!r} is not 'space' or 'none'."
            )
        fields[column] = _SEPARATOR_WORDS[word]
    aliases = str(fields["aliases"])
    fields["aliases"] = tuple(alias.strip() for alias in aliases.split("|") if alias.strip())
    for column in ("max_length", "verified_on"):
        fields[column] = fields[column] or None
    try:
        return Bank.model_validate(fields)
    except ValidationError as error:
        first = error.errors()[0]
        column = ".".join(str(part) for part in first["loc"]) or "?"
        raise BankDataError(f"{filename}, line {line}, column {column}: {first['msg']}.") from None


@cache
def default_registry() -> BankRegistry:
    """The registry of the packaged ``data/banks.csv``, read on first use."""
    return BankRegistry(read_banks(data_text("banks.csv"), "data/banks.csv"))


def banks() -> tuple[Bank, ...]:
    """Every bank of ``data/banks.csv``, in file order.

    >>> [bank.code for bank in banks()][:4]
    ['ICBC', 'ABC', 'CMB', 'BOC']
    """
    return default_registry().banks


def get_bank(query: str) -> Bank:
    """The bank with that code, alias, English or Chinese name.

    >>> get_bank("工行").code, get_bank("ＩＣＢＣ").code, get_bank("Bank of China").code
    ('ICBC', 'ICBC', 'BOC')
    """
    return default_registry().get(query)
