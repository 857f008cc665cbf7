"""Every UI text exists in both languages; province names match the boundary file;
Leaflet is copied locally."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.i18n import (
    PROVINCES,
    STRICT_ENV,
    TEXT,
    batch_label,
    province_label,
    t,
    value_label,
)
from dashboard.map import offline
from geodata.basics.errors import MissingText
from geodata.boundaries.layers import load_layer
from seeds import load_batch_kinds

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "dashboard"


def _call_keys(tree: ast.AST) -> Iterator[tuple[int, ast.expr]]:
    """The first argument of every `t(...)` call."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "t" and node.args):
            yield node.lineno, node.args[0]


def _prefix(arg: ast.expr) -> str | None:
    """The literal head of f"lists_kind_{x}" or "legend_" + x, else None."""
    if isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
        return str(arg.values[0].value)
    if (isinstance(arg, ast.BinOp) and isinstance(arg.op, ast.Add)
            and isinstance(arg.left, ast.Constant)):
        return str(arg.left.value)
    return None


def _dynamic_families() -> dict[str, tuple[str, ...]]:
    """Every key built at run time, by its literal head, with the values it can take:
    from the code or the data that produces them, so a new value fails here."""
    import seeds
    from dashboard import state
    from geodata.registry import land_reform
    from geodata.store import record as savedlist
    from geodata.worklist import flow as listwork

    kinds = load_batch_kinds()
    return {
        "mode_": state.MODES,
        "style_": state.STYLES,
        "legend_": ("official", "reported", "unconfirmed"),  # map_view's legend loop
        "lists_kind_": savedlist.KINDS,
        "lists_diff_": listwork.DIFF_KINDS,
        "lists_notice_": ("saved", "opened", "deleted"),  # dashboard/lists/session.py NOTICE values
        "kinds_batch_": tuple({k.batch for k in kinds}),
        "kinds_basis_": tuple({k.basis for k in kinds}),
        "why_": seeds.EVIDENCE_KINDS,  # dashboard/evidence.py: an unconfirmed row's reason
        "lr_verdict_": land_reform.VERDICTS,
    }


_KEY_SHAPED = re.compile(r"[a-z][a-z0-9]*_[a-z0-9_+]+")
# A key passed in as an argument: the family it is drawn from (literals across dashboard/).
_PARAMETERS = {("dashboard/export/filenames.py", "what"): "fn_"}


def _literal_keys(node: ast.AST, families: dict[str, tuple[str, ...]]) -> set[str]:
    """Key-shaped string literals under `node` (not subscripts such as row["level"], nor
    arguments of calls other than t()), and the keys of the f-string families it builds."""
    indexes = {id(n.slice) for n in ast.walk(node) if isinstance(n, ast.Subscript)}
    indexes |= {id(v) for n in ast.walk(node) if isinstance(n, ast.JoinedStr) for v in n.values}
    indexes |= {id(a) for n in ast.walk(node) if isinstance(n, ast.Call)  # f("field", …)
                and not (isinstance(n.func, ast.Name) and n.func.id == "t") for a in n.args}
    found = {str(n.value) for n in ast.walk(node)
             if isinstance(n, ast.Constant) and isinstance(n.value, str)
             and id(n) not in indexes and _KEY_SHAPED.fullmatch(n.value)}
    for n in ast.walk(node):
        if isinstance(n, ast.JoinedStr) and (head := _prefix(n)):
            # an unlisted family shows as its bare head, which is no key: the test fails
            found |= {head + str(v) for v in families[head]} if head in families else {head}
    return found


def _values_of(scope: ast.AST, name: str, families: dict[str, tuple[str, ...]]) -> set[str]:
    """The literal keys a local variable can hold: what is assigned to it, or what the
    sequence it loops over holds (the sequence's own assignments and appends included)."""
    found: set[str] = set()
    for node in ast.walk(scope):
        targets: list[ast.expr] = []
        source: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, source = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, source = [node.target], node.value
        elif isinstance(node, ast.For | ast.comprehension):
            targets, source = [node.target], node.iter
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in ("append", "extend")
              and isinstance(node.func.value, ast.Name) and node.func.value.id == name):
            found |= set().union(*(_literal_keys(a, families) for a in node.args))
        if source is None or not any(
                isinstance(n, ast.Name) and n.id == name for t in targets for n in ast.walk(t)):
            continue
        if isinstance(source, ast.Name):
            found |= _values_of(scope, source.id, families)
        else:
            found |= _literal_keys(source, families)
    return found


