"""Read-only access to a built content database; returns domain objects, never ORM rows."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from pathlib import Path

from sqlalchemy import Engine, create_engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from nexus_desktop.content.fingerprint import BUILD_FORMAT
from nexus_desktop.content.models import (
    ActorRow,
    EntryLinkRow,
    EntryRow,
    MetaRow,
    PassageRow,
    SourceRow,
)
from nexus_desktop.domain.content import (
    Actor,
    Entry,
    EntryKind,
    EntrySummary,
    PackInfo,
    Passage,
    PassageKind,
    Provenance,
    Source,
)
from nexus_desktop.domain.errors import ContentDatabaseError, UnknownEntryError


def read_build_meta(path: Path) -> dict[str, str]:
    """The meta table of a content database, or {} if the file is missing or unreadable.

    Uses the stdlib driver: this runs at every start to decide whether a rebuild is needed, and
    must not pay for importing the ORM.
    """
    if not path.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return dict(conn.execute("SELECT key, value FROM meta").fetchall())
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


def _loads(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text or "[]"))


class ContentRepository:
    """Queries over one content database, opened read-only. Thread-safe: a session per call."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise ContentDatabaseError(f"content database not found: {path}")
        self.path = path
        self._engine: Engine = create_engine(
            f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true",
            connect_args={"check_same_thread": False},
        )
        try:
            meta = self._meta()
        except SQLAlchemyError as exc:
            self._engine.dispose()
            raise ContentDatabaseError(f"content database is damaged: {path} ({exc})") from exc
        if meta.get("build_format") != str(BUILD_FORMAT):
            self._engine.dispose()
            raise ContentDatabaseError(f"content database has an unknown format: {path}")
        self.info = PackInfo(
            id=meta.get("pack_id", ""),
            title=meta.get("pack_title", ""),
            version=meta.get("content_version", ""),
            language=meta.get("language", ""),
            description=meta.get("description", ""),
            content_hash=meta.get("content_hash", ""),
        )

    def close(self) -> None:
        self._engine.dispose()

    def _meta(self) -> dict[str, str]:
        with Session(self._engine) as s:
            return {row.key: row.value for row in s.scalars(select(MetaRow))}

    @staticmethod
    def _summary(row: EntryRow) -> EntrySummary:
        return EntrySummary(
            id=row.id,
            kind=EntryKind(row.kind),
            title=row.title,
            parent=row.parent_id,
            order=row.sort_order,
            area=row.area_id,
            summary=row.summary,
            toolkit_count=row.toolkit_count,
        )

    def summaries(self, kind: EntryKind | None = None) -> list[EntrySummary]:
        """Every entry (or every entry of `kind`), by parent then order then id."""
        stmt = select(EntryRow).order_by(EntryRow.parent_id, EntryRow.sort_order, EntryRow.id)
        if kind is not None:
            stmt = stmt.where(EntryRow.kind == kind.value)
        with Session(self._engine) as s:
            return [self._summary(row) for row in s.scalars(stmt)]

    def has_entry(self, entry_id: str) -> bool:
        with Session(self._engine) as s:
            return s.get(EntryRow, entry_id) is not None

    def entry(self, entry_id: str) -> Entry:
        with Session(self._engine) as s:
            return self._entries(s, [entry_id])[0]

    def entries(self, entry_ids: list[str] | None = None) -> list[Entry]:
        """Whole entries: the listed ones in that order, or all of them sorted by id."""
        with Session(self._engine) as s:
            if entry_ids is None:
                entry_ids = list(s.scalars(select(EntryRow.id).order_by(EntryRow.id)))
            return self._entries(s, entry_ids)

    def _entries(self, s: Session, entry_ids: list[str]) -> list[Entry]:
        rows = {r.id: r for r in s.scalars(select(EntryRow).where(EntryRow.id.in_(entry_ids)))}
        for entry_id in entry_ids:
            if entry_id not in rows:
                raise UnknownEntryError(entry_id)
        passages: dict[str, list[PassageRow]] = defaultdict(list)
        stmt = (
            select(PassageRow)
            .where(PassageRow.entry_id.in_(entry_ids))
            .order_by(PassageRow.entry_id, PassageRow.sort_order)
        )
        for p in s.scalars(stmt):
            passages[p.entry_id].append(p)
        links: dict[tuple[str, str], list[str]] = defaultdict(list)
        lstmt = (
            select(EntryLinkRow)
            .where(EntryLinkRow.entry_id.in_(entry_ids))
            .order_by(EntryLinkRow.entry_id, EntryLinkRow.relation, EntryLinkRow.sort_order)
        )
        for link in s.scalars(lstmt):
            links[(link.entry_id, link.relation)].append(link.target_id)
        out: list[Entry] = []
        for entry_id in entry_ids:
            row = rows[entry_id]
            parts = [
                Passage(
                    id=p.id,
                    kind=PassageKind(p.kind),
                    text=p.text,
                    provenance=Provenance(p.provenance),
                    sources=_loads(p.sources_json),
                )
                for p in passages[entry_id]
            ]
            out.append(
                Entry(
                    id=row.id,
                    kind=EntryKind(row.kind),
                    title=row.title,
                    title_provenance=Provenance(row.title_provenance),
                    parent=row.parent_id,
                    order=row.sort_order,
                    area=row.area_id,
                    summary=row.summary,
                    toolkit_count=row.toolkit_count,
                    paragraphs=tuple(p for p in parts if p.kind is PassageKind.PARAGRAPH),
                    steps=tuple(p for p in parts if p.kind is PassageKind.STEP),
                    actors=tuple(links[(entry_id, "actor")]),
                    instruments=tuple(links[(entry_id, "instrument")]),
                    related=tuple(links[(entry_id, "related")]),
                    sources=_loads(row.sources_json),
                    aliases=_loads(row.aliases_json),
                )
            )
        return out

    def backlinks(self, entry_id: str) -> list[EntrySummary]:
        """Entries that link to `entry_id` as an instrument or a related entry."""
        stmt = (
            select(EntryRow)
            .join(EntryLinkRow, EntryLinkRow.entry_id == EntryRow.id)
            .where(EntryLinkRow.target_id == entry_id, EntryLinkRow.relation != "actor")
            .order_by(EntryRow.area_id, EntryRow.sort_order, EntryRow.id)
            .distinct()
        )
        with Session(self._engine) as s:
            return [self._summary(row) for row in s.scalars(stmt)]

    def actors(self) -> list[Actor]:
        with Session(self._engine) as s:
            rows = s.scalars(select(ActorRow).order_by(ActorRow.sort_order))
            return [Actor(r.id, r.label) for r in rows]

    def sources(self) -> list[Source]:
        with Session(self._engine) as s:
            rows = s.scalars(select(SourceRow).order_by(SourceRow.sort_order))
            return [Source(r.id, r.title, _loads(r.addresses_json), r.note) for r in rows]
