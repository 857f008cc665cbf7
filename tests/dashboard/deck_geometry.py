"""Reading a deck back as PowerPoint lays it out: boxes in points, the text of each box
and its font size, so the tests can check shapes and text against the slide."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dashboard.export.text_fit import line_pt, width_pt, wrap

EMU_PER_PT = 12700


@dataclass(frozen=True)
class Box:
    slide: int
    name: str
    left: float
    top: float
    width: float
    height: float
    text: str = ""

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def overlaps(self, other: Box) -> bool:
        return (self.left < other.right - 0.5 and other.left < self.right - 0.5
                and self.top < other.bottom - 0.5 and other.top < self.bottom - 0.5)

    def holds(self, x0: float, y0: float, x1: float, y1: float, slack: float = 1.0) -> bool:
        return (self.left - slack <= x0 and x1 <= self.right + slack
                and self.top - slack <= y0 and y1 <= self.bottom + slack)


def pt(emu: Any) -> float:
    return float(emu or 0) / EMU_PER_PT


def boxes(prs: Any) -> list[Box]:
    """Every shape of every slide, placeholders with the box they inherit."""
    out = []
    for k, slide in enumerate(prs.slides):
        for sh in slide.shapes:
            text = sh.text_frame.text if sh.has_text_frame else ""
            height = pt(sh.height)
            if sh.has_table:  # a table is as tall as its rows, whatever its frame says
                text = "\n".join(c.text for row in sh.table.rows for c in row.cells)
                height = max(height, sum(pt(r.height) for r in sh.table.rows))
            out.append(Box(k, sh.name, pt(sh.left), pt(sh.top), pt(sh.width), height, text))
    return out


def _size(frame: Any) -> float | None:
    sizes = {r.font.size.pt for p in frame.paragraphs for r in p.runs if r.font.size}
    runs = [r for p in frame.paragraphs for r in p.runs if r.text]
    if not runs or any(r.font.size is None for r in runs) or len(sizes) != 1:
        return None  # a run without an explicit size: the viewer's default decides
    return sizes.pop()


def text_problems(prs: Any) -> list[str]:
    """Text that does not fit its box at its size (the shipped font's metrics):
    a line wider than the box, or more lines than its height holds."""
    problems = []
    for k, slide in enumerate(prs.slides):
        for sh in slide.shapes:
            if sh.has_text_frame and sh.text_frame.text.strip():
                f = sh.text_frame
                size = _size(f)
                w = pt(sh.width) - pt(f.margin_left) - pt(f.margin_right)
                h = pt(sh.height) - pt(f.margin_top) - pt(f.margin_bottom)
                problems += _fit(k, sh.name, f.text, size, w, h)
            if sh.has_table:
                table = sh.table
                for i, row in enumerate(table.rows):
                    for j, cell in enumerate(row.cells):
                        if not cell.text.strip():
                            continue
                        w = pt(table.columns[j].width) - pt(cell.margin_left) - pt(
                            cell.margin_right)
                        h = pt(row.height) - pt(cell.margin_top) - pt(cell.margin_bottom)
                        problems += _fit(k, f"{sh.name} r{i}c{j}", cell.text,
                                         _size(cell.text_frame), w, h)
    return problems


def _fit(k: int, name: str, text: str, size: float | None, w: float, h: float) -> list[str]:
    if size is None:
        return [f"slide {k + 1} {name}: text without one explicit size"]
    lines = wrap(text, w, size)
    wide = [line for line in lines if width_pt(line, size) > w + 0.01]
    if wide:
        return [f"slide {k + 1} {name}: '{wide[0]}' wider than {w:.0f} pt at {size} pt"]
    if len(lines) * line_pt(size) > h + 0.01:
        return [f"slide {k + 1} {name}: {len(lines)} lines at {size} pt in {h:.0f} pt"]
    return []


def shape_problems(prs: Any) -> list[str]:
    """Shapes outside the slide, without a box, or overlapping another shape."""
    width, height = pt(prs.slide_width), pt(prs.slide_height)
    problems = []
    all_boxes = boxes(prs)
    for b in all_boxes:
        if b.width <= 0 or b.height <= 0:
            problems.append(f"slide {b.slide + 1} {b.name}: no box ({b.width}×{b.height})")
        if b.left < -0.5 or b.top < -0.5 or b.right > width + 0.5 or b.bottom > height + 0.5:
            problems.append(f"slide {b.slide + 1} {b.name}: outside the slide")
    for i, a in enumerate(all_boxes):
        for b in all_boxes[i + 1:]:
            if a.slide == b.slide and a.overlaps(b):
                problems.append(f"slide {a.slide + 1}: {a.name} overlaps {b.name}")
    return problems


def placeholder_problems(prs: Any) -> list[str]:
    """Placeholders of the masters, layouts and notes without a box."""
    problems = []
    holders = [*prs.slide_master.placeholders, *prs.notes_master.placeholders]
    for layout in prs.slide_layouts:
        holders += list(layout.placeholders)
    for slide in prs.slides:
        holders += list(slide.placeholders)
        if slide.has_notes_slide:
            holders += list(slide.notes_slide.placeholders)
    for ph in holders:
        if not (ph.width and ph.height) or ph.left is None or ph.top is None:
            problems.append(f"{ph.part.partname} {ph.name}: no box")
    return problems
