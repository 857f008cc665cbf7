"""What the app, a presenting screen, a slide or a deck may claim about a view, worked out
once (`dashboard.view_data`) and worded here.

Every count names what it counts, in the same words everywhere: on the map now
("地图显示 34"), known with the unconfirmed included ("已知 54（含未确认 20）"), and the
official notice's number ("官方 64"). A presenting screen or slide gives what is on the map
of the official number; the one-line caveat says what is known beyond it. The official
totals come from the seeds (batches.csv) through `geodata.registry.pilots.completeness()`. The
filters in force are named, and the data date given. Pure: no Streamlit, so the app, the
export route and the CLI say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import seeds
from dashboard.i18n import batch_label, province_label, t, value_label
from dashboard.state import DEFAULT, STATUSES, ViewState
from dashboard.view_data import BatchCount, ViewData


def known_text(c: BatchCount, lang: str, *, hidden: bool = False) -> str:
    """"已知 54（含未确认 20）": members known, the unconfirmed among them said as such
    (`hidden`: and that the view does not show them)."""
    if not c.unconfirmed:
        return t("known_plain", lang, n=c.known)
    if c.unconfirmed == c.known:
        return t("known_all_unconfirmed", lang, n=c.known)
    return t("known_incl_hidden" if hidden else "known_incl", lang, n=c.known, u=c.unconfirmed)


def known_cell(c: BatchCount, lang: str) -> str:
    """A counts table's known cell, under a header that says "known": "54（含未确认 20）"."""
    if not c.unconfirmed:
        return str(c.known)
    if c.unconfirmed == c.known:
        return t("known_cell_all_unconfirmed", lang, n=c.known)
    return t("known_cell_incl", lang, n=c.known, u=c.unconfirmed)


def count_table(counts: Sequence[BatchCount], lang: str) -> list[list[str]]:
    """The counts as a table: a header naming what each column counts (the known and
    official numbers said to be national when the view is narrowed), then a row a batch
    with members (the 1-or-2 group has no official number: "–")."""
    national = any(c.filtered for c in counts)
    head = [t("batch", lang), t("count_col_shown", lang),
            t("count_col_known_national" if national else "count_col_known", lang),
            t("count_col_official", lang)]
    rows = [[batch_label(c.batch, c.year, lang, short=True), str(c.shown), known_cell(c, lang),
             str(c.official) if c.official else "–"]
            for c in counts if c.official or c.known]
    return [head, *rows]


def count_line(c: BatchCount, lang: str) -> str:
    """One batch's numbers, each named: "第一批：地图显示 34 · 已知 54（含未确认 20）· 官方
    64"; in a narrowed view the known and official numbers are said to be national; a
    group with no official count of its own gives none."""
    known = known_text(c, lang)
    if c.official:
        known = t("count_known_official", lang, known=known, official=c.official)
    if c.filtered:
        known = t("count_national", lang, what=known)
    return t("count_line", lang, batch=batch_label(c.batch, c.year, lang, short=True),
             shown=t("count_shown", lang, n=c.shown), known=known)


def count_text(c: BatchCount, lang: str) -> str:
    """A presenting screen's or slide's count: "地图显示 34 / 官方 64"; "地图显示 5 *" when
    the view is narrowed (the caveat gives the national figures); "地图显示 7" for a
    group with no official count of its own."""
    if c.filtered:
        return t("count_shown", lang, n=c.shown) + " *"
    if not c.official:
        return t("count_shown", lang, n=c.shown)
    return t("count_of_official", lang, shown=c.shown, official=c.official)


def caveat_part(c: BatchCount, lang: str) -> str:
    """One batch's footnote: what is known beyond what is shown (a narrowed view: the
    national figures)."""
    batch = batch_label(c.batch, c.year, lang, short=True)
    known = known_text(c, lang, hidden=bool(c.hidden))
    if c.filtered:
        return t("caveat_national", lang, batch=batch, known=known, official=c.official)
    if c.complete:
        return t("caveat_known", lang, batch=batch, known=known)
    return t("caveat_missing", lang, batch=batch, known=known, n=c.official - c.known)


def caveat(counts: Sequence[BatchCount], lang: str) -> str:
    """One line for the footer on the batches shown whose count is not the whole story:
    incomplete, with unconfirmed members hidden, or narrowed (then the national figures
    behind the "*"); '' when there is nothing to add."""
    said = [c for c in counts if c.official and (c.filtered or not c.complete or c.hidden)]
    if not said:
        return ""
    batches = t("caveat_sep", lang).join(caveat_part(c, lang) for c in said)
    if any(c.filtered for c in said):
        return t("caveat_filtered", lang, batches=batches)
    if all(c.complete for c in said):
        return t("caveat_unconfirmed", lang, batches=batches)
    return t("caveat", lang, batches=batches)


def nothing_text(v: ViewData, lang: str) -> str:
    """Why the view shows no pilot: a filter with nothing chosen, or members that are
    there but all of a status the view leaves out (the batch-1-or-2 group is all
    unconfirmed), else that nothing matches."""
    s = v.state
    empty = [what for what, values in ((t("batch", lang), s.visible_batches),
                                       (t("level", lang), s.levels),
                                       (t("category", lang), s.categories),
                                       (t("status", lang), s.statuses)) if not values]
    if empty:
        return t("nothing_chosen", lang, what=empty[0])
    from dashboard.filters import filter_pilots

    left_out = filter_pilots(v.frame, replace(s, statuses=STATUSES))
    if len(left_out):
        statuses = [st for st in STATUSES if (left_out["status"] == st).any()]
        return t("nothing_status", lang, n=len(left_out), status=t("status", lang),
                 statuses=t("list_sep", lang).join(value_label("status", st, lang)
                                                   for st in statuses))
    return t("nothing", lang)


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


def speaker_notes(v: ViewData, lang: str) -> str:
    """A few lines a presenter can say at this step: totals, what is new, where most are."""
    from dashboard.state import BATCH_YEARS

    n = v.state
    counts = v.visible_counts()
    pilots = v.rows
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
