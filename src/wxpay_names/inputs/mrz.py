"""The machine-readable zone (ICAO Doc 9303) into a PassportName.

Accepted: a whole zone (TD3 passport 2×44, TD2 2×36, TD1 identity card 3×30, and the
MRV-A and MRV-B visas of the same shapes), the upper line of a TD3 or TD2 alone, or the
name field alone. Lines may come with surrounding white space and line breaks, or run
together; lower case is upper-cased. Nothing else is repaired: a ``0`` read for an ``O``
stays wrong, and a check digit says so where the lines are whole.

The name has no check digit, so a line given alone is told apart by its shape only: it is an
upper line when it begins with a document code and an issuing State (``P<UTO``, ``PPUTO``,
``I<UTO``), a name field otherwise, and refused when it could be either. A name field that
shows its fillers were misread as a letter is refused too (see ``_name_from_field``).

The name is already in ICAO spelling (A–Z): ``ERIKSSON<<ANNA<MARIA`` gives surname
``ERIKSSON`` and given names ``ANNA MARIA``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from string import ascii_uppercase, digits
from typing import NamedTuple

from ..affixes import affix_kind
from ..cleaning import check_length
from ..errors import ErrorCode, MRZError
from ..models import NameSource, PassportName, build_name
from .mrz_layout import (
    CARD_CODES,
    DOCUMENT_LAYOUTS,
    NAME_FIELD_WIDTHS,
    PASSPORT_CODE,
    SHORTENED_LINE_CODES,
    TD3,
    UPPER_LINE_LAYOUTS,
    VISA_CODE,
    VISA_LAYOUTS,
    Layout,
    Span,
)

FILLER = "<"
IDENTIFIER_SEPARATOR = FILLER * 2  # between the primary and the secondary identifier
_LETTERS = frozenset(ascii_uppercase)
_SHORT_NUMBER = 9  # document number positions before its check digit (or the filler that continues it)
_FRENCH_CARD_START = "IDFRA"
_FRENCH_LINE_LENGTH = 36
_FRENCH_OFFICE_LENGTH = 6  # the last positions of line 1: department and office codes, in digits
_STATE_CODE = re.compile(r"[A-Z]{3}|[A-Z]{2}<|[A-Z]<<")  # ICAO 9303 Part 3 §5: UTO, D<<
_MRZ_CHARACTERS = frozenset(ascii_uppercase + ascii_uppercase.lower() + digits + FILLER)
_CHECK_WEIGHTS = (7, 3, 1)
_WHAT = "machine-readable zone"
_SHAPES = "2 lines of 44 characters (passport, TD3), 2 of 36 (TD2) or 3 of 30 (identity card, TD1)"
_CODE_LETTERS = frozenset(PASSPORT_CODE + CARD_CODES + VISA_CODE)
_LONGEST_FIELD = max(NAME_FIELD_WIDTHS)
_HEADER_LENGTH = 5  # document code (2) and issuing State (3), the same in every format
# Three of one letter ending the name: what an OCR that reads the trailing fillers '<' as K
# or C leaves. Our judgement, not ICAO's: we know of no name that ends so (Table A's ``NXX``
# and ``UXX`` end in two), while two are common (``…SS``, ``…LL``) and cannot be refused.
# The one exception is a generational suffix written as a given name of its own
# (``DOE<<JOHN<III``): ICAO 9303 Part 3 §4.6 gives III as its example, and a run of misread
# fillers does not begin right after a filler read as '<'.
_MISREAD_FILLER_RUN = 3


def check_digit(data: str) -> int:
    """The ICAO 9303 check digit of *data* (Part 3 §4.9): weights 7, 3, 1; A=10 … Z=35; ``<`` = 0.

    >>> check_digit("520727"), check_digit("AB2134<<<")
    (3, 5)
    """
    total = 0
    for index, char in enumerate(data):
        if char in digits:
            value = ord(char) - ord("0")
        elif char in _LETTERS:
            value = ord(char) - ord("A") + 10
        else:
            value = 0
        total += value * _CHECK_WEIGHTS[index % 3]
    return total % 10


_LINE_BREAKS = str.maketrans(dict.fromkeys("\t\n\v\f\r", " "))


def parse_mrz(text: str) -> PassportName:
    """The passport name in a machine-readable zone, its upper line, or its name field.

    Check digits are verified wherever the lines are whole; ``possibly_truncated`` is set
    when a whole name field ends in a letter (ICAO 9303 Part 4 §4.2.3).

    >>> name = parse_mrz('''
    ...     P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
    ...     L898902C36UTO7408122F1204159ZE184226B<<<<<10
    ... ''')
    >>> name.surname, name.given_names, name.possibly_truncated
    ('ERIKSSON', 'ANNA MARIA', False)
    """
    return read_zone(text).name


class Zone(NamedTuple):
    """What :func:`read_zone` read: the name, and for a whole zone its lines and format."""

    name: PassportName
    lines: tuple[str, ...] = ()  # upper-cased, check digits verified; empty for one line given alone
    layout: Layout | None = None


def read_zone(text: str) -> Zone:
    """:func:`parse_mrz`'s reading, keeping the zone's lines and format for its other fields."""
    if not isinstance(text, str):
        raise MRZError(f"A machine-readable zone is a str, not {type(text).__name__}.")
    check_length(text, _WHAT)
    lines = _zone_lines(text)
    if not lines:
        raise MRZError(f"The {_WHAT} is empty: give its lines, or the name field alone.")
    for number, line in enumerate(lines, start=1):
        _check_characters(line, number if len(lines) > 1 else None)
    lines = [line.upper() for line in lines]
    if len(lines) == 1:
        lines = _split_run_together(lines[0])
    if len(lines) == 1:
        return Zone(_one_line(lines[0]))
    _refuse_french_identity_card(lines)
    layout = _layout_for(lines)
    _check_header(lines, layout)
    _check_digits(lines, layout)
    field = layout.name_field
    # The other lines' fillers, read as '<' and passing their check digits, show the scanner
    # reads fillers right: a name field without one is then a long one-part name.
    fillers_seen = any(FILLER in line for number, line in enumerate(lines, 1) if number != field.line)
    name = _name_from_field(
        field.read(lines),
        "mrz",
        whole=True,
        first=field.first,
        line=field.line,
        fillers_seen=fillers_seen,
        state=_issuing_state(lines[0], layout.issuing_state.read(lines)),
    )
    return Zone(name, tuple(lines), layout)


def _zone_lines(text: str) -> list[str]:
    # Only ASCII white space separates lines: str.split() would also take the control
    # characters U+001C–001F and U+0085 for breaks and let them pass unseen.
    return [line for line in text.translate(_LINE_BREAKS).split(" ") if line]


def has_whole_zone_shape(text: str) -> bool:
    """Whether *text* has the lines of a whole zone (2 of 44 or 36, or 3 of 30, or those run
    together), whatever they hold: a zone the reader refuses may still be a whole one.

    >>> has_whole_zone_shape("P<UTO" + "<" * 39 + " " + "1" * 44), has_whole_zone_shape("SMITH<<JOHN")
    (True, False)
    """
    lines = _zone_lines(text)
    if len(lines) == 1:
        lines = _split_run_together(lines[0])
    lengths = tuple(len(line) for line in lines)
    return any(lengths == (layout.line_length,) * layout.line_count for layout in DOCUMENT_LAYOUTS)


def _issuing_state(upper_line: str, state: str) -> str | None:
    """The issuing State's code (``UKR``, ``D<<``), which picks a national table for the name.

    None for a visa: its State issued the visa, not the passport that holds the name.
    """
    if upper_line.startswith("V") or not _STATE_CODE.fullmatch(state):
        return None
    return state


def name_from_field(field: str, source: NameSource) -> PassportName:
    """The name in an MRZ name field given alone (``SMITH<<JOHN<PAUL``), upper-cased first.

    The field is whole (and may be truncated) when it is 39, 31 or 30 characters long and
    ends in a letter; a field with its trailing fillers cut off is taken as complete. Text
    that begins like an upper line (``P<UTO…``, ``PPUTO…``, ``I<UTO…``) or is longer than
    any name field is refused: read as a name, its document code would join the surname.
    """
    upper = field.upper()
    # Before the characters: a whole zone given as a name (its line break read as a space)
    # is told to go to parse_mrz, not that it holds a space.
    if _has_header(upper) and (upper[1] == FILLER or upper[:2] in SHORTENED_LINE_CODES):
        raise MRZError(
            f"The text begins like the upper line of a {_WHAT} (a document code and issuing State, "
            f"such as 'P<UTO'), not like a name field: pass the zone to parse_mrz(), give the name "
            "field alone ('ERIKSSON<<ANNA<MARIA'), or write the name as 'SURNAME, Given Names'.",
        )
    _check_characters(field, None)  # as given: upper-casing turns ß, ı, ſ, ﬁ into A–Z
    field = upper
    if len(field) > _LONGEST_FIELD:
        raise MRZError(
            f"The MRZ name field has {len(field)} characters; it has at most {_LONGEST_FIELD}: give the "
            f"name field alone, pass the whole zone to parse_mrz(), or write the name as "
            "'SURNAME, Given Names'.",
        )
    return _name_from_field(
        field, source, whole=len(field) in NAME_FIELD_WIDTHS, first=1, line=None, fillers_seen=False
    )


def _check_characters(line: str, number: int | None) -> None:
    for index, char in enumerate(line):
        if char not in _MRZ_CHARACTERS:
            raise MRZError(
                f"The {_WHAT} holds {char!r} at {_place(number, index + 1)}: it is written only with "
                "the letters A–Z, the digits 0–9 and the filler '<'. Copy it as printed.",
            )


def _place(line: int | None, position: int) -> str:
    return f"line {line}, position {position}" if line is not None else f"position {position}"


def _split_run_together(line: str) -> list[str]:
    # A scanner that drops the line breaks gives one run of 88, 72 or 90 characters.
    for layout in DOCUMENT_LAYOUTS:
        if len(line) == layout.line_length * layout.line_count:
            size = layout.line_length
            return [line[start : start + size] for start in range(0, len(line), size)]
    return [line]


def _one_line(line: str) -> PassportName:
    layout = _upper_line_layout(line)
    if layout is not None:
        field = layout.name_field
        return _name_from_field(
            line[field.first - 1 : field.last],
            "mrz",
            whole=len(line) == layout.line_length,
            first=field.first,
            line=None,
            fillers_seen=False,
            state=_issuing_state(line, layout.issuing_state.read([line])),
        )
    if len(line) > _LONGEST_FIELD:
        raise MRZError(
            f"The {_WHAT} is one line of {len(line)} characters, which is neither a name field (at "
            f"most {_LONGEST_FIELD}) nor an upper line (44 or 36 characters, beginning with a document code "
            f"and issuing State such as 'P<UTO' or 'PPUTO'): give the whole zone ({_SHAPES}), the "
            "upper line alone, or the name field alone.",
        )
    return name_from_field(line, "mrz")


def _has_header(line: str) -> bool:
    """Whether *line* begins as an upper line does: a document code, then an issuing State.

    The code is a letter that begins one (P, A, C, I or V), then a letter or ``<``; the State
    is a letter, then letters, then fillers (``UTO``, ``D<<``): Part 3 §5, Parts 4–7 §4.2.2.
    """
    if len(line) < _HEADER_LENGTH or line[0] not in _CODE_LETTERS or line[1] not in _LETTERS | {FILLER}:
        return False
    state = line[2:_HEADER_LENGTH]
    return state[0] in _LETTERS and _LETTERS.issuperset(state.rstrip(FILLER))


def _upper_line_layout(line: str) -> Layout | None:
    """The format whose upper line *line* is; None for a name field; refused when it may be either.

    A line of an upper line's whole length with a code its format allows is that upper line
    (44: ``P…`` passport, ``V…`` visa; 36: ``A…``, ``C…``, ``I…`` TD2, ``V…`` visa), except
    that at 36 characters a code with a letter second (``ID``, ``CA``) may as well begin a
    36-character name field (``CARLSSON<<…``): refused. A shorter line is an upper line that
    lost its trailing fillers only with the passport codes ``P<`` and ``PP``; ``A<``, ``C<``,
    ``I<`` and ``V<`` there may begin a name field too, and are refused. Any other shortened
    line is a name field: ``PE`` and ``PO`` begin PETERSON and PORTER as well as passports.
    """
    if not _has_header(line):
        return None
    code = line[:2]
    for layout in UPPER_LINE_LAYOUTS:
        if layout.line_length == len(line) and code[0] in layout.code_letters:
            if code[1] == FILLER or len(line) > _LONGEST_FIELD:
                return layout
            raise MRZError(
                f"The {_WHAT} is one line of {len(line)} characters that may be the upper line of a "
                f"{layout.name} ({layout.description}) or a name field: give the whole zone "
                f"({_SHAPES}), or the name field whole, with its trailing fillers ({_LONGEST_FIELD} "
                "characters).",
            )
    if len(line) > _LONGEST_FIELD:
        return None
    if code in SHORTENED_LINE_CODES:
        return TD3
    if code[1] == FILLER:
        raise MRZError(
            f"The {_WHAT} is one line of {len(line)} characters that begins like the upper line of an "
            f"identity card or visa ('{code[0]}<' and an issuing State) but is shorter than one, so it "
            "may as well be a name field: give the whole zone, or the upper line whole with its "
            "trailing fillers.",
        )
    return None


def _layout_for(lines: Sequence[str]) -> Layout:
    lengths = tuple(len(line) for line in lines)
    for layout in DOCUMENT_LAYOUTS:
        if lengths == (layout.line_length,) * layout.line_count:
            if lines[0].startswith(VISA_CODE):
                return _visa_layout(layout)
            return layout
    shown = ", ".join(str(length) for length in lengths)
    raise MRZError(
        f"The {_WHAT} has {len(lines)} lines of {shown} characters; a zone has {_SHAPES}. "
        "Copy every line whole, one per line.",
    )


def _visa_layout(shape: Layout) -> Layout:
    """The visa format of *shape*'s lines; a visa has no 3-line format (Part 7: MRV-A, MRV-B)."""
    for visa in VISA_LAYOUTS:
        if (visa.line_length, visa.line_count) == (shape.line_length, shape.line_count):
            return visa
    shapes = " or ".join(f"{visa.line_count} lines of {visa.line_length}" for visa in VISA_LAYOUTS)
    raise MRZError(
        f"The {_WHAT} begins with the visa code 'V' but has the shape of a {shape.name} "
        f"({shape.description}); a visa's zone has {shapes} characters. Copy every line whole, "
        "as printed, one per line.",
    )


