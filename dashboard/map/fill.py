"""A map that fills its frame: for presenting, where the page sizes the map's iframe from
the viewport (see `dashboard/presenting.py`). Inside the frame the map takes the whole
height, and whenever Leaflet sees the frame resized it fits the view again, so a
projector of any shape shows the whole of it."""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

_CSS = (
    "<style>html,body{height:100%;margin:0;overflow:hidden}"
    "#parent,.float-child{height:100%}"
    "#map_div,.folium-map{height:100vh!important}"
    # the steps choose the batches while presenting; the layer list would cover the north-east
    ".leaflet-control-layers{display:none}</style>"
)


class FillFrame(MacroElement):
    """Full-height map that refits `bounds` ([[south, west], [north, east]]) on resize,
    clear of the attribution; the map's own fit (`FitView`) goes through it too
    (`atlas.fill`, fill.js)."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}{{ this.css }}{% endmacro %}
        {% macro script(this, kwargs) %}
        atlas.fill({{ this._parent.get_name() }}, {{ this.bounds|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]]) -> None:
        super().__init__()
        self._name = "FillFrame"
        self.bounds = bounds
        self.css = _CSS
