"""``wxpay-names preflight``: exit 0 ok, 1 blocked, 2 usage; the card number only ever masked."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from wxpay_names.cli import main
from zones import td3

CARD = "6222020000000001234"  # ICBC 622202, 19 digits
CARD_GROUPS = ["6222", "0200", "0000", "0001", "234"]
MASKED = "622202*********1234"
ZHANG_SAN = ["--surname", "Zhang", "--given", "San"]
TODAY = date(2026, 12, 6)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["preflight", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_all_clear_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *ZHANG_SAN, "--card", CARD, "--phone", "+86", "138", "0013", "8000")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Name to type at Industrial and Commercial Bank of China: ZHANG SAN"
    assert lines[1].startswith("If it is refused, try in order: Zhang San, ZHANGSAN")
    assert f"Card {MASKED}: Industrial and Commercial Bank of China, debit card" in lines
    assert "Phone +8613800138000: mainland China mobile, China Mobile" in lines
    assert lines[-1] == "OK: nothing found blocks linking the card."
    assert err == ""


def test_something_that_blocks_exits_1_and_is_listed_first(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *ZHANG_SAN, "--bank", "BOC", "--card", CARD, "--phone", "+44 7911 123456")
    assert code == 1
    blocks_at, warns_at = out.index("Blocks linking:"), out.index("Warnings:")
    assert blocks_at < out.index("[CARD_BANK_DIFFERS]") < warns_at < out.index("[PHONE_OUTSIDE_MAINLAND]")
    assert out.rstrip().endswith("BLOCKED: 1 problem to fix before linking the card.")
    assert "Name to type at Bank of China: SAN ZHANG" in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *ZHANG_SAN, "--card", CARD, "--today", "2026-13-01")
    assert code == 2
    assert "YYYY-MM-DD" in err
    assert out == ""
    assert run(capsys, *ZHANG_SAN, "--banks-file", "x.csv")[0] == 2
    assert run(capsys, "--chinese", "张三", "--surname", "Zhang")[0] == 2  # the name two ways
    assert run(capsys, *ZHANG_SAN, "--no-such-option")[0] == 2


@pytest.mark.parametrize("as_json", [False, True])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_card_number_is_only_ever_printed_masked(
    capsys: pytest.CaptureFixture[str], as_json: bool, lang: str
) -> None:
    extra = ["--json"] if as_json else []
    for card in ([CARD], CARD_GROUPS, ["6222-0200-0000-0001-234"], ["6222020000000001235"]):
        code, out, err = run(capsys, *ZHANG_SAN, "--card", *card, "--lang", lang, *extra)
        assert code in (0, 1)
        everything = out + err
        assert MASKED[:6] in everything
        for secret in (CARD[6:15], "".join(CARD_GROUPS)[6:15], "0200 0000", "0200-0000"):
            assert secret not in everything


def test_a_card_with_letters_is_a_problem_not_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *ZHANG_SAN, "--card", "12ab")
    assert code == 1
    assert "Card: not a card number" in out
    assert "[CARD_NOT_A_NUMBER]" in out


@pytest.mark.parametrize(
    ("name", "why"),
    [
        (["Zh4ng, San"], "DIGIT FOUR"),
        (["John Smith"], "Cannot tell the surname from the given names"),
        (["--surname", "Zhang", "--given", "S4n"], "The given names field holds '4'"),
    ],
)
def test_a_name_that_cannot_be_read_is_a_problem_beside_the_others(
    capsys: pytest.CaptureFixture[str], name: list[str], why: str
) -> None:
    # As the library's preflight and /v1/preflight say it, not a usage error that hides the rest.
    code, out, err = run(capsys, *name, "--card", CARD)
    assert code == 1, err
    assert err == ""
    assert "[NAME_UNREADABLE]" in out
    assert why in out
    assert f"Card {MASKED}: Industrial and Commercial Bank of China, debit card" in out
    code, out, _ = run(capsys, *name, "--json")
    assert code == 1
    assert json.loads(out)["blocking"] == ["NAME_UNREADABLE"]


def test_an_unreadable_name_is_said_with_the_options_not_python(capsys: pytest.CaptureFixture[str]) -> None:
    # It said "from_chinese() reads Chinese characters only ... parse_name() or PassportName(...)".
    code, out, _ = run(capsys, "--chinese", "Zhang", "--bank", "ICBC")
    assert code == 1
    assert "--chinese takes Chinese characters only" in out
    assert "from_chinese" not in out
    assert "PassportName(" not in out


def test_a_name_alone_is_said_to_leave_nothing_to_check(capsys: pytest.CaptureFixture[str]) -> None:
    # It printed "OK: nothing found blocks linking the card." though it checked nothing.
    code, out, _ = run(capsys, "--surname", "Zhang", "--given", "San")
    assert code == 0
    assert out.startswith("Nothing to check but the name: give --card or --bank")
    assert "OK:" not in out
    _, out, _ = run(capsys, "--surname", "Zhang", "--given", "San", "--lang", "zh")
    assert out.startswith("除姓名外没有可检查的内容")
    # With a bank, the name to type is checked: OK as before.
    _, out, _ = run(capsys, "--surname", "Zhang", "--given", "San", "--bank", "ICBC")
    assert "OK: nothing found blocks linking the card." in out


def test_json_is_the_binding_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *ZHANG_SAN, "--card", *CARD_GROUPS, "--json")
    assert code == 0
    document = json.loads(out)
    assert document["ok"] is True
    assert document["blocking"] == []
    assert document["bank"]["code"] == "ICBC"
    assert document["name_to_type"] == "ZHANG SAN"
    assert document["card"]["masked"] == MASKED
    assert document["card"]["kind"] == "debit"
    assert [c["rank"] for c in document["next_tries"]][:3] == [2, 3, 4]


def test_chinese_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *ZHANG_SAN, "--card", CARD, "--bank", "中行", "--lang", "zh")
    assert code == 1
    assert "在中国银行应输入的姓名：SAN ZHANG" in out
    assert "会导致绑卡失败：" in out
    assert "暂不能绑卡：有 1 个问题需要先解决。" in out
    assert "这个卡号属于中国工商银行，不是中国银行" in out


def test_a_whole_zone_gives_the_name_and_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    upper, lower = td3(expiry=TODAY + timedelta(days=30), name="ZHANG<<SAN").splitlines()
    zone = ["--mrz", upper, "--mrz", lower]
    code, out, _ = run(capsys, *zone, "--card", CARD, "--today", TODAY.isoformat())
    assert code == 0
    assert "Name to type at Industrial and Commercial Bank of China: ZHANG SAN" in out
    assert "Passport (P) of UTO: expires on 2027-01-05, in 30 days" in out
    assert "[DOCUMENT_EXPIRING]" in out
    expired = td3(expiry=TODAY - timedelta(days=1), name="ZHANG<<SAN").replace("\n", " ")
    code, out, _ = run(capsys, "--mrz", expired, "--card", CARD, "--today", TODAY.isoformat())
    assert code == 1
    assert "[DOCUMENT_EXPIRED]" in out
    code, out, _ = run(
        capsys, *zone, "--bank", "ICBC", "--today", TODAY.isoformat(), "--bank-document-number", "E1"
    )
    assert code == 1
    assert "[DOCUMENT_NUMBER_CHANGED]" in out


@pytest.mark.parametrize(
    ("misread", "said"),
    [({"sex": "E"}, "The sex field"), ({"expiry": "991332"}, "The expiry date")],
)
def test_a_whole_zone_with_a_field_misread_is_the_document_refused(
    capsys: pytest.CaptureFixture[str], misread: dict[str, str], said: str
) -> None:
    """No check digit covers the sex letter, and a date can have a right check digit and no
    such day: the zone is whole, so it is the document, said unreadable (it was dropped, and
    an expired passport passed)."""
    fields = {"expiry": "120415", **misread}
    upper, lower = td3(name="ZHANG<<SAN", **fields).splitlines()
    code, out, _ = run(capsys, "--mrz", upper, "--mrz", lower, "--card", CARD, "--today", TODAY.isoformat())
    assert code == 1
    assert "[DOCUMENT_UNREADABLE]" in out
    assert said in out
    assert "OK" not in out


def test_a_name_field_alone_gives_the_name_only(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--mrz", "ZHANG<<SAN", "--bank", "ICBC")
    assert code == 0
    assert "ZHANG SAN" in out
    assert "Document" not in out


def test_a_resident_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *ZHANG_SAN, "--bank", "ICBC", "--resident-id", "932682198501010017")
    assert code == 0
    assert "Permanent resident ID: the 18-digit number of 2023" in out
    code, out, _ = run(capsys, *ZHANG_SAN, "--bank", "ICBC", "--resident-id", "932682198501010018")
    assert code == 1
    assert "[RESIDENT_ID_CHECK_DIGIT]" in out


def test_the_console_script_runs_it() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wxpay_names", "preflight", "ZHANG, San", "--card", *CARD_GROUPS, "--json"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["card"]["masked"] == MASKED
    assert "".join(CARD_GROUPS) not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("banks", "said"),
    [
        (["ICBC", "BOC"], "name one bank, the bank of the card (got ICBC, BOC)"),
        (["ICBC,BOC"], "name one bank, the bank of the card (got ICBC, BOC)"),
        ([""], "--bank '' names no bank"),
        (["ICBC", ","], "--bank ',' names no bank"),
    ],
)
def test_the_card_has_one_bank(capsys: pytest.CaptureFixture[str], banks: list[str], said: str) -> None:
    # Before: a repeated --bank was read as its last, and --bank '' was a problem "No bank is called ''".
    code, out, err = run(capsys, *ZHANG_SAN, *[f"--bank={bank}" for bank in banks])
    assert code == 2
    assert out == ""
    assert said in err
    assert err.count("\n") == 1


def test_one_bank_option_names_the_bank(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *ZHANG_SAN, "--bank", "中行")
    assert code == 0, err
    assert out.splitlines()[0] == "Name to type at Bank of China: SAN ZHANG"


def test_a_banks_file_gives_the_bank_and_the_cards_issuer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Its ICBC writes given names first: the name to type follows the file, for the bank given
    # and for the bank the card number names.
    fixture = (Path(__file__).parent / "fixtures" / "banks.csv").read_text(encoding="utf-8")
    lines = [
        line.replace(",surname_first,", ",given_first,", 1) if line.startswith("ICBC,") else line
        for line in fixture.splitlines()
    ]
    assert lines != fixture.splitlines()
    banks = tmp_path / "banks.csv"
    banks.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for where in (["--bank", "ICBC"], ["--card", CARD]):
        _, out, err = run(capsys, *ZHANG_SAN, *where, "--banks-file", str(banks))
        assert "Name to type at Industrial and Commercial Bank of China: SAN ZHANG" in out, out + err


def test_a_mainland_landline_is_said_as_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *ZHANG_SAN, "--phone", "010 6552 9988")
    assert code == 1  # PHONE_NOT_MOBILE blocks
    assert "Phone +861065529988: mainland China landline or service number" in out.splitlines()
    _, out_zh, _ = run(capsys, *ZHANG_SAN, "--phone", "010 6552 9988", "--lang", "zh")
    assert "电话号码 +861065529988：中国大陆固定电话或服务号码" in out_zh.splitlines()


@pytest.mark.parametrize("number", ["", "E12345678", "932682-19850101-0017"])
def test_resident_id_is_always_said_as_a_resident_id(capsys: pytest.CaptureFixture[str], number: str) -> None:
    """What --resident-id holds is a resident ID number, never read as a machine-readable zone."""
    code, out, _ = run(capsys, *ZHANG_SAN, "--bank", "ICBC", "--resident-id", number)
    assert "Permanent resident ID" in out
    assert "machine-readable zone" not in out
    assert "DOCUMENT_UNREADABLE" not in out
    assert code == (0 if number.startswith("9") else 1)


def test_a_bank_document_number_needs_a_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, *ZHANG_SAN, "--bank", "ICBC", "--bank-document-number", "E1")
    assert code == 2
    assert "--resident-id" in err


def test_a_whole_zone_with_a_wrong_check_digit_is_the_document_said_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Not a usage error with --bank-document-number ("give a whole --mrz zone": it was given),
    and said once, as the document (not also as a name that cannot be read)."""
    upper, lower = td3(expiry="120415", name="ZHANG<<SAN").splitlines()
    lower = lower[:9] + str((int(lower[9]) + 1) % 10) + lower[10:]
    code, out, err = run(
        capsys, "--mrz", upper, "--mrz", lower, "--bank", "ICBC", "--bank-document-number", "L898902C3"
    )
    assert code == 1
    assert err == ""
    assert out.count("[DOCUMENT_UNREADABLE]") == 1
    assert "NAME_UNREADABLE" not in out


def test_a_phone_number_of_no_country_is_said_so_on_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, *ZHANG_SAN, "--bank", "ICBC", "--phone", "+881", "6", "1234", "5678")
    line = next(line for line in out.splitlines() if line.startswith("Phone"))
    assert "001" not in line
    assert "international number of no country" in line
