"""My lists: bring a list of regions (pasted or uploaded), audit how each item was
resolved, fix the doubtful ones, see it on the map, download it, keep it, and
optionally let it complete a batch of the registry.

The list being worked on lives in `st.session_state` only (never shared between
sessions); saved lists live on disk in `geodata.userlists.Store`. Reading and
resolving are `geodata`'s; this module only wires them to the page. The pure
helpers at the top take plain values (and a plain mapping for the session), so
tests call them directly.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections import Counter
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import ui
from dashboard.escape import md
from dashboard.i18n import DEFAULT_LANG, batch_label, province_label, t, value_label
from dashboard.list_layer import (
    DRAWN,
    LIST_COLOUR,
    add_list_layer,
    row_geometry,
    unit_shapes,
    unit_text,
)
from dashboard.state import BATCHES, LEVELS, ViewState
from geodata.errors import InputError
from geodata.exports import table_csv, table_xlsx
from geodata.geocoder import AMBIGUOUS, APPROXIMATE, COLUMNS, MATCHED, UNMATCHED, Geocoder
from geodata.inputs import (
    MAX_BYTES,
    MAX_ROWS,
    ParsedInput,
    check_filename,
    parse_bytes,
    table_input,
)
from geodata.isolated import parse_isolated
from geodata.lists import geocode_lines, geocode_names
from geodata.note_text import note_text
from geodata.reasons import reason_text
from geodata.settings import LIST_NAME_MAX, LIST_PROVENANCE_MAX
from geodata.userlists import Damaged, Store, Summary, UserList, diff_with_registry, new_list

STATUSES = (MATCHED, APPROXIMATE, AMBIGUOUS, UNMATCHED)
UPLOAD_TYPES = ("txt", "csv", "xlsx")
MAX_NAME = LIST_NAME_MAX
MAX_PROVENANCE = LIST_PROVENANCE_MAX
DIFF_KINDS = ("added", "missing", "renamed", "unresolved", "same")
PASTED = "pasted"

# session_state keys (this session only)
WORK = "lists_work"  # the list being worked on: a Work
ERROR = "lists_error"  # the last reading error, one line
NOTICE = "lists_notice"  # the last success message
SAVE_ERROR = "lists_save_error"  # why the last save failed
TABLE = "lists_table"  # the cells of the table just read (to read another column)


@dataclass(frozen=True, slots=True)
class Work:
    """A list being worked on. Immutable: every change makes a new one."""

    token: str  # fresh for each list read: names the widgets that edit its rows
    name: str
    kind: str  # "text" (published shape) or "column" (one name a row)
    source_name: str  # the uploaded file's name, or "pasted"
    encoding: str
    lines: tuple[str, ...]
    rows: tuple[dict[str, object], ...]  # geocoder rows (COLUMNS)
    list_id: str = ""  # once saved (or opened from the saved lists)


# --- reading and resolving (pure) ---------------------------------------------------


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
        raise InputError("the list is empty")
    return read_upload(text.encode("utf-8"), "pasted.txt")


def read_upload(data: bytes, filename: str) -> ParsedInput:
    """An uploaded file (.txt, .csv, .xlsx), decoded and limited by geodata.inputs. A
    spreadsheet is parsed in a capped child process: it cannot starve other sessions."""
    check_filename(filename)
    if not filename.lower().endswith(tuple(f".{ext}" for ext in UPLOAD_TYPES)):
        raise InputError(
            f"{filename.rsplit('.', 1)[-1]} files are not read; use .txt, .csv or .xlsx"
        )
    if filename.lower().endswith(".xlsx"):
        parsed = parse_isolated(data, filename)
    else:
        parsed = parse_bytes(data, filename)
    if not any(str(r).strip() for r in parsed.rows):
        raise InputError("the file holds no names")
    return parsed


def resolve(parsed: ParsedInput, gc: Geocoder | None = None) -> list[dict[str, object]]:
    """One geocoder row per item: published lines carry context, a column does not."""
    gc = gc or geocoder()
    if parsed.kind == "text":
        results = geocode_lines(parsed.rows, gc)
    else:
        results = geocode_names(parsed.rows, gc)
    return [r.row() for r in results]


def new_work(
    name: str, source_name: str, parsed: ParsedInput, gc: Geocoder | None = None,
    lang: str = DEFAULT_LANG,
) -> Work:
    rows = resolve(parsed, gc)
    return Work(
        secrets.token_hex(4),
        clean_name(name, source_name, lang),
        parsed.kind,
        source_name,
        parsed.encoding,
        tuple(parsed.rows),
        tuple(rows),
    )


def clean_name(name: str, source_name: str = "", lang: str = DEFAULT_LANG) -> str:
    name = " ".join(str(name or "").split())[:MAX_NAME]
    if name:
        return name
    if source_name and source_name != PASTED:
        return source_name[:MAX_NAME]
    return t("lists_default_name", lang, when=time.strftime("%Y-%m-%d %H:%M"))


def source_label(source_name: str, lang: str) -> str:
    """Where a list came from, in the UI's language (a file's name as it is)."""
    return t("lists_source_pasted", lang) if source_name == PASTED else source_name


def load_into(
    session: MutableMapping[str, Any],
    *,
    name: str,
    text: str | None = None,
    data: bytes | None = None,
    filename: str = "",
    lang: str = DEFAULT_LANG,
) -> bool:
    """Read and resolve a pasted text or an uploaded file into `session`. On any
    problem only `session[ERROR]` changes: the list worked on before stays as it was."""
    try:
        if data is not None:
            parsed, source = read_upload(data, filename), filename
        else:
            parsed, source = read_paste(text or ""), PASTED
        work = new_work(name, source, parsed, lang=lang)
    except InputError as exc:
        session[ERROR] = str(exc).splitlines()[0] if str(exc) else "unreadable input"
        session.pop(NOTICE, None)
        return False
    session[WORK] = work
    session.pop("lists_column", None)
    if parsed.table is not None:  # a table: keep its cells, so another column can be read
        session[TABLE] = (parsed.cells, parsed.encoding, source, work.name)
    else:
        session.pop(TABLE, None)
    session.pop(ERROR, None)
    session.pop(NOTICE, None)
    return True


def repick(session: MutableMapping[str, Any], column: int) -> bool:
    """Read the names of the table just loaded from another column (the person's pick)."""
    kept = session.get(TABLE)
    if not kept:
        return False
    cells, encoding, source, name = kept
    try:
        parsed = table_input([list(r) for r in cells], encoding, MAX_ROWS, column)
        session[WORK] = new_work(name, source, parsed)
    except InputError as exc:
        session[ERROR] = str(exc).splitlines()[0]
        return False
    session.pop(ERROR, None)
    return True


def _rerow(work: Work, index: int, text: str, note: str, method: str) -> Work:
    res = geocoder().resolve(text)
    res.input = str(work.rows[index]["input"])  # the item as the list gave it
    row = res.row()
    row["note"] = f"{note}; {row['note']}" if row["note"] else note
    row["method"] = f"{row['method']}+{method}" if row["method"] else method
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
    return _rerow(work, index, path, f"chosen by hand: {path}", "chosen")


def correct(work: Work, index: int, text: str) -> Work:
    """Resolve one item again from corrected text."""
    text = " ".join(str(text).split())[:200]
    return _rerow(work, index, text, f"corrected by hand to '{text}'", "corrected")


def status_counts(rows: Sequence[Mapping[str, object]]) -> dict[str, int]:
    found = Counter(str(r["status"]) for r in rows)
    return {s: found.get(s, 0) for s in STATUSES}


def problems(rows: Sequence[Mapping[str, object]]) -> list[int]:
    return [i for i, r in enumerate(rows) if r["status"] in (AMBIGUOUS, UNMATCHED)]


def merged_text(row: Mapping[str, object]) -> str:
    """闸北区 -> 静安区 (2015): today's unit a former one was merged into, with the year
    (lists saved before issue 8 have no such field)."""
    into = str(row.get("merged_into") or "")
    year = str(row.get("changed") or "")
    return f"{into} ({year})" if into and year else into


def audit_frame(rows: Sequence[Mapping[str, object]], lang: str) -> pd.DataFrame:
    """Every item: what was read, its status, the unit found, renames, the reason."""
    return pd.DataFrame(
        {
            t("lists_col_no", lang): range(1, len(rows) + 1),
            t("lists_col_input", lang): [str(r["input"]) for r in rows],
            t("lists_col_status", lang): [t(f"lists_status_{r['status']}", lang) for r in rows],
            t("lists_col_unit", lang): [unit_text(r) for r in rows],
            t("lists_col_renamed", lang): [str(r["renamed_from"] or "") for r in rows],
            t("lists_col_merged", lang): [merged_text(r) for r in rows],
            t("lists_col_reason", lang): [
                reason_text(str(r.get("reason") or ""), lang) for r in rows
            ],
            t("lists_col_note", lang): [note_text(str(r["note"] or ""), lang) for r in rows],
            t("lists_col_candidates", lang): [str(r["candidates"] or "") for r in rows],
            t("lists_col_level", lang): [
                value_label("level", str(r["level"]), lang) if r["level"] else "" for r in rows
            ],
            t("lists_col_adcode", lang): [str(r["adcode"] or "") for r in rows],
        }
    )


def list_tallies(rows: Sequence[Mapping[str, object]]) -> pd.DataFrame:
    """Resolved items per province (adcode order) and level; unresolved items are left
    out (the audit counts them)."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    for r in rows:
        if r["status"] not in DRAWN or not r["adcode"]:
            continue
        key = (str(r["adcode"])[:2] + "0000", str(r["province"]))
        counts.setdefault(key, Counter())[str(r["level"])] += 1
    out = []
    for (code, province), by_level in sorted(counts.items()):
        row: dict[str, object] = {
            "province_adcode": code,
            "province": province,
            "total": sum(by_level.values()),
        }
        row.update({f"level_{lv}": by_level.get(lv, 0) for lv in LEVELS})
        out.append(row)
    columns = ["province_adcode", "province", "total", *(f"level_{lv}" for lv in LEVELS)]
    return pd.DataFrame(out, columns=columns)


def localised_tallies(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    shown = table.drop(columns=["province_adcode"])
    if len(shown):
        total = {
            "province": t("totals_row", lang),
            **{c: int(shown[c].sum()) for c in shown.columns if c != "province"},
        }
        shown = pd.concat([shown, pd.DataFrame([total])], ignore_index=True)
    shown["province"] = [province_label(str(p), lang) for p in shown["province"]]
    names = {"province": t("col_province", lang), "total": t("col_total", lang)}
    names.update({f"level_{lv}": value_label("level", lv, lang) for lv in LEVELS})
    return shown.rename(columns=names)


# --- files out (pure) -----------------------------------------------------------------


def csv_bytes(rows: Sequence[Mapping[str, object]], lang: str = "zh") -> bytes:
    # BOM, formulas, Chinese headers and values: geodata.exports / geodata.schema
    return table_csv(rows, COLUMNS, lang, geocoder=True).encode("utf-8")


def xlsx(rows: Sequence[Mapping[str, object]], lang: str = "zh") -> bytes:
    return table_xlsx(rows, COLUMNS, lang, geocoder=True)


def geojson_bytes(rows: Sequence[Mapping[str, object]], *, simplified: bool = False) -> bytes:
    """Every item as a feature (unresolved ones with null geometry), WGS84."""
    from shapely.geometry import mapping

    shapes = unit_shapes(simplified)
    feats = []
    for r in rows:
        geom = row_geometry(r, shapes)
        feats.append(
            {
                "type": "Feature",
                "properties": {c: r.get(c) for c in COLUMNS},
                "geometry": mapping(geom) if geom is not None else None,
            }
        )
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False).encode(
        "utf-8"
    )


# --- batches (pure) -------------------------------------------------------------------


def batch_registry_rows(batch: int) -> list[dict[str, object]]:
    """The shipped registry's entries of `batch` (every source status)."""
    from geodata.registry import registry_rows

    return [dict(r) for r in registry_rows() if r["batch"] == batch]


def batch_diff(
    rows: Sequence[Mapping[str, object]], batch: int
) -> dict[str, list[dict[str, object]]]:
    return diff_with_registry([dict(r) for r in rows], batch_registry_rows(batch))


def diff_frame(kind: str, found: Sequence[Mapping[str, object]], lang: str) -> pd.DataFrame:
    if kind == "missing":  # registry rows
        return pd.DataFrame(
            {
                t("f_name_published", lang): [str(r["name_published"]) for r in found],
                t("lists_col_unit", lang): [
                    str(r["unit_name"] or "") + str(r["town"] or "") for r in found
                ],
                t("f_province", lang): [province_label(str(r["province"]), lang) for r in found],
                t("f_status", lang): [value_label("status", str(r["status"]), lang) for r in found],
            }
        )
    return audit_frame(found, lang).drop(columns=[t("lists_col_no", lang)])


def save(
    work: Work, *, name: str, as_batch: int | None, provenance: str, store: Store | None = None
) -> UserList:
    """Keep `work` on disk (a new list, or over the one it was opened from). `as_batch`
    only records which batch the list is meant to complete: no view uses it until its
    URL says so (geodata.effective), so saving never changes what others see."""
    store = store or Store()
    name = clean_name(name, work.source_name) if name.strip() else work.name
    provenance = str(provenance or "").strip()[:MAX_PROVENANCE]
    if work.list_id:
        try:
            created = store.load(work.list_id).created
        except (OSError, ValueError, TypeError, KeyError):
            created = time.time()
        ul = UserList(
            work.list_id,
            name,
            work.kind,
            work.source_name,
            created,
            [dict(r) for r in work.rows],
            as_batch,
            provenance,
            list(work.lines),
        )
    else:
        ul = new_list(
            name,
            work.kind,
            work.source_name,
            list(work.lines),
            (),
            as_batch=as_batch,
            provenance=provenance,
        )
        ul.rows = [dict(r) for r in work.rows]
    store.save(ul)
    return ul


def work_of(ul: UserList) -> Work:
    return Work(
        secrets.token_hex(4),
        ul.name,
        ul.kind,
        ul.source_name,
        "",
        tuple(ul.lines),
        tuple(dict(r) for r in ul.rows),
        ul.list_id,
    )


def saved_frame(lists: Sequence[Summary], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("lists_col_name", lang): [u.name for u in lists],
            t("lists_col_items", lang): [u.items for u in lists],
            **{
                t(f"lists_status_{s}", lang): [u.counts.get(s, 0) for u in lists]
                for s in STATUSES
            },
            t("lists_col_batch", lang): [
                batch_label(u.as_batch, 0, lang, short=True) if u.as_batch else "" for u in lists
            ],
            t("lists_col_provenance", lang): [u.provenance for u in lists],
            t("lists_col_source", lang): [source_label(u.source_name, lang) for u in lists],
            t("lists_col_saved", lang): [
                time.strftime("%Y-%m-%d %H:%M", time.localtime(u.created)) for u in lists
            ],
        }
    )


