"""Pure logic: boundaries, names, history, towns and the geocoder. No Streamlit here."""
