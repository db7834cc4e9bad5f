"""The command modules of the CLI. Each module defines `add_commands(subparsers)` and `COMMANDS`,
a mapping from sub-command name to a handler `(paths, args, out) -> exit status`."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from typing import Any, Protocol, TextIO, TypeAlias, cast

from nexus_desktop.paths import AppPaths

# argparse's class is not subscriptable at run time before Python 3.12
Subcommands: TypeAlias = "argparse._SubParsersAction[Any]"
Handler = Callable[[AppPaths, argparse.Namespace, TextIO], int]

#: One line per command module, in the order their commands appear in --help.
COMMAND_MODULES: tuple[str, ...] = ("nexus_desktop.cli.content_commands",)


class CommandModule(Protocol):
    COMMANDS: dict[str, Handler]

    def add_commands(self, sub: Subcommands) -> None: ...


def command_modules() -> list[CommandModule]:
    return [cast(CommandModule, importlib.import_module(name)) for name in COMMAND_MODULES]
