"""Rankings that learn from outcomes, what to try next, and observations as data (issue 16)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from test_properties import name_fields
from wxpay_names import (
    Bank,
    Candidate,
    ErrorCode,
    LearnedCandidate,
    NameFormatError,
    Observations,
    ObservationsError,
    Outcome,
    PassportName,
    Pattern,
    banks,
    candidates,
    check_name,
    format_name,
    from_chinese,
    get_bank,
    next_tries,
    parse_name,
    plan_cards,
)
from wxpay_names.learned_ranking import PRIOR_STRENGTH, estimate
from wxpay_names.observations import PATTERN_FIELDS, pattern_key

ZHANG_SAN = PassportName(surname="Zhang", given_names="San")
ZHANG_SAN_FIRST = candidates(ZHANG_SAN, "ICBC")[0].pattern


def outcomes(bank: str, pattern: Pattern, accepted: int, refused: int) -> list[Outcome]:
    return [Outcome(bank, pattern, True)] * accepted + [Outcome(bank, pattern, False)] * refused


def texts(found: tuple[Candidate, ...]) -> list[str]:
    return [candidate.text for candidate in found]


def fields_of(found: tuple[Candidate, ...]) -> list[tuple[str, int, Pattern, str]]:
    return [(c.text, c.rank, c.pattern, c.note) for c in found]


def person(fields: tuple[str, str]) -> PassportName | None:
    try:
        name = PassportName(surname=fields[0], given_names=fields[1])
        candidates(name, "ICBC")
    except (ValueError, NameFormatError):
        return None
    return name


# -- the Must-show examples --------------------------------------------------------------------


def test_thirty_accepted_no_space_outcomes_make_it_rank_one_at_icbc_only() -> None:
    today = candidates(ZHANG_SAN, "ICBC")
    no_space = next(c for c in today if c.text == "ZHANGSAN")
    seen = Observations.from_outcomes(
        outcomes("ICBC", no_space.pattern, 30, 0) + outcomes("ICBC", today[0].pattern, 0, 30)
    )
    learned = candidates(ZHANG_SAN, "ICBC", observations=seen)
    assert learned[0].text == "ZHANGSAN"
    assert format_name(ZHANG_SAN, "ICBC", observations=seen) == "ZHANGSAN"
    assert isinstance(learned[0], LearnedCandidate)
    assert (learned[0].observed.accepted, learned[0].observed.refused) == (30, 0)
    assert learned[0].observed.prior_rank == no_space.rank
    assert "accepted 30 of 30 times in your observations" in learned[0].note
    assert [c.rank for c in learned] == list(range(1, len(today) + 1))
    assert sorted(texts(learned)) == sorted(texts(today))  # re-ordered, nothing added or lost
    # The same observations leave the Bank of China's order as it is.
    assert fields_of(candidates(ZHANG_SAN, "BOC", observations=seen)) == fields_of(
        candidates(ZHANG_SAN, "BOC")
    )


def test_one_accepted_outcome_of_the_twelfth_candidate_leaves_it_below_rank_one() -> None:
    name = PassportName(surname="Zhang", given_names="San Feng")
    today = candidates(name, "ICBC")
    assert len(today) >= 12
    twelfth = today[11]
    alone = Observations.from_outcomes([Outcome("ICBC", twelfth.pattern, True)])
    learned = candidates(name, "ICBC", observations=alone)
    assert learned[0].text == today[0].text
    assert next(c for c in learned if c.text == twelfth.text).rank > 1
    # Added to the 30 accepted no-space outcomes and 30 refusals of rank 1, it stays below too.
    no_space = next(c for c in today if c.text == "ZHANGSANFENG")
    with_thirty = alone.merge(
        Observations.from_outcomes(
            outcomes("ICBC", no_space.pattern, 30, 0) + outcomes("ICBC", today[0].pattern, 0, 30)
        )
    )
    learned = candidates(name, "ICBC", observations=with_thirty)
    assert learned[0].text == "ZHANGSANFENG"
    assert next(c for c in learned if c.text == twelfth.text).rank > 1


def test_next_tries_after_zhang_san_was_refused() -> None:
    tries = next_tries(ZHANG_SAN, "ICBC", refused=["ZHANG SAN"])
    assert tries[0].text == "Zhang San"
    assert "ZHANG SAN" not in texts(tries)
    full = {c.text: c.rank for c in candidates(ZHANG_SAN, "ICBC")}
    assert all(full[c.text] == c.rank for c in tries)  # each keeps its rank in the full list


# -- next_tries --------------------------------------------------------------------------------


def test_refused_texts_are_compared_exactly_and_hand_typed_ones_are_accepted() -> None:
    assert "ZHANG SAN" in texts(next_tries(ZHANG_SAN, "ICBC", refused=["Zhang San", "zhang  san"]))
    assert texts(next_tries(ZHANG_SAN, "ICBC", refused=["Z. SAN"])) == texts(candidates(ZHANG_SAN, "ICBC"))
    # One text, not its characters.
    assert "ZHANG SAN" not in texts(next_tries(ZHANG_SAN, "ICBC", refused="ZHANG SAN"))


@pytest.mark.parametrize("refused", [[1], 5, ["x" * 300]])
def test_unusable_refused_texts_raise_our_error(refused: object) -> None:
    with pytest.raises(NameFormatError):
        next_tries(ZHANG_SAN, "ICBC", refused=refused)  # type: ignore[arg-type]


@given(fields=name_fields, data=st.data())
def test_next_tries_is_the_full_list_without_the_refused_texts(
    fields: tuple[str, str], data: st.DataObject
) -> None:
    name = person(fields)
    if name is None:
        return
    full = candidates(name, "ICBC")
    refused = data.draw(st.lists(st.sampled_from(texts(full)), max_size=len(full)))
    tries = next_tries(name, "ICBC", refused)
    assert fields_of(tries) == fields_of(tuple(c for c in full if c.text not in refused))


# -- the ranking's properties ------------------------------------------------------------------


@given(fields=name_fields, data=st.data())
def test_without_observations_every_order_is_todays(
    fields: tuple[str, str], data: st.DataObject, fixture_banks: tuple[Bank, ...]
) -> None:
    name = person(fields)
    if name is None:
        return
    for bank in (*fixture_banks, *banks()):  # the test banks and every packaged bank
        today = candidates(name, bank)
        assert fields_of(candidates(name, bank, observations=None)) == fields_of(today)
        assert format_name(name, bank, observations=None) == today[0].text
        # Empty observations, or observations at other banks only, change no order either.
        other = data.draw(st.sampled_from([b.code for b in fixture_banks if b.code != bank.code] + ["XYZ"]))
        elsewhere = Observations.from_outcomes(
            outcomes(other, data.draw(st.sampled_from(today[1:] or today)).pattern, 30, 0)
            + outcomes(other, today[0].pattern, 0, 30)
        )
        for seen in (Observations(), elsewhere):
            learned = candidates(name, bank, observations=seen)
            assert [(c.text, c.rank, c.pattern) for c in learned] == [
                (c.text, c.rank, c.pattern) for c in today
            ]
            assert format_name(name, bank, observations=seen) == today[0].text


@given(fields=name_fields, data=st.data())
def test_thirty_accepted_against_thirty_refused_rank_one_always_wins(
    fields: tuple[str, str], data: st.DataObject, fixture_banks: tuple[Bank, ...]
) -> None:
    name = person(fields)
    if name is None:
        return
    bank = data.draw(st.sampled_from(fixture_banks))
    today = candidates(name, bank)
    chosen = data.draw(st.sampled_from(today))
    seen = Observations.from_outcomes(
        outcomes(bank.code, chosen.pattern, 30, 0)
        + outcomes(bank.code, today[0].pattern, 0, 30 if chosen.rank > 1 else 0)
    )
    assert candidates(name, bank, observations=seen)[0].text == chosen.text


@given(fields=name_fields, data=st.data())
def test_one_accepted_outcome_never_lifts_rank_five_or_below_to_rank_one(
    fields: tuple[str, str], data: st.DataObject, fixture_banks: tuple[Bank, ...]
) -> None:
    name = person(fields)
    if name is None:
        return
    bank = data.draw(st.sampled_from(fixture_banks))
    today = candidates(name, bank)
    if len(today) < 5:
        return
    chosen = data.draw(st.sampled_from(today[4:]))
    # Also with refusals of every candidate but rank 1 (nothing but the one accept speaks for it).
    others = [c for c in today[1:] if c.text != chosen.text]
    refused = data.draw(st.lists(st.sampled_from(others), max_size=6)) if others else []
    seen = Observations.from_outcomes(
        [Outcome(bank.code, chosen.pattern, True), *[Outcome(bank.code, c.pattern, False) for c in refused]]
    )
    learned = candidates(name, bank, observations=seen)
    assert learned[0].text == today[0].text
    assert next(c for c in learned if c.text == chosen.text).rank > 1


@given(
    counts=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=8, max_size=8),
    order=st.permutations(range(8)),
)
def test_equal_inputs_give_equal_orders_however_the_outcomes_came(
    counts: list[tuple[int, int]], order: list[int]
) -> None:
    today = candidates(ZHANG_SAN, "ICBC")
    log = [
        outcome
        for candidate, (accepted, refused) in zip(today, counts, strict=False)
        for outcome in outcomes("ICBC", candidate.pattern, accepted, refused)
    ]
    shuffled = [log[i] for i in sorted(range(len(log)), key=lambda i: order[i % 8] * 10_000 + i)]
    first = candidates(ZHANG_SAN, "ICBC", observations=Observations.from_outcomes(log))
    second = candidates(ZHANG_SAN, "ICBC", observations=Observations.from_outcomes(shuffled))
    assert first == second
    # The order is by estimate, ties by today's rank.
    keys = [(-c.observed.estimate, c.observed.prior_rank) for c in first]
    assert keys == sorted(keys)


def test_the_estimate_is_the_documented_formula() -> None:
    assert estimate(1, 0, 0) == Fraction(1, 2)
    assert estimate(3, 30, 0) == (30 + PRIOR_STRENGTH * Fraction(1, 2) / 3) / (30 + PRIOR_STRENGTH)
    assert estimate(2, 3, 7) == (3 + PRIOR_STRENGTH * Fraction(1, 4)) / (10 + PRIOR_STRENGTH)


# -- check_name and plan_cards with observations -------------------------------------------------


def test_check_name_judges_against_the_learned_rank_one() -> None:
    today = candidates(ZHANG_SAN, "ICBC")
    no_space = next(c for c in today if c.text == "ZHANGSAN")
    seen = Observations.from_outcomes(outcomes("ICBC", no_space.pattern, 30, 0))
    assert check_name("ZHANGSAN", ZHANG_SAN, "ICBC", observations=seen).status == "match"
    result = check_name("ZHANG SAN", ZHANG_SAN, "ICBC", observations=seen)
    assert (result.status, result.expected) == ("plausible", "ZHANGSAN")
    assert [p.code.value for p in result.problems] == ["EXTRA_SPACE"]
    assert "ZHANGSAN" in result.problems[0].message_en
    mismatch = check_name("ZHANG SANN", ZHANG_SAN, "ICBC", observations=seen)
    assert mismatch.status == "mismatch"
    assert mismatch.problems
    # Without observations at the bank, the verdict is today's.
    plain = check_name("SAN ZHANG", ZHANG_SAN, "ICBC")
    learned = check_name("SAN ZHANG", ZHANG_SAN, "ICBC", observations=Observations())
    assert (learned.status, learned.expected, learned.problems) == (
        plain.status,
        plain.expected,
        plain.problems,
    )


def test_check_name_says_a_learned_rank_one_no_row_can_write() -> None:
    name = PassportName(surname="Müller", given_names="Jürgen")
    today = candidates(name, "ICBC")
    folded = next(c for c in today if c.pattern.spelling == "folded" and c.pattern.case == "upper")
    seen = Observations.from_outcomes(outcomes("ICBC", folded.pattern, 40, 0))
    result = check_name(today[0].text, name, "ICBC", observations=seen)
    assert result.expected == folded.text
    assert result.status == "plausible"
    assert result.problems
    assert folded.text in result.problems[0].message_en


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("SMITH", "MISSING_NAME_PART"),
        ("JOHN SMITH", "ORDER_SWAPPED"),
        ("Smith John", "CASE_DIFFERS"),
        ("SMITHJOHN", "MISSING_SPACE"),
        ("SMITH JOHN PAUL", "EXTRA_NAME_PART"),
    ],
)
def test_a_learned_rank_one_no_row_writes_is_compared_word_for_word(typed: str, code: str) -> None:
    # The first given name alone, learned: every difference was EXTRA_NAME_PART.
    name = PassportName(surname="Smith", given_names="John Paul")
    first_alone = next(c for c in candidates(name, "ICBC") if c.text == "SMITH JOHN")
    seen = Observations.from_outcomes(outcomes("ICBC", first_alone.pattern, 60, 0))
    result = check_name(typed, name, "ICBC", observations=seen)
    assert result.expected == "SMITH JOHN"
    assert [problem.code.value for problem in result.problems] == [code]


def test_a_learned_rank_one_never_tried_is_not_said_accepted() -> None:
    # Every form above SMITH JOHN refused: it leads with no acceptance of its own. "accepted
    # SMITH JOHN 0 of 0 times" claimed an outcome there was none of.
    name = PassportName(surname="Smith", given_names="John Paul")
    today = candidates(name, "ICBC")
    above = today[: texts(today).index("SMITH JOHN")]
    seen = Observations.from_outcomes([Outcome("ICBC", c.pattern, False) for c in above] * 200)
    assert texts(candidates(name, "ICBC", observations=seen))[0] == "SMITH JOHN"
    said = check_name("SMITH JOHN PAUL", name, "ICBC", observations=seen).problems[-1]
    assert "accepted SMITH JOHN" not in said.message_en
    assert "refused the forms ranked above SMITH JOHN without them" in said.message_en
    assert "(not tried yet)" in said.message_en
    assert "尚未试过" in said.message_zh


@pytest.mark.parametrize(
    ("typed_as", "first_code"),
    [
        ("zhang·san", "CASE_DIFFERS"),  # the learned form in small letters
        ("ZHANG SAN", "SPELLING"),
        ("Zhang San", "SPELLING"),
        ("SAN ZHANG", "SPELLING"),
        # what is wrong with the typed characters themselves is still said, first
        ("ＺＨＡＮＧ·ＳＡＮ", "FULL_WIDTH"),
        ("ZHANG\u200b·SAN", "INVISIBLE_CHARACTERS"),
        ("ZHANG·SAИ", "MIXED_SCRIPT"),
    ],
)
def test_every_problem_points_to_the_learned_rank_one(typed_as: str, first_code: str) -> None:
    # A learned rank 1 no bank row writes (here the dotted form): no problem may say to type
    # the row's own text, which the observations put lower.
    dotted = next(c for c in candidates(ZHANG_SAN, "ICBC") if c.pattern.dots == "middle_dot")
    seen = Observations.from_outcomes(outcomes("ICBC", dotted.pattern, 100, 0))
    result = check_name(typed_as, ZHANG_SAN, "ICBC", observations=seen)
    assert result.expected == "ZHANG·SAN"
    assert result.problems[0].code.value == first_code
    for problem in result.problems:
        assert problem.message_en.endswith(" ZHANG·SAN")  # "type ZHANG·SAN", "retype it by hand as …"
        assert problem.message_zh.endswith("ZHANG·SAN")


def test_plan_cards_uses_the_learned_rank_ones() -> None:
    today = candidates(ZHANG_SAN, "ICBC")
    no_space = next(c for c in today if c.text == "ZHANGSAN")
    seen = Observations.from_outcomes(outcomes("ICBC", no_space.pattern, 30, 0))
    assert not plan_cards(ZHANG_SAN, ["ICBC", "ABC"]).compatible
    plan = plan_cards(ZHANG_SAN, ["ICBC", "ABC"], observations=seen)
    assert plan.compatible
    assert plan.shared[0].text == "ZHANGSAN"
    assert plan_cards(ZHANG_SAN, ["ICBC", "CMB"], observations=Observations()) == plan_cards(
        ZHANG_SAN, ["ICBC", "CMB"]
    )


def test_plan_advice_says_a_learned_form_as_learned() -> None:
    # A learned rank 1 no row writes (the dotted form) is "most likely", and the texts are named
    # as they are: "writes (ZHANG·SAN)" claimed a reported convention and read oddly.
    dotted = next(c for c in candidates(ZHANG_SAN, "ICBC") if c.pattern.dots == "middle_dot")
    seen = Observations.from_outcomes(outcomes("ICBC", dotted.pattern, 100, 0))
    advice = plan_cards(ZHANG_SAN, ["ICBC", "CMB"], observations=seen).advice
    assert [problem.code.value for problem in advice] == ["SPELLING"]
    assert advice[0].message_en.startswith(
        "The likeliest forms differ: ICBC most likely writes ZHANG·SAN; CMB writes ZHANG SAN."
    )
    said_zh = "最可能的写法不同：中国工商银行很可能写作 ZHANG·SAN，招商银行写作 ZHANG SAN。"
    assert advice[0].message_zh.startswith(said_zh)


def test_plan_advice_never_says_a_learned_form_by_its_row_columns() -> None:
    # ABC's row writes no space (ZHANGSAN); CMB's learned rank 1 is the dotted form, whose row
    # says "a space": "CMB writes a space between surname and given names (ZHANG·SAN)" was
    # wrong twice (no space in it, and "writes" for a form learned from outcomes).
    dotted = next(c for c in candidates(ZHANG_SAN, "CMB") if c.pattern.dots == "middle_dot")
    seen = Observations.from_outcomes(outcomes("CMB", dotted.pattern, 100, 0))
    for chosen in (["ABC", "CMB"], ["CMB", "ABC"]):
        advice = plan_cards(ZHANG_SAN, chosen, observations=seen).advice
        assert len(advice) == 1, advice
        assert advice[0].message_en.startswith("The likeliest forms differ: ")
        assert "CMB most likely writes ZHANG·SAN" in advice[0].message_en
        assert "ABC writes ZHANGSAN" in advice[0].message_en
        assert "space" not in advice[0].message_en.split(". ")[0]
        assert "招商银行很可能写作 ZHANG·SAN" in advice[0].message_zh


def test_the_chinese_note_warns_of_the_length_where_the_english_does() -> None:
    """The warning that rank 1 is longer than the field belongs to today's rank 1, in both
    languages, wherever observations move it."""
    from wxpay_names.front_wording import candidate_why

    icbc = get_bank("ICBC")
    long = PassportName(surname="Mueller-Luedenscheidt", given_names="Karl Juergen")
    today = candidates(long, icbc)
    seen = Observations.from_outcomes(
        outcomes("ICBC", today[1].pattern, 50, 0) + outcomes("ICBC", today[0].pattern, 0, 50)
    )
    learned = candidates(long, icbc, observations=seen)
    assert learned[0].text == today[1].text
    for candidate in learned:
        warned_en = "longer than the bank's 20-character field" in candidate.note
        warned_zh = "超出银行姓名栏" in candidate_why(candidate, icbc, "zh")
        assert warned_en == warned_zh == (candidate.text == today[0].text), candidate


def test_outcomes_of_a_spelling_that_writes_the_same_letters_count_for_an_ascii_name() -> None:
    # An app learned that ICBC holds the plainly folded spelling (MULLER) and not the passport's
    # (MUELLER). For ZHANG SAN both spellings write the same letters: it stays rank 1, where the
    # refusals of MUELLER-like texts pushed it under Zhang San.
    mueller = PassportName(surname="Müller", given_names="Jürgen")
    today = candidates(mueller, "ICBC")
    icao, folded = (next(c for c in today if c.text == text) for text in ("MUELLER JUERGEN", "MULLER JURGEN"))
    seen = Observations.from_outcomes(
        outcomes("ICBC", icao.pattern, 0, 30) + outcomes("ICBC", folded.pattern, 30, 0)
    )
    assert texts(candidates(mueller, "ICBC", observations=seen))[0] == "MULLER JURGEN"
    learned = candidates(ZHANG_SAN, "ICBC", observations=seen)
    assert texts(learned)[:2] == ["ZHANG SAN", "Zhang San"]
    assert isinstance(learned[0], LearnedCandidate)
    assert (learned[0].observed.accepted, learned[0].observed.refused) == (30, 30)


def test_a_one_part_name_counts_the_outcomes_of_every_order_and_spacing() -> None:
    madonna = PassportName(given_names="Madonna")
    no_space = next(c for c in candidates(ZHANG_SAN, "ICBC") if c.text == "ZHANGSAN").pattern
    swapped = next(c for c in candidates(ZHANG_SAN, "ICBC") if c.text == "SAN ZHANG").pattern
    seen = Observations.from_outcomes(outcomes("ICBC", no_space, 20, 0) + outcomes("ICBC", swapped, 5, 0))
    learned = candidates(madonna, "ICBC", observations=seen)
    assert texts(learned)[0] == "MADONNA"
    assert learned[0].observed.accepted == 25  # both patterns write MADONNA
    assert learned[1].observed.accepted == 0  # Madonna: title case, never observed


def test_every_pattern_that_writes_the_same_text_is_counted() -> None:
    zhang_first, swapped, dotted = (
        next(c for c in candidates(ZHANG_SAN, "ICBC") if test(c))
        for test in (
            lambda c: c.rank == 1,
            lambda c: c.text == "SAN ZHANG",
            lambda c: c.pattern.dots == "middle_dot",
        )
    )
    mueller = PassportName(surname="Müller", given_names="Jürgen")
    icao, folded = (
        next(c for c in candidates(mueller, "ICBC") if c.text == t)
        for t in ("MUELLER JUERGEN", "MULLER JURGEN")
    )
    folded_learned = Observations.from_outcomes(
        outcomes("ICBC", icao.pattern, 0, 30) + outcomes("ICBC", folded.pattern, 30, 0)
    )
    # A name read from Chinese characters: its pinyin is written alike by every letter table.
    assert texts(candidates(from_chinese("张三"), "ICBC", observations=folded_learned))[0] == "ZHANG SAN"
    # LI LI reads the same in either order: outcomes of "given name first" count for it.
    order_learned = Observations.from_outcomes(
        outcomes("ICBC", swapped.pattern, 30, 0) + outcomes("ICBC", zhang_first.pattern, 0, 30)
    )
    li_li = candidates(PassportName(surname="Li", given_names="Li"), "ICBC", observations=order_learned)
    assert texts(li_li)[0] == "LI LI"
    assert (li_li[0].observed.accepted, li_li[0].observed.refused) == (30, 30)
    # A one-word name has no dot to write: the dotted pattern's outcomes count for MADONNA.
    dots_learned = Observations.from_outcomes(
        outcomes("ICBC", dotted.pattern, 30, 0) + outcomes("ICBC", zhang_first.pattern, 0, 30)
    )
    madonna = candidates(PassportName(given_names="Madonna"), "ICBC", observations=dots_learned)
    assert (madonna[0].text, madonna[0].observed.accepted) == ("MADONNA", 30)
    # "The first given name alone" writes DOE JOHN as the suffix left out does.
    john_paul = PassportName(surname="Smith", given_names="John Paul")
    first_alone = next(c for c in candidates(john_paul, "ICBC") if c.text == "SMITH JOHN")
    first_learned = Observations.from_outcomes(outcomes("ICBC", first_alone.pattern, 40, 0))
    doe = candidates(parse_name("Doe, John III"), "ICBC", observations=first_learned)
    assert (doe[0].text, doe[0].observed.accepted) == ("DOE JOHN", 40)


def test_refusals_of_another_pattern_are_not_pooled() -> None:
    # People who left out their middle names were refused 40 times: that choice does not show in
    # GARCIA MARIA, whose text the refused pattern writes too. It stays rank 1 (it fell under
    # Garcia Maria when refusals were pooled).
    john_paul = PassportName(surname="Smith", given_names="John Paul")
    today = candidates(john_paul, "ICBC")
    first_alone = next(c for c in today if c.text == "SMITH JOHN").pattern
    title = next(c for c in today if c.text == "Smith John Paul").pattern
    seen = Observations.from_outcomes(
        outcomes("ICBC", today[0].pattern, 10, 0)
        + outcomes("ICBC", first_alone, 0, 40)
        + outcomes("ICBC", title, 4, 0)
    )
    maria = PassportName(surname="Garcia", given_names="Maria")
    learned = candidates(maria, "ICBC", observations=seen)
    assert texts(learned)[0] == "GARCIA MARIA"
    assert (learned[0].observed.accepted, learned[0].observed.refused) == (10, 0)
    assert check_name("GARCIA MARIA", maria, "ICBC", observations=seen).status == "match"


def test_a_chinese_reading_is_not_pooled_for_a_name_typed_in_latin_letters() -> None:
    # LU (the pinyin_lu reading) refused 20 times: for a typed LYU WEI nothing says what that
    # reading writes, so its refusals do not count against LYU WEI.
    lu = next(c for c in candidates(from_chinese("吕伟"), "CMB") if c.text == "LU WEI").pattern
    seen = Observations.from_outcomes(outcomes("CMB", lu, 0, 20))
    for name in (PassportName(surname="Lyu", given_names="Wei"), from_chinese("吕伟")):
        assert texts(candidates(name, "CMB", observations=seen))[0] == "LYU WEI"


def test_pooled_acceptances_are_said_to_include_forms_written_like_it() -> None:
    from wxpay_names.front_wording import candidate_why

    mueller = PassportName(surname="Müller", given_names="Jürgen")
    folded = next(c for c in candidates(mueller, "ICBC") if c.text == "MULLER JURGEN").pattern
    seen = Observations.from_outcomes(outcomes("ICBC", folded, 30, 0))
    zhang = candidates(ZHANG_SAN, "ICBC", observations=seen)[0]
    assert isinstance(zhang, LearnedCandidate)
    assert zhang.observed.alike
    assert "accepted 30 of 30 times in your observations, forms written like it included," in zhang.note
    assert "（含写法相同的形式）" in candidate_why(zhang, get_bank("ICBC"), "zh")
    own = candidates(mueller, "ICBC", observations=seen)[0]
    assert own.text == "MULLER JURGEN"
    assert isinstance(own, LearnedCandidate)
    assert not own.observed.alike
    assert "written like it" not in own.note


@given(fields=name_fields)
def test_patterns_judged_to_write_the_same_text_write_the_same_text(fields: tuple[str, str]) -> None:
    """Across all banks' lists for one name (cut forms aside: their length is the bank's), two
    patterns the pooling takes as one always write one text."""
    from wxpay_names.candidates import draft_candidates
    from wxpay_names.same_text_patterns import _Words, writes_same_text

    try:
        name = PassportName(surname=fields[0], given_names=fields[1])
        drafts = [draft_candidates(name, bank) for bank in banks()]
    except (ValueError, NameFormatError):
        return
    words = _Words(name, drafts[0].spelled)
    written: dict[tuple[object, ...], str] = {}
    for draft in drafts:
        for text, pattern in zip(draft.texts, draft.patterns, strict=True):
            if not pattern.shortened:
                written[pattern_key(pattern)] = text
    for key, text in written.items():
        for other, other_text in written.items():
            if writes_same_text(key, other, words):
                assert text == other_text, (key, other)


# -- Observations as data ------------------------------------------------------------------------

patterns = st.builds(
    Pattern,
    order=st.sampled_from(["surname_first", "given_first"]),
    separator=st.sampled_from(["space", "none"]),
    given_separator=st.sampled_from(["space", "none"]),
    given_names=st.sampled_from(["all", "first"]),
    spelling=st.sampled_from(["icao", "folded", "pinyin_lu"]),
    case=st.sampled_from(["upper", "title"]),
    shortened=st.booleans(),
)
outcome_lists = st.lists(
    st.builds(Outcome, st.sampled_from(["ICBC", "BOC", "MYBANK"]), patterns, st.booleans())
)


@given(first=outcome_lists, second=outcome_lists, third=outcome_lists)
def test_merging_is_associative_and_commutative_and_adds_counts(
    first: list[Outcome], second: list[Outcome], third: list[Outcome]
) -> None:
    a, b, c = (Observations.from_outcomes(each) for each in (first, second, third))
    assert a.merge(b) == b.merge(a)
    assert a.merge(b).merge(c) == a.merge(b.merge(c))
    assert a.merge(Observations()) == a
    assert a.merge(b) == Observations.from_outcomes(first + second)


@given(log=outcome_lists)
def test_observations_round_trip_through_csv(
    log: list[Outcome], tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("observations") / "observations.csv"
    seen = Observations.from_outcomes(log)
    seen.write_csv(path)
    assert Observations.read_csv(path) == seen
    rows = list(seen.rows())
    assert sum(accepted + refused for *_, accepted, refused in rows) == len(log)
    assert all(seen.count(bank, pattern) == (accepted, refused) for bank, pattern, accepted, refused in rows)
    for outcome in log:
        accepted, refused = seen.count(outcome.bank, outcome.pattern)
        assert accepted == sum(
            o.accepted for o in log if (o.bank, o.pattern) == (outcome.bank, outcome.pattern)
        )
        assert accepted + refused == sum(
            1 for o in log if (o.bank, o.pattern) == (outcome.bank, outcome.pattern)
        )


def test_a_written_observations_file_has_ordinary_permissions(tmp_path: Path) -> None:
    # As the batch's output has: the temporary file it was written in is its owner's only (0o600).
    path = tmp_path / "seen.csv"
    Observations.from_outcomes(outcomes("工行", candidates(ZHANG_SAN, "ICBC")[0].pattern, 1, 0)).write_csv(
        path
    )
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


def test_the_csv_holds_the_bank_the_pattern_and_two_counts(tmp_path: Path) -> None:
    pattern = candidates(ZHANG_SAN, "ICBC")[0].pattern
    path = tmp_path / "seen.csv"
    Observations.from_outcomes(outcomes("工行", pattern, 2, 1)).write_csv(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",") == ["bank", *PATTERN_FIELDS, "accepted", "refused"]
    values = pattern.model_dump(mode="json")
    cells = [str(values[field]).lower() for field in PATTERN_FIELDS]  # JSON values; true/false
    assert lines[1:] == [",".join(["ICBC", *cells, "2", "1"])]
    assert cells[:7] == ["surname_first", "space", "space", "all", "icao", "upper", "false"]


def test_a_separator_cell_holding_a_space_is_the_space(tmp_path: Path) -> None:
    # A log written from the Python values of a pattern holds " " for a space: it was trimmed to
    # "" and read as no space, teaching the bank the opposite of what it accepted.
    spaced = candidates(ZHANG_SAN, "ICBC")[0].pattern
    joined = next(c for c in candidates(ZHANG_SAN, "ICBC") if c.text == "ZHANGSAN").pattern
    path = tmp_path / "python_values.csv"
    values = spaced.model_dump()
    cells = [
        str(values[field]).lower() if isinstance(values[field], bool) else values[field]
        for field in PATTERN_FIELDS
    ]
    path.write_text(
        ",".join(["bank", *PATTERN_FIELDS, "accepted", "refused"])
        + "\n"
        + ",".join(["ICBC", *cells, "3", "0"])
        + "\n",
        encoding="utf-8",
    )
    read = Observations.read_csv(path)
    assert read.count("ICBC", spaced) == (3, 0)
    assert read.count("ICBC", joined) == (0, 0)


def test_older_files_without_a_pattern_field_with_a_default_still_read(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    header = [field for field in PATTERN_FIELDS if field not in {"shortened", "dots"}]
    path.write_text(
        ",".join(["bank", *header, "accepted", "refused"])
        + "\nICBC,surname_first,none,none,all,icao,upper,4,1\n",
        encoding="utf-8",
    )
    pattern = next(c for c in candidates(ZHANG_SAN, "ICBC") if c.text == "ZHANGSAN").pattern
    assert Observations.read_csv(path).count("ICBC", pattern) == (4, 1)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("bank,name,order,accepted,refused\n", "may hold a person's name"),
        ("bank,姓名,order,accepted,refused\n", "may hold a person's name"),  # a log kept in Chinese
        ("bank,order,accepted,refused\n", "lacks the column"),
        ("bank,order,separator,given_separator,given_names,spelling,case,accepted,refused,extra\n", "extra"),
        ("bank,order,separator,given_separator,given_names,spelling,case,accepted,refused\n"
         "ICBC,surname_first,space,space,all,icao,upper,x,1\n", "line 2"),
        ("bank,order,separator,given_separator,given_names,spelling,case,accepted,refused\n"
         "ICBC,surname_first,space,space,JOHN,icao,upper,1,1\n", "given_names"),
        # a count of more digits than Python reads as an int (4,300) was a ValueError
        ("bank,order,separator,given_separator,given_names,spelling,case,accepted,refused\n"
         "ICBC,surname_first,space,space,all,icao,upper," + "9" * 5000 + ",1\n", "line 2"),
    ],
)  # fmt: skip
def test_unusable_observation_files_are_refused_with_where(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ObservationsError, match=says) as caught:
        Observations.read_csv(path)
    assert "JOHN" not in str(caught.value)  # a cell's content is never echoed


def test_outcome_takes_positional_or_keyword_values_and_a_bank_or_its_names() -> None:
    pattern = candidates(ZHANG_SAN, "ICBC")[0].pattern
    assert Outcome("工行", pattern, True) == Outcome(bank=get_bank("ICBC"), pattern=pattern, accepted=True)
    assert Outcome("MY_BANK", pattern, False).bank == "MY_BANK"  # a bank of your own banks file
    with pytest.raises(ValueError, match="code"):
        Outcome("Zhang San", pattern, True)


def test_an_outcome_with_any_other_field_is_refused_by_validation() -> None:
    pattern = candidates(ZHANG_SAN, "ICBC")[0].pattern.model_dump()
    with pytest.raises(ValidationError):
        Outcome.model_validate({"bank": "ICBC", "pattern": pattern, "accepted": True, "text": "ZHANG SAN"})
    with pytest.raises(ValidationError):
        Outcome.model_validate({"bank": "ICBC", "pattern": pattern})
    assert Outcome.model_validate({"bank": "icbc", "pattern": pattern, "accepted": "true"}).bank == "ICBC"


def test_importing_the_package_loads_no_learning_module() -> None:
    code = (
        "import sys, wxpay_names; "
        "from wxpay_names import candidates; candidates('ZHANG, San', 'ICBC'); "
        "print(sorted(m for m in sys.modules if m.split('.')[-1] in "
        "('observations', 'learned_ranking', 'tries', 'cli_learn')))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("missing/x.csv", "does not exist"),  # the folder is missing: was FileNotFoundError
        (".", "it is a folder"),  # was IsADirectoryError
        ("", "no file name was given"),  # was a bare OSError
        ("a\x00b.csv", "NUL"),  # was a bare ValueError
    ],
)
def test_write_csv_refuses_a_path_it_cannot_write_as_read_csv_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    seen = Observations.from_outcomes(outcomes("ICBC", candidates(ZHANG_SAN, "ICBC")[0].pattern, 1, 0))
    with pytest.raises(ObservationsError) as caught:
        seen.write_csv(where)
    assert isinstance(caught.value, NameFormatError)
    assert caught.value.code == "OBSERVATIONS_DATA"
    assert "Cannot write the observations" in str(caught.value)
    assert said in str(caught.value)
    assert list(tmp_path.iterdir()) == []  # nothing written, no temporary file left


def test_write_csv_turns_a_failed_write_into_observations_error_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def full_disk(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("wxpay_names.observations.os.replace", full_disk)
    with pytest.raises(ObservationsError, match=r"seen\.csv: No space left on device\.$") as caught:
        Observations().write_csv(tmp_path / "seen.csv")
    assert caught.value.code == "OBSERVATIONS_DATA"
    assert list(tmp_path.iterdir()) == []


def test_write_csv_interrupted_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One whole-file writer for the batch and the counts: Ctrl-C (or SIGTERM, turned into it)
    # while writing keeps the file as it was.
    path = tmp_path / "seen.csv"
    path.write_text("kept\n", encoding="utf-8")

    def interrupted(self: Observations, handle: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Observations, "write_rows", interrupted)
    with pytest.raises(KeyboardInterrupt):
        Observations().write_csv(path)
    assert path.read_text(encoding="utf-8") == "kept\n"
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_write_csv_writes_a_pipe_straight_rather_than_renaming_over_it(tmp_path: Path) -> None:
    # A device or a pipe (/dev/stdout, a FIFO) written through a temporary file renamed over it
    # would be replaced by a plain file (as root, /dev/null too).
    import stat

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        Observations().write_csv(pipe)
        assert stat.S_ISFIFO(pipe.stat().st_mode)
        assert os.read(reader, 4096).decode("utf-8").startswith("bank,")
    finally:
        os.close(reader)


@pytest.mark.parametrize(
    "build",
    [
        lambda: Observations.from_outcomes(None),  # type: ignore[arg-type]
        lambda: Observations.from_outcomes("ICBC"),  # type: ignore[arg-type]
        lambda: Observations({("ICBC", pattern_key(ZHANG_SAN_FIRST)): (-50, 0)}),
        lambda: Observations({("ICBC", ("surname_first",)): (1, 0)}),
        lambda: Observations({"ICBC": (1, 0)}),  # type: ignore[dict-item]
        lambda: Observations([("ICBC", 1)]),  # type: ignore[arg-type]
    ],
    ids=["None", "text", "negative count", "short pattern key", "bank alone", "not a mapping"],
)
def test_observations_refuse_what_is_no_count(build: Callable[[], Observations]) -> None:
    with pytest.raises(ObservationsError):
        build()


def test_a_reading_of_one_persons_characters_is_not_learned_for_every_name() -> None:
    """SHAN YUFEI accepted for holders of 单于飞 says what their passports print, not what the
    bank does: counted at the bank, it would make every compound surname's reading apart rank
    1 (SI MAGUANG for 司马光). Such readings (the surname's other reading, a given name's, a
    compound read apart) do not count their own outcomes."""
    from wxpay_names import from_chinese

    shan = from_chinese("单于飞")
    found = candidates(shan, "ICBC")
    apart = next(candidate for candidate in found if candidate.text == "SHAN YUFEI")
    seen = Observations.from_outcomes(
        [Outcome("ICBC", found[0].pattern, False)] * 30 + [Outcome("ICBC", apart.pattern, True)] * 30
    )
    for text in ("单于飞", "司马光", "欧阳娜娜"):
        name = from_chinese(text)
        today = {c.text: c.rank for c in candidates(name, "ICBC") if c.pattern.spelling == "surname_split"}
        learned = [
            c for c in candidates(name, "ICBC", observations=seen) if c.pattern.spelling == "surname_split"
        ]
        assert learned
        for candidate in learned:
            assert candidate.observed.accepted == 0
            assert candidate.observed.prior_rank == today[candidate.text]
            assert candidate.rank > 1


def test_a_hand_made_mapping_holds_a_bank_code_and_a_patterns_values_only() -> None:
    """No text (a name) reaches the file meant to hold no letter of anyone's name."""
    pattern = candidates(ZHANG_SAN, "ICBC")[2].pattern
    key = pattern_key(pattern)
    assert Observations({("ICBC", key): (3, 1)}).count("ICBC", pattern) == (3, 1)
    for bad in [
        ("Zhang San E1234567", key),
        ("ICBC", ("Zhang San", *key[1:])),
        ("ICBC", (*key[:-2], "1", key[-1])),
    ]:
        with pytest.raises(ObservationsError):
            Observations({bad: (3, 0)})


