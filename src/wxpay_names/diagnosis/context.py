"""What every problem is said against (the name, the bank, its rank-1 text), and how lists are said."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..messages import PHRASES, Wording, join_phrases, problem
from ..models import Bank, Candidate, PassportName, Problem, ProblemCode
from .name_words import NameWord, name_words

_T = TypeVar("_T")
SHOWN_AT_MOST = 4  # characters or words a message lists before "…"


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a diagnosis compares against, and the words its messages use."""

    name: PassportName
    bank: Bank
    ranked: tuple[Candidate, ...]
    words: tuple[NameWord, ...]

    @classmethod
    def of(cls, name: PassportName, bank: Bank, ranked: tuple[Candidate, ...]) -> Context:
        return cls(name, bank, ranked, name_words(name, bank))

    @property
    def expected(self) -> str:
        return self.ranked[0].text

    def problem(self, code: ProblemCode, variant: str = "default", **fields: str | Wording) -> Problem:
        """The problem's wording, filled with the bank's name and the text to type."""
        bank_name = Wording(self.bank.name_en, self.bank.name_zh)
        return problem(code, variant, bank=bank_name, expected=self.expected, **fields)

    def separator(self, first: int, second: int) -> str:
        """What the bank puts between two name words: between surname and given, or within one."""
        same_part = self.words[first].surname == self.words[second].surname
        return self.bank.given_separator if same_part else self.bank.separator


def evidence(how_sure: str) -> Wording:
    """How sure the bank file is of a fact, said in both languages."""
    return PHRASES.get(f"evidence_{how_sure}", PHRASES["evidence_unknown"])


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
