"""Where a Chinese surname ends, and how it reads: ``data/surnames.csv`` by longest match.

The table holds the compound surnames (欧阳, 司马), which decide where the surname ends, and
the characters whose surname reading is not pypinyin's reading of the character alone
(曾 ZENG, 单 SHAN), in simplified and traditional forms, with a second reading where a
surname has two (覃 QIN, TAN). Surnames it does not hold are read by pypinyin.
``data/single_surnames.csv`` says which single characters are surnames at all: the one
after a hyphen must be one (else the name is refused), and ``reading_notes`` says a
surname neither file holds.
"""

from __future__ import annotations

import csv
from functools import cache

from ..errors import ErrorCode, InvalidNameError
from ..resources import data_text
from .chinese_text import misplaced_hyphen
from .pinyin_reading import Syllables

Readings = tuple[Syllables, ...]  # the readings of one piece of a surname, the usual one first
Piece = tuple[str, Readings]  # characters, and their readings from the table (none: pypinyin reads them)


class _SurnameTable:
    # A plain class: a dataclass costs most of a millisecond at ``import wxpay_names``.
    __slots__ = ("longest", "readings")

    def __init__(self, readings: dict[str, Readings]) -> None:
        self.readings = readings  # simplified and traditional forms alike
        self.longest = max(map(len, readings))


@cache
def _surname_table() -> _SurnameTable:
    """``data/surnames.csv``, read once on first use (its evidence columns are for people)."""
    readings: dict[str, Readings] = {}
    for row in csv.DictReader(data_text("surnames.csv")):
        others = (other for other in row["other_readings"].split("|") if other)
        found = tuple(tuple(reading.split()) for reading in (row["reading"], *others))
        for form in (row["surname"], *row["traditional"].split("|")):
            readings.setdefault(form, found)
    return _SurnameTable(readings)


def longest_surname(text: str, position: int) -> Piece | None:
    """The longest surname of the table starting at ``position``, if any."""
    table = _surname_table()
    for size in range(min(table.longest, len(text) - position), 0, -1):
        form = text[position : position + size]
        readings = table.readings.get(form)
        if readings:
            return form, readings
    return None


def split_surnames(text: str) -> tuple[list[list[Piece]], str]:
    """Surnames by longest match at the start, another after each hyphen; the rest is given."""
    units: list[list[Piece]] = []
    position = 0
    while True:
        if position >= len(text) or text[position] == "-":
            raise misplaced_hyphen()
        piece = longest_surname(text, position) or (text[position], ())
        units.append([piece])
        position += len(piece[0])
        if not text.startswith("-", position):
            return units, text[position:]
        position += 1


def refuse_unknown_second_surname(text: str) -> None:
    """Refuse a typed name whose hyphen is followed by no surname the data knows (欧阳-娜娜).

    A hyphen joins the two surnames of a 双姓 (郑-李小明), and is read so; but a person may type
    one between surname and given name, which would read the first given character as a
    second surname (OUYANGNA NA), a wrong answer given without a word. The character after
    the hyphen must be a surname of ``data/surnames.csv`` or ``data/single_surnames.csv``;
    otherwise the name is refused, saying both ways to give it. A name whose split is given
    with a space (``欧阳-娜 娜``) is read as given, never refused here, nor is a 双姓 with no
    given name after it (``张-三``): that is how a surname given alone is kept (``surname_alone``),
    to be read again as it was given.
    """
    units, given = split_surnames(text)
    if not given:
        return
    start = len(units[0][0][0])  # where the hyphen before the unit stands
    for unit in units[1:]:
        chars, readings = unit[0]
        if readings or is_listed_surname(chars):
            start += 1 + len(chars)
            continue
        # Split at the hyphen before this surname (张-欧阳-娜娜: 张-欧阳 娜娜), not the first one.
        before, after = text[:start], text[start + 1 :]
        rest = after[len(chars) :]
        raise InvalidNameError(
            f"A hyphen in a Chinese name joins the two surnames of a double surname (双姓, e.g. "
            f"郑-李小明), but {chars}, after it, is not a surname the data holds. To split the "
            f"surname from the given name, use a space: {before} {after}. If {chars} is a surname "
            f"too, put a space after it: {before}-{chars} {rest}.",
            code=ErrorCode.INVALID_CHARACTER,
            message_zh=f"中文姓名中的连字符用来连接双姓（如郑-李小明），但连字符后的“{chars}”不在数据收录的"
            f"姓氏中。如果是想分开姓和名，请改用空格：{before} {after}；如果“{chars}”确实也是姓，"
            f"请在它后面加一个空格：{before}-{chars} {rest}。",
        )


def is_listed_surname(char: str) -> bool:
    """Whether *char* is a surname of ``data/surnames.csv`` or ``data/single_surnames.csv``."""
    return char in _surname_table().readings or char in _single_surnames()


@cache
def _single_surnames() -> frozenset[str]:
    """``data/single_surnames.csv``: characters known as surnames, simplified and traditional."""
    forms: set[str] = set()
    for row in csv.DictReader(data_text("single_surnames.csv")):
        forms.add(row["surname"])
        forms.update(form for form in row["traditional"].split("|") if form)
    return frozenset(forms)


def explicit_surnames(surname_text: str) -> list[list[Piece]]:
    """A surname given apart from the given name: each of its hyphen parts, in pieces.

    A surname of two characters the table does not hold as one compound (赵李, not 欧阳) is
    two single surnames side by side, a 双姓 (GB/T 28039-2011 §3.3).
    """
    parts = surname_text.split("-")
    if not all(parts):
        raise misplaced_hyphen()
    if len(parts) == 1 and len(surname_text) == 2:
        compound = longest_surname(surname_text, 0)
        if compound is None or len(compound[0]) < 2:
            parts = list(surname_text)
    return [_pieces(part) for part in parts]


def surname_alone(surname_text: str) -> str:
    """A text that reads as *surname_text* given as a surname, with no given name after it.

    The surnames apart are joined by a hyphen (赵李 → ``赵-李``), so that the text, read
    again, keeps the split given (a name's ``chinese`` holds it). A surname that reads
    otherwise alone (单于飞: 单于 and the given name 飞) gets a trailing space, which reads
    it whole; the name does not keep that space (validation, and so a JSON round trip, would
    drop it): its empty given names say it when the characters are read again.
    """
    units = explicit_surnames(surname_text)
    written = "-".join("".join(chars for chars, _ in unit) for unit in units)
    return written if split_surnames(written) == (units, "") else surname_text + " "


def _pieces(surname: str) -> list[Piece]:
    """Table forms where they occur, runs of other characters between."""
    pieces: list[Piece] = []
    position = 0
    run_start: int | None = None  # where a run of characters the table does not know began
    while position < len(surname):
        known = longest_surname(surname, position)
        if known:
            if run_start is not None:
                pieces.append((surname[run_start:position], ()))
                run_start = None
            pieces.append(known)
            position += len(known[0])
        else:
            run_start = position if run_start is None else run_start
            position += 1
    if run_start is not None:
        pieces.append((surname[run_start:], ()))
    return pieces
