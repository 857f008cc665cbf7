"""Test-wide setup: prepared data and user lists go to folders of this run, so the tests
exercise the from-scratch cache build and never touch a person's own folders."""

from __future__ import annotations

import os
import tempfile

_RUN = tempfile.mkdtemp(prefix="pilot-atlas-tests-")
os.environ.setdefault("PILOT_ATLAS_CACHE", os.path.join(_RUN, "cache"))
os.environ.setdefault("PILOT_ATLAS_DATA", os.path.join(_RUN, "data"))
# A UI text key missing from dashboard/i18n/catalogue.toml raises instead of showing itself.
os.environ.setdefault("PILOT_ATLAS_STRICT_I18N", "1")
