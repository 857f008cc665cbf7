"""How the list reader holds up across the forms real lists arrive in: a metamorphic
benchmark. The same items, re-rendered in each form a page, a PDF or a pasted table
gives them, must be read to the same units. Prints JSON: per form, correct/total and
confident-wrong answers, how many items the form could take, and the forms that score
below the one-per-line baseline.

    .venv/bin/python -m bench.list_forms

The items are the gold items of the DEV lists of bench/data/accuracy (lists.csv part=dev
only; the frozen test part is never read) and the shipped pilot entries (seeds/), whose
answers the tests pin. Each item is written as published (the gold's `input`; a
province head before a colon, which the forms write themselves, taken off). Items are
grouped into runs of one province, as a page groups them; a form that has a place for
the province (a header line, a head before a colon, a table cell) writes it. The text is
read by `geocode_lines`, the entry point of `pilot-atlas geocode` and the My lists page.
An item that cannot take a form (a bare name has no type word to run together at) is
written on a line of its own and scored all the same; `kept` says how many took it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from bench.geocode_accuracy import CONFIDENT, is_right, read_gold, read_lists

BASELINE = "lines"
YEAR = 2017  # the year cell of a table row
WRAP = 18  # characters per line of a narrow PDF column
MISSES_SHOWN = 12  # misses of dev items printed per form
_TYPE_END = "市县区旗州盟"  # a unit written with its type word ends with one of these
_SHORT_END = "区县市镇乡旗路街"  # after a province's short form: a unit's own name (河北区)
_PROVINCE_SUFFIXES = (
    "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"
)
_HEAD = re.compile(r"^(?P<head>[^:：]{2,12})[:：](?P<rest>.+)$")
_PLAIN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True, slots=True)
class Item:
    written: str  # as published, a province head before a colon taken off
    gold: dict[str, str]  # adcode, kind as bench.geocode_accuracy scores them
    source: str  # "dev" or "seeds"


@dataclass(frozen=True, slots=True)
class Group:
    province: str  # its full name ("" when the items name no unit)
    items: list[Item]


# A rendered list: its lines, and for each item its text as rendered and whether it
# took the form.
Rendered = tuple[list[str], list[tuple[Item, str, bool]]]


def _province_names() -> dict[str, str]:
    from geodata.geocode.gazetteer import gazetteer

    return {c: u.name for c, u in gazetteer().current.items() if u.level == "province"}


def _short(province: str) -> str:
    for suffix in _PROVINCE_SUFFIXES:
        if province.endswith(suffix) and len(province) > len(suffix) + 1:
            return province.removesuffix(suffix)
    return province


def _starts_with_a_province(text: str, provinces: list[str]) -> bool:
    from geodata.geocode.names import normalise

    s = normalise(text)
    for p in provinces:
        short = _short(p)
        after = s[len(short) : len(short) + 1]
        if s.startswith(p) or (s.startswith(short) and after not in _SHORT_END):
            return True
    return s.startswith("新疆生产建设兵团")


def _written(text: str, province: str) -> str:
    """The item without a head naming its own province (江苏省：南京市 -> 南京市)."""
    from geodata.geocode.names import to_simplified

    m = _HEAD.match(text)
    if m and province and to_simplified(m["head"]).startswith(_short(province)[:2]):
        return m["rest"].strip()
    return text.strip()


def groups_of(items: list[tuple[str, dict[str, str], str]], names: dict[str, str]) -> list[Group]:
    """Runs of items in one province. Items that name no unit come first, in a group of
    their own: no form writes a province for them (nor a header above them)."""
    none: list[Item] = []
    out: list[Group] = []
    for text, gold, source in items:
        province = names.get(gold["adcode"][:2] + "0000", "") if gold["adcode"] else ""
        item = Item(_written(text, province), gold, source)
        if not province:
            none.append(item)
        elif out and out[-1].province == province:
            out[-1].items.append(item)
        else:
            out.append(Group(province, [item]))
    return [Group("", none), *out] if none else out


def dev_lists(names: dict[str, str]) -> dict[str, list[Group]]:
    """The dev lists' gold items, grouped; test lists are never read."""
    gold = read_gold()
    return {
        m["list_id"]: groups_of([(g["input"], g, "dev") for g in gold[m["list_id"]]], names)
        for m in read_lists() if m["part"] == "dev"
    }


