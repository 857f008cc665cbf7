"""Names found in a run of text rather than apart: names run together where a page lost
its separators (南京沈阳天津, 东城区西城区崇文区), units or zones named inside a
sentence (1992年10月上海浦东新区成立), and the unit at the edge of an item that prose is
glued to (…名单如下：某市). Each is read only when the text divides one way."""

from __future__ import annotations

import re
from itertools import pairwise

from geodata.basics import settings
from geodata.basics.codes import within
from geodata.basics.notes import note
from geodata.geocode.gazetteer import GENERIC_ZONES, ZONE_SUFFIXES, Gazetteer
from geodata.geocode.geocoder import AMBIGUOUS, APPROXIMATE, MATCHED, UNMATCHED, Result
from geodata.geocode.names import BARE, normalise
from geodata.lists.reader import Reader

PLAIN = re.compile(r"[\u4e00-\u9fff]+")
CONJUNCTIONS = ("以及", "和", "及", "与", "與")  # the words that join two names
GLUED_MIN, GLUED_MAX, GLUED_PIECE_MAX = 4, settings.GLUED_MAX, 9  # 4: two two-character names
PROSE_MIN = settings.PROSE_MIN
_UNIT_LEVELS = ("province", "prefecture", "county")
_TYPE_ENDS = frozenset("省市县区旗州盟")  # the last character of a unit's type word
_ZONE_END = re.compile("|".join(ZONE_SUFFIXES))
# words prose joins a unit with: …是某市, …在大连, 包括江西的瑞金; 宜丰等县的…, 某市。另有…
_PROSE_BEFORE = re.compile(r"(?:是|为|在|即|有|的|包括|包含|其中|如下|分别为|分别是)[:：]?$")
_PROSE_AFTER = re.compile(r"(?:等|的|另|共|。|，|,)")


def units_in_prose(
    rd: Reader, text: str, context: tuple[str, ...], strict: bool
) -> list[Result]:
    """1992年10月上海浦东新区成立, 我省昆明市: an item that is a sentence naming units or
    zones. The names are the longest runs of names written with their type word (浦东新区,
    昆明市; a bare stem is too short to tell from prose) or ending in a zone's word
    (西咸新区), each with the province or prefecture written right before it; every run
    must read as a unit or zone and no two may overlap, else [] (nothing guessed). The
    prose is kept in the note."""
    s = normalise(text)
    if not PLAIN.search(s) or len(s) > settings.ITEM_NAME_MAX:
        return []
    runs = _name_runs(s, rd.gc.gz)
    edges = [0, *(k for run in runs for k in run), len(s)]
    prose = [s[edges[k] : edges[k + 1]] for k in range(0, len(edges), 2)]
    if any(0 < len(p) < PROSE_MIN and p not in CONJUNCTIONS for p in prose):
        return []  # one character beside a name is more likely a slip of it (堵云县) than prose
    out: list[Result] = []
    at = 0  # where the last run ended in `text`
    for i, j in runs:
        r = rd.resolve(s[i:j], context, strict=strict)
        if r.status not in (MATCHED, APPROXIMATE):
            return []
        r.input, at = as_written(text, s[i:j], at)
        r.add(note("edge_prose", text=(s[:i] + "…" + s[j:]).strip("…")))
        if r.status == MATCHED:
            context = r.context or context
        out.append(r)
    return out


def unit_at_an_edge(
    rd: Reader, text: str, context: tuple[str, ...], strict: bool
) -> list[Result]:
    """…名单如下：某市, 先后批准在大连, 宜丰等县的…: prose glued to the first or last item
    of a sentence. The unit at each edge of the item, next to a word prose joins with, is
    read (a whole unit, matched; the longest), the rest kept in the note: the first item
    at the start, the last at the end (湛江等…批准了上海的闵行). [] for none."""
    s = text.strip()
    if len(s) > settings.ITEM_NAME_MAX:  # no name is that long: the work stays bounded
        return []
    first = _edge(rd, s, [(s[:k], s[k:]) for k in range(len(s) - 1, 1, -1)
                          if _PROSE_AFTER.match(s[k:])], context, strict)
    end = len(first[0].input) if first else 0
    last = _edge(rd, s, [(s[k:], s[:k]) for k in range(max(end, 1), len(s) - 1)
                         if _PROSE_BEFORE.search(s[:k])], context, strict)
    return first + last


def _edge(rd: Reader, s: str, cuts: list[tuple[str, str]], context: tuple[str, ...],
          strict: bool) -> list[Result]:
    """The first of `cuts` ((unit, prose), longest unit first) whose unit is a whole
    unit, matched; [] for none."""
    for unit, prose in cuts:
        if len(unit) < 2:
            continue
        r = rd.resolve(unit, context, strict=strict)
        if r.status == MATCHED and r.level in ("province", "prefecture", "county"):
            r.input = unit
            r.add(note("edge_prose", text=prose))
            return [r]
    return []


