"""The Whoosh schema of the content index and the documents made from domain entries.

One document per passage (paragraph or key step) plus one *head* document per entry (its title,
summary and glossary aliases), so a hit can open the entry at the passage that matched. The title
is indexed in the head document only: copied into every passage it multiplied the postings of
title words by the passages per entry and made searches several times slower. Entry-level facet
fields (area, kind, actors) are copied into every document; search keeps the best one per entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from nexus_desktop.domain.content import Entry, PassageKind
from nexus_desktop.domain.links import plain_text
from nexus_desktop.search.analysis import EXACT, STEMMED

TITLE_BOOST = 3.0
#: key steps share the body field, weighted at index time: one field fewer to match per word
STEPS_BOOST = 2.0
BODY_BOOST = 1.0
TEXT_FIELDS = {"title": TITLE_BOOST, "body": BODY_BOOST}


def content_schema() -> Schema:
    return Schema(
        passage_id=ID(stored=True, unique=True),
        entry_id=ID(stored=True, sortable=True),
        kind=ID(stored=True, sortable=True),
        area=ID(stored=True, sortable=True),
        provenance=ID(stored=True, sortable=True),
        actor=KEYWORD(commas=True, scorable=False),
        actors=STORED(),
        title=TEXT(analyzer=STEMMED),
        title_text=STORED(),
        body=TEXT(analyzer=STEMMED),
        # unstemmed words: prefix matching of the word being typed, and spelling suggestions
        exact=TEXT(analyzer=EXACT, phrase=False),
        text=STORED(),
    )


def head_id(entry_id: str) -> str:
    """The passage id of an entry's head document (its title and summary)."""
    return f"{entry_id}#"


def documents(entry: Entry) -> Iterator[dict[str, Any]]:
    """The index documents of one entry: its head, then each passage in reading order."""
    common = {
        "entry_id": entry.id,
        "kind": entry.kind.value,
        "area": entry.area or "",
        "actor": ",".join(entry.actors),
        "title_text": entry.title,  # stored only: hits show the title, postings stay small
    }
    summary = plain_text(entry.summary)
    lead = summary or (plain_text(entry.paragraphs[0].text) if entry.paragraphs else "")
    yield {
        **common,
        "passage_id": head_id(entry.id),
        "title": entry.title,
        "actors": ",".join(entry.actors),
        "provenance": entry.title_provenance.value,
        "body": summary,
        "exact": f"{entry.title} {summary} {' '.join(entry.aliases)}",
        "text": lead,
    }
    for passage in entry.passages:
        text = plain_text(passage.text)
        boost = STEPS_BOOST if passage.kind is PassageKind.STEP else BODY_BOOST
        yield {
            **common,
            "passage_id": passage.id,
            "provenance": passage.provenance.value,
            "body": text,
            "_body_boost": boost,
            "exact": text,
            "text": text,
        }
