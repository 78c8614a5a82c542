"""What the pre-flight checks say, in English and Simplified Chinese, and how much each problem weighs.

The name-check problems are worded in :mod:`wxpay_names.messages`; these are the problems of
linking a card besides the name. Every sentence says what is wrong, then what to do, and
names its source's grade where the fact comes from a source (``docs/before-linking.md``
lists them: A official, B reputable press or official help page, C several agreeing reports,
D a single report). Card, phone and document numbers never go into a sentence: a message may
be shown, stored or sent to support, and they are personal data.

>>> say(ProblemCode.CARD_LENGTH, length="12").message_zh
'卡号有 12 位数字，而银行卡号是 15 到 19 位：请检查是否漏输或多输了数字。'
"""

from __future__ import annotations

from typing import Literal

from ..messages import Wording
from ..models import Problem, ProblemCode, assemble

Weight = Literal["blocks", "warns"]

# Every pre-flight code, most blocking first: the order BindingCheck lists problems in.
# "blocks": linking is refused, or cannot be tried, until it is fixed. "warns": worth knowing,
# but no source says it makes the link fail.
WEIGHTS: dict[ProblemCode, Weight] = {
    # The seed guide: WeChat Pay refuses an expired ID, and the ID must be the one the bank holds.
    ProblemCode.DOCUMENT_EXPIRED: "blocks",
    ProblemCode.DOCUMENT_NUMBER_CHANGED: "blocks",
    ProblemCode.NAME_UNREADABLE: "blocks",
    ProblemCode.BANK_UNKNOWN: "blocks",
    ProblemCode.CARD_BANK_DIFFERS: "blocks",
    ProblemCode.CARD_NOT_A_NUMBER: "blocks",
    ProblemCode.CARD_LENGTH: "blocks",
    ProblemCode.PHONE_NOT_A_NUMBER: "blocks",
    ProblemCode.PHONE_NOT_MOBILE: "blocks",
    ProblemCode.DOCUMENT_UNREADABLE: "blocks",
    ProblemCode.RESIDENT_ID_FORMAT: "blocks",
    ProblemCode.RESIDENT_ID_CHECK_DIGIT: "blocks",
    ProblemCode.DOCUMENT_EXPIRING: "warns",
    ProblemCode.DOCUMENT_NAME_DIFFERS: "warns",
    ProblemCode.NAME_POSSIBLY_TRUNCATED: "warns",
    ProblemCode.PHONE_OUTSIDE_MAINLAND: "warns",
    ProblemCode.CARD_LUHN: "warns",
    ProblemCode.CARD_LENGTH_UNEXPECTED: "warns",
    ProblemCode.CARD_ISSUER_UNKNOWN: "warns",
    ProblemCode.CARD_BANK_NOT_LISTED: "warns",
    ProblemCode.BANK_CONVENTION_UNKNOWN: "warns",
    ProblemCode.RESIDENT_ID_OLD_FORMAT: "warns",
    ProblemCode.PHONE_VIRTUAL_OPERATOR: "warns",
    ProblemCode.PHONE_SATELLITE: "warns",
}
_ORDER = {code: index for index, code in enumerate(WEIGHTS)}


def blocks(code: ProblemCode) -> bool:
    """Whether a problem of *code* stops the card from being linked (the name problems never do here).

    >>> blocks(ProblemCode.DOCUMENT_EXPIRED), blocks(ProblemCode.CARD_LUHN)
    (True, False)
    """
    return WEIGHTS.get(code) == "blocks"


def most_blocking_first(problems: list[Problem]) -> tuple[Problem, ...]:
    """*problems* in the order of :data:`WEIGHTS`, keeping the given order among equal codes."""
    return tuple(sorted(problems, key=lambda found: _ORDER.get(found.code, len(_ORDER))))


_MIAN = "中国大陆"

