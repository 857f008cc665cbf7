"""My lists: paste or upload a list, audit it, fix items, map it, keep it, complete a
batch. Driven through streamlit.testing (the whole app) and the page's pure helpers."""

from __future__ import annotations

import io
import json

import pytest
from branca.element import Element
from streamlit.testing.v1 import AppTest

from dashboard import i18n
from dashboard.lists import session as lists_session
from dashboard.lists import tables as lists_frames
from dashboard.map.list_layer import LIST_COLOUR, add_list_layer, safe_html
from dashboard.map.view import build_map
from geodata.basics.notes import note_text, refusal_text
from geodata.boundaries.layers import load_layer
from geodata.geocode.geocoder import AMBIGUOUS, MATCHED, UNMATCHED
from geodata.lists.inputs import MAX_BYTES, MAX_ROWS
from geodata.registry.pilots import registry_rows
from geodata.store.folders import Store
from geodata.store.record import diff_with_registry
from geodata.worklist import flow as listwork
from geodata.worklist import places as listfiles
from tests.dashboard.apptest import APP, run_app

INJECT = "{{ 7*7 }}<img src=x onerror=alert(1)>"
SAMPLE = "貴州省黔南州獨山縣、三都縣\n城区\n浙江省苍南县龙港镇\n山东省临沂经济技术开发区\n" + INJECT
SAMPLE_COUNTS = {"matched": 3, "approximate": 1, "ambiguous": 1, "unmatched": 1}


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path, monkeypatch):
    """Each test keeps its saved lists in its own folder (none leak into other tests)."""
    monkeypatch.setenv("PILOT_ATLAS_DATA", str(tmp_path / "data"))
    return tmp_path / "data"


def app(**query: str) -> AppTest:
    return run_app(**{"mode": "lists", **query})


def paste(at: AppTest, text: str, name: str = "") -> AppTest:
    if name:
        at.text_input(key="lists_name").input(name)
    at.text_area(key="lists_text").input(text)
    at.button(key="lists_go_text").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def work(at: AppTest) -> listwork.Work:
    return at.session_state[lists_session.WORK]


def frame(at: AppTest, column: str):
    """The first table on the page with `column` (tables carry no key in AppTest)."""
    found = [d.value for d in at.dataframe if column in d.value.columns]
    if not found:
        raise KeyError(column)
    return found[0]


def list_map(at: AppTest) -> dict:
    (m,) = [
        json.loads(c.proto.json_args)
        for c in at.get("component_instance")
        if c.proto.component_name == "streamlit_folium.st_folium"
    ]
    return m


# --- paste, audit, map -------------------------------------------------------------------


def test_mode_is_in_the_view_switch_and_the_url():
    at = app()
    assert at.title[0].value == "我的名单"
    assert "lists" in at.segmented_control(key="w_mode").options or any(
        "我的名单" in str(o) for o in at.segmented_control(key="w_mode").options
    )
    assert at.query_params["mode"] in ("lists", ["lists"])
    assert not at.get("component_instance")  # no map before there is a list
    # the limits are stated
    assert any("5 MB" in c.value and "20,000" in c.value for c in at.caption)


def test_paste_gives_the_audit_table():
    at = paste(app(), SAMPLE, name="试验名单")
    m = metrics(at)
    assert m["条目"] == "6"
    assert {k: int(m[i18n.value_label("match_status", k)]) for k in SAMPLE_COUNTS} == SAMPLE_COUNTS
    table = frame(at, "名单原文")
    assert len(table) == 6
    assert list(table["名单原文"])[:2] == ["貴州省黔南州獨山縣", "三都縣"]
    assert list(table["定位到"])[1] == "贵州省 黔南布依族苗族自治州 三都水族自治县"
    longgang = table[table["名单原文"] == "浙江省苍南县龙港镇"].iloc[0]
    assert longgang["原名称（已更名）"] == "龙港镇"
    # the notes follow the table, the names in them marked with their language
    notes = next(m.value for m in at.markdown if m.value.startswith("- #"))
    assert "- #4: 龙港镇已改为龙港市（2019年）" in notes
    chengqu = table[table["名单原文"] == "城区"].iloc[0]
    assert chengqu["结果"] == "有歧义" and "140302" in chengqu["候选"]
    assert table["名单原文"].iloc[-1] == INJECT  # shown as text, in a dataframe
    # the list drawn as its own layer, in its own colour, with the injection inert
    script = list_map(at)["script"]
    assert LIST_COLOUR in script and "atlas-list" in script
    assert "<img" not in script and "{{" not in script
    # tallies by province of the located items
    tallies = frame(at, "合计").set_index("省份")
    assert tallies.loc["贵州省", "合计"] == 2 and tallies.loc["合计", "合计"] == 4


