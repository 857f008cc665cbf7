"""Test-wide setup: prepared data and user lists go to folders of this run, so the tests
exercise the from-scratch cache build and never touch a person's own folders.

Property tests run the `ci` Hypothesis profile (200 examples each, enough to find the
shapes that break a reader); `HYPOTHESIS_PROFILE=long` runs 10,000 each for a deep search.
Workers started by pytest-xdist inherit the run's folder: they share its prepared cache
(written atomically) but each has a list store of its own, as each test expects."""

from __future__ import annotations

import os
import tempfile

from hypothesis import HealthCheck, settings

_RUN = os.environ.setdefault("PILOT_ATLAS_TEST_RUN", tempfile.mkdtemp(prefix="pilot-atlas-tests-"))
os.environ.setdefault("PILOT_ATLAS_CACHE", os.path.join(_RUN, "cache"))
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
os.environ["PILOT_ATLAS_DATA"] = os.path.join(_RUN, f"data-{_WORKER}")
# A UI text key missing from dashboard/i18n/catalogue.toml raises instead of showing itself.
os.environ.setdefault("PILOT_ATLAS_STRICT_I18N", "1")

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "long", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
