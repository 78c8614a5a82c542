"""The values of the library: frozen pydantic models, built once and formatted many ways.

>>> PassportName(surname="Müller", given_names="Jürgen  Karl").given_names
'Jürgen Karl'
>>> request = NameInput.model_validate_json('{"surname": "Zhang", "given_names": "San"}')
>>> PassportName.from_input(request)
PassportName(surname='Zhang', given_names='San', chinese=None, source='fields', possibly_truncated=False,
             issuing_state=None)
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PlainSerializer,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    computed_field,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError, to_jsonable_python

from .cleaning import MAX_INPUT_LENGTH, check_length, clean
from .errors import ErrorCode, NameValidationError, refusal_in, whole_name_error
from .validation import LOOK_ALIKE_SCRIPTS, match_already_clean, part_script, validate_name_part

Evidence = Literal["reported", "inferred", "unknown"]  # surest first
_EVIDENCE_ORDER: tuple[Evidence, ...] = get_args(Evidence)


def evidence_rank(kind: Evidence) -> int:
    """0 for the surest evidence (``reported``), larger for weaker."""
    return _EVIDENCE_ORDER.index(kind)


def weakest(*kinds: Evidence) -> Evidence:
    """The least sure of several evidence values: a statement resting on all is no surer."""
    return max(kinds, key=evidence_rank)


Order = Literal["surname_first", "given_first"]
# A separator between name parts: one domain, " " or "", for Bank and Pattern alike. Text
# formats spell it as a word, since a cell or string of one space is easy to lose: the CSV
# files (data/banks.csv, observations) and the JSON of both models write "space" or "none",
# and the models read either spelling.
SEPARATOR_WORDS: dict[str, Literal[" ", ""]] = {"space": " ", "none": ""}


def _separator_value(value: object) -> object:
    return SEPARATOR_WORDS.get(value, value) if isinstance(value, str) else value


def _separator_word(value: str) -> str:
    return "space" if value else "none"


Separator = Annotated[
    Literal[" ", ""],
    BeforeValidator(_separator_value),
    PlainSerializer(_separator_word, return_type=Literal["space", "none"], when_used="json"),
    WithJsonSchema({"type": "string", "enum": ["space", "none"]}),
]
Case = Literal["upper", "title"]
NameSource = Literal["fields", "text", "mrz", "chinese"]
Dots = Literal["none", "period", "middle_dot"]
DotsAccepted = Literal["accepted", "refused", "unknown"]
SpellingKind = Literal[
    "icao",  # ICAO 9303 Part 3, first value of every row: what the passport's MRZ prints
    "icao_alternative",  # a later value of a multi-valued ICAO row (Ñ → NXX, Ü → UXX)
    "folded",  # accents dropped as a clerk would type them (Ü → U, Ø → O)
    "pinyin_lu",  # ü written U, as PRC passports before 2012 (吕 → LU)
    "pinyin_lv",  # ü written V, the keyboard habit (吕 → LV)
    "second_reading",  # the other surname reading of a character that has two (覃 QIN / TAN)
    "pinyin_syllables",  # the given name split per syllable (ZHANG SAN FENG)
    "given_reading",  # another reading of a given-name character (朝阳 ZHAOYANG / CHAOYANG)
    "double_surname_spaced",  # a 双姓's two surnames with a space (ZHAO LI, not ZHAOLI)
    "double_surname_hyphenated",  # a 双姓's two surnames with a hyphen (ZHAO-LI)
    "surname_split",  # a compound surname's first character alone the surname (单于飞: SHAN YUFEI)
    "suffix_dropped",  # a generational suffix left out (JOHN, not JOHN III)
    "suffix_with_surname",  # a generational suffix written with the surname (DOE III)
    "suffix_with_given",  # a suffix written with the surname on the input moved after the given names
    "middle_with_surname",  # the middle given names written with the surname (PAUL SMITH JOHN)
    "punctuation_kept",  # the hyphens and apostrophes of the visual page kept (HANS-PETER, O'NEILL)
    "serbian",  # the national table of the State (Serbia) instead of ICAO's
    "ukrainian",  # Ukraine's national table (Cabinet of Ministers resolution No. 55, 2010)
    "bulgarian",  # Bulgaria's Transliteration Act (2009)
    "belarusian",  # Belarus's national table
    "macedonian",  # North Macedonia's national table
]

_FROZEN = ConfigDict(frozen=True, extra="forbid", defer_build=True)

_Model = TypeVar("_Model", bound=BaseModel)
_new_instance = object.__new__
# BaseModel's own slots (its __dict__ among them), set straight through their descriptors.
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def assemble(model: type[_Model], values: dict[str, Any]) -> _Model:
    """The frozen *model* holding *values*, which the library has already made valid.

    For results built on every call (a ``Candidate`` from a checked text, a rank and an
    interned ``Pattern``): validating them again costs more than the string work itself
    (~0.9 µs a model against ~0.2 µs for all the string work of a name). The result is the
    same model ``model.model_validate(values)`` returns (``tests/test_assemble.py`` holds
    it to that). Pass every field, each already of its declared type, and only for models
    without private attributes, ``model_post_init`` or extra fields; this is what
    ``BaseModel.model_construct`` does for them, without its per-field default handling.
    """
    instance = _new_instance(model)
    _set_dict(instance, values)
    _set_fields_set(instance, set(values))
    _set_extra(instance, None)
    _set_private(instance, None)
    return instance


# The JSON Schema of a name: at least one part non-empty. (A part holding only spaces or
# punctuation counts as empty too; that the schema cannot say, validation refuses it.)
_ONE_PART_REQUIRED: dict[str, Any] = {
    "anyOf": [
        {"required": [part], "properties": {part: {"minLength": 1}}} for part in ("surname", "given_names")
    ]
}
_SURNAME = Field(
    default="",
    max_length=MAX_INPUT_LENGTH,
    description="The surname (primary identifier) as printed in the passport; empty for a one-part "
    "name printed in the given-name field.",
)
_GIVEN_NAMES = Field(
    default="",
    max_length=MAX_INPUT_LENGTH,
    # Validated when left out too: its validator is where the whole name is checked.
    validate_default=True,
    description="The given names (secondary identifier) as printed in the passport, one space apart; "
    "may be empty.",
)


class _NameParts(BaseModel):
    """The two parts of a name and the rules they share: validated alone, then together."""

    model_config = _FROZEN

    surname: str = _SURNAME
    given_names: str = _GIVEN_NAMES

    def __init__(self, /, **data: Any) -> None:
        # Refused as the contract says, a ValidationError, that is also a NameFormatError with
        # the library's code and field (NameValidationError).
        try:
            super().__init__(**data)
            return
        except ValidationError as error:
            refused = NameValidationError.wrapping(error)
        # Raised outside the except block, so no frame holds the ValidationError (see build_name).
        raise refused from None

    # validation.py's fast path inlined, and the whole name checked in the given names' validator
    # (the surname is validated by then) rather than in a model validator, which costs pydantic
    # more than all the rest: the constructor's cost is these two calls.
    @field_validator("surname", mode="before")
    @classmethod
    def _surname(cls, value: object) -> object:
        if type(value) is str and len(value) <= MAX_INPUT_LENGTH and match_already_clean(value):
            return value
        return validate_name_part(value, "surname") if isinstance(value, str) else value

    @field_validator("given_names", mode="before")
    @classmethod
    def _given_names(cls, value: object, info: ValidationInfo) -> object:
        if type(value) is str and len(value) <= MAX_INPUT_LENGTH and match_already_clean(value):
            given = value
        elif isinstance(value, str):
            given = validate_name_part(value, "given names field")
        else:
            return value  # pydantic refuses it as not a string
        surname = info.data.get("surname")
        if surname is None:  # refused: its own error says why
            return given
        if not surname and not given:
            raise whole_name_error(
                "A passport name needs a surname or given names; both are empty.", ErrorCode.EMPTY_NAME
            )
        if surname and given and not (surname.isascii() and given.isascii()):
            check_one_script(surname, given)
        return given


_TWO_PARTS = frozenset({"surname", "given_names"})


class PassportName(_NameParts):
    """A passport name as printed, before any bank's convention is applied.

    Letters are kept as given (diacritics, Cyrillic, Greek); white space is collapsed and
    invisible characters removed. Build it from its fields, or read it with ``parse_name``,
    ``parse_mrz`` or ``from_chinese``; from a web request's ``NameInput`` with
    ``PassportName.from_input``.
    """

    model_config = ConfigDict(**_FROZEN, json_schema_extra=_ONE_PART_REQUIRED)

    def __init__(self, /, **data: Any) -> None:
        # The commonest call, PassportName(surname=..., given_names=...) with two parts that are
        # already clean: validation would return them unchanged (each has a letter, both are Latin,
        # so the whole name holds), so they are stored without it, at the cost of two matches.
        # tests/test_validation_paths.py holds this equal to the validated model.
        if data.keys() == _TWO_PARTS:
            surname, given = data["surname"], data["given_names"]
            if _plain_clean(surname) and _plain_clean(given):
                _store_clean(self, surname, given, "fields", set(_TWO_PARTS))
                return
        super().__init__(**data)

    chinese: str | None = Field(
        default=None,
        max_length=MAX_INPUT_LENGTH,
        description="The name in Chinese characters, when the name was read from them; set by the library.",
        json_schema_extra={"readOnly": True},
    )
    source: NameSource = Field(
        default="fields",
        description="How the name was obtained: from its fields, free text, a machine-readable zone or "
        "Chinese characters; set by the library.",
        json_schema_extra={"readOnly": True},
    )
    possibly_truncated: bool = Field(
        default=False,
        description="True when the name was read from a machine-readable zone whose name field is full, "
        "so the passport's data page may print a longer name; set by the library.",
        json_schema_extra={"readOnly": True},
    )
    issuing_state: str | None = Field(
        default=None,
        min_length=1,
        max_length=3,
        # Three characters, as the zone writes a code, or Germany's D as TravelDocument gives it.
        pattern=r"^(?:[A-Z]{3}|[A-Z]{2}<|[A-Z]<<|D)$",
        description="The ICAO code of the State that issued the passport ('UKR'; 'D<<' for Germany, "
        "'D' read as that), which picks that State's national table for a Cyrillic name.",
    )

    @field_validator("issuing_state", mode="before")
    @classmethod
    def _state(cls, value: object) -> object:
        # Codes are capitals (ICAO 9303 Part 3 §5); "ukr" or " UKR " is the same State. Germany's
        # one-letter code is written with fillers in the zone ("D<<"); TravelDocument gives "D".
        if not isinstance(value, str):
            return value
        code = value.strip().upper()
        return "D<<" if code == "D" else code or None

    @field_validator("chinese", mode="before")
    @classmethod
    def _chinese(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        stored = clean(value, "Chinese name").text
        check_length(stored, "Chinese name")  # composing may lengthen it; the limit is the stored text's
        return stored or None

    @classmethod
    def from_input(cls, name: NameInput) -> PassportName:
        """The passport name a web request's :class:`NameInput` holds (already validated)."""
        return cls(surname=name.surname, given_names=name.given_names)


