"""Problems in the typed characters themselves, and in the typed name's length."""

from __future__ import annotations

from itertools import accumulate

from ..cleaning import describe_character
from ..messages import PHRASES, Wording, join_phrases, phrase
from ..models import Problem, ProblemCode
from ..validation import script_of
from .context import Context, capped, evidence, listed, unique
from .typed_text import TypedText


def character_problems(typed: TypedText, context: Context) -> list[Problem]:
    """What reading the typed text undid: characters a bank record never holds."""
    found: list[Problem] = []
    if typed.invisible:
        places = [
            phrase("character_at", character=describe_character(char), position=str(position + 1))
            for position, char in typed.invisible
        ]
        found.append(context.problem(ProblemCode.INVISIBLE_CHARACTERS, characters=capped(places)))
    if typed.full_width:
        shown = [describe_character(char) if char.isspace() else char for _, char in typed.full_width]
        found.append(context.problem(ProblemCode.FULL_WIDTH, characters=listed(shown)))
    if typed.look_alikes:
        places = [
            phrase("character_in", character=f"'{char}' ({describe_character(char)})", word=word)
            for char, word in unique(typed.look_alikes)
        ]
        found.append(context.problem(ProblemCode.MIXED_SCRIPT, "look_alike", characters=capped(places)))
    elif typed.other_scripts:
        scripts = unique(script_of(char) for char in typed.other_scripts)
        named = [PHRASES.get(f"script_{script}", PHRASES["script_other"]) for script in scripts]
        found.append(
            context.problem(ProblemCode.MIXED_SCRIPT, "other_script", script=join_phrases(unique(named)))
        )
    if typed.accented:
        shown = [char if char.isalpha() else describe_character(char) for char in typed.accented]
        found.append(context.problem(ProblemCode.DIACRITICS, "typed", letters=listed(shown)))
    if typed.punctuation:
        shown = [
            f'"{char}"' if char.isprintable() else describe_character(char) for char in typed.punctuation
        ]
        found.append(context.problem(ProblemCode.PUNCTUATION, characters=listed(shown)))
    return found


def length_problems(typed: TypedText, context: Context) -> list[Problem]:
    """A typed name longer than the bank's name field: the bank may hold it cut short."""
    limit = context.bank.max_length
    length = len(" ".join(typed.cleaned.split()))
    if limit is None or length <= limit:
        return []
    fields: dict[str, str | Wording] = {
        "limit": str(limit),
        "length": str(length),
        "how_sure": evidence(context.bank.max_length_evidence),
    }
    tries = _shortened(context)
    if tries is None:
        return [context.problem(ProblemCode.TOO_LONG, "over_limit", **fields)]
    return [context.problem(ProblemCode.TOO_LONG, "typed", shortened=tries, **fields)]


def cut_short(typed: TypedText, context: Context) -> Problem | None:
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
    return context.problem(
        ProblemCode.TOO_LONG,
        "cut",
        limit=str(limit),
        length=str(len(expected)),
        how_sure=evidence(context.bank.max_length_evidence),
        shortened=tries,
    )


def _shortened(context: Context) -> str | Wording | None:
    """The cut forms among the candidates, said as one or the other; ``None`` when there are none."""
    draft = context.draft
    shortened = [text for index, text in enumerate(draft.texts()) if draft.is_shortened(index)]
    if not shortened:
        return None
    return shortened[0] if len(shortened) == 1 else phrase("or", first=shortened[0], second=shortened[1])
