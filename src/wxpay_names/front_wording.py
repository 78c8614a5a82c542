"""What the command line and the web service both say to people about a name.

A candidate's note in English or Chinese, and the library's advice to programmers
(``parse_name()``, ``surname=``) put as each front end takes a name: the options of a
command, the columns of a batch file, or the fields of a web request. Neither front end
imports the other; both import this.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from . import __all__ as library_names
from . import messages
from .candidate_plans import bank_row
from .errors import ErrorCode, NameFormatError
from .models import Bank, Candidate

Lang = Literal["en", "zh"]


def candidate_why(candidate: Candidate, bank: Bank, lang: Lang) -> str:
    """Why the candidate is listed. The English is its note; the Chinese comes from the same
    wording in ``messages.py`` (the command line prints the MRZ warning above the list)."""
    if lang == "en":
        return candidate.note
    observed = getattr(candidate, "observed", None)  # ranked with observations: its rank before them
    first = (observed.prior_rank if observed is not None else candidate.rank) == 1
    note = messages.candidate_note(bank_row(bank), candidate.pattern, first=first).zh
    limit = bank.max_length
    if first and limit is not None and len(candidate.text) > limit:
        note = messages.over_limit_note(note, limit, bank.max_length_evidence, "zh")
    if hasattr(candidate, "observed"):  # ranked with observations (issue 16): say what it rests on
        from .learned_ranking import observed_note_zh

        note = note.rstrip("。") + observed_note_zh(candidate)
    return note


# Where the name was given: the options of a command, the columns of a batch file, or the
# fields of a web request.
NameWays = Literal["options", "columns", "fields"]


class _Ways(NamedTuple):
    """The words that say how to give a name, in place of the library's Python calls."""

    in_fields: str
    as_text: str
    in_chinese: str
    chinese_takes: str
    in_mrz: str


_WAYS: dict[NameWays, _Ways] = {
    "options": _Ways(
        "with --surname and --given",
        "as a text such as 'SMITH, John'",
        "with --chinese",
        "--chinese takes",
        "with --mrz",
    ),
    "columns": _Ways(
        "in the surname and given_names columns",
        "in the name column as 'SMITH, John'",
        "in the chinese column",
        "The chinese column takes",
        "in the mrz column",
    ),
    "fields": _Ways(
        "in the surname and given_names fields",
        "in the name field as 'SMITH, John'",
        "in the chinese field",
        "The chinese field takes",
        "in the mrz field",
    ),
}
# The library's messages speak to programmers (parse_name(), PassportName(...)); these put the
# front end's ways in their place. Matched by code and by the words of the hint, so a
# message reworded in the library falls to the general rule below, never through.
_HINTS: tuple[tuple[frozenset[ErrorCode], re.Pattern[str], str], ...] = (
    (
        frozenset({ErrorCode.MRZ_FORMAT}),
        re.compile(r"pass the (whole )?zone to parse_mrz\(\)"),
        r"give the \1zone {in_mrz}",
    ),
    (
        frozenset({ErrorCode.TRANSLITERATED_FOREIGN_NAME}),
        re.compile(r"pass that to parse_name\(\) or PassportName\([^)]*\)"),
        "give that {in_fields}, or {as_text}",
    ),
    (
        frozenset({ErrorCode.MIXED_SCRIPT}),
        re.compile(
            r"from_chinese\(\) reads Chinese characters only; a name in another script goes to "
            r"parse_name\(\) or PassportName\([^)]*\) with the Latin name printed in the passport"
        ),
        "{chinese_takes} Chinese characters only; give the Latin name printed in the passport "
        "{in_fields}, or {as_text}",
    ),
    (
        frozenset({ErrorCode.UNSUPPORTED_SCRIPT}),
        re.compile(r"pass the name to from_chinese\(\)"),
        "give a name in Chinese characters {in_chinese}",
    ),
    (
        frozenset({ErrorCode.MIXED_SCRIPT}),
        re.compile(r"Pass a name in Chinese characters to from_chinese\(\)"),
        "Give a name in Chinese characters {in_chinese}",
    ),
    (
        frozenset({ErrorCode.AMBIGUOUS_NAME}),
        re.compile(r"read it with from_chinese\(\)"),
        "give it {in_chinese}",
    ),
    (
        frozenset({ErrorCode.AMBIGUOUS_NAME}),
        re.compile(r"pass the surname and given names separately"),
        "give them {in_fields}",
    ),
)
# What is left of Python after the rules: a call of the library (``parse_mrz(``) or one of its
# keywords (``surname=``). Only the library's own names: a bank typed as ``ICBC(x)`` is no call.
_PYTHON = re.compile(
    rf"\b(?:{'|'.join(sorted(map(re.escape, library_names)))})\(|\b(?:surname|given_names|chinese)="
)
_SENTENCE_END = re.compile(r"[.!?]\s+")


def reworded_advice(
    message: str, code: ErrorCode | str, ways: NameWays = "options", *, fallback: bool = True
) -> str:
    """*message* with the library's Python advice put as the front end gives a name (*ways*).

    *fallback*: advice no rule knows is cut, and the ways to give a name said instead (the
    command line); without it, such a message is left as it is (the web service, whose
    clients may read a Python name, but never lose the reason).

    >>> reworded_advice("Cannot tell: pass the surname and given names separately.", "AMBIGUOUS_NAME")
    'Cannot tell: give them with --surname and --given.'
    """
    words = _WAYS[ways]._asdict()
    for codes, hint, replacement in _HINTS:
        if code in codes:
            message = hint.sub(replacement.format(**words), message)
    found = _PYTHON.search(message) if fallback else None
    if found:
        # A hint no rule knows: keep the sentences before it, and say the front end's ways.
        starts = [end.end() for end in _SENTENCE_END.finditer(message, 0, found.start())]
        kept = message[: starts[-1]] if starts else ""
        message = (
            f"{kept}Give the name {words['in_fields']}, {words['in_mrz']}, {words['in_chinese']}, "
            f"or {words['as_text']}."
        )
    return message


def reworded_error(error: NameFormatError, ways: NameWays, *, fallback: bool = True) -> NameFormatError:
    """*error*, its message put as the front end gives a name (``reworded_advice``): for a
    refusal that travels on inside a result, such as ``preflight``'s ``NAME_UNREADABLE``."""
    error.args = (reworded_advice(str(error), error.code, ways, fallback=fallback), *error.args[1:])
    return error
