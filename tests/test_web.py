"""The JSON API in process (FastAPI's test client): every endpoint, every refusal, one shape."""

from __future__ import annotations

import csv
import json
import logging
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from wxpay_names import BankRegistry, candidates, check_name, parse_mrz, plan_cards, preflight
from wxpay_names.web import MAX_BODY_BYTES, create_app, router
from wxpay_names.web import routes as web_routes
from wxpay_names.web.page import page_html

ZHANG_SAN = {"surname": "Zhang", "given_names": "San"}
MRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
REFUSAL_KEYS = {"code", "message", "message_zh", "field"}
ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app()) as client:
        yield client


def refusal(response: object, status: int) -> dict[str, object]:
    assert getattr(response, "status_code", None) == status, getattr(response, "text", response)
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"detail"}
    assert set(body["detail"]) == REFUSAL_KEYS
    assert body["detail"]["message"]
    assert body["detail"]["message_zh"]
    detail: dict[str, object] = body["detail"]
    return detail


# The endpoints answer what the library's functions return.


def test_format_all_banks_when_none_named(client: TestClient) -> None:
    answer = client.post("/v1/format", json=ZHANG_SAN).json()
    codes = [result["bank"] for result in answer["results"]]
    assert codes == [bank["code"] for bank in client.get("/v1/banks").json()["banks"]]
    assert all(len(result["candidates"]) == 1 for result in answer["results"])
    assert answer["name"]["source"] == "fields"


def test_format_with_all_gives_the_librarys_candidates(client: TestClient) -> None:
    answer = client.post(
        "/v1/format", json={**ZHANG_SAN, "banks": ["工行", "ICBC", "BOC"], "all": True}
    ).json()
    assert [result["bank"] for result in answer["results"]] == ["ICBC", "BOC"]  # a bank named twice, once
    for result in answer["results"]:
        expected = candidates("ZHANG, San", result["bank"])
        assert [c["text"] for c in result["candidates"]] == [c.text for c in expected]
        assert [c["pattern"] for c in result["candidates"]] == [
            c.pattern.model_dump(mode="json") for c in expected
        ]
        assert all(c["note_zh"] and c["note_zh"] != c["note"] for c in result["candidates"])


@pytest.mark.parametrize(
    ("body", "source", "expected"),
    [
        ({"mrz": MRZ, "banks": ["BOC"]}, "mrz", "ANNA MARIA ERIKSSON"),
        ({"chinese": "欧阳娜娜", "banks": ["ICBC"]}, "chinese", "OUYANG NANA"),
        ({"name": "SMITH John Paul", "banks": ["ABC"]}, "text", "SMITHJOHNPAUL"),
    ],
)
def test_format_reads_the_other_ways(
    client: TestClient, body: dict[str, object], source: str, expected: str
) -> None:
    answer = client.post("/v1/format", json=body).json()
    assert answer["name"]["source"] == source
    assert answer["results"][0]["expected"] == expected


def test_candidates(client: TestClient) -> None:
    answer = client.post("/v1/candidates", json={**ZHANG_SAN, "bank": "Bank of China"}).json()
    assert answer["bank"] == "BOC"
    assert answer["expected"] == "SAN ZHANG"
    assert [c["text"] for c in answer["candidates"]] == [c.text for c in candidates("ZHANG, San", "BOC")]


def test_check_plausible_lists_how_it_differs(client: TestClient) -> None:
    answer = client.post("/v1/check", json={**ZHANG_SAN, "bank": "ICBC", "entered": "Zhang San"}).json()
    expected = check_name("Zhang San", "ZHANG, San", "ICBC")
    assert (answer["status"], answer["ok"], answer["expected"]) == ("plausible", False, "ZHANG SAN")
    assert answer["matched"]["rank"] == expected.matched.rank  # type: ignore[union-attr]
    assert [p["code"] for p in answer["problems"]] == ["CASE_DIFFERS"]
    assert answer["problems"][0]["message_zh"]


def test_check_match_and_mismatch(client: TestClient) -> None:
    match = client.post("/v1/check", json={**ZHANG_SAN, "bank": "BOC", "entered": "SAN ZHANG"}).json()
    assert (match["status"], match["ok"], match["problems"]) == ("match", True, [])
    miss = client.post("/v1/check", json={**ZHANG_SAN, "bank": "BOC", "entered": "SAN ZHANGG"}).json()
    assert miss["status"] == "mismatch"
    assert miss["matched"] is None
    assert miss["problems"]


def test_plan(client: TestClient) -> None:
    answer = client.post("/v1/plan", json={**ZHANG_SAN, "banks": ["ICBC", "BOC"]}).json()
    expected = plan_cards("ZHANG, San", ["ICBC", "BOC"])
    assert answer["compatible"] is False
    assert [s["text"] for s in answer["shared"]] == [s.text for s in expected.shared]
    assert [a["code"] for a in answer["advice"]] == ["ORDER_SWAPPED"]
    assert answer["expected"] == {"ICBC": "ZHANG SAN", "BOC": "SAN ZHANG"}