# The other fields of a name built from its two parts: their defaults, in field order.
_PROVENANCE = {
    name: field.default for name, field in PassportName.model_fields.items() if name not in _TWO_PARTS
}


class NameInput(_NameParts):
    """A passport name as a web form or API request sends it: the surname and the given names.

    Validated by the rules of ``PassportName`` (letters only, at most 256 characters a part,
    at least one part, both parts in one script); nothing else may be sent.
    ``PassportName.from_input(request)`` builds the name.
    """

    model_config = ConfigDict(**_FROZEN, json_schema_extra=_ONE_PART_REQUIRED)


_PLAIN_SOURCES = frozenset({"fields", "text"})


def _plain_clean(part: object) -> bool:
    """Whether a name part is a str the field validators return unchanged (a letter in it)."""
    return type(part) is str and len(part) <= MAX_INPUT_LENGTH and match_already_clean(part) is not None


def _store_clean(
    name: PassportName, surname: str, given_names: str, source: NameSource, fields_set: set[str]
) -> None:
    """The one shortcut past pydantic for a name: two parts that ``_plain_clean`` passed (the
    validators would return them unchanged and refuse nothing) stored as validation would
    store them, the other fields at their defaults (the constructor's fast path and
    ``build_name``'s)."""
    _set_dict(name, {"surname": surname, "given_names": given_names, **_PROVENANCE, "source": source})
    _set_fields_set(name, fields_set)
    _set_extra(name, None)
    _set_private(name, None)


