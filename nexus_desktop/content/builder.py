"""Writes a validated ContentPack to a content database file, atomically and deterministically."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from nexus_desktop.content.fingerprint import BUILD_FORMAT
from nexus_desktop.content.models import (
    ActorRow,
    ContentBase,
    EntryLinkRow,
    EntryRow,
    MetaRow,
    PassageRow,
    SourceRow,
)
from nexus_desktop.domain.content import ContentPack


def _dump(items: tuple[str, ...]) -> str:
    return json.dumps(list(items), ensure_ascii=False)


def write_content_db(pack: ContentPack, target: Path, *, sources_digest: str = "") -> None:
    """Write `pack` to `target` via a temporary file and a rename, so readers never see half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".content-", suffix=".sqlite", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        engine = create_engine(f"sqlite:///{tmp}")
        try:
            ContentBase.metadata.create_all(engine)
            with Session(engine) as session, session.begin():
                _fill(session, pack, sources_digest)
        finally:
            engine.dispose()
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _fill(session: Session, pack: ContentPack, sources_digest: str) -> None:
    info = pack.info
    meta = {
        "build_format": str(BUILD_FORMAT),
        "pack_id": info.id,
        "pack_title": info.title,
        "content_version": info.version,
        "language": info.language,
        "description": info.description,
        "content_hash": info.content_hash,
        "sources_digest": sources_digest,
    }
    session.add_all(MetaRow(key=k, value=v) for k, v in sorted(meta.items()))
    for index, actor in enumerate(pack.actors):
        session.add(ActorRow(id=actor.id, label=actor.label, sort_order=index))
    for index, source in enumerate(pack.sources):
        session.add(
            SourceRow(
                id=source.id,
                title=source.title,
                addresses_json=_dump(source.addresses),
                note=source.note,
                sort_order=index,
            )
        )
    for entry in sorted(pack.entries, key=lambda e: e.id):
        session.add(
            EntryRow(
                id=entry.id,
                kind=entry.kind.value,
                title=entry.title,
                title_provenance=entry.title_provenance.value,
                parent_id=entry.parent,
                sort_order=entry.order,
                area_id=entry.area,
                summary=entry.summary,
                toolkit_count=entry.toolkit_count,
                sources_json=_dump(entry.sources),
                aliases_json=_dump(entry.aliases),
            )
        )
        for index, passage in enumerate(entry.passages):
            session.add(
                PassageRow(
                    id=passage.id,
                    entry_id=entry.id,
                    kind=passage.kind.value,
                    sort_order=index,
                    text=passage.text,
                    provenance=passage.provenance.value,
                    sources_json=_dump(passage.sources),
                )
            )
        links = [("actor", entry.actors), ("instrument", entry.instruments)]
        links.append(("related", entry.related))
        for relation, targets in links:
            for index, target_id in enumerate(dict.fromkeys(targets)):
                session.add(
                    EntryLinkRow(
                        entry_id=entry.id, relation=relation, target_id=target_id, sort_order=index
                    )
                )
