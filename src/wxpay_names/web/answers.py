"""The bodies the endpoints answer with; ``/openapi.json`` publishes them.

Library values are kept as they are (``PassportName``, ``Pattern``, ``Problem``, ``Bank``,
``SharedName``); a candidate gains ``note_zh``, its note in Simplified Chinese, so a page
can show either language from one answer, and every answer about a name given in the
request gains ``reading_notes`` (``reading_notes.py``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..binding.results import BindingCheck, CardInfo, DocumentCheck, PhoneCheck, ResidentIdCheck
from ..front_wording import candidate_why
from ..models import Bank, Candidate, Evidence, PassportName, Pattern, Problem, ProblemCode, SharedName
from ..reading_notes import NoteCode, reading_notes

_CLOSED = ConfigDict(frozen=True, extra="forbid")


class CandidateAnswer(BaseModel):
    """A text the bank may hold, its rank (1 = most likely), its pattern and why it is listed."""

    model_config = _CLOSED

    text: str
    rank: int
    pattern: Pattern = Field(description="The choices behind the text; holds no letter of the name.")
    note: str
    note_zh: str

    @classmethod
    def of(cls, candidate: Candidate, bank: Bank) -> CandidateAnswer:
        return cls(
            text=candidate.text,
            rank=candidate.rank,
            pattern=candidate.pattern,
            note=candidate.note,
            note_zh=candidate_why(candidate, bank, "zh"),
        )


class ReadingNote(BaseModel):
    """What reading the name from its Chinese characters left open, to show with the name."""

    model_config = _CLOSED

    code: NoteCode = Field(
        description="compound_surname: two characters read as one compound surname (单于), which "
        "may be a surname and a given name; double_surname: a name typed with a hyphen read as a "
        "double surname (张-爱玲: 张-爱 and 玲), whose second may begin the given name; "
        "surname_readings: the surname has another reading (覃 QIN or TAN), among the candidates; "
        "surname_unlisted: a one-character surname no table "
        "of the data holds, read by its common reading, though the character has others (洗 XI, "
        "also XIAN); pinyin_spelling: the spelling is Hanyu Pinyin, as mainland passports print "
        "it, not as documents of Hong Kong, Macao, Taiwan or Singapore do."
    )
    message: str
    message_zh: str


def notes_of(name: PassportName) -> list[ReadingNote]:
    """The reading notes of *name*, put as the request's fields give a name; none unless it was
    read from Chinese characters."""
    return [
        ReadingNote(code=note.code, message=note.en, message_zh=note.zh)
        for note in reading_notes(name, "fields")
    ]


ReadingNotes = Annotated[
    list[ReadingNote],
    Field(description="What reading the name from Chinese characters left open; empty for other names."),
]


class BankResult(BaseModel):
    """One bank's answer: the text to type (``expected``), how sure, and the candidates."""

    model_config = _CLOSED

    bank: str = Field(description="The bank's code.")
    evidence: Evidence = Field(description="How sure the bank's convention is: show it to the person.")
    expected: str = Field(description="The text the bank most likely holds (rank 1).")
    candidates: list[CandidateAnswer]

    @classmethod
    def of(cls, bank: Bank, found: tuple[Candidate, ...], *, every: bool = True) -> BankResult:
        kept = found if every else found[:1]
        return cls(
            bank=bank.code,
            evidence=bank.evidence,
            expected=found[0].text,
            candidates=[CandidateAnswer.of(candidate, bank) for candidate in kept],
        )


class FormatAnswer(BaseModel):
    """The name as read, and per bank the text to type (every candidate when ``all``)."""

    model_config = _CLOSED

    name: PassportName
    reading_notes: ReadingNotes
    results: list[BankResult]


class CandidatesAnswer(BankResult):
    """The name as read, and one bank's candidates, most likely first."""

    name: PassportName
    reading_notes: ReadingNotes


class NextAnswer(BaseModel):
    """The bank's candidates in the order to try them, without the texts already refused."""

    model_config = _CLOSED

    bank: str
    evidence: Evidence
    tries: list[CandidateAnswer] = Field(description="Each keeps its rank in the full list.")
    name: PassportName
    reading_notes: ReadingNotes


class CheckAnswer(BaseModel):
    """The verdict on a typed name: ``match``, ``plausible`` or ``mismatch``, and why."""

    model_config = _CLOSED

    status: Literal["match", "plausible", "mismatch"]
    ok: bool = Field(description="True only for a match.")
    entered: str
    expected: str
    matched: CandidateAnswer | None = Field(description="The candidate the typed text equals, if any.")
    problems: list[Problem]
    bank: str
    name: PassportName
    reading_notes: ReadingNotes


class PlanAnswer(BaseModel):
    """The texts that fit every bank given, best first, and how the banks differ."""

    model_config = _CLOSED

    banks: list[str]
    shared: list[SharedName]
    compatible: bool = Field(description="Some text is the most likely at every bank.")
    advice: list[Problem]
    expected: dict[str, str] = Field(description="Each bank's most likely text, by bank code.")
    name: PassportName
    reading_notes: ReadingNotes


class PreflightAnswer(BaseModel):
    """The library's ``BindingCheck``, its ``next_tries`` with ``note_zh`` as every candidate answered."""

    model_config = _CLOSED

    bank: Bank | None = Field(description="The bank as given, else the card's bank.")
    name: PassportName | None
    reading_notes: ReadingNotes
    name_to_type: str | None = Field(description="The text the bank most likely holds (rank 1).")
    next_tries: list[CandidateAnswer] = Field(
        description="What to type next if name_to_type is refused, in order; each keeps its rank."
    )
    card: CardInfo | None
    phone: PhoneCheck | None
    document: DocumentCheck | None
    resident_id: ResidentIdCheck | None
    problems: list[Problem] = Field(description="Every problem found, most blocking first.")
    blocking: list[ProblemCode] = Field(
        description="The codes of the problems that stop the card being linked."
    )
    ok: bool = Field(description="True when nothing blocks: the card can be tried with name_to_type.")

    @classmethod
    def of(cls, result: BindingCheck) -> PreflightAnswer:
        bank = result.bank
        tries = [CandidateAnswer.of(candidate, bank) for candidate in result.next_tries] if bank else []
        return cls(
            bank=bank,
            name=result.name,
            reading_notes=notes_of(result.name) if result.name is not None else [],
            name_to_type=result.name_to_type,
            next_tries=tries,
            card=result.card,
            phone=result.phone,
            document=result.document,
            resident_id=result.resident_id,
            problems=list(result.problems),
            blocking=list(result.blocking),
            ok=result.ok,
        )


class BanksAnswer(BaseModel):
    """The banks the service knows, with their conventions and sources."""

    model_config = _CLOSED

    banks: list[Bank]


class NameAnswer(BaseModel):
    """The passport name read from the input."""

    model_config = _CLOSED

    name: PassportName


class Health(BaseModel):
    """The service is up."""

    model_config = _CLOSED

    status: Literal["ok"] = "ok"
    version: str
