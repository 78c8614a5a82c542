"""A real ``wxpay-names serve`` on a free loopback port, for the tests that talk HTTP to it.

The server's whole output (uvicorn's lines and the service's own) goes to a log file, so a
test can read what the service logged about the requests it sent.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STARTUP_SECONDS = 30


@dataclass(frozen=True)
class Server:
    url: str
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def request(self, method: str, path: str, body: bytes | None = None, **headers: str) -> tuple[int, Any]:
        """The status and the decoded JSON answer of one request."""
        request = urllib.request.Request(self.url + path, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def post(self, path: str, document: object) -> tuple[int, Any]:
        body = json.dumps(document).encode()
        return self.request("POST", path, body, **{"Content-Type": "application/json"})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve_command() -> list[str]:
    """The console script of this environment (the one ``pip install`` put beside Python)."""
    script = Path(sys.executable).with_name("wxpay-names")
    found = str(script) if script.exists() else shutil.which("wxpay-names")
    assert found, "the wxpay-names console script is not installed: pip install -e '.[test]'"
    return [found, "serve"]


@contextmanager
def running_server(log: Path, *arguments: str) -> Iterator[Server]:
    """Start the server, wait until ``/healthz`` answers, stop it (SIGINT, as Ctrl+C) at the end."""
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*serve_command(), "--port", str(port), *arguments],
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    server = Server(f"http://127.0.0.1:{port}", log)
    try:
        _wait_until_up(server, process)
        yield server
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(server: Server, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}:\n{server.log_text()}")
        try:
            if server.request("GET", "/healthz")[0] == 200:
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise AssertionError(
        f"the server did not answer /healthz within {STARTUP_SECONDS} s:\n{server.log_text()}"
    )
