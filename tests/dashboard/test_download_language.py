"""Every download in each language speaks that language (issue 19, "Language leaks"): the
CSV, every sheet of the XLSX, the .dta's labels, the .gpkg's layers, the deck's text,
the slide's SVG and PDF text and the research table. Names and quotations as published
are exempt where the file says so (a column documented as names, geodata.exports.schema), and
nowhere else; tests/language.py holds the rule."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from dashboard.export import downloads
from dashboard.export.build import slide_bytes
from dashboard.export.deck import render_deck
from dashboard.i18n import t
from dashboard.state import ViewState, from_query
from dashboard.view_data import view_data
from geodata.basics.notes import decode
from geodata.exports.schema import DOCS, doc_for
from tests.language import leaks

LANGS = ("zh", "en")


def _view(lang: str, **more: str) -> ViewState:
    return from_query({"lang": lang, "status": "official,reported,unconfirmed", **more})


def _pilots(lang: str) -> pd.DataFrame:
    return view_data(_view(lang)).rows


def _by_column(columns: Sequence[str], rows: Sequence[Sequence[object]]
               ) -> Iterator[tuple[str, str, Mapping[str, str]]]:
    """(column, cell text, the row by column) of a table's body."""
    for row in rows:
        record = {c: str(v or "") for c, v in zip(columns, row, strict=False)}
        for c, v in record.items():
            if v:
                yield c, v, record


@cache
def _raw_notes() -> dict[str, str]:
    frame = view_data(ViewState()).frame
    return dict(zip(frame["pilot_id"], frame["note"], strict=True))


def _note_names(pilot_id: str) -> list[str]:
    """The parameters (names, sources) a row's notes were rendered with, longest first."""
    values: list[str] = []
    for n in decode(str(_raw_notes().get(pilot_id) or "")):
        for _, v in n.params:
            values += list(v) if isinstance(v, tuple) else [v]
    return sorted(values, key=len, reverse=True)


def table_leaks(columns: Sequence[str], head: Sequence[object],
                rows: Sequence[Sequence[object]], lang: str) -> list[str]:
    """Leaks in a table whose columns are `columns` (codes): its header is the app's
    words; a cell is checked by what its column holds (geodata.exports.schema.ColumnDoc.content):
    names and codes are as they are, a note's words are checked with the row's own names
    taken out (the names its notes were rendered with: geodata.notes)."""
    found = leaks([str(h) for h in head], lang)
    for c, v, record in _by_column(columns, rows):
        content = doc_for(c).content
        if content in ("names", "codes"):
            continue
        if content == "words+names":
            for n in _note_names(record.get("pilot_id") or record.get("编号") or ""):
                v = v.replace(n, " ")
        found += [f"{c}: {x}" for x in leaks([v], lang)]
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_csv_speaks_the_language(lang: str) -> None:
    text = downloads.csv_bytes(_pilots(lang), lang).decode("utf-8-sig")
    head, *rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) > 100
    assert table_leaks(downloads.COLUMNS, head, rows, lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_xlsx_sheet_speaks_the_language(lang: str) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(downloads.xlsx(_pilots(lang), lang, t("app_title", lang))))
    table, doc = book.worksheets
    head, *rows = [list(r) for r in table.iter_rows(values_only=True)]
    found = table_leaks(downloads.COLUMNS, head, rows, lang)
    # the documentation sheet: every cell is the app's words, but the codes it documents
    codes = set(DOCS) | {k for d in DOCS.values() for k in d.values}
    code = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, codes)) + r")(?![\w-])")
    sheet = [[str(v) for v in row if v] for row in doc.iter_rows(values_only=True)]
    first = next(i for i, row in enumerate(sheet) if len(row) >= 3) + 1  # the head row
    for i, row in enumerate(sheet):
        documented = first <= i < first + len(downloads.COLUMNS)
        found += leaks([code.sub(" ", v) if documented else v for v in row], lang)
    assert found == []


