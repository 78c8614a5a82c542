"""``wxpay-names preflight``: everything to check before linking a card, on the command line.

Registered in ``cli.py`` by :func:`add_preflight_command`; the checks are
:func:`wxpay_names.preflight`'s. Exit 0 when nothing blocks, 1 when something does, 2 for
arguments or a name that cannot be used. The card number is printed only masked (first 6 and
last 4 digits), in text and JSON alike, and written nowhere else.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from .cli_args import UsageError, one_bank, read_stdin, registry_of
from .cli_output import write_json, write_text
from .cli_render import bank_name, limit_line, over_limit, pick
from .errors import InvalidArgumentError, NameFormatError
from .front_wording import Lang, reworded_error
from .models import PassportName

if TYPE_CHECKING:
    from .binding.results import BindingCheck, CardInfo, DocumentCheck, PhoneCheck, ResidentIdCheck

EXIT_OK, EXIT_BLOCKED = 0, 1
_MAINLAND = "中国大陆"
NameReader = Callable[[argparse.Namespace], PassportName]
_KINDS = {
    "debit": ("debit card", "借记卡"),
    "credit": ("credit card", "信用卡"),
    "semi_credit": ("semi-credit card", "准贷记卡"),
    "prepaid": ("prepaid card", "预付卡"),
    "unknown": ("card of unknown kind", "卡种未知"),
}


def add_preflight_command(
    commands: Any,  # argparse's _SubParsersAction, private in typeshed's eyes
    common: argparse.ArgumentParser,
    add_name_arguments: Callable[[argparse.ArgumentParser], None],
    read_name: NameReader,
) -> None:
    """Add ``preflight`` to the command line, reading the name as the other commands do."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "preflight",
        parents=[common],
        allow_abbrev=False,
        help="check the name, card, phone and ID before linking a card",
        description="Check everything linking a card needs, before trying: the name to type at the card's "
        "bank, the card number, the mobile number the bank holds, and the ID (a whole --mrz zone, or "
        "--resident-id). Exit 0 when nothing blocks, 1 when something does.",
        epilog="Example: wxpay-names preflight --surname Zhang --given San --card 6222 0200 0000 0000 000 "
        "--phone +86 138 0013 8000. The card number is printed masked (first 6 and last 4 digits).",
    )
    add_name_arguments(parser)
    parser.add_argument(
        "--bank", action="append", metavar="BANK", help="the card's bank, one (default: found from --card)"
    )
    # nargs="+": a number typed in groups without quotes is read whole, never left over as a name
    # (which an error message would then repeat).
    parser.add_argument("--card", nargs="+", metavar="DIGITS", help="the card number (groups may be spaced)")
    parser.add_argument("--phone", nargs="+", metavar="NUMBER", help="the mobile number the bank holds")
    parser.add_argument(
        "--resident-id", metavar="NUMBER", help="the Foreign Permanent Resident ID Card number, as the ID"
    )
    parser.add_argument(
        "--bank-document-number", metavar="NUMBER", help="the document number the bank registered"
    )
    parser.add_argument(
        "--today",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the day to check expiry against (default: today)",
    )
    parser.set_defaults(handler=lambda options: run_preflight(options, read_name))


