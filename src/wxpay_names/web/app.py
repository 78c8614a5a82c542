"""The service as an app: the router, CORS when origins are given, and one shape for 404s.

``create_app()`` is what ``wxpay-names serve`` runs; with several workers, run it as
``uvicorn --factory wxpay_names.web:create_app --workers 4``.
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match

from .. import __version__
from ..registry import BankRegistry
from .refusals import answer, service_refusal
from .routes import router

_DESCRIPTION = (
    "The exact name a Chinese bank recorded from a foreigner's passport, for linking cards in "
    'WeChat Pay. Every refusal answers `{"detail": {"code", "message", "message_zh", '
    '"field"}}`: 422 bad input, 404 an unknown bank or path, 405 a method the path does not take, '
    "413 a body over 16 KiB. /v1/preflight answers bad content (a name it cannot read, an unknown "
    "bank) as problems, not refusals."
)


def create_app(cors_origins: Sequence[str] = (), registry: BankRegistry | None = None) -> FastAPI:
    """The service. CORS is off unless *cors_origins* names the origins allowed to call it.

    *registry* holds the banks it knows (default: the packaged ``data/banks.csv``).
    """
    # No /docs nor /redoc: their pages load scripts from a CDN. /openapi.json is served. No
    # redirect of a path with a trailing slash: its absolute Location would lose a proxy's prefix.
    app = FastAPI(
        title="wxpay_names",
        version=__version__,
        description=_DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,
    )
    app.include_router(router)
    if registry is not None:
        app.state.bank_registry = registry
    if cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
        )

    @app.exception_handler(HTTPException)
    async def refuse_path(request: Request, error: HTTPException) -> Response:
        # Starlette's own refusals (no such path, wrong method) in the service's one shape.
        code = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}.get(error.status_code, "BAD_REQUEST")
        response = answer(error.status_code, service_refusal(code))
        # Starlette's headers are kept; a 405's Allow names the methods of every route at the
        # path, where Starlette names one route's (/healthz has a GET route and a HEAD route).
        headers = dict(error.headers or {})
        if "Allow" in headers:
            headers["Allow"] = ", ".join(_allowed_methods(request, headers["Allow"]))
        response.headers.update(headers)
        return response

    return app


def _allowed_methods(request: Request, said: str) -> list[str]:
    """The methods Starlette *said* the path takes, and those of every route of ours at it."""
    allowed = {method.strip() for method in said.split(",") if method.strip()}
    for route in router.routes:
        methods = getattr(route, "methods", None)
        if methods and route.matches(request.scope)[0] is not Match.NONE:
            allowed.update(methods)
    return sorted(allowed)
