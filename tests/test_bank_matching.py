"""Banks as people name them: short and traditional names, typos, and never a wrong guess."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wxpay_names import BankRegistry, UnknownBankError, banks, get_bank
from wxpay_names.bank_matching import TRADITIONAL, acronym_cuts, core, legal
from wxpay_names.registry import lookup_key


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("China Merchants", "CMB"),
        ("Postal Savings Bank", "PSBC"),
        ("工商", "ICBC"),
        ("Bank of Comm", "BOCOM"),
        ("HSBC汇丰", "HSBC"),
        ("中國工商銀行", "ICBC"),
        ("中國郵政儲蓄銀行", "PSBC"),
        ("滙豐銀行（中國）有限公司", "HSBC"),
        ("Bank of China Limited", "BOC"),
        ("中国银行股份有限公司", "BOC"),
        ("HSBC Bank (China) Co., Ltd.", "HSBC"),
        ("Industrial Bank", "CIB"),
        ("Everbright", "CEB"),
        ("招商", "CMB"),
    ],
)
def test_names_people_type_find_the_bank(query: str, code: str) -> None:
    assert get_bank(query).code == code


@pytest.mark.parametrize(
    ("query", "banks_meant"),
    [
        ("Shanghai", {"SPDB", "BOS"}),
        ("上海", {"SPDB", "BOS"}),
        ("Industrial", {"ICBC", "CIB"}),
    ],
)
def test_a_name_of_several_banks_picks_none_and_lists_them(query: str, banks_meant: set[str]) -> None:
    with pytest.raises(UnknownBankError) as caught:
        get_bank(query)
    for code in banks_meant:
        assert code in str(caught.value)
        assert code in str(caught.value.message_zh)
    assert "more than one bank" in str(caught.value)
    assert "多家银行" in str(caught.value.message_zh)


@pytest.mark.parametrize("query", ["China", "中国", "Bank", "银行", "Bank of", "银行 有限公司", "Co., Ltd."])
def test_words_every_bank_shares_find_no_bank(query: str) -> None:
    with pytest.raises(UnknownBankError):
        get_bank(query)


def test_a_typo_suggests_the_closest_code_in_both_languages() -> None:
    with pytest.raises(UnknownBankError) as caught:
        get_bank("ICBCC")
    assert "Did you mean ICBC (Industrial and Commercial Bank of China)" in str(caught.value)
    assert "您要找的是 ICBC 中国工商银行 还是 CMBC 中国民生银行？" in str(caught.value.message_zh)
    assert caught.value.code == "UNKNOWN_BANK"


def test_nothing_close_lists_the_codes_without_a_guess(registry: BankRegistry) -> None:
    with pytest.raises(UnknownBankError) as caught:
        registry.get("zzzz")
    assert "Did you mean" not in str(caught.value)
    assert "ICBC, ABC, CMB, BOC, TEST" in str(caught.value)


def test_the_fixture_registry_matches_loosely_too(registry: BankRegistry) -> None:
    assert registry.get("Agricultural").code == "ABC"
    assert registry.get("中國農業銀行").code == "ABC"
    assert registry.get("Test Bank").code == "TEST"


def test_every_traditional_character_maps_to_a_character_of_a_bank_name_or_a_legal_word() -> None:
    used = {char for bank in banks() for name in (bank.name_zh, *bank.aliases) for char in name}
    used |= set("股份有限责任公司")
    for traditional, simplified in TRADITIONAL.items():
        assert len(traditional) == len(simplified) == 1
        assert traditional != simplified
        assert simplified in used


# Any text, and the banks' names with a few characters around them: random text alone
# almost never finds a bank, so the property's second half would hardly run.
_NAMES = sorted({name for bank in banks() for name in (bank.code, bank.name_en, bank.name_zh, *bank.aliases)})
_NOISE = st.text(alphabet=st.sampled_from(list(" -.()（）银行中国Bank of分支ank")), max_size=3)
queries = st.one_of(
    st.text(max_size=30),
    st.builds(lambda before, name, after: before + name + after, _NOISE, st.sampled_from(_NAMES), _NOISE),
)


@given(queries)
def test_any_text_finds_one_bank_or_refuses(query: str) -> None:
    try:
        bank = get_bank(query)
    except UnknownBankError:
        return
    # Found loosely or exactly, it is found by a word of one of its names, never by shared words.
    names = {legal(name) for name in (bank.code, bank.name_en, bank.name_zh, *bank.aliases)}
    assert (
        core(query)
        or legal(query) in names
        or lookup_key(query)
        in {lookup_key(name) for name in (bank.code, bank.name_en, bank.name_zh, *bank.aliases)}
    )


@given(st.sampled_from(banks()))
def test_every_bank_is_found_by_each_of_its_names(bank: object) -> None:
    from wxpay_names import Bank

    assert isinstance(bank, Bank)
    for name in (bank.code, bank.name_en, bank.name_zh, *bank.aliases):
        assert get_bank(name) == bank
        assert get_bank(name.upper()) == bank


@pytest.mark.parametrize("query", ["Citi", "CITI", "citi", "ＣＩＴＩ", "Citibank"])
def test_citi_is_not_china_citic_bank(query: str) -> None:
    # Citibank (China), 花旗, is another bank than China CITIC Bank, 中信: "Citi" only starts the
    # acronym CITIC, and the start of an acronym names no bank (was: CITIC, silently).
    with pytest.raises(UnknownBankError) as caught:
        get_bank(query)
    assert caught.value.code == "UNKNOWN_BANK"
    assert f"No bank is called {query!r}" in str(caught.value)


@pytest.mark.parametrize("query", ["HSB", "ICB", "BOCO", "CITI"])
def test_the_start_of_an_acronym_finds_no_bank_but_suggests_it(query: str) -> None:
    with pytest.raises(UnknownBankError, match="Did you mean"):
        get_bank(query)


@pytest.mark.parametrize(
    ("query", "code"),
    [("CITIC", "CITIC"), ("citic", "CITIC"), ("China CITIC", "CITIC"), ("中信", "CITIC"), ("Comm", "BOCOM")],
)
def test_a_whole_acronym_and_the_start_of_a_word_still_find_the_bank(query: str, code: str) -> None:
    assert get_bank(query).code == code


def test_citi_finds_citibank_once_the_bank_list_has_it() -> None:
    # The rule is about acronyms, not about CITIC: "Citi" starts the word Citibank.
    citic = get_bank("CITIC")
    citibank = citic.model_copy(
        update={
            "code": "CITIBANK",
            "name_en": "Citibank (China)",
            "name_zh": "花旗银行（中国）有限公司",
            "aliases": ("花旗",),
        }
    )
    registry = BankRegistry([citic, citibank])
    assert registry.get("Citi").code == "CITIBANK"
    assert registry.get("CITIC").code == "CITIC"


def test_acronym_cuts() -> None:
    assert acronym_cuts("China CITIC Bank") == {1, 2, 3, 4}
    assert acronym_cuts("CITIC") == {1, 2, 3, 4}
    assert acronym_cuts("HSBC China") == {1, 2, 3}
    assert acronym_cuts("Bank of Communications") == set()
    # A name all in capitals has no lower case to tell an acronym by: its words are words.
    assert acronym_cuts("CHINA MERCHANTS BANK") == set()
    assert acronym_cuts("中国工商银行") == set()
