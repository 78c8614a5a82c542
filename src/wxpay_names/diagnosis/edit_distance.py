"""How far apart two words are, and where the first difference is: linear in their length.

The distance is Levenshtein's (a letter replaced, left out or added costs one), worked out
with Myers' bit-parallel method in Hyyrö's form for whole words (G. Myers, J. ACM 46(3),
1999; H. Hyyrö, "Explaining and extending the bit-parallel approximate string matching
algorithm of Myers", 2001): one column of the edit table is one integer, so a word costs
one step per letter of the other, and a name of 256 letters needs only a few machine
words per step. The common start and end are cut off first: they cost nothing.
"""

from __future__ import annotations

from typing import Literal, NamedTuple


def bounded_distance(typed: str, wanted: str, limit: int) -> int:
    """The Levenshtein distance of two words, or ``limit + 1`` when it is larger.

    >>> bounded_distance("MULER", "MUELLER", 2), bounded_distance("ZHANG", "SAN", 2)
    (2, 3)
    """
    beyond = limit + 1
    if abs(len(typed) - len(wanted)) > limit:
        return beyond
    if typed == wanted:
        return 0
    # Letters both share at the start and at the end never count: only the middle is compared.
    start = _common_start(typed, wanted)
    end_typed, end_wanted = len(typed), len(wanted)
    while end_typed > start and end_wanted > start and typed[end_typed - 1] == wanted[end_wanted - 1]:
        end_typed -= 1
        end_wanted -= 1
    typed, wanted = typed[start:end_typed], wanted[start:end_wanted]
    if not typed or not wanted:
        return min(len(typed) + len(wanted), beyond)
    return min(_bit_parallel(typed, wanted, limit), beyond)


def distance(typed: str, wanted: str) -> int:
    """The Levenshtein distance.

    >>> distance("LYU", "LU"), distance("", "ABC"), distance("KITTEN", "SITTING")
    (1, 3, 3)
    """
    return bounded_distance(typed, wanted, len(typed) + len(wanted))


def _bit_parallel(typed: str, wanted: str, limit: int) -> int:
    """Myers/Hyyrö: the edit table's last row, column by column; more than *limit* stops early.

    Bit ``i`` of ``plus``/``minus`` says the table rises/falls by one from row ``i`` to row
    ``i + 1`` in the current column; ``score`` is the bottom cell, the distance so far.
    """
    rows = len(typed)
    every = (1 << rows) - 1
    bottom = 1 << (rows - 1)
    where: dict[str, int] = {}  # letter -> the rows it is in
    for row, letter in enumerate(typed):
        where[letter] = where.get(letter, 0) | (1 << row)
    plus, minus, score = every, 0, rows
    left = len(wanted)
    for letter in wanted:
        equal = where.get(letter, 0)
        vertical = equal | minus
        horizontal = (((equal & plus) + plus) ^ plus) | equal
        rise = minus | (~(horizontal | plus) & every)
        fall = plus & horizontal
        if rise & bottom:
            score += 1
        elif fall & bottom:
            score -= 1
        left -= 1
        if score - left > limit:  # each letter still to come lowers the distance by one at most
            return score - left
        rise = (rise << 1) | 1  # the top row rises by one a column: a whole word is compared
        fall <<= 1
        plus = (fall | ~(vertical | rise)) & every
        minus = rise & vertical
    return score


class Difference(NamedTuple):
    """The first place a typed word departs from the wanted one, as one edit."""

    edit: Literal["wrong", "missing", "extra"]  # a letter replaced, left out, or added
    position: int  # counted from 1: in the wanted word, or in the typed one for "extra"
    wanted: str  # the letter wanted there ("" for "extra")
    typed: str  # the letter typed there ("" for "missing")


def first_difference(typed: str, wanted: str, apart: int | None = None) -> Difference:
    """Where *typed* first departs from *wanted* along a cheapest way to edit one into the other.

    *apart* is their distance when the caller knows it. Of the edits a cheapest way may
    start with, a replaced letter is named before a missing one, a missing before an extra.

    >>> first_difference("MULER", "MUELLER")
    Difference(edit='missing', position=3, wanted='E', typed='')
    >>> first_difference("ZHANG", "ZHANG")
    Difference(edit='extra', position=6, wanted='', typed='G')
    """
    # Equal letters at the start are always on a cheapest way; the first unequal pair decides.
    at = _common_start(typed, wanted)
    if at < len(typed) and at < len(wanted):
        rest_typed, rest_wanted = typed[at:], wanted[at:]
        fewer = (distance(rest_typed, rest_wanted) if apart is None else apart) - 1
        if bounded_distance(rest_typed[1:], rest_wanted[1:], fewer) <= fewer:
            return Difference("wrong", at + 1, wanted[at], typed[at])
        if bounded_distance(rest_typed, rest_wanted[1:], fewer) <= fewer:
            return Difference("missing", at + 1, wanted[at], "")
        return Difference("extra", at + 1, "", typed[at])
    if at < len(wanted):
        return Difference("missing", at + 1, wanted[at], "")
    return Difference("extra", at + 1, "", typed[min(at, len(typed) - 1)] if typed else "")


def _common_start(first: str, second: str) -> int:
    """How many letters the two words share at the start."""
    at, shortest = 0, min(len(first), len(second))
    while at < shortest and first[at] == second[at]:
        at += 1
    return at