def saved_lists(store: Store | None = None) -> tuple[list[Summary], list[Damaged]]:
    """The saved lists (oldest first) from the store's index, and those that could not
    be read; none when the data folder cannot be read."""
    try:
        return (store or Store()).summaries()
    except OSError:
        return [], []




# --- the page ---------------------------------------------------------------------------


def cast_session(ss: Any) -> MutableMapping[str, Any]:
    """st.session_state is a mutable mapping in behaviour, not in its declared type."""
    out: MutableMapping[str, Any] = ss
    return out


def _on_paste() -> None:
    ss = st.session_state
    load_into(cast_session(ss), name=ss.get("lists_name", ""), text=ss.get("lists_text", ""),
              lang=_lang())


def _on_upload() -> None:
    ss = st.session_state
    up = ss.get("lists_file")
    if up is None:
        ss[ERROR] = t("lists_no_file", _lang())
        return
    load_into(cast_session(ss), name=ss.get("lists_name", ""), data=up.getvalue(),
              filename=up.name, lang=_lang())


def _lang() -> str:
    from dashboard.state import current_state

    return current_state().lang


def _on_choose(index: int, key: str) -> None:
    ss = st.session_state
    work: Work | None = ss.get(WORK)
    choice = ss.get(key)
    if work is None or not choice or index >= len(work.rows):
        return
    ss[WORK] = choose(work, index, str(choice))
    ss.pop("lists_fix_row", None)


