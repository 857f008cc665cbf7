"""The geocoder's answer for one item: `Result`, the row the CLI writes (`COLUMNS`), its
four statuses, how it was found (`Method`, flags) and why (`notes`, codes with parameters
rendered by geodata.basics.notes)."""

from __future__ import annotations

import enum
import operator
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from geodata.basics.notes import Note, decode, encode, note_text
from geodata.geocode import reasons as why

MATCHED, APPROXIMATE, AMBIGUOUS, UNMATCHED = "matched", "approximate", "ambiguous", "unmatched"
# answers to a name that is no unit but one character off one (or several)
NEAR_REASONS = (why.NEAR_NAME, why.NEAR_NAMES)


class Method(enum.Flag):
    """How a name was resolved; a row writes the flags as `+`-joined tokens
    (name+history+town:geonames), the empty set as `none`. Their words are in notes.toml
    ([method.*], keyed by the lower-case flag name)."""

    NAME = enum.auto()
    HISTORY = enum.auto()
    GROUP = enum.auto()
    TOWN = enum.auto()  # a town named alone
    ONE_CHARACTER_OFF = enum.auto()
    GEONAMES = enum.auto()  # the town's point: GeoNames
    CURATED = enum.auto()  # the town's point: checked by hand
    TOWNSHIP_LIST = enum.auto()  # the town from the township list, a point of its county
    UNIT_POINT = enum.auto()  # a town with no known point, placed at a point of its unit
    COUNTY_SEAT = enum.auto()
    ZONE_UNIT_POINT = enum.auto()
    ZONE_NAMED_AFTER = enum.auto()
    ZONE_LISTED = enum.auto()  # a zone of the national list, read whole
    CHOSEN = enum.auto()  # chosen by hand among the candidates
    CORRECTED = enum.auto()  # the text corrected by hand

    def token(self) -> str:
        """The row's form: name+history+town:geonames (tokens kept from older rows)."""
        return _token(self.value)

    @classmethod
    def parse(cls, text: str) -> Method:
        """The inverse of `token`; a token this version does not know is left out."""
        return _parse(str(text or ""))


_TOKENS = {
    Method.NAME: "name",
    Method.HISTORY: "history",
    Method.GROUP: "group",
    Method.TOWN: "town",
    Method.ONE_CHARACTER_OFF: "one_character_off",
    Method.GEONAMES: "town:geonames",
    Method.CURATED: "town:curated",
    Method.TOWNSHIP_LIST: "town:township_list",
    Method.UNIT_POINT: "town:unit_point",
    Method.COUNTY_SEAT: "town:county_seat",
    Method.ZONE_UNIT_POINT: "zone:unit_point",
    Method.ZONE_NAMED_AFTER: "zone:named_after",
    Method.ZONE_LISTED: "zone:listed",
    Method.CHOSEN: "chosen",
    Method.CORRECTED: "corrected",
}
_BY_TOKEN = {v: k for k, v in _TOKENS.items()}


@cache
def _token(value: int) -> str:  # a few dozen combinations occur: each is spelt once
    flags = Method(value)
    return "+".join(t for m, t in _TOKENS.items() if m in flags) or "none"


@cache
def _parse(text: str) -> Method:
    out = Method(0)
    for part in text.split("+"):
        out |= _BY_TOKEN.get(part, Method(0))
    return out
NONE = Method(0)


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
    method: Method = NONE
    candidates: str = ""
    notes: tuple[Note, ...] = ()
    merged_into: str = ""  # today's unit a former one was merged into (闸北区 -> 静安区)
    changed: str = ""  # the year of the rename or merge
    reason: str = ""  # a code of geodata.geocode.reasons: why the answer is what it is
    members: tuple[str, ...] = ()  # adcodes of a group name (重庆市主城九区 -> nine districts)
    # the text itself began with a province (not a column): its list may hold it to it
    named_province: bool = field(default=False, repr=False)
    # context this item hands to the next item of its list (not a column)
    context: tuple[str, ...] = field(default=(), repr=False)

    @property
    def note(self) -> str:
        """The notes in English (logs, the benchmark's misses)."""
        return note_text(self.notes, "en")

    def copy(self) -> Result:
        """A shallow copy, quicker than copy.copy (a list reader copies every answer):
        every field, read in one call, passed to the constructor in order."""
        return Result(*_FIELDS(self))

    def add(self, *notes: Note) -> None:
        self.notes = (*self.notes, *notes)

    def row(self) -> dict[str, object]:
        row = {c: getattr(self, c) for c in _PLAIN_COLUMNS}
        row["method"] = self.method.token()
        row["note"] = encode(self.notes) if self.notes else ""
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
            elif name == "method":
                res.method = Method.parse(str(row.get(name) or ""))
            elif name == "note":
                res.notes = decode(str(row.get(name) or ""))
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

_PLAIN_COLUMNS = tuple(c for c in COLUMNS if c not in ("note", "method", "members"))
# the slots of a slotted dataclass are its fields, in the constructor's order
_FIELDS = operator.attrgetter(*Result.__slots__)
