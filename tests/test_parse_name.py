"""parse_name: the shapes a name arrives in from a form field, and the ones it refuses."""

from __future__ import annotations

import contextlib
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wxpay_names import (
    AmbiguousNameError,
    Bank,
    ErrorCode,
    InvalidNameError,
    MRZError,
    NameFormatError,
    format_name,
    parse_name,
)
from wxpay_names.messages import error_message

# Real-world shapes: (text as typed, surname, given names).
READ = [
    ("ERIKSSON, Anna Maria", "ERIKSSON", "Anna Maria"),  # the passport's one-field form
    ("Eriksson, Anna Maria", "Eriksson", "Anna Maria"),
    ("SMITH,John", "SMITH", "John"),  # no space after the comma
    ("  Smith ,  John   Paul ", "Smith", "John Paul"),
    ("ZHANG，San", "ZHANG", "San"),  # full-width comma from a Chinese keyboard
    ("Ｚｈａｎｇ，Ｓａｎ", "Zhang", "San"),  # full-width letters too
    ("MÜLLER, Jürgen Karl", "MÜLLER", "Jürgen Karl"),
    ("Sukarno,", "Sukarno", ""),  # a one-part name, as a surname
    (", Sukarno", "", "Sukarno"),  # a one-part name, as a given name
    ("SMITH<<JOHN<PAUL", "SMITH", "JOHN PAUL"),  # MRZ name field
    ("smith<<john", "SMITH", "JOHN"),
    ("<<SUKARNO", "", "SUKARNO"),
    ("SMITH John Paul", "SMITH", "John Paul"),  # capitals mark the surname
    ("Hans WEIß", "WEIß", "Hans"),  # ß has no one-letter capital in common use: still capitals
    ("GROßE-MEIER Hans", "GROßE-MEIER", "Hans"),
    ("John Paul SMITH", "SMITH", "John Paul"),
    ("DE LA CRUZ Maria", "DE LA CRUZ", "Maria"),
    ("Maria DE LA CRUZ", "DE LA CRUZ", "Maria"),
    ("van BEETHOVEN Ludwig", "van BEETHOVEN", "Ludwig"),  # lower-case prefix before the surname
    ("O'BRIEN Mary-Kate", "O'BRIEN", "Mary-Kate"),
    ("NGUYEN Van An", "NGUYEN", "Van An"),
    ("John F. KENNEDY", "KENNEDY", "John F."),  # an initial is never the surname
    ("J.R. SMITH", "SMITH", "J.R."),  # nor are initials run together
    ("SMITH J.-P. Paul", "SMITH", "J.-P. Paul"),
    ("ИВАНОВ Иван Иванович", "ИВАНОВ", "Иван Иванович"),
    ("SMITH john", "SMITH", "john"),
    ("Madonna", "Madonna", ""),  # one word: a one-part name
    ("SUKARNO", "SUKARNO", ""),
    # Titles dropped, degrees after the last word dropped, generational suffixes after the
    # given names (ICAO 9303 Part 3 §4.6); a suffix written before the comma stays there.
    ("John DOE III", "DOE", "John III"),
    ("John DOE, Jr.", "DOE", "John JR"),
    ("Smith, John, Jr.", "Smith", "John JR"),
    ("Doe, Dr. John", "Doe", "John"),
    ("Dr. John DOE", "DOE", "John"),
    ("Mrs SMITH Anna", "SMITH", "Anna"),
    ("Smith Jr., John", "Smith Jr.", "John"),
    ("Doe, John Paul Ph.D.", "Doe", "John Paul"),
    ("John DOE PhD", "DOE", "John"),
    ("RAHMAN, MD Karim", "RAHMAN", "MD Karim"),  # MD before a name: Mohammad, not a degree
]

