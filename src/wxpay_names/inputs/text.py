"""Free text into a PassportName, only where the surname can be told from the given names.

Read:

- ``SURNAME, Given Names``: the comma (ASCII or full-width ``，``) ends the surname, as a
  passport's one-field name does (ICAO 9303 Part 4 §4.1.1.1);
- an MRZ name field, ``SMITH<<JOHN<PAUL``;
- a surname alone in capitals beside given names that are not: ``SMITH John Paul`` or
  ``John Paul SMITH``;
- a single word: a one-part name, taken as the surname.

Everything else (``John Smith``, ``ZHANG SAN``, ``Zhang San``) has no knowable order and
raises ``AmbiguousNameError`` saying how to write it. The reading never guesses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ..cleaning import check_length, clean
from ..errors import AmbiguousNameError, ErrorCode, InvalidNameError
from ..models import PassportName, build_name
from ..validation import script_of, validate_name_part
from .mrz import FILLER, name_from_field

SURNAME_END = ","  # the full-width comma is folded to this by cleaning

# How a word is written, which is all that can say which words are the surname.
WordCase = Literal["capitals", "lower", "mixed", "initial", "uncased"]


def parse_name(text: str) -> PassportName:
    """A passport name read from one line of text.

    >>> parse_name("ERIKSSON, Anna Maria").given_names
    'Anna Maria'
    >>> parse_name("Anna Maria ERIKSSON").surname
    'ERIKSSON'
    >>> parse_name("Zhang San")
    Traceback (most recent call last):
    ...
    wxpay_names.errors.AmbiguousNameError: Cannot tell the surname from the given names in 'Zhang San'...
    """
    if not isinstance(text, str):
        raise InvalidNameError(f"A name is a str, not {type(text).__name__}.")
    check_length(text)
    cleaned = clean(text).text
    if FILLER in cleaned:
        return name_from_field(cleaned, "text")
    if SURNAME_END in cleaned:
        return _comma_form(cleaned)
    return _word_form(text)


def _comma_form(text: str) -> PassportName:
    commas = text.count(SURNAME_END)
    if commas > 1:
        raise AmbiguousNameError(
            f"{text!r} holds {commas} commas: write one, between the surname and the given names "
            "('SURNAME, Given Names'), or pass the surname and given names separately.",
        )
    surname, _, given = text.partition(SURNAME_END)
    # Positions in messages count from the start of what the user typed.
    given_offset = len(surname) + len(SURNAME_END)
    return _name(
        validate_name_part(surname, "surname"),
        validate_name_part(given, "given names field", offset=given_offset),
    )


def _word_form(text: str) -> PassportName:
    # Validated as typed, so an error names the character where the user typed it.
    cleaned = validate_name_part(text)
    words = [word for word in cleaned.split(" ") if any(char.isalpha() for char in word)]
    if any(script_of(char) == "CJK" for word in words for char in word if char.isalpha()):
        raise AmbiguousNameError(
            f"{cleaned!r} is written in Chinese characters: read it with from_chinese(), or type the "
            "Latin name printed in the passport as 'SURNAME, Given Names'.",
        )
    if len(words) <= 1:
        return _name(" ".join(words), "")
    cases = [_case(word) for word in words]
    if "capitals" not in cases or "uncased" in cases:
        raise _unknown_order(cleaned, words)
    first = cases.index("capitals")
    last = len(cases) - 1 - cases[::-1].index("capitals")
    if any(case != "capitals" for case in cases[first : last + 1]):
        raise _unknown_order(cleaned, words)
    if last == len(words) - 1:
        # Given names, then the surname in capitals; a lower-case word just before it may be
        # a name prefix the passport prints in lower case ("van", "de la", Part 3 §3.2).
        if first == 0:
            raise _unknown_order(cleaned, words)
        if cases[first - 1] == "lower":
            raise _unknown_prefix(cleaned, words, first)
        return _name(" ".join(words[first:]), " ".join(words[:first]))
    if all(case == "lower" for case in cases[:first]):
        # The surname in capitals (after any lower-case prefix), then the given names.
        return _name(" ".join(words[: last + 1]), " ".join(words[last + 1 :]))
    raise _unknown_order(cleaned, words)


def _case(word: str) -> WordCase:
    letters = [char for char in word if char.isalpha()]
    if len(letters) == 1:
        return "initial"  # "J" or "J.": an initial, never a surname on its own
    if word.isupper():
        return "capitals"
    if word.islower():
        return "lower"
    if any(char.isupper() or char.islower() for char in letters):
        return "mixed"
    return "uncased"


def _name(surname: str, given: str) -> PassportName:
    if not surname and not given:
        raise InvalidNameError(
            "The name holds no letters: type the name as the passport prints it.", code=ErrorCode.EMPTY_NAME
        )
    return build_name(surname, given, source="text")


def _unknown_order(text: str, words: Sequence[str]) -> AmbiguousNameError:
    last_as_surname = f"{words[-1].upper()}, {' '.join(words[:-1])}"
    first_as_surname = f"{words[0].upper()}, {' '.join(words[1:])}"
    return AmbiguousNameError(
        f"Cannot tell the surname from the given names in {text!r}: write it as 'SURNAME, Given Names' "
        f"(for example {last_as_surname!r} or {first_as_surname!r}), or pass the surname and given "
        "names separately.",
    )


def _unknown_prefix(text: str, words: Sequence[str], surname_start: int) -> AmbiguousNameError:
    prefix_start = surname_start
    while prefix_start > 0 and _case(words[prefix_start - 1]) == "lower":
        prefix_start -= 1
    prefix = " ".join(words[prefix_start:surname_start])
    without = f"{' '.join(words[surname_start:])}, {' '.join(words[:surname_start])}"
    with_prefix = f"{' '.join(words[prefix_start:])}, {' '.join(words[:prefix_start])}".rstrip()
    return AmbiguousNameError(
        f"Cannot tell whether {prefix!r} in {text!r} is part of the surname (as 'van' is in "
        f"'van BEETHOVEN') or a given name: write {with_prefix!r} or {without!r}, or pass the surname "
        "and given names separately.",
    )
