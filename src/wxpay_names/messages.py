"""Every sentence the library says to a person, in English and in Simplified Chinese.

The name-diagnosis and the candidates never write a user-facing sentence themselves: they
pick a wording here by its key and fill the ``{placeholders}``. (The front ends, the CLI's
renderers and ``learn``, an unknown bank's closest names in ``registry`` and the learned
ranking's notes word their own few sentences, next to the code that knows their values.)
A placeholder's value is either one ``str`` (a name, a number: the same in both languages)
or a :class:`Wording` (a phrase, itself from this module), whose English half goes into the
English sentence and Chinese half into the Chinese one. A test checks that every
``ProblemCode`` and every ``ErrorCode`` has both.

>>> way = phrase("way_given_first", given=PHRASES["given_name_one"])
>>> problem(ProblemCode.ORDER_SWAPPED, "reported", bank=Wording("Bank of China", "中国银行"),
...         expected="SAN ZHANG", way=way).message_en
'Bank of China writes the given name first: type SAN ZHANG'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, NamedTuple, get_args

from .cleaning import MAX_INPUT_LENGTH
from .errors import ErrorCode, NameFormatError
from .models import (
    Case,
    Evidence,
    Order,
    Pattern,
    Problem,
    ProblemCode,
    Separator,
    SpellingKind,
    assemble,
    weakest,
)

Lang = Literal["en", "zh"]


class Wording(NamedTuple):
    """One sentence or phrase, in English and in Simplified Chinese."""

    en: str
    zh: str


# A statement about how a bank writes names, worded by how sure the bank file is of it
# (the row's evidence): a wrong convention stated as fact locks a person out of their money.
# {way} is a phrase "way_..." of PHRASES.
_CONVENTION: dict[str, Wording] = {
    "reported": Wording("{bank} writes {way}: type {expected}", "{bank}{way}：请输入 {expected}"),
    "inferred": Wording(
        "{bank} most likely writes {way}: type {expected}", "{bank}很可能{way}：请输入 {expected}"
    ),
    "unknown": Wording(
        "No source says how {bank} writes names; the commonest convention is {way}: try {expected} first",
        "暂无资料说明{bank}如何记录姓名；最常见的写法是{way}：请先试试 {expected}",
    ),
}

# Letter case: WeChat's real-name step asks for the name "exactly as listed on your ID document
# (including capitalization and punctuation)" (flanders-china.be, Feb 2023; grade B), so the
# sentence says so beside the bank's convention.
_CASE: dict[str, Wording] = {
    evidence: Wording(
        wording.en.replace(
            ": t", ", and WeChat asks for the name as the document writes it, capitals included: t"
        ),
        wording.zh.replace("：请", "，微信也要求按证件上的写法填写姓名，包括大小写：请"),
    )
    for evidence, wording in _CONVENTION.items()
}

# Every wording of every problem: code -> variant -> sentence. Each sentence ends by
# naming the fix ("type ZHANG SAN"). A statement of a bank's convention has one variant per
# evidence value ("reported", "inferred", "unknown").
PROBLEMS: dict[ProblemCode, dict[str, Wording]] = {
    ProblemCode.ORDER_SWAPPED: dict(_CONVENTION),
    ProblemCode.MISSING_SPACE: dict(_CONVENTION),
    ProblemCode.EXTRA_SPACE: {
        "default": Wording(
            "Remove the space {places}: type {expected}",
            "{places}有多余的空格：请输入 {expected}",
        ),
        **_CONVENTION,
    },
    ProblemCode.CASE_DIFFERS: dict(_CASE),
    ProblemCode.DIACRITICS: {
        "typed": Wording(
            "A bank record holds only the letters A to Z, not {letters}: type {expected}",
            "银行预留姓名只用 A 到 Z 的字母，不含 {letters} 这类带变音符号的字母：请输入 {expected}",
        ),
        "other_spelling": Wording(
            "The passport's machine-readable line writes {pairs}: type {expected}",
            "护照机读区把 {pairs}：请输入 {expected}",
        ),
        # A letter ICAO's table writes more than one way, the issuing State choosing (Ü: UE,
        # UXX or U): the bottom line of the passport decides, not the library's first value.
        "state_chooses": Wording(
            "ICAO's table writes {pairs}, and lets the issuing State write {choices} instead: type "
            "the name as your passport's machine-readable line (its bottom lines) prints it; in "
            "ICAO's first spelling that is {expected}",
            "国际民航组织（ICAO）的转写表把 {pairs}，也允许签发国把 {choices}：请按护照机读区（底部几行）"
            "印的拼写输入；按 ICAO 的首选拼法应为 {expected}",
        ),
    },
    ProblemCode.PUNCTUATION: {
        "default": Wording(
            "The name the bank most likely holds has only letters and spaces; remove {characters}: "
            "type {expected}",
            "银行预留姓名很可能只有字母和空格，没有{characters}：请输入 {expected}",
        ),
        # The passport's own hyphens or apostrophes: a form a bank may hold (name_forms.py).
        "passport_prints": Wording(
            "The passport prints {characters} in the name, but the name the bank most likely holds "
            "has only letters and spaces: if the bank shows {characters}, type it as the passport "
            "prints it; otherwise type {expected}",
            "护照上的姓名印有{characters}，但银行预留姓名很可能只有字母和空格：如果银行显示了{characters}，"
            "请照护照上的写法输入；否则请输入 {expected}",
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
        # The MRZ name field is full and may have cut the last word (ICAO 9303 Part 4 §4.2.3).
        "truncated": Wording(
            "The passport's machine-readable zone is full and ends in {word}, so the name may be cut "
            "there: if the data page prints {typed}, the bank may hold it as typed; otherwise type "
            "{expected}",
            "护照机读区姓名栏已写满，末尾是 {word}，姓名可能在那里被截短：如果资料页上印的是 {typed}，"
            "银行保存的可能就是您输入的写法；否则请输入 {expected}",
        ),
        "unexplained": Wording(
            "The name differs from what {bank} most likely holds: type {expected}",
            "输入的姓名与{bank}最可能记录的姓名不同：请输入 {expected}",
        ),
        # A spelling the bank may well hold: said as what it is, never as a typo.
        "pinyin_lu": Wording(
            "Passports issued before 2012 wrote ü as U: if yours prints {typed}, the bank most likely "
            "holds {typed}; if it prints {word}, type {expected}",
            "2012 年以前签发的护照把 ü 写作 U：如果您的护照上印的是 {typed}，银行很可能记录的就是 {typed}；"
            "如果印的是 {word}，请输入 {expected}",
        ),
        "pinyin_lv": Wording(
            "{typed} writes ü as V, a keyboard habit; passports write {word} (U before 2012): "
            "type {expected}, unless the bank shows {typed}",
            "{typed} 用 V 代替了 ü，这是键盘输入习惯；护照上写作 {word}（2012 年以前签发的护照用 U）："
            "如果银行显示的就是 {typed}，就照此填写；否则请输入 {expected}",
        ),
        "second_reading": Wording(
            "In {characters} the surname is read {word} or {typed}: use what your passport prints; "
            "if it prints {word}, type {expected}",
            "“{characters}”的姓氏有 {word}、{typed} 两种读音：请以护照上的拼写为准；"
            "如果护照上是 {word}，请输入 {expected}",
        ),
        "given_reading": Wording(
            "{typed} spells the given name of {characters} with another reading of one of its "
            "characters, offered as a guess; the common reading is {word}: use what your passport "
            "prints; if it prints {word}, type {expected}",
            "{typed} 是按“{characters}”名字中某个字的另一种读音拼写的（仅为推测），按常用读音应拼作 {word}："
            "请以护照上的拼写为准；如果护照上是 {word}，请输入 {expected}",
        ),
        "pinyin_syllables": Wording(
            "{typed} is the given name split per syllable, a form offered as a guess; the passport "
            "prints {word}: if the bank shows {typed}, keep it; otherwise type {expected}",
            "{typed} 是把名字按音节分开的写法，暂无资料表明银行会这样记录；护照上印的是 {word}："
            "如果银行显示的是 {typed}，就照此填写；否则请输入 {expected}",
        ),
        "folded": Wording(
            "{typed} drops accents that the passport's machine-readable line spells as {word}: "
            "type {expected}",
            "{typed} 去掉了变音符号，护照机读区写作 {word}：请输入 {expected}",
        ),
        "icao_alternative": Wording(
            "{typed} is ICAO's other spelling of a letter; the passport's machine-readable line most "
            "likely writes {word}: type {expected}",
            "{typed} 是国际民航组织（ICAO）标准中某个字母的另一种拼法；"
            "护照机读区最可能写作 {word}：请输入 {expected}",
        ),
        # Forms a bank may hold (name_forms.py): said as what they are, never as a typo.
        # A compound surname read as a single surname and a given name: the passport decides.
        "surname_split": Wording(
            "In {characters} the surname may be {typed} alone (a guess) rather than the compound {word} "
            "the surname table reads: use what your passport prints; if it prints {word}, type {expected}",
            "“{characters}”的姓可能只是单姓 {typed}（仅为推测），而不是姓氏表读出的复姓 {word}："
            "请以护照上的拼写为准；如果护照上是 {word}，请输入 {expected}",
        ),
        "written_form": Wording(
            "{typed} is a form a bank may hold ({how}); the bank most likely holds {word}: if it shows "
            "{typed}, keep it; otherwise type {expected}",
            "{typed} 是银行可能采用的一种写法：{how}。银行最可能记录的是 {word}：如果银行显示的是 {typed}，"
            "就照此填写；否则请输入 {expected}",
        ),
    },
    ProblemCode.INVISIBLE_CHARACTERS: {
        "default": Wording(
            "The name holds characters you cannot see ({characters}), often picked up by copying "
            "and pasting: retype it by hand as {expected}",
            "姓名中有看不见的字符：{characters}，多半是复制粘贴时带进来的。请手动重新输入 {expected}",
        ),
    },
    ProblemCode.MIXED_SCRIPT: {
        "look_alike": Wording(
            "{characters}: a letter of another alphabet that looks like a Latin one; retype the name "
            "on an English keyboard as {expected}",
            "{characters}与拉丁字母外形相同，但不是拉丁字母：请切换到英文键盘，重新输入 {expected}",
        ),
        "styled": Wording(
            "The name holds styled letters ({characters}) from a font generator or formatted text: "
            "they look like Latin letters but are other characters; type {expected} in plain letters",
            "姓名中有字体生成器或带格式文本产生的花体、粗体等特殊样式字母：{characters}。"
            "它们看起来像拉丁字母，实为其他字符。请用普通字母输入 {expected}",
        ),
        "other_script": Wording(
            "A bank record most likely holds the name in the Latin letters A to Z, not in {script}: "
            "type {expected}",
            "银行预留姓名很可能只用拉丁字母 A 到 Z，不用{script}：请输入 {expected}",
        ),
    },
    ProblemCode.FULL_WIDTH: {
        "default": Wording(
            "The name holds full-width characters ({characters}) from a Chinese input method: "
            "switch to half-width (English) input and type {expected}",
            "姓名中有全角字符：{characters}。请把输入法切换到半角（英文）后输入 {expected}",
        ),
    },
    ProblemCode.TOO_LONG: {
        "typed": Wording(
            "{bank}'s name field is thought to hold {limit} characters ({how_sure}) and this name has "
            "{length}: the bank may hold it cut short; try {shortened}",
            "{bank}的姓名栏可能最多只能容纳 {limit} 个字符（{how_sure}），而输入的姓名有 {length} 个字符："
            "银行保存的可能是截短后的姓名，请试试 {shortened}",
        ),
        "over_limit": Wording(
            "{bank}'s name field is thought to hold {limit} characters ({how_sure}) and this name has "
            "{length}: type {expected}",
            "{bank}的姓名栏可能最多只能容纳 {limit} 个字符（{how_sure}），而输入的姓名有 {length} 个字符："
            "请输入 {expected}",
        ),
        "shortened": Wording(
            "This is the name cut to fit {bank}'s name field, thought to hold {limit} characters "
            "({how_sure}); the whole name is likelier: type {expected}",
            "这是按{bank}姓名栏的长度（可能最多 {limit} 个字符，{how_sure}）截短的姓名；"
            "银行保存完整姓名的可能性更大：请输入 {expected}",
        ),
        "cut": Wording(
            "This is the name cut short: {bank}'s name field is thought to hold {limit} characters "
            "({how_sure}) and the whole name has {length}. The bank may hold it cut: try {shortened}, "
            "or the whole name {expected}",
            "这是截短的姓名：{bank}的姓名栏可能最多只能容纳 {limit} 个字符（{how_sure}），而完整姓名有 "
            "{length} 个字符。银行保存的可能就是截短的姓名：请试试 {shortened}，或输入完整姓名 {expected}",
        ),
    },
}

# Phrases the sentences above are built from.
PHRASES: dict[str, Wording] = {
    "surname": Wording("the surname {word}", "姓氏 {word}"),
    "given_name": Wording("the given name {word}", "名字 {word}"),
    "surname_words": Wording("the surname words {words}", "姓氏中的 {words}"),
    "given_names": Wording("the given names {words}", "名字 {words}"),
    "way_surname_first": Wording("the surname first", "先写姓、后写名"),
    "way_given_first": Wording("the {given} first", "先写名、后写姓"),
    "way_passport_order": Wording("the names in the passport's order", "按护照上的顺序书写姓名的各个部分"),
    "way_space": Wording("a space {places}", "在 {places}加空格"),
    "way_no_space": Wording("no space {places}", "在 {places}不加空格"),
    # The bank's row and a stray space of the typed text (at the start or end, doubled): one
    # EXTRA_SPACE, whose sentence keeps the two apart (the stray space is no rule of the bank).
    "way_no_space_and_extra": Wording(
        "no space {places}; remove the space {extra} too", "在 {places}不加空格；{extra}也有多余的空格"
    ),
    "way_case": Wording("the name in {case}", "用{case}书写姓名"),
    "given_name_one": Wording("given name", "名"),
    "given_name_many": Wording("given names", "名"),
    "space_between": Wording("between {left} and {right}", "{left} 和 {right} 之间"),
    "space_inside": Wording("inside {word}", "{word} 中间"),
    "space_start": Wording("at the start", "姓名开头"),
    "space_end": Wording("at the end", "姓名末尾"),
    "space_doubled": Wording("doubled after {word}", "{word} 后面"),
    "case_upper": Wording("capital letters", "全部大写字母"),
    "case_title": Wording("title case (a capital, then small letters)", "首字母大写、其余小写的形式"),
    "spelled_as": Wording("{letter} as {spelling}", "{letter} 写作 {spelling}"),
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
    "character_at": Wording("{character} at position {position}", "第 {position} 位的{character}"),
    "character_in": Wording("{character} in {word}", "{word} 中的{character}"),
    "or": Wording("{first} or {second}", "{first} 或 {second}"),
    "or_separator": Wording(" or ", " 或 "),
    "respelled": Wording("{typed} for {word} ({how})", "{typed} 是 {word} 的另一种写法（{how}）"),
    "list_separator": Wording(", ", "、"),
    "correction_separator": Wording("; ", "；"),
    "script_CYRILLIC": Wording("Cyrillic letters", "西里尔字母"),
    "script_GREEK": Wording("Greek letters", "希腊字母"),
    "script_CJK": Wording("Chinese characters", "汉字"),
    "script_other": Wording("another script", "其他文字"),
}


class EvidenceWording(NamedTuple):
    """How one evidence value of the bank file is said."""

    label: Wording  # a table cell
    how_sure: Wording  # inside a sentence, in parentheses
    in_note: Wording  # at the end of a candidate's note on the bank's row
    footnote: Wording | None  # under a table that shows it
    meaning: Wording  # what the label means, in the legend of the bank list


# Strongest first: the order compatible_banks lists banks in.
EVIDENCE: dict[Evidence, EvidenceWording] = {
    "reported": EvidenceWording(
        Wording("reported", "有资料可查"),
        Wording("reported", "有资料可查"),
        Wording("reported", "有资料可查"),
        None,
        Wording("a public source says so", "有公开资料说明"),
    ),
    "inferred": EvidenceWording(
        Wording("inferred", "推断"),
        Wording("inferred from reports", "根据公开资料推断"),
        Wording("inferred from reports", "根据公开资料推断"),
        Wording(
            "inferred: reasoned from reports, not stated by the bank.",
            "推断：根据公开资料推断，并非银行公布。",
        ),
        Wording("reasoned from reports", "根据公开资料推断，非银行公布"),
    ),
    "unknown": EvidenceWording(
        Wording("unknown", "暂无资料"),
        Wording("a guess, no source", "暂无资料，仅为推测"),
        Wording("unknown: no source, the commonest convention", "暂无资料：按最常见的写法"),
        Wording(
            "unknown: no public source says how the bank writes a foreigner's name; the line holds "
            "the commonest convention. Run with --all to see the other likely forms.",
            "暂无资料：没有公开资料说明该银行如何记录外国人姓名，此处按最常见的写法给出；"
            "加 --all 可查看其他可能的写法。",
        ),
        Wording("no source, the commonest convention", "按最常见的写法推测"),
    ),
}
assert tuple(EVIDENCE) == get_args(Evidence)  # every value worded, strongest first


def evidence_legend() -> Wording:
    """What each evidence label means: ``reported = a public source says so; …``."""
    en = "; ".join([f"{each.label.en} = {each.meaning.en}" for each in EVIDENCE.values()])
    zh = "；".join([f"{each.label.zh} = {each.meaning.zh}" for each in EVIDENCE.values()])
    return Wording(en, zh)


# A short wording of every error, for people; the exception's own message (English) says more.
ERRORS: dict[ErrorCode, Wording] = {
    ErrorCode.INVALID_NAME: Wording(
        "The name cannot be used: type the name printed in the passport.",
        "无法使用该姓名：请输入护照上印的姓名。",
    ),
    ErrorCode.EMPTY_NAME: Wording(
        "The name is empty or has no letters: type the name printed in the passport.",
        "姓名为空或没有字母：请输入护照上印的姓名。",
    ),
    ErrorCode.INVALID_CHARACTER: Wording(
        "The name holds a digit, symbol, emoji, control character or styled letter: "
        "type only its plain letters.",
        "姓名中有数字、符号、表情符号、控制字符或特殊样式的字母：请只输入姓名中的普通字母。",
    ),
    ErrorCode.INVISIBLE_CHARACTERS: Wording(
        "The name holds characters you cannot see: retype it by hand.",
        "姓名中有看不见的字符：请手动重新输入。",
    ),
    ErrorCode.BIDI_CONTROL: Wording(
        "The name holds a control character that changes the direction text is shown in, so what "
        "you see is not what it says: retype the name by hand.",
        "姓名中有改变文字显示方向的控制字符，您看到的与实际内容不一致：请手动重新输入姓名。",
    ),
    ErrorCode.MIXED_SCRIPT: Wording(
        "The name mixes letters of different alphabets: type the Latin name printed in the passport.",
        "姓名中混用了不同文字的字母：请输入护照上印的拉丁字母姓名。",
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
        "A name joined by a middle dot (·) is a transliterated foreign or ethnic-minority name: "
        "type the Latin name printed in the passport.",
        "用间隔号（·）连接的是外国人或少数民族姓名的音译，不能按汉语拼音转写：请输入护照上印的拉丁字母姓名。",
    ),
    ErrorCode.NO_PINYIN_READING: Wording(
        "A character of the Chinese name has no known Hanyu Pinyin reading: type the Latin name "
        "printed in the passport.",
        "中文姓名中有的字查不到汉语拼音读音：请输入护照上印的拉丁字母姓名。",
    ),
    ErrorCode.AMBIGUOUS_NAME: Wording(
        "Cannot tell the surname from the given names: write it as 'SURNAME, Given Names'.",
        "无法分辨姓和名：请先写姓，再加英文逗号和名（如 ZHANG, San）。",
    ),
    ErrorCode.MRZ_FORMAT: Wording(
        "The passport's machine-readable zone cannot be read: copy its lines again.",
        "无法读取护照机读区：请重新完整输入机读区的每一行。",
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
        "银行数据文件中有格式错误的行：文件名、行号和列见英文详情。",
    ),
    ErrorCode.INVALID_REQUEST: Wording(
        "The request's fields cannot be used: give only the fields it takes, each of the right type.",
        "请求中的字段无法使用：请只提供所需的字段，并确保每个字段的类型正确。",
    ),
    ErrorCode.INVALID_ARGUMENT: Wording(
        "An argument is not of a type the call takes: pass text (str).",
        "参数类型不对：请传入文本（str）。",
    ),
    ErrorCode.OBSERVATIONS_DATA: Wording(
        "The observations file or outcome log cannot be used: the message names the file and line.",
        "观察数据文件或结果日志无法使用：文件名和行号见英文详情。",
    ),
}


# The command line's errors about files, in Chinese: the lead of the line, the English message
# (which names the file, line, column or the system's reason) following as its details.
FILE_ERRORS_ZH: dict[str, str] = {
    "batch_unreadable": "无法读取输入文件：请检查文件名和读取权限。",
    "batch_empty": "输入文件是空的：第一行必须是列名。",
    "batch_no_name_column": "表头中没有姓名列：第一行必须是列名，其中至少要有 surname 和 given_names、mrz、"
    "chinese 或 name 之一。",
    "batch_duplicate_column": "表头中有一列出现了两次：请删除或重命名重复的列。",
    "batch_not_csv": "无法按 CSV 格式读取输入文件：请检查双引号是否成对。",
    "batch_open_quote": "输入文件中有一个双引号没有闭合，其后各行会被读成一个单元格：请补上或删除该引号。",
    "output_folder": "无法写入输出：-o 指定的是文件夹，请指定一个文件。",
    "output_no_folder": "无法写入输出：输出文件所在的文件夹不存在。",
    "output_denied": "无法写入输出：没有写入该文件的权限。",
    "output_failed": "无法写入输出：可能是磁盘已满、文件超出大小限制或没有写入权限。",
}

# A bank file that is no file of rows at all: the general BANK_DATA sentence ("a malformed
# row") would say something else than the English.
BANK_FILE_ZH: dict[str, str] = {
    "unreadable": "无法读取银行数据文件：请检查文件名和读取权限。",
    "empty": "银行数据文件是空的：第一行必须是列名，之后每家银行一行。",
    "no_rows": "银行数据文件只有表头，没有银行：请每家银行写一行。",
}

# A name read from standard input (``format -``, ``--mrz -``) that cannot be one.
STDIN_ZH: dict[str, str] = {
    "not_utf8": "标准输入不是 UTF-8 编码的文本（字节 0x{byte}）：请以 UTF-8 编码输入姓名。",
    "too_long": "标准输入超过 {limit} 个字符，远超姓名或护照机读区的长度：姓名最多接受 {most} 个字符。",
}

# ``serve`` refused an address before starting: the English names the address and the reason.
SERVE_ZH: dict[str, str] = {
    "unresolvable": "无法解析 --host 指定的主机名：请指定本机的地址，如 127.0.0.1。",
    "in_use": "端口已被占用：请用 --port 换一个端口。",
    "denied": "没有使用该端口的权限：请用 --port 指定大于 1023 的端口，或以有权限的身份运行。",
    "cannot_bind": "无法在该地址上监听：请用 --host 指定本机的地址。",
}

# Why ``learn`` (or an observations file) cannot use a row; never quoting a cell.
LOG_ROWS: dict[str, Wording] = {
    "short": Wording(
        "the row has {cells} cells; the header names at least {width}",
        "该行有 {cells} 个单元格，但表头至少有 {width} 列",
    ),
    "bank": Wording("the bank cell is not a bank code", "bank 单元格不是银行代码"),
    "pattern": Wording(
        "the {fields} cell does not hold a value of the Pattern's field",
        "{fields} 单元格的值不是 Pattern 中该字段的有效值",
    ),
    "counts": Wording(
        "the accepted and refused cells must be whole numbers, 0 or more",
        "accepted 和 refused 单元格必须是 0 或更大的整数",
    ),
    "accepted": Wording("the accepted cell must be true or false", "accepted 单元格必须是 true 或 false"),
}


def log_row(key: str, **fields: str | Wording) -> Wording:
    """Why a row of an outcome log or observations file cannot be used, in both languages.

    >>> log_row("short", cells="3", width="10").zh
    '该行有 3 个单元格，但表头至少有 10 列'
    """
    return Wording(*_filled(LOG_ROWS[key], fields))


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
    own = getattr(error, "message_zh", None)
    if own:
        return str(own)
    # A code added without its wording still gets a sentence; a test checks every code has one.
    return ERRORS.get(error.code, ERRORS[ErrorCode.INVALID_NAME]).zh


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
# The advice of plan_cards (issue 10): how the banks one WeChat account links write the same
# passport name differently. plan.py fills the placeholders; the words live here.

# How a bank writes one dimension of the name, by the value of its banks.csv column.
PLAN_WAYS: dict[str, dict[str, Wording]] = {
    "order": {
        "surname_first": Wording("the surname first", "先写姓、后写名"),
        "given_first": Wording("the given names first", "先写名、后写姓"),
    },
    "separator": {
        " ": Wording("a space between surname and given names", "在姓和名之间加空格"),
        "": Wording("no space between surname and given names", "在姓和名之间不加空格"),
    },
    "given_separator": {
        " ": Wording("a space between the words of a name part", "把姓或名中的多个词分开写"),
        "": Wording("no space between the words of a name part", "把姓或名中的多个词连在一起写"),
    },
    "case": {
        "upper": Wording("capitals", "全部大写"),
        "title": Wording("title case", "首字母大写"),
    },
}
PLAN: dict[str, Wording] = {
    "order": Wording("Name order differs", "姓名顺序不同"),
    "separator": Wording("Spacing between surname and given names differs", "姓和名之间的空格不同"),
    "given_separator": Wording("Spacing inside the surname or given names differs", "姓或名内部的空格不同"),
    "case": Wording("Letter case differs", "大小写不同"),
    "spelling": Wording("Spelling differs", "拼写不同"),
    "forms": Wording("The likeliest forms differ", "最可能的写法不同"),
    "difference": Wording(
        "{label}: {first} {first_verb} {first_way} ({first_text}); {other} {other_verb} {other_way} "
        "({other_text}). WeChat holds one real name, so no single name is the most likely at {where}.",
        "{label}：{first}{first_verb}{first_way}（{first_text}），{other}{other_verb}{other_way}（{other_text}）。"
        "微信账户只能实名认证一个姓名，因此没有一种写法能同时是{where}最可能的写法。",
    ),
    # A difference no column of the rows names (a learned rank 1 in another spelling, dots):
    # the texts themselves.
    "difference_texts": Wording(
        "{label}: {first} {first_verb} {first_text}; {other} {other_verb} {other_text}. WeChat holds "
        "one real name, so no single name is the most likely at {where}.",
        "{label}：{first}{first_verb}写作 {first_text}，{other}{other_verb}写作 {other_text}。"
        "微信账户只能实名认证一个姓名，因此没有一种写法能同时是{where}最可能的写法。",
    ),
    # The verb of a group of banks, by the weakest evidence in it, and by their number.
    "writes_reported_one": Wording("writes", ""),
    "writes_reported_many": Wording("write", ""),
    "writes_likely_one": Wording("most likely writes", "很可能"),
    "writes_likely_many": Wording("most likely write", "很可能"),
    "at_both": Wording("both", "两家银行"),
    "at_all": Wording("all of them", "所有银行"),
    "agreement": Wording(" {banks} agree with each other.", "{banks}的写法彼此一致。"),
    # Other banks of the list whose likeliest form is one side's: a second card there keeps it.
    "also_written": Wording(
        " Other banks whose likeliest form is {text}: {groups}.",
        "其他银行中，最可能的写法同为 {text} 的有{groups}。",
    ),
    "also_group": Wording("{banks} ({label})", "{banks}，依据为“{label}”"),
    "also_separator": Wording("; ", "；"),
    "no_source_one": Wording(
        " No source says how {banks} writes names: its form here is the commonest convention, a guess.",
        "暂无资料说明{banks}如何记录姓名，此处按最常见的写法推测。",
    ),
    "no_source_many": Wording(
        " No source says how {banks} write names: their form here is the commonest convention, a guess.",
        "暂无资料说明{banks}如何记录姓名，此处按最常见的写法推测。",
    ),
    "too_long": Wording(
        "Name length differs: {bank}'s name field may hold only {limit} characters ({how_sure}), so it "
        "may hold the {length}-character name cut short ({shortened}){others}. If a card at {bank} "
        "fails, ask the bank how it stored the name.",
        "姓名长度限制不同：{bank}的姓名栏可能只能容纳 {limit} 个字符（{how_sure}），{length} 个字符的姓名可能"
        "被截短（{shortened}）{others}。如果{bank}的卡绑定失败，请向该行核实银行预留姓名。",
    ),
    "fits": Wording(
        "; {bank}'s field ({limit} characters, {how_sure}) holds it whole ({text})",
        "；{bank}的姓名栏（{limit} 个字符，{how_sure}）可容纳完整姓名（{text}）",
    ),
    "no_limit": Wording("; no limit is known for {banks}", "；{banks}的姓名栏长度限制未知"),
    # After a statement about banks, the ones it is less sure of, grouped by evidence:
    # " (BOCOM and PSBC: a guess, no source)" / "注：交通银行、中国邮政储蓄银行的写法暂无资料，仅为推测。".
    "caveat": Wording(" ({groups})", "注：{groups}。"),
    "caveat_group": Wording("{banks}: {how_sure}", "{banks}的写法{how_sure}"),
    "caveat_separator": Wording("; ", "；"),
}


def plan_bank_list(codes: Sequence[str], names_zh: Sequence[str]) -> Wording:
    """Banks named in a sentence: ``ICBC, CMB and CCB`` / ``中国工商银行、招商银行和中国建设银行``."""
    return Wording(_and_list(codes, ", ", " and "), _and_list(names_zh, "、", "和"))


def words_list(words: Sequence[str]) -> Wording:
    """Words of a name in a sentence: ``VAN and DER`` / ``VAN 和 DER``."""
    return Wording(_and_list(words, ", ", " and "), _and_list(words, "、", " 和 "))


def _and_list(items: Sequence[str], comma: str, conjunction: str) -> str:
    if len(items) == 1:
        return items[0]
    return comma.join(items[:-1]) + conjunction + items[-1]


def plan_verb(evidence: Evidence, plural: bool) -> Wording:
    """How a group of banks "writes": as fact when a source reports it, else "most likely"."""
    sure = "reported" if evidence == "reported" else "likely"
    return PLAN[f"writes_{sure}_{'many' if plural else 'one'}"]


def plan_text(key: str, **fields: str | Wording) -> Wording:
    """A sentence or phrase of :data:`PLAN` filled in, in both languages."""
    return Wording(*_filled(PLAN[key], fields))


def evidence_caveat(banks_by_evidence: Sequence[tuple[Wording, Evidence]]) -> Wording:
    """What a statement about banks rests on, for those without a source, one group per evidence.

    Empty when every bank's convention is reported.

    >>> bocom, psbc = Wording("BOCOM", "交通银行"), Wording("PSBC", "中国邮政储蓄银行")
    >>> caveat = evidence_caveat([(bocom, "unknown"), (psbc, "unknown")])
    >>> caveat.en
    ' (BOCOM and PSBC: a guess, no source)'
    >>> print(caveat.zh)
    注：交通银行、中国邮政储蓄银行的写法暂无资料，仅为推测。
    """
    grouped: dict[Evidence, list[Wording]] = {}
    for banks, evidence in banks_by_evidence:
        if evidence != "reported":
            grouped.setdefault(evidence, []).append(banks)
    if not grouped:
        return Wording("", "")
    groups = [
        plan_text(
            "caveat_group",
            banks=Wording(
                _and_list([each.en for each in grouped[evidence]], ", ", " and "),
                "、".join([each.zh for each in grouped[evidence]]),
            ),
            how_sure=EVIDENCE[evidence].how_sure,
        )
        for evidence in EVIDENCE  # strongest first
        if evidence in grouped
    ]
    glue = PLAN["caveat_separator"]
    joined = Wording(glue.en.join([each.en for each in groups]), glue.zh.join([each.zh for each in groups]))
    return plan_text("caveat", groups=joined)


# Candidate notes
# Why each candidate is listed. ``Candidate.note`` holds the English (candidate_plans.py builds it
# once per plan, from candidate_note); the command line shows the Chinese from the same call,
# so the two cannot drift apart.

# A bank row as the notes need it: code, order, separator, given_separator, case, evidence,
# max_length, max_length_evidence, case_evidence (the plan cache's key in candidate_plans.py).
BankRow = tuple[str, Order, Separator, Separator, Case, Evidence, int | None, Evidence, Evidence]

NOTES: dict[str, Wording] = {
    "row": Wording(
        "{code} convention: {order}, {spacing}, {case} ({sure}).",
        "{code} 的写法：{order}，{spacing}，{case}（{sure}）。",
    ),
    # The letter case said apart when the bank file is less sure of it than of the rest.
    "row_case_apart": Wording(
        "{code} convention: {order}, {spacing} ({sure}); {case} ({case_sure}).",
        "{code} 的写法：{order}，{spacing}（{sure}）；{case}（{case_sure}）。",
    ),
    "row_surname_first": Wording("surname first", "先姓后名"),
    "row_given_first": Wording("given names first", "先名后姓"),
    "row_space": Wording("one space between surname and given names", "姓和名之间有一个空格"),
    "row_none": Wording("no space between surname and given names", "姓和名之间没有空格"),
    "short_space": Wording("one space", "中间有空格"),
    "short_none": Wording("no space", "中间没有空格"),
    # Between several given names (and the words of a surname): the bank list's line.
    "given_space": Wording("a space between several", "名字之间有空格"),
    "given_none": Wording("joined, no space between them", "名字之间没有空格"),
    "upper": Wording("upper case", "全部大写"),
    "title": Wording("title case", "首字母大写"),
    # One deviation from the row each.
    "order_surname_first": Wording("surname first", "先姓后名"),
    "order_given_first": Wording("given names first, surname last", "先名后姓"),
    "case_upper": Wording("upper case", "全部大写"),
    "case_title": Wording(
        "title case, as expat guides write it (Zhang San)", "首字母大写（外籍人士指南中的写法，如 Zhang San）"
    ),
    "spacing_space_space": Wording("a space between every part", "各部分之间都有空格"),
    "spacing_none_none": Wording("no space anywhere", "完全没有空格"),
    "spacing_space_none": Wording(
        "given names joined, one space between surname and given names", "名字连写，姓和名之间有空格"
    ),
    "spacing_none_space": Wording("no space between surname and given names", "姓和名之间没有空格"),
    "first_given": Wording("first given name only", "只写第一个名字"),
    "spelling_pinyin_lu": Wording(
        "ü written U, as PRC passports issued before 2012", "ü 写作 U，与 2012 年以前签发的中国护照相同"
    ),
    "spelling_folded": Wording(
        "accents dropped (Ü → U, Ø → O): ICAO's table lets a State write Ä, Å, Ö and Ü so, not Ø",
        "直接去掉变音符号（Ü → U，Ø → O）：ICAO 转写表允许签发国这样写 Ä、Å、Ö、Ü，Ø 则不允许",
    ),
    "spelling_pinyin_lv": Wording(
        "ü written V, a keyboard habit seen in the wild", "ü 写作 V（键盘输入习惯）"
    ),
    "spelling_second_reading": Wording("the surname's other reading", "多音字姓氏的另一种读音"),
    "spelling_given_reading": Wording(
        "another reading of a character of the given name, offered as a guess",
        "名字中某个字的另一种读音，仅为推测",
    ),
    "spelling_pinyin_syllables": Wording("the given name split per syllable", "名字按音节分开"),
    "spelling_icao_alternative": Wording(
        "ICAO's other spelling of a letter (Ñ → NXX, Ü → UXX)",
        "国际民航组织（ICAO）标准中字母的另一种拼法，如 Ñ → NXX、Ü → UXX",
    ),
    # Alipay accepts dots in a foreign name and its FAQ asks whether a "." is missing from a
    # minority name (grade C); no source says a bank adds one to a Latin name: a guess.
    "dots_middle_dot": Wording(
        "a middle dot (·) between the words instead of spaces, offered as a guess (Alipay accepts "
        "dots in a name, grade C; no source says a bank adds one)",
        "各部分之间用间隔号（·）代替空格，仅为推测；支付宝允许姓名中含有点号（资料等级 C），"
        "但暂无资料表明银行会加点号",
    ),
    "dots_period": Wording(
        "a dot (.) between the words instead of spaces, offered as a guess (Alipay accepts dots in a "
        "name, grade C; no source says a bank adds one)",
        "各部分之间用句点（.）代替空格，仅为推测；支付宝允许姓名中含有点号（资料等级 C），"
        "但暂无资料表明银行会加点号",
    ),
    "spelling_double_surname_spaced": Wording(
        "the two surnames of the double surname spaced (PRC passports join them; GB/T 28039-2011 hyphenates)",
        "双姓的两个姓之间加空格（中国护照连写，GB/T 28039-2011 用连字符）",
    ),
    "spelling_double_surname_hyphenated": Wording(
        "the double surname hyphenated, as GB/T 28039-2011 §5.1 writes it (Zhèng-Lǐ)",
        "双姓的两个姓之间加连字符，即 GB/T 28039-2011 第 5.1 条的写法，如 Zhèng-Lǐ",
    ),
    "spelling_surname_split": Wording(
        "the first character of the compound surname read as the surname alone, a surname of its "
        "own, and the rest as the given name (单于飞: SHAN YUFEI), offered as a guess",
        "把复姓的第一个字当作单姓（它本身也是姓），其余的字当作名字（如单于飞读作 SHAN YUFEI），仅为推测",
    ),
    "spelling_punctuation_kept": Wording(
        "hyphens and apostrophes kept as on the passport's data page (hotel registration copies them, "
        "grade D; payment apps accept hyphens, grade C)",
        "保留护照资料页上的连字符和撇号；酒店登记时会照原样抄录（资料等级 D），"
        "支付软件也接受连字符（资料等级 C）",
    ),
    "spelling_suffix_dropped": Wording(
        "the generational suffix (Jr, III) left out, as ICAO 9303 Part 3 §4.6 leaves it out of most "
        "passports",
        "不写辈分后缀（Jr、III），多数护照按 ICAO 9303 第 3 部分第 4.6 条不印后缀",
    ),
    "spelling_suffix_with_given": Wording(
        "the generational suffix after the given names, where ICAO 9303 Part 3 §4.6 puts one a State prints",
        "辈分后缀写在名字之后，即 ICAO 9303 第 3 部分第 4.6 条对印有后缀的护照的写法",
    ),
    "spelling_suffix_with_surname": Wording(
        "the generational suffix written with the surname, offered as a guess",
        "辈分后缀和姓写在一起（仅为推测）",
    ),
    "spelling_middle_with_surname": Wording(
        "the middle names written with the surname, a reported bank practice (That's Mags, 2021, grade B)",
        "中间名和姓写在一起，有报道称部分银行这样记录（That's Mags，2021 年，资料等级 B）",
    ),
    "spelling_ukrainian": Wording(
        "spelled by Ukraine's national table (resolution No. 55 of 2010), as Ukrainian passports print it",
        "按乌克兰国家转写表（2010 年第 55 号决议）拼写，即乌克兰护照的写法",
    ),
    "spelling_bulgarian": Wording(
        "spelled by Bulgaria's Transliteration Act (2009), as Bulgarian passports print it",
        "按保加利亚《转写法》（2009 年）拼写，即保加利亚护照的写法",
    ),
    "spelling_serbian": Wording(
        "spelled in Serbian Latin, accents dropped, as Serbian passports most likely print it (inferred)",
        "按塞尔维亚拉丁字母拼写并去掉变音符号，塞尔维亚护照很可能这样写（推断）",
    ),
    "spelling_belarusian": Wording(
        "spelled by Belarus's passport table (Ministry of Internal Affairs, 2010), as far as known "
        "(inferred)",
        "按白俄罗斯护照转写规则（内务部 2010 年）拼写，据现有资料推断",
    ),
    "spelling_macedonian": Wording(
        "spelled by ICAO's exceptions for North Macedonia; no official passport table was found (a guess)",
        "按 ICAO 对北马其顿的例外规则拼写；未找到官方护照转写表（仅为推测）",
    ),
    "separator": Wording("; ", "；"),
    "shortened": Wording(
        "shortened to the bank's {limit}-character field ({sure})",
        "按银行 {limit} 个字符的姓名栏截短（{sure}）",
    ),
    "shortened_joined": Wording("{cut}, spaces removed", "{cut}，去掉空格"),
    "over_limit": Wording(
        "{note}; longer than the bank's {limit}-character field ({sure}): the bank may hold a shortened "
        "form, listed next.",
        "{note}；超出银行姓名栏的 {limit} 个字符（{sure}）：银行保存的可能是截短的写法，见后面的候选写法。",
    ),
    "truncated": Wording(
        "{note}; the passport's MRZ name field is full, so the name may be truncated there: compare it "
        "with the name printed on the data page.",
        "{note}；护照机读区姓名栏已写满，姓名可能在那里被截短：请与资料页上印刷的姓名核对。",
    ),
}


def row_note(row: BankRow) -> Wording:
    """The note of rank 1: the bank's convention, and how sure the bank file is of it.

    The letter case has its own evidence column; where it differs from the row's, the note
    says each:

    >>> icbc = ("ICBC", "surname_first", " ", " ", "upper", "reported", 20, "inferred", "inferred")
    >>> print(row_note(icbc).en.replace("; ", ";\\n"))
    ICBC convention: surname first, one space between surname and given names (reported);
    upper case (inferred from reports).
    >>> print(row_note(icbc[:-1] + ("reported",)).en)
    ICBC convention: surname first, one space between surname and given names, upper case (reported).
    """
    code, order, separator, _, case, evidence, _, _, case_evidence = row
    case_sure = weakest(evidence, case_evidence)  # never surer of the case than of the row
    fields: dict[str, str | Wording] = {
        "code": code,
        "order": NOTES[f"row_{order}"],
        "spacing": NOTES["row_space" if separator else "row_none"],
        "case": NOTES[case],
        "sure": EVIDENCE[evidence].in_note,
        "case_sure": EVIDENCE[case_sure].in_note,
    }
    return Wording(*_filled(NOTES["row" if case_sure == evidence else "row_case_apart"], fields))


# A separator as the NOTES keys spell it.
_SPACING_KEYS = {" ": "space", "": "none"}


# The spellings a passport prints by its State's national table (``data/national_tables.csv``).
PASSPORT_SPELLINGS: frozenset[SpellingKind] = frozenset(
    {"ukrainian", "bulgarian", "serbian", "belarusian", "macedonian"}
)


def candidate_note(row: BankRow, pattern: Pattern, *, first: bool = False) -> Wording:
    """Why a candidate of this pattern is listed at a bank of this row: its deviations from the row.

    *first*: the pattern is rank 1's (before any observations), whose note says the bank's
    convention even when the name is spelled by its State's national table.

    >>> from wxpay_names.models import Pattern
    >>> row = ("ICBC", "surname_first", " ", " ", "upper", "reported", 20, "inferred", "inferred")
    >>> swapped = Pattern(order="given_first", separator=" ", given_separator=" ",
    ...                   given_names="all", spelling="icao", case="title")
    >>> print(candidate_note(row, swapped).en)
    given names first, surname last; title case, as expat guides write it (Zhang San)
    """
    _, order, separator, given_separator, case, _, limit, limit_evidence, _ = row
    row_spacing = (separator, given_separator)
    spacing = (pattern.separator, pattern.given_separator)
    if pattern.shortened:
        cut = Wording(
            *_filled(NOTES["shortened"], {"limit": str(limit), "sure": EVIDENCE[limit_evidence].how_sure})
        )
        if spacing != row_spacing:
            return Wording(*_filled(NOTES["shortened_joined"], {"cut": cut}))
        return cut
    parts: list[Wording] = []
    if pattern.order != order:
        parts.append(NOTES[f"order_{pattern.order}"])
    if pattern.case != case:
        parts.append(NOTES[f"case_{pattern.case}"])
    if spacing != row_spacing:
        parts.append(NOTES[f"spacing_{_SPACING_KEYS[spacing[0]]}_{_SPACING_KEYS[spacing[1]]}"])
    if pattern.given_names == "first":
        parts.append(NOTES["first_given"])
    if pattern.spelling != "icao":
        parts.append(spelling_note(pattern.spelling))
    if pattern.dots != "none":
        parts.append(dots_note(pattern.dots))
    if not parts:
        return row_note(row)
    if first and pattern.spelling in PASSPORT_SPELLINGS and len(parts) == 1:
        # Rank 1 in the spelling the passport's State prints: the bank's convention and how sure
        # it is, as every rank 1 says, then the spelling.
        parts.insert(0, _without_stop(row_note(row)))
    glue = NOTES["separator"]
    return Wording(glue.en.join([part.en for part in parts]), glue.zh.join([part.zh for part in parts]))


def _without_stop(wording: Wording) -> Wording:
    return Wording(wording.en.rstrip("."), wording.zh.rstrip("。"))


def dots_note(dots: str) -> Wording:
    """What a dotted form is: ``a middle dot (·) between the words …, offered as a guess …``."""
    return NOTES[f"dots_{dots}"]


def spelling_note(kind: SpellingKind) -> Wording:
    """What a spelling other than the passport's is: ``ü written U, as PRC passports issued before 2012``."""
    return NOTES[f"spelling_{kind}"]


