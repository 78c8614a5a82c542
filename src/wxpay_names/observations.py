"""Outcomes of tries at banks, counted per (bank, pattern), without a letter of anyone's name.

An onboarding app that sees which form a bank (through WeChat) accepted logs an
:class:`Outcome`: the bank's code, the :class:`~wxpay_names.Pattern` of the candidate the
person typed, and whether it was accepted. :class:`Observations` counts them, merges
counts from several sources, and reads and writes them as CSV, so counts can be shared
between organisations: the file holds the bank code, the pattern's fields and two counts,
nothing else. How the counts re-rank candidates is in :mod:`wxpay_names.learned_ranking`.

>>> from wxpay_names import Observations, Outcome, candidates
>>> pattern = candidates("ZHANG, San", "ICBC")[0].pattern
>>> seen = Observations.from_outcomes([Outcome("ICBC", pattern, True), Outcome("ICBC", pattern, False)])
>>> seen.count("ICBC", pattern), seen.count("BOC", pattern)
((1, 1), (0, 0))
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import Enum
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .errors import ErrorCode, NameFormatError, open_quote
from .file_writing import written_whole
from .messages import Wording, log_row
from .models import SEPARATOR_WORDS, Bank, Pattern

# The Pattern's fields, in declaration order: the CSV columns between ``bank`` and the counts.
# Derived, not listed, so a field added to Pattern (with a default) is a column at once and
# older files, which lack it, still read (the missing column takes the field's default).
PATTERN_FIELDS: Final[tuple[str, ...]] = tuple(Pattern.model_fields)
COUNT_COLUMNS: Final[tuple[str, str]] = ("accepted", "refused")
# A bank not in the packaged list (one of your own banks file) is named by its code.
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")

# A pattern as plain values in PATTERN_FIELDS order: hashing it is cheap, unlike a model.
PatternKey = tuple[Any, ...]
Key = tuple[str, PatternKey]
_NOTHING: Mapping[PatternKey, tuple[int, int]] = MappingProxyType({})


class ObservationsError(NameFormatError):
    """An observations file or outcome log the library cannot use; the message says where."""

    default_code = ErrorCode.OBSERVATIONS_DATA
    default_message = "The observations file holds a malformed row."


def pattern_key(pattern: Pattern) -> PatternKey:
    """The pattern's values, in column order."""
    return tuple([getattr(pattern, field) for field in PATTERN_FIELDS])


def bank_code(bank: Bank | str) -> str:
    """The code outcomes are counted under: a ``Bank``'s code, or the code a text names.

    A text naming a packaged bank (``"icbc"``, ``"工行"``) gives its code; any other text must
    be a code (letters, digits, ``_ . -``, at most 32), kept as given, for a bank of your own
    banks file.
    """
    if isinstance(bank, Bank):
        return bank.code
    if not isinstance(bank, str):
        raise ObservationsError(f"A bank is a Bank or a code, not {type(bank).__name__}.")
    from .errors import UnknownBankError
    from .registry import get_bank

    try:
        return get_bank(bank).code
    except UnknownBankError:
        text = bank.strip()
        if _CODE.fullmatch(text):
            return text
    raise ObservationsError(
        "A bank is named by its code, such as ICBC (letters, digits, _ . -, at most 32 characters)."
    )


class _Unset(Enum):
    UNSET = "unset"


_UNSET = _Unset.UNSET