def seed_lists(names: dict[str, str]) -> dict[str, list[Group]]:
    """The shipped pilot entries, one list per batch, with the answers the tests pin."""
    from geodata.registry.pilots import shipped_pilots

    batches: dict[int, list[tuple[str, dict[str, str], str]]] = {}
    for p in shipped_pilots():
        if p.match_status not in CONFIDENT or not p.adcode:
            continue
        kind = p.level if p.level in ("town", "zone") else "unit"
        gold = {"input": p.name_published, "adcode": p.adcode, "kind": kind}
        batches.setdefault(p.batch, []).append((p.name_published, gold, "seeds"))
    return {f"seeds_batch_{b}": groups_of(items, names) for b, items in sorted(batches.items())}


# ---- the forms: each renders the groups of one list as text ----------------------------

def _each_line(prefix: Callable[[int, Item], str]) -> Callable[[list[Group]], Rendered]:
    def render(groups: list[Group]) -> Rendered:
        lines, out, n = [], [], 0
        for g in groups:
            for it in g.items:
                n += 1
                lines.append(prefix(n, it) + it.written)
                out.append((it, it.written, True))
        return lines, out
    return render


def _in_one_line(sep: str) -> Callable[[list[Group]], Rendered]:
    def render(groups: list[Group]) -> Rendered:
        return ([sep.join(it.written for it in g.items) for g in groups],
                [(it, it.written, True) for g in groups for it in g.items])
    return render


def _circled(groups: list[Group]) -> Rendered:
    """①–⑳, numbered per province; past ⑳ an item is written bare."""
    lines, out = [], []
    for g in groups:
        for i, it in enumerate(g.items):
            took = i < 20
            lines.append((chr(0x2460 + i) if took else "") + it.written)
            out.append((it, it.written, took))
    return lines, out


def _numbered_inline(groups: list[Group]) -> Rendered:
    """1.唐山市 2.邯郸市 3.承德市: a numbered grid flattened into one line per province."""
    return ([" ".join(f"{i}.{it.written}" for i, it in enumerate(g.items, 1)) for g in groups],
            [(it, it.written, True) for g in groups for it in g.items])


def _header(count: bool) -> Callable[[list[Group]], Rendered]:
    def render(groups: list[Group]) -> Rendered:
        lines = []
        for g in groups:
            if g.province:
                lines.append(g.province + (f"（{len(g.items)}个）" if count else ""))
            lines.append("、".join(it.written for it in g.items))
        return lines, [(it, it.written, bool(g.province)) for g in groups for it in g.items]
    return render


def _colon(groups: list[Group]) -> Rendered:
    return ([(f"{g.province}：" if g.province else "") + "、".join(it.written for it in g.items)
             for g in groups],
            [(it, it.written, bool(g.province)) for g in groups for it in g.items])


def _glued(groups: list[Group]) -> Rendered:
    """河北省唐山市: the province written before each item that does not begin with one."""
    provinces = sorted({g.province for g in groups if g.province}, key=len, reverse=True)
    lines, out = [], []
    for g in groups:
        for it in g.items:
            has = _starts_with_a_province(it.written, provinces)
            text = it.written if has or not g.province else g.province + it.written
            lines.append(text)
            out.append((it, text, bool(g.province)))
    return lines, out


def runs_together(it: Item) -> bool:
    """A unit written in full with its type word can run into the next one (唐山市邯郸市);
    a bare name (唐山), a town or zone, or text with anything but Chinese characters
    cannot."""
    return (it.gold.get("kind") == "unit" and bool(_PLAIN.fullmatch(it.written))
            and len(it.written) >= 3 and it.written[-1] in _TYPE_END)


def _runs(groups: list[Group]) -> Iterator[tuple[list[Item], bool]]:
    """Per province, the items that run together, then each one that cannot, alone."""
    for g in groups:
        glued = [it for it in g.items if runs_together(it)]
        if glued:
            yield glued, True
        for it in g.items:
            if not runs_together(it):
                yield [it], False


def _run_together(groups: list[Group]) -> Rendered:
    lines, out = [], []
    for items, took in _runs(groups):
        lines.append("".join(it.written for it in items))
        out += [(it, it.written, took) for it in items]
    return lines, out


