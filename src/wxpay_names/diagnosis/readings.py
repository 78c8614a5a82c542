"""A mismatched typed text: its readings weighed, and what differs in the likelier one.

The typed text is read once (:mod:`.typed_text`): its accents written as the passport's
machine-readable line writes them (the ICAO reading, ``MÜLLER`` → ``MUELLER``) and dropped
(the folded reading, ``MULLER``). The ICAO reading is first looked up among the candidate
texts: rank 1 differs in nothing, and another candidate's difference from rank 1 is known
from its pattern. Otherwise its words are matched with the name's. A text only in letters
the passport's table cannot spell (张三) gets the script's finding alone. The folded reading is
weighed only when it can win (:func:`folded_can_win`); of the two, the one that costs
less wins, the ICAO one on a tie.
"""

from __future__ import annotations

from ..models import ProblemCode
from ..name_forms import WRITTEN_FORMS
from .candidate_words import known_difference, reading_difference, words_cut_one_way
from .context import Context
from .findings import DotsNote, Finding, HowSure, SpellingNote, finding
from .text_differences import character_findings, cut_short, length_findings
from .typed_text import TypedWords, read_typed, split_words
from .word_differences import Comparison, compare, split_surname_finding

# The forms that carry a hyphen are left to the typed text's characters, which say it.
_FORMS_SAID_AS_FORMS = WRITTEN_FORMS - {"punctuation_kept", "double_surname_hyphenated"}


def diagnose_typed(entered: str, context: Context, weigh_both: bool = False) -> list[Finding]:
    """A mismatch: the characters first, then the words (in the likelier reading of accents).

    *weigh_both* compares the folded reading even when it cannot win (tests hold the rule to it).
    """
    typed = read_typed(entered)
    if typed.other_scripts and not typed.icao.strip():
        # Only letters the passport's table cannot spell (张三): the words all "missing" would
        # repeat what the script's finding says.
        return character_findings(typed, context)
    cut = cut_short(typed, context)
    if cut is not None:  # the name cut where the bank's field may end: its words are not wrong
        return [*character_findings(typed, context), cut]
    icao_words = split_words(typed.icao)
    best = _icao_comparison(typed.icao, icao_words, context)
    if typed.folded != typed.icao:
        folded_words = split_words(typed.folded)
        if weigh_both or folded_can_win(icao_words, folded_words, best.cost, context):
            folded = compare(folded_words, context)
            if folded.cost < best.cost:  # the first on a tie: ICAO
                best = folded
    return character_findings(typed, context) + best.findings + length_findings(typed, context)


def _icao_comparison(text: str, words: TypedWords, context: Context) -> Comparison:
    """The ICAO reading compared with the name: from a candidate's pattern when it is one.

    Rank 1 itself differs in nothing: its words are the name's, in the bank's order, spaces
    and case (comparing them word by word could cut words that run together, ``AAAA`` for
    ``A`` / ``A AA``, another way, and report a difference that is not there).
    """
    index = context.draft.rank_of(text)
    if index == 0:
        return Comparison([], 0)
    if index is None:
        return compare(words, context)
    pattern = context.draft.patterns[index]
    if (
        pattern.spelling in _FORMS_SAID_AS_FORMS
        and pattern.dots == "none"
        and not context.draft.is_shortened(index)
    ):
        # A form the name is written in (PAUL SMITH JOHN typed with an invisible character):
        # said as that form, as when it is typed as it is. Punctuation and dots are said by the
        # typed text's characters, and a cut form's letters were all typed, so those are not.
        return candidate_difference(index, context, words)
    return _candidate(index, words, context)


