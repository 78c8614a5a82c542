"""Rankings that learn: today's candidates re-ordered by what banks accepted.

A layer over the ranked candidates: it re-orders today's list by each candidate's rank and
the outcomes counted for it (pooled over the patterns that write its text for the name, see
``same_text_patterns``), and checks a typed text against the list so ordered. The rule
(also on the docs page "Learning from outcomes"):

    Before any outcome, a candidate ranked *k* today counts as if it had been tried
    ``PRIOR_STRENGTH`` times at that bank and accepted in a share ``PRIOR_RANK_ONE / k``.
    Its observed outcomes there (*a* accepted, *r* refused) are added to those imagined
    ones, and the candidates are ordered by the share accepted, highest first; on equal
    shares, today's order stands.

    estimate(k, a, r) = (a + PRIOR_STRENGTH * PRIOR_RANK_ONE / k) / (a + r + PRIOR_STRENGTH)

This is the mean of a Beta(S·m, S·(1 − m)) prior with mean m = ``PRIOR_RANK_ONE / k`` and
strength S = ``PRIOR_STRENGTH``, updated by the outcomes. Its consequences, each held by a
test: 30 accepted and 0 refused outcomes of a pattern, against 30 refusals of today's rank 1,
make that pattern rank 1; one accepted outcome never lifts a pattern ranked 5th or lower to
rank 1 over a rank 1 nobody refused; outcomes at one bank never touch another bank's order
(counts are per bank code); equal inputs give equal orders (shares are compared exactly, as
fractions, and ties keep today's rank).
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from functools import lru_cache
from operator import itemgetter
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from .errors import InvalidArgumentError
from .models import Bank, Candidate, NameCheck, PassportName, Pattern, Problem, ProblemCode, assemble
from .observations import PATTERN_FIELDS, Observations, PatternKey, pattern_key
from .same_text_patterns import Pooled, pooled_counts
from .spelling import Spelling, primary_kind

# A name and its spellings: what tells which patterns write the same text for it.
SameText = tuple[PassportName, tuple[Spelling, ...]]

# How many outcomes today's ranking weighs as: ten outcomes of a pattern at a bank count as
# much as its rank. Small enough that a few dozen outcomes decide, large enough that one
# lucky outcome does not (see the module docstring for the two properties this buys).
PRIOR_STRENGTH: Final = 10
# The share of people today's rank 1 is assumed to fit before any outcome: the one source for
# the seed banks says branches differ, and for most banks no source says anything. A
# candidate ranked k is assumed to fit PRIOR_RANK_ONE / k of them.
PRIOR_RANK_ONE: Final = Fraction(1, 2)


class Observed(BaseModel):
    """What a candidate's place rests on: the outcomes at its bank, and its rank before them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    accepted: int = Field(ge=0)
    refused: int = Field(ge=0)
    prior_rank: int = Field(ge=1, description="the rank without observations")
    estimate: float = Field(ge=0, le=1, description="the share of tries expected to be accepted")
    alike: bool = Field(
        default=False,
        description="the acceptances include those of other patterns that write this text for the name",
    )
    layout: bool = Field(
        default=False,
        description=(
            "the counts are of this candidate's layout (order, spacing, case) in the name's first "
            "spelling: it reads the characters otherwise, which the passport decides, not the bank"
        ),
    )


class LearnedCandidate(Candidate):
    """A ``Candidate`` ranked with observations: it also says what its rank rests on.

    A separate model, so a ``Candidate`` (and its JSON) is exactly today's when no
    observations are given.
    """

    observed: Observed


def prior_share(rank: int) -> Fraction:
    """The share of people a candidate ranked *rank* today is assumed to fit, before outcomes."""
    return PRIOR_RANK_ONE / rank


def estimate(rank: int, accepted: int, refused: int) -> Fraction:
    """The share of tries of this candidate expected to be accepted (see the module docstring).

    Exact (a fraction), so equal shares compare equal and ties keep today's order.

    >>> float(estimate(1, 0, 0)), float(estimate(3, 30, 0)), float(estimate(1, 0, 30))
    (0.5, 0.7916666666666666, 0.125)
    """
    return (accepted + PRIOR_STRENGTH * prior_share(rank)) / (accepted + refused + PRIOR_STRENGTH)


