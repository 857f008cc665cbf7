"""The registry as far as public sources go, and what a saved list in use costs. Targets
(issue 7): batch 1 at least 45 known places besides its two provinces, batch 2 at least
25, the "batch 1 or 2" group counted apart. Prints JSON.

    .venv/bin/python -m bench.registry_figures
"""

from __future__ import annotations

import json
import os
import tempfile
import time


def main() -> dict[str, object]:
    os.environ["PILOT_ATLAS_DATA"] = tempfile.mkdtemp(prefix="pilot-atlas-bench-")
    import seeds
    from geodata.lists.published import geocode_lines
    from geodata.registry.effective import effective, effective_frame
    from geodata.registry.evidence import kind_counts
    from geodata.registry.pilots import completeness, kind_completeness, shipped_pilots
    from geodata.store.folders import Store
    from geodata.store.record import new_list
    from pilot_atlas import main as cli

    pilots = shipped_pilots()
    known = {c["batch"]: c for c in completeness(pilots)}
    provinces = sum(1 for p in pilots if p.batch == 1 and p.kind == "province")
    out: dict[str, object] = {
        "batch_1_places": int(str(known[1]["known"])) - provinces,
        "batch_1_provinces": provinces,
        "batch_2_known": known[2]["known"],
        "batch_3_known": known[3]["known"],
        "batch_1or2_known": known[seeds.BATCH_1_OR_2]["known"],
        "contradicted": sum(1 for p in pilots if p.status == "contradicted"),
        "kinds_batch_1": {k["kind"]: f"{k['known']}/{k['official']}"
                          for k in kind_completeness(pilots) if k["batch"] == "1"},
        # what each batch's known count rests on: status -> evidence kind -> members
        "evidence_batch_1": kind_counts(pilots, 1),
        "evidence_batch_2": kind_counts(pilots, 2),
    }
    # a 111-item list replacing batch 3: building the view's registry, then reading it again
    lines = seeds.read_text("batch3_as_published.txt").splitlines()
    ul = new_list("b3", "text", "bench", lines, geocode_lines(lines), as_batch=3, provenance="x")
    Store().save(ul)
    use = f"{ul.list_id}:3:replace"
    effective_frame(None)  # boundaries loaded, as in a running app
    t0 = time.perf_counter()
    effective_frame(use)
    out["list_in_use_first_s"] = round(time.perf_counter() - t0, 3)
    t0 = time.perf_counter()
    for _ in range(100):
        effective_frame(use)
    out["list_in_use_again_ms"] = round((time.perf_counter() - t0) * 10, 3)
    out["list_in_use_batch_3_rows"] = sum(1 for p in effective(use)[0] if p.batch == 3)
    # the export people run: `pilot-atlas export` of the default view, as the app's download
    target = os.path.join(os.environ["PILOT_ATLAS_DATA"], "pilots.xlsx")
    t0 = time.perf_counter()
    assert cli(["export", "--use", "none", "-o", target]) == 0
    out["xlsx_export_s"] = round(time.perf_counter() - t0, 3)
    out["xlsx_bytes"] = os.path.getsize(target)
    for suffix in ("dta", "gpkg"):  # the researchers' and GIS analysts' files
        target = os.path.join(os.environ["PILOT_ATLAS_DATA"], f"pilots.{suffix}")
        t0 = time.perf_counter()
        assert cli(["export", "--use", "none", "-o", target]) == 0
        out[f"{suffix}_export_s"] = round(time.perf_counter() - t0, 3)
        out[f"{suffix}_bytes"] = os.path.getsize(target)
    out["targets_met"] = bool(out["batch_1_places"] >= 45 and provinces == 2  # type: ignore[operator]
                              and int(str(known[2]["known"])) >= 25)
    return out


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False, indent=1))
