"""`pilot-atlas export -o x.dta | x.gpkg` (and `--table research`) as a person runs them,
each file reopened the way its users open it: pandas' Stata reader with value labels, and
pyogrio (GDAL) for the GeoPackage's layers."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyogrio
import pytest

import seeds

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "pilot_atlas", *args], capture_output=True,
                          timeout=600, env=env, cwd=ROOT)


def _labels(path: Path) -> tuple[dict[str, str], dict[str, dict[int, str]], str]:
    with pd.io.stata.StataReader(path) as reader:
        return reader.variable_labels(), reader.value_labels(), reader.data_label


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_dta_has_labels_in_the_chosen_language(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "x.dta"
    p = run("export", "-o", str(out), "--lang", lang,
            "--status", "official,reported,unconfirmed")
    assert p.returncode == 0, p.stderr
    assert out.read_bytes()[:11] == b"<stata_dta>" and b"<release>118</release>" in (
        out.read_bytes()[:200])
    variables, values, title = _labels(out)
    zh = lang == "zh"
    assert variables["status"] == ("来源状态" if zh else "how the membership is known")
    assert variables["evidence_kind"] == ("依据类型" if zh
                                          else "the kind of evidence the status rests on")
    assert title == ("国家新型城镇化综合试点地图" if zh else
                     "Pilot Atlas: China's new-type urbanization pilots")
    frame = pd.read_stata(out)  # codes read back as their labels
    raw = pd.read_stata(out, convert_categoricals=False)
    batch = dict(zip(raw["pilot_id"], raw["batch"], strict=True))
    # the numeric batch is the batch itself (12: known only as 1 or 2), labelled
    assert set(batch.values()) == {1, 2, 3, seeds.BATCH_1_OR_2}
    assert values["batch"][1] == ("第一批" if zh else "batch 1")
    # every evidence kind and status is a labelled value; unconfirmed rows say on what
    kinds = set(frame["evidence_kind"].astype(str))
    expected = {"研究数据集", "排除法", "报道", "批次通知"} if zh else {
        "Research dataset", "By elimination", "Press", "The batch's notice"}
    assert expected <= kinds
    assert set(values["status"].values()) >= ({"官方名单", "未确认"} if zh
                                              else {"Official list", "Unconfirmed"})
    # the panel's year beside the rows it covers, a code kept as text
    huizhou = frame[frame["name"] == "广东省惠州市"].iloc[0]
    assert huizhou["dataset_year"] == 2014 and huizhou["adcode"] == "441300"
    assert frame["adcode"].str.fullmatch(r"\d{6}|").all()
    long_text = frame["evidence"].str.encode("utf-8").str.len().max()
    assert long_text > 244  # strL: a long quotation (in bytes) is not cut


def test_research_table_as_dta(tmp_path: Path) -> None:
    out = tmp_path / "r.dta"
    p = run("export", "--table", "research", "-o", str(out), "--batch", "1,2,3")
    assert p.returncode == 0, p.stderr
    variables, values, _ = _labels(out)
    assert variables["first_batch"] == "最早批次"
    assert set(values["first_batch"].values()) >= {"第一批", "第二批", "第三批"}
    frame = pd.read_stata(out)
    assert len(frame) > 2800 and frame["adcode"].str.len().eq(6).all()
    jiangsu = frame[frame["province"] == "江苏省"]
    assert (jiangsu["first_batch"] == "第一批").all()  # a whole-province pilot
    assert run("export", "--table", "research", "-o", str(tmp_path / "r.gpkg")).returncode == 2


def test_gpkg_layers_open_cleanly(tmp_path: Path) -> None:
    out = tmp_path / "x.gpkg"
    p = run("export", "-o", str(out), "--lang", "en")
    assert p.returncode == 0, p.stderr
    layers = dict(pyogrio.list_layers(out))
    assert layers == {"pilots": "MultiPolygon", "pilot_points": "Point",
                      "province": "MultiPolygon", "prefecture": "MultiPolygon",
                      "county": "MultiPolygon", "south_china_sea_line": "MultiLineString"}
    pilots = pyogrio.read_dataframe(out, layer="pilots")
    points = pyogrio.read_dataframe(out, layer="pilot_points")
    frame = pd.concat([pilots, points])
    assert {"evidence_kind", "dataset_check", "status", "batch"} <= set(frame.columns)
    assert frame["pilot_id"].is_unique and len(frame) > 150
    assert pilots.geometry.is_valid.all() and points.geometry.notna().all()
    info = pyogrio.read_info(out, layer="county")
    assert info["crs"] == "EPSG:4326" and info["features"] > 2800
    provinces = pyogrio.read_dataframe(out, layer="province")
    assert {"710000", "810000", "820000"} <= set(provinces["adcode"])  # 台湾, 香港, 澳门
    with sqlite3.connect(out) as db:  # the GeoPackage tables a reader checks first
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA application_id").fetchone() == (0x47504B47,)  # 'GPKG'
        described = dict(db.execute("SELECT table_name, identifier FROM gpkg_contents"))
    assert described["pilots"] == "Pilots (unit outlines)"


@pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="GDAL's ogrinfo not installed")
def test_gpkg_passes_ogrinfo(tmp_path: Path) -> None:
    out = tmp_path / "x.gpkg"
    assert run("export", "-o", str(out)).returncode == 0
    p = subprocess.run(["ogrinfo", "-ro", "-al", "-so", str(out)], capture_output=True,
                       timeout=120)
    assert p.returncode == 0 and b"ERROR" not in p.stderr and b"Warning" not in p.stderr
