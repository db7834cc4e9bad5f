"""The offline guarantee: an audit hook that refuses every network operation made from Python.

`install()` runs first thing in `main()`, before any other import of the app. From then on, in this
process, any attempt to connect, send to, bind or resolve a name over a non-Unix socket raises
`NetworkRefusedError` before the operation reaches the operating system. Local Unix sockets stay
allowed: X11, Wayland and D-Bus talk to the desktop through them.

Audit hooks cannot be removed once added (PEP 578), so a plug-in or a library cannot switch this off.
They see what Python code does; what native code (Qt) does is proved by the packaging tests, which
run the frozen app under `unshare -n` and `strace -e trace=connect`.
"""

from __future__ import annotations

import socket
import sys
from typing import Any

#: audit events whose first argument is a socket: allowed only for AF_UNIX sockets
SOCKET_EVENTS = frozenset({"socket.connect", "socket.sendto", "socket.sendmsg", "socket.bind"})
#: audit events that look up names or addresses: always refused (they can query DNS)
RESOLVER_EVENTS = frozenset(
    {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo"}
)

#: an event of our own: the hook answers it, so the interpreter's hook list is the only state
PROBE_EVENT = "nexus_desktop.offline.probe"


class _ProbeAnsweredError(Exception):
    """Raised by the hook in answer to PROBE_EVENT."""


class NetworkRefusedError(ConnectionRefusedError):
    """A network operation attempted inside Nexus Desktop, which works offline by design."""


def _describe(event: str, args: tuple[Any, ...]) -> str:
    target = args[1] if event in SOCKET_EVENTS and len(args) > 1 else args[0] if args else ""
    return (
        f"Nexus Desktop works offline and refused a network operation ({event} {target!r}). "
        "This is a bug in the app or one of its libraries; no data left this machine."
    )


def _is_unix(sock: object) -> bool:
    family = getattr(sock, "family", None)
    return hasattr(socket, "AF_UNIX") and family == socket.AF_UNIX


def audit(event: str, args: tuple[Any, ...]) -> None:
    """The hook itself: cheap for the thousands of events that are not about sockets."""
    if not event.startswith("socket."):
        if event == PROBE_EVENT:
            raise _ProbeAnsweredError
        return
    if event in RESOLVER_EVENTS or (event in SOCKET_EVENTS and not _is_unix(args[0])):
        raise NetworkRefusedError(_describe(event, args))


def install() -> None:
    """Add the hook to this process (once; later calls do nothing)."""
    if not is_installed():
        sys.addaudithook(audit)


def is_installed() -> bool:
    try:
        sys.audit(PROBE_EVENT)
    except _ProbeAnsweredError:
        return True
    return False
