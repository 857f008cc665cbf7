"""Every note the geocoder writes reads as known reason codes, and in Chinese."""

from __future__ import annotations

import re

from geodata.geocoder import Geocoder
from geodata.lists import geocode_lines
from geodata.note_text import CODES, note_text, parts
from geodata.registry import registry_rows

INPUTS = ["城区", "火星市", "重庆市主城九区", "河北省邢台市南和县", "南宁市橫縣六景鎮",
          "", "贵州省黔南州贵定县昌明镇", "临沂经济技术开发区", "梅州市豐順縣阝留隍鎮",
          "江苏省徐州市睢宇县", "福建省闽猴县", "泰山经济开发区", "长治市郊区", "加格达奇区",
          "大同市南郊区", "代县县城", "遂宁(四川)", "(涿鹿县赵家蓬区)", "唐山市区", "唐山市本级",
          "唐山市人民政府", "苏州工业园区管委会", "北京市门头沟区斋堂镇底下村", "浙江全省",
          "重庆市合川县涞滩镇"]
LINES = ["浙江省安吉、德清两县", "浙江省湖州市（安吉县）"]


def notes() -> list[str]:
    gc = Geocoder()
    found = [gc.resolve(text).note for text in INPUTS]
    found += [r.note for r in geocode_lines(LINES, gc)]
    found += [str(r["note"]) for r in registry_rows()]
    return [n for n in found if n]


def test_every_note_is_made_of_known_reasons() -> None:
    seen = set()
    for note in notes():
        for code, _ in parts(note):
            assert code in CODES, note
            seen.add(code)
    assert {"ambiguous", "unknown", "renamed", "near_name", "zone_named_after", "merged"} <= seen


def test_notes_read_in_chinese() -> None:
    for note in notes():
        zh = re.sub(r"https?://\S+", "", note_text(note, "zh"))  # addresses stay as they are
        words = re.findall(r"[A-Za-z]{3,}", zh)
        assert set(words) <= {"GB"}, (note, zh)
    assert note_text("蓟县 became 蓟州区 (2016)") == "蓟县已改为蓟州区（2016年）"
    assert note_text("蓟县 became 蓟州区 (2016)", "en") == "蓟县 became 蓟州区 (2016)"


def test_an_unknown_part_is_kept_not_dropped() -> None:
    assert note_text("something new; 蓟县 became 蓟州区") == "something new；蓟县已改为蓟州区"
    assert [c for c, _ in parts("something new; 蓟县 became 蓟州区")] == ["", "renamed"]
