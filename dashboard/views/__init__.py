"""One module per view (mode): explore, tallies, compare, present."""
