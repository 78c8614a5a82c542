"""The command-line checker (the CLI issue grows this into the full tool)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .candidates import format_name
from .errors import NameFormatError
from .models import PassportName
from .registry import banks


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wxpay-names")
    commands = parser.add_subparsers(dest="command", required=True)
    fmt = commands.add_parser("format", help="print the name each bank most likely holds")
    fmt.add_argument("--surname", required=True)
    fmt.add_argument("--given", default="")
    args = parser.parse_args(argv)
    try:
        name = PassportName(surname=args.surname, given_names=args.given)
        for bank in banks():
            print(f"{bank.code:<6} {format_name(name, bank):<30} {bank.evidence}")
    except (NameFormatError, ValueError) as error:
        print(f"wxpay-names: {error}", file=sys.stderr)
        return 2
    return 0
