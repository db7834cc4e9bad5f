"""Building the content database and its search index from a content pack, and keeping them fresh.

A source checkout rebuilds whatever is missing or stale by itself (the sources digest stored in the
database no longer matches the files). A frozen bundle ships both prebuilt and has no sources.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, replace
from pathlib import Path

from nexus_desktop.content.builder import write_content_db
from nexus_desktop.content.fingerprint import BUILD_FORMAT, content_hash, sources_digest
from nexus_desktop.content.loader import load_pack
from nexus_desktop.content.repository import ContentRepository, read_build_meta
from nexus_desktop.domain.errors import ContentDatabaseError
from nexus_desktop.paths import AppPaths
from nexus_desktop.search.content_index import build_content_index

INDEX_FOLDER = "search-index"


@dataclass(frozen=True, slots=True)
class ContentLocation:
    """Where the content database and the index that matches it are."""

    db_path: Path
    index_path: Path
    content_hash: str


@dataclass(frozen=True, slots=True)
class BuildReport:
    location: ContentLocation
    content_version: str
    entries: int
    passages: int
    seconds: float
    rebuilt: bool


def index_path_for(db_dir: Path, digest: str) -> Path:
    """Each build has its own index folder, named by content hash: a rebuild never half-replaces."""
    return db_dir / INDEX_FOLDER / digest[:16]


def build_content(sources: Path, db_dir: Path) -> BuildReport:
    """Validate the pack in `sources` and write the database and index to `db_dir`."""
    started = time.perf_counter()
    pack = load_pack(sources)
    digest = content_hash(pack)
    pack = replace(pack, info=replace(pack.info, content_hash=digest))
    index_path = index_path_for(db_dir, digest)
    build_content_index(pack.entries, index_path)
    db_path = db_dir / "content.sqlite"
    write_content_db(pack, db_path, sources_digest=sources_digest(sources))
    _remove_other_indexes(db_dir, keep=index_path)
    return BuildReport(
        location=ContentLocation(db_path, index_path, digest),
        content_version=pack.info.version,
        entries=len(pack.entries),
        passages=sum(len(e.passages) for e in pack.entries),
        seconds=time.perf_counter() - started,
        rebuilt=True,
    )


def _remove_other_indexes(db_dir: Path, keep: Path) -> None:
    for old in (db_dir / INDEX_FOLDER).glob("*"):
        if old != keep and old.is_dir() and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)


def _is_current(db_dir: Path, digest: str | None) -> bool:
    meta = read_build_meta(db_dir / "content.sqlite")
    if not meta or meta.get("build_format") != str(BUILD_FORMAT):
        return False
    if digest is not None and meta.get("sources_digest") != digest:
        return False
    return index_path_for(db_dir, meta.get("content_hash", "")).is_dir()


def _writable(folder: Path) -> bool:
    probe = folder if folder.exists() else folder.parent
    return os.access(probe, os.W_OK)


def ensure_content(paths: AppPaths) -> ContentLocation:
    """A current database and index: the bundled ones, or rebuilt from sources where stale."""
    has_sources = (paths.content_sources / "pack.toml").is_file()
    digest = sources_digest(paths.content_sources) if has_sources else None
    for db_dir in (paths.content_db_dir, paths.cache_dir / "db"):
        if _is_current(db_dir, digest):
            return _location(db_dir)
    if not has_sources:
        raise ContentDatabaseError(
            f"no content database in {paths.content_db_dir} and no content sources to build one"
        )
    target = paths.content_db_dir if _writable(paths.content_db_dir) else paths.cache_dir / "db"
    return build_content(paths.content_sources, target).location


def _location(db_dir: Path) -> ContentLocation:
    meta = read_build_meta(db_dir / "content.sqlite")
    digest = meta.get("content_hash", "")
    return ContentLocation(db_dir / "content.sqlite", index_path_for(db_dir, digest), digest)


def check_database(location: ContentLocation) -> ContentRepository:
    """Open the database (raises ContentDatabaseError with a clear message if it is damaged)."""
    return ContentRepository(location.db_path)
