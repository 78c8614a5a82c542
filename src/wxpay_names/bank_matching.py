"""Finding a bank by the name a person types: short names, traditional characters, typos.

The registry's exact index answers first (code, alias, English or Chinese name). When it
misses, this module tries the way people actually name banks, and refuses to guess:

- the English name without the words every bank shares (``Bank``, ``of``, ``China``,
  ``Co., Ltd.``): ``China Merchants`` is CMB, ``Postal Savings Bank`` PSBC;
- the Chinese name without ``中国``, ``银行``, ``有限公司``: ``工商`` is ICBC;
- traditional characters, read as simplified through a small table (:data:`TRADITIONAL`);
- a name that starts the shortened name of exactly one bank (``Bank of Comm``), but never a
  part of an acronym (``Citi`` does not start ``CITIC``: an acronym is read letter by letter,
  and its first letters are often another bank's name, Citibank's here);
- a code and a Chinese name together (``HSBC汇丰``), when both name the same bank.

A query that fits several banks (``China``, ``Shanghai``) matches none: the error lists
those banks. A query that fits nothing gets the closest names (``difflib``) as suggestions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .models import Bank

# Simplified forms of the traditional characters that the Chinese names of the banks in
# data/banks.csv use, and of the words stripped below. Source: the Unicode Han Database
# (Unihan), field kSimplifiedVariant. Only these are needed: a query is compared with the
# bank names, so a character no bank name holds cannot make a match either way.
TRADITIONAL: dict[str, str] = {
    "國": "国", "銀": "银", "業": "业", "農": "农", "設": "设", "郵": "邮", "儲": "储",
    "東": "东", "發": "发", "興": "兴", "華": "华", "廣": "广", "匯": "汇", "滙": "汇",
    "豐": "丰", "責": "责",
}  # fmt: skip
# The legal form a registered name adds: ``Bank of China Limited`` is ``Bank of China``.
_LEGAL_ENGLISH = frozenset({"the", "co", "ltd", "limited", "company", "corporation", "plc"})
_LEGAL_CHINESE = ("股份有限公司", "有限责任公司", "有限公司", "公司", "股份")
# The words every bank's English name may carry: they tell no bank apart.
_ENGLISH_NOISE = _LEGAL_ENGLISH | {"bank", "banks", "of", "china", "chinese"}
# The same in Chinese, longest first so 有限公司 goes before 公司.
_CHINESE_NOISE = (*_LEGAL_CHINESE, "中国", "银行")
_WORD = re.compile(r"[a-z0-9]+")
_CASED_WORD = re.compile(r"[A-Za-z0-9]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# A prefix shorter than this names too little to be sure of (``Bank of C``).
_MIN_LATIN_PREFIX = 3
_MIN_HAN_PREFIX = 2


def fold(text: str) -> str:
    """Width, case, traditional characters and white space folded away.

    >>> fold(" 中國工商銀行 "), fold("ＩＣＢＣ")
    ('中国工商银行', 'icbc')
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(TRADITIONAL.get(char, char) for char in folded if not char.isspace())


def _words(text: str, english: frozenset[str], chinese: tuple[str, ...]) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = "".join(TRADITIONAL.get(char, char) for char in folded)
    latin = "".join(word for word in _WORD.findall(folded) if word not in english)
    han = "".join(_HAN.findall(folded))
    for noise in chinese:
        han = han.replace(noise, "")
    return latin + han


def legal(text: str) -> str:
    """A bank name without its legal form and punctuation.

    >>> legal("Bank of China Limited"), legal("中国银行股份有限公司")
    ('bankofchina', '中国银行')
    """
    return _words(text, _LEGAL_ENGLISH, _LEGAL_CHINESE)


def core(text: str) -> str:
    """The part of a bank name that tells the bank apart: shared words and punctuation dropped.

    >>> core("Industrial and Commercial Bank of China"), core("中国工商银行"), core("Bank of China")
    ('industrialandcommercial', '工商', '')
    >>> core("HSBC Bank (China) Co., Ltd."), core("汇丰银行(中国)有限公司")
    ('hsbc', '汇丰')
    """
    return _words(text, _ENGLISH_NOISE, _CHINESE_NOISE)


