"""The My lists page's session: the list being worked on lives in `st.session_state`
only (never shared between sessions), with the last error and notice. `load_into` and
`repick` take a plain mutable mapping, so tests drive them without a page; the `on_*`
callbacks wire the page's widgets to geodata.worklist.flow and the store."""

from __future__ import annotations

import time
from collections.abc import MutableMapping
from dataclasses import replace
from typing import Any, cast

import streamlit as st

from dashboard.i18n import DEFAULT_LANG, t
from geodata.basics.errors import InputError
from geodata.lists.inputs import MAX_ROWS, table_input
from geodata.store.folders import Store
from geodata.worklist.flow import (
    PASTED,
    Work,
    choose,
    correct,
    new_work,
    read_paste,
    read_upload,
    use_value,
    work_of,
)
from geodata.worklist.flow import save as save_work

# session_state keys (this session only)
WORK = "lists_work"  # the list being worked on: a Work
ERROR = "lists_error"  # the last reading error, one line
NOTICE = "lists_notice"  # the last success message: (kind, name)
SAVE_ERROR = "lists_save_error"  # why the last save failed
TABLE = "lists_table"  # the cells of the table just read (to read another column)
COLUMN = "lists_column"  # the picked column of that table
UNREADABLE = (OSError, ValueError, TypeError, KeyError)  # a saved list that will not load


def default_name(lang: str) -> str:
    return t("lists_default_name", lang, when=time.strftime("%Y-%m-%d %H:%M"))


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
        work = new_work(name, source, parsed, default_name=default_name(lang))
    except InputError as exc:
        session[ERROR] = exc.refusal  # rendered in the reader's language by the page
        session.pop(NOTICE, None)
        return False
    session[WORK] = work
    session.pop(COLUMN, None)
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
        session[ERROR] = exc.refusal
        return False
    session.pop(ERROR, None)
    return True


# --- the page's callbacks -----------------------------------------------------------------


def _session() -> MutableMapping[str, Any]:
    """st.session_state is a mutable mapping in behaviour, not in its declared type."""
    return cast("MutableMapping[str, Any]", st.session_state)


def _lang() -> str:
    from dashboard.state import current_state

    return current_state().lang


def on_paste() -> None:
    ss = _session()
    load_into(ss, name=ss.get("lists_name", ""), text=ss.get("lists_text", ""), lang=_lang())


def on_upload() -> None:
    ss = _session()
    up = ss.get("lists_file")
    if up is None:
        ss[ERROR] = t("lists_no_file", _lang())
        return
    load_into(ss, name=ss.get("lists_name", ""), data=up.getvalue(), filename=up.name,
              lang=_lang())


def on_repick(key: str) -> None:
    repick(_session(), int(st.session_state.get(key) or 0))


def on_choose(index: int, key: str) -> None:
    ss = _session()
    work: Work | None = ss.get(WORK)
    choice = ss.get(key)
    if work is None or not choice or index >= len(work.rows):
        return
    ss[WORK] = choose(work, index, str(choice))
    ss.pop("lists_fix_row", None)


def on_correct(index: int, key: str) -> None:
    ss = _session()
    work: Work | None = ss.get(WORK)
    text = str(ss.get(key) or "").strip()
    if work is None or not text or index >= len(work.rows):
        return
    ss[WORK] = correct(work, index, text)
    ss.pop("lists_fix_row", None)


def on_save() -> None:
    ss = _session()
    work: Work | None = ss.get(WORK)
    if work is None:
        return
    batch = int(ss.get("lists_as_batch") or 0) or None
    try:
        ul = save_work(work, name=ss.get("lists_name", ""), as_batch=batch,
                       provenance=ss.get("lists_provenance", ""))
    except OSError as exc:
        ss[SAVE_ERROR] = f"{type(exc).__name__}: {exc.strerror or exc}"
        return
    ss.pop(SAVE_ERROR, None)
    ss[WORK] = replace(work, list_id=ul.list_id, name=ul.name)
    ss[NOTICE] = ("saved", ul.name)
    ss.pop(ERROR, None)
    ss["lists_confirm"] = False


def on_open(list_id: str) -> None:
    ss = _session()
    try:
        ul = Store().load(list_id)
    except UNREADABLE:
        return
    ss[WORK] = work_of(ul)
    ss["lists_name"] = ul.name
    ss["lists_as_batch"] = ul.as_batch or 0
    ss["lists_provenance"] = ul.provenance
    ss["lists_confirm"] = False
    ss.pop(ERROR, None)
    ss[NOTICE] = ("opened", ul.name)


def on_unset(list_id: str) -> None:
    store = Store()
    try:
        ul = store.load(list_id)
    except UNREADABLE:
        return
    ul.as_batch = None
    store.save(ul)
    st.session_state[NOTICE] = ("unset", ul.name)


def on_delete(list_id: str) -> None:
    ss = _session()
    Store().delete(list_id)
    work: Work | None = ss.get(WORK)
    if work is not None and work.list_id == list_id:
        ss[WORK] = replace(work, list_id="")  # still on screen, no longer saved
    ss["lists_delete_ok"] = False
    ss.pop("lists_pick", None)
    ss[NOTICE] = ("deleted", "")


def on_delete_damaged(list_id: str) -> None:
    Store().delete(list_id)
    st.session_state[NOTICE] = ("deleted", "")


def on_use(list_id: str, batch: int, mode: str) -> None:
    from dashboard import state

    state.update(use=use_value(state.current_state().use, list_id, batch, mode))


def on_stop_using() -> None:
    from dashboard import state
    from geodata.registry.effective import NONE

    state.update(use=NONE)
