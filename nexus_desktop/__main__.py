"""Console entry point: `nexus-desktop` starts the app; `nexus-desktop COMMAND` runs the CLI."""

from __future__ import annotations

import sys

from nexus_desktop import offline


def main(argv: list[str] | None = None) -> int:
    offline.install()  # first: nothing below may open a network connection
    from nexus_desktop.cli.main import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
