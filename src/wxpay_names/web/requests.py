"""The bodies the endpoints take: flat, closed (``extra="forbid"``), no provenance fields.

A passport name comes one way: ``surname`` and ``given_names`` as printed, or ``mrz`` (the
machine-readable zone), or ``chinese`` (the characters), or ``name`` (one text such as
``"ZHANG, San"``, read by ``parse_name``). Where the name came from (``source``,
``possibly_truncated``) is the library's to say, in the answer, never the client's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from ..cleaning import MAX_INPUT_LENGTH, TYPED_TEXT_AT_MOST
from ..errors import ErrorCode, InvalidNameError, NameFormatError, error_detail, refusal_in
from ..front_names import NameKind, read_name
from ..models import NameInput, PassportName
from .refusals import FieldError

_CLOSED = ConfigDict(frozen=True, extra="forbid")

Text = Annotated[str, Field(max_length=MAX_INPUT_LENGTH)]
# A typed or refused text: check_name and next_tries take one as long as the name's longest
# candidate (a long Cyrillic name's rank 1 passes 256), and refuse the rest with TOO_LONG.
TypedText = Annotated[str, Field(max_length=TYPED_TEXT_AT_MOST)]
BankQuery = Annotated[
    str,
    Field(
        max_length=MAX_INPUT_LENGTH,
        description="A bank's code, alias, English or Chinese name: 'ICBC', '工行', 'Bank of China'.",
        examples=["ICBC"],
    ),
]
# Every bank the service knows is fewer than this; a longer list is a mistake or an attack.
MAX_BANKS = 64
# The one way a request writes a date (ISO 8601's calendar date).
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class NameFields(BaseModel):
    """A passport name given one way: the two parts, ``mrz``, ``chinese`` or ``name``."""

    model_config = _CLOSED

    surname: Text | None = Field(
        None, description="The surname as printed in the passport.", examples=["Zhang"]
    )
    given_names: Text | None = Field(
        None, description="The given names as printed in the passport.", examples=["San"]
    )
    mrz: Text | None = Field(
        None, description="The machine-readable zone: its lines, separated by a line break."
    )
    chinese: Text | None = Field(None, description="The name in Chinese characters, such as '张三'.")
    name: Text | None = Field(
        None, description="One text such as 'ZHANG, San' or 'SMITH John Paul', read by parse_name."
    )

    def gives_a_name(self) -> bool:
        """Whether any of the ways to give a name is present (``preflight`` may take none)."""
        return any(
            value is not None for value in (self.surname, self.given_names, self.mrz, self.chinese, self.name)
        )

    def passport_name(self) -> PassportName:
        """The name, read the one way it was given; ``FieldError`` names the field at fault."""
        return self.name_reader()()

    def name_reader(self) -> Callable[[], PassportName]:
        """What reads the name the one way it was given, raising ``FieldError`` on its content.

        Giving it two ways, or none, is refused at once, also as ``FieldError``: that is the
        request's shape, not the name's content.
        """
        # Each way: its field, the kind of text read_name takes for it, and its text.
        named: tuple[tuple[str, NameKind, str | None], ...] = (
            ("mrz", "mrz", self.mrz),
            ("chinese", "chinese", self.chinese),
            ("name", "text", self.name),
        )
        ways = [(field, kind, text) for field, kind, text in named if text is not None]
        if self.surname is not None or self.given_names is not None:
            ways.insert(0, ("surname", "fields", self.surname or ""))
        if len(ways) != 1:
            fields = [field for field, _, _ in ways]
            said = f" (this request gives {' and '.join(fields)})" if fields else ""
            said_zh = f"（本次请求同时给出了 {'、'.join(fields)}）" if fields else ""
            error = InvalidNameError(
                "Give the passport name one way: surname and given_names, or mrz, or chinese, "
                f"or name{said}.",
                code=ErrorCode.INVALID_NAME if fields else ErrorCode.EMPTY_NAME,
                message_zh="请只用一种方式给出护照姓名：surname 和 given_names，或 mrz，或 chinese，"
                f"或 name{said_zh}。",
            )
            # Two ways: the second is the one too many. None: the whole name is missing.
            raise FieldError(error, fields[1] if fields else None)
        field, kind, text = ways[0]
        if kind == "fields":
            given_names = self.given_names or ""
            return lambda: _from_fields(text, given_names)
        return lambda: _read(field, kind, text)


def _read(field: str, kind: NameKind, text: str) -> PassportName:
    try:
        return read_name(kind, text)
    except NameFormatError as error:
        raise FieldError(error, field) from None


def _from_fields(surname: str, given_names: str) -> PassportName:
    """The name of the two parts, validated as the library's request model ``NameInput``."""
    try:
        return PassportName.from_input(NameInput(surname=surname, given_names=given_names))
    except ValidationError as error:
        refusal = refusal_in(error)
        field = error_detail(error)["field"]
    # Raised outside the except block so the ValidationError is not kept alive by the traceback.
    raise FieldError(refusal, field) from None


class FormatRequest(NameFields):
    """A name and the banks to format it for (all banks when none is given)."""

    banks: list[BankQuery] = Field(default_factory=list, max_length=MAX_BANKS)
    all: bool = Field(
        False,
        strict=True,
        description="Every candidate per bank, not only the most likely: JSON true or false, nothing else.",
    )


class CandidatesRequest(NameFields):
    """A name and one bank."""

    bank: BankQuery


class CheckRequest(NameFields):
    """What was typed (or refused), the passport name and the bank."""

    entered: TypedText = Field(description="The name as typed in WeChat.", examples=["SAN ZHANG"])
    bank: BankQuery


class PlanRequest(NameFields):
    """A name and the banks of the cards one WeChat account links."""

    banks: list[BankQuery] = Field(min_length=1, max_length=MAX_BANKS)


class NextRequest(NameFields):
    """A name, a bank, and the texts WeChat already refused there."""

    bank: BankQuery
    refused: list[TypedText] = Field(
        default_factory=list,
        max_length=MAX_BANKS,
        description="Texts already refused, compared exactly (WeChat asks for the capitalization too).",
        examples=[["ZHANG SAN"]],
    )


class PreflightRequest(NameFields):
    """What linking a card needs, checked before the person tries; every part optional.

    The name may be left out when ``document`` is a machine-readable zone: it is read from there.
    """

    bank: BankQuery | None = Field(
        None, description="The card's bank; else the bank the card number belongs to."
    )
    card: Text | None = Field(None, description="The card number; answered masked, never logged.")
    phone: Text | None = Field(None, description="The mobile number the bank holds.")
    document: Text | None = Field(
        None,
        description="The passport's machine-readable zone, or the number of a Foreign Permanent Resident "
        "ID Card.",
    )
    today: date | None = Field(
        None,
        description="The date the document's expiry is counted from, written YYYY-MM-DD (default: today).",
    )

    @field_validator("today", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        """A date is a text ``YYYY-MM-DD``; a number, which pydantic would read as a Unix time, is not."""
        if value is None:
            return None
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise PydanticCustomError(
            "date_type", 'A date is a text written YYYY-MM-DD, such as "2026-12-06" (a real day).'
        )


class MrzRequest(BaseModel):
    """A machine-readable zone, its lines separated by a line break."""

    model_config = _CLOSED

    mrz: Text
