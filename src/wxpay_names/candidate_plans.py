"""How a bank's candidates are laid out, without a letter of a name: the plans.

A plan is every candidate layout for one bank row and one shape of name (how many words
each part has in each spelling), in rank order: rank 1 is the bank's recorded convention
applied to the primary (ICAO) spelling; every other layout carries one deviation (other
order, other spacing, first given name alone, another spelling, title case), then pairs,
then triples of deviations, each group ordered by weight: the likelier a clerk's
variation, the lighter its weight. A rare deviation (ICAO's XX forms) ranks as one more;
cut forms follow an over-long rank 1. Layouts that would write the same text for every
name of the shape are dropped.

A plan holds patterns and notes, never letters: ``candidates`` renders the texts of one
name from it, and caches the plans per bank (``candidates._Ready``).
"""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import combinations
from typing import NamedTuple, cast

from .messages import BankRow, candidate_note
from .models import Bank, Case, Dots, Order, Pattern, Separator, SpellingKind

# The letters of one spelling are twelve strings (``candidates._pieces``): the surname, all
# given names and the first given name, each in upper and in title case, each joined by a
# space and by nothing. A step names two of them; piece_index() gives the index.
Pieces = tuple[str, ...]
SURNAME, GIVEN, FIRST_GIVEN = 0, 1, 2

# How far from the bank's row a deviation takes a text; lighter is likelier. (Every note's
# wording is in messages.py: candidate_note says how a pattern deviates from its row.)
SPELLING_WEIGHTS: dict[SpellingKind, int] = {
    "icao": 0,
    "pinyin_lu": 1,
    "folded": 2,
    "pinyin_lv": 2,
    "second_reading": 2,
    "pinyin_syllables": 3,
    "given_reading": 3,
    "icao_alternative": 4,
    # Forms people write a name in (name_forms.py, inputs/chinese_spellings.py), each with its source in
    # its note: a 双姓 spaced as the MRZ's filler reads, or hyphenated as GB/T 28039-2011 writes it.
    "double_surname_spaced": 1,
    "double_surname_hyphenated": 2,
    # The table reads the compound (单于飞: CHANYU FEI); that the first character is the surname
    # alone, a surname on its own too, is a guess the characters allow: low.
    "surname_split": 5,
    # The passport's hyphens and apostrophes, as hotels copy the visual page (grade D) and payment
    # apps accept (grade C): as likely as a clerk's case change.
    "punctuation_kept": 1,
    # A generational suffix: ICAO leaves it out unless the State prints it (then after the given names).
    "suffix_dropped": 1,
    "suffix_with_given": 1,
    "suffix_with_surname": 2,
    # "Middle names used as last names": one report (grade B), so low.
    "middle_with_surname": 4,
    # Another State's national table, for a Cyrillic name whose State is not known.
    "ukrainian": 3,
    "bulgarian": 3,
    "serbian": 3,
    "belarusian": 3,
    "macedonian": 3,
}
_CASE_WEIGHT = 1
_ORDER_WEIGHT = 3
_FIRST_GIVEN_WEIGHT = 4

# The most candidates a list holds: rank 1, the later steps, then two dotted or cut forms.
MAX_CANDIDATES = 12
# The forms every list holds (design/api.md, "Output rules"): the other order, the other
# spacing, the title-case (or upper-case) form, the first given name alone, the plainly
# folded spelling, each where the name has one. They are among the first later steps of
# every plan, however many other spellings a name has (a Cyrillic name's four national
# tables pushed the first given name out of the list).
_REQUIRED_WITHIN = MAX_CANDIDATES - 3
# When rank 1 is longer than the bank's field, the cut forms come right after it: the one
# length report (ICBC) saw the bank hold the name joined and cut, not any other variation.
_SHORTENED_KEY = (1, 0)


class _Deviation(NamedTuple):
    dimension: str
    weight: int
    changes: dict[str, object]
    # A rare deviation ranks as if it were one more: ICAO's XX forms (Ñ → NXX) are valid
    # MRZ spellings, but no report shows a bank holding one.
    rare: bool = False


