"""The error types every layer may raise or catch; each carries a message fit for a user."""

from __future__ import annotations


class NexusError(Exception):
    """Base of every error the application reports to a user as a one-line message."""


class ContentError(NexusError):
    """Content sources are missing or invalid; the message names the file, entry and field."""


class ContentValidationError(ContentError):
    """One or more problems in a content pack; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        head = self.problems[0] if self.problems else "invalid content"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(head + more)


class ContentDatabaseError(ContentError):
    """The built content database is missing, unreadable or from an incompatible build."""


class UnknownEntryError(NexusError):
    """An entry id that the content does not hold."""

    def __init__(self, entry_id: str) -> None:
        self.entry_id = entry_id
        super().__init__(f"unknown entry id: {entry_id!r}")


class SearchIndexError(NexusError):
    """The search index is missing or damaged and could not be opened."""


class DataDirError(NexusError):
    """No usable user data folder (missing, not writable, or not creatable)."""
