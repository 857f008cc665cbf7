"""The My lists page's last two sections: keeping the list worked on (optionally as the
one suggested for a batch, with the diff against the registry first), and the saved
lists (open, use a suggested one in this view, unset, delete; damaged ones named and
deletable). Only a view's address (`use=`) makes a list complete a batch."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from dashboard.escape import md
from dashboard.i18n import batch_label, t
from dashboard.lists import session
from dashboard.lists.tables import diff_frame, saved_frame
from dashboard.state import BATCHES
from geodata.basics.notes import refusal_text
from geodata.basics.settings import LIST_PROVENANCE_MAX
from geodata.registry.effective import uses_for
from geodata.store.folders import Store
from geodata.store.record import Damaged, Summary
from geodata.worklist.flow import DIFF_KINDS, Work, batch_diff, saved_lists


def save_section(work: Work, lang: str) -> None:
    st.subheader(t("lists_save", lang))
    if work.list_id:
        st.caption(t("lists_save_over", lang, name=md(work.name)))
    batch = st.selectbox(
        t("lists_as_batch", lang),
        (0, *BATCHES),
        key="lists_as_batch",
        placeholder=t("choose_option", lang),
        format_func=lambda b: (
            t("lists_no_batch", lang) if not b else batch_label(b, 0, lang, short=True)
        ),
        help=t("use_as_batch_help", lang),
    )
    st.text_area(
        t("lists_provenance", lang),
        key="lists_provenance",
        height=80,
        max_chars=LIST_PROVENANCE_MAX,
        placeholder=t("lists_provenance_hint", lang),
    )
    ready = True
    if batch:
        diff = batch_diff(work.rows, int(batch))
        label = batch_label(int(batch), 0, lang, short=True)
        # one list is suggested for a batch (geodata.store.folders.Store.save)
        others = [u.name for u in saved_lists(Store())[0]
                  if u.as_batch == batch and u.list_id != work.list_id]
        if others:
            st.caption(t("use_takes_over", lang, batch=label, other=md(others[0])))
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
    if st.session_state.get(session.SAVE_ERROR):
        reason = md(st.session_state[session.SAVE_ERROR])
        st.error(t("lists_save_failed", lang, reason=reason), icon="⚠️")
    st.button(
        t("lists_save_button", lang),
        key="lists_save",
        on_click=session.on_save,
        disabled=not ready,
        type="primary",
    )


def _damaged(bad: Sequence[Damaged], lang: str) -> None:
    """A saved list that cannot be read is named, with why, and can be deleted."""
    detail = "; ".join(
        f"{d.list_id}: {refusal_text(d.refusal, lang) if d.refusal else d.reason}"
        for d in bad[:3])
    detail += "; …" if len(bad) > 3 else ""
    st.warning(t("lists_damaged", lang, n=len(bad), detail=md(detail)), icon="⚠️")
    for d in bad[:10]:
        st.button(
            t("lists_damaged_delete", lang, id=d.list_id),
            key=f"lists_del_bad_{d.list_id}",
            on_click=session.on_delete_damaged,
            args=(d.list_id,),
        )


def _suggestion(chosen: Summary, use: str, lang: str) -> None:
    """A list saved for batch N suggests itself for it: one click puts it in this page's
    address (`use=`), and the page says when it already uses it so."""
    b = int(chosen.as_batch or 0)
    label = batch_label(b, 0, lang, short=True)
    now = next((u.mode for u, _by in uses_for(use or None)
                if u.batch == b and u.list_id == chosen.list_id), "")
    st.caption(t("use_how", lang, batch=label))
    if now:
        st.info(t("use_now_replace" if now == "replace" else "use_now_supplement", lang,
                  batch=label))
    u1, u2, u3 = st.columns(3)
    u1.button(t("use_replace", lang, batch=label), key="lists_use_replace",
              on_click=session.on_use, args=(chosen.list_id, b, "replace"),
              disabled=now == "replace")
    u2.button(t("use_supplement", lang, batch=label), key="lists_use_supplement",
              on_click=session.on_use, args=(chosen.list_id, b, "supplement"),
              disabled=now == "supplement")
    u3.button(t("use_none", lang), key="lists_use_none", on_click=session.on_stop_using)


def saved_section(lang: str, use: str) -> None:
    """The saved lists; `use` is this page's `use=` (what its buttons change)."""
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
        placeholder=t("choose_option", lang),
        format_func=lambda i: names[i].name,
    )
    if pick is None or pick not in names:
        return
    chosen = names[pick]
    if chosen.as_batch in BATCHES:
        _suggestion(chosen, use, lang)
    c1, c2, c3 = st.columns(3)
    c1.button(t("lists_open", lang), key="lists_open", on_click=session.on_open, args=(pick,))
    c2.button(
        t("lists_unset", lang),
        key="lists_unset",
        on_click=session.on_unset,
        args=(pick,),
        disabled=chosen.as_batch is None,
    )
    with c3:
        ok = st.checkbox(t("lists_delete_confirm", lang), key="lists_delete_ok")
        st.button(
            t("lists_delete", lang),
            key="lists_delete",
            on_click=session.on_delete,
            args=(pick,),
            disabled=not ok,
        )

