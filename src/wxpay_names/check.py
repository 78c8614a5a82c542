"""Diagnosis of a typed name: why the card was refused, and what to type instead.

``check_name`` compares what a person typed with the bank's candidates:

1. Equal to rank 1: ``match``. Equal to another candidate: ``plausible``, and the
   problems say how that candidate differs from rank 1.
2. Otherwise ``mismatch``. The typed text is read one character at a time
   (:func:`_read_typed`): invisible characters, full-width forms, letters of other
   alphabets, accents and punctuation are noted and undone, leaving words in A–Z.
3. Those words are matched with the name's words as the bank writes them
   (:func:`_match`): typed as they are, run together, cut in two, misspelled, or in
   another spelling of the passport's letters; what is left is missing or extra. Then
   come their order, the spaces between them and their case (:func:`_diagnose`).

Reading is linear in the input. Matching is at most quadratic in words bounded by
``MAX_INPUT_LENGTH`` (the edit distance that locates a misspelling), with no regular
expression that could backtrack.

Problems are listed most important first, in the order of :data:`PROBLEM_ORDER`, one
per code (a code that applies to several words names them all in its message).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Literal, TypeVar

from .candidates import build_candidates
from .cleaning import check_length, describe_character, is_invisible, is_white_space
from .errors import InvalidNameError, NameFormatError
from .messages import PHRASES, Wording, join_phrases, phrase, problem
from .models import Bank, Candidate, NameCheck, PassportName, Problem, ProblemCode, SpellingKind
from .resolve import resolve_bank, resolve_name
from .spelling import spell, spellings
from .validation import APOSTROPHES, HYPHENS, script_of

# Most important first: characters a bank record never holds (they alone make the name
# fail, and some cannot be seen), then the name's structure (order, parts), its letters,
# its spaces, its case (no official source says WeChat compares case), and last the
# length, which rests on an inferred field size.
PROBLEM_ORDER: tuple[ProblemCode, ...] = (
    ProblemCode.INVISIBLE_CHARACTERS,
    ProblemCode.FULL_WIDTH,
    ProblemCode.MIXED_SCRIPT,
    ProblemCode.DIACRITICS,
    ProblemCode.PUNCTUATION,
    ProblemCode.ORDER_SWAPPED,
    ProblemCode.MISSING_NAME_PART,
    ProblemCode.EXTRA_NAME_PART,
    ProblemCode.SPELLING,
    ProblemCode.MISSING_SPACE,
    ProblemCode.EXTRA_SPACE,
    ProblemCode.CASE_DIFFERS,
    ProblemCode.TOO_LONG,
)
_RANK = {code: index for index, code in enumerate(PROBLEM_ORDER)}

# Full-width forms (Ｊｏｈｎ) and the ideographic space, typed with a Chinese input method.
_FULL_WIDTH_FIRST, _FULL_WIDTH_LAST = 0xFF01, 0xFF5E
_IDEOGRAPHIC_SPACE = "\u3000"
# Letters of other alphabets drawn like a Latin letter, and the Latin letter meant.
_LOOK_ALIKES = dict(
    zip(
        "АВЕКМНОРСТУХаеорсухіјѕІЈЅԁһΑΒΕΖΗΙΚΜΝΟΡΤΥΧοι",
        "ABEKMHOPCTYXaeopcyxijsIJSdhABEZHIKMNOPTYXoi",
        strict=True,
    )
)
# Punctuation that parts two words (a hyphen, a comma); any other is simply dropped.
_WORD_BREAKS = frozenset(",;/\\·・") | HYPHENS
_BREAK = "-"  # how the reading marks such a break: no letter, yet not a space either
_SHOWN_AT_MOST = 4  # characters or words a message lists before "…"
_RUN_AT_MOST = 4  # name words a misspelled, run-together typed word may stand for
_DIACRITIC_KINDS: frozenset[SpellingKind] = frozenset({"folded", "icao_alternative"})

_T = TypeVar("_T")
Status = Literal["match", "plausible", "mismatch"]
How = Literal["exact", "fragment", "spelled", "alternative", "extra"]


def check_name(entered: str, name: PassportName | str, bank: Bank | str) -> NameCheck:
    """Why a typed name fails at a bank, and what to type instead.

    >>> from wxpay_names import PassportName, check_name
    >>> zhang_san = PassportName(surname="Zhang", given_names="San")
    >>> check_name("ZHANG SAN", zhang_san, "ICBC").status
    'match'
    >>> result = check_name("SAN ZHANG", zhang_san, "ICBC")
    >>> result.status, result.expected, [p.code.value for p in result.problems]
    ('plausible', 'ZHANG SAN', ['ORDER_SWAPPED'])
    >>> print(check_name("SAN  ZHANG", zhang_san, "CMB").problems[0].message_en)
    China Merchants Bank writes the surname first: type ZHANG SAN
    """
    if not isinstance(entered, str):
        raise InvalidNameError(f"The typed name must be a str, not {type(entered).__name__}.")
    check_length(entered, "typed name")
    found_bank = resolve_bank(bank)
    found_name = resolve_name(name)
    ranked = build_candidates(found_name, found_bank)
    context = _Context(found_name, found_bank, ranked, _name_words(found_name, found_bank))
    expected = ranked[0].text
    for candidate in ranked:
        if entered == candidate.text:
            if candidate.rank == 1:
                return NameCheck(status="match", entered=entered, expected=expected, matched=candidate)
            return _verdict("plausible", entered, context, _differences(candidate, context), candidate)
    return _verdict("mismatch", entered, context, _diagnose_typed(entered, context), None)


@dataclass(frozen=True, slots=True)
class _Word:
    """One word of the name as the bank writes it."""

    text: str  # upper-case A–Z, the passport's (ICAO) spelling
    surname: bool
    shown: str  # in the bank's letter case
    alternatives: tuple[tuple[str, SpellingKind], ...]  # the word in the name's other spellings


@dataclass(frozen=True, slots=True)
class _Context:
    """Everything a diagnosis compares against, and the words its messages use."""

    name: PassportName
    bank: Bank
    ranked: tuple[Candidate, ...]
    words: tuple[_Word, ...]

    @property
    def expected(self) -> str:
        return self.ranked[0].text

    @property
    def bank_name(self) -> Wording:
        return Wording(self.bank.name_en, self.bank.name_zh)

    def problem(self, code: ProblemCode, variant: str = "default", **fields: str | Wording) -> Problem:
        return problem(code, variant, bank=self.bank_name, expected=self.expected, **fields)

    def separator(self, first: int, second: int) -> str:
        """What the bank puts between two name words: between surname and given, or within one."""
        same_part = self.words[first].surname == self.words[second].surname
        return self.bank.given_separator if same_part else self.bank.separator


def _name_words(name: PassportName, bank: Bank) -> tuple[_Word, ...]:
    found = spellings(name)

    def in_bank_order(words_surname: Iterable[str], given: Iterable[Iterable[str]]) -> list[tuple[str, bool]]:
        surname = [(word, True) for word in words_surname]
        given_words = [(word, False) for part in given for word in part]
        return surname + given_words if bank.order == "surname_first" else given_words + surname

    primary = in_bank_order(found[0].surname, found[0].given)
    alternatives: list[list[tuple[str, SpellingKind]]] = [[] for _ in primary]
    for other in found[1:]:
        words = in_bank_order(other.surname, other.given)
        # Word for word only when the other spelling has the same words (a syllable split has more).
        if [part for _, part in words] != [part for _, part in primary]:
            continue
        for index, (word, _) in enumerate(words):
            if word != primary[index][0]:
                alternatives[index].append((word, other.kind))
    return tuple(
        _Word(text, surname, _in_case(text, bank), tuple(others))
        for (text, surname), others in zip(primary, alternatives, strict=True)
    )


def _in_case(word: str, bank: Bank) -> str:
    return word.capitalize() if bank.case == "title" else word.upper()


def _verdict(
    status: Status,
    entered: str,
    context: _Context,
    found: Iterable[Problem],
    matched: Candidate | None,
) -> NameCheck:
    by_code: dict[ProblemCode, Problem] = {}
    for each in found:
        by_code.setdefault(each.code, each)
    if not by_code:  # a plausible or mismatched text always says at least why
        by_code[ProblemCode.SPELLING] = context.problem(ProblemCode.SPELLING, "unexplained")
    problems = tuple(sorted(by_code.values(), key=lambda each: _RANK[each.code]))
    return NameCheck(
        status=status, entered=entered, expected=context.expected, matched=matched, problems=problems
    )


def _differences(candidate: Candidate, context: _Context) -> list[Problem]:
    """How a lower-ranked candidate differs from rank 1."""
    if candidate.pattern.shortened and context.bank.max_length is not None:
        return [
            context.problem(
                ProblemCode.TOO_LONG,
                "shortened",
                limit=str(context.bank.max_length),
                how_sure=_evidence(context.bank.max_length_evidence),
            )
        ]
    return _compare(_tokens(candidate.text), context).problems


# Reading what was typed


@dataclass(slots=True)
class _Reading:
    """The typed text in letters A–Z, spaces and word breaks, with what was undone on the way."""

    icao: str = ""  # accents written as the passport's machine-readable line writes them (Ü → UE)
    folded: str = ""  # accents dropped (Ü → U)
    cleaned: str = ""  # after removing invisible characters and folding full width
    invisible: list[tuple[int, str]] = field(default_factory=list)
    full_width: list[tuple[int, str]] = field(default_factory=list)
    look_alikes: list[tuple[str, str]] = field(default_factory=list)  # (letter, the word it is in)
    other_scripts: list[str] = field(default_factory=list)
    accented: list[str] = field(default_factory=list)
    punctuation: list[str] = field(default_factory=list)


def _read_typed(entered: str) -> _Reading:
    reading = _Reading()
    kept: list[str] = []
    for position, char in enumerate(entered):
        if " " <= char <= "~":
            kept.append(char)
        elif is_white_space(char):
            spot = reading.full_width if char == _IDEOGRAPHIC_SPACE else reading.invisible
            spot.append((position, char))  # a tab or no-break space cannot be told from a space
            kept.append(" ")
        elif _FULL_WIDTH_FIRST <= ord(char) <= _FULL_WIDTH_LAST:
            reading.full_width.append((position, char))
            kept.append(unicodedata.normalize("NFKC", char))
        elif is_invisible(char) or unicodedata.category(char) in {"Cc", "Cf"}:
            reading.invisible.append((position, char))
        else:
            kept.append(char)
    reading.cleaned = unicodedata.normalize("NFC", "".join(kept))
    icao: list[str] = []
    folded: list[str] = []
    for word in reading.cleaned.split(" "):
        word_icao, word_folded = _read_word(word, reading)
        icao.append(word_icao)
        folded.append(word_folded)
    reading.icao, reading.folded = " ".join(icao), " ".join(folded)
    return reading


def _read_word(word: str, reading: _Reading) -> tuple[str, str]:
    # A Cyrillic а inside a Latin word is a look-alike; a whole Cyrillic word is transliterated.
    latin_word = any(char.isalpha() and script_of(char) == "LATIN" for char in word)
    icao: list[str] = []
    folded: list[str] = []
    for char in word:
        if char.isascii() and char.isalpha():
            icao.append(char)
            folded.append(char)
            continue
        category = unicodedata.category(char)
        if char in _WORD_BREAKS or category in {"Pd", "Pc"}:
            reading.punctuation.append(char)
            icao.append(_BREAK)
            folded.append(_BREAK)
        elif char in APOSTROPHES or category[0] not in "LM":
            reading.punctuation.append(char)
        elif category[0] == "M":
            reading.accented.append(char)
        elif script_of(char) == "LATIN":
            reading.accented.append(char)
            icao.append(_spell_letter(char, "icao"))
            folded.append(_spell_letter(char, "folded"))
        elif latin_word and char in _LOOK_ALIKES:
            reading.look_alikes.append((char, word))
            icao.append(_LOOK_ALIKES[char])
            folded.append(_LOOK_ALIKES[char])
        else:
            reading.other_scripts.append(char)
            icao.append(_spell_letter(char, "icao"))
            folded.append(_spell_letter(char, "icao"))
    return "".join(icao), "".join(folded)


def _spell_letter(char: str, kind: SpellingKind) -> str:
    try:
        letters = "".join(spell(char, kind))
    except NameFormatError:  # a letter with no Latin spelling (a Chinese character): nothing to compare
        return ""
    return letters.lower() if char.islower() else letters


@dataclass(frozen=True, slots=True)
class _Token:
    """A typed word: letters between spaces or word breaks."""

    text: str
    spaced: bool  # parted from the previous word by a space (else by punctuation)


@dataclass(frozen=True, slots=True)
class _Tokens:
    words: tuple[_Token, ...]
    leading_space: bool = False
    trailing_space: bool = False
    doubled_after: tuple[int, ...] = ()  # words followed by more than one space


def _tokens(text: str) -> _Tokens:
    words: list[_Token] = []
    doubled: list[int] = []
    letters: list[str] = []
    spaces = 0
    leading = False
    for char in (*text, " "):
        if char == " " or char == _BREAK:
            if letters:
                words.append(_Token("".join(letters), spaces > 0))
                letters = []
                spaces = 0
            if char == " ":
                spaces += 1
                leading = leading or not words
            continue
        if not letters and spaces > 1 and words:
            doubled.append(len(words) - 1)
        letters.append(char)
    trailing = text.endswith(" ") and bool(words)
    return _Tokens(tuple(words), leading and bool(words), trailing, tuple(doubled))


# Matching typed words with the name's words


@dataclass(frozen=True, slots=True)
class _Piece:
    """The part of a typed word that stands for some name words (none: an extra part)."""

    token: int
    start: int  # offset in the typed word
    typed: str
    words: tuple[int, ...]
    how: How
    offset: int = 0  # for a fragment: where in the name word it starts
    kind: SpellingKind | None = None  # for an alternative spelling
    distance: int = 0


def _match(tokens: Sequence[_Token], words: Sequence[_Word]) -> list[_Piece]:
    upper = [token.text.upper() for token in tokens]
    free = [True] * len(words)
    pieces: dict[int, list[_Piece]] = {}

    def take(piece: _Piece) -> None:
        pieces.setdefault(piece.token, []).append(piece)
        for index in piece.words:
            free[index] = False

    for position, text in enumerate(upper):  # a name word typed as it is
        index = next((k for k, word in enumerate(words) if free[k] and word.text == text), None)
        if index is not None:
            take(_Piece(position, 0, tokens[position].text, (index,), "exact"))
    for piece in _regrouped(tokens, upper, words, free, pieces):  # run together or cut by a space
        take(piece)
    for position, run, how, kind, distance in _near_matches(upper, words, free, pieces):
        if position not in pieces and all(free[index] for index in run):
            take(_Piece(position, 0, tokens[position].text, run, how, kind=kind, distance=distance))
    for position, token in enumerate(tokens):
        if position not in pieces:
            take(_Piece(position, 0, token.text, (), "extra"))
    ordered = [piece for position in sorted(pieces) for piece in sorted(pieces[position], key=_start)]
    return _in_typed_order(ordered, words)


def _in_typed_order(pieces: list[_Piece], words: Sequence[_Word]) -> list[_Piece]:
    """Hand name words that a typed word fits equally well to the typed words in passport order.

    Typed ``A A`` for a surname ``Å`` (``AA``, folded ``A``) and a given name ``A`` could be
    either way round; which one came first cannot be seen, so it must not read as a swap.
    """
    alike: dict[str, list[int]] = {}
    for piece in pieces:
        if piece.how in {"exact", "alternative"} and len(piece.words) == 1:
            alike.setdefault(piece.typed.upper(), []).append(piece.words[0])
    for indices in alike.values():
        indices.sort(reverse=True)
    result: list[_Piece] = []
    for piece in pieces:
        if piece.how not in {"exact", "alternative"} or len(piece.words) != 1:
            result.append(piece)
            continue
        index = alike[piece.typed.upper()].pop()
        if words[index].text == piece.typed.upper():
            result.append(replace(piece, words=(index,), how="exact", kind=None))
        else:
            kind = dict(words[index].alternatives)[piece.typed.upper()]
            result.append(replace(piece, words=(index,), how="alternative", kind=kind))
    return result


def _start(piece: _Piece) -> int:
    return piece.start


def _regrouped(
    tokens: Sequence[_Token],
    upper: Sequence[str],
    words: Sequence[_Word],
    free: list[bool],
    pieces: dict[int, list[_Piece]],
) -> list[_Piece]:
    """Unmatched typed words whose letters, read together, are free name words with the spaces moved.

    ``ZHANGSAN`` is two name words run together; ``SAN FENG`` one name word cut in two;
    ``ZHAN GSAN`` both. Up to ``_RUN_AT_MOST`` consecutive typed words are read together,
    the longest run first.
    """
    found: list[_Piece] = []
    position = 0
    while position < len(tokens):
        longest = 0
        while (
            longest < _RUN_AT_MOST and position + longest < len(tokens) and position + longest not in pieces
        ):
            longest += 1
        for length in range(longest, 0, -1):
            run = range(position, position + length)
            segments = _segment("".join(upper[index] for index in run), words, free, respell=length == 1)
            if segments is None or (length == 1 and len(segments) == 1):
                continue
            bounds = [0]
            for index in run:
                bounds.append(bounds[-1] + len(upper[index]))
            for start, end, word, kind in segments:
                free[word] = False
                for offset, index in enumerate(run):
                    first, last = max(start, bounds[offset]), min(end, bounds[offset + 1])
                    if first < last:
                        whole = start >= bounds[offset] and end <= bounds[offset + 1]
                        typed = tokens[index].text[first - bounds[offset] : last - bounds[offset]]
                        how: How = "alternative" if kind else "exact" if whole else "fragment"
                        at = first - bounds[offset]
                        found.append(_Piece(index, at, typed, (word,), how, first - start, kind))
            position += length
            break
        else:
            position += 1
    return found


def _segment(
    text: str, words: Sequence[_Word], free: Sequence[bool], respell: bool
) -> list[tuple[int, int, int, SpellingKind | None]] | None:
    """Cut *text* into free name words, or ``None`` when it cannot be.

    Each cut is (start, end, word index, the other spelling it is in or ``None``); other
    spellings are tried only when *respell*. Of the ways to cut it, one that keeps the
    words in the bank's order is preferred (``AAA`` for the words ``AA``, ``A`` is
    ``AA|A``), then one with fewer other spellings, so no swap is reported that the
    letters do not show.
    """
    pools: dict[str, list[tuple[int, SpellingKind | None]]] = {}
    for index, word in enumerate(words):
        if free[index]:
            pools.setdefault(word.text, []).append((index, None))
    if respell:
        for index, word in enumerate(words):
            if free[index]:
                for spelled, kind in word.alternatives:
                    pools.setdefault(spelled, []).append((index, kind))
    # best[end]: (words out of order so far, other spellings so far, the last word's index, came from)
    best: list[tuple[int, int, int, int, str] | None] = [None] * (len(text) + 1)
    best[0] = (0, 0, -1, 0, "")
    for start in range(len(text)):
        here = best[start]
        if here is None:
            continue
        for piece, entries in pools.items():
            end = start + len(piece)
            if end <= len(text) and text.startswith(piece, start):
                index, other = entries[0]
                step = (here[0] + (index < here[2]), here[1] + (other is not None), index, start, piece)
                known = best[end]
                if known is None or step[:2] < known[:2]:
                    best[end] = step
    if not text or best[len(text)] is None:
        return None
    found: list[tuple[int, str]] = []
    end = len(text)
    while end:
        step_taken = best[end]
        assert step_taken is not None  # every reached end records where it came from
        found.append((step_taken[3], step_taken[4]))
        end = step_taken[3]
    result: list[tuple[int, int, int, SpellingKind | None]] = []
    taken: set[int] = set()
    for start, piece in reversed(found):
        entry = next((entry for entry in pools[piece] if entry[0] not in taken), None)
        if entry is None:  # the same name word would be used twice
            return None
        taken.add(entry[0])
        result.append((start, start + len(piece), *entry))
    return result


def _near_matches(
    upper: Sequence[str], words: Sequence[_Word], free: Sequence[bool], pieces: dict[int, list[_Piece]]
) -> list[tuple[int, tuple[int, ...], How, SpellingKind | None, int]]:
    """Unmatched typed words close to a free name word or run of them, closest first."""
    targets: list[tuple[tuple[int, ...], str, int]] = []  # (run, its letters, letters that may be off)
    respelled: dict[str, list[tuple[tuple[int, ...], SpellingKind]]] = {}  # the run in another spelling
    for first in range(len(words)):
        run: tuple[int, ...] = ()
        for index in range(first, min(first + _RUN_AT_MOST, len(words))):
            if not free[index]:
                break
            run += (index,)
            wanted = "".join(words[each].text for each in run)
            targets.append((run, wanted, _spelling_limit(wanted)))
            for kind, spelled in _other_spellings(run, words):
                if spelled != wanted:
                    respelled.setdefault(spelled, []).append((run, kind))
    options: list[tuple[int, int, int, int, tuple[int, ...], How, SpellingKind | None]] = []
    for position, typed in enumerate(upper):
        if position in pieces:
            continue
        options += [
            (0, 0, len(run), position, run, "alternative", kind) for run, kind in respelled.get(typed, ())
        ]
        for run, wanted, limit in targets:
            distance = _distance(typed, wanted, limit)
            if 0 < distance <= limit:
                options.append((1, distance, len(run), position, run, "spelled", None))
    options.sort(key=lambda option: option[:5])
    return [(position, run, how, kind, distance) for _, distance, _, position, run, how, kind in options]


def _other_spellings(run: Sequence[int], words: Sequence[_Word]) -> list[tuple[SpellingKind, str]]:
    """The run's letters in each other spelling of the name (a word it leaves alone stays as it is)."""
    by_kind = [{kind: word for word, kind in words[index].alternatives} for index in run]
    kinds = sorted({kind for spelled in by_kind for kind in spelled})
    return [
        (
            kind,
            "".join(
                spelled.get(kind, words[index].text) for spelled, index in zip(by_kind, run, strict=True)
            ),
        )
        for kind in kinds
    ]


