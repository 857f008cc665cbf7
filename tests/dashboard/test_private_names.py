"""The app uses the public APIs of its libraries. ruff's SLF001 (a private member of
another object) is on; the places that still need one are listed here, each with why.
A new use fails this test (and `ruff check`); a listed one that goes away fails it too,
so the list stays true."""

from __future__ import annotations

import ast
import inspect
import json
import subprocess
import sys
from pathlib import Path

import streamlit_folium as sf

ROOT = Path(__file__).resolve().parents[2]

# (file, the function holding it) -> why
EXCEPTIONS = {
    ("dashboard/map/shared.py", "streamlit_folium_internals"):
        "the map rendered once for every session (ARCHITECTURE.md, 'Private names')",
}
# Private names of folium, branca, Streamlit and streamlit-folium that tests must not
# reach for either: a test asserts what the code builds or what the page shows.
LIBRARY_PRIVATES = {"_children", "_parent", "_id", "_template", "_component_func",
                    "_get_map_string", "_get_html", "_get_header", "_get_feature_group_string",
                    "_get_layer_control_string", "_element"}


def _function_at(path: Path, line: int) -> str:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    best = "<module>"
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and (
                node.lineno <= line <= (node.end_lineno or node.lineno)):
            best = node.name
    return best


def test_private_members_only_where_listed() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "SLF001", "--ignore-noqa",
         "--output-format", "json", "--exit-zero", "dashboard", "geodata", "seeds", "bench",
         "pilot_atlas.py"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout
    found = {(str(Path(f["filename"]).resolve().relative_to(ROOT)),
              _function_at(Path(f["filename"]), f["location"]["row"])) for f in json.loads(out)}
    assert found == set(EXCEPTIONS)


def test_tests_use_no_library_private_names() -> None:
    used = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr in LIBRARY_PRIVATES
                    and not (isinstance(node.value, ast.Name) and node.value.id == "self")):
                used.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
    assert used == []


def test_the_streamlit_folium_internals_are_there_as_used() -> None:
    """A streamlit-folium that renames or reshapes what the shared map calls fails here
    (what they produce is compared with `st_folium`'s in test_shared_map.py)."""
    from dashboard.map.shared import streamlit_folium_internals

    internals = streamlit_folium_internals()
    assert all(callable(f) for f in internals)
    params = {name: list(inspect.signature(f).parameters)
              for name, f in internals._asdict().items() if name != "component"}
    assert params == {"html": ["fig"], "header": ["fig"], "script": ["fig"],
                      "feature_group": ["feature_group_to_add", "map", "idx"],
                      "layer_control": ["control", "map"]}
    assert sf.st_folium.__module__ == "streamlit_folium"
