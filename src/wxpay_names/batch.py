"""``wxpay-names batch``: a CSV of names to a CSV of results, row by row, in constant memory.

One output row per input row and bank, in input order. A row that cannot be used gets its
reason in the ``error`` column and the run goes on; only a file that cannot be read as a
table of names (no header, none of the name columns) stops it. Written to a file, the
output appears under its name only when the run has finished (see :func:`write_atomically`).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .candidates import format_name, rank_one_text
from .check import check_name
from .cleaning import MAX_INPUT_LENGTH
from .cli_render import error_message
from .csv_rows import OVERSIZED, REFUSED, OpenQuoteError, StrictRows
from .errors import ErrorCode, InvalidNameError, NameFormatError, open_quote
from .file_writing import written_whole
from .front_names import NameKind, read_name
from .front_wording import Lang
from .messages import FILE_ERRORS_ZH
from .models import Bank, PassportName, build_name
from .name_forms import spellings
from .registry import not_utf8, not_utf8_zh
from .spelling import Spelling

if TYPE_CHECKING:
    from .observations import Observations

NAME_COLUMNS = ("surname", "given_names", "mrz", "chinese", "name")
RESULT_COLUMNS = ("bank", "expected", "status", "problems", "error")
# Distinct bank cells remembered; a file naming a new bank on every row must not grow memory.
_BANK_CACHE_SIZE = 1024
_PROGRESS_STEP = 4096
# The columns read by a parser when surname and given_names are empty, in the order tried.
_TEXT_COLUMNS: tuple[tuple[str, NameKind], ...] = (("mrz", "mrz"), ("chinese", "chinese"), ("name", "text"))
# The error code of a row whose cells do not fit the header, or that gives the name two ways
# that differ (not a name error: no ErrorCode).
ROW_FORMAT = "ROW_FORMAT"
# The input is decoded with surrogateescape: a byte that is not UTF-8 becomes one of these.
_ESCAPED = re.compile("[\udc80-\udcff]")
_FIELDS = "surname and given_names"
_COUNTS = {2: "two", 3: "three", 4: "four"}


class _RowError(Exception):
    """The row's cells do not fit the file's rules; the message says why (code ``ROW_FORMAT``)."""


def _words(spelling: Spelling) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return spelling.surname, tuple(word for given in spelling.given for word in given)


class BatchFileError(Exception):
    """The input cannot be read as a table of names; the message says why, on one line.

    *zh_key* picks the Chinese lead of the line (``messages.FILE_ERRORS_ZH``); the English
    message, which names the file, line or the system's reason, follows it as the details.
    """

    code = "BATCH_FILE"  # the command line's error code

    def __init__(self, message: str, zh_key: str) -> None:
        super().__init__(message)
        self.zh_key = zh_key

    def said(self, lang: Lang) -> str:
        if lang != "zh":
            return str(self)
        return f"{FILE_ERRORS_ZH[self.zh_key]}详情（英文）：{self}"


class OutputFileError(BatchFileError):
    """The output named by ``-o`` cannot be written (a folder, no such folder, no permission)."""

    code = "OUTPUT"


@dataclass(slots=True)
class BatchSummary:
    """What a run did: rows read, rows written, rows with an error, checked rows that did not match."""

    rows_in: int = 0
    rows_out: int = 0
    errors: int = 0
    not_matched: int = 0

    @property
    def all_good(self) -> bool:
        return self.errors == 0 and self.not_matched == 0


# One output row's results: bank cell, expected, status, problem codes, (error code, message) or None.
Result = tuple[str, str, str, tuple[str, ...], tuple[str, str] | None]


@dataclass(slots=True)
class _Columns:
    """Where the name, bank and entered cells are in an input row."""

    header: list[str]
    index: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_header(cls, header: list[str], source: str) -> _Columns:
        columns = cls(header)
        for position, cell in enumerate(header):
            # A byte-order mark the decoding left (a file saved twice with one) is no letter of the name.
            key = cell.replace("\ufeff", "").strip().lower()
            if key in (*NAME_COLUMNS, "bank", "entered", *RESULT_COLUMNS):
                if key in columns.index:
                    raise BatchFileError(
                        f"{source}: the column {key!r} appears twice in the header.", "batch_duplicate_column"
                    )
                columns.index[key] = position
        if not any(name in columns.index for name in NAME_COLUMNS):
            raise BatchFileError(
                f"{source}: the header names none of the name columns "
                f"({', '.join(NAME_COLUMNS)}); the first line must name the columns." + _header_hint(header),
                "batch_no_name_column",
            )
        return columns


def _header_hint(header: Sequence[str]) -> str:
    """Why a header that names the columns may not seem to: another separator, another encoding."""
    text = ",".join(header)
    if "\x00" in text or "\ufffd" in text or any("\udc80" <= char <= "\udcff" for char in text):
        return " The file does not look like UTF-8 text (UTF-16?): save it as CSV in UTF-8."
    for separator, said in ((";", "semicolons"), ("\t", "tabs"), ("|", "'|'")):
        if len(header) == 1 and separator in text:
            return f" Its columns look separated by {said}: save it as CSV with commas."
    return ""


class RowChecker:
    """Turns one input row into its results, one per bank; keeps bank look-ups cached."""

    def __init__(
        self,
        columns: _Columns,
        default_banks: Sequence[Bank],
        find_bank: Callable[[str], Bank],
        lang: Lang,
        observations: Observations | None = None,
    ) -> None:
        self.columns = columns
        self.observations = observations
        self.default_banks = tuple(default_banks)
        self.find_bank = find_bank
        self.lang = lang
        self._banks: dict[str, Bank | NameFormatError] = {}
        # Positions looked up once: this runs for every row.
        index = columns.index
        self._width = len(columns.header)
        self._surname_at, self._given_at = index.get("surname"), index.get("given_names")
        self._fields = self._surname_at is not None or self._given_at is not None
        self._texts: list[tuple[str, int, NameKind]] = [
            (column, index[column], kind) for column, kind in _TEXT_COLUMNS if column in index
        ]
        self._bank_at, self._entered_at = index.get("bank"), index.get("entered")
        # The cells a row's results are read from: a byte that is not UTF-8 in one fails the row.
        self._read_cells = [
            (column, index[column]) for column in (*NAME_COLUMNS, "bank", "entered") if column in index
        ]

    def results(self, cells: list[str]) -> list[Result]:
        """The results of one row, whose cells number at most the header's (short rows are padded)."""
        if len(cells) > self._width:
            message = f"The row has {len(cells)} cells; the header has {self._width}."
            return self._failed(cells, (ROW_FORMAT, message))
        for column, position in self._read_cells:
            cell = cells[position]
            escaped = None if cell.isascii() else _ESCAPED.search(cell)
            if escaped is not None:
                return self._failed(cells, self._not_utf8(column, escaped.group()))
        try:
            name = self._name(cells)
        except Exception as error:
            return self._failed(cells, self._describe(error))
        bank_cell = "" if self._bank_at is None else cells[self._bank_at].strip()
        if not bank_cell:
            if not self.default_banks:
                return [("", "", "", (), self._no_bank())]
            return [self._result(cells, name, bank) for bank in self.default_banks]
        found = self._bank(bank_cell)
        if isinstance(found, Bank):
            return [self._result(cells, name, found)]
        return [(bank_cell, "", "", (), self._describe(found))]

    def oversized(self) -> list[Result]:
        """The results of a row with a cell too long for the csv module to read (not read)."""
        limit = csv.field_size_limit()
        if self.lang == "zh":
            message = (
                f"该行有单元格超过 {limit} 个字符，远超姓名的长度（姓名最多读取 {MAX_INPUT_LENGTH} 个字符）："
                "未读取该行。"
            )
        else:
            message = (
                f"A cell of this row is longer than {limit:,} characters, far beyond any name (at most "
                f"{MAX_INPUT_LENGTH} are read): the row was not read."
            )
        # Its bank cell was not read either: one row, naming no bank.
        return [("", "", "", (), (str(ErrorCode.TOO_LONG), message))]

    def malformed(self, line: int) -> list[Result]:
        """The results of a row the csv module refused (a quote closed inside a cell; not read)."""
        if self.lang == "zh":
            message = (
                f'第 {line} 行不是有效的 CSV：单元格中间有引号（如 "DOE"x）：未读取该行。'
                "请把整个单元格放在引号内（其中的引号写两次），或删除该引号。"
            )
        else:
            message = (
                f'Line {line} is not valid CSV: a quote closes inside a cell (such as "DOE"x), so the '
                "row was not read. Quote the whole cell (doubling a quote inside it), or remove the quote."
            )
        return [("", "", "", (), (ROW_FORMAT, message))]

    def _name(self, cells: list[str]) -> PassportName:
        filled: list[tuple[str, NameKind, str, str]] = []  # column(s), kind, text, given names
        if self._fields:
            surname = "" if self._surname_at is None else cells[self._surname_at]
            given = "" if self._given_at is None else cells[self._given_at]
            if surname.strip() or given.strip():
                if not self._texts:  # most files: the name in its two fields, and no other way
                    return build_name(surname, given)
                filled.append((_FIELDS, "fields", surname, given))
        for column, position, kind in self._texts:
            text = cells[position]
            if text and not text.isspace():
                filled.append((column, kind, text, ""))
        if not filled:
            raise InvalidNameError(
                f"The row has no name: fill {self._name_columns(' or ')}.", code=ErrorCode.EMPTY_NAME
            )
        if len(filled) == 1:  # nearly every row: no second reading to compare
            _, kind, text, given = filled[0]
            return read_name(kind, text, given)
        return self._one_name(filled)

    def _one_name(self, filled: list[tuple[str, NameKind, str, str]]) -> PassportName:
        """The first of several ways the row gives the name, when every way reads as that name."""
        names: list[PassportName] = []
        for _, kind, text, given in filled:
            try:
                names.append(read_name(kind, text, given))
            except NameFormatError:
                names = []  # a way that cannot be read is no name the others agree with
                break
        # Compared by spelling, so "Müller" agrees with the MRZ's "MUELLER" and 张三 with "Zhang San".
        keys = [{_words(spelling) for spelling in spellings(name)} for name in names]
        if keys and all(keys[0] & other for other in keys[1:]):
            return names[0]
        columns = ", ".join(column for column, *_ in filled)
        count = _COUNTS.get(len(filled), str(len(filled)))
        if self.lang == "zh":
            listed = _in_chinese("、".join(column for column, *_ in filled))
            # The ways to choose from: "surname 加 given_names，或 chinese，或 name".
            ways = self._name_columns("，或 ").replace(_FIELDS, "surname 加 given_names")
            message = (
                f"该行用 {len(filled)} 种方式填写了姓名（{listed}），但它们不是同一个姓名："
                f"请只填写其中一种（{ways}）。"
            )
        else:
            message = (
                f"The row gives the name {count} ways ({columns}) that are not the same name: "
                f"use one of {self._name_columns(', ', ' or ')}."
            )
        raise _RowError(message)

    def _name_columns(self, separator: str, last: str | None = None) -> str:
        present = [column for column in NAME_COLUMNS[2:] if column in self.columns.index]
        if "surname" in self.columns.index or "given_names" in self.columns.index:
            present.insert(0, _FIELDS)
        if last is None or len(present) < 2:
            return separator.join(present)
        return separator.join(present[:-1]) + last + present[-1]

    def _bank(self, cell: str) -> Bank | NameFormatError:
        found = self._banks.get(cell)
        if found is None:
            try:
                found = self.find_bank(cell)
            except NameFormatError as error:
                found = error.with_traceback(None)  # kept for the next row: keep no frames alive
            if len(self._banks) >= _BANK_CACHE_SIZE:
                self._banks.clear()
            self._banks[cell] = found
        return found

    def _result(self, cells: list[str], name: PassportName, bank: Bank) -> Result:
        entered = None if self._entered_at is None else cells[self._entered_at]
        try:
            if self.observations is None:  # the call without the keyword is today's, exactly
                if not entered:  # most rows: the text to type, and nothing to check
                    return (bank.code, rank_one_text(name, bank), "", (), None)
                check = check_name(entered, name, bank)
            elif entered:
                check = check_name(entered, name, bank, observations=self.observations)
            else:
                return (bank.code, format_name(name, bank, observations=self.observations), "", (), None)
            return (bank.code, check.expected, check.status, tuple(p.code for p in check.problems), None)
        except Exception as error:
            return (bank.code, "", "", (), self._describe(error))

    def _failed(self, cells: list[str], described: tuple[str, str]) -> list[Result]:
        bank_cell = "" if self._bank_at is None else cells[self._bank_at].strip()
        if bank_cell and not bank_cell.isascii() and _ESCAPED.search(bank_cell):
            # A byte that is not UTF-8 is written back as it came: the cell is not read as a bank.
            return [(bank_cell, "", "", (), described)]
        if bank_cell:
            found = self._bank(bank_cell)
            return [(found.code if isinstance(found, Bank) else bank_cell, "", "", (), described)]
        # No default bank: the row's own error, on one row, rather than no row at all.
        return [(bank.code, "", "", (), described) for bank in self.default_banks] or [
            ("", "", "", (), described)
        ]

    def _not_utf8(self, column: str, escaped: str) -> tuple[str, str]:
        """The row's error when a cell holds a byte that is not UTF-8 (as the bank file loader says it).

        Read as a name, the byte would be refused as a character no name holds (``U+DCFC
        SURROGATE``), which the person cannot act on: the file's encoding is what to fix.
        """
        byte = bytes([ord(escaped) - 0xDC00])
        if self.lang == "zh":
            return str(ErrorCode.INVALID_CHARACTER), f"{column} 列：{not_utf8_zh(byte)}。"
        return str(ErrorCode.INVALID_CHARACTER), f"In the {column} column, {not_utf8(byte)}."

    def _no_bank(self) -> tuple[str, str]:
        """The error of a row with an empty bank cell when no default bank was given."""
        if self.lang == "zh":
            message = "该行没有银行：请在 bank 列中填写银行代码（如 ICBC）。"
        else:
            message = "The row names no bank: fill its bank cell with a code such as ICBC."
        return str(ErrorCode.NO_BANK), message

    def _describe(self, error: Exception) -> tuple[str, str]:
        if isinstance(error, _RowError):
            return ROW_FORMAT, str(error)
        if isinstance(error, NameFormatError):
            return str(error.code), error_message(error, self.lang, "columns")
        # Not the row's fault: a defect of the library. Say so, keep going.
        return "INTERNAL_ERROR", f"{type(error).__name__}: {error}".splitlines()[0]