@lru_cache(maxsize=8192)
def _sort_key(rank: int, accepted: int, refused: int) -> tuple[float, Fraction]:
    # The float orders at once; the exact fraction decides only between equal floats (a tuple
    # compares its second items only when the first are equal), so ties are exact.
    share = estimate(rank, accepted, refused)
    return float(share), share


def rerank(
    found: tuple[Candidate, ...],
    bank: Bank,
    observations: Observations,
    same_text: SameText | None = None,
) -> tuple[LearnedCandidate, ...]:
    """*found* (today's candidates at *bank*, rank 1 first) in the order the outcomes give.

    *same_text* (the name and its spellings) pools, for each candidate, the acceptances of
    every pattern that writes its text for that name (``same_text_patterns``); without it,
    each candidate counts its own pattern's outcomes only.
    """
    counts = observations.at(bank)
    keys = [_key(candidate.pattern) for candidate in found]
    if not counts:
        outcomes: list[Pooled] = [_UNSEEN] * len(found)
    elif same_text is None:
        outcomes = [Pooled(*counts.get(key, (0, 0)), False) for key in keys]
    else:
        outcomes = pooled_counts(*same_text, keys, counts)
    scored = []
    primary = primary_kind(same_text[0]) if same_text is not None else "icao"
    for candidate, key, (accepted, refused, alike) in zip(found, keys, outcomes, strict=True):
        if counts and candidate.pattern.spelling in PERSONAL_READINGS:
            # The reading is a fact of a person's passport, not of the bank: its own outcomes
            # are not counted. Its order, spacing and case are the bank's choices: it takes the
            # outcomes of the same layout in the reading ranked first (TAN MING those of QIN
            # MING's layout), and follows that candidate, its rank being lower.
            accepted, refused = counts.get(_in_spelling(key, primary), (0, 0))
            alike = False
        scored.append((_sort_key(candidate.rank, accepted, refused), candidate, accepted, refused, alike))
    if counts:
        # Highest share first. The sort is stable, also reversed, and *found* is in today's
        # order: equal shares keep it.
        scored.sort(key=itemgetter(0), reverse=True)
    # Every value is already valid (counts from Observations, ranks from the list): the models
    # are assembled without validating again (see models.assemble).
    return tuple(
        [
            assemble(
                LearnedCandidate,
                {
                    "text": candidate.text,
                    "rank": rank,
                    "pattern": candidate.pattern,
                    "note": _note(candidate, accepted, refused, alike),
                    "observed": assemble(
                        Observed,
                        {
                            "accepted": accepted,
                            "refused": refused,
                            "prior_rank": candidate.rank,
                            "estimate": share[0],
                            "alike": alike,
                            "layout": bool(counts) and candidate.pattern.spelling in PERSONAL_READINGS,
                        },
                    ),
                },
            )
            for rank, (share, candidate, accepted, refused, alike) in enumerate(scored, start=1)
        ]
    )


_UNSEEN = Pooled(0, 0, False)
# Readings of a name's characters that its holder's passport decides (覃 TAN, 单于飞 SHAN YUFEI,
# 朝阳 CHAOYANG): counted at a bank they would carry one person's reading to every name with
# such a character, so their candidates are ranked by their layout's outcomes instead.
PERSONAL_READINGS: frozenset[str] = frozenset({"second_reading", "given_reading", "surname_split"})
_SPELLING_AT: Final = PATTERN_FIELDS.index("spelling")


def _in_spelling(key: PatternKey, kind: str) -> PatternKey:
    """*key* with its spelling *kind*: the same layout in another reading."""
    return (*key[:_SPELLING_AT], kind, *key[_SPELLING_AT + 1 :])


# Pattern keys by pattern object: the candidates' patterns are few, interned objects.
_KEYS: dict[int, tuple[Pattern, PatternKey]] = {}


def _key(pattern: Pattern) -> PatternKey:
    entry = _KEYS.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        if len(_KEYS) > 4096:
            _KEYS.clear()
        entry = _KEYS[id(pattern)] = (pattern, pattern_key(pattern))
    return entry[1]


