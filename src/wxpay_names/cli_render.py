"""What the command line prints for a person, in English or Simplified Chinese.

Every function returns lines; ``cli.py`` prints them. Columns are aligned by display
width, so the Chinese bank names (two columns per character) line up too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from . import messages
from .errors import NameFormatError, UnknownBankError
from .front_wording import Lang, NameWays, candidate_why, reworded_advice
from .messages import EVIDENCE, NOTES, Wording
from .models import Bank, Candidate, CardPlan, Evidence, NameCheck, PassportName, weakest
from .plan import form_evidence

_SOURCES: dict[str, tuple[str, str]] = {
    "fields": ("from --surname/--given", "来自 --surname/--given"),
    "text": ("read from the text", "从文本读取"),
    "mrz": ("read from the machine-readable zone", "从护照机读区读取"),
    "chinese": ("spelled from the Chinese characters", "由汉字转写"),
}
# The verdict for people: what the status means, not its code (the code is in --json).
_VERDICTS: dict[str, tuple[str, str]] = {
    "match": (
        'Matches: "{entered}" is what {bank} most likely holds.',
        "一致：“{entered}”正是{bank}最可能记录的姓名。",
    ),
    "plausible": (
        'A form the bank might hold: "{entered}" is form {rank} of the forms {bank} may hold; '
        'the likeliest is "{expected}".',
        "可能一致：“{entered}”在{bank}可能记录的写法中排第 {rank} 位；最可能的是 {expected}。",
    ),
    "mismatch": (
        'Does not match: "{entered}" is none of the forms {bank} is likely to hold; the likeliest is '
        '"{expected}".',
        "不一致：“{entered}”不在{bank}可能记录的写法之中；最可能的是 {expected}。",
    ),
}


def pick(lang: Lang, english: str, chinese: str) -> str:
    return chinese if lang == "zh" else english


def said(wording: Wording, lang: Lang) -> str:
    """A wording of ``messages.py`` in *lang*."""
    return pick(lang, wording.en, wording.zh)


def display_width(text: str) -> int:
    """Terminal columns *text* takes: two for wide (CJK) characters, none for combining marks.

    >>> display_width("ICBC"), display_width("中国银行")
    (4, 8)
    """
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def table(rows: Sequence[Sequence[str]], indent: str = "") -> list[str]:
    """Rows as aligned columns, two spaces apart; the last column is not padded."""
    widths = (
        [max(display_width(row[column]) for row in rows) for column in range(len(rows[0]))] if rows else []
    )
    lines = []
    for row in rows:
        cells = [cell + " " * (width - display_width(cell)) for cell, width in zip(row, widths, strict=True)]
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines


def bank_name(bank: Bank, lang: Lang) -> str:
    return pick(lang, bank.name_en, bank.name_zh)


def evidence_word(evidence: Evidence, lang: Lang) -> str:
    return said(EVIDENCE[evidence].label, lang)


def convention(bank: Bank, lang: Lang, *, with_case: bool = True, several_words: bool = False) -> str:
    """How the bank's row writes a name: ``surname first, one space, upper case (inferred)``.

    The letter case has its own evidence column: said beside it where the bank file is less
    sure of it than of the row, whose evidence the tables show for the rest. So has the space
    between two given names (and two words of the surname), said for a name with
    *several_words*.
    """
    words = [
        said(NOTES[f"row_{bank.order}"], lang),
        said(NOTES["short_space" if bank.separator else "short_none"], lang),
    ]
    if several_words:
        spaced = bool(bank.given_separator)
        within = pick(
            lang,
            "a space between given names" if spaced else "given names joined",
            "名字之间有空格" if spaced else "名字之间没有空格",
        )
        within_sure = weakest(bank.evidence, bank.given_separator_evidence)
        if within_sure != bank.evidence:
            within += pick(lang, " ({})", "（{}）").format(evidence_word(within_sure, lang))
        words.append(within)
    if with_case:
        case = said(NOTES[bank.case], lang)
        case_sure = weakest(bank.evidence, bank.case_evidence)
        if case_sure != bank.evidence:
            case += pick(lang, " ({})", "（{}）").format(evidence_word(case_sure, lang))
        words.append(case)
    return pick(lang, ", ", "，").join(words)


def name_lines(name: PassportName, lang: Lang) -> list[str]:
    """The name as it was read, so a person sees which part was taken for the surname."""
    surname = name.surname or "—"
    given = name.given_names or "—"
    source = pick(lang, *_SOURCES[name.source])
    if lang == "zh":
        line = f"姓：{surname}    名：{given}    （{source}"
        line += f"：{name.chinese}）" if name.chinese else "）"
    else:
        line = f"Surname: {surname}    Given names: {given}    ({source}"
        line += f": {name.chinese})" if name.chinese else ")"
    lines = [line]
    if name.possibly_truncated:
        lines.append(
            pick(
                lang,
                "Warning: the MRZ name field is full, so the name may be cut short; compare it with the "
                "name printed on the passport's data page.",
                "注意：机读区姓名栏已写满，姓名可能被截短；请与护照资料页上印刷的姓名核对。",
            )
        )
    return lines


def format_lines(
    results: Sequence[tuple[Bank, Candidate]], lang: Lang, *, several_words: bool = False
) -> list[str]:
    """The rank-1 text per bank, with the evidence and convention behind it (for a name whose
    parts hold *several_words*, how sure the space between them is)."""
    header = pick(
        lang, "BANK|NAME TO TYPE|EVIDENCE|CONVENTION|BANK NAME", "银行|应输入的姓名|依据|写法|银行名称"
    ).split("|")
    rows = [header] + [
        [
            bank.code,
            # A mark on a text longer than the bank's field; the footnote below says the limit.
            first.text + ("*" if over_limit(bank, first.text) else ""),
            evidence_word(bank.evidence, lang),
            convention(bank, lang, several_words=several_words),
            bank_name(bank, lang),
        ]
        for bank, first in results
    ]
    over = [_limit_footnote(bank, first, lang) for bank, first in results if over_limit(bank, first.text)]
    lines = table(rows)
    if over:
        lines += ["", *over]
    return lines + _evidence_footnotes((bank.evidence for bank, _ in results), lang)


def _limit_footnote(bank: Bank, first: Candidate, lang: Lang) -> str:
    """Why a text is marked: its length, the bank's field, how sure that is, where the cut forms are."""
    where = pick(lang, "--all lists the shortened forms.", "加 --all 可查看截短的写法。")
    return "* " + limit_line(bank, first.text, lang, where)


