"""Which cells of an uploaded table are the names: pure, on rows already read (CSV or a
sheet), so it is the same for the app, the CLI and the tests.

- the header row is found by its words (名称, 地区, 试点, 省份, 序号 …) among the first rows;
- the name column is the one whose header says so, else the one whose cells read as
  place names; numbering columns (序号, 1, 2, 3 …) are never it;
- a province or prefecture column is put in front of the name (`湖南省` + `株洲市`);
- when two columns could be the names, `sure` is False and the caller lets the person
  pick (`column=`; the CLI's `--column`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from geodata.basics import settings
from geodata.basics.errors import InputError

# words of a header cell, strongest first; matched inside the (short) cell text
NAME_WORDS = ("试点地区", "地区名称", "试点名称", "名称", "地名", "地区", "试点", "name", "place",
              "region", "城市", "县", "市", "镇", "区")
PROVINCE_WORDS = ("省份", "省区", "所在省", "所属省", "省名", "省", "province")
PREFECTURE_WORDS = ("地级市", "所属市", "地市", "prefecture")
NUMBER_WORDS = ("序号", "编号", "序", "no", "no.", "#", "id", "number", "index")
HEADER_SCAN = settings.TABLE_HEADER_SCAN
_MAX_HEADER_CELL = settings.TABLE_HEADER_CELL_MAX
_DIGITS = re.compile(r"^\s*[0-9]+[.．、)）]?\s*$")
_PLACE_END = re.compile(r"(省|自治区|市|县|縣|区|區|旗|镇|鎮|乡|鄉|州|盟|新区|开发区|園區|园区)$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_PROVINCE_VALUE = re.compile(r"^(.{2,8}(省|自治区)|北京市?|天津市?|上海市?|重庆市?)$")


@dataclass(frozen=True, slots=True)
class TableRead:
    names: list[str]  # one per data row with a name, context columns put in front
    header: list[str]  # the header row's cells ([] when the table has none)
    column: int  # the name column
    context: tuple[int, ...]  # province / prefecture columns put in front of the name
    sure: bool  # False: another column could be the names too; ask
    candidates: tuple[int, ...]  # columns that could hold the names


def _cell(row: Sequence[str], i: int) -> str:
    return str(row[i]).strip().lstrip("\ufeff") if i < len(row) and row[i] is not None else ""


def _word_score(cell: str, words: Sequence[str]) -> int:
    """How strongly a (short) header cell says it is one of `words`: exact beats
    contained, earlier words beat later ones; one-character words only match exactly."""
    text = cell.strip().lower()
    if not text or len(text) > _MAX_HEADER_CELL:
        return 0
    for rank, word in enumerate(words):
        if text == word:
            return 2 * (len(words) - rank) + 1
        if len(word) > 1 and word in text:
            return 2 * (len(words) - rank)
    return 0


_VOCABULARIES = (NAME_WORDS, PROVINCE_WORDS, PREFECTURE_WORDS, NUMBER_WORDS)


def _is_label(cell: str) -> bool:
    return max(_word_score(cell, w) for w in _VOCABULARIES) > 0


def _is_header(row: Sequence[str]) -> bool:
    """A row of labels: at least half its filled cells are header words, and none is a
    number or a place name that is not also a label."""
    cells = [c for c in (_cell(row, i) for i in range(len(row))) if c]
    labels = [c for c in cells if _is_label(c)]
    if not labels or 2 * len(labels) < len(cells):
        return False
    return not any(
        _DIGITS.match(c) or (_CJK.search(c) and _PLACE_END.search(c) and not _is_label(c))
        for c in cells
    )


def _numbering(values: Sequence[str]) -> bool:
    filled = [v for v in values if v]
    return bool(filled) and sum(bool(_DIGITS.match(v)) for v in filled) >= 0.9 * len(filled)


def _all_provinces(values: Sequence[str]) -> bool:
    filled = [v for v in values if v]
    return bool(filled) and all(_PROVINCE_VALUE.match(v) for v in filled)


def _placeness(values: Sequence[str]) -> float:
    filled = [v for v in values if v]
    if not filled:
        return 0.0
    return sum(bool(_CJK.search(v)) + bool(_PLACE_END.search(v)) for v in filled) / len(filled)


def read_table(rows: Sequence[Sequence[str]], column: int | str | None = None) -> TableRead:
    """The names of `rows` (cells as text). `column`: the person's choice, by index or
    by header text; None to detect."""
    width = max((len(r) for r in rows), default=0)
    head_at = next((i for i, r in enumerate(rows[:HEADER_SCAN]) if _is_header(r)), None)
    header = [_cell(rows[head_at], i) for i in range(width)] if head_at is not None else []
    body = [r for r in rows[(head_at + 1 if head_at is not None else 0):]
            if any(_cell(r, i) for i in range(len(r)))]
    columns = [[_cell(r, i) for r in body] for i in range(width)]
    numbering = {i for i in range(width) if _numbering(columns[i])
                 or (header and _word_score(header[i], NUMBER_WORDS) and
                     not _word_score(header[i], NAME_WORDS))}
    province = [i for i in range(width) if header and _word_score(header[i], PROVINCE_WORDS)
                and not _word_score(header[i], NAME_WORDS[:8])]
    if not province:  # no header says so: a column of province names only
        province = [i for i in range(width) if i not in numbering and _all_provinces(columns[i])]
    prefecture = [i for i in range(width) if header and _word_score(header[i], PREFECTURE_WORDS)]
    usable = [i for i in range(width) if i not in numbering and columns[i]]

    by_header = sorted(
        ((_word_score(header[i], NAME_WORDS), i) for i in usable
         if header and i not in province and i not in prefecture),
        reverse=True,
    )
    by_header = [(s, i) for s, i in by_header if s > 0]
    if by_header:
        candidates = tuple(i for _, i in by_header)
        chosen = by_header[0][1]
        sure = len(by_header) == 1 or by_header[0][0] > by_header[1][0]
    else:
        rest = [i for i in usable if i not in province and i not in prefecture] or usable
        scored = sorted(((_placeness(columns[i]), -i) for i in rest), reverse=True)
        candidates = tuple(-i for _, i in scored)
        chosen = candidates[0] if candidates else 0
        sure = len(scored) <= 1 or scored[0][0] > scored[1][0] + 0.5
    if column is not None:
        chosen = _pick(column, header, width)
        sure = True
    context = tuple(i for i in (*province[:1], *prefecture[:1]) if i != chosen)
    names = []
    for r in body:
        name = _cell(r, chosen)
        if not name:
            continue
        front = "".join(c for c in (_cell(r, i) for i in context) if c and not name.startswith(c))
        names.append(front + name)
    return TableRead(names, header, chosen, context, sure, candidates or (chosen,))


def _pick(column: int | str, header: Sequence[str], width: int) -> int:
    if isinstance(column, int) or str(column).isdigit():
        index = int(column)
        if 0 <= index < width:
            return index
        raise InputError.of("no_column_n", n=str(index), m=str(width))
    if column in header:
        return list(header).index(str(column))
    raise InputError.of("no_column", col=column, headers=tuple(header))