def _check_header(lines: Sequence[str], layout: Layout) -> None:
    # Line 1 begins with the document code (P<, PP, I<, …) and the issuing State: a check
    # that catches swapped lines before the name is read from the wrong place.
    code = layout.document_code.read(lines)
    state = layout.issuing_state.read(lines)
    if (
        code[0] not in _LETTERS
        or code[1] not in _LETTERS | {FILLER}
        or not _LETTERS.issuperset(state.replace(FILLER, ""))
    ):
        raise MRZError(
            f"Line 1 of the {_WHAT} begins {lines[0][:5]!r}, not with a document code and issuing "
            f"State (such as 'P<UTO' or 'PPUTO'): check that the lines are complete and in order.",
        )


def _check_digits(lines: Sequence[str], layout: Layout) -> None:
    _check_document_number(lines, layout)
    for checked in layout.other_checks:
        data = "".join(span.read(lines) for span in checked.data)
        found = checked.digit.read(lines)
        if found in checked.blank_digits and not data.strip(FILLER):
            continue
        _verify(checked.name, data, found, checked.digit)


def _check_document_number(lines: Sequence[str], layout: Layout) -> None:
    number, found, digit_span = document_number(lines, layout)
    if _belgian_long_number(lines, layout, number, found):
        return
    _verify(layout.document_number.name, number, found, digit_span)


