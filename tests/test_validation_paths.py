"""The two paths of name-part validation give one result, and what is accepted validates again.

``validate_name_part`` returns text that is already clean after one regular expression
(the fast path) and sends anything else through hygiene and a check of every character
(``validate_in_full``). Both must agree on every text: the same value, or the same refusal
(class, code and message).
"""

from __future__ import annotations

import contextlib
import string
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from wxpay_names import ErrorCode, NameFormatError, PassportName, validation
from wxpay_names.validation import validate_in_full, validate_name_part

LATIN_1_LETTERS = "".join(chr(code) for code in range(0xC0, 0x100) if chr(code) not in "×÷")
EXTENDED_LETTERS = "".join(map(chr, [*range(0x100, 0x250), *range(0x1E00, 0x1F00)]))
# What the fast path takes, and its near misses: other Latin-1 characters (× ÷ ª º µ ´ ¿),
# every white space, other dashes and apostrophes, letters just past the ranges (IPA ɐ, Greek
# ά), modifier letters, a combining accent, invisible and full-width characters.
FAST_ALPHABET = string.ascii_letters + LATIN_1_LETTERS + "  -'’."
NEAR_MISSES = "×÷ªºµ´¿¡\u00a0\t\n\u3000\u2010\u2018ʼʹɐάЀ\u0301\u0308\u200b\u202eＡ0_,"
TEXTS = st.one_of(
    st.text(st.sampled_from(FAST_ALPHABET), max_size=30),
    st.text(st.sampled_from(FAST_ALPHABET + EXTENDED_LETTERS), max_size=30),
    st.text(st.sampled_from(EXTENDED_LETTERS + " '-" + NEAR_MISSES), max_size=30),
    st.text(st.sampled_from(FAST_ALPHABET + NEAR_MISSES), max_size=30),
    st.text(max_size=12),
)


def outcome(validate: object, text: str) -> tuple[str, str] | tuple[type[Exception], ErrorCode, str]:
    assert callable(validate)
    try:
        return ("value", validate(text, "surname"))
    except NameFormatError as error:
        return (type(error), error.code, str(error))


@settings(max_examples=1500)
@given(TEXTS)
@example("Müller")
@example(" Jean  Luc ")
@example("-")
@example("ª")
@example("A" * 257)
@example("µ")
def test_both_paths_give_one_result(text: str) -> None:
    assert outcome(validate_name_part, text) == outcome(validate_in_full, text)


def test_the_fast_letters_are_composed_latin_letters() -> None:
    """What the fast path returns unchanged is what the full path would: a composed Latin letter."""
    for char in LATIN_1_LETTERS + EXTENDED_LETTERS:
        assert validation.match_already_clean(char), char
        assert unicodedata.category(char)[0] == "L", char
        assert unicodedata.is_normalized("NFC", char), char
        assert validation.script_of(char) == "LATIN", char


@pytest.mark.parametrize(
    "text", ["Müller", "O’Brien-Smith", "Jean Luc", "Ævar Þór", "d'Ávila", "St. John", "Łukasz", "Nguyễn"]
)
def test_a_clean_latin_1_name_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    def no_full_path(*args: object, **kwargs: object) -> str:
        raise AssertionError("the full path was taken")

    monkeypatch.setattr(validation, "validate_in_full", no_full_path)
    assert validate_name_part(text) == text


@pytest.mark.parametrize("text", ["  Müller", "Mül\u200bler", "-", "Иван", "Sm1th", "Mu\u0308ller", "Maªa"])
def test_anything_else_takes_the_full_path(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    taken: list[str] = []

    def full_path(text: str, field: str = "name", *, offset: int = 0) -> str:
        taken.append(text)
        return validate_in_full(text, field, offset=offset)

    monkeypatch.setattr(validation, "validate_in_full", full_path)
    with contextlib.suppress(NameFormatError):
        validate_name_part(text)
    assert taken == [text]


@settings(max_examples=800)
@given(TEXTS, TEXTS)
def test_the_constructor_is_the_full_path(surname: str, given_names: str) -> None:
    """A name built through the fast paths equals one built from the fully validated parts.

    ``PassportName(surname=..., given_names=...)`` stores two clean parts without calling the
    validators; ``model_validate`` always calls them: both must give the same model, or both
    refuse.
    """
    fields = {"surname": surname, "given_names": given_names}
    try:
        validated = PassportName.model_validate(fields)
    except ValidationError:
        with pytest.raises(ValidationError):
            PassportName(surname=surname, given_names=given_names)
        return
    name = PassportName(surname=surname, given_names=given_names)
    assert name == validated
    assert name.model_dump_json() == validated.model_dump_json()
    assert name.model_fields_set == validated.model_fields_set
    assert repr(name) == repr(validated)
    assert name.surname == validate_in_full(surname, "surname")
    assert name.given_names == validate_in_full(given_names, "given names field")
    assert PassportName.model_validate_json(name.model_dump_json()) == name


def test_script_of_latin_shortcut_equals_the_unicode_name() -> None:
    """script_of answers LATIN for U+00C0–U+024F letters without the name lookup: the same answer."""
    for code in range(0x80, 0x300):
        char = chr(code)
        expected = "LATIN" if char.isascii() else unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
        assert validation.script_of(char) == expected, hex(code)
