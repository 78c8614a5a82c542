"""The results of the pre-flight checks: frozen pydantic models, like every value of the library.

None of them holds a whole card number: ``CardInfo.masked`` keeps the first six and last four
digits, what card receipts print, so a result can be logged or shown to support staff.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, computed_field

from ..models import Bank, Candidate, Evidence, PassportName, Problem, ProblemCode, ReadsItsOwnDump
from .wording import blocks

_FROZEN = ConfigDict(frozen=True, extra="forbid", defer_build=True)

# The card data's types: DC debit, CC credit, SCC semi-credit (准贷记卡: a deposit account
# with an overdraft), PC prepaid.
CardKind = Literal["debit", "credit", "semi_credit", "prepaid", "unknown"]
Sex = Literal["F", "M", "X"]


def _nothing_blocks(problems: tuple[Problem, ...]) -> bool:
    return not any(blocks(found.code) for found in problems)


class CardInfo(ReadsItsOwnDump):
    """What a card number says: its issuer, its kind, and whether it looks whole."""

    model_config = _FROZEN

    masked: str  # the first 6 and last 4 digits, the rest as *; only * when the number is short
    digits: int  # how many digits the number has
    prefix: str | None = None  # the card data's prefix that matched (longest wins)
    issuer_code: str | None = None  # the card data's code of the issuer (Alipay's codes: COMM, GDB…)
    issuer_name_zh: str | None = None
    issuer_name_en: str | None = None  # only where the bank list has the issuer
    bank: Bank | None = None  # the bank list's row for the issuer, where it has one
    name_evidence: Evidence = "unknown"  # how sure the bank list is of the issuer's name convention
    kind: CardKind = "unknown"
    lengths: tuple[int, ...] = ()  # the card lengths the data has for this prefix and issuer
    luhn_valid: bool | None = None  # None when the text is not a number
    problems: tuple[Problem, ...] = ()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True when nothing found stops the card from being linked (warnings may remain)."""
        return _nothing_blocks(self.problems)


class PhoneCheck(ReadsItsOwnDump):
    """The phone number the bank holds, read by Google's libphonenumber (``phonenumbers``)."""

    model_config = _FROZEN

    e164: str | None = None  # +8613800138000; None when the text is not a valid number
    region: str | None = None  # ISO 3166 code of the number's country or region (CN, HK, GB…)
    mobile: bool = False
    mainland_mobile: bool = False
    carrier_en: str | None = None  # the operator the number range was allocated to, where known
    carrier_zh: str | None = None
    problems: tuple[Problem, ...] = ()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True when nothing found stops the card from being linked (warnings may remain)."""
        return _nothing_blocks(self.problems)


class TravelDocument(BaseModel):
    """The fields of a machine-readable zone a bank compares, and the name."""

    model_config = _FROZEN

    format: Literal["TD3", "TD2", "TD1", "MRV-A", "MRV-B"]
    document_code: str  # P, PP, I, ID… (fillers dropped)
    issuing_state: str  # ICAO code: UTO, D, CHN…
    document_number: str
    nationality: str
    birth_date: date | None  # None when the zone gives it as unknown
    sex: Sex  # X when the zone writes '<' (unspecified)
    expiry_date: date | None
    name: PassportName


class DocumentCheck(ReadsItsOwnDump):
    """Whether an identity document can be used to link a card on a given day."""

    model_config = _FROZEN

    document: TravelDocument | None = None  # None when it could not be read
    today: date
    days_left: int | None = None  # until the expiry date; negative once expired
    problems: tuple[Problem, ...] = ()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True when nothing found stops the card from being linked (warnings may remain)."""
        return _nothing_blocks(self.problems)


class ResidentIdCheck(ReadsItsOwnDump):
    """A Foreign Permanent Resident ID Card number, read and checked."""

    model_config = _FROZEN

    format: Literal["2023", "old", "unknown"]  # 18 digits since 1 December 2023; 15 characters before
    nationality: str | None = None  # ISO 3166 numeric code (2023 format)
    birth_date: date | None = None
    sex: Literal["F", "M"] | None = None  # the 17th digit: odd male, even female (as GB 11643)
    problems: tuple[Problem, ...] = ()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True when the number can be used (the old format is recognised and warned of)."""
        return _nothing_blocks(self.problems)


class BindingCheck(ReadsItsOwnDump):
    """Everything checked before linking a card: the name to type at the bank, and every problem."""

    model_config = _FROZEN

    bank: Bank | None = None  # as given, else the card's bank
    name: PassportName | None = None
    name_to_type: str | None = None  # rank 1 at the bank
    next_tries: tuple[Candidate, ...] = ()  # what to type next if name_to_type is refused, in order
    card: CardInfo | None = None
    phone: PhoneCheck | None = None
    document: DocumentCheck | None = None
    resident_id: ResidentIdCheck | None = None
    problems: tuple[Problem, ...] = ()  # most blocking first

    @computed_field  # type: ignore[prop-decorator]
    @property
    def blocking(self) -> tuple[ProblemCode, ...]:
        """The codes of the problems that stop the card from being linked, most blocking first."""
        return tuple(found.code for found in self.problems if blocks(found.code))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True when nothing blocks: the card can be tried with ``name_to_type``."""
        return not self.blocking
