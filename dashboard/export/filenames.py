"""Download file names that say what is in them: what, the filters, the lists in use,
the date. Pure: a function of the view state."""

from __future__ import annotations

import datetime
import re

from dashboard.i18n import province_label, t
from dashboard.state import DEFAULT, ViewState
from seeds import BATCH_1_OR_2

_UNSAFE = re.compile(r"[\\/:*?\"<>|\s]+")


def download_name(s: ViewState, what: str, ext: str, *, today: datetime.date | None = None
                  ) -> str:
    """e.g. `试点_第一批-第三批_浙江省_2026-11-27.xlsx`. `what` is an i18n key."""
    lang = s.lang
    parts = [t(what, lang)]
    batches = s.visible_batches
    if s.mode == "present":  # a presenting step: the years it covers
        from dashboard.state import BATCH_YEARS

        first, last = BATCH_YEARS[1], BATCH_YEARS.get(s.step, BATCH_YEARS[1])
        parts.append(str(first) if last == first else f"{first}-{last}")
    elif tuple(batches) != tuple(DEFAULT.batches):
        names = ["1or2" if b == BATCH_1_OR_2 else str(b) for b in batches]
        parts.append(t("fn_batches", lang, b="+".join(names) or "0"))
    if s.provinces:
        shown = [province_label(p, lang) for p in s.provinces[:3]]
        parts.append("+".join(shown) + (t("fn_more", lang) if len(s.provinces) > 3 else ""))
    if s.levels != DEFAULT.levels:
        parts.append(t("fn_filtered_levels", lang))
    if s.statuses != DEFAULT.statuses:
        parts.append(t("fn_statuses", lang, s="+".join(s.statuses) or "0"))
    if s.q:
        parts.append(s.q[:20])
    if s.use:
        parts.append(t("fn_lists", lang))
    parts.append((today or datetime.date.today()).isoformat())
    stem = "_".join(_UNSAFE.sub("-", p).strip("-") for p in parts if p)
    return f"{stem}.{ext}"
