"""A list a person brought, as its own layer on the national map, and as pilot rows.

Pure functions, no Streamlit. Every string from the list reaches the map through
`safe_html`: escaped for HTML *and* with its braces as entities, because folium and
branca pass generated scripts through Jinja again, where `{{ … }}` in data would be
evaluated on the server.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import folium
from shapely.geometry.base import BaseGeometry

from dashboard.escape import html_text as safe_html
from dashboard.i18n import t, value_label
from dashboard.map.compact_geojson import CompactGeoJson
from dashboard.map.controls import HtmlControl
from geodata.geocode.geocoder import APPROXIMATE
from geodata.registry.pilots import unit_shapes
from geodata.worklist.places import row_geometry, unit_text

LIST_COLOUR = "#CC79A7"  # Okabe–Ito reddish purple: apart from the three batch colours
# Areas above the pilots' counties (420) and below their points (430); the list's own
# points on top of everything, so a list town inside a pilot county stays visible.
AREA_PANE, POINT_PANE = ("atlas-list", 425), ("atlas-list-points", 440)
_LEVEL_ORDER = {"province": 0, "prefecture": 1, "county": 2}


def tooltip_html(row: Mapping[str, Any], lang: str) -> str:
    lines = [f"<b>{safe_html(row.get('input'))}</b>"]
    where = unit_text(row)
    if where:
        lines.append(safe_html(where))
    meta = [value_label("match_status", str(row.get("status")), lang)]
    if row.get("level"):
        meta.append(value_label("level", str(row["level"]), lang))
    if row.get("renamed_from"):
        meta.append(t("lists_renamed_from", lang, name=row["renamed_from"]))
    lines.append(safe_html(" · ".join(meta)))
    return "<br>".join(lines)


def _place_tooltip(
    items: Sequence[tuple[int, Mapping[str, Any], BaseGeometry]], lang: str, *, most: int = 5
) -> str:
    """The first item's tooltip, then the other items the list gives for the place."""
    text = tooltip_html(items[0][1], lang)
    if len(items) > 1:
        more = [str(r.get("input")) for _, r, _ in items[1:most]]
        rest = len(items) - most
        line = t("lists_also", lang, names="、".join(more))
        if rest > 0:
            line += t("lists_and_more", lang, n=rest)
        text += "<br>" + safe_html(line)
    return text


def _area_style(row: Mapping[str, Any], colour: str) -> dict[str, Any]:
    fill = 0.18 if row.get("level") == "province" else 0.42
    return {"color": colour, "weight": 2, "opacity": 0.95, "fillColor": colour, "fillOpacity": fill}


def _point_style(row: Mapping[str, Any], colour: str) -> dict[str, Any]:
    style: dict[str, Any] = {
        "radius": 7,
        "color": "#222222",
        "weight": 1.2,
        "opacity": 1,
        "fill": True,
        "fillColor": colour,
        "fillOpacity": 0.9,
    }
    if row.get("status") == APPROXIMATE:
        style.update(dashArray="3 2", fillOpacity=0.45)
    return style


def _bounds(geoms: Sequence[BaseGeometry]) -> list[list[float]]:
    """[[south, west], [north, east]] around `geoms`, rounded (stable HTML)."""
    boxes = [g.bounds for g in geoms]
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return [[round(south, 3), round(west, 3)], [round(north, 3), round(east, 3)]]


class ListLayer(NamedTuple):
    """What `add_list_layer` drew: the toggleable group, its compact layers (areas,
    then points, when there are any) and the legend's HTML."""

    group: folium.FeatureGroup
    layers: list[CompactGeoJson]
    legend: str


def add_list_layer(
    m: folium.Map,
    rows: Sequence[Mapping[str, Any]],
    *,
    name: str,
    colour: str = LIST_COLOUR,
    lang: str = "zh",
    shapes: Mapping[str, BaseGeometry] | None = None,
    fit: bool = False,
) -> ListLayer:
    """Draw the resolved rows of a list on `m` (`map.view.build_map`'s `more`) as one
    toggleable layer named `name`, with a legend. Items that did not resolve are not
    drawn; the legend says how many. `fit` zooms the map to the list. Returns what it
    drew."""
    shapes = unit_shapes(True) if shapes is None else shapes
    # one feature per place: a list naming a unit twice draws it once (which bounds the
    # map at ~3,300 units plus points, whatever the list's length)
    places: dict[tuple[object, ...], list[tuple[int, Mapping[str, Any], BaseGeometry]]] = {}
    for i, row in enumerate(rows):
        geom = row_geometry(row, shapes)
        if geom is None:
            continue
        if geom.geom_type == "Point":
            key: tuple[object, ...] = ("P", round(geom.x, 5), round(geom.y, 5))
        else:
            key = ("A", str(row.get("adcode")))
        places.setdefault(key, []).append((i, row, geom))
    areas = [p for k, p in places.items() if k[0] == "A"]
    points = [p for k, p in places.items() if k[0] == "P"]
    areas.sort(key=lambda p: (_LEVEL_ORDER.get(str(p[0][1].get("level")), 3), p[0][0]))
    drawn = sum(len(p) for p in places.values())

    def features(
        group: list[list[tuple[int, Mapping[str, Any], BaseGeometry]]], style: Any
    ) -> list[tuple[BaseGeometry, dict[str, Any], str, str]]:
        return [
            (p[0][2], style(p[0][1], colour), _place_tooltip(p, lang), f"L{p[0][0]}") for p in group
        ]

    for pane, z in (AREA_PANE, POINT_PANE):
        folium.map.CustomPane(pane, z_index=z, pointer_events=True).add_to(m)
    label = f'<span style="color:{colour}">■</span> {safe_html(name)}'
    group = folium.FeatureGroup(name=label, show=True)
    highlight = {"weight": 3.5, "fillOpacity": 0.65}
    drawn_layers: list[CompactGeoJson] = []
    for items, style, pane, layer in ((areas, _area_style, AREA_PANE[0], "list-areas"),
                                      (points, _point_style, POINT_PANE[0], "list-points")):
        if items:
            drawn_layers.append(CompactGeoJson(features(items, style), pane=pane, name=layer,
                                               highlight=highlight).add_to(group))
    group.add_to(m)

    left = len(rows) - drawn
    legend = [
        f"<b>{safe_html(t('lists_layer_legend', lang))}</b>",
        f'<div><i style="background:{colour}"></i>{safe_html(name)}</div>',
        f"<div>{safe_html(t('lists_legend_drawn', lang, n=drawn))}</div>",
    ]
    if left:
        legend.append(f"<div>{safe_html(t('lists_legend_left', lang, n=left))}</div>")
    HtmlControl("".join(legend), "bottomleft", css_class="atlas-legend atlas-list-legend").add_to(m)
    if fit and drawn:
        m.fit_bounds(_bounds([p[0][2] for p in places.values()]), max_zoom=7)
    return ListLayer(group, drawn_layers, "".join(legend))

