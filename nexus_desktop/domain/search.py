"""Search domain: the query a user asks, the results they get, and the SearchIndex protocol."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

#: Facet names every index reports counts for (a value of "" means "not set").
FACET_FIELDS: tuple[str, ...] = ("area", "actor", "provenance", "kind")


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A user's query with optional facet filters; any `text` is accepted."""

    text: str
    filters: Mapping[str, str] = field(default_factory=dict)
    limit: int = 20
    #: treat the last word as a prefix (search as you type)
    prefix_last: bool = True
    with_facets: bool = True


@dataclass(frozen=True, slots=True)
class Snippet:
    """Plain text with the matched terms marked as (start, end) character spans."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def marked(self, left: str = "[", right: str = "]") -> str:
        """The text with each span wrapped, for terminals and logs."""
        out: list[str] = []
        pos = 0
        for start, end in self.spans:
            out.append(self.text[pos:start])
            out.append(left + self.text[start:end] + right)
            pos = end
        out.append(self.text[pos:])
        return "".join(out)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One entry in the results, with the passage that matched best."""

    entry_id: str
    passage_id: str | None
    title: str
    kind: str
    area: str
    score: float
    snippet: Snippet
    #: words of the query as matched (lower case), for highlighting in the reader
    terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    count: int


@dataclass(frozen=True, slots=True)
class SearchResults:
    """Hits in rank order, entry counts per facet value, and a spelling suggestion."""

    query: str
    hits: tuple[SearchHit, ...] = ()
    #: matching entries in all when facets were asked for; otherwise the number of hits
    total: int = 0
    facets: Mapping[str, tuple[FacetValue, ...]] = field(default_factory=dict)
    #: "did you mean" text, when a corrected spelling finds more than the query as typed
    suggestion: str | None = None
    #: true when the hits are those of the suggestion because the query as typed found none
    corrected: bool = False


EMPTY_RESULTS = SearchResults(query="")


class SearchIndex(Protocol):
    """What services need of a full-text index; implementations keep their engine private."""

    def search(self, query: SearchQuery) -> SearchResults: ...

    def spans(self, text: str, keys: Iterable[str]) -> tuple[tuple[int, int], ...]:
        """Spans of the words of `text` selected by a hit's match keys (`SearchHit.terms`)."""
        ...

    def close(self) -> None: ...