def run_preflight(options: argparse.Namespace, read_name: NameReader) -> int:
    """Run ``preflight`` with the parsed *options*; print the result; return the exit code."""
    # Imported when the command runs: cli.py imports this module, and other commands need none of it.
    from .binding.preflight import check_binding

    bank = (
        None
        if options.bank is None
        else one_bank(
            "preflight", options.bank, UsageError, " (leave --bank out to find the bank from --card)"
        )
    )
    zone = None
    if options.mrz:
        zone = read_stdin() if options.mrz == ["-"] else "\n".join(options.mrz)
        options.mrz = [zone]
        if options.resident_id is not None:
            raise UsageError("wxpay-names preflight: give one ID: a whole --mrz zone or --resident-id.")
    document = _whole_zone(zone)
    # A whole zone is the document, and its name is the document's (read from it, or said
    # unreadable with the document); a name field or an upper line alone is the name only.
    named = any(
        (
            options.surname is not None,
            options.given is not None,
            options.mrz and document is None,
            options.chinese,
            options.text,
        )
    )
    # A name that cannot be read is a NAME_UNREADABLE problem beside the others, as the
    # library's preflight and /v1/preflight say it (exit 1); giving it two ways is a usage error.
    try:
        result = check_binding(
            (lambda: _read_as_the_cli_says(read_name, options)) if named else None,
            bank=bank,
            card=" ".join(options.card) if options.card else None,
            phone=" ".join(options.phone) if options.phone else None,
            document=document,
            today=options.today,
            bank_document_number=options.bank_document_number,
            registry=registry_of(options),  # --banks-file: the bank and the card's issuer are found there
            resident_id_number=options.resident_id,  # whatever it holds, said as a resident ID
        )
    except InvalidArgumentError:  # its one: a bank document number with no document to compare
        raise UsageError(
            "wxpay-names preflight: --bank-document-number is compared with the document's number: "
            "give a whole --mrz zone or --resident-id too."
        ) from None
    if options.json:
        write_json(result.model_dump(mode="json"))
    else:
        write_text("\n".join(preflight_lines(result, options.lang)))
    return EXIT_OK if result.ok else EXIT_BLOCKED


def _read_as_the_cli_says(read_name: NameReader, options: argparse.Namespace) -> PassportName:
    """The name, or its refusal with the library's Python advice put as options (``--chinese``)."""
    try:
        return read_name(options)
    except NameFormatError as error:
        raise reworded_error(error, "options") from None


def _whole_zone(zone: str | None) -> str | None:
    """The zone as the document when it is whole; a name field or upper line alone gives the name only.

    Whole means the shape of a whole zone (its lower line holds the dates), read or not: a
    whole zone with a field that cannot be read (a sex letter misread as ``E``, which no check
    digit covers; a wrong check digit) is the document, refused as DOCUMENT_UNREADABLE, never
    dropped in silence.
    """
    if zone is None:
        return None
    from .inputs.mrz import has_whole_zone_shape

    return zone if has_whole_zone_shape(zone) else None


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} is not a date written YYYY-MM-DD") from None


def preflight_lines(result: BindingCheck, lang: Lang) -> list[str]:
    """What ``preflight`` prints: the name to type, what was checked, the problems, the verdict."""
    from .binding.wording import blocks

    lines: list[str] = []
    if result.bank is not None and result.name_to_type is not None:
        lines.append(
            pick(
                lang,
                f"Name to type at {bank_name(result.bank, lang)}: ",
                f"在{bank_name(result.bank, lang)}应输入的姓名：",
            )
            + result.name_to_type
        )
        if over_limit(result.bank, result.name_to_type):
            where = pick(
                lang, "the forms to try next include the shortened ones.", "下面要试的写法包括截短的写法。"
            )
            lines.append(limit_line(result.bank, result.name_to_type, lang, where))
        if result.next_tries:
            tries = [candidate.text for candidate in result.next_tries[:5]]
            lines.append(
                pick(lang, "If it is refused, try in order: ", "如果绑卡失败，请依次试试：")
                + pick(lang, ", ", "、").join(tries)
            )
    for line in (
        _card_line(result.card, lang),
        _phone_line(result.phone, lang),
        _document_line(result.document, lang),
        _resident_id_line(result.resident_id, lang),
    ):
        if line:
            lines.append(line)
    blocking = [problem for problem in result.problems if blocks(problem.code)]
    warnings = [problem for problem in result.problems if not blocks(problem.code)]
    for title, found in (
        (pick(lang, "Blocks linking:", "会导致绑卡失败："), blocking),
        (pick(lang, "Warnings:", "提醒："), warnings),
    ):
        if found:
            lines += ["", title]
            lines += [f"- [{p.code.value}] {pick(lang, p.message_en, p.message_zh)}" for p in found]
    if lines:
        lines.append("")
    given = (result.bank, result.card, result.phone, result.document, result.resident_id)
    if result.ok and all(part is None for part in given):
        # A name alone: nothing was checked, and "OK" would say it was.
        lines.append(
            pick(
                lang,
                "Nothing to check but the name: give --card or --bank for the name to type at the "
                "card's bank, and --phone, --mrz or --resident-id to check them.",
                "除姓名外没有可检查的内容：请用 --card 或 --bank 给出银行卡或银行，以得到在该行应输入的姓名；"
                "也可以用 --phone、--mrz 或 --resident-id 检查手机号和证件。",
            )
        )
    elif result.ok:
        lines.append(
            pick(lang, "OK: nothing found blocks linking the card.", "检查完毕：未发现会导致绑卡失败的问题。")
        )
    else:
        count = len(blocking)
        lines.append(
            pick(
                lang,
                f"BLOCKED: {count} problem{'s' if count > 1 else ''} to fix before linking the card.",
                f"暂不能绑卡：有 {count} 个问题需要先解决。",
            )
        )
    return lines