WORDING: dict[ProblemCode, dict[str, Wording]] = {
    # {reason} and {reason_zh}: the refusal's own message (English) and its Chinese wording.
    ProblemCode.NAME_UNREADABLE: {
        "default": Wording("{reason}", "{reason_zh}"),
        "missing": Wording(
            "No passport name was given: give the name, or a whole machine-readable zone that holds it.",
            "未提供护照姓名：请输入姓名，或粘贴含有姓名的完整护照机读区。",
        ),
    },
    ProblemCode.BANK_UNKNOWN: {
        "default": Wording("{reason}", "{reason_zh}"),
    },
    ProblemCode.BANK_CONVENTION_UNKNOWN: {
        "default": Wording(
            "No source says how {bank} writes names: {text} follows the commonest convention, a guess; "
            "if it is refused, try the next forms in order.",
            "暂无资料说明{bank}如何记录姓名：{text} 是按最常见的写法推测的；"
            "如果绑卡失败，请依次试试后面的写法。",
        ),
    },
    ProblemCode.CARD_NOT_A_NUMBER: {
        "default": Wording(
            "The card number holds characters other than digits: a bank card number is only digits; "
            "copy it from the card again.",
            "卡号中有数字以外的字符：银行卡号只由数字组成，请对照卡片重新输入。",
        ),
        "empty": Wording(
            "The card number is empty: type the number on the card.", "卡号为空：请输入卡片上的卡号。"
        ),
    },
    ProblemCode.CARD_LENGTH: {
        "default": Wording(
            "The card number has {length} digits, and bank card numbers have 15 to 19: check for a "
            "missing or extra digit.",
            "卡号有 {length} 位数字，而银行卡号是 15 到 19 位：请检查是否漏输或多输了数字。",
        ),
        "too_long": Wording(
            "The card number is over {limit} characters long, and bank card numbers have 15 to 19 "
            "digits: copy it from the card again.",
            "卡号超过 {limit} 个字符，而银行卡号是 15 到 19 位：请对照卡片重新输入。",
        ),
    },
    ProblemCode.CARD_LENGTH_UNEXPECTED: {
        "default": Wording(
            "{issuer} cards with this prefix have {expected} digits in the card data, and this number "
            "has {length}: check it against the card.",
            "根据银行卡数据，{issuer}以这个前缀开头的卡号是 {expected} 位，而您输入的卡号有 {length} 位："
            "请对照卡片核对卡号。",
        ),
    },
    ProblemCode.CARD_LUHN: {
        "default": Wording(
            "The card number fails the Luhn check digit: check it against the card. Some UnionPay cards "
            "fail this check and still work (grade B), so it is only a warning.",
            "卡号未通过 Luhn 校验：请对照卡片核对卡号。有些银联卡虽然通不过这项校验，但仍可正常使用"
            "（资料等级 B），所以这只是提醒。",
        ),
    },
    ProblemCode.CARD_ISSUER_UNKNOWN: {
        "default": Wording(
            "The card data has no bank for this card number's prefix: choose the bank yourself.",
            "银行卡数据中查不到这个卡号前缀的发卡银行：请自行选择银行。",
        ),
        "shared": Wording(
            "Banks share this card number's prefix and are told apart by the number's length ({banks}); "
            "none has {length}-digit cards: check the number, or choose the bank yourself.",
            "几家银行共用这个卡号前缀，以卡号长度区分（{banks}），但没有一家的卡号是 {length} 位："
            "请核对卡号，或自行选择银行。",
        ),
    },
    ProblemCode.CARD_BANK_NOT_LISTED: {
        "default": Wording(
            "{issuer} issued this card; no source says how it writes names and it is not in the bank "
            "list, so the name to type cannot be given. The commonest convention is the surname first, "
            "one space, in capitals.",
            "这张卡由{issuer}发行；暂无资料说明该行如何记录姓名，银行列表中也没有该行，所以无法给出应输入的"
            "姓名。最常见的写法是先姓后名、姓和名之间加空格、全部大写。",
        ),
    },
    ProblemCode.CARD_BANK_DIFFERS: {
        "default": Wording(
            "The card number belongs to {card_bank}, not {bank}: check which card you are linking. The "
            "name to type is given for {bank}.",
            "这个卡号属于{card_bank}，不是{bank}：请确认要绑定的是哪张卡。应输入的姓名是按{bank}给出的。",
        ),
    },
    ProblemCode.PHONE_NOT_A_NUMBER: {
        "default": Wording(
            "This is not a phone number: type the mobile number the bank holds for you, 11 digits "
            "starting with 1, or a number outside mainland China with its country code (+…).",
            "这不是有效的电话号码：请输入您在银行预留的手机号（以 1 开头的 11 位数字）；"
            f"{_MIAN}以外的号码请加国家或地区代码（+…）。",
        ),
        "empty": Wording(
            "The phone number is empty: type the mobile number the bank holds for you.",
            "手机号为空：请输入您在银行预留的手机号。",
        ),
        # Letters are never read as keypad digits (O for 6): a letter O is most often a mistyped 0.
        "letters": Wording(
            "The phone number holds letters, and a mobile number is only digits (a letter O is not "
            "the digit 0): type the number the bank holds for you in digits.",
            "手机号中有字母，而手机号只由数字组成（字母 O 不能代替数字 0）："
            "请用数字重新输入您在银行预留的手机号。",
        ),
    },
    ProblemCode.PHONE_NOT_MOBILE: {
        "default": Wording(
            "This is a landline or service number, not a mobile number: a card is linked with the mobile "
            "number the bank holds for you (grade B). Type that number.",
            "这是固定电话或服务号码，不是手机号。绑卡时须填写您在银行预留的手机号（资料等级 B）："
            "请输入该手机号。",
        ),
    },
    ProblemCode.PHONE_OUTSIDE_MAINLAND: {
        "default": Wording(
            "The number's country or region is {region}, outside mainland China. Every account-opening "
            "source found asks for a mobile number in China (grade B), and none says a bank holds a "
            "foreign one: check which number your bank holds.",
            f"这个号码属于{{region}}，不是{_MIAN}的号码。"
            f"我们查到的开户资料都要求提供{_MIAN}的手机号（资料等级 B），"
            "没有资料说明银行可以预留境外号码：请确认您在银行预留的是哪个号码。",
        ),
        "no_country": Wording(
            "This is an international number of no country (+800, +881 and the like), not a number in "
            "mainland China. Every account-opening source found asks for a mobile number in China "
            "(grade B), and none says a bank holds another: check which number your bank holds.",
            f"这是不属于任何国家或地区的国际号码（如以 +800、+881 开头的号码），不是{_MIAN}的号码。"
            f"我们查到的开户资料都要求提供{_MIAN}的手机号（资料等级 B），"
            "没有资料说明银行可以预留其他号码：请确认您在银行预留的是哪个号码。",
        ),
    },
    ProblemCode.PHONE_VIRTUAL_OPERATOR: {
        "default": Wording(
            "Numbers starting {prefix} are for resold service (virtual operators) in MIIT's allocation "
            "(grade A); no source says how banks treat them.",
            "按工业和信息化部的号段分配（资料等级 A），{prefix} 号段用于移动通信转售业务（虚拟运营商）；"
            "暂无资料说明银行如何对待这类号码。",
        ),
    },
    ProblemCode.PHONE_SATELLITE: {
        "default": Wording(
            "Numbers starting {prefix} are for satellite mobile service in MIIT's allocation (grade A); "
            "no source says how banks treat them.",
            "按工业和信息化部的号段分配（资料等级 A），{prefix} 号段用于卫星移动通信业务；"
            "暂无资料说明银行如何对待这类号码。",
        ),
    },
    ProblemCode.DOCUMENT_UNREADABLE: {
        # The reader's own refusal already says it is the machine-readable zone that failed.
        "default": Wording("{reason}", "{reason_zh}"),
    },
    ProblemCode.DOCUMENT_EXPIRED: {
        "default": Wording(
            "The document expired on {date}, and WeChat Pay does not accept an expired ID: renew it, "
            "update the bank with the new one, then WeChat.",
            "证件已于 {date} 过期，微信支付不接受过期的证件："
            "请先换领新证件，再到银行更新证件信息，最后在微信中更新。",
        ),
    },
    ProblemCode.DOCUMENT_EXPIRING: {
        "default": Wording(
            "The document expires on {date}, in {days} days: once it has expired WeChat Pay will not "
            "accept it. Renew it in time, and plan to update the bank, then WeChat, with the new one.",
            "证件将于 {date} 到期（还有 {days} 天），过期后微信支付将不再接受：请及时换领，"
            "换领后先到银行、再在微信中更新证件信息。",
        ),
    },
    ProblemCode.DOCUMENT_NUMBER_CHANGED: {
        "default": Wording(
            "The document number differs from the one the bank holds: the bank must register the new "
            "passport. Reports suggest doing it before WeChat (grade D): take the new and old passports "
            "and the card to the bank (ICBC has asked for an embassy letter saying both are the same "
            "person: grade C), then update the ID in WeChat Pay.",
            "证件号码与银行登记的不同：需要在银行登记新护照。"
            "有报告建议先在银行办理、再更新微信（资料等级 D）：请带上新旧护照和银行卡到银行办理"
            "（多份报告称中国工商银行曾要求提供使馆出具的新旧护照属于同一人的证明，资料等级 C），"
            "然后在微信支付中更新证件信息。",
        ),
        "resident_id": Wording(
            "The ID number differs from the one the bank holds. Since 1 December 2023 a Foreign "
            "Permanent Resident ID Card carries an 18-digit number in place of the old 15-character one "
            "(grade B). No source was found on how banks take the new number; our suggestion, not a "
            "source's: ask the bank to update the number it holds to the one on your card, then update "
            "the ID in WeChat Pay.",
            "证件号码与银行登记的不同。自 2023 年 12 月 1 日起，外国人永久居留身份证使用 18 位号码，"
            "取代原来的 15 位号码（资料等级 B）。暂无资料说明银行如何登记新号码；以下仅为本工具的建议，"
            "并无资料依据：请到银行把登记的证件号码更新为新证上的号码，然后在微信支付中更新证件信息。",
        ),
    },
    ProblemCode.DOCUMENT_NAME_DIFFERS: {
        "default": Wording(
            "The document's own name gives {document_text} at {bank}, not {text}: the bank registered the "
            "name from the document, so check the name against it.",
            "按证件上印的姓名，{bank}最可能记录的是 {document_text}，而不是 {text}：银行是按证件登记姓名的，"
            "请对照证件核对姓名。",
        ),
    },
    # ICAO 9303 Part 4 §4.2.3 (grade B, read from a conversion): a name longer than the zone's
    # name field is cut to fit, so a field filled to its last position may hold a cut name.
    ProblemCode.NAME_POSSIBLY_TRUNCATED: {
        "default": Wording(
            "The name field of the passport's machine-readable zone is full, so the name read from it "
            "({name}) may be cut short (ICAO Doc 9303, grade B): compare it with the name printed on the "
            "data page, and if the page prints more, give the name as printed there.",
            "护照机读区的姓名栏已写满，从中读出的姓名 {name} 可能被截短"
            "（国际民航组织 Doc 9303，资料等级 B）：请与护照资料页上印的姓名核对；"
            "如果资料页上的姓名更长，请按资料页填写。",
        ),
    },
    ProblemCode.RESIDENT_ID_FORMAT: {
        "default": Wording(
            "This is not a Foreign Permanent Resident ID Card number: since December 2023 it has 18 "
            "characters (17 digits and a check digit or X), on older cards 15 (3 letters and 12 digits). "
            "Check it against the card.",
            "这不是外国人永久居留身份证号码："
            "2023 年 12 月起为 18 位（17 位数字加一位校验码，校验码可能是 X），"
            "旧证为 15 位（3 个字母加 12 位数字）。请对照证件核对。",
        ),
        "citizen": Wording(
            "An 18-digit number starting {first} has the layout of a Chinese citizen's ID number; a "
            "Foreign Permanent Resident ID Card number starts with 9 (grade B/C). Check it against the "
            "card.",
            "以 {first} 开头的 18 位号码是中国公民身份号码的格式；"
            "外国人永久居留身份证号码以 9 开头（资料等级 B/C）。请对照证件核对。",
        ),
        "first_digit": Wording(
            "A Foreign Permanent Resident ID Card number starts with 9 (grade B/C), and this one starts "
            "with {first}: check it against the card.",
            "外国人永久居留身份证号码以 9 开头（资料等级 B/C），这个号码却以 {first} 开头：请对照证件核对。",
        ),
        "birth_date": Wording(
            "Digits 7 to 14 of the number are not a date of birth (year, month, day): check it against "
            "the card.",
            "号码的第 7 到 14 位不是有效的出生日期（年月日）：请对照证件核对。",
        ),
    },
    ProblemCode.RESIDENT_ID_CHECK_DIGIT: {
        "default": Wording(
            "The last character is {found}, but the first 17 digits give {expected} (MOD 11-2, as in a "
            "citizen ID number): a character was mistyped. Check it against the card.",
            "最后一位是 {found}，但按前 17 位计算应为 {expected}（与公民身份号码相同的 MOD 11-2 校验）："
            "有字符输错了，请对照证件核对。",
        ),
    },
    ProblemCode.RESIDENT_ID_OLD_FORMAT: {
        "default": Wording(
            "This is the 15-character number of cards issued before 1 December 2023 (grade B); no "
            "published check for it was found, so it was not verified. Cards issued since carry a new "
            "18-digit number: if you hold one, give that number.",
            "这是 2023 年 12 月 1 日以前签发的旧证的 15 位号码（资料等级 B）；未找到公开的旧号码校验规则，"
            "因此未作校验。此后签发的新证使用 18 位号码：如果您持有新证，请填写新号码。",
        ),
    },
}


def say(code: ProblemCode, variant: str = "default", **fields: str | Wording) -> Problem:
    """The ``Problem`` for a pre-flight *code*, its sentence picked by *variant* and filled with *fields*.

    A ``Wording`` field gives its English half to the English sentence and its Chinese half to
    the Chinese one; a ``str`` is the same in both.
    """
    wording = WORDING[code][variant]
    english = {key: value.en if isinstance(value, Wording) else value for key, value in fields.items()}
    chinese = {key: value.zh if isinstance(value, Wording) else value for key, value in fields.items()}
    return assemble(
        Problem,
        {
            "code": code,
            "message_en": wording.en.format_map(english),
            "message_zh": wording.zh.format_map(chinese),
        },
    )