class _CsvSink:
    def __init__(self, stream: TextIO, columns: _Columns) -> None:
        self._writer = csv.writer(stream, lineterminator="\n")
        # csv quotes a cell holding the line terminator, "\n", but not a lone "\r", which a
        # reader takes for the end of a line: a row with one is written with every cell quoted.
        self._quoting = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_ALL)
        self._width = len(columns.header)
        extra = [column for column in RESULT_COLUMNS if column not in columns.index]
        self._slots = [
            columns.index[column] if column in columns.index else self._width + extra.index(column)
            for column in RESULT_COLUMNS
        ]
        self._padding = [""] * len(extra)
        # Most files: none of the result columns in the input, so they follow its cells in order.
        self._appended = self._slots == list(range(self._width, self._width + len(RESULT_COLUMNS)))
        self._writer_for(columns.header).writerow([*columns.header, *extra])

    def _writer_for(self, cells: list[str]) -> Any:
        return self._quoting if any("\r" in cell for cell in cells) else self._writer

    def write(self, line: int, cells: list[str], result: Result) -> None:
        if self._appended and len(cells) == self._width:
            bank, expected, status, problems, error = result
            said = f"{error[0]}: {error[1]}" if error else ""
            self._writer_for(cells).writerow([*cells, bank, expected, status, "|".join(problems), said])
            return
        row = cells[: self._width] + self._padding
        bank, expected, status, problems, error = result
        slots = self._slots
        row[slots[0]] = bank
        row[slots[1]] = expected
        row[slots[2]] = status
        row[slots[3]] = "|".join(problems)
        row[slots[4]] = f"{error[0]}: {error[1]}" if error else ""
        self._writer_for(cells).writerow(row)