def test_english_page():
    at = paste(app(lang="en"), SAMPLE)
    assert at.title[0].value == "My lists"
    assert metrics(at)["Unmatched"] == "1"
    assert len(frame(at, "As in the list")) == 6


def test_list_beside_the_pilot_batches():
    at = paste(app(batch="3"), "河北省安平县")
    alone = list_map(at)["script"]
    assert "b3-" not in alone
    at.toggle(key="lists_beside").set_value(True).run()
    beside = list_map(at)["script"]
    assert "b3-" in beside and LIST_COLOUR in beside


def test_fix_an_ambiguous_and_an_unmatched_item():
    at = paste(app(), SAMPLE)
    rows = work(at).rows
    amb = next(i for i, r in enumerate(rows) if r["status"] == AMBIGUOUS)
    bad = next(i for i, r in enumerate(rows) if r["status"] == UNMATCHED)
    assert at.selectbox(key="lists_fix_row").value == amb
    token = work(at).token
    radio = at.radio(key=f"lists_cand_{token}_{amb}")
    choice = next(o for o in radio.options if o.startswith("140502"))
    radio.set_value(choice).run()
    at.button(key=f"lists_choose_{token}_{amb}").click().run()
    fixed = work(at).rows[amb]
    assert (fixed["status"], fixed["adcode"], fixed["input"]) == (MATCHED, "140502", "城区")
    assert note_text(str(fixed["note"]), "en").startswith("chosen by hand")
    # only the unmatched item is left to settle; correct its text
    assert at.selectbox(key="lists_fix_row").options == [f"#{bad + 1} — 未匹配"]
    item = next(c.value for c in at.caption if c.value.startswith("条目："))
    assert "\\{\\{ 7\\*7 \\}\\}" in item  # the item below its option, as text
    at.text_input(key=f"lists_corr_{token}_{bad}").input("贵州省独山县")
    at.button(key=f"lists_redo_{token}_{bad}").click().run()
    fixed = work(at).rows[bad]
    assert (fixed["status"], fixed["adcode"], fixed["input"]) == (MATCHED, "522726", INJECT)
    assert all(r == o for r, o in zip(work(at).rows[:amb], rows[:amb], strict=True))
    assert not at.get("selectbox") or "lists_fix_row" not in [s.key for s in at.selectbox]
    # the corrected item keeps its (hostile) text and is now drawn: still inert
    script = list_map(at)["script"]
    assert "7*7" in script and "{{" not in script and "<img" not in script


# --- bad input ---------------------------------------------------------------------------


def test_binary_upload_is_refused_and_changes_nothing():
    at = paste(app(), "河北省安平县")
    before = work(at)
    at.file_uploader(key="lists_file").set_value(
        ("list.txt", b"\x00\x01\x02PK" * 50, "text/plain")
    ).run()
    at.button(key="lists_go_file").click().run()
    assert not at.exception
    (err,) = at.error
    assert "二进制文件" in err.value and "binary" not in err.value  # said in the UI's language
    assert work(at) is before  # the list worked on before is untouched