def test_banks(client: TestClient) -> None:
    listed = client.get("/v1/banks").json()["banks"]
    assert listed[0]["code"] == "ICBC"
    assert client.get("/v1/banks/中国银行").json()["code"] == "BOC"
    assert refusal(client.get("/v1/banks/Atlantis"), 404)["code"] == "UNKNOWN_BANK"


def test_mrz(client: TestClient) -> None:
    answer = client.post("/v1/mrz", json={"mrz": MRZ}).json()
    assert answer["name"] == parse_mrz(MRZ).model_dump(mode="json")
    bad = refusal(client.post("/v1/mrz", json={"mrz": MRZ.replace("7408122", "7408123")}), 422)
    assert (bad["code"], bad["field"]) == ("MRZ_CHECK_DIGIT", "mrz")


def test_healthz_and_page(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    page = client.get("/")
    assert page.headers["content-type"].startswith("text/html")
    assert "<script>" in page.text
    assert "http://" not in page.text  # nothing from elsewhere
    assert "https://" not in page.text


def test_page_calls_the_api_by_relative_paths() -> None:
    """So it works wherever the router is mounted (``/names/`` as well as ``/``)."""
    calls = re.findall(r"""(?:post|fetch)\(\s*["']([^"']+)["']""", page_html())
    assert sorted(set(calls)) == ["v1/banks", "v1/check", "v1/format", "v1/mrz", "v1/next", "v1/plan"]


def test_page_policy_allows_exactly_its_inline_script() -> None:
    with TestClient(create_app()) as client:
        policy = client.get("/").headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "unsafe-inline" not in policy
    assert len(re.findall(r"'sha256-[A-Za-z0-9+/=]{44}'", policy)) == page_html().count(
        "<script>"
    ) + page_html().count("<style>")


# Refusals: one shape, the right status, the field at fault.


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [
        ({"surname": "", "given_names": ""}, "EMPTY_NAME", None),  # the whole name is at fault
        ({}, "EMPTY_NAME", None),
        ({"surname": "Sm1th", "given_names": "John"}, "INVALID_CHARACTER", "surname"),
        ({"surname": "Smith", "given_names": "J😀hn"}, "INVALID_CHARACTER", "given_names"),
        ({"surname": "A" * 300}, "TOO_LONG", "surname"),
        ({"name": "John Smith"}, "AMBIGUOUS_NAME", "name"),
        ({"chinese": "张·三"}, "TRANSLITERATED_FOREIGN_NAME", "chinese"),
        ({"mrz": "P<UTO"}, None, "mrz"),
        ({**ZHANG_SAN, "mrz": MRZ}, "INVALID_NAME", "mrz"),
        ({**ZHANG_SAN, "source": "mrz"}, "INVALID_REQUEST", "source"),
        ({**ZHANG_SAN, "possibly_truncated": True}, "INVALID_REQUEST", "possibly_truncated"),
        ({**ZHANG_SAN, "banks": "ICBC"}, "INVALID_REQUEST", "banks"),
        ({**ZHANG_SAN, "banks": ["ICBC"] * 65}, "INVALID_REQUEST", "banks"),
    ],
)
def test_bad_input_is_422(
    client: TestClient, body: dict[str, object], code: str | None, field: str | None
) -> None:
    detail = refusal(client.post("/v1/format", json=body), 422)
    assert detail["field"] == field
    assert detail["code"] == code or (code is None and str(detail["code"]).startswith("MRZ_"))


def test_unknown_bank_is_404_on_every_endpoint(client: TestClient) -> None:
    for path, body in (
        ("/v1/format", {**ZHANG_SAN, "banks": ["ICBC", "Atlantis"]}),
        ("/v1/candidates", {**ZHANG_SAN, "bank": "Atlantis"}),
        ("/v1/check", {**ZHANG_SAN, "bank": "Atlantis", "entered": "ZHANG SAN"}),
        ("/v1/plan", {**ZHANG_SAN, "banks": ["ICBC", "Atlantis"]}),
    ):
        assert refusal(client.post(path, json=body), 404)["code"] == "UNKNOWN_BANK", path


def test_body_over_the_cap_is_413_declared_or_not(client: TestClient) -> None:
    big = b'{"surname": "' + b"A" * MAX_BODY_BYTES + b'"}'
    headers = {"Content-Type": "application/json"}
    assert (
        refusal(client.post("/v1/format", content=big, headers=headers), 413)["code"] == "REQUEST_TOO_LARGE"
    )

    def chunks() -> Iterator[bytes]:  # sent chunked: no Content-Length to check
        for start in range(0, len(big), 4096):
            yield big[start : start + 4096]

    assert refusal(client.post("/v1/format", content=chunks(), headers=headers), 413)["field"] is None


