"""Fuzz every public call: only NameFormatError escapes, and what comes out obeys the output rules.

Two kinds of input per call: all of Unicode (``st.text()``, and with lone surrogates), and
tuned alphabets that aim at the input policy (docs/input-policy.md): letters with
diacritics, Cyrillic and Greek look-alikes, zero-width and bidi characters, every white
space, full-width forms, punctuation, digits, emoji, control characters, Chinese.

``WXPAY_FUZZ_SCALE`` multiplies the number of examples (default 1: about 2,000 per public
call, under a minute on two cores); ``WXPAY_FUZZ_AT_LEAST`` raises every test to at least
that many. The full run, 10,000 and more per public call with texts of 10,000 to 400,000
characters, is ``benchmarks/fuzz_full.py``. The conftest profile keeps every run the same.

Every name a reader or constructor accepts must validate again from its JSON (issue 13),
and every refusal must give the one error shape of ``error_detail``.
"""

from __future__ import annotations

import os
import string
from collections.abc import Callable, Sequence
from typing import TypeVar

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from wxpay_names import (
    Bank,
    Candidate,
    CardPlan,
    ErrorCode,
    NameCheck,
    NameFormatError,
    NameInput,
    PassportName,
    UnknownBankError,
    banks,
    candidates,
    check_name,
    compatible_banks,
    error_detail,
    format_name,
    from_chinese,
    get_bank,
    parse_mrz,
    parse_name,
    plan_cards,
)
from wxpay_names.cleaning import MAX_INPUT_LENGTH, is_invisible
from wxpay_names.registry import BankRegistry
from wxpay_names.validation import NAME_PUNCTUATION

T = TypeVar("T")

SCALE = max(1, int(os.environ.get("WXPAY_FUZZ_SCALE", "1")))
AT_LEAST = int(os.environ.get("WXPAY_FUZZ_AT_LEAST", "0"))
# The longest text the suite's fuzz draws; the full run draws up to 400,000 characters.
LONGEST = int(os.environ.get("WXPAY_FUZZ_LONGEST", "20000"))


def examples(count: int) -> settings:
    return settings(max_examples=max(count * SCALE, AT_LEAST))


# ---------------------------------------------------------------------------------------
# Alphabets

LATIN = string.ascii_letters
DIACRITICS = (
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"
    "ĀāĂăĄąĆćČčĎďĐđĒēĘęĚěĞğĦħĪīİıĲĳĶķĹĺĽľŁłŃńŇňŉŌōŐőŒœŘřŚśŞşŠšŢţŤťŦŧŪūŮůŰűŲųŸŹźŻżŽžſ"
    "ǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜƠơƯưẠạẤấẦầẬậẸẹỆệỌọỘộỤụỲỳ"
    "\u0300\u0301\u0302\u0303\u0308\u030a\u030c\u0323\u0327\u0328"  # combining accents
)
LOOK_ALIKES = "АВЕКМНОРСТХаеорсухіјѕԁЈІ" + "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαικνορτυχ"
INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2066\u2067"
    "\u2068\u2069\ufeff\u00ad\u061c\u180e\u034f\ufe0f\u3164\U000e0041\U000e007f"
)
SPACES = " \u00a0\u3000\u2000\u2003\u2009\u200a\u202f\u205f\u1680\t\n\r\x0b\x0c\u2028\u2029\x85\x1c\x1f"
FULL_WIDTH = "".join(chr(code) for code in range(0xFF01, 0xFF5F)) + "\u3000"
PUNCTUATION = "-'’‘ʼʻ`´.,，·•‧‐‑‒–—―−_/\\&()[]\"“”«»!?;:<<<。、"
DIGITS = "0123456789０１２٣۴९²½Ⅷ〇"
EMOJI = [
    "😀",
    "👍",
    "\U0001f3fd",
    "🇨",
    "🇳",
    "👨\u200d👩\u200d👧",
    "❤\ufe0f",
    "✨",
    "©",
    "®",
    "™",
    "1\ufe0f\u20e3",
    "\u20dd",
]
# Characters that composing (NFC) changes: U+0374 becomes U+02B9, a modifier letter, not
# Greek; U+0344 becomes two accents; U+0958 a letter and an accent; U+2126 Ω, U+212A K.
NFC_CHANGING = "\u0374\u0344\u0340\u0341\u0343\u037e\u0387\u0958\u0959\u1f71\u2126\u212a\u212b\uf900\u2adc"
COMBINING = "\u0300\u0301\u0308\u0327\u0344\u0489\u20dd\u093c\u05b4\u0e49"
CONTROL = "\x00\x01\x07\x08\x1b\x7f\x80\x9f\ud800\udfff\ue000\uffff\u0378"
CHINESE = "张王李赵欧阳司马诸葛上官曾乐覃吕女单解区朴仇查缪盖翟長孫萬俟尉遲娜三丰〇々"
MRZ_ALPHABET = string.ascii_uppercase + string.digits + "<"