def _table_glued(groups: list[Group]) -> Rendered:
    """119973唐山市邯郸市承德市: a table row (rank, year, count, names) pasted as text
    with its cells run together."""
    lines, out = [], []
    for rank, (items, took) in enumerate(_runs(groups), 1):
        lines.append(f"{rank}{YEAR}{len(items)}" + "".join(it.written for it in items))
        out += [(it, it.written, took) for it in items]
    return lines, out


def _table_tabs(groups: list[Group]) -> Rendered:
    """1<TAB>河北省<TAB>唐山市<TAB>2017: a table's cells apart by tabs, one item a row."""
    lines, out, n = [], [], 0
    for g in groups:
        for it in g.items:
            n += 1
            lines.append("\t".join((str(n), g.province, it.written, str(YEAR))))
            out.append((it, it.written, True))
    return lines, out


def _prose(groups: list[Group]) -> Rendered:
    """名单如下：唐山市、邯郸市和承德市。 one sentence per province."""
    lines = []
    for g in groups:
        names = [it.written for it in g.items]
        run = "、".join(names[:-1]) + "和" + names[-1] if len(names) > 1 else names[0]
        lines.append(f"经评审，名单如下：{run}。")
    return lines, [(it, it.written, True) for g in groups for it in g.items]


def _traditional(groups: list[Group]) -> Rendered:
    import opencc

    s2t = opencc.OpenCC("s2t")
    out = [(it, s2t.convert(it.written), True) for g in groups for it in g.items]
    return [text for _, text, _ in out], out


_FULL = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}  # ASCII ! … ~ -> ！ … ～


def _fullwidth(groups: list[Group]) -> Rendered:
    """１２．唐山市（新区）: full-width digits and punctuation, the items' own too."""
    lines, out, n = [], [], 0
    for g in groups:
        for it in g.items:
            n += 1
            text = it.written.translate(_FULL)
            lines.append(f"{n}．".translate(_FULL) + text)
            out.append((it, text, True))
    return lines, out


def _wrapped(groups: list[Group]) -> Rendered:
    """A province's items apart by 、, copied from a narrow PDF column: a line breaks
    every WRAP characters, inside a name where it falls there."""
    lines, out = [], []
    for g in groups:
        text, at = "", []
        for it in g.items:
            text += ("、" if text else "")
            at.append((len(text), len(text) + len(it.written)))
            text += it.written
        lines += [text[k : k + WRAP] for k in range(0, len(text), WRAP)]
        for it, (i, j) in zip(g.items, at, strict=True):
            cut = any(i < k < j for k in range(WRAP, len(text), WRAP))
            out.append((it, it.written, cut))
    return lines, out


FORMS: dict[str, tuple[Callable[[list[Group]], Rendered], str]] = {
    "lines": (_each_line(lambda n, it: ""), "every item"),
    "dunhao": (_in_one_line("、"), "every item; a province's items on one line"),
    "fullwidth_comma": (_in_one_line("，"), "every item; a province's items on one line"),
    "comma": (_in_one_line(","), "every item; a province's items on one line"),
    "semicolon": (_in_one_line("；"), "every item; a province's items on one line"),
    "spaces": (_in_one_line(" "), "every item; a province's items on one line"),
    "ideographic_spaces": (_in_one_line("\u3000"), "every item; a province's items on one line"),
    "numbered_dot": (_each_line(lambda n, it: f"{n}. "), "every item"),
    "numbered_dun": (_each_line(lambda n, it: f"{n}、"), "every item"),
    "numbered_paren": (_each_line(lambda n, it: f"({n})"), "every item"),
    "numbered_circled": (_circled, "the first 20 items of a province; the rest bare"),
    "numbered_inline": (_numbered_inline, "every item; a province's items on one line"),
    "bullet_dot": (_each_line(lambda n, it: "• "), "every item"),
    "bullet_black": (_each_line(lambda n, it: "●"), "every item"),
    "bullet_dash": (_each_line(lambda n, it: "- "), "every item"),
    "bullet_star": (_each_line(lambda n, it: "* "), "every item"),
    "province_header": (_header(False), "items with a province (not those naming no unit)"),
    "province_header_count": (_header(True), "items with a province"),
    "province_colon": (_colon, "items with a province"),
    "province_glued": (_glued, "items with a province (written before those without one)"),
    "run_together": (_run_together, "units written in full with their type word"),
    "table_glued": (_table_glued, "units written in full with their type word"),
    "table_tabs": (_table_tabs, "every item"),
    "prose": (_prose, "every item"),
    "traditional": (_traditional, "every item"),
    "fullwidth": (_fullwidth, "every item"),
    "wrapped": (_wrapped, "items a line break falls inside"),
}