class _JsonLinesSink:
    def __init__(self, stream: TextIO, columns: _Columns) -> None:
        self._stream = stream
        self._keys = _input_keys(columns.header)

    def write(self, line: int, cells: list[str], result: Result) -> None:
        bank, expected, status, problems, error = result
        keys = self._keys
        if len(cells) > len(keys):  # a long row: its extra cells are kept too
            keys = keys + [f"column {index + 1}" for index in range(len(keys), len(cells))]
        record = {
            "line": line,
            "input": dict(zip(keys, cells, strict=False)),
            "bank": bank,
            "expected": expected or None,
            "status": status or None,
            "problems": list(problems),
            "error": {"code": error[0], "message": error[1]} if error else None,
        }
        self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def _input_keys(header: Sequence[str]) -> list[str]:
    """A key per column for a JSON row's ``input``, each once: a blank header cell is
    ``column N``, a name given twice gets `` (2)``: no cell is lost to a repeated key."""
    keys: list[str] = []
    for index, name in enumerate(header):
        key = name if name.strip() else f"column {index + 1}"
        number = 2
        while key in keys:
            key = f"{name or f'column {index + 1}'} ({number})"
            number += 1
        keys.append(key)
    return keys


def run_batch(
    source: TextIO,
    sink: TextIO,
    *,
    default_banks: Sequence[Bank],
    find_bank: Callable[[str], Bank],
    lang: Lang = "en",
    json_lines: bool = False,
    source_name: str = "input",
    progress: bool = False,
    observations: Observations | None = None,
) -> BatchSummary:
    """Read CSV rows from *source*, write one result row per row and bank to *sink*.

    The csv module's field limit (131,072 characters) is raised to ``CELL_AT_MOST`` for the
    run: a longer cell is read, and refused in its row like any cell too long for a name (a
    refused quoted cell of several lines would otherwise leave its later lines read as rows).
    """
    limit = csv.field_size_limit(max(csv.field_size_limit(), CELL_AT_MOST))
    try:
        return _run_rows(
            source, sink, default_banks, find_bank, lang, json_lines, source_name, progress, observations
        )
    finally:
        csv.field_size_limit(limit)