def _belgian_long_number(lines: Sequence[str], layout: Layout, number: str, found: str) -> bool:
    """Whether an older Belgian identity card's long document number checks as Belgium computes it.

    ICAO 9303 Part 5 §4.2.4: a number over nine characters continues in the optional data, and
    its check digit covers the number alone. Older Belgian cards compute it over the number with
    the filler at position 15 included (the filler counts 0 but shifts the weights), so the
    ICAO computation fails on a genuine card. Accepted for Belgium only, and only that way.
    """
    overflow = layout.number_overflow
    if overflow is None or layout.issuing_state.read(lines) != "BEL" or len(number) <= _SHORT_NUMBER:
        return False
    with_filler = number[:_SHORT_NUMBER] + FILLER + number[_SHORT_NUMBER:]
    return found == str(check_digit(with_filler))


def _refuse_french_identity_card(lines: Sequence[str]) -> None:
    """Refuse the French national identity card issued before 2021: two lines of 36 that are not TD2.

    Its zone (``IDFRA``, the surname, then a six-digit office code on line 1; the card number,
    given names, birth date and sex on line 2) predates ICAO's layouts, so its fields are not
    where TD2 puts them, and its check digits would read as a misread zone.
    """
    first = lines[0]
    if (
        len(lines) == 2
        and all(len(line) == _FRENCH_LINE_LENGTH for line in lines)
        and first.startswith(_FRENCH_CARD_START)
        and any(char in digits for char in first[-_FRENCH_OFFICE_LENGTH:])
    ):
        raise MRZError(
            "This is the zone of a French national identity card issued before 2021, whose layout is "
            "not an ICAO one and is not supported: give the name as text instead, as the card prints "
            "it (for example 'MARTIN, Marie'), or use the passport's zone.",
            code=ErrorCode.MRZ_FORMAT,
            # The code's general sentence asks to copy the lines again, which cannot help here.
            message_zh="这是 2021 年以前签发的法国身份证的机读区，其格式不是国际民航组织（ICAO）规定的格式，"
            "暂不支持：请改为输入证件上印的姓名（如 MARTIN, Marie），或使用护照的机读区。",
        )


