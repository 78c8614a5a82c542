"""parse_mrz against ICAO Doc 9303 specimens (domain-facts §1.8) and the rules of §1.2–1.5."""

from __future__ import annotations

import contextlib
import string

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from wxpay_names import (
    Bank,
    ErrorCode,
    MRZError,
    NameFormatError,
    PassportName,
    candidates,
    parse_mrz,
    parse_name,
)
from wxpay_names.inputs.mrz import check_digit
from zones import td3

# ICAO 9303 Part 4 §4.2.3 (8th edition): upper TD3 lines, with the name each holds and
# whether the field is filled to position 44 (then possibly truncated, §4.2.3 note).
PART4_LINES = [
    ("PPUTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "ERIKSSON", "ANNA MARIA", False),
    ("PPUTOHENG<<DEBORAH<MING<LO<<<<<<<<<<<<<<<<<<", "HENG", "DEBORAH MING LO", False),
    ("PPUTOSMITH<JONES<<SUSIE<MARGARET<<<<<<<<<<<<", "SMITH JONES", "SUSIE MARGARET", False),
    ("PPUTOOCONNOR<<ENYA<SIOBHAN<<<<<<<<<<<<<<<<<<", "OCONNOR", "ENYA SIOBHAN", False),
    ("PPUTOVAN<DER<MUELLEN<<MARTIN<<<<<<<<<<<<<<<<", "VAN DER MUELLEN", "MARTIN", False),
    ("PPUTOAL<BASRI<<HUDA<MUHAMMAD<JAWAD<<<<<<<<<<", "AL BASRI", "HUDA MUHAMMAD JAWAD", False),
    ("PPUTOVILARCHAO<FERNANDEZ<<JOSE<RAMON<<<<<<<<", "VILARCHAO FERNANDEZ", "JOSE RAMON", False),
    ("PPUTOARKFREITH<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "ARKFREITH", "", False),
    ("PPUTOSATRIYA<SUDARPA<<<<<<<<<<<<<<<<<<<<<<<<", "SATRIYA SUDARPA", "", False),
    ("PPUTONILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K", "NILAVADHANANANDA", "CHAYAPA DEJTHAMRONG K", True),
    ("PPUTONILAVADHANANANDA<<ARNPOL<PETCH<CHARONGU", "NILAVADHANANANDA", "ARNPOL PETCH CHARONGU", True),
    ("PPUTOBENNELONG<WOOLOOMOOLOO<WARRANDYTE<W<<DI", "BENNELONG WOOLOOMOOLOO WARRANDYTE W", "DI", True),
    ("PPUTOBENNELONG<WOOLOOM<WARRAND<WARNAM<<DINGO", "BENNELONG WOOLOOM WARRAND WARNAM", "DINGO", True),
    ("PPUTOBENNEL<WOOLOO<WARRAN<WARNAM<<DINGO<POTO", "BENNEL WOOLOO WARRAN WARNAM", "DINGO POTO", True),
    ("PPUTOPAPANDROPOULOUS<<JONATHON<WARREN<TREVOR", "PAPANDROPOULOUS", "JONATHON WARREN TREVOR", True),
]

# The TD3 specimen (Part 4 Appendix B, 7th edition); digits 6, 2, 9, 1 and composite 0.
TD3_LINE1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
TD3_LINE2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD3_DIGITS = [  # (position from 1, field, expected digit)
    (10, "document number", 6),
    (20, "date of birth", 2),
    (28, "date of expiry", 9),
    (43, "personal number", 1),
    (44, "composite", 0),
]
# TD1 (Part 5) and TD2 (Part 6) specimens of the same person.
TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")
TD2 = ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6")
# Part 11 Appendix D.2: a 12-character document number (D23145890734, check digit 9)
# overflowing into the optional data.
TD1_LONG_NUMBER = (
    "I<UTOD23145890<7349<<<<<<<<<<<",
    "3407127M9507122UTO<<<<<<<<<<<2",
    "STEVENSON<<PETER<JOHN<<<<<<<<<",
)
TD2_LONG_NUMBER = ("I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<", "D23145890<UTO3407127M95071227349<<<8")
# Part 7 visa specimens: no personal-number or composite digit.
MRV_A = ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<")
MRV_B = ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<")
# Part 3 Appendix A: composite of this line 2 (personal number all fillers) is 8.
APPENDIX_A_LINE2 = "HA672242<6YTO5802254M9601086<<<<<<<<<<<<<<08"


def _parts(name: PassportName) -> tuple[str, str, bool]:
    return name.surname, name.given_names, name.possibly_truncated


def _with_char(line: str, position: int, char: str) -> str:
    return line[: position - 1] + char + line[position:]


# --- the name field ---------------------------------------------------------------------


@pytest.mark.parametrize(("line", "surname", "given", "truncated"), PART4_LINES)
def test_part4_line_gives_its_name(line: str, surname: str, given: str, truncated: bool) -> None:
    assert len(line) == 44
    name = parse_mrz(line)
    assert _parts(name) == (surname, given, truncated)
    assert name.source == "mrz"


@pytest.mark.parametrize(("line", "surname", "given", "truncated"), PART4_LINES)
def test_old_document_code_and_name_field_alone_read_alike(
    line: str, surname: str, given: str, truncated: bool
) -> None:
    old_code = "P<" + line[2:]
    assert _parts(parse_mrz(old_code)) == (surname, given, truncated)
    assert _parts(parse_mrz(line[5:])) == (surname, given, truncated)


def test_given_name_only_mononym() -> None:
    line = "PPUTO<<SUKARNO".ljust(44, "<")
    assert _parts(parse_mrz(line)) == ("", "SUKARNO", False)
    assert _parts(parse_mrz("<<SUKARNO")) == ("", "SUKARNO", False)


def test_name_field_without_its_fillers_is_not_taken_as_truncated() -> None:
    assert _parts(parse_mrz("ERIKSSON<<ANNA<MARIA")) == ("ERIKSSON", "ANNA MARIA", False)


@pytest.mark.parametrize("last_names", ["ELISABETH", "CHRISTIANE", "ELISABETH<KRISTINA"])
def test_whole_name_field_ending_in_a_letter_may_be_truncated(last_names: str) -> None:
    field = "ERIKSSON<<ANNA<MARIA<" + last_names
    assert len(field) in (30, 31, 39)
    assert parse_mrz(field).possibly_truncated
    assert not parse_mrz(field[:-1] + "<").possibly_truncated


def test_lower_case_and_surrounding_white_space_are_tolerated() -> None:
    text = f"\r\n  {TD3_LINE1.lower()}\r\n\t{TD3_LINE2.lower()}  \n"
    assert _parts(parse_mrz(text)) == ("ERIKSSON", "ANNA MARIA", False)


# --- a line given alone ----------------------------------------------------------------
# One line is an upper line only when it begins with a document code and an issuing State
# (Part 4 §4.2.2, Parts 5–7); otherwise it is a name field, or refused when it could be both.


def test_36_character_name_field_alone_is_read_as_a_name_field() -> None:
    field = "HERNANDEZ<GARCIA<<MARIA<GUADALUPE<LU"  # 'HE…' is no document code
    assert len(field) == 36
    assert _parts(parse_mrz(field)) == ("HERNANDEZ GARCIA", "MARIA GUADALUPE LU", False)


@pytest.mark.parametrize("line", [TD2[0], MRV_B[0], "C<UTOERIKSSON<<ANNA<MARIA<ELISABET<K"])
def test_upper_line_of_36_characters_alone_is_read_as_one(line: str) -> None:
    assert len(line) == 36
    name = parse_mrz(line)
    assert (name.surname, name.given_names[:10]) == ("ERIKSSON", "ANNA MARIA")
    assert name.possibly_truncated == line.endswith("K")


@pytest.mark.parametrize("cut", [36, 14])
def test_36_characters_that_may_be_an_upper_line_or_a_name_field_are_refused(cut: int) -> None:
    # 'CA' + 'RLS' has the shape of a TD2 document code ('CA') and State: as 36 characters,
    # this is a TD2 upper line as much as a name field.
    name = "CARLSSON<<KRISTINA<MARIA<ELISABETH<ANNA"[:cut]
    with pytest.raises(MRZError, match="whole zone") as caught:
        parse_mrz(name.ljust(36, "<"))
    assert caught.value.code == ErrorCode.MRZ_FORMAT
    # Given whole (39 characters) the field reads; without its fillers too, unless 36 long.
    assert parse_mrz(name.ljust(39, "<")).surname == "CARLSSON"
    assert len(name) == 36 or parse_mrz(name).surname == "CARLSSON"


@pytest.mark.parametrize(
    "line",
    [
        "HERNANDEZ<GARCIA<<MARIA<GUADALUPE<LUISA<ANA<",  # no document code
        "ALVAREZ<DE<LA<FUENTE<<JUAN<CARLOS<ALBERTO<JO",  # A begins a card's code, not a passport's
    ],
)
def test_44_characters_without_a_passport_or_visa_code_are_refused(line: str) -> None:
    assert len(line) == 44
    with pytest.raises(MRZError, match="one line of 44 characters"):
        parse_mrz(line)


@pytest.mark.parametrize("code", ["P<", "PP"])
@pytest.mark.parametrize(("line", "surname", "given", "truncated"), PART4_LINES)
def test_upper_line_without_its_trailing_fillers_is_still_an_upper_line(
    code: str, line: str, surname: str, given: str, truncated: bool
) -> None:
    shortened = (code + line[2:]).rstrip("<")
    assert _parts(parse_mrz(shortened)) == (surname, given, truncated)
    if not truncated:  # some of the trailing fillers kept
        assert _parts(parse_mrz(shortened + "<<<")) == (surname, given, False)


@pytest.mark.parametrize("line", ["I<UTOERIKSSON<<ANNA<MARIA", "V<UTOERIKSSON<<ANNA<MARIA<<<<"])
def test_shortened_card_or_visa_line_is_refused(line: str) -> None:
    # Once shortened, 'I<UTO…' could also be a name field whose surname begins with 'I'.
    with pytest.raises(MRZError, match="whole"):
        parse_mrz(line)


@pytest.mark.parametrize(
    "text",
    [
        "P<UTOERIKSSON<<ANNA<MARIA",
        "PPUTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "I<UTOERIKSSON<<ANNA<MARIA",
    ],
)
def test_parse_name_refuses_an_upper_line(text: str) -> None:
    with pytest.raises(MRZError, match="parse_mrz"):
        parse_name(text)


@pytest.mark.parametrize(
    ("field", "surname", "given"),
    [
        ("PETERSON<<JOHN", "PETERSON", "JOHN"),  # PE is a passport code (emergency), PETER no State
        ("PORTER<<ANN", "PORTER", "ANN"),
        ("IDRIS<<ALI", "IDRIS", "ALI"),
        ("VAN<DER<BERG<<JAN", "VAN DER BERG", "JAN"),
        ("ARKFREITH", "ARKFREITH", ""),
        ("<<SUKARNO", "", "SUKARNO"),
    ],
)
def test_name_field_beginning_like_a_document_code_is_a_name_field(
    field: str, surname: str, given: str
) -> None:
    assert _parts(parse_mrz(field)) == (surname, given, False)
    if "<" in field:
        assert (parse_name(field).surname, parse_name(field).given_names) == (surname, given)


# --- fillers misread ------------------------------------------------------------------------
# OCR-B's '<' is often read as a letter (K, C). The name has no check digit, so the shape of
# the field is the only evidence.


@pytest.mark.parametrize(
    "text",
    [
        "PKUTOERIKSSONKKANNAKMARIA".ljust(44, "K"),  # every '<' read as K
        "P<UTOERIKSSON<<ANNA<MARIA".ljust(44, "K"),  # the trailing fillers read as K
        "ERIKSSON<<ANNA<MARIA".ljust(39, "C"),
        "ERIKSSON<<ANNA<MARIAKKK",
        "ERIKSSONKKANNAKMARIA".ljust(30, "K"),
        f"{'PKUTOERIKSSONKKANNAKMARIA'.ljust(44, 'K')}\n{TD3_LINE2}",
    ],
)
def test_fillers_read_as_a_letter_are_refused(text: str) -> None:
    with pytest.raises(MRZError, match="filler") as caught:
        parse_mrz(text)
    assert caught.value.code == ErrorCode.MRZ_FORMAT


def test_parse_name_refuses_fillers_read_as_a_letter() -> None:
    with pytest.raises(MRZError, match="filler"):
        parse_name("ERIKSSON<<ANNA<MARIAKKKK")


@pytest.mark.parametrize(
    "text",
    [
        td3(expiry="300101", name="DOE<<JOHN<III"),  # every check digit right
        "P<UTODOE<<JOHN<III".ljust(44, "<"),
        "DOE<<JOHN<III".ljust(39, "<"),
        "DOE<<JOHN<III",
        "DOE<<JOHN<PAUL<III",
    ],
)
def test_a_generational_suffix_iii_is_a_given_name(text: str) -> None:
    # ICAO 9303 Part 3 §4.6 gives III as its example of a suffix a State may print.
    name = parse_mrz(text)
    assert name.surname == "DOE"
    assert name.given_names.split()[-1] == "III"
    if not text.startswith("P<"):
        assert parse_name(text).given_names == name.given_names


@pytest.mark.parametrize("text", ["DOE<<III", "DOE<III", "DOEIII", "DOE<<JOHNIII", "DOE<<JOHN<IIII"])
def test_a_run_of_i_that_is_not_a_suffix_after_a_given_name_is_still_refused(text: str) -> None:
    with pytest.raises(MRZError, match="probably read as 'I'"):
        parse_mrz(text)


# A one-part name as long as the field or longer: the only name ICAO writes with no filler (§1.3).
_LONG_ONE_PART_NAME = "KEIHANAIKUKAUAKAHIHULIHEEKAHAUNAELEMAKA"


@pytest.mark.parametrize(
    "text", [_LONG_ONE_PART_NAME[:39], _LONG_ONE_PART_NAME[:30], "PPUTO" + _LONG_ONE_PART_NAME[:39]]
)
def test_whole_field_without_a_filler_given_alone_is_refused(text: str) -> None:
    with pytest.raises(MRZError, match="without a single filler"):
        parse_mrz(text)


def test_whole_field_without_a_filler_in_a_whole_zone_is_a_long_one_part_name() -> None:
    # Line 2's fillers were read as fillers and its check digits pass: the name is taken as printed.
    td3 = parse_mrz(f"PPUTO{_LONG_ONE_PART_NAME[:39]}\n{TD3_LINE2}")
    assert _parts(td3) == (_LONG_ONE_PART_NAME[:39], "", True)
    td1 = parse_mrz("\n".join((*TD1[:2], _LONG_ONE_PART_NAME[:30])))
    assert _parts(td1) == (_LONG_ONE_PART_NAME[:30], "", True)


def test_a_shortened_field_without_a_filler_is_a_one_part_name() -> None:
    assert _parts(parse_mrz(_LONG_ONE_PART_NAME[:29])) == (_LONG_ONE_PART_NAME[:29], "", False)


# --- whole zones and check digits -------------------------------------------------------


def test_td3_specimen_passes_every_check_digit() -> None:
    name = parse_mrz(f"{TD3_LINE1}\n{TD3_LINE2}")
    assert _parts(name) == ("ERIKSSON", "ANNA MARIA", False)
    for position, _, expected in TD3_DIGITS:
        assert TD3_LINE2[position - 1] == str(expected)


def test_td3_lines_run_together_are_split() -> None:
    assert parse_mrz(TD3_LINE1 + TD3_LINE2).surname == "ERIKSSON"


@pytest.mark.parametrize(("position", "field", "expected"), TD3_DIGITS)
def test_each_altered_td3_digit_names_its_field(position: int, field: str, expected: int) -> None:
    for wrong in sorted(set(string.digits) - {str(expected)}):
        line2 = _with_char(TD3_LINE2, position, wrong)
        with pytest.raises(MRZError, match=f"The {field} check digit") as caught:
            parse_mrz(f"{TD3_LINE1}\n{line2}")
        assert caught.value.code == ErrorCode.MRZ_CHECK_DIGIT
        assert f"(line 2, position {position}) is '{wrong}'" in str(caught.value)
        assert f"gives {expected}:" in str(caught.value)


@pytest.mark.parametrize(
    ("position", "field"),
    [(3, "document number"), (15, "date of birth"), (25, "date of expiry"), (30, "personal number")],
)
def test_altered_data_fails_its_own_check_digit(position: int, field: str) -> None:
    original = TD3_LINE2[position - 1]
    replacement = "7" if original != "7" else "3"
    with pytest.raises(MRZError, match=f"The {field} check digit"):
        parse_mrz(f"{TD3_LINE1}\n{_with_char(TD3_LINE2, position, replacement)}")


def test_check_digit_matches_part3_worked_examples() -> None:
    assert check_digit("520727") == 3
    assert check_digit("AB2134<<<") == 5
    assert check_digit(APPENDIX_A_LINE2[:10] + APPENDIX_A_LINE2[13:20] + APPENDIX_A_LINE2[21:43]) == 8


@pytest.mark.parametrize("blank_digit", ["0", "<"])
def test_empty_personal_number_may_carry_zero_or_filler(blank_digit: str) -> None:
    line2 = _with_char(APPENDIX_A_LINE2, 43, blank_digit)
    assert parse_mrz(f"P<UTOERIKSSON<<ANNA<MARIA\n{line2}".replace("MARIA\n", "MARIA" + "<" * 19 + "\n"))


def test_empty_personal_number_with_another_digit_is_refused() -> None:
    line1 = "P<UTOERIKSSON<<ANNA<MARIA".ljust(44, "<")
    with pytest.raises(MRZError, match="personal number check digit"):
        parse_mrz(f"{line1}\n{_with_char(APPENDIX_A_LINE2, 43, '5')}")


@pytest.mark.parametrize(
    "lines",
    [TD1, TD2, TD1_LONG_NUMBER, TD2_LONG_NUMBER, MRV_A, MRV_B],
    ids=["TD1", "TD2", "TD1 long number", "TD2 long number", "MRV-A", "MRV-B"],
)
def test_other_formats_read_and_pass(lines: tuple[str, ...]) -> None:
    name = parse_mrz("\n".join(lines))
    expected = ("STEVENSON", "PETER JOHN") if "STEVENSON" in "".join(lines) else ("ERIKSSON", "ANNA MARIA")
    assert (name.surname, name.given_names) == expected
    assert not name.possibly_truncated


def test_td1_run_together_is_split() -> None:
    assert parse_mrz("".join(TD1)).surname == "ERIKSSON"


@pytest.mark.parametrize(
    ("lines", "line", "position", "field"),
    [
        (TD1, 1, 15, "document number"),
        (TD1, 2, 7, "date of birth"),
        (TD1, 2, 15, "date of expiry"),
        (TD1, 2, 30, "composite"),
        (TD2, 2, 10, "document number"),
        (TD2, 2, 20, "date of birth"),
        (TD2, 2, 28, "date of expiry"),
        (TD2, 2, 36, "composite"),
        (TD1_LONG_NUMBER, 1, 19, "document number"),
        (TD2_LONG_NUMBER, 2, 32, "document number"),
        (MRV_A, 2, 28, "date of expiry"),
    ],
)
def test_altered_digit_in_other_formats_names_its_field(
    lines: tuple[str, ...], line: int, position: int, field: str
) -> None:
    altered = list(lines)
    digit = altered[line - 1][position - 1]
    altered[line - 1] = _with_char(altered[line - 1], position, "1" if digit != "1" else "2")
    with pytest.raises(MRZError, match=f"The {field} check digit \\(line {line}, position {position}\\)"):
        parse_mrz("\n".join(altered))


def test_long_number_marker_without_continuation_is_refused() -> None:
    line1 = "I<UTOD23145890<" + "<" * 15
    with pytest.raises(MRZError, match="continues at line 1, position 16") as caught:
        parse_mrz("\n".join((line1, *TD1_LONG_NUMBER[1:])))
    assert caught.value.code == ErrorCode.MRZ_CHECK_DIGIT


def test_visa_has_no_composite_digit_to_check() -> None:
    # Position 44 of an MRV-A is optional data: a TD3 reading would call it a wrong composite.
    line2 = _with_char(MRV_A[1], 44, "7")
    assert parse_mrz(f"{MRV_A[0]}\n{line2}").surname == "ERIKSSON"


# --- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("  \n ", "is empty"),
        (f"{TD3_LINE2}\n{TD3_LINE1}", "not with a document code"),
        (f"{TD3_LINE1}\n{TD3_LINE2[:-1]}", "2 lines of 44, 43 characters"),
        (f"{TD3_LINE1}\n{TD2[1]}", "2 lines of 44, 36 characters"),
        ("\n".join(TD1[:2]), "2 lines of 30, 30 characters"),
        ("ERIKSSON<<ANNA MARIA", "2 lines of 14, 5 characters"),
        ("ERIKSSON<<ANNA<MARÍA", "holds 'Í' at position 19"),
        (f"{TD3_LINE1}\n{TD3_LINE2[:5]}«{TD3_LINE2[6:]}", "holds '«' at line 2, position 6"),
        ("ERIKSSON<<ANNA<MAR1A", "digit '1' at position 19"),
        (TD1[0], "begins like the upper line of an identity card"),  # TD1's holds no name
        (TD3_LINE2, "one line of 44 characters, which is neither a name field"),
        ("<<<<<<<<<<", "holds no name"),
        ("ERIKSSON<<<ANNA", "run of fillers at position 11"),
        ("<ERIKSSON<<ANNA", "run of fillers at position 1"),
        ("ERIKSSON<<ANNA<<MARIA", "run of fillers at position 15"),
        ("A" * 50, "one line of 50 characters"),
    ],
)
def test_malformed_zone_is_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(MRZError, match=message) as caught:
        parse_mrz(text)
    assert caught.value.code == ErrorCode.MRZ_FORMAT


