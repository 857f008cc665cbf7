"""Presenting through streamlit.testing: step titles, honest counts, named filters, the
map that fills its frame, and the exports offered."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from geodata.registry.pilots import completeness, registry_rows
from tests.dashboard.apptest import run_app

run = run_app


def _html(at: AppTest) -> str:
    return "\n".join(str(getattr(e.proto, "body", "")) for e in at.get("html"))


def test_step_titles_and_known_of_official():
    official = {int(c["batch"]): int(c["official_members"]) for c in completeness()}
    for step, years in (("1", "2014"), ("2", "2014–2015"), ("3", "2014–2016")):
        at = run(mode="present", step=step)
        assert at.title[0].value == f"国家新型城镇化综合试点 {years}"
    # shown by default: official and reported members (never a contradicted one)
    n1 = sum(1 for r in registry_rows()
             if r["batch"] == 1 and r["status"] in ("official", "reported") and r["level"])
    body = _html(at)
    assert f"显示 {n1} / 官方 {official[1]}" in body
    assert f"<b>{official[3]}</b>" in body  # batch 3 is complete: a plain count
    assert "名单不完整" in body and "全国" in body and "名单截至" in body


def test_filters_are_named_and_partial_counts_starred():
    at = run(mode="present", step="1", province="湖南省", lang="en")
    body = _html(at)
    assert "Hunan · unconfirmed members left out" in body
    assert "(national figures)" in body
    n = sum(1 for r in registry_rows() if r["batch"] == 1 and r["province"] == "湖南省"
            and r["status"] != "unconfirmed")
    assert f"<b>{n} *</b>" in body


def test_the_map_fills_its_frame_and_has_the_inset():
    at = run(mode="present", step="2")
    (m,) = [json.loads(c.proto.json_args) for c in at.get("component_instance")
            if c.proto.component_name == "streamlit_folium.st_folium"]
    # the map fills its frame (fill.js, with its CSS) and is national: the inset
    assert "atlas.fill(" in m["script"] and "atlas.inset(" in m["script"]
    assert "100vh" in m["header"]
    labels = [b.label for b in at.get("download_button")]
    for wanted in ("PNG", "SVG", "PDF", "PPTX", "HTML"):
        assert any(wanted in label for label in labels), (wanted, labels)
