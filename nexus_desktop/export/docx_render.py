"""DOCX renderer (python-docx) with Word's own styles, so the navigation pane, the table of
contents and numbered lists work in Word and LibreOffice.

Title page (style "Title"/"Subtitle", the provenance stamp), a TOC field (pre-filled with the
entry titles and marked dirty, so Word and LibreOffice refresh it with page numbers), one
"Heading 1" per entry, "Heading 2" for its parts, key steps in "List Number" (restarting at 1 for
every entry), actors and instruments in "List Bullet", and "Page N of M" fields in the footer.
"""

from __future__ import annotations

from typing import BinaryIO, cast

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from nexus_desktop.export.document import (
    PROVENANCE_LABELS,
    PROVENANCE_LEGEND,
    ExportDocument,
    LabelledText,
    Section,
)
from nexus_desktop.export.progress import ExportMonitor

_LABEL_GREY = RGBColor(0x59, 0x59, 0x59)


def _field(paragraph: Paragraph, instruction: str, shown: str = "") -> None:
    """Append a complex field (`{ instruction }`) whose last computed value is `shown`."""

    def fld_char(kind: str) -> None:
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            el.set(qn("w:dirty"), "true")
        run._r.append(el)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    fld_char("separate")
    paragraph.add_run(shown)
    fld_char("end")


def _update_fields_on_open(doc: DocxDocument) -> None:
    """Ask Word to refresh fields (the TOC's page numbers) when the file is opened."""
    settings = doc.settings.element
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    settings.append(el)


def _restarting_numbering(doc: DocxDocument) -> int:
    """A new numbering instance of the "List Number" style's list that starts again at 1."""
    style = doc.styles["List Number"]
    style_num_id = style.element.pPr.numPr.numId.val
    numbering = doc.part.numbering_part.element
    abstract_id = next(n.abstractNumId.val for n in numbering.num_lst if n.numId == style_num_id)
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return cast(int, num.numId)


def _number(paragraph: Paragraph, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = num_id


def _labelled(paragraph: Paragraph, t: LabelledText) -> None:
    paragraph.add_run(t.text)
    sources = f"; sources: {', '.join(t.sources)}" if t.sources else ""
    label = paragraph.add_run(f"  [{t.label}{sources}]")
    label.italic = True
    label.font.size = Pt(8.5)
    label.font.color.rgb = _LABEL_GREY


def _page_setup(word: DocxDocument, doc: ExportDocument) -> None:
    width, height = doc.options.paper.size_mm
    section = word.sections[0]
    section.page_width, section.page_height = Mm(width), Mm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    section.different_first_page_header_footer = True  # no footer on the title page
    footer = section.footer.paragraphs[0]
    footer.add_run(doc.stamp.footer() + "    Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")


def _title_and_contents(word: DocxDocument, doc: ExportDocument) -> None:
    tp = doc.title_page
    word.add_paragraph(tp.title, style="Title")
    word.add_paragraph(tp.subtitle, style="Subtitle")
    for line in tp.cover_note.splitlines():
        word.add_paragraph(line)
    word.add_paragraph("Provenance", style="Heading 2")
    for line in doc.stamp.lines():
        word.add_paragraph(line)
    for prov, meaning in PROVENANCE_LEGEND:
        item = word.add_paragraph(style="List Bullet")
        item.add_run(f"[{PROVENANCE_LABELS[prov]}] ").bold = True
        item.add_run(meaning)

    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    word.add_paragraph("Contents", style="TOC Heading")
    toc = word.add_paragraph()
    _field(toc, 'TOC \\o "1-1" \\h \\z \\u', "")
    # the field's shown value until it is refreshed: the titles, so it reads right at once
    shown = toc.runs[-2]
    for n, title in enumerate(tp.contents):
        if n:
            shown.add_break()
        shown.add_text(title)


def _entry(word: DocxDocument, s: Section) -> None:
    word.add_paragraph(s.title, style="Heading 1")
    meta = [s.entry_id]
    if s.context:
        meta.append(s.context)
    meta.append(f"title: {PROVENANCE_LABELS[s.title_provenance]}")
    info = word.add_paragraph().add_run(" · ".join(meta))
    info.italic = True
    info.font.color.rgb = _LABEL_GREY
    if s.paragraphs:
        word.add_paragraph("Explanation", style="Heading 2")
        for text in s.paragraphs:
            _labelled(word.add_paragraph(), text)
    if s.steps:
        word.add_paragraph("Key steps", style="Heading 2")
        num_id = _restarting_numbering(word)
        for step in s.steps:
            item = word.add_paragraph(style="List Number")
            _number(item, num_id)
            _labelled(item, step)
    for heading, items in (("Key actors", s.actors), ("Instruments", s.instruments)):
        if items:
            word.add_paragraph(heading, style="Heading 2")
            for name in items:
                word.add_paragraph(name, style="List Bullet")
    if s.has_annotations:
        word.add_paragraph("My notes and highlights", style="Heading 2")
        for note in s.notes:
            word.add_paragraph(
                f"Note ({note.updated.date().isoformat()}): {note.text}", style="List Bullet"
            )
        for h in s.highlights:
            where = "" if h.placed else " (could not be placed on the current text)"
            comment = f" — {h.comment}" if h.comment else ""
            word.add_paragraph(f"Highlight{where}: “{h.quote}”{comment}", style="List Bullet")


def build_docx(doc: ExportDocument, monitor: ExportMonitor) -> DocxDocument:
    word = Document()
    props = word.core_properties
    props.title = doc.title_page.title
    props.subject = doc.title_page.subtitle
    props.author = f"{doc.stamp.app_name} {doc.stamp.app_version}"
    # core properties hold at most 255 characters: the content identity, the rest is in the text
    props.comments = doc.stamp.lines()[1][:255]
    _page_setup(word, doc)
    _title_and_contents(word, doc)
    # the entries start a new section: numbered footers from here, title page left bare
    word.add_section(WD_SECTION.NEW_PAGE).different_first_page_header_footer = False
    for n, s in enumerate(doc.sections):
        if n:
            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _entry(word, s)
        monitor.advance(s.title)
    if doc.sources:
        word.add_paragraph("Sources", style="Heading 1")
        for sid, line in doc.sources:
            item = word.add_paragraph(style="List Bullet")
            item.add_run(f"{sid}: ").bold = True
            item.add_run(line)
    _update_fields_on_open(word)
    return word


def write_docx(doc: ExportDocument, stream: BinaryIO, monitor: ExportMonitor) -> None:
    build_docx(doc, monitor).save(stream)