class OutcomeValidationError(ValidationError, ObservationsError):
    """The refusal of ``Outcome(...)``: pydantic's ``ValidationError``, and an
    :class:`ObservationsError` (so a ``NameFormatError``, code ``OBSERVATIONS_DATA``), as
    ``PassportName``'s refusal is both."""

    def __init__(self, *arguments: object) -> None:
        # pydantic-core makes the instance from its own arguments; wrapping() sets the rest.
        pass

    @classmethod
    def wrapping(cls, error: ValidationError) -> OutcomeValidationError:
        refused = cls.from_exception_data(error.title, error.errors())  # type: ignore[arg-type]
        refused.code = ErrorCode.OBSERVATIONS_DATA
        refused.field = next((str(item["loc"][0]) for item in error.errors() if item["loc"]), None)
        what = f"的 {refused.field} 字段" if refused.field else "有字段"
        refused.message_zh = (
            f"这条尝试结果（Outcome）{what}缺失、多余或取值无效：只能有 bank、pattern、accepted "
            "三个字段；bank 应为银行代码，pattern 应取自某个候选写法的 pattern，accepted 应为 true 或 false。"
        )
        refused.about_whole_name = False
        return refused

    __str__ = ValidationError.__str__


class Outcome(BaseModel):
    """One try at a bank: the pattern of the text typed and whether the bank accepted it.

    It holds no letter of the name: log it, share it, count it.

    >>> from wxpay_names import Outcome, Pattern
    >>> no_space = Pattern(order="surname_first", separator="", given_separator="",
    ...                    given_names="all", spelling="icao", case="upper")
    >>> Outcome("工行", no_space, True).bank
    'ICBC'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    bank: str
    pattern: Pattern
    accepted: bool

    def __init__(
        self,
        bank: Bank | str | _Unset = _UNSET,
        pattern: Pattern | dict[str, Any] | _Unset = _UNSET,
        accepted: bool | _Unset = _UNSET,
        **extra: Any,
    ) -> None:
        # Positional, as the contract writes it: Outcome(bank, pattern, accepted). Pydantic
        # validates through this too (a JSON body in FastAPI): whatever is missing or extra
        # goes on to validation, which refuses it with a ValidationError, never a TypeError.
        given = {"bank": bank, "pattern": pattern, "accepted": accepted}
        try:
            super().__init__(**{key: value for key, value in given.items() if value is not _UNSET}, **extra)
            return
        except ValidationError as error:
            refused = OutcomeValidationError.wrapping(error)
        raise refused from None  # outside the except block: no frame keeps the first error

    @field_validator("bank", mode="before")
    @classmethod
    def _bank(cls, value: object) -> object:
        if isinstance(value, Bank | str):
            try:
                return bank_code(value)
            except ObservationsError as error:
                raise ValueError(str(error)) from None
        return value


class Observations:
    """Accepted and refused counts of outcomes per (bank code, pattern). Immutable.

    Equal counts make equal observations, however they were built; merging adds counts, so
    it is associative and commutative, and merging the empty observations changes nothing.
    """

    __slots__ = ("_by_bank", "_counts")

    def __init__(self, counts: Mapping[Key, tuple[int, int]] | None = None) -> None:
        # Keys with no outcome are dropped, so equal counts compare equal.
        self._counts: dict[Key, tuple[int, int]] = {
            key: (accepted, refused)
            for key, (accepted, refused) in _checked_counts(counts)
            if accepted or refused
        }
        # The counts of each bank, for the re-ranking: looked up once per call.
        self._by_bank: dict[str, dict[PatternKey, tuple[int, int]]] = {}
        for (code, key), value in self._counts.items():
            self._by_bank.setdefault(code, {})[key] = value

    @classmethod
    def from_outcomes(cls, outcomes: Iterable[Outcome]) -> Observations:
        """The counts of *outcomes* (streamed: memory grows with distinct patterns, not outcomes)."""
        if isinstance(outcomes, str | bytes) or not isinstance(outcomes, Iterable):
            raise ObservationsError(
                f"Observations count an iterable of Outcome values, not {type(outcomes).__name__}."
            )
        counter = Counter()
        for outcome in outcomes:
            if not isinstance(outcome, Outcome):
                raise ObservationsError(f"Observations count Outcome values, not {type(outcome).__name__}.")
            counter.add(outcome.bank, pattern_key(outcome.pattern), outcome.accepted)
        return counter.observations()

    def count(self, bank: Bank | str, pattern: Pattern) -> tuple[int, int]:
        """``(accepted, refused)`` outcomes of *pattern* at *bank*; ``(0, 0)`` when none."""
        if not isinstance(pattern, Pattern):
            raise ObservationsError(f"Outcomes are counted by Pattern, not {type(pattern).__name__}.")
        return self._counts.get((bank_code(bank), pattern_key(pattern)), (0, 0))

    def at(self, bank: Bank | str) -> Mapping[PatternKey, tuple[int, int]]:
        """Every count at *bank*, by pattern key (what the re-ranking reads; not to be changed)."""
        return self._by_bank.get(bank_code(bank), _NOTHING)

    def merge(self, other: Observations) -> Observations:
        """The counts of both added together."""
        if not isinstance(other, Observations):
            raise ObservationsError(f"Observations merge with Observations, not {type(other).__name__}.")
        merged = dict(self._counts)
        for key, (accepted, refused) in other._counts.items():
            mine = merged.get(key, (0, 0))
            merged[key] = (mine[0] + accepted, mine[1] + refused)
        return Observations(merged)

    def rows(self) -> Iterator[tuple[str, Pattern, int, int]]:
        """``(bank code, pattern, accepted, refused)`` for every counted pattern, in file order."""
        for (code, key), (accepted, refused) in sorted(self._counts.items(), key=_row_order):
            yield code, Pattern(**dict(zip(PATTERN_FIELDS, key, strict=True))), accepted, refused

    def banks(self) -> frozenset[str]:
        """The codes of the banks with at least one outcome."""
        return frozenset(self._by_bank)

    def __len__(self) -> int:
        return len(self._counts)

    def __bool__(self) -> bool:
        return bool(self._counts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Observations):
            return NotImplemented
        return self._counts == other._counts

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        outcomes = sum(accepted + refused for accepted, refused in self._counts.values())
        banks = len(self.banks())
        return f"<Observations: {outcomes} outcomes of {len(self._counts)} patterns at {banks} banks>"

    # -- CSV ---------------------------------------------------------------------------------

    @classmethod
    def read_csv(cls, path: str | os.PathLike[str]) -> Observations:
        """Counts from a CSV written by :meth:`write_csv` (or by ``wxpay-names learn``).

        Columns: ``bank``, the Pattern's fields (a missing one takes the field's default, so
        files written before a field was added still read), ``accepted``, ``refused``. A row
        listed twice adds up. Anything else is refused with :class:`ObservationsError`
        naming the file and line, never a cell's content.
        """
        _refuse_nul(path, "read")
        counter = Counter()
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                reader = csv.reader(handle, strict=True)  # a quote never closed: refused
                header = next(reader, None)
                if header is None:
                    return cls()
                columns = Columns.from_header(header, str(path), counts=True)
                for cells in reader:
                    if not any(cells):
                        continue
                    row = columns.read(cells)
                    if isinstance(row, Wording):
                        raise ObservationsError(f"{path}, line {reader.line_num}: {row.en}")
                    code, key, accepted, refused = row
                    counter.add_counts(code, key, accepted, refused)
        except OSError as error:
            raise ObservationsError(
                f"Cannot read the observations file {path}: {error.strerror or error}."
            ) from None
        except (UnicodeDecodeError, csv.Error) as error:
            if "unexpected end of data" in str(error):
                raise ObservationsError(open_quote(str(path))) from None
            if "field larger than field limit" in str(error):
                raise ObservationsError(
                    f"{path}: a cell is longer than {csv.field_size_limit():,} characters, far beyond "
                    "any observations file's: it is not one."
                ) from None
            raise ObservationsError(f"{path} is not a UTF-8 CSV file: {error}.") from None
        return counter.observations()

    def write_csv(self, path: str | os.PathLike[str]) -> None:
        """Write the counts as CSV, sorted, atomically: the file is whole or untouched.

        A path that cannot be written (no such folder, a folder, no permission, a full disk)
        is refused with :class:`ObservationsError` (code ``OBSERVATIONS_DATA``, as
        :meth:`read_csv` refuses a file it cannot read), never the ``OSError`` itself.
        """
        target = Path(path)
        if not str(path):
            raise ObservationsError("Cannot write the observations: no file name was given.")
        _refuse_nul(path, "write")
        if target.is_dir():
            raise ObservationsError(
                f"Cannot write the observations file {path}: it is a folder; name a file in it, "
                f"such as {target / 'observations.csv'}."
            )
        if not target.parent.is_dir():
            raise ObservationsError(
                f"Cannot write the observations file {path}: "
                f"the folder {str(target.parent)!r} does not exist."
            )
        if target.exists() and not target.is_file():
            # A device or a pipe (/dev/stdout, a FIFO): written straight, never renamed over.
            try:
                with open(target, "w", encoding="utf-8", newline="") as handle:
                    self.write_rows(handle)
            except OSError as error:
                raise _write_error(path, error) from None
            return
        try:
            with written_whole(target, "strict", lambda error: _write_error(path, error)) as handle:
                self.write_rows(handle)
        except OSError as error:
            raise _write_error(path, error) from None

    def write_rows(self, handle: Any) -> None:
        """The CSV text of :meth:`write_csv`, written to an open text *handle*."""
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["bank", *PATTERN_FIELDS, *COUNT_COLUMNS])
        for (code, key), (accepted, refused) in sorted(self._counts.items(), key=_row_order):
            writer.writerow([code, *[_cell(value) for value in key], accepted, refused])


def _refuse_nul(path: str | os.PathLike[str], verb: str) -> None:
    # The operating system takes no file name holding NUL; Python says so with a bare ValueError.
    if "\x00" in os.fspath(path):
        raise ObservationsError(
            f"Cannot {verb} the observations file: its name holds a NUL character (\\x00)."
        )


def _write_error(path: str | os.PathLike[str], error: OSError) -> ObservationsError:
    return ObservationsError(f"Cannot write the observations file {path}: {error.strerror or error}.")


def _checked_counts(counts: object) -> Iterator[tuple[Key, tuple[int, int]]]:
    """The items of *counts* (``{(bank code, pattern key): (accepted, refused)}``), refusing
    anything else: from_outcomes, read_csv and merge build them; a hand-made mapping is checked."""
    if counts is None:
        return
    if not isinstance(counts, Mapping):
        raise ObservationsError(f"Observations take a mapping of counts, not {type(counts).__name__}.")
    for key, value in counts.items():
        well_formed = (
            isinstance(key, tuple)
            and len(key) == 2
            and isinstance(key[0], str)
            and isinstance(key[1], tuple)
            and len(key[1]) == len(PATTERN_FIELDS)
            and isinstance(value, tuple)
            and len(value) == 2
            and all(type(number) is int and number >= 0 for number in value)
        )
        if not well_formed:
            raise ObservationsError(
                "Observations take counts as {(bank code, pattern key): (accepted, refused)} with two "
                "counts of 0 or more; build them with Observations.from_outcomes() or read_csv()."
            )
        code, pattern = key
        found = _any_code(code)
        if found is None or found != code or not _is_pattern_key(pattern):
            # A text typed (a name) in place of a code or a pattern value would be written to
            # the file that is meant to hold no letter of anyone's name.
            raise ObservationsError(
                "Observations take a bank code (letters, digits, _ . -, at most 32 characters; a "
                "packaged bank's in capitals) and a pattern key (the values of a Pattern, as "
                "pattern_key gives them); build them with Observations.from_outcomes() or read_csv()."
            )
        yield key, value


# The pattern keys found valid, each as a Pattern gives it: a subset of the finitely many
# Patterns, so bounded. Looked up by equality, which takes 1 for True: the types are compared too.
_PATTERN_KEYS: dict[PatternKey, PatternKey] = {}


def _is_pattern_key(key: PatternKey) -> bool:
    made = _PATTERN_KEYS.get(key)
    if made is None:
        try:
            made = pattern_key(Pattern(**dict(zip(PATTERN_FIELDS, key, strict=True))))
        except (ValidationError, TypeError):
            return False
        if made != key:
            return False
        _PATTERN_KEYS[made] = made
    # A value pydantic would coerce ("1", or 1 for True) is not one.
    return all(type(value) is type(given) for value, given in zip(made, key, strict=True))


def _row_order(item: tuple[Key, tuple[int, int]]) -> tuple[str, tuple[str, ...]]:
    (code, key), _ = item
    return code, tuple(_cell(value) for value in key)


def _cell(value: object) -> str:
    # As in the Pattern's JSON: booleans are true/false. A separator is spelled as in
    # data/banks.csv (a cell of one space, or none, would not survive a spreadsheet).
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return _SEPARATOR_CELLS.get(text, text)


# The separator values (" ", ""), spelled as data/banks.csv spells them; no other field of a
# pattern holds either value.
_SEPARATOR_CELLS: dict[str, str] = {value: word for word, value in SEPARATOR_WORDS.items()}


class Counter:
    """Counts being gathered: a plain dict of two-item lists, for speed over a million rows."""

    __slots__ = ("_counts",)

    def __init__(self) -> None:
        self._counts: dict[Key, list[int]] = {}

    def add(self, code: str, key: PatternKey, accepted: bool) -> None:
        counts = self._counts.get((code, key))
        if counts is None:
            counts = self._counts[code, key] = [0, 0]
        counts[0 if accepted else 1] += 1

    def add_counts(self, code: str, key: PatternKey, accepted: int, refused: int) -> None:
        counts = self._counts.setdefault((code, key), [0, 0])
        counts[0] += accepted
        counts[1] += refused

    def observations(self) -> Observations:
        return Observations({key: (counts[0], counts[1]) for key, counts in self._counts.items()})


# Columns that could hold a person's name, typed text or document: a log or observations file
# with one of them is refused whole (its counts would be fine; the file should not exist).
# Pattern's own fields (given_names: all/first) are not among them: their values are checked.
_NAME_WORDS = (
    *("name", "surname", "given", "entered", "typed", "text", "mrz", "chinese", "passport", "hanzi"),
    # A log kept in Chinese: 姓名 (name), 姓氏 (surname), 名字 (given name), 英文名 and 中文名 (the
    # name in English, in Chinese), 用户名 (user name), 拼音, 汉字, 护照 (passport).
    *("姓名", "姓氏", "名字", "英文名", "中文名", "用户名", "拼音", "汉字", "护照"),
)


def shown_column(column: str) -> str:
    """A column name as a message shows it: at most 40 characters (a header cell may be long)."""
    return column if len(column) <= 40 else column[:39] + "…"


def holds_name_text(column: str) -> bool:
    """Whether a column not of the format is named like one that holds a name or typed text.

    Matched inside words (``fullname``, ``username``), so a name column is never let through;
    two kinds of column that only look so are not refused: the time something was entered or
    typed (``entered_at``, ``typedTime``), and a ``context``.

    >>> [holds_name_text(column) for column in ("name", "Full Name", "typed_text", "timestamp", "姓名")]
    [True, True, True, False, True]
    >>> [holds_name_text(column) for column in ("entered_at", "typedTime", "context", "fullname")]
    [False, False, False, True]
    """
    folded = column.strip().lower()
    if folded in PATTERN_FIELDS:
        return False
    found = {word for word in _NAME_WORDS if word in folded}
    words = re.findall(
        r"[a-z0-9]+|[^\x00-\x7f]+", re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", column.strip()).lower()
    )
    if words and words[-1] in _TIME_WORDS:
        found -= {"entered", "typed"}  # when it was entered, not what
    if "text" in found and all("text" not in word or word in _CONTEXT_WORDS for word in words):
        found.discard("text")
    return bool(found)


# The last word of a column that holds a time (entered_at, typed_time, enteredTs).
_TIME_WORDS = frozenset({"at", "time", "ts", "date", "timestamp", "on", "when"})
_CONTEXT_WORDS = frozenset({"context", "contexts"})


class Columns:
    """Where each column of a log or observations file is, checked once from its header."""

    def __init__(
        self,
        positions: dict[str, int],
        ignored: tuple[str, ...],
        counts: bool,
        find_bank: Callable[[str], str | None] | None = None,
    ) -> None:
        self.bank = positions["bank"]
        self.width = max(positions.values()) + 1
        self.ignored = ignored
        self.counts = counts
        # Pattern fields present: their positions; absent ones take the field's default.
        self.pattern_positions = [(field, positions.get(field)) for field in PATTERN_FIELDS]
        self.accepted = positions["accepted"]
        self.refused = positions.get("refused")
        self._patterns: dict[tuple[str, ...], PatternKey] = {}
        self._banks: dict[str, str] = {}
        self._find_bank = find_bank or _any_code

    @classmethod
    def from_header(
        cls,
        header: list[str],
        source: str,
        *,
        counts: bool,
        find_bank: Callable[[str], str | None] | None = None,
    ) -> Columns:
        """The columns of *header*; *counts*: an observations file (else an outcome log).

        *find_bank* gives the code of a bank cell, or None for a cell naming no bank
        (default: the cell as a code, a packaged bank's in any case; never a bank's name).

        Refused: a column that may hold name text, a column given twice, a required column
        missing. An observations file holds nothing else; a log's other columns are ignored.
        """
        if any("\n" in column or "\r" in column for column in header):
            # A column name never holds a line break (quoted, or a quote left open): never quoted
            # here, since such a cell may hold the rows after it.
            raise ObservationsError(
                f"{source}: a column name in the header holds a line break. Write the column names "
                "on the first line, with commas between them."
            )
        # Column names are matched in any case (a spreadsheet's "Bank").
        given = [column.strip().lstrip("\ufeff").strip() for column in header]
        names = [column.lower() for column in given]
        if len(names) == 1 and ";" in names[0]:
            raise ObservationsError(
                f"{source} is separated by semicolons (as some spreadsheets export CSV): separate "
                "the columns with commas."
            )
        named = [shown_column(column) for column in given if holds_name_text(column)]
        if named:
            raise ObservationsError(
                f"{source} has a column that may hold a person's name ({', '.join(named[:3])}): "
                "outcomes are logged as bank, pattern and accepted only, never the name. Remove the column."
            )
        twice = sorted({column for column in names if names.count(column) > 1})
        if twice:
            raise ObservationsError(f"{source} has the column {shown_column(twice[0])} twice.")
        if not counts and "refused" in names:
            # Read as a log, its accepted count would be read as true or false, its refused lost.
            raise ObservationsError(
                f"{source} has the columns of an observations file (counts accepted and refused), "
                "not of an outcome log (one try a row, accepted true or false): merge observations "
                "files with Observations.read_csv(path).merge(...), and learn logs only."
            )
        wanted = ("bank", *PATTERN_FIELDS, *(COUNT_COLUMNS if counts else ("accepted",)))
        required = ["bank", *(COUNT_COLUMNS if counts else ("accepted",))]
        required += [field for field, info in Pattern.model_fields.items() if info.is_required()]
        missing = [column for column in required if column not in names]
        if missing:
            raise ObservationsError(
                f"{source} lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}: "
                f"the header names bank, {', '.join(PATTERN_FIELDS)} and "
                f"{' and '.join(COUNT_COLUMNS) if counts else 'accepted'}."
            )
        ignored = tuple(column for column in names if column not in wanted)
        if counts and ignored:
            raise ObservationsError(
                f"{source} has the column {shown_column(ignored[0])}, which an observations file "
                "does not hold."
            )
        positions = {column: position for position, column in enumerate(names) if column in wanted}
        return cls(positions, ignored, counts, find_bank)

    def read(self, cells: list[str]) -> tuple[str, PatternKey, int, int] | Wording:
        """``(bank code, pattern key, accepted, refused)`` of one row, or why it cannot be used.

        The reason never quotes a cell: a misplaced cell could hold anything.
        """
        if len(cells) < self.width:
            return log_row("short", cells=str(len(cells)), width=str(self.width))
        code = self._bank(cells[self.bank])
        if code is None:
            return log_row("bank")
        key = self._pattern(cells)
        if isinstance(key, Wording):
            return key
        if self.counts:
            assert self.refused is not None
            accepted, refused = _count(cells[self.accepted]), _count(cells[self.refused])
            if accepted is None or refused is None:
                return log_row("counts")
            return code, key, accepted, refused
        outcome = _BOOLEANS.get(cells[self.accepted].strip().lower())
        if outcome is None:
            return log_row("accepted")
        return (code, key, 1, 0) if outcome else (code, key, 0, 1)

    def _bank(self, cell: str) -> str | None:
        code = self._banks.get(cell)
        if code is None:
            code = self._find_bank(cell)
            if code is None:
                return None
            if len(self._banks) < _MAX_CACHED:
                self._banks[cell] = code
        return code

    def _pattern(self, cells: list[str]) -> PatternKey | Wording:
        raw = tuple(
            [cells[position] if position is not None else "" for _, position in self.pattern_positions]
        )
        key = self._patterns.get(raw)
        if key is not None:
            return key
        values = {
            field: _pattern_cell(field, cells[position])
            for field, position in self.pattern_positions
            if position is not None
        }
        try:
            pattern = Pattern.model_validate(values)
        except ValidationError as error:
            fields = sorted({str(detail["loc"][0]) for detail in error.errors() if detail["loc"]})
            return log_row(
                "pattern", fields=Wording(", ".join(fields) or "pattern", "、".join(fields) or "pattern")
            )
        key = pattern_key(pattern)
        # Only valid patterns are kept, and there are few of them: the cache stays small.
        if len(self._patterns) < _MAX_CACHED:
            self._patterns[raw] = key
        return key


_MAX_CACHED = 4096
_SEPARATOR_FIELDS = frozenset({"separator", "given_separator"})


def _pattern_cell(field: str, cell: str) -> str:
    """A pattern cell as its field reads it: trimmed, except that a separator cell holding
    only spaces is the space itself (a log written from Python values has " "), never none."""
    text = cell.strip()
    if not text and cell and field in _SEPARATOR_FIELDS:
        return " "
    return text


def _any_code(cell: str) -> str | None:
    """A bank cell of an observations file as the code it is: a packaged bank's code in any
    case (``icbc``), else kept as written, for a bank of your own banks file. Never looked up
    by name or alias: a bank of your own coded ``PINGAN`` is not the packaged PAB, whose alias
    that is (its counts were read as PAB's, and never applied)."""
    text = cell.strip()
    if not _CODE.fullmatch(text):
        return None
    return text.upper() if text.upper() in _packaged_codes() else text


@cache
def _packaged_codes() -> frozenset[str]:
    from .registry import banks  # the bank list is read on the first cell, not at import

    return frozenset(bank.code for bank in banks())


_BOOLEANS = {"true": True, "false": False, "1": True, "0": False}


# More digits than any count of outcomes has; Python refuses to read an int of over 4,300.
_COUNT_DIGITS_AT_MOST = 18


def _count(cell: str) -> int | None:
    text = cell.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > _COUNT_DIGITS_AT_MOST:
        return None
    return int(text)
