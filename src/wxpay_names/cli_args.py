"""How the command line reads what a person types, before and around argparse.

- Options every command takes (``--json``, ``--lang``…) may stand before the command's
  name as well as after it: :func:`hoist_global_options` moves them after the name.
- ``--lang`` defaults to Chinese when the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``)
  is Chinese: :func:`default_lang`.
- A machine-readable zone pasted as the positional name, or read from standard input with
  ``-`` (``--mrz -``, or ``-`` for the name), is read as one: :func:`looks_like_mrz`,
  :func:`read_stdin`.
- ``--bank ICBC,BOC`` names two banks: :func:`bank_list`.
- :class:`UsageError`, arguments a command cannot use, and :func:`registry_of`, the banks of
  ``--banks-file``: here so that no command module imports ``cli``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import BinaryIO, Literal

from .cleaning import MAX_INPUT_LENGTH
from .errors import ErrorCode, InvalidNameError
from .messages import STDIN_ZH
from .registry import BankRegistry, default_registry

Lang = Literal["en", "zh"]

# The options of every command, and whether each takes a value. Kept beside the parser's own
# definition (cli.py, ``_common_options``): a test checks the two agree.
GLOBAL_OPTIONS: dict[str, bool] = {"--json": False, "--lang": True, "--banks-file": True}
# The most standard input is read for a name or an MRZ: a name is at most 256 characters, an
# MRZ three lines of 30; more is refused by the readers, and reading stops here whatever comes.
_STDIN_LIMIT = 4096
# The separators of a list of banks typed in one --bank: ASCII and full-width commas, 、.
_BANK_LIST = re.compile(r"[,，、]")
_UPPER_LINE = re.compile(r"[A-Z]<[A-Z<]{3}")


def hoist_global_options(arguments: Sequence[str], commands: Iterable[str]) -> list[str]:
    """*arguments* with the global options typed before the command moved after its name.

    >>> hoist_global_options(["--json", "--lang", "zh", "format", "X"], ["format"])
    ['format', '--json', '--lang', 'zh', 'X']
    """
    names = set(commands)
    moved: list[str] = []
    position = 0
    while position < len(arguments):
        argument = arguments[position]
        if argument in names or not argument.startswith("-"):
            # A command, or a word where one goes (a mistyped one: argparse names it).
            return [argument, *moved, *arguments[position + 1 :]]
        option = argument.split("=", 1)[0]
        if option not in GLOBAL_OPTIONS:
            break  # --help, --version, an unknown word: argparse says what it is
        takes_value = GLOBAL_OPTIONS[option] and "=" not in argument
        moved += arguments[position : position + 1 + takes_value]
        position += 1 + takes_value
    return list(arguments)


def default_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """``zh`` when the locale that sets the language of messages is Chinese, else ``en``.

    POSIX order: ``LC_ALL`` wins, then ``LC_MESSAGES``, then ``LANG``; the first that is set
    and not empty decides.

    >>> default_lang({"LANG": "zh_CN.UTF-8"}), default_lang({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"})
    ('zh', 'en')
    """
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def lang_of(arguments: Sequence[str]) -> Lang:
    """The ``--lang`` typed, found by hand (parsing may have failed before it), else the default."""
    for position, argument in enumerate(arguments):
        value = None
        if argument.startswith("--lang="):
            value = argument.removeprefix("--lang=")
        elif argument == "--lang" and position + 1 < len(arguments):
            value = arguments[position + 1]
        if value in ("en", "zh"):
            return "zh" if value == "zh" else "en"
    return default_lang()


def looks_like_mrz(text: str) -> bool:
    """Whether a text given as the name is a pasted machine-readable zone, not a name.

    A zone has filler ``<`` and lines of 30 to 44 characters without spaces; a name field
    alone (``SMITH<<JOHN``) is shorter and is read as a name.

    >>> looks_like_mrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"), looks_like_mrz("SMITH<<JOHN")
    (True, False)
    >>> looks_like_mrz("P<UTOERIKSSON<<ANNA")
    True
    """
    words = text.split()
    # A whole line (30 to 44 characters), or the start of an upper line: a document code and a
    # filler, then the issuing State ('P<UTO...'), which no name field has.
    return "<" in text and (any(len(word) >= 30 for word in words) or bool(_UPPER_LINE.match(text.strip())))


def read_stdin() -> str:
    """What standard input holds, for ``--mrz -`` or a name given as ``-``.

    Read as bytes and decoded here, whatever the locale: a byte that is not UTF-8 is said to
    be one (not as the character ``U+DCFF SURROGATE`` it would decode to). At most
    ``_STDIN_LIMIT`` characters are read; more is refused as such, never cut to that length
    and then said to be that long.
    """
    buffer: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text stream (a test's StringIO): already decoded
        text = sys.stdin.read(_STDIN_LIMIT + 1)
        if len(text) > _STDIN_LIMIT:
            raise _stdin_too_long()
        return text
    # A character is at most 4 bytes: more bytes than that hold more characters than the limit.
    data = buffer.read(4 * _STDIN_LIMIT + 1)
    if len(data) > 4 * _STDIN_LIMIT:
        raise _stdin_too_long()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = data[error.start : error.start + 1]
        raise InvalidNameError(
            f"Standard input is not UTF-8 text (byte 0x{byte.hex().upper()}): give the name in UTF-8.",
            code=ErrorCode.INVALID_CHARACTER,
            message_zh=STDIN_ZH["not_utf8"].format(byte=byte.hex().upper()),
        ) from None
    if len(text) > _STDIN_LIMIT:
        raise _stdin_too_long()
    return text


def _stdin_too_long() -> InvalidNameError:
    return InvalidNameError(
        f"Standard input holds more than {_STDIN_LIMIT:,} characters, far more than a name or a "
        f"machine-readable zone: at most {MAX_INPUT_LENGTH} characters of a name are accepted.",
        code=ErrorCode.TOO_LONG,
        message_zh=STDIN_ZH["too_long"].format(limit=_STDIN_LIMIT, most=MAX_INPUT_LENGTH),
    )


def bank_list(queries: Sequence[str] | None) -> list[str]:
    """The banks of repeated ``--bank`` options, each of which may be a list: ``ICBC,BOC``.

    >>> bank_list(["ICBC,BOC", "工行、中行", "CMB"])
    ['ICBC', 'BOC', '工行', '中行', 'CMB']
    """
    return [part.strip() for query in queries or () for part in _BANK_LIST.split(query) if part.strip()]


def named_banks(
    command: str, queries: Sequence[str] | None, refuse: Callable[[str], Exception], instead: str = ""
) -> list[str]:
    """The bank names typed in the ``--bank`` options, refusing an option that names none.

    ``--bank ''`` or ``--bank ','`` is not "no --bank" (every bank): read as a list of no
    bank, it made ``format`` and ``banks`` print nothing and ``batch`` drop the rows whose
    bank cell is empty, all with exit 0. Each option must name at least one bank; *instead*
    says what leaving ``--bank`` out does, where it does something.
    """
    for query in queries or ():
        if not bank_list([query]):
            raise refuse(
                f"wxpay-names {command}: --bank {query!r} names no bank; give a code or a name, such as "
                f"--bank ICBC or --bank 工行{instead}."
            )
    return bank_list(queries)


def one_bank(
    command: str, queries: Sequence[str] | None, refuse: Callable[[str], Exception], instead: str = ""
) -> str:
    """The one bank the ``--bank`` options name: a card has one bank, so a list (``ICBC,BOC``)
    or a repeated option is refused, not read as its last bank."""
    named = named_banks(command, queries, refuse, instead)
    if len(named) != 1:
        got = ", ".join(named) or "--bank"
        raise refuse(f"wxpay-names {command}: name one bank, the bank of the card (got {got}).")
    return named[0]


class UsageError(Exception):
    """Arguments the command cannot use; the message is the one line printed.

    With ``--lang zh`` the line is *zh* when given, else a Chinese lead then the English as
    its details (argparse's own messages are English only).
    """

    def __init__(self, message: str, zh: str | None = None) -> None:
        super().__init__(message)
        self.zh = zh

    def said(self, lang: str) -> str:
        if lang != "zh":
            return str(self)
        return self.zh or f"命令参数无法使用。详情（英文）：{self}"


def registry_of(options: argparse.Namespace) -> BankRegistry:
    """The banks of ``--banks-file`` when given, else the library's."""
    if not options.banks_file:
        return default_registry()
    try:
        return BankRegistry.from_csv(options.banks_file)
    except OSError as error:
        raise UsageError(
            f"Cannot read the banks file {options.banks_file}: {error.strerror or error}."
        ) from None
