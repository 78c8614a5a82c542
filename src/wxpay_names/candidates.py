"""Candidates: the bank's row plus deviations, ranked, noted, without duplicate texts.

Rank 1 is the bank's recorded convention applied to the primary (ICAO) spelling. Every
other candidate carries one deviation (other order, other spacing, first given name
alone, another spelling, title case, shortened), then pairs, then triples of deviations,
each group ordered by weight: the likelier a clerk's variation, the lighter its weight.
A rare deviation (ICAO's XX forms) ranks as one more; cut forms follow an over-long rank 1.

The work is planned once per bank row and shape of name (counts of words, never letters)
and cached; a call only renders the texts (see ``Plan``).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import BaseModel

from .candidate_plans import (
    GIVEN,
    MAX_CANDIDATES,
    PIECES_PER_SPELLING,
    SURNAME,
    Pieces,
    Plan,
    Shape,
    bank_row,
    capped,
    make_pattern,
    piece_index,
    plan_for,
    recipe_of,
)
from .compiled_texts import Texts, compile_texts, dotted_in_title_case
from .errors import ErrorCode, InvalidNameError
from .messages import candidate_note, over_limit_note, row_note, truncated_note
from .models import (
    Bank,
    Candidate,
    Dots,
    PassportName,
    Pattern,
    Separator,
    SpellingKind,
    assemble,
)
from .name_forms import spellings
from .resolve import resolve_bank, resolve_name
from .spelling import Spelling, primary_kind, primary_parts
from .title_case import title_word

if TYPE_CHECKING:
    from .observations import Observations

# models.assemble's steps, for Draft.candidates: a new instance, then its four slots.
_MODEL_SETTERS = (
    object.__new__,
    BaseModel.__dict__["__dict__"].__set__,
    BaseModel.__dict__["__pydantic_fields_set__"].__set__,
    BaseModel.__dict__["__pydantic_extra__"].__set__,
    BaseModel.__dict__["__pydantic_private__"].__set__,
)
_CANDIDATE_FIELDS = {"text", "rank", "pattern", "note"}

# The upper-case surname and given names, their words one space apart.
_SURNAME_SPACED, _GIVEN_SPACED = piece_index(SURNAME, False, " "), piece_index(GIVEN, False, " ")

# Plans by Bank object, then by shape (see _BankPlans). Both bounded.
_PLANS: dict[int, _BankPlans] = {}
_MAX_BANKS_CACHED = 256
_MAX_SHAPES_CACHED = 512
_MAX_STEPS_CACHED = 16  # per bank and shape: which steps a list with repeats kept
# The fast road's texts functions by plan (held, so its id stays its own), dot marks (they
# decide how many of the plan's recipes a list takes) and steps written (``_written_texts``).
# Bounded.
_TEXTS: dict[tuple[int, tuple[str, ...], tuple[int, ...]], tuple[Plan, Texts]] = {}
_MAX_TEXTS_CACHED = 1024


class _BankPlans(NamedTuple):
    """What one Bank object's candidates follow, whatever the name."""

    bank: Bank  # held, so its id stays its own
    first: tuple[Pattern, str]  # rank 1's pattern and note: the bank's row alone decides them
    by_shape: dict[Shape, _Ready]
    # The dotted forms by the primary spelling's kind (a few kinds at most).
    dotted: dict[SpellingKind, _DottedLayouts]


class _Ready(NamedTuple):
    """All a call needs at one bank for one shape of name, made once (see ``draft_candidates``).

    The plan, and for the fast road: the recipes of every text the list can hold after
    rank 1, the function that writes those texts, the dotted forms that end the list, and
    the patterns and notes of a full list in rank order.
    """

    plan: Plan
    # The plan's step of each text the fast road writes (rank 1 is step 0), and the later
    # steps' recipes: a step whose text repeats an earlier one for every name of the shape
    # is left out (``_steps_that_differ``).
    steps: tuple[int, ...]
    recipes: tuple[tuple[int, Separator, int], ...]
    # The fast road's texts, rank 1's first and the dotted forms last (``compiled_texts``);
    # written on the first name of the shape that takes the fast road (``_written_texts``).
    texts: Texts | None
    dotted: _DottedLayouts
    patterns: tuple[Pattern, ...]
    notes: tuple[str, ...]
    # Patterns and notes by the steps a list kept when a text repeated (``_without_repeats``).
    by_steps: dict[tuple[int, ...], tuple[tuple[Pattern, ...], tuple[str, ...]]]
    over: _OverLimit  # the list when rank 1 is longer than the bank's field