NOT_READABLE_AS_JSON = [
    pytest.param(b'{"surname": "\xff"}', id="not-utf-8"),
    pytest.param(b'{"surname": "Zhang", "given_names": "\xc3"}', id="cut-utf-8"),
    # Deeper than Python's parser goes (its recursion limit), within the 16 KiB cap.
    pytest.param(b"[" * 8000 + b"]" * 8000, id="lists-nested-8000-deep"),
    pytest.param(b'{"x":[' * 1500 + b"]}" * 1500, id="objects-nested-3000-deep"),
    pytest.param(b'{"surname": ' + b"1" * 5000 + b"}", id="integer-of-5000-digits"),
    # json.loads reads these from bytes, and they were answered 200; the service reads UTF-8 only.
    *[
        pytest.param(json.dumps({"surname": "Zhang", "given_names": "San"}).encode(codec), id=codec)
        for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32")
    ],
]


@pytest.mark.parametrize("body", NOT_READABLE_AS_JSON)
@pytest.mark.parametrize("prefix", ["", "/names"])
def test_a_body_that_cannot_be_read_as_json_is_422_in_the_one_shape(body: bytes, prefix: str) -> None:
    """Not UTF-8, nested too deep, a number Python will not read: 422 INVALID_REQUEST, app or router."""
    if prefix:
        app = FastAPI()
        app.include_router(router, prefix=prefix)
    else:
        app = create_app()
    assert len(body) < MAX_BODY_BYTES
    with TestClient(app) as client:
        for path in ("/v1/format", "/v1/preflight"):
            response = client.post(prefix + path, content=body, headers={"Content-Type": "application/json"})
            detail = refusal(response, 422)
            assert (detail["code"], detail["field"]) == ("INVALID_REQUEST", None)
            assert detail["message"] == "The request body is not valid JSON."


