"""Which pilots a view shows: a pure function of the registry and a ViewState.

`filtered_registry(state)` is the hook for other consumers (slide export, research
table, bench): the same rows the app shows for that state.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.i18n import province_label
from dashboard.state import ViewState
from geodata.geocode.romanise import place_name_en, search_key, unit_name_en

if TYPE_CHECKING:
    import geopandas as gpd

_HAN = re.compile(r"[\u3400-\u9fff]")

# Columns a free-text query looks in (names as published and as resolved, and ids).
SEARCH_COLUMNS = ("name_published", "unit_name", "renamed_from", "province", "prefecture",
                  "county", "town", "pilot_id")
# Names the English UI writes in English (geodata.geocode.romanise): searched in that form too.
_ENGLISH_COLUMNS = ("unit_name", "prefecture", "county", "town")


def search_mask(frame: pd.DataFrame, query: str) -> pd.Series:
    """Rows where any name column (or the English province name) contains `query`,
    ignoring case; a query in latin letters also matches the names' pinyin and the
    English names the app writes ("Changsha City", "Luhongshi Town"), typed with or
    without tone marks, capitals and spaces ("shunyi", "Long gang", "Hunan"). Plain
    substring match: the text is not parsed."""
    needle = query.strip().casefold()
    names = frame[list(SEARCH_COLUMNS)].fillna("").astype(str)
    english = frame["province"].fillna("").astype(str).map(lambda p: province_label(p, "en"))
    hay = names.agg(" ".join, axis=1) + " " + english
    found = hay.str.casefold().str.contains(needle, regex=False)
    key = search_key(query)
    if key and not _HAN.search(query):
        # each name keyed on its own, so a match never runs from one name into the next
        # (the table's and tooltips' name_en, "Jinhaihu Town, Pinggu District", is one)
        name_en = [unit_name_en(u, tn) for u, tn in zip(names["unit_name"], names["town"],
                                                          strict=True)]
        fields = [*(names[c] for c in SEARCH_COLUMNS), english, name_en,
                  *(names[c].map(place_name_en) for c in _ENGLISH_COLUMNS)]
        keys = ["|".join(search_key(v) for v in row if v) for row in zip(*fields, strict=True)]
        found |= pd.Series([key in k for k in keys], index=frame.index)
    return found


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
    from geodata.registry.effective import effective_frame

    return filter_pilots(effective_frame(state.use or None, simplified=simplified), state)
