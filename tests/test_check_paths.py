"""The shortcuts check_name and candidates take for speed give what the long way gives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wxpay_names import Bank, NameFormatError, PassportName, check_name, from_chinese
from wxpay_names.candidates import build_candidates, draft_candidates, rank_one_candidate, rank_one_text
from wxpay_names.check import _verdict
from wxpay_names.diagnosis.context import Context
from wxpay_names.diagnosis.name_words import NameWord
from wxpay_names.diagnosis.readings import candidate_difference
from wxpay_names.diagnosis.typed_text import TypedWord
from wxpay_names.diagnosis.word_matching import _exact_pieces, _matched_further, _pool, _segment, match_words
from wxpay_names.messages import PHRASES, PROBLEMS, Wording, phrase, problem
from wxpay_names.models import ProblemCode

letters = st.text(alphabet="abcxyzÜøßñ", min_size=1, max_size=6)
names = st.builds(
    lambda surname, given_names, truncated: (surname, " ".join(given_names), truncated),
    st.one_of(st.just(""), letters, st.lists(letters, min_size=2, max_size=3).map(" ".join)),
    st.lists(letters, max_size=3),
    st.booleans(),
)


def _name(fields: tuple[str, str, bool]) -> PassportName | None:
    surname, given_names, truncated = fields
    try:
        return PassportName(surname=surname, given_names=given_names, possibly_truncated=truncated)
    except ValueError:
        return None


def _banks(fixture_banks: tuple[Bank, ...]) -> tuple[Bank, ...]:
    # The fixture banks (TEST has a 12-character field), and one that keeps title case.
    return (*fixture_banks, fixture_banks[0].model_copy(update={"code": "TITLE", "case": "title"}))


@given(fields=names)
def test_a_draft_holds_the_candidates_and_stops_at_the_text_asked(
    fields: tuple[str, str, bool], fixture_banks: tuple[Bank, ...]
) -> None:
    name = _name(fields)
    if name is None:
        return
    for bank in _banks(fixture_banks):
        try:
            ranked = build_candidates(name, bank)
        except NameFormatError:
            continue
        draft = draft_candidates(name, bank)
        assert draft.texts == [candidate.text for candidate in ranked]
        assert [draft.candidate(index) for index in range(len(ranked))] == list(ranked)
        assert [draft.is_shortened(index) for index in range(len(ranked))] == [
            candidate.pattern.shortened for candidate in ranked
        ]
        for index, candidate in enumerate(ranked):
            # Stopped at a candidate: the same list up to it, and nothing after it.
            early = draft_candidates(name, bank, until=candidate.text)
            assert early.texts == draft.texts[: index + 1]
            assert early.values == draft.values[: index + 1]
        assert draft_candidates(name, bank, until="not a candidate").texts == draft.texts
        assert rank_one_candidate(name, bank, rank_one_text(name, bank)) == ranked[0]


@given(fields=names)
def test_a_plausible_verdict_is_the_one_the_whole_list_gives(
    fields: tuple[str, str, bool], fixture_banks: tuple[Bank, ...]
) -> None:
    # check_name renders candidates only up to the one typed: diagnosing it against the
    # whole list (as before the shortcut) must say the same.
    name = _name(fields)
    if name is None:
        return
    for bank in _banks(fixture_banks):
        try:
            ranked = build_candidates(name, bank)
        except NameFormatError:
            continue
        whole = Context.of(name, bank, draft_candidates(name, bank))
        for index, candidate in enumerate(ranked[1:], start=1):
            said = candidate_difference(index, whole).findings
            long_way = _verdict("plausible", candidate.text, whole, said, candidate)
            assert check_name(candidate.text, name, bank) == long_way


@pytest.mark.parametrize("text", ["吕布", "欧阳娜娜", "覃海洋", "张三丰"])
def test_a_draft_of_a_chinese_name_holds_its_candidates(text: str, fixture_banks: tuple[Bank, ...]) -> None:
    name = from_chinese(text)
    for bank in fixture_banks:
        ranked = build_candidates(name, bank)
        draft = draft_candidates(name, bank)
        assert [draft.candidate(index) for index in range(len(ranked))] == list(ranked)
        for candidate in ranked:
            assert check_name(candidate.text, name, bank).matched == candidate


NAME_WORDS = ("ZHANG", "SAN", "LI", "A", "AB", "BA")


@given(
    picked=st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=5),
    order=st.randoms(use_true_random=False),
    title=st.lists(st.booleans(), min_size=5, max_size=5),
    surname_words=st.integers(min_value=0, max_value=5),
)
def test_typed_words_that_are_all_name_words_are_matched_as_the_long_way_does(
    picked: list[str], order: object, title: list[bool], surname_words: int
) -> None:
    # Repeated words included (LI LI): the shortcut must hand them out as _in_typed_order does.
    words = tuple(NameWord(text, index < surname_words, text, ()) for index, text in enumerate(picked))
    shuffled = list(picked)
    order.shuffle(shuffled)  # type: ignore[attr-defined]
    typed = tuple(
        TypedWord(text.capitalize() if title[index] else text, index > 0)
        for index, text in enumerate(shuffled)
    )
    upper = [word.text.upper() for word in typed]
    free = [True] * len(words)
    exact = _exact_pieces(typed, upper, words, free)
    assert len(exact) == len(typed)
    assert match_words(typed, words) == _matched_further(typed, upper, words, free, exact)


@given(
    text=st.text(alphabet="ABZ", min_size=1, max_size=12),
    word=st.text(alphabet="ABZ", min_size=1, max_size=4),
)
def test_one_typed_word_is_never_regrouped_into_one_free_name_word(text: str, word: str) -> None:
    # Why _regrouped skips single typed words when fewer than two name words are free: a
    # regrouping needs two cuts or more, each a different name word.
    alternative = NameWord(word, True, word, (("Z" + word, "folded"),))
    taken = NameWord("AAAA", False, "AAAA", ())
    cuts = _segment(text, _pool([alternative, taken], [True, False], respell=True))
    assert cuts is None or len(cuts) == 1


@pytest.mark.parametrize(
    ("code", "variant"), [(code, variant) for code in PROBLEMS for variant in PROBLEMS[code]]
)
def test_messages_fill_each_language_with_its_half(code: ProblemCode, variant: str) -> None:
    # The message filling shares one dict between the languages when no field is a phrase:
    # the long way fills a dict per language.
    wording = PROBLEMS[code][variant]
    keys = {key for template in wording for key in _placeholders(template)}
    fields: dict[str, str | Wording] = {
        key: Wording(f"<{key} en>", f"<{key} 中>") if index % 2 else f"<{key}>"
        for index, key in enumerate(sorted(keys))
    }
    found = problem(code, variant, **fields)
    for lang, text in (("en", found.message_en), ("zh", found.message_zh)):
        half = {
            key: getattr(value, lang) if isinstance(value, Wording) else value
            for key, value in fields.items()
        }
        assert text == getattr(wording, lang).format_map(half)
    plain = {key: f"<{key}>" for key in keys}
    assert problem(code, variant, **plain).message_en == wording.en.format_map(plain)


def test_phrases_fill_each_language_with_its_half() -> None:
    between = phrase("space_between", left=Wording("L", "左"), right="R")
    assert between == Wording("between L and R", "左 和 R 之间")
    assert phrase("case_upper") == PHRASES["case_upper"]


def _placeholders(template: str) -> list[str]:
    import string

    return [field for _, field, _, _ in string.Formatter().parse(template) if field]


@given(fields=names, kind=st.sampled_from(["icao", "folded", "icao_alternative"]))
def test_a_name_spelled_whole_has_the_words_of_its_parts(fields: tuple[str, str, bool], kind: str) -> None:
    from itertools import chain

    from wxpay_names.spelling import primary_words, spell, spell_name

    name = _name(fields)
    if name is None:
        return
    spelled = spell_name(name, kind)  # type: ignore[arg-type]
    assert spelled.surname == spell(name.surname, kind)  # type: ignore[arg-type]
    given = tuple(found for part in name.given_names.split(" ") if (found := spell(part, kind)))  # type: ignore[arg-type]
    assert spelled.given == given
    assert primary_words(name, kind) == (spelled.surname, tuple(chain.from_iterable(spelled.given)))  # type: ignore[arg-type]


def test_spell_name_of_one_given_name_is_primary_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # One piece of code splits a name into its parts: spell_name asks primary_words for it.
    from wxpay_names import spelling

    calls: list[PassportName] = []
    original = spelling.primary_words

    def spy(name: PassportName, kind: str = "icao") -> tuple[tuple[str, ...], tuple[str, ...]]:
        calls.append(name)
        return original(name, kind)  # type: ignore[arg-type]

    monkeypatch.setattr(spelling, "primary_words", spy)
    name = PassportName(surname="Müller", given_names="Jean-Luc")
    assert spelling.spell_name(name) == ("icao", ("MUELLER",), (("JEAN", "LUC"),))
    assert calls == [name]
