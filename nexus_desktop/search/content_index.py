"""The content SearchIndex on Whoosh: open, search with facets and snippets, build."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

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

#: passages collected per wanted entry before falling back to collecting everything
PASSAGES_PER_ENTRY = 4
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
        self._local = threading.local()
        self._searchers: list[Searcher] = []
        self._entry_facets: dict[str, tuple[str, str, tuple[str, ...]]] | None = None

    def close(self) -> None:
        with self._lock:
            for searcher in self._searchers:
                searcher.close()
            self._searchers.clear()
        self._ix.close()

    def _searcher(self) -> tuple[Searcher, dict[str, Any]]:
        """This thread's searcher and its column readers.

        The index is read-only, so a searcher never goes stale; keeping one per thread saves
        re-reading column offsets on every keystroke (whoosh searchers are not thread-safe).
        """
        cached = getattr(self._local, "searcher", None)
        if cached is None:
            searcher = self._ix.searcher()
            reader = searcher.reader()
            columns = {name: reader.column_reader(name) for name in ("entry_id", "provenance")}
            cached = (searcher, columns)
            self._local.searcher = cached
            with self._lock:
                self._searchers.append(searcher)
        return cached

    def spans(self, text: str, keys: Iterable[str]) -> tuple[tuple[int, int], ...]:
        """Spans of the words in `text` that a hit's match keys select (reader highlighting)."""
        return spans_for(text, keys)

    def search(self, query: SearchQuery) -> SearchResults:
        text = clean(query.text)
        # A trailing space means the last word is finished: no prefix matching for it.
        prefix_last = query.prefix_last and not query.text[-1:].isspace()
        if not text or not any(ch.isalnum() for ch in text):
            return SearchResults(query=query.text)
        searcher, columns = self._searcher()
        try:
            return self._search(searcher, columns, query, text, prefix_last)
        except Exception:
            # Last line of defence: a query whoosh chokes on is retried as plain words.
            plain = self._builder.plain(text)
            hits = self._top(searcher, columns, self._filtered(plain.query, query), query.limit)
            return self._results(searcher, columns, query, plain, hits, None, False)

    def _search(
        self,
        searcher: Searcher,
        columns: dict[str, Any],
        query: SearchQuery,
        text: str,
        prefix_last: bool,
    ) -> SearchResults:
        reader = searcher.reader()

        def is_word(word: str) -> bool:
            return ("exact", word) in reader

        parsed = self._builder.parse(text, prefix_last=prefix_last, is_word=is_word)
        hits = self._top(searcher, columns, self._filtered(parsed.query, query), query.limit)
        suggestion = suggest(reader, "exact", text)
        if hits:
            return self._results(searcher, columns, query, parsed, hits, suggestion, False)
        if suggestion:
            fixed = self._builder.parse(suggestion, prefix_last=prefix_last, is_word=is_word)
            hits = self._top(searcher, columns, self._filtered(fixed.query, query), query.limit)
            if hits:
                return self._results(searcher, columns, query, fixed, hits, suggestion, True)
        if has_operators(text):
            # The user asked for exactly this; loosening AND/NOT would answer another question.
            return self._results(searcher, columns, query, parsed, [], suggestion, False)
        # Plain words and nothing has all of them: rank what has most of them.
        relaxed = self._builder.parse(
            suggestion or text, any_word=True, prefix_last=prefix_last, is_word=is_word
        )
        hits = self._top(searcher, columns, self._filtered(relaxed.query, query), query.limit)
        return self._results(searcher, columns, query, relaxed, hits, suggestion, bool(suggestion))

    def _filtered(self, q: wq.Query, query: SearchQuery) -> wq.Query:
        """`q` restricted to the facet filters, scored by `q` alone.

        A constant-score conjunct rather than search(filter=...), which whoosh 2.7 applies after
        collapsing, or Require(), whose matcher trips an assertion under block-quality
        optimisation. Every hit gets the same +1.
        """
        terms = [
            wq.Term(FILTER_FIELDS[name], value)
            for name, value in sorted(query.filters.items())
            if name in FILTER_FIELDS and value
        ]
        return wq.And([q, wq.ConstantScoreQuery(wq.And(terms))]) if terms else q

    def _top(
        self, searcher: Searcher, columns: dict[str, Any], q: wq.Query, limit: int
    ) -> list[tuple[int, float]]:
        """The best passage (docnum, score) of each of the top `limit` entries.

        Collects a few passages per wanted entry with whoosh's block-max top-N collector and keeps
        the first of each entry, which is several times faster than its collapse collector. Only
        when that window holds too few entries is everything collected.
        """
        if q is wq.NullQuery:
            return []
        limit = max(1, min(limit, 1000))
        entry_col = columns["entry_id"]
        window = limit * PASSAGES_PER_ENTRY
        while True:
            results = searcher.search(q, limit=window)
            best: dict[str, tuple[int, float]] = {}
            for docnum, score in results.items():
                best.setdefault(entry_col[docnum], (docnum, float(score)))
                if len(best) == limit:
                    return list(best.values())
            if results.scored_length() < window:
                return list(best.values())
            window = window * 8

    def _results(
        self,
        searcher: Searcher,
        columns: dict[str, Any],
        query: SearchQuery,
        parsed: ParsedQuery,
        top: list[tuple[int, float]],
        suggestion: str | None,
        corrected: bool,
    ) -> SearchResults:
        hits = []
        for docnum, score in top:
            stored = searcher.stored_fields(docnum)
            passage_id = stored["passage_id"]
            text = stored.get("text", "")
            snippet = make_snippet(text, parsed.keys) if text else Snippet("")
            hits.append(
                SearchHit(
                    entry_id=stored["entry_id"],
                    passage_id=None if passage_id == head_id(stored["entry_id"]) else passage_id,
                    title=stored.get("title_text", ""),
                    kind=stored.get("kind", ""),
                    area=stored.get("area", ""),
                    score=round(score, 4),
                    snippet=snippet,
                    terms=parsed.keys,
                )
            )
        total: int = len(hits)
        facets: dict[str, tuple[FacetValue, ...]] = {}
        if query.with_facets and hits:
            total, facets = self._count(searcher, columns, self._filtered(parsed.query, query))
        return SearchResults(
            query=query.text[:MAX_QUERY_CHARS],
            hits=tuple(hits),
            total=total,
            facets=facets,
            suggestion=suggestion,
            corrected=corrected,
        )

    def _count(
        self, searcher: Searcher, columns: dict[str, Any], q: wq.Query
    ) -> tuple[int, dict[str, tuple[FacetValue, ...]]]:
        """Matching entries in all, and per facet value (entries, not passages)."""
        entry_col, prov_col = columns["entry_id"], columns["provenance"]
        entries: set[str] = set()
        provenance: dict[str, set[str]] = {}
        for d in searcher.docs_for_query(q):
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
