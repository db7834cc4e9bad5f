"""Standalone HTML renderer: one file with its own style sheet, every text escaped, print-ready."""

from __future__ import annotations

from html import escape
from typing import BinaryIO

from nexus_desktop.export.document import (
    PROVENANCE_LABELS,
    PROVENANCE_LEGEND,
    ExportDocument,
    LabelledText,
    Paper,
)
from nexus_desktop.export.progress import ExportMonitor

_STYLE = """
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; line-height: 1.5;
       max-width: 46em; margin: 2em auto; padding: 0 1em; color: #1a1a1a; }
h1 { font-size: 1.9em; margin-bottom: .2em; }
h2 { font-size: 1.35em; margin-top: 2em; border-bottom: 1px solid #ccc; padding-bottom: .2em; }
h3 { font-size: 1.05em; margin-bottom: .3em; }
.subtitle { color: #555; margin-top: 0; }
.stamp { border: 1px solid #bbb; background: #f6f6f6; padding: .6em 1em; font-size: .9em; }
.meta { color: #555; font-size: .9em; }
.prov { color: #555; font-size: .8em; font-style: italic; white-space: nowrap; }
.prov-seed { color: #0b5394; }
.annotations { border-left: 4px solid #e0b000; padding-left: 1em; }
.cover-note { white-space: pre-wrap; }
section.entry { break-before: page; }
@media print { body { max-width: none; margin: 0; } a { color: inherit; text-decoration: none; } }
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _prov(t: LabelledText) -> str:
    sources = f"; sources: {_e(', '.join(t.sources))}" if t.sources else ""
    return (
        f' <span class="prov prov-{t.provenance.value}" data-provenance="{t.provenance.value}">'
        f"[{_e(t.label)}{sources}]</span>"
    )


def render_html(doc: ExportDocument, monitor: ExportMonitor) -> str:
    tp = doc.title_page
    paper = "A4" if doc.options.paper is Paper.A4 else "letter"
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{_e(doc.stamp.app_name)} {_e(doc.stamp.app_version)}">',
        f'<meta name="content-hash" content="{_e(doc.stamp.content_hash)}">',
        f"<title>{_e(tp.title)}</title>",
        f"<style>@page {{ size: {paper}; margin: 20mm; }}{_STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(tp.title)}</h1>",
        f'<p class="subtitle">{_e(tp.subtitle)}</p>',
    ]
    if tp.cover_note:
        out.append(f'<p class="cover-note">{_e(tp.cover_note)}</p>')
    out.append('<div class="stamp" id="provenance">')
    out += [f"<p>{_e(line)}</p>" for line in doc.stamp.lines()]
    out.append("<ul>")
    out += [
        f"<li><strong>[{_e(PROVENANCE_LABELS[p])}]</strong> {_e(meaning)}</li>"
        for p, meaning in PROVENANCE_LEGEND
    ]
    out += ["</ul>", "</div>", "</header>", '<nav aria-label="Contents">', "<h2>Contents</h2>"]
    out.append("<ol>")
    out += [f'<li><a href="#{_e(s.entry_id)}">{_e(s.title)}</a></li>' for s in doc.sections]
    out += ["</ol>", "</nav>", "<main>"]
    for s in doc.sections:
        out.append(f'<section class="entry" id="{_e(s.entry_id)}">')
        out.append(f"<h2>{_e(s.title)}</h2>")
        meta = [f"<code>{_e(s.entry_id)}</code>"]
        if s.context:
            meta.append(_e(s.context))
        meta.append(f"title: {_e(PROVENANCE_LABELS[s.title_provenance])}")
        out.append(f'<p class="meta">{" · ".join(meta)}</p>')
        out += [f'<p id="{_e(p.id)}">{_e(p.text)}{_prov(p)}</p>' for p in s.paragraphs]
        if s.steps:
            out += ["<h3>Key steps</h3>", "<ol>"]
            out += [f'<li id="{_e(t.id)}">{_e(t.text)}{_prov(t)}</li>' for t in s.steps]
            out.append("</ol>")
        for heading, items in (("Key actors", s.actors), ("Instruments", s.instruments)):
            if items:
                out += [f"<h3>{heading}</h3>", "<ul>"]
                out += [f"<li>{_e(i)}</li>" for i in items]
                out.append("</ul>")
        if s.has_annotations:
            out += ['<div class="annotations">', "<h3>My notes and highlights</h3>", "<ul>"]
            for n in s.notes:
                out.append(f"<li>Note ({n.updated.date().isoformat()}): {_e(n.text)}</li>")
            for h in s.highlights:
                where = "" if h.placed else " (could not be placed on the current text)"
                comment = f" — {_e(h.comment)}" if h.comment else ""
                out.append(f"<li>Highlight{where}: <mark>{_e(h.quote)}</mark>{comment}</li>")
            out += ["</ul>", "</div>"]
        out.append("</section>")
        monitor.advance(s.title)
    out.append("</main>")
    if doc.sources:
        out += ["<footer>", "<h2>Sources</h2>", "<ul>"]
        out += [f"<li><strong>{_e(sid)}</strong>: {_e(line)}</li>" for sid, line in doc.sources]
        out += ["</ul>", "</footer>"]
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def write_html(doc: ExportDocument, stream: BinaryIO, monitor: ExportMonitor) -> None:
    stream.write(render_html(doc, monitor).encode("utf-8"))