def limit_line(bank: Bank, text: str, lang: Lang, where: str) -> str:
    """*text* is longer than *bank*'s name field as the bank file has it: its length, the field,
    how sure that is, and *where* the shortened forms are (a sentence)."""
    sure = said(EVIDENCE[bank.max_length_evidence].how_sure, lang)
    return pick(
        lang,
        f"{bank.code}: the name has {len(text)} characters; the bank's name field is thought to "
        f"hold {bank.max_length} ({sure}). The bank may hold it cut short" + (f": {where}" if where else "."),
        f"{bank.code}：该姓名有 {len(text)} 个字符，而该行的姓名栏可能最多只能容纳 {bank.max_length} "
        f"个字符（{sure}）。银行保存的可能是截短后的姓名" + (f"：{where}" if where else "。"),
    )


def over_limit(bank: Bank, text: str) -> bool:
    """Whether *text* is longer than *bank*'s name field as the bank file has it."""
    return bank.max_length is not None and len(text) > bank.max_length


def all_candidates_lines(
    results: Sequence[tuple[Bank, tuple[Candidate, ...]]], lang: Lang, *, several_words: bool = False
) -> list[str]:
    """Every bank's candidates, numbered, each with why it is listed."""
    lines: list[str] = []
    for bank, found in results:
        if lines:
            lines.append("")
        evidence = evidence_word(bank.evidence, lang)
        # In Chinese a colon, not a parenthesis: the convention may hold one itself.
        how = convention(bank, lang, several_words=several_words)
        about = pick(lang, f" ({evidence}; {how})", f"：{evidence}；{how}")
        lines.append(f"{bank.code}  {bank_name(bank, lang)}{about}")
        digits = len(str(len(found)))
        rows = [
            [f"{candidate.rank:>{digits}}.", candidate.text, candidate_why(candidate, bank, lang)]
            for candidate in found
        ]
        lines += table(rows, indent="  ")
    return lines + _evidence_footnotes((bank.evidence for bank, _ in results), lang)


