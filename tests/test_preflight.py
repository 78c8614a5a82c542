"""preflight: the name to type at the card's bank, and every problem before linking, most blocking first."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxpay_names import (
    BankRegistry,
    BindingCheck,
    InvalidArgumentError,
    NameFormatError,
    PassportName,
    ProblemCode,
    bank_of_card,
    format_name,
    get_bank,
    next_tries,
    parse_mrz_document,
    preflight,
)
from wxpay_names.binding.card import luhn_valid
from wxpay_names.binding.wording import WEIGHTS, WORDING, blocks
from wxpay_names.messages import PROBLEMS
from wxpay_names.models import ProblemCode as Codes
from zones import td3

TODAY = date(2026, 12, 6)
ZHANG_SAN = PassportName(surname="Zhang", given_names="San")
ICBC_CARD = "6222 0200 0000 0000 000"
CMB_CARD = "6214 8300 0000 0009"  # passes Luhn
MOBILE = "+86 138 0013 8000"


def codes(result: BindingCheck) -> list[str]:
    return [problem.code.value for problem in result.problems]


def test_all_clear() -> None:
    result = preflight(ZHANG_SAN, card=ICBC_CARD, phone=MOBILE, document=td3(expiry=date(2031, 1, 1),
                       name="ZHANG<<SAN"), today=TODAY)  # fmt: skip
    assert result.ok
    assert result.problems == ()
    assert result.blocking == ()
    assert result.bank is not None
    assert result.bank.code == "ICBC"
    assert result.name_to_type == "ZHANG SAN"
    assert result.card is not None
    assert result.card.masked == "622202*********0000"
    assert result.phone is not None
    assert result.phone.mainland_mobile
    assert result.document is not None
    assert result.document.days_left is not None


def test_the_bank_comes_from_the_card_and_the_name_is_rank_one_there() -> None:
    result = preflight("ZHANG, San", card=CMB_CARD)
    assert result.bank is not None
    assert result.bank.code == "CMB"
    assert result.name_to_type == format_name(ZHANG_SAN, "CMB")


def test_the_next_tries_follow_rank_one_in_order() -> None:
    result = preflight(ZHANG_SAN, bank="BOC")
    assert result.name_to_type == "SAN ZHANG"
    assert result.next_tries == next_tries(ZHANG_SAN, "BOC", ["SAN ZHANG"])
    assert [candidate.rank for candidate in result.next_tries] == list(range(2, 2 + len(result.next_tries)))


def test_a_bank_given_that_the_card_contradicts_blocks() -> None:
    result = preflight(ZHANG_SAN, bank="BOC", card=ICBC_CARD)
    assert result.bank is not None
    assert result.bank.code == "BOC"
    assert result.name_to_type == "SAN ZHANG"
    assert codes(result) == ["CARD_BANK_DIFFERS"]
    assert not result.ok
    message = result.problems[0]
    assert "Industrial and Commercial Bank of China" in message.message_en
    assert "Bank of China" in message.message_en
    assert "中国工商银行" in message.message_zh


def test_the_same_bank_both_ways_is_no_problem() -> None:
    assert preflight(ZHANG_SAN, bank="工行", card=ICBC_CARD).problems == ()


def test_an_unknown_bank_name_is_a_problem_and_the_card_still_helps() -> None:
    result = preflight(ZHANG_SAN, bank="Bank of Nowhere", card=ICBC_CARD)
    assert codes(result) == ["BANK_UNKNOWN"]
    assert result.bank is not None
    assert result.bank.code == "ICBC"
    assert "ICBC" in result.problems[0].message_en  # the error lists the codes


def test_a_bank_without_a_source_warns_that_the_name_is_a_guess() -> None:
    result = preflight(ZHANG_SAN, bank="PSBC")
    assert codes(result) == ["BANK_CONVENTION_UNKNOWN"]
    assert result.ok
    assert result.name_to_type == "ZHANG SAN"
    assert "ZHANG SAN" in result.problems[0].message_en
    assert "中国邮政储蓄银行" in result.problems[0].message_zh


def test_no_bank_and_no_card_gives_no_name_to_type() -> None:
    result = preflight(ZHANG_SAN)
    assert result.bank is None
    assert result.name_to_type is None
    assert result.ok


def test_a_card_of_a_bank_outside_the_list() -> None:
    result = preflight(ZHANG_SAN, card="6223 0200 0000 0000")  # 622302, 16 digits: Guangdong Rural Credit
    assert result.bank is None
    assert result.name_to_type is None
    assert "CARD_BANK_NOT_LISTED" in codes(result)


def test_a_card_of_a_bank_outside_the_list_contradicts_the_bank_given() -> None:
    """A Guangdong Rural Credit card with ``bank="ICBC"``: another bank, as a listed one would be
    (it passed, with a warning that no name could be given beside the name given)."""
    result = preflight(ZHANG_SAN, bank="ICBC", card="6223 0200 0000 0006")
    assert codes(result) == ["CARD_BANK_DIFFERS"]
    assert not result.ok
    assert result.name_to_type == "ZHANG SAN"
    message = result.problems[0]
    assert "广东省农村信用社联合社 (GDRCC)" in message.message_en
    assert "Industrial and Commercial Bank of China" in message.message_en
    assert "广东省农村信用社联合社" in message.message_zh
    assert result.card is not None
    assert "CARD_BANK_NOT_LISTED" in [problem.code.value for problem in result.card.problems]


def test_a_whole_zone_misread_is_the_documents_problem_not_a_missing_name() -> None:
    result = preflight(None, bank="ICBC", document=td3(expiry=date(2031, 1, 1), sex="E"))
    assert codes(result) == ["DOCUMENT_UNREADABLE"]
    assert result.name is None
    assert preflight(None, bank="ICBC").problems[0].code is Codes.NAME_UNREADABLE  # nothing given


def given_first_icbc(registry: BankRegistry) -> BankRegistry:
    """*registry* with ICBC writing the given names first, as a bank file of one's own may say."""
    return BankRegistry(
        bank.model_copy(update={"order": "given_first"}) if bank.code == "ICBC" else bank
        for bank in registry.banks
    )


