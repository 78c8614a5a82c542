"""The shortcuts taken for speed give what the long way gives."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from wxpay_names import (
    Bank,
    BankRegistry,
    NameFormatError,
    PassportName,
    candidates,
    check_name,
    format_name,
    from_chinese,
)
from wxpay_names.candidates import build_candidates, rank_one_candidate
from wxpay_names.models import SpellingKind
from wxpay_names.name_forms import spellings
from wxpay_names.spelling import primary_words


@pytest.mark.parametrize("text", ["张三", "欧阳娜娜", "吕布", "曾乐", "覃晓明", "张三丰", "司马相如"])
def test_rank_one_of_a_chinese_name_is_the_first_candidate(
    text: str, fixture_banks: tuple[Bank, ...]
) -> None:
    # format_name skips the pinyin variants: the primary spelling must be the first of them.
    name = from_chinese(text)
    first = spellings(name)[0]
    assert primary_words(name) == (first.surname, tuple(word for part in first.given for word in part))
    for bank in fixture_banks:
        assert format_name(name, bank) == candidates(name, bank)[0].text


@pytest.mark.parametrize(
    ("surname", "given"),
    [("Éva", "Zoë"), ("Ñúñez", "José"), ("Ødegård", "Åse"), ("Łukasz", "Wróbel"), ("Nguyễn", "Văn An")],
)
def test_other_spellings_are_offered_exactly_when_they_differ(surname: str, given: str) -> None:
    # spellings() skips respelling a name with no letter the other tables write differently.
    from wxpay_names.spelling import letter_spellings, spell_name

    name = PassportName(surname=surname, given_names=given)
    primary = spell_name(name)
    expected = [primary]
    kinds: tuple[SpellingKind, ...] = ("folded", "icao_alternative")
    for kind in kinds:
        other = spell_name(name, kind)
        if all((other.surname, other.given) != (seen.surname, seen.given) for seen in expected):
            expected.append(other)
    assert list(letter_spellings(name)) == expected


def test_truncated_mrz_names_say_so_in_every_note(icbc: Bank) -> None:
    name = PassportName(surname="ERIKSSON", given_names="ANNA MARIA", source="mrz", possibly_truncated=True)
    found = candidates(name, icbc)
    assert all("may be truncated" in candidate.note for candidate in found)
    plain = candidates(name.model_copy(update={"possibly_truncated": False}), icbc)
    assert [candidate.text for candidate in found] == [candidate.text for candidate in plain]


@given(
    surname=st.text(alphabet="abcxyzÜøßñ-' ", max_size=12),
    given_names=st.text(alphabet="abcxyzÄéł- ", max_size=16),
    truncated=st.booleans(),
)
def test_rank_one_candidate_is_the_first_of_the_list(
    surname: str, given_names: str, truncated: bool, fixture_banks: tuple[Bank, ...]
) -> None:
    try:
        name = PassportName(surname=surname, given_names=given_names, possibly_truncated=truncated)
    except ValueError:
        return
    for bank in (*fixture_banks, fixture_banks[0].model_copy(update={"case": "title"})):
        try:
            full = build_candidates(name, bank)
        except NameFormatError:
            continue
        assert rank_one_candidate(name, bank) == full[0]


@pytest.mark.parametrize("text", ["吕布", "欧阳娜娜", "覃海洋"])
def test_rank_one_candidate_of_a_chinese_name(text: str, fixture_banks: tuple[Bank, ...]) -> None:
    name = from_chinese(text)
    for bank in fixture_banks:
        assert rank_one_candidate(name, bank) == build_candidates(name, bank)[0]


_CYRILLIC_WORD = st.text(alphabet="абгджийщьюяєіїґўЖЩ'-", min_size=1, max_size=6)


@given(
    surname=_CYRILLIC_WORD,
    given_names=st.lists(_CYRILLIC_WORD, max_size=2).map(" ".join),
    state=st.sampled_from(["RUS", "UKR", "BLR", "BGR", "SRB", "MKD", "KAZ"]),
)
@example(surname="Тест", given_names="Милица", state="SRB")
@example(surname="Шевченко", given_names="Кирило", state="UKR")
def test_rank_one_under_a_national_table_is_the_first_of_the_list(
    surname: str, given_names: str, state: str, fixture_banks: tuple[Bank, ...]
) -> None:
    # format_name, plan_cards and compatible_banks read rank 1 without the list: with the
    # passport's State, rank 1 may be spelled by its national table.
    try:
        name = PassportName(surname=surname, given_names=given_names, issuing_state=state)
    except ValueError:
        return
    for bank in (
        *fixture_banks,
        fixture_banks[0].model_copy(update={"order": "given_first", "separator": ""}),
    ):
        try:
            full = build_candidates(name, bank)
        except NameFormatError:
            continue
        assert format_name(name, bank) == full[0].text
        assert rank_one_candidate(name, bank) == full[0]


_PART = st.text(alphabet=st.sampled_from([*"AbcZ üÉñßŁıΩΣжЖ张'-.  ", "\u0301", "\u200b", "1"]), max_size=12)


@given(_PART, _PART, st.sampled_from(["fields", "text"]))
@example("Müller", "Jürgen", "fields")
@example("Иванов", "John", "fields")
@example("", "Jürgen", "text")
@example("A" * 257, "B", "fields")
def test_build_name_equals_the_constructor(surname: str, given_names: str, source: str) -> None:
    """build_name's shortcut (clean parts put together without pydantic) gives the constructor's name."""
    from pydantic import ValidationError

    from wxpay_names.errors import refusal_in
    from wxpay_names.models import build_name

    try:
        expected: object = PassportName(
            surname=surname, given_names=given_names, chinese=None, source=source,  # type: ignore[arg-type]
            possibly_truncated=False, issuing_state=None,
        )  # fmt: skip
    except ValidationError as error:
        expected = refusal_in(error)
    try:
        found: object = build_name(surname, given_names, source=source)  # type: ignore[arg-type]
    except NameFormatError as error:
        found = error
    if isinstance(expected, PassportName):
        assert isinstance(found, PassportName)
        assert found == expected
        assert found.model_fields_set == expected.model_fields_set
        assert found.model_dump_json() == expected.model_dump_json()
        assert repr(found) == repr(expected)
    else:
        assert isinstance(expected, NameFormatError)
        assert isinstance(found, NameFormatError)
        assert (type(found), found.code, str(found)) == (type(expected), expected.code, str(expected))


# Names whose texts repeat (LI LI, a middle name written with the surname at a bank that writes
# the given names first), with hyphens, apostrophes, accents, Cyrillic letters (whose national
# spellings give several spellings of a name), suffixes and one-part names.
_WORD = st.text(alphabet="abxyÜøñжї'-", min_size=1, max_size=5)
_NAME_PARTS = st.tuples(
    st.one_of(st.just(""), _WORD, st.lists(_WORD, min_size=2, max_size=3).map(" ".join)),
    st.one_of(
        st.just(""),
        st.lists(st.one_of(_WORD, st.sampled_from(["III", "Jr.", "Li"])), max_size=3).map(" ".join),
    ),
    st.booleans(),
)


def _name_or_none(parts: tuple[str, str, bool]) -> PassportName | None:
    surname, given_names, truncated = parts
    try:
        return PassportName(surname=surname, given_names=given_names, possibly_truncated=truncated)
    except ValueError:
        return None


def _at_banks(
    parts: tuple[str, str, bool], fixture_banks: tuple[Bank, ...]
) -> list[tuple[PassportName, Bank]]:
    """The name (when valid) at each fixture bank (TEST has a 12-character field), at one
    that keeps title case and at one that writes the given names first in a 12-character
    field (where a middle name written with the surname repeats rank 1)."""
    name = _name_or_none(parts)
    if name is None:
        return []
    title_bank = fixture_banks[0].model_copy(update={"code": "TITLE", "case": "title"})
    given_first = next(bank for bank in fixture_banks if bank.order == "given_first")
    short_given_first = given_first.model_copy(update={"code": "GIVEN12", "max_length": 12})
    return [(name, bank) for bank in (*fixture_banks, title_bank, short_given_first)]


@given(parts=_NAME_PARTS, stop=st.sampled_from(["", "first", "middle", "last", "none"]))
@example(parts=("Li", "Li", False), stop="")
@example(parts=("Li", "Li Li", False), stop="")  # a step planned out, and a repeat of letters
@example(parts=("Li", "Li Li", False), stop="last")
@example(parts=("Smith", "John Paul", False), stop="last")
@example(parts=("Smith", "John Paul III", True), stop="middle")
def test_the_fast_road_gives_the_one_by_one_road_s_list(
    parts: tuple[str, str, bool], stop: str, fixture_banks: tuple[Bank, ...]
) -> None:
    """draft_candidates' fast road (every text rendered at once, the shape's patterns and notes)
    gives the list the step-by-step road gives, stopped at the same text."""
    from wxpay_names.candidates import _plans_of, _ready, _render_one_by_one, _shape, draft_candidates

    for name, bank in _at_banks(parts, fixture_banks):
        try:
            whole = draft_candidates(name, bank)
        except NameFormatError:
            continue
        until = {
            "": "",
            "first": whole.texts[0],
            "middle": whole.texts[len(whole.texts) // 2],
            "last": whole.texts[-1],
            "none": "not a candidate",
        }[stop]
        found = spellings(name)
        shape = _shape(found)
        plans = _plans_of(bank)
        plan = (plans.by_shape.get(shape) or _ready(plans, shape)).plan
        one_by_one = _render_one_by_one(name, bank, found, plan, until)
        fast = draft_candidates(name, bank, until=until)
        if name.possibly_truncated:
            from wxpay_names.messages import truncated_note

            one_by_one = one_by_one._replace(notes=[truncated_note(note) for note in one_by_one.notes])
        assert fast.texts == one_by_one.texts
        assert list(fast.patterns) == list(one_by_one.patterns)
        assert list(fast.notes) == list(one_by_one.notes)
        assert fast.candidates() == one_by_one.candidates()


@given(parts=_NAME_PARTS)
@example(parts=("van der Berg", "Anna Maria III", False))
@example(parts=("O'Neill", "Hans-Peter", False))
def test_the_written_texts_are_the_recipes_rendered(
    parts: tuple[str, str, bool], fixture_banks: tuple[Bank, ...]
) -> None:
    """The function compiled_texts writes for a bank and shape gives each recipe's text as
    rendered over the name's pieces, then rank 1's dotted forms."""
    from wxpay_names.candidate_plans import recipe_of
    from wxpay_names.candidates import (
        _dotted_texts,
        _flat_pieces,
        _pieces,
        _plans_of,
        _ready,
        _shape,
        _written_texts,
    )

    for name, bank in _at_banks(parts, fixture_banks):
        found = spellings(name)
        shape = _shape(found)
        plans = _plans_of(bank)
        ready = plans.by_shape.get(shape) or _ready(plans, shape)
        flat = _flat_pieces(found, _pieces(found[0]), len(found))
        recipes = (recipe_of(ready.plan.first, shape), *ready.recipes)
        rendered = [flat[first] + separator + flat[second] for first, separator, second in recipes]
        dotted = _dotted_texts(found[0], bank, flat[1:13], ready.dotted.marks) if ready.dotted.marks else []
        assert _written_texts(plans, shape, ready)(found) == [*rendered, *dotted]


@given(
    st.text(alphabet=st.sampled_from([*"abcXYZ '-.", "ü", "é"]), max_size=14),
    st.text(alphabet=st.sampled_from([*"abcXYZ '-.", "ñ", "ø"]), max_size=14),
)
@example("Smith", "John Paul")
@example("van der Berg", "Anna")
@example("O'Neill", "Mary-Jane")
def test_the_spelling_of_letters_and_spaces_is_the_table_s(surname: str, given_names: str) -> None:
    """letter_spellings' shortcuts (capitals for A–Z and spaces, one conversion for the whole
    name) give what spelling each part apart gives."""
    from wxpay_names.spelling import _letter_spellings_apart, letter_spellings

    name = _name_or_none((surname, given_names, False))
    if name is None:
        return
    assert letter_spellings(name) == _letter_spellings_apart(name, "icao")


def test_candidates_share_one_field_set_that_a_copy_does_not_touch(icbc: Bank) -> None:
    # Draft.candidates gives every Candidate the same field set (pydantic's model_copy copies it).
    first, second, *_ = candidates(PassportName(surname="Zhang", given_names="San"), icbc)
    assert first.model_fields_set == second.model_fields_set == {"text", "rank", "pattern", "note"}
    copied = first.model_copy(update={"rank": 9})
    assert copied.rank == 9
    assert second.model_fields_set == {"text", "rank", "pattern", "note"}
    assert first == type(first).model_validate(first.model_dump())


@given(parts=_NAME_PARTS)
@example(parts=("", "Anna", False))
@example(parts=("'t Hooft", "Gerard", False))
@example(parts=("Müller", "Jürgen", False))
def test_the_first_letter_shortcut_never_turns_rank_one_away(
    parts: tuple[str, str, bool], fixture_banks: tuple[Bank, ...]
) -> None:
    """check_name's shortcuts (a text not starting with the bank's first letter, or holding a
    character outside ASCII, is not rank 1) hold for the rank-1 text itself, at every bank
    and in either case."""
    from wxpay_names.candidates import rank_one_text
    from wxpay_names.check import _is_rank_one

    for name, bank in _at_banks(parts, fixture_banks):
        try:
            text = rank_one_text(name, bank)
        except NameFormatError:
            continue
        assert text.isascii()
        assert _is_rank_one(text, name, bank)
        assert not _is_rank_one(text + "X", name, bank)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        (from_chinese("吕布"), "ICBC"),
        (from_chinese("欧阳娜娜"), "BOC"),
        (PassportName(surname="Шевченко", given_names="Кирило", issuing_state="UKR"), "ICBC"),
        (PassportName(surname="Đặng", given_names="Thị Ánh"), "ABC"),
    ],
)
def test_rank_one_is_ascii_whatever_the_name_was_read_from(
    name: PassportName, code: str, registry: BankRegistry
) -> None:
    """Rank 1 is written in A–Z and the bank's separators, so check_name turns a text holding
    another character away before spelling the name (``MÜLLER`` typed is never rank 1)."""
    from wxpay_names.check import _is_rank_one

    bank = registry.get(code)
    text = format_name(name, bank)
    assert text.isascii()
    assert _is_rank_one(text, name, bank)
    assert check_name(text, name, bank).status == "match"


def test_a_step_that_always_repeats_rank_one_is_not_written(
    boc: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a bank that writes the given names first, a middle name written with the surname
    gives rank 1's text for every name: the fast road leaves that step out when it is
    planned, so such names need no search for repeats (``_without_repeats``)."""
    import importlib

    drafts = importlib.import_module("wxpay_names.candidates")
    name = PassportName(surname="Smith", given_names="John Paul")
    found = spellings(name)
    assert [spelling.kind for spelling in found] == ["icao", "middle_with_surname"]
    plans = drafts._plans_of(boc)
    ready = plans.by_shape.get(drafts._shape(found)) or drafts._ready(plans, drafts._shape(found))
    assert ready.steps != tuple(range(len(ready.steps)))  # a step is left out
    one_by_one = drafts._render_one_by_one(name, boc, found, ready.plan, "")

    def no_search(*_: object) -> None:
        raise AssertionError("a repeat searched for")

    monkeypatch.setattr(drafts, "_without_repeats", no_search)
    fast = drafts.draft_candidates(name, boc)
    assert fast.texts == one_by_one.texts
    assert list(fast.patterns) == list(one_by_one.patterns)
    assert fast.texts.count("JOHN PAUL SMITH") == 1