def _on_correct(index: int, key: str) -> None:
    ss = st.session_state
    work: Work | None = ss.get(WORK)
    text = str(ss.get(key) or "").strip()
    if work is None or not text or index >= len(work.rows):
        return
    ss[WORK] = correct(work, index, text)
    ss.pop("lists_fix_row", None)


def _on_save() -> None:
    ss = st.session_state
    work: Work | None = ss.get(WORK)
    if work is None:
        return
    batch = int(ss.get("lists_as_batch") or 0) or None
    try:
        ul = save(
            work,
            name=ss.get("lists_name", ""),
            as_batch=batch,
            provenance=ss.get("lists_provenance", ""),
        )
    except OSError as exc:
        ss[SAVE_ERROR] = f"{type(exc).__name__}: {exc.strerror or exc}"
        return
    ss.pop(SAVE_ERROR, None)
    ss[WORK] = replace(work, list_id=ul.list_id, name=ul.name)
    ss[NOTICE] = ("saved", ul.name)
    ss.pop(ERROR, None)
    ss["lists_confirm"] = False


def _on_open(list_id: str) -> None:
    ss = st.session_state
    try:
        ul = Store().load(list_id)
    except (OSError, ValueError, TypeError, KeyError):
        return
    ss[WORK] = work_of(ul)
    ss["lists_name"] = ul.name
    ss["lists_as_batch"] = ul.as_batch or 0
    ss["lists_provenance"] = ul.provenance
    ss["lists_confirm"] = False
    ss.pop(ERROR, None)
    ss[NOTICE] = ("opened", ul.name)