HOSTILE_GROUPS: list[Sequence[str]] = [
    DIACRITICS, LOOK_ALIKES, INVISIBLE, SPACES, FULL_WIDTH, PUNCTUATION, DIGITS, EMOJI, CONTROL, CHINESE,
]  # fmt: skip
HOSTILE_CHARACTERS = sorted({char for group in HOSTILE_GROUPS for char in group})

# ---------------------------------------------------------------------------------------
# Strategies

ALL_UNICODE = st.one_of(
    st.text(),  # every code point but lone surrogates, hypothesis's default
    st.text(st.characters(exclude_categories=()), max_size=40),  # lone surrogates too
)
NAME_LIKE = st.text(st.sampled_from(LATIN + LATIN + DIACRITICS + " -'."), min_size=1, max_size=24)
# Emoji sequences are several code points, so this is a list of pieces joined, not st.text.
DENSE = st.lists(st.one_of([st.sampled_from(group) for group in HOSTILE_GROUPS]), max_size=24).map("".join)


@st.composite
def spiced(
    draw: st.DrawFn, base: st.SearchStrategy[str] = NAME_LIKE, pool: Sequence[str] = HOSTILE_CHARACTERS
) -> str:
    """A name-like text with one to three hostile characters (from *pool*) dropped in."""
    text = draw(base)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(pool)) + text[at:]
    return text


@st.composite
def near_the_limit(draw: st.DrawFn) -> str:
    """Texts of 250 to 262 characters: either side of MAX_INPUT_LENGTH."""
    unit = draw(st.sampled_from(["Zhang ", "a", "Ü", "\u200b", " ", "ZHANG, San "]))
    length = draw(st.integers(MAX_INPUT_LENGTH - 6, MAX_INPUT_LENGTH + 6))
    return (unit * length)[:length]


@st.composite
def combining_runs(draw: st.DrawFn) -> str:
    """Letters carrying one to eight accents, some of which composing changes ("Zalgo" text)."""
    pieces = draw(
        st.lists(
            st.tuples(
                st.sampled_from(LATIN + LOOK_ALIKES + "\u0391\u0915"),
                st.text(st.sampled_from(COMBINING), max_size=8),
            ),
            min_size=1,
            max_size=6,
        )
    )
    return "".join(letter + marks for letter, marks in pieces)


