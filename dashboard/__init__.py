"""Streamlit UI for Pilot Atlas: filters ⇄ URL, maps, tallies, exports.

Thin on purpose: every name is resolved in `geodata`; this package only selects,
counts and draws. Modules without `st.` calls (map.view, filters, tallies, state's
parsing, downloads) are importable by tests, the slide export and the bench.
"""
