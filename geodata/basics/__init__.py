"""The shared basics: errors, atomic writes, caches, settings, codes, data sources."""
