"""check_name: the verdict on a typed name, and every problem said in English and Chinese."""

from __future__ import annotations

import contextlib
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wxpay_names import (
    Bank,
    BankRegistry,
    ErrorCode,
    InvalidNameError,
    NameFormatError,
    PassportName,
    ProblemCode,
    candidates,
    check_name,
)
from wxpay_names.binding.wording import WORDING as BINDING_WORDING
from wxpay_names.candidates import build_candidates
from wxpay_names.check import PROBLEM_ORDER
from wxpay_names.messages import ERRORS, PHRASES, PROBLEMS, error_message
from wxpay_names.name_forms import WRITTEN_FORMS

P = ProblemCode
ZHANG_SAN = PassportName(surname="Zhang", given_names="San")
MUELLER = PassportName(surname="Müller", given_names="Jürgen")
MUELLER_KARL = PassportName(surname="Müller", given_names="Jürgen Karl")
LONG = PassportName(surname="Müller-Lüdenscheidt", given_names="Jürgen Karl")
ZHANG_SANFENG = PassportName(surname="Zhang", given_names="Sanfeng")
OBRIEN = PassportName(surname="O'Brien", given_names="Seán")

# (typed, name, bank, status, problem codes in the order reported). Names are built from
# fields (never parsed), banks come from tests/fixtures/banks.csv.
CASES: list[tuple[str, PassportName, str, str, tuple[ProblemCode, ...]]] = [
    # the seed's four banks, written as each one writes the name
    ("ZHANG SAN", ZHANG_SAN, "ICBC", "match", ()),
    ("ZHANGSAN", ZHANG_SAN, "ABC", "match", ()),
    ("ZHANG SAN", ZHANG_SAN, "CMB", "match", ()),
    ("SAN ZHANG", ZHANG_SAN, "BOC", "match", ()),
    # another candidate: plausible, and how it differs from rank 1
    ("SAN ZHANG", ZHANG_SAN, "ICBC", "plausible", (P.ORDER_SWAPPED,)),
    ("ZHANGSAN", ZHANG_SAN, "ICBC", "plausible", (P.MISSING_SPACE,)),
    ("ZHANG SAN", ZHANG_SAN, "ABC", "plausible", (P.EXTRA_SPACE,)),
    ("Zhang San", ZHANG_SAN, "ICBC", "plausible", (P.CASE_DIFFERS,)),
    ("ZHANG SAN", ZHANG_SAN, "BOC", "plausible", (P.ORDER_SWAPPED,)),
    ("SANZHANG", ZHANG_SAN, "ICBC", "plausible", (P.ORDER_SWAPPED, P.MISSING_SPACE)),
    ("San Zhang", ZHANG_SAN, "ICBC", "plausible", (P.ORDER_SWAPPED, P.CASE_DIFFERS)),
    ("MULLER JURGEN", MUELLER, "ICBC", "plausible", (P.DIACRITICS,)),
    ("MUELLER JUERGEN", MUELLER_KARL, "ICBC", "plausible", (P.MISSING_NAME_PART,)),
    ("ZHANG SANFENG", ZHANG_SANFENG, "ICBC", "match", ()),
    ("MUELLERLUEDE", LONG, "TEST", "plausible", (P.TOO_LONG,)),
    # mismatches
    ("MÜLLER JÜRGEN", MUELLER, "ICBC", "mismatch", (P.DIACRITICS,)),
    ("MUELLER", MUELLER, "ICBC", "mismatch", (P.MISSING_NAME_PART,)),
    ("JUERGEN", MUELLER, "ICBC", "mismatch", (P.MISSING_NAME_PART,)),
    ("zhang san", ZHANG_SAN, "ICBC", "mismatch", (P.CASE_DIFFERS,)),
    ("ZHANG SAN PETER", ZHANG_SAN, "ICBC", "mismatch", (P.EXTRA_NAME_PART,)),
    ("MULER JUERGEN", MUELLER, "ICBC", "mismatch", (P.SPELLING,)),
    ("ZHANGSN", ZHANG_SAN, "ABC", "mismatch", (P.SPELLING,)),
    ("ZHANG\u200b SAN", ZHANG_SAN, "ICBC", "mismatch", (P.INVISIBLE_CHARACTERS,)),
    ("\u202eZHANG SAN", ZHANG_SAN, "ICBC", "mismatch", (P.INVISIBLE_CHARACTERS,)),
    ("ZHANG SAN\x00", ZHANG_SAN, "ICBC", "mismatch", (P.INVISIBLE_CHARACTERS,)),
    ("ZHАNG SAN", ZHANG_SAN, "ICBC", "mismatch", (P.MIXED_SCRIPT,)),  # a Cyrillic А
    ("ЖАНГ САН", ZHANG_SAN, "ICBC", "mismatch", (P.MIXED_SCRIPT,)),  # all Cyrillic: transliterated
    # All Chinese characters: the script says it; every part "missing" would only repeat it.
    ("张三", ZHANG_SAN, "ICBC", "mismatch", (P.MIXED_SCRIPT,)),
    ("张三 SAN", ZHANG_SAN, "ICBC", "mismatch", (P.MIXED_SCRIPT, P.MISSING_NAME_PART)),
    ("ＺＨＡＮＧ　ＳＡＮ", ZHANG_SAN, "ICBC", "mismatch", (P.FULL_WIDTH,)),
    ("Ｚｈａｎｇ Ｓａｎ", ZHANG_SAN, "ICBC", "mismatch", (P.FULL_WIDTH, P.CASE_DIFFERS)),
    # Styled letters from a font generator: read as the letters they show, then compared.
    ("𝐙𝐇𝐀𝐍𝐆 𝐒𝐀𝐍", ZHANG_SAN, "ICBC", "mismatch", (P.MIXED_SCRIPT,)),
    ("𝒁𝒉𝒂𝒏𝒈 𝑺𝒂𝒏", ZHANG_SAN, "ICBC", "mismatch", (P.MIXED_SCRIPT, P.CASE_DIFFERS)),
    ("ℤ𝔸ℕ𝔾 𝕊𝔸ℕ", ZHANG_SAN, "ICBC", "mismatch", (P.MIXED_SCRIPT, P.SPELLING)),
    ("ZHANG-SAN", ZHANG_SAN, "ICBC", "mismatch", (P.PUNCTUATION,)),
    ("ZHANG, SAN", ZHANG_SAN, "ICBC", "mismatch", (P.PUNCTUATION,)),
    # The passport's apostrophe kept, as its data page prints it: a form banks may hold.
    ("O'BRIEN SEAN", OBRIEN, "ICBC", "plausible", (P.SPELLING,)),
    (" ZHANG SAN ", ZHANG_SAN, "ICBC", "mismatch", (P.EXTRA_SPACE,)),
    ("ZHANG  SAN", ZHANG_SAN, "ICBC", "mismatch", (P.EXTRA_SPACE,)),
    ("ZHAN GSAN", ZHANG_SAN, "ICBC", "mismatch", (P.MISSING_SPACE, P.EXTRA_SPACE)),
    ("ZHANG SAN FENG", ZHANG_SANFENG, "ICBC", "mismatch", (P.EXTRA_SPACE,)),
    ("KARL JUERGEN MUELLER", MUELLER_KARL, "BOC", "mismatch", (P.ORDER_SWAPPED,)),
    ("MUELLER JUERGEN", MUELLER_KARL, "BOC", "mismatch", (P.ORDER_SWAPPED, P.MISSING_NAME_PART)),
    ("san zhang", ZHANG_SAN, "ABC", "mismatch", (P.ORDER_SWAPPED, P.EXTRA_SPACE, P.CASE_DIFFERS)),
    ("", ZHANG_SAN, "ICBC", "mismatch", (P.MISSING_NAME_PART,)),
    (
        "MÜLLER LÜDENSCHEIDT JÜRGEN KARLL",
        LONG,
        "TEST",
        "mismatch",
        (P.DIACRITICS, P.SPELLING, P.TOO_LONG),
    ),
    (
        "\u200bＭüller-jurgen",
        MUELLER,
        "ICBC",
        "mismatch",
        (P.INVISIBLE_CHARACTERS, P.FULL_WIDTH, P.DIACRITICS, P.PUNCTUATION, P.CASE_DIFFERS),
    ),
]


