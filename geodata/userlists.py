"""Lists people bring, kept on disk: one folder per list holding `list.json` (JSON only,
never pickle). A list can complete a batch; shipped seeds are never edited.

The store heals: every list is validated when read, and one that is not valid is
skipped and reported (`Store.scan`), never raised. Writes go through
`geodata.atomic` (temporary file, fsync, rename, fsync), under a file lock, so a
crash at any point leaves each list whole, and two sessions saving at once are
serialised: at most one list completes a batch. `index.json` holds what the lists page
shows (name, date, counts), so showing the page does not read every list's rows.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from filelock import FileLock, Timeout

from geodata import settings
from geodata.atomic import atomic_write_bytes, clean_temporaries, fsync_dir
from geodata.errors import InvalidList, StoreBusy, UnknownList
from geodata.savedlist import LIST_ID, Damaged, Summary, UserList, summary_of, validate
from geodata.settings import cache_root

LIST_FILE = "list.json"
INDEX_FILE = "index.json"
LOCK_FILE = ".lock"
LOCK_SECONDS = settings.STORE_LOCK_SECONDS


def data_root() -> Path:
    """$PILOT_ATLAS_DATA, else a `lists` folder beside the cache."""
    env = os.environ.get("PILOT_ATLAS_DATA")
    return Path(env) if env else cache_root().parent / "pilot-atlas-data"


class Store:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or data_root()
        self._lock = FileLock(str(self.root / LOCK_FILE), timeout=LOCK_SECONDS)
        self._recovered = False

    def _dir(self, list_id: str) -> Path:
        if not LIST_ID.match(list_id):
            raise UnknownList(list_id)
        return self.root / list_id

    # --- writing (one writer at a time) --------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's lock (re-entrant): read-modify-write steps go inside."""
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            with self._lock:
                yield
        except Timeout:
            raise StoreBusy(f"the saved lists are busy (locked for {LOCK_SECONDS:.0f} s)") from None

    def save(self, ul: UserList) -> None:
        """Write the list (file-level atomic and durable). A list saved as batch N takes
        that role from any other list, under the same lock, so two sessions saving
        batch N at once leave exactly one list completing it."""
        validate(asdict(ul))  # never write what could not be read back
        with self.locked():
            self.recover()
            if ul.as_batch is not None:
                for other in self._valid_lists():
                    if other.as_batch == ul.as_batch and other.list_id != ul.list_id:
                        other.as_batch = None
                        self._write(other)
            self._write(ul)
            self._write_index()

    def _write(self, ul: UserList) -> None:
        folder = self._dir(ul.list_id)
        new = not folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        if new:
            fsync_dir(self.root)
        data = json.dumps(asdict(ul), ensure_ascii=False).encode("utf-8")
        atomic_write_bytes(folder / LIST_FILE, data)

    def delete(self, list_id: str) -> None:
        folder = self._dir(list_id)
        with self.locked():
            shutil.rmtree(folder, ignore_errors=True)
            fsync_dir(self.root)
            self._write_index()

    # --- recovery ----------------------------------------------------------------------

    def recover(self) -> list[str]:
        """Finish or undo what an interrupted save left: folders of the old scheme
        (`.tmp-*` written, `.old-<id>-*` moved aside) and stray temporary files. Returns
        what was done, one line each."""
        done: list[str] = []
        if not self.root.is_dir():
            return done
        for old in sorted(self.root.glob(".old-*")):
            m = re.match(r"^\.old-(?P<id>[a-z0-9-]{6,64}?)-\d+$", old.name)
            if m and old.is_dir():
                done.append(self._settle(old, m["id"] if self._readable(old, m["id"]) else ""))
        for tmp in sorted(self.root.glob(".tmp-*")):
            if tmp.is_dir():  # the old scheme wrote whole folders; a complete one is kept
                ul = self._read_dir(tmp)
                done.append(self._settle(tmp, ul.list_id if ul else ""))
        for d in self._folders():
            for p in clean_temporaries(d, older_than=0 if self._lock.is_locked else 3600):
                done.append(f"removed {d.name}/{p.name} (left by an interrupted save)")
            if not (d / LIST_FILE).exists() and not any(d.iterdir()):
                d.rmdir()
                done.append(f"removed the empty folder {d.name}")
        clean_temporaries(self.root, older_than=0 if self._lock.is_locked else 3600)
        if done:
            fsync_dir(self.root)
        return done

    def _settle(self, left: Path, list_id: str) -> str:
        """A folder an interrupted save left: put in place as `list_id` when that list is
        missing (and `left` holds it whole), else removed. One line saying which."""
        target = self.root / list_id if list_id else None
        if target is not None and not (target / LIST_FILE).exists():
            shutil.rmtree(target, ignore_errors=True)
            left.rename(target)
            return f"restored {list_id} from an interrupted save"
        shutil.rmtree(left, ignore_errors=True)
        return f"removed {left.name} (left by an interrupted save)"

    def _readable(self, folder: Path, list_id: str) -> bool:
        ul = self._read_dir(folder)
        return ul is not None and ul.list_id == list_id

    @staticmethod
    def _read_dir(folder: Path) -> UserList | None:
        try:
            return validate(json.loads((folder / LIST_FILE).read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None

    # --- reading (never raises for one bad list) --------------------------------------------

    def _folders(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return sorted(d for d in self.root.iterdir() if LIST_ID.match(d.name) and d.is_dir())

    def load(self, list_id: str) -> UserList:
        """One list, validated: UnknownList for a bad id, OSError/InvalidList otherwise."""
        path = self._dir(list_id) / LIST_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InvalidList(f"list.json is not valid JSON ({exc.msg}, line {exc.lineno})"
                              ) from None
        except UnicodeDecodeError:
            raise InvalidList("list.json is not UTF-8") from None
        return validate(data, list_id)

    def _recover_if_needed(self) -> None:
        """On first read: finish what an interrupted save of an older version left."""
        if self._recovered:
            return
        self._recovered = True
        try:
            if any(self.root.glob(".old-*")) or any(self.root.glob(".tmp-*")):
                with self.locked():
                    self.recover()
        except OSError:
            pass  # a read-only or missing store: read what is there

    def scan(self) -> tuple[list[UserList], list[Damaged]]:
        """Every valid list (oldest first) and every folder that could not be read."""
        self._recover_if_needed()
        good: list[UserList] = []
        bad: list[Damaged] = []
        for d in self._folders():
            if not (d / LIST_FILE).exists():
                continue  # a save in progress, or an empty folder recover() removes
            try:
                good.append(self.load(d.name))
            except (OSError, ValueError, KeyError) as exc:
                bad.append(Damaged(d.name, _one_line(exc)))
        return sorted(good, key=lambda u: (u.created, u.list_id)), bad

    def _valid_lists(self) -> list[UserList]:
        return self.scan()[0]

    def all(self) -> list[UserList]:
        """Every valid list, oldest first; damaged ones are skipped (see `scan`)."""
        return self._valid_lists()

    def damaged(self) -> list[Damaged]:
        return self.scan()[1]

    def summaries(self) -> tuple[list[Summary], list[Damaged]]:
        """What the lists page shows, from the index; lists whose file changed since it
        was written (or that it misses) are read again, and the index is healed."""
        self._recover_if_needed()
        index = self._read_index()
        out: list[Summary] = []
        bad: list[Damaged] = []
        stale = False
        for d in self._folders():
            try:
                st = (d / LIST_FILE).stat()
            except OSError:
                continue
            stamp = (st.st_mtime_ns, st.st_size)
            known = index.get(d.name)
            if known is not None and known.stamp == stamp:
                out.append(known)
                continue
            stale = True
            try:
                out.append(summary_of(self.load(d.name), stamp))
            except (OSError, ValueError, KeyError) as exc:
                bad.append(Damaged(d.name, _one_line(exc)))
        if stale or len(index) != len(out):
            try:
                with self.locked():
                    self._write_index()
            except OSError:
                pass  # a read-only store still shows its lists
        return sorted(out, key=lambda u: (u.created, u.list_id)), bad

    def _read_index(self) -> dict[str, Summary]:
        try:
            raw = json.loads((self.root / INDEX_FILE).read_text(encoding="utf-8"))
            out = {}
            for e in raw["lists"]:
                e["stamp"] = tuple(e["stamp"])
                e["counts"] = {str(k): int(v) for k, v in e["counts"].items()}
                s = Summary(**e)
                if not isinstance(s.name, str) or not isinstance(s.created, int | float):
                    continue
                out[s.list_id] = s
            return out
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}  # no index, or a damaged one: it is rebuilt from the lists

    def _write_index(self) -> None:
        entries = []
        for d in self._folders():
            try:
                st = (d / LIST_FILE).stat()
                entries.append(asdict(summary_of(self.load(d.name), (st.st_mtime_ns, st.st_size))))
            except (OSError, ValueError, KeyError):
                continue
        data = json.dumps({"lists": entries}, ensure_ascii=False).encode("utf-8")
        atomic_write_bytes(self.root / INDEX_FILE, data)

    def batch_lists(self) -> list[UserList]:
        """The lists that complete a batch, read in full (oldest first); the index says
        which they are, so lists that only sit in the store are not read."""
        out = []
        for s in self.summaries()[0]:
            if s.as_batch is not None:
                try:
                    out.append(self.load(s.list_id))
                except (OSError, ValueError, KeyError):
                    continue  # changed since the index was read: reported by scan()
        return out

    def check(self, *, repair: bool = False) -> list[str]:
        """A report of the store, one line each; with `repair`, recover interrupted
        saves, delete lists that cannot be read, and rebuild the index."""
        lines: list[str] = []
        if repair:
            with self.locked():
                lines += self.recover()
        else:
            leftovers = [p.name for p in self.root.glob(".old-*")] if self.root.is_dir() else []
            leftovers += [p.name for p in self.root.glob(".tmp-*")] if self.root.is_dir() else []
            lines += [f"left by an interrupted save: {n}" for n in sorted(leftovers)]
        good, bad = self.scan()
        for d in bad:
            if repair:
                self.delete(d.list_id)
                lines.append(f"deleted {d.list_id}: {d.reason}")
            else:
                lines.append(f"cannot be read: {d.list_id}: {d.reason}")
        claims: dict[int, list[str]] = {}
        for u in good:
            if u.as_batch is not None:
                claims.setdefault(u.as_batch, []).append(u.list_id)
        for b, ids in sorted(claims.items()):
            if len(ids) > 1:
                if repair:
                    keep = self.load(ids[-1])
                    self.save(keep)  # a save as batch b clears the others' claims
                    lines.append(f"batch {b}: kept {ids[-1]}, the newest of {len(ids)} claims")
                else:
                    lines.append(f"batch {b} is claimed by {len(ids)} lists: {', '.join(ids)}")
        if repair:
            with self.locked():
                self._write_index()
        lines.append(f"{len(good)} saved list(s) readable, {len(bad)} not")
        return lines


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return f"cannot read it ({exc.strerror or type(exc).__name__})"
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]


__all__ = ["LOCK_SECONDS", "Store", "data_root"]