def test_gbk_upload_and_csv_and_xlsx():
    at = app()
    data = "貴州省黔南州獨山縣、三都縣\n河北省安平县\n".encode("gbk")
    at.file_uploader(key="lists_file").set_value(("名单.txt", data, "text/plain")).run()
    at.button(key="lists_go_file").click().run()
    assert not at.error
    w = work(at)
    assert (w.encoding, w.kind, w.source_name, w.name) == (
        "gb18030",
        "text",
        "名单.txt",
        "名单.txt",
    )
    assert [r["adcode"] for r in w.rows] == ["522726", "522732", "131125"]
    # a column of names, with a header
    csv_data = "\ufeffname,note\n北京市顺义区,x\n河北省安平县,y\n".encode()
    parsed = listwork.read_upload(csv_data, "a.csv")
    assert parsed.kind == "column" and [r["adcode"] for r in listwork.resolve(parsed)] == [
        "110113",
        "131125",
    ]
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["地区"])
    wb.active.append(["浙江省苍南县龙港镇"])
    buf = io.BytesIO()
    wb.save(buf)
    rows = listwork.resolve(listwork.read_upload(buf.getvalue(), "b.xlsx"))
    assert [(r["adcode"], r["renamed_from"]) for r in rows] == [("330383", "龙港镇")]


@pytest.mark.parametrize(
    ("kind", "payload", "reason"),
    [
        ("file", (b"a" * (MAX_BYTES + 1), "big.txt"), "limit is 5 MB"),
        ("file", (b"\x00\xff" * 100, "bin.txt"), "binary"),
        ("file", (b"PK\x03\x04 not really", "x.xlsx"), "cannot be opened"),
        ("file", (b"\x81\x30\x81", "bad.txt"), "neither UTF-8 nor GB18030"),
        ("file", (b"x", "old.xls"), "xls files are not read"),
        ("file", (("河北省安平县\n" * (MAX_ROWS + 1)).encode(), "many.txt"), "20,000"),
        ("text", "河北省安平县\n" * (MAX_ROWS + 1), "more than the limit of 20,000"),
        ("text", "x" * (MAX_BYTES + 1), "limit is 5 MB"),
        ("text", "   \n\n", "empty"),
    ],
)
def test_bad_input_sets_one_line_and_nothing_else(kind, payload, reason):
    session: dict[str, object] = {}
    assert lists_session.load_into(session, name="ok", text="河北省安平县")
    before = session[lists_session.WORK]
    if kind == "file":
        data, filename = payload
        ok = lists_session.load_into(session, name="bad", data=data, filename=filename)
    else:
        ok = lists_session.load_into(session, name="bad", text=payload)
    assert not ok
    assert session[lists_session.WORK] is before
    error = refusal_text(session[lists_session.ERROR], "en")
    assert reason in error and "\n" not in error
    # and a good list afterwards clears the error
    assert lists_session.load_into(session, name="ok2", text="河北省安平县")
    assert lists_session.ERROR not in session


def test_too_many_rows_pasted_in_the_app_changes_nothing():
    at = paste(app(), "河北省安平县", name="first")
    before = work(at)
    paste(at, "河北省安平县\n" * (MAX_ROWS + 1))
    assert "20,000" in at.error[0].value
    assert work(at) is before
    assert len(frame(at, "名单原文")) == 1


# --- map layer: user text never runs -----------------------------------------------------


def test_jinja_would_evaluate_braces_so_they_are_escaped():
    # why: branca renders generated scripts as templates again
    assert Element("{{ 7*7 }}").render() == "49"
    assert Element(safe_html("{{ 7*7 }}")).render() == "&#123;&#123; 7*7 &#125;&#125;"


def test_injection_in_a_list_item_stays_text_in_the_map_html():
    from geodata.registry.pilots import resolved_registry

    none = resolved_registry(simplified=True).iloc[0:0]
    provinces = load_layer("province", simplified=True)
    row = {
        "input": INJECT,
        "status": MATCHED,
        "level": "county",
        "adcode": "522726",
        "province": "贵州省",
        "prefecture": INJECT,
        "county": "独山县",
        "town": "",
        "unit_name": "独山县",
        "renamed_from": INJECT,
        "lon": 107.5,
        "lat": 25.6,
    }
    point = {**row, "level": "town", "town": "{{ 8*8 }}镇"}

    def page() -> str:
        m = build_map(none, provinces,
                      more=lambda m: add_list_layer(m, [row, point], name=INJECT, lang="zh"))
        return m.get_root().render()  # the full page: every Jinja pass folium makes

    html = page()
    # nothing left for a template engine, no live tag; the text survived unevaluated
    assert "{{ 7*7" not in html and "{{ 8*8" not in html and "<img src=x" not in html
    inert = r"\u0026#123;\u0026#123; 7*7 \u0026#125;\u0026#125;\u0026lt;img src=x"
    assert html.count(inert) >= 4  # tooltips (input, prefecture, renamed), name, legend
    assert r"\u0026#123;\u0026#123; 8*8 \u0026#125;\u0026#125;" in html