class _OverLimit(NamedTuple):
    """A list whose rank 1 is longer than the bank's field: the two cut forms (spaces removed
    then cut, and cut) go before the later step *cut_at* (an index into the later steps), and
    the list holds *size* texts, no dotted form; with the patterns and notes of such a list."""

    cut_at: int
    size: int
    patterns: tuple[Pattern, ...]
    notes: tuple[str, ...]


_NOT_OVER = _OverLimit(-1, 0, (), ())
# Rendered step by step: see _over_limit, and a shape with a step planned out (_ready).
_SLOW = _OverLimit(-2, 0, (), ())


def _ready(bank_plans: _BankPlans, shape: Shape) -> _Ready:
    bank = bank_plans.bank
    plan = plan_for(bank_row(bank), shape)
    _, surname_words, _, given_words, _ = shape[0]
    dotted = _NO_DOTS
    if bank.dots != "refused" and surname_words + given_words > 1:
        dotted = bank_plans.dotted.get(shape[0][0]) or _dotted_layouts(bank_plans, shape[0][0])
    room = MAX_CANDIDATES - len(dotted.marks)
    count = min(room - 1, len(plan.recipes))
    steps = _steps_that_differ(plan, shape, count)
    ready = _Ready(
        plan,
        steps,
        tuple([plan.recipes[step - 1] for step in steps[1:]]),
        None,
        dotted,
        tuple([plan.patterns[step] for step in steps]) + dotted.patterns,
        tuple([plan.notes[step] for step in steps]) + dotted.notes,
        {},
        # The cut forms' places count the plan's steps: a list that leaves one out goes step by step.
        _over_limit(bank, plan, count) if steps == tuple(range(count + 1)) else _SLOW,
    )
    plans = bank_plans.by_shape
    if len(plans) >= _MAX_SHAPES_CACHED:
        plans.clear()
    plans[shape] = ready
    return ready


def _steps_that_differ(plan: Plan, shape: Shape, count: int) -> tuple[int, ...]:
    """Step 0 (rank 1), then the first *count* later steps of *plan* whose text is not one an
    earlier step writes for every name of *shape*.

    The plan already leaves out a step that writes a spelling the way an earlier step
    writes the same spelling; such a repeat across two spellings comes from how they
    relate, never from the letters: at a bank that writes the given names first, a middle
    name written with the surname (``JOHN`` / ``PAUL SMITH``) gives rank 1's text (``JOHN
    PAUL SMITH``) whatever the words. Rendered over a name of the shape whose words are all
    different (``QAA QAB``), a step gives an earlier step's text only when both put the same
    words in the same places, case and separators: then they do for every name of the
    shape. Repeats that depend on the letters (``LI LI``) are left to ``_without_repeats``.
    Only shapes of plain words spelled one way, with the middle names written with the
    surname, are rendered so (a name with accents another table writes otherwise, a hyphen,
    an apostrophe or a suffix has other spellings); every step of the others is kept.
    """
    every = tuple(range(count + 1))
    if len(shape) < 2:
        return every  # one spelling: the plan left out its repeats already
    found = _words_all_different(shape)
    if found is None:
        return every
    primary = _pieces(found[0])
    flat = _flat_pieces(found, primary, len(found))
    seen = {plan.first.render(primary)}
    steps = [0]
    for step, (first, separator, second) in enumerate(plan.recipes, 1):
        if len(steps) > count:
            break
        text = flat[first] + separator + flat[second]
        if text and text not in seen:
            seen.add(text)
            steps.append(step)
    return tuple(steps)


