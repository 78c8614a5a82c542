"""``wxpay-names serve``: the web service and page, on 127.0.0.1 unless told otherwise.

Needs the ``[web]`` extra (FastAPI and uvicorn); without it the command says how to install
it and exits 2. The service itself is ``wxpay_names.web``; the docs are ``docs/service.md``.
"""

from __future__ import annotations

import argparse
import copy
import errno
import logging
import socket
import sys
from importlib.util import find_spec
from typing import Any

from .cli_args import UsageError, registry_of
from .messages import SERVE_ZH

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
WEB_EXTRA_MISSING = (
    "wxpay-names serve: the web service needs the [web] extra (FastAPI and uvicorn): "
    "python -m pip install '.[web]' in a clone of the repository, or "
    "pipx install './wxpay_names-VERSION-py3-none-any.whl[web]' from a built wheel."
)


def add_serve_command(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add ``serve`` to the subcommands *commands* of the main parser, with its *common* options."""
    serve = commands.add_parser(
        "serve",
        parents=[common],
        allow_abbrev=False,
        help="the web service and page (needs the [web] extra)",
        description="Serve the JSON API under /v1/ and the page at /. Binds to 127.0.0.1 unless --host "
        "says otherwise; the functions are pure, so several workers may run behind a reverse proxy "
        "(see docs/service.md).",
        epilog="Example: wxpay-names serve --port 8765, then open http://127.0.0.1:8765/",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on (default 8000)")
    serve.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="let pages of this origin call the API (repeatable; default: CORS off)",
    )
    serve.add_argument(
        "--log-level",
        choices=("critical", "error", "warning", "info"),
        default="info",
        help="the least important log lines shown (default info)",
    )
    serve.set_defaults(handler=run_serve)


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 0 to 65535, not {text!r}")
    return int(text)


def run_serve(options: argparse.Namespace) -> int:
    """Run the service until interrupted; return the exit code."""
    if find_spec("fastapi") is None or find_spec("uvicorn") is None:
        raise UsageError(WEB_EXTRA_MISSING)
    import uvicorn

    from .web import create_app

    app = create_app(cors_origins=options.cors_origin, registry=registry_of(options))
    check_address(options.host, options.port)
    if options.host not in LOOPBACK:
        print(
            f"wxpay-names serve: listening on {options.host}, beyond this machine: put it behind a reverse "
            "proxy that terminates TLS (docs/service.md).",
            file=sys.stderr,
        )
    uvicorn.run(
        app,
        host=options.host,
        port=options.port,
        log_level=options.log_level,
        log_config=log_config(options.log_level),
        server_header=False,
    )
    return 0


def check_address(host: str, port: int) -> None:
    """Refuse, in one line, an address the server could not listen on: a host that does not
    resolve, a port in use, an address not of this machine.

    Bound as uvicorn binds it (every address the host resolves to, ``SO_REUSEADDR``, IPv6
    only on an IPv6 socket), then released for uvicorn, which would otherwise fail with its
    multi-line log and exit 3. (Another program taking the port in between still gets that.)
    """

    where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise UsageError(
            f"wxpay-names serve: cannot listen on {host!r}: the host cannot be resolved ({reason}); "
            "give an address of this machine with --host, such as 127.0.0.1.",
            f"wxpay-names serve：{SERVE_ZH['unresolvable']}"
            f"详情（英文）：{host!r} cannot be resolved ({reason}).",
        ) from None
    bound: list[socket.socket] = []
    try:
        for family, kind, protocol, _, address in addresses:
            listener = socket.socket(family, kind, protocol)
            bound.append(listener)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6 and hasattr(socket, "IPPROTO_IPV6"):
                listener.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            listener.bind(address)
    except OSError as error:
        reason = error.strerror or str(error)
        # A port in use, a port below 1024 without the rights to it, or an address not of this machine.
        why = {errno.EADDRINUSE: "in_use", errno.EACCES: "denied", errno.EPERM: "denied"}.get(
            error.errno or 0, "cannot_bind"
        )
        advice = {
            "in_use": "choose another with --port",
            "denied": "choose a port above 1023 with --port, or run with the rights to this one",
            "cannot_bind": "give an address of this machine with --host",
        }[why]
        raise UsageError(
            f"wxpay-names serve: cannot listen on {where}: {reason}; {advice}.",
            f"wxpay-names serve：{SERVE_ZH[why]}详情（英文）：cannot listen on {where}: {reason}.",
        ) from None
    finally:
        for listener in bound:
            listener.close()


class PathWithoutQuery(logging.Filter):
    """Drops the query string from uvicorn's access lines: the API takes nothing there, but a
    client that puts a name in it (``POST /v1/format?surname=...``) must not have it logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        # uvicorn's access line: (client, method, path with query, HTTP version, status).
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            record.args = (*args[:2], args[2].partition("?")[0], *args[3:])
        return True


def log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging, with the service's own letter-free lines (``wxpay_names.web``) beside it,
    and its access lines without query strings."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["path_without_query"] = {"()": PathWithoutQuery}
    config["handlers"]["access"].setdefault("filters", []).append("path_without_query")
    config["loggers"]["wxpay_names.web"] = {
        "handlers": ["default"],
        "level": level.upper(),
        "propagate": False,
    }
    return config
