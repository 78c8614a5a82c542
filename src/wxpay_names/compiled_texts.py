"""A bank's layouts for one shape of name, written once as one Python function.

A plan (``candidate_plans``) says, without a letter of a name, how each candidate text is
put together: two of a spelling's pieces (its surname, all given names or the first given
name; upper or title case; words apart by a space or joined) and a separator between.
Rendering those recipes one by one (build every piece, index them, join) costs several
times the string work itself. The recipes depend only on the bank row and the shape of the
name (whether each part has no word, one or more), so for each bank and such a shape
this module writes the whole list as one function of the name's spellings, each text one
expression over the pieces it needs (``collections.namedtuple`` and ``dataclasses`` make
their methods the same way). The texts are the same as the recipes' by construction; a property test holds the
lists equal to the step-by-step road's (``tests/test_fast_paths.py``).

Only integers and the data's separators and dot marks (through ``repr``) are written into
the source, never a letter of a name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .candidate_plans import (
    FIRST_GIVEN,
    GIVEN,
    PIECES_PER_SPELLING,
    SURNAME,
    Recipe,
    Shape,
    flat_recipe,
    part_words,
    piece_index,
    piece_layout,
)
from .models import Order, Separator
from .spelling import Spelling
from .title_case import NUMERALS, title_word

Texts = Callable[[tuple[Spelling, ...]], list[str]]

# title_word inlined in the written source: a call per word costs as much as the word's work.
_TITLE = "({w}.capitalize() if {w}.isalpha() and {w} not in NUMERALS else title({w}))"
# The first word of a part: a numeral there is a name (Ii), not a suffix.
_TITLE_FIRST = "({w}.capitalize() if {w}.isalpha() else title({w}, True))"


def compile_texts(
    shape: Shape, recipes: Sequence[Recipe], dots: Sequence[str], order: Order, upper: bool
) -> Texts:
    """The function ``found -> [text of each recipe in turn, then each dotted form]`` for
    names of *shape*; ``found`` is the name's spellings, as ``name_forms.spellings`` returns
    them. *dots* are the marks that join rank 1's words (``candidates._dotted_texts``), at a
    bank that writes names in upper case (*upper*) or in title case."""
    writer = _Writer(shape)
    texts = [writer.text(recipe) for recipe in recipes]
    if dots and upper:
        # Rank 1's words one space apart in the bank's order, each space then a mark.
        surname, given = piece_index(SURNAME, False, " "), piece_index(GIVEN, False, " ")
        first, second = (surname, given) if order == "surname_first" else (given, surname)
        spaced = flat_recipe(0, first, " ", second, shape)
        if spaced == recipes[0]:  # rank 1 itself (a bank that puts a space everywhere): written once
            texts[0] = writer.variable(("text", spaced), texts[0])
        spaced_text = writer.variable(("text", spaced), writer.text(spaced))
        texts += [f"{spaced_text}.replace(' ', {mark!r})" for mark in dots]
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
    surname = [title_word(word, not index) for index, word in enumerate(primary.surname)]
    given = [title_word(word, not index) for index, word in enumerate(given)]
    words = [*surname, *given] if order == "surname_first" else [*given, *surname]
    return [mark.join(words) for mark in marks]


class _Writer:
    """The lines of the function, each piece written once and kept in a local variable."""

    def __init__(self, shape: Shape) -> None:
        self.shape = shape
        self.lines: list[str] = []
        self.names: dict[tuple[object, ...], str] = {}
        self.unpacked: set[int] = set()

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
        spelling, piece = divmod(flat - 1, PIECES_PER_SPELLING)
        part, title, joined = piece_layout(piece)
        counts = self.shape[spelling]
        if part == FIRST_GIVEN and counts[2] == 1:
            part = GIVEN  # one given name: the first given name is all of them
        surname, given = self._parts(spelling)
        if part_words(counts, part) == 1:  # one word: nothing to join
            first_word = f"{surname}[0]" if part == SURNAME else f"{given}[0][0]"
            word = self.variable(("word", spelling, part), first_word)
            return self.variable(("title", spelling, part), _TITLE_FIRST.format(w=word)) if title else word
        if part == SURNAME:
            words = surname
        elif part == FIRST_GIVEN or counts[2] == 1:
            words = self.variable(("words", spelling, FIRST_GIVEN), f"{given}[0]")
        else:
            words = self.variable(("words", spelling, part), f"[w for p in {given} for w in p]")
        if title:
            titled = f"{_TITLE.format(w='w')} if i else {_TITLE_FIRST.format(w='w')}"
            words = self.variable(("titles", spelling, part), f"[{titled} for i, w in enumerate({words})]")
        separator: Separator = "" if joined else " "
        return self.variable(("joined", spelling, part, title, joined), f"{separator!r}.join({words})")

    def _parts(self, spelling: int) -> tuple[str, str]:
        """The names of the spelling's surname words and given names, unpacked once."""
        if spelling not in self.unpacked:
            self.unpacked.add(spelling)
            self.lines.append(f"    _, s{spelling}, g{spelling} = found[{spelling}]")
        return f"s{spelling}", f"g{spelling}"
