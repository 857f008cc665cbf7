"""Pilot Atlas dashboard, one page run per session. Served by `streamlit run dashboard/serve.py`
(from the repo root; `streamlit run dashboard/app.py` also works, without browser caching
of the static files)."""

import sys
from pathlib import Path

# `streamlit run` puts dashboard/ itself on sys.path; the package lives one level up
# (also importable when the project is installed, which makes this a no-op).
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(1, _ROOT)

from dashboard.main import run  # noqa: E402

run()
