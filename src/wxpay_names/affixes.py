"""Titles, generational suffixes and degrees: words written with a name that a passport
does not print as part of it (ICAO 9303 Part 3 §4.6), from ``data/name_affixes.csv``.

The readers drop titles (``Dr.``) and trailing degrees (``PhD``) and put a generational
suffix (``Jr.``, ``III``) after the given names; the candidates place it otherwise too.
"""

from __future__ import annotations

import csv
from functools import cache
from typing import Literal

from .resources import data_text

AffixKind = Literal["title", "generational", "degree"]


@cache
def _affixes() -> dict[str, tuple[AffixKind, bool]]:
    table: dict[str, tuple[AffixKind, bool]] = {}
    for row in csv.DictReader(data_text("name_affixes.csv")):
        kind = row["kind"]
        if kind not in ("title", "generational", "degree"):
            raise ValueError(f"data/name_affixes.csv: unknown kind {kind!r} for {row['affix']!r}")
        table[row["affix"]] = (kind, row["capitals_only"] == "yes")  # type: ignore[assignment]
    return table


def affix_kind(word: str) -> AffixKind | None:
    """What *word* is when written with a name, or ``None`` for a name word.

    >>> affix_kind("Jr."), affix_kind("III"), affix_kind("Ph.D."), affix_kind("Dr"), affix_kind("Ii")
    ('generational', 'generational', 'degree', 'title', None)
    >>> affix_kind("J.R.")  # two initials

    """
    key = word.replace(".", "")
    if not key.isalpha():
        return None
    found = _affixes().get(key.upper())
    if found is None:
        return None
    kind, capitals_only = found
    if capitals_only and not key.isupper():
        return None
    if kind == "generational" and "." in word.rstrip("."):
        return None  # J.R. is two initials; a suffix is written Jr. (a degree may be Ph.D.)
    return kind
