"""Search behaviour on a real Whoosh index built from the test pack."""

from __future__ import annotations

import gc
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nexus_desktop.domain.errors import SearchIndexError
from nexus_desktop.domain.search import SearchQuery, SearchResults
from nexus_desktop.search.building import commit_or_cancel
from nexus_desktop.search.content_index import WhooshContentIndex
from nexus_desktop.services.content_build import BuildReport
from nexus_desktop.services.library import Library


def _search(library: Library, text: str, **kw: object) -> SearchResults:
    return library.search(SearchQuery(text, **kw))  # type: ignore[arg-type]


def _ids(results: SearchResults) -> list[str]:
    return [h.entry_id for h in results.hits]


def test_empty_and_blank_queries_return_nothing(fixture_library: Library) -> None:
    for text in ("", "   ", "\n\t", "!!!", '""', "()"):
        results = _search(fixture_library, text)
        assert results.hits == () and results.total == 0


def test_stemming_matches_other_word_forms(fixture_library: Library) -> None:
    # "smuggler" finds "Smugglers"; "trafficked" finds "Traffickers"/"trafficking"
    assert _ids(_search(fixture_library, "smuggler", prefix_last=False)) == ["border-security"]
    hit = _search(fixture_library, "smuggler", prefix_last=False).hits[0]
    assert hit.passage_id == "border-security-why"
    assert hit.snippet.text[slice(*hit.snippet.spans[0])] == "Smugglers"


def test_title_outranks_key_steps_outranks_body(fixture_library: Library) -> None:
    # "border": in the border practice's title, a key step of prisons, a paragraph of
    # anti-corruption; the boosts put them in that order.
    results = _search(fixture_library, "border", prefix_last=False)
    assert _ids(results)[:3] == ["border-security", "prisons", "anti-corruption"]
    assert results.hits[1].passage_id == "prisons-step-screen"
    assert results.hits[2].passage_id == "anti-corruption-why"


def test_phrase_query_needs_the_words_together(fixture_library: Library) -> None:
    together = _search(fixture_library, '"cultural property"')
    assert _ids(together) == ["border-security"]
    apart = _search(fixture_library, '"property cultural"')
    assert apart.hits == ()


def test_boolean_operators(fixture_library: Library) -> None:
    both = _ids(_search(fixture_library, "inmates AND recruitment", prefix_last=False))
    assert both == ["prisons"]
    either = set(_ids(_search(fixture_library, "inmates OR smugglers", prefix_last=False)))
    assert either == {"prisons", "border-security"}
    without = _ids(_search(fixture_library, "border NOT customs", prefix_last=False))
    assert "anti-corruption" in without
    assert all(
        h.passage_id != "border-security-step-risk"
        for h in _search(fixture_library, "border NOT customs").hits
    )


def test_last_word_matches_as_prefix_while_typing(fixture_library: Library) -> None:
    typing = _search(fixture_library, "recrui")
    assert _ids(typing) == ["prisons"]
    assert "^recrui" in typing.hits[0].terms
    finished = _search(fixture_library, "recrui ")  # a space: the word is finished
    assert finished.hits == () or finished.corrected


def test_typo_gets_a_suggestion_and_its_results(fixture_library: Library) -> None:
    results = _search(fixture_library, "smuglers", prefix_last=False)
    assert results.suggestion == "smugglers"
    assert results.corrected
    assert _ids(results) == ["border-security"]


def test_known_words_get_no_suggestion(fixture_library: Library) -> None:
    assert _search(fixture_library, "border").suggestion is None


def test_facets_count_entries_per_value(fixture_library: Library) -> None:
    results = _search(fixture_library, "border", prefix_last=False)
    facets = {name: {v.value: v.count for v in values} for name, values in results.facets.items()}
    assert facets["area"] == {"capacity": 2, "legal": 1}
    assert facets["kind"] == {"practice": 3}
    assert facets["actor"]["prosecutors-and-judges"] == 2
    assert facets["actor"]["police"] == 1
    assert results.total == 3