def _keys_used(families: dict[str, tuple[str, ...]]) -> tuple[set[str], list[str]]:
    used: set[str] = set()
    unexplained: list[str] = []
    paths = [*DASHBOARD.rglob("*.py"), ROOT / "geodata" / "cli.py"]
    trees = {p.relative_to(ROOT).as_posix(): ast.parse(p.read_text("utf-8")) for p in paths}
    every_literal = {str(n.value) for tree in trees.values() for n in ast.walk(tree)
                     if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    for where, tree in trees.items():
        if where == "dashboard/i18n/__init__.py":
            continue  # t() itself, batch_label and value_label (tested below)
        functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
        for line, arg in _call_keys(tree):
            if isinstance(arg, ast.Constant):
                used.add(str(arg.value))
            elif (head := _prefix(arg)) is not None:
                if head not in families:
                    unexplained.append(f"{where}:{line}: family {head!r} not listed")
                used |= {head + str(v) for v in families.get(head, ())}
            elif isinstance(arg, ast.IfExp):
                used |= _literal_keys(arg.body, families) | _literal_keys(arg.orelse, families)
            elif isinstance(arg, ast.Name) and (where, arg.id) in _PARAMETERS:
                head = _PARAMETERS[where, arg.id]
                found = {s for s in every_literal
                         if _KEY_SHAPED.fullmatch(s) and s.startswith(head)}
                if not found:
                    unexplained.append(f"{where}:{line}: no {head}… literal anywhere")
                used |= found
            else:
                inner = [f for f in functions if f.lineno <= line <= (f.end_lineno or 0)]
                found = (_values_of(inner[-1], arg.id, families)
                         if inner and isinstance(arg, ast.Name) else set())
                if not found:
                    unexplained.append(f"{where}:{line}: a key from nowhere")
                used |= found
    return used, unexplained


def test_every_text_key_used_exists_in_both_languages():
    used, unexplained = _keys_used(_dynamic_families())
    assert not unexplained, unexplained
    assert len(used) > 200, "the scan found too few t() calls"
    assert used <= set(TEXT), sorted(used - set(TEXT))
    for key, (zh, en) in TEXT.items():
        assert zh and en, key


def test_a_missing_key_raises_under_test_and_shows_itself_in_production(monkeypatch):
    with pytest.raises(MissingText, match="no_such_key"):
        t("no_such_key", "en")
    monkeypatch.setenv(STRICT_ENV, "0")
    assert t("no_such_key", "en") == "no_such_key"
    assert t("filters", "en") == "Filters"


def test_province_names_match_the_boundary_file():
    layer = load_layer("province", simplified=True)
    assert dict(zip(layer["adcode"], layer["name"], strict=True)) == {
        code: zh for code, (zh, _) in PROVINCES.items()}
    assert province_label("浙江省", "en") == "Zhejiang"
    assert province_label("浙江省", "zh") == "浙江省"


def test_labels():
    assert batch_label(1, 2014, "zh") == "第一批（2014）"
    assert batch_label(3, 2016, "en", short=True) == "Batch 3"
    assert value_label("status", "unconfirmed", "en") == "Unconfirmed"
    assert value_label("level", "unknown-level", "en") == "unknown-level"
    assert t("completeness_line", "zh", batch="第一批", known=28, official=64) == \
        "第一批：已知 28 / 官方 64"


def test_coded_values_read_as_the_downloads_write_them():
    from dashboard import i18n
    from geodata.basics.errors import DataError
    from geodata.exports.schema import cell
    from geodata.exports.value_labels import LABELS

    for field, codes in LABELS.items():  # each field is a download's column too
        for code in codes:
            assert value_label(field, code, "zh") == cell(field, code, "zh"), (field, code)
    assert t("level_province", "en") == "Province (whole)"
    assert value_label("match_status", "ambiguous", "zh") == "有歧义"
    # the catalogue may not hold a label of its own: one wording, in geodata
    with pytest.raises(DataError, match="level_province"):
        i18n._merged({"level_province": ("省级", "Province")})


def test_leaflet_is_copied_once_and_served_from_the_app(tmp_path):
    dest = offline.ensure_leaflet(tmp_path / "leaflet")
    assert (dest / "leaflet.js").stat().st_size > 100_000
    assert (dest / "leaflet.css").exists()
    assert (dest / "images" / "layers.png").exists()
    before = (dest / "leaflet.js").stat().st_mtime_ns
    offline.ensure_leaflet(dest)
    assert (dest / "leaflet.js").stat().st_mtime_ns == before  # idempotent
    assert offline.asset_base() == "/app/static/vendor/leaflet"
    assert offline.asset_base("/atlas/") == "/atlas/app/static/vendor/leaflet"