def _spelling_limit(word: str) -> int:
    # About one letter in three may be off before a typed word counts as another word.
    return min(max(1, (len(word) + 1) // 3), len(word) - 1)


def _distance(typed: str, wanted: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` when it is larger.

    Only cells within *limit* of the diagonal are filled, so the cost is the length
    times the limit, not the length squared.
    """
    beyond = limit + 1
    if abs(len(typed) - len(wanted)) > limit:
        return beyond
    previous = [min(column, beyond) for column in range(len(wanted) + 1)]
    for row in range(1, len(typed) + 1):
        current = [beyond] * (len(wanted) + 1)
        current[0] = min(row, beyond)
        letter = typed[row - 1]
        for column in range(max(1, row - limit), min(len(wanted), row + limit) + 1):
            substitute = previous[column - 1] + (letter != wanted[column - 1])
            current[column] = min(substitute, previous[column] + 1, current[column - 1] + 1, beyond)
        if min(current) == beyond:
            return beyond
        previous = current
    return previous[-1]


def _where(typed: str, wanted: str) -> Wording:
    """The first place *typed* departs from *wanted*, said as a fix."""
    rows, columns = len(typed), len(wanted)
    # cost[i][j]: edits from typed[i:] to wanted[j:]; walking it from the start finds the first edit.
    cost = [[0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(rows, -1, -1):
        for j in range(columns, -1, -1):
            if i == rows or j == columns:
                cost[i][j] = (rows - i) + (columns - j)
            else:
                same = cost[i + 1][j + 1] + (typed[i] != wanted[j])
                cost[i][j] = min(same, cost[i + 1][j] + 1, cost[i][j + 1] + 1)
    i = j = 0
    while i < rows and j < columns:
        if typed[i] == wanted[j] and cost[i][j] == cost[i + 1][j + 1]:
            i, j = i + 1, j + 1
        elif cost[i][j] == cost[i + 1][j + 1] + 1:
            return phrase("letter_wrong", position=str(j + 1), wanted=wanted[j], typed=typed[i])
        elif cost[i][j] == cost[i][j + 1] + 1:
            break
        else:
            return phrase("letter_extra", position=str(i + 1), typed=typed[i])
    if j < columns:
        return phrase("letter_missing", position=str(j + 1), wanted=wanted[j])
    return phrase("letter_extra", position=str(i + 1), typed=typed[min(i, rows - 1)] if rows else "")


# From matched pieces to problems


@dataclass(frozen=True, slots=True)
class _Comparison:
    problems: list[Problem]
    cost: int  # how far the typed words are from the name: picks the likelier reading of accents


def _compare(tokens: _Tokens, context: _Context) -> _Comparison:
    words = context.words
    pieces = _match(tokens.words, words)
    found: list[Problem] = []
    cost = 0
    named = [piece for piece in pieces if piece.how != "extra"]
    sequence = [index for piece in named for index in piece.words]
    # A word cut in two by a space comes twice in a row: once is enough for its order.
    order = _order_problem(
        [index for step, index in enumerate(sequence) if sequence[step - 1 : step] != [index]], context
    )
    if order:
        found.append(order)
        cost += 1
    present = {index for piece in named for index in piece.words}
    missing = [index for index in range(len(words)) if index not in present]
    if missing:
        parts = [
            phrase("surname" if words[index].surname else "given_name", word=words[index].shown)
            for index in missing
        ]
        found.append(context.problem(ProblemCode.MISSING_NAME_PART, parts=join_phrases(parts)))
        cost += 3 * len(missing)
    extras = [piece.typed for piece in pieces if piece.how == "extra"]
    if extras:
        found.append(context.problem(ProblemCode.EXTRA_NAME_PART, words=_listed(extras)))
        cost += 3 * len(extras)
    found += _letter_problems(named, context)
    cost += sum(piece.distance + (piece.how == "alternative") for piece in named)
    found += _space_problems(tokens, pieces, context)
    if any(not _case_fits(piece, context) for piece in named):
        found.append(context.problem(ProblemCode.CASE_DIFFERS, case=phrase(f"case_{context.bank.case}")))
    return _Comparison(found, cost + len(found))


def _order_problem(sequence: Sequence[int], context: _Context) -> Problem | None:
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


def _letter_problems(named: Sequence[_Piece], context: _Context) -> list[Problem]:
    corrections: list[Wording] = []
    respelled = False
    for piece in named:
        if piece.how not in {"spelled", "alternative"}:
            continue
        if piece.kind in _DIACRITIC_KINDS and _passport_letters(context.name):
            respelled = True
            continue
        wanted = "".join(context.words[index].text for index in piece.words)
        shown = "".join(context.words[index].shown for index in piece.words)
        where = _where(piece.typed.upper(), wanted)
        corrections.append(phrase("correction", typed=piece.typed, word=shown, where=where))
    found: list[Problem] = []
    if respelled:
        pairs = [
            phrase("spelled_as", letter=letter, spelling=spelled)
            for letter, spelled in _passport_letters(context.name)
        ]
        found.append(context.problem(ProblemCode.DIACRITICS, "other_spelling", pairs=join_phrases(pairs)))
    if corrections:
        found.append(
            context.problem(
                ProblemCode.SPELLING, corrections=join_phrases(corrections, "correction_separator")
            )
        )
    return found


def _passport_letters(name: PassportName) -> list[tuple[str, str]]:
    """The passport's letters outside A–Z, each with the spelling its machine-readable line uses."""
    pairs: dict[str, str] = {}
    for char in name.surname + name.given_names:
        if char.isalpha() and not char.isascii():
            letter = char.upper() if len(char.upper()) == 1 else char
            if letter not in pairs and len(pairs) < _SHOWN_AT_MOST:
                pairs[letter] = _spell_letter(letter, "icao").upper()
    return [(letter, spelled) for letter, spelled in pairs.items() if spelled]


def _space_problems(tokens: _Tokens, pieces: Sequence[_Piece], context: _Context) -> list[Problem]:
    words = context.words
    missing: list[Wording] = []
    extra: list[Wording] = []
    if tokens.leading_space:
        extra.append(phrase("space_start"))
    for earlier, later in pairwise(pieces):
        if not earlier.words or not later.words:
            continue
        joined = earlier.token == later.token
        spaced = not joined and tokens.words[later.token].spaced
        if earlier.how == later.how == "fragment" and earlier.words == later.words:
            if spaced:
                extra.append(phrase("space_inside", word=words[earlier.words[0]].shown))
            continue
        first, second = earlier.words[-1], later.words[0]
        if first == second:
            continue
        between = phrase(
            "space_between", left=words[min(first, second)].shown, right=words[max(first, second)].shown
        )
        wanted = context.separator(first, second)
        if joined and wanted:
            missing.append(between)
        elif spaced and not wanted:
            extra.append(between)
    for piece in pieces:  # a misspelled run of several name words is typed as one word
        for first, second in pairwise(piece.words):
            if context.separator(first, second):
                missing.append(phrase("space_between", left=words[first].shown, right=words[second].shown))
    extra += [phrase("space_doubled", word=tokens.words[index].text) for index in tokens.doubled_after]
    if tokens.trailing_space:
        extra.append(phrase("space_end"))
    found: list[Problem] = []
    if missing:
        found.append(context.problem(ProblemCode.MISSING_SPACE, places=join_phrases(_unique(missing))))
    if extra:
        found.append(context.problem(ProblemCode.EXTRA_SPACE, places=join_phrases(_unique(extra))))
    return found


def _case_fits(piece: _Piece, context: _Context) -> bool:
    if piece.how in {"exact", "fragment"}:
        shown = context.words[piece.words[0]].shown
        return shown[piece.offset : piece.offset + len(piece.typed)] == piece.typed
    if context.bank.case == "upper":
        return piece.typed == piece.typed.upper()
    return len(piece.words) > 1 or piece.typed == piece.typed.capitalize()


# A mismatch: hygiene first, then the words


def _diagnose_typed(entered: str, context: _Context) -> list[Problem]:
    reading = _read_typed(entered)
    comparisons = [_compare(_tokens(reading.icao), context)]
    if reading.folded != reading.icao:
        comparisons.append(_compare(_tokens(reading.folded), context))
    best = min(comparisons, key=lambda comparison: comparison.cost)  # the first on a tie: ICAO
    return _hygiene_problems(reading, context) + best.problems + _length_problems(reading, context)


def _hygiene_problems(reading: _Reading, context: _Context) -> list[Problem]:
    found: list[Problem] = []
    if reading.invisible:
        listed = [
            phrase("character_at", character=describe_character(char), position=str(position + 1))
            for position, char in reading.invisible
        ]
        found.append(context.problem(ProblemCode.INVISIBLE_CHARACTERS, characters=_capped(listed)))
    if reading.full_width:
        shown = [describe_character(char) if char.isspace() else char for _, char in reading.full_width]
        found.append(context.problem(ProblemCode.FULL_WIDTH, characters=_listed(shown)))
    if reading.look_alikes:
        listed = [
            phrase("character_in", character=f"'{char}' ({describe_character(char)})", word=word)
            for char, word in _unique(reading.look_alikes)
        ]
        found.append(context.problem(ProblemCode.MIXED_SCRIPT, "look_alike", characters=_capped(listed)))
    elif reading.other_scripts:
        scripts = _unique(script_of(char) for char in reading.other_scripts)
        named = [PHRASES.get(f"script_{script}", PHRASES["script_other"]) for script in scripts]
        found.append(
            context.problem(ProblemCode.MIXED_SCRIPT, "other_script", script=join_phrases(_unique(named)))
        )
    if reading.accented:
        shown = [char if char.isalpha() else describe_character(char) for char in reading.accented]
        found.append(context.problem(ProblemCode.DIACRITICS, "typed", letters=_listed(shown)))
    if reading.punctuation:
        shown = [
            f'"{char}"' if char.isprintable() else describe_character(char) for char in reading.punctuation
        ]
        found.append(context.problem(ProblemCode.PUNCTUATION, characters=_listed(shown)))
    return found


def _length_problems(reading: _Reading, context: _Context) -> list[Problem]:
    limit = context.bank.max_length
    length = len(" ".join(reading.cleaned.split()))
    if limit is None or length <= limit:
        return []
    fields: dict[str, str | Wording] = {
        "limit": str(limit),
        "length": str(length),
        "how_sure": _evidence(context.bank.max_length_evidence),
    }
    shortened = [candidate.text for candidate in context.ranked if candidate.pattern.shortened]
    if not shortened:
        return [context.problem(ProblemCode.TOO_LONG, "over_limit", **fields)]
    tries = shortened[0] if len(shortened) == 1 else phrase("or", first=shortened[0], second=shortened[1])
    return [context.problem(ProblemCode.TOO_LONG, "typed", shortened=tries, **fields)]


def _evidence(evidence: str) -> Wording:
    return PHRASES.get(f"evidence_{evidence}", PHRASES["evidence_unknown"])


def _unique(items: Iterable[_T]) -> list[_T]:
    return list(dict.fromkeys(items))


def _listed(texts: Iterable[str]) -> Wording:
    return _capped([Wording(text, text) for text in _unique(texts)])


def _capped(items: Sequence[Wording]) -> Wording:
    listed = join_phrases(items[:_SHOWN_AT_MOST])
    if len(items) > _SHOWN_AT_MOST:
        return Wording(listed.en + "…", listed.zh + "…")
    return listed
