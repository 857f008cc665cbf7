"""Names one character off an official unit name: an OCR or typing slip (堵雲縣 for
縉雲縣, 闽候县 for 闽侯县, 毫州 for 亳州, 郭城县 for 郓城县).

The slip is measured on the stem: the type word may differ (江凝县 for 江宁区, once 江宁县),
and former names count, with their successor's code. How alike the two differing
characters are decides between candidates (`closeness`): a character that sounds the
same (a slip of a pinyin input method: 候/侯 hou) or looks alike (an OCR or handwriting
slip: 毫/亳, 郭/郓, 深/溧, by their four-corner codes, 四角号码, whose five digits
describe the strokes at the corners of a character) is closer than one that is neither.

Such a name is read as a unit only where the list's context (the province on its line or
in a header, or a unit the text itself names first) leaves exactly one unit one character
away, or the one closest in sound or shape; with no context, or for a name of two
characters, only the shape counts and must be the same code, and a name of two characters
is read only inside a stated province. The answer is then `approximate`, never `matched`;
two candidates at the same closeness are `ambiguous`, with the units as candidates;
between two equally close, the one written with the same type word is nearer (one
character off in all, not two).
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache

from geodata.basics import settings
from geodata.basics.codes import within
from geodata.geocode.names import split_suffix

MIN_LENGTH, MAX_LENGTH = settings.NEAR_NAME_MIN_LENGTH, settings.NEAR_NAME_MAX_LENGTH
MAX_OFFERED = settings.NEAR_NAME_MAX_OFFERED
SAME_SOUND = settings.NEAR_NAME_SAME_SOUND
MIN_STEM = settings.NEAR_NAME_MIN_STEM
ALIKE, CLOSE = settings.NEAR_NAME_ALIKE, settings.NEAR_NAME_CLOSE


def slip_of(written: str, name: str) -> tuple[str, str] | None:
    """The (written, official) characters in which `written` is one character off `name`,
    measured on the whole names (台山布 and 台山市 -> (布, 市)) or on the stems (郭城县 and
    郓城县 -> (郭, 郓); 毫州 and 亳州市 -> (毫, 亳); 江凝县 and 江宁区 -> (凝, 宁)); None when
    they differ in more or fewer."""
    if len(written) == len(name) and len(split_suffix(name)[0]) >= MIN_STEM:
        whole = [(a, b) for a, b in zip(written, name, strict=True) if a != b]
        if len(whole) == 1:
            return whole[0]
    stem, kind = split_suffix(written)
    other = split_suffix(name)[0]
    if kind and split_suffix(name)[1] == "":
        return None  # a name that has no type word is only written bare
    if len(stem) != len(other) or len(stem) < MIN_STEM:
        return None
    pairs = [(a, b) for a, b in zip(stem, other, strict=True) if a != b]
    return pairs[0] if len(pairs) == 1 else None


def one_character_away(rest: str, names: Iterable[tuple[str, str]], outer: str = "") -> list[str]:
    """Codes of `names` ((code, name) of today's units, and of former names with their
    successor's code) one character off `rest` on the stem, inside the unit `outer` when
    one is given; each code once."""
    if not MIN_LENGTH - 1 <= len(rest) <= MAX_LENGTH:
        return []
    out: dict[str, None] = {}
    for code, name in names:
        if (outer and not within(code, outer)) or code in out:
            continue
        if slip_of(rest, name) is not None:
            out[code] = None
    return list(out)


def closeness(written: str, name: str, *, by_sound: bool = True) -> int:
    """How alike the one character `written` differs from `name` in is to the official
    one: SAME_SOUND when they share a reading (tones aside; only `by_sound`), else how
    many of the five digits of their four-corner codes agree (0 when either has none);
    -1 for no slip."""
    slip = slip_of(written, name)
    if slip is None:
        return -1
    a, b = slip
    if b in split_suffix(name)[1] and a not in split_suffix(name)[0]:
        return 0  # a slip in the type word (迁西市 for 迁西县) says nothing of which unit
    if by_sound and _readings(a) & _readings(b):
        return SAME_SOUND
    ca, cb = _corners(a), _corners(b)
    if not ca or not cb:
        return 0
    return sum(x == y for x, y in zip(ca, cb, strict=False))


def ranked(written: str, named: list[tuple[str, str]], *, strict: bool
           ) -> list[tuple[str, tuple[int, bool]]]:
    """The codes of `named` ((code, name), each one character off `written`), closest
    first, each with its key: its closeness, then whether it is written with the same
    type word (深阳市: 溧阳市 before 沭阳县, both 4 digits alike). With no `strict`
    context, or for a name of two characters, only the shape counts: homophones are too
    many (华山, a mountain, is no slip for 花山区)."""
    loose = strict and len(written) >= MIN_LENGTH
    kind = split_suffix(written)[1]
    best: dict[str, tuple[int, bool]] = {}
    for code, name in named:
        key = (closeness(written, name, by_sound=loose), split_suffix(name)[1] == kind)
        best[code] = max(best.get(code, key), key)
    return sorted(best.items(), key=lambda kv: kv[1], reverse=True)


def pick(written: str, named: list[tuple[str, str]], *, strict: bool) -> list[str]:
    """The codes the slip `written` most likely meant: the closest (`ranked`), when its
    closeness reaches ALIKE inside a `strict` context (CLOSE without one, or for a name
    of two characters, which needs the context); every code tied at the top (ambiguous);
    none when the closest is not close enough."""
    order = ranked(written, named, strict=strict)
    if not order or (len(written) < MIN_LENGTH and not strict):
        return []  # two characters of prose with no province: 木星 is no slip for 木里
    top = order[0][1]
    if top[0] < (ALIKE if strict and len(written) >= MIN_LENGTH else CLOSE):
        return []
    return [c for c, key in order if key == top]


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


def _corners(ch: str) -> str:
    return _four_corner()(ch) or ""


@cache
def _four_corner() -> Callable[[str], str | None]:
    """The four-corner codes of 74,000 characters (four-corner-method, MIT), loaded only
    when a slip is weighed."""
    from four_corner_method import FourCornerMethod

    query: Callable[[str], str | None] = FourCornerMethod().query
    return query