def _run_rows(
    source: TextIO,
    sink: TextIO,
    default_banks: Sequence[Bank],
    find_bank: Callable[[str], Bank],
    lang: Lang,
    json_lines: bool,
    source_name: str,
    progress: bool,
    observations: Observations | None,
) -> BatchSummary:
    # Strict: a quote closed inside a cell ("DOE"x) is the row's error, not the text DOEx, and a
    # quote never closed is the file's, not every later line read into one cell.
    rows = StrictRows(source)
    try:
        header = _header(rows.reader, source_name)
        if not header:
            raise BatchFileError(
                f"{source_name} is empty: the first line must name the columns.", "batch_empty"
            )
        columns = _Columns.from_header(header, source_name)
        checker = RowChecker(columns, default_banks, find_bank, lang, observations)
        writer = _JsonLinesSink(sink, columns) if json_lines else _CsvSink(sink, columns)
        width = len(header)
        # Counted in locals and looked up once: this loop runs for every row.
        rows_in = rows_out = errors = not_matched = 0
        results, write = checker.results, writer.write
        for cells in _with_progress(rows, progress) if progress else rows:
            if not cells:  # a blank line is no row
                continue
            rows_in += 1
            if cells is OVERSIZED:  # its cells were not read: the row's error, with empty cells
                cells, row_results = [""] * width, checker.oversized()
            elif cells is REFUSED:
                cells, row_results = [""] * width, checker.malformed(rows.refused_at)
            else:
                if len(cells) < width:  # a short row: the missing cells are empty
                    cells += [""] * (width - len(cells))
                row_results = results(cells)
            line = rows.line  # the row's last line
            for result in row_results:
                write(line, cells, result)
                rows_out += 1
                if result[4]:
                    errors += 1
                elif result[2] and result[2] != "match":
                    not_matched += 1
    except OpenQuoteError as never:
        raise _open_quote(source_name, never.line) from None
    except csv.Error as error:
        raise BatchFileError(f"{source_name}, line {rows.line}: {error}.", "batch_not_csv") from None
    return BatchSummary(rows_in, rows_out, errors, not_matched)


