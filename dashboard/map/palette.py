"""The colours of every map and slide, in one place.

Batches differ in lightness as well as hue (light orange, mid blue, dark green), so
they stay apart in grayscale print and under the common colour-vision deficiencies;
tests/dashboard/test_palette.py checks that by simulation (CIE Lab ΔE).
"""

from __future__ import annotations

from typing import Final

# 12: members known only as "batch 1 or 2" (seeds.BATCH_1_OR_2): Okabe–Ito reddish
# purple. A fourth fill cannot meet the grayscale floor between the three batches, so
# this small group is checked in normal vision only and is always named in its tooltip.
BATCH_COLOURS: Final[dict[int, str]] = {
    1: "#E69F00", 2: "#2F7FC1", 3: "#00513C", 12: "#CC79A7",
}
OTHER_COLOUR: Final = "#999999"
# Provinces with no pilot, and the land behind every map.
EMPTY_FILL: Final = "#f2f2f2"
OUTLINE: Final = "#8c8c8c"
# Sequential ColorBrewer YlGnBu classes (light to dark), colour-blind safe.
CLASS_COLOURS: Final[tuple[str, ...]] = (
    "#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494",
)
# A whole-province pilot is its own category in a choropleth, not "count 1": a hue
# the sequential scale never takes.
WHOLE_PROVINCE_FILL: Final = "#b2182b"
