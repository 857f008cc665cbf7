"""Where each province's name goes on a national map, and its shorter forms.

Chinese reference and dashboard maps set province names at fixed places, not wherever a
layout pass finds room: a name that moves to a free spot can end up over a neighbour
(the English "Jiangxi" over Zhejiang, "Hong Kong" on Guangdong). Each point below is
inside its province (tests/dashboard/test_map_anchors.py checks it against the boundary
file), started from the pole of inaccessibility of the province's largest part and moved
by review of the national map at 390–1920 px to where reference maps set the name (near
the province's middle, off the crowded delta coasts). The two SARs, 天津 and 上海 are
drawn as a dot with the name beside it, over the sea (`side`).

Shorter forms, used when the full name has no room: in Chinese the one-character
abbreviation (简称) of the national administrative division code list (GB/T 2260); in
English the ISO 3166-2:CN subdivision code. The tooltip always has the full name.
"""

from __future__ import annotations

from typing import Final, NamedTuple


class Anchor(NamedTuple):
    lat: float
    lon: float
    zh_short: str  # 简称 (GB/T 2260)
    en_short: str  # ISO 3166-2:CN code
    # drawn as a dot, the name beside it on the sea side ("e" east, "s" south of it):
    # the SARs, and 天津 and 上海, whose names would cover their neighbours (on a narrow
    # map such a name is always its short form: a long one would reach the far shore);
    # "": the name centred on the point
    side: str = ""


ANCHORS: Final[dict[str, Anchor]] = {
    "110000": Anchor(40.50, 116.40, "京", "BJ"),
    "120000": Anchor(39.10, 117.70, "津", "TJ", "e"),
    "130000": Anchor(38.30, 115.60, "冀", "HE"),
    "140000": Anchor(37.30, 111.90, "晋", "SX"),
    "150000": Anchor(42.60, 112.00, "蒙", "NM"),
    "210000": Anchor(41.43, 123.72, "辽", "LN"),
    "220000": Anchor(43.20, 126.55, "吉", "JL"),
    "230000": Anchor(47.08, 128.46, "黑", "HL"),
    "310000": Anchor(31.15, 121.55, "沪", "SH", "e"),
    "320000": Anchor(33.20, 119.40, "苏", "JS"),
    "330000": Anchor(29.04, 119.95, "浙", "ZJ"),
    "340000": Anchor(31.65, 117.14, "皖", "AH"),
    "350000": Anchor(26.29, 118.11, "闽", "FJ"),
    "360000": Anchor(27.94, 115.63, "赣", "JX"),
    "370000": Anchor(36.27, 117.83, "鲁", "SD"),
    "410000": Anchor(33.88, 113.50, "豫", "HA"),
    "420000": Anchor(31.04, 112.38, "鄂", "HB"),
    "430000": Anchor(27.70, 111.50, "湘", "HN"),
    "440000": Anchor(24.20, 113.40, "粤", "GD"),
    "450000": Anchor(24.10, 108.60, "桂", "GX"),
    "460000": Anchor(19.10, 109.65, "琼", "HI"),
    "500000": Anchor(30.30, 107.80, "渝", "CQ"),
    "510000": Anchor(31.00, 102.00, "川", "SC"),
    "520000": Anchor(26.80, 106.80, "黔", "GZ"),
    "530000": Anchor(24.32, 100.98, "滇", "YN"),
    "540000": Anchor(31.99, 86.49, "藏", "XZ"),
    "610000": Anchor(35.20, 108.90, "陕", "SN"),
    "620000": Anchor(39.70, 97.50, "甘", "GS"),
    "630000": Anchor(35.51, 93.99, "青", "QH"),
    "640000": Anchor(37.12, 105.91, "宁", "NX"),
    "650000": Anchor(41.40, 86.02, "新", "XJ"),
    "710000": Anchor(23.52, 120.83, "台", "TW"),
    "810000": Anchor(22.38, 114.13, "港", "HK", "e"),
    "820000": Anchor(22.16, 113.56, "澳", "MO", "s"),
}
