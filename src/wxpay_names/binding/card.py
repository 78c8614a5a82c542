"""A card number → its issuing bank, card kind, and whether the number looks whole.

The issuer comes from the card-number prefix table (:mod:`.card_bins`): the longest prefix the
number begins with that has cards of its length decides, and where banks share a prefix (they
do: ``622302`` is a 16-digit card of one bank and an 18-digit card of ICBC) the number's length
tells them apart. A Luhn failure is a warning only: some UnionPay cards fail Luhn and work
(grade B: Braintree's and jquery-creditcardvalidator's maintainers).

>>> card = bank_of_card("6222 0200 0000 0000 000")
>>> card.bank.code, card.kind, card.masked
('ICBC', 'debit', '622202*********0000')
"""

from __future__ import annotations

from ..cleaning import MAX_INPUT_LENGTH
from ..messages import Wording
from ..models import Bank, Problem, ProblemCode
from ..registry import BankRegistry, default_registry, require_registry
from .card_bins import BinRow, Issuer, bin_table
from .results import CardInfo, CardKind
from .text import compact_number, require_text
from .wording import most_blocking_first, say

# ISO/IEC 7812 card numbers have at most 19 digits; every card in the prefix data has 15 to 19.
SHORTEST_CARD, LONGEST_CARD = 15, 19
# Receipts and PCI DSS show at most the first six and the last four digits.
SHOWN_FIRST, SHOWN_LAST = 6, 4
_KINDS: dict[str, CardKind] = {"DC": "debit", "CC": "credit", "SCC": "semi_credit", "PC": "prepaid"}


def bank_of_card(number: str, *, registry: BankRegistry | None = None) -> CardInfo:
    """The issuer, kind and soundness of a card *number*; never raises on its content.

    White space (spaces, tabs, line breaks), periods and dashes of any kind between digit
    groups are ignored; full-width digits, and the decimal digits of any script, read as digits.
    Anything else is a ``CARD_NOT_A_NUMBER`` problem, not an exception; a *number* that is not
    a ``str`` raises ``InvalidArgumentError``.

    The issuer's row (``bank``) comes from *registry* (default: the packaged ``data/banks.csv``):
    a registry without the issuer's code gives ``CARD_BANK_NOT_LISTED``.

    >>> bank_of_card("6214 8300 0000 0000").bank.code
    'CMB'
    >>> [problem.code.value for problem in bank_of_card("12ab").problems]
    ['CARD_NOT_A_NUMBER']
    """
    require_text(number, "A card number")
    require_registry(registry)
    listed = registry if registry is not None else default_registry()
    digits = card_digits(number)
    if digits is None:
        count = sum(char.isdigit() for char in number[: MAX_INPUT_LENGTH + 1])
        if len(number) > MAX_INPUT_LENGTH:  # not read further: its length is what is wrong
            problem = say(ProblemCode.CARD_LENGTH, "too_long", limit=str(MAX_INPUT_LENGTH))
            return CardInfo(masked="*" * count, digits=count, problems=(problem,))
        variant = "empty" if not number.strip() else "default"
        return CardInfo(
            masked="*" * count, digits=count, problems=(say(ProblemCode.CARD_NOT_A_NUMBER, variant),)
        )
    problems: list[Problem] = []
    if not SHORTEST_CARD <= len(digits) <= LONGEST_CARD:
        problems.append(say(ProblemCode.CARD_LENGTH, length=str(len(digits))))
    luhn = luhn_valid(digits)
    if not luhn:
        problems.append(say(ProblemCode.CARD_LUHN))
    info: dict[str, object] = {"masked": mask(digits), "digits": len(digits), "luhn_valid": luhn}
    rows = bin_table().longest_match(digits)
    if not rows:
        problems.append(say(ProblemCode.CARD_ISSUER_UNKNOWN))
        return CardInfo.model_validate({**info, "problems": most_blocking_first(problems)})
    same_length = [row for row in rows if row.length == len(digits)]
    candidates = same_length or list(rows)
    issuers = sorted({row.issuer for row in candidates})
    info["prefix"] = rows[0].prefix
    if len(issuers) > 1:
        problems.append(_shared_prefix(rows, len(digits), listed))
        return CardInfo.model_validate({**info, "problems": most_blocking_first(problems)})
    issuer = bin_table().issuers[issuers[0]]
    bank = _bank(issuer, listed)
    if not same_length and SHORTEST_CARD <= len(digits) <= LONGEST_CARD:
        lengths = "/".join(str(length) for length in sorted({row.length for row in rows}))
        problems.append(
            say(
                ProblemCode.CARD_LENGTH_UNEXPECTED,
                issuer=_issuer_name(issuer, bank),
                expected=lengths,
                length=str(len(digits)),
            )
        )
    if bank is None:
        problems.append(say(ProblemCode.CARD_BANK_NOT_LISTED, issuer=_issuer_name(issuer, None)))
    kinds = {row.kind for row in candidates}
    info.update(
        issuer_code=issuer.code,
        issuer_name_zh=bank.name_zh if bank else issuer.name_zh,
        issuer_name_en=bank.name_en if bank else None,
        bank=bank,
        name_evidence=bank.evidence if bank else "unknown",
        kind=_KINDS[kinds.pop()] if len(kinds) == 1 else "unknown",
        lengths=tuple(sorted({row.length for row in rows})),
        problems=most_blocking_first(problems),
    )
    return CardInfo.model_validate(info)