def _card_line(card: CardInfo | None, lang: Lang) -> str:
    if card is None:
        return ""
    if card.luhn_valid is None:
        return pick(lang, "Card: not a card number", "银行卡：不是有效的卡号")
    label = pick(lang, "Card ", "银行卡 ") + card.masked
    if card.bank is not None:
        issuer = bank_name(card.bank, lang)
    elif card.issuer_code is not None:
        issuer = pick(
            lang,
            f"{card.issuer_name_zh} ({card.issuer_code}), not in the bank list",
            f"{card.issuer_name_zh}（不在银行列表中）",
        )
    else:
        return label
    kind = pick(lang, *_KINDS[card.kind])
    return label + pick(lang, f": {issuer}, {kind}", f"：{issuer}，{kind}")


def _phone_line(phone: PhoneCheck | None, lang: Lang) -> str:
    if phone is None or phone.e164 is None:
        return ""
    from .binding.phone import MAINLAND, NON_GEOGRAPHIC  # the CLI starts without binding

    if phone.mainland_mobile:
        where = pick(lang, "mainland China mobile", f"{_MAINLAND}手机号")
    elif phone.region == MAINLAND:  # a landline or service number in mainland China
        where = pick(lang, "mainland China landline or service number", f"{_MAINLAND}固定电话或服务号码")
    elif phone.region == NON_GEOGRAPHIC:  # numbers of no country (+800, +881)
        where = pick(lang, "an international number of no country", "不属于任何国家或地区的国际号码")
    else:
        where = pick(lang, f"outside mainland China ({phone.region})", f"{_MAINLAND}以外（{phone.region}）")
    carrier = pick(lang, phone.carrier_en or "", phone.carrier_zh or "")
    described = pick(lang, ", ", "，").join(part for part in (where, carrier) if part)
    return pick(lang, f"Phone {phone.e164}: {described}", f"电话号码 {phone.e164}：{described}")


def _document_line(document: DocumentCheck | None, lang: Lang) -> str:
    if document is None or document.document is None:
        return ""
    found = document.document
    # ICAO 9303: the document code's first letter says the kind (P passport, V visa; A, C, I
    # other travel and identity documents).
    kind = _DOCUMENT_KINDS.get(found.document_code[:1], ("Document", "证件"))
    said = pick(
        lang,
        f"{kind[0]} ({found.document_code}) of {found.issuing_state}",
        f"{kind[1]}（{found.document_code}，签发国 {found.issuing_state}）",
    )
    if found.expiry_date is None or document.days_left is None:
        return said
    when = found.expiry_date.isoformat()
    if document.days_left < 0:
        state = pick(lang, f"expired on {when}", f"已于 {when} 过期")
    else:
        state = pick(
            lang,
            f"expires on {when}, in {document.days_left} days",
            f"有效期至 {when}，还有 {document.days_left} 天",
        )
    return said + pick(lang, ": ", "：") + state


_DOCUMENT_KINDS = {"P": ("Passport", "护照"), "V": ("Visa", "签证")}


def _resident_id_line(resident_id: ResidentIdCheck | None, lang: Lang) -> str:
    if resident_id is None:
        return ""
    formats = {
        "2023": ("the 18-digit number of 2023", "2023 年起的 18 位号码"),
        "old": ("the older 15-character number", "旧版 15 位号码"),
        "unknown": ("not a number of this card", "号码格式不对"),
    }
    return pick(lang, "Permanent resident ID: ", "永久居留身份证：") + pick(
        lang, *formats[resident_id.format]
    )