def test_at_takes_a_code_as_well_as_a_bank() -> None:
    pattern = candidates(ZHANG_SAN, "ICBC")[2].pattern
    seen = Observations.from_outcomes([Outcome("ICBC", pattern, True)])
    assert seen.at("icbc") == seen.at(get_bank("ICBC")) == {pattern_key(pattern): (1, 0)}
    assert seen.at("BOC") == {}


PERSONAL_NAMES = ("覃明", "单于飞", "汪曾祺", "张朝阳", "司马光")


@settings(max_examples=60, deadline=None)
@given(
    text=st.sampled_from(PERSONAL_NAMES),
    bank=st.sampled_from(["ICBC", "ABC", "BOC", "CMB"]),
    counts=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 40), st.integers(0, 40)), max_size=8),
)
def test_a_persons_reading_follows_its_layout_in_the_first_spelling(
    text: str, bank: str, counts: list[tuple[int, int, int]]
) -> None:
    """A candidate of another reading (TAN MING for 覃明) takes the outcomes of its layout in the
    name's first spelling, and so ranks after that candidate (QIN MING), whatever the bank was
    seen to accept: the layout is learned, the reading is left to the passport."""
    from wxpay_names import from_chinese
    from wxpay_names.learned_ranking import PERSONAL_READINGS

    name = from_chinese(text)
    layouts = [candidate.pattern for candidate in candidates(ZHANG_SAN, bank)]
    seen = Observations(
        {
            (bank, pattern_key(layouts[index % len(layouts)])): (accepted, refused)
            for index, accepted, refused in counts
            if accepted or refused
        }
    )
    learned = candidates(name, bank, observations=seen)
    by_key = {pattern_key(candidate.pattern): candidate for candidate in learned}
    at = PATTERN_FIELDS.index("spelling")
    personal = [candidate for candidate in learned if candidate.pattern.spelling in PERSONAL_READINGS]
    assert personal
    for candidate in personal:
        key = pattern_key(candidate.pattern)
        first = by_key.get((*key[:at], "icao", *key[at + 1 :]))
        if first is None:  # a layout the first spelling's list left out (a repeat, a full list)
            continue
        observed = candidate.observed
        assert (observed.accepted, observed.refused) == seen.count(bank, first.pattern)
        assert first.rank < candidate.rank


