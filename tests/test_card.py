"""bank_of_card: a card number → its bank, kind and soundness; never an exception for content."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wxpay_names import CardInfo, InvalidArgumentError, NameFormatError, ProblemCode, bank_of_card, preflight
from wxpay_names.binding.card import card_digits, luhn_valid, mask
from wxpay_names.binding.card_bins import bin_table


def codes(card: CardInfo) -> list[str]:
    return [problem.code.value for problem in card.problems]


def with_luhn(body: str) -> str:
    """*body* with the Luhn check digit appended."""
    return next(body + digit for digit in "0123456789" if luhn_valid(body + digit))


@pytest.mark.parametrize(
    ("number", "bank", "kind"),
    [
        ("6222 0200 0000 0000 000", "ICBC", "debit"),  # 622202: ICBC, 19 digits
        (with_luhn("621483" + "0" * 9), "CMB", "debit"),  # 621483: CMB, 16 digits
        (with_luhn("621661" + "0" * 12), "BOC", "debit"),  # 621661: BOC, 19 digits
        (with_luhn("409666" + "0" * 9), "BOC", "credit"),
        (with_luhn("622260" + "0" * 12), "BOCOM", "debit"),  # dataset code COMM
    ],
)
def test_a_prefix_of_a_registry_bank_gives_that_bank(number: str, bank: str, kind: str) -> None:
    card = bank_of_card(number)
    assert card.bank is not None
    assert card.bank.code == bank
    assert card.kind == kind
    assert card.ok
    assert card.problems == ()
    assert card.luhn_valid is True
    assert card.issuer_name_en == card.bank.name_en
    assert card.name_evidence == card.bank.evidence


def test_an_unknown_prefix_gives_no_bank_and_says_so() -> None:
    card = bank_of_card(with_luhn("1234560000000000"[:15]))
    assert card.bank is None
    assert card.issuer_code is None
    assert card.prefix is None
    assert codes(card) == ["CARD_ISSUER_UNKNOWN"]
    assert card.ok  # a warning: the person can still name the bank
    assert "choose the bank yourself" in card.problems[0].message_en
    assert "请自行选择银行" in card.problems[0].message_zh


@pytest.mark.parametrize(
    "text",
    [
        "6222–0200–0000–0000–000",  # en dashes, as a word processor writes them
        "6222\u20110200\u20110000\u20110000\u2011000",  # non-breaking hyphens
        "6222−0200−0000−0000−000",  # minus signs
        "٦٢٢٢٠٢٠٠٠٠٠٠٠٠٠٠٠٠٠",  # Arabic-Indic digits, as phone numbers are read
        "६२२२०२००००००००००००० ",  # Devanagari digits
    ],
)
def test_digits_of_any_script_between_dashes_of_any_kind_are_the_number(text: str) -> None:
    card = bank_of_card(text)
    assert card.digits == 19
    assert card.bank is not None
    assert card.bank.code == "ICBC"
    assert "CARD_NOT_A_NUMBER" not in codes(card)


@pytest.mark.parametrize("text", ["12ab", "6222O20000000000000", "６２２２０２ABC", "+86 6222", "6222_0200"])
def test_letters_and_symbols_are_a_problem_not_an_exception(text: str) -> None:
    card = bank_of_card(text)
    assert codes(card) == ["CARD_NOT_A_NUMBER"]
    assert not card.ok
    assert card.bank is None
    assert card.luhn_valid is None
    assert set(card.masked) <= {"*"}


def test_a_number_over_the_input_limit_says_its_length_is_wrong() -> None:
    for text in ("6" * 300, "6222 " * 60):
        card = bank_of_card(text)
        assert codes(card) == ["CARD_LENGTH"]
        assert "over 256 characters" in card.problems[0].message_en
        assert "超过 256 个字符" in card.problems[0].message_zh
        assert not card.ok


def test_an_empty_number_says_it_is_empty() -> None:
    card = bank_of_card("  ")
    assert codes(card) == ["CARD_NOT_A_NUMBER"]
    assert "empty" in card.problems[0].message_en
    assert "为空" in card.problems[0].message_zh


@pytest.mark.parametrize("value", [6222020000000000000, None, b"6222", ["6222"]])
def test_a_number_that_is_not_a_str_raises(value: object) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        bank_of_card(value)  # type: ignore[arg-type]
    assert isinstance(raised.value, NameFormatError)
    assert raised.value.code == "INVALID_ARGUMENT"


def test_group_separators_and_full_width_digits_are_read() -> None:
    plain = bank_of_card("6222020000000000000")
    full_width = "6222020000000000000".translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    for written in ("6222-0200-0000-0000-000", full_width, "6222\u200b020000000000000"):
        again = bank_of_card(written)
        assert again == plain


@pytest.mark.parametrize(
    "written",
    [
        "6222020000000000000\n",
        "6222020000000000000\r\n",
        "6222\t0200\t0000\t0000\t000",
        "\t6222 0200\u2009 0000 0000 000 \n",
    ],
)
def test_white_space_of_any_kind_is_read_as_a_space(written: str) -> None:
    # A number pasted from a chat or a spreadsheet ends in a line break or holds tabs.
    assert bank_of_card(written) == bank_of_card("6222020000000000000")
    assert preflight("ZHANG, San", card=written).ok


def test_a_luhn_failure_warns_and_does_not_block() -> None:
    # A real CMB card on 621483 fails Luhn (grade D report): a warning, the bank still given.
    number = with_luhn("621483" + "0" * 9)
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    card = bank_of_card(wrong)
    assert card.luhn_valid is False
    assert codes(card) == ["CARD_LUHN"]
    assert card.ok
    assert card.bank is not None
    assert card.bank.code == "CMB"
    assert "grade B" in card.problems[0].message_en
    assert "资料等级 B" in card.problems[0].message_zh


@pytest.mark.parametrize(("digits", "blocks"), [(12, True), (14, True), (15, False), (19, False), (20, True)])
def test_card_length(digits: int, blocks: bool) -> None:
    card = bank_of_card(with_luhn("621483" + "0" * (digits - 7)))
    assert (ProblemCode.CARD_LENGTH in [p.code for p in card.problems]) is blocks
    assert card.ok is not blocks
    assert card.digits == digits


def test_a_length_the_data_does_not_have_for_the_issuer_warns() -> None:
    card = bank_of_card(with_luhn("621483" + "0" * 11))  # CMB's 621483 cards have 16 digits
    assert card.bank is not None
    assert card.bank.code == "CMB"
    assert codes(card) == ["CARD_LENGTH_UNEXPECTED"]
    assert card.lengths == (16,)
    assert "16" in card.problems[0].message_en
    assert "18" in card.problems[0].message_en


def test_a_shared_prefix_is_told_apart_by_length() -> None:
    # 622302: a 16-digit card of Guangdong Rural Credit, an 18-digit card of ICBC.
    icbc = bank_of_card(with_luhn("622302" + "0" * 11))
    assert icbc.bank is not None
    assert icbc.bank.code == "ICBC"
    other = bank_of_card(with_luhn("622302" + "0" * 9))
    assert other.bank is None
    assert other.issuer_code == "GDRCC"
    assert other.issuer_name_zh == "广东省农村信用社联合社"
    assert other.issuer_name_en is None
    assert other.name_evidence == "unknown"
    assert codes(other) == ["CARD_BANK_NOT_LISTED"]
    neither = bank_of_card(with_luhn("622302" + "0" * 10))
    assert neither.bank is None
    assert neither.issuer_code is None
    assert codes(neither) == ["CARD_ISSUER_UNKNOWN"]
    assert "16" in neither.problems[0].message_en
    assert "18" in neither.problems[0].message_en


def test_the_longest_prefix_wins_for_every_row_of_the_table() -> None:
    table = bin_table()
    prefixes = list(table.by_prefix)
    for prefix, rows in table.by_prefix.items():
        for row in rows:
            number = prefix + "0" * (row.length - len(prefix))
            longest = max((p for p in prefixes if number.startswith(p)), key=len)
            card = bank_of_card(number)
            assert card.prefix == longest
            at_length = {r.issuer for r in table.by_prefix[longest] if r.length == len(number)}
            if longest == prefix and at_length == {row.issuer}:
                assert card.issuer_code == row.issuer


def test_masking_shows_the_first_six_and_last_four_only() -> None:
    assert mask("6222020000000001234") == "622202*********1234"
    assert mask("622202000001234") == "622202*****1234"
    assert mask("123456789012") == "*" * 12  # short: nothing shown
    assert bank_of_card("6222020000000001234").masked == "622202*********1234"


def test_card_digits() -> None:
    assert card_digits(" 6222 0200 ") == "62220200"
    assert card_digits("6222/0200") is None
    assert card_digits("x" * 300) is None


@settings(max_examples=300, derandomize=True)
@given(st.text(alphabet=st.sampled_from("0123456789 -.x６\u200b٣"), max_size=30) | st.text(max_size=30))
@example("6" * 300)
def test_any_text_gives_a_card_info_and_never_shows_the_number(text: str) -> None:
    card = bank_of_card(text)
    assert isinstance(card, CardInfo)
    digits = card_digits(text)
    shown = card.model_dump_json()
    if digits is not None and len(digits) >= 13:
        assert digits not in shown
        assert card.masked[:6] == digits[:6]
        assert card.masked[-4:] == digits[-4:]
    for problem in card.problems:
        assert problem.message_en
        assert problem.message_zh
        if digits is not None and len(digits) >= 3:
            assert digits not in problem.message_en
            assert digits not in problem.message_zh


def test_a_longer_prefix_of_another_length_does_not_hide_one_of_the_numbers_length() -> None:
    """621260102 holds 19-digit cards of CSRCB; 621260 16-digit cards of Ping An: a 16-digit
    number starting 621260102 is Ping An's (it was given to CSRCB, length unexpected)."""
    card = bank_of_card(with_luhn("621260102000000"))
    assert card.digits == 16
    assert card.prefix == "621260"
    assert card.bank is not None
    assert card.bank.code == "PAB"
    assert "CARD_LENGTH_UNEXPECTED" not in codes(card)
    nineteen = bank_of_card(with_luhn("621260102000000000"))
    assert nineteen.issuer_code == "CSRCB"
