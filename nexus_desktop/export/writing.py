"""Safe writes: a temporary file in the target folder, then an atomic rename.

Whatever goes wrong — the folder is missing or read-only, the disk is full, the export is
cancelled, a renderer fails — the temporary file is removed and the target is left as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from nexus_desktop.export.errors import ExportTargetExistsError, ExportWriteError

#: writes the whole export into the open temporary file
Producer = Callable[[BinaryIO], None]

TEMP_SUFFIX = ".part"


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (the folder is not writable)"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno == errno.ENOENT:
        return "the folder does not exist"
    if exc.errno == errno.EDQUOT:
        return "the disk quota is exceeded"
    return exc.strerror or str(exc)


def check_target(target: Path, overwrite: bool) -> None:
    """Fail early, before any work, when the file cannot be written where asked."""
    folder = target.parent
    if target.is_dir():
        raise ExportWriteError(target, "that is a folder")
    if not folder.is_dir():
        raise ExportWriteError(target, "the folder does not exist")
    if target.exists() and not overwrite:
        raise ExportTargetExistsError(target)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportWriteError(target, "permission denied (the folder is not writable)")


def write_atomically(target: Path, produce: Producer, overwrite: bool = False) -> int:
    """Write `target` through `produce`; return its size in bytes.

    The file appears complete or not at all: `produce` writes into a temporary file beside the
    target, which is flushed to disk and then renamed over it.
    """
    check_target(target, overwrite)
    try:
        fd, temp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX
        )
    except OSError as exc:
        raise ExportWriteError(target, _reason(exc)) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            produce(stream)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); an exported document is an ordinary file
        os.chmod(temp, 0o644)
        if target.exists() and not overwrite:  # appeared while we were rendering
            raise ExportTargetExistsError(target)
        size = temp.stat().st_size
        os.replace(temp, target)
    except OSError as exc:
        _remove(temp)
        raise ExportWriteError(target, _reason(exc)) from exc
    except BaseException:
        _remove(temp)
        raise
    return size


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