def test_a_utf8_body_with_a_byte_order_mark_is_still_read(client: TestClient) -> None:
    body = (
        b"\xef\xbb\xbf" + json.dumps({"surname": "Zhang", "given_names": "San", "banks": ["ICBC"]}).encode()
    )
    response = client.post("/v1/format", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    assert response.json()["results"][0]["expected"] == "ZHANG SAN"


def test_a_wrong_method_is_405_with_allow(client: TestClient) -> None:
    for method, path, allowed in (
        ("DELETE", "/v1/check", "POST"),
        ("GET", "/v1/format", "POST"),
        ("POST", "/healthz", "GET, HEAD"),  # a GET route and a HEAD route: both named
        ("PUT", "/v1/banks/ICBC", "GET, HEAD"),
        ("POST", "/openapi.json", "GET, HEAD"),
    ):
        response = client.request(method, path)
        assert refusal(response, 405)["code"] == "METHOD_NOT_ALLOWED"
        assert response.headers["allow"] == allowed, (method, path)
    assert "allow" not in client.get("/v1/nothing").headers


def test_a_trailing_slash_is_no_such_path_not_a_redirect(client: TestClient) -> None:
    # A redirect's absolute Location would lose the prefix of a proxy that serves under /names/.
    response = client.post("/v1/format/", json={"surname": "Zhang"}, follow_redirects=False)
    assert refusal(response, 404)["code"] == "NOT_FOUND"
    assert "location" not in response.headers


@pytest.mark.parametrize("value", ["yes", "off", "true", "false", 1, 0, "1", None, [True]])
def test_all_takes_only_true_or_false(client: TestClient, value: object) -> None:
    body = {"surname": "Zhang", "banks": ["ICBC"], "all": value}
    detail = refusal(client.post("/v1/format", json=body), 422)
    assert (detail["code"], detail["field"]) == ("INVALID_REQUEST", "all")


def test_all_true_and_false(client: TestClient) -> None:
    for value, count in ((True, len(candidates("ZHANG, San", "ICBC"))), (False, 1)):
        answer = client.post("/v1/format", json={**ZHANG_SAN, "banks": ["ICBC"], "all": value}).json()
        assert len(answer["results"][0]["candidates"]) == count


@pytest.mark.parametrize(
    "value",
    [20261206, 1796515200, 1.5, True, "20261206", "2026-12-06T00:00:00", "2026-02-30", "06/12/2026", ""],
)
def test_today_is_an_iso_date_text_only(client: TestClient, value: object) -> None:
    detail = refusal(client.post("/v1/preflight", json={**ZHANG_SAN, "today": value}), 422)
    assert (detail["code"], detail["field"]) == ("INVALID_REQUEST", "today")
    assert "YYYY-MM-DD" in str(detail["message"])


def test_today_as_an_iso_date_dates_the_document(client: TestClient) -> None:
    body = {"document": MRZ, "bank": "BOC"}
    expired = client.post("/v1/preflight", json={**body, "today": "2012-04-16"}).json()
    valid = client.post("/v1/preflight", json={**body, "today": "2012-04-14"}).json()
    assert "DOCUMENT_EXPIRED" in expired["blocking"]
    assert "DOCUMENT_EXPIRED" not in valid["blocking"]
    assert client.post("/v1/preflight", json={**body, "today": None}).status_code == 200


def test_malformed_requests(client: TestClient) -> None:
    headers = {"Content-Type": "application/json"}
    not_json = refusal(client.post("/v1/format", content=b"{bad", headers=headers), 422)
    assert (not_json["code"], not_json["field"], not_json["message"]) == (
        "INVALID_REQUEST",
        None,
        "The request body is not valid JSON.",
    )
    assert refusal(client.post("/v1/format", json=["Zhang"]), 422)["code"] == "INVALID_REQUEST"
    assert refusal(client.post("/v1/check", json=ZHANG_SAN), 422)["code"] == "INVALID_REQUEST"
    assert refusal(client.get("/v1/nothing"), 404)["code"] == "NOT_FOUND"
    assert refusal(client.get("/v1/format"), 405)["code"] == "METHOD_NOT_ALLOWED"


def test_a_fault_is_500_without_trace_or_input(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*arguments: object) -> object:
        raise RuntimeError("Zhang San broke it")

    monkeypatch.setattr(web_routes, "candidates", broken)
    with TestClient(create_app()) as client, caplog.at_level(logging.INFO, "wxpay_names.web"):
        response = client.post("/v1/candidates", json={**ZHANG_SAN, "bank": "ICBC"})
    assert refusal(response, 500)["code"] == "INTERNAL_ERROR"
    assert "Zhang" not in response.text
    assert "Traceback" not in response.text
    assert "RuntimeError" in caplog.text
    assert "Zhang" not in caplog.text


@given(st.text(max_size=40), st.text(max_size=40))
def test_any_name_is_an_answer_or_a_refusal(surname: str, given_names: str) -> None:
    with TestClient(create_app()) as client:
        response = client.post(
            "/v1/format", json={"surname": surname, "given_names": given_names, "banks": ["BOC"]}
        )
    if response.status_code == 200:
        assert response.json()["results"][0]["expected"]
    else:
        refusal(response, 422)


# The service's setup: CORS, the router in another app, the schema, a light import.


def test_cors_is_off_unless_origins_are_given() -> None:
    origin = {"Origin": "https://onboarding.example"}
    with TestClient(create_app()) as closed:
        assert "access-control-allow-origin" not in closed.get("/healthz", headers=origin).headers
    with TestClient(create_app(cors_origins=["https://onboarding.example"])) as open_:
        assert (
            open_.get("/healthz", headers=origin).headers["access-control-allow-origin"] == origin["Origin"]
        )
        other = {"Origin": "https://elsewhere.example"}
        assert "access-control-allow-origin" not in open_.get("/healthz", headers=other).headers


def test_router_embedded_under_a_prefix_keeps_the_shape() -> None:
    app = FastAPI()
    app.include_router(router, prefix="/names")
    with TestClient(app) as client:
        assert (
            client.post("/names/v1/format", json={**ZHANG_SAN, "banks": ["BOC"]}).json()["results"][0][
                "expected"
            ]
            == "SAN ZHANG"
        )
        assert (
            refusal(client.post("/names/v1/format", json={**ZHANG_SAN, "banks": ["X"]}), 404)["field"]
            == "banks"
        )
        big = b"[" + b"0," * MAX_BODY_BYTES + b"0]"
        response = client.post("/names/v1/format", content=big, headers={"Content-Type": "application/json"})
        assert refusal(response, 413)["code"] == "REQUEST_TOO_LARGE"


def test_openapi_publishes_closed_flat_requests(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/healthz",
        "/v1/format",
        "/v1/candidates",
        "/v1/check",
        "/v1/plan",
        "/v1/banks",
        "/v1/mrz",
    } <= paths
    models = schema["components"]["schemas"]
    for request in ("FormatRequest", "CandidatesRequest", "CheckRequest", "PlanRequest", "MrzRequest"):
        properties = models[request]["properties"]
        assert models[request]["additionalProperties"] is False
        assert not {"source", "possibly_truncated"} & set(properties)
        assert all(">>>" not in str(value) for value in properties.values())
    assert models["FormatRequest"]["properties"]["surname"]["anyOf"][0]["maxLength"] == 256
    assert "422" in schema["paths"]["/v1/format"]["post"]["responses"]


@pytest.mark.parametrize(
    ("imported", "left_out"),
    [
        ("wxpay_names, wxpay_names.cli", "m in ('fastapi', 'uvicorn', 'starlette', 'wxpay_names.web')"),
        # The two front ends share their wording through front_wording; neither imports the other.
        ("wxpay_names.web", "m.startswith('wxpay_names.cli')"),
    ],
    ids=["the library and its CLI leave the web out", "the web service leaves the CLI out"],
)
def test_what_an_import_leaves_out(imported: str, left_out: str) -> None:
    script = f"import sys, {imported}; print(sorted(m for m in sys.modules if {left_out}))"
    result = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


def test_a_registry_of_your_own(registry: BankRegistry) -> None:
    """``create_app(registry=...)``, as ``serve --banks-file`` does: those banks, and only those."""
    with TestClient(create_app(registry=registry)) as client:
        listed = [bank["code"] for bank in client.get("/v1/banks").json()["banks"]]
        assert listed == [bank.code for bank in registry.banks]
        answer = client.post("/v1/format", json={**ZHANG_SAN, "banks": ["TEST"]}).json()
        assert answer["results"][0]["bank"] == "TEST"
        assert (
            refusal(client.post("/v1/format", json={**ZHANG_SAN, "banks": ["CCB"]}), 404)["field"] == "banks"
        )


def test_next_leaves_out_what_was_refused_exactly(client: TestClient) -> None:
    answer = client.post(
        "/v1/next", json={**ZHANG_SAN, "bank": "ICBC", "refused": ["ZHANG SAN", "SAN ZHANG"]}
    ).json()
    tries = [(form["text"], form["rank"]) for form in answer["tries"]]
    assert tries[:3] == [("Zhang San", 2), ("ZHANGSAN", 3), ("ZhangSan", 5)]
    assert "ZHANG SAN" not in dict(tries)
    assert answer["tries"][0]["note_zh"]
    every = client.post("/v1/next", json={**ZHANG_SAN, "bank": "ICBC"}).json()["tries"]
    assert [form["text"] for form in every] == [c.text for c in candidates("ZHANG, San", "ICBC")]


def test_preflight_answers_problems_not_refusals(client: TestClient) -> None:
    card = "6222021234567890123"
    answer = client.post(
        "/v1/preflight", json={**ZHANG_SAN, "card": card, "phone": "13800138000", "today": "2026-12-06"}
    ).json()
    assert answer["bank"]["code"] == "ICBC"  # from the card number
    assert answer["name_to_type"] == "ZHANG SAN"
    assert card not in str(answer)  # the card number comes back masked
    assert answer["card"]["masked"].startswith("622202")
    from_zone = client.post(
        "/v1/preflight", json={"document": MRZ, "bank": "BOC", "today": "2026-12-06"}
    ).json()
    assert from_zone["name_to_type"] == "ANNA MARIA ERIKSSON"
    assert from_zone["ok"] is False
    assert "DOCUMENT_EXPIRED" in from_zone["blocking"]
    assert client.post("/v1/preflight", json={"card": "not a number"}).status_code == 200


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"name": "John Smith", "card": "6222021234567890123"}, "NAME_UNREADABLE"),
        ({"name": "ZHANG, San", "bank": "Atlantis"}, "BANK_UNKNOWN"),
        ({**ZHANG_SAN, "bank": "Atlantis"}, "BANK_UNKNOWN"),
        ({"surname": "Sm1th", "bank": "ICBC"}, "NAME_UNREADABLE"),
        ({"mrz": "P<UTO", "bank": "ICBC"}, "NAME_UNREADABLE"),
        ({"chinese": "abc", "bank": "ICBC"}, "NAME_UNREADABLE"),
    ],
)
def test_preflight_answers_bad_content_as_a_problem(
    client: TestClient, body: dict[str, object], code: str
) -> None:
    """A name it cannot read, a bank no one is called: 200 with the problem, as ``preflight()`` gives."""
    response = client.post("/v1/preflight", json=body)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert code in answer["blocking"]
    assert answer["ok"] is False
    assert answer["name_to_type"] is None
    problem = next(problem for problem in answer["problems"] if problem["code"] == code)
    assert problem["message_en"]
    assert problem["message_zh"]
    # The library's advice to call Python is put as the request's fields give a name.
    assert "()" not in problem["message_en"]
    if "name" in body:  # a text the library reads itself: the same problems, its advice reworded
        expected = preflight(str(body["name"]), bank=body.get("bank"), card=body.get("card"))  # type: ignore[arg-type]
        assert [p["code"] for p in answer["problems"]] == [p.code.value for p in expected.problems]
        assert [p["message_zh"] for p in answer["problems"]] == [p.message_zh for p in expected.problems]


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"chinese": "Zhang", "bank": "ICBC"}, "The chinese field takes Chinese characters only"),
        ({"name": "John Smith", "bank": "ICBC"}, "give them in the surname and given_names fields"),
    ],
)
def test_preflight_says_an_unreadable_name_as_the_request_gives_one(
    client: TestClient, body: dict[str, object], says: str
) -> None:
    # It told a web client to call from_chinese() or parse_name(), as /v1/format no longer does.
    answer = client.post("/v1/preflight", json=body).json()
    problem = next(problem for problem in answer["problems"] if problem["code"] == "NAME_UNREADABLE")
    assert says in problem["message_en"]
    assert "from_chinese" not in problem["message_en"]
    assert "parse_name" not in problem["message_en"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"surname": "Zhang", "name": "ZHANG, San"}, "name"),  # the name given two ways
        ({**ZHANG_SAN, "bank": 7}, "bank"),
        ({**ZHANG_SAN, "card": ["6222021234567890123"]}, "card"),
        ({**ZHANG_SAN, "source": "mrz"}, "source"),
        ({**ZHANG_SAN, "bank": "I" * 257}, "bank"),
    ],
)
def test_preflight_still_refuses_a_request_of_the_wrong_shape(
    client: TestClient, body: dict[str, object], field: str
) -> None:
    assert refusal(client.post("/v1/preflight", json=body), 422)["field"] == field


