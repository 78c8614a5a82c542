"""The diagnosis in stages: analysis as plain values, words at the edge, and its shortcuts proven.

- A candidate's difference from rank 1 known from its pattern (``known_difference``) is what
  comparing its words (``compare``) finds, for every bank and every name whose words cut
  one way only (no word the start of another); for the others the cheaper of the two is said.
- The rule that skips the reading with accents dropped (``folded_can_win``) never changes a
  result: the diagnosis weighing both readings always says the same.
- A typed text whose passport (ICAO) reading is rank 1 differs only in its characters: no
  word of it is compared.
- No analysis module imports the wording: only ``diagnosis/wording.py`` reads ``messages``.
"""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from import_graph import reachable
from wxpay_names import Bank, NameFormatError, PassportName, ProblemCode, check_name
from wxpay_names.candidates import draft_candidates
from wxpay_names.diagnosis.candidate_words import known_difference, words_cut_one_way
from wxpay_names.diagnosis.context import Context
from wxpay_names.diagnosis.readings import candidate_difference, diagnose_typed
from wxpay_names.diagnosis.typed_text import read_typed, split_words
from wxpay_names.diagnosis.word_differences import compare
from wxpay_names.name_forms import WRITTEN_FORMS

DIAGNOSIS = Path(__file__).resolve().parents[1] / "src" / "wxpay_names" / "diagnosis"

# Short words over a few letters, accented ones among them: words that are the start of
# another (A, AB), equal after folding (Ü, U), or run together into another are common.
letters = st.text(alphabet="abuÜüøñAB", min_size=1, max_size=4)
name_fields = st.tuples(
    st.one_of(st.just(""), letters, st.lists(letters, min_size=2, max_size=3).map(" ".join)),
    st.lists(letters, max_size=3).map(" ".join),
)


def _banks(fixture_banks: tuple[Bank, ...]) -> tuple[Bank, ...]:
    # The fixture banks (TEST has a 12-character field), and one that keeps title case.
    return (*fixture_banks, fixture_banks[0].model_copy(update={"code": "TITLE", "case": "title"}))


def _context(fields: tuple[str, str], bank: Bank) -> Context | None:
    try:
        name = PassportName(surname=fields[0], given_names=fields[1])
        return Context.of(name, bank, draft_candidates(name, bank))
    except (ValueError, NameFormatError):
        return None


@given(fields=name_fields)
def test_a_difference_known_from_the_pattern_is_the_one_comparing_words_finds(
    fields: tuple[str, str], fixture_banks: tuple[Bank, ...]
) -> None:
    for bank in _banks(fixture_banks):
        context = _context(fields, bank)
        if context is None or not words_cut_one_way(context):
            continue
        for index, text in enumerate(context.draft.texts):
            known = known_difference(index, context)
            if known is not None:
                assert known == compare(split_words(text), context), (index, text)


@given(fields=name_fields)
@example(fields=("Li", "Lili"))
@example(fields=("A", "A AA"))
def test_where_words_cut_two_ways_the_cheaper_difference_is_said(
    fields: tuple[str, str], fixture_banks: tuple[Bank, ...]
) -> None:
    """When one name word starts another, a candidate is said by its pattern's difference or by
    its words', whichever costs less (the pattern's on a tie)."""
    for bank in _banks(fixture_banks):
        context = _context(fields, bank)
        if context is None or words_cut_one_way(context):
            continue
        for index, text in enumerate(context.draft.texts[1:], 1):
            pattern = context.draft.patterns[index]
            if pattern.spelling in WRITTEN_FORMS or pattern.dots != "none":
                continue  # said as the form it is
            if context.draft.is_shortened(index):
                continue  # said as the field length
            said = candidate_difference(index, context)
            matched = compare(split_words(text), context)
            known = known_difference(index, context)
            assert said.cost <= matched.cost
            if known is not None:
                assert said.cost <= known.cost
                assert said == (known if known.cost <= matched.cost else matched)


