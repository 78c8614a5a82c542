"""Differences in the typed characters themselves, and in the typed name's length.

Analysis only: every finding is plain values (:mod:`.findings`); nothing here is worded.
"""

from __future__ import annotations

from itertools import accumulate

from ..models import ProblemCode
from ..validation import APOSTROPHES, HYPHENS, script_of
from .context import Context, unique
from .findings import Capped, Character, Finding, HowSure, Listed, Phrase, Scripts, Value, finding, phrase
from .typed_text import TypedText


def character_findings(typed: TypedText, context: Context) -> list[Finding]:
    """What reading the typed text undid: characters a bank record never holds."""
    found: list[Finding] = []
    if typed.invisible:
        places = tuple(
            [
                phrase("character_at", character=Character(char), position=str(position + 1))
                for position, char in typed.invisible
            ]
        )
        found.append(finding(ProblemCode.INVISIBLE_CHARACTERS, characters=Capped(places)))
    if typed.full_width:
        shown = tuple([Character(char) if char.isspace() else char for _, char in typed.full_width])
        found.append(finding(ProblemCode.FULL_WIDTH, characters=Listed(shown)))
    if typed.look_alikes:
        places = tuple(
            [
                phrase("character_in", character=Character(char, "look_alike"), word=word)
                for char, word in unique(typed.look_alikes)
            ]
        )
        found.append(finding(ProblemCode.MIXED_SCRIPT, "look_alike", characters=Capped(places)))
    elif typed.styled:
        styled = Listed(tuple(unique(typed.styled)))
        found.append(finding(ProblemCode.MIXED_SCRIPT, "styled", characters=styled))
    elif typed.other_scripts:
        scripts = Scripts(tuple(unique(script_of(char) for char in typed.other_scripts)))
        found.append(finding(ProblemCode.MIXED_SCRIPT, "other_script", script=scripts))
    if typed.accented:
        letters = tuple([char if char.isalpha() else Character(char) for char in typed.accented])
        found.append(finding(ProblemCode.DIACRITICS, "typed", letters=Listed(letters)))
    if typed.punctuation:
        printed = _passport_marks(context)
        if printed and all(_MARK_KIND.get(char) in printed for char in typed.punctuation):
            # Hyphens or apostrophes the passport prints (HANS-PETER, O'BRIEN): a form a bank
            # may hold, said as the passport writes them (a phone may have typed ’ for ').
            shown = tuple([Character(char, "quoted") for char in printed.values()])
            found.append(finding(ProblemCode.PUNCTUATION, "passport_prints", characters=Listed(shown)))
        else:
            marks = tuple(
                [Character(char, "quoted" if char.isprintable() else "name") for char in typed.punctuation]
            )
            found.append(finding(ProblemCode.PUNCTUATION, characters=Listed(marks)))
    return found


# Each hyphen and apostrophe, by what it is: the passport's and the typed one are compared so.
_MARK_KIND = {**dict.fromkeys(HYPHENS, "-"), **dict.fromkeys(APOSTROPHES, "'")}


def _passport_marks(context: Context) -> dict[str, str]:
    """The hyphens and apostrophes of the passport's name: each kind, as the name writes it first."""
    marks: dict[str, str] = {}
    for char in context.name.surname + context.name.given_names:
        kind = _MARK_KIND.get(char)
        if kind is not None:
            marks.setdefault(kind, char)
    return marks


def length_findings(typed: TypedText, context: Context) -> list[Finding]:
    """A typed name longer than the bank's name field: the bank may hold it cut short."""
    limit = context.bank.max_length
    length = len(" ".join(typed.cleaned.split()))
    if limit is None or length <= limit:
        return []
    fields: dict[str, Value] = {
        "limit": str(limit),
        "length": str(length),
        "how_sure": HowSure(context.bank.max_length_evidence),
    }
    tries = _shortened(context)
    if tries is None:
        return [finding(ProblemCode.TOO_LONG, "over_limit", **fields)]
    return [finding(ProblemCode.TOO_LONG, "typed", shortened=tries, **fields)]


def cut_short(typed: TypedText, context: Context) -> Finding | None:
    """The typed text is the name cut short, as a bank's too-short field cuts it: ``TOO_LONG`` alone.

    Only at a bank whose field may be shorter than the name, for a text that is the start of
    the rank-1 text (or of it without spaces, as the bank's cut forms are), ends inside a word
    (a person who leaves out names leaves out whole words) and has at least three quarters of
    the field's length (the field size is inferred: the cut may fall a little off it).
    """
    limit = context.bank.max_length
    expected = context.expected
    text = typed.icao
    if limit is None or len(expected) <= limit or len(text) * 4 < limit * 3:
        return None
    joined = expected.replace(" ", "")
    if text in (expected, joined) or not (expected.startswith(text) or joined.startswith(text)):
        return None
    word_ends = set(accumulate(len(word.shown) for word in context.words))
    tries = _shortened(context)
    if len(text.replace(" ", "")) in word_ends or tries is None:
        return None
    return finding(
        ProblemCode.TOO_LONG,
        "cut",
        limit=str(limit),
        length=str(len(expected)),
        how_sure=HowSure(context.bank.max_length_evidence),
        shortened=tries,
    )


def _shortened(context: Context) -> str | Phrase | None:
    """The cut forms among the candidates, said as one or the other; ``None`` when there are none."""
    draft = context.draft
    shortened = [text for text, pattern in zip(draft.texts, draft.patterns, strict=True) if pattern.shortened]
    if not shortened:
        return None
    return shortened[0] if len(shortened) == 1 else phrase("or", first=shortened[0], second=shortened[1])
