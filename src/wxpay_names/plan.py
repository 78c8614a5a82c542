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

from collections.abc import Iterable, Mapping, Sequence, Set
from typing import TYPE_CHECKING, Literal

from . import messages
from .candidates import build_candidates, rank_one_text
from .errors import ErrorCode, UnknownBankError
from .models import (
    Bank,
    Candidate,
    CardPlan,
    Evidence,
    PassportName,
    Problem,
    ProblemCode,
    SharedName,
    evidence_rank,
    weakest,
)
from .registry import BankRegistry, default_registry, require_registry
from .resolve import resolve_bank, resolve_name

if TYPE_CHECKING:
    from .observations import Observations

# The columns of a bank row that shape its rank-1 text, and the problem each difference is.
_DIMENSIONS = ("order", "separator", "given_separator", "case")


def plan_cards(
    name: PassportName | str,
    banks: Sequence[Bank | str],
    *,
    registry: BankRegistry | None = None,
    observations: Observations | None = None,
) -> CardPlan:
    """The texts that fit every bank given, best first, and how the banks differ.

    *registry* finds banks given by name (default: the packaged ``data/banks.csv``). With
    *observations*, each bank's candidates are ranked by them, and the advice compares the
    rows their rank-1 texts follow (``learned_ranking.learned_row``).

    >>> from wxpay_names import PassportName, plan_cards
    >>> name = PassportName(surname="Zhang", given_names="San")
    >>> plan = plan_cards(name, ["ICBC", "CMB"])
    >>> plan.compatible, plan.shared[0].text, plan.shared[0].ranks
    (True, 'ZHANG SAN', (1, 1))
    >>> plan = plan_cards(name, ["ICBC", "BOC"])
    >>> plan.compatible, [problem.code.value for problem in plan.advice]
    (False, ['ORDER_SWAPPED'])
    """
    return card_plan(name, banks, registry=registry, observations=observations, other_banks=True)


def card_plan(
    name: PassportName | str,
    banks: Sequence[Bank | str],
    *,
    registry: BankRegistry | None = None,
    observations: Observations | None = None,
    other_banks: bool = True,
) -> CardPlan:
    """:func:`plan_cards`; *other_banks*: the advice names the other banks of *registry* whose
    likeliest form is each side's (the command line lists them apart, with the banks no
    source describes counted)."""
    require_registry(registry)
    person = resolve_name(name)
    chosen = _resolve_banks(banks, registry)
    lists: list[tuple[Candidate, ...]] = [build_candidates(person, bank) for bank in chosen]
    rows = chosen
    if observations is not None:
        from .learned_ranking import learned_candidates, learned_row

        lists = [learned_candidates(person, bank, observations) for bank in chosen]
        rows = [learned_row(bank, found[0].pattern) for bank, found in zip(chosen, lists, strict=True)]
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
        advice=(
            *_differences(
                person, rows, first_texts, registry if other_banks and observations is None else False
            ),
            *_length_advice(rows, lists),
        ),
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
    [('CMB', 'reported'), ('CCB', 'inferred')]
    """
    require_registry(registry)
    person = resolve_name(name)
    own = _resolve_bank(bank, registry)
    # Rank 1 as format_name reads it (equal to candidates()[0].text: tests/test_fast_paths.py),
    # without rendering the other candidates; _differences compares rank 1 the same way.
    text = rank_one_text(person, own)
    pool = (registry or default_registry()).banks
    found = [other for other in pool if other.code != own.code and rank_one_text(person, other) == text]
    return tuple(sorted(found, key=lambda other: evidence_rank(other.evidence)))


def _resolve_bank(bank: Bank | str, registry: BankRegistry | None) -> Bank:
    if registry is not None and isinstance(bank, str):
        return registry.get(bank)
    return resolve_bank(bank)


def _resolve_banks(banks: object, registry: BankRegistry | None) -> list[Bank]:
    if isinstance(banks, str | Bank) or not isinstance(banks, Iterable):
        raise UnknownBankError(
            f"Give the banks as a list, such as ['ICBC', 'BOC'], not {type(banks).__name__} {banks!r:.40}."
        )
    if isinstance(banks, Set | Mapping):
        # A set has no order, and the plan's banks, ranks and advice follow the order given:
        # the same call would answer differently from one run to the next.
        raise UnknownBankError(
            f"Give the banks in order, as a list or tuple such as ['ICBC', 'BOC'], not a "
            f"{type(banks).__name__}: a plan lists them in the order given."
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


def _side(group: Sequence[Bank]) -> messages.Wording:
    return messages.plan_bank_list([bank.code for bank in group], [bank.name_zh for bank in group])


def _evidence(bank: Bank, dimension: str) -> Evidence:
    """How sure the bank file is of the column *dimension* of *bank*'s row."""
    # The case and the spacing between given names have an evidence of their own.
    if dimension == "case":
        return weakest(bank.evidence, bank.case_evidence)
    if dimension == "given_separator":
        return weakest(bank.evidence, bank.given_separator_evidence)
    return bank.evidence


