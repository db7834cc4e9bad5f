"""Content domain model: entries, passages (paragraphs and key steps), actors, sources, pack info."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Provenance(StrEnum):
    """Where a piece of text comes from; shown on every paragraph and key step."""

    SEED = "seed"  # verbatim from the source presentation (UNICRI, 8 October 2018)
    EDITORIAL = "editorial"  # written for this app: guidance, not official wording
    VERIFIED = "verified"  # a factual claim backed by the listed sources


class EntryKind(StrEnum):
    """What an entry is; decides where it sits in the navigation tree and how it reads."""

    PART = "part"
    SECTION = "section"
    AREA = "area"
    PRACTICE = "practice"
    MEETING = "meeting"
    INSTRUMENT = "instrument"
    TERM = "term"
    PAGE = "page"


class PassageKind(StrEnum):
    """A passage is an explanatory paragraph or a numbered key step."""

    PARAGRAPH = "paragraph"
    STEP = "step"


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph or key step of an entry, with its stable id and provenance."""

    id: str
    kind: PassageKind
    text: str
    provenance: Provenance
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntrySummary:
    """What lists and trees need of an entry: no text bodies."""

    id: str
    kind: EntryKind
    title: str
    parent: str | None
    order: int
    area: str | None
    summary: str = ""
    toolkit_count: int | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """A whole entry as the reader shows it."""

    id: str
    kind: EntryKind
    title: str
    title_provenance: Provenance
    parent: str | None
    order: int
    area: str | None
    summary: str = ""
    toolkit_count: int | None = None
    paragraphs: tuple[Passage, ...] = ()
    steps: tuple[Passage, ...] = ()
    actors: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def passages(self) -> tuple[Passage, ...]:
        """Paragraphs then key steps, in reading order."""
        return self.paragraphs + self.steps

    def summary_view(self) -> EntrySummary:
        return EntrySummary(
            id=self.id,
            kind=self.kind,
            title=self.title,
            parent=self.parent,
            order=self.order,
            area=self.area,
            summary=self.summary,
            toolkit_count=self.toolkit_count,
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """A key actor from the one shared list."""

    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Source:
    """A reference that backs verified text; addresses let a reader check it."""

    id: str
    title: str
    addresses: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class PackInfo:
    """Identity of a content pack and of the build made from it."""

    id: str
    title: str
    version: str
    language: str
    description: str = ""
    content_hash: str = ""


@dataclass(frozen=True, slots=True)
class ContentPack:
    """A validated content pack: everything the database and the index are built from."""

    info: PackInfo
    entries: tuple[Entry, ...]
    actors: tuple[Actor, ...]
    sources: tuple[Source, ...]
    released_ids: frozenset[str] = field(default_factory=frozenset)