@pytest.mark.parametrize(("entered", "name", "bank", "status", "codes"), CASES)
def test_verdict_and_problems(
    registry: BankRegistry,
    entered: str,
    name: PassportName,
    bank: str,
    status: str,
    codes: tuple[ProblemCode, ...],
) -> None:
    result = check_name(entered, name, registry.get(bank))
    assert result.status == status
    assert tuple(problem.code for problem in result.problems) == codes
    assert result.entered == entered
    assert result.ok is (status == "match")
    assert (result.matched is None) is (status == "mismatch")


def test_the_table_covers_every_problem_code_and_enough_cases() -> None:
    assert len(CASES) >= 30
    assert {code for *_, codes in CASES for code in codes} == set(PROBLEMS)


def test_expected_is_the_banks_rank_one(icbc: Bank, boc: Bank) -> None:
    assert check_name("anything", ZHANG_SAN, icbc).expected == "ZHANG SAN"
    assert check_name("anything", ZHANG_SAN, boc).expected == "SAN ZHANG"


def test_messages_name_the_fix(boc: Bank, icbc: Bank) -> None:
    order = check_name("ZHANG SAN", ZHANG_SAN, boc).problems[0]
    assert order.message_en == "Bank of China writes the given name first: type SAN ZHANG"
    assert order.message_zh == "中国银行先写名、后写姓：请输入 SAN ZHANG"
    missing = check_name("MUELLER", MUELLER, icbc).problems[0]
    assert missing.message_en == "Missing the given name JUERGEN: type MUELLER JUERGEN"
    assert missing.message_zh == "缺少名字 JUERGEN：请输入 MUELLER JUERGEN"


def test_spelling_says_where(icbc: Bank) -> None:
    result = check_name("MULER JUERGEN", MUELLER, icbc)
    assert "MULER should be MUELLER (letter 3, E, is missing)" in result.problems[0].message_en
    assert "漏掉了第 3 个字母 E" in result.problems[0].message_zh
    wrong = check_name("ZHANG SAM", ZHANG_SAN, icbc).problems[0]
    assert "SAM should be SAN (letter 3 is N, not M)" in wrong.message_en
    extra = check_name("ZHANGG SAN", ZHANG_SAN, icbc).problems[0]
    assert "ZHANGG should be ZHANG (letter 6, G, is one too many)" in extra.message_en


