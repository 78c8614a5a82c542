"""The bank registry: ``data/banks.csv`` read once, lazily, and looked up by any name."""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import cache, cached_property
from pathlib import Path

from pydantic import ValidationError

from .bank_matching import TRADITIONAL, BankMatcher
from .cleaning import MAX_INPUT_LENGTH, is_invisible
from .errors import BankDataError, ErrorCode, InvalidArgumentError, UnknownBankError
from .messages import BANK_FILE_ZH
from .models import SEPARATOR_WORDS, Bank
from .resources import data_text

BANK_COLUMNS = (
    "code", "name_en", "name_zh", "aliases", "order", "separator", "given_separator", "case",
    "case_evidence", "max_length", "max_length_evidence", "evidence", "source", "source_url",
    "verified_on", "example_surname", "example_given", "example_output", "note",
)  # fmt: skip
# Columns a bank file may leave out (a user's own file made before they existed), with the
# value a missing one means.
OPTIONAL_BANK_COLUMNS = {
    "dots": "unknown",
    "dots_source": "",
    "given_separator_evidence": "inferred",
    "note_zh": "",
}
# Separators are written as words in the file (SEPARATOR_WORDS): a lone space in a CSV cell
# is easy to lose.


class BankRegistry:
    """A set of banks and the index that finds one by code, alias or name."""

    def __init__(self, banks: Iterable[Bank]) -> None:
        self.banks: tuple[Bank, ...] = tuple(banks)
        self._index: dict[str, Bank] = {}
        for bank in self.banks:
            for key in (bank.code, bank.name_en, bank.name_zh, *bank.aliases):
                self._index.setdefault(lookup_key(key), bank)

    @classmethod
    def from_csv(cls, path: str | Path) -> BankRegistry:
        """Read a bank file of the ``data/banks.csv`` shape (a user's own, or a test fixture)."""
        file = Path(path)
        try:
            raw = file.read_bytes()
        except OSError as error:
            raise BankDataError(
                f"{file}: the bank file cannot be read ({error.strerror or error}).",
                message_zh=BANK_FILE_ZH["unreadable"],
            ) from None
        # surrogateescape keeps a byte that is not UTF-8 as a marker read_banks reports by line
        # and column; the BOM a spreadsheet writes is dropped.
        text = raw.removeprefix(codecs.BOM_UTF8).decode("utf-8", "surrogateescape")
        return cls(read_banks(io.StringIO(text, newline=""), str(file)))

    def get(self, query: str) -> Bank:
        """The bank named by *query*, case- and full-width-insensitive."""
        if not isinstance(query, str):
            raise UnknownBankError(f"A bank is named by a string, not {type(query).__name__}.")
        if len(query) > MAX_INPUT_LENGTH:
            raise UnknownBankError(
                f"The bank name is {len(query)} characters long; at most {MAX_INPUT_LENGTH} are accepted.",
                code=ErrorCode.TOO_LONG,
            )
        found = self._index.get(lookup_key(query))
        if found is not None:
            return found
        match = self._matcher.find(query)
        if match.bank is not None:
            return match.bank
        raise _unknown_bank(query, match.ambiguous, match.suggestions, self.banks)

    def find(self, query: str) -> Bank | None:
        """The bank *query* names exactly (its code, an alias or a name, case- and
        full-width-insensitive), else None: never a close match, as ``get`` offers one."""
        if len(query) > MAX_INPUT_LENGTH:
            return None
        return self._index.get(lookup_key(query))

    @cached_property
    def _matcher(self) -> BankMatcher:
        # Built on the first miss of the exact index: a lookup by code never pays for it.
        return BankMatcher(self.banks)


