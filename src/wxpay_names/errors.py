"""The one error tree of wxpay_names.

Every public call made with ``str`` arguments either returns or raises a
:class:`NameFormatError`. Callers catch that one class (it is a ``ValueError``);
``code`` is stable and meant for programs, the message is meant for people.

A web API answers every refusal in one shape, :class:`ErrorDetail`: :func:`error_detail`
turns a ``NameFormatError``, or the ``ValidationError`` of ``PassportName``/``NameInput``
(FastAPI's ``RequestValidationError`` too), into it.

>>> error_detail(UnknownBankError("No bank is called 'XX'."))["code"]
'UNKNOWN_BANK'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any, Protocol, TypedDict

from pydantic_core import ValidationError


class ErrorCode(StrEnum):
    """Stable machine-readable codes carried by :attr:`NameFormatError.code`."""

    INVALID_NAME = "INVALID_NAME"
    EMPTY_NAME = "EMPTY_NAME"
    INVALID_CHARACTER = "INVALID_CHARACTER"
    INVISIBLE_CHARACTERS = "INVISIBLE_CHARACTERS"
    BIDI_CONTROL = "BIDI_CONTROL"
    MIXED_SCRIPT = "MIXED_SCRIPT"
    UNSUPPORTED_SCRIPT = "UNSUPPORTED_SCRIPT"
    TOO_LONG = "TOO_LONG"
    TRANSLITERATED_FOREIGN_NAME = "TRANSLITERATED_FOREIGN_NAME"
    NO_PINYIN_READING = "NO_PINYIN_READING"
    AMBIGUOUS_NAME = "AMBIGUOUS_NAME"
    MRZ_FORMAT = "MRZ_FORMAT"
    MRZ_CHECK_DIGIT = "MRZ_CHECK_DIGIT"
    UNKNOWN_BANK = "UNKNOWN_BANK"
    NO_BANK = "NO_BANK"
    BANK_DATA = "BANK_DATA"
    INVALID_REQUEST = "INVALID_REQUEST"
    INVALID_ARGUMENT = "INVALID_ARGUMENT"
    OBSERVATIONS_DATA = "OBSERVATIONS_DATA"


def open_quote(where: str) -> str:
    """What a CSV file with a quote never closed is told (*where*: the file, and its line when
    known): the strict readers of batch files, outcome logs and observations say it alike."""
    return (
        f"{where}: a quote opened there is never closed, so every line after it would be read as "
        "one cell. Close the quote, or remove it."
    )


class NameFormatError(ValueError):
    """Root of every error the library raises on bad input."""

    default_code: ErrorCode = ErrorCode.INVALID_NAME
    default_message = "The name cannot be used."

    def __init__(
        self,
        message: str | None = None,
        *,
        code: ErrorCode | None = None,
        field: str | None = None,
        message_zh: str | None = None,
    ) -> None:
        self.code: ErrorCode = code or self.default_code
        # The input field at fault ("surname", "given_names"), when one is; for forms and APIs.
        self.field: str | None = field
        # The Chinese of this very refusal, when the code's general sentence would not fit it
        # (messages.error_message falls back to that sentence).
        self.message_zh: str | None = message_zh
        # A refusal of the name as a whole, not of one field (see whole_name_error).
        self.about_whole_name = False
        super().__init__(message or self.default_message)

    def __str__(self) -> str:
        return str(self.args[0])


class InvalidNameError(NameFormatError):
    """The text holds something a passport name cannot hold."""

    default_code = ErrorCode.INVALID_NAME
    default_message = "The name holds characters a passport name cannot hold."


class AmbiguousNameError(NameFormatError):
    """The surname cannot be told apart from the given names."""

    default_code = ErrorCode.AMBIGUOUS_NAME
    default_message = (
        "Cannot tell the surname from the given names: write it as 'SURNAME, Given Names' "
        "or pass the surname and given names separately."
    )


class MRZError(NameFormatError):
    """A machine-readable zone is malformed or fails a check digit."""

    default_code = ErrorCode.MRZ_FORMAT
    default_message = "The machine-readable zone cannot be read."


class UnknownBankError(NameFormatError, LookupError):
    """No bank has that code, alias or name."""

    default_code = ErrorCode.UNKNOWN_BANK
    default_message = "No bank matches that name."


class BankDataError(NameFormatError):
    """A bank file holds a row the library cannot use; the message names file, line and column."""

    default_code = ErrorCode.BANK_DATA
    default_message = "The bank file holds a malformed row."


class InvalidArgumentError(NameFormatError):
    """An argument is not of a type the call takes (a card number given as an ``int``)."""

    default_code = ErrorCode.INVALID_ARGUMENT
    default_message = "An argument is not of a type the call takes."


class NameValidationError(ValidationError, InvalidNameError):
    """The refusal of ``PassportName(...)``: pydantic's ``ValidationError``, as the contract
    says, and a :class:`NameFormatError` too, with the ``code`` and ``field`` of the library's
    refusal inside it. So ``except NameFormatError`` catches every refusal of the library.

    >>> from wxpay_names import NameFormatError, PassportName
    >>> try:
    ...     PassportName(surname="")
    ... except NameFormatError as refused:
    ...     print(refused.code, isinstance(refused, ValidationError))
    EMPTY_NAME True
    """

    def __init__(self, *arguments: object) -> None:
        # pydantic-core makes the instance from its own arguments; the NameFormatError
        # attributes are set by wrapping(), the one way this class is made.
        pass

    @classmethod
    def wrapping(cls, error: ValidationError) -> NameValidationError:
        """*error* as a ``NameValidationError``: the same errors, the same message."""
        refused = cls.from_exception_data(error.title, error.errors())  # type: ignore[arg-type]
        cause = refusal_in(error)
        refused.code = cause.code
        refused.field = error_detail(error)["field"]
        refused.about_whole_name = cause.about_whole_name
        refused.message_zh = cause.message_zh
        return refused

    __str__ = ValidationError.__str__


class ErrorDetail(TypedDict):
    """One refusal, as a web API answers it (the ``detail`` of a 422).

    ``code`` is an :class:`ErrorCode` value; ``message`` says in English what is wrong and
    how to fix it, ``message_zh`` says it in Simplified Chinese; ``field`` is the input at
    fault (``"surname"``, ``"given_names"``, ``"name.surname"`` when nested), or None when
    the fault is the whole name (both parts empty, parts in two scripts) or unknown.
    """

    code: str
    message: str
    message_zh: str
    field: str | None


class _HasErrors(Protocol):
    def errors(self) -> Sequence[Any]: ...


# The first item of a FastAPI error location says where the value came from, not which field.
_REQUEST_PARTS = frozenset({"body", "query", "path", "header", "cookie"})
# pydantic's own refusals (wrong type, missing or extra field, ...): what each means here.
_PYDANTIC_CODES = {"string_too_long": ErrorCode.TOO_LONG}


def error_detail(error: NameFormatError | _HasErrors) -> ErrorDetail:
    """The one shape of a refusal: ``{"code", "message", "message_zh", "field"}``.

    *error* is a :class:`NameFormatError`, or a pydantic ``ValidationError`` (or FastAPI's
    ``RequestValidationError``: anything with ``errors()``), whose first error is used:
    the library's own refusal inside it when there is one, else pydantic's (a missing or
    extra field, a wrong type) under the code ``INVALID_REQUEST``.

    >>> from pydantic import ValidationError
    >>> from wxpay_names import PassportName
    >>> try:
    ...     PassportName(surname="Sm1th")
    ... except ValidationError as refused:
    ...     detail = error_detail(refused)
    >>> detail["code"], detail["field"]
    ('INVALID_CHARACTER', 'surname')
    >>> detail["message_zh"]
    '姓名中有数字、符号、表情符号、控制字符或特殊样式的字母：请只输入姓名中的普通字母。'
    """
    from .messages import ERRORS, error_message  # imported here: messages imports this module

    if isinstance(error, NameFormatError) and not isinstance(error, ValidationError):
        # The error's own Chinese when it has one (an unknown bank's closest names), else its code's.
        return ErrorDetail(
            code=str(error.code),
            message=str(error),
            message_zh=error_message(error, "zh"),
            field=error.field,
        )
    items = list(error.errors())
    first: Mapping[str, Any] = items[0] if items else {}
    field = _field_of(first.get("loc", ()))
    cause = (first.get("ctx") or {}).get("error")
    if isinstance(cause, NameFormatError):
        detail = error_detail(cause)
        if cause.about_whole_name:
            detail["field"] = _field_of(tuple(first.get("loc", ()))[:-1])
        else:
            detail["field"] = field or cause.field
        return detail
    code = _PYDANTIC_CODES.get(str(first.get("type")), ErrorCode.INVALID_REQUEST)
    said = str(first.get("msg", "the request cannot be read"))
    message_zh = ERRORS[code].zh
    limit, value = (first.get("ctx") or {}).get("max_length"), first.get("input")
    if code is ErrorCode.TOO_LONG and isinstance(limit, int) and isinstance(value, str):
        # Said as the library says it, with the limit this field has (a typed text's is larger).
        said = f"the text is {len(value)} characters long; at most {limit} are accepted."
        message_zh = too_long_zh(len(value), limit)
    message = f"{field}: {said}" if field else said
    return ErrorDetail(code=str(code), message=message, message_zh=message_zh, field=field)


def too_long_zh(length: int, limit: int) -> str:
    """The Chinese of a refusal for length: the limit said is the one applied (it is larger
    for a typed text than for a name part)."""
    return f"输入过长：有 {length} 个字符，最多接受 {limit} 个字符。"


def whole_name_error(message: str, code: ErrorCode) -> InvalidNameError:
    """A refusal of the whole name (both parts empty, parts in two scripts): no one field is at fault.

    Raised in the given names' validator, so pydantic places it at ``given_names``;
    :func:`error_detail` gives it the field of the name as a whole (None at the top).
    """
    error = InvalidNameError(message, code=code)
    error.about_whole_name = True
    return error


def refusal_in(error: _HasErrors) -> NameFormatError:
    """The library's own refusal inside a pydantic ``ValidationError``, or one saying pydantic's."""
    items = list(error.errors())
    for item in items:
        cause = (item.get("ctx") or {}).get("error")
        if isinstance(cause, NameFormatError):
            return cause
    detail = error_detail(error)
    return InvalidNameError(detail["message"], code=ErrorCode(detail["code"]), field=detail["field"])


def _field_of(location: Sequence[object]) -> str | None:
    parts = list(location)
    if parts and parts[0] in _REQUEST_PARTS:
        parts = parts[1:]
    return ".".join(str(part) for part in parts) or None
