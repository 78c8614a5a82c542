"""One shape for every refusal the service gives, and the route class that gives it.

Every error answer is ``{"detail": {"code", "message", "message_zh", "field"}}``: ``code``
is stable and meant for programs, ``message`` (English) and ``message_zh`` (Simplified
Chinese) are meant for people, ``field`` names the request field at fault (``None`` when
no one field is). The status says what kind of refusal it is: 422 bad input, 404 an unknown
bank or path, 413 a body over :data:`MAX_BODY_BYTES`, 500 a fault of ours.

The routes refuse through :class:`RefusingRoute`, not through exception handlers of an app,
so an app that embeds :data:`wxpay_names.web.router` gets the same answers and the same cap
on bodies without configuring anything.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from .. import messages
from ..errors import ErrorCode, NameFormatError

log = logging.getLogger("wxpay_names.web")

# A request of this service is a few names and bank codes: 16 KiB is far above any honest one.
MAX_BODY_BYTES = 16 * 1024

# Codes of refusals that are about the request rather than the name (the name's own codes
# are ErrorCode's). Each has its English and Chinese sentence.
_REQUEST_CODES: dict[str, tuple[str, str]] = {
    "INVALID_REQUEST": (
        "The request does not have the shape this endpoint takes: see /openapi.json.",
        "请求的格式不符合该接口的要求：请参阅 /openapi.json。",
    ),
    "INVALID_JSON": (
        "The request body is not valid JSON.",
        "请求正文不是有效的 JSON。",
    ),
    "UNKNOWN_FIELD": (
        "The request has a field this endpoint does not take: send only the fields in /openapi.json.",
        "请求中有该接口不接受的字段：请只发送 /openapi.json 中列出的字段。",
    ),
    "REQUEST_TOO_LARGE": (
        f"The request body is larger than {MAX_BODY_BYTES} bytes.",
        f"请求正文超过 {MAX_BODY_BYTES} 字节。",
    ),
    "NOT_FOUND": ("There is nothing at this address.", "该地址不存在。"),
    "METHOD_NOT_ALLOWED": (
        "This address does not take this method.",
        "该地址不支持此请求方法。",
    ),
    "INTERNAL_ERROR": (
        "The service failed on this request; please report it.",
        "服务处理该请求时出错，请报告此问题。",
    ),
}
# pydantic's error types that have a code of the library.
_TYPE_CODES = {
    "string_too_long": ErrorCode.TOO_LONG.value,
    "too_long": ErrorCode.TOO_LONG.value,
    "extra_forbidden": "UNKNOWN_FIELD",
    "json_invalid": "INVALID_JSON",
}


class Refusal(BaseModel):
    """Why a request was refused, for a program (``code``, ``field``) and a person."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(description="Stable, machine-readable: an ErrorCode of the library or a request code.")
    message: str = Field(description="What is wrong and how to fix it, in English.")
    message_zh: str = Field(description="The same in Simplified Chinese.")
    field: str | None = Field(description="The request field at fault, or null.")


class RefusalAnswer(BaseModel):
    """The body of every error answer."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    detail: Refusal


class FieldError(Exception):
    """A ``NameFormatError`` raised while reading one request field, with that field's name."""

    def __init__(self, error: NameFormatError, field: str | None) -> None:
        super().__init__(error.code)
        self.error = error
        self.field = field


class BodyTooLarge(HTTPException):
    """The body passed :data:`MAX_BODY_BYTES`.

    An ``HTTPException`` so that FastAPI lets it through its body reading unchanged.
    """

    def __init__(self) -> None:
        super().__init__(413)


def request_refusal(code: str, field: str | None = None) -> Refusal:
    english, chinese = _REQUEST_CODES[code]
    return Refusal(code=code, message=english, message_zh=chinese, field=field)


def name_refusal(error: NameFormatError, field: str | None = None) -> Refusal:
    """The refusal for a library error: its code, its message, the Chinese wording of its code."""
    return Refusal(
        code=str(error.code),
        message=str(error),
        message_zh=messages.error_message(error, "zh"),
        field=field,
    )


def validation_refusal(errors: Sequence[Any]) -> Refusal:
    """The first of pydantic's *errors*, in the one shape (the client fixes one thing at a time)."""
    first = dict(errors[0]) if errors else {}
    location = [part for part in first.get("loc", ()) if part != "body"]
    field = ".".join(str(part) for part in location) or None
    if first.get("type") == "json_invalid":
        field = None  # the location is a character offset, not a field
    cause = first.get("ctx", {}).get("error")
    if isinstance(cause, NameFormatError):
        return name_refusal(cause, field)
    code = _TYPE_CODES.get(str(first.get("type")), "INVALID_REQUEST")
    if code == ErrorCode.TOO_LONG.value:
        english, chinese = messages.ERRORS[ErrorCode.TOO_LONG]
        return Refusal(code=code, message=english, message_zh=chinese, field=field)
    return request_refusal(code, field)


def status_of(error: NameFormatError) -> int:
    # An unknown bank is a missing resource (404); every other refusal is bad input (422).
    return 404 if error.code == ErrorCode.UNKNOWN_BANK else 422


def answer(status: int, refusal: Refusal) -> JSONResponse:
    # Logged by code and field only: the message may quote the name.
    log.info("refused status=%d code=%s field=%s", status, refusal.code, refusal.field or "-")
    return JSONResponse(RefusalAnswer(detail=refusal).model_dump(mode="json"), status_code=status)


class CappedRequest(Request):
    """A request whose body is read at most :data:`MAX_BODY_BYTES` far.

    The declared length is checked first; the bytes that arrive are counted too, since a
    client may send no length (chunked) or a false one.
    """

    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            declared = self.headers.get("content-length")
            if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
                raise BodyTooLarge
            chunks: list[bytes] = []
            size = 0
            async for chunk in self.stream():
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    raise BodyTooLarge
                chunks.append(chunk)
            self._body = b"".join(chunks)
        return self._body


class RefusingRoute(APIRoute):
    """A route that caps the body and answers every refusal in the one shape.

    No stack trace and no input text leaves the service: a fault of ours is a 500 with
    ``INTERNAL_ERROR``, and the log names only the type of the exception.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def refusing(request: Request) -> Response:
            try:
                return await handle(CappedRequest(request.scope, request.receive))
            except BodyTooLarge:
                return answer(413, request_refusal("REQUEST_TOO_LARGE"))
            except RequestValidationError as error:
                return answer(422, validation_refusal(error.errors()))
            except FieldError as error:
                return answer(status_of(error.error), name_refusal(error.error, error.field))
            except NameFormatError as error:
                return answer(status_of(error), name_refusal(error))
            except HTTPException:
                raise
            except Exception as error:
                log.error("internal error on %s: %s", request.url.path, type(error).__name__)
                return answer(500, request_refusal("INTERNAL_ERROR"))

        return refusing
