"""Diagnosis of a typed name: why the card was refused, and what to type instead.

``check_name`` compares what a person typed with the bank's candidates:

1. Equal to rank 1: ``match`` (found without the other candidates).
2. Equal to another candidate: ``plausible``; how that candidate differs from rank 1 is
   known from its pattern (:func:`.diagnosis.readings.candidate_difference`).
3. Otherwise ``mismatch``: the typed text is read, and its passport (ICAO) reading is
   first looked up among the candidate texts; if it is not one, its words are matched
   with the name's words. The reading with accents dropped is weighed only when it can
   win (:func:`.diagnosis.readings.folded_can_win`).

Every stage finds plain values (:mod:`.diagnosis.findings`); only the problems returned
are worded (:mod:`.diagnosis.wording`). The stages are listed in :mod:`wxpay_names.diagnosis`.
Problems are listed most important first, in the order of :data:`PROBLEM_ORDER`, one per
code (a code that applies to several words names them all in its message).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from .candidates import draft_candidates, rank_one_candidate, rank_one_text
from .cleaning import MAX_INPUT_LENGTH, TYPED_TEXT_AT_MOST, check_length, typed_text_limit
from .diagnosis.context import Context
from .diagnosis.findings import Finding, finding
from .diagnosis.readings import candidate_difference, diagnose_typed
from .diagnosis.wording import problems
from .errors import InvalidNameError, NameFormatError
from .models import Bank, Candidate, NameCheck, PassportName, Problem, ProblemCode, assemble
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
    if len(entered) > MAX_INPUT_LENGTH:  # rare: the name's own texts say how long is too long
        check_length(entered, "typed name", _typed_limit(entered, name, bank))
    found_bank = resolve_bank(bank)
    found_name = resolve_name(name)
    if observations is not None:
        from .learned_ranking import learned_check

        return learned_check(entered, found_name, found_bank, observations)
    if _is_rank_one(entered, found_name, found_bank):
        return _result("match", entered, entered, rank_one_candidate(found_name, found_bank, entered), ())
    # Texts first, models after: only the candidate typed, if any, becomes a Candidate, and the
    # rendering stops at it (no candidate ranked below it is needed).
    draft = draft_candidates(found_name, found_bank, until=entered)
    index = draft.rank_of(entered)
    context = Context.of(found_name, found_bank, draft)
    if index is None:
        return _verdict("mismatch", entered, context, diagnose_typed(entered, context), None)
    if index == 0:  # not expected: _is_rank_one saw it (kept so the verdict never depends on that)
        return _result("match", entered, entered, draft.candidate(0), ())
    said = candidate_difference(index, context).findings
    return _verdict("plausible", entered, context, said, draft.candidate(index))


def typed_length_limit(name: PassportName, bank: Bank) -> int:
    """The longest text typed for *name* at *bank* that is read: the longest of its candidates,
    and never less than ``MAX_INPUT_LENGTH``.

    Spelling may lengthen a name (``Щ`` → ``SHCH``): 100 Щ and 100 Ж are written in 601
    letters. A text the library itself gives to type must be read as what it is (rank 1 is a
    match), so only a text longer than every candidate is refused as too long. The bound is
    the name's, never the typed text's: the candidates are built from a name of at most
    ``MAX_INPUT_LENGTH`` characters a part, whatever was typed.

    >>> from wxpay_names import PassportName, get_bank
    >>> typed_length_limit(PassportName(surname="Щ" * 100, given_names="Ж" * 100), get_bank("ICBC"))
    601
    >>> typed_length_limit(PassportName(surname="Zhang", given_names="San"), get_bank("ICBC"))
    256
    """
    return typed_text_limit(draft_candidates(name, bank).texts)


def _typed_limit(entered: str, name: PassportName | str, bank: Bank | str) -> int:
    """``typed_length_limit`` for a text over ``MAX_INPUT_LENGTH``, found before any other work
    on the text: ``MAX_INPUT_LENGTH`` when the text is beyond every name's candidates, or when
    the name or the bank cannot be read (the length is then the refusal said first)."""
    if len(entered) > TYPED_TEXT_AT_MOST:
        return MAX_INPUT_LENGTH
    try:
        return typed_length_limit(resolve_name(name), resolve_bank(bank))
    except NameFormatError:
        return MAX_INPUT_LENGTH


def _is_rank_one(entered: str, name: PassportName, bank: Bank) -> bool:
    """Whether *entered* is the rank-1 text, found without rendering the other candidates.

    Most checks are of the right text: this spares them the candidate list. ``False`` also
    when the name cannot be written: the candidate list raises the error to report.
    """
    if not entered.isascii():
        return False  # rank 1 is written in A–Z and the bank's separators (MÜLLER is MUELLER)
    if bank.case == "upper" and entered != entered.upper():
        return False  # an upper-case bank's rank-1 text is its own upper case: no need to spell it
    if name.issuing_state is None:
        # Rank 1 starts with the bank's first part, whose first letter, when it is one of A–Z,
        # ICAO's table writes as its capital in either case: a text starting otherwise is not
        # rank 1 (most texts that are not), known without spelling the name.
        first = name.surname if bank.order == "surname_first" else name.given_names
        lead = first[:1] or (name.given_names if bank.order == "surname_first" else name.surname)[:1]
        if lead.isascii() and lead.isalpha() and entered[:1] != lead.upper():
            return False
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
    status: Status, entered: str, context: Context, found: Iterable[Finding], matched: Candidate | None
) -> NameCheck:
    listed = list(found)
    if len(listed) == 1:  # the commonest: one difference
        kept = listed
    else:
        by_code: dict[ProblemCode, Finding] = {}
        for each in listed:
            by_code.setdefault(each.code, each)
        if not by_code:  # a plausible or mismatched text always says at least why
            by_code[ProblemCode.SPELLING] = finding(ProblemCode.SPELLING, "unexplained")
        kept = list(by_code.values())
        if len(kept) > 1:
            kept.sort(key=_rank)
    return _result(status, entered, context.expected, matched, problems(kept, context.bank, context.expected))


def _rank(found: Finding) -> int:
    return _RANK[found.code]