def test_hygiene_problems_say_what_and_where(icbc: Bank) -> None:
    invisible = check_name("ZHANG\u200b SAN", ZHANG_SAN, icbc).problems[0]
    assert "U+200B ZERO WIDTH SPACE at position 6" in invisible.message_en
    look_alike = check_name("ZHАNG SAN", ZHANG_SAN, icbc).problems[0]
    assert "U+0410 CYRILLIC CAPITAL LETTER A" in look_alike.message_en
    diacritics = check_name("MÜLLER JÜRGEN", MUELLER, icbc).problems[0]
    assert diacritics.message_en == "A bank record holds only the letters A to Z, not Ü: type MUELLER JUERGEN"
    other_spelling = check_name("MULLER JURGEN", MUELLER, icbc).problems[0]
    assert "writes Ü as UE" in other_spelling.message_en


def test_a_letter_the_issuing_state_spells_its_way_is_not_said_as_one_spelling(icbc: Bank) -> None:
    # ICAO's table lets the State write Ö as OE or O, Ü as UE, UXX or U: a Turkish passport
    # prints OZTURK. The check said "the machine-readable line writes Ö as OE" and told the
    # holder to change a name their passport prints.
    turkish = PassportName(surname="Öztürk", given_names="Gülşen")
    problem = check_name("OZTURK GULSEN", turkish, icbc).problems[0]
    assert problem.code is P.DIACRITICS
    assert "lets the issuing State write Ö as O, Ü as UXX or U instead" in problem.message_en
    assert "as your passport's machine-readable line (its bottom lines) prints it" in problem.message_en
    assert problem.message_en.endswith("OEZTUERK GUELSEN")
    assert "也允许签发国把 Ö 写作 O、Ü 写作 UXX 或 U" in problem.message_zh
    # A letter with one value is still said as that value.
    danish = PassportName(surname="Sørensen", given_names="Ib")
    single = check_name("SORENSEN IB", danish, icbc).problems[0]
    assert single.message_en == "The passport's machine-readable line writes Ø as OE: type SOERENSEN IB"
    # The folded candidate's note says it is one of ICAO's values, not against them.
    folded = next(c for c in candidates(turkish, icbc) if c.text == "OZTURK GULSEN")
    assert folded.note.endswith("ICAO's table lets a State write Ä, Å, Ö and Ü so, not Ø")


def test_spaces_are_named_by_place(icbc: Bank, abc: Bank) -> None:
    assert "between ZHANG and SAN" in check_name("ZHANGSAN", ZHANG_SAN, icbc).problems[0].message_en
    assert "between ZHANG and SAN" in check_name("ZHANG SAN", ZHANG_SAN, abc).problems[0].message_en
    edges = check_name(" ZHANG SAN ", ZHANG_SAN, icbc).problems[0].message_en
    assert "at the start" in edges
    assert "at the end" in edges


def test_too_long_offers_the_cut_forms(registry: BankRegistry) -> None:
    test_bank = registry.get("TEST")
    result = check_name("MUELLER LUEDENSCHEIDT JUERGEN KARLL", LONG, test_bank)
    too_long = result.problems[-1]
    assert too_long.code is P.TOO_LONG
    cut = [c.text for c in build_candidates(LONG, test_bank) if c.pattern.shortened]
    assert cut
    assert all(text in too_long.message_en for text in cut)
    assert "12" in too_long.message_en


def test_only_over_long_input_is_refused(icbc: Bank) -> None:
    assert check_name("Z" * 256, ZHANG_SAN, icbc).status == "mismatch"
    with pytest.raises(InvalidNameError) as caught:
        check_name("Z" * 257, ZHANG_SAN, icbc)
    assert caught.value.code is ErrorCode.TOO_LONG


def test_a_non_str_typed_name_is_a_name_error(icbc: Bank) -> None:
    with pytest.raises(NameFormatError):
        check_name(None, ZHANG_SAN, icbc)  # type: ignore[arg-type]


def test_str_bank_and_name_are_resolved(registry: BankRegistry) -> None:
    with pytest.raises(NameFormatError):
        check_name("ZHANG SAN", ZHANG_SAN, "no such bank")


# Properties over generated names

LETTERS = string.ascii_letters + "üÜøØéÈñßåÅ"
word = st.text(alphabet=LETTERS, min_size=1, max_size=8)
part = st.lists(word, min_size=1, max_size=2).map(" ".join)
surnames = st.one_of(part, part.map(lambda text: text.replace(" ", "-")), st.just(""))
given_texts = st.lists(word, max_size=3).map(" ".join)
# Real-looking words, none spelled like another: which deviation a candidate carries can be
# read back from its letters. (With words such as Å and A, ``AA`` is the surname, or both
# names run together after folding; no diagnosis can tell, so only the verdict is checked.)
DISTINCT = ["Zhang", "Müller", "Øster", "Jürgen", "Karl", "Núñez", "Smith", "Lüdenscheidt",
            "Anna", "Maria", "Wei", "Åsa", "Strauß", "O'Brien", "Jean-Luc", "Ivanova"]  # fmt: skip
