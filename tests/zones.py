"""Machine-readable zones with every check digit right, built for a chosen expiry date."""

from __future__ import annotations

from datetime import date

from wxpay_names.inputs.mrz import check_digit


def yymmdd(day: date) -> str:
    return day.strftime("%y%m%d")


def td3(
    *,
    expiry: date | str,
    number: str = "L898902C3",
    birth: str = "740812",
    sex: str = "F",
    name: str = "ERIKSSON<<ANNA<MARIA",
) -> str:
    """A TD3 zone (ICAO 9303 Part 4) with every check digit right (*expiry* as a date, or as
    the six characters the zone holds)."""
    upper = f"P<UTO{name}".ljust(44, "<")
    number = number.ljust(9, "<")
    personal = "ZE184226B".ljust(14, "<")
    expires = expiry if isinstance(expiry, str) else yymmdd(expiry)
    lower = (
        f"{number}{check_digit(number)}UTO{birth}{check_digit(birth)}{sex}"
        f"{expires}{check_digit(expires)}{personal}{check_digit(personal)}"
    )
    composite = lower[0:10] + lower[13:20] + lower[21:43]
    return f"{upper}\n{lower}{check_digit(composite)}"
