"""Starts the Qt application: window first, content and search opened right after it paints."""

from __future__ import annotations

import sys


def launch(data_dir: str | None = None, smoke_test: bool = False) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Nexus Desktop")
    label = QLabel("Loading the toolkit…")
    window.setCentralWidget(label)
    window.resize(1000, 700)
    window.show()

    def load() -> None:
        from nexus_desktop.paths import resolve_paths
        from nexus_desktop.services.content_build import ensure_content
        from nexus_desktop.services.library import Library

        library = Library.open(ensure_content(resolve_paths(data_dir)))
        label.setText(f"{library.info.title}\n{len(library.summaries())} entries")
        if smoke_test:
            print("nexus-desktop smoke test ok")
            app.quit()

    QTimer.singleShot(0, load)
    return int(app.exec())