def _note(candidate: Candidate, accepted: int, refused: int, alike: bool) -> str:
    tried = accepted + refused
    if not tried:
        return candidate.note
    times = "time" if tried == 1 else "times"
    if candidate.pattern.spelling in PERSONAL_READINGS:
        return (
            f"{candidate.note.rstrip('.')}; its order, spacing and case were accepted {accepted} of "
            f"{tried} {times} in your observations, in names spelled the first way (rank "
            f"{candidate.rank} without them)"
        )
    # Pooled acceptances are of forms that write this text for this name, not of this text.
    whose = ", forms written like it included," if alike else ""
    return (
        f"{candidate.note.rstrip('.')}; accepted {accepted} of {tried} {times} in your observations"
        f"{whose} (rank {candidate.rank} without them)"
    )


def observed_note_zh(candidate: Candidate) -> str:
    """What a learned candidate's English note adds, in Chinese (empty for a plain ``Candidate``)."""
    observed = getattr(candidate, "observed", None)
    if not isinstance(observed, Observed) or not (observed.accepted or observed.refused):
        return ""
    tried = observed.accepted + observed.refused
    if candidate.pattern.spelling in PERSONAL_READINGS:
        return (
            f"；在您的观察数据中，按第一种读法拼写、顺序、空格和大小写与此相同的写法试过 {tried} 次，"
            f"被接受 {observed.accepted} 次（不计观察数据时排第 {observed.prior_rank} 位）"
        )
    whose = "（含写法相同的形式）" if observed.alike else ""
    return (
        f"；在您的观察数据中{whose}试过 {tried} 次，被接受 {observed.accepted} 次"
        f"（不计观察数据时排第 {observed.prior_rank} 位）"
    )


def learned_candidates(
    name: PassportName, bank: Bank, observations: Observations
) -> tuple[LearnedCandidate, ...]:
    """The candidates of *name* at *bank*, ranked with *observations*.

    Every call given ``observations=`` comes here first: anything but ``Observations`` is refused.
    """
    from .candidates import draft_candidates

    if not isinstance(observations, Observations):
        raise InvalidArgumentError(
            "observations is an Observations (Observations.read_csv(path) reads a file), "
            f"not {type(observations).__name__}."
        )
    draft = draft_candidates(name, bank)
    return rerank(draft.candidates(), bank, observations, (name, draft.spelled))


# The bank rows made from a learned rank 1, by (bank object, pattern): few, and reused.
_ROWS: dict[tuple[int, tuple[object, ...]], tuple[Bank, Bank]] = {}
_ROW_FIELDS: Final = ("order", "separator", "given_separator", "case")


# A row's evidence, every column of it, when the row rests on observations.
INFERRED: Final = dict.fromkeys(("evidence", "case_evidence", "given_separator_evidence"), "inferred")


def learned_row(bank: Bank, pattern: Pattern) -> Bank:
    """*bank*'s row as the observations have it: its rank 1 written the way *pattern* is.

    The order, spacing and case come from *pattern*; when they differ from the row, the row
    rests on the observations, so its evidence is ``inferred``. A diagnosis against this row
    says what differs from the learned rank 1. (Other choices of a pattern, such as a
    spelling or the first given name alone, are not columns of a row: the learned rank 1 is
    then said as a problem of its own by ``learned_check``.)
    """
    key = (id(bank), pattern_key(pattern))
    cached = _ROWS.get(key)
    if cached is not None and cached[0] is bank:
        return cached[1]
    update: dict[str, object] = {
        "order": pattern.order,
        "separator": pattern.separator,
        "given_separator": pattern.given_separator,
        "case": pattern.case,
    }
    if all(getattr(bank, field) == update[field] for field in _ROW_FIELDS):
        row = bank
    else:
        row = bank.model_copy(update={**update, **INFERRED})
    if len(_ROWS) > 1024:
        _ROWS.clear()
    _ROWS[key] = (bank, row)
    return row


