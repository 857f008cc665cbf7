"""Names one character off an official unit name: an OCR or typing slip (堵雲縣 for
縉雲縣, 闽候县 for 闽侯县, 台山布 for 台山市).

Such a name is read as a unit only where the list's context (the province on its line or
in a header, or a unit the text itself names first) leaves exactly one unit one character
away, or exactly one whose differing character sounds the same (a slip of a pinyin input
method). The answer is then `approximate`, never `matched`; with two or more it is
`ambiguous`, with the units as candidates.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterable
from functools import cache

from geodata.basics import settings
from geodata.basics.codes import within

MIN_LENGTH, MAX_LENGTH = settings.NEAR_NAME_MIN_LENGTH, settings.NEAR_NAME_MAX_LENGTH
MAX_OFFERED = settings.NEAR_NAME_MAX_OFFERED


def _slip(name: str, written: str) -> bool:
    """One character apart; a county written with 县 is measured on the stem against a
    district (a 县 since made a 区: 江凝县 for 江宁区)."""
    pairs = [(a, b) for a, b in zip(name, written, strict=True) if a != b]
    if len(pairs) == 1:
        return True
    return len(pairs) == 2 and pairs[-1] == ("区", "县") and name[-1] == "区"


def one_character_away(rest: str, names: Iterable[tuple[str, str]], outer: str = "") -> list[str]:
    """Codes of `names` ((code, name) of today's units, and of former names with their
    successor's code: a slip on 江宁县, a 县 since made a 区, is measured on the name it
    had) that differ from `rest` in exactly one character, inside the unit `outer` when
    one is given; each code once."""
    if not MIN_LENGTH <= len(rest) <= MAX_LENGTH:
        return []
    out: dict[str, None] = {}
    for code, name in names:
        if len(name) != len(rest) or (outer and not within(code, outer)):
            continue
        if _slip(name, rest):
            out[code] = None
    return list(out)


def same_sound(written: str, name: str) -> bool:
    """The one character in which `written` differs from `name` has a reading in common
    with the official one (候/侯 hou), tones aside."""
    pairs = [(a, b) for a, b in zip(written, name, strict=True) if a != b]
    if len(pairs) == 2 and pairs[-1] == ("县", "区"):  # measured on the stem
        pairs = pairs[:1]
    if len(pairs) != 1:
        return False
    a, b = pairs[0]
    return bool(_readings(a) & _readings(b))


def _readings(ch: str) -> frozenset[str]:
    raw = _pinyin_table().get(str(ord(ch)), "")
    return frozenset(_toneless(r) for r in raw.split(",") if r)


def _toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _pinyin_table() -> dict[str, str]:
    """pypinyin's per-character readings, read from its data file without importing the
    package (which would load its 45 MB phrase dictionary)."""
    from importlib.util import find_spec  # only when a slip is weighed

    spec = find_spec("pypinyin")
    assert spec is not None and spec.submodule_search_locations
    path = os.path.join(next(iter(spec.submodule_search_locations)), "pinyin_dict.json")
    with open(path, encoding="utf-8") as fh:
        table: dict[str, str] = json.load(fh)
    return table
