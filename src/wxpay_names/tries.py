"""What to try next after a refusal: the bank's candidates, without the texts already refused.

WeChat asks for the name "including capitalization", so texts are compared exactly: a
refused ``ZHANG SAN`` does not remove ``Zhang San``. A refused text that is no candidate
(typed by hand) is accepted and removes nothing; :func:`not_candidates` names such texts,
so a caller can say so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .cleaning import check_length, typed_text_limit
from .errors import InvalidNameError
from .models import Bank, Candidate, PassportName
from .resolve import resolve_bank, resolve_name

if TYPE_CHECKING:
    from .observations import Observations


def next_tries(
    name: PassportName | str,
    bank: Bank | str,
    refused: Iterable[str] = (),
    *,
    observations: Observations | None = None,
) -> tuple[Candidate, ...]:
    """The bank's candidates in the order to try them, without any text already refused.

    Each keeps its ``rank`` in the full list (ranked with *observations* when given).

    >>> from wxpay_names import PassportName, next_tries
    >>> tries = next_tries(PassportName(surname="Zhang", given_names="San"), "ICBC", ["ZHANG SAN"])
    >>> [(c.text, c.rank) for c in tries][:3]
    [('Zhang San', 2), ('ZHANGSAN', 3), ('SAN ZHANG', 4)]
    """
    from .candidates import candidates

    found = candidates(resolve_name(name), resolve_bank(bank), observations=observations)
    texts = set(refused_texts(refused, found))
    return tuple([candidate for candidate in found if candidate.text not in texts])


def refused_texts(refused: Iterable[str], found: Sequence[Candidate] = ()) -> tuple[str, ...]:
    """The refused texts, each once, in the order given; each checked like a typed text.

    A text is too long when longer than ``MAX_INPUT_LENGTH`` and than each of *found*'s texts
    (the name's candidates: a refused candidate may be longer than the cap, see
    ``check.typed_length_limit``).
    """
    limit = typed_text_limit(candidate.text for candidate in found)
    if isinstance(refused, str):  # one text, not its characters
        refused = (refused,)
    try:
        texts = list(refused)
    except TypeError:
        raise InvalidNameError(
            f"The refused texts are a list of str, not {type(refused).__name__}."
        ) from None
    for text in texts:
        if not isinstance(text, str):
            raise InvalidNameError(f"A refused text must be a str, not {type(text).__name__}.")
        check_length(text, "refused text", limit)
    return tuple(dict.fromkeys(texts))


def not_candidates(found: Iterable[Candidate], refused: Iterable[str]) -> tuple[str, ...]:
    """The refused texts that are none of *found*'s texts (typed by hand), in the order given."""
    found = tuple(found)
    texts = {candidate.text for candidate in found}
    return tuple([text for text in refused_texts(refused, found) if text not in texts])