distinct_names = st.lists(st.sampled_from(DISTINCT), min_size=1, max_size=5, unique=True).flatmap(
    lambda picked: st.integers(min_value=0, max_value=min(2, len(picked))).map(
        lambda cut: PassportName(surname=" ".join(picked[:cut]), given_names=" ".join(picked[cut:]))
    )
)


def build(surname: str, given_text: str) -> PassportName | None:
    if not any(char.isalpha() for char in surname + given_text):
        return None
    return PassportName(surname=surname, given_names=given_text)


@given(surname=surnames, given_text=given_texts)
def test_rank_one_matches_and_every_other_candidate_is_plausible(
    surname: str, given_text: str, fixture_banks: tuple[Bank, ...]
) -> None:
    name = build(surname, given_text)
    if name is None:
        return
    for bank in fixture_banks:
        ranked = build_candidates(name, bank)
        first = check_name(ranked[0].text, name, bank)
        assert (first.status, first.problems, first.matched) == ("match", (), ranked[0])
        for candidate in ranked[1:]:
            result = check_name(candidate.text, name, bank)
            assert (result.status, result.matched, result.expected) == (
                "plausible",
                candidate,
                ranked[0].text,
            )
            codes = [problem.code for problem in result.problems]
            assert codes, candidate
            assert codes == sorted(set(codes), key=PROBLEM_ORDER.index)


@given(name=distinct_names)
def test_a_plausible_result_names_the_deviations_of_its_candidate(
    name: PassportName, fixture_banks: tuple[Bank, ...]
) -> None:
    for bank in fixture_banks:
        ranked = build_candidates(name, bank)
        top = ranked[0].pattern
        for candidate in ranked[1:]:
            codes = {problem.code for problem in check_name(candidate.text, name, bank).problems}
            pattern = candidate.pattern
            if pattern.shortened:
                assert codes == {P.TOO_LONG}
                continue
            if pattern.case != top.case:
                assert P.CASE_DIFFERS in codes
            if pattern.given_names == "first":
                assert P.MISSING_NAME_PART in codes
            if pattern.spelling in WRITTEN_FORMS:
                assert P.SPELLING in codes  # said as the form it is (name_forms.py)
            elif pattern.spelling != top.spelling:
                assert P.DIACRITICS in codes
            if pattern.order != top.order and name.surname and name.given_names:
                assert P.ORDER_SWAPPED in codes
            if candidate.text.replace(" ", "") == ranked[0].text.replace(" ", ""):
                assert codes <= {P.MISSING_SPACE, P.EXTRA_SPACE}
            if candidate.text.upper() == ranked[0].text.upper():
                assert codes == {P.CASE_DIFFERS}
            unchanged = {"order": P.ORDER_SWAPPED, "given_names": P.MISSING_NAME_PART}
            for dimension, code in unchanged.items():
                if getattr(pattern, dimension) == getattr(top, dimension):
                    assert code not in codes, (candidate, dimension)


TYPED = st.text(
    alphabet=st.sampled_from(list("ZHANGSanzhag üÜ-'.,\u200b\u202eＺａ　аН张\x00\t")), max_size=30
)


@given(entered=st.one_of(st.text(max_size=300), TYPED))
def test_any_typed_text_gives_a_verdict_or_a_name_error(
    entered: str, fixture_banks: tuple[Bank, ...]
) -> None:
    for bank in fixture_banks:
        try:
            result = check_name(entered, ZHANG_SAN, bank)
        except NameFormatError as error:
            refused = error
            assert len(entered) > 256
            assert refused.code is ErrorCode.TOO_LONG
            continue
        assert len(entered) <= 256
        codes = [problem.code for problem in result.problems]
        assert codes == sorted(set(codes), key=PROBLEM_ORDER.index)
        if result.status == "match":
            assert entered == result.expected
            assert not codes
        else:
            assert entered != result.expected
            assert codes
        for problem in result.problems:
            assert problem.message_en
            assert problem.message_zh
            if problem.code is not P.TOO_LONG:
                assert result.expected in problem.message_en
                assert result.expected in problem.message_zh


@given(bank=st.text(max_size=40))
def test_any_bank_text_gives_a_verdict_or_a_name_error(bank: str) -> None:
    with contextlib.suppress(NameFormatError):  # anything else fails the test
        check_name("ZHANG SAN", ZHANG_SAN, bank)


def test_a_str_name_goes_through_parse_name(icbc: Bank) -> None:
    result = check_name("ZHANG SAN", "ZHANG, San", icbc)
    assert result.status == "match"


# The wording


def test_every_problem_code_has_english_and_chinese_wording() -> None:
    # The name problems are worded here; the pre-flight problems in binding/wording.py.
    assert set(PROBLEMS) | set(BINDING_WORDING) == set(ProblemCode)
    assert not set(PROBLEMS) & set(BINDING_WORDING)
    for code, variants in PROBLEMS.items():
        assert variants, code
        for variant, wording in variants.items():
            assert wording.en.strip(), (code, variant)
            assert wording.zh.strip(), (code, variant)
            assert any("\u4e00" <= char <= "\u9fff" for char in wording.zh), (code, variant)
            # Chinese needs no number agreement ({given}: "given name" or "given names").
            assert placeholders(wording.zh) <= placeholders(wording.en), (code, variant)
            assert {"expected", "shortened"} & placeholders(wording.zh), (code, variant)  # names the fix