def _unknown_bank(
    query: str, ambiguous: Sequence[Bank], suggestions: Sequence[Bank], every: Sequence[Bank]
) -> UnknownBankError:
    """The refusal, in English and Chinese: the banks the query may mean, or the closest ones."""
    shown = query[:40]
    codes = ", ".join(bank.code for bank in every)
    codes_zh = "、".join(bank.code for bank in every)
    if ambiguous:
        en_list = ", ".join(f"{bank.code} ({bank.name_en})" for bank in ambiguous)
        zh_list = "、".join(f"{bank.code} {bank.name_zh}" for bank in ambiguous)
        return UnknownBankError(
            f"{shown!r} may name more than one bank: {en_list}. Give the code of the one you mean.",
            message_zh=f"“{shown}”可能指多家银行：{zh_list}。请输入您要找的银行的代码。",
        )
    from .binding.card_bins import issuer_not_listed  # a data table, read on a miss only

    issuer = issuer_not_listed(query)
    if issuer is not None:
        # A bank that issues cards but has no row: a close listed name would be another bank.
        return UnknownBankError(
            f"{shown!r} is {issuer.name_zh}, a bank that issues cards but is not in the bank list: no "
            "source says how it writes names. The commonest convention is the surname first, one "
            f"space, in capitals. Known codes: {codes}.",
            message_zh=f"“{shown}”是{issuer.name_zh}，该行发行银行卡，但不在银行列表中：暂无资料说明该行如何"
            f"记录姓名。最常见的写法是先姓后名、姓和名之间加空格、全部大写。可用的银行代码：{codes_zh}。",
        )
    if suggestions:
        en_list = " or ".join(f"{bank.code} ({bank.name_en})" for bank in suggestions)
        zh_names = [f"{bank.code} {bank.name_zh}" for bank in suggestions]
        # "是不是 A？" for one; "是 A、B 还是 C？" for several.
        zh_question = (
            f"是不是 {zh_names[0]}"
            if len(zh_names) == 1
            else f"是 {'、'.join(zh_names[:-1])} 还是 {zh_names[-1]}"
        )
        # The closest names are close letters only: Citibank is not China CITIC Bank.
        return UnknownBankError(
            f"No bank is called {shown!r}. Did you mean {en_list}? If yours is none of the known "
            f"banks, no source says how it writes names. Known codes: {codes}.",
            message_zh=f"找不到名为“{shown}”的银行。您要找的{zh_question}？如果您的银行不在已知银行之列，"
            f"暂无资料说明该行如何记录姓名。可用的银行代码：{codes_zh}。",
        )
    return UnknownBankError(
        f"No bank is called {shown!r}. Known codes: {codes}.",
        message_zh=f"找不到名为“{shown}”的银行：请输入银行代码（如 ICBC）或中文名称。"
        f"可用的银行代码：{codes_zh}。",
    )


def lookup_key(text: str) -> str:
    """Fold what people vary when they type a bank's name: width, case, spaces, invisibles.

    >>> lookup_key("ＩＣＢＣ") == lookup_key(" icbc ") == lookup_key("I\u200bCBC")
    True
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    # Traditional characters as simplified: 中國工商銀行 is 中国工商银行.
    return "".join(
        TRADITIONAL.get(char, char) for char in folded if not (char.isspace() or is_invisible(char))
    )


def read_banks(handle: io.TextIOBase | Iterable[str], filename: str) -> Iterator[Bank]:
    """Yield the banks of a CSV file, refusing a malformed row by file, line and column.

    Every problem raises ``BankDataError`` (never a ``csv``, ``pydantic`` or decoding
    error): a missing or repeated column, a row with too few or too many cells, a value
    outside its column's choices, a bad number or date, a repeated code or name, bytes
    that are not UTF-8, an empty file.
    """
    records = _records(handle, filename)
    header = next(records, None)
    if header is None:
        raise BankDataError(
            f"{filename}, line 1: the file is empty; it needs a header line naming the columns "
            f"({', '.join(BANK_COLUMNS)}) and one line per bank.",
            message_zh=BANK_FILE_ZH["empty"],
        )
    columns = _header_columns(header[1], filename)
    seen_codes: dict[str, int] = {}
    seen_keys: dict[str, tuple[str, int]] = {}
    for line, cells in records:
        if len(cells) != len(columns):
            raise _cell_count_error(cells, columns, filename, line)
        row = {column: cells[index] for column, index in columns.items()}
        bank = _bank_from_row(row, columns, filename, line)
        if bank.code in seen_codes:
            raise BankDataError(
                f"{filename}, line {line}, {_column(columns, 'code')}: {bank.code!r} appears twice "
                f"(first on line {seen_codes[bank.code]})."
            )
        seen_codes[bank.code] = line
        _check_names_unique(bank, row, columns, seen_keys, filename, line)
        yield bank
    if not seen_codes:
        raise BankDataError(
            f"{filename}, line 2: the file has a header but no bank row.", message_zh=BANK_FILE_ZH["no_rows"]
        )


def _records(handle: io.TextIOBase | Iterable[str], filename: str) -> Iterator[tuple[int, list[str]]]:
    """The file's records with the line each starts on; blank lines skipped."""
    reader = csv.reader(handle, strict=True)
    end = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            # The record that fails starts on the line after the last good one.
            raise BankDataError(f"{filename}, line {end + 1}: {error} (check the double quotes).") from None
        except UnicodeDecodeError as error:
            raise _encoding_error(filename, end + 1, error.object[error.start : error.start + 1]) from None
        start, end = end + 1, reader.line_num
        for number, cell in enumerate(cells, 1):
            if not cell.isprintable():
                _check_cell_characters(cell, filename, start, number)
        if any(cell.strip() for cell in cells):
            yield start, cells


