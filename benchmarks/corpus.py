"""A recorded corpus of public results: proof that a change kept every result equal.

The corpus is ``candidates``, ``format_name`` and ``check_name`` over 4,000 generated names
(plain Latin, Latin with diacritics, MRZ-sourced, from Chinese characters; see
``name_generators.py``), each at two of the 19 banks of ``data/banks.csv`` (every bank
gets its share), each checked with about 17 typed texts: rank 1, other candidates, the
given names first or the surname first in capitals keeping the passport's accents
(``JÜRGEN MÜLLER``), case, a letter dropped, replaced or added, spaces doubled or dropped,
punctuation, full-width letters, a word added or left out, look-alike letters, invisible
characters. That is 8,000 candidate lists and about 136,000 checks, one JSON line each
(``model_dump(mode="json")``, keys in field order, no ASCII escaping): byte for byte the
same whenever the results are.

Two things are kept in ``tests/fixtures/``:

- ``corpus_digest.json``: the SHA-256 of the whole corpus and its counts;
- ``corpus_sample.jsonl.gz``: every 50th name's entries in full (about 2,900 lines), which
  ``tests/test_corpus.py`` recomputes on every test run and compares byte for byte.

Commands (from the repository root, with the project installed):

- ``python benchmarks/corpus.py``: recompute the whole corpus (about a minute) and compare
  it with the digest; exit 1 when it differs, naming the first sample line that differs.
- ``python benchmarks/corpus.py --record``: **re-record**, after a change that alters
  results on purpose (a new candidate, a new wording): rewrites the digest and the sample.
  Say in the commit that the corpus was re-recorded, and why.
- ``python benchmarks/corpus.py --dump FILE``: write the whole corpus to *FILE*, to diff a
  run before and after a change (``diff before.jsonl after.jsonl | head``).

The corpus depends on the generators and on the call order here, never on a cache: every
case is built from its own seeded random generator, so the sample computed alone equals
the same lines of the whole corpus.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # name_generators, also when imported by tests

from name_generators import chinese_names, latin_names, mrz_line

import wxpay_names
from wxpay_names import NameFormatError, PassportName

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
DIGEST = FIXTURES / "corpus_digest.json"
SAMPLE = FIXTURES / "corpus_sample.jsonl.gz"
SAMPLE_EVERY = 50  # the sample: every 50th case

# The cases: (kind, count, seed). Changing these changes the corpus.
PLAN = (("latin", 1200, 11), ("accented", 1200, 12), ("mrz", 800, 13), ("chinese", 800, 14))
CASES = sum(count for _, count, _ in PLAN)
_LOOK_ALIKES = {"A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С", "a": "а", "e": "е", "o": "о"}
_FULL_WIDTH_OFFSET = 0xFEE0  # "A" + offset = "Ａ"


def case_inputs() -> list[tuple[str, Any]]:
    """Every case's input, in case order: ``(kind, (surname, given) or a text)``."""
    inputs: list[tuple[str, Any]] = []
    for kind, count, seed in PLAN:
        if kind == "chinese":
            inputs += [(kind, text) for text in chinese_names(count, seed)]
        else:
            inputs += [(kind, pair) for pair in latin_names(count, seed, accent=kind == "accented")]
    return inputs


def _name(kind: str, given: Any, index: int) -> PassportName:
    if kind == "chinese":
        return wxpay_names.from_chinese(given)
    surname, given_names = given
    if kind == "mrz":
        return wxpay_names.parse_mrz(mrz_line(surname, given_names))
    if index % 25 == 7:  # a one-part name, printed in the given-name field
        return PassportName(surname="", given_names=f"{surname} {given_names}")
    return PassportName(surname=surname, given_names=given_names)


