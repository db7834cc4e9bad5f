"""GUI composition root: show the window first, then open content and search behind it."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace) -> int:
    from nexus_desktop.ui.launcher import launch

    return launch(data_dir=args.data_dir, smoke_test=args.smoke_test)