def test_preflight_next_tries_carry_note_zh_as_every_candidate(client: TestClient) -> None:
    body = {**ZHANG_SAN, "card": "6222021234567890123"}
    tries = client.post("/v1/preflight", json=body).json()["next_tries"]
    listed = client.post("/v1/next", json={**ZHANG_SAN, "bank": "ICBC", "refused": ["ZHANG SAN"]}).json()
    assert tries == listed["tries"]  # text, rank, pattern, note and note_zh alike
    assert tries
    assert all(form["note_zh"] and form["note_zh"] != form["note"] for form in tries)


def given_first_icbc_file(registry: BankRegistry, path: Path) -> BankRegistry:
    """A bank file whose ICBC writes the given names first, and the registry read from it."""
    rows = list(csv.DictReader((FIXTURES / "banks.csv").open(encoding="utf-8", newline="")))
    for row in rows:
        if row["code"] == "ICBC":
            row.update(order="given_first", example_output="SAN ZHANG")
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    own = BankRegistry.from_csv(path)
    assert own.get("ICBC").order == "given_first"
    assert [bank.code for bank in own.banks] == [bank.code for bank in registry.banks]
    return own


def test_preflight_finds_the_cards_bank_among_the_banks_served(
    registry: BankRegistry, tmp_path: Path
) -> None:
    """``create_app(registry=...)`` (``serve --banks-file``): the card's bank is the served one."""
    own = given_first_icbc_file(registry, tmp_path / "banks.csv")
    with TestClient(create_app(registry=own)) as served:
        listed = served.post("/v1/candidates", json={**ZHANG_SAN, "bank": "ICBC"}).json()
        assert listed["expected"] == "SAN ZHANG"
        body = {"surname": "Zhang", "given_names": "San", "card": "6222021234567890123"}
        answer = served.post("/v1/preflight", json=body).json()
        assert answer["name_to_type"] == "SAN ZHANG"
        assert answer["bank"]["order"] == answer["card"]["bank"]["order"] == "given_first"
        assert [form["text"] for form in answer["next_tries"]] == [
            c["text"] for c in listed["candidates"][1:]
        ]
        # A card of a bank the file does not have: no row, as the library says (CCB is packaged).
        ccb = served.post("/v1/preflight", json={**ZHANG_SAN, "card": "6227001234567890123"}).json()
        assert ccb["bank"] is None
        assert "CARD_BANK_NOT_LISTED" in [problem["code"] for problem in ccb["problems"]]


