"""The mobile number a bank holds for its customer, read by Google's libphonenumber.

A card is linked with the mobile number the bank holds (grade B: That's Mags, 2021; grade A:
HSBC China's WeChat Pay page). Every account-opening source found asks for a number in
China (grade B); no source says whether a bank can hold a foreign one, so a foreign
number is a warning, not a refusal. MIIT's allocation (grade A, notice of 2023-06-05) reserves
some ranges for resold (virtual-operator) and satellite service: said as what they are,
with nothing claimed about banks.

``phonenumbers`` (its data is about 40 MB in memory) is imported by :func:`check_phone`
only, never by ``import wxpay_names``.

>>> result = check_phone("+86 138 0013 8000")
>>> result.e164, result.mainland_mobile, result.carrier_en, result.carrier_zh
('+8613800138000', True, 'China Mobile', '中国移动')
"""

from __future__ import annotations

from ..cleaning import MAX_INPUT_LENGTH
from ..messages import Wording
from ..models import Problem, ProblemCode
from .results import PhoneCheck
from .text import require_text
from .wording import most_blocking_first, say

MAINLAND = "CN"
# MIIT, "我国公众移动通信网网号及H0分配情况（截至2023年3月底）" (2023-06-05): network numbers
# for resold (virtual-operator) service only, and for satellite service. Longest first.
RESOLD_PREFIXES = ("162", "165", "167", "170", "171")
SATELLITE_PREFIXES = ("1349", "1619", "174")
_MAINLAND_CODE, _MAINLAND_MOBILE_DIGITS = 86, 11
# libphonenumber's region of numbers that belong to no country (+800, +881 satellite…).
NON_GEOGRAPHIC = "001"
# The regions of China outside the mainland, named one way in Chinese (libphonenumber's own
# names differ: 香港, 澳门特区, 台湾地区).
_REGIONS_ZH = {"HK": "中国香港", "MO": "中国澳门", "TW": "中国台湾"}


def check_phone(number: str, default_region: str = "CN") -> PhoneCheck:
    """Whether *number* can be the mobile number a bank in mainland China holds; never raises on content.

    *default_region* (ISO 3166, ``"CN"``) reads a number written without a ``+`` country code.
    A *number* or *default_region* that is not a ``str`` raises ``InvalidArgumentError``.
    A number holding letters is ``PHONE_NOT_A_NUMBER``: they are not read as keypad digits.

    >>> [problem.code.value for problem in check_phone("+44 7911 123456").problems]
    ['PHONE_OUTSIDE_MAINLAND']
    >>> [problem.code.value for problem in check_phone("12345").problems]
    ['PHONE_NOT_A_NUMBER']
    """
    require_text(number, "A phone number")
    require_text(default_region, "A default region")
    if not number.strip():
        return PhoneCheck(problems=(say(ProblemCode.PHONE_NOT_A_NUMBER, "empty"),))
    if len(number) > MAX_INPUT_LENGTH or len(default_region) > MAX_INPUT_LENGTH:
        return PhoneCheck(problems=(say(ProblemCode.PHONE_NOT_A_NUMBER),))
    if _letters_among_digits(number):
        # libphonenumber reads three letters or more as keypad digits (O → 6), a number other
        # than the one meant; the person is asked to type the digits.
        return PhoneCheck(problems=(say(ProblemCode.PHONE_NOT_A_NUMBER, "letters"),))

    import phonenumbers  # about 0.1 s and 40 MB of data: only when a phone number is checked
    from phonenumbers import carrier, geocoder

    try:
        parsed = phonenumbers.parse(number, default_region.upper())
    except phonenumbers.NumberParseException:
        return PhoneCheck(problems=(say(ProblemCode.PHONE_NOT_A_NUMBER),))
    if not phonenumbers.is_valid_number(parsed):
        satellite = _satellite(parsed.country_code, phonenumbers.national_significant_number(parsed))
        return satellite or PhoneCheck(problems=(say(ProblemCode.PHONE_NOT_A_NUMBER),))
    region = phonenumbers.region_code_for_number(parsed)
    kind = phonenumbers.number_type(parsed)
    mobile = kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    problems: list[Problem] = []
    if region == NON_GEOGRAPHIC:  # +800, +881, +882…: numbers of no country
        problems.append(say(ProblemCode.PHONE_OUTSIDE_MAINLAND, "no_country"))
    elif region != MAINLAND:
        known = region or "?"
        where = Wording(
            geocoder.country_name_for_number(parsed, "en") or known,
            _REGIONS_ZH.get(known) or geocoder.country_name_for_number(parsed, "zh") or known,
        )
        problems.append(say(ProblemCode.PHONE_OUTSIDE_MAINLAND, region=where))
    if not mobile:
        problems.append(say(ProblemCode.PHONE_NOT_MOBILE))
    elif region == MAINLAND:
        problems.extend(_range_problems(phonenumbers.national_significant_number(parsed)))
    return PhoneCheck(
        e164=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
        region=region,
        mobile=mobile,
        mainland_mobile=mobile and region == MAINLAND,
        # The operator the range was allocated to: a number ported to another keeps its range.
        carrier_en=(carrier.name_for_number(parsed, "en") or None) if mobile else None,
        carrier_zh=(carrier.name_for_number(parsed, "zh") or None) if mobile else None,
        problems=most_blocking_first(problems),
    )


def _letters_among_digits(number: str) -> bool:
    """A Latin letter (full-width too) after the number's first digit: what libphonenumber may
    read as keypad digits. Words before the number (``tel:``, ``Mobile:``) and other scripts
    (``（本人）``) are no digits to it, and are left to it to skip."""
    first = next((at for at, char in enumerate(number) if char.isdigit()), len(number))
    return any("A" <= char.upper() <= "Z" or "Ａ" <= char.upper() <= "Ｚ" for char in number[first:])


def _satellite(country_code: int | None, national: str) -> PhoneCheck | None:
    """A mainland number of a satellite range MIIT allocated (1619…): libphonenumber's data has
    no such range and calls it invalid; MIIT's notice (grade A) makes it a mobile network number."""
    if country_code != _MAINLAND_CODE or len(national) != _MAINLAND_MOBILE_DIGITS:
        return None
    if not national.startswith(SATELLITE_PREFIXES):
        return None
    problems = _range_problems(national)
    return PhoneCheck(
        e164=f"+{_MAINLAND_CODE}{national}",
        region=MAINLAND,
        mobile=True,
        mainland_mobile=True,
        problems=tuple(problems),
    )


def _range_problems(national: str) -> list[Problem]:
    for prefix in RESOLD_PREFIXES:
        if national.startswith(prefix):
            return [say(ProblemCode.PHONE_VIRTUAL_OPERATOR, prefix=prefix)]
    for prefix in SATELLITE_PREFIXES:
        if national.startswith(prefix):
            return [say(ProblemCode.PHONE_SATELLITE, prefix=prefix)]
    return []
