"""A map that fills its frame: for presenting, where the page sizes the map's iframe from
the viewport (see `dashboard/presenting.py`). Inside the frame the map takes the whole
height, and whenever Leaflet sees the frame resized it fits the view again, so a
projector of any shape shows the whole of it."""

from __future__ import annotations

from branca.element import MacroElement, Template

_CSS = (
    "<style>html,body{height:100%;margin:0;overflow:hidden}"
    "#parent,.float-child{height:100%}"
    "#map_div,.folium-map{height:100vh!important}"
    # the steps choose the batches while presenting; the layer list would cover the north-east
    ".leaflet-control-layers{display:none}</style>"
)


class FillFrame(MacroElement):
    """Full-height map that refits `bounds` ([[south, west], [north, east]]) on resize,
    clear of the attribution; the map's own fit (`_FitView`) goes through it too."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}{{ this.css }}{% endmacro %}
        {% macro script(this, kwargs) %}
        (function (m, b) {
            m.options.zoomSnap = 0.1;  // fill the screen, not the nearest half zoom level
            // the same framing on every step: the bounds, kept clear of the attribution
            // along the bottom (or Hainan ends up under it)
            m.atlasFill = function (to) {
                if (to) b = to;
                m.atlasMoved = false;  // a fit the app makes: no z/c in the URL (focus.py)
                var a = m.attributionControl && m.attributionControl.getContainer();
                var below = a ? a.offsetHeight + 4 : 0;
                m.invalidateSize(false);
                m.fitBounds(b, {animate: false, maxZoom: 10, paddingTopLeft: [0, 0],
                                paddingBottomRight: [0, below]});
            };
            m.atlasFill();
            m.on("resize", function () { m.atlasFill(); });
            // the page resizes the frame; a new frame may be laid out after this ran
            if (window.ResizeObserver) {
                new ResizeObserver(function () { m.atlasFill(); }).observe(m.getContainer());
            }
        })({{ this._parent.get_name() }}, {{ this.bounds|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]]) -> None:
        super().__init__()
        self._name = "FillFrame"
        self.bounds = bounds
        self.css = _CSS
