"""Creating an index folder from documents, with commits that never leave the index locked."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.fields import Schema
from whoosh.writing import IndexWriter


def commit_or_cancel(writer: IndexWriter, **kwargs: Any) -> None:
    """Commit `writer`; on any failure cancel it first, or whoosh 2.7 keeps the write lock."""
    try:
        writer.commit(**kwargs)
    except BaseException:
        try:
            writer.cancel()
        except Exception:
            # cancel() itself can fail half-way (files already closed); free the lock anyway.
            lock = getattr(writer, "writelock", None)
            if lock is not None:
                lock.release()
        raise


def write_index(
    target: Path,
    schema: Schema,
    docs: Iterable[dict[str, Any]],
    *,
    procs: int = 1,
    limitmb: int = 128,
) -> None:
    """Build a fresh index in `target` (replaced whole, via a sibling temporary folder)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        ix = whoosh_index.create_in(str(tmp), schema)
        options: dict[str, Any] = {"limitmb": limitmb}
        if procs > 1:
            options.update(procs=procs, multisegment=True)
        writer = ix.writer(**options)
        try:
            for doc in docs:
                writer.add_document(**doc)
        except BaseException:
            writer.cancel()
            raise
        commit_or_cancel(writer)
        ix.close()
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