def over_limit_note(note: str, limit: int, sure: Evidence, lang: Lang = "en") -> str:
    """*note* of rank 1, warning that the text is longer than the bank's name field."""
    template = NOTES["over_limit"].en if lang == "en" else NOTES["over_limit"].zh
    how_sure = EVIDENCE[sure].how_sure
    return template.format(
        note=note.rstrip(".。"), limit=limit, sure=how_sure.en if lang == "en" else how_sure.zh
    )


def truncated_note(note: str, lang: Lang = "en") -> str:
    """*note*, saying the name may have been cut in the passport's MRZ (ICAO 9303 Part 4 §4.2.3)."""
    template = NOTES["truncated"].en if lang == "en" else NOTES["truncated"].zh
    return template.format(note=note.rstrip(".。"))


# Characters named in a Chinese sentence: the Chinese name, then the code point in full-width
# parentheses (零宽空格（U+200B）), never the English Unicode name.
CHARACTER_NAMES_ZH: dict[str, str] = {
    "\u200b": "零宽空格",
    "\u200c": "零宽非连接符",
    "\u200d": "零宽连接符",
    "\u2060": "词连接符",
    "\ufeff": "零宽不换行空格",
    "\u00a0": "不换行空格",
    "\u202f": "窄不换行空格",
    "\u3000": "全角空格",
    "\t": "制表符",
    "\u00ad": "软连字符",
    "\u200e": "从左到右标记",
    "\u200f": "从右到左标记",
    "\u202a": "从左到右嵌入符",
    "\u202b": "从右到左嵌入符",
    "\u202c": "方向格式结束符",
    "\u202d": "从左到右覆盖符",
    "\u202e": "从右到左覆盖符",
}
# Punctuation named in a Chinese sentence: 撇号（'）.
_SYMBOLS_ZH = {"'": "撇号", "’": "撇号", "-": "连字符", ",": "逗号", ".": "句点", "·": "间隔号"}
# The scripts of look-alike letters, by the first word of their Unicode name.
_SCRIPTS_ZH = {"CYRILLIC": "西里尔", "GREEK": "希腊", "ARMENIAN": "亚美尼亚", "LATIN": "拉丁"}


