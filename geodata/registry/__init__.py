"""The pilots with their units and geometry, a view's registry with saved lists applied,
coverage, evidence, the research table."""
