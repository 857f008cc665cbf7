"""A list a person brings, while they work on it: read it (paste or upload, under the
limits of geodata.lists.inputs), resolve every item, settle the doubtful ones by hand, keep it
in the store, and compare it with a batch of the registry.

Pure and typed: no Streamlit. A `Work` is immutable; every change makes a new one, so
the page can keep it in a session and tests can drive it directly.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from geodata.basics.errors import InputError
from geodata.basics.notes import Note, note
from geodata.basics.settings import LIST_CORRECTION_MAX, LIST_NAME_MAX, LIST_PROVENANCE_MAX
from geodata.geocode.answer import Method
from geodata.geocode.geocoder import AMBIGUOUS, APPROXIMATE, MATCHED, UNMATCHED, Geocoder
from geodata.lists.inputs import ParsedInput, check_filename, parse_bytes
from geodata.lists.isolated import parse_isolated
from geodata.lists.published import geocode_lines, read_column
from geodata.registry.effective import ListUse, format_use, parse_use, uses_for
from geodata.registry.pilots import registry_rows
from geodata.store.folders import Store
from geodata.store.record import Damaged, Summary, UserList, diff_with_registry, new_list

STATUSES = (MATCHED, APPROXIMATE, AMBIGUOUS, UNMATCHED)
UPLOAD_TYPES = ("txt", "csv", "xlsx")
DIFF_KINDS = ("added", "missing", "renamed", "unresolved", "same")  # diff_with_registry's
PASTED = "pasted"  # the source name of a pasted list


@dataclass(frozen=True, slots=True)
class Work:
    """A list being worked on. Immutable: every change makes a new one."""

    token: str  # fresh for each list read: names the widgets that edit its rows
    name: str
    kind: str  # "text" (published shape) or "column" (one name a row)
    source_name: str  # the uploaded file's name, or PASTED
    encoding: str
    lines: tuple[str, ...]
    rows: tuple[dict[str, object], ...]  # geocoder rows (geodata.geocode.geocoder.COLUMNS)
    list_id: str = ""  # once saved (or opened from the saved lists)


# --- reading and resolving ----------------------------------------------------------------

_GEOCODER_LOCK = threading.Lock()


@cache
def _geocoder() -> Geocoder:
    return Geocoder()


def geocoder() -> Geocoder:
    """One geocoder per process: it only reads its tables, so sessions share it. Built
    once, under a lock: sessions that arrive together wait instead of each building."""
    with _GEOCODER_LOCK:
        return _geocoder()


def read_paste(text: str) -> ParsedInput:
    """Pasted text in the published shape, under the same limits as a file."""
    if not text.strip():
        raise InputError.of("empty_list")
    return read_upload(text.encode("utf-8"), "pasted.txt")


def read_upload(data: bytes, filename: str) -> ParsedInput:
    """An uploaded file (.txt, .csv, .xlsx), decoded and limited by geodata.lists.inputs. A
    spreadsheet is parsed in a capped child process: it cannot starve other sessions."""
    check_filename(filename)
    if not filename.lower().endswith(tuple(f".{ext}" for ext in UPLOAD_TYPES)):
        raise InputError.of(
            "file_type", ext=filename.rsplit(".", 1)[-1]
        )
    if filename.lower().endswith(".xlsx"):
        parsed = parse_isolated(data, filename)
    else:
        parsed = parse_bytes(data, filename)
    if not any(str(r).strip() for r in parsed.rows):
        raise InputError.of("file_no_names")
    return parsed


def resolve(parsed: ParsedInput, gc: Geocoder | None = None) -> list[dict[str, object]]:
    """One geocoder row per item: published lines carry context, a column does not."""
    gc = gc or geocoder()
    results = geocode_lines(parsed.rows, gc) if parsed.kind == "text" else read_column(
        parsed.rows, gc)
    return [r.row() for r in results]


def clean_name(name: str, source_name: str = "", default: str = "") -> str:
    """The name a list goes by: as typed (spaces folded, cut), else its file's name,
    else `default` (the page's dated default, in its language)."""
    name = " ".join(str(name or "").split())[:LIST_NAME_MAX]
    if name:
        return name
    if source_name and source_name != PASTED:
        return source_name[:LIST_NAME_MAX]
    return default


def new_work(
    name: str, source_name: str, parsed: ParsedInput, gc: Geocoder | None = None, *,
    default_name: str = "",
) -> Work:
    return Work(
        secrets.token_hex(4),
        clean_name(name, source_name, default_name),
        parsed.kind,
        source_name,
        parsed.encoding,
        tuple(parsed.rows),
        tuple(resolve(parsed, gc)),
    )


# --- settling items by hand ---------------------------------------------------------------


def _rerow(work: Work, index: int, text: str, how: Note, method: Method) -> Work:
    res = geocoder().resolve(text)
    res.input = str(work.rows[index]["input"])  # the item as the list gave it
    res.notes = (how, *res.notes)
    res.method |= method
    row = res.row()
    rows = list(work.rows)
    rows[index] = row
    return replace(work, rows=tuple(rows))


def candidate_text(candidate: str) -> str:
    """'140302 山西省阳泉市城区' -> '山西省阳泉市城区' (the path, without code or remark)."""
    code, _, path = candidate.strip().partition(" ")
    path = path if code.isdigit() else candidate.strip()
    return path.split(" (", 1)[0].strip()


def candidates_of(row: Mapping[str, object]) -> list[str]:
    return [c.strip() for c in str(row.get("candidates") or "").split(" | ") if c.strip()]


def choose(work: Work, index: int, candidate: str) -> Work:
    """Settle an ambiguous item with one of its candidates (resolved again by its path)."""
    path = candidate_text(candidate)
    return _rerow(work, index, path, note("chosen", path=path), Method.CHOSEN)


def correct(work: Work, index: int, text: str) -> Work:
    """Resolve one item again from corrected text."""
    text = " ".join(str(text).split())[:LIST_CORRECTION_MAX]
    return _rerow(work, index, text, note("corrected", text=text), Method.CORRECTED)


def status_counts(rows: Sequence[Mapping[str, object]]) -> dict[str, int]:
    found = Counter(str(r["status"]) for r in rows)
    return {s: found.get(s, 0) for s in STATUSES}


def problems(rows: Sequence[Mapping[str, object]]) -> list[int]:
    return [i for i, r in enumerate(rows) if r["status"] in (AMBIGUOUS, UNMATCHED)]


def merged_text(row: Mapping[str, object]) -> str:
    """闸北区 -> 静安区 (2015): today's unit a former one was merged into, with the year
    (lists saved before the field existed have none)."""
    into = str(row.get("merged_into") or "")
    year = str(row.get("changed") or "")
    return f"{into} ({year})" if into and year else into


# --- keeping it ---------------------------------------------------------------------------


def save(
    work: Work, *, name: str, as_batch: int | None, provenance: str, store: Store | None = None
) -> UserList:
    """Keep `work` on disk (a new list, or over the one it was opened from). `as_batch`
    only records which batch the list is meant to complete: no view uses it until its
    URL says so (geodata.registry.effective), so saving never changes what others see."""
    store = store or Store()
    name = clean_name(name, work.source_name) if name.strip() else work.name
    provenance = str(provenance or "").strip()[:LIST_PROVENANCE_MAX]
    if work.list_id:
        try:
            created = store.load(work.list_id).created
        except (OSError, ValueError, TypeError, KeyError):
            created = time.time()
        ul = UserList(work.list_id, name, work.kind, work.source_name, created,
                      [dict(r) for r in work.rows], as_batch, provenance, list(work.lines))
    else:
        ul = new_list(name, work.kind, work.source_name, list(work.lines), (),
                      as_batch=as_batch, provenance=provenance)
        ul.rows = [dict(r) for r in work.rows]
    store.save(ul)
    return ul


def work_of(ul: UserList) -> Work:
    """A saved list, opened to work on again."""
    return Work(secrets.token_hex(4), ul.name, ul.kind, ul.source_name, "", tuple(ul.lines),
                tuple(dict(r) for r in ul.rows), ul.list_id)


def saved_lists(store: Store | None = None) -> tuple[list[Summary], list[Damaged]]:
    """The saved lists (oldest first) from the store's index, and those that could not
    be read; none when the data folder cannot be read."""
    try:
        return (store or Store()).summaries()
    except OSError:
        return [], []


# --- completing a batch -------------------------------------------------------------------


def batch_registry_rows(batch: int) -> list[dict[str, object]]:
    """The shipped registry's entries of `batch` (every source status)."""
    return [dict(r) for r in registry_rows() if r["batch"] == batch]


def batch_diff(
    rows: Sequence[Mapping[str, object]], batch: int
) -> dict[str, list[dict[str, object]]]:
    """What the list would change in `batch`, by DIFF_KINDS."""
    return diff_with_registry([dict(r) for r in rows], batch_registry_rows(batch))


def use_value(current: str, list_id: str, batch: int, mode: str) -> str:
    """The view's `use` with `list_id` completing `batch` in `mode` (one list a batch)."""
    uses = {u.batch: u for u, by in uses_for(current or None) if not by}
    uses.update({u.batch: u for u in (parse_use(current) or ())})
    uses[batch] = ListUse(list_id, batch, mode)
    return format_use([uses[b] for b in sorted(uses)]) or ""
