"""The pieces behind check_name: edit distance, splitting typed text, the rank-1 shortcut, the work caps."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wxpay_names import Bank, BankRegistry, PassportName, check_name, from_chinese
from wxpay_names.candidates import build_candidates
from wxpay_names.diagnosis import word_matching
from wxpay_names.diagnosis.edit_distance import bounded_distance, distance, first_difference
from wxpay_names.diagnosis.typed_text import TypedWord, read_typed, split_words

# Small alphabets make words that share letters, where the edit table has many cheapest ways.
letters = st.text(alphabet="ABC", max_size=12)


def table_distance(typed: str, wanted: str) -> int:
    """The textbook Levenshtein table, whole."""
    previous = list(range(len(wanted) + 1))
    for row, letter in enumerate(typed, 1):
        current = [row]
        for column, other in enumerate(wanted, 1):
            current.append(
                min(previous[column - 1] + (letter != other), previous[column] + 1, current[-1] + 1)
            )
        previous = current
    return previous[-1]


def table_first_difference(typed: str, wanted: str) -> tuple[str, int]:
    """Walk the whole table of suffix distances from the start: the first edit on a cheapest way."""
    rows, columns = len(typed), len(wanted)

    def cost(i: int, j: int) -> int:
        return table_distance(typed[i:], wanted[j:])

    i = j = 0
    while i < rows and j < columns:
        if typed[i] == wanted[j] and cost(i, j) == cost(i + 1, j + 1):
            i, j = i + 1, j + 1
        elif cost(i, j) == cost(i + 1, j + 1) + 1:
            return "wrong", j + 1
        elif cost(i, j) == cost(i, j + 1) + 1:
            return "missing", j + 1
        else:
            return "extra", i + 1
    return ("missing", j + 1) if j < columns else ("extra", i + 1)


@given(typed=letters, wanted=letters, limit=st.integers(min_value=0, max_value=8))
def test_bounded_distance_is_the_table_distance_capped(typed: str, wanted: str, limit: int) -> None:
    expected = table_distance(typed, wanted)
    assert distance(typed, wanted) == expected
    assert bounded_distance(typed, wanted, limit) == min(expected, limit + 1)


def test_long_words_are_measured_exactly() -> None:
    # Longer than a machine word: the bit-parallel columns are several words wide.
    typed = "AB" * 90 + "C" * 30
    wanted = "BA" * 80 + "AC" * 25
    assert distance(typed, wanted) == table_distance(typed, wanted)


@given(typed=letters, wanted=letters)
def test_first_difference_is_the_first_edit_on_a_cheapest_way(typed: str, wanted: str) -> None:
    found = first_difference(typed, wanted)
    assert (found.edit, found.position) == table_first_difference(typed, wanted)
    told = first_difference(typed, wanted, table_distance(typed, wanted) or None)
    assert told == found


def reference_words(text: str) -> tuple[list[TypedWord], bool, bool, list[int]]:
    """Words between spaces and ``-`` breaks, read with a regular expression."""
    words: list[TypedWord] = []
    doubled: list[int] = []
    leading = False
    end = 0
    for found in re.finditer(r"[^ -]+", text):
        gap = text[end : found.start()]
        if not words and " " in gap:
            leading = True
        if words and gap.count(" ") > 1:
            doubled.append(len(words) - 1)
        words.append(TypedWord(found.group(), " " in gap))
        end = found.end()
    return words, leading and bool(words), text.endswith(" ") and bool(words), doubled


@given(text=st.text(alphabet="AB -", max_size=16))
def test_split_words_keeps_every_space_a_bank_would_not_hold(text: str) -> None:
    split = split_words(text)
    words, leading, trailing, doubled = reference_words(text)
    assert list(split.words) == words
    assert (split.leading_space, split.trailing_space) == (leading, trailing)
    assert list(split.doubled_after) == doubled


@given(text=st.text(alphabet="ZHANGsan ", max_size=20))
def test_letters_and_spaces_are_read_as_they_are(text: str) -> None:
    typed = read_typed(text)
    assert (typed.icao, typed.folded, typed.cleaned) == (text, text, text)
    assert not typed.invisible
    assert not typed.full_width
    assert not typed.accented
    assert not typed.punctuation


def test_rank_one_of_a_possibly_truncated_name_carries_its_note(icbc: Bank) -> None:
    name = PassportName(surname="Abcdefghijklmnopqrstuvwxyzab", given_names="Cde", possibly_truncated=True)
    ranked = build_candidates(name, icbc)
    result = check_name(ranked[0].text, name, icbc)
    assert (result.status, result.matched) == ("match", ranked[0])
    assert result.matched is not None
    assert "truncated" in result.matched.note


def test_a_title_case_bank_matches_its_own_rank_one_only(icbc: Bank) -> None:
    title_bank = icbc.model_copy(update={"code": "TITLE", "case": "title"})
    name = PassportName(surname="Zhang", given_names="San")
    ranked = build_candidates(name, title_bank)
    assert ranked[0].text == "Zhang San"
    assert check_name("Zhang San", name, title_bank).status == "match"
    assert check_name("ZHANG SAN", name, title_bank).status == "plausible"


@pytest.mark.parametrize(
    "entered",
    [
        ("AB " * 86)[:256],  # one word typed 85 times: each distinct pair is measured once
        # 81 different words, each close to hundreds of runs of names: the cap stops the search
        " ".join(f"{first}{second}" for first in "ABCDEFGHI" for second in "JKLMNOPQR")[:256],
    ],
)
def test_matching_work_is_capped(monkeypatch: pytest.MonkeyPatch, icbc: Bank, entered: str) -> None:
    calls = 0

    def counted(typed: str, wanted: str, limit: int) -> int:
        nonlocal calls
        calls += 1
        return bounded_distance(typed, wanted, limit)

    monkeypatch.setattr(word_matching, "bounded_distance", counted)
    one_letter_names = " ".join("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[k % 26] for k in range(127))
    name = PassportName(surname="A", given_names=one_letter_names)
    result = check_name(entered, name, icbc)
    assert result.status == "mismatch"
    assert 0 < calls <= word_matching._DISTANCES_AT_MOST


# A typed character that reads as no letter takes its space with it


@pytest.mark.parametrize(
    ("entered", "codes"),
    [
        ("ZHANG SAN 1", ["PUNCTUATION"]),
        ("ZHANG 1 SAN", ["PUNCTUATION"]),
        ("ZHANG . SAN", ["PUNCTUATION"]),
        ("ZHANG - SAN", ["PUNCTUATION"]),
        ("ZHANG \u200b SAN", ["INVISIBLE_CHARACTERS"]),
        ("ZHANG  SAN", ["EXTRA_SPACE"]),  # a doubled space typed is still one to remove
        ("ZHANG  . SAN", ["PUNCTUATION", "EXTRA_SPACE"]),
    ],
)
def test_a_dropped_word_leaves_no_space_problem(icbc: Bank, entered: str, codes: list[str]) -> None:
    result = check_name(entered, PassportName(surname="Zhang", given_names="San"), icbc)
    assert [problem.code.value for problem in result.problems] == codes


def test_reading_drops_a_word_without_letters_and_its_space() -> None:
    assert read_typed("ZHANG SAN 1").icao == "ZHANG SAN"
    assert read_typed("ZHANG . SAN").folded == "ZHANG SAN"
    assert read_typed("ZHANG  SAN.").icao == "ZHANG  SAN"


# A spelling the bank may hold is explained, not called a typo


def _messages(result_problems: tuple[object, ...]) -> str:
    return " ".join(f"{p.message_en} {p.message_zh}" for p in result_problems)  # type: ignore[attr-defined]


def test_lu_is_the_spelling_of_passports_before_2012(icbc: Bank) -> None:
    from wxpay_names import from_chinese

    result = check_name("LU BU", from_chinese("吕布"), icbc)
    assert (result.status, result.expected) == ("plausible", "LYU BU")
    assert [problem.code.value for problem in result.problems] == ["SPELLING"]
    message = result.problems[0].message_en
    assert message.startswith("Passports issued before 2012 wrote ü as U: if yours prints LU")
    assert message.endswith("if it prints LYU, type LYU BU")
    assert "should be" not in message
    assert "应为" not in result.problems[0].message_zh


def test_lv_is_a_keyboard_habit(icbc: Bank) -> None:
    from wxpay_names import from_chinese

    result = check_name("LV BU", from_chinese("吕布"), icbc)
    assert result.status == "plausible"
    assert "keyboard" in result.problems[0].message_en
    assert "should be" not in _messages(result.problems)


def test_a_surname_with_two_readings_is_said_as_both(icbc: Bank) -> None:
    from wxpay_names import from_chinese

    result = check_name("TAN HAIYANG", from_chinese("覃海洋"), icbc)
    assert result.status == "plausible"
    message = result.problems[0].message_en
    assert "覃海洋" in message
    assert "QIN or TAN" in message
    assert "TAN should be QIN" not in message
    assert "应为" not in result.problems[0].message_zh


def test_a_given_name_split_per_syllable_is_said_as_such(icbc: Bank) -> None:
    from wxpay_names import from_chinese

    result = check_name("ZHANG SAN FENG", from_chinese("张三丰"), icbc)
    assert result.status == "plausible"
    assert [problem.code.value for problem in result.problems] == ["SPELLING"]
    assert "SAN FENG is the given name split per syllable" in result.problems[0].message_en
    assert "Remove" not in result.problems[0].message_en
    # The same split typed for a name that is not pinyin is a space to remove.
    latin = check_name("ZHANG SAN FENG", PassportName(surname="Zhang", given_names="Sanfeng"), icbc)
    assert [problem.code.value for problem in latin.problems] == ["EXTRA_SPACE"]


def test_a_typo_beside_a_respelling_names_both(icbc: Bank) -> None:
    from wxpay_names import from_chinese

    result = check_name("LU BUU", from_chinese("吕布"), icbc)
    assert result.status == "mismatch"
    message = result.problems[0].message_en
    assert "BUU should be BU" in message
    assert "LU for LYU (ü written U, as PRC passports issued before 2012)" in message
    assert "LU should be" not in message


CHINESE_NAMES = ["吕布", "吕小龙", "女娲", "覃海洋", "张三丰", "欧阳娜娜", "乐嘉"]


@pytest.mark.parametrize("characters", CHINESE_NAMES)
def test_no_candidate_of_another_spelling_is_called_a_typo(
    characters: str, fixture_banks: tuple[Bank, ...]
) -> None:
    from wxpay_names import from_chinese

    name = from_chinese(characters)
    for bank in fixture_banks:
        for candidate in build_candidates(name, bank)[1:]:
            result = check_name(candidate.text, name, bank)
            assert result.status == "plausible"
            if candidate.pattern.spelling != "icao":
                text = _messages(result.problems)
                assert "should be" not in text, (bank.code, candidate)
                assert "应为" not in text, (bank.code, candidate)


# A name cut where the bank's field may end is said as that, and only that

VIRTANEN = PassportName(surname="Virtanen", given_names="Anna Kaisa Marjatta")


@pytest.mark.parametrize("entered", ["VIRTANENANNAKAISAMARJ", "VIRTANEN ANNA KAISA MAR", "VIRTANENANNAKAIS"])
def test_a_cut_short_name_is_too_long_only(icbc: Bank, entered: str) -> None:
    result = check_name(entered, VIRTANEN, icbc)
    assert result.status == "mismatch"
    assert [problem.code.value for problem in result.problems] == ["TOO_LONG"]
    message = result.problems[0].message_en
    assert message.startswith("This is the name cut short")
    for shortened in ("VIRTANENANNAKAISAMAR", "VIRTANEN ANNA KAISA", "VIRTANEN ANNA KAISA MARJATTA"):
        assert shortened in message
    assert "VIRTANENANNAKAISAMAR" in result.problems[0].message_zh


@pytest.mark.parametrize(
    ("entered", "bank_code"),
    [
        ("VIRTANEN", "ICBC"),  # whole words left out, far shorter than the field: names are missing
        ("VIRTANEN ANNA KAISA MARJA", "CMB"),  # no field size is known at CMB
        ("VIRTANEN ANNA KAISA MARJATTAX", "ICBC"),  # not the start of the name
    ],
)
def test_other_short_texts_are_not_a_cut(registry: BankRegistry, entered: str, bank_code: str) -> None:
    result = check_name(entered, VIRTANEN, registry.get(bank_code))
    assert not any(problem.message_en.startswith("This is the name cut short") for problem in result.problems)


# Several words of one part missing are said together


def test_missing_words_of_a_part_are_listed_together(icbc: Bank) -> None:
    name = PassportName(surname="van der Berg", given_names="Maria")
    result = check_name("BERG", name, icbc)
    missing = result.problems[0]
    assert missing.message_en == (
        "Missing the surname words VAN and DER, the given name MARIA: type VAN DER BERG MARIA"
    )
    assert missing.message_zh == "缺少姓氏中的 VAN 和 DER、名字 MARIA：请输入 VAN DER BERG MARIA"
    given = check_name("VIRTANEN ANNA", VIRTANEN, icbc).problems[0]
    assert "the given names KAISA and MARJATTA" in given.message_en


# Name words spelled alike: which one was typed first cannot be seen (李丽, LI LI)


@pytest.mark.parametrize(
    ("entered", "name", "bank_code", "codes"),
    [
        ("LX LI", PassportName(surname="Li", given_names="Li"), "ICBC", ["SPELLING"]),
        ("LI LX", PassportName(surname="Li", given_names="Li"), "ICBC", ["SPELLING"]),
        ("MARTIM MARTIN", PassportName(surname="Martin", given_names="Martin"), "CMB", ["SPELLING"]),
        ("A NNA ANNA", PassportName(surname="Anna", given_names="Anna"), "ICBC", ["EXTRA_SPACE"]),
        ("GO GUO", PassportName(surname="Guo", given_names="Guo"), "ICBC", ["SPELLING"]),
        # the same letters, other spellings only one of them has (覃 QIN is also TAN; 朝 CHAO also ZHAO)
        ("QIX QIN", from_chinese("覃琴"), "ICBC", ["SPELLING"]),
        ("CHAX CHAO", from_chinese("朝朝"), "ICBC", ["SPELLING"]),
        # TAN is the surname only: the misspelled word before it is the given name, swapped
        ("QIX TAN", from_chinese("覃琴"), "ICBC", ["ORDER_SWAPPED", "SPELLING"]),
    ],
)
def test_words_spelled_alike_are_not_read_as_swapped(
    registry: BankRegistry, entered: str, name: PassportName, bank_code: str, codes: list[str]
) -> None:
    result = check_name(entered, name, registry.get(bank_code))
    assert [problem.code.value for problem in result.problems] == codes


# Step 4: name words run together with a word that is not the passport's


@pytest.mark.parametrize(
    ("entered", "extra"),
    [("ZHANGSANPETER", "PETER"), ("PETERZHANGSAN", "PETER"), ("ZHANGSANANDREW", "ANDREW")],
)
def test_an_extra_word_run_together_with_the_name_is_that_word_alone(
    abc: Bank, entered: str, extra: str
) -> None:
    result = check_name(entered, PassportName(surname="Zhang", given_names="San"), abc)
    assert [problem.code.value for problem in result.problems] == ["EXTRA_NAME_PART"]
    assert result.problems[0].message_en == f"The passport name has no {extra}: type ZHANGSAN"


@pytest.mark.parametrize(
    ("entered", "codes"),
    [
        ("ZHANGSANX", ["SPELLING"]),  # a letter or two more is a misspelling, as before
        ("ZHANGSANXY", ["SPELLING"]),
        # one name word at an end is not enough (SAN starts SANDRA), and a word in the middle
        # would hide where the spaces go
        ("SANDRAZHANG", ["MISSING_NAME_PART", "EXTRA_NAME_PART"]),
        ("ZHANGPETERSAN", ["MISSING_NAME_PART", "EXTRA_NAME_PART"]),
    ],
)
def test_what_step_four_leaves_alone(abc: Bank, entered: str, codes: list[str]) -> None:
    result = check_name(entered, PassportName(surname="Zhang", given_names="San"), abc)
    assert [problem.code.value for problem in result.problems] == codes


def test_the_rest_of_a_word_is_not_extra_while_a_name_word_is_left_over(abc: Bank) -> None:
    # FENG may be in PETERFENG: the rest is not said to be extra, nor FENG missing beside it.
    name = PassportName(surname="Zhang", given_names="San Feng")
    for entered in ("ZHANGSANPETERFENG", "SANFENGZHANX"):
        result = check_name(entered, name, abc)
        assert [problem.code.value for problem in result.problems] == ["MISSING_NAME_PART", "EXTRA_NAME_PART"]
        assert f"has no {entered}:" in result.problems[1].message_en


def test_a_typed_word_of_one_name_word_and_more_stays_extra(icbc: Bank) -> None:
    result = check_name("ZHANG SANPETER", PassportName(surname="Zhang", given_names="San"), icbc)
    assert [problem.code.value for problem in result.problems] == ["MISSING_NAME_PART", "EXTRA_NAME_PART"]


@pytest.mark.parametrize(("entered", "bank_code"), [("ZHANG HUBERT", "ICBC"), ("ZHANGHUBERT", "ABC")])
def test_a_cut_name_written_out_is_that_word_written_out(
    registry: BankRegistry, entered: str, bank_code: str
) -> None:
    # The last word of a full MRZ field typed in full (word_differences.written_out), also run
    # together with the name where the bank writes no space: not name words and an extra part.
    name = PassportName(surname="Zhang", given_names="Hu", source="mrz", possibly_truncated=True)
    result = check_name(entered, name, registry.get(bank_code))
    assert [problem.code.value for problem in result.problems] == ["SPELLING"]
    assert "ends in HU, so the name may be cut there" in result.problems[0].message_en


# A misspelled name of more than four words, run together as a bank without spaces holds it


@pytest.mark.parametrize(
    ("entered", "surname", "given", "said"),
    [
        ("SXITHJOHNPAULMARYANNE", "Smith", "John Paul Mary Anne", "letter 2 is M, not X"),
        ("STJOHWANNALEEKARL", "St John", "Anna Lee Karl", "letter 6 is N, not W"),
        (
            "SMITHJOHNPAULMARYANNELUKEPETRHANS",
            "Smith",
            "John Paul Mary Anne Luke Peter Hans",
            "letter 29, E, is missing",
        ),
    ],
)
def test_a_long_name_run_together_is_misspelled_not_missing(
    abc: Bank, entered: str, surname: str, given: str, said: str
) -> None:
    result = check_name(entered, PassportName(surname=surname, given_names=given), abc)
    assert [problem.code.value for problem in result.problems] == ["SPELLING"]
    assert said in result.problems[0].message_en


# What must hold for every name: the two repairs above, as properties

_word = st.text(alphabet="ABDEGHIKLMNORSTUW", min_size=3, max_size=9)


@given(word=_word, other=_word, at=st.integers(min_value=0, max_value=8), first=st.booleans())
def test_a_typo_in_one_of_two_words_spelled_alike_is_never_a_swap(
    registry: BankRegistry, word: str, other: str, at: int, first: bool
) -> None:
    name = PassportName(surname=word, given_names=f"{word} {other}")
    place = at % len(word)
    typo = word[:place] + ("Y" if word[place] != "Y" else "Z") + word[place + 1 :]
    typed = [typo, word, other] if first else [word, typo, other]
    result = check_name(" ".join(typed), name, registry.get("CMB"))  # no field size: no TOO_LONG
    assert [problem.code.value for problem in result.problems] == ["SPELLING"]


_extra_word = st.text(alphabet="QXZ", min_size=1, max_size=12)  # letters no generated name has


@given(surname=_word, given_name=_word, extra=_extra_word, before=st.booleans())
def test_an_extra_word_run_together_is_said_alone(
    abc: Bank, surname: str, given_name: str, extra: str, before: bool
) -> None:
    name = PassportName(surname=surname, given_names=given_name)
    rank_one = surname + given_name
    typed = extra + rank_one if before else rank_one + extra
    result = check_name(typed, name, abc)
    codes = [problem.code.value for problem in result.problems]
    if len(extra) <= (len(rank_one) + 1) // 3:  # as close as a misspelling: said as one, as before
        assert codes == ["SPELLING"]
    else:
        assert codes == ["EXTRA_NAME_PART"]
        assert result.problems[0].message_en.startswith(f"The passport name has no {extra}:")
