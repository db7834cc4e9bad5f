"""Snippets: a window of a passage around its first match, with the matched words as spans."""

from __future__ import annotations

from collections.abc import Iterable

from nexus_desktop.domain.search import Snippet
from nexus_desktop.search.analysis import spans_for

SNIPPET_CHARS = 220
LEAD_CHARS = 60
ELLIPSIS = "…"


def make_snippet(text: str, keys: Iterable[str], width: int = SNIPPET_CHARS) -> Snippet:
    """The part of `text` that best shows the match (the whole text when short)."""
    spans = spans_for(text, keys)
    if len(text) <= width:
        return Snippet(text, spans)
    # Start a little before the first match, on a word boundary.
    first = spans[0][0] if spans else 0
    start = max(0, first - LEAD_CHARS)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return Snippet(prefix + text[start:end] + suffix, inside)