@pytest.mark.parametrize("lang", LANGS)
def test_dta_labels_speak_the_language(lang: str, tmp_path: Path) -> None:
    path = tmp_path / "x.dta"
    path.write_bytes(downloads.dta(_pilots(lang), lang, t("app_title", lang)))
    with pd.io.stata.StataReader(path) as reader:
        variables, values, title = (reader.variable_labels(), reader.value_labels(),
                                    reader.data_label)
    texts = [title, *variables.values(), *(v for labels in values.values()
                                           for v in labels.values())]
    assert leaks(texts, lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_research_table_speaks_the_language(lang: str) -> None:
    from geodata.registry.research import COLUMNS

    text = downloads.research_csv(view_data(_view(lang))).decode("utf-8-sig")
    head, *rows = list(csv.reader(io.StringIO(text)))
    assert table_leaks(COLUMNS, head, rows, lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_gpkg_speaks_the_language(lang: str, tmp_path: Path) -> None:
    path = tmp_path / "x.gpkg"
    path.write_bytes(downloads.full_gpkg(view_data(_view(lang))))
    with sqlite3.connect(path) as db:
        about = db.execute("select identifier, description from gpkg_contents").fetchall()
        cols = [r[1] for r in db.execute("pragma table_info(pilots)")]
        rows = db.execute("select * from pilots").fetchall()
    found = leaks([str(v) for r in about for v in r], lang)
    # the columns keep their codes (documented in the XLSX and the README), the values
    # are the file's language
    by_code = {doc_for(c).zh if lang == "zh" else c: c for c in downloads.COLUMNS}
    codes = [by_code.get(c, c) for c in cols]  # fid and geom: numbers and bytes
    found += table_leaks(codes, [], [[v if isinstance(v, str) else "" for v in r]
                                     for r in rows], lang)
    assert found == []


def _deck_texts(deck: bytes) -> list[str]:
    from pptx import Presentation

    prs = Presentation(io.BytesIO(deck))
    out = [prs.core_properties.title or "", prs.core_properties.subject or ""]
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out += [p.text for p in shape.text_frame.paragraphs]
            if shape.has_table:
                out += [c.text for r in shape.table.rows for c in r.cells]
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            out.append(slide.notes_slide.notes_text_frame.text)
    return [x for x in out + _alt_texts(deck) if x.strip()]


def _alt_texts(deck: bytes) -> list[str]:
    """Every shape's alt text (cNvPr/@descr), read from the slides' XML: python-pptx has
    no public reader for it."""
    import zipfile
    from xml.etree import ElementTree

    out = []
    with zipfile.ZipFile(io.BytesIO(deck)) as z:
        for name in z.namelist():
            if name.startswith("ppt/slides/slide") and name.endswith(".xml"):
                root = ElementTree.fromstring(z.read(name))
                out += [e.get("descr", "") for e in root.iter() if e.tag.endswith("}cNvPr")]
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", [{}, {"province": "湖南省"}, {"compare": "浙江省,湖南省"}])
def test_deck_speaks_the_language(lang: str, view: dict[str, str]) -> None:
    deck = render_deck(view_data(_view(lang, **view)))
    assert leaks(_deck_texts(deck), lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_slide_svg_and_pdf_speak_the_language(lang: str) -> None:
    import pypdfium2 as pdfium

    for view in ({}, {"province": "湖南省"}):
        v = view_data(_view(lang, **view))
        svg = ET.fromstring(slide_bytes(v, fmt="svg"))
        texts = [x.strip() for el in svg.iter() if el.tag.rsplit("}", 1)[-1] in ("text", "tspan")
                 for x in el.itertext() if x.strip()]
        pdf = pdfium.PdfDocument(slide_bytes(v, fmt="pdf"))
        texts += pdf[0].get_textpage().get_text_range().splitlines()
        assert texts
        assert leaks(texts, lang) == [], view


def test_zip_formats_read_back() -> None:
    """The readers above read what the files hold (a leak planted in the deck is found)."""
    deck = render_deck(view_data(_view("en")))
    texts = _deck_texts(deck)
    assert any("Sources" in x or "sources" in x for x in texts)
    with zipfile.ZipFile(io.BytesIO(deck)) as z:
        assert any(n.startswith("ppt/notesSlides/") for n in z.namelist())
    assert leaks([*texts, "试点"], "en") == ["试点"]
