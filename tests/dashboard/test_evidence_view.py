"""The app shows what each count rests on: per batch, known members by status and by
evidence kind, the research panel's coding beside each row, contradictions kept, the
land-reform cross-check; and its Stata and GeoPackage downloads reopen cleanly."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pandas as pd
import pyogrio

from dashboard import data
from dashboard.export import downloads
from dashboard.filters import filter_pilots
from dashboard.state import ViewState
from geodata.registry.effective import effective_pilots
from geodata.registry.evidence import kind_counts
from tests.dashboard.apptest import run_app

ALL = "official,reported,unconfirmed"


def _table(at: object, column: str) -> pd.DataFrame:
    frames = at.dataframe  # type: ignore[attr-defined]
    return next(d.value for d in frames if column in d.value.columns)


def test_tallies_show_each_batch_by_status_and_evidence_kind() -> None:
    at = run_app(mode="tallies")
    table = _table(at, "来源状态")
    counts = kind_counts(effective_pilots(None), 2)
    row = table[(table["批次"].str.startswith("第二批")) & (table["来源状态"] == "未确认")]
    assert len(row) == 1
    assert row.iloc[0]["研究数据集"] == counts["unconfirmed"]["dataset"] >= 5
    assert row.iloc[0]["排除法"] == counts["unconfirmed"]["elimination"] >= 3
    assert row.iloc[0]["合计"] == sum(counts["unconfirmed"].values())
    official = table[(table["批次"].str.startswith("第二批")) & (table["来源状态"] == "官方名单")]
    assert official.iloc[0]["批次通知"] == official.iloc[0]["合计"]  # the notice only
    # the completeness strip names the kinds its counts include
    captions = " ".join(c.value for c in at.caption)
    assert "依据：批次通知" in captions and "研究数据集" in captions
    # contradictions kept and named: 南昌 makes batch 2's capitals three; 东莞 untreated
    text = " ".join(m.value for m in at.markdown)
    assert "南昌" in text and "东莞" in text and "数据集未列为试点" in text
    land = _table(at, "核对结果")
    assert len(land) == 19 and (land["核对结果"] == "第二批（通知）").sum() == 14
    assert land[land["今单位"] == "宜城市"].iloc[0]["核对结果"].startswith("线索")


def test_the_panels_coding_beside_each_row_and_why_unconfirmed_on_request() -> None:
    at = run_app(status=ALL, lang="en", q="Huizhou")
    at.toggle(key="show_list_explore").set_value(True).run()
    table = _table(at, "Research dataset's coding")
    row = table[table["Simplified name"].str.contains("惠州")].iloc[0]
    assert row["Research dataset's coding"] == "Dataset agrees (2014)"
    assert row["Evidence kind"] == "Research dataset"
    pid = row["ID"]
    at = run_app(status=ALL, lang="en", pilot=pid)
    details = " ".join(m.value for m in at.markdown)
    assert "Only a research dataset codes it" in details


def test_download_buttons_offer_stata_and_geopackage() -> None:
    at = run_app(mode="tallies", lang="en")
    labels = {b.proto.label for b in at.get("download_button")}
    assert {"Stata (.dta)", "GeoPackage (with boundary layers)",
            "Research table: every county-level unit (Stata .dta)"} <= labels


def test_the_apps_dta_and_gpkg_files_reopen() -> None:
    s = ViewState(statuses=("official", "reported", "unconfirmed"))
    pilots = filter_pilots(data.registry(True, ""), s)
    ids = tuple(str(i) for i in pilots["pilot_id"])
    frame = pd.read_stata(io.BytesIO(downloads.dta(pilots, "en", "Pilot Atlas")))
    assert len(frame) == len(pilots)
    assert set(frame["evidence_kind"].astype(str)) >= {"Research dataset", "By elimination"}
    research = pd.read_stata(io.BytesIO(downloads.research_dta(ids, "", s.statuses, "zh")))
    assert set(research["first_batch"].dropna().astype(str)) >= {"第一批", "第二批", "第三批"}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.gpkg"
        path.write_bytes(downloads.full_gpkg(ids, "", "zh"))
        layers = dict(pyogrio.list_layers(path))
        assert {"pilots", "pilot_points", "province", "prefecture", "county"} <= set(layers)
        shown = pd.concat([pyogrio.read_dataframe(path, layer="pilots"),
                           pyogrio.read_dataframe(path, layer="pilot_points")])
        assert set(shown["pilot_id"]) == set(ids)
        assert "研究数据集" in set(shown["evidence_kind"])
