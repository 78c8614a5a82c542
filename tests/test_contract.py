"""The contract a web API publishes: only NameFormatError escapes, every accepted value
validates again, one error shape, a schema without doctests (issue 13)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import ValidationError

from wxpay_names import (
    Bank,
    ErrorCode,
    MRZError,
    NameFormatError,
    NameInput,
    PassportName,
    Pattern,
    bank_of_card,
    banks,
    candidates,
    check_name,
    compatible_banks,
    error_detail,
    format_name,
    from_chinese,
    next_tries,
    parse_mrz,
    parse_name,
    plan_cards,
)
from wxpay_names.messages import ERRORS

# ---------------------------------------------------------------------------------------
# What the fuzz found: each a NameFormatError with a code, never another exception.

REFUSED: list[tuple[str, Callable[[], object], ErrorCode]] = [
    # U+0374 GREEK NUMERAL SIGN composes (NFC) to U+02B9, a modifier letter: not Greek.
    ("Greek numeral sign", lambda: parse_name("\u0391\u0374"), ErrorCode.MIXED_SCRIPT),
    ("Greek numeral sign, formatted", lambda: format_name("\u0391\u0374", "ICBC"), ErrorCode.MIXED_SCRIPT),
    # A 3×30 zone beginning with V: no visa has that shape.
    ("visa code on a TD1", lambda: parse_mrz("V<UTO" + "<" * 85), ErrorCode.MRZ_FORMAT),
    ("right-to-left override", lambda: parse_name("\u202egnahZ, naS"), ErrorCode.BIDI_CONTROL),
    ("override in a formatted name", lambda: format_name("\u202egnahZ, naS", "BOC"), ErrorCode.BIDI_CONTROL),
    ("isolate in Chinese", lambda: from_chinese("\u2067张三"), ErrorCode.BIDI_CONTROL),
    ("Cyrillic surname, Latin given", lambda: format_name("СОХ, John", "ICBC"), ErrorCode.MIXED_SCRIPT),
    ("Greek surname, Latin given", lambda: parse_name("ΑΒΑ, John"), ErrorCode.MIXED_SCRIPT),
    ("Chinese given, Latin surname", lambda: parse_name("Zhang, 三"), ErrorCode.MIXED_SCRIPT),
    # 53 characters whose pinyin given name has 260 letters: refused before a name is built.
    ("too long in pinyin", lambda: from_chinese("张" * 53), ErrorCode.TOO_LONG),
    (
        "two long Chinese parts",
        lambda: from_chinese(surname="张" * 200, given_names="三" * 200),
        ErrorCode.TOO_LONG,
    ),
]


@pytest.mark.parametrize(("call", "code"), [row[1:] for row in REFUSED], ids=[row[0] for row in REFUSED])
def test_refused_with_a_code(call: Callable[[], object], code: ErrorCode) -> None:
    with pytest.raises(NameFormatError) as caught:
        call()
    assert caught.value.code is code
    assert str(caught.value)


def test_the_visa_shape_is_an_mrz_error() -> None:
    with pytest.raises(MRZError, match="visa"):
        parse_mrz("V<UTO" + "<" * 85)


def test_a_name_wholly_in_cyrillic_stays_valid() -> None:
    name = parse_name("СОХ, Иван")
    assert (name.surname, name.given_names) == ("СОХ", "Иван")
    assert format_name(name, "ICBC") == "SOKH IVAN"


@pytest.mark.parametrize("fields", [{"surname": ""}, {}, {"surname": " - ", "given_names": "\u3000"}])
def test_an_empty_name_is_refused_with_its_code(fields: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as caught:
        PassportName(**fields)
    cause = caught.value.errors()[0]["ctx"]["error"]
    assert isinstance(cause, NameFormatError)
    assert cause.code is ErrorCode.EMPTY_NAME
    assert error_detail(caught.value)["code"] == "EMPTY_NAME"


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"surname": ""}, ErrorCode.EMPTY_NAME, None),
        ({"surname": "Sm1th"}, ErrorCode.INVALID_CHARACTER, "surname"),
        ({"surname": "СОХ", "given_names": "John"}, ErrorCode.MIXED_SCRIPT, None),
        ({"surname": 5}, ErrorCode.INVALID_REQUEST, "surname"),
    ],
)
def test_the_constructors_refusal_is_also_a_name_format_error(
    fields: dict[str, object], code: ErrorCode, field: str | None
) -> None:
    # The contract: pydantic's ValidationError; the issue: a NameFormatError with a code. Both.
    with pytest.raises(NameFormatError) as caught:
        PassportName(**fields)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValidationError)
    assert (caught.value.code, caught.value.field) == (code, field)
    assert caught.value.errors()[0]["loc"]  # pydantic's own view is kept whole
    assert error_detail(caught.value)["code"] == code


def test_composing_is_checked_as_stored() -> None:
    # U+0958 composes to a letter and an accent: 3 accents typed, 4 stored, over the limit of 3.
    with pytest.raises(ValidationError) as caught:
        PassportName(surname="\u0958\u0901\u0901\u0901")
    assert error_detail(caught.value)["code"] == "INVALID_CHARACTER"
    assert "after Unicode composition" in error_detail(caught.value)["message"]
    # U+0958 composes to two code points: 200 typed, 400 stored.
    with pytest.raises(ValidationError) as caught:
        PassportName(surname="\u0958" * 200)
    assert error_detail(caught.value)["code"] == "TOO_LONG"


# ---------------------------------------------------------------------------------------
# Every accepted value validates again from its JSON.

READERS: dict[str, Callable[[str], PassportName]] = {
    "PassportName": lambda text: PassportName(surname=text, given_names="San"),
    "parse_name": parse_name,
    "parse_mrz": parse_mrz,
    "from_chinese": from_chinese,
}
TEXTS = st.one_of(
    st.text(max_size=20),
    st.text(st.sampled_from("ΑαΒÄaAZz\u0374\u0344\u0301\u0308\u0958क张三王 ,<-'\u200b"), max_size=20),
    st.builds(lambda char, count: char * count, st.sampled_from("张欧阳\u0958a"), st.integers(40, 260)),
)


@pytest.mark.parametrize("reader", READERS.values(), ids=READERS.keys())
@given(text=TEXTS)
@example(text="\u0391\u0374")
@example(text="a\u0344\u0301\u0301")
@example(text="张" * 53)
@example(text="ERIKSSON<<ANNA<MARIA")
def test_every_accepted_name_validates_again(reader: Callable[[str], PassportName], text: str) -> None:
    try:
        name = reader(text)
    except NameFormatError:
        return
    except ValidationError:
        assert reader is READERS["PassportName"], "only the constructor refuses with ValidationError"
        return
    assert PassportName.model_validate_json(name.model_dump_json()) == name
    assert PassportName.model_validate(name.model_dump()) == name


# ---------------------------------------------------------------------------------------
# One error shape.


def test_every_error_code_has_both_wordings() -> None:
    for code in ErrorCode:
        assert ERRORS[code].en, code
        assert ERRORS[code].zh, code


def test_the_shape_of_a_library_error() -> None:
    with pytest.raises(NameFormatError) as caught:
        parse_name("ZHANG, Sa1n")
    detail = error_detail(caught.value)
    assert detail == {
        "code": "INVALID_CHARACTER",
        "message": str(caught.value),
        "message_zh": ERRORS[ErrorCode.INVALID_CHARACTER].zh,
        "field": "given_names",
    }


def test_the_shape_of_a_validation_error_names_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        NameInput(surname="Zhang", given_names="Sa\u202en")
    detail = error_detail(caught.value)
    assert (detail["code"], detail["field"]) == ("BIDI_CONTROL", "given_names")
    assert "改变文字显示方向" in detail["message_zh"]


@pytest.mark.parametrize(
    ("payload", "code", "field"),
    [
        ({"surname": "Zhang", "source": "mrz"}, "INVALID_REQUEST", "source"),
        ({"surname": 7}, "INVALID_REQUEST", "surname"),
        ({"surname": "A" * 300}, "TOO_LONG", "surname"),
        ({}, "EMPTY_NAME", None),
        ({"surname": "СОХ", "given_names": "John"}, "MIXED_SCRIPT", None),
    ],
)
def test_a_request_refused_by_pydantic_has_the_one_shape(
    payload: dict[str, object], code: str, field: str | None
) -> None:
    with pytest.raises(ValidationError) as caught:
        NameInput.model_validate(payload)
    detail = error_detail(caught.value)
    assert (detail["code"], detail["field"]) == (code, field)
    assert detail["message"]
    assert detail["message_zh"]


# ---------------------------------------------------------------------------------------
# A schema a web API can publish.


@pytest.mark.parametrize("model", [NameInput, PassportName])
def test_the_schema_holds_no_doctest_and_limits_every_text(
    model: type[NameInput] | type[PassportName],
) -> None:
    schema = model.model_json_schema()
    assert ">>>" not in json.dumps(schema)
    for field in ("surname", "given_names"):
        assert schema["properties"][field]["maxLength"] == 256
        assert schema["properties"][field]["description"].endswith(".")
    # {} is not a name: at least one part must be there and non-empty.
    assert {"required": ["surname"], "properties": {"surname": {"minLength": 1}}} in schema["anyOf"]
    assert schema["additionalProperties"] is False


def test_the_request_model_holds_the_two_parts_only() -> None:
    assert set(NameInput.model_json_schema()["properties"]) == {"surname", "given_names"}
    with pytest.raises(ValidationError):
        NameInput(surname="Zhang", possibly_truncated=True)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"surname": "Zh4ng"}, "INVALID_CHARACTER"),
        ({"surname": ""}, "EMPTY_NAME"),
        ({"given_names": 5}, "INVALID_REQUEST"),
    ],
)
def test_the_request_model_refuses_as_the_name_does(fields: dict[str, object], code: str) -> None:
    # A ValidationError, as the constructor's, and a NameFormatError with the library's code.
    with pytest.raises(NameFormatError) as raised:
        NameInput(**fields)  # type: ignore[arg-type]
    assert isinstance(raised.value, ValidationError)
    assert raised.value.code == code


def test_every_field_of_the_name_is_described() -> None:
    properties = PassportName.model_json_schema()["properties"]
    assert all(properties[field]["description"] for field in properties)
    assert properties["chinese"]["anyOf"][0]["maxLength"] == 256
    # Provenance is the library's to set: read-only in the published schema.
    assert all(properties[field]["readOnly"] for field in ("chinese", "source", "possibly_truncated"))


def test_a_passport_name_is_built_from_a_request() -> None:
    request = NameInput.model_validate_json('{"surname": " Müller ", "given_names": "Jürgen  Karl"}')
    name = PassportName.from_input(request)
    assert (name.surname, name.given_names, name.source) == ("Müller", "Jürgen Karl", "fields")
    assert PassportName.model_validate(request.model_dump()) == name


# ---------------------------------------------------------------------------------------
# One domain for a separator: " " or "" in Python, "space" or "none" in JSON and CSV.


@pytest.mark.parametrize("bank", banks(), ids=lambda bank: bank.code)
def test_a_pattern_and_its_bank_share_the_separator_domain(bank: Bank) -> None:
    rank_one = candidates(PassportName(surname="Zhang", given_names="San Feng"), bank)[0].pattern
    assert (rank_one.separator, rank_one.given_separator) == (bank.separator, bank.given_separator)
    words = {" ": "space", "": "none"}
    assert json.loads(rank_one.model_dump_json())["separator"] == words[bank.separator]
    assert json.loads(bank.model_dump_json())["separator"] == words[bank.separator]
    assert Bank.model_validate_json(bank.model_dump_json()) == bank


@pytest.mark.parametrize(("spelled", "value"), [("space", " "), ("none", ""), (" ", " "), ("", "")])
def test_a_pattern_reads_either_spelling(spelled: str, value: str) -> None:
    fields = {"order": "surname_first", "given_names": "all", "spelling": "icao", "case": "upper"}
    pattern = Pattern.model_validate({**fields, "separator": spelled, "given_separator": spelled})
    assert pattern.separator == pattern.given_separator == value
    assert Pattern.model_json_schema()["properties"]["separator"]["enum"] == ["space", "none"]


_WRONG_KEYWORDS: list[tuple[str, Callable[[object], object]]] = [
    ("candidates", lambda wrong: candidates("ZHANG, San", "ICBC", observations=wrong)),
    ("format_name", lambda wrong: format_name("ZHANG, San", "ICBC", observations=wrong)),
    ("check_name", lambda wrong: check_name("X", "ZHANG, San", "ICBC", observations=wrong)),
    ("next_tries", lambda wrong: next_tries("ZHANG, San", "ICBC", observations=wrong)),
    ("plan_cards", lambda wrong: plan_cards("ZHANG, San", ["ICBC", "BOC"], observations=wrong)),
    ("plan_cards registry", lambda wrong: plan_cards("ZHANG, San", ["ICBC"], registry=wrong)),
    ("compatible_banks", lambda wrong: compatible_banks("ZHANG, San", "ICBC", registry=wrong)),
    ("bank_of_card", lambda wrong: bank_of_card("6222020000000001234", registry=wrong)),
]


@pytest.mark.parametrize(("call", "wrong"), [(c, w) for c, _ in _WRONG_KEYWORDS for w in ("obs.csv", 1)])
def test_a_keyword_of_the_wrong_type_is_refused_as_an_argument(call: str, wrong: object) -> None:
    # api.md: no exception but the library's escapes a public call (an AttributeError did).
    with pytest.raises(NameFormatError) as raised:
        dict(_WRONG_KEYWORDS)[call](wrong)
    assert raised.value.code == "INVALID_ARGUMENT"
    assert type(wrong).__name__ in str(raised.value)
