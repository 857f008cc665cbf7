"""The one Markdown escaper and the one HTML escaper: whatever the text, it comes back
as itself, never as markup, math or a template."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Template

from dashboard.escape import MD_SPECIAL, html_text, md

HOSTILE = [
    "$x^2$", "$$\\int$$", "**bold** _it_", "[link](http://x)", "![img](x.png)",
    "<img src=x onerror=alert(1)>", "# heading", "1. one", "- item", ":red[red] :smile:",
    "`code`", "a|b|c", "~~gone~~", "{{ 7*7 }}", "&amp;", "\\$", "GB2260_v2",
]


def _unescape_md(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@settings(derandomize=True, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(MD_SPECIAL) + list("ab 中\n")), max_size=40))
def test_md_is_reversible_and_leaves_no_special_bare(text: str) -> None:
    out = md(text)
    assert _unescape_md(out) == text
    bare = re.sub(r"\\.", "", out)
    assert not any(ch in MD_SPECIAL for ch in bare)


def test_md_leaves_no_math_or_markup_bare() -> None:
    for text in HOSTILE:
        out = md(text)
        bare = re.sub(r"\\.", "", out)  # what is left once escaped characters are removed
        assert not set(bare) & set("$*_[]()<>#|`~:!{}"), (text, out)
        assert _unescape_md(out) == text


def test_html_text_survives_jinja_and_the_browser() -> None:
    for text in HOSTILE:
        once = Template("{{ x }}").render(x=html_text(text))
        twice = Template(once).render()  # folium renders scripts through Jinja again
        assert html.unescape(twice) == text
        assert "<" not in twice and "{{" not in twice
