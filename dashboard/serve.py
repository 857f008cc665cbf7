"""The served app: `streamlit run dashboard/serve.py`.

The page is `dashboard/app.py` as always; this wraps it in Streamlit's ASGI `App` only to
add what Streamlit's own static route lacks: browser caching of the files it serves from
`dashboard/static/` (Leaflet's JS/CSS; see `static_cache.py`)."""

import sys
from pathlib import Path

# as in app.py: `streamlit run` puts dashboard/ itself on sys.path, not the package
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(1, _ROOT)

from starlette.middleware import Middleware  # noqa: E402
from streamlit.starlette import App  # noqa: E402

from dashboard import offline  # noqa: E402
from dashboard.static_cache import StaticCache  # noqa: E402

offline.ensure_leaflet()  # in place before the first page asks for it
app = App("app.py", middleware=[Middleware(StaticCache)])
