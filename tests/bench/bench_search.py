"""Search benchmark: latency of the Whoosh content index against SQLite FTS5 on the same corpus.

Prints JSON. Not part of the test run (benchmarks measure; they do not assert wall-clock time).

    .venv/bin/python tests/bench/bench_search.py [--sizes 10000,100000] [--queries 300] [--procs 2]

Corpora: the bundled content, and synthetic content of N paragraphs generated deterministically
(seeded) from the bundled vocabulary, 10 paragraphs and 3 key steps per entry. Each query set holds
1-3 word queries drawn with the same seed. Whoosh is timed through WhooshContentIndex.search (top
10, one hit per entry, snippets with spans), with and without facet counts; FTS5 runs a MATCH with
bm25 weights and snippet() for the top 10 in the same process, on the same text.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from nexus_desktop.content.loader import load_pack  # noqa: E402
from nexus_desktop.domain.content import (  # noqa: E402
    Entry,
    EntryKind,
    Passage,
    PassageKind,
    Provenance,
)
from nexus_desktop.domain.links import plain_text  # noqa: E402
from nexus_desktop.domain.search import SearchQuery  # noqa: E402
from nexus_desktop.search.content_index import (  # noqa: E402
    WhooshContentIndex,
    build_content_index,
)

WORD = re.compile(r"[A-Za-z][a-z]{2,}")
AREAS = ("legal", "research", "local", "capacity")
ACTORS = ("police", "customs", "judges", "fiu", "ngos", "media", "prisons", "researchers")


def bundled_entries() -> list[Entry]:
    return list(load_pack(REPO / "resources" / "content").entries)


def vocabulary(entries: list[Entry]) -> list[str]:
    words: dict[str, int] = {}
    for e in entries:
        for p in e.passages:
            for w in WORD.findall(plain_text(p.text)):
                words[w.lower()] = words.get(w.lower(), 0) + 1
    return sorted(words, key=lambda w: (-words[w], w))


def synthetic_entries(paragraphs: int, vocab: list[str], seed: int = 7) -> list[Entry]:
    rng = random.Random(seed)
    # Zipf-like weights so that frequent words are frequent, as in real text.
    weights = [1.0 / (rank + 1) for rank in range(len(vocab))]
    entries: list[Entry] = []
    per_entry = 10
    for n in range(paragraphs // per_entry):
        eid = f"synthetic-{n:06d}"

        def text(length: int) -> str:
            return " ".join(rng.choices(vocab, weights, k=length)).capitalize() + "."

        paras = tuple(
            Passage(
                f"{eid}-p{i}",
                PassageKind.PARAGRAPH,
                text(rng.randint(30, 90)),
                Provenance.EDITORIAL,
            )
            for i in range(per_entry)
        )
        steps = tuple(
            Passage(f"{eid}-s{i}", PassageKind.STEP, text(rng.randint(8, 20)), Provenance.EDITORIAL)
            for i in range(3)
        )
        entries.append(
            Entry(
                id=eid,
                kind=EntryKind.PRACTICE,
                title=text(rng.randint(3, 9)),
                title_provenance=Provenance.SEED,
                parent=None,
                order=n,
                area=rng.choice(AREAS),
                paragraphs=paras,
                steps=steps,
                actors=tuple(rng.sample(ACTORS, 2)),
            )
        )
    return entries


def queries(vocab: list[str], count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    pool = vocab[:3000]
    return [" ".join(rng.sample(pool, rng.choice((1, 1, 2, 2, 3)))) for _ in range(count)]


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 3),
        "p95_ms": round(p95 * 1000, 3),
    }


def time_whoosh(index: WhooshContentIndex, qs: list[str], facets: bool) -> dict[str, float]:
    for q in qs[:20]:  # warm caches as a running app would have them
        index.search(SearchQuery(q, limit=10, with_facets=facets))
    samples = []
    for q in qs:
        t = time.perf_counter()
        index.search(SearchQuery(q, limit=10, with_facets=facets))
        samples.append(time.perf_counter() - t)
    return percentiles(samples)


def build_fts(entries: list[Entry], db: Path) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute(
        "CREATE VIRTUAL TABLE p USING fts5(entry_id UNINDEXED, title, steps, body, tokenize='porter')"
    )
    rows = []
    for e in entries:
        rows.append((e.id, e.title, "", e.summary))
        for p in e.passages:
            text = plain_text(p.text)
            rows.append(
                (
                    e.id,
                    e.title,
                    text if p.kind is PassageKind.STEP else "",
                    text if p.kind is PassageKind.PARAGRAPH else "",
                )
            )
    conn.executemany("INSERT INTO p VALUES (?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()
    return time.perf_counter() - started


def time_fts(db: Path, qs: list[str]) -> dict[str, float]:
    conn = sqlite3.connect(db)
    sql = (
        "SELECT entry_id, snippet(p, -1, '[', ']', '…', 24) FROM p WHERE p MATCH ? "
        "ORDER BY bm25(p, 0.0, 3.0, 2.0, 1.0) LIMIT 10"
    )
    for q in qs[:20]:
        conn.execute(sql, (q,)).fetchall()
    samples = []
    for q in qs:
        t = time.perf_counter()
        conn.execute(sql, (q,)).fetchall()
        samples.append(time.perf_counter() - t)
    conn.close()
    return percentiles(samples)


def run_corpus(
    name: str, entries: list[Entry], qs: list[str], procs: int, work: Path
) -> dict[str, object]:
    folder = work / name
    started = time.perf_counter()
    build_content_index(entries, folder / "index", procs=procs)
    build_s = time.perf_counter() - started
    fts_build_s = build_fts(entries, folder / "fts.sqlite")
    index = WhooshContentIndex(folder / "index")
    try:
        whoosh = time_whoosh(index, qs, facets=False)
        whoosh_facets = time_whoosh(index, qs, facets=True)
    finally:
        index.close()
    fts = time_fts(folder / "fts.sqlite", qs)
    return {
        "corpus": name,
        "entries": len(entries),
        "paragraphs": sum(len(e.passages) for e in entries),
        "queries": len(qs),
        "whoosh_build_s": round(build_s, 2),
        "fts5_build_s": round(fts_build_s, 2),
        "whoosh": whoosh,
        "whoosh_with_facets": whoosh_facets,
        "fts5": fts,
        "p95_ratio_whoosh_to_fts5": round(whoosh["p95_ms"] / max(fts["p95_ms"], 1e-6), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="synthetic paragraph counts")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--procs", type=int, default=2, help="writer processes for big builds")
    args = parser.parse_args()
    entries = bundled_entries()
    vocab = vocabulary(entries)
    qs = queries(vocab, args.queries)
    results = []
    with tempfile.TemporaryDirectory(prefix="nexus-bench-") as tmp:
        work = Path(tmp)
        results.append(run_corpus("bundled", entries, qs, 1, work))
        for size in (int(s) for s in args.sizes.split(",") if s):
            synthetic = synthetic_entries(size, vocab)
            results.append(run_corpus(f"synthetic-{size}", synthetic, qs, args.procs, work))
    print(json.dumps({"benchmark": "search", "results": results}, indent=2))


if __name__ == "__main__":
    main()
