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

# The batch-3 list text is the notice's list as reproduced in a public encyclopedia
# article; where it was announced is in batches.csv.
BATCH3_SOURCE = (
    "《关于公布第三批国家新型城镇化综合试点地区名单的通知》 | "
    "http://big5.www.gov.cn/gate/big5/www.gov.cn/xinwen/2016-12/08/content_5144883.htm"
)
# A member a source names as a national pilot outside batch 3 without saying whether
# batch 1 or 2: its own code, so it is never counted as batch 1 by accident.
BATCH_1_OR_2 = 12
BATCH_1_OR_2_YEAR = 2015  # by the end of 2015 at the latest
# Source statuses; `contradicted` rows are kept (with the evidence against them) but
# never shown on the map nor counted as known.
STATUSES = ("official", "reported", "unconfirmed", "contradicted")
SHOWN_STATUSES = STATUSES[:3]  # what a view may show: every status but contradicted
# What kind of evidence a row rests on. Only the batch's own notice and the press (a
# newspaper, government site or journal) can make a row official or reported; the other
# kinds leave it unconfirmed however strong they look.
EVIDENCE_KINDS = ("notice", "press", "encyclopedia", "dataset", "elimination", "inference")
STATUS_KINDS: dict[str, tuple[str, ...]] = {"official": ("notice",), "reported": ("press",)}
# Why a row resting on notice or press is still unconfirmed (other kinds say it themselves).
DOUBTS = ("single_source", "unofficial_repost", "year_inconsistent", "batch_not_stated",
          "source_not_recorded", "may_not_be_pilot")
# The rural land-system reform pilots of 2015: 全国人大常委会 2015-02-27, 关于授权国务院在
# 北京市大兴区等三十三个试点县(市、区)行政区域暂时调整实施有关法律规定的决定
LAND_REFORM_PILOTS = 33
# The research panel whose coding of first-treated years is shown beside the rows it
# covers (seeds/data/dataset_ntupp.csv; provenance in seeds/data/README.md).
DATASET_SOURCE = (
    "https://github.com/Bingchen054/NTUPP_Spatial_Analysis/blob/"
    "32e53d8e86a637a34d1e3e5e8662c809891e3202/baseline/baseline.dta (no licence stated); "
    "the same coding in https://github.com/Bingchen054/AI4CITYLAB_urbaneconomics/blob/"
    "81b5d57bac7ea43312d3e99c7eb29d7339cf608d/did.dta (MIT, as its README states)"
)


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


def batch_numbers() -> tuple[int, ...]:
    """The published batches, (1, 2, 3), from batches.csv."""
    return tuple(b.batch for b in load_batches())


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
            "kind": "",
            "status": "official",
            "evidence_kind": "notice",
            "doubt": "",
            "text": read_text("batch3_as_published.txt"),
            "sources": BATCH3_SOURCE,
            "evidence": "",
        }
    )
    for r in read_csv("batches_1_2_found.csv"):
        check_evidence(r)
        if r["batch"] == "1or2":
            batch, year = BATCH_1_OR_2, BATCH_1_OR_2_YEAR
            document = f"{batches[1].document} / {batches[2].document}"
        else:
            b = batches[int(r["batch"])]
            batch, year, document = b.batch, b.year, b.document
        rows.append(
            {
                "batch": batch,
                "year": year,
                "document": document,
                "kind": r["kind"],
                "category": r["category"],
                "status": r["status"],
                "evidence_kind": r["evidence_kind"],
                "doubt": r["doubt"],
                "text": r["place"],
                "sources": r["source_url"],
                "evidence": r["evidence"],
            }
        )
    return tuple(rows)


def check_evidence(row: dict[str, str]) -> None:
    """A row's status must be one its evidence kind allows, and a row on notice or press
    that stays unconfirmed says why (ValueError names the row otherwise)."""
    kind, status, place = row["evidence_kind"], row["status"], row["place"]
    if kind not in EVIDENCE_KINDS:
        raise ValueError(f"{place}: unknown evidence kind {kind!r}")
    if status in STATUS_KINDS and kind not in STATUS_KINDS[status]:
        raise ValueError(f"{place}: {status} needs evidence of kind {STATUS_KINDS[status]}")
    if row["doubt"] and row["doubt"] not in DOUBTS:
        raise ValueError(f"{place}: unknown doubt {row['doubt']!r}")
    if status == "unconfirmed" and kind in ("notice", "press") and not row["doubt"]:
        raise ValueError(f"{place}: unconfirmed on {kind} evidence without a doubt")


@dataclass(frozen=True, slots=True)
class KindCount:
    """How many members of one kind a batch has officially (NDRC structure)."""

    batch: str  # "1", "2" or "1+2"
    kind: str  # province, municipality, plan_listed, capital, prefecture, county, town
    official: int
    basis: str  # stated (a source gives the number) or derived (arithmetic on stated ones)
    source: str


@cache
def load_batch_kinds() -> tuple[KindCount, ...]:
    return tuple(
        KindCount(r["batch"], r["kind"], int(r["official"]), r["basis"], r["source"])
        for r in read_csv("batch_kinds.csv")
    )


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
def load_splits() -> tuple[dict[str, str], ...]:
    """Former units divided between several of today's (大同市城区, 南郊区 2018)."""
    return tuple(read_csv("splits.csv"))


@cache
def load_dev_zones() -> tuple[dict[str, str], ...]:
    """The national list of economic function zones, each with the place it is proved to
    lie in (scripts/derive_dev_zones.py; provenance in data/README.md)."""
    return tuple(read_csv("dev_zones.csv"))


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
def load_practices() -> tuple[dict[str, str], ...]:
    return tuple(read_csv("practices.csv"))


@dataclass(frozen=True, slots=True)
class DatasetCity:
    """One city of the research panel: its first treated year (0: never treated)."""

    province: str
    city: str
    city_code: str
    first_treated: int


@cache
def load_dataset_coding() -> tuple[DatasetCity, ...]:
    return tuple(
        DatasetCity(r["province"], r["city"], r["city_code"], int(r["first_treated"] or 0))
        for r in read_csv("dataset_ntupp.csv")
    )


@cache
def load_land_reform() -> tuple[dict[str, str], ...]:
    """The rural land-system reform pilots of 2015 that a public source names (of 33)."""
    return tuple(read_csv("land_reform_pilots.csv"))
