"""Saved lists on disk: one list's record, the store's folders, reading its files as untrusted
input."""