# Shapes whose surname cannot be told: (text, error class, code, words the message must hold).
REFUSED = [
    ("John Smith", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "'SMITH, John' or 'JOHN, Smith'"),
    ("ZHANG SAN", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "'SURNAME, Given Names'"),
    ("Zhang San", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "'SAN, Zhang' or 'ZHANG, San'"),
    ("zhang san", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "separately"),
    ("Anna Maria Eriksson", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "'ERIKSSON, Anna Maria'"),
    ("JOHN F KENNEDY", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "SURNAME, Given Names"),
    # Initials run together are no surname in capitals: as unknown as "J. R. Smith".
    ("J.R. Smith", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "'SMITH, J.R.'"),
    ("T.J. Miller", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "'MILLER, T.J.'"),
    ("J.-P. Sartre", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "'SARTRE, J.-P.'"),
    ("SMITH John JONES", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "SURNAME, Given Names"),
    ("John SMITH Paul", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "SURNAME, Given Names"),
    (
        "Ludwig van BEETHOVEN",
        AmbiguousNameError,
        ErrorCode.AMBIGUOUS_NAME,
        "'van BEETHOVEN, Ludwig' or 'BEETHOVEN, Ludwig van'",
    ),
    ("Maria de la CRUZ", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "'de la' in"),
    ("Smith, John, Paul", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "holds 2 commas"),
    # Titles and suffixes (data/name_affixes.csv): never a surname, never a given name.
    ("John Doe III", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "'DOE, John III' or 'JOHN, Doe III'"),
    ("John Doe, Jr.", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "in 'John Doe, Jr.': write it as"),
    ("Dr. John Doe", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "'DOE, John'"),
    ("Karim, MD", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "a degree or a given name"),
    ("محمد علي", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "SURNAME, Given Names"),
    ("张三", AmbiguousNameError, ErrorCode.AMBIGUOUS_NAME, "from_chinese()"),
    ("Sm1th, John", InvalidNameError, ErrorCode.INVALID_CHARACTER, "The surname holds '1'"),
    (
        "Smith, J0hn",
        InvalidNameError,
        ErrorCode.INVALID_CHARACTER,
        "given names field holds '0' (U+0030 DIGIT ZERO) at position 9",
    ),
    # A full-width digit (a Chinese keyboard) is named as typed, where the user typed it.
    (
        "ＳＭＩＴＨ，Ｊ０ｈｎ",
        InvalidNameError,
        ErrorCode.INVALID_CHARACTER,
        "given names field holds '０' (U+FF10 FULLWIDTH DIGIT ZERO) at position 8",
    ),
    ("John Smith 😀", InvalidNameError, ErrorCode.INVALID_CHARACTER, "at position 12"),
    ("Smith & Jones", InvalidNameError, ErrorCode.INVALID_CHARACTER, "'&'"),
    ("SMITH<<JOHN PAUL", MRZError, ErrorCode.MRZ_FORMAT, "holds ' '"),
    # With the separator << it is a name field, whatever comes before: what a field cannot hold is named.
    ("SMITH-JONES<<JOHN", MRZError, ErrorCode.MRZ_FORMAT, "holds '-' at position 6"),
    ("VAN DER BERG<<JOHN", MRZError, ErrorCode.MRZ_FORMAT, "holds ' ' at position 4"),
    # A '<' after a space or a comma is a stray symbol of free text, not a name field.
    (
        "ZHANG, San <3",
        InvalidNameError,
        ErrorCode.INVALID_CHARACTER,
        "'<' (U+003C LESS-THAN SIGN) at position 12",
    ),
    (
        "Zhang San <zhang@x.com>",
        InvalidNameError,
        ErrorCode.INVALID_CHARACTER,
        "'<' (U+003C LESS-THAN SIGN) at position 11",
    ),
    (",", InvalidNameError, ErrorCode.EMPTY_NAME, "no letters"),
    ("   ", InvalidNameError, ErrorCode.EMPTY_NAME, "no letters"),
]


@pytest.mark.parametrize(("text", "surname", "given_names"), READ)
def test_shape_is_read(text: str, surname: str, given_names: str) -> None:
    name = parse_name(text)
    assert (name.surname, name.given_names) == (surname, given_names)
    assert name.source == "text"


@pytest.mark.parametrize(("text", "error", "code", "says"), REFUSED)
def test_shape_is_refused_with_a_way_out(
    text: str, error: type[NameFormatError], code: ErrorCode, says: str
) -> None:
    with pytest.raises(error) as caught:
        parse_name(text)
    assert caught.value.code == code
    assert says in str(caught.value)


def test_table_is_large_enough() -> None:
    assert len(READ) + len(REFUSED) >= 20


def test_full_mrz_name_field_may_be_truncated() -> None:
    assert parse_name("PAPANDROPOULOUS<<JONATHON<WARREN<TREVOR").possibly_truncated
    assert not parse_name("SMITH, John").possibly_truncated


def test_over_long_input_is_refused_before_anything_else() -> None:
    with pytest.raises(InvalidNameError) as caught:
        parse_name("1" * 257)
    assert caught.value.code == ErrorCode.TOO_LONG


def test_non_str_is_refused_with_our_error() -> None:
    with pytest.raises(InvalidNameError):
        parse_name(None)  # type: ignore[arg-type]


def test_format_name_reads_text_through_parse_name(icbc: Bank, boc: Bank) -> None:
    assert format_name("SMITH, John Paul", icbc) == "SMITH JOHN PAUL"
    assert format_name("John Paul SMITH", boc) == "JOHN PAUL SMITH"
    with pytest.raises(AmbiguousNameError):
        format_name("John Smith", icbc)


# --- properties -------------------------------------------------------------------------

_WORD = st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=10)
_WORDS = st.lists(_WORD, min_size=1, max_size=3)