def test_names_that_plan_alike_share_one_written_function(fixture_banks: tuple[Bank, ...]) -> None:
    """A texts function is written per capped shape: a name of a new length costs no new one
    (the cache stays small however many lengths come), and each length still gets its texts."""
    from wxpay_names.candidates import _plans_of, _render_one_by_one, _shape, draft_candidates

    bank = fixture_banks[0]
    functions = set()
    for words in (2, 3, 5, 9):
        name = PassportName(surname=" ".join(["Ab"] * words), given_names=" ".join(["Cd", "Ef"] * words))
        fast = draft_candidates(name, bank)
        found = spellings(name)
        ready = _plans_of(bank).by_shape[_shape(found)]
        assert ready.texts is not None
        functions.add(ready.texts)
        assert fast.texts == _render_one_by_one(name, bank, found, ready.plan, "").texts
        assert fast.texts[0].count("AB") == words
    assert len(functions) == 1


def test_dotted_forms_in_title_case_keep_a_generational_numeral(icbc: Bank) -> None:
    """At a bank that keeps title case, a dotted form writes its words as the other title-case
    candidates do: III stays III (it was Iii), on both roads."""
    from wxpay_names.candidates import _plans_of, _render_one_by_one, _shape, draft_candidates

    bank = icbc.model_copy(update={"code": "TITLE", "case": "title", "dots": "unknown"})
    name = PassportName(surname="Smith", given_names="John III")
    fast = draft_candidates(name, bank)
    dotted = [text for text in fast.texts if "·" in text]
    assert dotted == ["Smith·John·III"]
    assert "Smith John III" in fast.texts
    found = spellings(name)
    plan = _plans_of(bank).by_shape[_shape(found)].plan
    assert _render_one_by_one(name, bank, found, plan, "").texts == fast.texts