def test_words_that_run_together_two_ways_are_said_the_cheaper_way(fixture_banks: tuple[Bank, ...]) -> None:
    """The pattern that made a candidate is the cheaper account where matching words again cuts
    them worse; matching words is, where the pattern did more than it takes to get the text."""
    abc, icbc = (next(bank for bank in fixture_banks if bank.code == code) for code in ("ABC", "ICBC"))
    odd = PassportName(surname="A", given_names="A AA")
    swapped_title = check_name("AAaA", odd, abc)  # the other order, in title case
    assert swapped_title.matched is not None
    assert swapped_title.matched.pattern.order == "given_first"
    assert [p.code for p in swapped_title.problems] == [ProblemCode.ORDER_SWAPPED, ProblemCode.CASE_DIFFERS]
    li = PassportName(surname="Li", given_names="Li Lin")
    swapped = check_name("LILINLI", li, abc)
    assert [p.code for p in swapped.problems] == [ProblemCode.ORDER_SWAPPED]
    assert swapped.problems[0].message_en.startswith("Agricultural Bank of China writes the surname first")
    # LILI + LI (the other order, title case) reads as LI + LILI: only the case is wrong.
    lili = PassportName(surname="Li", given_names="Lili")
    case_only = check_name("LiliLi", lili, abc)
    assert case_only.matched is not None
    assert case_only.matched.pattern.order == "given_first"
    assert [p.code for p in case_only.problems] == [ProblemCode.CASE_DIFFERS]
    assert [p.code for p in check_name("LILI LI", lili, icbc).problems] == [ProblemCode.ORDER_SWAPPED]


@st.composite
def typed_for(draw: st.DrawFn, fields: tuple[str, str]) -> str:
    """A text a person might type for the name: its words in some order, case and accents."""
    words = [word for part in fields for word in part.split()]
    chosen = draw(st.permutations(words))
    chosen = chosen[: draw(st.integers(min_value=1, max_value=max(1, len(chosen))))]
    typed = []
    for word in chosen:
        if draw(st.booleans()):
            word = word.upper()
        if draw(st.booleans()):
            word = word.replace(
                draw(st.sampled_from("üÜøñ")), draw(st.sampled_from(["u", "U", "o", "", "ue"]))
            )
        typed.append(word)
    return draw(st.sampled_from([" ", "", "  "])).join(typed) or "x"


@given(data=st.data(), fields=name_fields)
def test_the_accents_dropped_reading_is_skipped_only_when_it_cannot_win(
    data: st.DataObject, fields: tuple[str, str], fixture_banks: tuple[Bank, ...]
) -> None:
    typed = data.draw(typed_for(fields))
    for bank in _banks(fixture_banks):
        context = _context(fields, bank)
        if context is None:
            continue
        assert diagnose_typed(typed, context) == diagnose_typed(typed, context, weigh_both=True)


def _as_printed(fields: tuple[str, str], bank: Bank) -> str:
    """The passport's own letters (accents kept) laid out as the bank writes rank 1."""
    case = str.upper if bank.case == "upper" else str.capitalize
    surname, given = (bank.given_separator.join(case(word) for word in part.split()) for part in fields)
    first, second = (surname, given) if bank.order == "surname_first" else (given, surname)
    return bank.separator.join(part for part in (first, second) if part)


@given(fields=name_fields)
@example(fields=("a", "a aa"))  # words that run together two ways at a bank that writes no space
@example(fields=("yy y yy", ""))
def test_a_typed_text_read_as_rank_one_differs_only_in_its_characters(
    fields: tuple[str, str], fixture_banks: tuple[Bank, ...]
) -> None:
    """Typed with the passport's accents (``MÜLLER HANS``), the text whose ICAO reading is rank 1
    (``MUELLER HANS``) is said by its characters and the bank's field length only: its words
    are the name's, in the bank's order, spaces and case. (Comparing its words found an order
    swapped or a part missing in names whose words run together two ways, ``A`` / ``A AA``.)"""
    word_codes = {
        ProblemCode.ORDER_SWAPPED, ProblemCode.MISSING_NAME_PART, ProblemCode.EXTRA_NAME_PART,
        ProblemCode.SPELLING, ProblemCode.MISSING_SPACE, ProblemCode.EXTRA_SPACE,
        ProblemCode.CASE_DIFFERS,
    }  # fmt: skip
    for bank in _banks(fixture_banks):
        context = _context(fields, bank)
        if context is None:
            continue
        typed = _as_printed(fields, bank)
        if read_typed(typed).icao != context.expected:
            continue  # a letter ICAO writes otherwise in this case (ß), or no accent to keep
        found = diagnose_typed(typed, context)
        assert not {each.code for each in found} & word_codes, (typed, found)
        if typed != context.expected:
            assert ProblemCode.DIACRITICS in {each.code for each in found}


def test_an_accent_typed_in_words_that_run_together_is_said_alone() -> None:
    from wxpay_names import get_bank

    name = PassportName(surname="A", given_names="A AA")
    result = check_name("ÁAAA", name, get_bank("ABC"))
    assert result.expected == "AAAA"
    assert [problem.code for problem in result.problems] == [ProblemCode.DIACRITICS]


