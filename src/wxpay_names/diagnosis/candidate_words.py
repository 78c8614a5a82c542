"""How a candidate differs from rank 1, known from its pattern: no word is matched.

A lower-ranked candidate is the rank-1 text with known deviations (order, spacing, case,
the first given name alone, the passport's accents dropped or in ICAO's other form). Its
pattern says which name word each of its words is, in which spelling and case, and what
stands between two words; the findings follow from that alone. ``None`` where the pattern
does not say it (a shortened candidate; a spelling not word for word ICAO's, folded or
ICAO's other one, such as pinyin, a national table or a written form; a text the pattern's
words do not give back): the caller then compares the words.

The findings are the ones :func:`.word_differences.compare` finds for the candidate's text
whenever the name's words, in every spelling the diagnosis knows (the primary ones and
their alternatives), are *prefix-free*: no two equal, none the start of another. Then a
text made of whole name words cuts into them in one way only, whatever the spaces, so each
step of :func:`.word_matching.match_words` hands every word of the candidate to the name
word the pattern put there:

1. a word typed alone in the primary spelling is ``exact``, and no other typed word equals
   a name word (a joined word starts with a name word, so it is not one);
2. words run together are cut where the pattern joined them (the only cut); a run of
   typed words read together that holds a word in another spelling has no cut into
   primary words;
3. a word typed alone in another spelling equals that spelling of one name word only, so
   it is that word's ``alternative``; nothing is left over to be extra or misspelled.

From those pieces, :func:`.word_differences.compare_pieces` finds: the order when the
parts are swapped, the given names left out, the other spelling, a space wherever the
pattern's separator differs from the bank's, and the letter case when a word differs from
the bank's case. ``tests/test_diagnosis_stages.py`` holds this equal to ``compare`` for
such names. Where the words are not prefix-free (``LI`` / ``LI LIN``, ``A`` / ``A AA``),
a text may cut into them more than one way: comparing words may take a costlier cut than
the one the candidate was made with (it read ``AAaA``, the other order in title case, as a
part missing and a letter too many), or a cheaper one (``LiliLi`` for ``LI`` / ``LILI`` is
only in the wrong case, though the pattern that made it swapped the order). The caller
(:func:`.readings.candidate_difference`) then says the cheaper of the two.
"""

from __future__ import annotations

from itertools import pairwise

from ..models import ProblemCode
from ..spelling import Spelling
from ..title_case import title_word
from .context import Context
from .findings import Finding, Phrase, finding
from .word_differences import (
    Comparison,
    case_finding,
    diacritics_finding,
    missing_parts,
    order_finding,
    passport_letters,
    space_between,
    space_findings,
)

# Spellings whose words stand word for word for the primary ones (name_words gives them).
_WORD_FOR_WORD = frozenset({"icao", "folded", "icao_alternative"})


def known_difference(index: int, context: Context) -> Comparison | None:
    """How the candidate at *index* differs from rank 1, from its pattern; ``None`` where the
    pattern does not say it (see the module docstring)."""
    pattern = context.draft.patterns[index]
    kind = pattern.spelling
    if pattern.shortened or kind not in _WORD_FOR_WORD:
        return None
    words = context.words
    bank = context.bank
    surname = [at for at, word in enumerate(words) if word.surname]
    given = [at for at, word in enumerate(words) if not word.surname]
    missing: list[int] = []
    if pattern.given_names == "first":
        first = _first_given_words(context)
        given, missing = given[:first], given[first:]
    sequence = surname + given if pattern.order == "surname_first" else given + surname
    # One pass over the words as the pattern writes them: the text (it must be the
    # candidate's, or the pattern does not say it), the words in another spelling, the
    # letter case, and the spaces between two words where the pattern and the row differ.
    title = pattern.case == "title"
    upper_bank = bank.case == "upper"
    written: list[str] = []
    respelled: list[tuple[str, str]] = []  # (as written, the name word as the bank writes it)
    missing_spaces: list[Phrase] = []
    extra_spaces: list[Phrase] = []
    spaced_within_part = False  # one of those places is between two words of one part
    between = (pattern.separator, pattern.given_separator)  # indexed by "same part"
    wanted = (bank.separator, bank.given_separator)
    case_differs = False
    previous = -1
    for at in sequence:
        word = words[at]
        spelled = word.text
        if kind != "icao":
            spelled = next((text for text, its in word.alternatives if its == kind), spelled)
        starts_part = not at or words[at - 1].surname != word.surname  # a numeral there is a name
        shown = title_word(spelled, starts_part) if title else spelled
        if spelled != word.text:
            respelled.append((shown, word.shown))
            fits = shown == shown.upper() if upper_bank else shown == title_word(shown.upper(), starts_part)
        else:
            fits = shown == word.shown
        case_differs = case_differs or not fits
        if previous >= 0:
            same_part = words[previous].surname == word.surname
            separator = between[same_part]
            written.append(separator)
            if bool(separator) != bool(wanted[same_part]):
                (extra_spaces if separator else missing_spaces).append(space_between(previous, at, words))
                spaced_within_part = spaced_within_part or same_part
        written.append(shown)
        previous = at
    if "".join(written) != context.draft.texts[index]:
        return None
    found: list[Finding] = []
    cost = 0
    if surname and given and pattern.order != bank.order:
        found.append(order_finding(context, parts_swapped=True))
        cost += 1
    if missing:
        found.append(finding(ProblemCode.MISSING_NAME_PART, parts=missing_parts(missing, words)))
        cost += 3 * len(missing)
    if respelled:
        cost += len(respelled)
        if passport_letters(context.name):
            found.append(diacritics_finding(context.name))
        else:  # not reached for these spellings today: said as compare says a respelled word
            typed, shown = respelled[0]
            characters = context.name.chinese or shown
            found.append(finding(ProblemCode.SPELLING, kind, typed=typed, word=shown, characters=characters))
    if missing_spaces or extra_spaces:
        found += space_findings(context, missing_spaces, extra_spaces, [], spaced_within_part)
    if case_differs:
        found.append(case_finding(context))
    return Comparison(found, cost + len(found))