# The longest cell a batch reads (characters); a longer one fails its row unread.
CELL_AT_MOST = 16 * 1024 * 1024
_CsvReader = Any  # csv.reader's type (_csv.Reader) is private to typeshed: its rows and line_num


def _header(reader: _CsvReader, source_name: str) -> list[str] | None:
    """The first row that is not blank, or ``None``; a header that is no CSV is the file's error."""
    try:
        header: list[str] | None = next(reader, None)
        while header == []:  # blank lines before the header
            header = next(reader, None)
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            raise _open_quote(source_name, 1) from None
        raise BatchFileError(
            f"{source_name}, line {reader.line_num}: the header is not valid CSV ({error}): write "
            "its column names with commas between them.",
            "batch_not_csv",
        ) from None
    return header


def _open_quote(source_name: str, line: int) -> BatchFileError:
    return BatchFileError(open_quote(f"{source_name}, line {line}"), "batch_open_quote")


def _with_progress(rows: Iterable[list[str]], enabled: bool) -> Iterator[list[str]]:
    if not enabled:
        yield from rows
        return
    try:
        from tqdm import tqdm
    except ImportError:  # the bar is a comfort, not a requirement
        yield from rows
        return
    with tqdm(unit=" rows", file=sys.stderr, mininterval=0.5) as bar:
        count = 0
        for row in rows:
            yield row
            count += 1
            if count == _PROGRESS_STEP:
                bar.update(count)
                count = 0
        bar.update(count)


