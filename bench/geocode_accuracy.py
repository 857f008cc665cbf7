"""Accuracy of the geocoder on real public lists it was not built from (not the
urbanization-pilot lists): other ministries' pilot and demonstration lists, provincial
lists, traditional-character copies. Prints JSON: correct/total and confident-wrong
answers of pilot-atlas, and of cpca and its maintained fork cpca-new (0.1.2, division
data to 2025-12-31) on the same items, for the dev part, the frozen test part and both.

    .venv/bin/python -m bench.geocode_accuracy

The lists and their provenance are in bench/data/accuracy/ (README.md, lists.csv, whose
`part` column says dev or test); the gold table (gold.csv) gives today's adcode of every
item, checked by hand against the boundary files, or nothing where no single unit is
meant or the text is too garbled to name one (then a no-answer is right and any answer
is wrong). The dev part is printed list by list with every miss; the test part only as
per-list totals, so the geocoder's rules can be changed without seeing a test item.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from geodata.basics.codes import within

DATA = Path(__file__).resolve().parent / "data" / "accuracy"
CONFIDENT = ("matched", "approximate")
SPREAD = ("zone", "place")  # kinds right in any unit that contains their gold unit


def read_lists() -> list[dict[str, str]]:
    with (DATA / "lists.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_gold() -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    with (DATA / "gold.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[row["list_id"]].append(row)
    return out


def lines_of(meta: dict[str, str]) -> list[str]:
    """The list's lines as a person would paste them: text lists as published; a table
    row becomes `province：items` (the table's two columns), and a row of two
    `rank | name` pairs becomes its two names, left then right."""
    raw = (DATA / f"{meta['list_id']}.txt").read_text(encoding="utf-8").splitlines()
    shape = meta["shape"]
    if shape == "text":
        return raw
    out = []
    for line in raw:
        cells = [c.strip() for c in line.split("|") if c.strip()]
        if shape == "table_numbered_pairs":
            out += cells[1::2]
        elif shape == "table_name_province" and len(cells) >= 3:
            out.append(f"{cells[2]}：{cells[1]}")
        elif shape == "table_province_items" and len(cells) >= 2:
            out.append(f"{cells[0]}：{cells[1]}")
        elif cells:
            out.append(cells[-1] if shape == "table_province_items" else cells[0])
    return out


def _align(results: list[Any], gold: list[dict[str, str]]) -> list[tuple[dict[str, str], Any]]:
    """Pair gold items with result rows, both in order, a row with an item it holds (a row
    `…名单如下：某市` holds the item `某市`: the gold input is the item as a person delimits
    it, not as a splitter happens to cut it), pairing as many items as an order-keeping
    pairing can; among such pairings, each item takes the first row it can. A gold item
    left without a row (two names the geocoder did not part share one row, which answers
    one of them) is paired with None (counted wrong). Taking simply the next row that holds
    the item would let it take the row of a later item of the same name (a list that
    names its units twice) and shift every item after it onto the wrong row."""
    rows = [r.input.strip() for r in results]
    n, m = len(gold), len(rows)
    fits = [[g["input"] in row for row in rows] for g in gold]
    # best[i][j]: the most pairs among gold[i:] and rows[j:]
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(
                best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + 1 if fits[i][j] else 0
            )
    pairs: list[tuple[dict[str, str], Any]] = []
    i = j = 0
    while i < n:
        if j < m and fits[i][j] and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((gold[i], results[j]))
            i, j = i + 1, j + 1
        elif j < m and best[i][j + 1] == best[i][j]:
            j += 1
        else:
            pairs.append((gold[i], None))
            i += 1
    return pairs


def is_right(gold: dict[str, str], got: str, confident: bool) -> bool:
    """A unit or town is right at its county (or the unit itself); a zone, which has no
    boundary, or a place named after a former unit (the historic city 亳州 of 1986, today
    谯城区), is right in any unit that contains it (中新天津生态城 in 天津市)."""
    if not gold["adcode"]:
        return not confident
    if not confident or not got:
        return False
    return got == gold["adcode"] or (gold["kind"] in SPREAD and within(gold["adcode"], got))


def _score(answers: list[tuple[dict[str, str], str, bool]]) -> dict[str, object]:
    """answers: (gold row, answered adcode, confident)."""
    correct = sum(is_right(g, got, conf) for g, got, conf in answers)
    wrong = sum(conf and not is_right(g, got, conf) for g, got, conf in answers)
    return {
        "correct": correct,
        "total": len(answers),
        "accuracy": round(correct / len(answers), 4) if answers else None,
        "confident_wrong": wrong,
    }


def _cpca(texts: list[str], module: str = "cpca") -> list[str]:
    """The adcode `cpca` (or its maintained fork `cpca_new`, with 2025 division data)
    returns for each text alone ("" for none)."""
    import importlib

    df = importlib.import_module(module).transform(texts)
    return ["" if not isinstance(a, str) else a for a in df["adcode"].tolist()]


def _installed(module: str) -> str:
    """"" when `module` imports, else why not (the JSON says so instead of a score)."""
    import importlib

    try:
        importlib.import_module(module)
    except ImportError as exc:
        return f"not installed: {exc}"
    return ""


def _run_list(
    meta: dict[str, str], gold: list[dict[str, str]], gc: Any, fork_missing: str
) -> dict[str, Any]:
    """One list: the answers of pilot-atlas, cpca and cpca-new, and pilot-atlas's misses
    (with whether the gold unit was among the candidates it offered)."""
    from geodata.lists.published import geocode_lines

    lid = meta["list_id"]
    pairs = _align(geocode_lines(lines_of(meta), gc), gold)
    ours, misses, offered = [], [], 0
    for g, r in pairs:
        got, conf = (r.adcode, r.status in CONFIDENT) if r is not None else ("", False)
        ours.append((g, got, conf))
        if is_right(g, got, conf):
            continue
        if r is not None and g["adcode"]:
            offered += g["adcode"] in {c.split(" ")[0] for c in r.candidates.split(" | ")}
        misses.append(
            {
                "list": lid,
                "input": g["input"],
                "gold": g["adcode"],
                "got": got,
                "status": r.status if r is not None else "no row",
                "note": r.note if r is not None else "",
            }
        )
    texts = [g["input"] for g in gold]
    theirs = [(g, a, bool(a)) for g, a in zip(gold, _cpca(texts), strict=True)]
    fork = (
        []
        if fork_missing
        else [(g, a, bool(a)) for g, a in zip(gold, _cpca(texts, "cpca_new"), strict=True)]
    )
    return {"ours": ours, "cpca": theirs, "cpca_new": fork, "misses": misses, "offered": offered}


def _scores(runs: list[dict[str, Any]], fork_missing: str, keep: Any = None) -> dict[str, object]:
    """pilot-atlas, cpca and cpca-new scored over the items of `runs` (those `keep`
    accepts, when given)."""

    def pick(key: str) -> list[tuple[dict[str, str], str, bool]]:
        return [a for run in runs for a in run[key] if keep is None or keep(a[0])]

    return {
        "pilot_atlas": _score(pick("ours")),
        "cpca": _score(pick("cpca")),
        "cpca_new": fork_missing or _score(pick("cpca_new")),
    }


def _legible(row: dict[str, str]) -> bool:
    # items whose text is garbled past reading (OCR, mojibake) are left out
    return row["garbled"] != "1"


def _part(
    metas: list[dict[str, str]], runs: list[dict[str, Any]], fork_missing: str, detail: bool
) -> dict[str, object]:
    """The figures of one part of the corpus. With `detail`, per-list scores and every
    miss of pilot-atlas; without it (the frozen test part) per-list totals only, so
    whoever changes the geocoder can run the bench without seeing a test item."""
    out: dict[str, object] = {
        "lists": len(runs),
        "items": sum(len(run["ours"]) for run in runs),
        "overall": _scores(runs, fork_missing),
        "overall_legible": {
            "items": sum(_legible(a[0]) for run in runs for a in run["ours"]),
            **_scores(runs, fork_missing, _legible),
        },
    }
    if detail:
        out["misses_with_the_right_unit_among_candidates"] = sum(r["offered"] for r in runs)
        out["per_list"] = {
            m["list_id"]: {"title": m["title"], **_scores([run], fork_missing)}
            for m, run in zip(metas, runs, strict=True)
        }
        out["pilot_atlas_misses"] = [miss for run in runs for miss in run["misses"]]
    else:
        out["per_list"] = {
            m["list_id"]: {
                name: (score if isinstance(score, str) else {k: score[k] for k in TOTALS})
                for name, score in _scores([run], fork_missing).items()
            }
            for m, run in zip(metas, runs, strict=True)
        }
    return out


TOTALS = ("correct", "total", "confident_wrong")
PARTS = ("dev", "test")


def main() -> dict[str, object]:
    from geodata.geocode.geocoder import Geocoder

    gc = Geocoder()
    gold = read_gold()
    fork_missing = _installed("cpca_new")
    metas = read_lists()
    unknown = {m["part"] for m in metas} - set(PARTS)
    if unknown:
        raise SystemExit(f"lists.csv: part must be dev or test, not {sorted(unknown)}")
    runs = {m["list_id"]: _run_list(m, gold[m["list_id"]], gc, fork_missing) for m in metas}
    parts = {
        part: _part(
            [m for m in metas if m["part"] == part],
            [runs[m["list_id"]] for m in metas if m["part"] == part],
            fork_missing,
            detail=part == "dev",
        )
        for part in PARTS
    }
    every = list(runs.values())
    return {
        "lists": len(metas),
        "items": sum(len(run["ours"]) for run in every),
        "targets": {
            "test": {"accuracy_min": 0.97, "confident_wrong_max": 0},
            "dev": {"accuracy_min": 0.99, "confident_wrong_max": 0},
        },
        "test": parts["test"],
        "dev": parts["dev"],
        "overall": _scores(every, fork_missing),
        "overall_legible": {
            "items": sum(_legible(a[0]) for run in every for a in run["ours"]),
            **_scores(every, fork_missing, _legible),
        },
    }


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False, indent=2))
