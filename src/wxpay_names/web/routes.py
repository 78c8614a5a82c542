"""The endpoints: ``/healthz``, the page at ``/``, and the JSON API under ``/v1/``.

Each endpoint is a thin call of the public function of the same name; the functions are
pure and hold no state, so any number of workers can serve them side by side.

What the service logs is letter-free: the endpoint, the bank codes, the way the name was
given (``fields``, ``mrz``…), the verdict and the ``Pattern`` of a candidate; never a name,
an MRZ or anything else a person typed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse

from .. import __version__
from ..binding.preflight import check_binding
from ..candidates import candidates, format_name
from ..check import check_name
from ..cleaning import MAX_INPUT_LENGTH
from ..errors import ErrorCode, NameFormatError
from ..front_wording import reworded_error
from ..inputs.mrz import parse_mrz
from ..models import Bank, PassportName, Pattern
from ..plan import plan_cards
from ..registry import BankRegistry, default_registry
from ..tries import next_tries
from .answers import (
    BankResult,
    BanksAnswer,
    CandidateAnswer,
    CandidatesAnswer,
    CheckAnswer,
    FormatAnswer,
    Health,
    NameAnswer,
    NextAnswer,
    PlanAnswer,
    PreflightAnswer,
    notes_of,
)
from .page import page_response
from .refusals import FieldError, RefusalAnswer, RefusingRoute
from .requests import (
    CandidatesRequest,
    CheckRequest,
    FormatRequest,
    MrzRequest,
    NextRequest,
    PlanRequest,
    PreflightRequest,
)

log = logging.getLogger("wxpay_names.web")

_REFUSALS: dict[int | str, dict[str, object]] = {
    status: {"model": RefusalAnswer, "description": why}
    for status, why in (
        (404, "An unknown bank."),
        (413, "A body larger than 16 KiB."),
        (422, "A name or request the library refuses."),
    )
}


def _refusals(*statuses: int) -> dict[int | str, dict[str, object]]:
    """The refusals an endpoint can give, for its OpenAPI description."""
    return {status: _REFUSALS[status] for status in statuses}


router = APIRouter(route_class=RefusingRoute)
"""The service's routes, for ``app.include_router(router)`` in your own FastAPI app."""


async def bank_registry(request: Request) -> BankRegistry:
    """The banks of the app (``create_app(registry=...)``), else the packaged ones."""
    registry: BankRegistry | None = getattr(request.app.state, "bank_registry", None)
    return registry or default_registry()


Registry = Annotated[BankRegistry, Depends(bank_registry)]


def _bank(registry: BankRegistry, query: str, field: str = "bank") -> Bank:
    try:
        return registry.get(query)
    except NameFormatError as error:
        raise FieldError(error, field) from None


def _too_long_in(field: str, error: NameFormatError) -> NameFormatError | FieldError:
    """A typed text refused as too long, said of its *field* (its cap is the name's, found by
    the library, not the request model's); any other refusal as it is."""
    return FieldError(error, field) if error.code is ErrorCode.TOO_LONG else error


def _banks(registry: BankRegistry, queries: list[str]) -> tuple[Bank, ...]:
    """The banks named, each once, in the order given; every bank when none is named."""
    if not queries:
        return registry.banks
    chosen: dict[str, Bank] = {}
    for query in queries:
        bank = _bank(registry, query, "banks")
        chosen.setdefault(bank.code, bank)
    return tuple(chosen.values())


def _codes(queries: list[str], chosen: tuple[Bank, ...]) -> str:
    return ",".join(bank.code for bank in chosen) if queries else "all"


def _pattern_words(pattern: Pattern) -> str:
    return "/".join(str(value).lower() for value in pattern.model_dump().values())


@router.get("/healthz", tags=["service"], summary="Liveness probe")
@router.head("/healthz", include_in_schema=False)
async def healthz() -> Health:
    """``{"status": "ok"}`` while the service answers."""
    return Health(version=__version__)


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
async def page() -> HTMLResponse:
    """The page for a person: the name to type at each bank, and why a typed one was refused."""
    return page_response()


@router.post("/v1/format", tags=["names"], summary="The name to type at each bank", responses=_REFUSALS)
async def format_names(request: FormatRequest, registry: Registry) -> FormatAnswer:
    """Per bank (all banks when ``banks`` is empty), the text to type; every candidate with ``all``."""
    name = request.passport_name()
    chosen = _banks(registry, request.banks)
    results = [BankResult.of(bank, candidates(name, bank), every=request.all) for bank in chosen]
    log.info("format source=%s banks=%s all=%s", name.source, _codes(request.banks, chosen), request.all)
    return FormatAnswer(name=name, reading_notes=notes_of(name), results=results)


@router.post("/v1/candidates", tags=["names"], summary="Every text a bank may hold", responses=_REFUSALS)
async def candidate_list(request: CandidatesRequest, registry: Registry) -> CandidatesAnswer:
    """The bank's candidates, most likely first, each with its pattern and note."""
    name = request.passport_name()
    bank = _bank(registry, request.bank)
    result = BankResult.of(bank, candidates(name, bank))
    log.info("candidates source=%s bank=%s", name.source, bank.code)
    return CandidatesAnswer(name=name, reading_notes=notes_of(name), **dict(result))