def document_number(lines: Sequence[str], layout: Layout) -> tuple[str, str, Span]:
    """The document number as the zone holds it (fillers kept), its check digit, and where that is.

    A number longer than nine characters continues in the optional data (TD1, TD2).
    """
    checked = layout.document_number
    number = "".join(span.read(lines) for span in checked.data)
    digit_span = checked.digit
    found = digit_span.read(lines)
    overflow = layout.number_overflow
    if found == FILLER and overflow is not None:
        # A number longer than nine characters: the rest, then its check digit, open the
        # optional data; the digit covers the whole number.
        rest = overflow.read(lines).split(FILLER, 1)[0]
        if len(rest) < 2:
            raise MRZError(
                f"The document number's check digit ({_place(digit_span.line, digit_span.first)}) is "
                f"'<', which means the number continues at {_place(overflow.line, overflow.first)}, "
                "but no continuation and check digit follow there: the zone was misread.",
                code=ErrorCode.MRZ_CHECK_DIGIT,
            )
        number += rest[:-1]
        found = rest[-1]
        position = overflow.first + len(rest) - 1
        digit_span = Span(overflow.line, position, position)
    return number, found, digit_span


def _verify(field: str, data: str, found: str, where: Span) -> None:
    expected = check_digit(data)
    if found != str(expected):
        raise MRZError(
            # The field's characters stay out of the message: they are personal data.
            f"The {field} check digit ({_place(where.line, where.first)}) is {found!r}, but the "
            f"{field} gives {expected}: the zone was misread or altered. Scan it again, or copy "
            "it exactly as printed.",
            code=ErrorCode.MRZ_CHECK_DIGIT,
        )


