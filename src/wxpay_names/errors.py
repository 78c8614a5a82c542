"""The one error tree of wxpay_names.

Every public call made with ``str`` arguments either returns or raises a
:class:`NameFormatError`. Callers catch that one class (it is a ``ValueError``);
``code`` is stable and meant for programs, the message is meant for people.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Stable machine-readable codes carried by :attr:`NameFormatError.code`."""

    INVALID_NAME = "INVALID_NAME"
    EMPTY_NAME = "EMPTY_NAME"
    INVALID_CHARACTER = "INVALID_CHARACTER"
    INVISIBLE_CHARACTERS = "INVISIBLE_CHARACTERS"
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
    INVALID_ARGUMENT = "INVALID_ARGUMENT"
    OBSERVATIONS_DATA = "OBSERVATIONS_DATA"


class NameFormatError(ValueError):
    """Root of every error the library raises on bad input."""

    default_code: ErrorCode = ErrorCode.INVALID_NAME
    default_message = "The name cannot be used."

    def __init__(self, message: str | None = None, *, code: ErrorCode | None = None) -> None:
        self.code: ErrorCode = code or self.default_code
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

    def __init__(
        self, message: str | None = None, *, code: ErrorCode | None = None, message_zh: str | None = None
    ) -> None:
        super().__init__(message, code=code)
        # The Chinese of this very refusal (the banks it may mean, the closest names), when known.
        self.message_zh = message_zh


class BankDataError(NameFormatError):
    """A bank file holds a row the library cannot use; the message names file, line and column."""

    default_code = ErrorCode.BANK_DATA
    default_message = "The bank file holds a malformed row."


class InvalidArgumentError(NameFormatError):
    """An argument is not of a type the call takes (a card number given as an ``int``)."""

    default_code = ErrorCode.INVALID_ARGUMENT
    default_message = "An argument is not of a type the call takes."