def _differences(
    person: PassportName,
    chosen: list[Bank],
    first_texts: list[str],
    registry: BankRegistry | Literal[False] | None = False,
) -> list[Problem]:
    """How each other group of agreeing banks differs from the group of the first bank.

    With *registry* (``None``: the packaged banks; ``False``: none, as when the ranks were
    learned, which no row of another bank says), the first problem of each group also names
    the other banks whose likeliest form is each side's, by their evidence: a second card
    there keeps one real name.
    """
    groups: dict[str, list[Bank]] = {}
    for bank, text in zip(chosen, first_texts, strict=True):
        groups.setdefault(text, []).append(bank)
    (first_text, first_group), *others = groups.items()
    where = messages.PLAN["at_all" if len(chosen) > 2 else "at_both"]
    advice: list[Problem] = []
    for other_text, other_group in others:
        # A column differs visibly when giving the first bank the other's value changes its text.
        first, other = first_group[0], other_group[0]
        sides = ((first, first_text), (other, other_text))
        dimensions = [
            dimension
            for dimension in _DIMENSIONS
            if getattr(first, dimension) != getattr(other, dimension)
            and rank_one_text(person, first.model_copy(update={dimension: getattr(other, dimension)}))
            != first_text
        ]
        if any(rank_one_text(person, row) != text for row, text in sides):
            # A learned rank 1 no row writes (ZHANG·SAN): its row's columns do not say it, so the
            # two texts are said as they are.
            dimensions = ["forms"]
        dimensions = dimensions or ["spelling"]
        for dimension in dimensions:
            fields: dict[str, str | messages.Wording] = {"label": messages.PLAN[dimension], "where": where}
            for side, group, text in (("first", first_group, first_text), ("other", other_group, other_text)):
                fields[side] = _side(group)
                fields[f"{side}_text"] = text
                fields[f"{side}_way"] = messages.PLAN_WAYS.get(dimension, {}).get(
                    str(getattr(group[0], dimension, "")), messages.Wording("", "")
                )
                sure = weakest(*[_evidence(bank, dimension) for bank in group])
                if dimension == "forms" and rank_one_text(person, group[0]) != text:
                    sure = weakest(sure, "inferred")  # a form no row writes: learned from outcomes
                fields[f"{side}_verb"] = messages.plan_verb(sure, plural=len(group) > 1)
            template = "difference_texts" if dimension in ("spelling", "forms") else "difference"
            english, chinese = messages.plan_text(template, **fields)
            english = english.replace("  (", " (")
            for group in (first_group, other_group):
                if len(group) > 1:
                    agree = messages.plan_text("agreement", banks=_side(group))
                    english, chinese = english + agree.en, chinese + agree.zh
            if registry is not False and dimension == dimensions[0]:
                # Each side's other banks once: the first group's with the first problem.
                told = [first_text, other_text] if not advice else [other_text]
                also = _also_written(person, chosen, registry, told)
                english, chinese = english + also.en, chinese + also.zh
            guessed = [
                bank for bank in (*first_group, *other_group) if _evidence(bank, dimension) == "unknown"
            ]
            if guessed:
                key = "no_source_many" if len(guessed) > 1 else "no_source_one"
                caveat = messages.plan_text(key, banks=_side(guessed))
                english, chinese = english + caveat.en, chinese + caveat.zh
            code = _problem_code(dimension, first)
            advice.append(Problem(code=code, message_en=english, message_zh=chinese))
    return advice


