"""The town index on disk: rows of (name, county adcode, lon, lat, source) in SQLite, read
one name at a time. Held in memory as a dict (58,000 places under 46,000 names) it cost each
server ~29 MB resident, for a table most lists never touch."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Mapping, Sequence
from contextlib import closing
from pathlib import Path

from geodata.basics.atomic import atomic_write

Town = list[object]  # [county adcode, lon, lat, source]
_SCHEMA = ("CREATE TABLE towns (name TEXT NOT NULL, county TEXT NOT NULL, lon REAL, "
           "lat REAL, source TEXT NOT NULL)")


class TownIndex:
    """name -> the places of that name, in the order the index was built."""

    def __init__(self, path: Path) -> None:
        # read-only and immutable: no locks on the file; one connection shared by the
        # server's session threads, a query at a time
        self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False)
        self._lock = threading.Lock()

    def get(self, name: str) -> list[Town]:
        with self._lock:
            rows = self._db.execute(
                "SELECT county, lon, lat, source FROM towns WHERE name = ? ORDER BY rowid",
                (name,),
            ).fetchall()
        return [list(r) for r in rows]

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM towns").fetchone()[0])


def _write(path: Path, index: Mapping[str, Sequence[Sequence[object]]]) -> None:
    def write(tmp: Path) -> None:
        with closing(sqlite3.connect(tmp)) as db:
            db.execute(_SCHEMA)
            db.executemany("INSERT INTO towns VALUES (?, ?, ?, ?, ?)",
                           ((name, *entry) for name, entries in index.items()
                            for entry in entries))
            db.execute("CREATE INDEX towns_name ON towns (name)")
            db.commit()

    atomic_write(path, write, durable=False)


def open_town_index(path: Path, build: Callable[[], Mapping[str, Sequence[Sequence[object]]]],
                    ) -> TownIndex:
    """The index at `path`, built with `build()` first if it is missing or unreadable."""
    try:
        index = TownIndex(path)
        len(index)  # reads the table: a missing or broken file fails here
        return index
    except sqlite3.Error:
        pass
    _write(path, build())
    return TownIndex(path)
