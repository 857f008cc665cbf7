"""One saved list: its record (`UserList`, with the `Summary` the lists page shows and
the `Damaged` note of one that cannot be read), the validation of its list.json against
the record's own types, a new list, and what it would change in a batch. The store that
keeps the lists is geodata.store.folders."""

from __future__ import annotations

import hashlib
import json
import math
import re
import time
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from typing import TypeVar

import seeds
from geodata.basics.errors import InvalidList
from geodata.basics.notes import Note
from geodata.basics.settings import LIST_NAME_MAX, LIST_PROVENANCE_MAX
from geodata.geocode.geocoder import AMBIGUOUS, APPROXIMATE, MATCHED, UNMATCHED, Result

LIST_ID = re.compile(r"^[a-z0-9-]{6,64}$")  # a list's id, also its folder's name
KINDS = ("text", "column")
BATCHES = seeds.batch_numbers()  # a list may complete one of these
STATUSES = (MATCHED, APPROXIMATE, AMBIGUOUS, UNMATCHED)  # of a saved row


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
    # when it was saved as `as_batch`: of two lists that claim one batch the later claim
    # holds (a save interrupted before it cleared the other claim changes nothing)
    claimed: float = 0.0

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
    claimed: float = 0.0  # UserList.claimed


@dataclass(frozen=True, slots=True)
class Damaged:
    """A saved list that could not be read, and why (one line; `refusal` the same as a
    code the page writes in its language, geodata/basics/notes.toml)."""

    list_id: str
    reason: str
    refusal: Note | None = None


_Claimant = TypeVar("_Claimant", UserList, Summary)


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
    if not LIST_ID.match(ul.list_id) or (list_id is not None and ul.list_id != list_id):
        raise InvalidList(f"list_id {ul.list_id!r} does not name its folder")
    if ul.kind not in KINDS:
        raise InvalidList(f"kind is {ul.kind!r}, not one of {', '.join(KINDS)}")
    if ul.as_batch is not None and ul.as_batch not in BATCHES:
        raise InvalidList(f"as_batch is {ul.as_batch}, not 1, 2 or 3")
    for i, row in enumerate(ul.rows):
        if row.get("status") not in STATUSES or "input" not in row:
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


def summary_of(ul: UserList, stamp: tuple[int, int]) -> Summary:
    """What the index keeps of a list: its text fields cut to what the page shows, so
    the index never grows with what a list file holds."""
    return Summary(
        ul.list_id,
        ul.name[:LIST_NAME_MAX],
        ul.created,
        ul.as_batch,
        len(ul.rows),
        ul.counts(),
        ul.source_name[:LIST_NAME_MAX],
        ul.provenance[:LIST_PROVENANCE_MAX],
        stamp,
        ul.claimed,
    )


def holding_claims(lists: list[_Claimant]) -> list[_Claimant]:
    """`lists` with `as_batch` kept only where the list holds the claim: of several
    claiming one batch, the latest claim (then the newest list). The one rule of who
    completes a batch, for the page, the index and `lists check`."""
    best: dict[int, tuple[float, float, str]] = {}
    for u in lists:
        if u.as_batch is not None:
            key = (u.claimed, u.created, u.list_id)
            best[u.as_batch] = max(best.get(u.as_batch, key), key)
    out = []
    for u in lists:
        if u.as_batch is not None and best[u.as_batch] != (u.claimed, u.created, u.list_id):
            u = replace(u, as_batch=None)
        out.append(u)
    return out


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