def form_evidence(bank: Bank) -> Evidence:
    """How sure the bank file is of the bank's likeliest form as a whole: its order and spacing,
    and its case (the space between given names aside: most names have one)."""
    return weakest(bank.evidence, bank.case_evidence)


def _also_written(
    person: PassportName,
    chosen: list[Bank],
    registry: BankRegistry | None,
    texts: Sequence[str],
) -> messages.Wording:
    """For each of *texts*, the banks not chosen whose likeliest form it is, named by evidence
    (reported, then inferred; those with no source are a guess and are not named)."""
    given = {bank.code for bank in chosen}
    pool = [bank for bank in (registry or default_registry()).banks if bank.code not in given]
    english = chinese = ""
    for text in texts:
        groups: list[messages.Wording] = []
        for evidence in ("reported", "inferred"):
            # The whole form is as sure as its least sure column (the case is inferred everywhere).
            named = [
                bank
                for bank in pool
                if form_evidence(bank) == evidence and rank_one_text(person, bank) == text
            ]
            if named:
                label = messages.EVIDENCE[evidence].label
                groups.append(messages.plan_text("also_group", banks=_side(named), label=label))
        if groups:
            glue = messages.PLAN["also_separator"]
            listed = messages.Wording(
                glue.en.join(group.en for group in groups), glue.zh.join(group.zh for group in groups)
            )
            also = messages.plan_text("also_written", text=text, groups=listed)
            english, chinese = english + also.en, chinese + also.zh
    return messages.Wording(english, chinese)


def _problem_code(dimension: str, first: Bank) -> ProblemCode:
    if dimension in ("separator", "given_separator"):
        # Seen from the first bank: the other bank's text lacks, or adds, a space.
        return ProblemCode.MISSING_SPACE if getattr(first, dimension) else ProblemCode.EXTRA_SPACE
    return {
        "order": ProblemCode.ORDER_SWAPPED,
        "case": ProblemCode.CASE_DIFFERS,
    }.get(dimension, ProblemCode.SPELLING)


def _length_advice(chosen: list[Bank], lists: list[tuple[Candidate, ...]]) -> list[Problem]:
    """A bank whose field may cut the name, when another listed bank may keep it whole.

    The others are named by what is known: a field whose size is known to fit the name holds
    it whole; of a bank whose field size is unknown, only that is said.
    """
    advice: list[Problem] = []
    for bank, found in zip(chosen, lists, strict=True):
        text = found[0].text
        if bank.max_length is None or len(text) <= bank.max_length:
            continue
        fitting = [
            (other, other_found[0].text)
            for other, other_found in zip(chosen, lists, strict=True)
            if other.max_length is not None and len(other_found[0].text) <= other.max_length
        ]
        unlimited = [other for other in chosen if other.max_length is None]
        if not fitting and not unlimited:
            continue
        cut = [candidate.text for candidate in found if candidate.pattern.shortened][:2]
        shortened: str | messages.Wording = text[: bank.max_length].rstrip()
        if cut:
            shortened = cut[0] if len(cut) == 1 else messages.phrase("or", first=cut[0], second=cut[1])
        others = [
            messages.plan_text(
                "fits",
                bank=_side([other]),
                limit=str(other.max_length),
                how_sure=messages.EVIDENCE[other.max_length_evidence].how_sure,
                text=other_text,
            )
            for other, other_text in fitting
        ]
        if unlimited:
            others.append(messages.plan_text("no_limit", banks=_side(unlimited)))
        english, chinese = messages.plan_text(
            "too_long",
            bank=_side([bank]),
            limit=str(bank.max_length),
            how_sure=messages.EVIDENCE[bank.max_length_evidence].how_sure,
            length=str(len(text)),
            shortened=shortened,
            others=messages.Wording("".join([o.en for o in others]), "".join([o.zh for o in others])),
        )
        advice.append(Problem(code=ProblemCode.TOO_LONG, message_en=english, message_zh=chinese))
    return advice
