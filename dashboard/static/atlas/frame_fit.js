// A map's frame sized to the rest of the viewport below it, run once in the app's page
// (dashboard/frame_fit.py). A frame is marked by the keyed container around it
// (`.st-key-fit_<kind>`); each kind's rule comes from the script tag (data-rules):
// {kind: {min, max, reserve, minWidth}}. The height is what is left under the frame's top
// with the page scrolled to the top (so scrolling down never changes it), less `reserve`,
// within [min, max]; a viewport narrower than `minWidth` is left to the page's CSS (the
// phone's map takes the country's shape). The map inside follows its frame and refits.
(() => {
  if (window.atlasFrameFit) return;
  window.atlasFrameFit = true;
  const RULES = JSON.parse(document.currentScript?.dataset.rules || "{}");
  // the box that scrolls the page: Streamlit scrolls its main section, not the window
  function scroller(el) {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const y = getComputedStyle(p).overflowY;
      if ((y === "auto" || y === "scroll") && p.scrollHeight > p.clientHeight) return p;
    }
    return document.scrollingElement || document.documentElement;
  }
  function fit() {
    for (const [kind, r] of Object.entries(RULES)) {
      const f = document.querySelector(`.st-key-fit_${kind} iframe`);
      if (!f) continue;
      if (window.innerWidth < (r.minWidth || 0)) {
        if (f.dataset.atlasFit) {
          f.style.removeProperty("height");
          delete f.dataset.atlasFit;
        }
        continue;
      }
      const top = f.getBoundingClientRect().top + scroller(f).scrollTop;
      const room = Math.floor(window.innerHeight - top - (r.reserve || 0));
      const h = Math.max(r.min || 0, Math.min(r.max || room, room));
      if (f.style.height !== `${h}px`) {
        f.style.setProperty("height", `${h}px`, "important");
        f.dataset.atlasFit = "1";
      }
    }
  }
  window.addEventListener("resize", fit);
  // a new frame is sized as soon as it is in the page, before its map has started
  new MutationObserver(fit).observe(document.body, { childList: true, subtree: true });
  setInterval(fit, 250);
  fit();
})();
