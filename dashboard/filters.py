"""Which pilots a view shows: a pure function of the registry and a ViewState.

`filtered_registry(state)` is the hook for other consumers (slide export, research
table, bench): the same rows the app shows for that state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.i18n import province_label
from dashboard.state import ViewState

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

# Columns a free-text query looks in (names as published and as resolved, and ids).
SEARCH_COLUMNS = ("name_published", "unit_name", "renamed_from", "province", "prefecture",
                  "county", "town", "pilot_id")


def search_mask(frame: pd.DataFrame, query: str) -> pd.Series:
    """Rows where any name column (or the English province name) contains `query`,
    ignoring case. Plain substring match: the text is not parsed."""
    needle = query.strip().casefold()
    hay = frame[list(SEARCH_COLUMNS)].fillna("").astype(str).agg(" ".join, axis=1)
    hay = hay + " " + frame["province"].fillna("").astype(str).map(
        lambda p: province_label(p, "en"))
    return hay.str.casefold().str.contains(needle, regex=False)


def filter_pilots(frame: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """Rows of a resolved registry frame that `state` shows, in registry order."""
    s = state.normalised()
    mask = (
        frame["batch"].isin(s.visible_batches)
        & frame["level"].isin(s.levels)
        & frame["category"].isin(s.categories)
        & frame["status"].isin(s.statuses)
    )
    if s.provinces:
        mask &= frame["province"].isin(s.provinces)
    if s.q:
        mask &= search_mask(frame, s.q)
    return frame[mask]


def filtered_registry(state: ViewState, *, simplified: bool = True) -> gpd.GeoDataFrame:
    """The registry `state` shows (with the lists its `use` names), filtered by it:
    the same rows as the app (geodata caches the registry)."""
    from geodata.effective import effective_frame

    return filter_pilots(effective_frame(state.use or None, simplified=simplified), state)
