"""CSV renderer: one row per paragraph, key step, actor, instrument (and note or highlight when
included), with a header row; every row carries the provenance stamp so a row keeps its origin
when it is copied out of the file."""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

from nexus_desktop.export.document import PROVENANCE_LABELS, ExportDocument
from nexus_desktop.export.progress import ExportMonitor

COLUMNS = (
    "entry_id",
    "entry_title",
    "context",
    "part",
    "position",
    "item_id",
    "provenance",
    "text",
    "sources",
    "app_version",
    "content_version",
    "content_hash",
    "exported_at",
)


def render_csv(doc: ExportDocument, monitor: ExportMonitor) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    st = doc.stamp
    stamp = (st.app_version, st.content_version, st.content_hash, st.exported_at.isoformat())
    for s in doc.sections:
        head = (s.entry_id, s.title, s.context)
        rows: list[tuple[str, int, str, str, str, str]] = []
        rows += [
            ("explanation", n, p.id, PROVENANCE_LABELS[p.provenance], p.text, " ".join(p.sources))
            for n, p in enumerate(s.paragraphs, 1)
        ]
        rows += [
            ("key_step", n, p.id, PROVENANCE_LABELS[p.provenance], p.text, " ".join(p.sources))
            for n, p in enumerate(s.steps, 1)
        ]
        rows += [("actor", n, "", "", a, "") for n, a in enumerate(s.actors, 1)]
        rows += [("instrument", n, "", "", i, "") for n, i in enumerate(s.instruments, 1)]
        rows += [("note", n, "", "personal", x.text, "") for n, x in enumerate(s.notes, 1)]
        rows += [
            (
                "highlight",
                n,
                h.passage_id,
                "personal",
                h.quote + (f" — {h.comment}" if h.comment else ""),
                "",
            )
            for n, h in enumerate(s.highlights, 1)
        ]
        for part, position, item_id, prov, text, sources in rows:
            writer.writerow((*head, part, position, item_id, prov, text, sources, *stamp))
        monitor.advance(s.title)
    return buffer.getvalue()


def write_csv(doc: ExportDocument, stream: BinaryIO, monitor: ExportMonitor) -> None:
    # a byte-order mark lets spreadsheet programs pick UTF-8 (csv and most readers skip it)
    stream.write(render_csv(doc, monitor).encode("utf-8-sig"))
