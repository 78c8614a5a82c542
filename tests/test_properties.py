"""Properties every bank's rank 1 and candidates hold for all names (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from wxpay_names import Bank, NameFormatError, PassportName, banks, candidates, format_name

# An oracle written independently of data/: each test letter and what the MRZ prints for it.
ORACLE = {
    **{letter: letter.upper() for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    "ü": "UE", "Ü": "UE", "ö": "OE", "Ö": "OE", "ä": "AE", "Ä": "AE", "å": "AA", "Å": "AA",
    "ø": "OE", "Ø": "OE", "æ": "AE", "ß": "SS", "é": "E", "È": "E", "ñ": "N", "Ñ": "N",
    "ł": "L", "Ł": "L", "ç": "C", "ş": "S", "ğ": "G", "ı": "I", "ő": "O", "ž": "Z", "þ": "TH",
}  # fmt: skip
RANK_ONE = re.compile(r"[A-Z]+(?: [A-Z]+)*")

letters = st.text(alphabet=sorted(ORACLE), min_size=1, max_size=8)
# A word may carry an apostrophe or period inside it; words join with a space or a hyphen.
words = st.builds(lambda a, mark, b: a + mark + b, letters, st.sampled_from(["", "", "'", "’", "."]), st.text(
    alphabet=sorted(ORACLE), max_size=5))  # fmt: skip
component = st.builds(
    lambda parts, joins: "".join(p + j for p, j in zip(parts, joins, strict=False)) + parts[-1],
    st.lists(words, min_size=1, max_size=3),
    st.lists(st.sampled_from([" ", "-"]), min_size=2, max_size=2),
)
given_names = st.lists(component, max_size=3).map(" ".join)
surnames = st.one_of(component, st.just(""))


def oracle_letters(text: str) -> str:
    return "".join(ORACLE.get(char, "") for char in text)


# The two fields of a name: at least one holds letters (both empty is refused by the model).
name_fields = st.tuples(surnames, given_names).filter(lambda fields: any(fields))


@given(fields=name_fields)
def test_rank_one_obeys_the_output_rules(fields: tuple[str, str], fixture_banks: tuple[Bank, ...]) -> None:
    surname, given_text = fields
    name = PassportName(surname=surname, given_names=given_text)
    for bank in fixture_banks:
        text = format_name(name, bank)
        assert RANK_ONE.fullmatch(text), text
        if not bank.separator and not bank.given_separator:
            assert " " not in text
        parts = (oracle_letters(surname), oracle_letters(given_text))
        if bank.order == "given_first":
            parts = parts[::-1]
        assert text.replace(" ", "") == "".join(parts)


@given(fields=name_fields)
def test_rank_one_is_stable_when_fed_back(fields: tuple[str, str], fixture_banks: tuple[Bank, ...]) -> None:
    surname, given_text = fields
    name = PassportName(surname=surname, given_names=given_text)
    icbc = next(bank for bank in fixture_banks if bank.code == "ICBC")
    spelled_surname = format_name(PassportName(surname=surname), icbc) if surname else ""
    spelled_given = format_name(PassportName(given_names=given_text), icbc) if given_text.strip() else ""
    again = PassportName(surname=spelled_surname, given_names=spelled_given)
    for bank in fixture_banks:
        assert format_name(again, bank) == format_name(name, bank)


@given(fields=name_fields)
def test_candidates_are_unique_and_start_with_rank_one(
    fields: tuple[str, str], fixture_banks: tuple[Bank, ...]
) -> None:
    surname, given_text = fields
    name = PassportName(surname=surname, given_names=given_text)
    for bank in fixture_banks:
        found = candidates(name, bank)
        texts = [candidate.text for candidate in found]
        assert len(set(texts)) == len(texts)
        assert texts[0] == format_name(name, bank)
        assert all(text and text == text.strip() and "  " not in text for text in texts)


@given(surname=st.text(max_size=40), given_text=st.text(max_size=40))
def test_any_string_gives_a_name_or_our_errors(
    surname: str, given_text: str, fixture_banks: tuple[Bank, ...]
) -> None:
    try:
        name = PassportName(surname=surname, given_names=given_text)
    except ValidationError:
        return
    for bank in fixture_banks:
        try:
            text = format_name(name, bank)
        except NameFormatError:
            continue
        assert RANK_ONE.fullmatch(text), text


@given(fields=name_fields)
def test_the_candidates_the_contract_names_are_listed(fields: tuple[str, str]) -> None:
    # api.md: among the candidates, at least the other order, the first given name alone (when
    # there are several) and the title-case form; at every bank, a field length or not.
    surname, given_text = fields
    name = PassportName(surname=surname, given_names=given_text)
    given_parts = given_text.split()
    for bank in banks():
        try:
            texts = {candidate.text for candidate in candidates(name, bank)}
        except NameFormatError:
            continue  # no letters to write: the list is refused as a whole
        assert format_name(name, bank.model_copy(update={"case": "title"})) in texts
        if not (oracle_letters(surname) and oracle_letters(given_text)):
            continue
        other_order = bank.model_copy(
            update={"order": "given_first" if bank.order == "surname_first" else "surname_first"}
        )
        assert format_name(name, other_order) in texts
        if len(given_parts) > 1 and oracle_letters(given_parts[0]):
            first_alone = format_name(PassportName(surname=surname, given_names=given_parts[0]), bank)
            assert first_alone in texts, (bank.code, first_alone, sorted(texts))


# Names with many other spellings and forms: a Cyrillic name of an unknown State (four national
# tables), or hyphens, accents and a generational suffix together.
cyrillic_words = st.text(
    alphabet="АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЫЭЮЯабвгдежзийклмнопрстуфхцчшщыэюя", min_size=2, max_size=9
)
crowded_names = st.one_of(
    st.tuples(cyrillic_words, st.lists(cyrillic_words, min_size=2, max_size=3).map(" ".join)),
    st.tuples(
        st.sampled_from(["Müller-Weiß", "Øster-Lund", "Jäger-Köhler", "O'Brien", "Núñez-Güell"]),
        st.tuples(
            st.sampled_from(["Hans", "Jürgen", "Anne-Marie", "José"]),
            st.sampled_from(["Peter", "Åke"]),
            st.sampled_from(["Jr", "III", "Sr", ""]),
        ).map(lambda words: " ".join(filter(None, words))),
    ),
)
# Every spacing of the row's two places (between the parts, between given names).
SPACINGS = {(" ", " "), ("", ""), (" ", ""), ("", " ")}


@given(fields=crowded_names)
def test_the_forms_the_contract_names_stay_in_a_full_list(fields: tuple[str, str]) -> None:
    # api.md: among the candidates, at least the other order, the other spacing, the first
    # given name alone and the title-case form; the plainly folded spelling too. A full list
    # (twelve texts) dropped the first given name alone for the national tables' spellings.
    surname, given_text = fields
    name = PassportName(surname=surname, given_names=given_text)
    first_alone = PassportName(surname=surname, given_names=given_text.split()[0])
    # The plainly folded name by an oracle of its own (marks taken off; Ø is O, ß stays SS), not
    # by the spellings the code makes: a folded spelling lost would leave nothing to check.
    folded = PassportName(surname=_folded(surname), given_names=_folded(given_text))
    has_folded = folded.surname != name.surname or folded.given_names != name.given_names
    for bank in banks():
        texts = {candidate.text for candidate in candidates(name, bank)}
        flipped = {"order": "given_first" if bank.order == "surname_first" else "surname_first"}
        assert format_name(first_alone, bank) in texts, (bank.code, sorted(texts))
        assert format_name(name, bank.model_copy(update=flipped)) in texts
        assert (
            format_name(name, bank.model_copy(update={"case": "title" if bank.case == "upper" else "upper"}))
            in texts
        )
        other_spacings = SPACINGS - {(bank.separator, bank.given_separator)}
        spaced = {
            format_name(name, bank.model_copy(update={"separator": between, "given_separator": within}))
            for between, within in other_spacings
        }
        assert spaced & texts
        if has_folded and not any("\u0400" <= char <= "\u04ff" for char in surname):
            assert format_name(folded, bank) in texts, (bank.code, sorted(texts))


def _folded(text: str) -> str:
    """*text* with its letters' marks taken off, as a clerk types it: Ø is O, ß is SS."""
    import unicodedata

    text = text.replace("Ø", "O").replace("ø", "o").replace("ß", "ss")
    return "".join(char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char))


