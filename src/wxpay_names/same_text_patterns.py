"""Which patterns write the same text for one name: the outcomes a learned rank pools.

Observations count outcomes per pattern, over many people's names; a pattern is a choice
of order, spacing, given names, spelling and case. For one name, several patterns may
write one text: for ``ZHANG SAN`` the passport's spelling and the plainly folded one are
the same letters, and for ``MADONNA`` (a one-part name) the order and the space between
surname and given names write nothing. A candidate stands for all of them, but only the
first of them is listed (texts are never repeated). So a candidate's outcomes are those of
every observed pattern that writes its text for this name: outcomes that taught the
library a bank holds ``MULLER`` (folded) over ``MUELLER`` must not push ``ZHANG SAN``,
which both spellings write, below ``Zhang San``.

Two patterns write the same text for a name when they agree on everything the name lets
show: the case, the dots and the cut always show; the order and the space between the
parts only when both parts hold letters; the space between words only when a part that is
written has several words; the first given name alone only when there are several; and
two spellings are the same when they give the same words (only the letter tables are
compared: ICAO's, the folded one, ICAO's other values and the national Cyrillic tables;
the written forms and Chinese readings are matched by their kind alone).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from operator import itemgetter
from typing import NamedTuple

from .models import PassportName, SpellingKind
from .observations import PATTERN_FIELDS, PatternKey
from .spelling import Spelling, national_tables, spell_name

_ORDER, _SEPARATOR, _GIVEN_SEPARATOR, _GIVEN_NAMES, _SPELLING = (
    PATTERN_FIELDS.index(field)
    for field in ("order", "separator", "given_separator", "given_names", "spelling")
)
# The fields every text shows, whatever the name.
_always = itemgetter(
    *[
        index
        for index, field in enumerate(PATTERN_FIELDS)
        if field not in ("order", "separator", "given_separator", "given_names", "spelling")
    ]
)


class _Words:
    """The words of a name in each spelling kind, computed once a kind is asked for, with
    which of a pattern's choices show in them."""

    def __init__(self, name: PassportName, spelled: Sequence[Spelling]) -> None:
        self._name = name
        self._known: dict[str, Spelling | None] = {spelling.kind: spelling for spelling in spelled}
        self._shows: dict[str, _Shows | None] = {}

    def of(self, kind: SpellingKind) -> Spelling | None:
        """The name in *kind*, or ``None`` when that kind is not a letter table's for this name."""
        if kind in self._known:
            return self._known[kind]
        found = None
        if kind in _letter_tables() and self._name.source != "chinese":
            name = self._name
            ascii_name = name.surname.isascii() and name.given_names.isascii()
            # Every letter table spells A to Z alike: an ASCII name has one spelling of its letters.
            found = self._known.get("icao") if ascii_name else None
            found = found or spell_name(name, kind)
        self._known[kind] = found
        return found

    def shows(self, kind: SpellingKind) -> _Shows | None:
        """Which choices show in the name spelled in *kind* (``None``: not a letter table's)."""
        if kind in self._shows:
            return self._shows[kind]
        spelling = self.of(kind)
        shows = None
        if spelling is not None:
            _, surname, given = spelling
            several = len(surname) > 1
            shows = _Shows(
                (surname, given),
                bool(surname) and bool(given),
                len(given) > 1,
                several or sum(map(len, given)) > 1,
                several or (bool(given) and len(given[0]) > 1),
            )
        self._shows[kind] = shows
        return shows


class _Shows(NamedTuple):
    words: tuple[object, ...]  # the spelling, by the words it gives
    parts: bool  # both parts hold letters: the order and the space between them show
    given_names: bool  # several given names: the first alone shows
    spaces_all: bool  # a word space shows with every given name written
    spaces_first: bool  # ... with the first given name alone


@cache
def _letter_tables() -> frozenset[str]:
    return frozenset(
        {"icao", "folded", "icao_alternative", *(table.kind for table in national_tables().values())}
    )


def _shown(key: PatternKey, words: _Words) -> tuple[object, ...]:
    """What of the pattern *key* shows in this name's text: two patterns with the same shown
    values write the same text (see the module docstring)."""
    shows = words.shows(key[_SPELLING])
    if shows is None:  # a written form or a Chinese reading that is not this name's: all of it
        return key
    spelled_as, parts, given_names, spaces_all, spaces_first = shows
    spaces = spaces_first if key[_GIVEN_NAMES] == "first" else spaces_all
    return (
        _always(key),
        spelled_as,
        (key[_ORDER], key[_SEPARATOR]) if parts else None,
        key[_GIVEN_NAMES] if given_names else None,
        key[_GIVEN_SEPARATOR] if spaces else None,
    )


def writes_same_text(key: PatternKey, other: PatternKey, words: _Words) -> bool:
    """Whether the pattern *other* writes this name as *key* does."""
    return _shown(key, words) == _shown(other, words)


def pooled_counts(
    name: PassportName,
    spelled: Sequence[Spelling],
    keys: Sequence[PatternKey],
    counts: Mapping[PatternKey, tuple[int, int]],
) -> list[tuple[int, int]]:
    """For each candidate's pattern (its key in *keys*), the outcomes in *counts* of every
    pattern that writes its text for *name*, summed."""
    words = _Words(name, spelled)
    pooled: dict[tuple[object, ...], tuple[int, int]] = {}
    for other, (accepted, refused) in counts.items():
        shown = _shown(other, words)
        before = pooled.get(shown, (0, 0))
        pooled[shown] = (before[0] + accepted, before[1] + refused)
    return [pooled.get(_shown(key, words), (0, 0)) for key in keys]