_BUILT_FIELDS = ("surname", "given_names", "chinese", "source", "possibly_truncated", "issuing_state")


def build_name(
    surname: str,
    given_names: str,
    *,
    chinese: str | None = None,
    source: NameSource = "fields",
    possibly_truncated: bool = False,
    issuing_state: str | None = None,
) -> PassportName:
    """``PassportName(...)`` for the readers: a refusal is the ``NameFormatError`` itself.

    ``parse_name``, ``parse_mrz`` and the command line build their names here, so that no
    pydantic ``ValidationError`` escapes a function (the contract: only ``NameFormatError``).
    """
    if (
        chinese is None
        and not possibly_truncated
        and issuing_state is None
        and source in _PLAIN_SOURCES
        and _plain_clean(surname)
        and _plain_clean(given_names)
    ):
        # Both parts already clean (the fast path's letters are all Latin, so one script): the
        # validators would return them as they are and refuse nothing, so the model is put
        # together without pydantic's round trip (most of a batch row's name), with every field
        # in its fields set as before. tests/test_fast_paths.py holds it equal to the constructor.
        name = _new_instance(PassportName)
        _store_clean(name, surname, given_names, source, {*_BUILT_FIELDS})
        return name
    if type(surname) is str and type(given_names) is str:
        # A part its own validator refuses is refused here, before pydantic's round trip: that
        # refusal is the one pydantic would hand back (refusal_in finds the first part's), at a
        # third of the cost (most of a refused batch row).
        if not _plain_clean(surname):
            validate_name_part(surname, "surname")
        if not _plain_clean(given_names):
            validate_name_part(given_names, "given names field")
    # Only the keywords that differ from their defaults are passed: pydantic validates every
    # keyword given (about 2 µs for the four below, most of a batch row's name), and a default
    # is the value it would validate to. The fields set stays every field, as before.
    given: dict[str, Any] = {}
    if chinese is not None:
        given["chinese"] = chinese
    if source != "fields":
        given["source"] = source
    if possibly_truncated:
        given["possibly_truncated"] = possibly_truncated
    if issuing_state is not None:
        given["issuing_state"] = issuing_state
    try:
        name = PassportName(surname=surname, given_names=given_names, **given)
        if len(given) < 4:
            _set_fields_set(name, {*_BUILT_FIELDS})
        return name
    except ValidationError as error:
        refusal = refusal_in(error)
    # Raised outside the except block on purpose: raising inside it would put this frame, which
    # holds the ValidationError, in the traceback of an error the ValidationError holds. pydantic's
    # errors are not traced by the garbage collector, so that cycle would never be freed: a batch
    # of a million bad rows would keep a million of them.
    raise refusal from None


