"""What a presenting screen, a slide or a deck may claim about a view, worked out once.

Counts of an incomplete batch read as shown of official ("显示 34 / 官方 64"), with a
one-line caveat saying how many unconfirmed members are not shown (never a second
"known" figure); the official totals come from the seeds (batches.csv) through
`geodata.registry.pilots.completeness()`. The filters in force are named, and the data date
given. Pure: no Streamlit, so the app and the CLI say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import seeds
from dashboard.i18n import batch_label, province_label, t, value_label
from dashboard.state import DEFAULT, ViewState

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, slots=True)
class BatchCount:
    batch: int
    year: int
    shown: int  # rows of this batch in the view
    known: int  # entries known here, whatever their status
    official: int  # members the official notice counts
    filtered: bool  # the view leaves out part of the batch (province, level, …)
    hidden: int = 0  # unconfirmed members (national) the view's status filter leaves out

    @property
    def complete(self) -> bool:
        return self.known >= self.official


def narrowed(s: ViewState) -> bool:
    """Whether the view shows only part of the country or of the kinds of pilots, so a
    national official total is not the denominator of what is shown."""
    n = s.normalised()
    return bool(n.provinces or n.q or n.levels != DEFAULT.levels
                or n.categories != DEFAULT.categories)


def batch_counts(pilots: pd.DataFrame, s: ViewState) -> list[BatchCount]:
    """One count per batch on screen (presenting: batches 1..step)."""
    from geodata.registry.effective import effective_pilots
    from geodata.registry.pilots import completeness

    cut = narrowed(s)
    n = s.normalised()
    wanted = set(n.visible_batches)
    hide_unconfirmed = "unconfirmed" not in n.statuses
    out = []
    for c in completeness(effective_pilots(s.use or None)):  # with the view's lists
        b = int(c["batch"])  # type: ignore[call-overload]
        if b not in wanted:
            continue
        out.append(BatchCount(
            batch=b, year=int(c["year"]),  # type: ignore[call-overload]
            shown=int((pilots["batch"] == b).sum()),
            known=int(c["known"]), official=int(c["official_members"]),  # type: ignore[call-overload]
            filtered=cut,
            hidden=int(c.get("unconfirmed", 0)) if hide_unconfirmed else 0,  # type: ignore[call-overload]
        ))
    return out


def count_text(c: BatchCount, lang: str) -> str:
    """"111" for a complete batch; "显示 11 / 官方 64" for an incomplete one; "5 *" when the
    view is narrowed (the caveat gives the national figures)."""
    if c.complete:
        return str(c.shown)
    if c.filtered:
        return f"{c.shown} *"
    return t("count_of_official", lang, shown=c.shown, official=c.official)


def caveat_part(c: BatchCount, lang: str) -> str:
    """One batch's footnote: how many unconfirmed members are not shown (and, for a
    narrowed view, the national count shown of the official total)."""
    batch = batch_label(c.batch, c.year, lang, short=True)
    if c.filtered:
        listed = c.known - c.hidden
        if c.hidden:
            return t("caveat_national_hidden", lang, batch=batch, listed=listed,
                     official=c.official, n=c.hidden)
        return t("caveat_national", lang, batch=batch, listed=listed, official=c.official)
    if c.hidden:
        return t("caveat_hidden", lang, batch=batch, n=c.hidden)
    return t("caveat_missing", lang, batch=batch, n=c.official - c.known)


def caveat(counts: Sequence[BatchCount], lang: str) -> str:
    """One line for the footer on the incomplete batches shown; '' when every batch shown
    is complete. It never gives a second "known" count beside the header's."""
    partial = [c for c in counts if not c.complete]
    if not partial:
        return ""
    parts = [caveat_part(c, lang) for c in partial]
    batches = t("list_sep", lang).join(parts)
    if any(c.filtered for c in partial):
        return t("caveat_filtered", lang, batches=batches)
    return t("caveat", lang, batches=batches)


def batch_years() -> dict[int, int]:
    """Batch → year, as the map and the app label them."""
    from dashboard.state import BATCH_YEARS

    return dict(BATCH_YEARS)


def step_years(step: int, first_year: int, years: dict[int, int]) -> str:
    """'2014', '2014–2015', '2014–2016': the years a cumulative step covers."""
    last = years.get(step, first_year)
    return str(first_year) if last == first_year else f"{first_year}–{last}"


def filters_text(s: ViewState, lang: str) -> str:
    """The filters in force, named ('全国' when none narrows the view)."""
    n = s.normalised()
    sep = t("list_sep", lang)
    parts = [sep.join(province_label(p, lang) for p in n.provinces) if n.provinces
             else t("whole_country", lang)]
    if n.mode != "present" and n.batches != DEFAULT.batches:
        years = batch_years()
        parts.append(sep.join(batch_label(b, years[b], lang, short=True)
                              for b in n.batches) or t("no_batch", lang))
    if n.levels != DEFAULT.levels:
        parts.append(sep.join(value_label("level", v, lang) for v in n.levels))
    if n.categories != DEFAULT.categories:
        parts.append(sep.join(value_label("category", v, lang) for v in n.categories))
    if n.statuses != DEFAULT.statuses:
        parts.append(sep.join(value_label("status", v, lang) for v in n.statuses))
    elif "unconfirmed" not in n.statuses:
        parts.append(t("without_unconfirmed", lang))
    if n.q:
        parts.append(t("search_for", lang, q=n.q))
    return " · ".join(p for p in parts if p)


def data_date() -> str:
    """The date of the newest published list the data rests on (batches.csv)."""
    return max(b.announced for b in seeds.load_batches())


def dates_text(lang: str, made_on: date | None = None) -> str:
    made = (made_on or date.today()).isoformat()
    return t("dates_line", lang, data=data_date(), made=made)


def step_title(s: ViewState, lang: str) -> str:
    """'国家新型城镇化综合试点 2014–2015': the cumulative years of a presenting step."""
    from dashboard.state import BATCH_YEARS

    years = step_years(s.normalised().step, BATCH_YEARS[1], BATCH_YEARS)
    return t("present_title", lang, years=years)


def speaker_notes(pilots: pd.DataFrame, s: ViewState, lang: str) -> str:
    """A few lines a presenter can say at this step: totals, what is new, where most are."""
    from dashboard.state import BATCH_YEARS

    n = s.normalised()
    counts = batch_counts(pilots, n)
    lines = [t("notes_total", lang, title=step_title(n, lang), n=len(pilots))]
    new = [c for c in counts if c.batch == n.step]
    if new:
        c = new[0]
        lines.append(t("notes_new", lang, batch=batch_label(c.batch, BATCH_YEARS[c.batch], lang),
                       n=count_text(c, lang)))
    if len(pilots):
        per = pilots["province"].fillna("").astype(str).value_counts()
        top = sorted(((str(p), int(k)) for p, k in per.items() if p), key=lambda x: (-x[1], x[0]))
        sep = t("list_sep", lang)
        lines.append(t("notes_top", lang, provinces=sep.join(
            f"{province_label(p, lang)} ({k})" for p, k in top[:3])))
    line = caveat(counts, lang)
    if line:
        lines.append(line)
    return "\n".join(lines)
