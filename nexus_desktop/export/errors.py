"""Errors of exporting: each message is one line a user can act on."""

from __future__ import annotations

from pathlib import Path

from nexus_desktop.domain.errors import NexusError


class ExportError(NexusError):
    """An export could not be made; nothing was written."""


class EmptySelectionError(ExportError):
    def __init__(self) -> None:
        super().__init__("nothing to export: select at least one entry")


class ExportTargetExistsError(ExportError):
    """The target file exists and overwriting was not allowed (the GUI asks, the CLI needs
    --overwrite)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"file already exists: {path} (choose another name or allow overwriting)")


class ExportWriteError(ExportError):
    """The file could not be written (folder missing or read-only, disk full, ...)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"could not write {path}: {reason}; nothing was written")


class ExportCancelledError(ExportError):
    def __init__(self) -> None:
        super().__init__("export cancelled; nothing was written")


class AnnotationsUnavailableError(ExportError):
    def __init__(self) -> None:
        super().__init__("personal notes were asked for but the user database is not available")
