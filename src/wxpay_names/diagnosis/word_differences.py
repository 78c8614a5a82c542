"""From typed words matched with the name's words to findings: order, parts, letters, spaces, case.

Analysis only: every finding is plain values (:mod:`.findings`); nothing here is worded.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice, pairwise
from operator import lt
from typing import NamedTuple

from ..models import PassportName, ProblemCode, SpellingKind, weakest
from ..name_forms import WRITTEN_FORMS
from ..spelling import icao_values
from .context import SHOWN_AT_MOST, Context, unique
from .edit_distance import Difference, first_difference
from .findings import Finding, Joined, Listed, Phrase, SpellingNote, Words, finding, phrase
from .name_words import NameWord
from .typed_text import TypedWords, spell_letter
from .word_matching import Piece, match_words

# Pieces whose letters differ from the name word's: only these have letter problems to say.
_RESPELLED = frozenset({"spelled", "alternative"})
# Other spellings of the passport's accented letters: said as the passport's spelling, not a typo.
_DIACRITIC_KINDS: frozenset[SpellingKind] = frozenset({"folded", "icao_alternative"})
# A word in another spelling of the name: (its kind, as typed, the name word as the bank writes it).
_Respelling = tuple[SpellingKind, str, str]


class Comparison(NamedTuple):
    findings: list[Finding]
    cost: int  # how far the typed words are from the name: picks the likelier reading of accents


def compare(typed: TypedWords, context: Context) -> Comparison:
    """How the typed words differ from the name's words as the bank writes them."""
    return compare_pieces(typed, match_words(typed.words, context.words), context)


def compare_pieces(typed: TypedWords, pieces: Sequence[Piece], context: Context) -> Comparison:
    """What differs, once each typed word is matched with the name words it stands for (*pieces*)."""
    words = context.words
    found: list[Finding] = []
    cost = 0
    if context.name.possibly_truncated:
        pieces, cut = written_out(pieces, words)
        if cut is not None:
            found.append(cut)
            cost += 1
    named = [piece for piece in pieces if piece.how != "extra"]
    sequence = [index for piece in named for index in piece.words]
    order = _order_finding(sequence, context)
    if order:
        found.append(order)
        cost += 1
    present = set(sequence)
    if len(present) < len(words):
        missing = [index for index in range(len(words)) if index not in present]
        found.append(finding(ProblemCode.MISSING_NAME_PART, parts=missing_parts(missing, words)))
        cost += 3 * len(missing)
    if len(named) < len(pieces):
        extras = tuple([piece.typed for piece in pieces if piece.how == "extra"])
        found.append(finding(ProblemCode.EXTRA_NAME_PART, words=Listed(extras)))
        cost += 3 * len(extras)
    respelled = [piece for piece in named if piece.how in _RESPELLED]
    spaces, split = _space_findings(typed, pieces, context)
    if respelled or split:
        found += _letter_findings(respelled, split, context)
        cost += sum(piece.distance + (piece.how == "alternative") for piece in respelled)
    found += spaces
    if not all(_case_fits(piece, context) for piece in named):
        found.append(case_finding(context))
    return Comparison(found, cost + len(found))


def written_out(pieces: Sequence[Piece], words: Sequence[NameWord]) -> tuple[Sequence[Piece], Finding | None]:
    """The name's last word typed in full, where the MRZ name field is full and may have cut it.

    A clerk types the name from the data page (ICAO 9303 Part 4 §4.2.3: the zone may cut a
    name, the page does not), so ``HUBERT`` typed for the zone's last word ``HU`` is that word
    written out, not a part missing and another extra: the piece then stands for the word.
    """
    given = [index for index, word in enumerate(words) if not word.surname]
    last = given[-1] if given else len(words) - 1
    cut = words[last].text
    typed_elsewhere = any(last in piece.words for piece in pieces if piece.how != "spelled")
    for at, piece in enumerate(pieces):
        spelled_as_it = piece.how == "spelled" and piece.words == (last,)
        if not (spelled_as_it or (piece.how == "extra" and not typed_elsewhere)):
            continue
        letters = piece.typed.upper()
        if len(letters) > len(cut) and letters.startswith(cut) and letters.isascii() and letters.isalpha():
            out = piece._replace(words=(last,), how="written_out")
            found = finding(ProblemCode.SPELLING, "truncated", typed=piece.typed, word=words[last].shown)
            return [*pieces[:at], out, *pieces[at + 1 :]], found
    # Typed run together (ZHANGHUBERT where the bank writes no space): matching took the last
    # word and made the rest of the typed word an extra part.
    for at, (piece, rest) in enumerate(pairwise(pieces)):
        if (
            piece.words == (last,)
            and piece.how == "exact"
            and rest.how == "extra"
            and rest.token == piece.token
            and rest.start == piece.start + len(piece.typed)
            and rest.typed.isascii()
            and rest.typed.isalpha()
        ):
            typed = piece.typed + rest.typed
            out = piece._replace(typed=typed, how="written_out")
            found = finding(ProblemCode.SPELLING, "truncated", typed=typed, word=words[last].shown)
            return [*pieces[:at], out, *pieces[at + 2 :]], found
    return pieces, None