# ---- scoring --------------------------------------------------------------------------

def _key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def align(results: list[Any], rendered: list[str]) -> list[Any]:
    """For each rendered item, the result row that holds it (or a part of it), in order;
    None for an item left without a row. The pairing keeps the order and pairs as many as
    it can, whole items before parts (as bench.geocode_accuracy's pairs as many as it can)."""
    rows = [_key(r.input) for r in results]
    items = [_key(t) for t in rendered]
    n, m = len(items), len(rows)
    # a row holding the whole item weighs more than a row holding a part of it (a
    # province read as an item of its own beside 河北省唐山市 is not that item's row)
    fits = [[2 if it in row else int(len(row) >= 2 and row in it) for row in rows]
            for it in items]
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1],
                             best[i + 1][j + 1] + fits[i][j] if fits[i][j] else 0)
    out: list[Any] = []
    i = j = 0
    while i < n:
        if j < m and fits[i][j] and best[i][j] == best[i + 1][j + 1] + fits[i][j]:
            out.append(results[j])
            i, j = i + 1, j + 1
        elif j < m and best[i][j + 1] == best[i][j]:
            j += 1
        else:
            out.append(None)
            i += 1
    return out


def _right(it: Item, r: Any) -> bool:
    return is_right(it.gold, r.adcode if r is not None else "",
                    r is not None and r.status in CONFIDENT)


def _tally(rows: list[tuple[Item, str, bool, Any]]) -> dict[str, Any]:
    correct = wrong = 0
    for it, _, _, r in rows:
        right = _right(it, r)
        correct += right
        wrong += r is not None and r.status in CONFIDENT and not right
    total = len(rows)
    return {"correct": correct, "total": total,
            "accuracy": round(correct / total, 4) if total else None, "confident_wrong": wrong}


def main() -> dict[str, Any]:
    from geodata.geocode.geocoder import Geocoder
    from geodata.lists.published import geocode_lines

    gc = Geocoder()
    names = _province_names()
    lists = {**dev_lists(names), **seed_lists(names)}
    forms: dict[str, Any] = {}
    misses: dict[str, list[dict[str, str]]] = {}
    base: dict[int, bool] = {}
    for form, (render, keeps) in FORMS.items():
        scored: list[tuple[Item, str, bool, Any]] = []
        for groups in lists.values():
            lines, out = render(groups)
            got = align(geocode_lines(lines, gc), [text for _, text, _ in out])
            scored += [(it, text, took, r) for (it, text, took), r in zip(out, got, strict=True)]
        forms[form] = {
            "keeps": keeps,
            "kept": sum(took for _, _, took, _ in scored),
            **_tally(scored),
            "dev": _tally([s for s in scored if s[0].source == "dev"]),
            "seeds": _tally([s for s in scored if s[0].source == "seeds"]),
        }
        right = {id(it): _right(it, r) for it, _, _, r in scored}
        if form == BASELINE:
            base = right
        lost = [(it, text, r) for it, text, _, r in scored
                if it.source == "dev" and base[id(it)] and not right[id(it)]]
        forms[form]["dev_lost_from_baseline"] = len(lost)
        misses[form] = [
            {"item": text, "gold": it.gold["adcode"], "got": r.adcode if r else "",
             "status": r.status if r else "no row", "reason": r.reason if r else ""}
            for it, text, r in lost[:MISSES_SHOWN]
        ]
    floor = forms[BASELINE]["correct"]
    return {
        "baseline": BASELINE,
        "lists": {"dev": sum(1 for k in lists if not k.startswith("seeds")),
                  "seeds": sum(1 for k in lists if k.startswith("seeds"))},
        "forms": forms,
        "below_baseline": [f for f, s in forms.items() if s["correct"] < floor],
        "seeds_below_100": [f for f, s in forms.items()
                            if s["seeds"]["correct"] < s["seeds"]["total"]],
        "dev_lost_from_baseline": misses,
    }


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False, indent=2))