# A row of the bank file as far as candidates depend on it: part of the plan cache's key.
# A plain tuple: building and hashing it costs a fraction of hashing the whole Bank.
Row = BankRow
# Per spelling: its kind and how many surname words, given names, given-name words and
# words in the first given name it has. Which texts can coincide depends on these counts
# only, and only on whether each is 0, 1 or more (one word needs no separator), so the
# plan drops the layouts that would repeat an earlier text for every name of that shape.
Shape = tuple[tuple[SpellingKind, int, int, int, int], ...]


class Step(NamedTuple):
    """How one candidate text is put together, without a letter of the name.

    A named tuple so the hot loop can unpack it in one go.
    """

    spelling: int  # index into the name's spellings
    first_piece: int  # the pieces written first and second, in the step's order
    second_piece: int
    separator: Separator
    pattern: Pattern
    note: str

    def render(self, pieces: Pieces) -> str:
        first, second = pieces[self.first_piece], pieces[self.second_piece]
        return first + self.separator + second if first and second else first or second


class Plan(NamedTuple):
    """Every candidate recipe for one bank row and one shape of name, in rank order.

    It depends on the bank and on the counts in the name's shape, never on its letters, so
    it is built once per (row, shape) and cached; a call only renders texts until the list
    is full.
    """

    first: Step  # the bank's row itself
    rest: tuple[Step, ...]
    shortened_at: int  # index into rest where shortened forms go, when rank 1 is over the limit
    shortened: tuple[tuple[Pattern, str], ...]  # (pattern, note): spaces removed, then cut
    # The same steps for the fast road (``draft_candidates``): each later step as indexes into
    # the name's flat pieces (``_flat_pieces``), and every step's pattern and note, rank 1's first.
    recipes: tuple[tuple[int, Separator, int], ...]
    patterns: tuple[Pattern, ...]
    notes: tuple[str, ...]
    # needs[k]: how many of the name's spellings the first k recipes read.
    needs: tuple[int, ...]


def bank_row(bank: Bank) -> Row:
    """The columns of *bank*'s row that its candidates (and their notes) depend on."""
    return (
        bank.code,
        bank.order,
        bank.separator,
        bank.given_separator,
        bank.case,
        bank.evidence,
        bank.max_length,
        bank.max_length_evidence,
        bank.case_evidence,
    )


def piece_index(part: int, title: bool, given_separator: Separator) -> int:
    return part * 4 + title * 2 + (given_separator == "")


def piece_layout(piece: int) -> tuple[int, bool, bool]:
    """What ``piece_index`` made *piece* of: the part, whether in title case, whether joined."""
    return piece // 4, bool(piece // 2 % 2), bool(piece % 2)


# A recipe's index into a name's flat pieces (``candidates._flat_pieces``): 0 is "", then the
# pieces of each spelling in turn.
PIECES_PER_SPELLING = 12
Recipe = tuple[int, Separator, int]
Counts = tuple[SpellingKind, int, int, int, int]  # one spelling's entry of a Shape


def part_words(counts: Counts, part: int) -> int:
    """How many words *part* (SURNAME, GIVEN or FIRST_GIVEN) has in a spelling of these counts."""
    _, surname_words, _, given_words, first_words = counts
    return (surname_words, given_words, first_words)[part]


def plan_for(row: Row, shape: Shape) -> Plan:
    # Counts above 2 plan alike: one plan object serves them all.
    return _plan_capped(row, capped(shape))


def capped(shape: Shape) -> Shape:
    """*shape* with each count above 2 made 2: what a plan (and the texts written from it)
    depends on is whether a count is 0, 1 or more."""
    return tuple(
        (kind, min(surname, 2), min(given_names, 2), min(given, 2), min(first, 2))
        for kind, surname, given_names, given, first in shape
    )


@cache
def make_pattern(
    order: Order, separator: Separator, given_separator: Separator, first_given_only: bool,
    spelling: SpellingKind, case: Case, shortened: bool, dots: Dots = "none",
) -> Pattern:  # fmt: skip
    # Patterns hold no letter of a name, so one object serves every name.
    return Pattern(
        order=order,
        separator=separator,
        given_separator=given_separator,
        given_names="first" if first_given_only else "all",
        spelling=spelling,
        case=case,
        shortened=shortened,
        dots=dots,
    )


