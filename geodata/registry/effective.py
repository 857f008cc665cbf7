"""The registry a view shows: the shipped rows plus the saved lists that view uses.

This is the one place that decides which list completes which batch. A view names the
lists it uses (the URL's `use=<list-id>:<batch>:<replace|supplement>`, comma-separated);
without a `use` it takes the operator's defaults (`pilot-atlas lists default`, recorded
with who, when and on what source); `use=none` is the shipped registry alone. Saving a
list never changes what anyone else sees.

- replace: the batch's shipped rows give way to the list's resolved items.
- supplement: the list's items the registry lacks are added (`list_mark=from_list`);
  shipped rows are kept and marked `in_list` or `not_in_list`.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import seeds
from geodata.basics.errors import InputError, UnknownList
from geodata.basics.settings import (
    EFFECTIVE_CACHE,
    FRAME_CACHE,
    STORED_DEFAULTS_MAX_BYTES,
    STORED_JSON_DEPTH,
)
from geodata.geocode.geocoder import AMBIGUOUS, UNMATCHED, Result
from geodata.registry.pilots import Pilot, make_pilot, pilots_frame, shipped_pilots, unit_key
from geodata.store.folders import Store, data_root
from geodata.store.record import UserList
from geodata.store.untrusted import load_json, read_bytes

if TYPE_CHECKING:
    import geopandas as gpd

MODES = ("replace", "supplement")
COMPLETABLE = seeds.batch_numbers()  # a list completes one of the published batches
NONE = "none"  # `use=none`: the shipped registry, whatever the defaults
_TOKEN = re.compile(r"^(?P<id>[a-z0-9-]{6,64}):(?P<batch>[123]):(?P<mode>replace|supplement)$")
DEFAULTS_FILE = "defaults.json"


@dataclass(frozen=True, slots=True)
class ListUse:
    list_id: str
    batch: int
    mode: str  # MODES

    def token(self) -> str:
        return f"{self.list_id}:{self.batch}:{self.mode}"


@dataclass(frozen=True, slots=True)
class Applied:
    """A list in use, as the banner and the audit describe it."""

    use: ListUse
    name: str  # the list's name ("" when the list is gone)
    provenance: str
    source_name: str
    items: int  # the list's resolved items used
    unresolved: int  # its items that could not be placed (left out)
    not_in_list: int  # supplement: shipped members of the batch the list lacks
    replaced: int  # replace: shipped members of the batch no longer shown
    found: bool  # False: the URL names a list that is not saved here
    default_by: str = ""  # set by an operator for everyone: who, when, source

    def line(self) -> str:
        """One line of plain text (CLI, audit)."""
        if not self.found:
            return f"{self.use.token()}: no saved list has this id; ignored"
        head = f"'{self.name}' {self.use.mode}s batch {self.use.batch}: {self.items} items"
        tail = (
            f", {self.not_in_list} shipped members not in the list"
            if self.use.mode == "supplement"
            else f", {self.replaced} shipped rows replaced"
        )
        extra = f" (default set by {self.default_by})" if self.default_by else ""
        return head + tail + extra


# --- the `use` parameter -------------------------------------------------------------


def parse_use(raw: str | None) -> tuple[ListUse, ...] | None:
    """`None` for "no use given" (operator defaults apply), `()` for `none` or nothing
    valid. At most one list per batch: the last one named wins."""
    if raw is None:
        return None
    chosen: dict[int, ListUse] = {}
    for token in str(raw).replace("，", ",").split(","):
        m = _TOKEN.match(token.strip())
        if m:
            use = ListUse(m.group("id"), int(m.group("batch")), m.group("mode"))
            chosen[use.batch] = use
    return tuple(chosen[b] for b in sorted(chosen))


def checked_use(raw: str | None, root: Path | None = None) -> str | None:
    """`raw` from a command line: every part must read and name a saved list that can be
    read, or InputError says which (a page ignores such a list and says so; a command
    that would silently make a file without it must not)."""
    if raw is None or raw.strip() == NONE:
        return raw
    store = Store(root)
    for token in raw.replace("，", ",").split(","):
        if not _TOKEN.match(token.strip()):
            raise InputError(f"--use: '{token.strip()}' is not LIST_ID:BATCH:replace|supplement")
        list_id = token.strip().split(":")[0]
        try:
            store.load(list_id)
        except (OSError, ValueError, KeyError) as exc:
            why = "no saved list has this id" if isinstance(exc, FileNotFoundError | UnknownList
                                                           ) else str(exc).splitlines()[0]
            raise InputError(f"--use: {list_id}: {why}; see pilot-atlas lists show") from None
    return raw


def format_use(uses: Sequence[ListUse] | None) -> str | None:
    """The URL value for `uses` (None: leave the parameter out)."""
    if uses is None:
        return None
    return ",".join(u.token() for u in uses) or NONE


def normalise_use(raw: str) -> str:
    """Canonical text of a `use` value as ViewState keeps it ("" = defaults)."""
    if not raw:
        return ""
    return format_use(parse_use(raw)) or ""


# --- operator defaults ----------------------------------------------------------------


def _defaults_path(root: Path | None = None) -> Path:
    return (root or data_root()) / DEFAULTS_FILE


def load_defaults(root: Path | None = None) -> list[dict[str, object]]:
    """The uses an operator made the default: each with list_id, batch, mode, by, at,
    source. A missing or unreadable file means none."""
    path = _defaults_path(root)
    try:  # untrusted like every stored file: geodata.store.untrusted
        raw = read_bytes(path.parent, path.name, STORED_DEFAULTS_MAX_BYTES, folder_of_store=False)
        data = load_json(raw, DEFAULTS_FILE, STORED_JSON_DEPTH)
    except (OSError, ValueError):
        return []
    out = []
    for d in data.get("defaults", []) if isinstance(data, dict) else []:
        if isinstance(d, dict) and parse_use(
            f"{d.get('list_id')}:{d.get('batch')}:{d.get('mode')}"
        ):
            # who, when and on what source: text, "" where an edited file lacks it
            out.append({**d, **{k: str(d.get(k) or "") for k in ("by", "at", "source")}})
    return out


def set_default(
    use: ListUse, *, by: str, source: str, root: Path | None = None, store: Store | None = None
) -> dict[str, object]:
    """Make `use` the default for every view that names no list (an operator's act)."""
    if not by.strip() or not source.strip():
        raise InputError("say who sets the default (--by) and on what source (--source)")
    try:
        (store or Store(root)).load(use.list_id)
    except (OSError, ValueError, TypeError, KeyError):
        raise InputError(f"no saved list has the id {use.list_id}") from None
    entry: dict[str, object] = {
        **asdict(use),
        "by": by.strip(),
        "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "source": source.strip(),
    }
    kept = [d for d in load_defaults(root) if int(str(d["batch"])) != use.batch]
    _write_defaults([*kept, entry], root)
    return entry


def clear_default(batch: int, root: Path | None = None) -> bool:
    before = load_defaults(root)
    kept = [d for d in before if int(str(d["batch"])) != batch]
    _write_defaults(kept, root)
    return len(kept) != len(before)


def _write_defaults(entries: list[dict[str, object]], root: Path | None) -> None:
    from geodata.basics.atomic import atomic_write_bytes

    body = json.dumps({"defaults": entries}, ensure_ascii=False, indent=1).encode("utf-8")
    atomic_write_bytes(_defaults_path(root), body)


def default_uses(root: Path | None = None) -> tuple[tuple[ListUse, str], ...]:
    """(use, "who, when, source") of each operator default."""
    out = []
    for d in load_defaults(root):
        parsed = parse_use(f"{d['list_id']}:{d['batch']}:{d['mode']}") or ()
        for use in parsed:
            out.append((use, f"{d.get('by')}, {d.get('at')}, {d.get('source')}"))
    return tuple(out)


def uses_for(raw: str | None, root: Path | None = None) -> tuple[tuple[ListUse, str], ...]:
    """The uses a view's `use` value stands for, each with who made it a default ("" when
    the view names it itself)."""
    parsed = parse_use(raw if raw else None)
    if parsed is None:
        return default_uses(root)
    return tuple((u, "") for u in parsed)


# --- the effective registry -------------------------------------------------------------


def list_pilots(ul: UserList, use: ListUse) -> list[Pilot]:
    """The resolved items of a saved list as registry rows of `use.batch`: status
    official (the person vouches for the list; its provenance is the evidence), the
    category of the shipped entry for the same unit, else 综合试点."""
    meta = {b.batch: b for b in seeds.load_batches()}[use.batch]
    shipped = {p.key(): p for p in shipped_pilots() if p.batch == use.batch and p.adcode}
    out = []
    for i, row in enumerate(ul.rows):
        if row.get("status") in (UNMATCHED, AMBIGUOUS):
            continue
        res = Result.from_row(row)
        same = shipped.get(unit_key(row))
        out.append(
            make_pilot(
                res,
                pilot_id=seeds.pilot_id(use.batch, res.input, f"{ul.list_id}|{i}"),
                batch=use.batch,
                year=meta.year,
                document=meta.document,
                category=same.category if same else "综合试点",
                status="official",
                evidence_kind="notice",  # the person vouches it is the batch's notice
                kind=same.kind if same else "",
                sources=f"{ul.name} ({ul.source_name})",
                evidence=ul.provenance,
                list_mark="from_list",
                list_id=ul.list_id,
            )
        )
    return out


def signature(root: Path | None = None) -> tuple[tuple[str, int, int], ...]:
    """The saved lists and the defaults as they are on disk now (a cache key)."""
    return _signature(root or data_root())


def _signature(root: Path) -> tuple[tuple[str, int, int], ...]:
    """(folder, mtime, size) of every saved list and of the defaults: changes whenever
    one is saved, changed or deleted, and costs a few stat calls."""
    out = []
    try:
        for d in root.iterdir():
            f = d / "list.json" if d.is_dir() else d
            if d.name.startswith(".") or not f.is_file():
                continue
            st_ = f.stat()
            out.append((str(f), st_.st_mtime_ns, st_.st_size))
    except OSError:
        return ()
    return tuple(sorted(out))


def effective(
    raw_use: str | None, *, root: Path | None = None
) -> tuple[tuple[Pilot, ...], tuple[Applied, ...]]:
    """The registry a view with `use=raw_use` shows, and the lists it applies."""
    root = root or data_root()
    return _effective(raw_use or "", str(root), _signature(root))


@lru_cache(maxsize=EFFECTIVE_CACHE)
def _effective(
    raw_use: str, root: str, signature: tuple[tuple[str, int, int], ...]
) -> tuple[tuple[Pilot, ...], tuple[Applied, ...]]:
    del signature  # only the cache key: the lists on disk as they are now
    store = Store(Path(root))
    rows = list(shipped_pilots())
    applied = []
    for use, by in uses_for(raw_use or None, Path(root)):
        try:
            ul = store.load(use.list_id)
        except (OSError, ValueError, TypeError, KeyError):
            applied.append(Applied(use, "", "", "", 0, 0, 0, 0, False, by))
            continue
        mine = list_pilots(ul, use)
        keys = {p.key() for p in mine}
        unresolved = len(ul.rows) - len(mine)
        # called within this iteration only, so binding the loop's variables is safe
        def described(items: int, lacking: int, replaced: int) -> Applied:
            return Applied(use, ul.name, ul.provenance, ul.source_name, items,  # noqa: B023
                           unresolved, lacking, replaced, True, by)  # noqa: B023

        if use.mode == "replace":
            replaced = sum(1 for p in rows if p.batch == use.batch)
            rows = [p for p in rows if p.batch != use.batch] + mine
            applied.append(described(len(mine), 0, replaced))
            continue
        shipped_keys = set()
        marked = []
        lacking = 0
        for p in rows:
            if p.batch == use.batch:
                shipped_keys.add(p.key())
                inside = p.key() in keys
                lacking += not inside
                p = _mark(p, "in_list" if inside else "not_in_list", ul.list_id)
            marked.append(p)
        added = [p for p in mine if p.key() not in shipped_keys]
        rows = marked + added
        applied.append(described(len(added), lacking, 0))
    return tuple(rows), tuple(applied)


def _mark(p: Pilot, mark: str, list_id: str) -> Pilot:
    from dataclasses import replace

    return replace(p, list_mark=mark, list_id=list_id)


def effective_pilots(raw_use: str | None = None, *, root: Path | None = None) -> tuple[Pilot, ...]:
    return effective(raw_use, root=root)[0]


def effective_rows(
    raw_use: str | None = None, *, root: Path | None = None
) -> list[dict[str, object]]:
    return [p.row() for p in effective_pilots(raw_use, root=root)]


def effective_frame(
    raw_use: str | None = None, *, simplified: bool = True, root: Path | None = None
) -> gpd.GeoDataFrame:
    """The effective registry with geometry (cached per lists-on-disk state)."""
    pilots, _ = effective(raw_use, root=root)
    return _frame(pilots, simplified)


@lru_cache(maxsize=FRAME_CACHE)
def _frame(pilots: tuple[Pilot, ...], simplified: bool) -> gpd.GeoDataFrame:
    from geodata.registry.pilots import resolved_registry

    if pilots == shipped_pilots():
        return resolved_registry(simplified=simplified)
    return pilots_frame(pilots, simplified=simplified)
