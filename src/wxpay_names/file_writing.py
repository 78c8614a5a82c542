"""The last step of writing a file whole: a temporary file beside it put in its place.

``batch`` and ``Observations.write_csv`` write into a temporary file beside the target (so
an interrupted run leaves the target untouched) and rename it over the target when done.
"""

from __future__ import annotations

import os
from pathlib import Path


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
