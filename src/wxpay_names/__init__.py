"""wxpay_names: the exact name a Chinese bank recorded from a foreigner's passport.

>>> from wxpay_names import PassportName, format_name
>>> format_name(PassportName(surname="Zhang", given_names="San"), "BOC")
'SAN ZHANG'
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .candidates import candidates, format_name
from .cleaning import MAX_INPUT_LENGTH
from .errors import (
    AmbiguousNameError,
    BankDataError,
    ErrorCode,
    ErrorDetail,
    InvalidArgumentError,
    InvalidNameError,
    MRZError,
    NameFormatError,
    NameValidationError,
    UnknownBankError,
    error_detail,
)
from .models import (
    Bank,
    Candidate,
    CardPlan,
    NameCheck,
    NameInput,
    PassportName,
    Pattern,
    Problem,
    ProblemCode,
    SharedName,
)
from .registry import BankRegistry, banks, get_bank

if TYPE_CHECKING:
    from .binding.card import bank_of_card
    from .binding.document import check_document, parse_mrz_document
    from .binding.phone import check_phone
    from .binding.preflight import preflight
    from .binding.resident_id import check_permanent_resident_id
    from .binding.results import (
        BindingCheck,
        CardInfo,
        DocumentCheck,
        PhoneCheck,
        ResidentIdCheck,
        TravelDocument,
    )
    from .check import check_name
    from .inputs.chinese import from_chinese
    from .inputs.mrz import parse_mrz
    from .inputs.text import parse_name
    from .learned_ranking import LearnedCandidate, Observed
    from .observations import Observations, ObservationsError, Outcome
    from .plan import compatible_banks, plan_cards
    from .tries import next_tries

# The input readers, the diagnosis and the card plans load on first use (PEP 562): an app
# that only formats names does not pay their import time. The core above loads at once.
_LOADED_ON_USE = {
    # Before linking a card: phonenumbers and the card-prefix table load only when used.
    "BindingCheck": ".binding.results",
    "CardInfo": ".binding.results",
    "DocumentCheck": ".binding.results",
    "PhoneCheck": ".binding.results",
    "ResidentIdCheck": ".binding.results",
    "TravelDocument": ".binding.results",
    "bank_of_card": ".binding.card",
    "check_document": ".binding.document",
    "check_permanent_resident_id": ".binding.resident_id",
    "check_phone": ".binding.phone",
    "parse_mrz_document": ".binding.document",
    "preflight": ".binding.preflight",
    "LearnedCandidate": ".learned_ranking",
    "Observations": ".observations",
    "ObservationsError": ".observations",
    "Observed": ".learned_ranking",
    "Outcome": ".observations",
    "check_name": ".check",
    "compatible_banks": ".plan",
    "from_chinese": ".inputs.chinese",
    "parse_mrz": ".inputs.mrz",
    "next_tries": ".tries",
    "parse_name": ".inputs.text",
    "plan_cards": ".plan",
}


def __getattr__(name: str) -> Any:
    module = _LOADED_ON_USE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LOADED_ON_USE})


__version__ = "0.1.0"

__all__ = [
    "MAX_INPUT_LENGTH",
    "AmbiguousNameError",
    "Bank",
    "BankDataError",
    "BankRegistry",
    "BindingCheck",
    "Candidate",
    "CardInfo",
    "CardPlan",
    "DocumentCheck",
    "ErrorCode",
    "ErrorDetail",
    "InvalidArgumentError",
    "InvalidNameError",
    "LearnedCandidate",
    "MRZError",
    "NameCheck",
    "NameFormatError",
    "NameInput",
    "NameValidationError",
    "Observations",
    "ObservationsError",
    "Observed",
    "Outcome",
    "PassportName",
    "Pattern",
    "PhoneCheck",
    "Problem",
    "ProblemCode",
    "ResidentIdCheck",
    "SharedName",
    "TravelDocument",
    "UnknownBankError",
    "bank_of_card",
    "banks",
    "candidates",
    "check_document",
    "check_name",
    "check_permanent_resident_id",
    "check_phone",
    "compatible_banks",
    "error_detail",
    "format_name",
    "from_chinese",
    "get_bank",
    "next_tries",
    "parse_mrz",
    "parse_mrz_document",
    "parse_name",
    "plan_cards",
    "preflight",
]
