"""Content hash of a validated pack and digest of its source files.

The content hash identifies what the pack *says* (canonical JSON of the validated model), so the same
sources always give the same hash. The sources digest identifies the raw files and is cheap to compute,
which makes it the staleness check run at every start from a source checkout.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from nexus_desktop.domain.content import ContentPack

#: Bumped whenever the database layout or what the build derives changes, to force a rebuild.
BUILD_FORMAT = 1


def content_hash(pack: ContentPack) -> str:
    """sha256 of the canonical JSON of the pack (entries sorted by id, info without the hash)."""
    doc = {
        "format": BUILD_FORMAT,
        "info": {k: v for k, v in asdict(pack.info).items() if k != "content_hash"},
        "entries": [asdict(e) for e in sorted(pack.entries, key=lambda e: e.id)],
        "actors": [asdict(a) for a in pack.actors],
        "sources": [asdict(s) for s in pack.sources],
    }
    blob = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def sources_digest(root: Path) -> str:
    """sha256 over every file of the pack (relative path and bytes), in sorted order."""
    digest = hashlib.sha256(f"format={BUILD_FORMAT}\n".encode())
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