def _evidence_footnotes(evidence: Iterable[Evidence], lang: Lang) -> list[str]:
    present = set(evidence)
    footnotes = [EVIDENCE[kind].footnote for kind in EVIDENCE if kind in present]
    notes = [said(footnote, lang) for footnote in footnotes if footnote]
    notes.append(
        pick(
            lang,
            "Where each bank's convention comes from: run wxpay-names banks.",
            "各银行写法的资料来源：请运行 wxpay-names banks 查看。",
        )
    )
    return ["", *notes]


def check_lines(
    result: NameCheck, bank: Bank, lang: Lang, forms: Sequence[Candidate] | None = None
) -> list[str]:
    """A one-line verdict, then each problem with its code (the next *forms* follow: cli_learn)."""
    template = pick(lang, *_VERDICTS[result.status])
    rank = result.matched.rank if result.matched else 0
    name = bank.code if lang == "en" else bank.name_zh
    verdict = template.format(entered=result.entered, bank=name, rank=rank, expected=result.expected)
    # "most likely" of a bank no source describes is a guess: the verdict says so.
    verdict += said(messages.evidence_caveat([(Wording(bank.code, bank.name_zh), bank.evidence)]), lang)
    problems = [
        f"  - {problem.code}: {pick(lang, problem.message_en, problem.message_zh)}"
        for problem in result.problems
    ]
    if result.status == "match" and over_limit(bank, result.expected):
        # A match with no problem: the cut forms the bank may hold are said all the same.
        # Where the shortened forms are, unless every one was refused already (--refused).
        listed = forms is None or any(form.pattern.shortened for form in forms)
        where = pick(lang, "the forms below include the shortened ones.", "下面列出的写法包括截短的写法。")
        problems.append("  " + limit_line(bank, result.expected, lang, where if listed else ""))
    return [verdict, *problems]


