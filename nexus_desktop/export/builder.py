"""From domain entries (and, when asked, the user's annotations) to the one ExportDocument.

Only the parts the options name are kept; every paragraph and key step keeps its provenance;
inline links become their labels (the text as read); notes and highlights are added only when
`include_annotations` is on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from nexus_desktop.domain.annotations import AnchorStatus, Highlight, Note
from nexus_desktop.domain.content import Entry, PackInfo, Passage, Provenance, Source
from nexus_desktop.domain.links import plain_text
from nexus_desktop.export.document import (
    ExportDocument,
    ExportHighlight,
    ExportNote,
    ExportOptions,
    LabelledText,
    Part,
    ProvenanceStamp,
    Section,
    TitlePage,
)

APP_NAME = "Nexus Desktop"


@dataclass(frozen=True, slots=True)
class ContentLookup:
    """Names the builder needs to print ids as words: actors, entry titles, sources, contexts."""

    actor_labels: Mapping[str, str] = field(default_factory=dict)
    entry_titles: Mapping[str, str] = field(default_factory=dict)
    sources: Mapping[str, Source] = field(default_factory=dict)
    #: entry id -> where it sits, e.g. "Good practices › Legal considerations"
    contexts: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EntryAnnotationSet:
    """The user's notes and highlights on one entry."""

    notes: Sequence[Note] = ()
    highlights: Sequence[Highlight] = ()


def _labelled(p: Passage) -> LabelledText:
    return LabelledText(
        id=p.id, text=plain_text(p.text).strip(), provenance=p.provenance, sources=p.sources
    )


def build_section(
    entry: Entry,
    options: ExportOptions,
    lookup: ContentLookup,
    annotations: EntryAnnotationSet | None = None,
) -> Section:
    parts = options.parts
    notes: tuple[ExportNote, ...] = ()
    highlights: tuple[ExportHighlight, ...] = ()
    if options.include_annotations and annotations is not None:
        notes = tuple(
            ExportNote(text=n.text, updated=n.updated)
            for n in sorted(annotations.notes, key=lambda n: n.created)
            if n.text.strip()
        )
        order = {p.id: i for i, p in enumerate(entry.passages)}
        highlights = tuple(
            ExportHighlight(
                passage_id=h.anchor.passage_id,
                quote=h.anchor.exact,
                comment=h.comment,
                color=h.color.value,
                placed=h.status is not AnchorStatus.ORPHANED,
            )
            for h in sorted(
                annotations.highlights,
                key=lambda h: (order.get(h.anchor.passage_id, len(order)), h.anchor.start),
            )
        )
    return Section(
        entry_id=entry.id,
        kind=entry.kind.value,
        title=entry.title,
        title_provenance=entry.title_provenance,
        context=lookup.contexts.get(entry.id, ""),
        summary=entry.summary,
        paragraphs=tuple(_labelled(p) for p in entry.paragraphs)
        if Part.EXPLANATION in parts
        else (),
        steps=tuple(_labelled(p) for p in entry.steps) if Part.KEY_STEPS in parts else (),
        actors=tuple(lookup.actor_labels.get(a, a) for a in entry.actors)
        if Part.ACTORS in parts
        else (),
        instruments=tuple(lookup.entry_titles.get(i, i) for i in entry.instruments)
        if Part.INSTRUMENTS in parts
        else (),
        notes=notes,
        highlights=highlights,
    )


def default_title(count: int) -> str:
    return "Briefing: 1 good practice" if count == 1 else f"Briefing: {count} good practices"


def build_document(
    sections: Sequence[Section],
    options: ExportOptions,
    info: PackInfo,
    lookup: ContentLookup,
    app_version: str,
    exported_at: datetime,
) -> ExportDocument:
    counts: Counter[Provenance] = Counter(
        t.provenance for s in sections for t in (*s.paragraphs, *s.steps)
    )
    stamp = ProvenanceStamp(
        app_name=APP_NAME,
        app_version=app_version,
        content_title=info.title,
        content_version=info.version,
        content_hash=info.content_hash,
        exported_at=exported_at,
        includes_annotations=options.include_annotations,
        counts=tuple((p, counts[p]) for p in Provenance if counts[p]),
    )
    title_page = TitlePage(
        title=options.title.strip() or default_title(len(sections)),
        subtitle=info.title,
        cover_note=options.cover_note.strip(),
        contents=tuple(s.title for s in sections),
    )
    cited: list[str] = []
    for s in sections:
        for t in (*s.paragraphs, *s.steps):
            cited.extend(x for x in t.sources if x not in cited)
    sources = tuple(
        (sid, _source_line(lookup.sources[sid])) for sid in cited if sid in lookup.sources
    )
    return ExportDocument(
        stamp=stamp,
        title_page=title_page,
        options=options,
        sections=tuple(sections),
        sources=sources,
    )


def _source_line(source: Source) -> str:
    return f"{source.title} ({', '.join(source.addresses)})" if source.addresses else source.title
