"""Progress and cancellation of a long export, without Qt: a callback and a flag.

The export checks the flag between entries (while building the document and while rendering
it), so cancelling takes effect within one entry and leaves no file behind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from nexus_desktop.export.errors import ExportCancelledError

#: (steps done, steps in all, what is being done) — called from the exporting thread
ProgressCallback = Callable[[int, int, str], None]


class ExportMonitor:
    """Counts steps, reports them, and raises ExportCancelledError once cancel() was called."""

    def __init__(self, on_progress: ProgressCallback | None = None) -> None:
        self._on_progress = on_progress
        self._cancel = threading.Event()
        self._done = 0
        self._total = 0

    def cancel(self) -> None:
        """Ask the export to stop; safe to call from any thread."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def begin(self, total: int) -> None:
        self._done = 0
        self._total = total
        self.check()
        if self._on_progress is not None:
            self._on_progress(0, total, "")

    def check(self) -> None:
        if self._cancel.is_set():
            raise ExportCancelledError

    def advance(self, label: str) -> None:
        """One step done (an entry prepared or rendered); stop here if cancelled."""
        self.check()
        self._done = min(self._done + 1, max(self._total, self._done + 1))
        if self._on_progress is not None:
            self._on_progress(self._done, max(self._total, self._done), label)