def _words_all_different(shape: Shape) -> tuple[Spelling, ...] | None:
    """The spellings of a name of *shape* whose words are all different (``QAA``, ``QAB``…),
    or ``None`` where no name of plain words has that shape."""
    _, surname_words, given_names, given_words, _ = shape[0]
    if given_words != given_names or surname_words + given_words > len(_DISTINCT_WORDS):
        return None  # a given name of several words (JEAN-LUC): its hyphen is a written form
    words = iter(_DISTINCT_WORDS)
    surname = " ".join([next(words) for _ in range(surname_words)])
    given = " ".join([next(words) for _ in range(given_words)])
    if not (surname or given):
        return None
    found = spellings(PassportName(surname=surname, given_names=given))
    return found if _shape(found) == shape else None


# Words that are no suffix, particle or numeral, of one length: texts made of them are equal
# only when they hold the same words in the same order, case and separators.
_DISTINCT_WORDS = tuple(f"Q{first}{second}" for first in "ABCDEFGH" for second in "ABCDEFGH")


def _written_texts(bank_plans: _BankPlans, shape: Shape, ready: _Ready) -> Texts:
    """*ready*'s texts function, written on first need (a name from Chinese characters has
    none) and shared by every shape, and every Bank object, whose plan and dot marks are the
    same: a name of a new length, or a copy of a Bank (``plan_cards`` makes some), costs no
    new function."""
    plan, marks = ready.plan, ready.dotted.marks
    key = (id(plan), marks, ready.steps)
    entry = _TEXTS.get(key)
    if entry is None or entry[0] is not plan:
        if len(_TEXTS) >= _MAX_TEXTS_CACHED:
            _TEXTS.clear()
        bank, capped_shape = bank_plans.bank, capped(shape)
        recipes = (recipe_of(plan.first, capped_shape), *ready.recipes)
        entry = _TEXTS[key] = (
            plan,
            compile_texts(capped_shape, recipes, marks, bank.order, bank.case == "upper"),
        )
    texts = entry[1]
    bank_plans.by_shape[shape] = ready._replace(texts=texts)
    return texts


def _plans_of(bank: Bank) -> _BankPlans:
    """The plans already made for this Bank object (found by identity: hashing a whole Bank
    costs more than the rest of a call)."""
    entry = _PLANS.get(id(bank))
    if entry is None or entry.bank is not bank:
        if len(_PLANS) >= _MAX_BANKS_CACHED:
            _PLANS.clear()
        pattern = make_pattern(
            bank.order, bank.separator, bank.given_separator, False, "icao", bank.case, False
        )
        entry = _PLANS[id(bank)] = _BankPlans(bank, (pattern, row_note(bank_row(bank)).en), {}, {})
    return entry


def _shape(found: tuple[Spelling, ...]) -> Shape:
    if len(found) == 1:  # most names: spelled one way only
        kind, surname, given = found[0]
        words = len(given[0]) if len(given) == 1 else sum(map(len, given))
        return ((kind, len(surname), len(given), words, len(given[0]) if given else 0),)
    return tuple(
        [
            (kind, len(surname), len(given), sum(map(len, given)), len(given[0]) if given else 0)
            for kind, surname, given in found
        ]
    )


def _pieces(spelling: Spelling) -> Pieces:
    """The twelve strings of ``Pieces``, in ``piece_index()`` order."""
    surname, given_names = spelling.surname, spelling.given
    if len(given_names) == 1:
        given = _forms(given_names[0])
        return (*_forms(surname), *given, *given)  # the first given name is all of them
    first = given_names[0] if given_names else ()
    return (*_forms(surname), *_forms(tuple(chain.from_iterable(given_names))), *_forms(first))


def _forms(words: tuple[str, ...]) -> tuple[str, str, str, str]:
    """The words joined by a space and by nothing, in upper then in title case (``piece_index()`` order)."""
    if len(words) == 1:  # most name parts: nothing to join
        word = words[0]
        title = title_word(word, first=True)
        return (word, word, title, title)
    titles = [title_word(word, not index) for index, word in enumerate(words)]
    return (" ".join(words), "".join(words), " ".join(titles), "".join(titles))


