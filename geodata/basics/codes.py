"""Facts read from a 6-digit adcode alone (GB/T 2260: 2 digits province, 2 prefecture,
2 county)."""

from __future__ import annotations


def level_of(adcode: str) -> str:
    if adcode.endswith("0000"):
        return "province"
    if adcode.endswith("00"):
        return "prefecture"
    return "county"


def ancestors_of(adcode: str) -> frozenset[str]:
    out = {adcode[:2] + "0000", adcode[:4] + "00"}
    out.discard(adcode)
    return frozenset(out)


def within(code: str, outer: str) -> bool:
    """Whether `code` is `outer` or lies inside it, by the code's structure."""
    if code == outer:
        return True
    if outer.endswith("0000"):
        return code[:2] == outer[:2]
    if outer.endswith("00"):
        return code[:4] == outer[:4]
    return False
