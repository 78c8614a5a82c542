"""The number of a Foreign Permanent Resident ID Card (外国人永久居留身份证), read and checked.

Cards issued from 1 December 2023 carry an 18-digit number (grade B: Beijing government
notice). It starts with ``9`` and ends with a MOD 11-2 check character computed as for a
citizen ID (GB 11643), ``0``–``9`` or ``X`` (grade B/C: the NIA's adaptation rules as a
card-reader vendor reproduces them). Between them, as public validator code lays them out
(grade C): two digits of the province where the application was accepted, three of the
nationality (ISO 3166 numeric), the date of birth (8 digits), three of sequence whose last
gives the sex (odd male, even female). The older cards' number is 15 characters, three
letters and twelve digits; no published check for it was found, so it is recognised and said
to be the old format, not verified.

python-stdnum's Chinese ID check refuses these numbers (its birthplace lookup fails on
``9…``; checked with stdnum 2.2), which is why this module computes the check itself.

>>> check_permanent_resident_id("932682198501010017").ok
True
>>> [problem.code.value for problem in check_permanent_resident_id("932682198501010018").problems]
['RESIDENT_ID_CHECK_DIGIT']
"""

from __future__ import annotations

import re
from datetime import date

from ..models import ProblemCode
from .results import ResidentIdCheck
from .text import compact_number, require_text
from .wording import say

_NEW = re.compile(r"[0-9]{17}[0-9X]")
_OLD = re.compile(r"[A-Z]{3}[0-9]{12}")
FOREIGNER_FIRST_DIGIT = "9"


def check_permanent_resident_id(number: str) -> ResidentIdCheck:
    """Read and check a Foreign Permanent Resident ID Card *number*; never raises on its content.

    Group separators are ignored (white space, dashes, periods, invisible characters), a small
    ``x`` read as ``X``, full-width characters folded, any script's digits read as digits
    (``compact_number``, as for a card number). A *number* that is not a ``str`` raises
    ``InvalidArgumentError``.

    >>> found = check_permanent_resident_id("932682198501010017")
    >>> found.format, found.nationality, found.birth_date, found.sex
    ('2023', '682', datetime.date(1985, 1, 1), 'M')
    """
    require_text(number, "A permanent resident ID number")
    text = compact_number(number)
    if _OLD.fullmatch(text):
        return ResidentIdCheck(format="old", problems=(say(ProblemCode.RESIDENT_ID_OLD_FORMAT),))
    if not _NEW.fullmatch(text):
        return ResidentIdCheck(format="unknown", problems=(say(ProblemCode.RESIDENT_ID_FORMAT),))
    if text[0] != FOREIGNER_FIRST_DIGIT:
        # A citizen's number starts with 1 to 8; one starting with 0 (or X) is neither's.
        variant = "citizen" if "1" <= text[0] <= "8" else "first_digit"
        return ResidentIdCheck(
            format="unknown", problems=(say(ProblemCode.RESIDENT_ID_FORMAT, variant, first=text[0]),)
        )
    birth = _birth_date(text[6:14])
    if birth is None:
        return ResidentIdCheck(format="2023", problems=(say(ProblemCode.RESIDENT_ID_FORMAT, "birth_date"),))
    fields = {
        "format": "2023",
        "nationality": text[3:6],
        "birth_date": birth,
        "sex": "M" if int(text[16]) % 2 else "F",
    }
    expected = mod_11_2(text[:17])
    if text[17] != expected:
        problem = say(ProblemCode.RESIDENT_ID_CHECK_DIGIT, found=text[17], expected=expected)
        return ResidentIdCheck.model_validate({**fields, "problems": (problem,)})
    return ResidentIdCheck.model_validate(fields)


def mod_11_2(digits: str) -> str:
    """The ISO 7064 MOD 11-2 check character of 17 *digits*, as GB 11643 computes it for ID numbers.

    >>> mod_11_2("93268219850101001"), mod_11_2("11010519491231002")
    ('7', 'X')
    """
    total = sum(int(char) * pow(2, len(digits) - index, 11) for index, char in enumerate(digits))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def _birth_date(digits: str) -> date | None:
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
