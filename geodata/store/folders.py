"""Lists people bring, kept on disk: one folder per list holding `list.json` (JSON only,
never pickle). A list can complete a batch; shipped seeds are never edited.

The store heals: every list is validated when read, and one that is not valid is
skipped and reported (`Store.scan`), never raised. Writes go through
`geodata.basics.atomic` (temporary file, fsync, rename, fsync), under a file lock, so a
crash at any point leaves each list whole, and two sessions saving at once are
serialised: at most one list completes a batch. `index.json` holds what the lists page
shows (name, date, counts), so showing the page does not read every list's rows.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from filelock import FileLock, Timeout

from geodata.basics import settings
from geodata.basics.atomic import atomic_write_bytes, clean_temporaries, fsync_dir
from geodata.basics.errors import InvalidList, StoreBusy, UnknownList
from geodata.basics.settings import LIST_NAME_MAX, LIST_PROVENANCE_MAX, cache_root
from geodata.store.record import (
    BATCHES,
    LIST_ID,
    STATUSES,
    Damaged,
    Summary,
    UserList,
    holding_claims,
    summary_of,
    validate,
)
from geodata.store.untrusted import load_json, read_bytes

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
        that role from any other list in one step: its own file, written with the time
        of its claim, is what moves the claim (the later claim holds, `holding_claims`);
        the other lists' claims are cleared after, tidying only. A save interrupted at
        any point leaves batch N to the old list or the new one, never to none; two
        sessions saving batch N at once (under the lock) leave exactly one."""
        if ul.as_batch is not None:
            ul.claimed = time.time()
        validate(asdict(ul))  # never write what could not be read back
        with self.locked():
            self.recover()
            self._write(ul)
            if ul.as_batch is not None:
                for other in self._valid_lists():
                    if other.as_batch == ul.as_batch and other.list_id != ul.list_id:
                        other.as_batch = None
                        self._write(other)
            self._write_index()

    def _write(self, ul: UserList) -> None:
        folder = self._dir(ul.list_id)
        if folder.is_symlink():
            raise InvalidList(f"the folder {ul.list_id} is a symbolic link; nothing is "
                              "written through it (pilot-atlas lists check --repair)")
        new = not folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        if new:
            fsync_dir(self.root)
        data = json.dumps(asdict(ul), ensure_ascii=False).encode("utf-8")
        atomic_write_bytes(folder / LIST_FILE, data)

    def delete(self, list_id: str) -> None:
        """Remove a list's folder; a symbolic link in its place is removed, never what it
        points to."""
        folder = self._dir(list_id)
        with self.locked():
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                folder.unlink()
            else:
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
        for link in sorted([*self.root.glob(".old-*"), *self.root.glob(".tmp-*")]):
            if link.is_symlink():  # no save leaves a link: never followed, removed
                link.unlink()
                done.append(f"removed the link {link.name}")
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
            return validate(_read_list_json(folder))
        except (OSError, ValueError):
            return None

    # --- reading (never raises for one bad list) --------------------------------------------

    def _folders(self) -> list[Path]:
        """The lists' folders: real folders only (writing and recovery go through them)."""
        return [d for d in self._entries() if not d.is_symlink() and d.is_dir()]

    def _entries(self) -> list[Path]:
        """Every entry named like a list: folders, and anything else in their place (a
        symbolic link, a file), which reading reports as damaged."""
        if not self.root.is_dir():
            return []
        return sorted(d for d in self.root.iterdir() if LIST_ID.match(d.name))

    def load(self, list_id: str) -> UserList:
        """One list, validated: UnknownList for a bad id, OSError/InvalidList otherwise
        (its file is untrusted input: geodata.store.untrusted)."""
        return validate(_read_list_json(self._dir(list_id)), list_id)

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
        for d in self._entries():
            if d.is_dir() and not d.is_symlink() and not _exists(d / LIST_FILE):
                continue  # a save in progress, or an empty folder recover() removes
            try:
                good.append(self.load(d.name))
            except (OSError, ValueError, KeyError) as exc:
                bad.append(_damaged(d.name, exc))
        return holding_claims(sorted(good, key=lambda u: (u.created, u.list_id))), bad

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
        for d in self._entries():
            stamp = _stamp(d)
            if stamp is None:
                continue  # a save in progress, or an empty folder recover() removes
            known = index.get(d.name)
            if known is not None and known.stamp == stamp:
                out.append(known)
                continue
            stale = True
            try:
                out.append(summary_of(self.load(d.name), stamp))
            except (OSError, ValueError, KeyError) as exc:
                bad.append(_damaged(d.name, exc))
        if stale or len(index) != len(out):
            try:
                with self.locked():
                    self._write_index()
            except (OSError, StoreBusy):
                pass  # a read-only or busy store still shows its lists
        return holding_claims(sorted(out, key=lambda u: (u.created, u.list_id))), bad

    def _read_index(self) -> dict[str, Summary]:
        """The index as written by _write_index; anything else in its place (too big, too
        deep, not its shape) is no index: it is rebuilt from the lists."""
        try:
            data = read_bytes(self.root, INDEX_FILE, settings.STORED_INDEX_MAX_BYTES,
                              folder_of_store=False)
            raw = load_json(data, INDEX_FILE, settings.STORED_JSON_DEPTH)
            out = {}
            for e in raw["lists"]:  # type: ignore[index]  # any failure: no index
                s = _summary(e)
                if s is not None:
                    out[s.list_id] = s
            return out
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}

    def _write_index(self) -> None:
        entries = []
        for d in self._folders():
            stamp = _stamp(d)
            try:
                if stamp is not None:
                    entries.append(asdict(summary_of(self.load(d.name), stamp)))
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
        holding: dict[int, str] = {}
        for u in good:  # as_batch of the lists as written, before holding_claims
            raw = self.load(u.list_id)
            if raw.as_batch is not None:
                claims.setdefault(raw.as_batch, []).append(u.list_id)
            if u.as_batch is not None:
                holding[u.as_batch] = u.list_id
        for b, ids in sorted(claims.items()):
            if len(ids) > 1:
                if repair:
                    self.save(self.load(holding[b]))  # a save as batch b clears the others
                    lines.append(f"batch {b}: kept {holding[b]}, the latest of {len(ids)} "
                                 "claims")
                else:
                    lines.append(f"batch {b} is claimed by {len(ids)} lists: {', '.join(ids)};"
                                 f" {holding[b]} holds it")
        if repair:
            with self.locked():
                self._write_index()
        lines.append(f"{len(good)} saved list(s) readable, {len(bad)} not")
        return lines


