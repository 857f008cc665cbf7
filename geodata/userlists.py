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

import hashlib
import json
import math
import os
import re
import shutil
import time
import types
import typing
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from filelock import FileLock, Timeout

import seeds
from geodata import settings
from geodata.atomic import atomic_write_bytes, clean_temporaries, fsync_dir
from geodata.errors import InvalidList, StoreBusy, UnknownList
from geodata.geocoder import AMBIGUOUS, COLUMNS, UNMATCHED, Result
from geodata.settings import cache_root

_ID = re.compile(r"^[a-z0-9-]{6,64}$")
LIST_FILE = "list.json"
INDEX_FILE = "index.json"
LOCK_FILE = ".lock"
KINDS = ("text", "column")
BATCHES = seeds.batch_numbers()  # a list may complete one of these
LOCK_SECONDS = settings.STORE_LOCK_SECONDS


def data_root() -> Path:
    """$PILOT_ATLAS_DATA, else a `lists` folder beside the cache."""
    env = os.environ.get("PILOT_ATLAS_DATA")
    return Path(env) if env else cache_root().parent / "pilot-atlas-data"


@dataclass(slots=True)
class UserList:
    list_id: str
    name: str
    kind: str  # "text" or "column"
    source_name: str  # the uploaded file's name, or "pasted"
    created: float
    rows: list[dict[str, object]]  # one geocoder row per item (COLUMNS)
    as_batch: int | None = None  # this list completes that batch
    provenance: str = ""
    lines: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.rows:
            out[str(r["status"])] = out.get(str(r["status"]), 0) + 1
        return out


@dataclass(frozen=True, slots=True)
class Summary:
    """What the lists page shows of a saved list, read from the index."""

    list_id: str
    name: str
    created: float
    as_batch: int | None
    items: int
    counts: dict[str, int]
    source_name: str
    provenance: str
    stamp: tuple[int, int]  # (mtime_ns, size) of list.json when summarised


@dataclass(frozen=True, slots=True)
class Damaged:
    """A saved list that could not be read, and why (one line)."""

    list_id: str
    reason: str


# --- validation ---------------------------------------------------------------------------

_SCALAR = (str, int, float, type(None))
_JSON_KINDS = {"str": "text", "int": "a number", "float": "a number", "NoneType": "null",
               "bool": "true/false", "list": "a list", "dict": "an object"}


def _kind(value: object) -> str:
    """The JSON kind of a parsed value, as a person reading list.json would name it."""
    name = type(value).__name__
    return _JSON_KINDS.get(name, name)


def _check(name: str, value: object, hint: object) -> object:
    """`value` checked against the annotation `hint` (the dataclass's own), or InvalidList."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for arm in typing.get_args(hint):
            try:
                return _check(name, value, arm)
            except InvalidList:
                continue
        raise InvalidList(f"{name} is {_kind(value)}, not {hint}")
    if hint is type(None):
        if value is None:
            return None
        raise InvalidList(f"{name} is {_kind(value)}, not null")
    if hint is float:
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return float(value)
        raise InvalidList(f"{name} is {_kind(value)}, not a number")
    if hint in (int, str):
        if isinstance(value, hint) and not isinstance(value, bool):
            return value
        raise InvalidList(f"{name} is {_kind(value)}, not {'text' if hint is str else 'a number'}")
    if origin is list:
        if not isinstance(value, list):
            raise InvalidList(f"{name} is {_kind(value)}, not a list")
        (item,) = typing.get_args(hint)
        return [_check(f"{name}[{i}]", v, item) for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            raise InvalidList(f"{name} is {_kind(value)}, not an object")
        if not all(isinstance(v, _SCALAR) for v in value.values()):
            raise InvalidList(f"{name} holds a value that is not text, a number or null")
        return value
    return value  # an annotation this validator does not know: taken as it is


def validate(data: object, list_id: str | None = None) -> UserList:
    """A UserList from parsed JSON, every field checked against the dataclass's types."""
    if not isinstance(data, dict):
        raise InvalidList(f"the file holds {type(data).__name__}, not an object")
    hints = typing.get_type_hints(UserList)
    values: dict[str, object] = {}
    for f in fields(UserList):
        if f.name not in data:
            if f.default is not f.default_factory:  # has a default (value or factory)
                continue
            raise InvalidList(f"{f.name} is missing")
        values[f.name] = _check(f.name, data[f.name], hints[f.name])
    ul = UserList(**values)  # type: ignore[arg-type]  # each value checked above
    if not _ID.match(ul.list_id) or (list_id is not None and ul.list_id != list_id):
        raise InvalidList(f"list_id {ul.list_id!r} does not name its folder")
    if ul.kind not in KINDS:
        raise InvalidList(f"kind is {ul.kind!r}, not one of {', '.join(KINDS)}")
    if ul.as_batch is not None and ul.as_batch not in BATCHES:
        raise InvalidList(f"as_batch is {ul.as_batch}, not 1, 2 or 3")
    for i, row in enumerate(ul.rows):
        if not isinstance(row.get("status"), str) or "input" not in row:
            raise InvalidList(f"rows[{i}] is not a resolved row (no status or input)")
    return ul


