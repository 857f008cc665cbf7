"""The legend of the map: batches, source statuses, points; or the classes of a choropleth."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from dashboard.escape import html_text as _esc
from dashboard.i18n import batch_label, t
from dashboard.map import choropleth
from dashboard.map.palette import BATCH_COLOURS, OTHER_COLOUR
from dashboard.state import BATCH_YEARS

if TYPE_CHECKING:

    from dashboard.map.view import MapSpec


# a shipped member that a saved list used as a supplement does not name: a dotted outline
NOT_IN_LIST_LINE: dict[str, Any] = {"color": "#1a1a1a", "weight": 2.2, "opacity": 1,
                                    "dashArray": "1 3"}
STATUS_STYLE: dict[str, dict[str, Any]] = {
    "official": {"weight": 1.2, "opacity": 0.95, "fillOpacity": 0.6},
    "reported": {"weight": 1.2, "opacity": 0.85, "fillOpacity": 0.32},
    "unconfirmed": {"weight": 2.0, "opacity": 0.9, "fillOpacity": 0.12, "dashArray": "6 4"},
}


def legend_html(batches: Sequence[int], statuses: set[str], spec: MapSpec,
                has_points: bool, has_approx: bool, not_in_list: bool = False) -> str:
    lang = spec.lang
    parts = [_fold_open(t("legend", lang))]
    for b in batches:
        colour = BATCH_COLOURS.get(b, OTHER_COLOUR)
        parts.append(f'<div><i style="background:{colour}"></i>'
                     f"{_esc(batch_label(b, BATCH_YEARS.get(b, 0), lang))}</div>")
    if spec.focus:  # small side-by-side maps: batch colours only
        return "".join(parts) + "</details>"
    for status in ("official", "reported", "unconfirmed"):
        if status in statuses:
            parts.append(f"<div>{_status_swatch(status)}"
                         f"{_esc(t('legend_' + status, lang))}</div>")
    if has_points:
        parts.append(f'<div><i class="dot" style="background:#999"></i>'
                     f"{_esc(t('legend_point', lang))}</div>")
    if has_approx:
        parts.append(f'<div><i class="dot" style="border-style:dashed;background:#ddd"></i>'
                     f"{_esc(t('legend_approx', lang))}</div>")
    if not_in_list:
        line = NOT_IN_LIST_LINE
        parts.append(
            '<div><svg class="sw" width="22" height="13" aria-hidden="true">'
            f'<rect x="1.5" y="1.5" width="19" height="10" fill="#ccc" stroke="{line["color"]}"'
            f' stroke-width="{line["weight"]}" stroke-dasharray="{line["dashArray"]}"/></svg>'
            f"{_esc(t('legend_not_in_list', lang))}</div>")
    return "".join(parts) + "</details>"


def _status_swatch(status: str) -> str:
    """A small area drawn with the status's own line and fill, in neutral grey."""
    st = STATUS_STYLE[status]
    dash = f' stroke-dasharray="{st["dashArray"]}"' if "dashArray" in st else ""
    return (
        '<svg class="sw" width="22" height="13" aria-hidden="true">'
        f'<rect x="1.5" y="1.5" width="19" height="10" fill="#555" '
        f'fill-opacity="{st["fillOpacity"]}" stroke="#333" stroke-opacity="{st["opacity"]}" '
        f'stroke-width="{st["weight"]}"{dash}/></svg>'
    )


def count_legend_html(values: Mapping[str, choropleth.ProvinceValue], spec: MapSpec) -> str:
    lang = spec.lang
    title = "choro_title_share" if spec.measure == "share" else "choropleth_title"
    parts = [_fold_open(t(title, lang))]
    for colour, label in choropleth.legend_rows(values, spec.measure):
        text = {"none": "0", "whole": t("choro_whole", lang)}.get(label, label)
        parts.append(f'<div><i style="background:{colour}"></i>{_esc(text)}</div>')
    method = "choro_method_share" if spec.measure == "share" else "choro_method_count"
    parts.append(f'<div class="method">{_esc(t(method, lang))}</div>')
    return "".join(parts) + "</details>"


def _fold_open(title: str) -> str:
    """The start of a legend that folds into its title (closed on narrow maps)."""
    return f'<details class="atlas-fold" open><summary><b>{_esc(title)}</b></summary>'

