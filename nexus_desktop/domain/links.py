"""Inline link markup in content text: ``[label](entry-id)`` or ``[label](entry-id#paragraph-id)``."""

from __future__ import annotations

import re
from dataclasses import dataclass

LINK_RE = re.compile(
    r"\[(?P<label>[^\[\]\n]+)\]\((?P<target>[a-z0-9-]+)(?:#(?P<anchor>[a-z0-9-]+))?\)"
)


@dataclass(frozen=True, slots=True)
class InlineLink:
    label: str
    entry_id: str
    anchor: str | None
    start: int
    end: int


def find_links(text: str) -> list[InlineLink]:
    """Every inline link in `text`, in order, with its span in the marked-up text."""
    return [
        InlineLink(m["label"], m["target"], m["anchor"], m.start(), m.end())
        for m in LINK_RE.finditer(text)
    ]


def plain_text(text: str) -> str:
    """The text as read: each link replaced by its label (what search indexes and exports print)."""
    return LINK_RE.sub(lambda m: m["label"], text)
