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
    InvalidNameError,
    MRZError,
    NameFormatError,
    UnknownBankError,
)
from .models import (
    Bank,
    Candidate,
    CardPlan,
    NameCheck,
    PassportName,
    Pattern,
    Problem,
    ProblemCode,
    SharedName,
)
from .registry import BankRegistry, banks, get_bank

if TYPE_CHECKING:
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
    "Candidate",
    "CardPlan",
    "ErrorCode",
    "InvalidNameError",
    "LearnedCandidate",
    "MRZError",
    "NameCheck",
    "NameFormatError",
    "Observations",
    "ObservationsError",
    "Observed",
    "Outcome",
    "PassportName",
    "Pattern",
    "Problem",
    "ProblemCode",
    "SharedName",
    "UnknownBankError",
    "banks",
    "candidates",
    "check_name",
    "compatible_banks",
    "format_name",
    "from_chinese",
    "get_bank",
    "next_tries",
    "parse_mrz",
    "parse_name",
    "plan_cards",
]
