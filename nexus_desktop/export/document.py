"""The one intermediate document every export format renders, and the options that shape it.

A selection of entries plus `ExportOptions` becomes an `ExportDocument` (see `builder.py`); each
renderer (Markdown, HTML, JSON, CSV, DOCX, PDF) reads only this model, so the layout decisions —
what goes in, in which order, how provenance is labelled — are made once, here and in the builder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from nexus_desktop.domain.content import Provenance


class Paper(StrEnum):
    """Paper size for the paged formats (PDF, print, DOCX) and the HTML print style."""

    A4 = "a4"
    LETTER = "letter"

    @property
    def size_mm(self) -> tuple[float, float]:
        return (210.0, 297.0) if self is Paper.A4 else (215.9, 279.4)

    @property
    def label(self) -> str:
        return "A4" if self is Paper.A4 else "Letter"


class Part(StrEnum):
    """The parts of an entry a user may include or leave out."""

    EXPLANATION = "explanation"
    KEY_STEPS = "key_steps"
    ACTORS = "actors"
    INSTRUMENTS = "instruments"


ALL_PARTS: frozenset[Part] = frozenset(Part)

#: How each provenance is named next to the text it labels, in every format.
PROVENANCE_LABELS: dict[Provenance, str] = {
    Provenance.SEED: "source presentation",
    Provenance.EDITORIAL: "editorial",
    Provenance.VERIFIED: "verified",
}

#: The legend printed with every stamp: what each label means.
PROVENANCE_LEGEND: tuple[tuple[Provenance, str], ...] = (
    (
        Provenance.SEED,
        "verbatim from the source presentation (UNICRI / GCTF good practices on the nexus "
        "between transnational organized crime and terrorism)",
    ),
    (Provenance.EDITORIAL, "written for this app: guidance, not official wording"),
    (Provenance.VERIFIED, "a factual statement backed by the sources listed with it"),
)


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What the user chose in the export dialog (or on the command line)."""

    parts: frozenset[Part] = ALL_PARTS
    #: personal notes and highlights leave the app only when asked for: off by default
    include_annotations: bool = False
    paper: Paper = Paper.A4
    title: str = ""
    cover_note: str = ""


@dataclass(frozen=True, slots=True)
class ProvenanceStamp:
    """Where an export comes from; printed on the title page (or header) of every format."""

    app_name: str
    app_version: str
    content_title: str
    content_version: str
    content_hash: str
    exported_at: datetime
    includes_annotations: bool
    #: how many paragraphs and steps of each provenance the export holds
    counts: tuple[tuple[Provenance, int], ...] = ()

    @property
    def short_hash(self) -> str:
        return self.content_hash[:12]

    def lines(self) -> tuple[str, ...]:
        """The stamp as plain lines, the same words in every format."""
        when = self.exported_at.strftime("%Y-%m-%d %H:%M %Z").strip()
        counts = ", ".join(f"{n} {PROVENANCE_LABELS[p]}" for p, n in self.counts)
        out = [
            f"Exported {when} from {self.app_name} {self.app_version}.",
            f"Content: {self.content_title}, version {self.content_version}, "
            f"hash {self.content_hash}.",
        ]
        if counts:
            out.append(f"Paragraphs and key steps by provenance: {counts}.")
        out.append(
            "Includes the user's personal notes and highlights."
            if self.includes_annotations
            else "Personal notes and highlights: not included."
        )
        return tuple(out)

    def footer(self) -> str:
        """One short line for page footers."""
        return (
            f"{self.app_name} {self.app_version} · content {self.content_version} "
            f"({self.short_hash}) · {self.exported_at.date().isoformat()}"
        )


@dataclass(frozen=True, slots=True)
class TitlePage:
    title: str
    subtitle: str
    cover_note: str
    #: entry titles in export order, for the contents list
    contents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LabelledText:
    """A paragraph or key step with its stable id and its provenance label."""

    id: str
    text: str
    provenance: Provenance
    sources: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return PROVENANCE_LABELS[self.provenance]


@dataclass(frozen=True, slots=True)
class ExportNote:
    text: str
    updated: datetime


@dataclass(frozen=True, slots=True)
class ExportHighlight:
    passage_id: str
    quote: str
    comment: str
    color: str
    #: False when the highlight could not be placed on the current text (orphaned)
    placed: bool = True


@dataclass(frozen=True, slots=True)
class Section:
    """One exported entry, with only the parts the options asked for."""

    entry_id: str
    kind: str
    title: str
    title_provenance: Provenance
    #: where it sits in the toolkit, e.g. "Good practices › Legal considerations"
    context: str
    summary: str
    paragraphs: tuple[LabelledText, ...] = ()
    steps: tuple[LabelledText, ...] = ()
    actors: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    notes: tuple[ExportNote, ...] = ()
    highlights: tuple[ExportHighlight, ...] = ()

    @property
    def has_annotations(self) -> bool:
        return bool(self.notes or self.highlights)


@dataclass(frozen=True, slots=True)
class ExportDocument:
    stamp: ProvenanceStamp
    title_page: TitlePage
    options: ExportOptions
    sections: tuple[Section, ...]
    #: source id -> "title (address)" for every source cited by an exported passage
    sources: tuple[tuple[str, str], ...] = ()
