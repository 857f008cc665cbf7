"""Lists in the published shape: one province (or 新疆生产建设兵团) per line, items
separated by 、，,；; and later items inheriting the province/prefecture before them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from geodata.geocoder import AMBIGUOUS, UNMATCHED, Geocoder, Result

SEPARATORS = re.compile(r"[、，,；;]")
_HEADER = re.compile(r"^(?P<head>[^:：]{2,20})[:：](?P<rest>.*)$")
_ENUM = re.compile(
    r"^\s*(?:[(（]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9]+[.．)）]|"
    r"[一二三四五六七八九十]+[、.．])\s*"
)
_TRAILING = re.compile(r"[。．.!！?？\s]+$|等$")


@dataclass(frozen=True, slots=True)
class Item:
    text: str  # as published (trimmed)
    line: int  # 1-based line number in the input
    starts_line: bool


def split_line(line: str) -> list[str]:
    line = _ENUM.sub("", line.strip())
    parts = [_TRAILING.sub("", p.strip()) for p in SEPARATORS.split(line)]
    return [p for p in parts if p]


def items_of(lines: Iterable[str]) -> Iterator[Item]:
    for no, line in enumerate(lines, start=1):
        for i, text in enumerate(split_line(line)):
            yield Item(text, no, i == 0)


def geocode_lines(lines: Iterable[str], geocoder: Geocoder | None = None) -> list[Result]:
    """One result per item, in input order; context resets at each line."""
    gc = geocoder or Geocoder()
    out: list[Result] = []
    context: tuple[str, ...] = ()
    for item in items_of(lines):
        if item.starts_line:
            context = ()
        text = item.text
        m = _HEADER.match(text)
        if m:  # "河北省：唐山市" — the part before the colon is context only
            head = gc.resolve(m.group("head"))
            if head.status not in (UNMATCHED, AMBIGUOUS) and m.group("rest").strip():
                context = head.context or (head.adcode,)
                text = m.group("rest").strip()
        res = gc.resolve(text, context)
        res.input = item.text
        if res.status not in (UNMATCHED, AMBIGUOUS):
            context = res.context
        out.append(res)
    return out


def geocode_names(names: Iterable[str], geocoder: Geocoder | None = None) -> list[Result]:
    """One item per name, no context carried (a spreadsheet column)."""
    gc = geocoder or Geocoder()
    out = []
    for name in names:
        res = gc.resolve(name.strip())
        res.input = name
        out.append(res)
    return out