def test_a_persons_reading_moves_with_the_layout_the_bank_accepts() -> None:
    """At a bank seen to refuse the surname first and accept the given name first, MING TAN comes
    right after MING QIN, and TAN MING falls with QIN MING (it stayed second)."""
    from wxpay_names import from_chinese

    zhang = {candidate.text: candidate.pattern for candidate in candidates(ZHANG_SAN, "ICBC")}
    seen = Observations.from_outcomes(
        [
            Outcome("ICBC", zhang[text], False)
            for text in ("ZHANG SAN", "Zhang San", "ZHANGSAN")
            for _ in range(50)
        ]
        + [Outcome("ICBC", zhang["SAN ZHANG"], True)] * 50
    )
    texts = [candidate.text for candidate in candidates(from_chinese("覃明"), "ICBC", observations=seen)]
    assert texts[:2] == ["MING QIN", "MING TAN"]
    assert texts.index("TAN MING") > texts.index("QIN MING")


@pytest.mark.parametrize("bad", [{"bank": "Foo Bar"}, {"pattern": "surname first"}, {"accepted": "maybe"}])
def test_an_outcome_refused_is_a_validation_error_and_the_librarys(bad: dict[str, object]) -> None:
    """As PassportName's refusal: pydantic's ValidationError and a NameFormatError with a code
    (it was a bare ValidationError, no code)."""
    given: dict[str, object] = {"bank": "ICBC", "pattern": ZHANG_SAN_FIRST, "accepted": True, **bad}
    with pytest.raises(ObservationsError) as refused:
        Outcome(given["bank"], given["pattern"], given["accepted"])  # type: ignore[arg-type]
    assert isinstance(refused.value, ValidationError)
    assert refused.value.code == ErrorCode.OBSERVATIONS_DATA
    assert refused.value.field == next(iter(bad))


