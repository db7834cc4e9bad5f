"""Reads a content pack folder (TOML files) and validates it into a domain ContentPack.

Every problem is reported with the file, the entry and the field it concerns, and all problems of a
pack are collected before raising, so an author fixes them in one pass.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from nexus_desktop.domain.content import (
    Actor,
    ContentPack,
    Entry,
    EntryKind,
    PackInfo,
    Passage,
    PassageKind,
    Provenance,
    Source,
)
from nexus_desktop.domain.errors import ContentError, ContentValidationError
from nexus_desktop.domain.links import find_links

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_ID_RE = re.compile(r"^S[0-9]+$")

ENTRY_FIELDS = {
    "id", "kind", "title", "title_provenance", "parent", "order", "summary", "toolkit_count",
    "aliases", "actors", "instruments", "related", "sources", "paragraphs", "steps",
}  # fmt: skip
PASSAGE_FIELDS = {"id", "provenance", "sources", "text"}
PACK_FIELDS = {"id", "title", "version", "language", "description"}


class _Problems:
    """Collects problems as 'file: entry 'x', field 'y': message' lines."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.lines: list[str] = []

    def add(self, path: Path, entry: str | None, fld: str | None, message: str) -> None:
        where = [self._rel(path)]
        if entry:
            where.append(f"entry {entry!r}")
        if fld:
            where.append(f"field {fld!r}")
        self.lines.append(", ".join(where) + ": " + message)

    def _rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)


def _read_toml(path: Path, problems: _Problems) -> dict[str, Any] | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        problems.add(path, None, None, f"not valid TOML: {exc}")
    except UnicodeDecodeError:
        problems.add(path, None, None, "not UTF-8 text")
    except OSError as exc:
        problems.add(path, None, None, f"cannot be read: {exc.strerror or exc}")
    return None


def entry_files(root: Path) -> Iterator[Path]:
    """Entry files in a stable order (sorted relative paths)."""
    return iter(sorted((root / "entries").rglob("*.toml")))