def plan_lines(plan: CardPlan, banks: Sequence[Bank], expected: Sequence[str], lang: Lang) -> list[str]:
    """The name that fits every card, or why none is the likeliest everywhere."""
    codes = ", ".join(plan.banks) if lang == "en" else "、".join(bank.name_zh for bank in banks)
    if plan.compatible and plan.shared:
        text = plan.shared[0].text
        # A bank's rank 1 is a guess where no source reports its convention: the verdict says so.
        unsure = [(messages.plan_bank_list([bank.code], [bank.name_zh]), bank.evidence) for bank in banks]
        caveat = said(messages.evidence_caveat(unsure), lang)
        lines = [
            pick(
                lang,
                f'ONE NAME FITS: type "{text}"; it is the likeliest form at {codes}.{caveat}',
                f"可以使用同一个姓名：请输入 {text}，它在{codes}都是最可能的写法。{caveat}",
            )
        ]
    else:
        lines = [
            pick(
                lang,
                f"NO NAME IS THE LIKELIEST AT EVERY BANK ({codes}).",
                f"没有一种写法在所有银行（{codes}）都是最可能的写法。",
            )
        ]
    lines += ["", pick(lang, "The likeliest form at each bank:", "各银行最可能的写法：")]
    lines += table([[bank.code, text] for bank, text in zip(banks, expected, strict=True)], indent="  ")
    lines.append("")
    if plan.shared:
        lines.append(
            pick(lang, "Names every bank may hold, best first:", "所有银行都可能记录的写法（按可能性排序）：")
        )
        rows = [
            [
                shared.text,
                pick(lang, ", ", "，").join(
                    pick(lang, f"{code} #{rank}", f"{code} 第 {rank} 位")
                    for code, rank in zip(plan.banks, shared.ranks, strict=True)
                ),
            ]
            for shared in plan.shared
        ]
        lines += table(rows, indent="  ")
    else:
        lines.append(
            pick(
                lang,
                "No name is among the likely forms of every bank.",
                "没有一种写法同时出现在所有银行的可能写法中。",
            )
        )
    if plan.advice:
        lines += ["", pick(lang, "Why:", "原因：")]
        lines += [f"  - {pick(lang, problem.message_en, problem.message_zh)}" for problem in plan.advice]
    if not plan.compatible and plan.shared:
        lines += [
            "",
            pick(
                lang,
                "What to do: WeChat keeps one real name, the one your account was verified with. If a "
                "card is linked already, keep its name and try it at the other bank; if not, start from "
                "the first name above. A bank that refuses every one holds another form: ask it how it "
                "wrote your name, letter for letter, or choose the second card at a bank whose likeliest "
                "form is the first card's.",
                "怎么做：微信账户只能实名认证一个姓名，即实名认证时使用的姓名。如果已经绑定了一张卡，请保留该姓名，"
                "再用它绑定另一家银行的卡；如果还没有绑卡，请从上面第一种写法开始试。如果某家银行拒绝了所有写法，"
                "说明它记录的是其他写法：请向该行询问账户上登记的姓名（逐个字母），"
                "或者在最可能写法与第一张卡相同的银行办第二张卡。",
            ),
        ]
    return lines


def agreeing_lines(pairs: Sequence[tuple[Bank, str, Sequence[Bank]]], lang: Lang) -> list[str]:
    """For banks that disagree: the other banks whose likeliest form each one's is, by evidence.

    A second card at one of them keeps one real name in WeChat (``compatible_banks``). Banks
    with no source are counted, not named: their likeliest form is the commonest convention,
    a guess.
    """
    lines = [
        "",
        pick(
            lang,
            "Banks whose likeliest form is one of these (a second card there keeps one name):",
            "与其中一家银行最可能的写法相同的银行（在这些银行办第二张卡，可保持同一个姓名）：",
        ),
    ]
    for bank, text, others in pairs:
        groups = []
        for evidence in ("reported", "inferred"):
            named = [other for other in others if form_evidence(other) == evidence]
            if named:
                label = messages.EVIDENCE[evidence].label
                groups.append(
                    pick(
                        lang,
                        f"{', '.join(other.code for other in named)} ({label.en})",
                        f"{label.zh}：{'、'.join(other.name_zh for other in named)}",
                    )
                )
        guessed = sum(form_evidence(other) == "unknown" for other in others)
        if guessed:
            groups.append(
                pick(lang, f"{guessed} more with no source (a guess)", f"另有 {guessed} 家暂无资料，仅为推测")
            )
        found = pick(lang, "; ", "；").join(groups) or pick(lang, "none", "无")
        lines.append(pick(lang, f"  {bank.code}, {text}: {found}", f"  {bank.name_zh} {text}——{found}"))
    return lines


