"""CLI commands over the content: list, show, search, build-content.

Services are imported inside the handlers: building the parser must stay cheap, because the GUI
(no sub-command) parses the same arguments before it shows its window.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from nexus_desktop.cli.registry import Handler, Subcommands
from nexus_desktop.domain.content import Entry, EntrySummary
from nexus_desktop.domain.errors import UnknownEntryError
from nexus_desktop.domain.links import plain_text
from nexus_desktop.domain.search import SearchQuery
from nexus_desktop.paths import AppPaths

if TYPE_CHECKING:
    from nexus_desktop.services.library import Library


def _summary_json(s: EntrySummary) -> dict[str, Any]:
    return {"id": s.id, "title": s.title, "area": s.area, "kind": s.kind.value, "parent": s.parent}


def _entry_json(e: Entry) -> dict[str, Any]:
    data = asdict(e)
    data["kind"] = e.kind.value
    data["title_provenance"] = e.title_provenance.value
    for key in ("paragraphs", "steps"):
        for item in data[key]:
            item["kind"] = item["kind"].value
            item["provenance"] = item["provenance"].value
    return data


def _print_json(data: object, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def cmd_list(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    summaries = library.summaries()
    if args.json:
        _print_json([_summary_json(s) for s in summaries], out)
        return 0
    for s in summaries:
        out.write(f"{s.id:<48} {s.kind.value:<11} {s.title}\n")
    return 0


def cmd_show(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    entry = library.entry(args.id)
    if args.json:
        _print_json(_entry_json(entry), out)
        return 0
    out.write(f"{entry.title}\n{'=' * min(len(entry.title), 78)}\n")
    out.write(f"[{entry.kind.value}] id: {entry.id}  title: {entry.title_provenance.value}\n\n")
    for p in entry.paragraphs:
        src = f" ({', '.join(p.sources)})" if p.sources else ""
        out.write(f"{plain_text(p.text)}\n  [{p.provenance.value}{src}]\n\n")
    if entry.steps:
        out.write("Key steps\n")
        for n, p in enumerate(entry.steps, 1):
            src = f" ({', '.join(p.sources)})" if p.sources else ""
            out.write(f"{n}. {plain_text(p.text)}\n   [{p.provenance.value}{src}]\n")
        out.write("\n")
    for label, ids in (
        ("Key actors", entry.actors),
        ("Instruments", entry.instruments),
        ("Related", entry.related),
    ):
        if ids:
            out.write(f"{label}: {', '.join(ids)}\n")
    return 0


def cmd_search(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    filters = {"area": args.area} if args.area else {}
    if args.area and args.area not in {s.id for s in library.summaries() if s.kind.value == "area"}:
        raise UnknownEntryError(args.area)
    results = library.search(
        SearchQuery(args.query, filters=filters, limit=args.limit, with_facets=False)
    )
    if args.json:
        _print_json(
            [
                {
                    "id": h.entry_id,
                    "title": h.title,
                    "area": h.area or None,
                    "kind": h.kind,
                    "score": h.score,
                    "snippet": h.snippet.text,
                    "spans": [list(s) for s in h.snippet.spans],
                    "passage": h.passage_id,
                }
                for h in results.hits
            ],
            out,
        )
        return 0
    if results.corrected and results.suggestion:
        out.write(f"Showing results for: {results.suggestion}\n")
    elif results.suggestion:
        out.write(f"Did you mean: {results.suggestion}\n")
    if not results.hits:
        out.write("No results.\n")
    for h in results.hits:
        out.write(f"{h.score:7.2f}  {h.entry_id}  {h.title}\n         {h.snippet.marked()}\n")
    return 0


def cmd_build_content(paths: AppPaths, args: argparse.Namespace, out: TextIO) -> int:
    from nexus_desktop.services.content_build import build_content

    sources = Path(args.sources) if args.sources else paths.content_sources
    target = Path(args.out) if args.out else paths.content_db_dir
    report = build_content(sources, target)
    out.write(
        f"built {report.entries} entries, {report.passages} passages, content version "
        f"{report.content_version}, hash {report.location.content_hash[:16]} "
        f"in {report.seconds:.2f} s -> {report.location.db_path}\n"
    )
    return 0


LIBRARY_COMMANDS = {"list": cmd_list, "show": cmd_show, "search": cmd_search}


def run_library_command(paths: AppPaths, args: argparse.Namespace, out: TextIO) -> int:
    from nexus_desktop.services.content_build import ensure_content
    from nexus_desktop.services.library import Library

    library = Library.open(ensure_content(paths))
    try:
        return LIBRARY_COMMANDS[args.command](library, args, out)
    finally:
        library.close()


COMMANDS: dict[str, Handler] = {
    "list": run_library_command,
    "show": run_library_command,
    "search": run_library_command,
    "build-content": cmd_build_content,
}


def add_commands(sub: Subcommands) -> None:
    p = sub.add_parser("list", help="list every entry")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("show", help="show one entry")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("search", help="full-text search")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--area", metavar="AREA", help="only entries in this area (an area id)")
    p.add_argument("--limit", metavar="N", type=_positive_int, default=10)
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("build-content", help="validate the content sources and build db/")
    p.add_argument("--sources", metavar="DIR", help="content pack folder (default: bundled)")
    p.add_argument("--out", metavar="DIR", help="output folder (default: db/)")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value
