"""Hostile and broken input: each category of docs/input-policy.md, with what must come out.

Every row names its input, and either the cleaned text the policy keeps or the error code
it refuses with (and a piece of the message: the character and its position).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pydantic import ValidationError

from wxpay_names import (
    MAX_INPUT_LENGTH,
    Bank,
    ErrorCode,
    NameCheck,
    NameFormatError,
    PassportName,
    ProblemCode,
    candidates,
    check_name,
    compatible_banks,
    format_name,
    from_chinese,
    get_bank,
    parse_mrz,
    parse_name,
    plan_cards,
)
from wxpay_names.cleaning import clean, is_invisible
from wxpay_names.models import build_name
from wxpay_names.validation import validate_name_part

Expected = str | ErrorCode

# (category, input, cleaned text or error code, a piece the error message must hold)
NAME_PARTS: list[tuple[str, str, Expected, str]] = [
    # Invisible characters: removed, wherever they are.
    ("zero-width space", "Zh\u200bang", "Zhang", ""),
    ("zero-width joiner", "Zhang\u200d", "Zhang", ""),
    ("zero-width non-joiner", "\u200cZhang", "Zhang", ""),
    ("word joiner", "Zha\u2060ng", "Zhang", ""),
    ("byte order mark", "\ufeffZhang", "Zhang", ""),
    ("soft hyphen", "Zhang\u00adsan", "Zhangsan", ""),
    ("Hangul filler", "\u3164Kim", "Kim", ""),
    ("variation selector", "Zhang\ufe0f", "Zhang", ""),
    ("only invisible", "\u200b\u200d\ufeff", "", ""),
    # Bidi controls: refused, they make the text show one thing and say another (issue 13).
    (
        "right-to-left override",
        "\u202egnahZ",
        ErrorCode.BIDI_CONTROL,
        "U+202E RIGHT-TO-LEFT OVERRIDE) at position 1",
    ),
    ("left-to-right mark", "Zhang\u200e", ErrorCode.BIDI_CONTROL, "U+200E LEFT-TO-RIGHT MARK) at position 6"),
    ("right-to-left mark", "\u200fZhang", ErrorCode.BIDI_CONTROL, "U+200F RIGHT-TO-LEFT MARK"),
    ("bidi isolates", "\u2066Zhang\u2069", ErrorCode.BIDI_CONTROL, "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("Arabic letter mark", "Zhang\u061c", ErrorCode.BIDI_CONTROL, "U+061C ARABIC LETTER MARK"),
    ("embedding after a zero-width space", "Zh\u200ban\u202bg", ErrorCode.BIDI_CONTROL, "at position 6"),
    # Every white space is one space.
    ("no-break space", "Van\u00a0Dijk", "Van Dijk", ""),
    ("ideographic space", "Van\u3000Dijk", "Van Dijk", ""),
    ("narrow no-break space", "Van\u202fDijk", "Van Dijk", ""),
    ("em space and tab", "Van\u2003\tDijk", "Van Dijk", ""),
    ("line breaks", "\r\nVan\nDijk\u2028", "Van Dijk", ""),
    ("spaces only", " \u00a0\u3000 ", "", ""),
    # Full-width Latin: folded.
    ("full-width letters", "Ｚｈａｎｇ", "Zhang", ""),
    ("full-width hyphen", "Ｊｅａｎ－Ｌｕｃ", "Jean-Luc", ""),
    (
        "full-width digit",
        "Ｚｈａｎｇ３",
        ErrorCode.INVALID_CHARACTER,
        "'３' (U+FF13 FULLWIDTH DIGIT THREE) at position 6",  # as typed, not as folded
    ),
    ("full-width sign", "Ｚｈａｎｇ＄", ErrorCode.INVALID_CHARACTER, "'＄' (U+FF04 FULLWIDTH DOLLAR SIGN)"),
    # Look-alikes: refused, naming the character and its position in the text as given.
    (
        "Cyrillic a in Latin",
        "Ivаn",
        ErrorCode.MIXED_SCRIPT,
        "'а' (U+0430 CYRILLIC SMALL LETTER A) at position 3",
    ),
    (
        "Greek omicron in Latin",
        "Jοhn",
        ErrorCode.MIXED_SCRIPT,
        "U+03BF GREEK SMALL LETTER OMICRON) at position 2",
    ),
    ("Latin o in Cyrillic", "Ивoнов", ErrorCode.MIXED_SCRIPT, "U+006F LATIN SMALL LETTER O) at position 3"),
    (
        "Greek in Cyrillic",
        "Иванοв",
        ErrorCode.MIXED_SCRIPT,
        "U+03BF GREEK SMALL LETTER OMICRON) at position 5",
    ),
    ("position counts invisibles", "\u200b\u200bJοhn", ErrorCode.MIXED_SCRIPT, "at position 4"),
    ("Han in Latin", "Zhang 三", ErrorCode.MIXED_SCRIPT, "position 7"),
    # Styled letters (a font generator's bold, script, double-struck; raised letters): no script.
    ("mathematical bold", "𝐙𝐡𝐚𝐧𝐠", ErrorCode.INVALID_CHARACTER, "a styled or raised form of 'Z'"),
    ("one styled letter", "Zh𝒂ng", ErrorCode.INVALID_CHARACTER, "'𝒂' (U+1D482 MATHEMATICAL BOLD ITALIC"),
    ("double-struck", "ℤhang", ErrorCode.INVALID_CHARACTER, "at position 1"),
    ("ordinal a", "Mª José", ErrorCode.INVALID_CHARACTER, "form of 'a'"),
    ("modifier capital", "ᴬnna", ErrorCode.INVALID_CHARACTER, "MODIFIER LETTER CAPITAL A"),
    ("Latin ligature ij", "Ĳsbrand", "Ĳsbrand", ""),  # a Latin letter: spelled IJ
    # One script alone is a name (formatting transliterates it).
    ("Cyrillic alone", "Иванов", "Иванов", ""),
    ("Greek alone", "Παπαδόπουλος", "Παπαδόπουλος", ""),
    # Digits.
    ("ASCII digit", "J0hn", ErrorCode.INVALID_CHARACTER, "'0' (U+0030 DIGIT ZERO) at position 2"),
    ("Arabic-Indic digit", "Zhang٣", ErrorCode.INVALID_CHARACTER, "U+0663"),
    ("superscript two", "Zhang²", ErrorCode.INVALID_CHARACTER, "SUPERSCRIPT TWO"),
    ("Roman numeral", "Henry Ⅷ", ErrorCode.INVALID_CHARACTER, "position 7"),
    # Symbols.
    ("at sign", "zhang@mail", ErrorCode.INVALID_CHARACTER, "'@'"),
    ("MRZ filler", "SMITH<JOHN", ErrorCode.INVALID_CHARACTER, "'<' (U+003C LESS-THAN SIGN) at position 6"),
    ("comma inside a part", "Smith, John", ErrorCode.INVALID_CHARACTER, "','"),
    ("middle dot", "Jean·Luc", ErrorCode.INVALID_CHARACTER, "U+00B7 MIDDLE DOT"),
    ("trademark", "Zhang™", ErrorCode.INVALID_CHARACTER, "TRADE MARK SIGN"),
    ("enclosing circle", "Zhang\u20dd", ErrorCode.INVALID_CHARACTER, "COMBINING ENCLOSING CIRCLE"),
    # Emoji, with their joiners and modifiers.
    ("emoji", "Zhang 😀", ErrorCode.INVALID_CHARACTER, "U+1F600 GRINNING FACE) at position 7"),
    ("skin tone", "Zhang\U0001f3fd", ErrorCode.INVALID_CHARACTER, "EMOJI MODIFIER"),
    ("flag", "\U0001f1e8\U0001f1f3Zhang", ErrorCode.INVALID_CHARACTER, "position 1"),
    ("keycap", "1\ufe0f\u20e3", ErrorCode.INVALID_CHARACTER, "DIGIT ONE"),
    ("family joined by ZWJ", "\U0001f468\u200d\U0001f469", ErrorCode.INVALID_CHARACTER, "MAN"),
    # Control characters: refused, never taken for space.
    ("NUL", "Zhang\x00", ErrorCode.INVALID_CHARACTER, "control character (U+0000 CONTROL) at position 6"),
    ("escape", "\x1b[31mZhang", ErrorCode.INVALID_CHARACTER, "U+001B"),
    ("delete", "Zh\x7fang", ErrorCode.INVALID_CHARACTER, "U+007F"),
    ("unit separator", "Zhang\x1fSan", ErrorCode.INVALID_CHARACTER, "U+001F"),
    ("next line", "Zhang\x85San", ErrorCode.INVALID_CHARACTER, "U+0085"),
    # Other characters no name holds.
    ("private use", "Zhang\ue000", ErrorCode.INVALID_CHARACTER, "U+E000 PRIVATE USE"),
    ("unassigned", "Zhang\u0378", ErrorCode.INVALID_CHARACTER, "U+0378 UNASSIGNED"),
    ("unassigned tag", "Zhang\U000e0080x", "Zhangx", ""),  # default-ignorable: removed
    ("tag characters", "Zhang\U000e0067\U000e0062", "Zhang", ""),
    ("noncharacter", "Zhang\uffff", ErrorCode.INVALID_CHARACTER, "U+FFFF"),
    ("lone surrogate", "Zhang\ud800", ErrorCode.INVALID_CHARACTER, "U+D800"),
    ("interlinear annotation", "\ufff9Zhang", ErrorCode.INVALID_CHARACTER, "U+FFF9"),
    # Accents: composed; an accent on nothing or a pile of them is refused.
    ("decomposed umlaut", "Mu\u0308ller", "Müller", ""),
    ("Vietnamese two marks", "Nguye\u0323\u0302n", "Nguyện", ""),
    ("accent on nothing", "\u0301Zhang", ErrorCode.INVALID_CHARACTER, "not on a letter"),
    ("accent after a space", "Zhang \u0301", ErrorCode.INVALID_CHARACTER, "position 7"),
    ("zalgo", "Z\u0334\u0321\u0322\u0327ang", ErrorCode.INVALID_CHARACTER, "more than 3 accents"),
    # Hyphens, apostrophes and periods are kept here and spelled as the MRZ spells them.
    ("hyphen", "Jean-Luc", "Jean-Luc", ""),
    ("typographic apostrophe", "O’Brien", "O’Brien", ""),
    ("period", "St. John", "St. John", ""),
    ("punctuation only", "-'.", "", ""),
]


@pytest.mark.parametrize(
    ("text", "expected", "says"),
    [row[1:] for row in NAME_PARTS],
    ids=[row[0] for row in NAME_PARTS],
)
def test_name_part_policy(text: str, expected: Expected, says: str) -> None:
    if isinstance(expected, ErrorCode):
        with pytest.raises(NameFormatError) as caught:
            validate_name_part(text)
        assert caught.value.code is expected
        assert says in str(caught.value)
    else:
        cleaned = validate_name_part(text)
        assert cleaned == expected
        assert not any(is_invisible(char) for char in cleaned)


def _refusal_code(error: ValidationError) -> ErrorCode:
    cause = error.errors()[0]["ctx"]["error"]
    assert isinstance(cause, NameFormatError)
    return cause.code


@pytest.mark.parametrize(
    ("text", "expected"),
    [row[1:3] for row in NAME_PARTS if isinstance(row[2], ErrorCode)],
    ids=[row[0] for row in NAME_PARTS if isinstance(row[2], ErrorCode)],
)
def test_the_constructor_refuses_with_the_same_code(text: str, expected: ErrorCode) -> None:
    with pytest.raises(ValidationError) as caught:
        PassportName(surname=text, given_names="San")
    assert _refusal_code(caught.value) is expected
    with pytest.raises(ValidationError) as caught:
        PassportName(surname="Zhang", given_names=text)
    assert _refusal_code(caught.value) is expected


# (category, surname as typed, rank-1 text at ICBC with given name "San")
RANK_ONE: list[tuple[str, str, str]] = [
    ("zero-width inside", "Zh\u200bang", "ZHANG SAN"),
    ("no-break space", "Van\u00a0Dijk", "VAN DIJK SAN"),
    ("ideographic space", "Van\u3000\u3000Dijk", "VAN DIJK SAN"),
    ("full-width", "Ｍüｌｌｅｒ", "MUELLER SAN"),
    ("decomposed umlaut", "Mu\u0308ller", "MUELLER SAN"),
    ("hyphen becomes a space", "Smith-Jones", "SMITH JONES SAN"),
    ("non-breaking hyphen", "Smith\u2011Jones", "SMITH JONES SAN"),
    ("en dash", "Smith\u2013Jones", "SMITH JONES SAN"),
    ("em dash from smart punctuation", "Smith\u2014Jones", "SMITH JONES SAN"),
    ("doubled hyphen", "Smith--Jones", "SMITH JONES SAN"),
    ("apostrophe dropped", "O'Brien", "OBRIEN SAN"),
    ("typographic apostrophe dropped", "O’Brien", "OBRIEN SAN"),
    ("modifier apostrophe dropped", "Oʼ Brien", "O BRIEN SAN"),
    ("okina dropped", "Kaʻahumanu", "KAAHUMANU SAN"),
    ("backtick dropped", "O`Brien", "OBRIEN SAN"),
    ("period dropped", "St.John", "STJOHN SAN"),
    ("period and space", "St. John", "ST JOHN SAN"),
    ("trailing punctuation", "Zhang-.'", "ZHANG SAN"),
]


@pytest.mark.parametrize(
    ("surname", "expected"), [row[1:] for row in RANK_ONE], ids=[row[0] for row in RANK_ONE]
)
def test_rank_one_text_of_a_hostile_surname(icbc: Bank, surname: str, expected: str) -> None:
    name = PassportName(surname=surname, given_names="San")
    assert format_name(name, icbc) == expected
    texts = [candidate.text for candidate in candidates(name, icbc)]
    assert texts[0] == expected
    # ASCII, but for the middle dot of the dotted forms (listed last).
    assert all(text.replace("·", "").isascii() and text.isprintable() for text in texts)


def test_invisible_characters_are_reported_by_position() -> None:
    result = clean("\u2060Zh\u200bang\ufeff")
    assert result.text == "Zhang"
    assert result.invisible == (0, 3, 7)


def test_full_width_is_reported() -> None:
    assert clean("Ｚｈａｎｇ").full_width
    assert not clean("Zhang").full_width


def test_a_name_of_punctuation_and_space_alone_is_refused() -> None:
    with pytest.raises(ValidationError):
        PassportName(surname="-'.", given_names="\u3000\u200b")


# ---------------------------------------------------------------------------------------
# Length: longer than MAX_INPUT_LENGTH is refused before any other work.


def test_the_limit_is_the_contracts() -> None:
    assert MAX_INPUT_LENGTH == 256
    assert validate_name_part("A" * 256) == "A" * 256
    with pytest.raises(NameFormatError) as caught:
        validate_name_part("A" * 257)
    assert caught.value.code is ErrorCode.TOO_LONG
    assert "257 characters" in str(caught.value)


def test_the_limit_counts_invisible_characters_too() -> None:
    with pytest.raises(NameFormatError) as caught:
        validate_name_part("A" + "\u200b" * 256)
    assert caught.value.code is ErrorCode.TOO_LONG


class Tripwire(str):
    """A string whose characters cannot be looked at from Python: only ``len()`` works.

    Every per-character method raises, so a call that walks, strips, splits or
    normalises the text in Python before checking its length fails loudly. Its content
    also starts with a control character, so any path that *did* read it (even in C, as
    ``unicodedata`` or ``re`` do) would refuse with INVALID_CHARACTER, not TOO_LONG.
    """


def _touched(self: str, *args: object, **kwargs: object) -> str:
    raise AssertionError("the text was read before its length was checked")


for _method in (
    "__iter__", "__getitem__", "__contains__", "__add__", "__radd__", "__mod__", "__mul__",
    "capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find",
    "format", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit",
    "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper",
    "ljust", "lower", "lstrip", "partition", "removeprefix", "removesuffix", "replace",
    "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
    "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill",
):  # fmt: skip
    setattr(Tripwire, _method, _touched)


HUGE = 400_000
ZHANG = PassportName(surname="Zhang", given_names="San")


def huge() -> str:
    return Tripwire("\x00" + "A" * (HUGE - 1))


def assert_refused_for_length(call: Callable[[], object]) -> None:
    with pytest.raises(NameFormatError) as caught:
        call()
    assert caught.value.code is ErrorCode.TOO_LONG
    assert str(HUGE) in str(caught.value)  # the message names the length
    assert str(MAX_INPUT_LENGTH) in str(caught.value)


def test_the_tripwire_trips() -> None:
    with pytest.raises(AssertionError, match="read before"):
        huge().strip()
    with pytest.raises(AssertionError, match="read before"):
        list(huge())
    assert len(huge()) == HUGE


def test_cleaning_refuses_400000_characters_without_reading_them() -> None:
    assert_refused_for_length(lambda: clean(huge()))
    assert_refused_for_length(lambda: validate_name_part(huge()))


def test_a_plain_400000_character_string_is_refused_too() -> None:
    assert_refused_for_length(lambda: validate_name_part("Zhang " * (HUGE // 6) + "Sa" * ((HUGE % 6) // 2)))


def test_the_constructor_refuses_400000_characters_in_any_text_field() -> None:
    for field in ("surname", "given_names", "chinese"):
        with pytest.raises(ValidationError) as caught:
            PassportName(**{"surname": "Zhang", field: huge()})  # type: ignore[arg-type]
        assert _refusal_code(caught.value) is ErrorCode.TOO_LONG


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda bank: parse_name(huge()), id="parse_name"),
        pytest.param(lambda bank: parse_mrz(huge()), id="parse_mrz"),
        pytest.param(lambda bank: from_chinese(huge()), id="from_chinese"),
        pytest.param(lambda bank: get_bank(huge()), id="get_bank"),
        pytest.param(lambda bank: format_name(huge(), bank), id="format_name-name"),
        pytest.param(lambda bank: format_name(ZHANG, huge()), id="format_name-bank"),
        pytest.param(lambda bank: candidates(huge(), bank), id="candidates-name"),
        pytest.param(lambda bank: candidates(ZHANG, huge()), id="candidates-bank"),
        pytest.param(lambda bank: check_name("ZHANG", huge(), bank), id="check_name-name"),
        pytest.param(lambda bank: check_name("ZHANG", ZHANG, huge()), id="check_name-bank"),
        pytest.param(lambda bank: plan_cards(huge(), [bank, bank]), id="plan_cards-name"),
        pytest.param(lambda bank: plan_cards(ZHANG, [bank, huge()]), id="plan_cards-bank"),
        pytest.param(lambda bank: compatible_banks(huge(), bank), id="compatible_banks-name"),
        pytest.param(lambda bank: compatible_banks(ZHANG, huge()), id="compatible_banks-bank"),
    ],
)  # fmt: skip
def test_every_public_call_refuses_400000_characters_at_once(
    icbc: Bank, call: Callable[[Bank], object]
) -> None:
    assert_refused_for_length(lambda: call(icbc))


def test_check_name_refuses_a_400000_character_typed_name(icbc: Bank) -> None:
    """The typed text is refused too: as an error, or as a mismatch whose problem is TOO_LONG."""
    name = PassportName(surname="Zhang", given_names="San")
    try:
        result = check_name(huge(), name, icbc)
    except NameFormatError as error:
        refused = error
    else:
        assert result.status == "mismatch"
        assert [problem.code for problem in result.problems] == [ProblemCode.TOO_LONG]
        return
    assert refused.code is ErrorCode.TOO_LONG
    assert str(HUGE) in str(refused)


# ---------------------------------------------------------------------------------------
# The same policy through the text and Chinese readers, and in a typed name being checked.

# (category, text, (surname, given names) or error code)
PARSED: list[tuple[str, str, tuple[str, str] | ErrorCode]] = [
    ("full-width comma", "ＺＨＡＮＧ，Ｓａｎ", ("ZHANG", "San")),
    ("ideographic space", "ZHANG\u3000San", ("ZHANG", "San")),
    ("no-break spaces", "\u00a0ZHANG,\u00a0San\u00a0", ("ZHANG", "San")),
    ("zero-width and word joiner", "\u2060ZHANG\u200b, San\ufeff", ("ZHANG", "San")),
    ("bidi override", "\u202egnahZ, naS", ErrorCode.BIDI_CONTROL),
    ("Cyrillic look-alike", "ZHANG, Sаn", ErrorCode.MIXED_SCRIPT),
    ("emoji", "ZHANG, San 😀", ErrorCode.INVALID_CHARACTER),
    ("control", "ZHANG,\x07 San", ErrorCode.INVALID_CHARACTER),
    ("digit", "ZHANG, San3", ErrorCode.INVALID_CHARACTER),
    ("no order to tell", "John Smith", ErrorCode.AMBIGUOUS_NAME),
    ("empty", "\u200b \u3000", ErrorCode.EMPTY_NAME),
]


@pytest.mark.parametrize(("text", "expected"), [row[1:] for row in PARSED], ids=[row[0] for row in PARSED])
def test_parse_name_applies_the_policy(text: str, expected: tuple[str, str] | ErrorCode) -> None:
    if isinstance(expected, ErrorCode):
        with pytest.raises(NameFormatError) as caught:
            parse_name(text)
        assert caught.value.code is expected
    else:
        name = parse_name(text)
        assert (name.surname, name.given_names) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("张三😀", ErrorCode.INVALID_CHARACTER),
        ("张\x00三", ErrorCode.INVALID_CHARACTER),
        ("", ErrorCode.EMPTY_NAME),
        ("\u200b\u3000", ErrorCode.EMPTY_NAME),
        ("张三a", None),  # refused or read: the contract does not say; only our errors may escape
    ],
)
def test_from_chinese_refuses_what_no_name_holds(text: str, code: ErrorCode | None) -> None:
    try:
        from_chinese(text)
    except NameFormatError as error:
        refused = error
    else:
        assert code is None, f"{text!r} was read"
        return
    assert code in (None, refused.code)


@pytest.mark.parametrize("hidden", ["\u200b", "\u2060", "\ufeff", "\u3000", "\u00a0"])
def test_from_chinese_reads_through_invisible_characters_and_spaces(hidden: str) -> None:
    name = from_chinese(f"{hidden}张{hidden}三{hidden}")
    plain = from_chinese("张三")
    assert (name.surname, name.given_names) == (plain.surname, plain.given_names)
    assert name.chinese is not None
    assert not any(is_invisible(char) for char in name.chinese)


def _codes(result: NameCheck) -> set[ProblemCode]:
    return {problem.code for problem in result.problems}


@pytest.mark.parametrize(
    ("entered", "problem"),
    [
        ("ZHANG\u200b SAN", ProblemCode.INVISIBLE_CHARACTERS),
        ("\u202eZHANG SAN", ProblemCode.INVISIBLE_CHARACTERS),
        ("ＺＨＡＮＧ ＳＡＮ", ProblemCode.FULL_WIDTH),
    ],
)
def test_check_name_reports_what_the_typed_text_hides(icbc: Bank, entered: str, problem: ProblemCode) -> None:
    """Cleaned for the comparison, reported, and never a match: the bank compares what was typed."""
    result = check_name(entered, PassportName(surname="Zhang", given_names="San"), icbc)
    assert problem in _codes(result)
    assert not result.ok
    assert result.expected == "ZHANG SAN"


def test_check_name_reports_a_look_alike_in_the_typed_text(icbc: Bank) -> None:
    entered = "ZНANG SAN"  # Cyrillic Н
    try:
        result = check_name(entered, PassportName(surname="Zhang", given_names="San"), icbc)
    except NameFormatError as error:
        refused = error
    else:
        assert ProblemCode.MIXED_SCRIPT in _codes(result)
        assert result.status == "mismatch"
        return
    assert refused.code is ErrorCode.MIXED_SCRIPT
    assert "U+041D" in str(refused)


@pytest.mark.parametrize(
    ("fields", "code", "says_zh"),
    [
        (("", ""), ErrorCode.EMPTY_NAME, "姓名为空"),
        (("   ", "-"), ErrorCode.EMPTY_NAME, "姓名为空"),
        # Two scripts across the parts: another keyboard would not help; the Latin name does.
        (("Smith", "ნინო"), ErrorCode.MIXED_SCRIPT, "请输入护照上印的拉丁字母姓名"),
        (("СОХ", "John"), ErrorCode.MIXED_SCRIPT, "请输入护照上印的拉丁字母姓名"),
    ],
)
def test_the_chinese_wording_of_a_refused_name_fits_its_case(
    fields: tuple[str, str], code: ErrorCode, says_zh: str
) -> None:
    from wxpay_names.messages import error_message

    with pytest.raises(NameFormatError) as caught:
        build_name(*fields)
    assert caught.value.code is code
    assert says_zh in error_message(caught.value, "zh")


@pytest.mark.parametrize(
    ("call", "advice"),
    [
        (lambda: from_chinese(""), "give the name in Chinese characters"),
        (lambda: from_chinese("   "), "give the name in Chinese characters"),
        (lambda: parse_mrz("<<<<"), "copy the zone exactly as printed"),
    ],
    ids=["empty Chinese", "blank Chinese", "empty name field"],
)
def test_an_empty_name_says_what_to_give(call: Callable[[], object], advice: str) -> None:
    with pytest.raises(NameFormatError) as caught:
        call()
    assert advice in str(caught.value)


def test_the_styled_scripts_are_every_script_of_a_styled_latin_letter() -> None:
    """Every letter outside the Latin script whose compatibility form (NFKC) is a plain Latin
    letter is named by one of STYLED_SCRIPTS (full-width forms are folded by hygiene, and
    the Kelvin sign composes to K)."""
    import sys
    import unicodedata

    from wxpay_names.validation import STYLED_SCRIPTS, script_of

    found = set()
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        if not char.isalpha() or unicodedata.normalize("NFC", char) != char:
            continue
        plain = unicodedata.normalize("NFKC", char)
        if plain != char and plain.isascii() and plain.isalpha():
            found.add(script_of(char))
    assert found - {"LATIN", "FULLWIDTH"} == STYLED_SCRIPTS


@pytest.mark.parametrize("okina", ["\u02bb", "\u02bc"])
def test_a_part_starting_with_an_okina_is_in_the_script_of_its_letters(okina: str) -> None:
    """ʻ and ʼ are apostrophes in a name (input policy rule 8), though Unicode calls them
    modifier letters: ʻAkaka was refused as written in "Modifier letters", and two parts that
    both start with one escaped the check that they share a script (Cyrillic ʻСОХ with ʻJohn)."""
    name = PassportName(surname=f"{okina}Akaka", given_names="Daniel")
    assert format_name(name, "ICBC") == "AKAKA DANIEL"
    assert parse_name(f"{okina}AKAKA, Daniel").surname == f"{okina}AKAKA"
    with pytest.raises(ValueError, match="Cyrillic letters and the given names in Latin") as refused:
        PassportName(surname=f"{okina}СОХ", given_names=f"{okina}John")
    assert getattr(refused.value, "code", None) == ErrorCode.MIXED_SCRIPT