def acronym_cuts(text: str) -> frozenset[int]:
    """The prefix lengths of ``core(text)`` that would end inside an acronym of *text*.

    An acronym is a word written in capitals (``CITIC``, ``HSBC``, a code): its letters are
    initials, so its start is no shortened name of it (``Citi`` is Citibank, not CITIC). A
    name written all in capitals has no lower case to tell an acronym by: only a one-word
    name (a code, ``BJBANK``) counts as one then.

    >>> sorted(acronym_cuts("China CITIC Bank")), sorted(acronym_cuts("Bank of Communications"))
    ([1, 2, 3, 4], [])
    >>> sorted(acronym_cuts("HSBC China")), sorted(acronym_cuts("INDUSTRIAL BANK"))
    ([1, 2, 3], [])
    """
    cased = _CASED_WORD.findall(unicodedata.normalize("NFKC", text))
    folded = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if [word.casefold() for word in cased] != folded:
        return frozenset()  # a letter whose case folds to another length: no acronym is told
    several = len(cased) > 1 and not any(char.islower() for char in text)
    cuts: set[int] = set()
    position = 0
    for word, key in zip(cased, folded, strict=True):
        if key in _ENGLISH_NOISE:
            continue  # not part of the core
        if word.isupper() and len(word) > 1 and not several:
            cuts.update(range(position + 1, position + len(key)))
        position += len(key)
    return frozenset(cuts)


@dataclass(frozen=True)
class Match:
    """What a query found: one bank, several (it is ambiguous), or none with the closest names."""

    bank: Bank | None = None
    ambiguous: tuple[Bank, ...] = ()
    suggestions: tuple[Bank, ...] = ()


@dataclass
class BankMatcher:
    """The loose index of a set of banks: each bank's shortened names, and every name for hints."""

    banks: Sequence[Bank]
    _legal: dict[str, set[str]] = field(default_factory=dict)
    _cores: dict[str, set[str]] = field(default_factory=dict)
    # Each name's core with the prefix lengths that cut one of its acronyms, and its bank.
    _prefixed: list[tuple[str, frozenset[int], str]] = field(default_factory=list)
    _names: dict[str, str] = field(default_factory=dict)
    _by_code: dict[str, Bank] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for bank in self.banks:
            self._by_code[bank.code] = bank
            for name in (bank.code, bank.name_en, bank.name_zh, *bank.aliases):
                for index, key in ((self._legal, legal(name)), (self._cores, core(name))):
                    if key:
                        index.setdefault(key, set()).add(bank.code)
                self._names.setdefault(fold(name), bank.code)
                if core(name):
                    self._prefixed.append((core(name), acronym_cuts(name), bank.code))

    def find(self, query: str) -> Match:
        """The one bank *query* names loosely, or why none: several fit, or the closest names."""
        found = self._ordered(self._legal.get(legal(query), set()))
        if len(found) != 1:
            found = self._by_core(core(query))
        if len(found) == 1:
            return Match(bank=found[0])
        if not found:
            found = self._by_parts(query)
            if len(found) == 1:
                return Match(bank=found[0])
        if found:
            return Match(ambiguous=tuple(found))
        return Match(suggestions=self.closest(query))

    def _by_core(self, key: str) -> list[Bank]:
        if not key:
            return []
        exact = self._cores.get(key, set())
        minimum = _MIN_HAN_PREFIX if _HAN.fullmatch(key) else _MIN_LATIN_PREFIX
        starts = (
            {code for name, cuts, code in self._prefixed if name.startswith(key) and len(key) not in cuts}
            if len(key) >= minimum
            else set()
        )
        # A bank named exactly wins only when no other bank's name starts with the query too:
        # ``Industrial`` is CIB's whole name and the start of ICBC's, so it names neither.
        codes = exact | starts
        return self._ordered(codes)

    def _by_parts(self, query: str) -> list[Bank]:
        """``HSBC汇丰``: a Latin and a Chinese part that each name the same one bank."""
        folded = unicodedata.normalize("NFKC", query).casefold()
        parts = [part for part in (*_WORD.findall(folded), *_HAN.findall(folded)) if part]
        if len(parts) < 2:
            return []
        codes: set[str] | None = None
        for part in parts:
            key = core(part)
            if not key:
                continue  # a shared word (Bank, 银行) names no bank and takes none away
            found = {bank.code for bank in self._by_core(key)}
            if not found:
                return []  # a word that names no bank: ``ICBC(x)`` is not ICBC
            codes = found if codes is None else codes & found
        return self._ordered(codes or set())

    def _ordered(self, codes: Iterable[str]) -> list[Bank]:
        wanted = set(codes)
        return [bank for bank in self.banks if bank.code in wanted]

    def closest(self, query: str, limit: int = 3) -> tuple[Bank, ...]:
        """The banks whose names are closest to *query* (``ICBCC`` → ICBC), closest first."""
        import difflib  # only when a name is not found

        key = fold(query)
        if not key:
            return ()
        names = difflib.get_close_matches(key, list(self._names), n=limit * 3, cutoff=0.6)
        found: dict[str, Bank] = {}
        for name in names:
            code = self._names[name]
            found.setdefault(code, self._by_code[code])
        return tuple(found.values())[:limit]
