"""The boundary layers and the printed maps' projection."""