def test_check_digit_message_keeps_the_data_out() -> None:
    with pytest.raises(MRZError) as caught:
        parse_mrz(f"{TD3_LINE1}\n{_with_char(TD3_LINE2, 10, '5')}")
    assert "L898902C3" not in str(caught.value)


def test_over_long_input_is_refused_before_anything_else() -> None:
    with pytest.raises(NameFormatError) as caught:
        parse_mrz("«" * 257)
    assert caught.value.code == ErrorCode.TOO_LONG


def test_non_str_is_refused_with_our_error() -> None:
    with pytest.raises(MRZError):
        parse_mrz(44)  # type: ignore[arg-type]


@given(st.text(max_size=300))
def test_any_text_raises_only_name_format_errors(text: str) -> None:
    with contextlib.suppress(NameFormatError):
        parse_mrz(text)


@given(st.lists(st.text(alphabet="<AZaz09K", min_size=28, max_size=46), min_size=1, max_size=3))
def test_mrz_shaped_text_raises_only_name_format_errors(lines: list[str]) -> None:
    with contextlib.suppress(NameFormatError):
        parse_mrz("\n".join(lines))


# Specimen zones with where the name field sits (line, first and last position, as ICAO
# numbers them: TD3 Part 4, TD1 Part 5, TD2 Part 6, visas Part 7) and the name it holds.
_SPECIMENS = [
    ((TD3_LINE1, TD3_LINE2), 1, 6, 44, "ERIKSSON", "ANNA MARIA"),
    (TD1, 3, 1, 30, "ERIKSSON", "ANNA MARIA"),
    (TD2, 1, 6, 36, "ERIKSSON", "ANNA MARIA"),
    (TD1_LONG_NUMBER, 3, 1, 30, "STEVENSON", "PETER JOHN"),
    (TD2_LONG_NUMBER, 1, 6, 36, "STEVENSON", "PETER JOHN"),
    (MRV_A, 1, 6, 44, "ERIKSSON", "ANNA MARIA"),
    (MRV_B, 1, 6, 36, "ERIKSSON", "ANNA MARIA"),
]


