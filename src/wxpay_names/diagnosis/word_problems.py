"""From typed words matched with the name's words to problems: order, parts, letters, spaces, case."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice, pairwise
from operator import lt
from typing import NamedTuple

from ..messages import Wording, join_phrases, phrase
from ..models import PassportName, Problem, ProblemCode, SpellingKind
from .context import SHOWN_AT_MOST, Context, listed, unique
from .edit_distance import Difference, first_difference
from .typed_text import TypedWords, spell_letter
from .word_matching import Piece, match_words

# Pieces whose letters differ from the name word's: only these have letter problems to say.
_RESPELLED = frozenset({"spelled", "alternative"})
# Other spellings of the passport's accented letters: said as the passport's spelling, not a typo.
_DIACRITIC_KINDS: frozenset[SpellingKind] = frozenset({"folded", "icao_alternative"})


class Comparison(NamedTuple):
    problems: list[Problem]
    cost: int  # how far the typed words are from the name: picks the likelier reading of accents


def compare(typed: TypedWords, context: Context) -> Comparison:
    """How the typed words differ from the name's words as the bank writes them."""
    words = context.words
    pieces = match_words(typed.words, words)
    found: list[Problem] = []
    cost = 0
    named = [piece for piece in pieces if piece.how != "extra"]
    sequence = [index for piece in named for index in piece.words]
    order = _order_problem(sequence, context)
    if order:
        found.append(order)
        cost += 1
    present = set(sequence)
    if len(present) < len(words):
        missing = [index for index in range(len(words)) if index not in present]
        parts = [
            phrase("surname" if words[index].surname else "given_name", word=words[index].shown)
            for index in missing
        ]
        found.append(context.problem(ProblemCode.MISSING_NAME_PART, parts=join_phrases(parts)))
        cost += 3 * len(missing)
    if len(named) < len(pieces):
        extras = [piece.typed for piece in pieces if piece.how == "extra"]
        found.append(context.problem(ProblemCode.EXTRA_NAME_PART, words=listed(extras)))
        cost += 3 * len(extras)
    respelled = [piece for piece in named if piece.how in _RESPELLED]
    if respelled:
        found += _letter_problems(respelled, context)
        cost += sum(piece.distance + (piece.how == "alternative") for piece in respelled)
    found += _space_problems(typed, pieces, context)
    if not all(_case_fits(piece, context) for piece in named):
        found.append(context.problem(ProblemCode.CASE_DIFFERS, case=phrase(f"case_{context.bank.case}")))
    return Comparison(found, cost + len(found))


def _order_problem(sequence: Sequence[int], context: Context) -> Problem | None:
    """Name words typed out of the bank's order: which parts, said as the bank writes them."""
    if all(map(lt, sequence, islice(sequence, 1, None))):  # in order, each word once: the common case
        return None
    # A word cut in two by a space comes twice in a row: once is enough for its order.
    sequence = [index for step, index in enumerate(sequence) if not step or sequence[step - 1] != index]
    if all(earlier < later for earlier, later in pairwise(sequence)):
        return None
    words = context.words
    first_is_surname = context.bank.order == "surname_first"
    seen_second_part = False
    parts_swapped = False
    for index in sequence:
        if words[index].surname != first_is_surname:
            seen_second_part = True
        elif seen_second_part:
            parts_swapped = True
    if not parts_swapped:
        return context.problem(ProblemCode.ORDER_SWAPPED, "passport_order")
    given_count = sum(not word.surname for word in words)
    given = phrase("given_name_one" if given_count == 1 else "given_name_many")
    return context.problem(ProblemCode.ORDER_SWAPPED, context.bank.order, given=given)


def _letter_problems(named: Sequence[Piece], context: Context) -> list[Problem]:
    """What the misspelled and respelled pieces (all of *named*) should be."""
    corrections: list[Wording] = []
    respelled = False
    for piece in named:
        if piece.kind in _DIACRITIC_KINDS and passport_letters(context.name):
            respelled = True
            continue
        wanted = "".join([context.words[index].text for index in piece.words])
        shown = "".join([context.words[index].shown for index in piece.words])
        where = _said(first_difference(piece.typed.upper(), wanted, piece.distance or None))
        corrections.append(phrase("correction", typed=piece.typed, word=shown, where=where))
    found: list[Problem] = []
    if respelled:
        pairs = [
            phrase("spelled_as", letter=letter, spelling=spelled)
            for letter, spelled in passport_letters(context.name)
        ]
        found.append(context.problem(ProblemCode.DIACRITICS, "other_spelling", pairs=join_phrases(pairs)))
    if corrections:
        listed_corrections = join_phrases(corrections, "correction_separator")
        found.append(context.problem(ProblemCode.SPELLING, corrections=listed_corrections))
    return found


def _said(difference: Difference) -> Wording:
    """A first difference, said as a fix: "letter 3, E, is missing"."""
    edit, position, wanted, typed = difference
    return phrase(f"letter_{edit}", position=str(position), wanted=wanted, typed=typed)


def passport_letters(name: PassportName) -> list[tuple[str, str]]:
    """The passport's letters outside A–Z, each with the spelling its machine-readable line uses."""
    pairs: dict[str, str] = {}
    for char in name.surname + name.given_names:
        if char.isalpha() and not char.isascii():
            letter = char.upper() if len(char.upper()) == 1 else char
            if letter not in pairs and len(pairs) < SHOWN_AT_MOST:
                pairs[letter] = spell_letter(letter, "icao").upper()
    return [(letter, spelled) for letter, spelled in pairs.items() if spelled]


def _space_problems(typed: TypedWords, pieces: Sequence[Piece], context: Context) -> list[Problem]:
    words = context.words
    missing: list[Wording] = []
    extra: list[Wording] = []
    if typed.leading_space:
        extra.append(phrase("space_start"))
    for earlier, later in pairwise(pieces):
        if not earlier.words or not later.words:
            continue
        joined = earlier.token == later.token
        spaced = not joined and typed.words[later.token].spaced
        if earlier.how == later.how == "fragment" and earlier.words == later.words:
            if spaced:
                extra.append(phrase("space_inside", word=words[earlier.words[0]].shown))
            continue
        first, second = earlier.words[-1], later.words[0]
        if first == second:
            continue
        wanted = context.separator(first, second)
        if (joined and wanted) or (spaced and not wanted):
            between = phrase(
                "space_between", left=words[min(first, second)].shown, right=words[max(first, second)].shown
            )
            (missing if joined else extra).append(between)
    for piece in pieces:  # a misspelled run of several name words is typed as one word
        if len(piece.words) > 1:
            for first, second in pairwise(piece.words):
                if context.separator(first, second):
                    missing.append(
                        phrase("space_between", left=words[first].shown, right=words[second].shown)
                    )
    if typed.doubled_after:
        extra += [phrase("space_doubled", word=typed.words[index].text) for index in typed.doubled_after]
    if typed.trailing_space:
        extra.append(phrase("space_end"))
    found: list[Problem] = []
    if missing:
        found.append(context.problem(ProblemCode.MISSING_SPACE, places=join_phrases(unique(missing))))
    if extra:
        found.append(context.problem(ProblemCode.EXTRA_SPACE, places=join_phrases(unique(extra))))
    return found


def _case_fits(piece: Piece, context: Context) -> bool:
    if piece.how in {"exact", "fragment"}:
        shown = context.words[piece.words[0]].shown
        return shown[piece.offset : piece.offset + len(piece.typed)] == piece.typed
    if context.bank.case == "upper":
        return piece.typed == piece.typed.upper()
    return len(piece.words) > 1 or piece.typed == piece.typed.capitalize()
