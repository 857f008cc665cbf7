"""Presenting on a projector: clicker keys and a map sized from the viewport.

A tiny component puts one script into the app's page (the parent document) once. It
- steps with the keys clickers send: →, PageDown, space forward; ←, PageUp, shift+space
  back; F toggles fullscreen; Esc leaves the presentation. It listens on the page and
  inside the map's frame, so the keys work wherever the focus is, and it presses the
  real step buttons, so the URL follows as with a click;
- sizes the map's frame to the rest of the viewport below it (the map inside fills its
  frame and refits, see `dashboard/map/fill.py`).
It does nothing on a page without the presenting buttons.
"""

from __future__ import annotations

import json

from dashboard.settings import PRESENT_RESERVE_PX

PAGE_SCRIPT = """
(function () {
  if (window.atlasPresenting) return;
  window.atlasPresenting = true;
  var MAP = 'iframe[title="streamlit_folium.st_folium"]';
  function presenting() { return document.querySelector(".st-key-present_next"); }
  function press(key) {
    var b = document.querySelector(".st-key-" + key + ' button[data-testid^="stBaseButton"]');
    if (b && !b.disabled) b.click();
  }
  function fullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen)
      document.documentElement.requestFullscreen().catch(function () {});
  }
  function onKey(e) {
    if (!presenting() || e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target, tag = t && t.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" ||
        (t && t.isContentEditable)) return;
    var k = e.key, act = null;
    if (k === "ArrowRight" || k === "PageDown" || (k === " " && !e.shiftKey)) act = "present_next";
    else if (k === "ArrowLeft" || k === "PageUp" || (k === " " && e.shiftKey)) act = "present_prev";
    else if (k === "f" || k === "F") act = "fullscreen";
    else if (k === "Escape" && !document.fullscreenElement) act = "present_exit";
    if (!act) return;
    e.preventDefault();
    e.stopPropagation();
    if (act === "fullscreen") fullscreen(); else press(act);
  }
  function fit() {
    if (!presenting()) return;
    var f = document.querySelector(MAP);
    if (!f) return;
    var top = f.getBoundingClientRect().top + window.scrollY;
    var h = Math.max(220, Math.floor(window.innerHeight - top - %(reserve)d));
    if (f.style.height !== h + "px") f.style.setProperty("height", h + "px", "important");
  }
  function hook() {
    document.querySelectorAll("iframe").forEach(function (f) {
      try {
        var d = f.contentDocument;
        if (d && !d.atlasKeys) { d.atlasKeys = true; d.addEventListener("keydown", onKey, true); }
      } catch (err) { /* a frame from elsewhere: not ours */ }
    });
    fit();
  }
  document.addEventListener("keydown", onKey, true);
  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest(".st-key-present_fullscreen")) fullscreen();
  }, true);
  window.addEventListener("resize", fit);
  setInterval(hook, 250);
  hook();
})();
"""

# Pixels kept free below the map (the frame's margin), so nothing scrolls.
RESERVE_PX = PRESENT_RESERVE_PX


def page_script() -> str:
    return PAGE_SCRIPT % {"reserve": RESERVE_PX}


def install() -> None:
    """Put the presenting script into the app's page (once per page; idempotent)."""
    import streamlit.components.v1 as components

    code = json.dumps(page_script())
    components.html(
        "<script>(function(){var d=window.parent.document;"
        "if(d.getElementById('atlas-presenting'))return;"
        "var s=d.createElement('script');s.id='atlas-presenting';"
        f"s.textContent={code};d.head.appendChild(s);}})();</script>",
        height=0,
    )
