"""Where each field sits in a machine-readable zone, one constant per document format.

Positions are written as ICAO Doc 9303 numbers them (line 1, 2 or 3; character positions
counted from 1, both ends included), so each constant can be read against the standard's
tables: TD3 in Part 4 §4.2.2, MRV-A and MRV-B in Part 7, TD1 in Part 5 and TD2 in Part 6.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """Character positions ``first`` to ``last`` (from 1, inclusive) of MRZ line ``line`` (from 1)."""

    line: int
    first: int
    last: int

    @property
    def width(self) -> int:
        return self.last - self.first + 1

    def read(self, lines: Sequence[str]) -> str:
        return lines[self.line - 1][self.first - 1 : self.last]


@dataclass(frozen=True, slots=True)
class CheckedField:
    """A field covered by a check digit (ICAO 9303 Part 3 §4.9, weights 7-3-1).

    ``blank_digits`` are the digits besides the computed one that a field made only of
    fillers may carry: the TD3 personal number's digit may then be ``<`` or ``0``.
    """

    name: str
    data: tuple[Span, ...]
    digit: Span
    blank_digits: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Layout:
    """One document format: its line shape and where the fields the library checks sit.

    ``number_overflow`` is where a document number longer than nine characters continues,
    followed by its check digit, when the nine-character field's check digit is ``<``
    (TD1: Part 5 §4.2.2; TD2: Part 6 §4.2.2). ``code_letters`` are the letters its document
    code may begin with.
    """

    name: str
    description: str
    code_letters: str
    line_length: int
    line_count: int
    document_code: Span
    issuing_state: Span
    name_field: Span
    document_number: CheckedField
    number_overflow: Span | None
    other_checks: tuple[CheckedField, ...]


def _digit(line: int, position: int) -> Span:
    return Span(line, position, position)


_PERSONAL_NUMBER_BLANKS = frozenset("<0")

# The first letter of a document code: P for a passport (Part 4 §4.2.2), A, C or I for a TD1
# or TD2 document (Parts 5 and 6 §4.2.2.3, note k), V for a visa (Part 7 §4.2.2).
PASSPORT_CODE = "P"
CARD_CODES = "ACI"
VISA_CODE = "V"

TD3 = Layout(
    name="TD3",
    description="passport, 2 lines of 44 characters",
    code_letters=PASSPORT_CODE,
    line_length=44,
    line_count=2,
    document_code=Span(1, 1, 2),
    issuing_state=Span(1, 3, 5),
    name_field=Span(1, 6, 44),
    document_number=CheckedField("document number", (Span(2, 1, 9),), _digit(2, 10)),
    number_overflow=None,
    other_checks=(
        CheckedField("date of birth", (Span(2, 14, 19),), _digit(2, 20)),
        CheckedField("date of expiry", (Span(2, 22, 27),), _digit(2, 28)),
        CheckedField("personal number", (Span(2, 29, 42),), _digit(2, 43), _PERSONAL_NUMBER_BLANKS),
        CheckedField("composite", (Span(2, 1, 10), Span(2, 14, 20), Span(2, 22, 43)), _digit(2, 44)),
    ),
)

TD2 = Layout(
    name="TD2",
    description="travel document, 2 lines of 36 characters",
    code_letters=CARD_CODES,
    line_length=36,
    line_count=2,
    document_code=Span(1, 1, 2),
    issuing_state=Span(1, 3, 5),
    name_field=Span(1, 6, 36),
    document_number=CheckedField("document number", (Span(2, 1, 9),), _digit(2, 10)),
    number_overflow=Span(2, 29, 35),
    other_checks=(
        CheckedField("date of birth", (Span(2, 14, 19),), _digit(2, 20)),
        CheckedField("date of expiry", (Span(2, 22, 27),), _digit(2, 28)),
        CheckedField("composite", (Span(2, 1, 10), Span(2, 14, 20), Span(2, 22, 35)), _digit(2, 36)),
    ),
)

TD1 = Layout(
    name="TD1",
    description="identity card, 3 lines of 30 characters",
    code_letters=CARD_CODES,
    line_length=30,
    line_count=3,
    document_code=Span(1, 1, 2),
    issuing_state=Span(1, 3, 5),
    name_field=Span(3, 1, 30),
    document_number=CheckedField("document number", (Span(1, 6, 14),), _digit(1, 15)),
    number_overflow=Span(1, 16, 30),
    other_checks=(
        CheckedField("date of birth", (Span(2, 1, 6),), _digit(2, 7)),
        CheckedField("date of expiry", (Span(2, 9, 14),), _digit(2, 15)),
        CheckedField(
            "composite", (Span(1, 6, 30), Span(2, 1, 7), Span(2, 9, 15), Span(2, 19, 29)), _digit(2, 30)
        ),
    ),
)

# Visas (Part 7) share the passport shapes but carry no personal-number or composite
# digit: reading one as a TD3 or TD2 would report a wrong digit that is not there.
MRV_A = Layout(
    name="MRV-A",
    description="visa, 2 lines of 44 characters",
    code_letters=VISA_CODE,
    line_length=44,
    line_count=2,
    document_code=Span(1, 1, 2),
    issuing_state=Span(1, 3, 5),
    name_field=Span(1, 6, 44),
    document_number=TD3.document_number,
    number_overflow=None,
    other_checks=TD3.other_checks[:2],
)

MRV_B = Layout(
    name="MRV-B",
    description="visa, 2 lines of 36 characters",
    code_letters=VISA_CODE,
    line_length=36,
    line_count=2,
    document_code=Span(1, 1, 2),
    issuing_state=Span(1, 3, 5),
    name_field=Span(1, 6, 36),
    document_number=TD2.document_number,
    number_overflow=None,
    other_checks=TD2.other_checks[:2],
)

DOCUMENT_LAYOUTS = (TD3, TD2, TD1)
VISA_LAYOUTS = (MRV_A, MRV_B)
# The formats whose upper line holds the name, so that the line can be given alone.
UPPER_LINE_LAYOUTS = tuple(
    layout for layout in (*DOCUMENT_LAYOUTS, *VISA_LAYOUTS) if layout.name_field.line == 1
)

# The passport codes recognised on an upper line that lost its trailing fillers: the old
# ``P<`` and the ordinary passport's ``PP`` (Part 4 §4.4, Amendment 2: every passport carries
# a second letter from 2028). The other codes cannot be told from a name's first letters once
# the line is short: ``PE`` (emergency) and ``PO`` (official) begin PETERSON and PORTER.
SHORTENED_LINE_CODES = frozenset({"P<", "PP"})

# A name field filled to its last position may have been truncated (Part 4 §4.2.3).
NAME_FIELD_WIDTHS = frozenset(layout.name_field.width for layout in DOCUMENT_LAYOUTS)
