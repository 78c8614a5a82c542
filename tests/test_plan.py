"""plan_cards and compatible_banks: one WeChat real name for several bank cards (issue 10)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wxpay_names import (
    Bank,
    BankRegistry,
    ErrorCode,
    NameFormatError,
    Observations,
    Outcome,
    PassportName,
    ProblemCode,
    SharedName,
    UnknownBankError,
    candidates,
    compatible_banks,
    format_name,
    plan_cards,
)
from wxpay_names.plan import form_evidence

ZHANG_SAN = PassportName(surname="Zhang", given_names="San")
LONG_NAME = PassportName(surname="Wolfeschlegelstein", given_names="Hubert Blaine")


def codes(plan_advice: tuple[object, ...]) -> list[ProblemCode]:
    return [problem.code for problem in plan_advice]  # type: ignore[attr-defined]


# --- the seed's banks -------------------------------------------------------------------


def test_icbc_and_cmb_share_zhang_san_first(icbc: Bank, cmb: Bank) -> None:
    plan = plan_cards(ZHANG_SAN, [icbc, cmb])
    assert plan.banks == ("ICBC", "CMB")
    assert plan.compatible
    assert plan.shared[0] == SharedName(text="ZHANG SAN", ranks=(1, 1))
    assert plan.advice == ()


def test_icbc_and_boc_disagree_on_the_order(icbc: Bank, boc: Bank) -> None:
    plan = plan_cards(ZHANG_SAN, [icbc, boc])
    assert not plan.compatible
    assert codes(plan.advice) == [ProblemCode.ORDER_SWAPPED]
    advice = plan.advice[0]
    for part in ("order", "ICBC", "BOC", "ZHANG SAN", "SAN ZHANG", "surname first"):
        assert part in advice.message_en
    for part in ("顺序", "中国工商银行", "中国银行", "ZHANG SAN", "SAN ZHANG"):
        assert part in advice.message_zh


def test_icbc_and_abc_disagree_on_the_space(icbc: Bank, abc: Bank) -> None:
    plan = plan_cards(ZHANG_SAN, [icbc, abc])
    assert not plan.compatible
    assert codes(plan.advice) == [ProblemCode.MISSING_SPACE]
    assert "space" in plan.advice[0].message_en
    assert "ZHANGSAN" in plan.advice[0].message_en
    assert "空格" in plan.advice[0].message_zh


def test_space_advice_is_seen_from_the_first_bank(icbc: Bank, abc: Bank) -> None:
    assert codes(plan_cards(ZHANG_SAN, [abc, icbc]).advice) == [ProblemCode.EXTRA_SPACE]


def test_advice_says_which_banks_agree(icbc: Bank, cmb: Bank, boc: Bank, abc: Bank) -> None:
    plan = plan_cards(ZHANG_SAN, [icbc, cmb, boc, abc])
    assert plan.banks == ("ICBC", "CMB", "BOC", "ABC")
    assert codes(plan.advice) == [ProblemCode.ORDER_SWAPPED, ProblemCode.MISSING_SPACE]
    for problem in plan.advice:
        assert "ICBC and CMB agree with each other." in problem.message_en
        assert "中国工商银行和招商银行的写法彼此一致。" in problem.message_zh
    assert "BOC" in plan.advice[0].message_en
    assert "ABC" not in plan.advice[0].message_en
    assert "ABC" in plan.advice[1].message_en


def test_three_banks_that_agree_are_named_together(registry: BankRegistry) -> None:
    plan = plan_cards(ZHANG_SAN, ["BOC", "ICBC", "CMB", "TEST"], registry=registry)
    assert codes(plan.advice) == [ProblemCode.ORDER_SWAPPED]
    # TEST's row has no source: the group is said to write "most likely", and TEST is named.
    assert "ICBC, CMB and TEST most likely write the surname first" in plan.advice[0].message_en
    assert "No source says how TEST writes names" in plan.advice[0].message_en
    assert "ICBC, CMB and TEST agree with each other." in plan.advice[0].message_en
    assert "中国工商银行、招商银行和测试银行" in plan.advice[0].message_zh


def test_shared_ranks_are_the_ranks_of_candidates(icbc: Bank, boc: Bank) -> None:
    plan = plan_cards(ZHANG_SAN, [icbc, boc])
    at_icbc = {c.text: c.rank for c in candidates(ZHANG_SAN, icbc)}
    at_boc = {c.text: c.rank for c in candidates(ZHANG_SAN, boc)}
    assert {s.text for s in plan.shared} == at_icbc.keys() & at_boc.keys()
    for shared in plan.shared:
        assert shared.ranks == (at_icbc[shared.text], at_boc[shared.text])


def test_a_tie_goes_to_the_first_bank_given(icbc: Bank, boc: Bank) -> None:
    # ZHANG SAN and SAN ZHANG have mirrored ranks: equal sum, equal worst rank.
    assert plan_cards(ZHANG_SAN, [icbc, boc]).shared[0].text == "ZHANG SAN"
    assert plan_cards(ZHANG_SAN, [boc, icbc]).shared[0].text == "SAN ZHANG"


def test_shared_texts_are_ordered_by_sum_then_worst_rank(icbc: Bank, abc: Bank, boc: Bank) -> None:
    plan = plan_cards(ZHANG_SAN, [icbc, abc, boc])
    keys = [(sum(s.ranks), max(s.ranks)) for s in plan.shared]
    assert keys == sorted(keys)
    assert len({s.text for s in plan.shared}) == len(plan.shared)


# --- the list of banks ------------------------------------------------------------------


def test_a_bank_given_twice_counts_once(registry: BankRegistry, icbc: Bank) -> None:
    plan = plan_cards(ZHANG_SAN, ["ICBC", icbc, "工行", "cmb"], registry=registry)
    assert plan.banks == ("ICBC", "CMB")
    assert all(len(shared.ranks) == 2 for shared in plan.shared)


def test_one_bank_is_its_own_candidates(boc: Bank) -> None:
    plan = plan_cards(ZHANG_SAN, [boc])
    assert plan.banks == ("BOC",)
    assert plan.compatible
    assert plan.advice == ()
    assert [(s.text, s.ranks) for s in plan.shared] == [
        (c.text, (c.rank,)) for c in candidates(ZHANG_SAN, boc)
    ]


def test_no_bank_is_refused() -> None:
    with pytest.raises(UnknownBankError, match="at least one bank") as caught:
        plan_cards(ZHANG_SAN, [])
    assert caught.value.code is ErrorCode.NO_BANK
    assert isinstance(caught.value, NameFormatError)
    assert "ICBC" in str(caught.value)  # the message lists the known codes


@pytest.mark.parametrize("banks", ["ICBC", None, 42])
def test_banks_must_be_a_list(banks: object) -> None:
    with pytest.raises(UnknownBankError, match=r"as a list"):
        plan_cards(ZHANG_SAN, banks)  # type: ignore[arg-type]


@pytest.mark.parametrize("banks", [["ICBC", "NOPE"], ["ICBC", None], ["ICBC", 3]])
def test_an_unusable_bank_in_the_list_is_refused(banks: list[object], registry: BankRegistry) -> None:
    with pytest.raises(UnknownBankError):
        plan_cards(ZHANG_SAN, banks, registry=registry)  # type: ignore[arg-type]


# --- differences that show, and those that do not ---------------------------------------


def test_order_does_not_matter_for_a_one_part_name(icbc: Bank, boc: Bank) -> None:
    plan = plan_cards(PassportName(given_names="Madonna"), [icbc, boc])
    assert plan.compatible
    assert plan.advice == ()


def test_given_name_spacing_shows_only_with_several_given_names(icbc: Bank) -> None:
    joined = icbc.model_copy(update={"code": "JOIN", "name_zh": "合写银行", "given_separator": ""})
    assert plan_cards(ZHANG_SAN, [icbc, joined]).compatible
    plan = plan_cards(PassportName(surname="Zhang", given_names="San Feng"), [icbc, joined])
    assert not plan.compatible
    assert codes(plan.advice) == [ProblemCode.MISSING_SPACE]
    assert "ZHANG SANFENG" in plan.advice[0].message_en


def test_case_difference_is_named(icbc: Bank) -> None:
    titled = icbc.model_copy(update={"code": "TITLE", "name_zh": "标题银行", "case": "title"})
    plan = plan_cards(ZHANG_SAN, [icbc, titled])
    assert not plan.compatible
    assert codes(plan.advice) == [ProblemCode.CASE_DIFFERS]
    assert "Zhang San" in plan.advice[0].message_en
    assert "大小写" in plan.advice[0].message_zh


def test_a_short_field_is_a_length_warning(registry: BankRegistry, cmb: Bank) -> None:
    short_field = registry.get("TEST")
    assert short_field.max_length is not None
    assert len(format_name(LONG_NAME, short_field)) > short_field.max_length
    plan = plan_cards(LONG_NAME, [short_field, cmb])
    # Both write surname first with spaces: the same rank 1, but the short field may cut it.
    assert plan.compatible
    assert codes(plan.advice) == [ProblemCode.TOO_LONG]
    message = plan.advice[0].message_en
    assert f"{short_field.max_length} characters" in message
    assert "TEST" in message
    assert "CMB" in message
    assert "招商银行" in plan.advice[0].message_zh


def test_no_length_warning_when_the_name_fits(registry: BankRegistry, cmb: Bank) -> None:
    assert plan_cards(ZHANG_SAN, [registry.get("TEST"), cmb]).advice == ()


def test_no_length_warning_without_a_bank_that_keeps_it_whole(registry: BankRegistry) -> None:
    assert plan_cards(LONG_NAME, [registry.get("TEST")]).advice == ()


# --- compatible_banks -------------------------------------------------------------------


def test_compatible_banks_of_icbc(registry: BankRegistry) -> None:
    found = [bank.code for bank in compatible_banks(ZHANG_SAN, "ICBC", registry=registry)]
    assert "CMB" in found
    assert "BOC" not in found
    assert "ABC" not in found
    assert "ICBC" not in found


def test_compatible_banks_of_icbc_in_the_packaged_data() -> None:
    found = [bank.code for bank in compatible_banks(ZHANG_SAN, "ICBC")]
    assert "CMB" in found
    assert not {"ICBC", "BOC", "ABC"} & set(found)


def test_compatible_banks_of_boc_is_empty_among_the_seed_banks(registry: BankRegistry) -> None:
    assert compatible_banks(ZHANG_SAN, "BOC", registry=registry) == ()


def test_compatible_banks_put_reported_first(registry: BankRegistry, icbc: Bank, cmb: Bank) -> None:
    unknown = registry.get("TEST")  # surname first with a space, evidence unknown
    inferred = cmb.model_copy(update={"code": "CMB2", "evidence": "inferred"})
    reported = cmb.model_copy(update={"code": "CMB3"})
    mixed = BankRegistry([unknown, inferred, icbc, cmb, reported])
    found = compatible_banks(ZHANG_SAN, icbc, registry=mixed)
    assert [bank.code for bank in found] == ["CMB", "CMB3", "CMB2", "TEST"]
    assert [bank.evidence for bank in found] == ["reported", "reported", "inferred", "unknown"]


# --- properties -------------------------------------------------------------------------

letters = st.text(alphabet="abcdeklmnosuzüøéñ", min_size=1, max_size=7)
parts = st.lists(letters, min_size=1, max_size=2).map(" ".join)
names = st.builds(
    lambda surname, given_names: PassportName(surname=surname, given_names=given_names),
    st.one_of(parts, st.just("")),
    st.lists(parts, min_size=1, max_size=3).map(" ".join),
)
LONG_PARTS = st.text(alphabet="abc", min_size=6, max_size=12)


@given(
    name=st.one_of(names, st.builds(PassportName, surname=LONG_PARTS, given_names=LONG_PARTS)), data=st.data()
)
def test_a_plan_for_two_banks(
    name: PassportName, data: st.DataObject, fixture_banks: tuple[Bank, ...]
) -> None:
    first = data.draw(st.sampled_from(fixture_banks))
    second = data.draw(st.sampled_from(fixture_banks))
    plan = plan_cards(name, [first, second])
    at_first = {c.text: c.rank for c in candidates(name, first)}
    at_second = {c.text: c.rank for c in candidates(name, second)}
    assert plan.shared, "the two banks share no text"
    for shared in plan.shared:
        assert shared.text in at_first
        assert shared.text in at_second
        assert shared.ranks[0] == at_first[shared.text]
        assert shared.ranks[-1] == at_second[shared.text]
    same_rank_one = format_name(name, first) == format_name(name, second)
    assert plan.compatible is same_rank_one
    if same_rank_one:
        assert plan.shared[0].text == format_name(name, first)
        assert set(plan.shared[0].ranks) == {1}
        assert all(problem.code is ProblemCode.TOO_LONG for problem in plan.advice)
    else:
        assert any(problem.code is not ProblemCode.TOO_LONG for problem in plan.advice)
    # The same two banks in the other order share the same texts.
    assert {s.text for s in plan_cards(name, [second, first]).shared} == {s.text for s in plan.shared}


@given(name=names, data=st.data())
def test_compatible_banks_are_those_with_the_same_rank_one(
    name: PassportName, data: st.DataObject, registry: BankRegistry
) -> None:
    bank = data.draw(st.sampled_from(registry.banks))
    found = compatible_banks(name, bank, registry=registry)
    expected = {other.code for other in registry.banks if other.code != bank.code} & {
        other.code for other in registry.banks if format_name(name, other) == format_name(name, bank)
    }
    assert {other.code for other in found} == expected
    for other in found:
        assert plan_cards(name, [bank, other]).compatible


# --- the command line -------------------------------------------------------------------


def run_plan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wxpay_names", "plan", "--surname", "Zhang", "--given", "San", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_cli_compatible_banks_exit_0() -> None:
    result = run_plan("--bank", "ICBC", "--bank", "CMB")
    assert result.returncode == 0, result.stderr
    assert "ZHANG SAN" in result.stdout


def test_cli_incompatible_banks_exit_1_and_say_why() -> None:
    result = run_plan("--bank", "ICBC", "--bank", "BOC")
    assert result.returncode == 1, result.stderr
    assert "order" in result.stdout.lower()
    assert "SAN ZHANG" in result.stdout


def test_cli_json() -> None:
    result = run_plan("--bank", "ICBC", "--bank", "BOC", "--json")
    assert result.returncode == 1, result.stderr
    plan = json.loads(result.stdout)
    assert plan["compatible"] is False
    assert plan["banks"] == ["ICBC", "BOC"]
    assert plan["shared"][0]["text"] == "ZHANG SAN"
    assert plan["advice"][0]["code"] == "ORDER_SWAPPED"


def test_cli_chinese() -> None:
    result = run_plan("--bank", "工行", "--bank", "中国银行", "--lang", "zh")
    assert result.returncode == 1, result.stderr
    assert "姓名顺序不同" in result.stdout


def test_cli_unknown_bank_exits_2() -> None:
    result = run_plan("--bank", "ICBC", "--bank", "NOPE")
    assert result.returncode == 2
    assert "NOPE" in result.stderr


# --- how sure the advice is -------------------------------------------------------------


def test_reported_banks_are_said_to_write_without_a_caveat(icbc: Bank, boc: Bank) -> None:
    advice = plan_cards(ZHANG_SAN, [icbc, boc]).advice[0]
    assert "ICBC writes the surname first" in advice.message_en
    assert "BOC writes the given names first" in advice.message_en
    assert "most likely write" not in advice.message_en
    assert "No source" not in advice.message_en
    assert "很可能" not in advice.message_zh


def test_an_inferred_bank_most_likely_writes(icbc: Bank, boc: Bank) -> None:
    inferred = boc.model_copy(update={"code": "BOC2", "evidence": "inferred"})
    advice = plan_cards(ZHANG_SAN, [icbc, inferred]).advice[0]
    assert "ICBC writes the surname first" in advice.message_en
    assert "BOC2 most likely writes the given names first" in advice.message_en
    assert "中国银行很可能先写名、后写姓" in advice.message_zh


def test_an_unknown_bank_is_a_guess(registry: BankRegistry, boc: Bank) -> None:
    advice = plan_cards(ZHANG_SAN, [boc, registry.get("TEST")]).advice[0]
    assert "TEST most likely writes the surname first" in advice.message_en
    assert advice.message_en.endswith(
        "No source says how TEST writes names: its form here is the commonest convention, a guess."
    )
    assert advice.message_zh.endswith("暂无资料说明测试银行如何记录姓名，此处按最常见的写法推测。")


def test_the_cli_verdict_says_which_banks_are_a_guess(registry: BankRegistry, icbc: Bank, cmb: Bank) -> None:
    from wxpay_names.cli_render import plan_lines

    unknown = registry.get("TEST")
    plan = plan_cards(ZHANG_SAN, [icbc, unknown])
    expected = [format_name(ZHANG_SAN, bank) for bank in (icbc, unknown)]
    assert plan_lines(plan, [icbc, unknown], expected, "en")[0] == (
        'ONE NAME FITS: type "ZHANG SAN"; it is the likeliest form at ICBC, TEST. (TEST: a guess, no source)'
    )
    assert plan_lines(plan, [icbc, unknown], expected, "zh")[0].endswith(
        "注：测试银行的写法暂无资料，仅为推测。"
    )
    sure = plan_cards(ZHANG_SAN, [icbc, cmb])
    first = plan_lines(sure, [icbc, cmb], ["ZHANG SAN", "ZHANG SAN"], "en")[0]
    assert first == 'ONE NAME FITS: type "ZHANG SAN"; it is the likeliest form at ICBC, CMB.'


def test_the_cli_verdict_with_a_bank_without_a_source() -> None:
    result = run_plan("--bank", "ICBC", "--bank", "PSBC")  # PSBC's row is unknown in data/banks.csv
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith("(PSBC: a guess, no source)")


# --- what the advice says about more than two banks, and about length -------------------

VIRTANEN = PassportName(surname="Virtanen", given_names="Anna Kaisa Marjatta")


def test_two_banks_are_both_and_more_are_all_of_them(icbc: Bank, boc: Bank, abc: Bank, cmb: Bank) -> None:
    two = plan_cards(ZHANG_SAN, [icbc, boc]).advice[0]
    assert "no single name is the most likely at both." in two.message_en
    assert "两家银行最可能" in two.message_zh
    for advice in plan_cards(ZHANG_SAN, [icbc, boc, abc, cmb]).advice:
        assert "at all of them." in advice.message_en
        assert "at both" not in advice.message_en
        assert "所有银行最可能" in advice.message_zh


def test_length_advice_says_only_what_is_known(icbc: Bank, abc: Bank, boc: Bank, cmb: Bank) -> None:
    plan = plan_cards(VIRTANEN, [icbc, abc, boc, cmb])
    [too_long] = [problem for problem in plan.advice if problem.code is ProblemCode.TOO_LONG]
    message = too_long.message_en
    assert "keep it whole" not in message
    assert "no limit is known for ABC, BOC and CMB" in message
    assert "(VIRTANENANNAKAISAMAR or VIRTANEN ANNA KAISA)" in message
    assert "ABC、BOC" not in too_long.message_zh
    assert "中国农业银行、中国银行和招商银行的姓名栏长度限制未知" in too_long.message_zh


def test_a_field_known_to_fit_is_named_with_its_own_text(icbc: Bank, abc: Bank) -> None:
    roomy = abc.model_copy(update={"code": "ABC40", "max_length": 40, "max_length_evidence": "reported"})
    plan = plan_cards(VIRTANEN, [icbc, roomy])
    [too_long] = [problem for problem in plan.advice if problem.code is ProblemCode.TOO_LONG]
    assert "ABC40's field (40 characters, reported) holds it whole (VIRTANENANNAKAISAMARJATTA)" in (
        too_long.message_en
    )
    assert "no limit is known" not in too_long.message_en


def test_the_advice_names_the_other_banks_whose_likeliest_form_is_each_side_s(registry: BankRegistry) -> None:
    """api.md: the advice says how the banks differ "and which banks would agree"."""
    advice = plan_cards(ZHANG_SAN, ["ICBC", "BOC"]).advice[0].message_en
    for bank, text in (("ICBC", "ZHANG SAN"), ("BOC", "SAN ZHANG")):
        others = compatible_banks(ZHANG_SAN, bank)
        # The form is as sure as its least sure column: the case is inferred at every bank.
        sure = {other.code: form_evidence(other) for other in others}
        said = f"Other banks whose likeliest form is {text}: "
        assert (said in advice) == any(evidence != "unknown" for evidence in sure.values())
        for code, evidence in sure.items():  # the ones no source describes are a guess: not named
            assert (f" {code} " in advice or f" {code}," in advice or f" {code}." in advice) == (
                evidence != "unknown"
            )
    assert "(reported)" not in advice  # CMB's order and spacing are reported, its case inferred
    # From the banks the plan was given: here the fixture's, where only CMB writes as ICBC does.
    own = plan_cards(ZHANG_SAN, ["ICBC", "BOC"], registry=registry).advice[0].message_en
    assert own.endswith("Other banks whose likeliest form is ZHANG SAN: CMB (inferred).")
    # Ranked with observations, no row of another bank says what it holds: none named.
    seen = Observations.from_outcomes([Outcome("ABC", candidates(ZHANG_SAN, "ABC")[0].pattern, True)])
    learned = plan_cards(ZHANG_SAN, ["ICBC", "BOC"], observations=seen).advice[0].message_en
    assert "Other banks" not in learned


def test_the_chinese_advice_names_the_other_banks_as_a_reader_would() -> None:
    # "推断的有招商银行…" read awkwardly; the grade now follows the banks it qualifies.
    plan = plan_cards(PassportName(surname="Zhang", given_names="San"), ["ICBC", "BOC"])
    said = " ".join(problem.message_zh for problem in plan.advice)
    assert "其他银行中，最可能的写法同为 ZHANG SAN 的有招商银行" in said
    assert "依据为“推断”" in said
    assert "推断的有" not in said


@pytest.mark.parametrize("banks", [{"ICBC", "BOC"}, frozenset({"ICBC", "ABC"}), {"ICBC": 1}])
def test_banks_without_an_order_are_refused(banks: object) -> None:
    """A set's order changes with PYTHONHASHSEED, and the plan follows the order given: the same
    call answered differently from one run to the next."""
    with pytest.raises(UnknownBankError, match="in order") as refused:
        plan_cards(PassportName(surname="Zhang", given_names="San"), banks)  # type: ignore[arg-type]
    assert refused.value.code == ErrorCode.UNKNOWN_BANK
