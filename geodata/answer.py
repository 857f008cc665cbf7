"""The geocoder's answer for one item: `Result`, the row the CLI writes (`COLUMNS`), its
four statuses, and how the parts of its note are joined."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from geodata import reasons as why

MATCHED, APPROXIMATE, AMBIGUOUS, UNMATCHED = "matched", "approximate", "ambiguous", "unmatched"
# answers to a name that is no unit but one character off one (or several)
NEAR_REASONS = (why.NEAR_NAME, why.NEAR_NAMES)


@dataclass(slots=True)
class Result:
    """One resolved item: the row the CLI writes (see COLUMNS)."""

    input: str
    status: str
    level: str = ""
    adcode: str = ""
    province: str = ""
    prefecture: str = ""
    county: str = ""
    town: str = ""
    unit_name: str = ""
    renamed_from: str = ""
    adcode_then: str = ""
    lon: float | None = None
    lat: float | None = None
    method: str = ""
    candidates: str = ""
    note: str = ""
    merged_into: str = ""  # today's unit a former one was merged into (闸北区 -> 静安区)
    changed: str = ""  # the year of the rename or merge
    reason: str = ""  # a code of geodata.reasons: why the answer is what it is
    members: tuple[str, ...] = ()  # adcodes of a group name (重庆市主城九区 -> nine districts)
    # the text itself began with a province (not a column): its list may hold it to it
    named_province: bool = field(default=False, repr=False)
    # context this item hands to the next item of its list (not a column)
    context: tuple[str, ...] = field(default=(), repr=False)

    def row(self) -> dict[str, object]:
        row = {c: getattr(self, c) for c in COLUMNS}
        row["members"] = " ".join(self.members)
        return row

    @classmethod
    def from_row(cls, row: Mapping[str, object]) -> Result:
        """The inverse of `row()`, tolerant of a stored row from an older version
        (missing columns are empty, unreadable coordinates None)."""
        res = cls(str(row.get("input") or ""), str(row.get("status") or ""))
        for name in COLUMNS[2:]:
            if name in ("lon", "lat"):
                setattr(res, name, _coordinate(row.get(name)))
            elif name == "members":
                res.members = tuple(str(row.get(name) or "").split())
            else:
                setattr(res, name, str(row.get(name) or ""))
        return res


def _coordinate(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    try:
        return float(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


COLUMNS = (
    "input",
    "status",
    "level",
    "adcode",
    "province",
    "prefecture",
    "county",
    "town",
    "unit_name",
    "renamed_from",
    "adcode_then",
    "lon",
    "lat",
    "method",
    "candidates",
    "note",
    "merged_into",
    "changed",
    "reason",
    "members",
)


def join(a: str, b: str) -> str:
    """Two parts of a note, `; `-joined (geodata.note_text reads them apart)."""
    return f"{a}; {b}" if a else b
