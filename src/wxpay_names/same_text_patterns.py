"""Which patterns write the same text for one name: the acceptances a learned rank pools.

Observations count outcomes per pattern, over many people's names; a pattern is a choice
of order, spacing, given names, spelling and case. For one name, several patterns may
write one text: for ``ZHANG SAN`` the passport's spelling and the plainly folded one are
the same letters, and for ``MADONNA`` (a one-part name) the order and the space between
surname and given names write nothing. A candidate stands for all of them, but only the
first of them is listed (texts are never repeated).

So a candidate counts as accepted whenever a pattern that writes its text for this name was
accepted: outcomes that taught the library a bank holds ``MULLER`` (folded) must count for
``ZHANG SAN``, which the folded spelling writes too. Refusals are not pooled: a refusal of
another pattern came from a choice that showed in that person's name (the folded ``MULLER``
refused) and may not show in this one (``ZHANG SAN`` has no letter to fold), so it says
nothing of this text; a candidate counts its own pattern's refusals only.

Two patterns write the same text for a name when they write the same words in the same
case, with the same cut, and agree on what of the layout shows: the dots only when there are
two words or more; the order only when both parts hold letters and differ (``LI LI`` reads
the same either way); the space between the parts only when both hold letters; the space
between words only when a part written has several. The words are the spelling's, with the
first given name alone or every given name. A letter table's spelling (ICAO's, the folded
one, ICAO's other values, a national Cyrillic table) is computed for the name. A kind the
name's spellings lack writes the primary words when its absence says it does not apply (no
suffix to drop, no ü in a name read from Chinese characters); a Chinese reading's kind is
unknown for a name not read from characters, and is matched by its whole pattern only.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from itertools import chain
from typing import NamedTuple

from .models import PassportName, SpellingKind
from .observations import PATTERN_FIELDS, PatternKey
from .spelling import Spelling, has_cyrillic, national_tables, spell_name

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

# Spellings only a name read from Chinese characters has (inputs/chinese_spellings.py).
_CHINESE_KINDS = frozenset(
    {
        "pinyin_lu",
        "pinyin_lv",
        "pinyin_syllables",
        "second_reading",
        "given_reading",
        "double_surname_spaced",
        "double_surname_hyphenated",
        "surname_split",
    }
)


@cache
def _letter_tables() -> frozenset[str]:
    return frozenset(
        {"icao", "folded", "icao_alternative", *(table.kind for table in national_tables().values())}
    )


class _Layout(NamedTuple):
    """What of a pattern shows in the name spelled in one kind."""

    several_given: bool  # several given names: "the first alone" shows
    # with every given name written, then with the first alone:
    words: tuple[int, int]  # the words written, as an index shared by every kind that writes them
    parts: tuple[bool, bool]  # both parts hold letters: the space between them shows
    order: tuple[bool, bool]  # ... and differ: the order shows too
    spaces: tuple[bool, bool]  # a part written has several words: the space between words shows
    dots: tuple[bool, bool]  # two words or more: the dots show


def _layout_of(
    surname: tuple[str, ...], given: tuple[tuple[str, ...], ...], index: Callable[[object], int]
) -> _Layout:
    written = (tuple(chain.from_iterable(given)), given[0] if given else ())
    parts = tuple(bool(surname) and bool(words) for words in written)
    return _Layout(
        len(given) > 1,
        (index((surname, written[0])), index((surname, written[1]))),
        (parts[0], parts[1]),
        (parts[0] and surname != written[0], parts[1] and surname != written[1]),
        (len(surname) > 1 or len(written[0]) > 1, len(surname) > 1 or len(written[1]) > 1),
        (len(surname) + len(written[0]) > 1, len(surname) + len(written[1]) > 1),
    )


class _Words:
    """The name's layout in each spelling kind, worked out once a kind is asked for."""

    def __init__(self, name: PassportName, spelled: Sequence[Spelling]) -> None:
        self._name = name
        self._primary = spelled[0]
        self._known: dict[str, Spelling] = {spelling.kind: spelling for spelling in spelled}
        self._words_seen: list[object] = []
        self._layouts: dict[str, _Layout | None] = {}

    def _spelling(self, kind: SpellingKind) -> Spelling | None:
        found = self._known.get(kind)
        if found is not None:
            return found
        name = self._name
        if kind in _CHINESE_KINDS and name.source != "chinese":
            return None  # not read from characters: what such a reading writes is not known
        if kind in _letter_tables() and not self._as_primary(kind):
            return spell_name(name, kind)
        # Every letter table spells A to Z alike; any other kind the name lacks does not apply.
        return self._primary

    def _as_primary(self, kind: SpellingKind) -> bool:
        """Whether the letter table *kind*, missing from the name's spellings, writes the
        primary (ICAO) words: the name's spellings hold every table's that differs, except a
        national one for a name with Cyrillic letters (they may equal each other instead)."""
        name = self._name
        if name.surname.isascii() and name.given_names.isascii():
            return True
        if self._primary.kind != "icao":
            return False
        return kind in ("folded", "icao_alternative") or not has_cyrillic(name.surname + name.given_names)

    def _index(self, words: object) -> int:
        """The index of *words* (surname and given names written) among those met so far."""
        if words not in self._words_seen:
            self._words_seen.append(words)
        return self._words_seen.index(words)

    def layout(self, kind: SpellingKind) -> _Layout | None:
        """What shows in the name spelled in *kind*; ``None`` when that is not known."""
        if kind in self._layouts:
            return self._layouts[kind]
        spelling = self._spelling(kind)
        layout = None
        if spelling is not None:
            layout = _layout_of(spelling.surname, spelling.given, self._index)
        self._layouts[kind] = layout
        return layout


