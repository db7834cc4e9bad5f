"""Markdown renderer (CommonMark): headings, numbered key steps, provenance in brackets."""

from __future__ import annotations

import re
from typing import BinaryIO

from nexus_desktop.export.document import PROVENANCE_LABELS, PROVENANCE_LEGEND, ExportDocument
from nexus_desktop.export.progress import ExportMonitor

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(\s)", re.MULTILINE)


def md_escape(text: str) -> str:
    """Text that Markdown prints as is: inline markup and line-leading list markers escaped."""
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"{m[1]}{m[2][:-1]}\\{m[2][-1]}{m[3]}", text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render_markdown(doc: ExportDocument, monitor: ExportMonitor) -> str:
    tp = doc.title_page
    out: list[str] = [f"# {md_escape(_one_line(tp.title))}", "", f"*{md_escape(tp.subtitle)}*", ""]
    if tp.cover_note:
        out += [md_escape(tp.cover_note), ""]
    out += ["> **Provenance**", ">"]
    out += [f"> {md_escape(line)}  " for line in doc.stamp.lines()]
    out += [">"]
    out += [
        f"> - **[{PROVENANCE_LABELS[p]}]** {md_escape(meaning)}" for p, meaning in PROVENANCE_LEGEND
    ]
    out += ["", "## Contents", ""]
    out += [f"{n}. {md_escape(_one_line(t))}" for n, t in enumerate(tp.contents, 1)]
    out.append("")
    for section in doc.sections:
        out += ["", f"## {md_escape(_one_line(section.title))}", ""]
        meta = [f"`{section.entry_id}`"]
        if section.context:
            meta.append(md_escape(section.context))
        meta.append(f"title: {PROVENANCE_LABELS[section.title_provenance]}")
        out += [" · ".join(meta), ""]
        for p in section.paragraphs:
            out += [f"{md_escape(p.text)} *[{p.label}{_sources(p.sources)}]*", ""]
        if section.steps:
            out += ["### Key steps", ""]
            for n, s in enumerate(section.steps, 1):
                out.append(f"{n}. {md_escape(s.text)} *[{s.label}{_sources(s.sources)}]*")
            out.append("")
        for heading, items in (
            ("Key actors", section.actors),
            ("Instruments", section.instruments),
        ):
            if items:
                out += [f"### {heading}", ""]
                out += [f"- {md_escape(i)}" for i in items]
                out.append("")
        if section.has_annotations:
            out += ["### My notes and highlights", ""]
            for note in section.notes:
                out += [f"- Note ({note.updated.date().isoformat()}): {md_escape(note.text)}"]
            for h in section.highlights:
                where = "" if h.placed else " (could not be placed on the current text)"
                comment = f" — {md_escape(h.comment)}" if h.comment else ""
                out += [f"- Highlight{where}: “{md_escape(h.quote)}”{comment}"]
            out.append("")
        monitor.advance(section.title)
    if doc.sources:
        out += ["", "## Sources", ""]
        out += [f"- **{md_escape(sid)}**: {md_escape(line)}" for sid, line in doc.sources]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _sources(ids: tuple[str, ...]) -> str:
    return f"; sources: {', '.join(md_escape(i) for i in ids)}" if ids else ""


def write_markdown(doc: ExportDocument, stream: BinaryIO, monitor: ExportMonitor) -> None:
    stream.write(render_markdown(doc, monitor).encode("utf-8"))
