"""Reading a CSV file strictly, row by row, without losing or inventing a row.

The csv module's strict reader refuses a quote closed inside a cell (``"DOE"x``), where the
lenient one reads the text ``DOEx``, and a quote never closed, where the lenient one reads
every later line into one cell. The batch and ``wxpay-names learn`` report such a row as
refused; this module keeps what they need to do so: the lines of the row being read, and
where a refused row ends.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator


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