def rank_one_text(name: PassportName, bank: Bank) -> str:
    """The text the bank most likely holds, without building the other candidates."""
    surname, given = primary_parts(name)
    join = bank.given_separator.join
    if bank.case == "title":  # the data may one day report a bank that keeps title case
        surname = join([title_word(word, not index) for index, word in enumerate(surname.split())])
        given = join([title_word(word, not index) for index, word in enumerate(given.split())])
    else:
        surname, given = join(surname.split()), join(given.split())
    first, second = (surname, given) if bank.order == "surname_first" else (given, surname)
    if first and second:
        return first + bank.separator + second
    if not (first or second):
        raise _no_letters()
    return first or second


def rank_one_candidate(name: PassportName, bank: Bank, text: str | None = None) -> Candidate:
    """The rank-1 ``Candidate``, equal to ``build_candidates(name, bank)[0]``, without the others.

    Its pattern and note depend on the bank's row alone (and on whether the MRZ name field
    was full), so only the text is the name's: *text* is ``rank_one_text(name, bank)`` when
    the caller has it already.
    """
    if name.issuing_state is not None and primary_kind(name) != "icao":
        return build_candidates(name, bank)[0]  # rank 1 spelled by a national table: its pattern says so
    pattern, note = _plans_of(bank).first
    if text is None:
        text = rank_one_text(name, bank)
    note = _rank_one_note(note, text, bank)
    if name.possibly_truncated:
        note = truncated_note(note)
    return assemble(Candidate, {"text": text, "rank": 1, "pattern": pattern, "note": note})


def _over_limit(bank: Bank, plan: Plan, count: int) -> _OverLimit:
    """Where the cut forms go in a list whose rank 1 is longer than the bank's field (as
    ``_render_rest`` puts them), and its patterns and notes; ``_SLOW`` where the fast road
    would not give that list: the cut forms do not both fit before the list is full, or the
    list needs a later step than the *count* the fast road renders (neither happens with
    today's plans, whose cut forms come by the fourth step).

    Such a list holds no dotted form: a dotted form is rank 1's words with a mark for each
    space, never shorter than rank 1, so it is longer than the field too, and the dots are a
    guess where the field's length rests on a report. The cut forms take their places, and
    the steps the plan ranks above the dots (the first given name alone among them) keep theirs.
    """
    limit = bank.max_length
    if limit is None:
        return _NOT_OVER
    at = plan.shortened_at
    size = min(MAX_CANDIDATES, len(plan.recipes) + 3)  # rank 1, the steps and both cut forms
    if 1 + at + 2 > size or size - 3 > count:
        return _SLOW
    first_note = over_limit_note(plan.first.note, limit, bank.max_length_evidence)
    (joined, joined_note), (cut, cut_note) = plan.shortened
    patterns, notes = list(plan.patterns[: size - 2]), [first_note, *plan.notes[1 : size - 2]]
    patterns[1 + at : 1 + at] = [joined, cut]
    notes[1 + at : 1 + at] = [joined_note, cut_note]
    return _OverLimit(at, size, tuple(patterns), tuple(notes))


class _Lists(NamedTuple):
    """The candidates' values while the one-by-one road appends to them."""

    texts: list[str]
    patterns: list[Pattern]
    notes: list[str]