def card_digits(number: str) -> str | None:
    """The digits of *number* with group separators dropped; None when anything else is in it.

    Separators are white space, periods and dashes of any kind; digits of any script are read
    (``compact_number``).

    >>> card_digits(" 6222–0200 ０１ "), card_digits("6222\\t0200\\n"), card_digits("12ab"), card_digits("")
    ('6222020001', '62220200', None, None)
    """
    if len(number) > MAX_INPUT_LENGTH:
        return None
    digits = compact_number(number)
    if not digits or not (digits.isascii() and digits.isdigit()):
        return None
    return digits


def luhn_valid(digits: str) -> bool:
    """Whether *digits* pass the Luhn (mod 10) check of ISO/IEC 7812.

    >>> luhn_valid("79927398713"), luhn_valid("79927398710")
    (True, False)
    """
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - ord("0")
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def mask(digits: str) -> str:
    """*digits* with all but the first six and last four replaced by ``*``; all ``*`` when short.

    A number of fewer than 13 digits would show nearly whole: none of it is shown.

    >>> mask("6222020000000000000"), mask("12345")
    ('622202*********0000', '*****')
    """
    if len(digits) < SHOWN_FIRST + SHOWN_LAST + 3:
        return "*" * len(digits)
    hidden = len(digits) - SHOWN_FIRST - SHOWN_LAST
    return digits[:SHOWN_FIRST] + "*" * hidden + digits[-SHOWN_LAST:]


def _bank(issuer: Issuer, registry: BankRegistry) -> Bank | None:
    """The registry's row of the issuer: by the bank list's code the dataset maps it to, else by
    the dataset's own code or whole Chinese name as the registry names a bank exactly (a bank
    list of one's own may hold 平安银行 as PINGAN, or an issuer under its dataset code); None
    when the registry has none of them. Never a close name: that would be another bank."""
    if issuer.bank:
        found = next((bank for bank in registry.banks if bank.code == issuer.bank), None)
        if found is not None:
            return found
    return registry.find(issuer.code) or registry.find(issuer.name_zh)


def _issuer_name(issuer: Issuer, bank: Bank | None) -> Wording:
    """The issuer as messages name it: its bank's names where the bank list has it."""
    if bank is not None:
        return Wording(bank.name_en, bank.name_zh)
    return Wording(f"{issuer.name_zh} ({issuer.code})", issuer.name_zh)


def _shared_prefix(rows: tuple[BinRow, ...], length: int, registry: BankRegistry) -> Problem:
    issuers = bin_table().issuers
    parts = [
        (_issuer_name(issuers[row.issuer], _bank(issuers[row.issuer], registry)), row.length) for row in rows
    ]
    listed = Wording(
        ", ".join(f"{name.en}: {size} digits" for name, size in parts),
        "、".join(f"{name.zh} {size} 位" for name, size in parts),
    )
    return say(ProblemCode.CARD_ISSUER_UNKNOWN, "shared", banks=listed, length=str(length))