class _Layout(NamedTuple):
    """Everything but the letters: how one text is put together (while planning)."""

    spelling: int = 0
    order: Order = "surname_first"
    separator: Separator = " "
    given_separator: Separator = " "
    first_given_only: bool = False
    case: Case = "upper"

    def step(self, shape: Shape, row: Row) -> Step:
        kind = shape[self.spelling][0]
        title = self.case == "title"
        surname = piece_index(SURNAME, title, self.given_separator)
        given = piece_index(FIRST_GIVEN if self.first_given_only else GIVEN, title, self.given_separator)
        first, second = (surname, given) if self.order == "surname_first" else (given, surname)
        pattern = make_pattern(
            self.order, self.separator, self.given_separator, self.first_given_only, kind, self.case, False
        )
        note = candidate_note(row, pattern, first=not self.spelling).en
        return Step(self.spelling, first, second, self.separator, pattern, note)

    def same_text_as(self, shape: Shape) -> tuple[object, ...]:
        """What decides the text for names of this shape: layouts equal here give equal texts."""
        _, surname_words, _, given_words, first_words = shape[self.spelling]
        given_words = first_words if self.first_given_only else given_words
        both = bool(surname_words and given_words)
        return (
            self.spelling,
            self.first_given_only,
            self.case,
            self.order if both else None,
            self.separator if both else None,
            self.given_separator if surname_words > 1 or given_words > 1 else None,
        )


def _deviations(shape: Shape, order: Order, case: Case, row_spacing: tuple[str, str]) -> list[_Deviation]:
    other_order: Order = "given_first" if order == "surname_first" else "surname_first"
    other_case: Case = "title" if case == "upper" else "upper"
    spacings: list[tuple[tuple[Separator, Separator], int]] = [
        ((" ", " "), 2),  # a space between every part
        (("", ""), 2),  # no space anywhere
        ((" ", ""), 3),  # given names joined
        (("", " "), 3),  # no space between surname and given names
    ]
    deviations = [
        _Deviation("order", _ORDER_WEIGHT, {"order": other_order}),
        _Deviation("case", _CASE_WEIGHT, {"case": other_case}),
    ]
    deviations += [
        _Deviation("spacing", weight, {"separator": spacing[0], "given_separator": spacing[1]})
        for spacing, weight in spacings
        if spacing != row_spacing
    ]
    if shape[0][2] > 1:  # several given names
        deviations.append(_Deviation("given", _FIRST_GIVEN_WEIGHT, {"first_given_only": True}))
    deviations += [
        _Deviation("spelling", SPELLING_WEIGHTS[kind], {"spelling": index}, kind == "icao_alternative")
        for index, (kind, *_counts) in enumerate(shape)
        if index
    ]
    return deviations


