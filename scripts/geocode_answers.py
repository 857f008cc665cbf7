"""Record, then check, every answer `pilot-atlas geocode` gives on the speed bench's names
and on each dev list of the accuracy corpus: a change made for speed must change none.

The test lists (part=test in lists.csv) are never read here. Each input runs through
the command line in its own process, as a user runs it, so no cache of one run can hide
a difference in another.

    .venv/bin/python scripts/geocode_answers.py record /tmp/answers   # before
    .venv/bin/python scripts/geocode_answers.py check /tmp/answers    # after each change
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACCURACY = ROOT / "bench" / "data" / "accuracy"


def _inputs(tmp: Path) -> dict[str, Path]:
    """Output name -> input file: the speed names (written as the speed bench writes
    them), then every dev list."""
    sys.path.insert(0, str(ROOT))
    from bench.county_names import county_names

    speed = tmp / "speed_names.txt"
    speed.write_text("\n".join(county_names()) + "\n", encoding="utf-8")
    inputs = {"speed_names": speed}
    with (ACCURACY / "lists.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["part"] == "dev":
                inputs[row["list_id"]] = ACCURACY / f"{row['list_id']}.txt"
    return inputs


def _geocode(src: Path, out: Path) -> None:
    subprocess.run([sys.executable, "-m", "geodata.cli", "geocode", str(src), "-o", str(out)],
                   check=True, cwd=ROOT)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("action", choices=("record", "check"))
    p.add_argument("folder", type=Path)
    args = p.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    changed = []
    with tempfile.TemporaryDirectory() as tmp:
        inputs = _inputs(Path(tmp))
        for name, src in inputs.items():
            kept = args.folder / f"{name}.csv"
            if args.action == "record":
                _geocode(src, kept)
                continue
            now = Path(tmp) / f"{name}.csv"
            _geocode(src, now)
            if now.read_bytes() != kept.read_bytes():
                changed.append(name)
                print(f"CHANGED: {name} (diff {kept} {now})")
                subprocess.run(["diff", str(kept), str(now)], check=False)
    print(f"{args.action}: {len(inputs)} inputs, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
