"""The Qt layer: PySide6 lives here and nowhere else (views, item models, dialogs, workers)."""