def test_the_cards_bank_comes_from_the_registry_given(registry: BankRegistry) -> None:
    """The card's issuer is looked up in the banks in use, not in the packaged table."""
    own = given_first_icbc(registry)
    result = preflight(ZHANG_SAN, card=ICBC_CARD, registry=own)
    assert result.bank is own.get("ICBC")
    assert result.card is not None
    assert result.card.bank is own.get("ICBC")
    assert result.name_to_type == "SAN ZHANG"
    assert result.name_to_type == format_name(ZHANG_SAN, own.get("ICBC"))
    assert preflight(ZHANG_SAN, card=ICBC_CARD).name_to_type == "ZHANG SAN"  # the packaged table
    by_text = preflight(ZHANG_SAN, bank="工行", registry=own)
    assert by_text.bank is own.get("ICBC")
    assert by_text.name_to_type == "SAN ZHANG"


def test_a_card_whose_bank_the_registry_lacks_is_not_listed(registry: BankRegistry) -> None:
    ccb_card = "6227 0012 3456 7890 123"
    assert bank_of_card(ccb_card).bank == get_bank("CCB")  # in the packaged table
    info = bank_of_card(ccb_card, registry=registry)  # the fixture file has no CCB
    assert info.bank is None
    assert info.issuer_code == "CCB"
    assert "CARD_BANK_NOT_LISTED" in [problem.code.value for problem in info.problems]
    result = preflight(ZHANG_SAN, card=ccb_card, registry=registry)
    assert result.bank is None
    assert result.name_to_type is None
    unknown = preflight(ZHANG_SAN, bank="CCB", registry=registry)
    assert "BANK_UNKNOWN" in codes(unknown)
    assert "TEST" in unknown.problems[0].message_en  # the codes of the registry in use


def test_an_unreadable_name_is_a_problem() -> None:
    result = preflight("John Smith", bank="ICBC")
    assert codes(result) == ["NAME_UNREADABLE"]
    assert result.name is None
    assert result.name_to_type is None
    assert not result.ok
    assert "SURNAME" in result.problems[0].message_en
    assert "姓" in result.problems[0].message_zh


def test_the_name_can_come_from_the_document() -> None:
    zone = td3(expiry=date(2031, 1, 1), name="ZHANG<<SAN")
    result = preflight(None, bank="ICBC", document=zone, today=TODAY)
    assert result.name == parse_mrz_document(zone).name
    assert result.name_to_type == "ZHANG SAN"
    assert result.ok
    assert codes(preflight(None, bank="ICBC")) == ["NAME_UNREADABLE"]


