"""Names and quotations, told apart from the app's own words on a page.

What the app says is in the page's language. A name (a unit, a document number, a product)
or a quotation of a published text keeps its own language and is marked with it: an
element with `lang` (`<span lang="zh-CN">` on an English page), a quotation as `<q>` with
a label "as published" / "原文" in the page's language. Screen readers and fonts follow
the mark, and the language walk (tests/browser/test_language_browser.py) accepts text of
the other language there and nowhere else.

Every function returns Markdown with inline HTML for `st.markdown(unsafe_allow_html=True)`
(or `as_html=True` for HTML, e.g. the map's attribution); the text itself is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from html import escape

from dashboard.escape import html_text, md
from dashboard.i18n import t
from geodata.basics.proper_names import LATIN_NAMES, cjk_names

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]")
_LATIN = re.compile(r"[A-Za-z]")
# the `lang` a text of each script is marked with
ZH, EN = "zh-CN", "en"
# Table columns (their header keys) whose cells are names or quotations as published:
# a data grid cannot mark a cell, so its header stands for every cell below it.
NAME_HEADER_KEYS = (
    "f_name_simplified", "f_name_published", "f_unit_name", "f_name_en", "f_document",
    "lists_col_input", "lists_col_unit", "lists_col_renamed", "lists_col_merged",
    "lists_col_candidates", "lists_col_name", "lists_col_provenance", "lr_col_place",
)


def text_lang(text: str) -> str:
    """The language a name is written in, by its script: Chinese when it holds a
    Chinese character, English when it holds a Latin letter (pinyin, a product's name),
    else none (digits and signs read the same in either)."""
    return ZH if _CJK.search(text) else EN if _LATIN.search(text) else ""


def _escape(text: str, as_html: bool) -> str:
    return html_text(text) if as_html else md(text)


def name(text: object, page_lang: str, *, as_html: bool = False) -> str:
    """A name from the data (a unit, a document, a source's title), marked with its own
    language when that is not the page's."""
    value = "" if text is None else str(text)
    body = _escape(value, as_html)
    if text_lang(value).split("-")[0] in ("", page_lang):
        return body
    return f'<span lang="{text_lang(value)}">{body}</span>'


def quote(text: object, page_lang: str) -> str:
    """A quotation of a published text, as published: marked as a quotation with its
    language, and labelled "as published" in the page's language."""
    value = "" if text is None else str(text)
    label = md(t("as_published", page_lang))
    return (f'<span class="quote-label">{label}</span> '
            f'<q class="quote" lang="{text_lang(value) or page_lang}">{md(value)}</q>')


def page_lang(lang: str) -> str:
    """The page's own `lang`, set by a script (dashboard/static/atlas/page_lang.js):
    for `st.html(..., unsafe_allow_javascript=True)`, which runs it in the page itself."""
    import streamlit as st

    from dashboard.map import offline

    url = offline.atlas_url("page_lang.js", str(st.get_option("server.baseUrlPath") or ""))
    code = ZH if lang == "zh" else EN
    return f'<script src="{escape(url)}" data-lang="{code}"></script>'


@cache
def _declared(page_lang: str) -> re.Pattern[str] | None:
    """The declared names a sentence of the app may carry in the other script."""
    names: Iterable[str] = LATIN_NAMES if page_lang == "zh" else cjk_names()
    names = sorted(names, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names)) if names else None


def sentence(text: str, page_lang: str, *, as_html: bool = False) -> str:
    """One of the app's sentences (its words in the page's language) with the declared
    names it cites marked (geodata.basics.proper_names, the notices' numbers)."""
    found = _declared(page_lang)
    if found is None:
        return _escape(text, as_html)
    out, at = [], 0
    for m in found.finditer(text):
        out.append(_escape(text[at:m.start()], as_html))
        out.append(name(m.group(0), page_lang, as_html=as_html))
        at = m.end()
    out.append(_escape(text[at:], as_html))
    return "".join(out)


def names_in(values: Iterable[object], page_lang: str, sep: str) -> str:
    """Several names, each marked, joined by `sep` (the app's own separator)."""
    return md(sep).join(name(v, page_lang) for v in values)
