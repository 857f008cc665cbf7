"""The README's images, made from the code: `python -m bench.docs`.

- docs/screenshot.png: presenting the first batch at 1920×1080 (the app in Chromium)
- docs/present.png: the projector view at 1280×720, step 2014–2015
- docs/deck-slide.png: the deck's 2014–2015 slide as LibreOffice Impress renders it,
  1280×720

docs/images.json records a digest of the code that draws them (`SOURCES`) and of each
image; tests/dashboard/test_docs_images.py fails when that code has changed since the
images were made, or an image is not the one recorded. Needs Chromium and LibreOffice
(scripts/install-test-tools.sh). Prints one JSON line."""

from __future__ import annotations

import hashlib
import io
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MANIFEST = DOCS / "images.json"
# the code that draws what the images show: the map, the presenting page, the slide and
# the deck, their texts, the boundary layers and the projection
SOURCES = (
    "dashboard/map/*.py", "dashboard/static/atlas/*.js", "dashboard/export/slide*.py",
    "dashboard/export/draw.py", "dashboard/export/deck*.py", "dashboard/export/text_fit.py",
    "dashboard/export/facts.py", "dashboard/export/build.py",
    "dashboard/views/present.py", "dashboard/presenting.py", "dashboard/frame_fit.py",
    "dashboard/settings.py",
    "dashboard/i18n/catalogue.toml", "geodata/boundaries/layers.py",
    "geodata/boundaries/projection.py",
    "bench/docs.py",
)
APP_SHOTS = {  # image: (query, viewport)
    "screenshot.png": ("mode=present&step=1", (1920, 1080)),
    "present.png": ("mode=present&step=2", (1280, 720)),
}
DECK_SHOT = "deck-slide.png"
DECK_VIEW = {"compare": "浙江省,湖南省"}
DECK_PAGE = 2  # title, 2014, 2014–2015: the third page


def code_digest() -> str:
    """One digest of every file in SOURCES (path and bytes), in path order."""
    h = hashlib.sha256()
    files = sorted({p for pattern in SOURCES for p in ROOT.glob(pattern) if p.is_file()})
    for path in files:
        h.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def image_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _app_shots() -> None:
    from playwright.sync_api import sync_playwright

    from bench.app_server import start_app, stop_app
    from bench.browser import CHROMIUM, CHROMIUM_ARGS, MAP_FRAME, OfflinePage, wait_for_map

    proc, url = start_app()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                for name, (query, (w, h)) in APP_SHOTS.items():
                    p = OfflinePage(browser, width=w, height=h)
                    try:
                        p.page.goto(f"{url}/?{query}")
                        wait_for_map(p.page, min_features=20)
                        frame = p.page.frame_locator(MAP_FRAME).first
                        frame.locator("path.atlas-scs-line").nth(9).wait_for(
                            state="attached", timeout=30_000)
                        time.sleep(2.0)  # the frame sized, the map refitted, names placed
                        p.page.screenshot(path=str(DOCS / name))
                        if p.outside:
                            raise RuntimeError(f"requests left the machine: {p.outside[:3]}")
                    finally:
                        p.close()
            finally:
                browser.close()
    finally:
        stop_app(proc)


def _deck_shot() -> None:
    from datetime import date

    from bench.office import deck_pdf, page_images
    from dashboard.export.deck import render_deck
    from dashboard.state import from_query
    from geodata.registry.pilots import resolved_registry

    frame = resolved_registry(simplified=True)
    pptx = render_deck(frame, from_query(DECK_VIEW), made_on=date.today())
    page = page_images(deck_pdf(pptx), width=1280)[DECK_PAGE]
    buf = io.BytesIO()
    page.convert("RGB").save(buf, format="PNG", optimize=True)
    (DOCS / DECK_SHOT).write_bytes(buf.getvalue())


def main() -> None:
    t0 = time.perf_counter()
    DOCS.mkdir(exist_ok=True)
    _app_shots()
    _deck_shot()
    names = [*APP_SHOTS, DECK_SHOT]
    manifest = {"code": code_digest(),
                "images": {n: image_digest(DOCS / n) for n in names}}
    MANIFEST.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps({"bench": "docs", "images": names,
                      "seconds": round(time.perf_counter() - t0, 1)}))


if __name__ == "__main__":
    main()
