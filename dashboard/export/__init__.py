"""Exports of a view for meetings and reports, with no Streamlit: the slide (PNG, SVG,
PDF), the deck (PPTX) and the standalone map (one offline HTML file). The app's download
buttons and the `pilot-atlas slide | deck | html` commands call the same functions."""