def test_facet_filter_narrows_results(fixture_library: Library) -> None:
    narrowed = _search(fixture_library, "border", filters={"area": "legal"})
    assert _ids(narrowed) == ["anti-corruption"]
    by_actor = _search(fixture_library, "border", filters={"actor": "police"})
    assert _ids(by_actor) == ["border-security"]
    verified = _search(
        fixture_library, "resolution OR law OR adopted", filters={"provenance": "verified"}
    )
    # "law" in the editorial prisons paragraph and area titles is filtered out
    assert set(_ids(verified)) == {"anti-corruption", "scr-2482"}
    for hit in verified.hits:
        passage = next(
            p for p in fixture_library.entry(hit.entry_id).passages if p.id == hit.passage_id
        )
        assert passage.provenance.value == "verified"


def test_snippet_spans_mark_the_matched_words(fixture_library: Library) -> None:
    hit = _search(fixture_library, "cultural property").hits[0]
    marked = hit.snippet.marked("<", ">")
    assert "<cultural> <property>" in marked
    for start, end in hit.snippet.spans:
        assert hit.snippet.text[start:end].lower() in {"cultural", "property"}


def test_reader_highlighting_uses_the_hit_terms(fixture_library: Library) -> None:
    hit = _search(fixture_library, "smugglers").hits[0]
    text = "Smuggler and smugglers, not smog."
    spans = fixture_library.index.spans(text, hit.terms)
    assert [text[s:e] for s, e in spans] == ["Smuggler", "smugglers"]


def test_one_hit_per_entry(fixture_library: Library) -> None:
    results = _search(fixture_library, "terrorism OR terrorists OR border")
    assert len(_ids(results)) == len(set(_ids(results)))


def test_control_characters_and_huge_queries_are_safe(fixture_library: Library) -> None:
    assert _ids(_search(fixture_library, "bor\x00der\x1b[31m")) is not None
    started = time.perf_counter()
    results = _search(fixture_library, "border " * 2000)
    assert time.perf_counter() - started < 5
    assert "border-security" in _ids(results)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(max_size=80) | st.from_regex(r'[a-z "()*:^~\-]{0,40}(AND|OR|NOT)?[a-z "()]{0,20}')
)
def test_any_string_is_accepted(fixture_library: Library, text: str) -> None:
    started = time.perf_counter()
    results = _search(fixture_library, text)
    assert time.perf_counter() - started < 2.0
    assert len(results.hits) <= 20
    for hit in results.hits:
        for start, end in hit.snippet.spans:
            assert 0 <= start < end <= len(hit.snippet.text)


# whoosh leaves the damaged TOC file open when it fails to read it; that leak is its own.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_damaged_index_raises_a_clear_error(tmp_path: Path, fixture_build: BuildReport) -> None:
    broken = tmp_path / "index"
    shutil.copytree(fixture_build.location.index_path, broken)
    for toc in broken.glob("_MAIN_*.toc"):
        toc.write_bytes(b"garbage")
    with pytest.raises(SearchIndexError, match="cannot be opened"):
        WhooshContentIndex(broken)
    gc.collect()  # surface the leaked handle's warning here, under this test's filter


def test_failed_commit_cancels_the_writer() -> None:
    class Writer:
        cancelled = False

        def commit(self) -> None:
            raise OSError(28, "No space left on device")

        def cancel(self) -> None:
            self.cancelled = True

    writer = Writer()
    with pytest.raises(OSError, match="No space"):
        commit_or_cancel(writer)  # type: ignore[arg-type]
    assert writer.cancelled


def test_failed_commit_on_a_real_index_releases_the_lock(tmp_path: Path) -> None:
    from whoosh import index
    from whoosh.fields import TEXT, Schema

    ix = index.create_in(str(tmp_path), Schema(body=TEXT))
    writer = ix.writer()
    writer.add_document(body="hello")

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    writer._commit_toc = boom  # writing the table of contents fails, as on a full disk
    with pytest.raises(OSError):
        commit_or_cancel(writer)
    second = ix.writer()  # would raise LockError if the first writer still held the lock
    second.add_document(body="world")
    commit_or_cancel(second)
    with ix.searcher() as s:
        assert s.doc_count() == 1  # only the second writer's document