def candidate_difference(index: int, context: Context, words: TypedWords | None = None) -> Comparison:
    """How the lower-ranked candidate at *index* differs from rank 1: the account of a text
    typed as it is (``plausible``), and of a form of the name typed with characters the
    typed-text reading sets aside (``_icao_comparison``).

    A shortened form is said as the bank's field length; a form people write the name in
    (its note says which) as that, with any other difference (order, spaces, case) its
    pattern also carries; any other candidate by ``_candidate``. *words*, the typed words,
    are given when the cost is weighed against another reading of the typed text; without
    them the cost of the first two accounts is not computed (0).
    """
    draft, bank = context.draft, context.bank
    if draft.is_shortened(index) and bank.max_length is not None:
        cut = finding(
            ProblemCode.TOO_LONG,
            "shortened",
            limit=str(bank.max_length),
            how_sure=HowSure(bank.max_length_evidence),
        )
        return Comparison([cut], _candidate(index, words, context).cost if words is not None else 0)
    pattern = draft.patterns[index]
    kind, dots = pattern.spelling, pattern.dots
    if kind not in WRITTEN_FORMS and dots == "none":
        return _candidate(index, words, context)
    if kind == "surname_split":  # a reading of the characters: the passport decides, not the bank
        written = split_surname_finding(context)
    else:
        written = finding(
            ProblemCode.SPELLING, "written_form", typed=draft.text(index), word=context.expected,
            how=DotsNote(dots) if dots != "none" else SpellingNote(kind),
        )  # fmt: skip
    also = set()
    if pattern.order != bank.order:
        also.add(ProblemCode.ORDER_SWAPPED)
    if pattern.case != bank.case:
        also.add(ProblemCode.CASE_DIFFERS)
    if pattern.given_names == "first":
        also.add(ProblemCode.MISSING_NAME_PART)
    if (pattern.separator, pattern.given_separator) != (bank.separator, bank.given_separator):
        also |= {ProblemCode.MISSING_SPACE, ProblemCode.EXTRA_SPACE}
    if not also and words is None:
        return Comparison([written], 0)
    compared = _candidate(index, words, context)
    return Comparison([written, *(found for found in compared.findings if found.code in also)], compared.cost)


def _candidate(index: int, words: TypedWords | None, context: Context) -> Comparison:
    """The candidate at *index* (whose words are *words*, read when needed) against rank 1.

    From its pattern (:func:`.candidate_words.known_difference`), which is what comparing
    its words finds when the name's words cut one way only. When one name word starts
    another (``LI`` / ``LILI``), its text may cut into them another way too: of the
    pattern's difference and the words', the one that costs less is said, the pattern's on
    a tie (``LiliLi`` at ABC is only in the wrong case, although the pattern that made it
    also swapped the order: ``LILI`` + ``LI`` reads as ``LI`` + ``LILI``).
    """
    known = known_difference(index, context)
    if known is not None and words_cut_one_way(context):
        return known
    if known is None:  # a reading of one part: weighed against the words' account, never taken unseen
        known = reading_difference(index, context)
    matched = compare(words or split_words(context.draft.text(index)), context)
    return known if known is not None and known.cost <= matched.cost else matched


def folded_can_win(icao: TypedWords, folded: TypedWords, icao_cost: int, context: Context) -> bool:
    """Whether the folded reading may cost less than the ICAO one, whose cost is *icao_cost*.

    ``False`` is proven; ``True`` only means "compare it". The folded reading cannot win:

    - when the ICAO reading costs 0: no reading costs less, and a tie goes to ICAO;
    - when the typed words, read the ICAO way, are the name's words, each once (in any
      order), and exactly one of them reads otherwise with accents dropped, as a text
      that is no name word. Then in the folded reading every other typed word is matched
      to the same name word as before (step 1 of ``match_words`` hands each text its own
      name word), leaving one name word and one typed word free; that word is that name
      word's other spelling (cost +1, and a problem saying so: +1), or misspelled
      (distance ≥ 1, and a spelling problem: +1), or extra (+3 for it, +3 for the word
      left out, and two problems). Order, spaces and the other words' findings are the
      same; only the letter case may say one problem less (−1). So the folded reading
      costs at least one more than the ICAO one. (Every name word must be typed: a name
      word left out is free too, and the one word read otherwise may stand for several
      of them run together, ``ÜE`` read ``UE`` for the given names ``U`` and ``E``.)
    """
    if icao_cost == 0:
        return False
    if (icao.leading_space, icao.trailing_space, icao.doubled_after) != (
        folded.leading_space,
        folded.trailing_space,
        folded.doubled_after,
    ) or [word.spaced for word in icao.words] != [word.spaced for word in folded.words]:
        return True  # not the same words apart from their letters: no proof
    names = {word.text for word in context.words}
    upper = {word.text.upper() for word in icao.words}
    if len(upper) != len(icao.words) or upper != names or len(names) != len(context.words):
        return True  # not the name's words each once
    differing = [
        after.text.upper()
        for before, after in zip(icao.words, folded.words, strict=True)
        if before.text != after.text
    ]
    return len(differing) != 1 or differing[0] in names
