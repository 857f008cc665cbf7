"""Province choropleth: what a province's colour says, and the legend that says how.

Two measures: the number of pilots, and the share of the province's county-level
units a pilot covers (geodata.registry.coverage). A whole-province pilot is a category of its
own in both. Classes are fixed (the same colour means the same value on every map).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dashboard.map.palette import CLASS_COLOURS, EMPTY_FILL, WHOLE_PROVINCE_FILL

if TYPE_CHECKING:
    import pandas as pd

MEASURES = ("count", "share")
# (low, high) inclusive counts; None: no upper end.
COUNT_BINS: tuple[tuple[int, int | None], ...] = ((1, 1), (2, 2), (3, 3), (4, 5), (6, 8), (9, None))
# (low, high] shares of county-level units.
SHARE_BINS: tuple[tuple[float, float], ...] = (
    (0.0, 0.05), (0.05, 0.10), (0.10, 0.20), (0.20, 0.30), (0.30, 0.50), (0.50, 1.0),
)
WHOLE = -1  # class of a whole-province pilot


@dataclass(frozen=True, slots=True)
class ProvinceValue:
    count: int
    covered: int
    total: int
    whole: bool

    @property
    def share(self) -> float:
        return self.covered / self.total if self.total else 0.0


def count_class(n: int) -> int | None:
    """Index into COUNT_BINS, or None for no pilot."""
    if n <= 0:
        return None
    for i, (low, high) in enumerate(COUNT_BINS):
        if n >= low and (high is None or n <= high):
            return i
    return len(COUNT_BINS) - 1


def share_class(share: float) -> int | None:
    """Index into SHARE_BINS (upper end inclusive), or None when nothing is covered."""
    if share <= 0:
        return None
    for i, (_, high) in enumerate(SHARE_BINS):
        if share <= high:
            return i
    return len(SHARE_BINS) - 1


def class_of(value: ProvinceValue, measure: str) -> int | None:
    if value.whole:
        return WHOLE
    return share_class(value.share) if measure == "share" else count_class(value.count)


def fill_of(cls: int | None) -> str:
    if cls is None:
        return EMPTY_FILL
    return WHOLE_PROVINCE_FILL if cls == WHOLE else CLASS_COLOURS[cls]


def province_values(pilots: pd.DataFrame) -> dict[str, ProvinceValue]:
    """Per province adcode: pilots, county-level units covered, and whether a pilot is
    the whole province."""
    from geodata.registry.coverage import coverage

    codes = pilots["province_adcode"].fillna("").astype(str)
    counts = codes[codes != ""].value_counts()
    cover = coverage({"adcode": a, "level": lv, "members": m} for a, lv, m in zip(
        pilots["adcode"], pilots["level"], pilots["members"], strict=True))
    return {
        prov: ProvinceValue(int(counts.get(prov, 0)), c.covered, c.total, c.whole_province)
        for prov, c in cover.items()
    }


def bin_label(i: int, measure: str) -> str:
    if measure == "share":
        low, high = SHARE_BINS[i]
        return f"≤ {high:.0%}" if low == 0 else f"{low:.0%}–{high:.0%}"
    low_n, high_n = COUNT_BINS[i]
    if high_n is None:
        return f"≥ {low_n}"
    return str(low_n) if low_n == high_n else f"{low_n}–{high_n}"


def legend_rows(values: Mapping[str, ProvinceValue], measure: str) -> list[tuple[str, str]]:
    """(colour, label) for the classes the map uses, plus 'none' and 'whole province'
    (labels for those two are filled in by the caller's language)."""
    used = {class_of(v, measure) for v in values.values()}
    rows = [(EMPTY_FILL, "none")]
    bins = SHARE_BINS if measure == "share" else COUNT_BINS
    top = max((c for c in used if c is not None and c >= 0), default=0)
    rows += [(CLASS_COLOURS[i], bin_label(i, measure)) for i in range(len(bins)) if i <= top]
    if WHOLE in used:
        rows.append((WHOLE_PROVINCE_FILL, "whole"))
    return rows
