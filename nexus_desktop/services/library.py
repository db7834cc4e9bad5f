"""The Library: the content and its search, as one service the CLI and the GUI share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nexus_desktop.content.repository import ContentRepository
from nexus_desktop.domain.content import (
    Actor,
    Entry,
    EntryKind,
    EntrySummary,
    PackInfo,
    Source,
)
from nexus_desktop.domain.errors import UnknownEntryError
from nexus_desktop.domain.search import SearchIndex, SearchQuery, SearchResults
from nexus_desktop.search.content_index import WhooshContentIndex
from nexus_desktop.services.content_build import ContentLocation


@dataclass(frozen=True, slots=True)
class TreeNode:
    """A node of the navigation tree: an entry and its children in display order."""

    entry: EntrySummary
    children: tuple[TreeNode, ...] = ()


#: Top-level order of the navigation tree; anything else follows by title.
TOP_ORDER = ("conceptual-outline", "good-practices", "knowledge-gaps", "about-toolkit")


class Library:
    """Read-only access to one built content pack: entries, tree, actors, sources and search."""

    def __init__(self, repository: ContentRepository, index: SearchIndex) -> None:
        self.repository = repository
        self.index = index
        self._summaries: dict[str, EntrySummary] | None = None

    @classmethod
    def open(cls, location: ContentLocation) -> Library:
        repository = ContentRepository(location.db_path)
        try:
            index = WhooshContentIndex(location.index_path)
        except Exception:
            repository.close()
            raise
        return cls(repository, index)

    def close(self) -> None:
        self.index.close()
        self.repository.close()

    @property
    def info(self) -> PackInfo:
        return self.repository.info

    def summaries(self, kind: EntryKind | None = None) -> list[EntrySummary]:
        return self.repository.summaries(kind)

    def summary(self, entry_id: str) -> EntrySummary:
        if self._summaries is None:
            self._summaries = {s.id: s for s in self.repository.summaries()}
        try:
            return self._summaries[entry_id]
        except KeyError:
            raise UnknownEntryError(entry_id) from None

    def entry(self, entry_id: str) -> Entry:
        return self.repository.entry(entry_id)

    def entries(self, entry_ids: Iterable[str]) -> list[Entry]:
        return self.repository.entries(list(entry_ids))

    def backlinks(self, entry_id: str) -> list[EntrySummary]:
        return self.repository.backlinks(entry_id)

    def actors(self) -> list[Actor]:
        return self.repository.actors()

    def sources(self) -> list[Source]:
        return self.repository.sources()

    def tree(self) -> tuple[TreeNode, ...]:
        """Every entry under its parent; roots in toolkit order (parts, then about, then others)."""
        summaries = self.repository.summaries()
        children: dict[str | None, list[EntrySummary]] = {}
        ids = {s.id for s in summaries}
        for s in summaries:
            parent = s.parent if s.parent in ids else None
            children.setdefault(parent, []).append(s)

        def node(s: EntrySummary) -> TreeNode:
            kids = sorted(children.get(s.id, []), key=lambda c: (c.order, c.title.casefold()))
            return TreeNode(s, tuple(node(k) for k in kids))

        def root_key(s: EntrySummary) -> tuple[int, int, str]:
            rank = TOP_ORDER.index(s.id) if s.id in TOP_ORDER else len(TOP_ORDER)
            return (rank, s.order, s.title.casefold())

        return tuple(node(s) for s in sorted(children.get(None, []), key=root_key))

    def search(self, query: SearchQuery) -> SearchResults:
        return self.index.search(query)