@contextlib.contextmanager
def open_input(path: str) -> Iterator[TextIO]:
    """The CSV at *path*, or standard input for ``-``; bytes that are not UTF-8 survive unchanged.

    Undecodable bytes become lone surrogates (``surrogateescape``): a row reading one (in a
    name, ``bank`` or ``entered`` cell) fails saying the file is not UTF-8, and the CSV output
    writes the original bytes back.
    """
    if path == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:
            yield sys.stdin
            return
        stream = io.TextIOWrapper(buffer, encoding="utf-8-sig", errors="surrogateescape", newline="")
        try:
            yield stream
        finally:
            stream.detach()
        return
    try:
        handle = open(path, encoding="utf-8-sig", errors="surrogateescape", newline="")  # noqa: SIM115
    except OSError as error:
        raise BatchFileError(f"Cannot read {path}: {error.strerror or error}.", "batch_unreadable") from None
    with handle:
        yield handle


@contextlib.contextmanager
def open_stdout(json_lines: bool) -> Iterator[TextIO]:
    """Standard output as UTF-8 text for the results, whatever the console's encoding."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        yield sys.stdout
        return
    stream = io.TextIOWrapper(buffer, encoding="utf-8", errors=_errors(json_lines), newline="")
    try:
        yield stream
    finally:
        stream.flush()
        stream.detach()


def _errors(json_lines: bool) -> str:
    # CSV gives undecodable input bytes back as they came; JSON must stay valid UTF-8.
    return "replace" if json_lines else "surrogateescape"


@contextlib.contextmanager
def write_atomically(path: str, json_lines: bool) -> Iterator[TextIO]:
    """A temporary file beside *path*, renamed to *path* only when the block ends normally.

    An exception, Ctrl-C or SIGTERM removes the temporary file, so an interrupted run
    leaves neither a half-written output nor a stray file.
    """
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise OutputFileError(
            f"Cannot write {path}: it is a folder; name a file, such as {path}/out.csv.", "output_folder"
        )
    if not folder.is_dir():
        raise OutputFileError(
            f"Cannot write {path}: the folder {str(folder)!r} does not exist.", "output_no_folder"
        )
    if target.exists() and not target.is_file():
        # A device or a pipe (/dev/stdout, /dev/full, a FIFO) cannot be renamed over: written
        # straight, and a full device is an OSError the command line reports.
        with _open_special(path, json_lines) as stream:
            yield stream
        return
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputFileError(f"Cannot write {path}: permission denied.", "output_denied")

    def refused(error: OSError) -> Exception:
        return OutputFileError(
            f"Cannot write in {str(folder)!r}: {error.strerror or error}.", "output_failed"
        )

    with written_whole(target, _errors(json_lines), refused) as stream:
        yield stream


@contextlib.contextmanager
def _open_special(path: str, json_lines: bool) -> Iterator[TextIO]:
    try:
        stream = open(path, "w", encoding="utf-8", errors=_errors(json_lines), newline="")  # noqa: SIM115
    except OSError as error:
        raise OutputFileError(f"Cannot write {path}: {error.strerror or error}.", "output_failed") from None
    with stream:
        yield stream


def _in_chinese(columns: str) -> str:
    """A list of name columns in a Chinese sentence: its one English "and" said in Chinese."""
    return columns.replace("surname and given_names", "surname 和 given_names")
