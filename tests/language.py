"""Text of the other language: the rule the language walks hold every page and every
download to (tests/browser/test_language_browser.py,
tests/dashboard/test_download_language.py).

What the app says itself is in the UI's language. Outside it stand only
- names and quotations of published text, marked as such: on a page an element with a
  `lang` other than the page's, or a quotation (<q>, <blockquote>, class "quote"); in a
  download a column whose documentation says it holds names or quotations
  (geodata.exports.schema.ColumnDoc.content);
- in Chinese text: web addresses, codes (a word with a digit or `_`: adcodes, ids,
  `b3-…`), units and format names (ALLOWED_LATIN), and Latin names declared with their language
  in one place (geodata.basics.proper_names), which a plain-text file cannot mark;
- in English text: nothing Chinese but in marked names and quotations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from geodata.basics.proper_names import LATIN_NAMES, cjk_names

# CJK ideographs (with extensions), CJK punctuation, full-width forms
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
                 r"\U00020000-\U0003134f]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_./'’-]*")
# Units, file formats and their extensions, encodings, the Latin a Chinese page writes
# as it is (the keys a clicker sends, an address's scheme).
ALLOWED_LATIN = frozenset((
    "km", "m", "mi", "KB", "MB", "GB", "px",
    "CSV", "XLSX", "XLS", "PNG", "PDF", "SVG", "PPTX", "HTML", "URL", "GeoJSON", "GeoPackage",
    "GeoParquet", "Parquet", "Stata", "dta", "gpkg", "csv", "xlsx", "txt", "json", "geojson",
    "png", "svg", "pdf", "pptx", "html", "Excel", "QGIS",
    "UTF", "UTF-8", "BOM", "GBK", "GB18030", "WGS84", "GB/T", "ID",
    "PageUp", "PageDown", "Esc", "F",
))


def _latin_word_is_code(word: str) -> bool:
    return any(ch.isdigit() or ch == "_" for ch in word)


# a web address (a name of a page): written as it is in any language
_ADDRESS = re.compile(r"https?://\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|com|cn|net)\b\S*")


def latin_leaks(text: str) -> list[str]:
    """Latin words in Chinese text that are neither codes, units, formats nor names."""
    rest = _ADDRESS.sub(" ", text)
    for name in LATIN_NAMES:  # longest first, so "Noto Sans CJK SC" goes before "SC"
        rest = rest.replace(name, " ")
    out = []
    for m in _LATIN_WORD.finditer(rest):
        word = m.group(0).strip(".'’-")
        if not word or not any(ch.isalpha() for ch in word):
            continue
        if word in ALLOWED_LATIN or _latin_word_is_code(word):
            continue
        if "." in word and all(part in ALLOWED_LATIN or part.isalnum() for part in
                               word.split(".")) and word.split(".")[-1] in ALLOWED_LATIN:
            continue  # a file name: 名单.csv, baseline.dta
        out.append(word)
    return out


def cjk_leaks(text: str) -> list[str]:
    """Chinese in English text, but the Chinese names it may cite (the notices' numbers)."""
    for name in cjk_names():
        text = text.replace(name, " ")
    return CJK.findall(text)


def leaks(texts: Iterable[str], lang: str) -> list[str]:
    """The texts (each as it was shown) that hold text of the other language."""
    found = []
    for text in texts:
        if (cjk_leaks(text) if lang == "en" else latin_leaks(text)):
            found.append(text)
    return list(dict.fromkeys(found))