class Draft(NamedTuple):
    """A name's candidates at a bank before they become models: plain values, in rank order.

    ``check_name`` looks a typed text up among the texts and builds only the ``Candidate``
    it matched (a model costs about as much as all the string work of a text);
    ``candidates()`` builds them all. Both come from the same rendering, so they cannot
    disagree.
    """

    texts: list[str]
    patterns: Sequence[Pattern]  # a list, or the plan's own tuple (read only)
    notes: Sequence[str]
    spelled: tuple[Spelling, ...]  # the name's spellings, kept for the diagnosis to reuse

    def text(self, index: int) -> str:
        return self.texts[index]

    def rank_of(self, text: str) -> int | None:
        """The index of *text* among the candidate texts (rank ``index + 1``), or ``None``."""
        return self.texts.index(text) if text in self.texts else None

    def fields(self, index: int) -> dict[str, Any]:
        """The fields of the ``Candidate`` at *index*, as ``models.assemble`` takes them."""
        return {
            "text": self.texts[index],
            "rank": index + 1,
            "pattern": self.patterns[index],
            "note": self.notes[index],
        }

    @property
    def values(self) -> list[dict[str, Any]]:
        """Every candidate's fields (for tests and tools; the calls read the lists)."""
        return [self.fields(index) for index in range(len(self.texts))]

    def candidate(self, index: int) -> Candidate:
        """The ``Candidate`` at *index* (rank ``index + 1``)."""
        return assemble(Candidate, self.fields(index))

    def candidates(self) -> tuple[Candidate, ...]:
        """Every candidate, as models.

        ``models.assemble`` inlined, with one field set shared by every candidate (pydantic
        never changes a model's field set; ``model_copy`` copies it): a dozen models a call,
        and the call and the set per model were a fifth of each model's cost.
        """
        made: list[Candidate] = []
        new, set_dict, set_fields_set, set_extra, set_private = _MODEL_SETTERS
        for rank, (text, pattern, note) in enumerate(
            zip(self.texts, self.patterns, self.notes, strict=True), 1
        ):
            candidate = new(Candidate)
            set_dict(candidate, {"text": text, "rank": rank, "pattern": pattern, "note": note})
            set_fields_set(candidate, _CANDIDATE_FIELDS)
            set_extra(candidate, None)
            set_private(candidate, None)
            made.append(candidate)
        return tuple(made)

    def is_shortened(self, index: int) -> bool:
        return self.patterns[index].shortened


def draft_candidates(name: PassportName, bank: Bank, until: str = "") -> Draft:
    """Rank 1 per the bank's row, then the deviations; see the module docstring.

    The per-call work is only the letters: spell the name and render the plan's layouts
    until the list is full, or until the text *until* is rendered (``check_name`` needs
    no candidate ranked below the one typed; ``""``, never a candidate's text, renders all).

    Two roads give the same list (a property test holds them equal). The fast one renders
    every text the list can hold in one call of the function written for the bank and the
    shape of name (``compiled_texts``) and takes the patterns and notes made once for them
    (``_Ready``); a text that repeats another is left out for the plan's next steps, and the
    cut forms go where the other road places them when rank 1 is longer than the bank's
    field. The other renders step by step, each text kept only when new: for a name read
    from Chinese characters, and for a list longer than the bank's field in which a text
    repeats another.
    """
    found = spellings(name)
    shape = _shape(found)
    bank_plans = _plans_of(bank)
    ready = bank_plans.by_shape.get(shape) or _ready(bank_plans, shape)
    draft: Draft | None = None
    if name.source != "chinese":  # a name from Chinese characters has no dotted forms: one by one
        texts = (ready.texts or _written_texts(bank_plans, shape, ready))(found)
        if not texts[0]:
            raise _no_letters()
        draft = _render_at_once(texts, found, bank, ready, until)
    if draft is None:
        draft = _render_one_by_one(name, bank, found, ready.plan, until)
    if name.possibly_truncated:
        # ICAO 9303 Part 4 §4.2.3: a name field filled to its last position may have been cut.
        draft = draft._replace(notes=[truncated_note(note) for note in draft.notes])
    return draft


def _render_at_once(
    texts: list[str], found: tuple[Spelling, ...], bank: Bank, ready: _Ready, until: str
) -> Draft | None:
    """The fast road of ``draft_candidates``, from *texts* (``_Ready.texts``); ``None`` where
    it does not go (a cut form that repeats another text, or is empty)."""
    first_text = texts[0]
    if first_text == until:
        note = _rank_one_note(ready.plan.first.note, first_text, bank)  # it may be over the bank's field
        return tuple.__new__(Draft, ([first_text], ready.patterns[:1], [note], found))
    limit = bank.max_length
    patterns: Sequence[Pattern]
    notes: Sequence[str]
    if limit is None or len(first_text) <= limit:
        if len(set(texts)) == len(texts):  # a dotted form holds a mark no other text holds
            patterns, notes = ready.patterns, ready.notes
        else:  # a text repeats an earlier one: skipped, and later steps fill its place
            size = 1 + len(ready.recipes)
            kept, patterns, notes = _without_repeats(texts[:size], found, ready)
            texts = kept + texts[size:]
    else:  # rank 1 is longer than the bank's field: the cut forms go among the others, no dots
        over = ready.over
        if over is _SLOW:
            return None
        at = 1 + over.cut_at
        joined, cut = first_text.replace(" ", "")[:limit], first_text[:limit].rstrip()
        texts = [*texts[:at], joined, cut, *texts[at : over.size - 2]]
        if len(set(texts)) != len(texts) or not (joined and cut):
            return None
        patterns, notes = over.patterns, over.notes
    if until in texts:
        size = texts.index(until) + 1
        del texts[size:]
        patterns, notes = patterns[:size], notes[:size]
    return tuple.__new__(Draft, (texts, patterns, notes, found))