# Readings of a name from Chinese characters whose words are not the primary ones word for
# word (the given name split per syllable has more words): their only difference from rank 1,
# when the pattern keeps the row's layout, is the one part they spell otherwise.
_READINGS = frozenset({"pinyin_syllables", "given_reading", "second_reading", "pinyin_lu", "pinyin_lv"})


def reading_difference(index: int, context: Context) -> Comparison | None:
    """How the candidate at *index* differs from rank 1 when it is rank 1's layout in another
    reading of one part (``XIAO LI LI`` for 李晓丽 at BOC: the given name split per syllable):
    that reading alone. ``None`` for any other candidate.

    Comparing words could take another account when a syllable is also a name word (``LI``):
    a surname word typed twice and a given name misspelled.
    """
    pattern = context.draft.patterns[index]
    kind, bank = pattern.spelling, context.bank
    if kind not in _READINGS or (
        pattern.separator,
        pattern.given_separator,
        pattern.given_names,
        pattern.shortened,
        pattern.dots,
    ) != (bank.separator, bank.given_separator, "all", False, "none"):
        return None  # other spaces, or given names left out: said by comparing words
    primary = _parts_as_written(context.spelled[0], pattern.case, pattern.given_separator)
    shown = _parts_as_written(context.spelled[0], bank.case, pattern.given_separator)  # as the bank writes it
    text = context.draft.texts[index]
    for spelled in context.spelled[1:]:
        if spelled.kind != kind:
            continue
        parts = _parts_as_written(spelled, pattern.case, pattern.given_separator)
        differing = [at for at in (0, 1) if parts[at] != primary[at]]
        first, second = parts if pattern.order == "surname_first" else parts[::-1]
        written = first + bank.separator + second if first and second else first or second
        if len(differing) == 1 and written == text:
            typed, word = parts[differing[0]], shown[differing[0]]
            characters = context.name.chinese or word
            found: list[Finding] = []
            if all(parts) and pattern.order != bank.order:
                found.append(order_finding(context, parts_swapped=True))
            found.append(finding(ProblemCode.SPELLING, kind, typed=typed, word=word, characters=characters))
            if pattern.case != bank.case:
                found.append(case_finding(context))
            # As known_difference counts: one for the order, one for the respelled part, one per problem.
            return Comparison(found, (len(found) > 1 + (pattern.case != bank.case)) + 1 + len(found))
    return None


def _parts_as_written(spelled: Spelling, case: str, separator: str) -> tuple[str, str]:
    """The surname and the given names of *spelled*, each one piece as a layout writes it."""
    surname = list(spelled.surname)
    given = [word for part in spelled.given for word in part]
    if case == "title":
        surname = [title_word(word, not at) for at, word in enumerate(surname)]
        given = [title_word(word, not at) for at, word in enumerate(given)]
    return separator.join(surname), separator.join(given)


def _first_given_words(context: Context) -> int:
    """How many words the first given name has (in the primary spelling)."""
    given = context.spelled[0].given
    return len(given[0]) if given else 0


def words_cut_one_way(context: Context) -> bool:
    """No spelling of a name word equals another, or starts another: the name's words are
    *prefix-free* (see the module docstring), so a text of whole words cuts into them one way."""
    texts = [word.text for word in context.words]
    for word in context.words:
        if word.alternatives:
            texts += [text for text, _ in word.alternatives]
    texts.sort()
    # Sorted, a word that starts another comes right before one that starts with it.
    return not any(later.startswith(earlier) for earlier, later in pairwise(texts))