def test_a_place_named_twice_is_drawn_once():
    from geodata.registry.pilots import resolved_registry

    session: dict[str, object] = {}
    lists_session.load_into(session, name="x", text="河北省安平县\n河北省安平縣\n北京市顺义区")
    rows = session[lists_session.WORK].rows
    drawn = []
    build_map(resolved_registry(simplified=True).iloc[0:0],
              load_layer("province", simplified=True),
              more=lambda m: drawn.append(add_list_layer(m, rows, name="x")))
    (layer,) = drawn
    assert "x" in layer.group.layer_name
    (areas,) = layer.layers
    assert len(areas.data["f"]) == 2  # 安平县 once, 顺义区 once
    tip = next(f[3] for f in areas.data["f"] if f[4] == "L0")
    assert "河北省安平縣" in tip and "名单中还有" in tip
    assert "地图上 3 项" in layer.legend


# --- downloads -----------------------------------------------------------------------------


def test_downloads_neutralise_formulas_and_carry_geometry():
    session: dict[str, object] = {}
    lists_session.load_into(
        session, name="x", text='=HYPERLINK("http://x")\n河北省安平县\n浙江省苍南县龙港镇'
    )
    rows = session[lists_session.WORK].rows
    text = listfiles.csv_bytes(rows, "en").decode("utf-8")
    assert text.startswith("\ufeffinput,status")
    assert "'=HYPERLINK" in text
    zh = listfiles.csv_bytes(rows).decode("utf-8")  # Chinese by default: headers and values
    assert zh.startswith("\ufeff输入名称,匹配结果,") and "匹配" in zh and "matched" not in zh
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(listfiles.xlsx(rows)))
    ws = wb.worksheets[0]
    assert ws.cell(2, 1).value.startswith("'=")
    assert len(wb.worksheets) == 2  # the columns documented
    geo = json.loads(listfiles.geojson_bytes(rows))
    kinds = [f["geometry"] and f["geometry"]["type"] for f in geo["features"]]
    assert kinds[0] is None and kinds[1] in ("Polygon", "MultiPolygon")
    assert geo["features"][2]["properties"]["renamed_from"] == "龙港镇"


# --- keeping lists, completing a batch ------------------------------------------------------


def test_save_reload_and_delete(own_data_folder):
    at = paste(app(), SAMPLE, name="我的第一份")
    at.button(key="lists_save").click().run()
    (saved,) = Store().all()
    assert saved.name == "我的第一份" and saved.as_batch is None
    assert [r["input"] for r in saved.rows] == [r["input"] for r in work(at).rows]
    assert (own_data_folder / saved.list_id / "list.json").is_file()
    # a new session (a reload, a restart) sees it; its unsaved work is empty
    other = app()
    assert lists_session.WORK not in other.session_state
    table = frame(other, "建议用于")
    assert list(table["名称"]) == ["我的第一份"]
    other.button(key="lists_open").click().run()
    assert [r["input"] for r in work(other).rows] == [r["input"] for r in saved.rows]
    # delete needs a tick first
    assert other.button(key="lists_delete").disabled
    other.checkbox(key="lists_delete_ok").check().run()
    other.button(key="lists_delete").click().run()
    assert Store().all() == []
    with pytest.raises(KeyError):
        frame(other, "建议用于")


