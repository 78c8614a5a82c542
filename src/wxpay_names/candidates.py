"""Candidates: the bank's row plus deviations, ranked, noted, without duplicate texts.

Rank 1 is the bank's recorded convention applied to the primary (ICAO) spelling. Every
other candidate carries one deviation (other order, other spacing, first given name
alone, another spelling, title case, shortened), then pairs of deviations, each group
ordered by weight: the likelier a clerk's variation, the lighter its weight.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import combinations

from .errors import ErrorCode, InvalidNameError
from .models import Bank, Candidate, Case, Order, PassportName, Pattern, Separator, SpellingKind
from .resolve import resolve_bank, resolve_name
from .spelling import Spelling, Words, spellings

MAX_CANDIDATES = 12

# How far from the bank's row a deviation takes a text; lighter is likelier.
SPELLING_WEIGHTS: dict[SpellingKind, tuple[int, str]] = {
    "icao": (0, ""),
    "pinyin_lu": (1, "ü written U, as PRC passports issued before 2012"),
    "folded": (2, "accents dropped (Ü → U, Ø → O) instead of the passport's ICAO spelling"),
    "pinyin_lv": (2, "ü written V, a keyboard habit seen in the wild"),
    "second_reading": (2, "the surname's other reading"),
    "pinyin_syllables": (3, "the given name split per syllable"),
    "icao_alternative": (4, "ICAO's other spelling of a letter (Ñ → NXX, Ü → UXX)"),
}
_CASE_WEIGHT = 1
_ORDER_WEIGHT = 3
_FIRST_GIVEN_WEIGHT = 4
_SHORTENED_WEIGHT = 2
# Shortened forms rank among the single deviations of this weight.
_SHORTENED_KEY = (1, _SHORTENED_WEIGHT)


@dataclass(frozen=True, slots=True)
class _Layout:
    """Everything but the letters: how one text is put together."""

    spelling: Spelling
    order: Order
    separator: Separator
    given_separator: Separator
    first_given_only: bool
    case: Case

    def render(self) -> str:
        surname = self._words(self.spelling.surname)
        given_parts = self.spelling.given[:1] if self.first_given_only else self.spelling.given
        given = self._words(tuple(word for part in given_parts for word in part))
        first, second = (surname, given) if self.order == "surname_first" else (given, surname)
        return self.separator.join(part for part in (first, second) if part)

    def _words(self, words: Words) -> str:
        if self.case == "title":
            words = tuple(word.capitalize() for word in words)
        return self.given_separator.join(words)

    def pattern(self, shortened: bool = False) -> Pattern:
        return Pattern.model_construct(
            order=self.order,
            separator="space" if self.separator else "none",
            given_separator="space" if self.given_separator else "none",
            given_names="first" if self.first_given_only else "all",
            spelling=self.spelling.kind,
            case=self.case,
            shortened=shortened,
        )


@dataclass(frozen=True, slots=True)
class _Deviation:
    dimension: str
    weight: int
    note: str
    changes: dict[str, object]


def _base_layout(spelling: Spelling, bank: Bank) -> _Layout:
    return _Layout(spelling, bank.order, bank.separator, bank.given_separator, False, bank.case)


def rank_one_text(name: PassportName, bank: Bank) -> str:
    """The text the bank most likely holds, without building the other candidates."""
    text = _base_layout(spellings(name)[0], bank).render()
    if not text:
        raise _no_letters()
    return text


def _deviations(found: tuple[Spelling, ...], bank: Bank) -> list[_Deviation]:
    other_order: Order = "given_first" if bank.order == "surname_first" else "surname_first"
    other_case: Case = "title" if bank.case == "upper" else "upper"
    row_spacing = (bank.separator, bank.given_separator)
    spacings: list[tuple[tuple[Separator, Separator], int, str]] = [
        ((" ", " "), 2, "a space between every part"),
        (("", ""), 2, "no space anywhere"),
        ((" ", ""), 3, "given names joined, a space before the surname"),
        (("", " "), 3, "no space between surname and given names"),
    ]
    deviations = [
        _Deviation("order", _ORDER_WEIGHT, _order_note(other_order), {"order": other_order}),
        _Deviation("case", _CASE_WEIGHT, _case_note(other_case), {"case": other_case}),
    ]
    deviations += [
        _Deviation("spacing", weight, note, {"separator": spacing[0], "given_separator": spacing[1]})
        for spacing, weight, note in spacings
        if spacing != row_spacing
    ]
    if len(found[0].given) > 1:
        deviations.append(
            _Deviation("given", _FIRST_GIVEN_WEIGHT, "first given name only", {"first_given_only": True})
        )
    deviations += [
        _Deviation("spelling", *SPELLING_WEIGHTS[spelling.kind], {"spelling": spelling})
        for spelling in found[1:]
    ]
    return deviations


def _order_note(order: Order) -> str:
    return "surname first" if order == "surname_first" else "given names first, surname last"


def _case_note(case: Case) -> str:
    return "title case, as the seed report writes it (Zhang San)" if case == "title" else "upper case"


def build_candidates(name: PassportName, bank: Bank) -> tuple[Candidate, ...]:
    """Rank 1 per the bank's row, then the deviations; see the module docstring."""
    found = spellings(name)
    base = _base_layout(found[0], bank)
    first_text = base.render()
    if not first_text:
        raise _no_letters()
    deviations = _deviations(found, bank)
    # Groups of deviations on distinct dimensions, ordered by (count, weight, sequence);
    # texts are rendered only until the list is full.
    groups: list[tuple[tuple[int, int, int], tuple[_Deviation, ...]]] = []
    for size in (1, 2, 3):
        for group in combinations(deviations, size):
            if len({deviation.dimension for deviation in group}) == size:
                groups.append(((size, sum(d.weight for d in group), len(groups)), group))
    groups.sort(key=lambda entry: entry[0])
    result = [
        Candidate.model_construct(text=first_text, rank=1, pattern=base.pattern(), note=_row_note(bank))
    ]
    texts = {first_text}

    def add(text: str, pattern: Pattern, note: str) -> None:
        if text and text not in texts and len(result) < MAX_CANDIDATES:
            texts.add(text)
            result.append(
                Candidate.model_construct(text=text, rank=len(result) + 1, pattern=pattern, note=note)
            )

    shortened = _shortened(base, first_text, bank)
    for key, group in groups:
        if len(result) >= MAX_CANDIDATES:
            break
        if shortened and key[:2] > _SHORTENED_KEY:
            for text, pattern, note in shortened:
                add(text, pattern, note)
            shortened = []
        changes: dict[str, object] = {}
        for deviation in group:
            changes.update(deviation.changes)
        layout = replace(base, **changes)  # type: ignore[arg-type]
        text = layout.render()
        if text not in texts:
            add(text, layout.pattern(), "; ".join(deviation.note for deviation in group))
    for text, pattern, note in shortened:
        add(text, pattern, note)
    return tuple(result)


