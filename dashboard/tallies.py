"""Counts by province, batch and level, and how complete each batch's list is."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.state import BATCH_CHOICES, LEVELS

# the "batch 1 or 2" group (seeds.BATCH_1_OR_2) has its own column: never folded into 1
BATCH_COLUMNS = tuple(f"batch_{b}" for b in BATCH_CHOICES)
LEVEL_COLUMNS = tuple(f"level_{lv}" for lv in LEVELS)
TALLY_COLUMNS = ("province_adcode", "province", *BATCH_COLUMNS, "total", *LEVEL_COLUMNS)


def province_tallies(pilots: pd.DataFrame, provinces: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """One row per (adcode, name) in `provinces`, in that order, with pilots per batch,
    the total, and pilots per level. Pilots with no province code get their own row."""
    codes = pilots["province_adcode"].fillna("").astype(str)
    rows = []
    order = list(provinces)
    if (codes == "").any():
        order.append(("", ""))
    for adcode, name in order:
        mine = pilots[codes == adcode]
        row: dict[str, object] = {"province_adcode": adcode, "province": name}
        for b, col in zip(BATCH_CHOICES, BATCH_COLUMNS, strict=True):
            row[col] = int((mine["batch"] == b).sum())
        row["total"] = len(mine)
        for lv, col in zip(LEVELS, LEVEL_COLUMNS, strict=True):
            row[col] = int((mine["level"] == lv).sum())
        rows.append(row)
    return pd.DataFrame(rows, columns=list(TALLY_COLUMNS))


def with_totals(table: pd.DataFrame, label: str) -> pd.DataFrame:
    """`table` plus a last row summing every count column."""
    counts = [c for c in table.columns if c not in ("province_adcode", "province")]
    total = {"province_adcode": "", "province": label,
             **{c: int(table[c].sum()) for c in counts}}
    return pd.concat([table, pd.DataFrame([total])], ignore_index=True)


def stacked_long(table: pd.DataFrame) -> pd.DataFrame:
    """Long form (province, batch, count) of the per-batch columns, for a stacked bar."""
    long = table.melt(id_vars=["province"], value_vars=list(BATCH_COLUMNS),
                      var_name="batch", value_name="count")
    long["batch"] = long["batch"].str.removeprefix("batch_").astype(int)
    return long[long["count"] > 0].reset_index(drop=True)
