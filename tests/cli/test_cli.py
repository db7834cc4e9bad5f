"""The CLI contract on the bundled content: JSON shapes, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEXUS_DESKTOP_DATA_DIR": str(data_dir), "PYTHONWARNINGS": "error"}
    return subprocess.run(
        [sys.executable, "-m", "nexus_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-data")


def test_list_json_has_every_entry_with_its_fields(data_dir: Path) -> None:
    proc = run_cli("list", "--json", data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    entries = json.loads(proc.stdout)
    assert len(entries) > 30
    for item in entries:
        assert set(item) >= {"id", "title", "area", "kind"}
    practices = [e for e in entries if e["kind"] == "practice"]
    assert len(practices) == 22
    assert all(e["area"] for e in practices)


def test_search_border_returns_the_border_security_practice_first(data_dir: Path) -> None:
    proc = run_cli("search", "border", "--json", data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)
    assert hits[0]["id"] == "border-security"
    for hit in hits:
        assert set(hit) >= {"id", "title", "area", "kind", "score", "snippet"}
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_area_filter_and_limit(data_dir: Path) -> None:
    proc = run_cli(
        "search", "information", "--area", "local-engagement", "--limit", "3", "--json",
        data_dir=data_dir,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)
    assert 0 < len(hits) <= 3
    assert {h["area"] for h in hits} == {"local-engagement"}


def test_show_json_and_text(data_dir: Path) -> None:
    proc = run_cli("show", "border-security", "--json", data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    entry = json.loads(proc.stdout)
    assert entry["title"] == "Reinforce border security."
    assert entry["title_provenance"] == "seed"
    assert entry["steps"] and all(s["provenance"] for s in entry["steps"])
    text = run_cli("show", "border-security", data_dir=data_dir)
    assert text.returncode == 0 and "Reinforce border security." in text.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("show", "no-such-entry"),
        ("search",),
        ("search", "x", "--limit", "zero"),
        ("search", "x", "--limit", "0"),
        ("search", "x", "--area", "no-such-area"),
        ("frobnicate",),
        ("--no-such-option",),
    ],
)
def test_bad_arguments_exit_2_with_one_line(data_dir: Path, args: tuple[str, ...]) -> None:
    proc = run_cli(*args, data_dir=data_dir)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("nexus-desktop: error:"), proc.stderr
    assert "Traceback" not in proc.stderr


def test_version(data_dir: Path) -> None:
    from nexus_desktop import __version__

    proc = run_cli("--version", data_dir=data_dir)
    assert proc.returncode == 0 and proc.stdout.strip() == f"nexus-desktop {__version__}"


def test_odd_queries_never_crash(data_dir: Path) -> None:
    for query in ['"unclosed', "((", "AND OR NOT", "\x01\x02", "x" * 10000, "*", "border~2"]:
        proc = run_cli("search", query, "--json", data_dir=data_dir)
        assert proc.returncode == 0, (query[:20], proc.stderr)
        assert isinstance(json.loads(proc.stdout), list)