def curl_examples(page: str) -> list[tuple[str, object, bool, str]]:
    """Each ``curl --json BODY URL`` of *page*: path, body, whether it prints the status, output shown."""
    examples = []
    for block in re.findall(r"^```console\n(.*?)^```", page, re.MULTILINE | re.DOTALL):
        command, _, shown = block.replace("\\\n", " ").partition("\n")
        if not command.startswith("$ curl "):
            continue
        words = shlex.split(command.removeprefix("$ "))
        url = next(word for word in words if word.startswith("http://"))
        body = json.loads(words[words.index("--json") + 1])
        examples.append((url.split("8765", 1)[1], body, "-w" in words, shown))
    return examples


def test_the_integration_guides_curl_examples_show_real_answers(client: TestClient) -> None:
    """docs/integration.md folds each answer and leaves parts out as ``...``; the rest is the real one."""
    examples = curl_examples((ROOT / "docs" / "integration.md").read_text(encoding="utf-8"))
    assert [path for path, *_ in examples] == ["/v1/format", "/v1/format", "/v1/check", "/v1/format"]
    for path, body, with_status, shown in examples:
        response = client.post(path, json=body)
        real = response.text + (f" {response.status_code}" if with_status else "")
        # The page folds lines between JSON items: a line break and the indent after it are not in the answer.
        unfolded = re.sub(r"\n *", "", shown.strip())
        pattern = ".*?".join(re.escape(part) for part in unfolded.split("..."))
        assert re.fullmatch(pattern, real, re.DOTALL), f"{path} {body}:\nshown {unfolded}\nreal  {real}"