plain_words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzÄÖÜßéñ", min_size=1, max_size=7), max_size=3
)


@given(surname_words=plain_words, given_words=plain_words)
def test_rank_one_is_the_rows_layout_word_for_word(surname_words: list[str], given_words: list[str]) -> None:
    """Rank 1 at every bank, spaces included, from the row's columns alone: its order, the
    separator between the parts and the one within them (a several-word surname's words too),
    in capitals, each word spelled by the ICAO oracle."""
    if not surname_words and not given_words:
        return
    name = PassportName(surname=" ".join(surname_words), given_names=" ".join(given_words))
    for bank in banks():
        spelled = [
            bank.given_separator.join(oracle_letters(word) for word in words)
            for words in (surname_words, given_words)
        ]
        parts = [part for part in (spelled if bank.order == "surname_first" else spelled[::-1]) if part]
        assert format_name(name, bank) == bank.separator.join(parts), bank.code


@given(surname_words=plain_words, given_words=plain_words)
def test_a_name_longer_than_a_rows_field_has_its_cut_forms_right_after_rank_one(
    surname_words: list[str], given_words: list[str]
) -> None:
    """api.md: a row with a length limit adds the shortened forms, with a note: the rank-1
    text with its spaces taken out and cut at the limit, and cut at the limit with the cut
    word's trailing space dropped, as the one length report (ICBC) saw the bank hold it."""
    if not surname_words and not given_words:
        return
    name = PassportName(surname=" ".join(surname_words), given_names=" ".join(given_words))
    for bank in banks():
        limit = bank.max_length
        if limit is None:
            continue
        found = candidates(name, bank)
        first = found[0].text
        cut = [candidate for candidate in found if candidate.pattern.shortened]
        if len(first) <= limit:
            assert not cut, bank.code
            continue
        expected = list(dict.fromkeys([first.replace(" ", "")[:limit], first[:limit].rstrip()]))
        assert [candidate.text for candidate in found[1 : 1 + len(expected)]] == expected, bank.code
        assert all(len(candidate.text) <= limit and candidate.note for candidate in cut)


