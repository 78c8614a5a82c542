"""MkDocs hook: a page written in Chinese (``NAME.zh.md``) is served as ``<html lang="zh">``.

The theme writes the site's one language (``en``) on every page. Screen readers, fonts and
search engines read the ``lang`` attribute, so the Chinese pages say what they are. Only
this hook is needed: no plugin, nothing to install (mkdocs.yml: ``hooks``).
"""

from __future__ import annotations

import re
from typing import Any

_HTML_TAG = re.compile(r'<html\b([^>]*?)\blang="[^"]*"')
_LANGUAGES = {".zh.md": "zh"}


def page_language(source_path: str) -> str | None:
    """The language a page's file name declares (``card-refused.zh.md`` → ``zh``), or None."""
    for suffix, language in _LANGUAGES.items():
        if source_path.endswith(suffix):
            return language
    return None


def on_post_page(output: str, page: Any, config: Any) -> str:
    language = page_language(page.file.src_path)
    if language is None:
        return output
    return _HTML_TAG.sub(lambda tag: f'<html{tag.group(1)}lang="{language}"', output, count=1)
