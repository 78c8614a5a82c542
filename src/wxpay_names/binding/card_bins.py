"""The card-number prefix table (``data/card_bins.csv``, ``data/card_issuers.csv``), read once, lazily.

The rows come from the MIT-licensed hexindai/bcbc dataset, which recorded the answers of
Alipay's public card-info service (the files' headers and ``docs/data-policy.md`` say how);
``scripts/build_card_bins.py`` rebuilds them. Nothing here is imported by ``import
wxpay_names``: the table loads on the first card looked up.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..resources import data_text


@dataclass(frozen=True, slots=True)
class BinRow:
    """One row of the prefix table: ``prefix`` of a ``length``-digit card of ``issuer``."""

    prefix: str
    issuer: str
    kind: str  # DC debit, CC credit, SCC semi-credit, PC prepaid
    length: int


@dataclass(frozen=True, slots=True)
class Issuer:
    """One row of the issuer table: the card data's code, its Chinese name, the bank list's code."""

    code: str
    name_zh: str
    bank: str  # "" when the bank list (data/banks.csv) has no row for it


@dataclass(frozen=True, slots=True)
class BinTable:
    """The prefix table indexed by prefix; one prefix may hold rows of several issuers and lengths."""

    by_prefix: dict[str, tuple[BinRow, ...]]
    issuers: dict[str, Issuer]
    longest: int
    shortest: int

    def longest_match(self, digits: str) -> tuple[BinRow, ...]:
        """The rows of the longest prefix *digits* begins with that has a card of their length;
        with none, the rows of the longest prefix (the length then unexpected); empty when no
        prefix matches. A longer prefix of another length does not hide a shorter one of the
        number's: ``6212601020000002`` (16 digits) is PAB's 621260, not CSRCB's 19-digit
        621260102."""
        longest: tuple[BinRow, ...] = ()
        for size in range(min(self.longest, len(digits)), self.shortest - 1, -1):
            rows = self.by_prefix.get(digits[:size])
            if rows:
                if any(row.length == len(digits) for row in rows):
                    return rows
                longest = longest or rows
        return longest


def _records(name: str) -> Iterator[dict[str, str]]:
    # The files begin with '#' lines: where the rows come from, the licence, the date.
    lines = (line for line in data_text(name) if not line.startswith("#"))
    yield from csv.DictReader(lines)


@cache
def bin_table() -> BinTable:
    """The table, read on first use and kept."""
    by_prefix: dict[str, list[BinRow]] = {}
    for record in _records("card_bins.csv"):
        row = BinRow(record["prefix"], record["issuer"], record["kind"], int(record["length"]))
        by_prefix.setdefault(row.prefix, []).append(row)
    issuers = {
        record["issuer"]: Issuer(record["issuer"], record["name_zh"], record["bank"])
        for record in _records("card_issuers.csv")
    }
    sizes = [len(prefix) for prefix in by_prefix]
    return BinTable(
        {prefix: tuple(rows) for prefix, rows in by_prefix.items()}, issuers, max(sizes), min(sizes)
    )


def issuer_not_listed(query: str) -> Issuer | None:
    """The card issuer a Chinese bank name names (``花旗``, ``东亚银行``) when the bank list has
    no row for it; ``None`` for a listed bank, a Latin name, or a name no issuer has.

    >>> issuer_not_listed("花旗").name_zh
    '花旗银行（中国）'
    >>> issuer_not_listed("工商银行") is None
    True
    """
    from ..bank_matching import core  # the bank list's own reading of a bank name; on a miss only

    key = core(query)
    if len(key) < 2 or not all("\u4e00" <= char <= "\u9fff" for char in key):
        return None
    # The whole of an issuer's own word, never a part of one: 中银 is not 中银富登村镇银行, and a
    # shared word (商业, 农村商业) names no one bank.
    found = [issuer for issuer in bin_table().issuers.values() if core(issuer.name_zh) == key]
    if not found or any(issuer.bank for issuer in found):
        return None  # a listed bank's name: the bank list answers
    return min(found, key=lambda issuer: (len(issuer.name_zh), issuer.code))
