"""Notes and refusals are codes with parameters, rendered from one catalogue
(geodata/basics/notes.toml): every code reads in Chinese and in English, and the Chinese holds
no Latin letters other than codes and names."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from geodata.basics.notes import Note, catalogue, decode, encode, note, note_text, render
from geodata.geocode.answer import Method, Result
from geodata.geocode.geocoder import Geocoder
from geodata.lists.published import geocode_lines
from geodata.registry.pilots import registry_rows

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ["城区", "火星市", "重庆市主城九区", "河北省邢台市南和县", "南宁市橫縣六景鎮",
          "", "贵州省黔南州贵定县昌明镇", "临沂经济技术开发区", "梅州市豐順縣阝留隍鎮",
          "江苏省徐州市睢宇县", "福建省闽猴县", "泰山经济开发区", "泰山高新区", "长治市郊区",
          "加格达奇区",
          "大同市南郊区", "代县县城", "遂宁(四川)", "(涿鹿县赵家蓬区)", "唐山市区", "唐山市本级",
          "唐山市人民政府", "苏州工业园区管委会", "北京市门头沟区斋堂镇底下村", "浙江全省",
          "重庆市合川县涞滩镇", "天等县※", "徐州市睢宁县"]
LINES = ["浙江省安吉、德清两县", "浙江省湖州市（安吉县）", "浙江省 湖州市 嘉兴市", "安吉县和德清县",
         "名单：唐山市"]
# names of formats, standards and sources the Chinese text names too (no Chinese name)
FORMAT_NAMES = {"GB2260", "UTF-16", "UTF-8", "GB18030", "GBK", "CSV", "xlsx", "txt", "csv",
                "NUL", "MB", "zip", "XML", "JSON", "defusedxml", "GeoNames"}
_FIELD = re.compile(r"\{(\w+)\}")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9-]*")


def _sample(template: str) -> dict[str, str | tuple[str, ...]]:
    """Chinese names and figures for a template's parameters."""
    out: dict[str, str | tuple[str, ...]] = {}
    for f in _FIELD.findall(template):
        out[f] = ("平城区", "云冈区") if f in ("units", "names", "inner", "headers") else (
            "2016" if f in ("n", "m", "year", "rev", "code") else "蓟州区")
    return out


@pytest.mark.parametrize("section", ["note", "reason", "refusal", "method"])
def test_every_code_renders_in_both_languages(section: str) -> None:
    for code, texts in catalogue()[section].items():
        assert set(texts) == {"zh", "en"}, code
        params = _sample(texts["zh"] + texts["en"])
        zh, en = render(section, code, params, "zh"), render(section, code, params, "en")
        assert zh and en and "{" not in zh + en and "[" not in zh + en, code
        bare = zh
        for v in params.values():
            for part in (v if isinstance(v, tuple) else (v,)):
                bare = bare.replace(part, "")
        latin = set(_LATIN.findall(bare)) - FORMAT_NAMES
        assert code == "text" or not latin, (section, code, zh)
        if section != "method" and code != "text":
            assert re.search(r"[\u4e00-\u9fff]", zh), (section, code)


def test_an_optional_part_is_left_out_without_its_value() -> None:
    n = note("renamed", old="蓟县", new="蓟州区", year="2016")
    assert note_text([n], "zh") == "蓟县已改为蓟州区（2016年）"
    assert note_text([n], "en") == "蓟县 became 蓟州区 (2016)"
    bare = note("renamed", old="蓟县", new="蓟州区", year="")
    assert note_text([bare], "zh") == "蓟县已改为蓟州区"


def test_every_code_the_code_writes_is_in_the_catalogue() -> None:
    used: set[tuple[str, str]] = set()
    for path in (ROOT / "geodata").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            if getattr(node.func, "id", "") == "note":
                used.add(("note", first.value))
            elif getattr(node.func, "attr", "") == "of":
                used.add(("refusal", first.value))
    assert len(used) > 60
    missing = [(s, c) for s, c in used if c not in catalogue()[s]]
    assert missing == []


def _results() -> list[Result]:
    gc = Geocoder()
    return [gc.resolve(text) for text in INPUTS] + geocode_lines(LINES, gc)


def test_notes_of_real_answers_read_in_chinese() -> None:
    seen = set()
    for r in _results():
        for n in r.notes:
            seen.add(n.code)
            assert n.code in catalogue()["note"] and n.code != "text", r
        zh = note_text(r.notes, "zh")
        values = [p for n in r.notes for _, v in n.params
                  for p in (v if isinstance(v, tuple) else (v,))]
        for part in sorted(values, key=len, reverse=True):  # names, codes, sources: no prose
            zh = zh.replace(part, "")
        assert not set(_LATIN.findall(zh)) - FORMAT_NAMES, (r.input, note_text(r.notes, "zh"))
    assert {"several_places", "unknown", "renamed", "near_name_alike", "zone_named_after",
            "merged", "annotation_removed", "split_at", "split_at_space", "count_closer",
            "in_brackets", "group"} <= seen


def test_the_registry_notes_are_codes() -> None:
    rows = registry_rows()
    coded = [decode(str(r["note"])) for r in rows if r["note"]]
    assert coded and all(n.code != "text" for ns in coded for n in ns)


def test_notes_round_trip_through_a_row_and_old_prose_is_kept() -> None:
    r = Geocoder().resolve("江苏省徐州市睢宇县")
    back = Result.from_row(r.row())
    assert back.notes == r.notes and back.method == r.method
    assert Method.ONE_CHARACTER_OFF in back.method and r.row()["method"] == "name+one_character_off"
    old = "蓟县 became 蓟州区 (2016)"  # a note saved by an older version
    assert decode(old) == (Note("text", (("text", old),)),)
    assert note_text(old, "zh") == old
    assert decode(encode(())) == ()
    assert Method.parse("name+history+town:geonames+something_new") == (
        Method.NAME | Method.HISTORY | Method.GEONAMES)
