"""One shape for every refusal the service gives, and the route class that gives it.

Every error answer is ``{"detail": {"code", "message", "message_zh", "field"}}``: ``code``
is stable and meant for programs, ``message`` (English) and ``message_zh`` (Simplified
Chinese) are meant for people, ``field`` names the request field at fault (``None`` when
no one field is). The status says what kind of refusal it is: 422 bad input (a body that
cannot be read as JSON included), 404 an unknown bank or path, 405 a method the path does not
take, 413 a body over :data:`MAX_BODY_BYTES`, 500 a fault of ours.

The routes refuse through :class:`RefusingRoute`, not through exception handlers of an app,
so an app that embeds :data:`wxpay_names.web.router` gets the same answers and the same cap
on bodies without configuring anything.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from ..errors import ErrorCode, NameFormatError, error_detail
from ..front_wording import reworded_advice

log = logging.getLogger("wxpay_names.web")

# A request of this service is a few names and bank codes: 16 KiB is far above any honest one.
MAX_BODY_BYTES = 16 * 1024
# How much of a body over the cap is read (and dropped) so that its sender can read the 413.
DRAIN_BYTES = 2 * 1024 * 1024

# Refusals that are about the transport rather than the request's content, each with its
# English and Chinese sentence. Everything else is the library's one shape (``error_detail``).
_SERVICE_CODES: dict[str, tuple[str, str]] = {
    "REQUEST_TOO_LARGE": (
        f"The request body is larger than {MAX_BODY_BYTES} bytes.",
        f"请求正文超过 {MAX_BODY_BYTES} 字节。",
    ),
    "BAD_REQUEST": ("The request cannot be read.", "无法读取该请求。"),
    "NOT_FOUND": ("There is nothing at this address.", "该地址不存在。"),
    "METHOD_NOT_ALLOWED": ("This address does not take this method.", "该地址不支持此请求方法。"),
    "INTERNAL_ERROR": (
        "The service failed on this request; please report it.",
        "服务处理该请求时出错，请报告此问题。",
    ),
}


class Refusal(BaseModel):
    """Why a request was refused, for a program (``code``, ``field``) and a person."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(
        description="Stable, machine-readable: an ErrorCode of the library, or REQUEST_TOO_LARGE, "
        "BAD_REQUEST, NOT_FOUND, METHOD_NOT_ALLOWED, INTERNAL_ERROR."
    )
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


def service_refusal(code: str) -> Refusal:
    english, chinese = _SERVICE_CODES[code]
    return Refusal(code=code, message=english, message_zh=chinese, field=None)


def name_refusal(error: NameFormatError, field: str | None = None) -> Refusal:
    """The library's refusal in the one shape, *field* naming where it came from when given.

    The library's advice to call a Python function (``from_chinese()``) is put as the request's
    fields give a name (``in the chinese field``): an app in any language, and the page, read it.
    """
    detail = error_detail(error)
    detail["field"] = field or detail["field"]
    if error.code != ErrorCode.UNKNOWN_BANK:  # a bank typed as banks(x) is no Python advice
        detail["message"] = reworded_advice(detail["message"], detail["code"], "fields", fallback=False)
    return Refusal(**detail)


def validation_refusal(error: RequestValidationError) -> Refusal:
    """FastAPI's refusal of a body (pydantic's errors) in the one shape; the first error only."""
    errors = error.errors()
    if errors and errors[0].get("type") == "json_invalid":
        # Its location is a character offset, not a field.
        return Refusal(
            code=ErrorCode.INVALID_REQUEST.value,
            message="The request body is not valid JSON.",
            message_zh="请求正文不是有效的 JSON。",
            field=None,
        )
    if errors and tuple(errors[0].get("loc", ())) == ("body",):
        # No JSON object to read fields from: no body, a body of another type, or JSON sent
        # without its content type (fetch() sends text/plain unless told), which is not read.
        return Refusal(
            code=ErrorCode.INVALID_REQUEST.value,
            message="The request body must be a JSON object, sent with Content-Type: application/json.",
            message_zh="请求正文必须是 JSON 对象，并以 Content-Type: application/json 发送。",
            field=None,
        )
    cause = (errors[0].get("ctx") or {}).get("error") if errors else None
    if isinstance(cause, NameFormatError):
        return name_refusal(cause, error_detail(error)["field"])
    return Refusal(**error_detail(error))


def status_of(error: NameFormatError) -> int:
    # An unknown bank is a missing resource (404); every other refusal is bad input (422).
    return 404 if error.code == ErrorCode.UNKNOWN_BANK else 422


def answer(status: int, refusal: Refusal) -> JSONResponse:
    # Logged by code and field only: the message may quote the name.
    log.info("refused status=%d code=%s field=%s", status, refusal.code, refusal.field or "-")
    return JSONResponse(RefusalAnswer(detail=refusal).model_dump(mode="json"), status_code=status)


class CappedRequest(Request):
    """A request whose body is kept at most :data:`MAX_BODY_BYTES` long.

    The declared length is checked first; the bytes that arrive are counted too, since a
    client may send no length (chunked) or a false one. A body over the cap is read on and
    thrown away, up to :data:`DRAIN_BYTES`, before the refusal: a client that is still
    sending when the server answers and closes gets a reset instead of its 413. A declared
    length beyond :data:`DRAIN_BYTES` is refused before reading anything: it would never be
    drained whole, and a client that declares it and stops sending would hold the connection.
    """

    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            declared = self.headers.get("content-length")
            length = (
                int(declared)
                if declared is not None and declared.isascii() and declared.isdigit() and len(declared) <= 9
                else None
            )
            if declared is not None and (length is None or length > DRAIN_BYTES):
                raise BodyTooLarge  # no length, or more than would ever be drained: not waited for
            over = length is not None and length > MAX_BODY_BYTES
            kept: list[bytes] = []
            size = 0
            async for chunk in self.stream():
                size += len(chunk)
                over = over or size > MAX_BODY_BYTES
                if not over:
                    kept.append(chunk)
                elif size >= DRAIN_BYTES:
                    break
            if over:
                raise BodyTooLarge
            self._body = b"".join(kept)
        return self._body

    async def json(self) -> Any:
        """The body read as JSON; whatever cannot be read so is a ``JSONDecodeError``.

        FastAPI answers a ``JSONDecodeError`` with its validation error (then 422
        ``INVALID_REQUEST``) but any other error of the parser, bytes that are not UTF-8 or
        arrays nested thousands deep, with a bare 400 of its own, outside the one shape.
        """
        if not hasattr(self, "_json"):
            body = await self.body()
            try:
                # Decoded here: json.loads would take UTF-16 and UTF-32 bytes too, and the
                # service reads UTF-8 only (a byte-order mark before it is let pass).
                self._json = json.loads(body.decode("utf-8-sig"))
            except json.JSONDecodeError:
                raise
            except (ValueError, RecursionError):  # not UTF-8, too deep, an integer too long
                # Neither the text nor the place is kept: the message may not quote the input.
                raise json.JSONDecodeError("the body cannot be read as JSON", "", 0) from None
        return self._json


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
                return answer(413, service_refusal("REQUEST_TOO_LARGE"))
            except RequestValidationError as error:
                return answer(422, validation_refusal(error))
            except FieldError as error:
                return answer(status_of(error.error), name_refusal(error.error, error.field))
            except NameFormatError as error:
                return answer(status_of(error), name_refusal(error))
            except HTTPException:
                raise
            except Exception as error:
                log.error("internal error on %s: %s", request.url.path, type(error).__name__)
                return answer(500, service_refusal("INTERNAL_ERROR"))

        return refusing
