"""The escapers for user and data text: one for Markdown (st.markdown, st.info …,
which also render KaTeX between `$`, emoji and colour directives between `:`), one for
HTML that folium may pass through Jinja again (tooltips, legends, layer names), and one
for the text of the SVG, PDF and PPTX exports (XML, which refuses control characters)."""

from __future__ import annotations

import html as _html
import re

# Every ASCII punctuation character Markdown (CommonMark + GFM + Streamlit's math and
# directives) gives a meaning to; a backslash makes each literal.
MD_SPECIAL = "\\`*_[]()<>#|!~${}:+-.=\"'&^%@"


def md(value: object) -> str:
    """Plain text for Markdown: never emphasis, links, images, HTML, math or directives."""
    text = "" if value is None else str(value)
    return "".join("\\" + ch if ch in MD_SPECIAL else ch for ch in text)


def html_text(value: object) -> str:
    """Text for HTML that may be rendered by Jinja again: `<>&"'` escaped, braces as
    character references (`{{ 7*7 }}` stays text), underscores too (streamlit-folium
    rewrites `_<id>` in the script it sends)."""
    text = _html.escape("" if value is None else str(value))
    return text.replace("{", "&#123;").replace("}", "&#125;").replace("_", "&#95;")


# What XML 1.0 refuses, or a drawing shows as a box: C0 controls but tab and line breaks,
# DEL and C1 controls, lone surrogates, U+FFFE/U+FFFF.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def printable(value: object) -> str:
    """Text for an export's SVG, PDF or PPTX (`?q=安平%01` made the SVG invalid XML)."""
    return _UNPRINTABLE.sub("", "" if value is None else str(value))