def character_zh(char: str, form: str = "name") -> str:
    """How a Chinese sentence names *char*: ``零宽空格（U+200B）``, ``西里尔大写字母 А（U+0410）``.

    >>> character_zh("\u200b"), character_zh("а", "look_alike"), character_zh("#", "quoted")
    ('零宽空格（U+200B）', '西里尔小写字母 а（U+0430）', '符号“#”')
    >>> character_zh("'", "quoted"), character_zh("1", "quoted")
    ("撇号（'）", '数字 1')
    """
    import unicodedata

    code = f"U+{ord(char):04X}"
    if form == "quoted":
        if char.isdigit():
            return f"数字 {char}"
        return f"{_SYMBOLS_ZH[char]}（{char}）" if char in _SYMBOLS_ZH else f"符号“{char}”"
    if form == "look_alike":
        name = unicodedata.name(char, "")
        script = _SCRIPTS_ZH.get(name.split(" ", 1)[0], "其他文字的")
        case = "大写字母" if "CAPITAL" in name else "小写字母" if "SMALL" in name else "字母"
        return f"{script}{case} {char}（{code}）"
    if char in CHARACTER_NAMES_ZH:
        return f"{CHARACTER_NAMES_ZH[char]}（{code}）"
    if char.isprintable() and not char.isspace():
        return f"“{char}”（{code}）"
    return f"不可见字符（{code}）"
