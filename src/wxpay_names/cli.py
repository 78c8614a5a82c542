"""The command-line checker: ``python -m wxpay_names`` and the console script ``wxpay-names``.

``main(argv)`` is a function a test can call. It returns the exit code: 0 done (a match, a
compatible plan), 1 a plausible or mismatched check, a plan with no common rank-1 name or
a batch with bad rows, 2 unusable arguments or input, said on one line on stderr, never a
traceback. The command reference, with the ``--json`` shapes, is ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from . import __version__
from .batch import BatchFileError, open_input, open_stdout, run_batch, write_atomically
from .candidates import candidates, format_name
from .check import check_name
from .cli_args import (
    UsageError,
    default_lang,
    hoist_global_options,
    lang_of,
    looks_like_mrz,
    named_banks,
    one_bank,
    read_stdin,
    registry_of,
)
from .cli_learn import (
    add_learn_command,
    add_observations_option,
    add_refused_option,
    hand_typed_lines,
    next_forms,
    next_forms_json,
    next_forms_lines,
    observations_keyword,
    read_observations,
    run_learn,
)
from .cli_output import (
    abandon_stdout,
    can_encode,
    finish_output,
    prepare_streams,
    write_error,
    write_failure,
    write_json,
    write_text,
)
from .cli_preflight import add_preflight_command
from .cli_render import (
    agreeing_lines,
    all_candidates_lines,
    banks_lines,
    check_lines,
    error_message,
    format_lines,
    name_lines,
    pick,
    plan_lines,
)
from .cli_serve import add_serve_command
from .errors import NameFormatError
from .front_names import read_name
from .messages import FILE_ERRORS_ZH
from .models import Bank, Candidate, PassportName
from .name_forms import spellings
from .plan import card_plan, compatible_banks
from .reading_notes import reading_notes
from .registry import BankRegistry, default_registry
from .validation import script_of

PROG = "wxpay-names"
EXIT_OK, EXIT_NOT_OK, EXIT_UNUSABLE, EXIT_INTERRUPTED = 0, 1, 2, 130


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in arguments
    options: argparse.Namespace | None = None
    if "_ARGCOMPLETE" in os.environ:
        _complete()  # the shell asks for completions: answer and exit

    prepare_streams()
    if not arguments:
        # A bare call: the commands on stdout, and the one-line reason every exit 2 has.
        print(build_parser().format_help(), end="")
        refused = UsageError(
            "no command given: name one of the commands listed above.",
            "未指定命令：请从上面列出的命令中选择一个。",
        )
        return _fail("USAGE", refused.said(lang_of(arguments)), as_json)
    try:
        options = parse_arguments(arguments)
        _fit_language_to_console(options)
        options.warnings = []
        handler: Callable[[argparse.Namespace], int] = options.handler
        exit_code = handler(options)
        finish_output()
        # Said once the command has run: a refusal (exit 2) is one line, with no word before it.
        for warning in options.warnings:
            write_error(f"{PROG}: {warning}")
        return exit_code
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else EXIT_OK
    except UsageError as error:
        return _fail("USAGE", error.said(lang_of(arguments)), as_json)
    except NameFormatError as error:
        return _fail(str(error.code), error_message(error, lang_of(arguments)), as_json)
    except BatchFileError as error:
        return _fail(error.code, error.said(lang_of(arguments)), as_json)
    except KeyboardInterrupt:
        _fail("INTERRUPTED", _interrupted(options), as_json)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_NOT_OK
    except OSError as error:
        # The machine's error (a full disk, ulimit -f, /dev/full), not the library's.
        target = options.output if options is not None and _writes_a_file(options) else "standard output"
        if target == "standard output":
            abandon_stdout()
        failure = write_failure(error, target)
        if lang_of(arguments) == "zh":
            failure = f"{FILE_ERRORS_ZH['output_failed']}详情（英文）：{failure}"
        return _fail("OUTPUT", failure, as_json)
    except Exception as error:
        return _fail(
            "INTERNAL_ERROR", f"internal error, please report it: {type(error).__name__}: {error}", as_json
        )


def _complete() -> None:
    """Answer the shell's Tab through argcomplete, imported only then (it exits when done)."""
    import argcomplete

    parser = build_parser()
    for action in _all_actions(parser):
        if "--bank" in action.option_strings:
            action.completer = _bank_codes  # type: ignore[attr-defined]
    argcomplete.autocomplete(parser)