def test_every_phrase_has_both_languages() -> None:
    for key, wording in PHRASES.items():
        assert wording.en, key
        assert wording.zh, key
        # Chinese needs no number agreement ({given}: "given name" or "given names").
        assert placeholders(wording.zh) <= placeholders(wording.en), key
        assert placeholders(wording.en) - placeholders(wording.zh) <= {"given"}, key


def test_every_error_code_has_english_and_chinese_wording() -> None:
    assert set(ERRORS) == set(ErrorCode)
    for code, wording in ERRORS.items():
        assert wording.en.strip(), code
        assert any("\u4e00" <= char <= "\u9fff" for char in wording.zh), code


def test_error_message_picks_the_language() -> None:
    error = InvalidNameError("The name is 300 characters long.", code=ErrorCode.TOO_LONG)
    assert error_message(error, "en") == "The name is 300 characters long."
    assert error_message(error, "zh") == ERRORS[ErrorCode.TOO_LONG].zh


def test_problem_order_lists_every_code_once() -> None:
    assert sorted(PROBLEM_ORDER) == sorted(PROBLEMS)


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_problem_message_is_gone() -> None:
    # Dead code: a Problem carries both messages already; nothing called it.
    from wxpay_names import messages

    assert not hasattr(messages, "problem_message")


# How sure a message is: a bank's convention is stated by the evidence of its row


def with_evidence(bank: Bank, evidence: str, case_evidence: str | None = None) -> Bank:
    update = {"evidence": evidence, "case_evidence": case_evidence or bank.case_evidence}
    return bank.model_copy(update={**update, "code": f"{bank.code}-{evidence}"})


@pytest.mark.parametrize(
    ("evidence", "english", "chinese"),
    [
        (
            "reported",
            "Industrial and Commercial Bank of China writes the surname first: type ZHANG SAN",
            "中国工商银行先写姓、后写名：请输入 ZHANG SAN",
        ),
        (
            "inferred",
            "Industrial and Commercial Bank of China most likely writes the surname first: type ZHANG SAN",
            "中国工商银行很可能先写姓、后写名：请输入 ZHANG SAN",
        ),
        (
            "unknown",
            "No source says how Industrial and Commercial Bank of China writes names; the commonest "
            "convention is the surname first: try ZHANG SAN first",
            "暂无资料说明中国工商银行如何记录姓名；最常见的写法是先写姓、后写名：请先试试 ZHANG SAN",
        ),
    ],
)
def test_the_order_is_stated_by_the_evidence_of_the_row(
    icbc: Bank, evidence: str, english: str, chinese: str
) -> None:
    order = check_name("SAN ZHANG", ZHANG_SAN, with_evidence(icbc, evidence)).problems[0]
    assert (order.code, order.message_en, order.message_zh) == (P.ORDER_SWAPPED, english, chinese)


def test_a_bank_without_a_source_is_never_said_to_write_a_name(registry: BankRegistry) -> None:
    unknown = registry.get("TEST")  # the fixture's row of evidence unknown
    assert unknown.evidence == "unknown"
    for entered in ("SAN ZHANG", "ZHANGSAN", "zhang san"):
        for found in check_name(entered, ZHANG_SAN, unknown).problems:
            assert found.message_en.startswith("No source says how Test Bank With Limit writes names")
            assert found.message_zh.startswith("暂无资料说明测试银行如何记录姓名")


def test_spaces_are_stated_by_the_evidence_of_the_row(icbc: Bank, abc: Bank) -> None:
    missing = check_name("ZHANGSAN", ZHANG_SAN, with_evidence(icbc, "inferred")).problems[0]
    assert missing.message_en == (
        "Industrial and Commercial Bank of China most likely writes a space between ZHANG and SAN: "
        "type ZHANG SAN"
    )
    extra = check_name("ZHANG SAN", ZHANG_SAN, abc).problems[0]  # ABC's row is reported
    assert (
        extra.message_en == "Agricultural Bank of China writes no space between ZHANG and SAN: type ZHANGSAN"
    )
    guessed = check_name("ZHANG SAN", ZHANG_SAN, with_evidence(abc, "unknown")).problems[0]
    assert guessed.message_en.startswith("No source says how Agricultural Bank of China writes names")
    assert "no space between ZHANG and SAN: try ZHANGSAN first" in guessed.message_en
    # A space typed twice says nothing about the bank: it is removed, whatever the evidence.
    doubled = check_name("ZHANG  SAN", ZHANG_SAN, with_evidence(icbc, "unknown")).problems[0]
    assert doubled.message_en == "Remove the space doubled after ZHANG: type ZHANG SAN"


