"""The last stage: the findings handed out, said as ``Problem`` models in English and Chinese.

Only this stage of the diagnosis reads :mod:`wxpay_names.messages`. Every problem sentence
names the bank, so the sentences are prepared once per bank (its name put in) and a
problem only fills in the rest: the text to type and the finding's values.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..cleaning import describe_character
from ..messages import EVIDENCE, PHRASES, PROBLEMS, Wording, join_phrases, spelling_note, words_list
from ..models import Bank, Problem, ProblemCode, assemble
from .context import SHOWN_AT_MOST, unique
from .findings import (
    Capped,
    Character,
    Finding,
    HowSure,
    Joined,
    Listed,
    Phrase,
    Scripts,
    SpellingNote,
    Value,
    Words,
)

# Problem sentences with the bank's name put in, by (English name, Chinese name); bounded.
_Templates = dict[tuple[ProblemCode, str], Wording]
_BY_BANK: dict[tuple[str, str], _Templates] = {}
_BANKS_AT_MOST = 256


def problems(findings: Iterable[Finding], bank: Bank, expected: str) -> tuple[Problem, ...]:
    """The findings as problems, in their order, each naming *bank* and the text to type."""
    templates = _templates(bank)
    return tuple([_problem(each, templates, expected) for each in findings])


def _templates(bank: Bank) -> _Templates:
    key = (bank.name_en, bank.name_zh)
    found = _BY_BANK.get(key)
    if found is None:
        if len(_BY_BANK) >= _BANKS_AT_MOST:
            _BY_BANK.clear()
        # The name as a literal inside a format string: braces doubled.
        en, zh = (name.replace("{", "{{").replace("}", "}}") for name in key)
        found = _BY_BANK[key] = {
            (code, variant): Wording(wording.en.replace("{bank}", en), wording.zh.replace("{bank}", zh))
            for code, variants in PROBLEMS.items()
            for variant, wording in variants.items()
        }
    return found


def _problem(found: Finding, templates: _Templates, expected: str) -> Problem:
    code, variant, fields = found
    template = templates[code, variant]
    english: dict[str, str] = {"expected": expected}
    chinese: dict[str, str] = {"expected": expected}
    for key, value in fields.items():
        said = _said(value)
        if isinstance(said, str):
            english[key] = chinese[key] = said
        else:
            english[key], chinese[key] = said
    # The values are already of their fields' types: built without validating again.
    return assemble(
        Problem,
        {
            "code": code,
            "message_en": template.en.format_map(english),
            "message_zh": template.zh.format_map(chinese),
        },
    )


def _said(value: Value) -> str | Wording:
    """One value in words: a ``str`` is the same in both languages, a phrase is in each."""
    if isinstance(value, str):
        return value
    if isinstance(value, Phrase):
        return _phrase(value)
    if isinstance(value, Joined):
        return join_phrases([_both(_said(item)) for item in value.items], value.separator)
    if isinstance(value, Listed):
        shown = unique(_character(text) if isinstance(text, Character) else text for text in value.texts)
        return _capped([Wording(text, text) for text in shown])
    if isinstance(value, Capped):
        return _capped([_both(_said(item)) for item in value.items])
    if isinstance(value, Words):
        return words_list(value.words)
    if isinstance(value, HowSure):
        return EVIDENCE[value.evidence].how_sure
    if isinstance(value, SpellingNote):
        return spelling_note(value.kind)
    if isinstance(value, Scripts):
        named = [PHRASES.get(f"script_{script}", PHRASES["script_other"]) for script in value.scripts]
        return join_phrases(unique(named))
    return _character(value)


def _phrase(value: Phrase) -> Wording:
    wording = PHRASES[value.key]
    if not value.fields:
        return wording
    english: dict[str, str] = {}
    chinese: dict[str, str] = {}
    for key, field in value.fields:
        said = _said(field)
        if isinstance(said, str):
            english[key] = chinese[key] = said
        else:
            english[key], chinese[key] = said
    # tuple.__new__ skips the named tuple's Python-level __new__: a problem says many phrases.
    return tuple.__new__(Wording, (wording.en.format_map(english), wording.zh.format_map(chinese)))


def _both(said: str | Wording) -> Wording:
    return Wording(said, said) if isinstance(said, str) else said


def _capped(items: list[Wording]) -> Wording:
    """A list that names at most a few items, then "…": a message stays readable."""
    joined = join_phrases(items[:SHOWN_AT_MOST])
    if len(items) > SHOWN_AT_MOST:
        return Wording(joined.en + "…", joined.zh + "…")
    return joined


def _character(value: Character) -> str:
    if value.form == "quoted":
        return f'"{value.char}"'
    if value.form == "look_alike":
        return f"'{value.char}' ({describe_character(value.char)})"
    return describe_character(value.char)
