// Presenting on a projector (dashboard/presenting.py), run once in the app's page:
// - steps with the keys clickers send: →, PageDown, space forward; ←, PageUp, shift+space
//   back; F toggles fullscreen; Esc leaves the presentation. It listens on the page and
//   inside the map's frame, so the keys work wherever the focus is, and it presses the
//   real step buttons, so the URL follows as with a click.
// It does nothing on a page without the presenting buttons. The map's frame is sized by
// frame_fit.js.
(() => {
  if (window.atlasPresenting) return;
  window.atlasPresenting = true;
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
  }
  document.addEventListener("keydown", onKey, true);
  document.addEventListener(
    "click",
    (e) => {
      if (e.target.closest?.(".st-key-present_fullscreen")) fullscreen();
    },
    true,
  );
  setInterval(hook, 250);
  hook();
})();
