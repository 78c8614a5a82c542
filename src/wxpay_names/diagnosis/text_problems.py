"""Problems in the typed characters themselves, and in the typed name's length."""

from __future__ import annotations

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
    draft = context.draft
    shortened = [text for index, text in enumerate(draft.texts()) if draft.is_shortened(index)]
    if not shortened:
        return [context.problem(ProblemCode.TOO_LONG, "over_limit", **fields)]
    tries = shortened[0] if len(shortened) == 1 else phrase("or", first=shortened[0], second=shortened[1])
    return [context.problem(ProblemCode.TOO_LONG, "typed", shortened=tries, **fields)]
