"""``wxpay-names serve`` as a user runs it: a real server on a loopback port, over HTTP.

The "Must show" of issue 19: ``/healthz`` answers; ``/v1/format`` gives ``ZHANG SAN`` at
ICBC and ``SAN ZHANG`` at BOC; an unknown bank is 404 and an empty name 422, each with a
code; a 1 MiB body is 413; and nothing a person typed appears in the server's log.
"""

from __future__ import annotations

import csv
import http.client
import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from serving import Server, running_server
from wxpay_names.cli import build_parser

# Names no test elsewhere sends, so finding one in the log can only mean it was logged.
SURNAME, GIVEN = "Quillfeather", "Ottoline"
MRZ = "P<UTOXANTHOPOULOU<<MYRTO<ELEFTHERIA" + "<" * 9
CHINESE = "欧阳娜娜"
ENTERED = "OTTOLINE QUILFEATHER"
CARD, PHONE = "6222021234567890123", "13912345678"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("serve") / "server.log") as running:
        yield running


def test_healthz_answers(server: Server) -> None:
    assert server.request("GET", "/healthz") == (200, {"status": "ok", "version": "0.1.0"})


def test_format_gives_each_banks_order(server: Server) -> None:
    status, answer = server.post(
        "/v1/format", {"surname": "Zhang", "given_names": "San", "banks": ["ICBC", "BOC"]}
    )
    assert status == 200
    assert [(result["bank"], result["expected"]) for result in answer["results"]] == [
        ("ICBC", "ZHANG SAN"),
        ("BOC", "SAN ZHANG"),
    ]


def test_unknown_bank_is_404_with_a_code(server: Server) -> None:
    status, answer = server.post(
        "/v1/format", {"surname": "Zhang", "given_names": "San", "banks": ["Atlantis"]}
    )
    assert status == 404
    assert answer["detail"]["code"] == "UNKNOWN_BANK"
    assert answer["detail"]["field"] == "banks"
    assert "ICBC" in answer["detail"]["message"]  # says which codes exist


def test_empty_name_is_422_with_a_code(server: Server) -> None:
    status, answer = server.post("/v1/format", {"surname": "", "given_names": "", "banks": ["ICBC"]})
    assert status == 422
    assert answer["detail"]["code"] == "EMPTY_NAME"
    assert set(answer["detail"]) == {"code", "message", "message_zh", "field"}


def test_a_one_mebibyte_body_is_413(server: Server) -> None:
    body = b'{"surname": "' + b"A" * (1 << 20) + b'"}'
    status, answer = server.request("POST", "/v1/format", body, **{"Content-Type": "application/json"})
    assert status == 413
    assert answer["detail"]["code"] == "REQUEST_TOO_LARGE"


def test_binds_to_loopback_unless_told(server: Server) -> None:
    assert build_parser().parse_args(["serve"]).host == "127.0.0.1"
    assert f"Uvicorn running on {server.url}" in server.log_text()


