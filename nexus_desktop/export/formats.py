"""The export formats: file suffix, and which renderer writes each (PDF's is imported lazily, so
nothing but a PDF export loads Qt)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import BinaryIO

from nexus_desktop.export.document import ExportDocument
from nexus_desktop.export.progress import ExportMonitor

#: writes a whole document into a binary stream, advancing the monitor once per section
Renderer = Callable[[ExportDocument, BinaryIO, ExportMonitor], None]


class ExportFormat(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    MARKDOWN = "md"
    HTML = "html"
    JSON = "json"
    CSV = "csv"

    @property
    def suffix(self) -> str:
        return f".{self.value}"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def needs_qt(self) -> bool:
        return self is ExportFormat.PDF


_LABELS = {
    ExportFormat.PDF: "PDF document",
    ExportFormat.DOCX: "Word document",
    ExportFormat.MARKDOWN: "Markdown",
    ExportFormat.HTML: "Web page (HTML)",
    ExportFormat.JSON: "JSON data",
    ExportFormat.CSV: "CSV table",
}


def renderer_for(fmt: ExportFormat) -> Renderer:
    if fmt is ExportFormat.PDF:
        from nexus_desktop.export.qt_pdf import write_pdf

        return write_pdf
    if fmt is ExportFormat.DOCX:
        from nexus_desktop.export.docx_render import write_docx

        return write_docx
    if fmt is ExportFormat.MARKDOWN:
        from nexus_desktop.export.markdown_render import write_markdown

        return write_markdown
    if fmt is ExportFormat.HTML:
        from nexus_desktop.export.html_render import write_html

        return write_html
    if fmt is ExportFormat.JSON:
        from nexus_desktop.export.json_render import write_json

        return write_json
    from nexus_desktop.export.csv_render import write_csv

    return write_csv


def format_for_path(path: str) -> ExportFormat | None:
    """The format a file name's suffix names, if any (".markdown" counts as Markdown)."""
    lower = path.lower()
    if lower.endswith(".markdown"):
        return ExportFormat.MARKDOWN
    if lower.endswith(".htm"):
        return ExportFormat.HTML
    return next((f for f in ExportFormat if lower.endswith(f.suffix)), None)