def test_complete_a_batch_shows_the_diff_then_overrides_and_reverts():
    text = "北京市順義區\n浙江省苍南县龙港镇\n城区\n河北省安平县\n" + INJECT
    at = paste(app(), text, name="第三批（核对）")
    at.selectbox(key="lists_as_batch").set_value(3).run()
    expected = diff_with_registry(
        list(work(at).rows), [r for r in registry_rows() if r["batch"] == 3]
    )
    shown = {
        m.label: int(m.value)
        for m in at.metric
        if m.label in ("新增", "内置有、名单无", "已更名", "未定位", "相同")
    }
    assert shown == {
        "新增": len(expected["added"]),
        "内置有、名单无": len(expected["missing"]),
        "已更名": len(expected["renamed"]),
        "未定位": len(expected["unresolved"]),
        "相同": len(expected["same"]),
    }
    assert shown == {"新增": 2, "内置有、名单无": 110, "已更名": 1, "未定位": 2, "相同": 1}
    # nothing is used before the provenance is given and the diff confirmed
    assert at.button(key="lists_save").disabled
    at.text_area(key="lists_provenance").input("国家发展改革委 2016 年通知（扫描件）").run()
    assert at.button(key="lists_save").disabled
    at.checkbox(key="lists_confirm").check().run()
    assert not at.button(key="lists_save").disabled
    at.button(key="lists_save").click().run()
    (saved,) = Store().all()
    assert (saved.as_batch, saved.provenance) == (3, "国家发展改革委 2016 年通知（扫描件）")

    def batch3_total(**params: str) -> int:
        view = AppTest.from_file(APP, default_timeout=120)
        view.query_params.update({"mode": "tallies", "batch": "3", **params})
        view.run()
        table = next(d.value for d in view.dataframe
                     if {"省份", "合计"} <= set(d.value.columns))
        return int(table.set_index("省份").loc["合计", "第三批"])

    # saving changes nobody's view: a page without use= still shows the shipped 111
    assert batch3_total() == 111
    # this page uses the list only when asked: the address then carries it
    at.selectbox(key="lists_pick").set_value(saved.list_id).run()
    assert frame(at, "建议用于")["建议用于"].tolist() == ["第三批"]  # a suggestion, not a state
    assert not any("本页正在用它" in i.value for i in at.info)
    at.button(key="lists_use_replace").click().run()
    use = f"{saved.list_id}:3:replace"
    assert at.query_params["use"] in (use, [use])
    assert any("第三批" in i.value and "代替" in i.value for i in at.info)  # the banner
    # the page says what it does with the list, and the button for it is spent
    assert any(i.value == "本页正在用它代替第三批。" for i in at.info)
    assert at.button(key="lists_use_replace").disabled
    at.button(key="lists_use_supplement").click().run()
    assert any(i.value == "本页正在用它补充第三批。" for i in at.info)
    assert not at.button(key="lists_use_replace").disabled
    assert at.button(key="lists_use_supplement").disabled
    at.button(key="lists_use_none").click().run()
    assert at.query_params["use"] in ("none", ["none"])
    assert not any("本页正在用它" in i.value for i in at.info)
    # the shared link reproduces it: 3 located items replace batch 3
    assert batch3_total(use=use) == 3
    # supplement: the shipped 111 stay, the list's 2 new units are added
    assert batch3_total(use=f"{saved.list_id}:3:supplement") == 111 + 2
    assert batch3_total(use="none") == 111


def test_a_save_that_fails_says_why_and_keeps_the_work(own_data_folder):
    own_data_folder.parent.mkdir(parents=True, exist_ok=True)
    own_data_folder.write_text("not a folder")  # the data folder cannot be made
    at = paste(app(), "河北省安平县", name="x")
    before = work(at)
    at.button(key="lists_save").click().run()
    assert not at.exception
    assert any("could not be saved" in e.value or "保存失败" in e.value for e in at.error)
    assert work(at) is before and not before.list_id
    assert any("用户数据文件夹不可用" in w.value for w in at.warning)


def test_saving_a_second_list_for_a_batch_says_whose_suggestion_it_takes():
    session: dict[str, object] = {}
    lists_session.load_into(session, name="甲", text="河北省安平县")
    first = listwork.save(session[lists_session.WORK], name="甲", as_batch=2, provenance="p")
    at = paste(app(), "北京市顺义区", name="乙")
    at.selectbox(key="lists_as_batch").set_value(2).run()
    assert any("名单“甲”" in c.value and "第二批" in c.value for c in at.caption)
    at.selectbox(key="lists_as_batch").set_value(3).run()
    assert not any("名单“甲”" in c.value for c in at.caption)
    assert Store().load(first.list_id).as_batch == 2


