"""The pilot lists as published, with provenance, and the small curated tables.

Names stay exactly as published; normalisation happens in `geodata`.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

_DATA = resources.files("seeds") / "data"

BATCH3_SOURCE = "第三批国家新型城镇化综合试点地区名单, as printed in seed 000 (../shared/seeds/000)"


@dataclass(frozen=True, slots=True)
class Batch:
    batch: int
    year: int
    announced: str
    document: str
    official_members: int
    official_whole_provinces: int
    members_note: str
    source: str


def read_csv(name: str) -> list[dict[str, str]]:
    # a Traversable opens text without `newline`: wrap the bytes, as csv wants newline=""
    with (_DATA / name).open("rb") as raw:
        return list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline="")))


def read_text(name: str) -> str:
    return (_DATA / name).read_text(encoding="utf-8")


@cache
def load_batches() -> tuple[Batch, ...]:
    return tuple(
        Batch(
            batch=int(r["batch"]),
            year=int(r["year"]),
            announced=r["announced"],
            document=r["document"],
            official_members=int(r["official_members"]),
            official_whole_provinces=int(r["official_whole_provinces"]),
            members_note=r["members_note"],
            source=r["source"],
        )
        for r in read_csv("batches.csv")
    )


def pilot_id(batch: int, name_published: str, context: str = "") -> str:
    """Stable id from the batch and the name as published (not its position)."""
    digest = hashlib.sha1(f"{batch}|{context}|{name_published}".encode()).hexdigest()[:8]
    return f"b{batch}-{digest}"


@cache
def load_entries() -> tuple[dict[str, Any], ...]:
    """Published pilot entries. Batch 3 stays as printed text (lines of items) so the
    geocoder sees each item with the context the notice gives it."""
    batches = {b.batch: b for b in load_batches()}
    rows: list[dict[str, Any]] = []
    b3 = batches[3]
    rows.append(
        {
            "batch": 3,
            "year": b3.year,
            "document": b3.document,
            "category": "综合试点",
            "status": "official",
            "text": read_text("batch3_as_published.txt"),
            "sources": BATCH3_SOURCE,
            "evidence": "",
        }
    )
    for r in read_csv("batches_1_2_found.csv"):
        b = batches[int(r["batch"])]
        rows.append(
            {
                "batch": b.batch,
                "year": b.year,
                "document": b.document,
                "category": r["category"],
                "status": r["status"],
                "text": r["place"],
                "sources": r["source_url"],
                "evidence": r["evidence"],
            }
        )
    return tuple(rows)


@cache
def load_renames() -> tuple[dict[str, str], ...]:
    return tuple(read_csv("renames.csv"))


@cache
def load_changes() -> tuple[dict[str, str], ...]:
    """Unit changes 1980-2026 with their sources (derived by scripts/derive_quhua.py)."""
    return tuple(read_csv("changes.csv"))


@cache
def load_townships() -> tuple[tuple[str, str, str], ...]:
    """(county adcode, township name, 3-digit code suffix) for 38,749 townships."""
    import gzip
    import io

    raw = gzip.decompress((_DATA / "townships.csv.gz").read_bytes()).decode("utf-8")
    rows = csv.reader(io.StringIO(raw))
    next(rows)
    return tuple((r[0], r[1], r[2]) for r in rows)


@cache
def load_groups() -> tuple[dict[str, str], ...]:
    return tuple(read_csv("groups.csv"))


@cache
def load_garbles() -> dict[str, str]:
    return {r["garbled"]: r["correct"] for r in read_csv("garbles.csv")}


@cache
def load_curated_towns() -> tuple[dict[str, str], ...]:
    return tuple(read_csv("towns.csv"))


@cache
def load_zones() -> tuple[dict[str, str], ...]:
    return tuple(read_csv("zones.csv"))


@cache
def load_practices() -> tuple[dict[str, str], ...]:
    return tuple(read_csv("practices.csv"))
