"""PDF and printing through Qt's text engine — the ONE module of export/ that imports PySide6.

The document is laid out as three QTextDocuments sharing one page size: a title page (with the
provenance stamp), the table of contents, and the body (one entry per page start). We paginate
ourselves: each QTextDocument is laid out for the full page with the margins as its root-frame
margins, then painted slice by slice onto a QPagedPaintDevice (QPdfWriter or QPrinter) with a
footer "Page N of M". The table of contents gets its page numbers from where the layout put each
entry's heading. The same `PagedExport` draws the print preview and the printed pages.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import BinaryIO

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextDocument,
)

from nexus_desktop.export.document import (
    PROVENANCE_LABELS,
    PROVENANCE_LEGEND,
    ExportDocument,
    LabelledText,
    Paper,
)
from nexus_desktop.export.errors import ExportError
from nexus_desktop.export.progress import ExportMonitor

MARGIN_MM = 20.0
FOOTER_MM = 12.0  # extra room under the text for the footer line
PDF_DPI = 300
LAYOUT_DPI = 96  # the unit of QTextDocument's frame margins (scaled to the device by its layout)
FONT_FAMILY = "DejaVu Sans"
BASE_POINT_SIZE = 10.5


def ensure_gui_application() -> QGuiApplication:
    """Qt's text engine needs a QGuiApplication; the CLI gets an offscreen one."""
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["nexus-desktop", "-platform", "offscreen"])
    assert isinstance(app, QGuiApplication)
    return app


def page_size(paper: Paper) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.A4 if paper is Paper.A4 else QPageSize.PageSizeId.Letter)


def _e(text: str) -> str:
    return escape(text, quote=False).replace("\n", "<br>")


_GREY = "#595959"


def _labelled(t: LabelledText) -> str:
    sources = f"; sources: {_e(', '.join(t.sources))}" if t.sources else ""
    return (
        f"{_e(t.text)} <span style='color:{_GREY}; font-size:8pt; font-style:italic'>"
        f"[{_e(t.label)}{sources}]</span>"
    )


def title_html(doc: ExportDocument) -> str:
    tp = doc.title_page
    out = [
        "<p style='margin-top:60pt'></p>",
        f"<p style='font-size:24pt; font-weight:bold'>{_e(tp.title)}</p>",
        f"<p style='font-size:13pt; color:{_GREY}'>{_e(tp.subtitle)}</p>",
    ]
    if tp.cover_note:
        out.append(f"<p style='margin-top:18pt'>{_e(tp.cover_note)}</p>")
    out.append("<p style='margin-top:36pt; font-size:12pt; font-weight:bold'>Provenance</p>")
    out += [f"<p style='font-size:9pt'>{_e(line)}</p>" for line in doc.stamp.lines()]
    out.append("<ul style='font-size:9pt'>")
    out += [
        f"<li><b>[{_e(PROVENANCE_LABELS[p])}]</b> {_e(meaning)}</li>"
        for p, meaning in PROVENANCE_LEGEND
    ]
    out.append("</ul>")
    return "".join(out)


def toc_html(titles: list[str], pages: list[int]) -> str:
    rows = "".join(
        f"<tr><td style='padding:3pt 12pt 3pt 0'>{_e(t)}</td>"
        f"<td align='right' style='padding:3pt 0'>{p}</td></tr>"
        for t, p in zip(titles, pages, strict=True)
    )
    return (
        "<h1 style='font-size:18pt'>Contents</h1>"
        f"<table width='100%' cellspacing='0' cellpadding='0'>{rows}</table>"
    )


def body_html(doc: ExportDocument, monitor: ExportMonitor) -> str:
    out: list[str] = []
    for n, s in enumerate(doc.sections):
        brk = "" if n == 0 else " page-break-before:always;"
        out.append(f"<h1 style='font-size:17pt;{brk}'>{_e(s.title)}</h1>")
        meta = [s.entry_id]
        if s.context:
            meta.append(s.context)
        meta.append(f"title: {PROVENANCE_LABELS[s.title_provenance]}")
        out.append(f"<p style='color:{_GREY}; font-size:9pt'>{_e(' · '.join(meta))}</p>")
        out += [f"<p>{_labelled(p)}</p>" for p in s.paragraphs]
        if s.steps:
            out.append("<h2 style='font-size:13pt'>Key steps</h2><ol>")
            out += [f"<li>{_labelled(t)}</li>" for t in s.steps]
            out.append("</ol>")
        for heading, items in (("Key actors", s.actors), ("Instruments", s.instruments)):
            if items:
                out.append(f"<h2 style='font-size:13pt'>{heading}</h2><ul>")
                out += [f"<li>{_e(i)}</li>" for i in items]
                out.append("</ul>")
        if s.has_annotations:
            out.append("<h2 style='font-size:13pt'>My notes and highlights</h2><ul>")
            for note in s.notes:
                out.append(f"<li>Note ({note.updated.date().isoformat()}): {_e(note.text)}</li>")
            for h in s.highlights:
                where = "" if h.placed else " (could not be placed on the current text)"
                comment = f" — {_e(h.comment)}" if h.comment else ""
                out.append(f"<li>Highlight{where}: “{_e(h.quote)}”{comment}</li>")
            out.append("</ul>")
        monitor.advance(s.title)
    if doc.sources:
        out.append("<h1 style='font-size:17pt; page-break-before:always'>Sources</h1><ul>")
        out += [f"<li><b>{_e(sid)}</b>: {_e(line)}</li>" for sid, line in doc.sources]
        out.append("</ul>")
    return "".join(out)