def case_finding(context: Context) -> Finding:
    """The bank writes the name in its letter case (said as sure as its row and its case column)."""
    bank = context.bank
    way = phrase("way_case", case=phrase(f"case_{bank.case}"))
    return finding(ProblemCode.CASE_DIFFERS, weakest(bank.evidence, bank.case_evidence), way=way)


def missing_parts(missing: Sequence[int], words: Sequence[NameWord]) -> Joined:
    """The name words left out, by part: "the surname words VAN and DER, the given name MARIA"."""
    by_part: dict[bool, list[str]] = {}  # surname or not -> its missing words, in the bank's order
    for index in missing:
        by_part.setdefault(words[index].surname, []).append(words[index].shown)
    parts = [
        phrase("surname" if surname else "given_name", word=shown[0])
        if len(shown) == 1
        else phrase("surname_words" if surname else "given_names", words=Words(tuple(shown)))
        for surname, shown in by_part.items()
    ]
    return Joined(tuple(parts))


def _order_finding(sequence: Sequence[int], context: Context) -> Finding | None:
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
    return order_finding(context, parts_swapped)


def order_finding(context: Context, parts_swapped: bool) -> Finding:
    """ORDER_SWAPPED: the bank's order of the parts, or the passport's order of the words."""
    evidence = context.bank.evidence
    if not parts_swapped:
        return finding(ProblemCode.ORDER_SWAPPED, evidence, way=phrase("way_passport_order"))
    if context.bank.order == "surname_first":
        return finding(ProblemCode.ORDER_SWAPPED, evidence, way=phrase("way_surname_first"))
    given_count = sum(not word.surname for word in context.words)
    given = phrase("given_name_one" if given_count == 1 else "given_name_many")
    return finding(ProblemCode.ORDER_SWAPPED, evidence, way=phrase("way_given_first", given=given))


def _letter_findings(named: Sequence[Piece], split: Sequence[_Respelling], context: Context) -> list[Finding]:
    """What the misspelled pieces should be, and what the respelled ones (*split* too) are.

    A word in another spelling of the name (ü written U, the surname's other reading, the
    given name split per syllable) may be what the bank holds: it is explained, never called
    a typo.
    """
    corrections: list[Phrase] = []
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
    found: list[Finding] = []
    if accents:
        found.append(diacritics_finding(context.name))
    if corrections:
        corrections += [
            phrase("respelled", typed=typed, word=word, how=SpellingNote(kind))
            for kind, typed, word in respellings
        ]
        found.append(
            finding(ProblemCode.SPELLING, corrections=Joined(tuple(corrections), "correction_separator"))
        )
    elif respellings:
        # One sentence explains one spelling; a name typed in two at once is rare.
        kind, typed, word = respellings[0]
        characters = context.name.chinese or word
        if kind == "surname_split":  # a reading of the characters, said as the candidate is
            found.append(split_surname_finding(context))
        elif kind in WRITTEN_FORMS:  # a form people write the name in: one sentence serves them all
            how = SpellingNote(kind)
            found.append(finding(ProblemCode.SPELLING, "written_form", typed=typed, word=word, how=how))
        else:
            found.append(finding(ProblemCode.SPELLING, kind, typed=typed, word=word, characters=characters))
    return found


