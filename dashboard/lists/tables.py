"""The tables of the My lists page, labelled in the UI's language: the audit of every
item, the list's tallies, a batch diff, the saved lists. The rows come from
geodata.worklist.flow; only labels and layout are decided here."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

import pandas as pd

from dashboard.i18n import batch_label, province_label, t, value_label
from dashboard.state import LEVELS
from dashboard.tallies import LEVEL_COLUMNS, province_tallies, with_totals
from geodata.basics.notes import note_text
from geodata.geocode.reasons import reason_text
from geodata.store.record import Summary
from geodata.worklist.flow import PASTED, STATUSES, merged_text
from geodata.worklist.places import DRAWN, unit_text


def source_label(source_name: str, lang: str) -> str:
    """Where a list came from, in the UI's language (a file's name as it is)."""
    return t("lists_source_pasted", lang) if source_name == PASTED else source_name


def audit_frame(rows: Sequence[Mapping[str, object]], lang: str) -> pd.DataFrame:
    """Every item: what was read, its status, the unit found, renames, the reason. The
    notes, which cite names among their words, are not a column: a grid's cell cannot
    mark a name's language (they follow the table, `note_lines`)."""
    return pd.DataFrame(
        {
            t("lists_col_no", lang): range(1, len(rows) + 1),
            t("lists_col_input", lang): [str(r["input"]) for r in rows],
            t("lists_col_status", lang): [
                value_label("match_status", str(r["status"]), lang) for r in rows
            ],
            t("lists_col_unit", lang): [unit_text(r) for r in rows],
            t("lists_col_renamed", lang): [str(r["renamed_from"] or "") for r in rows],
            t("lists_col_merged", lang): [merged_text(r) for r in rows],
            t("lists_col_reason", lang): [
                reason_text(str(r.get("reason") or ""), lang) for r in rows
            ],
            t("lists_col_candidates", lang): [str(r["candidates"] or "") for r in rows],
            t("lists_col_level", lang): [
                value_label("level", str(r["level"]), lang) if r["level"] else "" for r in rows
            ],
            t("lists_col_adcode", lang): [str(r["adcode"] or "") for r in rows],
        }
    )


def note_lines(rows: Sequence[Mapping[str, object]], lang: str, limit: int
               ) -> tuple[list[str], int]:
    """The notes of the first `limit` items that have one, as Markdown lines with their
    names marked (dashboard.marking), and how many more items have one."""
    from functools import partial

    from dashboard import marking
    from dashboard.escape import md

    noted = [(i, r) for i, r in enumerate(rows, 1) if r.get("note")]
    lines = [f"- #{i}: " + note_text(str(r["note"]), lang, words=md,
                                     names=partial(marking.name, page_lang=lang))
             for i, r in noted[:limit]]
    return lines, max(len(noted) - limit, 0)


def list_tallies(rows: Sequence[Mapping[str, object]]) -> pd.DataFrame:
    """Resolved items per province (adcode order) and level, by the registry's own tally
    (dashboard.tallies); unresolved items are left out (the audit counts them)."""
    drawn = [r for r in rows if r["status"] in DRAWN and r["adcode"]]
    items = pd.DataFrame({
        "province_adcode": [str(r["adcode"])[:2] + "0000" for r in drawn],
        "batch": [0] * len(drawn),  # a list has no batch: only the level columns count
        "level": [str(r["level"]) for r in drawn],
    })
    provinces = sorted({(str(r["adcode"])[:2] + "0000", str(r["province"])) for r in drawn})
    table = province_tallies(items, provinces)
    return table[["province_adcode", "province", "total", *LEVEL_COLUMNS]]


def localised_tallies(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    shown = with_totals(table, t("totals_row", lang)) if len(table) else table
    shown = shown.drop(columns=["province_adcode"])
    shown["province"] = [province_label(str(p), lang) for p in shown["province"]]
    names = {"province": t("col_province", lang), "total": t("col_total", lang)}
    names.update({f"level_{lv}": value_label("level", lv, lang) for lv in LEVELS})
    return shown.rename(columns=names)


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


def saved_frame(lists: Sequence[Summary], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("lists_col_name", lang): [u.name for u in lists],
            t("lists_col_items", lang): [u.items for u in lists],
            **{
                value_label("match_status", s, lang): [u.counts.get(s, 0) for u in lists]
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


def candidate_label(candidate: str, lang: str) -> str:
    """A candidate of an ambiguous item as an option (a widget cannot mark a name's
    language): its code and path as the geocoder gives it; on an English page the path in
    English, from the unit up (140302 Chengqu District, Yangquan City, Shanxi)."""
    code = candidate.split(" ", 1)[0]
    if lang != "en" or not (code.isdigit() and len(code) == 6):
        return candidate
    from geodata.basics.codes import ancestors_of
    from geodata.geocode.gazetteer import gazetteer
    from geodata.geocode.romanise import place_name_en

    names = gazetteer().name_of
    chain = [code, *sorted(ancestors_of(code), reverse=True)]
    return f"{code} " + ", ".join(place_name_en(names(c)) for c in chain if names(c))