@lru_cache(maxsize=1024)
def _plan_capped(row: Row, shape: Shape) -> Plan:
    """Rank 1 per the bank's row, then groups of deviations; see the module docstring."""
    _, order, separator, given_separator, case, _, limit, _, _ = row
    base = _Layout(0, order, separator, given_separator, False, case)
    deviations = _deviations(shape, order, case, (separator, given_separator))
    # Groups of deviations on distinct dimensions, ordered by (count, weight, sequence).
    groups: list[tuple[tuple[int, int, int], tuple[_Deviation, ...]]] = []
    for size in (1, 2, 3):
        for group in combinations(deviations, size):
            if len({deviation.dimension for deviation in group}) == size:
                rank_as = size + sum(deviation.rare for deviation in group)
                groups.append(((rank_as, sum(d.weight for d in group), len(groups)), group))
    groups.sort(key=lambda entry: entry[0])
    steps = [base.step(shape, row)]
    required: list[bool] = [False]  # per step: the first of a form every list holds
    required_kinds: set[str] = set()
    seen = {base.same_text_as(shape)}
    shortened_at = 0
    for key, group in groups:
        if not shortened_at and key[:2] > _SHORTENED_KEY:
            # Shortened forms come before the first group past _SHORTENED_KEY: right after rank 1.
            shortened_at = len(steps)
        changes: dict[str, object] = {}
        for deviation in group:
            changes.update(deviation.changes)
        layout = base._replace(**changes)  # type: ignore[arg-type]
        if layout.same_text_as(shape) not in seen:
            seen.add(layout.same_text_as(shape))
            step = layout.step(shape, row)
            if _filled(step, shape):  # a step whose two pieces are empty for this shape writes nothing
                steps.append(step)
                kind = _required_kind(group, shape)
                required.append(kind is not None and kind not in required_kinds)
                if kind is not None:
                    required_kinds.add(kind)
    shortened: tuple[tuple[Pattern, str], ...] = ()
    if limit is not None:
        kind = shape[0][0]
        joined = make_pattern(order, "", "", False, kind, case, True)
        cut = make_pattern(order, separator, given_separator, False, kind, case, True)
        shortened = ((joined, candidate_note(row, joined).en), (cut, candidate_note(row, cut).en))
    steps = [steps[0], *_required_first(steps[1:], required[1:])]
    recipes = tuple(recipe_of(step, shape) for step in steps[1:])
    needs = [1]
    for step in steps[1:]:
        needs.append(max(needs[-1], step.spelling + 1))
    return Plan(
        steps[0],
        tuple(steps[1:]),
        (shortened_at or len(steps)) - 1,
        shortened,
        recipes,
        tuple(step.pattern for step in steps),
        tuple(step.note for step in steps),
        tuple(needs),
    )


def _required_kind(group: tuple[_Deviation, ...], shape: Shape) -> str | None:
    """Which form every list holds *group* makes, if it is one (see ``_REQUIRED_WITHIN``)."""
    if len(group) != 1:
        return None
    dimension, _, changes, _ = group[0]
    if dimension in ("order", "case", "spacing", "given"):
        return dimension
    if dimension == "spelling" and shape[cast(int, changes["spelling"])][0] == "folded":
        return "folded"
    return None


def _required_first(later: list[Step], required: list[bool]) -> list[Step]:
    """*later* in plan order, but with every required step among the first
    ``_REQUIRED_WITHIN``: where one falls after, the last other steps before that place make
    room for it, each keeping its order among the rest."""
    if all(index < _REQUIRED_WITHIN for index, needed in enumerate(required) if needed):
        return later
    room = _REQUIRED_WITHIN - sum(required)
    head: list[Step] = []
    tail: list[Step] = []
    for step, needed in zip(later, required, strict=True):
        if needed or room > 0:
            room -= not needed
            head.append(step)
        else:
            tail.append(step)
    return head + tail


def _piece_filled(piece: int, counts: Counts) -> bool:
    """Whether *piece* holds a letter for every name of these counts (a part of no words is "")."""
    return bool(part_words(counts, piece // 4))


def _filled(step: Step, shape: Shape) -> bool:
    counts = shape[step.spelling]
    return _piece_filled(step.first_piece, counts) or _piece_filled(step.second_piece, counts)


def recipe_of(step: Step, shape: Shape) -> Recipe:
    """*step* as ``flat[first] + separator + flat[second]`` over ``_flat_pieces`` (index 0 is "")."""
    return flat_recipe(step.spelling, step.first_piece, step.separator, step.second_piece, shape)


def flat_recipe(
    spelling: int, first_piece: int, separator: Separator, second_piece: int, shape: Shape
) -> Recipe:
    """Two pieces of a spelling and the separator between, as a recipe over the flat pieces.

    Which pieces are empty depends on the shape alone, so an empty side becomes index 0 and
    takes the separator with it, as ``Step.render`` leaves it out.
    """
    counts = shape[spelling]
    offset = 1 + PIECES_PER_SPELLING * spelling
    first = offset + first_piece if _piece_filled(first_piece, counts) else 0
    second = offset + second_piece if _piece_filled(second_piece, counts) else 0
    if first and second:
        return first, separator, second
    return first or second, "", 0
