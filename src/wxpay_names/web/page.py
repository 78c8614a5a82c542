"""The page at ``/``: one HTML file shipped in the package, with its script and style inline.

The Content-Security-Policy allows exactly that inline script and style (by their SHA-256),
and requests to this origin only: the page loads nothing from elsewhere and works offline.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from importlib.resources import files

from fastapi.responses import HTMLResponse

_INLINE = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)


@cache
def page_html() -> str:
    return files(__package__ or "wxpay_names.web").joinpath("page.html").read_text(encoding="utf-8")


@cache
def _headers() -> dict[str, str]:
    sources: dict[str, list[str]] = {"script": [], "style": []}
    for tag, body in _INLINE.findall(page_html()):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        sources[tag].append(f"'sha256-{digest}'")
    policy = (
        "default-src 'none'; "
        f"script-src {' '.join(sources['script'])}; "
        f"style-src {' '.join(sources['style'])}; "
        "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    )
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-cache",
    }


def page_response() -> HTMLResponse:
    return HTMLResponse(page_html(), headers=_headers())