def new_list(
    name: str,
    kind: str,
    source_name: str,
    lines: list[str],
    results: Iterable[Result],
    *,
    as_batch: int | None = None,
    provenance: str = "",
) -> UserList:
    rows = [r.row() for r in results]
    digest = hashlib.sha1(
        json.dumps([name, lines], ensure_ascii=False).encode() + str(time.time_ns()).encode()
    ).hexdigest()[:10]
    return UserList(
        f"list-{digest}",
        name.strip() or "untitled",
        kind,
        source_name,
        time.time(),
        rows,
        as_batch,
        provenance,
        lines,
    )


def _summary(ul: UserList, stamp: tuple[int, int]) -> Summary:
    return Summary(
        ul.list_id,
        ul.name,
        ul.created,
        ul.as_batch,
        len(ul.rows),
        ul.counts(),
        ul.source_name,
        ul.provenance,
        stamp,
    )


class Store:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or data_root()
        self._lock = FileLock(str(self.root / LOCK_FILE), timeout=LOCK_SECONDS)
        self._recovered = False

    def _dir(self, list_id: str) -> Path:
        if not _ID.match(list_id):
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
            if not m or not old.is_dir():
                continue
            target = self.root / m["id"]
            if not (target / LIST_FILE).exists() and self._readable(old, m["id"]):
                shutil.rmtree(target, ignore_errors=True)
                old.rename(target)
                done.append(f"restored {m['id']} from an interrupted save")
            else:
                shutil.rmtree(old, ignore_errors=True)
                done.append(f"removed {old.name} (left by an interrupted save)")
        for tmp in sorted(self.root.glob(".tmp-*")):
            if tmp.is_dir():  # the old scheme wrote whole folders; a complete one is kept
                ul = self._read_dir(tmp)
                target = self.root / ul.list_id if ul else self.root / tmp.name
                if ul and not (target / LIST_FILE).exists():
                    shutil.rmtree(target, ignore_errors=True)
                    tmp.rename(target)
                    done.append(f"restored {ul.list_id} from an interrupted save")
                else:
                    shutil.rmtree(tmp, ignore_errors=True)
                    done.append(f"removed {tmp.name} (left by an interrupted save)")
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
        return sorted(d for d in self.root.iterdir() if _ID.match(d.name) and d.is_dir())

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
                out.append(_summary(self.load(d.name), stamp))
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
                entries.append(asdict(_summary(self.load(d.name), (st.st_mtime_ns, st.st_size))))
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


def _key(row: dict[str, object]) -> str:
    return f"{row.get('adcode')}|{row.get('town') or ''}"


def diff_with_registry(
    rows: list[dict[str, object]], registry: list[dict[str, object]]
) -> dict[str, list[dict[str, object]]]:
    """What loading `rows` as a batch would change: added, missing, renamed, unresolved."""
    usable = [r for r in rows if r["status"] not in (UNMATCHED, AMBIGUOUS)]
    mine = {_key(r): r for r in usable}
    theirs = {_key(r): r for r in registry if r.get("adcode")}
    return {
        "added": [r for k, r in mine.items() if k not in theirs],
        "missing": [r for k, r in theirs.items() if k not in mine],
        "renamed": [r for r in usable if r.get("renamed_from")],
        "unresolved": [r for r in rows if r["status"] in (UNMATCHED, AMBIGUOUS)],
        "same": [r for k, r in mine.items() if k in theirs],
    }


__all__ = [
    "COLUMNS",
    "Damaged",
    "InvalidList",
    "Store",
    "Summary",
    "UserList",
    "data_root",
    "diff_with_registry",
    "new_list",
    "validate",
]
