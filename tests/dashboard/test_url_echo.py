"""What a link holds that the app does not know is named on the page, cut short: a
100,000-character value is one line, not a warning 21,000 px tall (issue 20)."""

from __future__ import annotations

from tests.dashboard.apptest import run_app


def test_a_long_unknown_value_is_echoed_cut_with_its_length() -> None:
    # ASCII: AppTest drops a query string past 512 K characters, percent-encoded
    at = run_app(province="x" * 100_000)
    (warning,) = at.warning
    text = warning.value.replace("\\", "")  # Markdown escapes
    assert len(text) < 100
    assert "province=" + "x" * 31 in text and "x" * 32 not in text
    assert "100,009" in text  # the length of what was cut: province= and the value


def test_many_unknown_values_are_counted_past_the_first_few() -> None:
    at = run_app(batch="7,8,9,10,11,12,13", lang="en")
    (warning,) = at.warning
    text = warning.value.replace("\\", "")
    assert "batch=7" in text and "batch=11" in text and "batch=12" not in text
    assert "and 2 more" in text
