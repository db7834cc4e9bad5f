"""The content SearchIndex on Whoosh: open, search with facets and snippets, build."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from whoosh import query as wq
from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index
from whoosh.searching import Searcher

from nexus_desktop.domain.content import Entry
from nexus_desktop.domain.errors import SearchIndexError
from nexus_desktop.domain.search import (
    FACET_FIELDS,
    FacetValue,
    SearchHit,
    SearchQuery,
    SearchResults,
    Snippet,
)
from nexus_desktop.search.analysis import spans_for
from nexus_desktop.search.building import write_index
from nexus_desktop.search.query import (
    MAX_QUERY_CHARS,
    ParsedQuery,
    QueryBuilder,
    clean,
    has_operators,
    suggest,
)
from nexus_desktop.search.schema import TEXT_FIELDS, content_schema, documents, head_id
from nexus_desktop.search.snippets import make_snippet

FILTER_FIELDS = {"area": "area", "kind": "kind", "provenance": "provenance", "actor": "actor"}


def build_content_index(entries: Iterable[Entry], target: Path, *, procs: int = 1) -> None:
    """Write the content index of `entries` to `target` (replacing what is there)."""
    docs = (doc for entry in entries for doc in documents(entry))
    write_index(target, content_schema(), docs, procs=procs)


class WhooshContentIndex:
    """A read-only content index. Searches may come from any thread; each takes its own searcher."""

    def __init__(self, path: Path) -> None:
        try:
            storage = FileStorage(str(path), supports_mmap=False, readonly=True)
            self._ix: Index = storage.open_index()
            self._builder = QueryBuilder(self._ix.schema, TEXT_FIELDS, "exact")
        except Exception as exc:  # whoosh raises many kinds of errors on a damaged folder
            raise SearchIndexError(f"search index cannot be opened: {path} ({exc})") from exc
        self.path = path
        self._lock = threading.Lock()
        self._entry_facets: dict[str, tuple[str, str, tuple[str, ...]]] | None = None

    def close(self) -> None:
        self._ix.close()

    def spans(self, text: str, keys: Iterable[str]) -> tuple[tuple[int, int], ...]:
        """Spans of the words in `text` that a hit's match keys select (reader highlighting)."""
        return spans_for(text, keys)

    def search(self, query: SearchQuery) -> SearchResults:
        text = clean(query.text)
        # A trailing space means the last word is finished: no prefix matching for it.
        prefix_last = query.prefix_last and not query.text[-1:].isspace()
        if not text or not any(ch.isalnum() for ch in text):
            return SearchResults(query=query.text)
        with self._ix.searcher() as searcher:
            try:
                return self._search(searcher, query, text, prefix_last)
            except Exception:
                # Last line of defence: a query whoosh chokes on is retried as plain words.
                plain = self._builder.plain(text)
                return self._results(searcher, query, plain, None, False)

    def _search(
        self, searcher: Searcher, query: SearchQuery, text: str, prefix_last: bool
    ) -> SearchResults:
        reader = searcher.reader()
        parsed = self._builder.parse(text, prefix_last=prefix_last)
        suggestion = suggest(reader, "exact", text)
        if self._any_hit(searcher, parsed, query):
            return self._results(searcher, query, parsed, suggestion, False)
        if suggestion:
            fixed = self._builder.parse(suggestion, prefix_last=prefix_last)
            if self._any_hit(searcher, fixed, query):
                return self._results(searcher, query, fixed, suggestion, True)
        if has_operators(text):
            # The user asked for exactly this; loosening AND/NOT would answer another question.
            return self._results(searcher, query, parsed, suggestion, False)
        # Plain words and nothing has all of them: rank what has most of them.
        relaxed = self._builder.parse(suggestion or text, any_word=True, prefix_last=prefix_last)
        return self._results(searcher, query, relaxed, suggestion, bool(suggestion))

    def _filtered(self, q: wq.Query, query: SearchQuery) -> wq.Query:
        """`q` restricted to the facet filters, scored by `q` alone.

        A constant-score conjunct rather than search(filter=...), which whoosh 2.7 applies after
        collapsing (letting several passages of one entry through), or Require(), whose matcher
        trips an assertion under block-quality optimisation. Every hit gets the same +1.
        """
        terms = [
            wq.Term(FILTER_FIELDS[name], value)
            for name, value in sorted(query.filters.items())
            if name in FILTER_FIELDS and value
        ]
        return wq.And([q, wq.ConstantScoreQuery(wq.And(terms))]) if terms else q

    def _any_hit(self, searcher: Searcher, parsed: ParsedQuery, query: SearchQuery) -> bool:
        if parsed.query is wq.NullQuery:
            return False
        hits = searcher.search(self._filtered(parsed.query, query), limit=1)
        return not hits.is_empty()

    def _results(
        self,
        searcher: Searcher,
        query: SearchQuery,
        parsed: ParsedQuery,
        suggestion: str | None,
        corrected: bool,
    ) -> SearchResults:
        limit = max(1, min(query.limit, 1000))
        q = self._filtered(parsed.query, query)
        results = searcher.search(q, limit=limit, collapse="entry_id", collapse_limit=1)
        hits = []
        for hit in results:
            stored = hit.fields()
            passage_id = stored["passage_id"]
            text = stored.get("text", "")
            snippet = make_snippet(text, parsed.keys) if text else Snippet("")
            hits.append(
                SearchHit(
                    entry_id=stored["entry_id"],
                    passage_id=None if passage_id == head_id(stored["entry_id"]) else passage_id,
                    title=stored.get("title", ""),
                    kind=stored.get("kind", ""),
                    area=stored.get("area", ""),
                    score=round(float(hit.score or 0.0), 4),
                    snippet=snippet,
                    terms=parsed.keys,
                )
            )
        total, facets = self._count(searcher, q, query.with_facets)
        return SearchResults(
            query=query.text[:MAX_QUERY_CHARS],
            hits=tuple(hits),
            total=total,
            facets=facets,
            suggestion=suggestion,
            corrected=corrected,
        )

    def _count(
        self, searcher: Searcher, q: wq.Query, with_facets: bool
    ) -> tuple[int, dict[str, tuple[FacetValue, ...]]]:
        """Matching entries in all, and per facet value (entries, not passages)."""
        docnums = searcher.docs_for_query(q)
        reader = searcher.reader()
        entry_col = reader.column_reader("entry_id")
        if not with_facets:
            return len({entry_col[d] for d in docnums}), {}
        prov_col = reader.column_reader("provenance")
        entries: set[str] = set()
        provenance: dict[str, set[str]] = {}
        for d in docnums:
            entry_id = entry_col[d]
            entries.add(entry_id)
            provenance.setdefault(prov_col[d], set()).add(entry_id)
        meta = self._facet_meta(searcher)
        counters: dict[str, Counter[str]] = {name: Counter() for name in FACET_FIELDS}
        for entry_id in entries:
            area, kind, actors = meta.get(entry_id, ("", "", ()))
            if area:
                counters["area"][area] += 1
            counters["kind"][kind] += 1
            counters["actor"].update(actors)
        counters["provenance"].update({p: len(ids) for p, ids in provenance.items()})
        facets = {
            name: tuple(
                FacetValue(value, count)
                for value, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
            )
            for name, counter in counters.items()
        }
        return len(entries), facets

    def _facet_meta(self, searcher: Searcher) -> dict[str, tuple[str, str, tuple[str, ...]]]:
        """entry id -> (area, kind, actors), read once from the head documents."""
        with self._lock:
            if self._entry_facets is None:
                meta: dict[str, tuple[str, str, tuple[str, ...]]] = {}
                for stored in searcher.all_stored_fields():
                    if stored.get("passage_id", "").endswith("#"):
                        actors = tuple(a for a in stored.get("actors", "").split(",") if a)
                        meta[stored["entry_id"]] = (stored["area"], stored["kind"], actors)
                self._entry_facets = meta
            return self._entry_facets
