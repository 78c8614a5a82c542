"""Every sentence the library says to a person, in English and in Simplified Chinese.

Code never writes a user-facing sentence itself: it picks a wording here by its key and
fills the ``{placeholders}``. A placeholder's value is either one ``str`` (a name, a
number: the same in both languages) or a :class:`Wording` (a phrase, itself from this
module), whose English half goes into the English sentence and Chinese half into the
Chinese one. A test checks that every ``ProblemCode`` and every ``ErrorCode`` has both.

>>> problem(ProblemCode.ORDER_SWAPPED, "given_first", bank=Wording("Bank of China", "中国银行"),
...         expected="SAN ZHANG", given=PHRASES["given_name_one"]).message_en
'Bank of China writes the given name first: type SAN ZHANG'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NamedTuple

from .cleaning import MAX_INPUT_LENGTH
from .errors import ErrorCode, NameFormatError
from .models import Problem, ProblemCode, assemble

Lang = Literal["en", "zh"]


class Wording(NamedTuple):
    """One sentence or phrase, in English and in Simplified Chinese."""

    en: str
    zh: str


# Every wording of every problem: code -> variant -> sentence. Each sentence ends by
# naming the fix ("type ZHANG SAN").
PROBLEMS: dict[ProblemCode, dict[str, Wording]] = {
    ProblemCode.ORDER_SWAPPED: {
        "surname_first": Wording(
            "{bank} writes the surname first: type {expected}",
            "{bank}先写姓、后写名：请输入 {expected}",
        ),
        "given_first": Wording(
            "{bank} writes the {given} first: type {expected}",
            "{bank}先写名、后写姓：请输入 {expected}",
        ),
        "passport_order": Wording(
            "{bank} writes the names in the passport's order: type {expected}",
            "{bank}按护照上的顺序书写各部分姓名：请输入 {expected}",
        ),
    },
    ProblemCode.MISSING_SPACE: {
        "default": Wording(
            "{bank} puts a space {places}: type {expected}",
            "{places}应有空格（{bank}的写法）：请输入 {expected}",
        ),
    },
    ProblemCode.EXTRA_SPACE: {
        "default": Wording(
            "Remove the space {places}: type {expected}",
            "{places}多了空格：请输入 {expected}",
        ),
    },
    ProblemCode.CASE_DIFFERS: {
        "default": Wording(
            "{bank} most likely holds the name in {case}: type {expected}",
            "{bank}很可能以{case}记录姓名：请输入 {expected}",
        ),
    },
    ProblemCode.DIACRITICS: {
        "typed": Wording(
            "A bank record holds only the letters A to Z, not {letters}: type {expected}",
            "银行记录只有字母 A 到 Z，没有 {letters} 这样带变音符号的字母：请输入 {expected}",
        ),
        "other_spelling": Wording(
            "The passport's machine-readable line writes {pairs}: type {expected}",
            "护照机读区把{pairs}：请输入 {expected}",
        ),
    },
    ProblemCode.PUNCTUATION: {
        "default": Wording(
            "The name the bank most likely holds has only letters and spaces; remove {characters}: "
            "type {expected}",
            "银行记录的姓名很可能只有字母和空格，请删除 {characters}：请输入 {expected}",
        ),
    },
    ProblemCode.MISSING_NAME_PART: {
        "default": Wording(
            "Missing {parts}: type {expected}",
            "缺少{parts}：请输入 {expected}",
        ),
    },
    ProblemCode.EXTRA_NAME_PART: {
        "default": Wording(
            "The passport name has no {words}: type {expected}",
            "护照上的姓名中没有 {words}：请输入 {expected}",
        ),
    },
    ProblemCode.SPELLING: {
        "default": Wording(
            "{corrections}: type {expected}",
            "{corrections}：请输入 {expected}",
        ),
        "unexplained": Wording(
            "The name differs from what {bank} most likely holds: type {expected}",
            "与{bank}最可能记录的姓名不同：请输入 {expected}",
        ),
    },
    ProblemCode.INVISIBLE_CHARACTERS: {
        "default": Wording(
            "The name holds characters you cannot see ({characters}), often picked up by copying "
            "and pasting: retype it by hand as {expected}",
            "姓名中有看不见的字符（{characters}），多半是复制粘贴时带进来的：请手动重新输入 {expected}",
        ),
    },
    ProblemCode.MIXED_SCRIPT: {
        "look_alike": Wording(
            "{characters}: a letter of another alphabet that looks like a Latin one; retype the name "
            "on an English keyboard as {expected}",
            "{characters}：这是外形像拉丁字母的其他文字字母，请用英文键盘重新输入 {expected}",
        ),
        "other_script": Wording(
            "A bank record holds the name in the Latin letters A to Z, not in {script}: type {expected}",
            "银行以拉丁字母 A 到 Z 记录姓名，而不是{script}：请输入 {expected}",
        ),
    },
    ProblemCode.FULL_WIDTH: {
        "default": Wording(
            "The name holds full-width characters ({characters}) from a Chinese input method: "
            "switch to half-width (English) input and type {expected}",
            "姓名中有全角字符（{characters}）：请把输入法切换到半角（英文）后输入 {expected}",
        ),
    },
    ProblemCode.TOO_LONG: {
        "typed": Wording(
            "{bank}'s name field is thought to hold {limit} characters ({how_sure}) and this name has "
            "{length}: the bank may hold it cut short; try {shortened}",
            "{bank}的姓名栏据信最多容纳 {limit} 个字符（{how_sure}），而此姓名有 {length} 个字符："
            "银行可能保存的是截短的姓名，请试试 {shortened}",
        ),
        "over_limit": Wording(
            "{bank}'s name field is thought to hold {limit} characters ({how_sure}) and this name has "
            "{length}: type {expected}",
            "{bank}的姓名栏据信最多容纳 {limit} 个字符（{how_sure}），而此姓名有 {length} 个字符："
            "请输入 {expected}",
        ),
        "shortened": Wording(
            "This is the name cut to fit {bank}'s name field, thought to hold {limit} characters "
            "({how_sure}); the whole name is likelier: type {expected}",
            "这是为适应{bank}的姓名栏（据信最多 {limit} 个字符，{how_sure}）而截短的姓名；"
            "完整姓名的可能性更大：请输入 {expected}",
        ),
    },
}

# Phrases the sentences above are built from.
PHRASES: dict[str, Wording] = {
    "surname": Wording("the surname {word}", "姓 {word}"),
    "given_name": Wording("the given name {word}", "名 {word}"),
    "given_name_one": Wording("given name", "名"),
    "given_name_many": Wording("given names", "名"),
    "space_between": Wording("between {left} and {right}", "{left} 和 {right} 之间"),
    "space_inside": Wording("inside {word}", "{word} 中间"),
    "space_start": Wording("at the start", "开头"),
    "space_end": Wording("at the end", "末尾"),
    "space_doubled": Wording("doubled after {word}", "{word} 后面"),
    "case_upper": Wording("capital letters", "大写字母"),
    "case_title": Wording("title case (a capital, then small letters)", "首字母大写、其余小写的形式"),
    "spelled_as": Wording("{letter} as {spelling}", " {letter} 写作 {spelling}"),
    "correction": Wording("{typed} should be {word} ({where})", "{typed} 应为 {word}（{where}）"),
    "letter_wrong": Wording(
        "letter {position} is {wanted}, not {typed}", "第 {position} 个字母应为 {wanted}，不是 {typed}"
    ),
    "letter_missing": Wording(
        "letter {position}, {wanted}, is missing", "漏掉了第 {position} 个字母 {wanted}"
    ),
    "letter_extra": Wording(
        "letter {position}, {typed}, is one too many", "第 {position} 个字母 {typed} 是多余的"
    ),
    "character_at": Wording("{character} at position {position}", "第 {position} 位的 {character}"),
    "character_in": Wording("{character} in {word}", "{word} 中的 {character}"),
    "or": Wording("{first} or {second}", "{first} 或 {second}"),
    "list_separator": Wording(", ", "、"),
    "correction_separator": Wording("; ", "；"),
    "script_CYRILLIC": Wording("Cyrillic letters", "西里尔字母"),
    "script_GREEK": Wording("Greek letters", "希腊字母"),
    "script_CJK": Wording("Chinese characters", "汉字"),
    "script_other": Wording("another script", "其他文字"),
    "evidence_reported": Wording("reported", "有来源报告"),
    "evidence_inferred": Wording("inferred from reports", "根据报告推断"),
    "evidence_unknown": Wording("a guess", "无来源，仅为猜测"),
}

# A short wording of every error, for people; the exception's own message (English) says more.
ERRORS: dict[ErrorCode, Wording] = {
    ErrorCode.INVALID_NAME: Wording(
        "The name cannot be used: type the name printed in the passport.",
        "无法使用该姓名：请输入护照上印的姓名。",
    ),
    ErrorCode.EMPTY_NAME: Wording(
        "The name has no letters: type the name printed in the passport.",
        "姓名中没有字母：请输入护照上印的姓名。",
    ),
    ErrorCode.INVALID_CHARACTER: Wording(
        "The name holds a digit, symbol, emoji or control character: type only its letters.",
        "姓名中有数字、符号、表情或控制字符：请只输入姓名的字母。",
    ),
    ErrorCode.INVISIBLE_CHARACTERS: Wording(
        "The name holds characters you cannot see: retype it by hand.",
        "姓名中有看不见的字符：请手动重新输入。",
    ),
    ErrorCode.MIXED_SCRIPT: Wording(
        "The name mixes letters of different alphabets: retype it on one keyboard.",
        "姓名中混用了不同文字的字母：请用同一种键盘重新输入。",
    ),
    ErrorCode.UNSUPPORTED_SCRIPT: Wording(
        "These letters cannot be written in Latin letters: type the Latin name printed in the passport.",
        "这些字符无法转写为拉丁字母：请输入护照上印的拉丁字母姓名。",
    ),
    ErrorCode.TOO_LONG: Wording(
        f"The text is too long: at most {MAX_INPUT_LENGTH} characters are accepted.",
        f"输入过长：最多接受 {MAX_INPUT_LENGTH} 个字符。",
    ),
    ErrorCode.TRANSLITERATED_FOREIGN_NAME: Wording(
        "A name joined by a middle dot (·) is a transliterated foreign name: type the Latin name "
        "printed in the passport.",
        "用间隔号（·）连接的是外国姓名的音译：请输入护照上印的拉丁字母姓名。",
    ),
    ErrorCode.NO_PINYIN_READING: Wording(
        "A character of the Chinese name has no known Hanyu Pinyin reading: type the Latin name "
        "printed in the passport.",
        "中文姓名中有字符没有已知的汉语拼音读音：请输入护照上印的拉丁字母姓名。",
    ),
    ErrorCode.AMBIGUOUS_NAME: Wording(
        "Cannot tell the surname from the given names: write it as 'SURNAME, Given Names'.",
        "无法分辨姓和名：请写成“姓, 名”的形式（如 ZHANG, San）。",
    ),
    ErrorCode.MRZ_FORMAT: Wording(
        "The passport's machine-readable zone cannot be read: copy its lines again.",
        "无法读取护照机读区：请重新抄录机读区的各行。",
    ),
    ErrorCode.MRZ_CHECK_DIGIT: Wording(
        "A check digit of the machine-readable zone does not match: look for a mistyped character.",
        "护照机读区的校验位不符：请检查是否有字符输错。",
    ),
    ErrorCode.UNKNOWN_BANK: Wording(
        "No bank has that name: use a bank code such as ICBC, or its Chinese name.",
        "找不到该银行：请使用银行代码（如 ICBC）或中文名称。",
    ),
    ErrorCode.NO_BANK: Wording(
        "No bank was given: name at least one bank.",
        "未指定银行：请至少指定一家银行。",
    ),
    ErrorCode.BANK_DATA: Wording(
        "The bank file holds a malformed row: the message names the file, line and column.",
        "银行数据文件中有格式错误的行：英文错误信息给出了文件、行和列。",
    ),
}


def problem(code: ProblemCode, variant: str = "default", **fields: str | Wording) -> Problem:
    """The ``Problem`` for *code*, its sentence picked by *variant* and filled with *fields*."""
    english, chinese = _filled(PROBLEMS[code][variant], fields)
    # The values are already of their fields' types: build without validating again.
    return assemble(Problem, {"code": code, "message_en": english, "message_zh": chinese})


def phrase(key: str, **fields: str | Wording) -> Wording:
    """A phrase of :data:`PHRASES` filled in, still in both languages.

    >>> phrase("space_between", left="ZHANG", right="SAN")
    Wording(en='between ZHANG and SAN', zh='ZHANG 和 SAN 之间')
    """
    # tuple.__new__ skips the named tuple's Python-level __new__: a diagnosis says many phrases.
    return tuple.__new__(Wording, _filled(PHRASES[key], fields))


def join_phrases(items: Iterable[Wording], separator: str = "list_separator") -> Wording:
    """Several phrases as one list: ``a, b`` / ``a、b``."""
    listed = list(items)
    if len(listed) == 1:  # the common case: nothing to join
        return listed[0]
    glue = PHRASES[separator]
    return Wording(glue.en.join([item.en for item in listed]), glue.zh.join([item.zh for item in listed]))


def error_message(error: NameFormatError, lang: Lang = "en") -> str:
    """What to tell a person about *error*: its own (English) message, or the Chinese wording.

    >>> from wxpay_names.errors import UnknownBankError
    >>> error_message(UnknownBankError(), "zh")
    '找不到该银行：请使用银行代码（如 ICBC）或中文名称。'
    """
    if lang == "en":
        return str(error)
    # A code added without its wording still gets a sentence; a test checks every code has one.
    return ERRORS.get(error.code, ERRORS[ErrorCode.INVALID_NAME]).zh


def problem_message(found: Problem, lang: Lang = "en") -> str:
    """The message of *found* in *lang*."""
    return found.message_en if lang == "en" else found.message_zh


def _filled(wording: Wording, fields: dict[str, str | Wording]) -> tuple[str, str]:
    """*wording*'s English and Chinese with *fields* put in: a ``Wording`` gives each its half.

    Most fields are plain text, the same in both languages: then one dict serves both.
    """
    english = chinese = fields
    for key, value in fields.items():
        if isinstance(value, Wording):
            if english is fields:
                english, chinese = dict(fields), dict(fields)
            english[key], chinese[key] = value
    return wording.en.format_map(english), wording.zh.format_map(chinese)


# Card plans
# The advice of plan_cards (issue 10), in English and Simplified Chinese: how the banks one WeChat
# account links write the same passport name differently. plan.py fills the placeholders; the
# words live here. No imports: this section must work wherever it sits in the module.

# How a bank writes one dimension of the name, by the value of its banks.csv column.
PLAN_WAYS: dict[str, dict[str, tuple[str, str]]] = {
    "order": {
        "surname_first": ("the surname first", "先写姓、后写名"),
        "given_first": ("the given names first", "先写名、后写姓"),
    },
    "separator": {
        " ": ("a space between surname and given names", "姓和名之间有空格"),
        "": ("no space between surname and given names", "姓和名之间没有空格"),
    },
    "given_separator": {
        " ": ("a space between the words of a name part", "多个名字（或多字的姓）之间有空格"),
        "": ("no space between the words of a name part", "多个名字（或多字的姓）之间没有空格"),
    },
    "case": {
        "upper": ("capitals", "全部大写"),
        "title": ("title case", "首字母大写"),
    },
}
PLAN_LABELS: dict[str, tuple[str, str]] = {
    "order": ("Name order differs", "姓名顺序不同"),
    "separator": ("Spacing differs", "空格不同"),
    "given_separator": ("Spacing differs", "空格不同"),
    "case": ("Letter case differs", "大小写不同"),
    "spelling": ("Spelling differs", "拼写不同"),
}
PLAN_EVIDENCE: dict[str, tuple[str, str]] = {
    "reported": ("reported", "有来源报告"),
    "inferred": ("inferred from reports", "根据报告推断"),
    "unknown": ("a guess", "无来源，仅为猜测"),
}


def plan_bank_list(codes: tuple[str, ...], names_zh: tuple[str, ...]) -> tuple[str, str]:
    """Banks named in a sentence: ``ICBC, CMB and CCB`` / ``中国工商银行、招商银行和中国建设银行``."""

    def join(items: tuple[str, ...], comma: str, conjunction: str) -> str:
        return items[0] if len(items) == 1 else comma.join(items[:-1]) + conjunction + items[-1]

    return join(codes, ", ", " and "), join(names_zh, "、", "和")


def plan_difference(
    dimension: str,
    first: tuple[str, str],
    first_value: str,
    first_text: str,
    other: tuple[str, str],
    other_value: str,
    other_text: str,
    *,
    first_plural: bool,
    other_plural: bool,
) -> tuple[str, str]:
    """One way two groups of banks differ, e.g. ICBC writes the surname first, BOC the given names."""
    label_en, label_zh = PLAN_LABELS[dimension]
    first_way, first_way_zh = PLAN_WAYS.get(dimension, {}).get(first_value, ("", ""))
    other_way, other_way_zh = PLAN_WAYS.get(dimension, {}).get(other_value, ("", ""))
    first_verb = "write" if first_plural else "writes"
    other_verb = "write" if other_plural else "writes"
    english = (
        f"{label_en}: {first[0]} {first_verb} {first_way} ({first_text}); "
        f"{other[0]} {other_verb} {other_way} ({other_text}). "
        "WeChat holds one real name, so no single name is the most likely at both."
    ).replace("  (", " (")
    chinese = (
        f"{label_zh}：{first[1]}{first_way_zh}（{first_text}），{other[1]}{other_way_zh}（{other_text}）。"
        "微信只保存一个实名，没有一个写法同时是两边最可能的写法。"
    )
    return english, chinese


def plan_agreement(group: tuple[str, str]) -> tuple[str, str]:
    """Banks of one group write the whole name the same way."""
    return f" {group[0]} agree with each other.", f"{group[1]}的写法彼此一致。"


def plan_too_long(
    bank: tuple[str, str],
    limit: int,
    evidence: str,
    text: str,
    short_text: str,
    others: tuple[str, str],
    *,
    others_plural: bool,
) -> tuple[str, str]:
    """A bank whose name field may cut the name while the other banks keep it whole."""
    sure_en, sure_zh = PLAN_EVIDENCE.get(evidence, PLAN_EVIDENCE["unknown"])
    verb = "keep" if others_plural else "keeps"
    english = (
        f"Name length differs: {bank[0]}'s name field may hold only {limit} characters ({sure_en}), "
        f"so it may hold the {len(text)}-character name cut short ({short_text}), while {others[0]} "
        f"{verb} it whole ({text}). If a card at {bank[0]} fails, ask the bank how it stored the name."
    )
    chinese = (
        f"姓名长度不同：{bank[1]}的姓名栏可能只能容纳{limit}个字符（{sure_zh}），"
        f"{len(text)}个字符的姓名可能被截短（{short_text}），而{others[1]}保存完整姓名（{text}）。"
        f"如果{bank[1]}的卡绑定失败，请向银行询问姓名的登记方式。"
    )
    return english, chinese