def _all_actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    actions = list(parser._actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                actions += _all_actions(command)
    return actions


def _bank_codes(**_: object) -> list[str]:
    return [bank.code for bank in default_registry().banks]


def _fit_language_to_console(options: argparse.Namespace) -> None:
    """Chinese text on a console that cannot show it would be all ``?``: say it in English."""
    if getattr(options, "lang", "en") == "zh" and not options.json and not can_encode("中"):
        options.lang = "en"
        write_error(
            f"{PROG}: standard output cannot show Chinese ({sys.stdout.encoding}); writing in English."
        )


def _interrupted(options: argparse.Namespace | None) -> str:
    """What an interrupt left behind: only ``batch`` writes, and only ``batch -o`` writes a file."""
    if options is None or options.command != "batch":
        return "interrupted."
    if _writes_a_file(options):
        return "interrupted; no output file was written."
    return "interrupted; the output stops before the end of the input."


def _writes_a_file(options: argparse.Namespace) -> bool:
    return bool(getattr(options, "output", None)) and options.output != "-"


def _fail(code: str, message: str, as_json: bool) -> int:
    """The one-line reason on stderr; with ``--json``, also the error as JSON on stdout.

    On stdout, so that ``| jq`` or ``| python -m json.tool`` reads the error as it reads a result;
    the exit code (2) is the same either way.
    """
    message = " ".join(message.split())
    if as_json:
        with contextlib.suppress(OSError):  # standard output may be what failed
            write_json({"error": {"code": code, "message": message}})
            finish_output()
    # Usage errors already name the command (``wxpay-names format: ...``).
    write_error(message if message.startswith(PROG) else f"{PROG}: {message}")
    return EXIT_UNUSABLE


def _warn(options: argparse.Namespace, message: str) -> None:
    """A word on stderr that changes nothing of the result (exit code and output stay), said
    after the output, and not at all when the command is refused."""
    options.warnings.append(message)


def parse_arguments(arguments: Sequence[str]) -> argparse.Namespace:
    """The options of *arguments*, with the words of a name wherever they stand among the options.

    argparse gives a positional list only the words before the first option that follows it
    (``check "ZHANG SAN" --bank ICBC "ZHANG, San"`` would leave ``ZHANG, San`` over); the
    words left over are the rest of the name, in the order typed.
    """
    parser = build_parser()
    commands = _command_names(parser)
    arguments = hoist_global_options(arguments, commands)
    first = arguments[0] if arguments else ""
    if first.startswith("--") and first.split("=")[0] not in ("--help", "--version"):
        # An option of a command typed before the command's name (``--bank ICBC format``).
        raise UsageError(
            f"{PROG}: {first.split('=')[0]} is not an option of {PROG} itself; put it after a command "
            f"({', '.join(commands)}): {PROG} format {first} ..."
        )
    options, left_over = parser.parse_known_args(arguments)
    if options.lang is None:
        options.lang = default_lang()
    if left_over:
        unknown = [word for word in left_over if word.startswith("-") and word != "-"]
        if unknown or not hasattr(options, "text"):
            raise UsageError(
                f"{PROG} {options.command}: unrecognized arguments: {' '.join(unknown or left_over)}"
            )
        options.text = [*options.text, *left_over]
    return options


def _command_names(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        allow_abbrev=False,
        description="The exact name a Chinese bank recorded from a foreigner's passport, "
        "for linking bank cards in WeChat Pay.",
        epilog="Example: wxpay-names format --surname Zhang --given San. "
        "The options --json, --lang and --banks-file go before or after the command.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = _common_options()

    fmt = commands.add_parser(
        "format",
        parents=[common],
        allow_abbrev=False,
        help="the name each bank most likely holds",
        description="Print the name each bank most likely holds (rank 1), or every likely form with --all.",
        epilog="Example: wxpay-names format 'ZHANG, San' --bank BOC",
    )
    _add_name_arguments(fmt)
    fmt.add_argument(
        "--bank",
        action="append",
        metavar="BANK",
        help="only this bank: a code or name, or a list such as ICBC,BOC (repeatable; default all)",
    )
    fmt.add_argument("--all", action="store_true", help="every likely form, numbered, most likely first")
    add_observations_option(fmt)
    fmt.set_defaults(handler=_format)

    check = commands.add_parser(
        "check",
        parents=[common],
        allow_abbrev=False,
        help="is a typed name what the bank holds?",
        description="Say whether ENTERED is what BANK most likely holds, and how it differs. "
        "Exit 0 for a match, 1 for a plausible form or a mismatch.",
        epilog="Example: wxpay-names check 'SAN ZHANG' 'ZHANG, San' --bank ICBC "
        "(first the name as typed, then the passport name).",
    )
    # ENTERED is added before the name, so it is the first text and a name given as text the rest.
    # Optional to argparse, so that a missing ENTERED is said as such, not as "ENTERED, NAME".
    check.add_argument("entered", metavar="ENTERED", nargs="?", help="the name as typed in WeChat (quote it)")
    _add_name_arguments(check)
    check.add_argument(
        "--bank", action="append", required=True, metavar="BANK", help="the bank of the card (one bank)"
    )
    add_refused_option(check)
    add_observations_option(check)
    check.set_defaults(handler=_check)

    banks = commands.add_parser(
        "banks",
        parents=[common],
        allow_abbrev=False,
        help="the banks, their conventions and sources",
        description="List the banks with how each writes a name, how sure that is, and where it comes from.",
    )
    banks.add_argument(
        "--bank", action="append", metavar="BANK", help="only this bank, or a list such as ICBC,BOC"
    )
    banks.set_defaults(handler=_banks)

    plan = commands.add_parser(
        "plan",
        parents=[common],
        allow_abbrev=False,
        help="one name for several cards",
        description="WeChat holds one real name: find the name that fits every card's bank, or say why none "
        "does. Exit 0 when one name is the likeliest at every bank, 1 when not.",
    )
    _add_name_arguments(plan)
    plan.add_argument(
        "--bank",
        action="append",
        required=True,
        metavar="BANK",
        help="a bank (give two or more: --bank ICBC --bank BOC, or --bank ICBC,BOC)",
    )
    add_observations_option(plan)
    plan.set_defaults(handler=_plan)

    batch = commands.add_parser(
        "batch",
        parents=[common],
        allow_abbrev=False,
        help="a CSV of names to a CSV of results",
        description="Read IN.csv (- for standard input) row by row; write one result row per row and bank. "
        "Name columns: surname and given_names, or mrz, chinese, name; optional bank and entered.",
    )
    batch.add_argument("input", metavar="IN.csv", help="the input CSV, or - for standard input")
    batch.add_argument("-o", "--output", metavar="OUT.csv", help="write here (default: standard output)")
    batch.add_argument(
        "--bank",
        action="append",
        metavar="BANK",
        help="banks for rows whose bank cell is empty (default all)",
    )
    add_observations_option(batch)
    batch.set_defaults(handler=_batch)
    add_learn_command(commands, common, _learn)
    add_preflight_command(commands, common, _add_name_arguments, _passport_name)
    add_serve_command(commands, common)
    return parser


def _common_options() -> _Parser:
    common = _Parser(add_help=False, allow_abbrev=False)
    common.add_argument("--json", action="store_true", help="machine-readable output (see docs/cli.md)")
    common.add_argument(
        "--lang",
        choices=("en", "zh"),
        default=None,
        help="language of messages (default: zh when LC_ALL or LANG starts with zh, else en)",
    )
    common.add_argument(
        "--banks-file",
        metavar="CSV",
        help="read the banks from this CSV (the shape of data/banks.csv) instead of the packaged list",
    )
    return common


def _add_name_arguments(parser: argparse.ArgumentParser) -> None:
    # Added to each command rather than through a parent parser: a parent's positional would come
    # before the command's own (``check NAME ENTERED``), and the name must come after ENTERED.
    group = parser.add_argument_group("the passport name, given one way")
    group.add_argument(
        "text", nargs="*", metavar="NAME", help="a name such as 'ZHANG, San' or 'SMITH John Paul'"
    )
    group.add_argument("--surname", help="the surname as printed in the passport")
    group.add_argument("--given", help="the given names as printed in the passport")
    group.add_argument(
        "--mrz",
        action="append",
        metavar="LINE",
        help="the machine-readable zone (repeat per line, or give its lines in one text; - reads "
        "standard input)",
    )
    group.add_argument("--chinese", metavar="HANZI", help="the name in Chinese characters")


def _passport_name(options: argparse.Namespace) -> PassportName:
    ways = [
        way
        for way, given in (
            ("--surname/--given", options.surname is not None or options.given is not None),
            ("--mrz", bool(options.mrz)),
            ("--chinese", options.chinese is not None),
            ("a NAME", bool(options.text)),
        )
        if given
    ]
    if len(ways) != 1:
        raise UsageError(_one_way(options, ways), _one_way_zh(options, ways))
    if options.mrz:
        return read_name("mrz", read_stdin() if options.mrz == ["-"] else "\n".join(options.mrz))
    if options.chinese is not None:
        name = read_name("chinese", options.chinese)
        for note in reading_notes(name, "options"):
            said = pick(options.lang, note.en, note.zh)
            _warn(options, said[:1].lower() + said[1:])  # after "wxpay-names: ", as every warning
        return name
    if options.text:
        text = read_stdin() if options.text == ["-"] else " ".join(options.text)
        # A zone pasted as the name (its two lines in one text, or run together) is read as one.
        name = read_name("mrz" if looks_like_mrz(text) else "text", text)
        _warn_other_script(options, name)
        return name
    name = read_name("fields", options.surname or "", options.given or "")
    _warn_other_script(options, name)
    if options.given is None:
        # A surname alone is a legal one-part name, but mostly it is a forgotten --given.
        _warn(
            options,
            pick(
                options.lang,
                f"only a surname was given ({name.surname}). If the passport prints given names, add "
                'them with --given (quote several: --given "Anna Maria").',
                f"只给出了姓（{name.surname}）。如果护照上印有名字，请用 --given 加上"
                '（多个名字请加引号：--given "Anna Maria"）。',
            ),
        )
    return name


def _one_way(options: argparse.Namespace, ways: list[str]) -> str:
    """Why the name cannot be read: given no way, or two; with a hint to quote words left over."""
    said = f" (got {' and '.join(ways)})" if ways else ""
    message = (
        f"{PROG} {options.command}: give the passport name one way{said}: --surname/--given, --mrz, "
        "--chinese, or a NAME such as 'ZHANG, San'."
    )
    if len(ways) > 1 and options.text and not any(" " in word for word in options.text):
        # Words of a name typed without quotes fall out of their option and become a NAME
        # (a quoted text of several words was given as a NAME on purpose: no hint).
        words = " ".join(options.text)
        message += f' The words "{words}" are left over: quote a name of several words'
        if options.command == "check" and options.entered:
            message += f' (the name as typed: check "{options.entered} {words}")'
        elif options.given is not None:
            message += f' (--given "{options.given} {words}")'
        elif options.surname is not None:
            message += f' (--surname "{options.surname} {words}")'
        message += "."
    return message


def _one_way_zh(options: argparse.Namespace, ways: list[str]) -> str | None:
    """``_one_way`` in Chinese; ``None`` (the English as details) when words are left over."""
    if len(ways) > 1 and options.text and not any(" " in word for word in options.text):
        return None
    given = "和".join(ways) if len(ways) == 2 else "、".join(ways)
    said = f"（您同时给出了 {given}）" if ways else ""
    return (
        f"{PROG} {options.command}：请只用一种方式给出护照姓名{said}：--surname/--given、--mrz、"
        "--chinese，或“ZHANG, San”这样的姓名。"
    )


def _named_banks(command: str, queries: Sequence[str] | None) -> list[str]:
    """``cli_args.named_banks`` for a command whose banks default to every bank."""
    instead = "" if command in ("check", "plan") else " (leave --bank out for every bank)"
    return named_banks(command, queries, UsageError, instead)


def _chosen_banks(registry: BankRegistry, queries: Sequence[str] | None, command: str) -> tuple[Bank, ...]:
    """The banks named, each once, in the order given; every bank when no --bank is given."""
    if not queries:
        return registry.banks
    chosen: dict[str, Bank] = {}
    for query in _named_banks(command, queries):
        bank = registry.get(query)
        chosen.setdefault(bank.code, bank)
    return tuple(chosen.values())


def _notes_json(name: PassportName) -> list[dict[str, str]]:
    """The reading notes of *name* as the web service answers them (``code``, ``message``,
    ``message_zh``), put as the command's options give a name; ``[]`` for most names."""
    return [
        {"code": note.code, "message": note.en, "message_zh": note.zh}
        for note in reading_notes(name, "options")
    ]


def _print_json(document: dict[str, Any]) -> None:
    write_json(document)


def _print_lines(lines: Sequence[str]) -> None:
    write_text("\n".join(lines))


def _format(options: argparse.Namespace) -> int:
    registry = registry_of(options)
    name = _passport_name(options)
    seen = observations_keyword(options)
    chosen = _chosen_banks(registry, options.bank, "format")
    results = [(bank, candidates(name, bank, **seen)) for bank in chosen]
    if seen:
        results = [(_row_followed(bank, found[0]), found) for bank, found in results]
    if options.json:
        _print_json(
            {
                "name": name.model_dump(mode="json"),
                "reading_notes": _notes_json(name),
                "results": [
                    {
                        "bank": bank.code,
                        "evidence": bank.evidence,
                        "expected": found[0].text,
                        "candidates": [
                            c.model_dump(mode="json") for c in (found if options.all else found[:1])
                        ],
                    }
                    for bank, found in results
                ],
            }
        )
    elif options.all:
        listed = all_candidates_lines(results, options.lang, several_words=_several_words(name))
        _print_lines([*name_lines(name, options.lang), "", *listed])
    else:
        firsts = [(bank, found[0]) for bank, found in results]
        table = format_lines(firsts, options.lang, several_words=_several_words(name))
        if seen and any(_moved_up(first) for _, first in firsts):
            table.append(
                pick(
                    options.lang,
                    "Your observations moved a name to type up from a lower rank; its convention is "
                    "then what the outcomes show (inferred): --all gives the counts.",
                    "根据您的观察数据，有写法从后面升到了第 1 位；这些银行的“写法”一栏按观察结果推断，"
                    "而非根据公开资料：请用 --all 查看试过和被接受的次数。",
                )
            )
        _print_lines([*name_lines(name, options.lang), "", *table])
    return EXIT_OK


def _moved_up(first: Candidate) -> bool:
    """Whether observations moved *first* to rank 1 from a lower one."""
    observed = getattr(first, "observed", None)  # a LearnedCandidate's; learned_ranking not imported
    return observed is not None and observed.prior_rank != 1


def _row_followed(bank: Bank, first: Candidate) -> Bank:
    """The row a rank 1 ranked with observations follows (``learned_row``: its order, spacing
    and case), and ``inferred`` wherever the outcomes moved it up, even when those match the
    row (the first given name alone, another spelling): the table says what the name to type
    rests on. (``plan`` describes its banks by ``learned_row`` alone.)"""
    from .learned_ranking import INFERRED, learned_row  # with observations only: the CLI starts light

    row = learned_row(bank, first.pattern)
    return bank.model_copy(update=INFERRED) if row is bank and _moved_up(first) else row


def _check(options: argparse.Namespace) -> int:
    if options.entered is None:
        raise UsageError(
            f"{PROG} check: missing ENTERED, the name as typed in WeChat, in quotes before the passport "
            'name: wxpay-names check "ZHANG SAN" --surname Zhang --given San --bank ICBC.',
            f"{PROG} check：缺少在微信中输入的姓名，请用引号括起来放在护照姓名之前："
            'wxpay-names check "ZHANG SAN" --surname Zhang --given San --bank ICBC。',
        )
    registry = registry_of(options)
    # --bank may be repeated for the other commands; here, as a list (ICBC,BOC), two options
    # (--bank ICBC --bank BOC) name two banks too, and the card has one.
    bank = registry.get(one_bank("check", options.bank, UsageError))
    name = _passport_name(options)
    observations = read_observations(options)
    result = check_name(options.entered, name, bank, observations=observations)
    forms = next_forms(result, name, bank, options.refused, observations)
    if options.json:
        # The NameCheck itself, with what it was checked against and the forms to try next.
        _print_json(
            {
                **result.model_dump(mode="json"),
                "bank": bank.code,
                "name": name.model_dump(mode="json"),
                "reading_notes": _notes_json(name),
                "next": next_forms_json(forms),
            }
        )
    else:
        _print_lines(
            [
                *check_lines(result, bank, options.lang, forms),
                *next_forms_lines(forms, result, options.lang, options.refused),
                *hand_typed_lines(name, bank, options.refused, options.lang),
            ]
        )
    return EXIT_OK if result.ok else EXIT_NOT_OK


def _banks(options: argparse.Namespace) -> int:
    chosen = _chosen_banks(registry_of(options), options.bank, "banks")
    if options.json:
        _print_json({"banks": [bank.model_dump(mode="json") for bank in chosen]})
    else:
        _print_lines(banks_lines(chosen, options.lang))
    return EXIT_OK


def _plan(options: argparse.Namespace) -> int:
    registry = registry_of(options)
    chosen = _chosen_banks(registry, options.bank, "plan")
    if len(chosen) < 2:
        raise UsageError(
            f"{PROG} plan: name two or more different banks with --bank.",
            f"{PROG} plan：请用 --bank 指定两家或更多不同的银行。",
        )
    name = _passport_name(options)
    observations = read_observations(options)
    # The banks that agree with each side are listed below, the guessed ones counted.
    result = card_plan(name, chosen, registry=registry, observations=observations, other_banks=False)
    expected = [format_name(name, bank, observations=observations) for bank in chosen]
    if options.json:
        # The CardPlan itself, with the name and each bank's rank-1 text.
        _print_json(
            {
                **result.model_dump(mode="json"),
                "expected": {bank.code: text for bank, text in zip(chosen, expected, strict=True)},
                "name": name.model_dump(mode="json"),
                "reading_notes": _notes_json(name),
            }
        )
    else:
        lines = plan_lines(result, chosen, expected, options.lang)
        if not result.compatible and observations is None:
            # Where the banks disagree: which other banks write each one's likeliest form (by
            # their rows; with observations, rank 1 is the outcomes', which no row says).
            pairs = [
                (bank, text, compatible_banks(name, bank, registry=registry))
                for bank, text in zip(chosen, expected, strict=True)
            ]
            lines += agreeing_lines(pairs, options.lang)
        _print_lines(lines)
    return EXIT_OK if result.compatible else EXIT_NOT_OK


def _batch(options: argparse.Namespace) -> int:
    registry = registry_of(options)
    default_banks = _chosen_banks(registry, options.bank, "batch")
    progress = sys.stderr.isatty()
    settings: dict[str, Any] = {
        "default_banks": default_banks,
        "find_bank": registry.get,
        "lang": options.lang,
        "json_lines": options.json,
        "source_name": "standard input" if options.input == "-" else options.input,
        "progress": progress,
        "observations": read_observations(options),
    }
    with open_input(options.input) as source:
        if _writes_a_file(options):
            with write_atomically(options.output, options.json) as sink:
                summary = run_batch(source, sink, **settings)
        else:
            with open_stdout(options.json) as sink:
                summary = run_batch(source, sink, **settings)
    if progress:
        print(
            f"{summary.rows_in} rows read, {summary.rows_out} written, {summary.errors} with an error, "
            f"{summary.not_matched} checked and not matching.",
            file=sys.stderr,
        )
    return EXIT_OK if summary.all_good else EXIT_NOT_OK


def _learn(options: argparse.Namespace) -> int:
    return run_learn(options, registry_of(options).get)


def _several_words(name: PassportName) -> bool:
    """Whether *name* has several given names (or words of the surname): the bank's space
    between them is a column of its own, often less sure than the row."""
    primary = spellings(name)[0]
    return len(primary.surname) > 1 or sum(len(words) for words in primary.given) > 1


# How letters of another script were spelled, as the CLI says it: Cyrillic by ICAO's table
# (or a State's, from a zone), Greek letter by letter (the data holds no table for it).
_SPELLED_BY = {
    "CYRILLIC": (
        "the Cyrillic letters were spelled by ICAO's table (Doc 9303)",
        "西里尔字母是按国际民航组织（ICAO）9303 文件的转写表拼写的",
    ),
    "GREEK": (
        "the Greek letters were spelled letter by letter (the data holds no passport table for them)",
        "希腊字母是逐个字母转写的（数据中没有适用于护照的转写表）",
    ),
}


def _warn_other_script(options: argparse.Namespace, name: PassportName) -> None:
    """Say how a name given in Cyrillic or Greek letters was spelled, where the passport
    prints the Latin spelling its State chooses: a guess at what the bank copied."""
    if name.issuing_state is not None:
        return  # read from a zone: its letters are the passport's own
    scripts = {script_of(char) for char in name.surname + name.given_names if not char.isascii()}
    script = next((each for each in _SPELLED_BY if each in scripts), None)
    if script is None:
        return
    english, chinese = _SPELLED_BY[script]
    _warn(
        options,
        pick(
            options.lang,
            f"{english}; a passport prints the Latin spelling its State chooses, which may differ. "
            "Type the Latin name printed in the passport with --surname and --given, or give its "
            "zone with --mrz.",
            f"{chinese}；护照上印的是签发国选择的拉丁字母拼法，可能与此不同。"
            "请用 --surname 和 --given 输入护照上印的拉丁字母姓名，或用 --mrz 给出护照机读区。",
        ),
    )