def _shortened(base: _Layout, text: str, bank: Bank) -> list[tuple[str, Pattern, str]]:
    """Cut forms for a bank whose name field is shorter than the rank-1 text."""
    limit = bank.max_length
    if limit is None or len(text) <= limit:
        return []
    how_sure = "reported" if bank.max_length_evidence == "reported" else "a limit inferred from reports"
    note = f"shortened to the bank's {limit}-character field ({how_sure})"
    joined = replace(base, separator="", given_separator="")
    return [
        (text.replace(" ", "")[:limit], joined.pattern(shortened=True), f"{note}, spaces removed"),
        (text[:limit].rstrip(), base.pattern(shortened=True), note),
    ]


def _row_note(bank: Bank) -> str:
    order = "surname first" if bank.order == "surname_first" else "given names first"
    spacing = "one space between parts" if bank.separator else "no space between surname and given names"
    sure = {
        "reported": "reported",
        "inferred": "inferred from reports",
        "unknown": "unknown: no source, the commonest convention",
    }[bank.evidence]
    return f"{bank.code} convention: {order}, {spacing}, {bank.case} case ({sure})."


def _no_letters() -> InvalidNameError:
    return InvalidNameError(
        "The name has no letter that can be written in Latin letters; "
        "type the Latin name printed in the passport.",
        code=ErrorCode.EMPTY_NAME,
    )


def candidates(name: PassportName | str, bank: Bank | str) -> tuple[Candidate, ...]:
    """Every text the bank may hold, most likely first.

    >>> from wxpay_names import PassportName, candidates
    >>> [c.text for c in candidates(PassportName(surname="Zhang", given_names="San"), "ICBC")][:4]
    ['ZHANG SAN', 'Zhang San', 'ZHANGSAN', 'SAN ZHANG']
    """
    return build_candidates(resolve_name(name), resolve_bank(bank))


def format_name(name: PassportName | str, bank: Bank | str) -> str:
    """The text the bank most likely holds: the rank-1 candidate.

    >>> from wxpay_names import PassportName, format_name
    >>> name = PassportName(surname="Zhang", given_names="San")
    >>> [format_name(name, code) for code in ("ICBC", "ABC", "CMB", "BOC")]
    ['ZHANG SAN', 'ZHANGSAN', 'ZHANG SAN', 'SAN ZHANG']
    """
    return rank_one_text(resolve_name(name), resolve_bank(bank))
