"""The name's words as the bank writes them: what typed words are matched against."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..models import Bank, SpellingKind
from ..spelling import Spelling
from ..title_case import title_word

_new_word = tuple.__new__


class NameWord(NamedTuple):
    """One word of the name as the bank writes it."""

    text: str  # upper-case A–Z, the passport's (ICAO) spelling
    surname: bool
    shown: str  # in the bank's letter case
    alternatives: tuple[tuple[str, SpellingKind], ...]  # the word in the name's other spellings


def name_words(spelled: Sequence[Spelling], bank: Bank) -> tuple[NameWord, ...]:
    """The words of the name's primary spelling, in the bank's order, each with its other spellings.

    *spelled* is ``spellings(name)``, as the candidates were rendered from (not spelled again).
    """
    primary, *others = spelled
    ordered = _in_bank_order(primary, bank)
    if bank.case == "title":  # a numeral keeps its capitals, unless it starts its part (Ii)
        shown = [
            title_word(text, not index or ordered[index - 1][1] != surname)
            for index, (text, surname) in enumerate(ordered)
        ]
    else:
        shown = [text.upper() for text, _ in ordered]
    # tuple.__new__ skips the named tuple's Python-level __new__: every check builds these.
    if not others:  # most names: spelled one way only
        return tuple(
            [
                _new_word(NameWord, (text, surname, cased, ()))
                for (text, surname), cased in zip(ordered, shown, strict=True)
            ]
        )
    alternatives: list[list[tuple[str, SpellingKind]]] = [[] for _ in ordered]
    for other in others:
        words = _in_bank_order(other, bank)
        # Word for word only when the other spelling has the same words (a syllable split has more).
        if [part for _, part in words] != [part for _, part in ordered]:
            continue
        for index, (word, _) in enumerate(words):
            if word != ordered[index][0]:
                alternatives[index].append((word, other.kind))
    return tuple(
        [
            _new_word(NameWord, (text, surname, cased, tuple(spelled)))
            for (text, surname), cased, spelled in zip(ordered, shown, alternatives, strict=True)
        ]
    )


def _in_bank_order(spelling: Spelling, bank: Bank) -> list[tuple[str, bool]]:
    """The words of one spelling, each marked whether it is the surname's, in the bank's order."""
    surname = [(word, True) for word in spelling.surname]
    given = [(word, False) for part in spelling.given for word in part]
    return surname + given if bank.order == "surname_first" else given + surname
