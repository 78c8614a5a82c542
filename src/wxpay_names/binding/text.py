"""The one type check of the pre-flight calls: content is never refused, a non-``str`` is."""

from __future__ import annotations

from ..errors import InvalidArgumentError


def require_text(value: object, what: str) -> None:
    """Raise ``InvalidArgumentError`` unless *value* is a ``str``; *what* names it ("A card number")."""
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{what} is a str, not {type(value).__name__}.")
