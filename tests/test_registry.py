"""Bank lookup by code, alias, English or Chinese name; case- and width-insensitive."""

from __future__ import annotations

import pytest

from wxpay_names import BankRegistry, UnknownBankError, get_bank


@pytest.mark.parametrize(
    "query",
    [
        "ICBC",
        "icbc",
        "ＩＣＢＣ",
        " Icbc ",
        "工行",
        "工商银行",
        "中国工商银行",
        "Industrial and Commercial Bank of China",
    ],
)
def test_every_name_finds_icbc(registry: BankRegistry, query: str) -> None:
    assert registry.get(query).code == "ICBC"


def test_bank_of_china_is_not_confused_with_icbc(registry: BankRegistry) -> None:
    assert registry.get("bank of china").code == "BOC"
    assert registry.get("中国银行").code == "BOC"


def test_unknown_bank_lists_the_codes(registry: BankRegistry) -> None:
    with pytest.raises(UnknownBankError) as caught:
        registry.get("nope")
    message = str(caught.value)
    assert "nope" in message
    for code in ("ICBC", "ABC", "CMB", "BOC"):
        assert code in message
    assert caught.value.code == "UNKNOWN_BANK"
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, ValueError)


def test_rows_keep_file_order_and_types(registry: BankRegistry) -> None:
    assert [bank.code for bank in registry.banks] == ["ICBC", "ABC", "CMB", "BOC", "TEST"]
    icbc, abc = registry.get("ICBC"), registry.get("ABC")
    assert (icbc.separator, abc.separator) == (" ", "")
    assert icbc.aliases == ("工行", "工商银行")
    assert icbc.max_length == 20
    assert abc.max_length is None


def test_a_card_issuer_not_in_the_bank_list_is_named_not_swapped_for_a_close_one() -> None:
    # 花旗 is Citibank (China): no row, so no convention; it got the closest names' suggestions.
    with pytest.raises(UnknownBankError) as refused:
        get_bank("花旗")
    assert "is 花旗银行（中国）, a bank that issues cards but is not in the bank list" in str(refused.value)
    assert "Did you mean" not in str(refused.value)
    assert refused.value.message_zh is not None
    assert "暂无资料说明该行如何记录姓名" in refused.value.message_zh
    # A close name in Latin letters is only close letters: the refusal says a bank not listed has no row.
    with pytest.raises(UnknownBankError) as close:
        get_bank("Citibank")
    assert "Did you mean CITIC" in str(close.value)
    assert "If yours is none of the known banks, no source says how it writes names." in str(close.value)


@pytest.mark.parametrize("query", ["中银", "商业银行", "农村商业银行", "信用社"])
def test_a_part_of_an_issuer_s_name_or_a_shared_word_names_no_issuer(query: str) -> None:
    # 中银 (Bank of China's short name) was said to be 中银富登村镇银行, and 商业银行 澳门商业银行.
    with pytest.raises(UnknownBankError) as refused:
        get_bank(query)
    assert "a bank that issues cards but is not in the bank list" not in str(refused.value)