@pytest.mark.parametrize("given_separator_evidence", ["reported", "inferred"])
def test_a_space_between_given_names_is_stated_by_its_own_evidence(
    icbc: Bank, abc: Bank, given_separator_evidence: str
) -> None:
    # The sources show one given name: how a bank spaces several is only as sure as its column,
    # and a sentence naming such a place says the weaker of the two.
    name = PassportName(surname="Mueller", given_names="Juergen Karl")
    update = {"given_separator_evidence": given_separator_evidence}
    icbc, abc = icbc.model_copy(update=update), abc.model_copy(update=update)
    verb = "writes" if given_separator_evidence == "reported" else "most likely writes"
    joined = check_name("MUELLER JUERGENKARL", name, icbc).problems[0]
    assert (joined.code, joined.message_en) == (
        P.MISSING_SPACE,
        f"Industrial and Commercial Bank of China {verb} a space between JUERGEN and KARL: "
        "type MUELLER JUERGEN KARL",
    )
    spaced = check_name("MUELLERJUERGEN KARL", name, abc).problems[0]
    assert (spaced.code, spaced.message_en) == (
        P.EXTRA_SPACE,
        f"Agricultural Bank of China {verb} no space between JUERGEN and KARL: type MUELLERJUERGENKARL",
    )
    # Between surname and given names the row's own evidence speaks, whatever that column says.
    between = check_name("MUELLERJUERGEN KARL", name, icbc).problems[0]
    assert between.message_en.startswith(
        "Industrial and Commercial Bank of China writes a space between MUELLER and JUERGEN"
    )


def test_letter_case_is_stated_by_the_weaker_of_row_and_case_evidence(icbc: Bank) -> None:
    def case_message(bank: Bank) -> str:
        return check_name("zhang san", ZHANG_SAN, bank).problems[0].message_en

    assert case_message(with_evidence(icbc, "reported", "reported")).startswith(
        "Industrial and Commercial Bank of China writes the name in capital letters"
    )
    assert case_message(with_evidence(icbc, "reported", "inferred")).startswith(
        "Industrial and Commercial Bank of China most likely writes the name in capital letters"
    )
    assert case_message(with_evidence(icbc, "unknown", "reported")).startswith("No source says how")


@given(entered=TYPED, evidence=st.sampled_from(["inferred", "unknown"]))
def test_no_message_states_an_unsourced_convention_as_fact(
    entered: str, evidence: str, fixture_banks: tuple[Bank, ...]
) -> None:
    for bank in fixture_banks:
        unsure = with_evidence(bank, evidence)
        for found in check_name(entered, ZHANG_SAN, unsure).problems:
            assert f"{bank.name_en} writes" not in found.message_en
            assert f"{bank.name_zh}先写" not in found.message_zh
            assert f"{bank.name_zh}在" not in found.message_zh


# Candidate notes: worded in messages.py, in both languages, from one call


@given(name=distinct_names)
def test_every_candidate_note_is_the_wording_of_its_pattern(
    name: PassportName, fixture_banks: tuple[Bank, ...]
) -> None:
    from wxpay_names.candidate_plans import bank_row
    from wxpay_names.messages import candidate_note, over_limit_note

    for bank in fixture_banks:
        for candidate in build_candidates(name, bank):
            note = candidate_note(bank_row(bank), candidate.pattern)
            expected = note.en
            if candidate.rank == 1 and bank.max_length and len(candidate.text) > bank.max_length:
                expected = over_limit_note(expected, bank.max_length, bank.max_length_evidence)
            assert candidate.note == expected
            assert any("\u4e00" <= char <= "\u9fff" for char in note.zh)


def test_the_command_line_shows_the_chinese_of_the_same_note(registry: BankRegistry) -> None:
    from wxpay_names.candidate_plans import bank_row
    from wxpay_names.cli_render import all_candidates_lines
    from wxpay_names.messages import candidate_note

    bank = registry.get("TEST")
    found = build_candidates(LONG, bank)
    lines = all_candidates_lines([(bank, found)], "zh")
    for candidate in found[1:]:
        zh = candidate_note(bank_row(bank), candidate.pattern).zh
        assert any(candidate.text in line and line.rstrip().endswith(zh) for line in lines), candidate
    first = next(line for line in lines if found[0].text in line)
    assert "超出银行姓名栏的 12 个字符" in first  # rank 1 is longer than TEST's field, in Chinese too


def test_every_spelling_and_evidence_is_worded_once() -> None:
    from typing import get_args

    from wxpay_names.cli_render import evidence_word
    from wxpay_names.messages import EVIDENCE, NOTES
    from wxpay_names.models import Evidence, SpellingKind

    for kind in get_args(SpellingKind):
        if kind != "icao":
            assert NOTES[f"spelling_{kind}"].en, kind
            assert NOTES[f"spelling_{kind}"].zh, kind
    assert tuple(EVIDENCE) == get_args(Evidence)
    for evidence, wording in EVIDENCE.items():
        assert evidence_word(evidence, "en") == wording.label.en
        assert evidence_word(evidence, "zh") == wording.label.zh


