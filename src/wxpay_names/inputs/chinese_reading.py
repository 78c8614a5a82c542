"""A Chinese name read into its surname pieces and given-name syllables, toneless.

The surname is found and read by ``chinese_surnames`` (longest match in ``data/surnames.csv``)
unless the key splits the name at a space; what the table does not read, and the given
name, are read by pypinyin (``pinyin_reading``), each segment apart from the others, as
``lazy_pinyin`` reads a list. The given name is one segment, so pypinyin's phrase table
applies to it whole; where no word of the table holds it, a character that
``data/given_name_readings.csv`` lists takes the reading names use (长 CHANG, not pypinyin's
first reading ZHANG).
"""

from __future__ import annotations

from typing import NamedTuple

from .chinese_surnames import Readings, explicit_surnames, longest_surname, split_surnames
from .chinese_text import checked, misplaced_hyphen, unreadable
from .pinyin_reading import NoReadingError, Syllables, read_given_name, read_segments

SurnameParts = tuple[tuple[Readings, ...], ...]  # per surname (two in a 双姓), per piece


class Reading(NamedTuple):
    surnames: SurnameParts
    given: Syllables


def read_name(key: str) -> Reading:
    """Read a cleaned name; its first space, if any, separates surname from given name."""
    try:
        return _read(checked(key))
    except NoReadingError as error:
        raise unreadable(error.char, None) from None


def _read(text: str) -> Reading:
    # tuple.__new__ skips the named tuple's Python-level __new__ (built per name read).
    if " " not in text and "-" not in text:  # most names: one surname, then the given name
        found = longest_surname(text, 0)
        if found:
            given_text = text[len(found[0]) :]
            given = read_given_name(given_text, read_segments([given_text])[0]) if given_text else ()
            return tuple.__new__(Reading, (((found[1],),), given))
        if len(text) > 1:  # a surname the table leaves to pypinyin, read apart from the given name
            surname, given = read_segments([text[0], text[1:]])
            return tuple.__new__(Reading, ((((surname,),),), read_given_name(text[1:], given)))
    if " " in text:
        surname_text, _, given_text = text.partition(" ")
        units = explicit_surnames(surname_text)
        given_text = given_text.replace(" ", "")
    else:
        units, given_text = split_surnames(text)
    if "-" in given_text:
        raise misplaced_hyphen()
    unread = [chars for unit in units for chars, readings in unit if not readings]
    segments = [*unread, given_text] if given_text else unread
    pinyin = iter(read_segments(segments))
    surnames = tuple(tuple(readings or (next(pinyin),) for _, readings in unit) for unit in units)
    given = read_given_name(given_text, next(pinyin)) if given_text else ()
    return tuple.__new__(Reading, (surnames, given))
