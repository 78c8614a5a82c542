"""parse_mrz against ICAO Doc 9303 specimens (domain-facts §1.8) and the rules of §1.2–1.5."""

from __future__ import annotations

import contextlib
import string

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from wxpay_names import Bank, ErrorCode, MRZError, NameFormatError, PassportName, candidates, parse_mrz
from wxpay_names.inputs.mrz import check_digit

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


@pytest.mark.parametrize("width", [30, 31, 39])
def test_whole_name_field_ending_in_a_letter_may_be_truncated(width: int) -> None:
    field = "ERIKSSON<<ANNA<MARIA<" + "K" * (width - 21)
    assert len(field) == width
    assert parse_mrz(field).possibly_truncated
    assert not parse_mrz(field[:-1] + "<").possibly_truncated


def test_lower_case_and_surrounding_white_space_are_tolerated() -> None:
    text = f"\r\n  {TD3_LINE1.lower()}\r\n\t{TD3_LINE2.lower()}  \n"
    assert _parts(parse_mrz(text)) == ("ERIKSSON", "ANNA MARIA", False)


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
        (TD1[0], "digit '2' at position 7"),
        (TD3_LINE2, "not with a document code"),
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


@given(
    st.sampled_from(["\n".join(zone) for zone in (TD1, TD2, TD1_LONG_NUMBER, TD2_LONG_NUMBER, MRV_A, MRV_B)]),
    st.lists(st.tuples(st.integers(0, 90), st.sampled_from("<0719AZ \n")), max_size=4),
)
def test_altered_specimen_is_read_or_refused_with_our_error(zone: str, edits: list[tuple[int, str]]) -> None:
    for index, char in edits:
        zone = zone[:index] + char + zone[index + 1 :]
    with contextlib.suppress(NameFormatError):
        assert parse_mrz(zone).surname in {"ERIKSSON", "STEVENSON"} or edits


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


@given(
    st.lists(_COMPONENT, min_size=1, max_size=4),
    st.lists(_COMPONENT, min_size=0, max_size=4),
    st.sampled_from([30, 31, 39]),
)
@example(["PAPANDROPOULOUS"], ["JONATHON", "WARREN", "TREVOR"], 39)  # fits exactly
@example(["BENNELONG", "WOOLOOMOOLOO", "WARRANDYTE", "WARNAMBOOL"], ["DINGO", "POTOROO"], 39)
@example(["NILAVADHANANANDA"], ["ARNPOL", "PETCH", "CHARONGUANG"], 30)
@example(["SATRIYA", "SUDARPA", "WIRAATMADJA", "KUSUMANEGARA"], [], 30)  # primary alone, cut
def test_icao_name_field_parses_back(primary: list[str], secondary: list[str], width: int) -> None:
    field = icao_name_field(primary, secondary, width)
    assume(field is not None)
    assert field is not None
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
