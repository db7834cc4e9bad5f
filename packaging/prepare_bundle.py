"""Inputs that build.spec makes before PyInstaller bundles anything.

- the version, read from nexus_desktop/__init__.py as text (the spec must not depend on an
  installed copy of the package);
- the content database and search index, built from resources/content into a fresh folder (the
  bundle ships them prebuilt and ships no content sources);
- the application icon as PNG (Linux menu entry) and ICO (Windows executable), rendered from
  packaging/nexus-desktop.svg with Qt's own SVG renderer, so no image tool is needed;
- the Windows version resource, filled in from packaging/windows/version_info.txt.in.

Loaded by build.spec with runpy (a folder named `packaging` must never shadow the PyPI package of
that name, so this file is not imported as a module).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

VERSION_RE = re.compile(r'^__version__\s*=\s*"([^"]+)"', re.MULTILINE)


def read_version(root: Path) -> str:
    text = (root / "nexus_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = VERSION_RE.search(text)
    if not match:
        raise SystemExit('build.spec: no __version__ = "..." in nexus_desktop/__init__.py')
    return match.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """0.1.0 -> (0, 1, 0, 0); pre-release suffixes (0.2.0rc1) keep only their numbers."""
    numbers = [0, 0, 0, 0]
    for i, part in enumerate(version.split(".")[:4]):
        digits = re.match(r"\d+", part)
        numbers[i] = int(digits.group()) if digits else 0
    return numbers[0], numbers[1], numbers[2], numbers[3]


def build_content_db(root: Path, target: Path) -> Path:
    """Build db/ from resources/content into `target`, from scratch (never a stale leftover)."""
    sys.path.insert(0, str(root))
    from nexus_desktop.services.content_build import build_content

    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    report = build_content(root / "resources" / "content", target)
    print(
        f"build.spec: content {report.content_version}, {report.entries} entries, "
        f"{report.passages} passages, hash {report.location.content_hash[:16]} -> {target}"
    )
    return target


def render_icons(svg: Path, target: Path) -> dict[str, Path]:
    """Render the SVG icon to PNG (256 px) and a multi-size ICO; returns {"png": ..., "ico": ...}."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    target.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"build.spec: cannot read the icon {svg}")

    def image(size: int) -> QImage:
        img = QImage(size, size, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        painter = QPainter(img)
        renderer.render(painter)
        painter.end()
        return img

    out = {"png": target / "nexus-desktop.png", "ico": target / "nexus-desktop.ico"}
    if not image(256).save(str(out["png"]), "PNG"):
        raise SystemExit(f"build.spec: could not write {out['png']}")
    # The ICO writer takes the largest image; Windows scales it for the smaller sizes it needs.
    writer = QImageWriter(str(out["ico"]), b"ico")
    if not writer.write(image(256)):
        raise SystemExit(f"build.spec: could not write {out['ico']}: {writer.errorString()}")
    del app
    return out


def write_version_info(template: Path, target: Path, version: str) -> Path:
    text = template.read_text(encoding="utf-8")
    text = text.replace("{version_tuple}", repr(version_tuple(version))).replace(
        "{version}", version
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