class _EntryReader:
    """Type-checks the fields of one entry table, recording problems instead of raising."""

    def __init__(self, data: dict[str, Any], path: Path, problems: _Problems) -> None:
        self.data = data
        self.path = path
        self.problems = problems
        raw_id = data.get("id")
        self.entry_id = raw_id if isinstance(raw_id, str) else None

    def problem(self, fld: str | None, message: str) -> None:
        self.problems.add(self.path, self.entry_id, fld, message)

    def string(self, fld: str, *, required: bool = False, default: str = "") -> str:
        value = self.data.get(fld)
        if value is None:
            if required:
                self.problem(fld, "is required")
            return default
        if not isinstance(value, str) or (required and not value.strip()):
            self.problem(fld, "must be a non-empty string" if required else "must be a string")
            return default
        return value

    def integer(self, fld: str, *, required: bool = False) -> int | None:
        value = self.data.get(fld)
        if value is None:
            if required:
                self.problem(fld, "is required")
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(fld, "must be a whole number")
            return None
        return value

    def strings(self, fld: str) -> tuple[str, ...]:
        value = self.data.get(fld, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(fld, "must be a list of strings")
            return ()
        return tuple(value)

    def provenance(self, value: object, fld: str) -> Provenance:
        try:
            return Provenance(str(value))
        except ValueError:
            allowed = ", ".join(p.value for p in Provenance)
            self.problem(fld, f"must be one of {allowed} (got {value!r})")
            return Provenance.EDITORIAL

    def passages(self, fld: str, kind: PassageKind) -> tuple[Passage, ...]:
        raw = self.data.get(fld, [])
        if not isinstance(raw, list) or not all(isinstance(p, dict) for p in raw):
            self.problem(fld, f"must be an array of tables ([[{fld}]])")
            return ()
        out: list[Passage] = []
        for index, item in enumerate(raw):
            where = f"{fld}[{index}]"
            for unknown in sorted(set(item) - PASSAGE_FIELDS):
                self.problem(f"{where}.{unknown}", "unknown field")
            pid = item.get("id")
            if not isinstance(pid, str) or not pid:
                self.problem(f"{where}.id", "is required")
                continue
            where = f"{fld}[{pid}]"
            text = item.get("text")
            if not isinstance(text, str) or not text.strip():
                self.problem(f"{where}.text", "must be a non-empty string")
                text = ""
            if "provenance" not in item:
                self.problem(f"{where}.provenance", "is required")
            prov = self.provenance(item.get("provenance"), f"{where}.provenance")
            sources = item.get("sources", [])
            if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
                self.problem(f"{where}.sources", "must be a list of source ids")
                sources = []
            out.append(Passage(pid, kind, text.strip(), prov, tuple(sources)))
        return tuple(out)


def _read_entry(data: dict[str, Any], path: Path, problems: _Problems) -> Entry | None:
    reader = _EntryReader(data, path, problems)
    for unknown in sorted(set(data) - ENTRY_FIELDS):
        reader.problem(unknown, "unknown field")
    entry_id = reader.string("id", required=True)
    kind_raw = reader.string("kind", required=True)
    try:
        kind = EntryKind(kind_raw)
    except ValueError:
        if kind_raw:
            allowed = ", ".join(k.value for k in EntryKind)
            reader.problem("kind", f"must be one of {allowed} (got {kind_raw!r})")
        kind = EntryKind.PAGE
    title = reader.string("title", required=True)
    title_prov = reader.provenance(data.get("title_provenance", "editorial"), "title_provenance")
    parent = reader.string("parent") or None
    order = reader.integer("order")
    toolkit_count = reader.integer("toolkit_count", required=kind is EntryKind.AREA)
    if toolkit_count is not None and kind is not EntryKind.AREA:
        reader.problem("toolkit_count", "only areas have a toolkit_count")
    entry = Entry(
        id=entry_id,
        kind=kind,
        title=title,
        title_provenance=title_prov,
        parent=parent,
        order=order if order is not None else 0,
        area=None,  # resolved once the whole tree is known
        summary=reader.string("summary"),
        toolkit_count=toolkit_count,
        paragraphs=reader.passages("paragraphs", PassageKind.PARAGRAPH),
        steps=reader.passages("steps", PassageKind.STEP),
        actors=reader.strings("actors"),
        instruments=reader.strings("instruments"),
        related=reader.strings("related"),
        sources=reader.strings("sources"),
        aliases=reader.strings("aliases"),
    )
    return entry if entry_id else None


def _read_pack_info(root: Path, problems: _Problems) -> PackInfo:
    path = root / "pack.toml"
    data = _read_toml(path, problems) or {}
    for unknown in sorted(set(data) - PACK_FIELDS):
        problems.add(path, None, unknown, "unknown field")
    values: dict[str, str] = {}
    for fld in ("id", "title", "version", "language", "description"):
        value = data.get(fld, "")
        if not isinstance(value, str) or (fld != "description" and not value.strip()):
            if data:
                problems.add(path, None, fld, "must be a non-empty string")
            value = ""
        values[fld] = value
    return PackInfo(**values)


def _read_list(root: Path, name: str, table: str, problems: _Problems) -> list[dict[str, Any]]:
    path = root / name
    data = _read_toml(path, problems)
    if data is None:
        return []
    items = data.get(table, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        problems.add(path, None, table, f"must be an array of tables ([[{table}]])")
        return []
    return items


def _read_actors(root: Path, problems: _Problems) -> tuple[Actor, ...]:
    path = root / "actors.toml"
    out: list[Actor] = []
    for item in _read_list(root, "actors.toml", "actor", problems):
        aid, label = item.get("id"), item.get("label")
        if not isinstance(aid, str) or not SLUG_RE.match(aid):
            problems.add(path, None, "actor.id", f"must be a slug (got {aid!r})")
            continue
        if not isinstance(label, str) or not label.strip():
            problems.add(path, aid, "label", "must be a non-empty string")
            continue
        out.append(Actor(aid, label))
    return tuple(out)


def _read_sources(root: Path, problems: _Problems) -> tuple[Source, ...]:
    path = root / "sources.toml"
    out: list[Source] = []
    for item in _read_list(root, "sources.toml", "source", problems):
        sid, title = item.get("id"), item.get("title")
        if not isinstance(sid, str) or not SOURCE_ID_RE.match(sid):
            problems.add(path, None, "source.id", f"must look like S12 (got {sid!r})")
            continue
        if not isinstance(title, str) or not title.strip():
            problems.add(path, sid, "title", "must be a non-empty string")
            continue
        addresses = item.get("addresses", [])
        if not isinstance(addresses, list) or not all(isinstance(a, str) for a in addresses):
            problems.add(path, sid, "addresses", "must be a list of strings")
            addresses = []
        note = item.get("note", "")
        out.append(Source(sid, title, tuple(addresses), note if isinstance(note, str) else ""))
    return tuple(out)


def _read_released_ids(root: Path) -> frozenset[str]:
    path = root / "released-ids.txt"
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(s for line in lines if (s := line.strip()) and not s.startswith("#"))


def load_pack(root: Path) -> ContentPack:
    """Load and validate the pack in `root`; raise ContentValidationError listing every problem."""
    if not (root / "pack.toml").is_file():
        raise ContentError(f"{root}: not a content pack (no pack.toml)")
    problems = _Problems(root)
    info = _read_pack_info(root, problems)
    actors = _read_actors(root, problems)
    sources = _read_sources(root, problems)
    entries: list[Entry] = []
    files: dict[str, Path] = {}
    for path in entry_files(root):
        data = _read_toml(path, problems)
        if data is None:
            continue
        entry = _read_entry(data, path, problems)
        if entry is not None:
            entries.append(entry)
            files.setdefault(entry.id, path)
    released = _read_released_ids(root)
    _check_references(entries, files, actors, sources, released, problems, root)
    if problems.lines:
        raise ContentValidationError(problems.lines)
    resolved = _resolve_areas(entries)
    ordered = tuple(sorted(resolved, key=lambda e: e.id))
    return ContentPack(info, ordered, actors, sources, released)


def _check_references(
    entries: list[Entry],
    files: dict[str, Path],
    actors: tuple[Actor, ...],
    sources: tuple[Source, ...],
    released: frozenset[str],
    problems: _Problems,
    root: Path,
) -> None:
    by_id: dict[str, Entry] = {}
    passages: dict[str, str] = {}  # passage id -> entry id
    seen: set[str] = set()
    for entry in entries:
        path = files.get(entry.id, root)
        for ident, fld in [(entry.id, "id")] + [(p.id, f"passage {p.id}") for p in entry.passages]:
            if not SLUG_RE.match(ident):
                problems.add(path, entry.id, fld, f"{ident!r} is not a slug (a-z, 0-9, hyphens)")
            if ident in seen:
                problems.add(path, entry.id, fld, f"id {ident!r} is used twice")
            seen.add(ident)
        by_id.setdefault(entry.id, entry)
        for p in entry.passages:
            passages[p.id] = entry.id
    actor_ids = {a.id for a in actors}
    source_ids = {s.id for s in sources}
    for entry in entries:
        path = files.get(entry.id, root)

        def bad(fld: str, msg: str, path: Path = path, entry: Entry = entry) -> None:
            problems.add(path, entry.id, fld, msg)

        parent = by_id.get(entry.parent) if entry.parent else None
        if entry.parent and parent is None:
            bad("parent", f"unknown entry {entry.parent!r}")
        if entry.kind is EntryKind.PRACTICE and (
            parent is None or parent.kind is not EntryKind.AREA
        ):
            bad("parent", "a practice's parent must be an area")
        if entry.kind is EntryKind.AREA and (parent is None or parent.kind is not EntryKind.PART):
            bad("parent", "an area's parent must be a part")
        if entry.kind is EntryKind.AREA and entry.toolkit_count is not None:
            listed = sum(
                1 for e in entries if e.parent == entry.id and e.kind is EntryKind.PRACTICE
            )
            if listed > entry.toolkit_count:
                bad("toolkit_count", f"{entry.toolkit_count} but {listed} practices are listed")
        for actor in entry.actors:
            if actor not in actor_ids:
                bad("actors", f"unknown actor {actor!r} (not in actors.toml)")
        for inst in entry.instruments:
            target = by_id.get(inst)
            if target is None or target.kind is not EntryKind.INSTRUMENT:
                bad("instruments", f"{inst!r} is not an instrument entry")
        for rel in entry.related:
            if rel not in by_id:
                bad("related", f"unknown entry {rel!r}")
        for sid in entry.sources:
            if sid not in source_ids:
                bad("sources", f"unknown source {sid!r}")
        for p in entry.passages:
            where = f"{p.kind.value}s[{p.id}]"
            if p.provenance is Provenance.VERIFIED and not p.sources:
                bad(f"{where}.sources", "verified text needs at least one source")
            for sid in p.sources:
                if sid not in source_ids:
                    bad(f"{where}.sources", f"unknown source {sid!r}")
            for link in find_links(p.text):
                if link.entry_id not in by_id:
                    bad(f"{where}.text", f"link to unknown entry {link.entry_id!r}")
                elif link.anchor and passages.get(link.anchor) != link.entry_id:
                    bad(f"{where}.text", f"link to unknown paragraph {link.entry_id}#{link.anchor}")
    for gone in sorted(released - seen):
        problems.add(
            root / "released-ids.txt", None, None, f"released id {gone!r} no longer exists"
        )
    _check_cycles(by_id, files, problems, root)


def _check_cycles(
    by_id: dict[str, Entry], files: dict[str, Path], problems: _Problems, root: Path
) -> None:
    for entry in by_id.values():
        seen = {entry.id}
        node = entry
        while node.parent and node.parent in by_id:
            if node.parent in seen:
                problems.add(files.get(entry.id, root), entry.id, "parent", "parent chain loops")
                break
            seen.add(node.parent)
            node = by_id[node.parent]


def _resolve_areas(entries: list[Entry]) -> list[Entry]:
    """Give each entry the id of the area it sits under (or is), for facets and filters."""
    by_id = {e.id: e for e in entries}

    def area_of(entry: Entry) -> str | None:
        node: Entry | None = entry
        while node is not None:
            if node.kind is EntryKind.AREA:
                return node.id
            node = by_id.get(node.parent) if node.parent else None
        return None

    return [replace(e, area=area_of(e)) for e in entries]
