"""Two cards, one name: the real name that fits every bank card a WeChat account links.

WeChat keeps one real name per account, and the rule of seed 002 asks for two linked bank
cards, so the name typed must fit the record of every bank. Banks disagree (ICBC holds
``ZHANG SAN``, Bank of China ``SAN ZHANG``), so a plan lists the texts that are candidates at
every bank, says whether one text is the most likely at all of them, and explains the rest.

Decisions (also in ``docs/two-cards.md``):

- Shared texts are ranked by the sum of their ranks, then their worst rank, then their ranks
  in the order the banks were given, so the first bank (usually the card already linked)
  wins a tie. Two texts never have the same ranks, so the order is total.
- A bank listed twice (``"ICBC"`` and ``"工行"``) is one convention: it is kept once, where
  it first appears. One bank gives a plan of its own candidates, compatible by definition.
- No bank at all is refused with ``UnknownBankError`` (code ``NO_BANK``): a plan needs a bank.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from . import messages
from .candidates import build_candidates
from .errors import ErrorCode, UnknownBankError
from .models import Bank, Candidate, CardPlan, PassportName, Problem, ProblemCode, SharedName
from .registry import BankRegistry, default_registry
from .resolve import resolve_bank, resolve_name

_EVIDENCE_ORDER = {"reported": 0, "inferred": 1, "unknown": 2}
# The columns of a bank row that shape its rank-1 text, and the problem each difference is.
_DIMENSIONS = ("order", "separator", "given_separator", "case")


def plan_cards(
    name: PassportName | str, banks: Sequence[Bank | str], *, registry: BankRegistry | None = None
) -> CardPlan:
    """The texts that fit every bank given, best first, and how the banks differ.

    *registry* finds banks given by name (default: the packaged ``data/banks.csv``).

    >>> from wxpay_names import PassportName, plan_cards
    >>> name = PassportName(surname="Zhang", given_names="San")
    >>> plan = plan_cards(name, ["ICBC", "CMB"])
    >>> plan.compatible, plan.shared[0].text, plan.shared[0].ranks
    (True, 'ZHANG SAN', (1, 1))
    >>> plan = plan_cards(name, ["ICBC", "BOC"])
    >>> plan.compatible, [problem.code.value for problem in plan.advice]
    (False, ['ORDER_SWAPPED'])
    """
    person = resolve_name(name)
    chosen = _resolve_banks(banks, registry)
    lists = [build_candidates(person, bank) for bank in chosen]
    ranks_at = [{candidate.text: candidate.rank for candidate in found} for found in lists]
    shared = [
        SharedName(text=text, ranks=tuple(ranks[text] for ranks in ranks_at))
        for text in ranks_at[0]
        if all(text in ranks for ranks in ranks_at[1:])
    ]
    shared.sort(key=lambda item: (sum(item.ranks), max(item.ranks), item.ranks))
    first_texts = [found[0].text for found in lists]
    return CardPlan(
        banks=tuple(bank.code for bank in chosen),
        shared=tuple(shared),
        compatible=len(set(first_texts)) == 1,
        advice=(*_differences(person, chosen, first_texts), *_length_advice(chosen, lists)),
    )


def compatible_banks(
    name: PassportName | str, bank: Bank | str, *, registry: BankRegistry | None = None
) -> tuple[Bank, ...]:
    """The other banks whose rank-1 text equals this bank's: the safest second card.

    Banks with ``reported`` conventions come first, then ``inferred``, then ``unknown``;
    within a group, registry order. *registry* defaults to the packaged ``data/banks.csv``.

    >>> from wxpay_names import PassportName, compatible_banks
    >>> found = compatible_banks(PassportName(surname="Zhang", given_names="San"), "ICBC")
    >>> [(bank.code, bank.evidence) for bank in found][:2]
    [('CMB', 'reported'), ('CCB', 'reported')]
    """
    person = resolve_name(name)
    own = _resolve_bank(bank, registry)
    text = _rank_one(person, own)
    pool = (registry or default_registry()).banks
    found = [other for other in pool if other.code != own.code and _rank_one(person, other) == text]
    return tuple(sorted(found, key=lambda other: _EVIDENCE_ORDER[other.evidence]))


def _rank_one(person: PassportName, bank: Bank) -> str:
    # The rank-1 candidate itself, so a plan and compatible_banks agree with candidates().
    return build_candidates(person, bank)[0].text


def _resolve_bank(bank: Bank | str, registry: BankRegistry | None) -> Bank:
    if registry is not None and isinstance(bank, str):
        return registry.get(bank)
    return resolve_bank(bank)


def _resolve_banks(banks: object, registry: BankRegistry | None) -> list[Bank]:
    if isinstance(banks, str | Bank) or not isinstance(banks, Iterable):
        raise UnknownBankError(
            f"Give the banks as a list, such as ['ICBC', 'BOC'], not {type(banks).__name__} {banks!r:.40}."
        )
    chosen: dict[str, Bank] = {}
    for item in banks:
        bank = _resolve_bank(item, registry)
        chosen.setdefault(bank.code, bank)
    if not chosen:
        codes = ", ".join(bank.code for bank in (registry or default_registry()).banks)
        raise UnknownBankError(
            f"A card plan needs at least one bank, such as ['ICBC', 'BOC']. Known codes: {codes}.",
            code=ErrorCode.NO_BANK,
        )
    return list(chosen.values())


def _side(group: list[Bank]) -> tuple[str, str]:
    return messages.plan_bank_list(tuple(bank.code for bank in group), tuple(bank.name_zh for bank in group))


def _differences(person: PassportName, chosen: list[Bank], first_texts: list[str]) -> list[Problem]:
    """How each other group of agreeing banks differs from the group of the first bank."""
    groups: dict[str, list[Bank]] = {}
    for bank, text in zip(chosen, first_texts, strict=True):
        groups.setdefault(text, []).append(bank)
    (first_text, first_group), *others = groups.items()
    advice: list[Problem] = []
    for other_text, other_group in others:
        # A column differs visibly when giving the first bank the other's value changes its text.
        first, other = first_group[0], other_group[0]
        dimensions = [
            dimension
            for dimension in _DIMENSIONS
            if getattr(first, dimension) != getattr(other, dimension)
            and _rank_one(person, first.model_copy(update={dimension: getattr(other, dimension)}))
            != first_text
        ] or ["spelling"]
        for dimension in dimensions:
            english, chinese = messages.plan_difference(
                dimension,
                _side(first_group),
                str(getattr(first, dimension, "")),
                first_text,
                _side(other_group),
                str(getattr(other, dimension, "")),
                other_text,
                first_plural=len(first_group) > 1,
                other_plural=len(other_group) > 1,
            )
            for group in (first_group, other_group):
                if len(group) > 1:
                    agree_en, agree_zh = messages.plan_agreement(_side(group))
                    english, chinese = english + agree_en, chinese + agree_zh
            code = _problem_code(dimension, first)
            advice.append(Problem(code=code, message_en=english, message_zh=chinese))
    return advice


def _problem_code(dimension: str, first: Bank) -> ProblemCode:
    if dimension in ("separator", "given_separator"):
        # Seen from the first bank: the other bank's text lacks, or adds, a space.
        return ProblemCode.MISSING_SPACE if getattr(first, dimension) else ProblemCode.EXTRA_SPACE
    return {
        "order": ProblemCode.ORDER_SWAPPED,
        "case": ProblemCode.CASE_DIFFERS,
    }.get(dimension, ProblemCode.SPELLING)


def _length_advice(chosen: list[Bank], lists: list[tuple[Candidate, ...]]) -> list[Problem]:
    """A bank whose field may cut the name, when another listed bank keeps it whole."""
    advice: list[Problem] = []
    for bank, found in zip(chosen, lists, strict=True):
        text = found[0].text
        if bank.max_length is None or len(text) <= bank.max_length:
            continue
        keepers = [
            other
            for other, other_found in zip(chosen, lists, strict=True)
            if other.max_length is None or len(other_found[0].text) <= other.max_length
        ]
        if not keepers:
            continue
        short = next((c.text for c in found if c.pattern.shortened), text[: bank.max_length].rstrip())
        english, chinese = messages.plan_too_long(
            _side([bank]),
            bank.max_length,
            bank.max_length_evidence,
            text,
            short,
            _side(keepers),
            others_plural=len(keepers) > 1,
        )
        advice.append(Problem(code=ProblemCode.TOO_LONG, message_en=english, message_zh=chinese))
    return advice
