"""Dispatch table from sub-command name to the function that runs it."""

from __future__ import annotations

import argparse
from typing import TextIO

from nexus_desktop.cli.content_commands import (
    LIBRARY_COMMANDS,
    cmd_build_content,
    run_library_command,
)
from nexus_desktop.paths import AppPaths


def dispatch(paths: AppPaths, args: argparse.Namespace, out: TextIO) -> int:
    if args.command in LIBRARY_COMMANDS:
        return run_library_command(paths, args, out)
    if args.command == "build-content":
        return cmd_build_content(paths, args, out)
    raise AssertionError(f"unhandled command {args.command!r}")
