"""The Leaflet map and its layers: the base map, insets, labels, focus, fills,
choropleth and palette, the list layer, offline assets, the shared render, drill-down."""
