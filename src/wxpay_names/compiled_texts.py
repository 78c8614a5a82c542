"""A bank's layouts for one shape of name, written once as one Python function.

A plan (``candidate_plans``) says, without a letter of a name, how each candidate text is
put together: two of a spelling's pieces (its surname, all given names or the first given
name; upper or title case; words apart by a space or joined) and a separator between.
Rendering those recipes one by one (build every piece, index them, join) costs several
times the string work itself. The recipes depend only on the bank row and the shape of the
name (whether each part has no word, one or more), so for each bank and such a shape
this module writes the whole list as one function of the name's spellings, each text one
expression over the pieces it needs (``collections.namedtuple`` and ``dataclasses`` make their methods the same
way). The texts are the same as the recipes' by construction; a property test holds the
lists equal to the step-by-step road's (``tests/test_fast_paths.py``).

Only integers and the data's separators and dot marks (through ``repr``) are written into
the source, never a letter of a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .models import Case, Order
from .spelling import Spelling

# A text's recipe over a name's flat pieces: 0 is "", 1 + 12 * k + piece is the piece of the
# k-th spelling (candidate_plans.piece_index gives a piece's number).
Recipe = tuple[int, str, int]
Counts = tuple[str, int, int, int, int]  # candidate_plans.Shape's entry for one spelling
Texts = Callable[[tuple[Spelling, ...]], list[str]]

# Generational numerals (data/name_affixes.csv) keep their capitals in title case: John III.
NUMERALS = frozenset({"II", "III", "IV"})
_LETTER_RUN = re.compile("[A-Z]+")
_SURNAME, _GIVEN, _FIRST_GIVEN = 0, 1, 2


def title_word(word: str) -> str:
    """A word in title case, a hyphen or apostrophe kept, a generational numeral kept.

    >>> [title_word(word) for word in ("SMITH", "HANS-PETER", "O'NEILL", "III")]
    ['Smith', 'Hans-Peter', "O'Neill", 'III']
    """
    if word in NUMERALS:
        return word
    if word.isalpha():
        return word.capitalize()
    return _LETTER_RUN.sub(lambda run: run.group().capitalize(), word)


# title_word inlined in the written source: a call per word costs as much as the word's work.
_TITLE = "({w}.capitalize() if {w}.isalpha() and {w} not in NUMERALS else title({w}))"


def compile_texts(
    shape: Sequence[Counts], recipes: Sequence[Recipe], dots: Sequence[str], order: Order, case: Case
) -> Texts:
    """The function ``found -> [text of each recipe in turn, then each dotted form]`` for
    names of *shape*; ``found`` is the name's spellings, as ``name_forms.spellings`` returns
    them. *dots* are the marks that join rank 1's words (``candidates._dotted_texts``)."""
    writer = _Writer(shape)
    texts = [writer.text(recipe) for recipe in recipes]
    if dots and case == "upper":
        # Rank 1's words one space apart in the bank's order, each space then a mark.
        surname, given = 1 + _SURNAME * 4, 1 + _GIVEN * 4
        first, second = (surname, given) if order == "surname_first" else (given, surname)
        spaced = writer.variable(("dotted",), writer.text(_filled_recipe(shape, first, " ", second)))
        texts += [f"{spaced}.replace(' ', {mark!r})" for mark in dots]
    elif dots:
        texts += [f"*dotted_in_title_case(found[0], {order!r}, {tuple(dots)!r})"]
    source = "\n".join(["def texts(found):", *writer.lines, f"    return [{', '.join(texts)}]"])
    namespace = {"NUMERALS": NUMERALS, "title": title_word, "dotted_in_title_case": dotted_in_title_case}
    exec(compile(source, "<wxpay_names.compiled_texts>", "exec"), namespace)  # see the module docstring
    made: Texts = namespace["texts"]  # type: ignore[assignment]
    made.__doc__ = source  # what was written, for whoever reads a traceback through it
    return made


def dotted_in_title_case(primary: Spelling, order: Order, marks: Sequence[str]) -> list[str]:
    """Rank 1's words in title case joined by each mark, for a bank that keeps title case."""
    given = [word for part in primary.given for word in part]
    words = [*primary.surname, *given] if order == "surname_first" else [*given, *primary.surname]
    words = [word.capitalize() for word in words]
    return [mark.join(words) for mark in marks]


def _filled_recipe(shape: Sequence[Counts], first: int, separator: str, second: int) -> Recipe:
    """A recipe of the primary spelling with a side the shape leaves empty dropped (its
    separator with it), as ``candidate_plans`` makes them."""
    first = first if _words(shape[0], (first - 1) // 4) else 0
    second = second if _words(shape[0], (second - 1) // 4) else 0
    if first and second:
        return first, separator, second
    return first or second, "", 0


def _words(counts: Counts, part: int) -> int:
    _, surname_words, _, given_words, first_words = counts
    return (surname_words, given_words, first_words)[part]


class _Writer:
    """The lines of the function, each piece written once and kept in a local variable."""

    def __init__(self, shape: Sequence[Counts]) -> None:
        self.shape = shape
        self.lines: list[str] = []
        self.names: dict[tuple[object, ...], str] = {}

    def variable(self, key: tuple[object, ...], expression: str) -> str:
        name = self.names.get(key)
        if name is None:
            name = self.names[key] = f"v{len(self.names)}"
            self.lines.append(f"    {name} = {expression}")
        return name

    def text(self, recipe: Recipe) -> str:
        first, separator, second = recipe
        if not second:
            return self.piece(first) if first else "''"
        if not separator:
            return f"{self.piece(first)} + {self.piece(second)}"
        return f"{self.piece(first)} + {separator!r} + {self.piece(second)}"

    def piece(self, flat: int) -> str:
        spelling, piece = divmod(flat - 1, 12)
        part, title, joined = piece // 4, piece // 2 % 2, piece % 2
        counts = self.shape[spelling]
        if part == _FIRST_GIVEN and counts[2] == 1:
            part = _GIVEN  # one given name: the first given name is all of them
        surname, given = self._parts(spelling)
        if _words(counts, part) == 1:  # one word: nothing to join
            first_word = f"{surname}[0]" if part == _SURNAME else f"{given}[0][0]"
            word = self.variable(("word", spelling, part), first_word)
            return self.variable(("title", spelling, part), _TITLE.format(w=word)) if title else word
        if part == _SURNAME:
            words = surname
        elif part == _FIRST_GIVEN or counts[2] == 1:
            words = self.variable(("words", spelling, _FIRST_GIVEN), f"{given}[0]")
        else:
            words = self.variable(("words", spelling, part), f"[w for p in {given} for w in p]")
        if title:
            words = self.variable(("titles", spelling, part), f"[{_TITLE.format(w='w')} for w in {words}]")
        separator = "" if joined else " "
        return self.variable(("joined", spelling, part, title, joined), f"{separator!r}.join({words})")

    def _parts(self, spelling: int) -> tuple[str, str]:
        """The names of the spelling's surname words and given names, unpacked once."""
        key = ("spelling", spelling)
        if key not in self.names:
            self.names[key] = f"s{spelling}, g{spelling}"
            self.lines.append(f"    _, s{spelling}, g{spelling} = found[{spelling}]")
        return f"s{spelling}", f"g{spelling}"