def test_a_typed_text_as_long_as_the_names_longest_candidate_is_read(client: TestClient) -> None:
    # Spelling lengthens this name past 256 (Щ → SHCH): its rank 1, given by /v1/format, is a
    # match at /v1/check and a refused text at /v1/next, as in the library.
    name = {"surname": "Щ" * 100, "given_names": "Ж" * 100}
    first = client.post("/v1/format", json={**name, "banks": ["ICBC"]}).json()["results"][0]["expected"]
    assert len(first) > 256
    checked = client.post("/v1/check", json={**name, "bank": "ICBC", "entered": first})
    assert (checked.status_code, checked.json()["status"]) == (200, "match")
    tried = client.post("/v1/next", json={**name, "bank": "ICBC", "refused": [first]})
    assert tried.status_code == 200
    assert first not in [candidate["text"] for candidate in tried.json()["tries"]]
    # A short name keeps the cap of 256, said of the field.
    short = {"surname": "Zhang", "given_names": "San", "bank": "ICBC"}
    detail = refusal(client.post("/v1/check", json={**short, "entered": "A" * 300}), 422)
    assert (detail["code"], detail["field"]) == ("TOO_LONG", "entered")
    detail = refusal(client.post("/v1/next", json={**short, "refused": ["A" * 300]}), 422)
    assert (detail["code"], detail["field"]) == ("TOO_LONG", "refused")


def test_a_refusal_for_length_says_the_same_limit_in_both_languages(client: TestClient) -> None:
    # The request's own cap (4,096 for a typed text) was said in pydantic's words in English and
    # as the name's 256 in Chinese: two limits in one refusal.
    short = {"surname": "Zhang", "given_names": "San", "bank": "ICBC"}
    detail = refusal(client.post("/v1/check", json={**short, "entered": "A" * 5000}), 422)
    assert detail["code"] == "TOO_LONG"
    assert detail["message"] == "entered: the text is 5000 characters long; at most 4096 are accepted."
    assert detail["message_zh"] == "输入过长：有 5000 个字符，最多接受 4096 个字符。"
    detail = refusal(client.post("/v1/format", json={"surname": "A" * 257}), 422)
    assert detail["message"] == "surname: the text is 257 characters long; at most 256 are accepted."
    assert detail["message_zh"] == "输入过长：有 257 个字符，最多接受 256 个字符。"
    # The library says its limit in Chinese too: 300 letters typed for a short name.
    detail = refusal(client.post("/v1/check", json={**short, "entered": "A" * 300}), 422)
    assert "最多接受 256 个字符" in detail["message_zh"]
    assert "有 300 个字符" in detail["message_zh"]


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"surname": "张", "given_names": "三"}, "in the chinese field"),
        ({"chinese": "Zhang"}, "in the surname and given_names fields"),
        ({"name": "John Smith"}, "in the surname and given_names fields"),
    ],
)
def test_refusals_name_the_requests_fields_not_python_calls(
    client: TestClient, body: dict[str, str], says: str
) -> None:
    # The library's messages advise Python calls (from_chinese(), parse_name()); an app in any
    # language, and the page, reads the service's: the request's own fields.
    response = client.post("/v1/format", json={**body, "banks": ["ICBC"]})
    assert response.status_code == 422
    message = response.json()["detail"]["message"]
    assert says in message
    assert "()" not in message


