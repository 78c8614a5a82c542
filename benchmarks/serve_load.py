"""Load on the web service: 50 concurrent clients against a real server on loopback.

Starts ``wxpay-names serve`` (or, with ``--workers N``, uvicorn with N worker processes) on a
free 127.0.0.1 port, then sends a mix of ``/v1/format``, ``/v1/check`` and ``/v1/candidates``
requests from concurrent keep-alive clients until a fixed number of requests is sent or a
fixed time is up, whichever comes first, and prints requests per second, the p50 and p99
latency, and the errors (anything but a 200). Measured, not asserted: the figures depend on
the machine. Exit status 1 when there was any error.

    python benchmarks/serve_load.py                 # 50 clients, at most 20,000 requests or 30 s
    python benchmarks/serve_load.py --workers 2     # uvicorn --workers 2 behind one port

Needs the ``[web]`` extra. The recorded run is in docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

# The request mix: (path, body), taken in turn by each client. Names of several kinds (Latin
# with accents, several given names, Chinese characters, a zone), banks of both orders.
MIX: tuple[tuple[str, dict[str, object]], ...] = (
    ("/v1/format", {"surname": "Zhang", "given_names": "San", "banks": ["ICBC", "BOC"]}),
    ("/v1/check", {"surname": "Zhang", "given_names": "San", "bank": "ICBC", "entered": "SAN ZHANG"}),
    ("/v1/candidates", {"surname": "Müller", "given_names": "Jürgen Karl", "bank": "ABC"}),
    ("/v1/format", {"chinese": "欧阳娜娜", "banks": ["CMB"]}),
    ("/v1/check", {"surname": "Garcia", "given_names": "Gabriel José", "bank": "BOC", "entered": "GABRIEL"}),
    ("/v1/candidates", {"mrz": "P<UTOERIKSSON<<ANNA<MARIA" + "<" * 19, "bank": "CCB"}),
)
STARTUP_SECONDS = 30


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    sent: int = 0

    def error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    bin_dir = Path(sys.executable).parent
    if workers == 1:
        command = [str(bin_dir / "wxpay-names"), "serve", "--port", str(port), "--log-level", "warning"]
    else:
        command = [
            *(str(bin_dir / "uvicorn"), "--factory", "wxpay_names.web:create_app"),
            *("--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)),
            *("--log-level", "warning", "--no-access-log"),
        ]
    # The server's own log goes nowhere: the figures are the point here.
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}: {' '.join(command)}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"the server did not answer /healthz within {STARTUP_SECONDS} s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def encoded_requests(port: int) -> list[bytes]:
    requests = []
    for path, body in MIX:
        payload = json.dumps(body, ensure_ascii=False).encode()
        head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n"
        )
        requests.append(head.encode() + payload)
    return requests


async def read_answer(reader: asyncio.StreamReader) -> int:
    """The status of one HTTP/1.1 answer, its body read (and dropped)."""
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("the server closed the connection")
    status = int(status_line.split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def client(
    number: int, port: int, requests: list[bytes], budget: list[int], stop_at: float, tally: Tally
) -> None:
    """One keep-alive client: a request, its answer, the next, until the budget or the time is out."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    turn = number  # clients start at different places in the mix
    try:
        while budget[0] > 0 and time.perf_counter() < stop_at:
            budget[0] -= 1
            request = requests[turn % len(requests)]
            turn += 1
            started = time.perf_counter()
            try:
                writer.write(request)
                await writer.drain()
                status = await read_answer(reader)
            except (ConnectionError, asyncio.IncompleteReadError, ValueError) as error:
                tally.error(type(error).__name__)
                tally.sent += 1
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            tally.latencies.append(time.perf_counter() - started)
            tally.sent += 1
            if status != 200:
                tally.error(f"HTTP {status}")
    finally:
        writer.close()


async def run_load(port: int, clients: int, requests: int, seconds: float) -> tuple[Tally, float]:
    tally = Tally()
    budget = [requests]  # shared by the clients: one event loop, no lock needed
    started = time.perf_counter()
    stop_at = started + seconds
    await asyncio.gather(
        *(client(number, port, encoded_requests(port), budget, stop_at, tally) for number in range(clients))
    )
    return tally, time.perf_counter() - started


def percentile(sorted_values: list[float], fraction: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--requests", type=int, default=20_000, help="at most this many (default 20000)")
    parser.add_argument("--seconds", type=float, default=30.0, help="and at most this long (default 30)")
    parser.add_argument("--workers", type=int, default=1, help="server processes (default 1: serve)")
    options = parser.parse_args(argv)

    port = free_port()
    server = start_server(port, options.workers)
    try:
        # A short warm-up (the bank table, the first requests of each kind), not counted.
        asyncio.run(run_load(port, 4, 200, 10.0))
        tally, elapsed = asyncio.run(run_load(port, options.clients, options.requests, options.seconds))
    finally:
        stop_server(server)

    latencies = sorted(tally.latencies)
    errors = sum(tally.errors.values())
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs (shared)")
    print(
        f"server: {'wxpay-names serve' if options.workers == 1 else f'uvicorn --workers {options.workers}'}; "
        f"{options.clients} clients, keep-alive; mix: format, check, candidates"
    )
    print(f"requests:   {tally.sent} in {elapsed:.1f} s")
    print(f"throughput: {tally.sent / elapsed:,.0f} requests/s")
    if latencies:
        p50, p99 = (percentile(latencies, fraction) * 1000 for fraction in (0.50, 0.99))
        mean = statistics.fmean(latencies) * 1000
        print(f"latency:    p50 {p50:.1f} ms, p99 {p99:.1f} ms, mean {mean:.1f} ms")
    print(f"errors:     {errors}" + (f" {tally.errors}" if errors else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
