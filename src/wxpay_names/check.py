"""Diagnosis of a typed name: why the card was refused, and what to type instead.

``check_name`` compares what a person typed with the bank's candidates:

1. Equal to rank 1: ``match``. Equal to another candidate: ``plausible``, and the
   problems say how that candidate differs from rank 1.
2. Otherwise ``mismatch``. The typed text is read one character at a time, its words are
   matched with the name's words, and whatever differs is said as a problem; the stages
   are in :mod:`wxpay_names.diagnosis`.

The work is linear in the typed text, or close to it (see :mod:`.diagnosis.word_matching`).
For speed, a typed rank-1 text is recognised without the candidate list, and otherwise the
candidates' texts are rendered first (``candidates.draft_candidates``, stopping at the text
typed) and only the candidate typed becomes a ``Candidate`` model.
Problems are listed most important first, in the order of :data:`PROBLEM_ORDER`, one per
code (a code that applies to several words names them all in its message).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from .candidates import draft_candidates, rank_one_candidate, rank_one_text
from .cleaning import check_length
from .diagnosis.context import Context, evidence
from .diagnosis.text_problems import character_problems, cut_short, length_problems
from .diagnosis.typed_text import read_typed, split_words
from .diagnosis.word_problems import compare
from .errors import InvalidNameError, NameFormatError
from .messages import spelling_note
from .models import Bank, Candidate, NameCheck, PassportName, Problem, ProblemCode, assemble
from .name_forms import WRITTEN_FORMS
from .resolve import resolve_bank, resolve_name

if TYPE_CHECKING:
    from .observations import Observations

# Most important first: characters a bank record never holds (they alone make the name
# fail, and some cannot be seen), then the name's structure (order, parts), its letters,
# its spaces, its case (no official source says WeChat compares case), and last the
# length, which rests on an inferred field size.
PROBLEM_ORDER: tuple[ProblemCode, ...] = (
    ProblemCode.INVISIBLE_CHARACTERS,
    ProblemCode.FULL_WIDTH,
    ProblemCode.MIXED_SCRIPT,
    ProblemCode.DIACRITICS,
    ProblemCode.PUNCTUATION,
    ProblemCode.ORDER_SWAPPED,
    ProblemCode.MISSING_NAME_PART,
    ProblemCode.EXTRA_NAME_PART,
    ProblemCode.SPELLING,
    ProblemCode.MISSING_SPACE,
    ProblemCode.EXTRA_SPACE,
    ProblemCode.CASE_DIFFERS,
    ProblemCode.TOO_LONG,
)
_RANK = {code: index for index, code in enumerate(PROBLEM_ORDER)}

Status = Literal["match", "plausible", "mismatch"]


def check_name(
    entered: str, name: PassportName | str, bank: Bank | str, *, observations: Observations | None = None
) -> NameCheck:
    """Why a typed name fails at a bank, and what to type instead.

    With *observations*, against the candidates ranked by them (``learned_ranking.learned_check``).

    >>> from wxpay_names import PassportName, check_name
    >>> zhang_san = PassportName(surname="Zhang", given_names="San")
    >>> check_name("ZHANG SAN", zhang_san, "ICBC").status
    'match'
    >>> result = check_name("SAN ZHANG", zhang_san, "ICBC")
    >>> result.status, result.expected, [p.code.value for p in result.problems]
    ('plausible', 'ZHANG SAN', ['ORDER_SWAPPED'])
    >>> print(check_name("SAN  ZHANG", zhang_san, "CMB").problems[0].message_en)
    China Merchants Bank writes the surname first: type ZHANG SAN
    """
    if not isinstance(entered, str):
        raise InvalidNameError(f"The typed name must be a str, not {type(entered).__name__}.")
    check_length(entered, "typed name")
    found_bank = resolve_bank(bank)
    found_name = resolve_name(name)
    if observations is not None:
        from .learned_ranking import learned_check

        return learned_check(entered, found_name, found_bank, observations)
    if _is_rank_one(entered, found_name, found_bank):
        return _result("match", entered, entered, rank_one_candidate(found_name, found_bank, entered), ())
    # Texts first, models after: only the candidate typed, if any, becomes a Candidate, and
    # the rendering stops at it (no candidate ranked below it is needed).
    draft = draft_candidates(found_name, found_bank, until=entered)
    if draft.text(-1) != entered:
        context = Context.of(found_name, found_bank, draft)
        return _verdict("mismatch", entered, context, _diagnose_typed(entered, context), None)
    index = len(draft.values) - 1
    if index == 0:  # not expected: _is_rank_one saw it (kept so the verdict never depends on that)
        return _result("match", entered, entered, draft.candidate(0), ())
    context = Context.of(found_name, found_bank, draft)
    return _verdict("plausible", entered, context, _differences(index, context), draft.candidate(index))


def _is_rank_one(entered: str, name: PassportName, bank: Bank) -> bool:
    """Whether *entered* is the rank-1 text, found without rendering the other candidates.

    Most checks are of the right text: this spares them the candidate list. ``False`` also
    when the name cannot be written: the candidate list raises the error to report.
    """
    if bank.case == "upper" and entered != entered.upper():
        return False  # an upper-case bank's rank-1 text is its own upper case: no need to spell it
    try:
        return entered == rank_one_text(name, bank)
    except NameFormatError:
        return False


def _result(
    status: Status, entered: str, expected: str, matched: Candidate | None, problems: tuple[Problem, ...]
) -> NameCheck:
    # Every value is already of its field's type: validating the model again would cost more
    # than the check itself on the common path (see models.assemble).
    values = {
        "status": status,
        "entered": entered,
        "expected": expected,
        "matched": matched,
        "problems": problems,
    }
    return assemble(NameCheck, values)


def _verdict(
    status: Status, entered: str, context: Context, found: Iterable[Problem], matched: Candidate | None
) -> NameCheck:
    by_code: dict[ProblemCode, Problem] = {}
    for each in found:
        by_code.setdefault(each.code, each)
    if not by_code:  # a plausible or mismatched text always says at least why
        by_code[ProblemCode.SPELLING] = context.problem(ProblemCode.SPELLING, "unexplained")
    problems = tuple(by_code.values())
    if len(problems) > 1:
        problems = tuple(sorted(problems, key=_rank))
    return _result(status, entered, context.expected, matched, problems)


def _rank(found: Problem) -> int:
    return _RANK[found.code]


def _differences(index: int, context: Context) -> list[Problem]:
    """How the lower-ranked candidate at *index* differs from rank 1."""
    draft = context.draft
    if draft.is_shortened(index) and context.bank.max_length is not None:
        return [
            context.problem(
                ProblemCode.TOO_LONG,
                "shortened",
                limit=str(context.bank.max_length),
                how_sure=evidence(context.bank.max_length_evidence),
            )
        ]
    kind = draft.values[index]["pattern"].spelling
    if kind in WRITTEN_FORMS:
        # A form people write the name in (its note says which): said as that, with any other
        # difference (order, spaces, case) the candidate also carries.
        written = context.problem(
            ProblemCode.SPELLING, "written_form", typed=draft.text(index), word=context.expected,
            how=spelling_note(kind),
        )  # fmt: skip
        pattern, bank = draft.values[index]["pattern"], context.bank
        also = set()
        if pattern.order != bank.order:
            also.add(ProblemCode.ORDER_SWAPPED)
        if pattern.case != bank.case:
            also.add(ProblemCode.CASE_DIFFERS)
        if pattern.given_names == "first":
            also.add(ProblemCode.MISSING_NAME_PART)
        if (pattern.separator == "space", pattern.given_separator == "space") != (
            bank.separator == " ",
            bank.given_separator == " ",
        ):
            also |= {ProblemCode.MISSING_SPACE, ProblemCode.EXTRA_SPACE}
        others = compare(split_words(draft.text(index)), context).problems if also else []
        return [written, *(found for found in others if found.code in also)]
    return compare(split_words(draft.text(index)), context).problems


def _diagnose_typed(entered: str, context: Context) -> list[Problem]:
    """A mismatch: the characters first, then the words (in the likelier reading of accents)."""
    typed = read_typed(entered)
    cut = cut_short(typed, context)
    if cut is not None:  # the name cut where the bank's field may end: its words are not wrong
        return [*character_problems(typed, context), cut]
    comparisons = [compare(split_words(typed.icao), context)]
    if typed.folded != typed.icao:
        comparisons.append(compare(split_words(typed.folded), context))
    best = min(comparisons, key=lambda comparison: comparison.cost)  # the first on a tie: ICAO
    return character_problems(typed, context) + best.problems + length_problems(typed, context)
