"""From typed words matched with the name's words to problems: order, parts, letters, spaces, case."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice, pairwise
from operator import lt
from typing import NamedTuple

from ..messages import PHRASES, Wording, join_phrases, phrase, spelling_note, weakest, words_list
from ..models import PassportName, Problem, ProblemCode, SpellingKind
from ..name_forms import WRITTEN_FORMS
from .context import SHOWN_AT_MOST, Context, listed, unique
from .edit_distance import Difference, first_difference
from .typed_text import TypedWords, spell_letter
from .word_matching import Piece, match_words

# Pieces whose letters differ from the name word's: only these have letter problems to say.
_RESPELLED = frozenset({"spelled", "alternative"})
# Other spellings of the passport's accented letters: said as the passport's spelling, not a typo.
_DIACRITIC_KINDS: frozenset[SpellingKind] = frozenset({"folded", "icao_alternative"})
# A word in another spelling of the name: (its kind, as typed, the name word as the bank writes it).
_Respelling = tuple[SpellingKind, str, str]


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
        found.append(context.problem(ProblemCode.MISSING_NAME_PART, parts=_missing_parts(missing, context)))
        cost += 3 * len(missing)
    if len(named) < len(pieces):
        extras = [piece.typed for piece in pieces if piece.how == "extra"]
        found.append(context.problem(ProblemCode.EXTRA_NAME_PART, words=listed(extras)))
        cost += 3 * len(extras)
    respelled = [piece for piece in named if piece.how in _RESPELLED]
    spaces, split = _space_problems(typed, pieces, context)
    if respelled or split:
        found += _letter_problems(respelled, split, context)
        cost += sum(piece.distance + (piece.how == "alternative") for piece in respelled)
    found += spaces
    if not all(_case_fits(piece, context) for piece in named):
        bank = context.bank
        way = phrase("way_case", case=phrase(f"case_{bank.case}"))
        found.append(
            context.convention(ProblemCode.CASE_DIFFERS, way, weakest(bank.evidence, bank.case_evidence))
        )
    return Comparison(found, cost + len(found))


def _missing_parts(missing: Sequence[int], context: Context) -> Wording:
    """The name words left out, by part: "the surname words VAN and DER, the given name MARIA"."""
    words = context.words
    by_part: dict[bool, list[str]] = {}  # surname or not -> its missing words, in the bank's order
    for index in missing:
        by_part.setdefault(words[index].surname, []).append(words[index].shown)
    parts = [
        phrase("surname" if surname else "given_name", word=shown[0])
        if len(shown) == 1
        else phrase("surname_words" if surname else "given_names", words=words_list(shown))
        for surname, shown in by_part.items()
    ]
    return join_phrases(parts)


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
        return context.convention(ProblemCode.ORDER_SWAPPED, PHRASES["way_passport_order"])
    if context.bank.order == "surname_first":
        return context.convention(ProblemCode.ORDER_SWAPPED, PHRASES["way_surname_first"])
    given_count = sum(not word.surname for word in words)
    given = phrase("given_name_one" if given_count == 1 else "given_name_many")
    return context.convention(ProblemCode.ORDER_SWAPPED, phrase("way_given_first", given=given))


def _letter_problems(named: Sequence[Piece], split: Sequence[_Respelling], context: Context) -> list[Problem]:
    """What the misspelled pieces should be, and what the respelled ones (*split* too) are.

    A word in another spelling of the name (ü written U, the surname's other reading, the
    given name split per syllable) may be what the bank holds: it is explained, never called
    a typo.
    """
    corrections: list[Wording] = []
    respellings: list[_Respelling] = []
    accents = False
    for piece in named:
        if piece.kind in _DIACRITIC_KINDS and passport_letters(context.name):
            accents = True
            continue
        shown = "".join([context.words[index].shown for index in piece.words])
        if piece.how == "alternative" and piece.kind is not None:
            respellings.append((piece.kind, piece.typed, shown))
            continue
        wanted = "".join([context.words[index].text for index in piece.words])
        where = _said(first_difference(piece.typed.upper(), wanted, piece.distance or None))
        corrections.append(phrase("correction", typed=piece.typed, word=shown, where=where))
    respellings += split
    found: list[Problem] = []
    if accents:
        pairs = [
            phrase("spelled_as", letter=letter, spelling=spelled)
            for letter, spelled in passport_letters(context.name)
        ]
        found.append(context.problem(ProblemCode.DIACRITICS, "other_spelling", pairs=join_phrases(pairs)))
    if corrections:
        corrections += [
            phrase("respelled", typed=typed, word=word, how=spelling_note(kind))
            for kind, typed, word in respellings
        ]
        listed_corrections = join_phrases(corrections, "correction_separator")
        found.append(context.problem(ProblemCode.SPELLING, corrections=listed_corrections))
    elif respellings:
        # One sentence explains one spelling; a name typed in two at once is rare.
        kind, typed, word = respellings[0]
        characters = context.name.chinese or word
        if kind in WRITTEN_FORMS:  # a form people write the name in: one sentence serves them all
            found.append(
                context.problem(
                    ProblemCode.SPELLING, "written_form", typed=typed, word=word, how=spelling_note(kind)
                )
            )
        else:
            found.append(
                context.problem(ProblemCode.SPELLING, kind, typed=typed, word=word, characters=characters)
            )
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


def _space_problems(
    typed: TypedWords, pieces: Sequence[Piece], context: Context
) -> tuple[list[Problem], list[_Respelling]]:
    """Spaces missing and extra, and name words split per syllable as the name's pinyin allows."""
    words = context.words
    missing: list[Wording] = []
    extra: list[Wording] = []
    spaced_against: list[Wording] = []  # a space where the bank's row says none: its convention
    cut: dict[int, list[Piece]] = {}  # a name word typed in pieces parted by spaces -> the pieces
    if typed.leading_space:
        extra.append(phrase("space_start"))
    for earlier, later in pairwise(pieces):
        if not earlier.words or not later.words:
            continue
        joined = earlier.token == later.token
        spaced = not joined and typed.words[later.token].spaced
        if earlier.how == later.how == "fragment" and earlier.words == later.words:
            if spaced:
                cut.setdefault(earlier.words[0], [earlier]).append(later)
            continue
        first, second = earlier.words[-1], later.words[0]
        if first == second:
            continue
        wanted = context.separator(first, second)
        if (joined and wanted) or (spaced and not wanted):
            between = phrase(
                "space_between", left=words[min(first, second)].shown, right=words[max(first, second)].shown
            )
            (missing if joined else spaced_against).append(between)
    split: list[_Respelling] = []
    if cut:
        syllables = _syllables(context)
        for index, parts in cut.items():
            if tuple([part.typed.upper() for part in parts]) == syllables.get(words[index].text):
                split.append(
                    ("pinyin_syllables", " ".join([part.typed for part in parts]), words[index].shown)
                )
            else:
                extra.append(phrase("space_inside", word=words[index].shown))
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
        way = phrase("way_space", places=join_phrases(unique(missing)))
        found.append(context.convention(ProblemCode.MISSING_SPACE, way))
    if spaced_against:
        places = join_phrases(unique(spaced_against + extra))
        found.append(context.convention(ProblemCode.EXTRA_SPACE, phrase("way_no_space", places=places)))
    elif extra:
        found.append(context.problem(ProblemCode.EXTRA_SPACE, places=join_phrases(unique(extra))))
    return found, split


def _syllables(context: Context) -> dict[str, tuple[str, ...]]:
    """Each given name (a word of the passport's spelling) split per syllable, when the name's
    pinyin gives that spelling (``SANFENG`` -> ``SAN``, ``FENG``)."""
    primary, *others = context.draft.spelled
    for other in others:
        if other.kind == "pinyin_syllables" and len(other.given) == len(primary.given):
            return {
                part[0]: syllables
                for part, syllables in zip(primary.given, other.given, strict=True)
                if len(part) == 1 and len(syllables) > 1
            }
    return {}


def _case_fits(piece: Piece, context: Context) -> bool:
    if piece.how in {"exact", "fragment"}:
        shown = context.words[piece.words[0]].shown
        return shown[piece.offset : piece.offset + len(piece.typed)] == piece.typed
    if context.bank.case == "upper":
        return piece.typed == piece.typed.upper()
    return len(piece.words) > 1 or piece.typed == piece.typed.capitalize()
