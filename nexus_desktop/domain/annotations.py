"""The user's own data as the rest of the app sees it: notes, highlights, tags, bookmarks, packs.

Anchors follow the W3C Web Annotation model: a highlight is placed by (entry id, passage id), a
TextQuoteSelector (exact text with some prefix and suffix) and a TextPositionSelector (character
offsets in the passage's plain text, links shown as their labels).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class HighlightColor(StrEnum):
    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"
    PINK = "pink"
    ORANGE = "orange"


class AnchorStatus(StrEnum):
    """How an annotation sits on the current content."""

    ANCHORED = "anchored"  # placed where it was made
    REANCHORED = "reanchored"  # the text moved; placed again by its quote, with confidence
    ORPHANED = "orphaned"  # could not be placed with confidence; kept for review, never dropped


@dataclass(frozen=True, slots=True)
class TextAnchor:
    """Where a highlight sits: passage, quote (exact/prefix/suffix) and offsets in the passage."""

    entry_id: str
    passage_id: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    entry_id: str
    text: str
    created: datetime
    updated: datetime


@dataclass(frozen=True, slots=True)
class Highlight:
    id: str
    anchor: TextAnchor
    color: HighlightColor
    comment: str
    created: datetime
    updated: datetime
    status: AnchorStatus = AnchorStatus.ANCHORED


@dataclass(frozen=True, slots=True)
class Bookmark:
    entry_id: str
    created: datetime


@dataclass(frozen=True, slots=True)
class EntryTag:
    entry_id: str
    tag: str
    created: datetime


@dataclass(frozen=True, slots=True)
class BriefingPack:
    """A named, ordered selection of entries to export, with an optional cover note."""

    id: str
    name: str
    cover_note: str
    entry_ids: tuple[str, ...]
    created: datetime
    updated: datetime
