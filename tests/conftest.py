"""Shared fixtures: real content packs built into real SQLite files and Whoosh indexes."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from nexus_desktop.services.content_build import BuildReport, build_content
from nexus_desktop.services.library import Library

# GUI tests run without a display; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
FIXTURE_PACK = REPO / "tests" / "fixtures" / "pack"
BUNDLED_PACK = REPO / "resources" / "content"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses qtbot as `gui`, so `-m "not gui"` runs the headless lane."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    """A writable copy of the small test pack, for tests that break it on purpose."""
    target = tmp_path / "pack"
    shutil.copytree(FIXTURE_PACK, target)
    return target


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuildReport]:
    """The test pack built once into a temporary db folder."""
    yield build_content(FIXTURE_PACK, tmp_path_factory.mktemp("fixture-db"))


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuildReport]:
    """The bundled content built once into a temporary db folder (never the checkout's db/)."""
    yield build_content(BUNDLED_PACK, tmp_path_factory.mktemp("bundled-db"))


@pytest.fixture
def fixture_library(fixture_build: BuildReport) -> Iterator[Library]:
    library = Library.open(fixture_build.location)
    yield library
    library.close()


@pytest.fixture
def bundled_library(bundled_build: BuildReport) -> Iterator[Library]:
    library = Library.open(bundled_build.location)
    yield library
    library.close()
