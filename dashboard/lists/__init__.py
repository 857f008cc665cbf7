"""The My lists page's pieces: its session and callbacks, its tables, the save and
saved-lists sections (the logic is geodata.worklist.flow's)."""
