"""Which typed word stands for which name word: typed as it is, regrouped, misspelled or extra.

:func:`match_words` tries the likeliest reading first and hands each name word out once:

1. a typed word equal to a name word (``exact``);
2. typed words whose letters, read together, are name words with the spaces moved:
   ``ZHANGSAN`` (two words run together), ``SAN FENG`` (one cut in two, ``fragment``),
   also in another spelling of the passport's letters (``alternative``);
3. a typed word close to a name word or a run of them: another spelling (``alternative``)
   or a letter or a few off (``spelled``), closest first;
4. a typed word left over that begins or ends with free name words run together
   (``ZHANGSANPETER``): those words, and the rest of it ``extra`` (``PETER``);
5. whatever is left over is ``extra``.

Name words spelled alike (the surname and the given name of 李丽, ``LI LI``) are then handed
to the typed words in passport order: which one was typed first cannot be seen.

Every step is linear in the typed letters or close to it: words are found by dictionary
look-up, a typed word is compared only with name words of about its length, each distinct
pair once, and the distances worked out and the close pairs weighed are capped (an input
made to be slow reaches the caps; a name a person types never does).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product
from typing import Literal, NamedTuple

from ..models import SpellingKind
from .edit_distance import bounded_distance
from .name_words import NameWord
from .typed_text import TypedWord

# "written_out": the name's last word typed in full where a full MRZ name field may have cut it
# (word_differences.written_out), set after matching.
How = Literal["exact", "fragment", "spelled", "alternative", "extra", "written_out"]

_RUN_AT_MOST = 4  # typed words read together
# Name words one misspelled typed word may stand for: a whole name of eight words, run
# together as a bank that writes no space holds it (SMITHJOHNPAULMARYANNE, one letter off).
_NAME_RUN_AT_MOST = 8
# Bounds on the work for one typed text: an input made to be slow gets there, a name a
# person types does not. Past them, a typed word is taken as extra.
_DISTANCES_AT_MOST = 1024  # distinct (typed word, name words) pairs whose distance is worked out
_OPTIONS_AT_MOST = 2048  # (typed word, name words) pairs close enough to be weighed against each other


class Piece(NamedTuple):
    """The part of a typed word that stands for some name words (none: an extra part)."""

    token: int  # which typed word
    start: int  # offset in the typed word
    typed: str
    words: tuple[int, ...]  # which name words, in order
    how: How
    offset: int = 0  # for a fragment: where in the name word it starts
    kind: SpellingKind | None = None  # for an alternative spelling
    distance: int = 0  # for a misspelling: letters off


class _Pool(NamedTuple):
    """The free name words a typed text may be cut into."""

    entries: dict[str, list[tuple[int, SpellingKind | None]]]  # letters -> (name word, spelling)
    lengths: list[int]  # of the keys, shortest first


_new_piece = tuple.__new__
_Cut = tuple[int, int, int, SpellingKind | None]  # (start, end, name word, the spelling it is in)
_Near = tuple[int, tuple[int, ...], How, SpellingKind | None, int]  # (typed word, run, how, kind, distance)


def match_words(typed: Sequence[TypedWord], words: Sequence[NameWord]) -> list[Piece]:
    """The pieces of the typed words, in typed order, each naming the name words it stands for."""
    upper = [word.text.upper() for word in typed]
    free = [True] * len(words)
    exact = _exact_pieces(typed, upper, words, free)
    if len(exact) == len(upper):
        # Every typed word is a name word as it is (case, order or spaces aside): nothing is
        # left to regroup, and repeated words went out in passport order already, as
        # _in_typed_order and _alike_in_typed_order would hand them out.
        # (tests/test_check_paths.py holds this equal to the long way.)
        return exact
    return _matched_further(typed, upper, words, free, exact)


def _matched_further(
    typed: Sequence[TypedWord],
    upper: Sequence[str],
    words: Sequence[NameWord],
    free: list[bool],
    exact: list[Piece],
) -> list[Piece]:
    """Steps 2 to 5 of :func:`match_words`, after the typed words equal to a name word (*exact*)."""
    pieces: dict[int, list[Piece]] = {piece.token: [piece] for piece in exact}  # typed word -> its pieces
    if any(free):
        for piece in _regrouped(typed, upper, words, free, pieces):
            _take(piece, pieces, free)
        for position, run, how, kind, distance in _near_matches(upper, words, free, pieces):
            if position not in pieces and all(free[index] for index in run):
                piece = Piece(position, 0, typed[position].text, run, how, 0, kind, distance)
                _take(piece, pieces, free)
        for position in range(len(typed)):
            if position not in pieces and any(free):
                for piece in _words_and_more(typed[position].text, upper[position], position, words, free):
                    _take(piece, pieces, free)
    ordered: list[Piece] = []
    for position, word in enumerate(typed):
        found = pieces.get(position)
        if found is None:
            ordered.append(Piece(position, 0, word.text, (), "extra"))
        else:
            ordered += sorted(found, key=_start) if len(found) > 1 else found
    return _alike_in_typed_order(_in_typed_order(ordered, words), words)


def _exact_pieces(
    typed: Sequence[TypedWord], upper: Sequence[str], words: Sequence[NameWord], free: list[bool]
) -> list[Piece]:
    """Typed words equal to a name word, in typed order; a repeated name word goes to them in order."""
    waiting: dict[str, list[int]] = {}  # name word -> its indices, the first last (to pop)
    for index in range(len(words) - 1, -1, -1):
        waiting.setdefault(words[index].text, []).append(index)
    found: list[Piece] = []
    for position, text in enumerate(upper):
        same = waiting.get(text)
        if same:
            index = same.pop()
            free[index] = False
            # Piece(position, 0, typed text, (index,), "exact") without the named tuple's
            # Python-level __new__: this runs for every typed word of every check.
            found.append(
                _new_piece(Piece, (position, 0, typed[position].text, (index,), "exact", 0, None, 0))
            )
    return found


def _take(piece: Piece, pieces: dict[int, list[Piece]], free: list[bool]) -> None:
    pieces.setdefault(piece.token, []).append(piece)
    for index in piece.words:
        free[index] = False


def _start(piece: Piece) -> int:
    return piece.start


def _in_typed_order(pieces: list[Piece], words: Sequence[NameWord]) -> list[Piece]:
    """Hand name words that a typed word fits equally well to the typed words in passport order.

    Typed ``A A`` for a surname ``Å`` (``AA``, folded ``A``) and a given name ``A`` could be
    either way round; which one came first cannot be seen, so it must not read as a swap.
    """
    alike: dict[str, list[int]] = {}
    for piece in pieces:
        if piece.how in {"exact", "alternative"} and len(piece.words) == 1:
            alike.setdefault(piece.typed.upper(), []).append(piece.words[0])
    if all(len(indices) == 1 for indices in alike.values()) and all(
        piece.how != "alternative" for piece in pieces
    ):
        return pieces  # each typed word fits one name word, and is typed as it is: nothing moves
    for indices in alike.values():
        indices.sort(reverse=True)
    result: list[Piece] = []
    for piece in pieces:
        if piece.how not in {"exact", "alternative"} or len(piece.words) != 1:
            result.append(piece)
            continue
        typed = piece.typed.upper()
        index = alike[typed].pop()
        how: How = "exact" if words[index].text == typed else "alternative"
        kind = None if how == "exact" else dict(words[index].alternatives)[typed]
        if (piece.words[0], piece.how, piece.kind) != (index, how, kind):
            piece = piece._replace(words=(index,), how=how, kind=kind)
        result.append(piece)
    return result


def _alike_in_typed_order(pieces: list[Piece], words: Sequence[NameWord]) -> list[Piece]:
    """Hand name words spelled alike to the typed words that stand for them in passport order.

    A surname and a given name spelled alike (李丽, ``LI LI``) are the same letters: typed
    ``LX LI``, the misspelled word may as well be the surname, so the words must not read as
    swapped. Each name word of such a group stands alone in its pieces (a run holding one is
    left as it is); a piece keeps how it matched, which the other word gives the same: the
    same letters, or, for a word in another spelling, only when the other word has that
    spelling too (覃琴: the surname QIN is also TAN, the given name QIN is not).
    """
    if len({word.text for word in words}) == len(words):
        return pieces  # most names: every word spelled its own way
    groups: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        groups.setdefault(word.text, []).append(index)
    for indices in groups.values():
        if len(indices) < 2:
            continue
        alike = set(indices)
        if any(len(piece.words) > 1 and not alike.isdisjoint(piece.words) for piece in pieces):
            continue
        typed_order = list(
            dict.fromkeys(piece.words[0] for piece in pieces if piece.words and piece.words[0] in alike)
        )
        handed = dict(zip(typed_order, sorted(typed_order), strict=True))
        moved = [
            piece._replace(words=(handed[piece.words[0]],))
            if piece.words and piece.words[0] in alike
            else piece
            for piece in pieces
        ]
        if moved != pieces and all(
            piece.how != "alternative"
            or (piece.typed.upper(), piece.kind) in words[piece.words[0]].alternatives
            for piece in moved
        ):
            pieces = moved
    return pieces


def _words_and_more(
    text: str, upper: str, position: int, words: Sequence[NameWord], free: Sequence[bool]
) -> list[Piece]:
    """Step 4: two free name words or more run together at the start or the end of a typed
    word, and the rest of it extra (``ZHANGSAN`` and ``PETER`` in ``ZHANGSANPETER``, as a
    bank that writes no space is typed); none when neither end is.

    Only for a word nothing closer explained: a name word a few letters off is a
    misspelling. One name word alone at an end is not taken: it starts many other names
    (``SAN`` in ``SANDRA``). Of the two ends, the one holding more letters is taken, the
    start on a tie.
    """
    pool = _pool(words, free, respell=True)
    best: tuple[int, int, list[_Cut]] | None = None  # (letters, -where the words begin, their cuts)
    for begin, end in _word_runs_at_the_ends(upper, pool):
        if best is not None and end - begin <= best[0]:
            continue
        cuts = _segment(upper[begin:end], pool)
        if cuts is not None and len(cuts) > 1:
            best = (end - begin, -begin, cuts)
    if best is None or len(best[2]) < free.count(True):
        # A name word left over may be in the rest of the typed word (ZHANGSANPETERFENG):
        # the rest is not said to be extra while it may hold one.
        return []
    letters, begin, cuts = best[0], -best[1], best[2]
    pieces = [
        Piece(
            position,
            begin + start,
            text[begin + start : begin + end],
            (word,),
            "alternative" if kind else "exact",
            0,
            kind,
        )
        for start, end, word, kind in cuts
    ]
    rest = (letters, len(upper)) if begin == 0 else (0, begin)
    pieces.append(Piece(position, rest[0], text[rest[0] : rest[1]], (), "extra"))
    return pieces


_END_RUNS_TRIED = 4  # per end of a typed word: (begin, end) spans whose cut into words is tried


def _word_runs_at_the_ends(text: str, pool: _Pool) -> list[tuple[int, int]]:
    """Spans ``(begin, end)`` at the start and at the end of *text*, shorter than it, that
    are name words of *pool* run together, the longest first at each end (the start's first
    on a tie). Reaching a span may use a word twice; ``_segment`` then says no.
    """
    entries, lengths = pool
    size = len(text)
    from_start = [False] * (size + 1)  # from_start[k]: text[:k] is words run together
    from_start[0] = True
    from_end = [False] * (size + 1)  # from_end[k]: text[k:] is
    from_end[size] = True
    for start in range(size):
        if from_start[start]:
            for length in lengths:
                if start + length > size:
                    break
                if text[start : start + length] in entries:
                    from_start[start + length] = True
        end = size - start
        if from_end[end]:
            for length in lengths:
                if end - length < 0:
                    break
                if text[end - length : end] in entries:
                    from_end[end - length] = True
    starts = [(0, k) for k in range(size - 1, 0, -1) if from_start[k]][:_END_RUNS_TRIED]
    ends = [(k, size) for k in range(1, size) if from_end[k]][:_END_RUNS_TRIED]
    return sorted(starts + ends, key=lambda span: (span[0] - span[1], span[0]))


def _regrouped(
    typed: Sequence[TypedWord],
    upper: Sequence[str],
    words: Sequence[NameWord],
    free: list[bool],
    pieces: dict[int, list[Piece]],
) -> list[Piece]:
    """Unmatched typed words whose letters, read together, are free name words with the spaces moved.

    ``ZHANGSAN`` is two name words run together; ``SAN FENG`` one name word cut in two;
    ``ZHAN GSAN`` both. Up to ``_RUN_AT_MOST`` consecutive typed words are read together,
    the longest run first.
    """
    found: list[Piece] = []
    pools: dict[bool, _Pool] = {}  # by whether other spellings count; emptied when a word is taken
    position = 0
    while position < len(typed):
        longest = 0
        while longest < _RUN_AT_MOST and position + longest < len(typed) and position + longest not in pieces:
            longest += 1
        for length in range(longest, 0, -1):
            if length == 1 and free.count(True) < 2:
                continue  # one typed word is regrouped only into two name words or more, each free
            run = range(position, position + length)
            respell = length == 1
            if respell not in pools:
                pools[respell] = _pool(words, free, respell)
            cuts = _segment("".join(upper[index] for index in run), pools[respell])
            if cuts is None or (length == 1 and len(cuts) == 1):
                continue
            bounds = [0]
            for index in run:
                bounds.append(bounds[-1] + len(upper[index]))
            for start, end, word, kind in cuts:
                free[word] = False
                for offset, index in enumerate(run):
                    first, last = max(start, bounds[offset]), min(end, bounds[offset + 1])
                    if first < last:
                        whole = start >= bounds[offset] and end <= bounds[offset + 1]
                        at = first - bounds[offset]
                        text = typed[index].text[at : last - bounds[offset]]
                        how: How = "alternative" if kind else "exact" if whole else "fragment"
                        found.append(Piece(index, at, text, (word,), how, first - start, kind))
            pools.clear()
            position += length
            break
        else:
            position += 1
    return found


def _pool(words: Sequence[NameWord], free: Sequence[bool], respell: bool) -> _Pool:
    """The free name words by their letters; their other spellings too when *respell*.

    The order of the keys matters: of two cuts equally good, the one found first is kept.
    """
    entries: dict[str, list[tuple[int, SpellingKind | None]]] = {}
    for index, word in enumerate(words):
        if free[index]:
            entries.setdefault(word.text, []).append((index, None))
    if respell:
        for index, word in enumerate(words):
            if free[index]:
                for spelled, kind in word.alternatives:
                    entries.setdefault(spelled, []).append((index, kind))
    return _Pool(entries, sorted({len(letters) for letters in entries}))


def _segment(text: str, pool: _Pool) -> list[_Cut] | None:
    """Cut *text* into free name words of *pool*, or ``None`` when it cannot be.

    Of the ways to cut it, one that keeps the words in the bank's order is preferred
    (``AAA`` for the words ``AA``, ``A`` is ``AA|A``), then one with fewer other spellings,
    so no swap is reported that the letters do not show.
    """
    entries, lengths = pool
    if not text or not entries:
        return None
    # best[end]: (words out of order so far, other spellings so far, the last word's index, came from)
    best: list[tuple[int, int, int, int, str] | None] = [None] * (len(text) + 1)
    best[0] = (0, 0, -1, 0, "")
    for start in range(len(text)):
        here = best[start]
        if here is None:
            continue
        # One look-up per length: at most one word of each length starts here.
        for length in lengths:
            end = start + length
            if end > len(text):
                break
            piece = text[start:end]
            found_here = entries.get(piece)
            if found_here is None:
                continue
            index, other = found_here[0]
            step = (here[0] + (index < here[2]), here[1] + (other is not None), index, start, piece)
            known = best[end]
            if known is None or step[:2] < known[:2]:
                best[end] = step
    if best[len(text)] is None:
        return None
    found: list[tuple[int, str]] = []
    end = len(text)
    while end:
        step_taken = best[end]
        assert step_taken is not None  # every reached end records where it came from
        found.append((step_taken[3], step_taken[4]))
        end = step_taken[3]
    result: list[_Cut] = []
    taken: set[int] = set()
    for start, piece in reversed(found):
        entry = next((entry for entry in entries[piece] if entry[0] not in taken), None)
        if entry is None:  # the same name word would be used twice
            return None
        taken.add(entry[0])
        result.append((start, start + len(piece), *entry))
    return result


def _near_matches(
    upper: Sequence[str], words: Sequence[NameWord], free: Sequence[bool], pieces: dict[int, list[Piece]]
) -> list[_Near]:
    """Unmatched typed words close to a free name word or run of them, closest first."""
    # The free runs of name words by length: (run, its letters, letters that may be off).
    targets: dict[int, list[tuple[tuple[int, ...], str, int]]] = {}
    respelled: dict[str, list[tuple[tuple[int, ...], SpellingKind]]] = {}  # the run in another spelling
    respell = any(word.alternatives for word in words)  # most names have no other spelling
    for first in range(len(words)):
        run: tuple[int, ...] = ()
        wanted = ""
        for index in range(first, min(first + _NAME_RUN_AT_MOST, len(words))):
            if not free[index]:
                break
            run += (index,)
            wanted += words[index].text
            limit = _spelling_limit(wanted)
            if limit > 0:  # a one-letter word is never "misspelled": any other letter is another word
                targets.setdefault(len(wanted), []).append((run, wanted, limit))
            if respell:
                for kind, spelled in _other_spellings(run, words):
                    if spelled != wanted:
                        respelled.setdefault(spelled, []).append((run, kind))
    # (another spelling first, distance, run length, typed word, run, tie-break, how, kind): the
    # closest first, then the shortest run, the earliest word; the tie-break keeps the order found.
    options: list[tuple[int, int, int, int, tuple[int, ...], int, How, SpellingKind | None]] = []
    close_to: dict[str, list[tuple[tuple[int, ...], int]]] = {}  # typed word -> (run, distance)
    budget = [_DISTANCES_AT_MOST]
    for position, typed in enumerate(upper):
        if position in pieces:
            continue
        if len(options) >= _OPTIONS_AT_MOST:
            break
        for run, kind in respelled.get(typed, ()):
            options.append((0, 0, len(run), position, run, len(options), "alternative", kind))
        close = close_to.get(typed)
        if close is None:
            close = close_to[typed] = _close_runs(typed, targets, budget)
        options += [(1, distance, len(run), position, run, 0, "spelled", None) for run, distance in close]
    options.sort()
    return [(position, run, how, kind, distance) for _, distance, _, position, run, _, how, kind in options]


def _close_runs(
    typed: str, targets: dict[int, list[tuple[tuple[int, ...], str, int]]], budget: list[int]
) -> list[tuple[tuple[int, ...], int]]:
    """The runs a typed word may be a misspelling of, each with its distance; *budget* is spent."""
    close: list[tuple[tuple[int, ...], int]] = []
    known: dict[str, int] = {}  # the same letters may be several runs (a name word typed twice)
    for length, runs in targets.items():
        if abs(length - len(typed)) > runs[0][2]:  # one limit per length: too short or too long
            continue
        for run, wanted, limit in runs:
            distance = known.get(wanted)
            if distance is None:
                if budget[0] <= 0:
                    return close
                budget[0] -= 1
                distance = known[wanted] = bounded_distance(typed, wanted, limit)
            if 0 < distance <= limit:
                close.append((run, distance))
    return close


def _other_spellings(run: Sequence[int], words: Sequence[NameWord]) -> list[tuple[SpellingKind, str]]:
    """The run's letters in each other spelling of the name (a word it leaves alone stays as it is).

    A word may have several spellings of one kind (the given name's other readings): each is one.
    """
    kinds = sorted({kind for index in run for _, kind in words[index].alternatives})
    found: list[tuple[SpellingKind, str]] = []
    for kind in kinds:
        options = [
            [word for word, its_kind in words[index].alternatives if its_kind == kind] or [words[index].text]
            for index in run
        ]
        found += [(kind, "".join(parts)) for parts in product(*options)]
    return found


def _spelling_limit(word: str) -> int:
    # About one letter in three may be off before a typed word counts as another word.
    return min(max(1, (len(word) + 1) // 3), len(word) - 1)
