"""Reading a passport name the way the command line and the batch file give it.

Both take the name as separate fields, an MRZ, Chinese characters, or free text; this
module turns each into a ``PassportName`` and every refusal into a ``NameFormatError``
(the model's own ``ValidationError`` included), so a caller has one error to catch.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ValidationError

from .errors import ErrorCode, InvalidNameError, NameFormatError
from .inputs.chinese import from_chinese
from .inputs.mrz import parse_mrz
from .inputs.text import parse_name
from .models import PassportName

NameKind = Literal["fields", "mrz", "chinese", "text"]


def name_from_fields(surname: str, given_names: str) -> PassportName:
    """``PassportName(surname=..., given_names=...)``, refusing with a ``NameFormatError``."""
    try:
        return PassportName(surname=surname, given_names=given_names)
    except ValidationError as error:
        refusal = _refusal(error)
    # Raised outside the except block on purpose: raising inside it would put this frame, which
    # holds the ValidationError, in the traceback of an error the ValidationError holds. pydantic's
    # errors are not traced by the garbage collector, so that cycle would never be freed: a batch
    # of a million bad rows would keep a million of them.
    raise refusal from None


def _refusal(error: ValidationError) -> NameFormatError:
    for detail in error.errors():
        cause = detail.get("ctx", {}).get("error")
        if isinstance(cause, NameFormatError):
            return cause
    # The model's own refusal (both parts empty) is a plain ValueError.
    message = str(error.errors()[0]["msg"]).removeprefix("Value error, ")
    return InvalidNameError(message, code=ErrorCode.EMPTY_NAME)


def read_name(kind: NameKind, text: str, given_names: str = "") -> PassportName:
    """The name *text* holds, read as *kind* says (``fields`` takes the surname as *text*)."""
    if kind == "fields":
        return name_from_fields(text, given_names)
    if kind == "mrz":
        return parse_mrz(text)
    if kind == "chinese":
        return from_chinese(text)
    return parse_name(text)