def test_no_typed_text_in_the_log(server: Server) -> None:
    """Every endpoint and refusal, with names and numbers found nowhere else; the log holds none."""
    name = {"surname": SURNAME, "given_names": GIVEN}
    sent = [
        ("/v1/format", {**name, "all": True}),
        ("/v1/format", {"mrz": MRZ}),
        ("/v1/format", {"chinese": CHINESE, "banks": ["BOC"]}),
        ("/v1/format", {"name": f"{SURNAME.upper()}, {GIVEN}"}),
        ("/v1/candidates", {**name, "bank": "ICBC"}),
        ("/v1/check", {**name, "bank": "ICBC", "entered": ENTERED}),
        ("/v1/check", {**name, "bank": "BOC", "entered": f"{GIVEN} {SURNAME}"}),
        ("/v1/plan", {**name, "banks": ["ICBC", "BOC", "ABC"]}),
        ("/v1/mrz", {"mrz": MRZ}),
        ("/v1/next", {**name, "bank": "ICBC", "refused": [ENTERED]}),
        ("/v1/preflight", {**name, "card": CARD, "phone": PHONE, "document": MRZ}),
        # Refusals, whose messages quote the input back to the client:
        ("/v1/format", {"surname": SURNAME + "7", "given_names": GIVEN}),
        ("/v1/format", {**name, "banks": [SURNAME]}),
        ("/v1/check", {**name, "bank": "ICBC", "entered": ENTERED, "note": SURNAME}),
        ("/v1/mrz", {"mrz": MRZ.replace("<<", "<1<")}),
    ]
    statuses = [server.post(path, body)[0] for path, body in sent]
    assert statuses == [200] * 11 + [422, 404, 422, 422]
    # A client that puts the name in the query string: refused, and not logged either.
    query = f"/v1/format?surname={SURNAME}&given_names={GIVEN}"
    assert server.request("POST", query, b"{}", **{"Content-Type": "application/json"})[0] == 422
    log = server.log_text()
    assert "POST /v1/mrz" in log  # the log was captured: it holds the request lines
    assert "check source=fields bank=ICBC status=mismatch" in log  # and the service's own lines
    words = {SURNAME, GIVEN, "XANTHOPOULOU", "MYRTO", "ELEFTHERIA", CHINESE, "QUILFEATHER", CARD, PHONE}
    words |= {CARD[6:-4], PHONE[3:]}  # nor a part of a number
    found = {word for word in words if word.casefold() in log.casefold()}
    assert not found, f"the server logged what was typed: {found}"


def test_serve_without_the_web_extra_says_how_to_install_it(tmp_path: Path) -> None:
    # sys.modules[...] = None makes the import system report the package as absent.
    script = (
        "import sys; sys.modules['uvicorn'] = None; "
        "from wxpay_names.cli import main; sys.exit(main(['serve']))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2
    assert "python -m pip install '.[web]' in a clone of the repository" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_declared_length_beyond_what_is_drained_is_413_at_once(server: Server) -> None:
    # Declared 100 MB, sent a few bytes, then silence: the answer must not wait for the rest
    # (it waited while the server drained, up to 2 MiB, holding the connection).
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as client:
        client.sendall(
            b"POST /v1/format HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100000000\r\n\r\n" + b'{"surn'
        )
        started = time.monotonic()
        answer = b""
        while b"\r\n\r\n" not in answer and time.monotonic() - started < 10:
            piece = client.recv(4096)
            if not piece:
                break
            answer += piece
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:80]
    assert time.monotonic() - started < 5


def test_a_chunked_body_over_the_cap_is_413(server: Server) -> None:
    """No Content-Length to check: the bytes are counted as they arrive."""
    host, port = server.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    chunk = b"A" * 4096
    body = iter([b'{"surname": "', *[chunk] * 64, b'"}'])
    connection.request(
        "POST", "/v1/format", body=body, headers={"Content-Type": "application/json"}, encode_chunked=True
    )
    response = connection.getresponse()
    assert response.status == 413
    assert json.loads(response.read())["detail"]["code"] == "REQUEST_TOO_LARGE"
    connection.close()


def test_serve_with_a_banks_file_finds_the_cards_bank_in_it(tmp_path: Path) -> None:
    """``--banks-file`` whose ICBC writes the given names first: /v1/preflight follows the file too."""
    rows = list(csv.DictReader((FIXTURES / "banks.csv").open(encoding="utf-8", newline="")))
    for row in rows:
        if row["code"] == "ICBC":
            row.update(order="given_first", example_output="SAN ZHANG")
    banks_file = tmp_path / "banks.csv"
    with banks_file.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    name = {"surname": "Zhang", "given_names": "San"}
    with running_server(tmp_path / "server.log", "--banks-file", str(banks_file)) as served:
        status, listed = served.post("/v1/candidates", {**name, "bank": "ICBC"})
        assert (status, listed["expected"]) == (200, "SAN ZHANG")
        status, checked = served.post("/v1/preflight", {**name, "card": "6222021234567890123"})
        assert status == 200
        assert checked["bank"]["code"] == "ICBC"
        assert checked["name_to_type"] == "SAN ZHANG"
        assert [form["text"] for form in checked["next_tries"]] == [
            c["text"] for c in listed["candidates"][1:]
        ]
        assert all(form["note_zh"] for form in checked["next_tries"])


