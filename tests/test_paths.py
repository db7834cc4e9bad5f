"""paths.py: one resolver for bundled resources and user data, with its overrides."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nexus_desktop.domain.errors import DataDirError
from nexus_desktop.paths import DATA_DIR_ENV, resolve_paths


def test_checkout_resources_are_beside_the_package() -> None:
    paths = resolve_paths("/tmp/x", env={}, frozen=False)
    assert (paths.resources / "content" / "pack.toml").is_file()
    assert paths.content_db_dir.name == "db"
    assert not paths.frozen


def test_data_dir_precedence(tmp_path: Path) -> None:
    exe = tmp_path / "exe"
    exe.mkdir()
    env = {DATA_DIR_ENV: str(tmp_path / "from-env")}
    assert resolve_paths(tmp_path / "arg", env=env, exe_dir=exe).data_dir == tmp_path / "arg"
    assert resolve_paths(None, env=env, exe_dir=exe).data_dir == tmp_path / "from-env"
    default = resolve_paths(None, env={}, exe_dir=exe)
    assert not default.portable
    assert default.data_dir != exe / "data"
    (exe / "portable").write_text("")
    portable = resolve_paths(None, env={}, exe_dir=exe)
    assert portable.portable and portable.data_dir == exe / "data"
    assert portable.cache_dir == exe / "data" / "cache"
    # an explicit folder still wins over the portable marker
    assert resolve_paths(tmp_path / "arg", env={}, exe_dir=exe).data_dir == tmp_path / "arg"


def test_frozen_bundle_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path / "_internal"), raising=False)
    paths = resolve_paths(tmp_path / "d", env={}, frozen=True)
    assert paths.resources == tmp_path / "_internal" / "resources"
    assert paths.content_db_dir == tmp_path / "_internal" / "db"


def test_unwritable_data_dir_is_reported(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root writes anywhere; a file where the folder should be fails for everyone
        blocker = tmp_path / "blocked"
        blocker.write_text("a file, not a folder")
        target = blocker / "data"
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = locked / "data"
    with pytest.raises(DataDirError, match="not writable"):
        resolve_paths(target, env={}).ensure_data_dir()


def test_writable_data_dir_is_created(tmp_path: Path) -> None:
    target = tmp_path / "new" / "data"
    assert resolve_paths(target, env={}).ensure_data_dir() == target
    assert target.is_dir()
