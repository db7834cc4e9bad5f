"""Building the content database: deterministic, atomic, self-refreshing when sources change."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from nexus_desktop.content.repository import ContentRepository, read_build_meta
from nexus_desktop.domain.errors import ContentDatabaseError, ContentError, UnknownEntryError
from nexus_desktop.paths import AppPaths, resolve_paths
from nexus_desktop.services.content_build import build_content, ensure_content
from nexus_desktop.services.library import Library


def _dump(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows: list[tuple[object, ...]] = []
        for table in sorted(tables):
            rows.extend((table, *r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2"))
        return rows
    finally:
        conn.close()


def test_build_is_deterministic(pack_copy: Path, tmp_path: Path) -> None:
    first = build_content(pack_copy, tmp_path / "a")
    second = build_content(pack_copy, tmp_path / "b")
    assert first.location.content_hash == second.location.content_hash
    assert len(first.location.content_hash) == 64
    assert _dump(first.location.db_path) == _dump(second.location.db_path)
    meta = read_build_meta(first.location.db_path)
    assert meta["content_hash"] == first.location.content_hash
    assert meta["content_version"] == "0.0.1"


def test_content_hash_changes_with_the_text(pack_copy: Path, tmp_path: Path) -> None:
    before = build_content(pack_copy, tmp_path / "a").location.content_hash
    path = pack_copy / "entries" / "border.toml"
    path.write_text(path.read_text().replace("Smugglers move", "Smugglers carry"))
    after = build_content(pack_copy, tmp_path / "b").location.content_hash
    assert before != after


def test_failed_build_leaves_the_previous_database(pack_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "db"
    good = build_content(pack_copy, out)
    path = pack_copy / "entries" / "border.toml"
    path.write_text(path.read_text().replace('provenance = "editorial"', 'provenance = "?"'))
    with pytest.raises(ContentError):
        build_content(pack_copy, out)
    assert read_build_meta(out / "content.sqlite")["content_hash"] == good.location.content_hash
    assert not [p for p in out.iterdir() if p.name.startswith(".content-")]


def _paths_for(tmp_path: Path, pack: Path) -> AppPaths:
    root = tmp_path / "app"
    (root / "resources").mkdir(parents=True)
    shutil.copytree(pack, root / "resources" / "content")
    return resolve_paths(tmp_path / "data", env={}, frozen=False, root=root, exe_dir=root)


def test_ensure_content_builds_when_missing_and_rebuilds_when_stale(
    pack_copy: Path, tmp_path: Path
) -> None:
    paths = _paths_for(tmp_path, pack_copy)
    first = ensure_content(paths)
    assert first.db_path.is_file() and first.index_path.is_dir()
    mtime = first.db_path.stat().st_mtime_ns
    again = ensure_content(paths)
    assert again == first and first.db_path.stat().st_mtime_ns == mtime
    src = paths.content_sources / "entries" / "border.toml"
    src.write_text(
        src.read_text().replace("Reinforce border security.", "Reinforce border security")
    )
    fresh = ensure_content(paths)
    assert fresh.content_hash != first.content_hash
    assert not first.index_path.exists(), "the stale index folder is removed"
    library = Library.open(fresh)
    try:
        assert library.entry("border-security").title == "Reinforce border security"
    finally:
        library.close()


def test_repository_reads_entries_as_domain_objects(fixture_library: Library) -> None:
    entry = fixture_library.entry("border-security")
    assert entry.actors == ("customs-and-border-agencies", "police")
    assert entry.instruments == ("scr-2482",)
    assert entry.related == ("prisons",)
    assert [p.id for p in entry.paragraphs] == ["border-security-why", "border-security-resolution"]
    assert entry.paragraphs[1].sources == ("S1",)
    assert [s.id for s in fixture_library.backlinks("scr-2482")] == ["border-security"]
    with pytest.raises(UnknownEntryError):
        fixture_library.entry("no-such-entry")


def test_tree_nests_areas_and_practices_in_order(fixture_library: Library) -> None:
    roots = fixture_library.tree()
    part = next(n for n in roots if n.entry.id == "good-practices")
    assert [n.entry.id for n in part.children] == ["legal", "capacity"]
    capacity = part.children[1]
    assert [n.entry.id for n in capacity.children] == ["prisons", "border-security"]


def test_damaged_database_gives_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "content.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ContentDatabaseError, match="damaged"):
        ContentRepository(bad)