def check_one_script(surname: str, given_names: str) -> None:
    """Refuse a name whose two parts are in different scripts (``СОХ, John``, Cyrillic С О Х).

    Within a part validation refuses it; across the parts it is a look-alike trap or a
    keyboard left in another layout, and the two parts would be spelled by different tables.
    """
    surname_script, given_script = part_script(surname), part_script(given_names)
    if surname_script is None or given_script is None or surname_script == given_script:
        return
    if {surname_script, given_script} <= LOOK_ALIKE_SCRIPTS:
        hint = (
            "Letters of another alphabet that look like Latin ones were typed or pasted in: "
            "retype the name on one keyboard."
        )
    elif "CJK" in (surname_script, given_script):
        hint = (
            "Pass a name in Chinese characters to from_chinese(), or give the Latin name printed "
            "in the passport."
        )
    else:
        hint = "A name is written in one script: give the Latin name printed in the passport."
    raise whole_name_error(
        f"The surname is written in {_script_name(surname_script)} and the given names in "
        f"{_script_name(given_script)}. {hint}",
        ErrorCode.MIXED_SCRIPT,
    )


def _script_name(script: str) -> str:
    return "Chinese characters" if script == "CJK" else f"{script.title()} letters"


class Bank(BaseModel):
    """One row of ``data/banks.csv``: how a bank writes a foreigner's name, and how sure we are."""

    model_config = _FROZEN

    code: str
    name_en: str
    name_zh: str
    aliases: tuple[str, ...] = ()
    order: Order
    separator: Separator
    given_separator: Separator
    # How sure the row is of the space between several given names (and the words of a
    # surname): the sources show one given name, so at most inferred unless one says so.
    given_separator_evidence: Evidence = "inferred"
    case: Case
    case_evidence: Evidence
    max_length: int | None = Field(default=None, ge=1)
    max_length_evidence: Evidence
    evidence: Evidence
    source: str
    source_url: str = ""
    verified_on: date | None = None
    example_surname: str
    example_given: str
    example_output: str
    note: str = ""
    note_zh: str = Field(
        default="",
        description="The note in Simplified Chinese (a translation of it, adding nothing); empty when "
        "the bank file has none.",
    )
    dots: DotsAccepted = "unknown"
    dots_source: str = ""


