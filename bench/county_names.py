"""The ~9,000 real county names the speed benchmark feeds both parsers: every county-level
unit of China as a full name, the same in traditional characters, and province+county."""

from __future__ import annotations

import opencc

from geodata.geocode.gazetteer import gazetteer


def county_names() -> list[str]:
    gz = gazetteer()
    s2t = opencc.OpenCC("s2t")
    full, trad, short = [], [], []
    for code, unit in sorted(gz.current.items()):
        if unit.level != "county" or code.startswith(("71", "81", "82")):
            continue
        prov = gz.name_of(code[:2] + "0000")
        pref = gz.name_of(code[:4] + "00")
        full.append(prov + (pref if pref and pref != prov else "") + unit.name)
        short.append(prov + unit.name)
    trad = [s2t.convert(n) for n in full]
    return full + trad + short
