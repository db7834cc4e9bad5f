"""JSON renderer: the document model as data, following resources/schemas/export.schema.json."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from nexus_desktop.export.document import (
    PROVENANCE_LABELS,
    PROVENANCE_LEGEND,
    ExportDocument,
    LabelledText,
    Part,
)
from nexus_desktop.export.progress import ExportMonitor

FORMAT_NAME = "nexus-desktop-export"
#: bump when the shape changes in a way a reader must know about (and update the schema)
FORMAT_VERSION = 1


def _text(t: LabelledText) -> dict[str, Any]:
    return {
        "id": t.id,
        "text": t.text,
        "provenance": t.provenance.value,
        "provenance_label": t.label,
        "sources": list(t.sources),
    }


def document_data(doc: ExportDocument, monitor: ExportMonitor) -> dict[str, Any]:
    st = doc.stamp
    sections: list[dict[str, Any]] = []
    for s in doc.sections:
        item: dict[str, Any] = {
            "id": s.entry_id,
            "kind": s.kind,
            "title": s.title,
            "title_provenance": s.title_provenance.value,
            "context": s.context,
            "summary": s.summary,
            "paragraphs": [_text(p) for p in s.paragraphs],
            "key_steps": [_text(p) for p in s.steps],
            "actors": list(s.actors),
            "instruments": list(s.instruments),
        }
        if doc.options.include_annotations:
            item["notes"] = [{"text": n.text, "updated": n.updated.isoformat()} for n in s.notes]
            item["highlights"] = [
                {
                    "passage_id": h.passage_id,
                    "quote": h.quote,
                    "comment": h.comment,
                    "color": h.color,
                    "placed": h.placed,
                }
                for h in s.highlights
            ]
        sections.append(item)
        monitor.advance(s.title)
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "stamp": {
            "app": st.app_name,
            "app_version": st.app_version,
            "content_title": st.content_title,
            "content_version": st.content_version,
            "content_hash": st.content_hash,
            "exported_at": st.exported_at.isoformat(),
            "includes_annotations": st.includes_annotations,
            "provenance_counts": {p.value: n for p, n in st.counts},
            "provenance_legend": [
                {"provenance": p.value, "label": PROVENANCE_LABELS[p], "meaning": meaning}
                for p, meaning in PROVENANCE_LEGEND
            ],
        },
        "title": doc.title_page.title,
        "subtitle": doc.title_page.subtitle,
        "cover_note": doc.title_page.cover_note,
        "options": {
            "parts": [p.value for p in Part if p in doc.options.parts],
            "include_annotations": doc.options.include_annotations,
            "paper": doc.options.paper.value,
        },
        "sections": sections,
        "sources": [{"id": sid, "reference": line} for sid, line in doc.sources],
    }


def write_json(doc: ExportDocument, stream: BinaryIO, monitor: ExportMonitor) -> None:
    text = json.dumps(document_data(doc, monitor), ensure_ascii=False, indent=2)
    stream.write((text + "\n").encode("utf-8"))