def _name_runs(s: str, gz: Gazetteer) -> list[tuple[int, int]]:
    """The longest non-overlapping runs of names in `s` (see units_in_prose); [] when
    two of the longest overlap."""
    ends = []  # (start, end) of each name with its type word
    for i in range(len(s) - 1):
        for j in range(min(len(s), i + GLUED_PIECE_MAX), i + 1, -1):
            hits = gz.aliases.get(s[i:j], ())
            if s[j - 1] in _TYPE_ENDS and s[i:j] not in GENERIC_ZONES and any(
                    strength > BARE and gz.units[u].level in _UNIT_LEVELS for u, strength in hits):
                ends.append((i, j))
                break
    # a province or prefecture (in any form) written right before a name is part of it
    heads: dict[int, int] = {}
    for i in range(len(s) - 1):
        for j in range(i + 2, min(len(s), i + GLUED_PIECE_MAX) + 1):
            if any(gz.units[u].level in ("province", "prefecture")
                   for u, _ in gz.aliases.get(s[i:j], ())):
                heads.setdefault(j, i)
    for m in _ZONE_END.finditer(s):  # a head, a zone's own name, its word: 陕西西咸新区
        starts = [i for j, i in heads.items()
                  if m.end() - settings.ZONE_RUN_MAX <= i and j < m.start()]
        if starts:
            ends.append((max(starts), m.end()))  # the nearest: 贵州贵安新区, not 陕西…
    runs = set()
    for i, j in ends:
        while i in heads and heads[i] < i:
            i = heads[i]
        runs.add((i, j))
    longest = sorted(r for r in runs
                     if not any(o != r and o[0] <= r[0] and r[1] <= o[1] for o in runs))
    if any(a[1] > b[0] for a, b in pairwise(longest)):
        return []
    return longest


def names_run_together(rd: Reader, text: str, context: tuple[str, ...]) -> list[Result]:
    """南京沈阳天津, 东城区西城区崇文区: names run together where a page's links or
    separators were lost. Read apart only when the text is no name and divides into the
    fewest such names in exactly one way; [] otherwise. A piece is a province or
    prefecture in any form (沈阳), or a county-level unit written with its type word
    (崇文区, 江阴市): a bare county stem is too short to cut at."""
    s = normalise(text)
    if not GLUED_MIN <= len(s) <= GLUED_MAX or not PLAIN.fullmatch(s):
        return []
    pieces = _fewest_names(s, rd.gc.gz)
    if len(pieces) < 2:
        return []
    out: list[Result] = []
    at = 0  # where the last piece ended in `text`
    for piece in pieces:
        r = rd.resolve(piece, context, strict=False)
        if r.status == UNMATCHED:
            return []
        r.input, at = as_written(text, piece, at)
        r.add(note("names_run_together", text=text))
        if out and _outside_its_head(out[-1], r):
            return []  # 北京市丁青县 is a chain that fails, not two names
        if r.status != AMBIGUOUS:
            context = r.context or context
        if out and _district_of(out[-1], r):
            r.input = out.pop().input + r.input  # 苏州市吴江区: one name, its city before it
        out.append(r)
    return out


def _district_of(head: Result, r: Result) -> bool:
    """A district written right after its own city: a district is named with its city
    (苏州市吴江区), while a county or county-level city after its prefecture is an item
    of its own in a run of names (苏州市昆山市: both listed)."""
    return (head.level in ("province", "prefecture") and head.status == MATCHED
            and r.level == "county" and r.status == MATCHED and r.unit_name.endswith("区")
            and within(r.adcode, head.adcode))


def _outside_its_head(head: Result, r: Result) -> bool:
    """A county written right after a province or prefecture it does not lie in."""
    return (head.level in ("province", "prefecture") and r.level == "county"
            and head.status != AMBIGUOUS and not within(r.adcode, head.adcode))


def as_written(text: str, piece: str, start: int = 0) -> tuple[str, int]:
    """The first part of `text` from `start` that normalises to `piece` (麗江市 for
    丽江市), as a person wrote it, and where it ends; `piece` and `start` when none does."""
    n = len(piece)
    for k in range(start, len(text) - n + 1):
        for size in (n, n + 1, n + 2):  # normalising drops spaces and marks
            if normalise(text[k : k + size]) == piece:
                return text[k : k + size].strip(), k + size
    return piece, start


def _fewest_names(s: str, gz: Gazetteer) -> list[str]:
    """The one division of `s` into the fewest names (see names_run_together), or []
    when there is none or more than one."""

    def name(piece: str) -> bool:
        for i, strength in gz.aliases.get(piece, ()):
            level = gz.units[i].level
            if level in ("province", "prefecture") or (level == "county" and strength > BARE):
                return True
        return False

    # best[k]: (fewest names s[k:] divides into, ways at that number capped at 2, one way)
    none: list[str] = []
    never = (len(s) + 1, 0, none)
    best: list[tuple[int, int, list[str]]] = [never] * len(s) + [(0, 1, none)]
    for k in range(len(s) - 2, -1, -1):
        fewest, ways, first = never
        for n in range(2, min(GLUED_PIECE_MAX, len(s) - k) + 1):
            after = best[k + n]
            if not after[1] or not name(piece := s[k : k + n]):
                continue
            if after[0] + 1 < fewest:
                fewest, ways, first = after[0] + 1, after[1], [piece, *after[2]]
            elif after[0] + 1 == fewest:
                ways = min(ways + after[1], 2)
        best[k] = (fewest, ways, first)
    return best[0][2] if best[0][1] == 1 else []