def _on_unset(list_id: str) -> None:
    store = Store()
    try:
        ul = store.load(list_id)
    except (OSError, ValueError, TypeError, KeyError):
        return
    ul.as_batch = None
    store.save(ul)
    st.session_state[NOTICE] = ("unset", ul.name)


def _on_delete(list_id: str) -> None:
    ss = st.session_state
    Store().delete(list_id)
    work: Work | None = ss.get(WORK)
    if work is not None and work.list_id == list_id:
        ss[WORK] = replace(work, list_id="")  # still on screen, no longer saved
    ss["lists_delete_ok"] = False
    ss.pop("lists_pick", None)
    ss[NOTICE] = ("deleted", "")


def render(s: ViewState) -> None:
    lang = s.lang
    st.title(t("lists_title", lang))
    st.caption(t("lists_caption", lang))
    ui.lists_banner(s)
    _input(lang)
    work: Work | None = st.session_state.get(WORK)
    if work is not None:
        _column_pick(work, lang)
        _audit(work, lang)
        _fixes(work, lang)
        _map(work, s)
        _tallies(work, lang)
        _downloads(work, lang)
        _save(work, lang)
    _saved(lang)


def _input(lang: str) -> None:
    st.text_input(
        t("lists_name", lang),
        key="lists_name",
        max_chars=MAX_NAME,
        placeholder=t("lists_name_placeholder", lang),
    )
    paste, upload = st.tabs([t("lists_tab_paste", lang), t("lists_tab_upload", lang)])
    with paste:
        st.text_area(
            t("lists_paste", lang),
            key="lists_text",
            height=160,
            placeholder="贵州省黔南州独山县、三都县\n浙江省苍南县龙港镇",
        )
        st.button(t("lists_resolve", lang), key="lists_go_text", on_click=_on_paste, type="primary")
    with upload:
        # No `type=`: Streamlit would then check the name itself and raise for a NUL in
        # it, taking the whole page down; geodata.inputs refuses other types in one line.
        st.file_uploader(
            t("lists_upload", lang),
            key="lists_file",
            max_upload_size=MAX_BYTES // (1024 * 1024),
        )
        st.button(
            t("lists_resolve_file", lang), key="lists_go_file", on_click=_on_upload, type="primary"
        )
    st.caption(t("lists_limits", lang, mb=MAX_BYTES // (1024 * 1024), rows=f"{MAX_ROWS:,}"))
    if st.session_state.get(ERROR):
        st.error(t("lists_error", lang, reason=md(st.session_state[ERROR])), icon="⚠️")
    notice = st.session_state.get(NOTICE)
    if notice:
        kind, name = notice
        key = "use_notice_unset" if kind == "unset" else f"lists_notice_{kind}"
        st.success(t(key, lang, name=md(name)), icon="✅")


def _column_pick(work: Work, lang: str) -> None:
    """For a table: which column was read as the names, and a way to pick another."""
    kept = st.session_state.get(TABLE)
    if not kept or work.kind != "column" or work.list_id:
        return
    from geodata.tables import read_table

    cells = [list(r) for r in kept[0]]
    read = read_table(cells)
    width = max((len(r) for r in cells), default=0)
    if width < 2:
        return
    if not read.sure:
        st.warning(t("tables_unsure", lang), icon="⚠️")

    def label(i: int) -> str:
        head = read.header[i] if i < len(read.header) and read.header[i] else ""
        sample = next((str(r[i]) for r in cells[1:] if i < len(r) and str(r[i]).strip()), "")
        return t("tables_column", lang, n=i + 1, head=head or sample[:12])

    key = "lists_column"  # forgotten when a new table is read (load_into)
    st.selectbox(t("tables_pick", lang), list(range(width)), index=read.column, key=key,
                 format_func=label, on_change=_on_repick, args=(key,),
                 help=t("tables_pick_help", lang))


def _on_repick(key: str) -> None:
    repick(cast_session(st.session_state), int(st.session_state.get(key) or 0))


def _audit(work: Work, lang: str) -> None:
    st.subheader(t("lists_audit", lang, name=md(work.name)))
    counts = status_counts(work.rows)
    cols = st.columns(len(STATUSES) + 1)
    cols[0].metric(t("lists_items", lang), len(work.rows))
    for col, status in zip(cols[1:], STATUSES, strict=True):
        col.metric(t(f"lists_status_{status}", lang), counts[status])
    st.caption(
        t(
            "lists_read_as",
            lang,
            kind=t(f"lists_kind_{work.kind}", lang),
            source=md(source_label(work.source_name, lang)),
            encoding=work.encoding or "—",
        )
    )
    st.dataframe(
        audit_frame(work.rows, lang),
        hide_index=True,
        key="lists_audit_table",
        height=min(36 * (len(work.rows) + 1) + 2, 420),
    )


def _fixes(work: Work, lang: str) -> None:
    todo = problems(work.rows)
    if not todo:
        return
    st.subheader(t("lists_fix", lang, n=len(todo)))
    rows = work.rows

    def label(i: int) -> str:
        status = t(f"lists_status_{rows[i]['status']}", lang)
        return f"#{i + 1} {rows[i]['input']} — {status}"

    if st.session_state.get("lists_fix_row") not in todo:
        st.session_state.pop("lists_fix_row", None)
    index = st.selectbox(t("lists_fix_pick", lang), todo, key="lists_fix_row", format_func=label)
    if index is None:
        return
    row = rows[index]
    st.caption(t("lists_fix_reason", lang, note=md(note_text(str(row["note"] or ""), lang) or "—")))
    cands = candidates_of(row)
    if row["status"] == AMBIGUOUS and cands:
        key = f"lists_cand_{work.token}_{index}"
        st.radio(t("lists_candidates", lang), cands, key=key)
        st.button(
            t("lists_choose", lang),
            key=f"lists_choose_{work.token}_{index}",
            on_click=_on_choose,
            args=(index, key),
        )
    else:
        key = f"lists_corr_{work.token}_{index}"
        if key not in st.session_state:
            st.session_state[key] = str(row["input"])
        st.text_input(
            t("lists_correct", lang), key=key, max_chars=200, help=t("lists_correct_help", lang)
        )
        st.button(
            t("lists_reresolve", lang),
            key=f"lists_redo_{work.token}_{index}",
            on_click=_on_correct,
            args=(index, key),
        )


def _map(work: Work, s: ViewState) -> None:
    from streamlit_folium import st_folium

    from dashboard import data, ui
    from dashboard.filters import filter_pilots
    from dashboard.map_view import build_map

    lang = s.lang
    st.subheader(t("lists_map", lang))
    beside = st.toggle(
        t("lists_beside", lang), key="lists_beside", help=t("lists_beside_help", lang)
    )
    frame = data.registry(True, s.use)
    pilots = filter_pilots(frame, s) if beside else frame.iloc[0:0]
    data.leaflet_ready()
    m = build_map(pilots, data.layer("province"), spec=ui.map_spec(s, style="pilots"))
    add_list_layer(
        m,
        work.rows,
        name=work.name,
        colour=LIST_COLOUR,
        lang=lang,
        shapes=_shapes(),
        fit=not beside,
    )
    st_folium(m, key="map_lists", height=560, use_container_width=True, returned_objects=[])


@st.cache_resource(show_spinner=False)
def _shapes() -> Any:
    return unit_shapes(True)


def _tallies(work: Work, lang: str) -> None:
    st.subheader(t("lists_tallies", lang))
    table = list_tallies(work.rows)
    left = sum(1 for r in work.rows if r["status"] not in DRAWN)
    if left:
        st.caption(t("lists_tallies_left", lang, n=left))
    if len(table):
        st.dataframe(localised_tallies(table, lang), hide_index=True, key="lists_tally_table")


def _downloads(work: Work, lang: str) -> None:
    st.markdown(f"**{t('lists_downloads', lang)}**")
    rows = work.rows
    stem = "_".join([t("fn_list", lang), _safe_stem(work.name), time.strftime("%Y-%m-%d")])
    ui.download_row(
        [
            (t("download_csv", lang), partial(csv_bytes, rows, lang), f"{stem}.csv", "text/csv"),
            (t("download_xlsx", lang), partial(xlsx, rows, lang), f"{stem}.xlsx", ui.MIME_XLSX),
            (
                t("download_geojson", lang),
                partial(geojson_bytes, rows),
                f"{stem}.geojson",
                "application/geo+json",
            ),
        ],
        key="lists_dl",
    )


def _safe_stem(name: str) -> str:
    return "".join("-" if ch in '\\/:*?"<>|' or ch.isspace() else ch for ch in name)[:40]


def use_value(current: str, list_id: str, batch: int, mode: str) -> str:
    """The view's `use` with `list_id` completing `batch` in `mode` (one list a batch)."""
    from geodata.effective import ListUse, format_use, parse_use, uses_for

    uses = {u.batch: u for u, by in uses_for(current or None) if not by}
    uses.update({u.batch: u for u in (parse_use(current) or ())})
    uses[batch] = ListUse(list_id, batch, mode)
    return format_use([uses[b] for b in sorted(uses)]) or ""


def _on_use(list_id: str, batch: int, mode: str) -> None:
    from dashboard import state
    from dashboard.state import current_state

    state.update(use=use_value(current_state().use, list_id, batch, mode))


def _on_stop_using() -> None:
    from dashboard import state
    from geodata.effective import NONE

    state.update(use=NONE)


def _save(work: Work, lang: str) -> None:
    st.subheader(t("lists_save", lang))
    if work.list_id:
        st.caption(t("lists_save_over", lang, name=md(work.name)))
    batch = st.selectbox(
        t("lists_as_batch", lang),
        (0, *BATCHES),
        key="lists_as_batch",
        format_func=lambda b: (
            t("lists_no_batch", lang) if not b else batch_label(b, 0, lang, short=True)
        ),
        help=t("use_as_batch_help", lang),
    )
    st.text_area(
        t("lists_provenance", lang),
        key="lists_provenance",
        height=80,
        max_chars=MAX_PROVENANCE,
        placeholder=t("lists_provenance_hint", lang),
    )
    ready = True
    if batch:
        diff = batch_diff(work.rows, int(batch))
        label = batch_label(int(batch), 0, lang, short=True)
        st.markdown("**" + t("lists_diff", lang, batch=label) + "**")
        cols = st.columns(len(DIFF_KINDS))
        for col, kind in zip(cols, DIFF_KINDS, strict=True):
            col.metric(t(f"lists_diff_{kind}", lang), len(diff[kind]))
        for kind in DIFF_KINDS:
            if diff[kind] and kind != "same":
                with st.expander(f"{t(f'lists_diff_{kind}', lang)} ({len(diff[kind])})"):
                    st.dataframe(
                        diff_frame(kind, diff[kind], lang),
                        hide_index=True,
                        key=f"lists_diff_{kind}",
                    )
        st.caption(t("use_diff_effect", lang, batch=label))
        has_provenance = bool(str(st.session_state.get("lists_provenance") or "").strip())
        if not has_provenance:
            st.warning(t("lists_need_provenance", lang))
        confirmed = st.checkbox(t("use_confirm", lang, batch=label), key="lists_confirm")
        ready = confirmed and has_provenance
    if st.session_state.get(SAVE_ERROR):
        st.error(t("lists_save_failed", lang, reason=md(st.session_state[SAVE_ERROR])), icon="⚠️")
    st.button(
        t("lists_save_button", lang),
        key="lists_save",
        on_click=_on_save,
        disabled=not ready,
        type="primary",
    )


def _on_delete_damaged(list_id: str) -> None:
    Store().delete(list_id)
    st.session_state[NOTICE] = ("deleted", "")


def _damaged(bad: Sequence[Damaged], lang: str) -> None:
    """A saved list that cannot be read is named, with why, and can be deleted."""
    detail = "; ".join(f"{d.list_id}: {d.reason}" for d in bad[:3])
    detail += "; …" if len(bad) > 3 else ""
    st.warning(t("lists_damaged", lang, n=len(bad), detail=md(detail)), icon="⚠️")
    for d in bad[:10]:
        st.button(
            t("lists_damaged_delete", lang, id=d.list_id),
            key=f"lists_del_bad_{d.list_id}",
            on_click=_on_delete_damaged,
            args=(d.list_id,),
        )


def _saved(lang: str) -> None:
    st.subheader(t("lists_saved", lang))
    store = Store()
    lists, bad = saved_lists(store)
    if bad:
        _damaged(bad, lang)
    if not lists:
        if store.root.exists() and not store.root.is_dir():
            st.warning(t("lists_folder_bad", lang, path=md(store.root)))
        st.caption(t("lists_none_saved", lang))
        return
    st.dataframe(saved_frame(lists, lang), hide_index=True, key="lists_saved_table")
    names = {u.list_id: u for u in lists}
    pick = st.selectbox(
        t("lists_pick_saved", lang),
        list(names),
        key="lists_pick",
        format_func=lambda i: names[i].name,
    )
    if pick is None or pick not in names:
        return
    chosen = names[pick]
    if chosen.as_batch in BATCHES:
        b = int(chosen.as_batch)
        label = batch_label(b, 0, lang, short=True)
        st.caption(t("use_how", lang, batch=label))
        u1, u2, u3 = st.columns(3)
        u1.button(t("use_replace", lang, batch=label), key="lists_use_replace",
                  on_click=_on_use, args=(chosen.list_id, b, "replace"))
        u2.button(t("use_supplement", lang, batch=label), key="lists_use_supplement",
                  on_click=_on_use, args=(chosen.list_id, b, "supplement"))
        u3.button(t("use_none", lang), key="lists_use_none", on_click=_on_stop_using)
    c1, c2, c3 = st.columns(3)
    c1.button(t("lists_open", lang), key="lists_open", on_click=_on_open, args=(pick,))
    c2.button(
        t("lists_unset", lang),
        key="lists_unset",
        on_click=_on_unset,
        args=(pick,),
        disabled=chosen.as_batch is None,
    )
    with c3:
        ok = st.checkbox(t("lists_delete_confirm", lang), key="lists_delete_ok")
        st.button(
            t("lists_delete", lang),
            key="lists_delete",
            on_click=_on_delete,
            args=(pick,),
            disabled=not ok,
        )


__all__ = [
    "Work",
    "audit_frame",
    "batch_diff",
    "choose",
    "correct",
    "csv_bytes",
    "geojson_bytes",
    "list_tallies",
    "load_into",
    "new_work",
    "read_paste",
    "read_upload",
    "render",
    "resolve",
    "save",
    "status_counts",
    "xlsx",
]
