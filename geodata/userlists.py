"""Lists people bring, kept on disk: one folder per list, written atomically, JSON only
(never pickle). A list can complete a batch; shipped seeds are never edited."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from geodata.geocoder import AMBIGUOUS, COLUMNS, UNMATCHED, Result
from geodata.settings import cache_root

_ID = re.compile(r"^[a-z0-9-]{6,64}$")


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


class Store:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or data_root()

    def _dir(self, list_id: str) -> Path:
        if not _ID.match(list_id):
            raise KeyError(list_id)
        return self.root / list_id

    def save(self, ul: UserList) -> None:
        """Write the list into a temporary folder, then rename it into place."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=self.root, prefix=".tmp-"))
        try:
            (tmp / "list.json").write_text(
                json.dumps(asdict(ul), ensure_ascii=False), encoding="utf-8"
            )
            target = self._dir(ul.list_id)
            if target.exists():
                old = self.root / f".old-{ul.list_id}-{time.time_ns()}"
                target.rename(old)
                tmp.rename(target)
                shutil.rmtree(old, ignore_errors=True)
            else:
                tmp.rename(target)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)

    def load(self, list_id: str) -> UserList:
        data = json.loads((self._dir(list_id) / "list.json").read_text(encoding="utf-8"))
        return UserList(**data)

    def all(self) -> list[UserList]:
        if not self.root.exists():
            return []
        out = []
        for d in sorted(self.root.iterdir()):
            if d.name.startswith(".") or not (d / "list.json").exists():
                continue
            try:
                out.append(self.load(d.name))
            except (OSError, ValueError, TypeError, KeyError):
                continue  # a damaged folder never hides the others
        return sorted(out, key=lambda u: u.created)

    def delete(self, list_id: str) -> None:
        shutil.rmtree(self._dir(list_id), ignore_errors=True)


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


__all__ = ["COLUMNS", "Store", "UserList", "data_root", "diff_with_registry", "new_list"]