def diacritics_finding(name: PassportName) -> Finding:
    """The passport's letters outside A–Z and how its machine-readable line writes them; where
    ICAO's table lets the issuing State choose (Ü: UE, UXX or U), the other values too."""
    letters = passport_letters(name)
    pairs = [phrase("spelled_as", letter=letter, spelling=spelled) for letter, spelled in letters]
    choices = [
        phrase("spelled_as", letter=letter, spelling=Joined(tuple(others), "or_separator"))
        for letter, _ in letters
        if (others := icao_values(letter)[1:])
    ]
    if not choices:
        return finding(ProblemCode.DIACRITICS, "other_spelling", pairs=Joined(tuple(pairs)))
    return finding(
        ProblemCode.DIACRITICS, "state_chooses", pairs=Joined(tuple(pairs)), choices=Joined(tuple(choices))
    )


def _said(difference: Difference) -> Phrase:
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


def space_between(first: int, second: int, words: Sequence[NameWord]) -> Phrase:
    """ "between ZHANG and SAN": two name words, in the bank's order whatever the typed order."""
    return phrase(
        "space_between", left=words[min(first, second)].shown, right=words[max(first, second)].shown
    )


def space_findings(
    context: Context,
    missing: Sequence[Phrase],
    spaced_against: Sequence[Phrase],
    extra: Sequence[Phrase],
    within_part: bool,
) -> list[Finding]:
    """MISSING_SPACE and EXTRA_SPACE from the places found (a place said once).

    *within_part*: a place of *missing* or *spaced_against* lies between two given names (or
    two surname words), where the row's spacing is only as sure as its own column.
    """
    bank = context.bank
    evidence = weakest(bank.evidence, bank.given_separator_evidence) if within_part else bank.evidence
    found: list[Finding] = []
    if missing:
        way = phrase("way_space", places=Joined(tuple(unique(missing))))
        found.append(finding(ProblemCode.MISSING_SPACE, evidence, way=way))
    if spaced_against:
        places = Joined(tuple(unique(spaced_against)))
        way = (
            phrase("way_no_space_and_extra", places=places, extra=Joined(tuple(unique(extra))))
            if extra
            else phrase("way_no_space", places=places)
        )
        found.append(finding(ProblemCode.EXTRA_SPACE, evidence, way=way))
    elif extra:
        found.append(finding(ProblemCode.EXTRA_SPACE, places=Joined(tuple(unique(extra)))))
    return found


def _space_findings(
    typed: TypedWords, pieces: Sequence[Piece], context: Context
) -> tuple[list[Finding], list[_Respelling]]:
    """Spaces missing and extra, and name words split per syllable as the name's pinyin allows."""
    words = context.words
    missing: list[Phrase] = []
    extra: list[Phrase] = []
    spaced_against: list[Phrase] = []  # a space where the bank's row says none: its convention
    against_before: set[int] = set()  # the typed words such a space comes before
    within_part = False  # one of those places is between two words of one part
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
            (missing if joined else spaced_against).append(space_between(first, second, words))
            if spaced:
                against_before.add(later.token)
            within_part = within_part or words[first].surname == words[second].surname
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
                    missing.append(space_between(first, second, words))
                    within_part = within_part or words[first].surname == words[second].surname
    if typed.doubled_after:
        # A doubled space where the row writes none is that one place, said once as the row's.
        extra += [
            phrase("space_doubled", word=typed.words[index].text)
            for index in typed.doubled_after
            if index + 1 not in against_before
        ]
    if typed.trailing_space:
        extra.append(phrase("space_end"))
    return space_findings(context, missing, spaced_against, extra, within_part), split


def _syllables(context: Context) -> dict[str, tuple[str, ...]]:
    """Each given name (a word of the passport's spelling) split per syllable, when the name's
    pinyin gives that spelling (``SANFENG`` -> ``SAN``, ``FENG``)."""
    primary, *others = context.spelled
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


def split_surname_finding(context: Context) -> Finding:
    """The compound surname read apart (单于飞: SHAN, not CHANYU): a reading the passport decides."""
    apart = next(spelled for spelled in context.spelled if spelled.kind == "surname_split")
    return finding(
        ProblemCode.SPELLING,
        "surname_split",
        typed="".join(apart.surname),
        word=context.name.surname,
        characters=context.name.chinese or "",
    )