@given(_WORDS, _WORDS)
def test_each_unambiguous_form_gives_the_same_parts(surname_words: list[str], given_words: list[str]) -> None:
    surname = " ".join(word.upper() for word in surname_words)
    given_names = " ".join(word.capitalize() for word in given_words)
    for text in (f"{surname}, {given_names}", f"{surname} {given_names}", f"{given_names} {surname}"):
        name = parse_name(text)
        assert (name.surname, name.given_names) == (surname, given_names)


@given(_WORDS, _WORDS)
def test_words_all_in_one_case_are_never_split(first: list[str], second: list[str]) -> None:
    words = first + second
    for text in (" ".join(words), " ".join(words).upper(), " ".join(word.capitalize() for word in words)):
        if len(words) > 1:
            with pytest.raises(AmbiguousNameError):
                parse_name(text)


@given(st.text(max_size=300))
def test_any_text_raises_only_name_format_errors(text: str) -> None:
    with contextlib.suppress(NameFormatError):
        parse_name(text)


@given(st.text(alphabet="Aa Zz,，<.-'’Üü\u200bЖ1", max_size=40))
def test_punctuation_heavy_text_raises_only_name_format_errors(text: str) -> None:
    try:
        name = parse_name(text)
    except NameFormatError:
        return
    assert name.surname or name.given_names


def test_a_name_in_chinese_characters_says_the_same_in_chinese() -> None:
    # The English sends the person to the Chinese reading; the general Chinese sentence
    # would only ask for a comma ("ZHANG, San") in a name of characters.
    with pytest.raises(AmbiguousNameError) as refused:
        parse_name("张三")
    assert "from_chinese()" in str(refused.value)
    assert "中文姓名" in error_message(refused.value, "zh")


@pytest.mark.parametrize(
    ("text", "char"),
    [
        ("  Smith, J0hn", "0"),
        ("Smith,   J0hn", "0"),
        ("\u200bSm1th, John", "1"),
        ("Smith ,\u200b J0hn", "0"),
        ("SMITH， J0hn", "0"),  # the full-width comma
        ("Smith, John, J0hn", None),  # two commas: refused as such
    ],
)
def test_a_position_in_the_comma_form_counts_in_the_text_as_typed(text: str, char: str | None) -> None:
    with pytest.raises(NameFormatError) as refused:
        parse_name(text)
    if char is not None:
        assert f"{char!r} (U+" in str(refused.value)
        assert f"at position {text.index(char) + 1}:" in str(refused.value)


@pytest.mark.parametrize("text", ["John III SMITH", "John JR SMITH", "John SMITH III"])
def test_a_suffix_in_capitals_before_the_surname_closes_the_given_names(text: str) -> None:
    # "John III SMITH" read the surname as III SMITH: the run of capitals took the suffix.
    name = parse_name(text)
    assert name.surname == "SMITH"
    assert name.given_names.split()[0] == "John"
    assert name.given_names.split()[-1] in ("III", "JR")


def test_the_suggested_surname_keeps_its_particles() -> None:
    # 'BERG, Johannes van der' was offered for 'Johannes van der Berg'.
    with pytest.raises(AmbiguousNameError) as refused:
        parse_name("Johannes van der Berg")
    assert "'VAN DER BERG, Johannes'" in str(refused.value)


def test_in_a_text_of_small_letters_no_word_is_taken_for_a_particle() -> None:
    # 'PAUL SMITH, john' was offered for 'john paul smith': every word there is in small letters.
    with pytest.raises(AmbiguousNameError) as refused:
        parse_name("john paul smith")
    assert "'SMITH, john paul'" in str(refused.value)


def test_a_suffix_after_a_given_name_in_small_letters_closes_it() -> None:
    name = parse_name("john III SMITH")
    assert (name.surname, name.given_names) == ("SMITH", "john III")


def test_a_whole_zone_given_as_a_name_is_sent_to_parse_mrz() -> None:
    """Its line break read as a space, a whole zone was refused as holding ' ' at position 45,
    with the advice to copy it as printed, which it was."""
    zone = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
    with pytest.raises(MRZError, match=r"pass the zone to parse_mrz\(\)") as refused:
        parse_name(zone)
    assert "position 45" not in str(refused.value)


@pytest.mark.parametrize(
    ("field", "char"), [("weiß<<hans", "ß"), ("yılmaz<<ali", "ı"), ("ﬁscher<<anna", "ﬁ")]
)
def test_a_name_field_is_checked_as_given_not_as_upper_cased(field: str, char: str) -> None:
    """Upper-cased first, ß became SS and ı I: a name field no zone can hold was read."""
    with pytest.raises(MRZError, match=f"holds '{char}'"):
        parse_name(field)
