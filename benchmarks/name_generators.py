"""Names for the benchmarks and the recorded corpus: made from syllables, never seen before.

Shared by ``benchmarks/run.py`` (fresh names per repetition) and ``benchmarks/corpus.py``
(the recorded results). **Changing a generator here changes the corpus**: re-record it
(``python benchmarks/corpus.py --record``) in the same commit, and say so.
"""

from __future__ import annotations

import random
from collections.abc import Callable

ONSETS = ("b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
          "br", "ch", "sch", "st", "tr", "kl", "gr", "sh")  # fmt: skip
VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ei", "ou", "ia")
CODAS = ["", "", "", "n", "r", "s", "l", "m", "rt", "nd", "k"]
ACCENTED = {
    "a": "äáàåâã", "e": "éèëê", "i": "íìï", "o": "öóøôõ", "u": "üúùû", "n": "ñ", "c": "ç",
    "s": "şš", "l": "ł", "z": "žż", "g": "ğ", "r": "ř",
}  # fmt: skip
CHINESE_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
)
CHINESE_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容")
CHINESE_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华玉兰霞平刚桂英文辉建国志红小云海鹏飞宇浩然子轩"
    "欣怡梓涵思雨晨博俊嘉一诺佳琪晓东春梅丹丹慧颖婷雪琳颖峰斌鑫宁凯波亮健"
)


def made_word(rng: random.Random, accent: bool) -> str:
    syllables = "".join(
        rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(rng.randint(1, 3))
    )
    if accent:
        spots = [index for index, char in enumerate(syllables) if char in ACCENTED]
        if spots:
            spot = rng.choice(spots)
            syllables = syllables[:spot] + rng.choice(ACCENTED[syllables[spot]]) + syllables[spot + 1 :]
    return syllables.capitalize()


def _latin(rng: random.Random, accent: bool) -> tuple[str, str]:
    surname = made_word(rng, accent)
    roll = rng.random()
    if roll < 0.1:
        surname += "-" + made_word(rng, False)
    elif roll < 0.15:
        surname = "O'" + surname
    elif roll < 0.2:
        surname = "van der " + surname
    count = rng.choices((1, 2, 3), weights=(6, 3, 1))[0]
    given = " ".join(made_word(rng, accent and index == 0 and roll >= 0.5) for index in range(count))
    return surname, given


def distinct(
    make: Callable[[random.Random], tuple[str, str]], count: int, seed: int
) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    seen: dict[tuple[str, str], None] = {}
    while len(seen) < count:
        seen.setdefault(make(rng), None)
    return list(seen)


def latin_names(count: int, seed: int, accent: bool) -> list[tuple[str, str]]:
    return distinct(lambda rng: _latin(rng, accent), count, seed)


def mrz_line(surname: str, given: str) -> str:
    """The upper line of a TD3 passport for the name: ``P<UTO`` + the 39-character name field."""

    def field(text: str) -> str:
        return "<".join(text.upper().replace("'", "").replace("-", " ").split())

    return "P<UTO" + (field(surname) + "<<" + field(given))[:39].ljust(39, "<")


def chinese_names(count: int, seed: int) -> list[str]:
    def make(rng: random.Random) -> tuple[str, str]:
        surname = rng.choice(CHINESE_COMPOUND_SURNAMES if rng.random() < 0.05 else CHINESE_SURNAMES)
        return surname, "".join(rng.choice(CHINESE_GIVEN) for _ in range(rng.choice((1, 2, 2))))

    return [surname + given for surname, given in distinct(make, count, seed)]


def _accent_one_letter(rng: random.Random, word: str) -> str:
    """*word* with one of its letters accented (the first, a capital, a third of the time)."""
    spots = [index for index, char in enumerate(word.lower()) if char in ACCENTED]
    if not spots:
        return word
    spot = spots[0] if rng.random() < 1 / 3 else rng.choice(spots)
    accented = rng.choice(ACCENTED[word[spot].lower()])
    return word[:spot] + (accented.upper() if word[spot].isupper() else accented) + word[spot + 1 :]


def typed_workload(count: int, seed: int) -> list[tuple[str, str, str]]:
    """``(surname, given names, typed)``: the workload of issue 14, as a person types the name.

    One or two given names; a third of the names have one accented letter (in the surname
    or the first given name). The typed text is the given names then the surname in
    capitals, as a person reads them off the passport: for an accented name it keeps the
    accent half the time (``JÜRGEN MÜLLER``) and drops it otherwise (``JURGEN MULLER``).
    """
    rng = random.Random(seed)
    seen: dict[tuple[str, str], str] = {}
    while len(seen) < count:
        surname = made_word(rng, False)
        given = [made_word(rng, False) for _ in range(rng.choice((1, 1, 2)))]
        typed_surname, typed_given = surname, list(given)
        if rng.random() < 1 / 3:
            if rng.random() < 0.5:
                surname = _accent_one_letter(rng, surname)
            else:
                given[0] = _accent_one_letter(rng, given[0])
            if rng.random() < 0.5:
                typed_surname, typed_given = surname, list(given)
        typed = " ".join([*typed_given, typed_surname]).upper()
        seen.setdefault((surname, " ".join(given)), typed)
    return [(surname, given, typed) for (surname, given), typed in seen.items()]