def test_the_command_line_verdict_says_when_the_bank_is_a_guess(registry: BankRegistry, icbc: Bank) -> None:
    from wxpay_names.cli_render import check_lines

    unknown = registry.get("TEST")
    guessed = check_lines(check_name("ZHANG SAN", ZHANG_SAN, unknown), unknown, "en")[0]
    assert guessed == 'Matches: "ZHANG SAN" is what TEST most likely holds. (TEST: a guess, no source)'
    assert check_lines(check_name("ZHANG SAN", ZHANG_SAN, unknown), unknown, "zh")[0].endswith(
        "注：测试银行的写法暂无资料，仅为推测。"
    )
    sure = check_lines(check_name("ZHANG SAN", ZHANG_SAN, icbc), icbc, "en")[0]
    assert sure == 'Matches: "ZHANG SAN" is what ICBC most likely holds.'


# A Chinese given name in another reading of its characters: explained, never a typo


def test_a_given_name_read_otherwise_is_plausible_and_no_misspelling(icbc: Bank, abc: Bank) -> None:
    from wxpay_names import from_chinese

    name = from_chinese("张朝阳")
    result = check_name("ZHANG CHAOYANG", name, icbc)
    assert (result.status, [problem.code for problem in result.problems]) == (
        "plausible",
        [ProblemCode.SPELLING],
    )
    message = result.problems[0].message_en
    assert "another reading" in message
    assert "ZHANG ZHAOYANG" in message
    assert "should be" not in message
    assert "另一种读音" in result.problems[0].message_zh
    assert check_name("ZHANGCHAOYANG", name, abc).status == "plausible"
    # A second other reading (乐行: YUEXING, then LEHANG) is explained the same way, not as a
    # typo; a reading no word uses (朝 zhu) is a typo.
    second = check_name("ZHANG LEHANG", from_chinese("张乐行"), icbc).problems[0].message_en
    assert "another reading" in second
    assert "should be" not in second
    assert "should be" in check_name("ZHANG ZHUYANG", name, icbc).problems[0].message_en


# Spelling lengthens this name (Щ → SHCH, Ж → ZH): its rank-1 text has 601 characters, more
# than the 256 a typed text was capped at.
LENGTHENED = PassportName(surname="Щ" * 100, given_names="Ж" * 100)


def test_a_candidate_longer_than_the_input_cap_is_checked_not_refused(icbc: Bank) -> None:
    from wxpay_names import format_name, next_tries

    expected = format_name(LENGTHENED, icbc)
    assert len(expected) == 601
    result = check_name(expected, LENGTHENED, icbc)  # was TOO_LONG: "The typed name is 601 characters long"
    assert (result.status, result.expected, result.problems) == ("match", expected, ())
    every = build_candidates(LENGTHENED, icbc)
    assert all(
        check_name(c.text, LENGTHENED, icbc).status == ("match" if c.rank == 1 else "plausible")
        for c in every
    )
    tries = next_tries(LENGTHENED, icbc, refused=[expected])  # was TOO_LONG: "The refused text is 601..."
    assert [c.text for c in tries] == [c.text for c in every[1:]]
    assert check_name(expected.title(), LENGTHENED, icbc).status == "plausible"
    from wxpay_names import Observations

    assert check_name(expected, LENGTHENED, icbc, observations=Observations()).status == "match"


def test_typed_text_longer_than_every_candidate_is_still_refused(icbc: Bank) -> None:
    from wxpay_names import next_tries
    from wxpay_names.check import typed_length_limit

    longest = max(len(c.text) for c in build_candidates(LENGTHENED, icbc))
    assert typed_length_limit(LENGTHENED, icbc) == longest > 256
    assert check_name("Z" * longest, LENGTHENED, icbc).status == "mismatch"
    with pytest.raises(InvalidNameError) as caught:
        check_name("Z" * (longest + 1), LENGTHENED, icbc)
    assert caught.value.code is ErrorCode.TOO_LONG
    assert f"at most {longest} are accepted" in str(caught.value)
    with pytest.raises(InvalidNameError) as caught:
        next_tries(LENGTHENED, icbc, refused=["Z" * (longest + 1)])
    assert caught.value.code is ErrorCode.TOO_LONG
    # A short name keeps the cap of 256 (its candidates are all shorter).
    assert typed_length_limit(ZHANG_SAN, icbc) == 256
    with pytest.raises(InvalidNameError):
        next_tries(ZHANG_SAN, icbc, refused=["Z" * 257])


@pytest.mark.parametrize(("name", "bank"), [("Zhang San", "ICBC"), (ZHANG_SAN, "Atlantis"), ("", "ICBC")])
def test_an_over_long_typed_text_is_refused_first_whatever_else_is_wrong(name: object, bank: str) -> None:
    # api.md: a text over 256 characters is refused before any other work, so its length is
    # the refusal said, not the unreadable name or the unknown bank.
    for length in (257, 300, 5000):
        with pytest.raises(NameFormatError) as caught:
            check_name("A" * length, name, bank)  # type: ignore[arg-type]
        assert caught.value.code is ErrorCode.TOO_LONG


