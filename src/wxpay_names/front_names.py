"""Reading a passport name the way the command line, the batch file and the web service give it.

Each takes the name as separate fields, an MRZ, Chinese characters, or free text; this
module turns each into a ``PassportName`` and every refusal into a ``NameFormatError``
(the model's own ``ValidationError`` included), so a caller has one error to catch.
"""

from __future__ import annotations

from typing import Literal

from .inputs.chinese import from_chinese
from .inputs.mrz import parse_mrz
from .inputs.text import parse_name
from .models import PassportName, build_name

NameKind = Literal["fields", "mrz", "chinese", "text"]


def name_from_fields(surname: str, given_names: str) -> PassportName:
    """``PassportName(surname=..., given_names=...)``, refusing with a ``NameFormatError``."""
    return build_name(surname, given_names)


def read_name(kind: NameKind, text: str, given_names: str = "") -> PassportName:
    """The name *text* holds, read as *kind* says (``fields`` takes the surname as *text*)."""
    if kind == "fields":
        return name_from_fields(text, given_names)
    if kind == "mrz":
        return parse_mrz(text)
    if kind == "chinese":
        return from_chinese(text)
    return parse_name(text)