def _check_cell_characters(cell: str, filename: str, line: int, number: int) -> None:
    """Refuse a control character, or a byte that was not UTF-8, in a cell."""
    for char in cell:
        if "\udc80" <= char <= "\udcff":
            # from_csv decodes with surrogateescape: a byte that is not UTF-8 shows up here.
            raise _encoding_error(filename, line, bytes([ord(char) - 0xDC00]), f", column {number}")
        if unicodedata.category(char) in ("Cc", "Cs") and char not in "\t\n\r":
            raise BankDataError(
                f"{filename}, line {line}, column {number}: the cell holds the control character "
                f"U+{ord(char):04X}; remove it."
            )


def _encoding_error(filename: str, line: int, byte: bytes, where: str = "") -> BankDataError:
    return BankDataError(f"{filename}, line {line}{where}: {not_utf8(byte)}.")


def not_utf8(byte: bytes) -> str:
    """What to say of a byte that is not UTF-8 in a user's CSV file (a bank file, a batch file).

    >>> not_utf8(b"\\xfc")
    'the file is not UTF-8 (byte 0xFC); save it as UTF-8 (CSV UTF-8)'
    """
    shown = f" (byte 0x{byte.hex().upper()})" if byte else ""
    return f"the file is not UTF-8{shown}; save it as UTF-8 (CSV UTF-8)"


def not_utf8_zh(byte: bytes) -> str:
    """:func:`not_utf8` in Chinese."""
    shown = f"（字节 0x{byte.hex().upper()}）" if byte else ""
    return f"文件不是 UTF-8 编码{shown}：请将其另存为 UTF-8（CSV UTF-8）"


def _header_columns(header: list[str], filename: str) -> dict[str, int]:
    """Each column name of the header line with its index; refuse a missing or repeated one."""
    columns: dict[str, int] = {}
    for index, name in enumerate(cell.strip() for cell in header):
        if name in columns:
            raise BankDataError(f"{filename}, line 1, column {index + 1}: the column {name!r} appears twice.")
        columns[name] = index
    missing = [column for column in BANK_COLUMNS if column not in columns]
    if missing:
        raise BankDataError(f"{filename}, line 1: missing column(s) {', '.join(missing)}.")
    return columns


def _column(columns: dict[str, int], name: str) -> str:
    return f"column {columns[name] + 1} ({name})"


def _cell_count_error(cells: list[str], columns: dict[str, int], filename: str, line: int) -> BankDataError:
    names = list(columns)
    if len(cells) < len(columns):
        return BankDataError(
            f"{filename}, line {line}: the row has {len(cells)} cells but the header names "
            f"{len(columns)} columns; column {len(cells) + 1} ({names[len(cells)]}) onwards is missing "
            "(a comma too few, or a quote left open on an earlier cell?)."
        )
    return BankDataError(
        f"{filename}, line {line}, column {len(columns) + 1}: the row has {len(cells)} cells but the "
        f"header names {len(columns)} columns (a cell holding a comma needs double quotes)."
    )


_REQUIRED = ("code", "name_en", "name_zh", "source")


