"""The last stage: the findings handed out, said as ``Problem`` models in English and Chinese.

Only this stage of the diagnosis reads :mod:`wxpay_names.messages`. Every problem sentence
names the bank, so the sentences are prepared once per bank (its name put in) and a
problem only fills in the rest: the text to type and the finding's values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..cleaning import describe_character
from ..messages import (
    EVIDENCE,
    PHRASES,
    PROBLEMS,
    Wording,
    character_zh,
    dots_note,
    join_phrases,
    spelling_note,
    words_list,
)
from ..models import Bank, Problem, ProblemCode, assemble
from .context import SHOWN_AT_MOST, unique
from .findings import (
    Capped,
    Character,
    DotsNote,
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
# Keyed by (code, variant), and for the codes said once, by (code, variant, way phrase).
_Templates = dict[tuple[Any, ...], Wording]
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
        en, zh = (_literal(name) for name in key)
        found = _BY_BANK[key] = {
            (code, variant): Wording(wording.en.replace("{bank}", en), wording.zh.replace("{bank}", zh))
            for code, variants in PROBLEMS.items()
            for variant, wording in variants.items()
        }
    return found


def _literal(text: str) -> str:
    """*text* inside a format string: its braces doubled."""
    return text.replace("{", "{{").replace("}", "}}")


def _problem(found: Finding, templates: _Templates, expected: str) -> Problem:
    code, variant, fields = found
    if code in _SAID_ONCE:
        # Its one field is a phrase without any letter of the name: the sentence is filled
        # once per bank and reused (a few dozen at most: one per code, variant and phrase).
        way = fields["way"]
        key = (code, variant, way)
        template = templates.get(key)
        if template is None:
            way_said = _both(_said(way))
            base = templates[code, variant]
            template = templates[key] = Wording(
                base.en.replace("{way}", _literal(way_said.en)),
                base.zh.replace("{way}", _literal(way_said.zh)),
            )
        filled = {"expected": expected}
        english, chinese = template.en.format_map(filled), template.zh.format_map(filled)
    else:
        template = templates[code, variant]
        en_fields: dict[str, str] = {"expected": expected}
        zh_fields: dict[str, str] = {"expected": expected}
        for key_name, value in fields.items():
            said = _said(value)
            if isinstance(said, str):
                en_fields[key_name] = zh_fields[key_name] = said
            else:
                en_fields[key_name], zh_fields[key_name] = said
        english, chinese = template.en.format_map(en_fields), template.zh.format_map(zh_fields)
    # The values are already of their fields' types: built without validating again.
    return assemble(Problem, {"code": code, "message_en": english, "message_zh": chinese})


def _said(value: Value) -> str | Wording:
    """One value in words: a ``str`` is the same in both languages, a phrase is in each."""
    return value if isinstance(value, str) else _SAY[type(value)](value)


def _joined(value: Joined) -> Wording:
    return join_phrases([_both(_said(item)) for item in value.items], value.separator)


def _listed(value: Listed) -> Wording:
    shown = unique(
        _character(text) if isinstance(text, Character) else Wording(text, text) for text in value.texts
    )
    return _capped(shown)


def _scripts(value: Scripts) -> Wording:
    named = [PHRASES.get(f"script_{script}", PHRASES["script_other"]) for script in value.scripts]
    return join_phrases(unique(named))


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
        # A Chinese list ends with 等, set off by a space after a Latin letter or digit (数字 6 等).
        gap = " " if joined.zh[-1:].isascii() and joined.zh[-1:].isalnum() else ""
        return Wording(joined.en + "…", joined.zh + gap + "等")
    return joined


def _character(value: Character) -> Wording:
    """The character in English (its Unicode name) and in Chinese (its Chinese name)."""
    chinese = character_zh(value.char, value.form)
    if value.form == "quoted":
        return Wording(f'"{value.char}"', chinese)
    if value.form == "look_alike":
        return Wording(f"'{value.char}' ({describe_character(value.char)})", chinese)
    return Wording(describe_character(value.char), chinese)


# How each kind of value is said (see findings.py).
_SAY: dict[type, Callable[[Any], str | Wording]] = {
    Phrase: _phrase,
    Joined: _joined,
    Listed: _listed,
    Capped: lambda value: _capped([_both(_said(item)) for item in value.items]),
    Words: lambda value: words_list(value.words),
    HowSure: lambda value: EVIDENCE[value.evidence].how_sure,
    SpellingNote: lambda value: spelling_note(value.kind),
    DotsNote: lambda value: dots_note(value.dots),
    Scripts: _scripts,
    Character: _character,
}
# Codes whose only field is a "way" phrase that holds no letter of the name (order, case).
_SAID_ONCE = frozenset({ProblemCode.ORDER_SWAPPED, ProblemCode.CASE_DIFFERS})