def test_a_refusal_keeps_its_reason_and_a_bank_name_is_no_python_call(client: TestClient) -> None:
    # The rewording of Python advice never drops the reason, nor rewrites a bank's refusal.
    too_long = client.post("/v1/format", json={"name": "ERIKSSON<<" + "A" * 40, "banks": ["ICBC"]})
    message = too_long.json()["detail"]["message"]
    assert "at most 39" in message
    assert "give the whole zone in the mrz field" in message
    mixed = client.post("/v1/format", json={"surname": "张", "given_names": "San", "banks": ["ICBC"]})
    assert "Give a name in Chinese characters in the chinese field" in mixed.json()["detail"]["message"]
    bank = client.post("/v1/format", json={"surname": "Zhang", "given_names": "San", "banks": ["banks(x)"]})
    assert bank.status_code == 404
    assert bank.json()["detail"]["message"].startswith("No bank is called 'banks(x)'. Known codes: ICBC")


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        ({"Content-Type": "text/plain;charset=UTF-8"}, b'{"surname": "Zhang"}'),  # fetch() without headers
        ({"Content-Type": "application/x-www-form-urlencoded"}, b"surname=Zhang"),
        ({"Content-Type": "application/json"}, b""),
        ({"Content-Type": "application/json"}, b"[1]"),
    ],
)
def test_a_body_that_is_no_json_object_is_said_so(
    client: TestClient, headers: dict[str, str], body: bytes
) -> None:
    # It said "Input should be a valid dictionary or object to extract fields from" of a JSON
    # object sent as text/plain, and "Field required" of an empty body.
    detail = refusal(client.post("/v1/format", content=body, headers=headers), 422)
    assert detail["code"] == "INVALID_REQUEST"
    assert (
        detail["message"]
        == "The request body must be a JSON object, sent with Content-Type: application/json."
    )
    assert "Content-Type: application/json" in detail["message_zh"]


def test_a_name_given_two_ways_is_said_in_chinese_too(client: TestClient) -> None:
    body = {"surname": "Zhang", "given_names": "San", "chinese": "张三"}
    detail = refusal(client.post("/v1/format", json=body), 422)
    assert detail["field"] == "chinese"
    assert detail["message_zh"] == (
        "请只用一种方式给出护照姓名：surname 和 given_names，或 mrz，或 chinese，或 name"
        "（本次请求同时给出了 surname、chinese）。"
    )


def test_head_works_wherever_get_does_and_the_openapi_lists_only_possible_refusals(
    client: TestClient,
) -> None:
    # HEAD /v1/banks was 405; the description listed a 413 for a GET and a 404 for /v1/mrz.
    for path, status in (("/v1/banks", 200), ("/v1/banks/ICBC", 200), ("/v1/banks/NOPE", 404)):
        response = client.head(path)
        assert response.status_code == status, path
        assert response.content == b""
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths["/v1/banks/{query}"]["get"]["responses"]) == {"200", "404", "422"}
    assert "404" not in paths["/v1/mrz"]["post"]["responses"]
    assert "404" not in paths["/v1/preflight"]["post"]["responses"]


@pytest.mark.parametrize("path", ["/v1/format", "/v1/candidates", "/v1/check", "/v1/next", "/v1/plan"])
def test_every_answer_with_a_name_says_what_its_characters_leave_open(client: TestClient, path: str) -> None:
    body: dict[str, object] = {
        "chinese": "单于飞",
        "bank": "ICBC",
        "entered": "SHAN YUFEI",
        "banks": ["ICBC", "BOC"],
    }
    fields = {"/v1/format": {"chinese", "banks"}, "/v1/plan": {"chinese", "banks"}}.get(path)
    fields = fields or ({"chinese", "bank", "entered"} if path == "/v1/check" else {"chinese", "bank"})
    answer = client.post(path, json={key: value for key, value in body.items() if key in fields}).json()
    codes = [note["code"] for note in answer["reading_notes"]]
    assert codes == ["compound_surname", "pinyin_spelling"]
    compound = answer["reading_notes"][0]
    assert "单 于飞 in the chinese field" in compound["message"]  # the page's way, not --chinese
    assert "在 chinese 字段中输入 单 于飞" in compound["message_zh"]
    latin = client.post(
        path,
        json={
            **{k: v for k, v in body.items() if k in fields and k != "chinese"},
            "surname": "Shan",
            "given_names": "Yufei",
        },
    ).json()
    assert latin["reading_notes"] == []


def test_a_surname_of_two_readings_is_said_with_both(client: TestClient) -> None:
    answer = client.post("/v1/format", json={"chinese": "覃海洋", "banks": ["ICBC"]}).json()
    [readings, _] = answer["reading_notes"]
    assert readings["code"] == "surname_readings"
    assert "QIN or TAN" in readings["message"]
    assert "QIN、TAN 两种读音" in readings["message_zh"]
    texts = {
        candidate["text"]
        for candidate in client.post("/v1/candidates", json={"chinese": "覃海洋", "bank": "ICBC"}).json()[
            "candidates"
        ]
    }
    assert {"QIN HAIYANG", "TAN HAIYANG"} <= texts  # what the note says is among the candidates


def test_preflight_says_what_the_characters_leave_open_too(client: TestClient) -> None:
    answer = client.post("/v1/preflight", json={"chinese": "覃海洋", "bank": "ICBC"}).json()
    assert [note["code"] for note in answer["reading_notes"]] == ["surname_readings", "pinyin_spelling"]
    nameless = client.post("/v1/preflight", json={"bank": "ICBC", "phone": "13800138000"}).json()
    assert nameless["reading_notes"] == []
