"""Standard short forms of banners and autonomous counties, generated from the full names
by the rule the short forms follow (the first character of each part): 阿拉善左旗 → 阿左旗,
科尔沁左翼中旗 → 科左中旗, 喀喇沁左翼蒙古族自治县 → 喀左县, 莫力达瓦达斡尔族自治旗 → 莫旗,
杜尔伯特蒙古族自治县 → 杜蒙县, 前郭尔罗斯蒙古族自治县 → 前郭县.

A generated form is kept only when it collides with nothing across China: no written form
of any unit (today's or former) and no other unit's generated form (none of the 43 the
rule gives today collides). No irregular short form has been met yet in the corpus or the
pilot lists, so there is no curated table; one would hold only forms the rule cannot give,
each with its source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from geodata.geocode.names import ethnic_stem

_SIDE = re.compile(r"^(?P<x>.{2,}?)(?P<d>[左右前后中])旗$")
_WING = re.compile(r"^(?P<x>.{2,}?)(?P<w>[左右])翼(?P<d>[前后中])旗$")
_WING_AUTONOMOUS = re.compile(r"^(?P<x>.{2,}?)(?P<w>[左右])翼.+族自治(?P<k>[县旗])$")
_AUTONOMOUS = re.compile(r"^(?P<pre>.+族)自治(?P<k>[县旗])$")


def candidates(name: str) -> set[str]:
    """The short forms the rule gives a county-level unit's full name."""
    out: set[str] = set()
    if m := _WING.match(name):
        out.add(m["x"][0] + m["w"] + m["d"] + "旗")
    elif m := _WING_AUTONOMOUS.match(name):
        out.add(m["x"][0] + m["w"] + m["k"])
    elif m := _SIDE.match(name):
        out.add(m["x"][0] + m["d"] + "旗")
    elif m := _AUTONOMOUS.match(name):
        stem, kind = ethnic_stem(m["pre"]), m["k"]
        ethnic = m["pre"][len(stem) :]
        if len(stem) >= 3:
            out.add(stem[:2] + kind)  # 前郭尔罗斯 → 前郭县
            if ethnic:
                out.add(stem[0] + ethnic[0] + kind)  # 杜尔伯特 + 蒙古族 → 杜蒙县
            if kind == "旗":
                out.add(stem[0] + kind)  # 莫力达瓦 → 莫旗
    return {f for f in out if f != name}


def short_forms(names: Iterable[tuple[int, str]], taken: set[str]) -> list[tuple[str, int]]:
    """(form, unit index) of every generated short form that collides with nothing:
    `names` are (index, full name) of today's county-level units, `taken` every written
    form of every unit."""
    by_form: dict[str, list[int]] = {}
    for idx, name in names:
        for form in candidates(name):
            by_form.setdefault(form, []).append(idx)
    return sorted(
        (form, idxs[0]) for form, idxs in by_form.items() if len(idxs) == 1 and form not in taken
    )
