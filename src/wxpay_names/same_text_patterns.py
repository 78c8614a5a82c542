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

Two patterns write the same text for a name when they write the same words in the same
case, with the same cut, and agree on what of the layout shows: the dots only when there are
two words or more; the order only when both parts hold letters and differ (``LI LI`` reads
the same either way); the space between the parts only when both hold letters; the space
between words only when a part written has several. The words are the spelling's, with the
first given name alone or every given name: a letter table's spelling (ICAO's, the folded
one, ICAO's other values, a national Cyrillic table) is computed for the name; any other
kind the name's spellings lack does not apply to it (no suffix to drop, no ü to write as U),
so it writes the primary spelling's words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from itertools import chain

from .models import PassportName, SpellingKind
from .observations import PATTERN_FIELDS, PatternKey
from .spelling import Spelling, national_tables, spell_name

_ORDER, _SEPARATOR, _GIVEN_SEPARATOR, _GIVEN_NAMES, _SPELLING, _CASE, _SHORTENED, _DOTS = (
    PATTERN_FIELDS.index(field)
    for field in (
        "order",
        "separator",
        "given_separator",
        "given_names",
        "spelling",
        "case",
        "shortened",
        "dots",
    )
)
assert len(PATTERN_FIELDS) == 8, "a new Pattern field: say in _shown when it shows"


class _Words:
    """The words of a name in each spelling kind, computed once a kind is asked for."""

    def __init__(self, name: PassportName, spelled: Sequence[Spelling]) -> None:
        self._name = name
        self._primary = spelled[0]
        self._known: dict[str, Spelling] = {spelling.kind: spelling for spelling in spelled}

    def of(self, kind: SpellingKind) -> Spelling:
        """The name in *kind*: a letter table's spelling is computed; any other kind not among
        the name's spellings does not apply to it (no suffix to drop, no ü to write U) and
        writes it as the primary spelling does."""
        found = self._known.get(kind)
        if found is None:
            name = self._name
            found = self._primary
            plain = name.surname.isascii() and name.given_names.isascii()
            # Every letter table spells A to Z alike: an ASCII name has one spelling of its letters.
            if kind in _letter_tables() and not plain:
                found = spell_name(name, kind)
            self._known[kind] = found
        return found


@cache
def _letter_tables() -> frozenset[str]:
    return frozenset(
        {"icao", "folded", "icao_alternative", *(table.kind for table in national_tables().values())}
    )


def _shown(key: PatternKey, words: _Words) -> tuple[object, ...]:
    """What of the pattern *key* shows in this name's text: two patterns with the same shown
    values write the same text (see the module docstring)."""
    _, surname, given = words.of(key[_SPELLING])
    written = given if key[_GIVEN_NAMES] == "all" else given[:1]
    given_words = tuple(chain.from_iterable(written))
    parts = bool(surname) and bool(given_words)
    return (
        key[_CASE],
        key[_SHORTENED],
        key[_DOTS] if len(surname) + len(given_words) > 1 else None,
        surname,
        given_words,
        # LI LI reads the same in either order; a one-part name has no order and no space.
        key[_ORDER] if parts and surname != given_words else None,
        key[_SEPARATOR] if parts else None,
        key[_GIVEN_SEPARATOR] if len(surname) > 1 or len(given_words) > 1 else None,
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