def banks_lines(banks: Sequence[Bank], lang: Lang) -> list[str]:
    """Every bank with its convention, how sure we are, and where that comes from."""
    legend = messages.evidence_legend()
    lines = [
        pick(
            lang,
            f"{len(banks)} bank{'' if len(banks) == 1 else 's'}. Evidence: {legend.en}.",
            f"共 {len(banks)} 家银行。依据：{legend.zh}。",
        )
    ]
    for bank in banks:
        lines += ["", f"{bank.code}  {bank.name_en} / {bank.name_zh}"]
        rows = [
            [
                pick(lang, "writes", "写法"),
                f"{convention(bank, lang, with_case=False)}{pick(lang, ': ', '：')}{bank.example_output}"
                + _evidence_mark(bank.evidence, lang),
            ],
            [
                pick(lang, "given names", "多个名字"),
                said(NOTES["given_space" if bank.given_separator else "given_none"], lang)
                + _evidence_mark(weakest(bank.evidence, bank.given_separator_evidence), lang),
            ],
            [
                pick(lang, "case", "大小写"),
                (said(NOTES[bank.case], "zh") if lang == "zh" else bank.case)
                + _evidence_mark(bank.case_evidence, lang),
            ],
            [
                pick(lang, "name field", "姓名栏"),
                _length(bank, lang),
            ],
        ]
        if bank.aliases:
            rows.append([pick(lang, "aliases", "别名"), pick(lang, ", ", "、").join(bank.aliases)])
        # The source is a citation, kept as written: in Chinese its label says so.
        rows.append([pick(lang, "source", "来源（原文）"), bank.source])
        if bank.source_url:
            rows.append([pick(lang, "url", "链接"), bank.source_url])
        if bank.verified_on:
            rows.append([pick(lang, "verified", "核实日期"), bank.verified_on.isoformat()])
        note = bank_note(bank, lang)
        if note:
            rows.append([pick(lang, "note", "备注"), note])
        lines += table(rows, indent="  ")
    return lines


def bank_note(bank: Bank, lang: Lang) -> str:
    """The bank's note in *lang*: in Chinese its ``note_zh``, else the English note marked so.

    >>> from wxpay_names import get_bank
    >>> bank_note(get_bank("ICBC"), "zh")[:9]
    '姓名顺序的唯一来源'
    >>> bank_note(get_bank("ICBC").model_copy(update={"note_zh": ""}), "zh")[:29]
    '（英文）Only source for the order'
    """
    if lang == "en" or not bank.note:
        return bank.note
    return bank.note_zh or f"（英文）{bank.note}"


def _evidence_mark(evidence: Evidence, lang: Lang) -> str:
    """The evidence after a fact of the bank list: `` [reported]`` / ``（有资料可查）``, no space before."""
    word = evidence_word(evidence, lang)
    return pick(lang, f" [{word}]", f"（{word}）")


def _length(bank: Bank, lang: Lang) -> str:
    mark = _evidence_mark(bank.max_length_evidence, lang)
    if bank.max_length is None:
        return pick(lang, "length limit unknown", "长度限制未知") + mark
    return pick(lang, f"{bank.max_length} characters", f"{bank.max_length} 个字符") + mark


def error_message(error: NameFormatError, lang: Lang, ways: NameWays = "options") -> str:
    """The error on one line; in Chinese, the wording of its code, then the English details.

    The Chinese wording (``messages.py``) is general; the English message names the character,
    position or known bank codes, so it follows as the details. Advice to call a Python function
    becomes the command line's way to give the name (*ways*: options, or batch columns).

    >>> from wxpay_names.errors import UnknownBankError
    >>> error_message(UnknownBankError("No bank is called 'XX'."), "zh")
    "找不到该银行：请使用银行代码（如 ICBC）或中文名称。详情（英文）：No bank is called 'XX'."
    """
    message = reworded_advice(str(error), error.code, ways)
    if lang == "zh":
        wording = messages.error_message(error, "zh")
        # An unknown bank with its own Chinese is worded in full (the banks it may mean): no
        # details. Other refusals name the character or field only in English: it follows.
        complete = isinstance(error, UnknownBankError) and error.message_zh
        message = wording if complete else f"{wording}详情（英文）：{message}"
    return " ".join(message.split())
