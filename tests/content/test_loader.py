"""Content validation: a valid pack loads; a broken source names its file, entry and field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nexus_desktop.content.loader import load_pack
from nexus_desktop.domain.content import EntryKind, PassageKind, Provenance
from nexus_desktop.domain.errors import ContentError, ContentValidationError


def test_fixture_pack_loads_with_areas_resolved(pack_copy: Path) -> None:
    pack = load_pack(pack_copy)
    by_id = {e.id: e for e in pack.entries}
    border = by_id["border-security"]
    assert border.kind is EntryKind.PRACTICE
    assert border.area == "capacity"
    assert border.title == "Reinforce border security."
    assert border.title_provenance is Provenance.SEED
    assert [p.id for p in border.steps] == [
        "border-security-step-risk",
        "border-security-step-training",
    ]
    assert all(p.kind is PassageKind.STEP for p in border.steps)
    assert by_id["capacity"].area == "capacity"
    assert by_id["scr-2482"].area is None
    assert [e.id for e in pack.entries] == sorted(by_id)


def _break(pack: Path, name: str, old: str, new: str) -> None:
    path = pack / "entries" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(pack: Path) -> list[str]:
    with pytest.raises(ContentValidationError) as info:
        load_pack(pack)
    return info.value.problems


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "border.toml",
            'provenance = "editorial"',
            'provenance = "official"',
            r"entries/border\.toml, entry 'border-security', field 'paragraphs\[border-security-why\]"
            r"\.provenance': must be one of seed, editorial, verified",
        ),
        (
            "border.toml",
            'actors = ["customs-and-border-agencies", "police"]',
            'actors = ["customs-and-border-agencies", "coast-guard"]',
            r"entry 'border-security', field 'actors': unknown actor 'coast-guard'",
        ),
        (
            "border.toml",
            "[Security Council](scr-2482)",
            "[Security Council](scr-9999)",
            r"field 'paragraphs\[border-security-resolution\]\.text': link to unknown entry",
        ),
        (
            "border.toml",
            'sources = ["S1"]',
            "sources = []",
            r"field 'paragraphs\[border-security-resolution\]\.sources': verified text needs",
        ),
        (
            "prisons.toml",
            'id = "prisons-why"',
            'id = "border-security-why"',
            r"entries/prisons\.toml, entry 'prisons', field 'passage border-security-why': id "
            r"'border-security-why' is used twice",
        ),
        (
            "prisons.toml",
            'parent = "capacity"',
            'parent = "good-practices"',
            r"entry 'prisons', field 'parent': a practice's parent must be an area",
        ),
        (
            "area-legal.toml",
            "toolkit_count = 2",
            "toolkit_count = 0",
            r"entry 'legal', field 'toolkit_count': 0 but 1 practices are listed",
        ),
        (
            "border.toml",
            "order = 6",
            'order = "six"',
            r"entry 'border-security', field 'order': must be a whole number",
        ),
        (
            "border.toml",
            'summary = "',
            'colour = "red"\nsummary = "',
            r"entry 'border-security', field 'colour': unknown field",
        ),
        (
            "border.toml",
            'id = "border-security"\n',
            'id = "Border Security"\n',
            r"'Border Security' is not a slug",
        ),
        (
            "scr2482.toml",
            'title = "Security',
            'title = """Security',
            r"entries/scr2482\.toml: not valid TOML",
        ),
    ],
)
def test_broken_source_names_file_entry_and_field(
    pack_copy: Path, name: str, old: str, new: str, expected: str
) -> None:
    _break(pack_copy, name, old, new)
    problems = _problems(pack_copy)
    assert any(re.search(expected, p) for p in problems), problems


def test_released_id_that_disappears_is_reported(pack_copy: Path) -> None:
    _break(pack_copy, "prisons.toml", 'id = "prisons-why"', 'id = "prisons-reasons"')
    problems = _problems(pack_copy)
    assert any("released id 'prisons-why' no longer exists" in p for p in problems), problems


def test_all_problems_are_reported_together(pack_copy: Path) -> None:
    _break(pack_copy, "border.toml", 'provenance = "editorial"', 'provenance = "x"')
    _break(pack_copy, "prisons.toml", 'parent = "capacity"', 'parent = "nowhere"')
    problems = _problems(pack_copy)
    assert any("border.toml" in p for p in problems)
    assert any("prisons.toml" in p and "unknown entry 'nowhere'" in p for p in problems)


def test_folder_without_pack_toml_is_not_a_pack(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="not a content pack"):
        load_pack(tmp_path)
