"""What one view shows, worked out once from its `ViewState`: the registry for the view's
`use` (saved lists applied), the rows its filters keep, and the counts said about them.

A run of the app builds one `ViewData` and hands it to the view it draws; the export
route and the command line build one from the same state. None of them looks the
registry up again, so the header, the map, the downloads, the present mode and the
slides of one view say the same numbers. Pure: no Streamlit.

Every count names what it counts (`BatchCount`): on the map now (`shown`), members known
unconfirmed included (`known`, nationally, lists applied), and the number the batch's
official notice gives (`official`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from dashboard.filters import filter_pilots
from dashboard.state import BATCH_CHOICES, DEFAULT, ViewState

if TYPE_CHECKING:
    import geopandas as gpd
    from shapely.geometry.base import BaseGeometry

    from geodata.registry.effective import Applied
    from geodata.registry.pilots import BatchCompleteness, KindCompleteness, Pilot


@dataclass(frozen=True, slots=True)
class BatchCount:
    """One batch in one view: what is on the map, what is known, what is official."""

    batch: int  # 1, 2, 3, or seeds.BATCH_1_OR_2
    year: int
    shown: int  # on the map now: rows of this batch the view's filters keep
    known: int  # members known, unconfirmed included (national, with the view's lists)
    unconfirmed: int  # of `known`, the unconfirmed ones
    official: int  # members the official notice counts; 0: no count of its own (1 or 2)
    filtered: bool  # the view keeps part of the country or of the kinds of pilots
    hidden: int = 0  # unconfirmed members the view's status filter keeps off the map

    @property
    def complete(self) -> bool:
        """Every member the notice counts is known (a group with no count of its own has
        nothing missing)."""
        return self.known >= self.official


def narrowed(s: ViewState) -> bool:
    """Whether the view shows only part of the country or of the kinds of pilots, so a
    national official total is not the denominator of what is shown."""
    n = s.normalised()
    return bool(n.provinces or n.q or n.levels != DEFAULT.levels
                or n.categories != DEFAULT.categories)


@dataclass(frozen=True, slots=True, eq=False)
class ViewData:
    """The data of one view. Frames are shared, never changed: treat them as read-only."""

    state: ViewState  # normalised
    pilots: tuple[Pilot, ...]  # the registry for state.use: shipped rows + saved lists
    applied: tuple[Applied, ...]  # the saved lists it applies (the banner's)
    frame: gpd.GeoDataFrame  # `pilots` with display geometry
    rows: gpd.GeoDataFrame  # what the view shows: `frame` filtered by `state`
    completeness: tuple[BatchCompleteness, ...]  # per batch, then the 1-or-2 group
    kinds: tuple[KindCompleteness, ...]  # known vs official by kind of member
    counts: tuple[BatchCount, ...]  # per batch choice (BATCH_CHOICES), for this view

    @property
    def shown(self) -> int:
        """Pilots on the map now (and rows in the view's CSV)."""
        return len(self.rows)

    def count(self, batch: int) -> BatchCount:
        return next(c for c in self.counts if c.batch == batch)

    def visible_counts(self) -> tuple[BatchCount, ...]:
        """The counts of the batches on screen (presenting: batches 1..step)."""
        wanted = set(self.state.visible_batches)
        return tuple(c for c in self.counts if c.batch in wanted)

    def with_state(self, state: ViewState) -> ViewData:
        """The same registry seen with other filters (a presenting step of a deck, the
        provinces compared): only the rows and counts are worked out again."""
        s = state.normalised()
        if s.use != self.state.use:
            raise ValueError("a ViewData serves one `use`; build another for other lists")
        return _derive(s, self.pilots, self.applied, self.frame, self.completeness,
                       self.kinds)

    def selected(self) -> BaseGeometry | None:
        """The chosen pilot's shape (a pilot a saved list adds, too), or None."""
        if not self.state.pilot:
            return None
        found = self.frame[self.frame["pilot_id"] == self.state.pilot]
        return found.geometry.iloc[0] if len(found) else None

    def selected_row(self) -> dict[str, Any] | None:
        if not self.state.pilot:
            return None
        found = self.frame[self.frame["pilot_id"] == self.state.pilot]
        return {str(k): v for k, v in found.iloc[0].to_dict().items()} if len(found) else None

    def full_rows(self, ids: tuple[str, ...] | None = None) -> gpd.GeoDataFrame:
        """The view's rows (or the rows `ids`) with full-resolution outlines, for the
        geographic downloads (loaded only when asked for)."""
        from geodata.registry.effective import effective_frame

        full = effective_frame(self.state.use or None, simplified=False)
        if ids is None:
            return filter_pilots(full, self.state)
        return full[full["pilot_id"].isin(ids)]

    def unplaced(self) -> list[str]:
        """Known members the geocoder could not place: counted, but not on the map."""
        from geodata.registry.pilots import COUNTED

        return [p.name for p in self.pilots if p.status in COUNTED and not p.geometry_kind]


def view_data(state: ViewState) -> ViewData:
    """The ViewData of `state`: the registry its `use` names (geodata.registry.effective caches
    it per state of the saved lists on disk), filtered and counted."""
    from geodata.registry.effective import effective, effective_frame
    from geodata.registry.pilots import completeness, kind_completeness

    s = state.normalised()
    use = s.use or None  # "" = the operator's defaults
    pilots, applied = effective(use)
    return _derive(s, pilots, applied, effective_frame(use, simplified=True),
                   tuple(completeness(pilots)), tuple(kind_completeness(pilots)))


def _derive(
    s: ViewState,
    pilots: tuple[Pilot, ...],
    applied: tuple[Applied, ...],
    frame: gpd.GeoDataFrame,
    complete: tuple[BatchCompleteness, ...],
    kinds: tuple[KindCompleteness, ...],
) -> ViewData:
    rows = filter_pilots(frame, s)
    per_batch = rows["batch"].value_counts()
    cut = narrowed(s)
    hide_unconfirmed = "unconfirmed" not in s.statuses
    by_batch = {c.batch: c for c in complete}
    counts = tuple(
        BatchCount(
            batch=b, year=by_batch[b].year, shown=int(per_batch.get(b, 0)),
            known=by_batch[b].known, unconfirmed=by_batch[b].unconfirmed,
            official=by_batch[b].official_members, filtered=cut,
            hidden=by_batch[b].unconfirmed if hide_unconfirmed else 0,
        )
        for b in BATCH_CHOICES
    )
    return ViewData(state=s, pilots=pilots, applied=applied, frame=frame, rows=rows,
                    completeness=complete, kinds=kinds, counts=counts)


def presenting_step(v: ViewData, step: int) -> ViewData:
    """The view at a presenting step (batches 1..step, cumulative)."""
    return v.with_state(replace(v.state, mode="present", step=step))