@router.post("/v1/check", tags=["names"], summary="Is a typed name what the bank holds?", responses=_REFUSALS)
async def check(request: CheckRequest, registry: Registry) -> CheckAnswer:
    """``match`` (rank 1), ``plausible`` (another candidate) or ``mismatch``, with the problems."""
    name = request.passport_name()
    bank = _bank(registry, request.bank)
    try:
        result = check_name(request.entered, name, bank)
    except NameFormatError as error:
        raise _too_long_in("entered", error) from None
    matched = result.matched
    log.info(
        "check source=%s bank=%s status=%s pattern=%s problems=%s",
        name.source,
        bank.code,
        result.status,
        _pattern_words(matched.pattern) if matched else "-",
        ",".join(problem.code.value for problem in result.problems) or "-",
    )
    return CheckAnswer(
        status=result.status,
        ok=result.ok,
        entered=result.entered,
        expected=result.expected,
        matched=CandidateAnswer.of(matched, bank) if matched else None,
        problems=list(result.problems),
        bank=bank.code,
        name=name,
        reading_notes=notes_of(name),
    )


@router.post("/v1/plan", tags=["names"], summary="One name for several cards", responses=_REFUSALS)
async def plan(request: PlanRequest, registry: Registry) -> PlanAnswer:
    """The texts that fit every bank given (WeChat holds one real name), and how the banks differ."""
    name = request.passport_name()
    chosen = _banks(registry, request.banks)
    result = plan_cards(name, chosen, registry=registry)
    log.info("plan source=%s banks=%s compatible=%s", name.source, ",".join(result.banks), result.compatible)
    return PlanAnswer(
        banks=list(result.banks),
        shared=list(result.shared),
        compatible=result.compatible,
        advice=list(result.advice),
        expected={bank.code: format_name(name, bank) for bank in chosen},
        name=name,
        reading_notes=notes_of(name),
    )


@router.post("/v1/next", tags=["names"], summary="What to try after a refusal", responses=_REFUSALS)
async def next_forms(request: NextRequest, registry: Registry) -> NextAnswer:
    """The bank's candidates in the order to try them, without any text already refused."""
    name = request.passport_name()
    bank = _bank(registry, request.bank)
    try:
        tries = next_tries(name, bank, request.refused)
    except NameFormatError as error:
        raise _too_long_in("refused", error) from None
    log.info("next source=%s bank=%s refused=%d", name.source, bank.code, len(request.refused))
    return NextAnswer(
        bank=bank.code,
        evidence=bank.evidence,
        tries=[CandidateAnswer.of(candidate, bank) for candidate in tries],
        name=name,
        reading_notes=notes_of(name),
    )


@router.post(
    "/v1/preflight",
    tags=["cards"],
    summary="Check a card before linking it",
    responses=_refusals(413, 422),
)
async def preflight_check(request: PreflightRequest, registry: Registry) -> PreflightAnswer:
    """The name to type at the card's bank and every problem found (card, phone, document), most
    blocking first. What is wrong with their content (a name that cannot be read, a bank no one
    is called) is a problem in the answer, not a refusal, as the library's ``preflight`` says it."""
    # Giving the name two ways is the request's shape: refused here (422) before anything runs.
    reader = request.name_reader() if request.gives_a_name() else None
    result = check_binding(
        _library_errors(reader) if reader is not None else None,
        bank=request.bank,
        card=request.card,
        phone=request.phone,
        document=request.document,
        today=request.today,
        bank_document_number=None,
        registry=registry,
    )
    log.info(
        "preflight bank=%s ok=%s problems=%s",
        result.bank.code if result.bank else "-",
        result.ok,
        ",".join(problem.code.value for problem in result.problems) or "-",
    )
    return PreflightAnswer.of(result)


def _library_errors(reader: Callable[[], PassportName]) -> Callable[[], PassportName]:
    """*reader* raising the library's ``NameFormatError`` (a problem to ``check_binding``), its
    advice put as the request's fields give a name (``in the chinese field``), as every
    refusal of the service puts it."""

    def read() -> PassportName:
        try:
            return reader()
        except FieldError as error:
            raise reworded_error(error.error, "fields", fallback=False) from None
        except NameFormatError as error:
            raise reworded_error(error, "fields", fallback=False) from None

    return read


@router.get("/v1/banks", tags=["banks"], summary="Every bank, with its convention and source")
@router.head("/v1/banks", include_in_schema=False)  # HEAD wherever GET works, as on /healthz
async def bank_list(registry: Registry) -> BanksAnswer:
    """The rows of ``data/banks.csv``, in file order."""
    return BanksAnswer(banks=list(registry.banks))


@router.get("/v1/banks/{query}", tags=["banks"], summary="One bank", responses=_refusals(404, 422))
@router.head("/v1/banks/{query}", include_in_schema=False)
async def one_bank(query: Annotated[str, Path(max_length=MAX_INPUT_LENGTH)], registry: Registry) -> Bank:
    """The bank a code, alias, English or Chinese name finds (404 when none does)."""
    return _bank(registry, query, "query")


@router.post("/v1/mrz", tags=["names"], summary="Read a machine-readable zone", responses=_refusals(413, 422))
async def read_mrz(request: MrzRequest) -> NameAnswer:
    """The passport name in the zone, check digits verified where the lines are whole."""
    try:
        name = parse_mrz(request.mrz)
    except NameFormatError as error:
        raise FieldError(error, "mrz") from None
    log.info("mrz possibly_truncated=%s", name.possibly_truncated)
    return NameAnswer(name=name)
