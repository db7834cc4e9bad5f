"""Checks on the bundled reference content (resources/content/).

These tests read the TOML files directly with tomllib so that they do not depend on the
application's loader. They check the rules in docs/content-format.md and issue 3: seed titles
verbatim, area counts, unique ids, released ids never disappear, every reference resolves,
every paragraph and step has a provenance, verified text has sources.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

Entry = dict[str, Any]

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "resources" / "content"
SEED = REPO / ".." / "shared" / "content" / "seed-presentation.txt"

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
KINDS = {"part", "section", "area", "practice", "meeting", "instrument", "term", "page"}
PROVENANCES = {"seed", "editorial", "verified"}

# A copy of the seed titles, so the tests still run when ../shared is absent.
AREAS: dict[str, tuple[str, int, list[str]]] = {
    "legal-considerations": (
        "Legal considerations",
        2,
        [
            "Coherence between domestic anti-crime and counter-terrorism legislation, with regional "
            "and international legal conventions and protocols related to terrorism and "
            "transnational organized crime.",
            "Enhance anti-corruption legislation by strengthening integrity in state institutions, "
            "upholding the rule of law and discouraging the involvement of officials in illegal "
            "activities.",
        ],
    ),
    "research-and-information-sharing": (
        "Research and information sharing",
        10,
        [
            "Evidence-based research and context-specific responses.",
            "Globally standardized methodological approaches.",
            "Communication channels and information sharing.",
            "Engage regional and international institutions and NGO.",
            "Information sharing between national agencies.",
            "Regional and international databases.",
            "Information from peripheral sources and new methods of collection.",
            "Private and public-sector partnerships.",
        ],
    ),
    "local-engagement": (
        "Local engagement",
        7,
        [
            "Dialogue and cooperation between state and non-state actors.",
            "Empower local communities to build resilience",
            "Inclusive and context-specific policies.",
            "Basic services, employment and development",
            "Support rehabilitation and reintegration programs.",
            "Media engagement.",
        ],
    ),
    "capacity-building-and-law-enforcement": (
        "Capacity building and law enforcement",
        6,
        [
            "Increase awareness and capacity of practitioners.",
            "Financial investigative capacities.",
            "Increase capacities to monitor the cyber space.",
            "Strengthen capacity of the judicial systems.",
            "Involve prisons and probation staff to prevent cooperation between criminals and "
            "terrorists.",
            "Reinforce border security.",
        ],
    ),
}
PARTS = {
    "conceptual-outline": "Conceptual outline",
    "good-practices": "Good practices and knowledge repository",
    "knowledge-gaps": "Knowledge gaps and research priorities",
}
MEETINGS = ["meeting-algiers", "meeting-tirana", "meeting-singapore", "meeting-nairobi"]


def _load(path: Path) -> Entry:
    with path.open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def entries() -> dict[str, Entry]:
    found: dict[str, Entry] = {}
    for path in sorted((CONTENT / "entries").rglob("*.toml")):
        data = _load(path)
        data["_file"] = str(path.relative_to(CONTENT))
        assert data.get("id") not in found, f"duplicate entry id {data.get('id')} in {path}"
        found[data["id"]] = data
    return found


@pytest.fixture(scope="module")
def sources() -> dict[str, Entry]:
    return {s["id"]: s for s in _load(CONTENT / "sources.toml")["source"]}


@pytest.fixture(scope="module")
def actors() -> dict[str, Entry]:
    return {a["id"]: a for a in _load(CONTENT / "actors.toml")["actor"]}


def _items(entry: Entry) -> Iterator[tuple[str, Entry]]:
    for table in ("paragraphs", "steps"):
        for item in entry.get(table, []):
            yield table, item


def _all_ids(entries: dict[str, Entry]) -> list[str]:
    ids = list(entries)
    for e in entries.values():
        ids += [item["id"] for _, item in _items(e)]
    return ids


def _practices(entries: dict[str, Entry], area: str) -> list[Entry]:
    found = [e for e in entries.values() if e["kind"] == "practice" and e.get("parent") == area]
    return sorted(found, key=lambda e: e["order"])


def test_every_toml_file_parses() -> None:
    for path in CONTENT.rglob("*.toml"):
        _load(path)


def test_pack_metadata() -> None:
    pack = _load(CONTENT / "pack.toml")
    assert pack["id"] == "nexus-toolkit"
    assert pack["version"] == "1.0.0"
    assert pack["language"] == "en"
    assert pack["title"] and pack["description"]


def test_sources_s1_to_s46_with_addresses(sources: dict[str, Entry]) -> None:
    assert set(sources) == {f"S{i}" for i in range(1, 47)}
    for sid, src in sources.items():
        assert src["title"], sid
        assert src["addresses"] and all(a.startswith("http") for a in src["addresses"]), sid


def test_actor_ids_are_unique_slugs() -> None:
    ids = [a["id"] for a in _load(CONTENT / "actors.toml")["actor"]]
    assert len(ids) == len(set(ids))
    assert all(SLUG.match(i) for i in ids)
    for required in (
        "legislators",
        "prosecutors-and-judges",
        "financial-intelligence-units",
        "police",
        "customs-and-border-agencies",
        "prison-and-probation-services",
        "local-communities",
        "civil-society-and-ngos",
        "media",
        "private-sector",
        "researchers-and-academia",
        "regional-and-international-organizations",
        "national-government-institutions",
        "intelligence-services",
    ):
        assert required in ids


def test_ids_are_unique_slugs(entries: dict[str, Entry]) -> None:
    ids = _all_ids(entries)
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    assert not dupes, dupes
    bad = [i for i in ids if not SLUG.match(i)]
    assert not bad, bad


def test_entry_kinds_and_file_names(entries: dict[str, Entry]) -> None:
    for eid, e in entries.items():
        assert e["kind"] in KINDS, eid
        assert e["title"].strip(), eid
        assert Path(e["_file"]).stem == eid, e["_file"]


def test_parts_titles_from_seed(entries: dict[str, Entry]) -> None:
    for pid, title in PARTS.items():
        e = entries[pid]
        assert e["kind"] == "part" and e["title"] == title
        assert e.get("title_provenance") == "seed"
        assert e.get("paragraphs")


def test_areas_titles_counts_and_listed_practices(entries: dict[str, Entry]) -> None:
    for order, (aid, (title, count, titles)) in enumerate(AREAS.items(), 1):
        area = entries[aid]
        assert area["kind"] == "area" and area["parent"] == "good-practices"
        assert area["title"] == title and area.get("title_provenance") == "seed"
        assert area["order"] == order
        assert area["toolkit_count"] == count
        listed = _practices(entries, aid)
        assert [p["title"] for p in listed] == titles
        assert area["toolkit_count"] >= len(listed)
        text = " ".join(p["text"] for p in area["paragraphs"])
        assert f"The toolkit has {count} good practices in this area" in text
    assert [len(AREAS[a][2]) for a in AREAS] == [2, 8, 6, 6]
    assert [AREAS[a][1] for a in AREAS] == [2, 10, 7, 6]
    assert sum(1 for e in entries.values() if e["kind"] == "practice") == 22


def test_practice_shape(entries: dict[str, Entry]) -> None:
    for area in AREAS:
        for p in _practices(entries, area):
            assert p.get("title_provenance") == "seed", p["id"]
            editorial = [x for x in p["paragraphs"] if x["provenance"] == "editorial"]
            assert 2 <= len(editorial) <= 4 or p["id"] == "anti-corruption", p["id"]
            assert 3 <= len(p["steps"]) <= 6, p["id"]
            assert p.get("actors") and p.get("related"), p["id"]
    assert entries["border-security"]["parent"] == "capacity-building-and-law-enforcement"
    gp2 = entries["anti-corruption"]["steps"]
    assert len(gp2) == 4 and all(
        s["provenance"] == "verified" and s["sources"] == ["S6"] for s in gp2
    )


def test_seed_file_titles_present_verbatim(entries: dict[str, Entry]) -> None:
    if not SEED.exists():
        pytest.skip("shared seed presentation not available")
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    bullets = [line[2:] for line in lines if line.startswith("- ")]
    titles = {e["title"] for e in entries.values()}
    assert len(bullets) == 22
    for b in bullets:
        assert b in titles, b
    assert bullets == [t for _, _, ts in AREAS.values() for t in ts]
    for title, _, _ in AREAS.values():
        assert title in lines
    for title in PARTS.values():
        assert title in lines


def test_seed_paragraphs_quote_the_seed_verbatim(entries: dict[str, Entry]) -> None:
    if not SEED.exists():
        pytest.skip("shared seed presentation not available")
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    for eid, e in entries.items():
        for _, item in _items(e):
            if item["provenance"] == "seed":
                assert " ".join(item["text"].split()) in seed, (eid, item["id"])


def test_seed_provenance_titles_are_in_copy(entries: dict[str, Entry]) -> None:
    known = set(PARTS.values()) | {t for t, _, _ in AREAS.values()}
    known |= {t for _, _, ts in AREAS.values() for t in ts}
    for e in entries.values():
        if e.get("title_provenance") == "seed":
            assert e["title"] in known, e["id"]


def test_every_paragraph_and_step_has_provenance(
    entries: dict[str, Entry], sources: dict[str, Entry]
) -> None:
    for eid, e in entries.items():
        assert e.get("paragraphs") or e.get("steps"), eid
        for _table, item in _items(e):
            assert item.get("provenance") in PROVENANCES, (eid, item.get("id"))
            assert item.get("text", "").strip(), (eid, item["id"])
            if item["provenance"] == "verified":
                assert item.get("sources"), (eid, item["id"])
            for sid in item.get("sources", []):
                assert sid in sources, (eid, item["id"], sid)
        for sid in e.get("sources", []):
            assert sid in sources, (eid, sid)


def test_references_resolve(entries: dict[str, Entry], actors: dict[str, Entry]) -> None:
    for eid, e in entries.items():
        if "parent" in e:
            assert e["parent"] in entries, (eid, e["parent"])
        for a in e.get("actors", []):
            assert a in actors, (eid, a)
        for i in e.get("instruments", []):
            assert entries.get(i, {}).get("kind") == "instrument", (eid, i)
        for r in e.get("related", []):
            assert r in entries and r != eid, (eid, r)
        for _, item in _items(e):
            for _, target in LINK.findall(item["text"]):
                entry_id, _, anchor = target.partition("#")
                assert entry_id in entries, (eid, item["id"], target)
                if anchor:
                    assert anchor in {x["id"] for _, x in _items(entries[entry_id])}, target


def test_tree_rules(entries: dict[str, Entry]) -> None:
    for eid, e in entries.items():
        parent = entries.get(e.get("parent", ""), {})
        if e["kind"] == "practice":
            assert parent.get("kind") == "area", eid
        if e["kind"] == "area":
            assert parent.get("kind") == "part", eid
        if e["kind"] == "instrument":
            assert e.get("parent") == "instruments", eid
        if e["kind"] == "term":
            assert e.get("parent") == "glossary" and e.get("aliases"), eid
        if e["kind"] == "meeting":
            assert e.get("parent") == "about-toolkit", eid
    assert [m for m in MEETINGS if entries[m]["kind"] == "meeting"] == MEETINGS
    assert entries["about-toolkit"]["kind"] == "page" and "parent" not in entries["about-toolkit"]


def test_glossary_aliases_unique(entries: dict[str, Entry]) -> None:
    aliases = [a.lower() for e in entries.values() if e["kind"] == "term" for a in e["aliases"]]
    dupes = [a for a, n in Counter(aliases).items() if n > 1]
    assert not dupes, dupes


def test_instruments_are_sourced(entries: dict[str, Entry]) -> None:
    instruments = {eid for eid, e in entries.items() if e["kind"] == "instrument"}
    for required in (
        "untoc",
        "untoc-protocols",
        "uncac",
        "drug-conventions",
        "ct-instruments",
        "terrorist-financing-convention",
        "scr-2195",
        "scr-2322",
        "scr-2331",
        "scr-2347",
        "scr-2370",
        "scr-2462",
        "scr-2482",
        "fatf-recommendations",
    ):
        assert required in instruments, required
        assert any(p["provenance"] == "verified" for p in entries[required]["paragraphs"])


def test_knowledge_gaps_labelled_editorial(entries: dict[str, Entry]) -> None:
    sections = [e for e in entries.values() if e.get("parent") == "knowledge-gaps"]
    assert sections
    first = sections[0]["paragraphs"][0]
    assert first["provenance"] == "editorial"
    assert "editorial" in first["text"].lower() and "not available" in first["text"]


def test_released_ids_still_present(entries: dict[str, Entry]) -> None:
    released = [
        line.strip()
        for line in (CONTENT / "released-ids.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert released == sorted(released)
    missing = set(released) - set(_all_ids(entries))
    assert not missing, sorted(missing)
