"""The recorded corpus of results (``benchmarks/corpus.py``): its sample is recomputed byte for byte.

A change that alters a public result on purpose re-records the corpus with
``python benchmarks/corpus.py --record`` and says so; any other difference is a regression.
The whole corpus (about 140,000 entries) is checked against its digest by
``python benchmarks/corpus.py``.
"""

from __future__ import annotations

import json

import wxpay_names
from script_modules import load_script

corpus = load_script("wxpay_corpus", "benchmarks/corpus.py")


def test_the_sample_is_recomputed_byte_for_byte() -> None:
    recorded = corpus.recorded_sample().splitlines()
    now = corpus.sample_text().splitlines()
    assert len(now) == len(recorded)
    for line_number, (before, after) in enumerate(zip(recorded, now, strict=True), 1):
        assert after == before, f"sample line {line_number} differs (re-record only if meant)"


def test_the_digest_covers_the_corpus_the_issue_asks_for() -> None:
    digest = json.loads(corpus.DIGEST.read_text(encoding="utf-8"))
    assert digest["checks"] >= 100_000
    assert digest["candidate_lists"] + digest["checks"] == digest["entries"] - digest["errors"]
    sample = [json.loads(line) for line in corpus.recorded_sample().splitlines()]
    assert {entry["bank"] for entry in sample} == {bank.code for bank in wxpay_names.banks()}
    assert {entry["kind"] for entry in sample} == {"latin", "accented", "mrz", "chinese"}


def test_the_sample_holds_every_verdict_and_typed_accents() -> None:
    checks = [json.loads(line) for line in corpus.recorded_sample().splitlines() if '"check_name"' in line]
    assert {entry["result"]["status"] for entry in checks} == {"match", "plausible", "mismatch"}
    assert any(not entry["entered"].isascii() and entry["entered"].isupper() for entry in checks)
