"""What every problem is said against (the name, the bank, its rank-1 text), and how lists are said."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple, TypeVar

from ..candidates import Draft
from ..messages import EVIDENCE, Wording, join_phrases, problem
from ..models import Bank, Evidence, PassportName, Problem, ProblemCode
from .name_words import NameWord, name_words

_T = TypeVar("_T")
SHOWN_AT_MOST = 4  # characters or words a message lists before "…"


class Context(NamedTuple):
    """Everything a diagnosis compares against, and the words its messages use.

    A named tuple: built on every check that is not a match, and a frozen dataclass's
    ``__init__`` costs several times as much.
    """

    name: PassportName
    bank: Bank
    draft: Draft  # the candidates, rank 1 first
    words: tuple[NameWord, ...]
    bank_name: Wording  # every problem names the bank

    @classmethod
    def of(cls, name: PassportName, bank: Bank, draft: Draft) -> Context:
        bank_name = Wording(bank.name_en, bank.name_zh)
        # tuple.__new__ skips the named tuple's Python-level __new__ (built on most checks).
        return tuple.__new__(cls, (name, bank, draft, name_words(draft.spelled, bank), bank_name))

    @property
    def expected(self) -> str:
        return self.draft.text(0)

    def problem(self, code: ProblemCode, variant: str = "default", **fields: str | Wording) -> Problem:
        """The problem's wording, filled with the bank's name and the text to type."""
        return problem(code, variant, bank=self.bank_name, expected=self.expected, **fields)

    def convention(self, code: ProblemCode, way: Wording, how_sure: Evidence | None = None) -> Problem:
        """The bank writes the name *way*: said as fact only when a source reports it.

        *how_sure* defaults to the evidence of the bank's row.
        """
        return self.problem(code, how_sure or self.bank.evidence, way=way)

    def separator(self, first: int, second: int) -> str:
        """What the bank puts between two name words: between surname and given, or within one."""
        same_part = self.words[first].surname == self.words[second].surname
        return self.bank.given_separator if same_part else self.bank.separator


def evidence(how_sure: Evidence) -> Wording:
    """How sure the bank file is of a fact, said in both languages."""
    return EVIDENCE[how_sure].how_sure


def unique(items: Iterable[_T]) -> list[_T]:
    """*items* without repeats, in the order first seen."""
    return list(dict.fromkeys(items))


def listed(texts: Iterable[str]) -> Wording:
    """Texts (characters, words) as one list, the same in both languages."""
    return capped([Wording(text, text) for text in unique(texts)])


def capped(items: Sequence[Wording]) -> Wording:
    """A list that names at most a few items, then "…": a message stays readable."""
    joined = join_phrases(items[:SHOWN_AT_MOST])
    if len(items) > SHOWN_AT_MOST:
        return Wording(joined.en + "…", joined.zh + "…")
    return joined
