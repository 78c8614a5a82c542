"""The identity document behind a bank account: read from its machine-readable zone, and checked.

The seed guide (``002``) says WeChat Pay refuses an expired ID, and that the ID must be the
one the bank registered. Reports agree on what a new passport means (grade C for ICBC, D for
the rest): take the new and the old passports and the card to the bank first, then update
WeChat Pay. The zone is read by :func:`wxpay_names.inputs.mrz.read_zone`, the reader behind
``parse_mrz``, so every check digit is verified the same way.

>>> from datetime import date
>>> zone = '''
...     P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
...     L898902C36UTO7408122F1204159ZE184226B<<<<<10
... '''
>>> document = parse_mrz_document(zone)
>>> document.document_number, document.birth_date, document.expiry_date
('L898902C3', datetime.date(1974, 8, 12), datetime.date(2012, 4, 15))
>>> [problem.code.value for problem in check_document(document, today=date(2026, 12, 6)).problems]
['DOCUMENT_EXPIRED']
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import get_args

from ..cleaning import MAX_INPUT_LENGTH, is_white_space
from ..errors import InvalidArgumentError, MRZError, NameFormatError
from ..inputs.mrz import FILLER, document_number, read_zone
from ..inputs.mrz_layout import Span
from ..messages import error_message
from ..models import Problem, ProblemCode
from .results import DocumentCheck, Sex, TravelDocument
from .text import compact_number, require_text
from .wording import most_blocking_first, say

# A document that expires within this many days is warned of: renewing takes weeks, and the bank
# and WeChat must both be updated afterwards.
EXPIRING_DAYS = 90

# Where the fields besides the name and the document number sit (ICAO 9303 Part 4 §4.2.2 for
# TD3, Part 6 for TD2, Part 7 for the visas of the same shapes, Part 5 §4.2.2 for TD1):
# nationality, date of birth, sex, date of expiry.
_TWO_LINE_FIELDS = (Span(2, 11, 13), Span(2, 14, 19), Span(2, 21, 21), Span(2, 22, 27))
_FIELDS: dict[str, tuple[Span, Span, Span, Span]] = {
    "TD3": _TWO_LINE_FIELDS,
    "TD2": _TWO_LINE_FIELDS,
    "MRV-A": _TWO_LINE_FIELDS,
    "MRV-B": _TWO_LINE_FIELDS,
    "TD1": (Span(2, 16, 18), Span(2, 1, 6), Span(2, 8, 8), Span(2, 9, 14)),
}
_SEXES = frozenset(get_args(Sex))
# An MRZ date has two year digits. Documents are issued for at most about ten years, so an
# expiry year from 70 on is 19xx (a long-expired document) and below 70 is 20xx.
_EXPIRY_PIVOT = 70


def parse_mrz_document(text: str) -> TravelDocument:
    """The document fields and the name of a whole machine-readable zone (TD3, TD2, TD1, visas).

    The zone is read as :func:`~wxpay_names.parse_mrz` reads it (same shapes, same check
    digits, ``MRZError`` naming the field); a line or a name field given alone is refused, since
    the dates are on the lower line. A birth date is put in the latest century that puts it after
    neither today nor the expiry date (a baby's passport is not mistaken for a
    centenarian's, and a passport valid into the 2030s does not make its holder unborn); a
    date the zone leaves unknown (fillers) is ``None``.
    """
    if isinstance(text, str) and len(text) <= MAX_INPUT_LENGTH and all(map(is_white_space, text)):
        # read_zone's own word for this offers the name field alone, which holds no document.
        raise MRZError(
            "The machine-readable zone is empty: give all its lines, as printed (2 lines of 44 "
            "characters in a passport).",
            message_zh="证件机读区为空：请按证件上印的样子完整输入每一行（护照为 2 行，每行 44 个字符）。",
        )
    zone = read_zone(text)
    layout = zone.layout
    if layout is None:
        raise MRZError(
            "A document needs its whole machine-readable zone, with the lower line that holds the "
            "dates: 2 lines of 44 characters (passport), 2 of 36, or 3 of 30 (identity card)."
        )
    lines = zone.lines
    nationality, birth, sex, expiry = (span.read(lines) for span in _FIELDS[layout.name])
    if sex == FILLER:
        sex = "X"
    if sex not in _SEXES:
        where = _FIELDS[layout.name][2]
        raise MRZError(
            f"The sex field (line {where.line}, position {where.first}) holds {sex!r}; it holds F, M, X or "
            "'<': the zone was misread. Scan it again, or copy it exactly as printed."
        )
    expiry_date = _mrz_date(expiry, lambda year: 1900 + year if year >= _EXPIRY_PIVOT else 2000 + year)
    if expiry_date is None and not _left_unknown(expiry):
        # The date the check needs, and no real day, though its check digit held.
        where = _FIELDS[layout.name][3]
        raise MRZError(
            f"The expiry date (line {where.line}, positions {where.first}-{where.last}) reads "
            f"{expiry!r}, which is not a real day (YYMMDD): the zone was misread. Scan it again, or "
            "copy it exactly as printed."
        )
    # Nobody is born after today or after their passport expires.
    latest = min(expiry_date or date.max, date.today())
    # A birth date that is no real day is left unknown: some States print 00 for an unknown
    # day or month, and the binding checks do not need it.
    birth_date = _mrz_date(birth, lambda year: 2000 + year)
    if birth_date is None or birth_date > latest:
        birth_date = _mrz_date(birth, lambda year: 1900 + year)
    number, _, _ = document_number(lines, layout)
    return TravelDocument(
        format=layout.name,  # type: ignore[arg-type]  # one of the five layouts' names
        document_code=layout.document_code.read(lines).rstrip(FILLER),
        issuing_state=layout.issuing_state.read(lines).rstrip(FILLER),
        document_number=number.rstrip(FILLER),
        nationality=nationality.rstrip(FILLER),
        birth_date=birth_date,
        sex=sex,  # type: ignore[arg-type]  # one of _SEXES, checked above
        expiry_date=expiry_date,
        name=zone.name,
    )


def check_document(
    document: TravelDocument | str,
    *,
    today: date | None = None,
    bank_document_number: str | None = None,
) -> DocumentCheck:
    """Whether *document* can be used to link a card on *today* (default: the local date).

    *document* is a ``TravelDocument`` or the text of a machine-readable zone; a zone that
    cannot be read is a ``DOCUMENT_UNREADABLE`` problem, not an exception.
    *bank_document_number* is the number the bank registered, when known: a different number
    means a new passport the bank has not seen. Problems: ``DOCUMENT_EXPIRED`` (blocks),
    ``DOCUMENT_EXPIRING`` within 90 days (warns), ``DOCUMENT_NUMBER_CHANGED`` (blocks).
    """
    day = _day(today)
    if bank_document_number is not None:
        require_text(bank_document_number, "The bank's document number")
    if isinstance(document, str):
        try:
            document = parse_mrz_document(document)
        except NameFormatError as error:
            return DocumentCheck(today=day, problems=(unreadable(error),))
    elif not isinstance(document, TravelDocument):
        require_text(document, "A document")
    problems: list[Problem] = []
    days_left = None
    if document.expiry_date is not None:
        days_left = (document.expiry_date - day).days
        when = document.expiry_date.isoformat()
        if days_left < 0:
            problems.append(say(ProblemCode.DOCUMENT_EXPIRED, date=when))
        elif days_left <= EXPIRING_DAYS:
            problems.append(say(ProblemCode.DOCUMENT_EXPIRING, date=when, days=str(days_left)))
    if bank_document_number is not None:
        held = comparable_number(bank_document_number)
        if held and held != comparable_number(document.document_number):
            problems.append(say(ProblemCode.DOCUMENT_NUMBER_CHANGED))
    return DocumentCheck(
        document=document, today=day, days_left=days_left, problems=most_blocking_first(problems)
    )


def comparable_number(number: str) -> str:
    """A document number as typed, made comparable: width, case, separators and fillers dropped,
    any script's digits read as 0–9 (``compact_number``, as a resident ID number is read).

    >>> comparable_number(" l898 902c3< "), comparable_number("Ｌ８９８９０２Ｃ３"), comparable_number("٩٣٢")
    ('L898902C3', 'L898902C3', '932')
    """
    return "".join(char for char in compact_number(number) if char.isalnum())


def unreadable(error: NameFormatError) -> Problem:
    """The ``DOCUMENT_UNREADABLE`` problem for a zone the reader refused, with its reason."""
    return say(ProblemCode.DOCUMENT_UNREADABLE, reason=str(error), reason_zh=error_message(error, "zh"))


def _day(today: date | None) -> date:
    if today is None:
        return date.today()
    if not isinstance(today, date):
        raise InvalidArgumentError(f"today is a datetime.date, not {type(today).__name__}.")
    # A datetime is a date too; only its day counts.
    return date(today.year, today.month, today.day)


def _mrz_date(digits: str, year_of: Callable[[int], int]) -> date | None:
    """The date YYMMDD, or ``None`` when it is no real day (a part left unknown among them)."""
    if not (digits.isascii() and digits.isdigit()):
        return None
    try:
        return date(year_of(int(digits[:2])), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return None


def _left_unknown(digits: str) -> bool:
    """A date with a part the zone leaves unknown: fillers (ICAO 9303), or 00 for a day or a
    month, as some States print."""
    return FILLER in digits or digits[2:4] == "00" or digits[4:6] == "00"
