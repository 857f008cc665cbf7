"""The served app: `streamlit run dashboard/serve.py`.

The page is `dashboard/app.py` as always; this wraps it in Streamlit's ASGI `App` only to
add what Streamlit's own routes lack: browser caching of the files it serves from
`dashboard/static/` (Leaflet's JS/CSS; see `static_cache.py`), the shared map's code
served as cached files instead of inside every session's websocket message
(`dashboard/map/code.py`), and the meeting exports from a route of their own, so a file
cannot vanish before the browser fetches it (`dashboard/export/served.py`)."""

import sys
from pathlib import Path

# as in app.py: `streamlit run` puts dashboard/ itself on sys.path, not the package
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(1, _ROOT)

from starlette.middleware import Middleware  # noqa: E402
from starlette.routing import Route  # noqa: E402
from streamlit.starlette import App  # noqa: E402

from dashboard.export import served  # noqa: E402
from dashboard.map import code as map_code  # noqa: E402
from dashboard.map import offline  # noqa: E402
from dashboard.static_cache import StaticCache  # noqa: E402
from geodata import prepare  # noqa: E402

offline.ensure_leaflet()  # in place before the first page asks for it
# the prepared data built by a child that exits: the build's memory never joins the server
prepare.ensure()
map_code.ENABLED = True  # the shared map's code is served as files (map/code.py)
served.ENABLED = True  # the meeting exports too (export/served.py)
app = App(
    "app.py",
    routes=[Route(map_code.ROUTE + "{name}", map_code.endpoint, methods=["GET"]),
            Route(served.ROUTE + "{kind}/{name}", served.endpoint, methods=["GET"])],
    middleware=[Middleware(StaticCache)],
)