@pytest.mark.parametrize("given_names", ["John III", "John II Paul", "Hans-Peter IV"])
def test_at_a_bank_that_keeps_title_case_a_numeral_keeps_its_capitals_everywhere(
    icbc: Bank, given_names: str
) -> None:
    """format_name, the first candidate and the diagnosis write III alike (format_name wrote Iii)."""
    bank = icbc.model_copy(update={"code": "TITLE", "case": "title"})
    name = PassportName(surname="Doe", given_names=given_names)
    first = candidates(name, bank)[0].text
    assert format_name(name, bank) == first
    assert check_name(first, name, bank).status == "match"
    assert all(word not in first.split() for word in ("Iii", "Ii", "Iv"))


@pytest.mark.parametrize(
    ("surname", "given_names", "titled"),
    [("Ii", "Naomasa", "Ii Naomasa"), ("Petrov", "Iv", "Petrov Iv"), ("Doe", "John II", "Doe John II")],
)
def test_a_numeral_that_starts_its_part_is_a_name(
    icbc: Bank, surname: str, given_names: str, titled: str
) -> None:
    """井伊 is Ii, a surname; a suffix comes after a name. Title case wrote II NAOMASA's Ii as II."""
    name = PassportName(surname=surname, given_names=given_names)
    assert titled in [candidate.text for candidate in candidates(name, icbc)]
    bank = icbc.model_copy(update={"code": "TITLE", "case": "title"})
    assert format_name(name, bank) == titled == candidates(name, bank)[0].text
    assert check_name(titled, name, bank).status == "match"
    assert [p.code.value for p in check_name(titled.upper(), name, bank).problems] == ["CASE_DIFFERS"]
