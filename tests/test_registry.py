"""Bank lookup by code, alias, English or Chinese name; case- and width-insensitive."""

from __future__ import annotations

import pytest

from wxpay_names import BankRegistry, UnknownBankError


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