def _as_field(surname: str, given_names: str) -> str:
    """The name written as an ICAO name field without its trailing fillers (Part 3 §4.6)."""
    return surname.replace(" ", "<") + ("<<" + given_names.replace(" ", "<") if given_names else "")


@given(
    st.sampled_from(_SPECIMENS),
    st.lists(st.tuples(st.integers(0, 92), st.sampled_from("<0719AZK \n")), max_size=4),
)
@example(_SPECIMENS[2], [(7, "<")])  # ERIKSSON → ER<KSSON: a name the edit changed, read
@example(_SPECIMENS[1], [(77, "Z")])  # TD1 line 3: MARIA → ZARIA
@example(_SPECIMENS[0], [(2, "D"), (3, "<"), (4, "<")])  # another State: the same name
def test_altered_specimen_reads_its_own_name_field_or_is_refused(
    specimen: tuple[tuple[str, ...], int, int, int, str, str], edits: list[tuple[int, str]]
) -> None:
    lines, line, first, last, surname, given_names = specimen
    original = "\n".join(lines)
    start = sum(len(text) + 1 for text in lines[: line - 1]) + first - 1
    name_field = range(start, start + last - first + 1)
    zone = original
    for index, char in edits:
        zone = zone[:index] + char + zone[index + 1 :]
    try:
        name = parse_mrz(zone)
    except NameFormatError:
        return
    changed = {
        index for index in range(len(zone)) if index >= len(original) or zone[index] != original[index]
    }
    if changed.isdisjoint(name_field):
        # Nothing in the name field was touched: the name is the specimen's, untruncated.
        assert (name.surname, name.given_names, name.possibly_truncated) == (surname, given_names, False)
    else:
        # The name is what the edited field says, read at the field's place, and nothing else:
        # it differs from the specimen's only where an edit fell.
        field = zone[name_field.start : name_field.stop]
        assert _as_field(name.surname, name.given_names) == field.rstrip("<")
        assert name.possibly_truncated == (field[-1] != "<")


