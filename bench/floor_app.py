"""The smallest possible st_folium page: one polygon, Leaflet served locally by the
same mechanism as the app. Its first-map time is the floor the app is measured against."""

import sys
from pathlib import Path

sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

import folium
from streamlit_folium import st_folium

from dashboard.map import offline

offline.ensure_leaflet(Path(__file__).resolve().parent / "static" / "vendor" / "leaflet")
m = folium.Map(tiles=None, location=[35, 105], zoom_start=4)
m.default_js, m.default_css = offline.leaflet_assets(offline.asset_base())
folium.Polygon([[30, 100], [40, 100], [40, 115], [30, 115]], fill=True).add_to(m)
st_folium(m, height=600, returned_objects=[])
