"""Test-wide setup: prepared data and user lists go to folders of this run, so the tests
exercise the from-scratch cache build and never touch a person's own folders."""

from __future__ import annotations

import os
import tempfile

_RUN = tempfile.mkdtemp(prefix="pilot-atlas-tests-")
os.environ.setdefault("PILOT_ATLAS_CACHE", os.path.join(_RUN, "cache"))
os.environ.setdefault("PILOT_ATLAS_DATA", os.path.join(_RUN, "data"))
