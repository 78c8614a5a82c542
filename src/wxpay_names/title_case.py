"""A name word in title case, as candidates write it: ``Smith``, ``Hans-Peter``, ``John III``."""

from __future__ import annotations

import re

# Generational numerals (data/name_affixes.csv) keep their capitals in title case: John III.
NUMERALS = frozenset({"II", "III", "IV"})
_LETTER_RUN = re.compile("[A-Z]+")


def title_word(word: str, first: bool = False) -> str:
    """A word in title case, a hyphen or apostrophe kept, a generational numeral kept unless
    the word is the *first* of its part (a suffix follows a name: 井伊 IIs surname is Ii).

    >>> [title_word(word) for word in ("SMITH", "HANS-PETER", "O'NEILL", "III")]
    ['Smith', 'Hans-Peter', "O'Neill", 'III']
    >>> title_word("II", first=True)
    'Ii'
    """
    if word in NUMERALS and not first:
        return word
    if word.isalpha():
        return word.capitalize()
    return _LETTER_RUN.sub(lambda run: run.group().capitalize(), word)