@given(
    fields=name_fields,
    chosen=st.lists(
        st.sampled_from(["ICBC", "ABC", "CMB", "BOC", "CCB", "HSBC"]), min_size=2, max_size=3, unique=True
    ),
)
def test_a_plan_shares_exactly_the_texts_every_bank_lists_ranked_by_their_ranks_together(
    fields: tuple[str, str], chosen: list[str]
) -> None:
    """api.md: ``plan_cards`` returns the texts that are candidates at every bank given, ranked
    by their ranks together, and whether one text is rank 1 at all of them. Checked against
    each bank's own candidate list."""
    from wxpay_names import plan_cards

    name = PassportName(surname=fields[0], given_names=fields[1])
    lists = [{candidate.text: candidate.rank for candidate in candidates(name, bank)} for bank in chosen]
    plan = plan_cards(name, chosen)
    expected = {text for text in lists[0] if all(text in ranks for ranks in lists[1:])}
    assert {shared.text for shared in plan.shared} == expected
    for shared in plan.shared:
        assert shared.ranks == tuple(ranks[shared.text] for ranks in lists)
    sums = [sum(shared.ranks) for shared in plan.shared]
    assert sums == sorted(sums)
    assert plan.compatible == any(set(shared.ranks) == {1} for shared in plan.shared)