def _without_repeats(
    texts: list[str], found: tuple[Spelling, ...], ready: _Ready
) -> tuple[list[str], Sequence[Pattern], Sequence[str]]:
    """*texts* (the texts of ``ready.steps``, rank 1's first) with each repeat left out, then
    the plan's next steps until the list holds as many texts as before; with their patterns
    and notes (the dotted forms' included, as ``_Ready`` holds them).

    A repeat here comes from the letters (``LI`` / ``LI LI``), from two spellings that write
    a word alike (``HANS`` in ICAO's and the folded spelling of ``MÜLLER`` / ``HANS``), or
    from a shape whose steps are not planned out (``_steps_that_differ``). The steps a list
    keeps are few for a shape, so their patterns and notes are kept by the steps kept.
    """
    plan, written = ready.plan, ready.steps
    room = len(texts)
    first_at = dict(zip(reversed(texts), range(room - 1, -1, -1), strict=True))  # each text's first place
    places = sorted(first_at.values())
    kept = [texts[place] for place in places]
    steps = [written[place] for place in places]
    needs = 0
    flat: Pieces = ()
    step = written[room - 1] + 1  # the next step; step k is recipe k - 1 (step 0 is rank 1)
    while len(kept) < room and step < len(plan.patterns):
        if plan.needs[step] > needs:
            needs = plan.needs[step]
            flat = _flat_pieces(found, flat[1 : 1 + PIECES_PER_SPELLING] or _pieces(found[0]), needs)
        first, separator, second = plan.recipes[step - 1]
        text = flat[first] + separator + flat[second]
        if text not in first_at:
            first_at[text] = step
            kept.append(text)
            steps.append(step)
        step += 1
    key = tuple(steps)
    values = ready.by_steps.get(key)
    if values is None:
        dots = len(ready.dotted.marks)
        values = (
            tuple([plan.patterns[step] for step in steps]) + ready.dotted.patterns,
            tuple([plan.notes[step] for step in steps]) + ready.notes[len(ready.notes) - dots :],
        )
        if len(ready.by_steps) >= _MAX_STEPS_CACHED:
            ready.by_steps.clear()
        ready.by_steps[key] = values
    return kept, values[0], values[1]


def _flat_pieces(found: tuple[Spelling, ...], primary: Pieces, needed: int) -> Pieces:
    """``""`` then the pieces of the first *needed* spellings: what ``Plan.recipes`` index."""
    if needed == 1:
        return ("", *primary)
    if needed == 2:
        return ("", *primary, *_pieces(found[1]))
    return ("", *primary, *chain.from_iterable([_pieces(spelling) for spelling in found[1:needed]]))


def _render_one_by_one(
    name: PassportName, bank: Bank, found: tuple[Spelling, ...], plan: Plan, until: str
) -> Draft:
    """Every step in turn, each text kept only when new: the road of every list, fast or not."""
    primary = _pieces(found[0])
    first_text = plan.first.render(primary)
    if not first_text:
        raise _no_letters()
    lists = _Lists([first_text], [plan.first.pattern], [_rank_one_note(plan.first.note, first_text, bank)])
    if first_text != until:
        limit = bank.max_length
        # Over the bank's field, no dotted form: see _over_limit.
        over = limit is not None and len(first_text) > limit
        dotted = () if over else _dotted(name, found[0], bank, primary)
        _render_rest(plan, found, primary, lists, limit, until, MAX_CANDIDATES - len(dotted))
        if dotted and lists.texts[-1] != until:
            _add_dotted(dotted, lists, until)
    return tuple.__new__(Draft, (*lists, found))


