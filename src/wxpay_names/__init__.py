"""wxpay_names: the exact name a Chinese bank recorded from a foreigner's passport.

>>> from wxpay_names import PassportName, format_name
>>> format_name(PassportName(surname="Zhang", given_names="San"), "BOC")
'SAN ZHANG'
"""

from .candidates import candidates, format_name
from .check import check_name
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
from .inputs.chinese import from_chinese
from .inputs.mrz import parse_mrz
from .inputs.text import parse_name
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
from .plan import compatible_banks, plan_cards
from .registry import BankRegistry, banks, get_bank

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
    "MRZError",
    "NameCheck",
    "NameFormatError",
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
    "parse_mrz",
    "parse_name",
    "plan_cards",
]