def test_serve_with_a_missing_banks_file_says_so(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-banks.csv"
    result = subprocess.run(
        [sys.executable, "-m", "wxpay_names", "serve", "--banks-file", str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert f"{missing}: the bank file cannot be read" in result.stderr


def test_the_load_benchmark_runs_and_stops_by_itself() -> None:
    """benchmarks/serve_load.py, small: it starts its own server, counts, stops, and says 0 errors."""
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "serve_load.py"
    result = subprocess.run(
        [sys.executable, str(script), "--clients", "5", "--requests", "60", "--seconds", "20"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "requests:   60 in" in result.stdout
    assert "errors:     0" in result.stdout


def test_serve_passes_its_options_to_uvicorn(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The wiring, without binding anything: uvicorn.run is replaced by a recorder."""
    import uvicorn

    from wxpay_names.cli import main

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **settings: calls.append({"app": app, **settings}))
    monkeypatch.setattr("wxpay_names.cli_serve.check_address", lambda host, port: None)
    assert (
        main(["serve", "--port", "8765", "--cors-origin", "https://a.example", "--log-level", "warning"]) == 0
    )
    (call,) = calls
    assert (call["host"], call["port"], call["log_level"]) == ("127.0.0.1", 8765, "warning")
    assert call["log_config"]["loggers"]["wxpay_names.web"]["level"] == "WARNING"
    cors = [m for m in call["app"].user_middleware if getattr(m.cls, "__name__", "") == "CORSMiddleware"]
    assert [m.kwargs["allow_origins"] for m in cors] == [["https://a.example"]]
    assert "listening on" not in capsys.readouterr().err
    assert main(["serve", "--host", "192.0.2.1"]) == 0  # a documentation address: nothing is bound
    assert calls[-1]["host"] == "192.0.2.1"
    assert "beyond this machine" in capsys.readouterr().err
    assert main(["serve", "--port", "70000"]) == 2


@pytest.fixture
def recorded_runs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """uvicorn.run replaced by a recorder: a test that should refuse never serves for real."""
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **settings: calls.append(settings))
    return calls


def test_serve_on_a_busy_port_is_one_line_and_exit_2(
    recorded_runs: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    # uvicorn said it in its multi-line log and exited 3; with --json nothing reached stdout.
    from wxpay_names.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port), "--json"]) == 2
        out, err = capsys.readouterr()
        assert err.startswith(f"wxpay-names serve: cannot listen on 127.0.0.1:{port}: Address already in use")
        assert err.endswith("; choose another with --port.\n")
        assert err.count("\n") == 1
        assert json.loads(out)["error"]["code"] == "USAGE"
        assert main(["serve", "--port", str(port), "--lang", "zh"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("wxpay-names serve：端口已被占用")
        assert err.count("\n") == 1
    assert recorded_runs == []


@pytest.mark.parametrize("host", ["not a host!", "192.0.2.1"])
def test_serve_on_an_address_it_cannot_listen_on_is_one_line_and_exit_2(
    recorded_runs: list[dict[str, Any]], capsys: pytest.CaptureFixture[str], host: str
) -> None:
    from wxpay_names.cli import main

    assert main(["serve", "--host", host, "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        f"wxpay-names serve: cannot listen on {host!r}"
        if "!" in host
        else f"wxpay-names serve: cannot listen on {host}:0"
    )
    assert err.count("\n") == 1
    assert "beyond this machine" not in err  # no warning about listening where it never will
    assert recorded_runs == []


def test_serve_on_a_port_it_may_not_use_says_so(
    recorded_runs: list[dict[str, Any]], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A port below 1024 without the rights to it: the advice is about the port, not the host.
    # (The tests may run as root, who may bind anything: the refusal is made here.)
    import errno

    from wxpay_names.cli import main

    def refused(self: socket.socket, address: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(socket.socket, "bind", refused)
    assert main(["serve", "--port", "80"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "wxpay-names serve: cannot listen on 127.0.0.1:80: Permission denied; "
        "choose a port above 1023 with --port, or run with the rights to this one.\n"
    )
    assert main(["serve", "--port", "80", "--lang", "zh"]) == 2
    assert capsys.readouterr().err.startswith("wxpay-names serve：没有使用该端口的权限")
    assert recorded_runs == []
