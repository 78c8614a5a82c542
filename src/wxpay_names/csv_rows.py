"""Reading a CSV file strictly, row by row, without losing or inventing a row (``StrictRows``).

The csv module's strict reader refuses a quote closed inside a cell (``"DOE"x``), where the
lenient one reads the text ``DOEx``, and a quote never closed, where the lenient one reads
every later line into one cell. The batch and ``wxpay-names learn`` report such a row as
refused; this module keeps what they need to do so: the lines of the row being read, and
where a refused row ends.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from typing import Any


class RecordedLines:
    """The source's lines for a strict ``csv.reader``, keeping those of the row being read
    (``row``; the caller empties it before each row).

    ``taken`` counts the lines refused rows took past where the strict reader stopped: its
    ``line_num`` misses them, so a line of the file is ``reader.line_num + taken``.
    ``refused_at`` is the line the last refused row went wrong on.
    """

    __slots__ = ("_lines", "refused_at", "row", "taken")

    def __init__(self, source: Iterable[str]) -> None:
        self._lines = iter(source)
        self.row: list[str] = []
        self.taken = 0
        self.refused_at = 0

    def __iter__(self) -> RecordedLines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.row.append(line)
        return line

    def refused_row(self, line_num: int) -> str | None:
        """The whole text of the row the strict reader just refused at its *line_num*, with
        the lines a quote opened in it still holds (``"DOE"x,"San⏎More",ICBC``: the strict
        reader stops at ``"DOE"x`` and would go on at ``More",ICBC`` as a row of its own);
        ``None`` when that quote is never closed.

        A lenient reader says where the row ends: it reads it as the strict one does up to
        where that one stopped, and asks for another line only while inside a quote.
        """
        self.refused_at = line_num + self.taken
        ended = False

        def row_lines() -> Iterator[str]:
            nonlocal ended
            yield from self.row
            for line in self._lines:
                self.row.append(line)
                self.taken += 1
                yield line
            ended = True  # asked for a line past the last: the quote is still open

        try:
            next(csv.reader(row_lines()), None)
        except csv.Error:
            # A cell past the field limit: a quote that holds so many lines is taken as never
            # closed (reading on from inside it would make rows of its lines, or lose them).
            return None
        return None if ended else "".join(self.row)


# Stands for a row with a cell over the csv module's field limit: its cells were not read.
OVERSIZED: list[str] = ["<oversized>"]
# Stands for a row refused as not valid CSV ("DOE"x: a quote closed inside a cell).
REFUSED: list[str] = ["<refused>"]
# Spaces between a closing quote and the comma or the line's end ("ZHANG" ,San): what the
# lenient reader took, and the strict one refuses.
_SPACES_AFTER_QUOTE = re.compile(r'"[ \t]+(?=,|\r?\n|\r|$)')


class OpenQuoteError(Exception):
    """A quote opened at *line* is never closed: every later line would be one cell."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class StrictRows:
    """The rows of a CSV source read strictly, none lost, none made up.

    ``reader`` reads the header first; iterating gives each later row's cells, or
    ``OVERSIZED`` or ``REFUSED`` for a row that could not be read (``refused_at`` is the line
    it went wrong on), and raises :class:`OpenQuoteError` for a quote never closed. A row
    refused only for spaces after a closing quote is read as the lenient reader read it.
    ``line`` is the last line read, counting the lines a refused row took. (An oversized row
    whose cell is quoted over several lines leaves its later lines to be read as rows: only
    past the field limit, far beyond any file of names.)
    """

    def __init__(self, source: Iterable[str]) -> None:
        self.lines = RecordedLines(source)
        self.reader: Any = csv.reader(self.lines, strict=True)  # _csv.Reader is private to typeshed

    @property
    def line(self) -> int:
        return int(self.reader.line_num) + self.lines.taken

    @property
    def refused_at(self) -> int:
        return self.lines.refused_at

    def __iter__(self) -> Iterator[list[str]]:
        lines, reader = self.lines, self.reader
        row_starts = self.line + 1
        while True:
            lines.row = []
            try:
                cells: list[str] = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                said = str(error)
                if "unexpected end of data" in said:
                    raise OpenQuoteError(row_starts) from None
                if "line contains NUL" in said:
                    raise
                if "field larger than field limit" in said:
                    cells = OVERSIZED
                else:
                    raw = lines.refused_row(reader.line_num)
                    if raw is None:
                        raise OpenQuoteError(row_starts) from None
                    cells = _read_again(raw) or REFUSED
            row_starts = self.line + 1
            yield cells


def _read_again(raw: str) -> list[str] | None:
    """The cells of a refused row whose only fault is spaces after a closing quote, else ``None``."""
    fixed = _SPACES_AFTER_QUOTE.sub('"', raw)
    if fixed == raw:
        return None
    try:
        rows = list(csv.reader(io.StringIO(fixed, newline=""), strict=True))
    except csv.Error:
        return None
    return rows[0] if len(rows) == 1 else None
