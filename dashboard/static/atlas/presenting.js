// Presenting on a projector (dashboard/presenting.py), run once in the app's page:
// - steps with the keys clickers send: →, PageDown, space forward; ←, PageUp, shift+space
//   back; F toggles fullscreen; Esc leaves the presentation. It listens on the page and
//   inside the map's frame, so the keys work wherever the focus is, and it presses the
//   real step buttons, so the URL follows as with a click;
// - sizes the map's frame to the rest of the viewport below it (the map inside fills its
//   frame and refits, see fill.js).
// It does nothing on a page without the presenting buttons. Its one setting, the pixels
// kept free below the map, comes from its script tag (data-reserve).
(() => {
  if (window.atlasPresenting) return;
  window.atlasPresenting = true;
  const RESERVE = Number(document.currentScript?.dataset.reserve || 0);
  const MAP = 'iframe[title="streamlit_folium.st_folium"]';
  const presenting = () => document.querySelector(".st-key-present_next");
  function press(key) {
    const b = document.querySelector(`.st-key-${key} button[data-testid^="stBaseButton"]`);
    if (b && !b.disabled) b.click();
  }
  function fullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen)
      document.documentElement.requestFullscreen().catch(() => {});
  }
  function onKey(e) {
    if (!presenting() || e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target;
    const tag = t?.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || t?.isContentEditable) return;
    const k = e.key;
    let act = null;
    if (k === "ArrowRight" || k === "PageDown" || (k === " " && !e.shiftKey)) act = "present_next";
    else if (k === "ArrowLeft" || k === "PageUp" || (k === " " && e.shiftKey)) act = "present_prev";
    else if (k === "f" || k === "F") act = "fullscreen";
    else if (k === "Escape" && !document.fullscreenElement) act = "present_exit";
    if (!act) return;
    e.preventDefault();
    e.stopPropagation();
    if (act === "fullscreen") fullscreen();
    else press(act);
  }
  // the box that scrolls the page: Streamlit scrolls its main section, not the window
  function scroller(el) {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const y = getComputedStyle(p).overflowY;
      if ((y === "auto" || y === "scroll") && p.scrollHeight > p.clientHeight) return p;
    }
    return document.scrollingElement || document.documentElement;
  }
  // the frame's height from where its top is with the page scrolled to the top, so
  // scrolling down to the notes and exports never changes it
  function fit() {
    if (!presenting()) return;
    const f = document.querySelector(MAP);
    if (!f) return;
    const top = f.getBoundingClientRect().top + scroller(f).scrollTop;
    const h = Math.max(220, Math.floor(window.innerHeight - top - RESERVE));
    if (f.style.height !== `${h}px`) f.style.setProperty("height", `${h}px`, "important");
  }
  function hook() {
    for (const f of document.querySelectorAll("iframe")) {
      try {
        const d = f.contentDocument;
        if (d && !d.atlasKeys) {
          d.atlasKeys = true;
          d.addEventListener("keydown", onKey, true);
        }
      } catch (_err) {
        // a frame from elsewhere: not ours
      }
    }
    fit();
  }
  document.addEventListener("keydown", onKey, true);
  document.addEventListener(
    "click",
    (e) => {
      if (e.target.closest?.(".st-key-present_fullscreen")) fullscreen();
    },
    true,
  );
  window.addEventListener("resize", fit);
  setInterval(hook, 250);
  hook();
})();