def test_a_name_that_differs_from_the_document_warns() -> None:
    zone = td3(expiry=date(2031, 1, 1), name="ZHANG<<SANFENG")
    result = preflight(ZHANG_SAN, bank="ICBC", document=zone, today=TODAY)
    assert codes(result) == ["DOCUMENT_NAME_DIFFERS"]
    assert "ZHANG SANFENG" in result.problems[0].message_en
    assert "ZHANG SAN" in result.problems[0].message_zh


def test_a_name_whose_zone_field_is_full_warns_that_it_may_be_cut() -> None:
    full = "VANDERBERGHE<<JOHANNES<MAXIMILIAN<ALEXA"  # the 39 characters of the name field
    zone = td3(expiry=date(2031, 1, 1), name=full)
    result = preflight(None, bank="ICBC", document=zone, today=TODAY)
    assert result.name is not None
    assert result.name.possibly_truncated
    assert codes(result) == ["NAME_POSSIBLY_TRUNCATED"]
    assert result.ok  # a warning: the name may be whole
    assert "VANDERBERGHE, JOHANNES MAXIMILIAN ALEXA" in result.problems[0].message_en
    assert "资料页" in result.problems[0].message_zh
    # The same name read from a zone that is not full, or given as fields, says nothing.
    short = td3(expiry=date(2031, 1, 1), name="VANDERBERGHE<<JOHANNES<MAXIMILIAN")
    assert codes(preflight(None, bank="ICBC", document=short, today=TODAY)) == []
    given_name = PassportName(surname="Vanderberghe", given_names="Johannes Maximilian Alexa")
    assert codes(preflight(given_name, bank="ICBC")) == []
    # A name given apart from a full zone is not the zone's: only the difference is said.
    apart = preflight(given_name, bank="ICBC", document=zone, today=TODAY)
    assert "NAME_POSSIBLY_TRUNCATED" not in codes(apart)


def test_a_permanent_resident_number_is_checked_as_one() -> None:
    result = preflight(ZHANG_SAN, bank="ICBC", document="932682198501010018")
    assert codes(result) == ["RESIDENT_ID_CHECK_DIGIT"]
    assert result.resident_id is not None
    assert result.document is None
    assert preflight(ZHANG_SAN, bank="ICBC", document="932682198501010017").ok


@pytest.mark.parametrize(
    "typed", ["93268219850101001", "9326821985010100177", "123", "9326 8219 8501 0100 X"]
)
def test_a_resident_number_typed_with_a_digit_missing_or_extra_is_said_as_one(typed: str) -> None:
    # Never as a misread passport zone, which the person did not give.
    result = preflight(ZHANG_SAN, bank="ICBC", document=typed)
    assert codes(result) == ["RESIDENT_ID_FORMAT"]
    assert result.resident_id is not None
    assert result.document is None
    assert "机读区" not in result.problems[0].message_zh


def test_problems_come_most_blocking_first() -> None:
    zone = td3(expiry=TODAY - timedelta(days=3), name="ZHANG<<SANFENG")
    result = preflight(
        ZHANG_SAN,
        bank="BOC",
        card="6214 8300 0000 0000",  # CMB, fails Luhn
        phone="+44 7911 123456",
        document=zone,
        today=TODAY,
        bank_document_number="E00000000",
    )
    assert codes(result) == [
        "DOCUMENT_EXPIRED",
        "DOCUMENT_NUMBER_CHANGED",
        "CARD_BANK_DIFFERS",
        "DOCUMENT_NAME_DIFFERS",
        "PHONE_OUTSIDE_MAINLAND",
        "CARD_LUHN",
    ]
    assert result.blocking == (
        ProblemCode.DOCUMENT_EXPIRED,
        ProblemCode.DOCUMENT_NUMBER_CHANGED,
        ProblemCode.CARD_BANK_DIFFERS,
    )
    weights = [blocks(problem.code) for problem in result.problems]
    assert weights == sorted(weights, reverse=True)