def _read_list_json(folder: Path) -> object:
    data = read_bytes(folder, LIST_FILE, settings.STORED_LIST_MAX_BYTES)
    return load_json(data, LIST_FILE, settings.STORED_JSON_DEPTH)


def _exists(path: Path) -> bool:
    """Whether anything is at `path`, a broken link included (never following one)."""
    try:
        path.lstat()
    except OSError:
        return False
    return True


def _stamp(entry: Path) -> tuple[int, int] | None:
    """(mtime_ns, size) of an entry's list.json without following links, for the index
    to tell a changed list; of the entry itself when it is no real folder (it is read,
    and reported damaged). None when a folder holds no list.json yet."""
    try:
        st = entry.lstat()
        if stat.S_ISDIR(st.st_mode):
            st = (entry / LIST_FILE).lstat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _summary(e: object) -> Summary | None:
    """An index entry checked against Summary's types (cut as summary_of cuts), or None."""
    if not isinstance(e, dict):
        return None
    stamp, counts, batch, items = e.get("stamp"), e.get("counts"), e.get("as_batch"), e.get(
        "items")
    created, claimed = _number(e.get("created")), _number(e.get("claimed", 0.0))
    texts = [e.get(k) for k in ("list_id", "name", "source_name", "provenance")]
    list_id, name, source, provenance = (t if isinstance(t, str) else "" for t in texts)
    if (
        not (isinstance(stamp, list) and len(stamp) == 2 and all(type(v) is int for v in stamp))
        or not isinstance(counts, dict)
        or not all(k in STATUSES and type(v) is int for k, v in counts.items())
        or not all(isinstance(t, str) for t in texts)
        or not LIST_ID.match(list_id)
        or created is None
        or claimed is None
        or not (batch is None or (type(batch) is int and batch in BATCHES))
        or type(items) is not int
    ):
        return None
    return Summary(list_id, name[:LIST_NAME_MAX], created, batch, items, counts,
                   source[:LIST_NAME_MAX], provenance[:LIST_PROVENANCE_MAX],
                   (stamp[0], stamp[1]), claimed)


def _damaged(list_id: str, exc: BaseException) -> Damaged:
    return Damaged(list_id, _one_line(exc), getattr(exc, "refusal", None))


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return f"cannot read it ({exc.strerror or type(exc).__name__})"
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]


__all__ = ["LOCK_SECONDS", "Store", "data_root"]