def _shown(key: PatternKey, layout: _Layout | None) -> tuple[object, ...]:
    """What of the pattern *key* shows in the name's text (*layout*: its spelling's): two
    patterns with the same shown values write the same text (see the module docstring)."""
    if layout is None:  # a reading not known for this name: all of the pattern
        return key
    first = key[_GIVEN_NAMES] == "first" and layout.several_given
    return (
        key[_CASE],
        key[_SHORTENED],
        key[_DOTS] if layout.dots[first] else None,
        layout.words[first],
        key[_ORDER] if layout.order[first] else None,
        key[_SEPARATOR] if layout.parts[first] else None,
        key[_GIVEN_SEPARATOR] if layout.spaces[first] else None,
    )


def writes_same_text(key: PatternKey, other: PatternKey, words: _Words) -> bool:
    """Whether the pattern *other* writes this name as *key* does."""
    return _shown(key, words.layout(key[_SPELLING])) == _shown(other, words.layout(other[_SPELLING]))


class Pooled(NamedTuple):
    """A candidate's outcomes: the acceptances of every pattern writing its text, its own
    pattern's refusals, and whether another pattern's acceptances are among them."""

    accepted: int
    refused: int
    alike: bool


# The acceptances by shown values, per bank's counts and per the layouts they were shown in
# (names of one shape share them): few entries, each a dict as large as the bank's counts.
_TABLES: OrderedDict[tuple[int, tuple[object, ...]], tuple[object, dict[tuple[object, ...], int]]] = (
    OrderedDict()
)
_TABLES_AT_MOST = 256


def pooled_counts(
    name: PassportName,
    spelled: Sequence[Spelling],
    keys: Sequence[PatternKey],
    counts: Mapping[PatternKey, tuple[int, int]],
) -> list[Pooled]:
    """For each candidate's pattern (its key in *keys*): the acceptances in *counts* of every
    pattern that writes its text for *name*, and its own refusals."""
    words = _Words(name, spelled)
    kinds = _kinds_of(counts)
    layouts = tuple(words.layout(kind) for kind in kinds)
    table = _acceptances(counts, kinds, layouts)
    found: list[Pooled] = []
    for key in keys:
        own_accepted, own_refused = counts.get(key, (0, 0))
        accepted = table.get(_shown(key, words.layout(key[_SPELLING])), 0) if table else 0
        found.append(Pooled(max(accepted, own_accepted), own_refused, accepted > own_accepted))
    return found


_KINDS: dict[int, tuple[object, tuple[SpellingKind, ...]]] = {}


def _kinds_of(counts: Mapping[PatternKey, tuple[int, int]]) -> tuple[SpellingKind, ...]:
    """The spelling kinds of the patterns counted (per counts mapping, kept while it lives)."""
    entry = _KINDS.get(id(counts))
    if entry is None or entry[0] is not counts:
        if len(_KINDS) > 64:
            _KINDS.clear()
        entry = _KINDS[id(counts)] = (counts, tuple(sorted({key[_SPELLING] for key in counts})))
    return entry[1]


def _acceptances(
    counts: Mapping[PatternKey, tuple[int, int]],
    kinds: tuple[SpellingKind, ...],
    layouts: tuple[_Layout | None, ...],
) -> dict[tuple[object, ...], int]:
    """The acceptances in *counts* by the values of a pattern that show (*layouts*: the name's,
    per kind of *kinds*): computed once per bank's counts and shape of name."""
    cache_key = (id(counts), layouts)
    entry = _TABLES.get(cache_key)
    if entry is not None and entry[0] is counts:
        _TABLES.move_to_end(cache_key)
        return entry[1]
    by_kind = dict(zip(kinds, layouts, strict=True))
    table: dict[tuple[object, ...], int] = {}
    for key, (accepted, _) in counts.items():
        if accepted:
            shown = _shown(key, by_kind[key[_SPELLING]])
            table[shown] = table.get(shown, 0) + accepted
    _TABLES[cache_key] = (counts, table)
    if len(_TABLES) > _TABLES_AT_MOST:
        _TABLES.popitem(last=False)
    return table
