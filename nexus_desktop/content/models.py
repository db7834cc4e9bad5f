"""SQLAlchemy 2 typed models of the read-only content database."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class ContentBase(DeclarativeBase):
    """Declarative base of the content database only (the user database has its own)."""


class MetaRow(ContentBase):
    """Key/value facts about the build: pack id, content version, content hash, sources digest."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class EntryRow(ContentBase):
    __tablename__ = "entries"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    kind: Mapped[str] = mapped_column(String, index=True)
    title: Mapped[str] = mapped_column(Text)
    title_provenance: Mapped[str] = mapped_column(String)
    parent_id: Mapped[str | None] = mapped_column(String, index=True)
    sort_order: Mapped[int] = mapped_column(Integer)
    area_id: Mapped[str | None] = mapped_column(String, index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    toolkit_count: Mapped[int | None] = mapped_column(Integer)
    #: JSON arrays: small lists read with the entry, never queried on their own
    sources_json: Mapped[str] = mapped_column(Text, default="[]")
    aliases_json: Mapped[str] = mapped_column(Text, default="[]")


class PassageRow(ContentBase):
    __tablename__ = "passages"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("entries.id"))
    kind: Mapped[str] = mapped_column(String)
    sort_order: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    provenance: Mapped[str] = mapped_column(String)
    sources_json: Mapped[str] = mapped_column(Text, default="[]")
    __table_args__ = (Index("ix_passages_entry", "entry_id", "kind", "sort_order"),)


class EntryLinkRow(ContentBase):
    """A typed link from an entry: to an actor, an instrument or a related entry."""

    __tablename__ = "entry_links"
    entry_id: Mapped[str] = mapped_column(ForeignKey("entries.id"), primary_key=True)
    relation: Mapped[str] = mapped_column(String, primary_key=True)  # actor|instrument|related
    target_id: Mapped[str] = mapped_column(String, primary_key=True)
    sort_order: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_entry_links_target", "relation", "target_id"),)


class ActorRow(ContentBase):
    __tablename__ = "actors"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer)


class SourceRow(ContentBase):
    __tablename__ = "sources"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    addresses_json: Mapped[str] = mapped_column(Text, default="[]")
    note: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer)
