"""One self-contained HTML file of a map view: Leaflet inlined from the XStatic-Leaflet
package (its images as data: URIs) with the map's own scripts, no server and no
network needed. The map is the app's own `build_map`, so styling and escaping are the
app's."""

from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from branca.element import Element

from dashboard.settings import MAP_NARROW_PX

if TYPE_CHECKING:
    import folium

_IMAGE_URL = re.compile(r"url\((['\"]?)images/([A-Za-z0-9_.-]+\.png)\1\)")


@cache
def leaflet_inline() -> str:
    """<style> and <script> holding Leaflet's CSS (images inlined), its JS and the map's
    own scripts (dashboard/static/atlas)."""
    import xstatic.pkg.leaflet as xl

    base = Path(xl.BASE_DIR)

    def data_uri(match: re.Match[str]) -> str:
        raw = (base / "images" / match.group(2)).read_bytes()
        return "url(data:image/png;base64," + base64.b64encode(raw).decode("ascii") + ")"

    from dashboard.map.offline import MAP_SCRIPTS, atlas_script

    css = _IMAGE_URL.sub(data_uri, (base / "leaflet.css").read_text(encoding="utf-8"))
    scripts = [(base / "leaflet.js").read_text(encoding="utf-8")]
    scripts += [atlas_script(name) for name in MAP_SCRIPTS]  # the map's own code
    for js in scripts[1:]:  # the page goes through Jinja: no template syntax in them
        assert not any(mark in js for mark in ("{{", "{%", "{#")), "template syntax in JS"
    # "</script" inside the code would end the element early
    js = "\n;".join(scripts).replace("</script", "<\\/script")
    return f"<style>{css}</style>\n<script>{js}</script>"


# The title box sits between the zoom buttons (left) and the layer control (right): the
# control's list is ~220 px wide, a button on a map under MAP_NARROW_PX (controls.js).
_HEAD_CSS = (
    "<style>.atlas-head{position:absolute;z-index:1000;top:10px;left:60px;"
    "max-width:min(60%,calc(100% - 310px));box-sizing:border-box;"
    "background:rgba(255,255,255,.92);padding:6px 10px;border-radius:4px;"
    "box-shadow:0 1px 4px rgba(0,0,0,.3);font:13px/1.4 sans-serif;color:#444}"
    ".atlas-head b{display:block;font-size:17px;color:#222}"
    f"@media (max-width:{MAP_NARROW_PX - 0.02}px){{.atlas-head{{max-width:calc(100% - 130px);"
    "font-size:12px}.atlas-head b{font-size:15px}}</style>"
)


def standalone_html(m: folium.Map, *, title: str, lines: tuple[str, ...] = (),
                    lang: str = "zh") -> str:
    """`m` as one HTML file: Leaflet inlined, no external reference. `title` and `lines`
    (filters, caveat, dates) head the page, as they head a slide; the page says its
    language (`lang`), as names inside it say theirs."""

    from branca.element import Figure

    m.default_js, m.default_css = [], []
    root = m.get_root()
    assert isinstance(root, Figure)  # a map's root is its page
    root.header.add_child(Element(leaflet_inline()), name="leaflet_inline", index=0)
    root.header.add_child(Element(f"<title>{_text(title)}</title>" + _HEAD_CSS), name="title")
    head = "".join(f"<div>{_text(line)}</div>" for line in lines if line)
    root.html.add_child(Element(f'<div class="atlas-head"><b>{_text(title)}</b>{head}</div>'),
                        name="atlas_head")
    page: str = root.render()
    # folium's page template writes a bare <html>
    return page.replace("<html>", f'<html lang="{"en" if lang == "en" else "zh-CN"}">', 1)


def _text(value: str) -> str:
    """Escaped like the map's own text: HTML, and braces (the page goes through Jinja)."""
    from dashboard.escape import html_text

    return html_text(value)