def test_bad_content_is_a_problem_not_an_exception() -> None:
    result = preflight("ZHANG, San", bank="ICBC", card="12ab", phone="12345", document="P<nonsense")
    assert codes(result) == ["CARD_NOT_A_NUMBER", "PHONE_NOT_A_NUMBER", "DOCUMENT_UNREADABLE"]
    assert not result.ok
    assert result.name_to_type == "ZHANG SAN"


@pytest.mark.parametrize(
    "arguments",
    [
        {"name": 42},
        {"name": ZHANG_SAN, "bank": 1},
        {"name": ZHANG_SAN, "card": 6222020000000000000},
        {"name": ZHANG_SAN, "phone": 13800138000},
        {"name": ZHANG_SAN, "document": b"P<UTO"},
        {"name": ZHANG_SAN, "document": td3(expiry=TODAY), "today": "2026-12-06"},
        {"name": ZHANG_SAN, "today": "2026-12-06"},
        {"name": ZHANG_SAN, "bank_document_number": 12345678},
        {"name": ZHANG_SAN, "registry": "data/banks.csv"},
    ],
)
def test_arguments_that_are_not_str_raise_a_name_format_error(arguments: dict[str, object]) -> None:
    name = arguments.pop("name")
    with pytest.raises(InvalidArgumentError) as raised:
        preflight(name, **arguments)  # type: ignore[arg-type]
    assert isinstance(raised.value, NameFormatError)


def test_every_preflight_code_is_worded_and_weighed() -> None:
    preflight_codes = set(Codes) - set(PROBLEMS)
    assert set(WORDING) == preflight_codes == set(WEIGHTS)
    for code, variants in WORDING.items():
        for variant, wording in variants.items():
            assert wording.en.strip(), (code, variant)
            assert wording.zh.strip(), (code, variant)
            assert "你" not in wording.zh, (code, variant)  # 您, never 你
            # Chinese sentences use full-width punctuation.
            for ascii_mark in (",", ";", ":", "(", ")", "!", "?"):
                assert ascii_mark not in wording.zh.replace("{", "").replace("}", ""), (code, variant)


texts = st.text(max_size=40) | st.text(alphabet=st.sampled_from("0123456789 +<PUTO,abcX９"), max_size=40)


@settings(max_examples=150, derandomize=True, deadline=None)
@given(
    name=texts,
    bank=st.none() | texts,
    card=st.none() | texts,
    phone=st.none() | texts,
    document=st.none() | texts,
)
def test_any_text_anywhere_gives_a_result(
    name: str, bank: str | None, card: str | None, phone: str | None, document: str | None
) -> None:
    result = preflight(name, bank=bank, card=card, phone=phone, document=document, today=TODAY)
    assert result.ok is not any(blocks(problem.code) for problem in result.problems)
    assert (result.name_to_type is None) or (result.bank is not None and result.name is not None)
    if result.name_to_type is not None:
        assert result.bank is not None
        assert result.name is not None
        assert result.name_to_type == format_name(result.name, result.bank)
    if card is not None and result.card is not None and result.card.digits >= 13:
        assert card.strip() not in result.model_dump_json() or len(card.strip()) < 13


def test_import_loads_neither_phonenumbers_nor_the_card_table() -> None:
    script = (
        "import sys, wxpay_names; "
        "plain = sorted(m for m in sys.modules if m.startswith(('phonenumbers', 'wxpay_names.binding'))); "
        "from wxpay_names import bank_of_card, preflight, CardInfo, BindingCheck; "
        "from wxpay_names.binding.card_bins import bin_table; "
        "named = bin_table.cache_info().currsize; "
        "bank_of_card('6222020000000000000'); "
        "print(plain, named, bin_table.cache_info().currsize, 'phonenumbers' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    assert result.stdout.split() == ["[]", "0", "1", "False"]


def test_the_names_of_the_second_round_are_exported() -> None:
    import wxpay_names

    for name in (
        "bank_of_card", "CardInfo", "check_phone", "PhoneCheck", "parse_mrz_document", "TravelDocument",
        "check_document", "DocumentCheck", "check_permanent_resident_id", "preflight", "BindingCheck",
    ):  # fmt: skip
        assert name in wxpay_names.__all__
        assert getattr(wxpay_names, name) is not None
    assert {"bank", "name_to_type", "problems", "ok"} <= set(BindingCheck.model_fields) | set(
        BindingCheck.model_computed_fields
    )
    assert get_bank("ICBC") == preflight(ZHANG_SAN, card=ICBC_CARD).bank


def test_the_docs_table_lists_every_code_with_its_weight() -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "before-linking.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([A-Z_]+)` \| (blocks|warns) \|", page, flags=re.MULTILINE)
    assert dict(rows) == {code.value: weight for code, weight in WEIGHTS.items()}
    assert len(rows) == len(WEIGHTS)