class PagedExport:
    """An ExportDocument laid out for one paged device; paints any page with its footer."""

    def __init__(
        self, doc: ExportDocument, device: QPagedPaintDevice, monitor: ExportMonitor
    ) -> None:
        if QGuiApplication.instance() is None:
            raise ExportError("PDF export needs Qt's GUI application (internal error)")
        self.doc = doc
        self.device = device
        dpi = device.logicalDpiY()
        self._px_per_mm = dpi / 25.4
        self.page_rect = QRectF(0, 0, device.width(), device.height())
        self._font = QFont(FONT_FAMILY)
        self._font.setPointSizeF(BASE_POINT_SIZE)

        self.title = self._document(title_html(doc))
        self.body = self._document(body_html(doc, monitor))
        heading_pages, headings = self._headings(self.body)
        # the TOC's own length decides where the body starts: lay out once to count its pages
        toc = self._document(toc_html(headings, [0] * len(headings)))
        before_body = self._pages(self.title) + self._pages(toc)
        self.toc = self._document(toc_html(headings, [before_body + p + 1 for p in heading_pages]))
        self.parts = (self.title, self.toc, self.body)
        self.page_count = sum(self._pages(d) for d in self.parts)

    def _document(self, html: str) -> QTextDocument:
        d = QTextDocument()
        d.documentLayout().setPaintDevice(self.device)
        d.setDefaultFont(self._font)
        d.setHtml(html)
        # the layout scales frame margins from 96-dpi pixels to the device, as it does CSS px
        margin = MARGIN_MM * LAYOUT_DPI / 25.4
        frame = d.rootFrame().frameFormat()
        frame.setMargin(0)
        frame.setLeftMargin(margin)
        frame.setRightMargin(margin)
        frame.setTopMargin(margin)
        frame.setBottomMargin(margin + FOOTER_MM * LAYOUT_DPI / 25.4)
        d.rootFrame().setFrameFormat(frame)
        d.setPageSize(QSizeF(self.page_rect.width(), self.page_rect.height()))
        return d

    def _pages(self, d: QTextDocument) -> int:
        return max(1, d.pageCount())

    def _headings(self, d: QTextDocument) -> tuple[list[int], list[str]]:
        """Page index (within `d`) and text of every level-1 heading, in order."""
        pages: list[int] = []
        titles: list[str] = []
        layout = d.documentLayout()
        height = self.page_rect.height()
        block: QTextBlock = d.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 1:
                top = layout.blockBoundingRect(block).top()
                pages.append(int(top // height))
                titles.append(block.text())
            block = block.next()
        return pages, titles

    def paint_page(self, painter: QPainter, number: int) -> None:
        """Paint page `number` (1-based) of the whole export, footer included."""
        index = number - 1
        for d in self.parts:
            count = self._pages(d)
            if index < count:
                break
            index -= count
        height = self.page_rect.height()
        painter.save()
        painter.translate(0, -index * height)
        d.drawContents(painter, QRectF(0, index * height, self.page_rect.width(), height))
        painter.restore()
        self._paint_footer(painter, number)

    def _paint_footer(self, painter: QPainter, number: int) -> None:
        margin = MARGIN_MM * self._px_per_mm
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(7.5)
        painter.save()
        painter.setFont(font)
        painter.setPen(Qt.GlobalColor.darkGray)
        line_h = 6 * self._px_per_mm
        box = QRectF(
            margin,
            self.page_rect.height() - margin - line_h,
            self.page_rect.width() - 2 * margin,
            line_h,
        )
        painter.drawLine(box.topLeft(), box.topRight())
        flags = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(box, flags | Qt.AlignmentFlag.AlignLeft, self.doc.stamp.footer())
        painter.drawText(
            box, flags | Qt.AlignmentFlag.AlignRight, f"Page {number} of {self.page_count}"
        )
        painter.restore()

    def paint_all(
        self,
        painter: QPainter,
        new_page: Callable[[], bool],
        monitor: ExportMonitor,
        pages: list[int] | None = None,
    ) -> None:
        wanted = pages or list(range(1, self.page_count + 1))
        for n, page in enumerate(wanted):
            monitor.check()
            if n and not new_page():
                raise ExportError("the printer refused a new page")
            self.paint_page(painter, page)


def set_paper(device: QPagedPaintDevice, paper: Paper) -> None:
    """Paper size, portrait, no device margins (PagedExport draws its own)."""
    device.setPageLayout(
        QPageLayout(page_size(paper), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )


def paint_document(
    doc: ExportDocument,
    device: QPagedPaintDevice,
    monitor: ExportMonitor,
    pages: list[int] | None = None,
) -> int:
    """Lay out and paint the export on a paged device (PDF writer or printer set to full page);
    returns the number of pages of the whole export."""
    paged = PagedExport(doc, device, monitor)
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("could not start painting on the page device")
    try:
        paged.paint_all(painter, device.newPage, monitor, pages)
    finally:
        painter.end()
    return paged.page_count


def render_pdf(doc: ExportDocument, monitor: ExportMonitor) -> bytes:
    """The whole export as PDF bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(doc.title_page.title)
    writer.setCreator(f"{doc.stamp.app_name} {doc.stamp.app_version}")
    set_paper(writer, doc.options.paper)
    paint_document(doc, writer, monitor)
    buffer.close()
    return bytes(data.data())


def write_pdf(doc: ExportDocument, stream: BinaryIO, monitor: ExportMonitor) -> None:
    stream.write(render_pdf(doc, monitor))
