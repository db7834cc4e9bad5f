"""The one place that knows where things live: source checkout or frozen bundle, user data folder.

Bundled resources (content sources, prebuilt content database and index, icons) sit beside the
package in a checkout and under the bundle folder when frozen. User data goes, in order of
precedence, to `--data-dir DIR`, the NEXUS_DESKTOP_DATA_DIR variable, a `data` folder beside the
executable when a `portable` marker file sits there, or the platform's user data folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from nexus_desktop.domain.errors import DataDirError

APP_NAME = "nexus-desktop"
APP_AUTHOR = "Nexus"
DATA_DIR_ENV = "NEXUS_DESKTOP_DATA_DIR"
PORTABLE_MARKER = "portable"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """Resolved locations for one run of the application."""

    #: bundled read-only resources (content sources, icons)
    resources: Path
    #: where the built content database and index are read from (and written, when stale)
    content_db_dir: Path
    #: a writable fallback for a rebuilt database when content_db_dir is read-only
    cache_dir: Path
    #: the user's data folder (user database, backups, settings)
    data_dir: Path
    portable: bool
    frozen: bool

    @property
    def content_sources(self) -> Path:
        return self.resources / "content"

    @property
    def content_db(self) -> Path:
        return self.content_db_dir / "content.sqlite"

    @property
    def user_db(self) -> Path:
        return self.data_dir / "user.sqlite"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.ini"

    @property
    def notes_index_dir(self) -> Path:
        return self.data_dir / "notes-index"

    def ensure_data_dir(self) -> Path:
        """Create the data folder if needed and prove it is writable; raise DataDirError if not."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.data_dir, prefix=".write-test-"):
                pass
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise DataDirError(
                f"user data folder is not writable: {self.data_dir} ({reason})"
            ) from exc
        return self.data_dir


def bundle_root(frozen: bool | None = None) -> Path:
    """The folder holding `resources/` and `db/`: the bundle when frozen, else the checkout."""
    if frozen if frozen is not None else getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def executable_dir(frozen: bool | None = None) -> Path:
    """Where a `portable` marker is looked for: beside the executable, or the checkout root."""
    if frozen if frozen is not None else getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return bundle_root(False)


def _platform_dirs() -> tuple[Path, Path]:
    import platformdirs  # deferred: only needed when no override applies

    return (
        Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
    )


def resolve_paths(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    frozen: bool | None = None,
    root: Path | None = None,
    exe_dir: Path | None = None,
) -> AppPaths:
    """Resolve every location for this run. Nothing is created here."""
    env = os.environ if env is None else env
    is_frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    base = root or bundle_root(is_frozen)
    exe = exe_dir or executable_dir(is_frozen)
    portable = (exe / PORTABLE_MARKER).is_file()
    user_data, user_cache = _platform_dirs()
    if data_dir:
        chosen = Path(data_dir).expanduser()
    elif env.get(DATA_DIR_ENV):
        chosen = Path(env[DATA_DIR_ENV]).expanduser()
    elif portable:
        chosen = exe / "data"
    else:
        chosen = user_data
    cache = chosen / "cache" if (data_dir or env.get(DATA_DIR_ENV) or portable) else user_cache
    return AppPaths(
        resources=base / "resources",
        content_db_dir=base / "db",
        cache_dir=cache,
        data_dir=chosen.resolve() if chosen.is_absolute() else (Path.cwd() / chosen).resolve(),
        portable=portable,
        frozen=is_frozen,
    )