def test_the_folded_reading_is_weighed_when_a_name_word_is_left_out(fixture_banks: tuple[Bank, ...]) -> None:
    # A name word left out is free in both readings: ÜE read UE may stand for the given names
    # U and E run together, which costs less than the surname with the order swapped.
    icbc = next(bank for bank in fixture_banks if bank.code == "ICBC")
    context = _context(("ÜE", "A U E"), icbc)
    assert context is not None
    assert diagnose_typed("A ÜE", context) == diagnose_typed("A ÜE", context, weigh_both=True)


def test_the_rule_skips_the_folded_reading_of_a_typed_accent() -> None:
    # The case the rule is for: MÜLLER typed as printed, in the other order.
    from wxpay_names import get_bank
    from wxpay_names.diagnosis import readings

    bank = get_bank("ICBC")
    context = _context(("Müller", "Jürgen"), bank)
    assert context is not None
    icao, folded = split_words("JUERGEN MUELLER"), split_words("JUERGEN MULLER")
    assert not readings.folded_can_win(icao, folded, 2, context)
    # An ASCII passport name typed with an accent: the folded reading may win, so it is weighed.
    plain = _context(("Muller", "Jurgen"), bank)
    assert plain is not None
    assert readings.folded_can_win(split_words("MUELLER"), split_words("MULLER"), 3, plain)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
            found.update("." * node.level + alias.name for alias in node.names if node.module is None)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_analysis_never_imports_the_wording() -> None:
    """Not directly, nor through another module (``context`` reached the wording through the
    candidates for a type); the error root words its own refusals, and is not followed."""
    analysis = [path for path in DIAGNOSIS.glob("*.py") if path.stem not in {"wording", "__init__"}]
    assert len(analysis) >= 8
    for path in analysis:
        assert not any(name.endswith(("messages", "wording")) for name in _imports(path)), path.name
        reached = reachable(f"wxpay_names.diagnosis.{path.stem}", through=["wxpay_names.errors"])
        assert "wxpay_names.errors" in reached or path.stem == "edit_distance", path.name
        assert not {"wxpay_names.messages", "wxpay_names.diagnosis.wording"} & reached, path.name


def test_the_diagnosis_docstring_names_every_stage_in_order() -> None:
    import wxpay_names.diagnosis as diagnosis

    doc = diagnosis.__doc__ or ""
    stages = [path.stem for path in DIAGNOSIS.glob("*.py") if path.stem != "__init__"]
    positions = {stage: doc.find(f":mod:`.{stage}`") for stage in stages}
    assert all(position >= 0 for position in positions.values()), positions
    # Reading before matching before finding before wording.
    assert positions["typed_text"] < positions["word_matching"] < positions["word_differences"]
    assert positions["word_differences"] < positions["wording"]


@given(
    text=st.text(
        alphabet=st.one_of(
            st.sampled_from(" AbzÜüßøÅæŁłŒĳǅƒ"),
            st.characters(min_codepoint=0xC0, max_codepoint=0x24F),
        ),
        max_size=12,
    )
)
def test_typed_letters_read_by_table_as_one_at_a_time(text: str) -> None:
    from wxpay_names.diagnosis.typed_text import read_characters, read_typed

    assert read_typed(text) == read_characters(text)


@given(fields=name_fields)
@example(fields=("Smith", "John Paul"))
def test_a_candidate_typed_with_an_invisible_character_is_said_as_that_candidate(
    fields: tuple[str, str], fixture_banks: tuple[Bank, ...]
) -> None:
    """One account of how a form of the name differs from rank 1, typed as it is or with a
    character one cannot see: ``PAUL SMITH JOHN`` plus U+200B at ICBC was said as an order swap, while
    ``PAUL SMITH JOHN`` was said as a form a bank may hold (the middle names with the surname)."""
    for bank in _banks(fixture_banks):
        context = _context(fields, bank)
        if context is None:
            continue
        name = PassportName(surname=fields[0], given_names=fields[1])
        for index, text in enumerate(context.draft.texts[1:], 1):
            pattern = context.draft.patterns[index]
            if (
                pattern.spelling not in WRITTEN_FORMS - {"punctuation_kept"}
                or pattern.dots != "none"
                or context.draft.is_shortened(index)
            ):
                continue  # punctuation and dots are said as typed characters, a cut form's letters as typed
            plain = check_name(text, name, bank)
            hidden = check_name(text + "\u200b", name, bank)
            assert plain.status == "plausible"
            assert hidden.problems[0].code is ProblemCode.INVISIBLE_CHARACTERS
            said = [p.code for p in hidden.problems[1:]]
            if ProblemCode.TOO_LONG not in {p.code for p in plain.problems}:
                # a mismatch also says a typed text longer than the bank's field; a plausible one does not
                said = [code for code in said if code is not ProblemCode.TOO_LONG]
            assert said == [p.code for p in plain.problems], text
