"""The deck's own template, built in code from python-pptx's blank one: 16:9, the four
layouts the deck uses with their placeholders placed (title, subtitle, content, notes;
each with a real box, so a viewer never falls back to a zero-size default), the rest
removed. `BOX` holds every box the deck lays out, in inches on the 13.333 × 7.5 slide."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Final, cast

from dashboard.export.draw import font_family
from dashboard.settings import DECK_HEIGHT_IN, DECK_MARGIN_IN, DECK_WIDTH_IN

if TYPE_CHECKING:
    from pptx.presentation import Presentation

WIDTH_IN: Final = DECK_WIDTH_IN
HEIGHT_IN: Final = DECK_HEIGHT_IN
MARGIN_IN: Final = DECK_MARGIN_IN
CONTENT_W: Final = WIDTH_IN - 2 * MARGIN_IN

# (left, top, width, height) in inches
BOX: Final[dict[str, tuple[float, float, float, float]]] = {
    "cover_title": (MARGIN_IN, 2.0, CONTENT_W, 1.5),
    "cover_subtitle": (MARGIN_IN, 3.7, CONTENT_W, 1.6),
    "title": (MARGIN_IN, 0.35, CONTENT_W, 0.85),
    "body": (MARGIN_IN, 1.35, CONTENT_W, 5.35),  # under the title, above the footnote
    "footnote": (MARGIN_IN, 6.8, CONTENT_W, 0.5),
    # the notes page (portrait 7.5 × 10): the slide, then the notes
    "notes_slide": (0.75, 0.75, 6.0, 3.375),
    "notes_body": (0.75, 4.4, 6.0, 4.9),
}
# Layout name → {placeholder type name: box}; other placeholders (date, footer, number)
# are placed along the bottom edge by `_place_footers`.
LAYOUTS: Final[dict[str, dict[str, str]]] = {
    "Title Slide": {"CENTER_TITLE": "cover_title", "SUBTITLE": "cover_subtitle"},
    "Title and Content": {"TITLE": "title", "OBJECT": "body"},
    "Title Only": {"TITLE": "title"},
    "Blank": {},
}
LANGUAGES: Final[dict[str, str]] = {"zh": "zh-CN", "en": "en-US"}


def template() -> Presentation:
    """An empty 16:9 presentation with the deck's layouts, masters placed."""
    from pptx import Presentation as new
    from pptx.util import Inches

    prs = new()
    prs.slide_width, prs.slide_height = Inches(WIDTH_IN), Inches(HEIGHT_IN)
    for layout in list(prs.slide_layouts):
        if layout.name not in LAYOUTS:
            prs.slide_layouts.remove(layout)
    master = prs.slide_master
    for ph in cast(Any, master).placeholders:
        kind = ph.placeholder_format.type.name
        _place(ph, "title" if kind == "TITLE" else "body" if kind == "BODY" else None)
    _place_footers(cast(Any, master).placeholders)
    for layout in prs.slide_layouts:
        boxes = LAYOUTS[layout.name]
        for ph in cast(Any, layout).placeholders:
            _place(ph, boxes.get(ph.placeholder_format.type.name))
        _place_footers(cast(Any, layout).placeholders)
    notes = prs.notes_master
    for ph in cast(Any, notes).placeholders:
        kind = ph.placeholder_format.type.name
        _place(ph, {"SLIDE_IMAGE": "notes_slide", "BODY": "notes_body"}.get(kind))
    return prs


def _place(ph: Any, box: str | None) -> None:
    from pptx.util import Inches

    if box is None:
        return
    left, top, width, height = BOX[box]
    ph.left, ph.top, ph.width, ph.height = (Inches(left), Inches(top), Inches(width),
                                            Inches(height))


def _place_footers(placeholders: Any) -> None:
    """Date, footer and slide number along the bottom edge of the 16:9 slide (the blank
    template has them on a 10-inch one). The deck leaves them empty."""
    from pptx.util import Inches

    spots = {"DATE": (MARGIN_IN, 2.4), "FOOTER": (4.2, 4.9), "SLIDE_NUMBER": (WIDTH_IN - 3.0,
                                                                               2.4)}
    for ph in placeholders:
        spot = spots.get(ph.placeholder_format.type.name)
        if spot:
            ph.left, ph.top = Inches(spot[0]), Inches(HEIGHT_IN - 0.5)
            ph.width, ph.height = Inches(spot[1]), Inches(0.35)


def set_properties(prs: Presentation, *, title: str, subject: str, lang: str,
                   when: datetime) -> None:
    """The file's core properties: ours, not the blank template's."""
    props = prs.core_properties
    props.title = title
    props.subject = subject
    props.author = "Pilot Atlas"
    props.last_modified_by = "Pilot Atlas"
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1
    props.language = LANGUAGES.get(lang, "zh-CN")
    props.keywords = ""
    props.comments = ""


def style(frame: Any, size_pt: float, *, lang: str, bold: bool = False,
          colour: str | None = None) -> None:
    """Every run of a text frame in the shipped font at `size_pt`, tagged with the deck's
    language (the East Asian typeface is set by `east_asian_fonts` on the whole deck)."""
    from pptx.dml.color import RGBColor
    from pptx.enum.lang import MSO_LANGUAGE_ID
    from pptx.util import Pt

    language = MSO_LANGUAGE_ID.SIMPLIFIED_CHINESE if lang == "zh" else MSO_LANGUAGE_ID.ENGLISH_US
    for para in frame.paragraphs:
        for run in para.runs:
            f = run.font
            f.size, f.bold, f.name, f.language_id = Pt(size_pt), bold, font_family(), language
            if colour:
                f.color.rgb = RGBColor.from_string(colour)


def east_asian_fonts(prs: Presentation) -> None:
    """The shipped font as the East Asian and complex-script typeface of every run that
    names a Latin one, so Chinese text is set in it too (python-pptx sets only Latin)."""
    family = font_family()
    slides = list(prs.slides)
    shapes = [sh for slide in slides for sh in slide.shapes]
    shapes += [slide.notes_slide.notes_placeholder for slide in slides if slide.has_notes_slide]
    for shape in shapes:
        if shape is None:
            continue
        for latin in shape.element.xpath(".//a:rPr/a:latin"):
            prev = latin
            for tag in ("ea", "cs"):  # the schema's order: latin, ea, cs
                found = latin.getparent().xpath(f"./a:{tag}")
                el = found[0] if found else latin.makeelement(
                    "{http://schemas.openxmlformats.org/drawingml/2006/main}" + tag, {})
                el.set("typeface", family)
                prev.addnext(el)
                prev = el
