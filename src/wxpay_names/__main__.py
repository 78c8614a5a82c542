# PYTHON_ARGCOMPLETE_OK
"""``python -m wxpay_names``: the command-line checker.

The marker above tells argcomplete's shell hook that ``wxpay-names`` (whose entry point is
:func:`main` here) completes its own arguments: see "Shell completion" in docs/cli.md.
"""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