def _bank_from_row(row: dict[str, str], columns: dict[str, int], filename: str, line: int) -> Bank:
    fields: dict[str, object] = {column: row[column].strip() for column in BANK_COLUMNS}
    for column, missing in OPTIONAL_BANK_COLUMNS.items():
        fields[column] = row.get(column, "").strip() or missing

    def refuse(column: str, why: str) -> BankDataError:
        return BankDataError(f"{filename}, line {line}, {_column(columns, column)}: {why}.")

    for column in _REQUIRED:
        if not fields[column]:
            raise refuse(column, "empty; every bank needs one")
    code = str(fields["code"])
    if not (code.isascii() and code.isupper() and all(char.isalnum() or char in "_-" for char in code)):
        raise refuse("code", f"{code!r} is not an upper-case code of A-Z, 0-9, '_' or '-'")
    for column in ("separator", "given_separator"):
        word = str(fields[column])
        if word not in SEPARATOR_WORDS:
            raise refuse(column, f"{word!r} is not 'space' or 'none'")
        fields[column] = SEPARATOR_WORDS[word]
    aliases = str(fields["aliases"])
    fields["aliases"] = tuple(alias.strip() for alias in aliases.split("|") if alias.strip())
    max_length = str(fields["max_length"])
    if max_length and not (max_length.isascii() and max_length.isdigit() and int(max_length) >= 1):
        raise refuse("max_length", f"{max_length!r} is not a whole number of characters (1 or more)")
    fields["max_length"] = int(max_length) if max_length else None
    fields["verified_on"] = _iso_date(str(fields["verified_on"]), refuse)
    try:
        return Bank.model_validate(fields)
    except ValidationError as error:
        first = error.errors()[0]
        column = str(first["loc"][0]) if first["loc"] else "code"
        value = fields.get(column, "")
        raise refuse(column, f"{value!r}: {first['msg']}") from None


def _iso_date(text: str, refuse: Callable[[str, str], BankDataError]) -> date | None:
    if not text:
        return None
    shaped = len(text) == 10 and text[4] == text[7] == "-" and (text[:4] + text[5:7] + text[8:]).isdecimal()
    try:
        if shaped and text.isascii():
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise refuse("verified_on", f"{text!r} is not a date written YYYY-MM-DD")


def _check_names_unique(
    bank: Bank,
    row: dict[str, str],
    columns: dict[str, int],
    seen: dict[str, tuple[str, int]],
    filename: str,
    line: int,
) -> None:
    """Refuse a code, name or alias that already names another bank: a lookup must not guess."""
    for column, names in (
        ("code", (bank.code,)),
        ("name_en", (bank.name_en,)),
        ("name_zh", (bank.name_zh,)),
        ("aliases", bank.aliases),
    ):
        for name in names:
            key = lookup_key(name)
            owner, owner_line = seen.setdefault(key, (bank.code, line))
            if owner != bank.code:
                raise BankDataError(
                    f"{filename}, line {line}, {_column(columns, column)}: {name!r} already names "
                    f"{owner} (line {owner_line}); a name must find one bank."
                )


@cache
def default_registry() -> BankRegistry:
    """The registry of the packaged ``data/banks.csv``, read on first use."""
    return BankRegistry(read_banks(data_text("banks.csv"), "data/banks.csv"))


def require_registry(registry: object) -> None:
    """Refuse a *registry* keyword that is neither ``None`` nor a ``BankRegistry``, before any use.

    >>> require_registry("banks.csv")
    Traceback (most recent call last):
    ...
    wxpay_names.errors.InvalidArgumentError: registry is a BankRegistry ..., not str.
    """
    if registry is not None and not isinstance(registry, BankRegistry):
        raise InvalidArgumentError(
            f"registry is a BankRegistry (BankRegistry.from_csv(path)), not {type(registry).__name__}."
        )


def banks() -> tuple[Bank, ...]:
    """Every bank of ``data/banks.csv``, in file order.

    >>> [bank.code for bank in banks()][:4]
    ['ICBC', 'ABC', 'CMB', 'BOC']
    """
    return default_registry().banks


def get_bank(query: str) -> Bank:
    """The bank with that code, alias, English or Chinese name, as people type them.

    >>> get_bank("工行").code, get_bank("ＩＣＢＣ").code, get_bank("Bank of China").code
    ('ICBC', 'ICBC', 'BOC')

    Short English and Chinese names, traditional characters: only when they name one bank.

    >>> [get_bank(name).code for name in ("China Merchants", "工商", "中國工商銀行", "HSBC汇丰")]
    ['CMB', 'ICBC', 'ICBC', 'HSBC']
    >>> get_bank("ICBCC")
    Traceback (most recent call last):
    ...
    wxpay_names.errors.UnknownBankError: No bank is called 'ICBCC'. Did you mean ICBC (Industrial ...
    """
    return default_registry().get(query)
