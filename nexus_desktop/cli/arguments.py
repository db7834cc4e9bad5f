"""The argument parser: global options, and one sub-command per use case.

Imports nothing heavy, so that starting the GUI (no sub-command) stays fast.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from nexus_desktop import __version__
from nexus_desktop.cli.registry import command_modules


class UsageError(Exception):
    """Bad arguments: reported on one line, exit status 2."""


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are a single line on stderr with exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> OneLineParser:
    parser = OneLineParser(
        prog="nexus-desktop",
        description="Offline reference: good practices on the nexus between transnational "
        "organized crime and terrorism. Without a command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"nexus-desktop {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="user data folder (overrides all else)")
    parser.add_argument(
        "--smoke-test", action="store_true", help="open everything, search, build the window, exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)

    for module in command_modules():
        module.add_commands(sub)
    return parser
