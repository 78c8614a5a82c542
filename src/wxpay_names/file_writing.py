"""Writing a file whole or not at all: a temporary file beside it, put in its place at the end.

``batch`` (its output) and ``Observations.write_csv`` (the counts ``learn`` merges) write
through :func:`written_whole`: an exception, Ctrl-C or SIGTERM while writing removes the
temporary file, so an interrupted run leaves the target as it was and no stray file beside
it. Each caller checks its own path first and words its own refusals.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import TextIO

_INTERRUPTS = frozenset({signal.SIGINT, signal.SIGTERM})


@contextlib.contextmanager
def written_whole(target: Path, errors: str, refused: Callable[[OSError], Exception]) -> Iterator[TextIO]:
    """A UTF-8 text stream on a temporary file beside *target* (*errors*: the encoding's error
    handler), put in *target*'s place when the block ends normally and removed otherwise.

    A temporary file that cannot be made raises ``refused(error)``; an ``OSError`` while
    writing or renaming propagates, the temporary file removed.
    """
    # SIGTERM is turned into an interrupt before the temporary file exists, so it never outlives us.
    with _sigterm_as_interrupt():
        # An interrupt between the file's creation and the ``try`` that removes it would leave
        # it behind: Ctrl-C and SIGTERM wait until the ``try`` is entered.
        held = _hold_interrupts()
        try:
            descriptor, temporary = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".part"
            )
        except OSError as error:
            _release_interrupts(held)
            raise refused(error) from None
        try:
            _release_interrupts(held)
            with os.fdopen(descriptor, "w", encoding="utf-8", errors=errors, newline="") as stream:
                yield stream
            put_in_place(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def put_in_place(temporary: str, target: Path) -> None:
    """Rename *temporary* over *target*, with the mode a file created there would have had:
    ``tempfile.mkstemp`` makes it readable by its owner only (0o600)."""
    os.chmod(temporary, 0o666 & ~_umask())
    os.replace(temporary, target)


def _umask() -> int:
    # The umask can only be read by setting it; put it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _hold_interrupts() -> set[int | signal.Signals] | None:
    """Block Ctrl-C and SIGTERM (delivered on release); None where the platform cannot."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _INTERRUPTS)


def _release_interrupts(held: set[int | signal.Signals] | None) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """While writing a file, let SIGTERM unwind like Ctrl-C so the temporary file is removed."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: signals cannot be handled here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
