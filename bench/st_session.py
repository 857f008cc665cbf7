"""A Streamlit session without a browser: a websocket client that speaks the app's own
protocol (the protobuf BackMsg/ForwardMsg messages Streamlit ships), so a benchmark can
open dozens of real sessions against one `streamlit run` at once. Loopback only.

Only public message classes are used (`streamlit.proto`): a run is asked for with
`rerun_script`, widgets are set by `widget_states`, and what the page shows arrives as
`delta` messages until `script_finished`."""

from __future__ import annotations

import asyncio
import gzip
import json
import time
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FOLIUM = "st_folium"
MAP_CODE = "/map-code/"  # the map's code as files (dashboard/map/code.py)


def _fetch(url: str) -> int:
    """GET as a browser with an empty cache would (gzip); the decoded size."""
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req, timeout=120) as r:
        body = r.read()
        if r.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
    return len(body)


@dataclass
class Run:
    """What one script run sent: elements by kind, the raw bytes, timings."""

    started: float
    # seconds from `started` to the map: its component message and, when the map's code
    # comes as files, those files fetched (as the component's page fetches them)
    map_at: float | None = None
    map_files_bytes: int = 0
    finished_at: float | None = None
    elements: list[tuple[str, object]] = field(default_factory=list)
    raw: bytearray = field(default_factory=bytearray)
    exceptions: list[str] = field(default_factory=list)

    def texts(self) -> list[str]:
        """Markdown/heading/alert bodies and metric labels and values, in order."""
        out = []
        for kind, el in self.elements:
            for attr in ("body", "label", "body"):
                v = getattr(el, attr, None)
                if isinstance(v, str) and v:
                    out.append(v)
                    break
            if kind == "metric":
                out.append(str(getattr(el, "body", "")))
        return out

    def widget_id(self, key: str) -> str | None:
        """The id Streamlit gave the widget created with `key=key`."""
        for _, el in self.elements:
            wid = getattr(el, "id", "")
            if isinstance(wid, str) and wid.endswith(f"-{key}"):
                return wid
        return None


class Session:
    def __init__(self, base_url: str, query: str = "") -> None:
        u = urlparse(base_url)
        self.ws_url = f"ws://{u.netloc}/_stcore/stream"
        self.origin = f"{u.scheme}://{u.netloc}"
        self.query = query
        self.ws: websockets.ClientConnection | None = None
        self.base_url = base_url.rstrip("/")

    async def __aenter__(self) -> Session:
        self.ws = await websockets.connect(
            self.ws_url,
            subprotocols=[websockets.Subprotocol("streamlit")],
            origin=websockets.Origin(self.origin),
            max_size=64 * 1024 * 1024,
            open_timeout=30,
            compression="deflate",
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def run(self, widgets: list[object] | None = None, *, timeout: float = 60) -> Run:
        """Ask for a script run (with these widget states) and collect it to the end."""
        assert self.ws is not None
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        if widgets:
            msg.rerun_script.widget_states.widgets.extend(widgets)  # type: ignore[arg-type]  # WidgetState messages
        run = Run(time.perf_counter())
        fetching: asyncio.Task[None] | None = None
        await self.ws.send(msg.SerializeToString())
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the script run did not finish")
            data = await asyncio.wait_for(self.ws.recv(), left)
            assert isinstance(data, bytes)
            fm = ForwardMsg()
            fm.ParseFromString(data)
            kind = fm.WhichOneof("type")
            if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                el = fm.delta.new_element
                ek = el.WhichOneof("type") or ""
                body = getattr(el, ek)
                run.elements.append((ek, body))
                run.raw += data
                if ek == "exception":
                    run.exceptions.append(f"{body.type}: {body.message}")
                if (ek == "component_instance" and FOLIUM in body.component_name
                        and run.map_at is None and fetching is None):
                    links = [u for u in json.loads(body.json_args).get("js_links") or []
                             if MAP_CODE in u]
                    if links:
                        fetching = asyncio.create_task(self._files(run, links))
                    else:
                        run.map_at = time.perf_counter() - run.started
            elif kind == "script_finished":
                run.finished_at = time.perf_counter() - run.started
                if fetching is not None:
                    await fetching
                return run

    async def _files(self, run: Run, links: list[str]) -> None:
        sizes = await asyncio.gather(*(asyncio.to_thread(_fetch, self.base_url + u)
                                       for u in links))
        run.map_files_bytes = sum(sizes)
        run.map_at = time.perf_counter() - run.started


def text_state(widget_id: str, value: str) -> object:
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    w = WidgetState(id=widget_id)
    w.string_value = value
    return w


def trigger_state(widget_id: str) -> object:
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    w = WidgetState(id=widget_id)
    w.trigger_value = True
    return w