def _render_rest(
    plan: Plan,
    found: tuple[Spelling, ...],
    primary: Pieces,
    draft: _Lists,
    limit: int | None,
    until: str,
    room: int = MAX_CANDIDATES,
) -> None:
    """Every candidate after rank 1 with a new text, in rank order, appended to *draft*, until
    it holds *room* candidates."""
    letters: list[Pieces | None] = [None] * len(found)
    letters[0] = primary
    texts, patterns, notes = draft.texts, draft.patterns, draft.notes
    first_text = texts[0]
    seen = {first_text}
    shortened_at = plan.shortened_at if limit is not None and len(first_text) > limit else -1
    for index, (spelling, first_piece, second_piece, separator, pattern, note) in enumerate(plan.rest):
        if index == shortened_at and _add_shortened(first_text, draft, seen, plan, limit, until, room):
            return
        # Step.render, inlined: this loop is most of a call's time.
        pieces = letters[spelling]
        if pieces is None:
            pieces = letters[spelling] = _pieces(found[spelling])
        first, second = pieces[first_piece], pieces[second_piece]
        text = first + separator + second if first and second else first or second
        if text and text not in seen:
            seen.add(text)
            texts.append(text)
            patterns.append(pattern)
            notes.append(note)
            if len(texts) == room or text == until:
                return
    if shortened_at == len(plan.rest):
        _add_shortened(first_text, draft, seen, plan, limit, until, room)


# A dot between the words instead of spaces, a guess: payment apps accept "." and "·" in a
# foreign name (Alipay's help text, grade C), and Alipay's quick-pay FAQ asks whether a "." is
# missing from a minority name (zhinanshenghuo.com, grade C); no source says a bank adds one
# to a Latin name. Ranked last, after every form without them; never at a bank whose row
# says it refuses dots (BOC: Alipay's help text, grade C), nor for a name from Chinese
# characters, which a PRC passport prints in pinyin without dots.
_DOTS: tuple[tuple[str, Dots], ...] = (("·", "middle_dot"), (".", "period"))


class _DottedLayouts(NamedTuple):
    """The dotted forms at one bank for one kind of spelling: marks, patterns, notes, in rank order."""

    marks: tuple[str, ...]
    patterns: tuple[Pattern, ...]
    notes: tuple[str, ...]


_NO_DOTS = _DottedLayouts((), (), ())


def _dotted(
    name: PassportName, primary: Spelling, bank: Bank, pieces: Pieces
) -> tuple[tuple[str, Pattern, str], ...]:
    """The dotted forms of rank 1's words (text, pattern, note), or none."""
    if bank.dots == "refused" or name.source == "chinese":
        return ()
    if len(primary.surname) + sum(map(len, primary.given)) < 2:
        return ()
    bank_plans = _plans_of(bank)
    layouts = bank_plans.dotted.get(primary.kind) or _dotted_layouts(bank_plans, primary.kind)
    texts = _dotted_texts(primary, bank, pieces, layouts.marks)
    return tuple(zip(texts, layouts.patterns, layouts.notes, strict=True))


def _dotted_texts(primary: Spelling, bank: Bank, pieces: Pieces, marks: tuple[str, ...]) -> list[str]:
    """Rank 1's words joined by each mark, in the bank's order and case."""
    if bank.case == "upper":
        # The words one space apart in the bank's order (the pieces joined by a space), each
        # space then a mark: a word never holds a space.
        surname, given = pieces[_SURNAME_SPACED], pieces[_GIVEN_SPACED]
        first, second = (surname, given) if bank.order == "surname_first" else (given, surname)
        spaced = first + " " + second if first and second else first or second
        return [spaced.replace(" ", mark) for mark in marks]
    return dotted_in_title_case(primary, bank.order, marks)


