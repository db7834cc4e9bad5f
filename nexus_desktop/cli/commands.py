"""Dispatch from sub-command name to the handler its command module registered."""

from __future__ import annotations

import argparse
from typing import TextIO

from nexus_desktop.cli.registry import command_modules
from nexus_desktop.paths import AppPaths


def dispatch(paths: AppPaths, args: argparse.Namespace, out: TextIO) -> int:
    for module in command_modules():
        handler = module.COMMANDS.get(args.command)
        if handler is not None:
            return handler(paths, args, out)
    raise AssertionError(f"unhandled command {args.command!r}")
