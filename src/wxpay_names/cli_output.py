"""Where the command line writes, and what it says when the machine will not take it.

Everything a command prints goes through :func:`write_text` (results) or :func:`write_error`
(the one-line reasons), so that two things of the operating system are handled once:

- **A console that cannot show a character** (``PYTHONIOENCODING=ascii``, an old Windows
  code page): text is written with ``?`` in its place, and JSON with ``\\u`` escapes, so
  it stays whole and valid; the command exits as usual.
- **Output that cannot be written**: a full disk (``ENOSPC``, ``/dev/full``), a file over
  ``ulimit -f`` (``EFBIG``: :func:`prepare_streams` ignores ``SIGXFSZ``, which would
  otherwise kill the process), a folder given as ``-o``. Those are the machine's errors, not
  the library's: :func:`write_failure` says in one line what could not be written and why,
  and the command exits 2.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import sys
from typing import Any

# A character every output in Chinese holds: a stream that cannot encode it gets escapes.
_PROBE = "中"


def prepare_streams() -> None:
    """Set the process up for writing: replacement on unencodable output, no death by SIGXFSZ.

    Standard output replaces what its encoding cannot hold (``?``) instead of raising
    ``UnicodeEncodeError``; standard error already escapes it. A write over ``ulimit -f``
    raises ``OSError`` (``EFBIG``) instead of the signal's default, ending the process
    without a word.
    """
    if hasattr(signal, "SIGXFSZ"):
        with contextlib.suppress(ValueError):  # not the main thread: signals are not ours to set
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and getattr(sys.stdout, "errors", "strict") == "strict":
        with contextlib.suppress(ValueError, OSError):  # a stream already closed, or not text
            reconfigure(errors="replace")


def can_encode(text: str, stream: Any = None) -> bool:
    """Whether *stream* (standard output by default) can write *text* as it is."""
    encoding = getattr(stream or sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def write_text(text: str) -> None:
    """Write *text* and a line break to standard output."""
    sys.stdout.write(text + "\n")


def write_json(document: dict[str, Any]) -> None:
    """Write *document* as indented JSON; with ``\\u`` escapes when the console cannot show Chinese."""
    write_text(json.dumps(document, ensure_ascii=not can_encode(_PROBE), indent=2))


def write_error(line: str) -> None:
    """Write one line to standard error; nothing more can be done when even that fails."""
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr, flush=True)


def finish_output() -> None:
    """Flush standard output now, so a full disk is an ``OSError`` here and not at exit."""
    sys.stdout.flush()


def abandon_stdout() -> None:
    """Send what is left in standard output's buffer, and all later output, to the null device.

    After a write to standard output failed, the data still buffered would fail again when
    Python flushes at exit ("Exception ignored", exit code 120).
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def write_failure(error: OSError, target: str) -> str:
    """One line saying what could not be written and why: ``cannot write OUT.csv: No space left on device``.

    >>> import errno
    >>> write_failure(OSError(errno.ENOSPC, "No space left on device"), "out.csv")
    'cannot write out.csv: No space left on device.'
    >>> write_failure(OSError(errno.EFBIG, "File too large"), "standard output")
    'cannot write standard output: File too large (the size limit of ulimit -f?).'
    """
    reason = error.strerror or str(error) or type(error).__name__
    if error.errno == errno.EFBIG:
        reason += " (the size limit of ulimit -f?)"
    where = error.filename if isinstance(error.filename, str) else target
    return f"cannot write {where}: {reason}."
