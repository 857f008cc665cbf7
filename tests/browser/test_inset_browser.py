"""The 南海诸岛 inset in a real Chromium: only on national views, its caption on one line
inside the frame at 1024×768, 1280×720 and 1920×1080."""

from __future__ import annotations

import pytest

from bench.browser import ARTIFACTS, MAP_FRAME, OfflinePage, wait_for_map

pytestmark = pytest.mark.browser

# label on one line (no taller than one line box) and wholly inside the frame
CAPTION = """() => {
  const box = document.querySelector('.atlas-inset');
  const label = box.querySelector('.atlas-inset-label');
  const b = box.getBoundingClientRect(), l = label.getBoundingClientRect();
  const line = parseFloat(getComputedStyle(label).fontSize) * 1.3;
  return {text: label.textContent, oneLine: l.height <= line + 1,
          inside: l.left >= b.left && l.right <= b.right && l.bottom <= b.bottom};
}"""


def test_a_province_map_has_no_inset(app_url: str, offline_page: OfflinePage) -> None:
    page = offline_page.page
    page.goto(f"{app_url}/?province=新疆维吾尔自治区")
    wait_for_map(page)
    frame = page.frame_locator(MAP_FRAME).first
    # the inset is added (and hidden at once) after the main map has drawn
    frame.locator(".atlas-inset").wait_for(state="attached", timeout=20_000)
    page.wait_for_timeout(500)
    assert not frame.locator(".atlas-inset").is_visible()
    offline_page.shot("browser-xinjiang-no-inset")


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080)])
def test_the_english_caption_is_one_line_inside_the_frame(
    app_url: str, offline_page: OfflinePage, size: tuple[int, int]
) -> None:
    page = offline_page.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{app_url}/?lang=en")
    wait_for_map(page)
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator(".atlas-inset").wait_for(state="visible", timeout=20_000)
    handle = page.locator(MAP_FRAME).first.element_handle()
    assert handle is not None
    inner = handle.content_frame()
    assert inner is not None
    got = inner.evaluate(CAPTION)
    assert got == {"text": "South China Sea Islands", "oneLine": True, "inside": True}
    ARTIFACTS.mkdir(exist_ok=True)
    frame.locator(".atlas-inset").screenshot(
        path=str(ARTIFACTS / f"browser-inset-caption-{size[0]}.png"))