def test_the_last_word_written_out_where_a_full_zone_may_have_cut_it() -> None:
    # The zone's name field is full and ends in HU: HUBERT typed from the data page is that
    # word written out (ICAO 9303 Part 4 §4.2.3), not HU missing and HUBERT extra.
    from datetime import date

    from wxpay_names import parse_mrz
    from zones import td3

    name = parse_mrz(td3(expiry=date(2030, 1, 1), name="WOLFESCHLEGELSTEINHAUSENBERGERDORFF<<HU"))
    assert name.possibly_truncated
    result = check_name("WOLFESCHLEGELSTEINHAUSENBERGERDORFF HUBERT", name, "CMB")
    assert result.status == "mismatch"
    assert [problem.code for problem in result.problems] == [P.SPELLING]
    assert result.problems[0].message_en.startswith(
        "The passport's machine-readable zone is full and ends in HU, so the name may be cut there: "
        "if the data page prints HUBERT, the bank may hold it as typed"
    )
    assert "资料页上印的是 HUBERT" in result.problems[0].message_zh
    assert check_name("WOLFESCHLEGELSTEINHAUSENBERGERDORFF HU", name, "CMB").status == "match"
    # The same words for a name whose zone is not full: a part missing and one extra, as before.
    whole = PassportName(surname="Wolfeschlegelsteinhausenbergerdorff", given_names="Hu")
    codes = [p.code for p in check_name("WOLFESCHLEGELSTEINHAUSENBERGERDORFF HUBERT", whole, "CMB").problems]
    assert P.SPELLING not in codes


@pytest.mark.parametrize(("typed", "extra"), [("ZHANG SAN ", "at the end"), (" ZHANG SAN", "at the start")])
def test_a_stray_space_is_not_said_as_the_banks_rule(typed: str, extra: str, abc: Bank) -> None:
    # ABC writes no space between the parts: that is its row; a space at the end is the typing's.
    result = check_name(typed, PassportName(surname="Zhang", given_names="San"), abc)
    assert [problem.code for problem in result.problems] == [ProblemCode.EXTRA_SPACE]
    english = result.problems[0].message_en
    assert f"writes no space between ZHANG and SAN; remove the space {extra} too" in english
    assert "也有多余的空格" in result.problems[0].message_zh


def test_a_doubled_space_where_the_bank_writes_none_is_one_place(abc: Bank, icbc: Bank) -> None:
    name = PassportName(surname="Zhang", given_names="San")
    at_abc = check_name("ZHANG  SAN", name, abc).problems
    assert [problem.code for problem in at_abc] == [ProblemCode.EXTRA_SPACE]
    assert "doubled" not in at_abc[0].message_en  # the row's no-space, said once
    assert "ZHANG 后面" not in at_abc[0].message_zh
    # Where the bank writes one space, the doubled one is the extra.
    assert "doubled after ZHANG" in check_name("ZHANG  SAN", name, icbc).problems[0].message_en


def test_a_hyphen_or_apostrophe_the_passport_prints_is_said_as_printed(icbc: Bank) -> None:
    # "remove '-'" of a hyphen the passport prints, as if it were a typo; and "remove ’" of the
    # apostrophe a phone types for the passport's '.
    hans = PassportName(surname="Müller", given_names="Hans-Peter")
    punctuation = next(
        p for p in check_name("MUELLER HANS-PETER X", hans, icbc).problems if p.code is P.PUNCTUATION
    )
    assert punctuation.message_en.startswith('The passport prints "-" in the name')
    assert "if the bank shows" in punctuation.message_en
    obrien = PassportName(surname="O'Brien", given_names="Sean")
    curly = check_name("O’BRIEN SEAN", obrien, icbc).problems[0]
    assert curly.code is P.PUNCTUATION
    assert curly.message_en.startswith('The passport prints "\'" in the name')
    assert "护照上的姓名印有撇号（'）" in curly.message_zh
    # A mark the passport does not print is still to be removed.
    comma = check_name("ZHANG-SAN", ZHANG_SAN, icbc).problems[0]
    assert (
        comma.message_en
        == 'The name the bank most likely holds has only letters and spaces; remove "-": type ZHANG SAN'
    )


def test_a_chinese_list_cut_short_ends_with_a_spaced_deng_after_a_digit(icbc: Bank) -> None:
    problem = check_name("ZHANG SAN 3 4 5 6 7", ZHANG_SAN, icbc).problems[0]
    assert problem.message_zh.startswith(
        "银行预留姓名很可能只有字母和空格，没有数字 3、数字 4、数字 5、数字 6 等："
    )


def test_a_name_typed_in_another_script_says_the_bank_most_likely_holds_latin_letters(icbc: Bank) -> None:
    # Not stated as a fact: no source says how a bank records a permanent resident's Chinese name.
    [problem] = check_name("张三", ZHANG_SAN, icbc).problems
    assert problem.message_en.startswith("A bank record most likely holds the name in the Latin letters")
    assert problem.message_zh.startswith("银行预留姓名很可能只用拉丁字母")


def test_a_hyphenated_double_surname_typed_with_an_invisible_character_says_the_hyphen_once(
    icbc: Bank,
) -> None:
    # The hyphen is said by the typed characters (remove it, or keep it if the bank shows it);
    # the form's own sentence would add "keep it" beside "remove it".
    from wxpay_names import from_chinese

    result = check_name("ZHENG-LI XIAOMING\u200b", from_chinese("郑-李小明"), icbc)
    assert [p.code for p in result.problems] == [ProblemCode.INVISIBLE_CHARACTERS, ProblemCode.PUNCTUATION]