def _dotted_layouts(bank_plans: _BankPlans, kind: SpellingKind) -> _DottedLayouts:
    """Each dot mark with its pattern and note at the bank for a spelling of *kind* (made once)."""
    bank = bank_plans.bank
    row = bank_row(bank)
    patterns = tuple(
        make_pattern(bank.order, bank.separator, bank.given_separator, False, kind, bank.case, False, dots)
        for _, dots in _DOTS
    )
    layouts = _DottedLayouts(
        tuple(mark for mark, _ in _DOTS),
        patterns,
        tuple(candidate_note(row, pattern).en for pattern in patterns),
    )
    bank_plans.dotted[kind] = layouts
    return layouts


def _add_dotted(dotted: tuple[tuple[str, Pattern, str], ...], draft: _Lists, until: str) -> None:
    for text, pattern, note in dotted:
        draft.texts.append(text)
        draft.patterns.append(pattern)
        draft.notes.append(note)
        if text == until:
            return


def build_candidates(name: PassportName, bank: Bank) -> tuple[Candidate, ...]:
    """Every candidate of ``draft_candidates``, as ``Candidate`` models in rank order."""
    return draft_candidates(name, bank).candidates()


def _add_shortened(
    first_text: str,
    draft: _Lists,
    seen: set[str],
    plan: Plan,
    limit: int | None,
    until: str,
    room: int = MAX_CANDIDATES,
) -> bool:
    """Cut forms for a bank whose name field is shorter than the rank-1 text; True: the list is done."""
    (joined, joined_note), (cut, cut_note) = plan.shortened
    for shortened, pattern, note in (
        (first_text.replace(" ", "")[:limit], joined, joined_note),
        (first_text[:limit].rstrip(), cut, cut_note),
    ):
        if shortened and shortened not in seen:
            seen.add(shortened)
            draft.texts.append(shortened)
            draft.patterns.append(pattern)
            draft.notes.append(note)
            if len(draft.texts) >= room or shortened == until:
                return True
    return False


def _rank_one_note(note: str, text: str, bank: Bank) -> str:
    """The row's note, warning when *text* is longer than the bank's name field."""
    limit = bank.max_length
    if limit is None or len(text) <= limit:
        return note
    return over_limit_note(note, limit, bank.max_length_evidence)


def _no_letters() -> InvalidNameError:
    return InvalidNameError(
        "The name has no letter that can be written in Latin letters; "
        "type the Latin name printed in the passport.",
        code=ErrorCode.EMPTY_NAME,
    )


def candidates(
    name: PassportName | str, bank: Bank | str, *, observations: Observations | None = None
) -> tuple[Candidate, ...]:
    """Every text the bank may hold, most likely first.

    With *observations*, ranked by the outcomes observed at the bank (see
    ``learned_ranking``); without, today's order exactly.

    >>> from wxpay_names import PassportName, candidates
    >>> [c.text for c in candidates(PassportName(surname="Zhang", given_names="San"), "ICBC")][:4]
    ['ZHANG SAN', 'Zhang San', 'ZHANGSAN', 'SAN ZHANG']
    """
    # The isinstance checks spare two calls on the common path; resolve_* handle the rest.
    person = name if isinstance(name, PassportName) else resolve_name(name)
    found_bank = bank if isinstance(bank, Bank) else resolve_bank(bank)
    if observations is not None:
        from .learned_ranking import learned_candidates

        return learned_candidates(person, found_bank, observations)
    return draft_candidates(person, found_bank).candidates()


def format_name(
    name: PassportName | str, bank: Bank | str, *, observations: Observations | None = None
) -> str:
    """The text the bank most likely holds: the rank-1 candidate (ranked with *observations*).

    >>> from wxpay_names import PassportName, format_name
    >>> name = PassportName(surname="Zhang", given_names="San")
    >>> [format_name(name, code) for code in ("ICBC", "ABC", "CMB", "BOC")]
    ['ZHANG SAN', 'ZHANGSAN', 'ZHANG SAN', 'SAN ZHANG']
    """
    person = name if isinstance(name, PassportName) else resolve_name(name)
    found_bank = bank if isinstance(bank, Bank) else resolve_bank(bank)
    if observations is not None:
        return candidates(person, found_bank, observations=observations)[0].text
    return rank_one_text(person, found_bank)