def test_saving_a_list_for_a_batch_changes_no_view():
    """Saving lists meant for a batch leaves every view as it was: which list a view uses
    is its address's business (`use=`), never a side effect of a save."""
    from geodata.registry.effective import effective_pilots

    before = effective_pilots(None)
    session: dict[str, object] = {}
    lists_session.load_into(session, name="a", text="河北省安平县")
    first = listwork.save(session[lists_session.WORK], name="a", as_batch=2, provenance="p")
    lists_session.load_into(session, name="b", text="北京市顺义区")
    second = listwork.save(session[lists_session.WORK], name="b", as_batch=2, provenance="q")
    assert effective_pilots(None) == before == effective_pilots("none")
    alone = listwork.use_value("", second.list_id, 2, "supplement")
    assert alone == f"{second.list_id}:2:supplement"
    both = listwork.use_value(f"{first.list_id}:2:replace", second.list_id, 3, "replace")
    assert both == f"{first.list_id}:2:replace,{second.list_id}:3:replace"


# --- a store that heals: a damaged list never takes a page down ------------------------------

BAD_LISTS = {
    "list-bad0001": {"list_id": "list-bad0001", "name": "x", "kind": "text", "source_name": "p",
                     "created": "2024-01-01", "rows": []},
    "list-bad0002": {"list_id": "list-bad0002", "name": None, "kind": "text",
                     "source_name": "p", "created": 1.0, "rows": [["a"]]},
}


@pytest.mark.parametrize("mode", ["lists", "explore", "tallies"])
def test_damaged_lists_are_named_and_deletable_and_pages_load(own_data_folder, mode):
    import json

    session: dict[str, object] = {}
    lists_session.load_into(session, name="good", text="河北省安平县")
    good = listwork.save(session[lists_session.WORK], name="good", as_batch=None, provenance="")
    for list_id, data in BAD_LISTS.items():
        (own_data_folder / list_id).mkdir(parents=True)
        (own_data_folder / list_id / "list.json").write_text(json.dumps(data), encoding="utf-8")
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["mode"] = mode
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if mode != "lists":
        return
    note = [w.value for w in at.warning if "无法读取" in w.value]
    assert len(note) == 1 and note[0].startswith("2 个已保存的名单无法读取")
    shown = note[0].replace("\\", "")  # the markdown escapes, as the page renders them
    assert "list-bad0001: created is text, not a number" in shown
    assert "list-bad0002: name is null, not text" in shown
    assert good.name in frame(at, "名称")["名称"].tolist()
    at.button(key="lists_del_bad_list-bad0001").click().run()
    assert not (own_data_folder / "list-bad0001").exists()
    assert (own_data_folder / good.list_id).exists()
    note = [w.value for w in at.warning if "无法读取" in w.value]
    assert len(note) == 1 and note[0].startswith("1 个已保存的名单无法读取")


def test_a_gbk_table_reads_its_name_column_and_another_can_be_picked():
    data = "序号,省份,试点地区\r\n1,湖南省,株洲市\r\n2,浙江省,嘉兴市\r\n".encode("gbk")
    session: dict[str, object] = {}
    assert lists_session.load_into(session, name="", data=data, filename="名单.csv")
    rows = session[lists_session.WORK].rows
    assert [r["input"] for r in rows] == ["湖南省株洲市", "浙江省嘉兴市"]
    assert [r["status"] for r in rows] == ["matched", "matched"]
    assert lists_session.repick(session, 1)
    assert [r["adcode"] for r in session[lists_session.WORK].rows] == ["430000", "330000"]


def test_default_name_and_pasted_source_follow_the_ui_language():
    zh: dict = {}
    assert lists_session.load_into(zh, name="", text="河北省安平县", lang="zh")
    assert zh[lists_session.WORK].name.startswith("清单 ")
    assert lists_frames.source_label(zh[lists_session.WORK].source_name, "zh") == "粘贴的文本"
    en: dict = {}
    assert lists_session.load_into(en, name="", text="河北省安平县", lang="en")
    assert en[lists_session.WORK].name.startswith("list ")
    assert lists_frames.source_label(en[lists_session.WORK].source_name, "en") == "pasted text"
    assert lists_frames.source_label("my.csv", "zh") == "my.csv"
