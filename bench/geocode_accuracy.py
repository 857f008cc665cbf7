"""Accuracy of the geocoder on real public lists it was not built from (not the
urbanization-pilot lists): other ministries' pilot and demonstration lists, provincial
lists, traditional-character copies. Prints JSON: per list and overall correct/total and
confident-wrong answers, for pilot-atlas and for cpca and its maintained fork cpca-new
(0.1.2, division data to 2025-12-31) on the same items.

    .venv/bin/python -m bench.geocode_accuracy

The lists and their provenance are in bench/data/accuracy/ (README.md, lists.csv); the
gold table (gold.csv) gives today's adcode of every item, checked by hand against the
boundary files, or nothing where no single unit is meant or the text is too garbled to
name one (then a no-answer is right and any answer is wrong).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from geodata.codes import within

DATA = Path(__file__).resolve().parent / "data" / "accuracy"
CONFIDENT = ("matched", "approximate")


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
    row becomes `province：items` (the table's two columns)."""
    raw = (DATA / f"{meta['list_id']}.txt").read_text(encoding="utf-8").splitlines()
    shape = meta["shape"]
    if shape == "text":
        return raw
    out = []
    for line in raw:
        cells = [c.strip() for c in line.split("|") if c.strip()]
        if shape == "table_name_province" and len(cells) >= 3:
            out.append(f"{cells[2]}：{cells[1]}")
        elif shape == "table_province_items" and len(cells) >= 2:
            out.append(f"{cells[0]}：{cells[1]}")
        elif cells:
            out.append(cells[-1] if shape == "table_province_items" else cells[0])
    return out


def _align(results: list[Any], gold: list[dict[str, str]]) -> list[tuple[dict[str, str], Any]]:
    """Pair each gold item with the result row of the same input, in order; a gold item
    without one is paired with None (counted wrong)."""
    pairs, pos = [], 0
    for g in gold:
        hit = next(
            (i for i in range(pos, len(results)) if results[i].input.strip() == g["input"]),
            None,
        )
        if hit is None:
            pairs.append((g, None))
            continue
        pairs.append((g, results[hit]))
        pos = hit + 1
    return pairs


def is_right(gold: dict[str, str], got: str, confident: bool) -> bool:
    """A unit or town is right at its county (or the unit itself); a zone, which has no
    boundary, is right in any unit that contains it (中新天津生态城 in 天津市)."""
    if not gold["adcode"]:
        return not confident
    if not confident or not got:
        return False
    return got == gold["adcode"] or (gold["kind"] == "zone" and within(gold["adcode"], got))


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


def main() -> dict[str, object]:
    from geodata.geocoder import Geocoder
    from geodata.lists import geocode_lines

    gc = Geocoder()
    gold = read_gold()
    per_list: dict[str, object] = {}
    ours_all: list[tuple[dict[str, str], str, bool]] = []
    cpca_all: list[tuple[dict[str, str], str, bool]] = []
    new_all: list[tuple[dict[str, str], str, bool]] = []
    new_missing = _installed("cpca_new")
    misses = []
    offered = 0  # misses whose gold unit is among the candidates offered to choose from
    for meta in read_lists():
        lid = meta["list_id"]
        results = geocode_lines(lines_of(meta), gc)
        pairs = _align(results, gold[lid])
        ours = []
        for g, r in pairs:
            got, conf = (r.adcode, r.status in CONFIDENT) if r is not None else ("", False)
            ours.append((g, got, conf))
            if not is_right(g, got, conf) and r is not None and g["adcode"]:
                offered += g["adcode"] in {c.split(" ")[0] for c in r.candidates.split(" | ")}
            if not is_right(g, got, conf):
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
        texts = [g["input"] for g in gold[lid]]
        theirs = [(g, a, bool(a)) for g, a in zip(gold[lid], _cpca(texts), strict=True)]
        ours_all += ours
        cpca_all += theirs
        per_list[lid] = {
            "title": meta["title"],
            "pilot_atlas": _score(ours),
            "cpca": _score(theirs),
        }
        if not new_missing:
            cp_new = _cpca(texts, "cpca_new")
            fork = [(g, a, bool(a)) for g, a in zip(gold[lid], cp_new, strict=True)]
            new_all += fork
            per_list[lid]["cpca_new"] = _score(fork)  # type: ignore[index]

    def legible(answers: list[tuple[dict[str, str], str, bool]]) -> dict[str, object]:
        # items whose text is garbled past reading (OCR, mojibake) left out
        return _score([a for a in answers if a[0]["garbled"] != "1"])

    clean = [a for a in ours_all if a[0]["garbled"] != "1"]
    fork_overall: object = new_missing or _score(new_all)
    fork_legible: object = new_missing or legible(new_all)
    return {
        "lists": len(per_list),
        "items": len(ours_all),
        "overall": {
            "pilot_atlas": _score(ours_all),
            "cpca": _score(cpca_all),
            "cpca_new": fork_overall,
        },
        "overall_legible": {
            "items": len(clean),
            "pilot_atlas": legible(ours_all),
            "cpca": legible(cpca_all),
            "cpca_new": fork_legible,
        },
        "misses_with_the_right_unit_among_candidates": offered,
        "targets": {"accuracy_min": 0.99, "confident_wrong_max": 0},
        "per_list": per_list,
        "pilot_atlas_misses": misses,
    }


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False, indent=2))
