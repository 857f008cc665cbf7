"""Accuracy of the geocoder on real public lists it was not built from (not the
urbanization-pilot lists): other ministries' pilot and demonstration lists, provincial
lists, traditional-character copies. Prints JSON: per list and overall correct/total and
confident-wrong answers, for pilot-atlas and for cpca on the same items.

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


def _cpca(texts: list[str]) -> list[str]:
    import cpca

    df = cpca.transform(texts)
    return ["" if not isinstance(a, str) else a for a in df["adcode"].tolist()]


def main() -> dict[str, object]:
    from geodata.geocoder import Geocoder
    from geodata.lists import geocode_lines

    gc = Geocoder()
    gold = read_gold()
    per_list: dict[str, object] = {}
    ours_all: list[tuple[dict[str, str], str, bool]] = []
    cpca_all: list[tuple[dict[str, str], str, bool]] = []
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
        cp = _cpca([g["input"] for g in gold[lid]])
        theirs = [(g, a, bool(a)) for g, a in zip(gold[lid], cp, strict=True)]
        ours_all += ours
        cpca_all += theirs
        per_list[lid] = {
            "title": meta["title"],
            "pilot_atlas": _score(ours),
            "cpca": _score(theirs),
        }
    clean = [a for a in ours_all if a[0]["garbled"] != "1"]
    cpca_clean = [a for a in cpca_all if a[0]["garbled"] != "1"]
    return {
        "lists": len(per_list),
        "items": len(ours_all),
        "overall": {"pilot_atlas": _score(ours_all), "cpca": _score(cpca_all)},
        # items whose text is garbled past reading (OCR, mojibake) left out
        "overall_legible": {
            "items": len(clean),
            "pilot_atlas": _score(clean),
            "cpca": _score(cpca_clean),
        },
        "misses_with_the_right_unit_among_candidates": offered,
        "targets": {"accuracy_min": 0.99, "confident_wrong_max": 0},
        "per_list": per_list,
        "pilot_atlas_misses": misses,
    }


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False, indent=2))
