"""Ten people click 演示文稿 PPTX at once while twenty others keep opening maps, against a
live `streamlit run` (issue 20: with Streamlit's media files 2–3 of 10 downloads failed,
HTTP 404). Prints JSON.

    .venv/bin/python -m bench.export_load        (needs /usr/bin/chromium)

Ten Chromium pages on the meeting's link (the national view) click the deck link together;
twenty sessions over the websocket protocol keep opening maps of five views throughout,
each a second after its last map. Goal: 10/10 decks arrive whole
(a .pptx that opens), every map session answered, the server's RSS < 600 MB."""

from __future__ import annotations

import asyncio
import io
import json
import os
import time
import zipfile
from typing import Any

from bench.app_server import rss_mb, start_app, stop_app
from bench.st_session import Session

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
VIEW = ""  # the meeting's link
MAP_QUERIES = ("", "province=河北省", "batch=2", "province=四川省", "mode=tallies")
EXPORTERS = 10
MAP_SESSIONS = 20


async def _map_sessions(url: str, stop: asyncio.Event, out: dict[str, Any], n: int) -> None:
    async def one(i: int) -> None:
        while not stop.is_set():
            t0 = time.perf_counter()
            try:
                async with Session(url, MAP_QUERIES[i % len(MAP_QUERIES)]) as s:
                    r = await s.run(timeout=90)
                if r.map_at is None and "tallies" not in MAP_QUERIES[i % len(MAP_QUERIES)]:
                    out["failed"] += 1
                else:
                    out["runs"] += 1
                    out["times"].append(time.perf_counter() - t0)
            except Exception:
                out["failed"] += 1
            await asyncio.sleep(1.0)

    await asyncio.gather(*(one(i) for i in range(n)))


async def _rss(pid: int, stop: asyncio.Event, samples: list[float]) -> None:
    while not stop.is_set():
        samples.append(rss_mb(pid))
        await asyncio.sleep(0.5)


async def _exports(url: str) -> list[dict[str, Any]]:
    from playwright.async_api import async_playwright

    from dashboard.i18n import t

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pages = []
        for _ in range(EXPORTERS):
            ctx = await browser.new_context(viewport={"width": 1280, "height": 900},
                                            accept_downloads=True)
            pages.append(await ctx.new_page())
        views = [VIEW] * EXPORTERS

        async def open_page(page: Any, view: str) -> Any:
            page.set_default_timeout(180_000)  # ten pages loading beside twenty sessions
            await page.goto(f"{url}/?{view}" if view else url + "/",
                            wait_until="domcontentloaded")
            lang = "en" if "lang=en" in view else "zh"
            link = page.get_by_role("link", name=t("download_pptx", lang))
            await link.first.wait_for(timeout=180_000)
            return link.first

        links = await asyncio.gather(*(open_page(p, v) for p, v in zip(pages, views,
                                                                         strict=True)))

        async def click(page: Any, link: Any, view: str) -> dict[str, Any]:
            t0 = time.perf_counter()
            try:
                async with page.expect_download(timeout=300_000) as info:
                    await link.click()
                dl = await info.value
                failure = await dl.failure()
                body = open(await dl.path(), "rb").read() if failure is None else b""  # noqa: SIM115
                whole = False
                if body:
                    with zipfile.ZipFile(io.BytesIO(body)) as z:
                        whole = "ppt/presentation.xml" in z.namelist()
                return {"view": view, "ok": failure is None and whole, "bytes": len(body),
                        "failure": failure, "s": round(time.perf_counter() - t0, 2)}
            except Exception as exc:
                return {"view": view, "ok": False, "error": str(exc).splitlines()[0][:160]}

        got = await asyncio.gather(*(click(p, ln, v) for p, ln, v in zip(pages, links, views,
                                                                           strict=True)))
        await browser.close()
        return list(got)


async def _run(url: str, pid: int) -> dict[str, Any]:
    stop = asyncio.Event()
    maps: dict[str, Any] = {"runs": 0, "failed": 0, "times": []}
    rss: list[float] = []
    background = [asyncio.create_task(_map_sessions(url, stop, maps, MAP_SESSIONS)),
                  asyncio.create_task(_rss(pid, stop, rss))]
    await asyncio.sleep(5)  # the map sessions under way
    downloads = await _exports(url)
    await asyncio.sleep(2)
    stop.set()
    await asyncio.gather(*background)
    return {"downloads": downloads, "maps": maps, "rss": rss}


def main() -> dict[str, Any]:
    proc, url = start_app()
    try:
        async def warm() -> None:
            async with Session(url) as s:
                await s.run(timeout=120)

        asyncio.run(warm())
        got = asyncio.run(_run(url, proc.pid))
        alive = proc.poll() is None
    finally:
        stop_app(proc)
    ok = sum(1 for d in got["downloads"] if d["ok"])
    times = sorted(got["maps"]["times"])
    return {
        "bench": "export_load",
        "load_average_before": round(os.getloadavg()[0], 2),
        "exports_ok": f"{ok}/{EXPORTERS}",
        "downloads": got["downloads"],
        "map_sessions": {"sessions": MAP_SESSIONS, "runs": got["maps"]["runs"],
                         "failed": got["maps"]["failed"],
                         "p95_s": round(times[int(0.95 * (len(times) - 1))], 2) if times else None},
        "server_alive": alive,
        "server_rss_mb_max": round(max(got["rss"] or [0])),
        "goals": {"exports_ok": f"{EXPORTERS}/{EXPORTERS}", "rss_mb": 600},
    }


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False, indent=2))