def test_the_bank_document_number_is_compared_with_a_resident_id_too() -> None:
    """The 2023 renumbering (15 characters to 18 digits) is a changed document number; it was
    never compared."""
    result = preflight(
        ZHANG_SAN, bank="ICBC", document="932682198501010017", bank_document_number="USA110085050112"
    )
    assert codes(result) == ["DOCUMENT_NUMBER_CHANGED"]
    assert "18-digit number" in result.problems[0].message_en
    assert "18 位号码" in result.problems[0].message_zh
    same = preflight(
        ZHANG_SAN, bank="ICBC", document="932682 1985 0101 0017", bank_document_number="932682198501010017"
    )
    assert codes(same) == []


def test_a_bank_document_number_with_no_document_is_refused() -> None:
    with pytest.raises(InvalidArgumentError, match="give the document too"):
        preflight(ZHANG_SAN, bank="ICBC", bank_document_number="E1")


def test_a_card_of_an_issuer_ones_bank_list_holds_under_its_own_code_is_no_other_bank(tmp_path: Path) -> None:
    """A bank list of one's own with Ping An as PINGAN: a Ping An card given with bank PINGAN is
    that bank (found by its Chinese name), not another one, so nothing blocks."""
    packaged = (Path(__file__).parent.parent / "data" / "banks.csv").read_text(encoding="utf-8")
    own = tmp_path / "banks.csv"
    own.write_text(packaged.replace("\nPAB,", "\nPINGAN,").replace("平安|PINGAN", "平安"), encoding="utf-8")
    registry = BankRegistry.from_csv(own)
    card = next(f"621260000000000{digit}" for digit in "0123456789" if luhn_valid(f"621260000000000{digit}"))
    result = preflight(ZHANG_SAN, bank="PINGAN", card=card, registry=registry)  # 621260, 16 digits: Ping An
    assert "CARD_BANK_DIFFERS" not in codes(result)
    assert "CARD_BANK_NOT_LISTED" not in codes(result)  # found, by its Chinese name
    assert result.ok
    found = preflight(ZHANG_SAN, card=card, registry=registry)
    assert found.bank is not None
    assert found.bank.code == "PINGAN"
    other = preflight(ZHANG_SAN, bank="ICBC", card=card, registry=registry)
    assert "CARD_BANK_DIFFERS" in codes(other)


def test_a_bank_document_number_in_other_digits_is_the_same_number() -> None:
    same = preflight(
        ZHANG_SAN, bank="ICBC", document="932682198501010017", bank_document_number="٩٣٢٦٨٢١٩٨٥٠١٠١٠٠١٧"
    )
    assert codes(same) == []


def test_an_issuer_ones_bank_list_holds_under_the_datasets_code_is_that_bank(tmp_path: Path) -> None:
    """A bank list of one's own with Guangdong Rural Credit under the card data's code GDRCC (and
    a Chinese name of its own): its card is that bank, not 'not listed' beside the name given."""
    packaged = (Path(__file__).parent.parent / "data" / "banks.csv").read_text(encoding="utf-8")
    icbc = next(line for line in packaged.splitlines() if line.startswith("ICBC,"))
    row = icbc.replace(
        "ICBC,Industrial and Commercial Bank of China,中国工商银行,工行|工商银行,",
        "GDRCC,Guangdong Rural Credit,广东农信,,",
        1,
    )
    own = tmp_path / "banks.csv"
    own.write_text(packaged.rstrip("\n") + "\n" + row + "\n", encoding="utf-8")
    registry = BankRegistry.from_csv(own)
    result = preflight(ZHANG_SAN, bank="GDRCC", card="6223 0200 0000 0006", registry=registry)
    assert "CARD_BANK_NOT_LISTED" not in codes(result)
    assert "CARD_BANK_DIFFERS" not in codes(result)
    assert result.card is not None
    assert result.card.bank is not None
    assert result.card.bank.code == "GDRCC"