# --- round trip through the ICAO name field ---------------------------------------------

_COMPONENT = st.text(alphabet=string.ascii_uppercase, min_size=1, max_size=14)


def icao_name_field(primary: list[str], secondary: list[str], width: int) -> str | None:
    """The name field as ICAO 9303 Part 4 §4.2.2.1 builds it (domain-facts §1.3).

    Written here, apart from the library, so the test does not check the code against
    itself. When the name does not fit, letters are cut from the ends of primary
    components (never below one letter) until ``<<`` and the start of the secondary
    identifier fit and the field ends in a letter at its last position. None when even
    one-letter primary components do not leave room.
    """
    primary = list(primary)

    def render() -> str:
        return "<".join(primary) + ("<<" + "<".join(secondary) if secondary else "")

    if len(render()) <= width:
        return render().ljust(width, "<")
    while True:
        field = render()[:width]
        if field[-1] != "<" and (not secondary or "<<" in field):
            return field
        cuttable = [index for index, component in enumerate(primary) if len(component) > 1]
        if not cuttable:
            return None
        primary[cuttable[-1]] = primary[cuttable[-1]][:-1]


def _begins_like_an_upper_line(field: str) -> bool:
    """A document code ICAO gives (P<, PP; A<, C<, I<, V<), then a State: a letter, letters, fillers."""
    code, state = field[:2], field[2:5]
    known_code = code in ("P<", "PP") or (code[0] in "ACIV" and code[1] == "<")
    return known_code and state[0] != "<" and "<" not in state.rstrip("<")


