"""What every difference is found against: the name, the bank, its candidates and the name's words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from ..models import Bank, PassportName
from ..spelling import Spelling
from .name_words import NameWord, name_words

if TYPE_CHECKING:  # a type only: the candidates module words their notes, which analysis never imports
    from ..candidates import Draft

_T = TypeVar("_T")
SHOWN_AT_MOST = 4  # characters or words a message lists before "…"


class Context(NamedTuple):
    """Everything a diagnosis compares against: plain values, no wording.

    A named tuple: built on every check that is not a match, and a frozen dataclass's
    ``__init__`` costs several times as much.
    """

    name: PassportName
    bank: Bank
    draft: Draft  # the candidates' values, rank 1 first
    words: tuple[NameWord, ...]

    @classmethod
    def of(cls, name: PassportName, bank: Bank, draft: Draft) -> Context:
        # tuple.__new__ skips the named tuple's Python-level __new__ (built on most checks).
        return tuple.__new__(cls, (name, bank, draft, name_words(draft.spelled, bank)))

    @property
    def expected(self) -> str:
        return self.draft.text(0)

    @property
    def spelled(self) -> tuple[Spelling, ...]:
        return self.draft.spelled

    def separator(self, first: int, second: int) -> str:
        """What the bank puts between two name words: between surname and given, or within one."""
        same_part = self.words[first].surname == self.words[second].surname
        return self.bank.given_separator if same_part else self.bank.separator


def unique(items: Iterable[_T]) -> list[_T]:
    """*items* without repeats, in the order first seen."""
    return list(dict.fromkeys(items))
