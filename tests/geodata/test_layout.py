"""The flow runs one way, seeds → geodata → dashboard, and bench uses only public code:
read from the import statements of every module (static, so a lazy import counts)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return found


def _offenders(package: str, banned: tuple[str, ...]) -> list[str]:
    return sorted(f"{p.relative_to(ROOT)}: {name}"
                  for p in (ROOT / package).rglob("*.py") for name in _imports(p)
                  if name == banned or name.startswith(banned))


@pytest.mark.parametrize(("package", "banned"), [
    ("seeds", ("geodata", "dashboard", "streamlit")),
    ("geodata", ("dashboard", "streamlit", "pilot_atlas")),
    ("dashboard", ("pilot_atlas", "tests", "bench")),
    # bench measures the public code: no test helpers, no page modules, no private API
    ("bench", ("tests", "dashboard.views", "streamlit_folium._")),
])
def test_imports_run_one_way(package: str, banned: tuple[str, ...]) -> None:
    assert _offenders(package, banned) == []


def test_bench_calls_no_private_function_of_a_library() -> None:
    used = [f"{p.name}: {n.attr}" for p in (ROOT / "bench").rglob("*.py")
            for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
            if isinstance(n, ast.Attribute) and n.attr == "_get_map_string"]
    assert used == []


def _bare_numbers(path: Path) -> list[str]:
    """Module-level names bound to a number written in the module (5 * 1024, 0.2)."""
    out = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if value is None:
            continue
        leaves = [n for n in ast.walk(value) if not isinstance(n, ast.operator | ast.unaryop)]
        numeric = all(isinstance(n, ast.BinOp | ast.UnaryOp)
                      or (isinstance(n, ast.Constant) and type(n.value) in (int, float))
                      for n in leaves)
        if numeric:
            out.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return out


@pytest.mark.parametrize("package", ["geodata", "dashboard"])
def test_limits_and_tolerances_live_in_settings(package: str) -> None:
    """One place per number: geodata/basics/settings.py (limits, tolerances, caches) or
    dashboard/settings.py (what only shapes the UI)."""
    found = [hit for p in sorted((ROOT / package).rglob("*.py")) if p.name != "settings.py"
             for hit in _bare_numbers(p)]
    assert found == [] if package == "geodata" else set(found) <= _NOT_YET, found


# Codes, not limits: the class of a whole-province pilot in the choropleth.
_NOT_YET = {"dashboard/map/choropleth.py:26"}


# geodata's rooms, lowest first: a room imports only rooms below it (and itself)
ROOMS = ("basics", "boundaries", "geocode", "lists", "store", "exports", "registry",
         "worklist", "prepare", "cli")


def test_geodata_rooms_import_only_rooms_below_them() -> None:
    above = []
    for path in sorted((ROOT / "geodata").rglob("*.py")):
        rel = path.relative_to(ROOT / "geodata").parts
        if rel == ("__init__.py",):
            continue
        room = rel[0].removesuffix(".py")
        for name in _imports(path):
            parts = name.split(".")
            inside = parts[0] == "geodata" and len(parts) > 1 and parts[1] in ROOMS
            if inside and ROOMS.index(parts[1]) > ROOMS.index(room):
                above.append(f"{'/'.join(rel)}: {name}")
    assert above == []
    assert {p.name.removesuffix(".py") for p in (ROOT / "geodata").iterdir()
            if p.name != "__init__.py" and not p.name.startswith((".", "__"))} == set(ROOMS)


# geodata/lists' modules, lowest first: what a person brings (columns, inputs, isolated),
# the reader under its budget, names in a run of text, a list cut into items, an item
# split into units, and the entry points that read a list (published)
LIST_MODULES = ("columns", "inputs", "isolated", "reader", "runs", "items", "joined",
                "published")


def test_list_modules_import_only_modules_below_them() -> None:
    lists = ROOT / "geodata" / "lists"
    assert {p.stem for p in lists.glob("*.py") if p.stem != "__init__"} == set(LIST_MODULES)
    above = [f"{p.name}: {name}" for p in sorted(lists.glob("*.py")) if p.stem != "__init__"
             for name in _imports(p) if name.startswith("geodata.lists.")
             and (mod := name.split(".")[2]) in LIST_MODULES
             and LIST_MODULES.index(mod) > LIST_MODULES.index(p.stem)]
    assert above == []