def _name_from_field(
    field: str,
    source: NameSource,
    *,
    whole: bool,
    first: int,
    line: int | None,
    fillers_seen: bool,
    state: str | None = None,
) -> PassportName:
    """Split an upper-cased name field into surname and given names (Part 3 §4.6).

    *first* is the field's position in its line (*line*, None for text given as one line);
    *whole* says the field is filled to its format's width. Two shapes are refused because
    the filler ``<`` read as a letter gives them, and no check digit covers the name:

    - a name ending in three or more of one letter, where the fillers belong, unless that
      run is a given name of its own and a generational suffix (``DOE<<JOHN<III``);
    - a whole field with no filler at all, unless *fillers_seen* (the zone's other lines
      read their fillers as ``<``). Only a one-part name of at least the field's width is
      written so (Part 4 §4.2.2.1: a lone primary identifier is cut to end in a letter; any
      other name holds a ``<``), and such a name is possibly truncated, so its full form must
      come from the data page anyway.
    """
    for index, char in enumerate(field):
        if char in digits:
            raise MRZError(
                f"The MRZ name field holds the digit {char!r} at {_place(line, first + index)}: names "
                "hold only letters and '<'. Give the whole zone, its upper line, or the name field.",
            )
    name = field.rstrip(FILLER)
    if not name:
        raise MRZError(
            f"The MRZ name field{'' if line is None else f' (line {line})'} holds no name: copy the zone "
            "exactly as printed (the name field reads SURNAME<<GIVEN<NAMES)."
        )
    run = _trailing_run(name)
    if run >= _MISREAD_FILLER_RUN and not _ends_in_suffix(name, run):
        letter = name[-1]
        raise MRZError(
            f"The MRZ name field ends in a run of {run} {letter!r} from "
            f"{_place(line, first + len(name) - run)}, where its fillers belong: the filler '<' was "
            f"probably read as {letter!r}. Check the fillers against the document and paste the "
            "lines whole, as printed.",
        )
    if whole and FILLER not in field and not fillers_seen:
        raise MRZError(
            f"The MRZ name field fills all {len(field)} positions without a single filler '<'. Only a "
            f"one-part name of {len(field)} letters or more is written so, and a scanner that reads "
            "'<' as a letter gives the same: check the fillers, or give the whole zone. If the "
            "passport does print such a name, take it from the data page (PassportName).",
        )
    primary, _, secondary = name.partition(IDENTIFIER_SEPARATOR)
    # Inside an identifier components are one filler apart; a longer run is not ICAO's.
    for part, offset in ((primary, 0), (secondary, len(primary) + len(IDENTIFIER_SEPARATOR))):
        stray = _stray_filler(part)
        if stray is not None:
            raise MRZError(
                f"The MRZ name field has a run of fillers at {_place(line, first + offset + stray)}: "
                "'<<' separates surname from given names once, and one '<' separates the parts "
                "of each. Copy the field as printed.",
            )
    return build_name(
        primary.replace(FILLER, " "),
        secondary.replace(FILLER, " "),
        source=source,
        possibly_truncated=whole and name == field,
        issuing_state=state,
    )


def _trailing_run(name: str) -> int:
    """How many times *name*'s last character repeats at its end."""
    count = 0
    for char in reversed(name):
        if char != name[-1]:
            break
        count += 1
    return count


def _ends_in_suffix(name: str, run: int) -> bool:
    """Whether *name*'s last *run* letters are a generational suffix after a given name.

    ``DOE<<JOHN<III``: a whole word, one filler after another given name, where ICAO puts a
    suffix the State prints (Part 3 §4.6). Not ``DOEIII`` (part of a word) nor ``DOE<<III``
    (no given name before it: the shape of fillers misread after the separator).
    """
    before = name[: len(name) - run]
    return (
        before.endswith(FILLER)
        and not before.endswith(IDENTIFIER_SEPARATOR)
        and IDENTIFIER_SEPARATOR in before
        and affix_kind(name[-run:]) == "generational"
    )


def _stray_filler(identifier: str) -> int | None:
    """Index of a filler that does not sit between two letters, or None."""
    for index, char in enumerate(identifier):
        if char == FILLER and (index == 0 or index == len(identifier) - 1 or identifier[index + 1] == FILLER):
            return index
    return None