@st.composite
def very_long(draw: st.DrawFn) -> str:
    """10,000 characters and more (up to LONGEST): a name, hostile characters, or both, repeated."""
    unit = draw(
        st.one_of(NAME_LIKE, DENSE.filter(bool), st.sampled_from(["Zhang ", "张", "\u200b", "😀", "Ａ"]))
    )
    length = draw(st.integers(min(10_000, LONGEST), LONGEST))
    return (unit * (length // len(unit) + 1))[:length]


# Name parts for the names the formatting tests build (most of what the rest adds is refused).
TUNED_PARTS = st.one_of(NAME_LIKE, DENSE, spiced(), near_the_limit())
TUNED = st.one_of(TUNED_PARTS, combining_runs(), spiced(pool=NFC_CHANGING + COMBINING), very_long())


@st.composite
def comma_names(draw: st.DrawFn) -> str:
    """``SURNAME, Given`` and its relatives, with hostile characters in and around."""
    surname = draw(st.one_of(NAME_LIKE.map(str.upper), spiced()))
    separator = draw(st.sampled_from([", ", ",", "，", " , ", "<<", "<", " ", "\u3000", ",,", ""]))
    given = draw(st.one_of(NAME_LIKE, spiced(), st.just("")))
    return draw(st.sampled_from([f"{surname}{separator}{given}", f"{given} {surname}"]))


def check_digit(field: str) -> str:
    values = [int(c) if c.isdigit() else 0 if c == "<" else ord(c) - 55 for c in field]
    return str(sum(value * (7, 3, 1)[index % 3] for index, value in enumerate(values)) % 10)


@st.composite
def td3(draw: st.DrawFn) -> str:
    """A two-line passport MRZ with right check digits and a generated name field."""
    upper_letters = st.text(st.sampled_from(string.ascii_uppercase), min_size=1, max_size=12)
    surname = draw(upper_letters)
    given = "<".join(draw(st.lists(upper_letters, max_size=3)))
    field = (surname + ("<<" + given if given else ""))[:39].ljust(39, "<")
    line1 = draw(st.sampled_from(["P<", "PP"])) + "UTO" + field
    number = draw(st.text(st.sampled_from(MRZ_ALPHABET), min_size=9, max_size=9))
    birth, expiry = "740812", "120415"
    optional = "ZE184226B<<<<<"
    body = (
        number + check_digit(number) + "UTO" + birth + check_digit(birth) + "F" + expiry + check_digit(expiry)
    )
    body += optional + check_digit(optional)
    composite = check_digit(body[0:10] + body[13:20] + body[21:43])
    return f"{line1}\n{body}{composite}"


@st.composite
def damaged_mrz(draw: st.DrawFn) -> str:
    """A good MRZ with one character changed, or MRZ-alphabet lines of MRZ lengths."""
    if draw(st.booleans()):
        text = draw(td3())
        at = draw(st.integers(0, len(text) - 1))
        return text[:at] + draw(st.sampled_from([*MRZ_ALPHABET, *HOSTILE_CHARACTERS])) + text[at + 1 :]
    widths = draw(st.lists(st.sampled_from([30, 36, 44, 39, 31, 43, 45]), min_size=1, max_size=3))
    lines = [draw(st.text(st.sampled_from(MRZ_ALPHABET), min_size=w, max_size=w)) for w in widths]
    return draw(st.sampled_from(["\n", "\r\n", " ", ""])).join(lines)


MRZ_TEXT = st.one_of(td3(), damaged_mrz(), spiced(st.text(st.sampled_from(MRZ_ALPHABET), min_size=1)))
CHINESE_TEXT = st.one_of(
    st.text(st.sampled_from(CHINESE), min_size=1, max_size=6),
    spiced(st.text(st.sampled_from(CHINESE), min_size=1, max_size=6)),
    st.text(st.characters(min_codepoint=0x3400, max_codepoint=0x9FFF), max_size=8),
)

FIXTURE_REGISTRY = BankRegistry.from_csv(os.path.join(os.path.dirname(__file__), "fixtures", "banks.csv"))
FIXTURE_BANKS = FIXTURE_REGISTRY.banks
BANK = st.sampled_from(FIXTURE_BANKS)


def constructed(surname: str, given_names: str) -> PassportName | None:
    """The name, or None when the constructor refuses it (as its contract allows)."""
    try:
        return PassportName(surname=surname, given_names=given_names)
    except ValidationError as error:
        refused = error
    # Refused by our own validators, never by a type or a crash inside them.
    assert all(detail["type"] == "value_error" for detail in refused.errors()), refused
    assert_error_shape(error_detail(refused))
    return None


def assert_error_shape(detail: dict[str, object] | object) -> None:
    """The one shape of a refusal: a known code, a message in English and in Chinese."""
    assert isinstance(detail, dict)
    assert set(detail) == {"code", "message", "message_zh", "field"}, detail
    assert detail["code"] in set(ErrorCode), detail
    assert detail["message"], detail
    assert detail["message_zh"], detail
    assert detail["field"] is None or detail["field"] in ("surname", "given_names"), detail


GOOD_NAMES = st.sampled_from(
    [
        PassportName(surname="Zhang", given_names="San"),
        PassportName(surname="Müller-Lüdenscheidt", given_names="Hans Jürgen"),
        PassportName(surname="", given_names="Suharto"),
        PassportName(surname="Иванов", given_names="Иван"),
        PassportName(surname="O'Brien", given_names="Seán Pádraig Mícheál"),
    ]
)
GENERATED_NAMES = st.builds(constructed, st.one_of(NAME_LIKE, spiced(), st.just("")), TUNED_PARTS).filter(
    lambda name: name is not None
)
NAMES: st.SearchStrategy[PassportName] = st.one_of(GOOD_NAMES, GENERATED_NAMES)  # type: ignore[arg-type]

# ---------------------------------------------------------------------------------------
# The output rules


def attempt(call: Callable[[], T]) -> T | None:
    """The call's result, or None when it refused with a NameFormatError (anything else fails)."""
    try:
        result = call()
    except NameFormatError as error:
        refused = error
    else:
        event("accepted")
        return result
    assert str(refused), "an error must say something"
    assert refused.code, "an error carries a code"
    assert_error_shape(error_detail(refused))
    event(f"refused: {refused.code}")  # --hypothesis-show-statistics shows the mix
    return None


def assert_rank_one_text(text: str) -> None:
    """Upper-case A–Z, words joined by single spaces (or not at all), nothing around them."""
    assert text, "empty rank-1 text"
    assert text.isascii(), repr(text)
    assert text.replace(" ", "").isalpha(), repr(text)
    assert text.isupper(), repr(text)
    assert text == text.strip(), repr(text)
    assert "  " not in text, repr(text)


CANDIDATE_CHARACTERS = frozenset(string.ascii_letters + " -'.·")


def assert_candidate_text(text: str) -> None:
    # Letters and spaces; the passport's hyphens and apostrophes, and the dots a bank may put
    # between parts, in the forms that keep them (rank 1 never: assert_rank_one_text).
    assert text, "empty candidate"
    assert set(text) <= CANDIDATE_CHARACTERS, repr(text)
    assert any(char.isalpha() for char in text), repr(text)
    assert text == text.strip(), repr(text)
    assert "  " not in text, repr(text)


def assert_name_part(part: str) -> None:
    assert part == part.strip(), repr(part)
    assert "  " not in part, repr(part)
    for char in part:
        assert not is_invisible(char), repr(part)
        assert char == " " or char in NAME_PUNCTUATION or char.isalpha() or _is_mark(char), repr(part)


def _is_mark(char: str) -> bool:
    import unicodedata

    return unicodedata.category(char) in ("Mn", "Mc")


def assert_passport_name(name: PassportName) -> None:
    assert isinstance(name, PassportName)
    assert_name_part(name.surname)
    assert_name_part(name.given_names)
    assert any(char.isalpha() for char in name.surname + name.given_names), name
    if name.chinese is not None:
        assert name.chinese, name
        assert not any(is_invisible(char) for char in name.chinese), name
    # Every value the library builds or accepts validates again (issue 13).
    assert PassportName.model_validate_json(name.model_dump_json()) == name
    assert PassportName.model_validate(name.model_dump()) == name


def assert_candidates(found: tuple[Candidate, ...], name: PassportName | str, bank: Bank) -> None:
    assert found, "no candidate"
    texts = [candidate.text for candidate in found]
    assert len(set(texts)) == len(texts), f"duplicate texts: {texts}"
    assert [candidate.rank for candidate in found] == list(range(1, len(found) + 1))
    assert_rank_one_text(texts[0])
    for text in texts:
        assert_candidate_text(text)
    assert format_name(name, bank) == texts[0]


def assert_check(result: NameCheck, name: PassportName | str, bank: Bank) -> None:
    assert isinstance(result, NameCheck)
    assert result.status in ("match", "plausible", "mismatch")
    assert result.ok == (result.status == "match")
    assert_rank_one_text(result.expected)
    assert result.expected == format_name(name, bank)
    if result.status == "match":
        assert result.matched is not None
        assert result.matched.rank == 1
    elif result.status == "plausible":
        assert result.matched is not None
        assert result.matched.rank > 1
        assert result.problems, "a plausible result lists how it differs from rank 1"
    else:
        assert result.matched is None
        assert result.problems, "a mismatch has at least one problem"


def assert_plan(plan: CardPlan, name: PassportName | str, given_banks: Sequence[Bank]) -> None:
    # A bank given twice is one convention, kept where it first appears (docs/two-cards.md).
    first_seen: dict[str, Bank] = {}
    for bank in given_banks:
        first_seen.setdefault(bank.code, bank)
    chosen = list(first_seen.values())
    assert plan.banks == tuple(bank.code for bank in chosen)
    texts = [shared.text for shared in plan.shared]
    assert len(set(texts)) == len(texts), f"duplicate texts: {texts}"
    lists = [[candidate.text for candidate in candidates(name, bank)] for bank in chosen]
    for shared in plan.shared:
        assert_candidate_text(shared.text)
        assert len(shared.ranks) == len(chosen)
        for rank, texts_at_bank in zip(shared.ranks, lists, strict=True):
            assert texts_at_bank[rank - 1] == shared.text
    assert plan.compatible == any(all(rank == 1 for rank in shared.ranks) for shared in plan.shared)


# ---------------------------------------------------------------------------------------
# The readers: text in, PassportName out.


@examples(1000)
@given(ALL_UNICODE)
def test_parse_name_all_unicode(text: str) -> None:
    if (name := attempt(lambda: parse_name(text))) is not None:
        assert_passport_name(name)
        assert name.source in ("text", "mrz")


@examples(1200)
@given(st.one_of(TUNED, comma_names()))
def test_parse_name_tuned(text: str) -> None:
    if (name := attempt(lambda: parse_name(text))) is not None:
        assert_passport_name(name)


@examples(800)
@given(ALL_UNICODE)
def test_parse_mrz_all_unicode(text: str) -> None:
    if (name := attempt(lambda: parse_mrz(text))) is not None:
        assert_passport_name(name)
        assert name.source == "mrz"


@examples(1200)
@given(st.one_of(MRZ_TEXT, TUNED))
def test_parse_mrz_tuned(text: str) -> None:
    if (name := attempt(lambda: parse_mrz(text))) is not None:
        assert_passport_name(name)
        assert name.source == "mrz"
        for part in (name.surname, name.given_names):
            assert part == "" or (part.replace(" ", "").isalpha() and part.isascii() and part.isupper())


def test_a_good_mrz_is_read() -> None:
    """The fuzzer's generator makes MRZs the reader accepts, so the tuned fuzz reaches past the checks."""
    name = parse_mrz(_a_td3())
    assert (name.surname, name.given_names) == ("ERIKSSON", "ANNA MARIA")


def _a_td3() -> str:
    body = "L898902C3" + check_digit("L898902C3") + "UTO740812" + check_digit("740812") + "F120415"
    body += check_digit("120415") + "ZE184226B<<<<<" + check_digit("ZE184226B<<<<<")
    return (
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
        + body
        + check_digit(body[0:10] + body[13:20] + body[21:43])
    )


@examples(800)
@given(ALL_UNICODE)
def test_from_chinese_all_unicode(text: str) -> None:
    if (name := attempt(lambda: from_chinese(text))) is not None:
        assert_passport_name(name)
        assert name.source == "chinese"


@examples(1200)
@given(st.one_of(CHINESE_TEXT, TUNED))
def test_from_chinese_tuned(text: str) -> None:
    if (name := attempt(lambda: from_chinese(text))) is not None:
        assert_passport_name(name)
        assert name.source == "chinese"
        assert name.chinese


@examples(1000)
@given(ALL_UNICODE, ALL_UNICODE)
def test_passport_name_all_unicode(surname: str, given_names: str) -> None:
    if (name := constructed(surname, given_names)) is not None:
        assert_passport_name(name)


@examples(1500)
@given(st.one_of(TUNED, st.just("")), TUNED)
def test_passport_name_tuned(surname: str, given_names: str) -> None:
    if (name := constructed(surname, given_names)) is not None:
        assert_passport_name(name)


@examples(1000)
@given(st.one_of(TUNED, st.just(""), ALL_UNICODE), st.one_of(TUNED, st.just(""), ALL_UNICODE))
def test_name_input_accepts_what_passport_name_accepts(surname: str, given_names: str) -> None:
    """The web request model refuses and accepts as the name does, and builds the same name."""
    name = constructed(surname, given_names)
    try:
        request = NameInput(surname=surname, given_names=given_names)
    except ValidationError as error:
        refused: ValidationError | None = error
    else:
        refused = None
    if refused is not None:
        assert name is None, f"NameInput refused what PassportName accepts: {refused}"
        assert_error_shape(error_detail(refused))
        return
    assert name is not None
    assert PassportName.from_input(request) == name
    assert NameInput.model_validate_json(request.model_dump_json()) == request


# ---------------------------------------------------------------------------------------
# Formatting: str names (read by parse_name) and PassportName built from generated fields.


@examples(600)
@given(ALL_UNICODE, BANK)
def test_format_name_and_candidates_str_all_unicode(text: str, bank: Bank) -> None:
    if (found := attempt(lambda: candidates(text, bank))) is not None:
        assert_candidates(found, text, bank)
    else:
        assert attempt(lambda: format_name(text, bank)) is None


@examples(1000)
@given(st.one_of(comma_names(), TUNED), BANK)
def test_format_name_and_candidates_str_tuned(text: str, bank: Bank) -> None:
    if (found := attempt(lambda: candidates(text, bank))) is not None:
        assert_candidates(found, text, bank)
    else:
        assert attempt(lambda: format_name(text, bank)) is None


@examples(1500)
@given(NAMES, BANK)
def test_format_name_and_candidates_of_generated_fields(name: PassportName, bank: Bank) -> None:
    if (found := attempt(lambda: candidates(name, bank))) is not None:
        assert_candidates(found, name, bank)
    else:
        assert attempt(lambda: format_name(name, bank)) is None


@examples(600)
@given(NAMES, st.one_of(ALL_UNICODE, TUNED, st.sampled_from(["ICBC", "工行", "ＩＣＢＣ", "Bank of China"])))
def test_format_name_with_any_bank_text(name: PassportName, bank: str) -> None:
    if (text := attempt(lambda: format_name(name, bank))) is not None:
        assert_rank_one_text(text)


# ---------------------------------------------------------------------------------------
# Checking a typed name.


@examples(800)
@given(ALL_UNICODE, NAMES, BANK)
def test_check_name_all_unicode(entered: str, name: PassportName, bank: Bank) -> None:
    if attempt(lambda: format_name(name, bank)) is None:
        return
    if (result := attempt(lambda: check_name(entered, name, bank))) is not None:
        assert_check(result, name, bank)


@examples(1200)
@given(st.data(), NAMES, BANK)
def test_check_name_tuned(data: st.DataObject, name: PassportName, bank: Bank) -> None:
    found = attempt(lambda: candidates(name, bank))
    if found is None:
        return
    texts = [candidate.text for candidate in found]
    entered = data.draw(st.one_of(TUNED, st.sampled_from(texts), spiced(st.sampled_from(texts))))
    if (result := attempt(lambda: check_name(entered, name, bank))) is None:
        return
    assert_check(result, name, bank)
    if entered in texts:  # typing a candidate exactly finds that candidate
        assert result.matched is not None
        assert result.matched.text == entered
        assert result.status == ("match" if entered == texts[0] else "plausible")


@examples(300)
@given(TUNED, st.one_of(comma_names(), TUNED), BANK)
def test_check_name_with_a_str_name(entered: str, name: str, bank: Bank) -> None:
    if attempt(lambda: format_name(name, bank)) is None:
        return
    if (result := attempt(lambda: check_name(entered, name, bank))) is not None:
        assert_check(result, name, bank)


# ---------------------------------------------------------------------------------------
# Two cards, and the banks that agree.


@examples(1000)
@given(NAMES, st.lists(BANK, max_size=4))
def test_plan_cards_generated_fields(name: PassportName, chosen: list[Bank]) -> None:
    if (plan := attempt(lambda: plan_cards(name, chosen))) is not None:
        assert_plan(plan, name, chosen)


@examples(600)
@given(st.one_of(ALL_UNICODE, comma_names(), TUNED), st.lists(BANK, min_size=1, max_size=3))
def test_plan_cards_str_name(name: str, chosen: list[Bank]) -> None:
    if (plan := attempt(lambda: plan_cards(name, chosen))) is not None:
        assert_plan(plan, name, chosen)


@examples(400)
@given(NAMES, st.lists(st.one_of(ALL_UNICODE, TUNED), min_size=1, max_size=3))
def test_plan_cards_any_bank_text(name: PassportName, chosen: list[str]) -> None:
    attempt(lambda: plan_cards(name, chosen))


@examples(1000)
@given(NAMES, BANK)
def test_compatible_banks_generated_fields(name: PassportName, bank: Bank) -> None:
    if (found := attempt(lambda: compatible_banks(name, bank))) is None:
        return
    assert all(isinstance(other, Bank) for other in found)
    assert bank.code not in {other.code for other in found}
    expected = format_name(name, bank)
    assert all(format_name(name, other) == expected for other in found)


@examples(1000)
@given(st.one_of(ALL_UNICODE, comma_names(), TUNED), st.one_of(BANK, TUNED))
def test_compatible_banks_str_name(name: str, bank: Bank | str) -> None:
    attempt(lambda: compatible_banks(name, bank))


# ---------------------------------------------------------------------------------------
# Finding a bank (the real data/banks.csv: the one place the fuzz reads it).


@examples(1200)
@given(st.one_of(ALL_UNICODE, TUNED))
def test_get_bank_all_unicode(query: str) -> None:
    try:
        bank = get_bank(query)
    except UnknownBankError:
        return
    assert bank in banks()
    assert get_bank(bank.code) is bank


@examples(800)
@given(st.data())
def test_get_bank_finds_every_name_however_it_is_typed(data: st.DataObject) -> None:
    bank = data.draw(st.sampled_from(banks()))
    key = data.draw(st.sampled_from([bank.code, bank.name_en, bank.name_zh, *bank.aliases]))
    noise = data.draw(st.sampled_from(["", " ", "\u200b", "\u3000", "\ufeff", "\u00a0"]))
    typed = data.draw(st.sampled_from([key, key.lower(), key.upper(), f"{noise}{key}{noise}"]))
    assert get_bank(typed) is bank


@pytest.mark.parametrize("bank", FIXTURE_BANKS, ids=lambda bank: bank.code)
def test_fixture_banks_have_a_rank_one_for_a_plain_name(bank: Bank) -> None:
    """A guard for the fuzz: plain names do get formatted, so the properties above are exercised."""
    assert_rank_one_text(format_name(PassportName(surname="Zhang", given_names="San"), bank))