class Pattern(BaseModel):
    """The choices behind a candidate text, holding no letter of the name.

    An app can log which pattern a bank accepted without logging the person.
    """

    model_config = _FROZEN

    order: Order
    separator: Separator = Field(
        description='Between surname and given names: " " or "" (in JSON "space" or "none"), as in Bank.'
    )
    given_separator: Separator = Field(
        description="Between several given names (and the words of a surname), as in Bank."
    )
    given_names: Literal["all", "first"]
    spelling: SpellingKind
    case: Case
    shortened: bool = False
    # A dot between every two words instead of the spaces (MUELLER·HANS·PETER), a guess (payment
    # apps accept dots in a name, grade C); never at a bank whose row says it refuses dots.
    dots: Dots = "none"


class Candidate(BaseModel):
    """A text the bank may hold, its rank (1 = most likely) and why it is listed."""

    model_config = _FROZEN

    text: str
    rank: int = Field(ge=1)
    pattern: Pattern
    note: str


class ProblemCode(StrEnum):
    """Why a typed name differs from what the bank holds, or why linking a card may fail."""

    ORDER_SWAPPED = "ORDER_SWAPPED"
    MISSING_SPACE = "MISSING_SPACE"
    EXTRA_SPACE = "EXTRA_SPACE"
    CASE_DIFFERS = "CASE_DIFFERS"
    DIACRITICS = "DIACRITICS"
    PUNCTUATION = "PUNCTUATION"
    MISSING_NAME_PART = "MISSING_NAME_PART"
    EXTRA_NAME_PART = "EXTRA_NAME_PART"
    SPELLING = "SPELLING"
    INVISIBLE_CHARACTERS = "INVISIBLE_CHARACTERS"
    MIXED_SCRIPT = "MIXED_SCRIPT"
    FULL_WIDTH = "FULL_WIDTH"
    TOO_LONG = "TOO_LONG"
    # Before linking a card (wxpay_names.binding: preflight and its checks). Their wording is
    # binding/wording.py's; whether each blocks the link is binding/severity.py's.
    NAME_UNREADABLE = "NAME_UNREADABLE"
    BANK_UNKNOWN = "BANK_UNKNOWN"
    BANK_CONVENTION_UNKNOWN = "BANK_CONVENTION_UNKNOWN"
    CARD_NOT_A_NUMBER = "CARD_NOT_A_NUMBER"
    CARD_LENGTH = "CARD_LENGTH"
    CARD_LENGTH_UNEXPECTED = "CARD_LENGTH_UNEXPECTED"
    CARD_LUHN = "CARD_LUHN"
    CARD_ISSUER_UNKNOWN = "CARD_ISSUER_UNKNOWN"
    CARD_BANK_NOT_LISTED = "CARD_BANK_NOT_LISTED"
    CARD_BANK_DIFFERS = "CARD_BANK_DIFFERS"
    PHONE_NOT_A_NUMBER = "PHONE_NOT_A_NUMBER"
    PHONE_NOT_MOBILE = "PHONE_NOT_MOBILE"
    PHONE_OUTSIDE_MAINLAND = "PHONE_OUTSIDE_MAINLAND"
    PHONE_VIRTUAL_OPERATOR = "PHONE_VIRTUAL_OPERATOR"
    PHONE_SATELLITE = "PHONE_SATELLITE"
    DOCUMENT_UNREADABLE = "DOCUMENT_UNREADABLE"
    DOCUMENT_EXPIRED = "DOCUMENT_EXPIRED"
    DOCUMENT_EXPIRING = "DOCUMENT_EXPIRING"
    DOCUMENT_NUMBER_CHANGED = "DOCUMENT_NUMBER_CHANGED"
    DOCUMENT_NAME_DIFFERS = "DOCUMENT_NAME_DIFFERS"
    NAME_POSSIBLY_TRUNCATED = "NAME_POSSIBLY_TRUNCATED"
    RESIDENT_ID_FORMAT = "RESIDENT_ID_FORMAT"
    RESIDENT_ID_CHECK_DIGIT = "RESIDENT_ID_CHECK_DIGIT"
    RESIDENT_ID_OLD_FORMAT = "RESIDENT_ID_OLD_FORMAT"


