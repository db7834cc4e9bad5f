"""Export use case: joins the Library (content), the user's annotations (when asked for) and the
export package (document model, renderers, safe writes).

The annotations side is reached through the small `AnnotationSource` protocol, so export never
depends on how the user database is built; `user_data_annotations()` adapts the user-data service.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Protocol

from nexus_desktop import __version__
from nexus_desktop.domain.annotations import Highlight, Note
from nexus_desktop.domain.content import EntryKind
from nexus_desktop.domain.errors import UnknownEntryError
from nexus_desktop.export.builder import (
    ContentLookup,
    EntryAnnotationSet,
    build_document,
    build_section,
)
from nexus_desktop.export.document import ExportDocument, ExportOptions
from nexus_desktop.export.errors import AnnotationsUnavailableError, EmptySelectionError
from nexus_desktop.export.formats import ExportFormat, Renderer, renderer_for
from nexus_desktop.export.progress import ExportMonitor
from nexus_desktop.export.writing import check_target, write_atomically
from nexus_desktop.services.library import Library

#: where an entry sits is told by its ancestors of these kinds (the root "part" says little)
_CONTEXT_KINDS = (EntryKind.PART, EntryKind.SECTION, EntryKind.AREA)


class AnnotationSource(Protocol):
    """The user's notes and highlights on one entry (what an export with notes needs)."""

    def notes_for(self, entry_id: str) -> Sequence[Note]: ...

    def highlights_for(self, entry_id: str) -> Sequence[Highlight]: ...


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    format: ExportFormat
    size: int
    sections: int
    seconds: float


def _now() -> datetime:
    return datetime.now().astimezone()


class ExportService:
    """Builds the export document for a selection and writes it in any format, safely."""

    def __init__(
        self,
        library: Library,
        annotations: AnnotationSource | None = None,
        *,
        app_version: str = __version__,
        clock: Callable[[], datetime] = _now,
        renderers: Callable[[ExportFormat], Renderer] = renderer_for,
    ) -> None:
        self._library = library
        self._annotations = annotations
        self._app_version = app_version
        self._clock = clock
        self._renderers = renderers

    @property
    def has_annotations(self) -> bool:
        return self._annotations is not None

    def validate(self, entry_ids: Sequence[str]) -> tuple[str, ...]:
        """The selection without repeats, in order; UnknownEntryError names the first bad id."""
        ids = tuple(dict.fromkeys(i.strip() for i in entry_ids if i.strip()))
        if not ids:
            raise EmptySelectionError
        for entry_id in ids:
            self._library.summary(entry_id)
        return ids

    def _context(self, entry_id: str) -> str:
        names: list[str] = []
        parent = self._library.summary(entry_id).parent
        seen: set[str] = set()
        while parent and parent not in seen:
            seen.add(parent)
            try:
                summary = self._library.summary(parent)
            except UnknownEntryError:
                break
            if summary.kind in _CONTEXT_KINDS:
                names.append(summary.title)
            parent = summary.parent
        return " › ".join(reversed(names))

    def _lookup(self, ids: Sequence[str], instruments: Sequence[str]) -> ContentLookup:
        titles: dict[str, str] = {}
        for entry_id in instruments:
            try:
                titles[entry_id] = self._library.summary(entry_id).title
            except UnknownEntryError:
                titles[entry_id] = entry_id
        return ContentLookup(
            actor_labels={a.id: a.label for a in self._library.actors()},
            entry_titles=titles,
            sources={s.id: s for s in self._library.sources()},
            contexts={i: self._context(i) for i in ids},
        )

    def build_document(
        self,
        entry_ids: Sequence[str],
        options: ExportOptions,
        monitor: ExportMonitor | None = None,
    ) -> ExportDocument:
        """The one document every format renders; advances `monitor` once per entry."""
        monitor = monitor or ExportMonitor()
        ids = self.validate(entry_ids)
        if options.include_annotations and self._annotations is None:
            raise AnnotationsUnavailableError
        entries = self._library.entries(ids)
        lookup = self._lookup(ids, [i for e in entries for i in e.instruments])
        sections = []
        for entry in entries:
            monitor.check()
            notes = None
            if options.include_annotations and self._annotations is not None:
                notes = EntryAnnotationSet(
                    notes=self._annotations.notes_for(entry.id),
                    highlights=self._annotations.highlights_for(entry.id),
                )
            sections.append(build_section(entry, options, lookup, notes))
            monitor.advance(entry.title)
        return build_document(
            sections, options, self._library.info, lookup, self._app_version, self._clock()
        )

    def export(
        self,
        entry_ids: Sequence[str],
        options: ExportOptions,
        fmt: ExportFormat,
        target: Path,
        *,
        overwrite: bool = False,
        monitor: ExportMonitor | None = None,
    ) -> ExportResult:
        """Write the selection to `target` in `fmt`: all of it, or nothing at all."""
        started = time.perf_counter()
        monitor = monitor or ExportMonitor()
        target = Path(target).expanduser().absolute()
        check_target(target, overwrite)  # before any work: a bad target fails at once
        ids = self.validate(entry_ids)
        monitor.begin(2 * len(ids))  # prepare each entry, then render each
        doc = self.build_document(ids, options, monitor)
        render = self._renderers(fmt)

        def produce(stream: BinaryIO) -> None:
            render(doc, stream, monitor)
            monitor.check()

        size = write_atomically(target, produce, overwrite=overwrite)
        return ExportResult(
            path=target,
            format=fmt,
            size=size,
            sections=len(doc.sections),
            seconds=time.perf_counter() - started,
        )
