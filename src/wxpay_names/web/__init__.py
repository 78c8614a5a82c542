"""The web service and page: ``wxpay-names serve``, or the router in your own FastAPI app.

Needs the ``[web]`` extra (``python -m pip install ".[web]"`` in a clone of the repository).
``import wxpay_names`` never imports this package.

>>> from fastapi import FastAPI
>>> from wxpay_names.web import router
>>> app = FastAPI()
>>> app.include_router(router, prefix="/names")
>>> sorted(app.openapi()["paths"])[:4]
['/names/healthz', '/names/v1/banks', '/names/v1/banks/{query}', '/names/v1/candidates']
"""

from __future__ import annotations

from .app import create_app
from .refusals import MAX_BODY_BYTES, RefusingRoute
from .routes import router

__all__ = ["MAX_BODY_BYTES", "RefusingRoute", "create_app", "router"]