def learned_check(entered: str, name: PassportName, bank: Bank, observations: Observations) -> NameCheck:
    """``check_name`` with the candidates ranked by *observations*.

    The verdict is against the learned list (``match``: its rank 1; ``plausible``: another
    of its texts); the problems are the diagnosis against the row the learned rank 1 follows.
    """
    from .candidates import rank_one_text
    from .check import check_name

    learned = learned_candidates(name, bank, observations)
    expected = learned[0]
    row = learned_row(bank, expected.pattern)
    matched = next((candidate for candidate in learned if candidate.text == entered), None)
    if matched is expected:
        return NameCheck(status="match", entered=entered, expected=expected.text, matched=matched)
    row_text = rank_one_text(name, row)
    if row_text != expected.text:
        # The learned rank 1 is not the row's (another spelling, dots, the first given name
        # alone): the row's diagnosis compares with the row's text. What it finds in the typed
        # characters themselves (invisible, full-width, another script) holds whatever the text
        # to type, and is kept, pointing to the learned one; the rest is the learned problem.
        problems: tuple[Problem, ...] = (
            *[
                _pointed_to(problem, row_text, expected.text)
                for problem in check_name(entered, name, row).problems
                if problem.code in _ABOUT_THE_CHARACTERS
                and problem.message_en.endswith(row_text)
                and problem.message_zh.endswith(row_text)
            ],
            _learned_problem(entered, expected, bank),
        )
    else:
        problems = check_name(entered, name, row).problems or (_learned_problem(entered, expected, bank),)
    status: Literal["plausible", "mismatch"] = "plausible" if matched is not None else "mismatch"
    return NameCheck(
        status=status, entered=entered, expected=expected.text, matched=matched, problems=problems
    )


# Problems of the typed characters themselves, whatever text is to be typed.
_ABOUT_THE_CHARACTERS: Final = frozenset(
    {ProblemCode.INVISIBLE_CHARACTERS, ProblemCode.FULL_WIDTH, ProblemCode.MIXED_SCRIPT}
)


def _pointed_to(problem: Problem, said: str, instead: str) -> Problem:
    """*problem*, whose messages end with the text to type *said*, ending with *instead*."""
    return Problem(
        code=problem.code,
        message_en=problem.message_en.removesuffix(said) + instead,
        message_zh=problem.message_zh.removesuffix(said) + instead,
    )


def _learned_code(entered: str, expected: LearnedCandidate) -> ProblemCode:
    """How the typed words differ from the learned rank 1's, as far as the words tell; else what
    the learned pattern changes (a cut form, or a spelling or mark no row writes)."""
    typed, wanted = entered.upper().split(), expected.text.upper().split()
    if typed == wanted:
        return ProblemCode.CASE_DIFFERS
    if "".join(typed) == "".join(wanted):
        return ProblemCode.MISSING_SPACE if len(typed) < len(wanted) else ProblemCode.EXTRA_SPACE
    typed_count, wanted_count = Counter(typed), Counter(wanted)
    if typed_count == wanted_count:
        return ProblemCode.ORDER_SWAPPED
    if typed_count < wanted_count:
        return ProblemCode.MISSING_NAME_PART
    if wanted_count < typed_count:
        return ProblemCode.EXTRA_NAME_PART
    return ProblemCode.TOO_LONG if expected.pattern.shortened else ProblemCode.SPELLING


def _learned_problem(entered: str, expected: LearnedCandidate, bank: Bank) -> Problem:
    code = _learned_code(entered, expected)
    observed = expected.observed
    tried = observed.accepted + observed.refused
    if not observed.accepted:
        # Ranked first only because the likelier forms were refused: no acceptance to cite.
        counts_en = f"accepted 0 of {tried} times" if tried else "not tried yet"
        counts_zh = f"共试 {tried} 次，接受 0 次" if tried else "尚未试过"
        return Problem(
            code=code,
            message_en=(
                f"In your observations {bank.name_en} refused the forms ranked above {expected.text} "
                f"without them, so {expected.text} is now the most likely ({counts_en}): "
                f"type {expected.text}"
            ),
            message_zh=(
                f"根据您的观察数据，{bank.name_zh}拒绝了不计观察数据时排在 {expected.text} 之前的写法，"
                f"因此现在最可能的是 {expected.text}（{counts_zh}）：请输入 {expected.text}"
            ),
        )
    alike_en, alike_zh = (
        (" (forms written like it included)", "（含写法相同的形式）") if observed.alike else ("", "")
    )
    return Problem(
        code=code,
        message_en=(
            f"In your observations {bank.name_en} accepted {expected.text}{alike_en} "
            f"{observed.accepted} of {tried} times: type {expected.text}"
        ),
        message_zh=(
            f"根据您的观察数据，{bank.name_zh}接受了 {expected.text}{alike_zh}"
            f"（共试 {tried} 次，接受 {observed.accepted} 次）："
            f"请输入 {expected.text}"
        ),
    )
