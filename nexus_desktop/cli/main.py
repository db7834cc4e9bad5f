"""Entry of the command line: parse, dispatch, and turn every error into one line and an exit code."""

from __future__ import annotations

import sys
from typing import TextIO

from nexus_desktop.cli.arguments import UsageError, build_parser

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


def _fail(message: str, err: TextIO, code: int) -> int:
    err.write(f"nexus-desktop: error: {' '.join(message.split())}\n")
    return code


def run(argv: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        return _fail(str(exc), err, EXIT_USAGE)
    except SystemExit as exc:  # --help and --version exit through argparse
        return int(exc.code or 0)
    if args.command is None:
        from nexus_desktop.app import run_app

        return run_app(args)
    from nexus_desktop.domain.errors import NexusError, UnknownEntryError
    from nexus_desktop.paths import resolve_paths

    try:
        paths = resolve_paths(args.data_dir)
        from nexus_desktop.cli.commands import dispatch

        return dispatch(paths, args, out)
    except UnknownEntryError as exc:
        return _fail(str(exc), err, EXIT_USAGE)
    except NexusError as exc:
        return _fail(str(exc), err, EXIT_FAILURE)
    except KeyboardInterrupt:
        return _fail("interrupted", err, 130)
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}: {exc.filename or ''}", err, EXIT_FAILURE)