class _Required:
    """A field left out of ``Problem(...)``: validation then says it is required."""

    def __repr__(self) -> str:
        return "<required>"


# Typed Any so that the signature shows the fields' own types.
_NOT_GIVEN: Any = _Required()


class Problem(BaseModel):
    """One difference, said in English and Simplified Chinese, naming the fix."""

    model_config = _FROZEN

    code: ProblemCode
    message_en: str
    message_zh: str

    def __init__(
        self,
        code: ProblemCode | str = _NOT_GIVEN,
        message_en: str = _NOT_GIVEN,
        message_zh: str = _NOT_GIVEN,
        **extra: Any,
    ) -> None:
        # Positional too, as the contract writes it: Problem(code, message_en, message_zh).
        # What is missing goes on to validation, which refuses it (a ValidationError, never a
        # TypeError); the library's own problems are assembled without this call.
        given = {"code": code, "message_en": message_en, "message_zh": message_zh}
        super().__init__(**{key: value for key, value in given.items() if value is not _NOT_GIVEN}, **extra)


class ReadsItsOwnDump(BaseModel):
    """A result with computed fields (``ok``, ``blocking``) that reads its own dump back.

    ``model_dump()`` holds the computed fields; ``extra="forbid"`` would refuse them on the way
    back in. They are taken off before validation and compared after it: a value that differs
    from the one the model computes is refused, never silently replaced.
    """

    model_config = _FROZEN  # defer_build: a model built at import would load pydantic's plugins

    @model_validator(mode="wrap")
    @classmethod
    def _computed_given_back(cls, data: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        given: dict[str, Any] = {}
        if isinstance(data, dict):
            given = {key: data[key] for key in cls.model_computed_fields if key in data}
            if given:
                data = {key: value for key, value in data.items() if key not in given}
        model = handler(data)
        for key, value in given.items():
            if to_jsonable_python(value) != to_jsonable_python(getattr(model, key)):
                raise PydanticCustomError(
                    "computed_field_differs",
                    "{field} is computed from the other fields: it is {computed} here, not {given}",
                    {"field": key, "computed": _as_json(getattr(model, key)), "given": _as_json(value)},
                )
        return model


def _as_json(value: Any) -> str:
    import json  # only when a computed field given back differs: not worth a module load at import

    return json.dumps(to_jsonable_python(value), ensure_ascii=False)


class NameCheck(ReadsItsOwnDump):
    """The verdict on a typed name: ``match``, ``plausible`` or ``mismatch``."""

    model_config = _FROZEN

    status: Literal["match", "plausible", "mismatch"]
    entered: str
    expected: str
    matched: Candidate | None = None
    problems: tuple[Problem, ...] = ()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True only when the typed name equals the bank's most likely text."""
        return self.status == "match"


class SharedName(BaseModel):
    """A text that is a candidate at every bank of a plan, with its rank at each."""

    model_config = _FROZEN

    text: str
    ranks: tuple[int, ...]


class CardPlan(BaseModel):
    """Which one real name fits every bank card a WeChat account links."""

    model_config = _FROZEN

    banks: tuple[str, ...]
    shared: tuple[SharedName, ...]
    compatible: bool
    advice: tuple[Problem, ...] = ()