def test_a_bank_is_named_as_outcome_names_it_whatever_the_counts_hold() -> None:
    """A text names a bank as Outcome reads it (PINGAN, the packaged PAB's alias, is PAB), never
    by which codes the counts hold (count("PINGAN") changed once a PINGAN row existed); a bank
    of one's own coded PINGAN is asked for by its Bank."""
    pattern = candidates(ZHANG_SAN, "ICBC")[2].pattern
    key = pattern_key(pattern)
    pab_only = Observations({("PAB", key): (1, 9)})
    both = Observations({("PINGAN", key): (5, 0), ("PAB", key): (1, 9)})
    assert pab_only.count("PINGAN", pattern) == both.count("PINGAN", pattern) == (1, 9)
    assert Outcome("PINGAN", pattern, True).bank == "PAB"
    own = get_bank("PAB").model_copy(update={"code": "PINGAN"})
    assert both.count(own, pattern) == (5, 0)
    assert both.at(own) == {key: (5, 0)}
    assert both.count("平安银行", pattern) == (1, 9)


def test_a_hand_made_mapping_takes_codes_and_values_as_a_file_would_hold_them() -> None:
    """A packaged code in small letters never applied (its counts were under "icbc"); 1 for True
    was written to the file as 1."""
    key = pattern_key(candidates(ZHANG_SAN, "ICBC")[2].pattern)
    at = PATTERN_FIELDS.index("shortened")
    for bad in [("icbc", key), ("ICBC", (*key[:at], 0, *key[at + 1 :]))]:
        with pytest.raises(ObservationsError):
            Observations({bad: (1, 0)})


def test_a_persons_reading_says_its_counts_are_its_layouts() -> None:
    from wxpay_names import from_chinese

    zhang = {candidate.text: candidate.pattern for candidate in candidates(ZHANG_SAN, "ICBC")}
    seen = Observations.from_outcomes([Outcome("ICBC", zhang["SAN ZHANG"], True)] * 5)
    learned = {
        candidate.text: candidate for candidate in candidates(from_chinese("覃明"), "ICBC", observations=seen)
    }
    assert learned["MING TAN"].observed.layout
    assert learned["MING TAN"].observed.accepted == 5
    assert not learned["MING QIN"].observed.layout
