"""The offline audit hook, in a real child interpreter (a hook, once added, stays for the process).

Each case runs `python -c` with the hook installed and tries a real network operation against a
real listening socket on 127.0.0.1 (bound by this test process, before the child starts), so a
broken hook would show as a successful connection.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def listener() -> Iterator[int]:
    """A TCP socket listening on 127.0.0.1: the target a refused connect would have reached."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        yield int(server.getsockname()[1])


def run_guarded(code: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter after `nexus_desktop.offline.install()`."""
    program = "from nexus_desktop import offline\noffline.install()\n" + textwrap.dedent(code)
    return subprocess.run(
        [sys.executable, "-c", program],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_tcp_connect_to_localhost_is_refused(listener: int) -> None:
    result = run_guarded(
        f"""
        import socket
        from nexus_desktop.offline import NetworkRefusedError
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.connect(("127.0.0.1", {listener}))
        except NetworkRefusedError as exc:
            print("REFUSED:", exc)
        else:
            print("CONNECTED")
        """
    )
    assert result.returncode == 0, result.stderr
    assert "CONNECTED" not in result.stdout
    assert "REFUSED: Nexus Desktop works offline" in result.stdout
    assert "socket.connect" in result.stdout and "127.0.0.1" in result.stdout


def test_unguarded_connect_reaches_the_listener(listener: int) -> None:
    """Control: the same connect without the hook succeeds, so the test above can fail."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import socket; socket.create_connection(('127.0.0.1', {listener})); print('CONNECTED')",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.strip() == "CONNECTED", result.stderr


@pytest.mark.parametrize(
    "call",
    [
        "socket.create_connection(('127.0.0.1', PORT), timeout=2)",
        "socket.getaddrinfo('localhost', 80)",
        "socket.gethostbyname('localhost')",
        "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('127.0.0.1', PORT))",
        "socket.socket(socket.AF_INET6, socket.SOCK_STREAM).connect_ex(('::1', PORT))",
        "socket.socket(socket.AF_INET, socket.SOCK_STREAM).bind(('127.0.0.1', 0))",
        "urllib.request.urlopen('http://127.0.0.1:PORT/', timeout=2)",
        "http.client.HTTPConnection('127.0.0.1', PORT, timeout=2).request('GET', '/')",
    ],
)
def test_every_network_route_is_refused(call: str, listener: int) -> None:
    result = run_guarded(
        f"""
        import http.client, socket, urllib.request
        from nexus_desktop.offline import NetworkRefusedError
        try:
            {call.replace("PORT", str(listener))}
        except NetworkRefusedError:
            print("REFUSED")
        except OSError as exc:
            # urllib wraps the refusal; it must still be ours, not a real network error
            print("REFUSED" if "works offline" in str(exc) else f"OSERROR {{exc!r}}")
        else:
            print("ALLOWED")
        """
    )
    assert result.stdout.strip() == "REFUSED", (result.stdout, result.stderr)


def test_unix_sockets_stay_allowed(tmp_path: Path) -> None:
    """X11, Wayland and D-Bus use local Unix sockets: those must keep working."""
    path = tmp_path / "s"
    result = run_guarded(
        f"""
        import socket
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind({str(path)!r})
        server.listen(1)
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.connect({str(path)!r})
        conn, _ = server.accept()
        client.sendall(b"ping")
        print(conn.recv(4).decode())
        a, b = socket.socketpair()
        a.sendall(b"pong")
        print(b.recv(4).decode())
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ping", "pong"]


def test_install_is_idempotent_and_reported() -> None:
    result = run_guarded(
        """
        import sys
        from nexus_desktop import offline
        offline.install()
        print(offline.is_installed())
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_the_console_entry_point_installs_the_hook(listener: int) -> None:
    """`main()` installs the hook before it does anything else."""
    program = f"""
import socket, sys
from nexus_desktop.__main__ import main
from nexus_desktop import offline
print("before:", offline.is_installed())
main(["--help"])
print("installed:", offline.is_installed())
try:
    socket.create_connection(("127.0.0.1", {listener}), timeout=2)
except offline.NetworkRefusedError:
    print("REFUSED")
"""
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "before: False" in result.stdout, (result.stdout, result.stderr)
    assert "installed: True" in result.stdout
    assert "REFUSED" in result.stdout
