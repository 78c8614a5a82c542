"""What the diagnosis finds, as plain values: which difference, which words, which bank rule, how sure.

A :class:`Finding` names a problem code, the variant of its sentence and the values that
fill it; a value is a name's word, a number, or one of the small records below, each
naming a phrase of :mod:`wxpay_names.messages` by its key, never its text. Nothing here is
a sentence: :mod:`.wording` turns the findings that are handed out into ``Problem``
models, and only those (a diagnosis weighs readings and differences it then drops).

Values are plain tuples so that making one costs no more than the tuple, and a finding
can be compared and tested without any wording.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, TypeAlias

from ..models import Evidence, ProblemCode, SpellingKind


class Phrase(NamedTuple):
    """A phrase of ``messages.PHRASES`` by its key, with the values that fill it.

    Hashable (its fields a tuple of pairs): a place or a word is said once in a list.
    """

    key: str
    fields: tuple[tuple[str, Value], ...]


class Joined(NamedTuple):
    """Several values said as one list (``a, b`` / ``a、b``); *separator* is a phrase key."""

    items: tuple[Value, ...]
    separator: str = "list_separator"


class Listed(NamedTuple):
    """Texts (characters, words) listed once each, at most a few, then "…"; the same in both languages."""

    texts: tuple[str | Character, ...]


class Capped(NamedTuple):
    """Phrases listed as they are, at most a few, then "…"."""

    items: tuple[Value, ...]


class Words(NamedTuple):
    """Words of the name in a sentence: ``VAN and DER``."""

    words: tuple[str, ...]


class HowSure(NamedTuple):
    """How sure the bank file is of a fact (a row's evidence)."""

    evidence: Evidence


class SpellingNote(NamedTuple):
    """What a spelling other than the passport's is (``ü written U, …``)."""

    kind: SpellingKind


class DotsNote(NamedTuple):
    """What a dotted form is (``a middle dot (·) between the words, …``)."""

    dots: str


class Scripts(NamedTuple):
    """The alphabets letters were typed in (Unicode script names, ``CYRILLIC``)."""

    scripts: tuple[str, ...]


class Character(NamedTuple):
    """A character named in a message: by its Unicode name, quoted, or both (a look-alike)."""

    char: str
    form: Literal["name", "quoted", "look_alike"] = "name"


Value: TypeAlias = (
    "str | Phrase | Joined | Listed | Capped | Words | HowSure | SpellingNote | DotsNote | Scripts"
    " | Character"
)


class Finding(NamedTuple):
    """One difference: the problem's code, its sentence's variant, and what fills the sentence.

    A statement of the bank's convention has the row's evidence as its variant
    (``reported``, ``inferred``, ``unknown``): it is said as fact only when a source reports it.
    """

    code: ProblemCode
    variant: str
    fields: dict[str, Value]


def finding(code: ProblemCode, variant: str = "default", **fields: Value) -> Finding:
    # tuple.__new__ skips the named tuple's Python-level __new__: a diagnosis makes many.
    return tuple.__new__(Finding, (code, variant, fields))


def phrase(key: str, **fields: Value) -> Phrase:
    return tuple.__new__(Phrase, (key, tuple(fields.items())))
