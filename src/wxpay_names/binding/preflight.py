"""Everything to check before linking a card, in one call: the name to type, the card, the phone, the ID.

The seed guide names three things that must all be right: the name and the phone number must
match the bank's records, the ID must not have expired, and it must be the one the bank
registered. :func:`preflight` runs every check this package has on what it is given and
lists every problem, most blocking first. Nothing here raises on bad content.

>>> from datetime import date
>>> result = preflight("ZHANG, San", card="6222 0200 0000 0000 000", phone="+86 138 0013 8000",
...                    today=date(2026, 12, 6))
>>> result.bank.code, result.name_to_type, result.ok
('ICBC', 'ZHANG SAN', True)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..candidates import format_name
from ..errors import InvalidArgumentError, NameFormatError
from ..messages import Wording, error_message
from ..models import Bank, Candidate, PassportName, Problem, ProblemCode
from ..registry import BankRegistry, default_registry, require_registry
from ..tries import next_tries
from .card import bank_of_card
from .document import check_document, comparable_number
from .phone import check_phone
from .resident_id import check_permanent_resident_id
from .results import BindingCheck, CardInfo, DocumentCheck, ResidentIdCheck, TravelDocument
from .text import compact_number, require_text
from .wording import most_blocking_first, say

# A permanent resident ID number is 18 or 15 characters; a machine-readable zone is 60 or more
# (2 lines of 36 at the shortest), never only digits, and always has fillers.
_RESIDENT_ID_LENGTHS = frozenset({15, 18})
_SHORTEST_ZONE = 72

NameReader = Callable[[], PassportName]
"""Reads the passport name when called; raises ``NameFormatError`` when its content is bad."""


def preflight(
    name: PassportName | str | None,
    *,
    bank: Bank | str | None = None,
    card: str | None = None,
    phone: str | None = None,
    document: TravelDocument | str | None = None,
    today: date | None = None,
    bank_document_number: str | None = None,
    registry: BankRegistry | None = None,
) -> BindingCheck:
    """Check what linking a card needs, before the person tries; never raises on content.

    - *name*: the passport name (a ``PassportName``, or text read by ``parse_name``); ``None``
      takes it from *document*.
    - *bank*: the card's bank (a ``Bank``, or a code or name found in *registry*); when ``None``,
      the bank the card number belongs to. When both are given and disagree, *bank* is used and
      ``CARD_BANK_DIFFERS`` says so.
    - *card*, *phone*: the card number and the mobile number the bank holds.
    - *document*: a ``TravelDocument``, the text of a machine-readable zone, or the number of a
      Foreign Permanent Resident ID Card (15 or 18 characters, no ``<``); *today* (default: the
      local date) dates its expiry; *bank_document_number* is the number the bank registered.
    - *registry*: the banks a *bank* text and the card's issuer are found in (default: the
      packaged ``data/banks.csv``).

    ``name_to_type`` is rank 1 at the bank, ``next_tries`` the other candidates in order;
    ``problems`` lists every problem found, most blocking first; ``ok`` is true when none blocks.
    An argument of the wrong type (a card number as an ``int``) raises ``InvalidArgumentError``.
    """
    _check_types(name, bank, card, phone, document)
    if today is not None and not isinstance(today, date):
        raise InvalidArgumentError(f"today is a datetime.date, not {type(today).__name__}.")
    if bank_document_number is not None:
        require_text(bank_document_number, "The bank's document number")
    require_registry(registry)
    return check_binding(
        _reader(name),
        bank=bank,
        card=card,
        phone=phone,
        document=document,
        today=today,
        bank_document_number=bank_document_number,
        registry=registry if registry is not None else default_registry(),
    )


def check_binding(
    read_name: NameReader | None,
    *,
    bank: Bank | str | None,
    card: str | None,
    phone: str | None,
    document: TravelDocument | str | None,
    today: date | None,
    bank_document_number: str | None,
    registry: BankRegistry,
    resident_id_number: str | None = None,
) -> BindingCheck:
    """:func:`preflight` with the name given as a reader (``None``: from the document).

    *resident_id_number* is a document given as a permanent resident ID number, whatever it
    holds (the command line's ``--resident-id``); a *document* text is told apart by its shape.
    A *bank_document_number* with no document to compare it with raises ``InvalidArgumentError``.

    For a caller whose name comes another way than ``parse_name`` reads (the web service's
    fields, zone or characters): a ``NameFormatError`` the reader raises is a
    ``NAME_UNREADABLE`` problem, as a text ``preflight`` cannot read is. The arguments are
    taken as checked.
    """
    if bank_document_number is not None and document is None and resident_id_number is None:
        raise InvalidArgumentError(
            "bank_document_number is compared with the document's number: give the document too "
            "(its machine-readable zone, or a permanent resident ID number)."
        )
    problems: list[Problem] = []

    travel_document: TravelDocument | None = None
    document_check: DocumentCheck | None = None
    resident_id: ResidentIdCheck | None = None
    if resident_id_number is None and isinstance(document, str) and _is_resident_id(document):
        resident_id_number, document = document, None
    if resident_id_number is not None:
        resident_id = check_permanent_resident_id(resident_id_number)
        problems.extend(resident_id.problems)
        held = comparable_number(bank_document_number) if bank_document_number is not None else ""
        if held and resident_id.format != "unknown" and held != comparable_number(resident_id_number):
            problems.append(say(ProblemCode.DOCUMENT_NUMBER_CHANGED, "resident_id"))
    elif document is not None:
        document_check = check_document(document, today=today, bank_document_number=bank_document_number)
        travel_document = document_check.document
        problems.extend(document_check.problems)

    passport_name = _read_name(read_name, travel_document, problems, document_check is not None)
    if passport_name is not None and passport_name.possibly_truncated:
        problems.append(say(ProblemCode.NAME_POSSIBLY_TRUNCATED, name=_as_read(passport_name)))

    card_info = bank_of_card(card, registry=registry) if card is not None else None
    if card_info is not None:
        problems.extend(card_info.problems)
    chosen = _choose_bank(bank, card_info, problems, registry)

    name_to_type: str | None = None
    tries: tuple[Candidate, ...] = ()
    if passport_name is not None and chosen is not None:
        try:
            name_to_type = format_name(passport_name, chosen)
            # What to type if that is refused: the other candidates, in order, ranks kept.
            tries = next_tries(passport_name, chosen, (name_to_type,))
        except NameFormatError as error:
            problems.append(_name_unreadable(error))
        else:
            if chosen.evidence == "unknown":
                problems.append(
                    say(ProblemCode.BANK_CONVENTION_UNKNOWN, bank=_bank_name(chosen), text=name_to_type)
                )
            if travel_document is not None and read_name is not None:
                problems.extend(_document_name_differs(travel_document, chosen, name_to_type))

    phone_check = check_phone(phone) if phone is not None else None
    if phone_check is not None:
        problems.extend(phone_check.problems)

    return BindingCheck(
        bank=chosen,
        name=passport_name,
        name_to_type=name_to_type,
        next_tries=tries,
        card=card_info,
        phone=phone_check,
        document=document_check,
        resident_id=resident_id,
        problems=most_blocking_first(problems),
    )


def _check_types(name: object, bank: object, card: object, phone: object, document: object) -> None:
    if name is not None and not isinstance(name, PassportName):
        require_text(name, "A name (PassportName or str)")
    if bank is not None and not isinstance(bank, Bank):
        require_text(bank, "A bank (Bank or str)")
    if card is not None:
        require_text(card, "A card number")
    if phone is not None:
        require_text(phone, "A phone number")
    if document is not None and not isinstance(document, TravelDocument):
        require_text(document, "A document (TravelDocument or str)")


def _is_resident_id(text: str) -> bool:
    """A resident ID number, or one typed with a character missing or extra (all digits, with
    the check character X at the end): said as a resident ID problem, not as a misread zone."""
    compact = compact_number(text)
    if "<" in compact:
        return False
    if len(compact) in _RESIDENT_ID_LENGTHS:
        return True
    return len(compact) < _SHORTEST_ZONE and compact.removesuffix("X").removesuffix("x").isdigit()


def _reader(name: PassportName | str | None) -> NameReader | None:
    if name is None:
        return None
    if isinstance(name, PassportName):
        return lambda: name
    from ..inputs.text import parse_name

    return lambda: parse_name(name)


def _read_name(
    read_name: NameReader | None,
    document: TravelDocument | None,
    problems: list[Problem],
    document_given: bool,
) -> PassportName | None:
    if read_name is None:
        # A document given but unreadable has said why (DOCUMENT_UNREADABLE): not "no name given".
        if document is None and not document_given:
            problems.append(say(ProblemCode.NAME_UNREADABLE, "missing"))
        return document.name if document is not None else None
    try:
        return read_name()
    except NameFormatError as error:
        problems.append(_name_unreadable(error))
        return None


def _as_read(name: PassportName) -> str:
    """The name as the zone gives it, surname first (``VANDERBERGHE, JOHANNES``)."""
    return ", ".join(part for part in (name.surname, name.given_names) if part)


def _name_unreadable(error: NameFormatError) -> Problem:
    return say(ProblemCode.NAME_UNREADABLE, reason=str(error), reason_zh=error_message(error, "zh"))


def _choose_bank(
    bank: Bank | str | None, card: CardInfo | None, problems: list[Problem], registry: BankRegistry
) -> Bank | None:
    card_bank = card.bank if card is not None else None
    if bank is None:
        return card_bank
    if isinstance(bank, str):
        try:
            bank = registry.get(bank)
        except NameFormatError as error:
            problems.append(
                say(ProblemCode.BANK_UNKNOWN, reason=str(error), reason_zh=error_message(error, "zh"))
            )
            return card_bank
    if card_bank is not None and card_bank.code != bank.code:
        problems.append(
            say(ProblemCode.CARD_BANK_DIFFERS, card_bank=_bank_name(card_bank), bank=_bank_name(bank))
        )
    elif card is not None and card_bank is None and card.issuer_name_zh:
        # An issuer the bank list does not hold (by any code or its name: bank_of_card) is
        # another bank too; its warning (no name can be given) gives way, since the name is
        # given for the bank named.
        problems[:] = [
            problem for problem in problems if problem.code is not ProblemCode.CARD_BANK_NOT_LISTED
        ]
        issuer = Wording(f"{card.issuer_name_zh} ({card.issuer_code})", card.issuer_name_zh)
        problems.append(say(ProblemCode.CARD_BANK_DIFFERS, card_bank=issuer, bank=_bank_name(bank)))
    return bank


def _bank_name(bank: Bank) -> Wording:
    return Wording(bank.name_en, bank.name_zh)


def _document_name_differs(document: TravelDocument, bank: Bank, text: str) -> list[Problem]:
    try:
        document_text = format_name(document.name, bank)
    except NameFormatError:  # pragma: no cover - a zone's name is A-Z, always formattable
        return []
    if document_text == text:
        return []
    return [
        say(
            ProblemCode.DOCUMENT_NAME_DIFFERS,
            document_text=document_text,
            bank=_bank_name(bank),
            text=text,
        )
    ]