def _dumps(entry: dict[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def _error(error: NameFormatError) -> dict[str, str]:
    return {"type": type(error).__name__, "code": str(error.code), "message": str(error)}


def typed_texts(name: PassportName, texts: Sequence[str], rng: random.Random) -> list[str]:
    """About 17 texts a person might type for *name* at a bank whose candidate texts are *texts*."""
    rank_one = texts[0]
    surname, given = name.surname, name.given_names
    return [
        rank_one,
        texts[min(1, len(texts) - 1)],
        texts[len(texts) // 2],
        texts[-1],
        # The passport's letters in capitals, accents kept: given names first, then surname first.
        " ".join(f"{given} {surname}".upper().split()),
        " ".join(f"{surname} {given}".upper().split()),
        " ".join(f"{surname} {given}".split()),  # as printed
        rank_one.lower(),
        _letter_changed(rank_one, rng, "drop"),
        _letter_changed(rank_one, rng, "replace"),
        _letter_changed(rank_one, rng, "add"),
        _spaces_changed(rank_one, rng),
        rank_one.replace(" ", ""),
        rank_one.replace(" ", rng.choice(("-", ",", ", ", ".", " - ")), 1),
        _full_width(rank_one, rng),
        _words_changed(rank_one, rng),
        _odd_characters(rank_one, name, rng),
    ]


def _letter_changed(text: str, rng: random.Random, how: str) -> str:
    spots = [index for index, char in enumerate(text) if char.isalpha()]
    if not spots:
        return text
    at = rng.choice(spots)
    if how == "drop":
        return text[:at] + text[at + 1 :]
    letter = rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if how == "replace":
        return text[:at] + letter + text[at + 1 :]
    return text[:at] + letter + text[at:]


def _spaces_changed(text: str, rng: random.Random) -> str:
    roll = rng.randrange(3)
    if roll == 0 and " " in text:
        return text.replace(" ", "  ", 1)
    if roll == 1:
        return " " + text
    return text + " "


def _full_width(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    at = rng.randrange(len(words))
    words[at] = "".join(
        chr(ord(char) + _FULL_WIDTH_OFFSET) if "!" <= char <= "~" else char for char in words[at]
    )
    return ("\u3000" if rng.random() < 0.3 else " ").join(words)


def _words_changed(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    if len(words) > 1 and rng.random() < 0.5:
        del words[rng.randrange(len(words))]
    else:
        words.insert(rng.randrange(len(words) + 1), rng.choice(("MARIA", "JOHN", "LEE", "X")))
    return " ".join(words)


def _odd_characters(text: str, name: PassportName, rng: random.Random) -> str:
    roll = rng.randrange(3)
    if roll == 0 and name.chinese:
        return name.chinese
    if roll <= 1:
        spots = [index for index, char in enumerate(text) if char in _LOOK_ALIKES]
        if spots:
            at = rng.choice(spots)
            return text[:at] + _LOOK_ALIKES[text[at]] + text[at + 1 :]
    at = rng.randrange(len(text) + 1)
    return text[:at] + rng.choice(("\u200b", "\u00a0", "\ufeff")) + text[at:]


def case_lines(index: int, kind: str, given: Any) -> Iterator[str]:
    """The corpus lines of one case: its name at its two banks, each bank's candidates and checks."""
    from wxpay_names import candidates, check_name, format_name

    banks = wxpay_names.banks()
    head: dict[str, Any] = {"case": index, "kind": kind}
    try:
        name = _name(kind, given, index)
    except (NameFormatError, ValueError) as error:  # pydantic's ValidationError is a ValueError
        yield _dumps({**head, "input": given, "error": str(error).splitlines()[0]})
        return
    rng = random.Random(index)
    first = banks[index % len(banks)]
    second = banks[(index * 7 + 3) % len(banks)]
    for bank in (first, second) if second is not first else (first,):
        entry: dict[str, Any] = {**head, "bank": bank.code, "name": name.model_dump(mode="json")}
        try:
            found = candidates(name, bank)
        except NameFormatError as error:
            yield _dumps({**entry, "call": "candidates", "error": _error(error)})
            continue
        listed = [each.model_dump(mode="json") for each in found]
        yield _dumps({**entry, "call": "candidates", "format": format_name(name, bank), "result": listed})
        for typed in typed_texts(name, [each["text"] for each in listed], rng):
            check: dict[str, Any] = {**head, "bank": bank.code, "call": "check_name", "entered": typed}
            try:
                check["result"] = check_name(typed, name, bank).model_dump(mode="json")
            except NameFormatError as error:
                check["error"] = _error(error)
            yield _dumps(check)


def corpus(indices: Sequence[int] | None = None) -> Iterator[str]:
    """The corpus lines of the cases *indices* (all by default), in case order."""
    inputs = case_inputs()
    for index in range(len(inputs)) if indices is None else indices:
        kind, given = inputs[index]
        yield from case_lines(index, kind, given)


def sample_indices() -> list[int]:
    return list(range(0, CASES, SAMPLE_EVERY))


def sample_text() -> str:
    """The sample's lines as ``corpus_sample.jsonl.gz`` holds them, recomputed."""
    return "".join(line + "\n" for line in corpus(sample_indices()))


def recorded_sample() -> str:
    with gzip.open(SAMPLE, "rt", encoding="utf-8", newline="") as handle:
        return handle.read()


def digest_of(lines: Iterator[str]) -> dict[str, Any]:
    """SHA-256 and counts of corpus lines, as ``corpus_digest.json`` holds them."""
    sha = hashlib.sha256()
    counts = {"entries": 0, "candidate_lists": 0, "checks": 0, "errors": 0}
    for line in lines:
        sha.update(line.encode("utf-8") + b"\n")
        counts["entries"] += 1
        counts["candidate_lists"] += '"call":"candidates"' in line
        counts["checks"] += '"call":"check_name"' in line
        counts["errors"] += '"error":' in line
    return {"sha256": sha.hexdigest(), **counts}


def _write_sample(text: str) -> None:
    buffer = io.BytesIO()
    # mtime=0 and no file name: the same sample gives the same bytes, so git sees no change.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(text.encode("utf-8"))
    SAMPLE.write_bytes(buffer.getvalue())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="re-record the digest and the sample")
    parser.add_argument("--dump", metavar="FILE", help="write the whole corpus to FILE")
    options = parser.parse_args(argv)
    lines = corpus()
    if options.dump:
        with open(options.dump, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(line + "\n" for line in lines)
        with open(options.dump, encoding="utf-8", newline="") as handle:
            lines = iter(handle.read().splitlines())
    found = digest_of(lines)
    if options.record:
        DIGEST.write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
        _write_sample(sample_text())
        print(f"recorded {found['entries']:,} entries: {found['sha256']}")
        return 0
    expected = json.loads(DIGEST.read_text(encoding="utf-8"))
    if found == expected:
        print(f"corpus equal: {found['entries']:,} entries, {found['sha256']}")
        return 0
    print(f"corpus differs: expected {expected}, found {found}")
    recorded, now = recorded_sample().splitlines(), sample_text().splitlines()
    for line_number, (before, after) in enumerate(zip(recorded, now, strict=False), 1):
        if before != after:
            print(f"first differing sample line {line_number}:\n- {before}\n+ {after}")
            break
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