def _parts_of_field(written: str) -> tuple[str, str]:
    primary, _, secondary = written.partition("<<")
    return primary.replace("<", " "), secondary.replace("<", " ")


@given(
    st.lists(_COMPONENT, min_size=1, max_size=4),
    st.lists(_COMPONENT, min_size=0, max_size=4),
    st.sampled_from([30, 31, 39]),
)
@example(["PAPANDROPOULOUS"], ["JONATHON", "WARREN", "TREVOR"], 39)  # fits exactly
@example(["BENNELONG", "WOOLOOMOOLOO", "WARRANDYTE", "WARNAMBOOL"], ["DINGO", "POTOROO"], 39)
@example(["NILAVADHANANANDA"], ["ARNPOL", "PETCH", "CHARONGUANG"], 30)
@example(["SATRIYA", "SUDARPA", "WIRAATMADJA", "KUSUMANEGARA"], [], 30)  # primary alone, cut
@example(["KOWALSKI"], ["ANNA", "MARIAAA"], 39)  # ends like fillers read as A: refused
@example(["DOE"], ["JOHN", "III"], 39)  # a generational suffix (Part 3 §4.6): read
@example(["P", "UTO"], ["ANNA"], 39)  # begins like a passport's upper line
@example(["I", "UTO"], ["ANNA"], 31)  # begins like a card's upper line
def test_icao_name_field_parses_back(primary: list[str], secondary: list[str], width: int) -> None:
    field = icao_name_field(primary, secondary, width)
    assume(field is not None)
    assert field is not None
    written = field.rstrip("<")
    ends_in_suffix = len(secondary) > 1 and secondary[-1] == "III" and written.endswith("<III")
    if (len(written) >= 3 and len(set(written[-3:])) == 1 and not ends_in_suffix) or "<" not in field:
        # The shapes a filler misread as a letter gives (three of a letter where fillers belong,
        # a full field without a filler) are refused: the name has no check digit to tell.
        with pytest.raises(MRZError, match="filler"):
            parse_mrz(field)
        return
    if _begins_like_an_upper_line(field):
        # 'P<UTO', 'PPUTO', 'I<UTO'…: read as an upper line without its fillers, or refused.
        with contextlib.suppress(MRZError):
            name = parse_mrz(field)
            assert (name.surname, name.given_names) == _parts_of_field(field[5:].rstrip("<"))
        return
    name = parse_mrz(field)
    surname, given_names = name.surname.split(), name.given_names.split()
    full = "<".join(primary) + ("<<" + "<".join(secondary) if secondary else "")
    if len(full) < width:
        assert (surname, given_names, name.possibly_truncated) == (primary, secondary, False)
    elif len(full) == width:
        # Fits exactly: complete, yet the reader cannot know it (Part 4 §4.2.3 note).
        assert (surname, given_names, name.possibly_truncated) == (primary, secondary, True)
    else:
        assert name.possibly_truncated
        # Every primary component keeps at least its initial when a secondary follows;
        # a primary identifier alone is cut at the field's end.
        assert len(surname) == len(primary) if secondary else 1 <= len(surname) <= len(primary)
        assert all(original.startswith(read) for read, original in zip(surname, primary, strict=False))
        assert len(given_names) <= len(secondary)
        assert bool(given_names) == bool(secondary)
        assert all(original.startswith(read) for read, original in zip(given_names, secondary, strict=False))


# --- candidates of an MRZ name ----------------------------------------------------------


def test_candidates_keep_the_mrz_spelling(icbc: Bank) -> None:
    name = parse_mrz(f"{TD3_LINE1}\n{TD3_LINE2}")
    found = candidates(name, icbc)
    assert found[0].text == "ERIKSSON ANNA MARIA"
    assert not any("truncated" in candidate.note for candidate in found)


def test_possibly_truncated_name_says_so_on_every_candidate(icbc: Bank) -> None:
    name = parse_mrz(PART4_LINES[-1][0])
    found = candidates(name, icbc)
    assert found[0].text == "PAPANDROPOULOUS JONATHON WARREN TREVOR"
    assert all("may be truncated" in candidate.note for candidate in found)
