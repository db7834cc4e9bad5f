"""The argument parser: global options, and one sub-command per use case.

Imports nothing heavy, so that starting the GUI (no sub-command) stays fast.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from nexus_desktop import __version__


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

    p = sub.add_parser("list", help="list every entry")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("show", help="show one entry")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("search", help="full-text search")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--area", metavar="AREA", help="only entries in this area (an area id)")
    p.add_argument("--limit", metavar="N", type=_positive_int, default=10)
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("build-content", help="validate the content sources and build db/")
    p.add_argument("--sources", metavar="DIR", help="content pack folder (default: bundled)")
    p.add_argument("--out", metavar="DIR", help="output folder (default: db/)")
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value
