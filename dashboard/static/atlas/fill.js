// A map that fills its frame, for presenting (dashboard/map/fill.py): whenever the frame
// is resized the view is fitted again, so a projector of any shape shows all of it.
window.atlas = window.atlas || {};
(() => {
  const atlas = window.atlas;

  atlas.fill = (m, bounds) => {
    let b = bounds;
    m.options.zoomSnap = 0.1; // fill the screen, not the nearest half zoom level
    // the same framing on every step: the bounds, kept clear of the attribution along
    // the bottom (or Hainan ends up under it)
    m.atlasFill = (to) => {
      if (to) b = to;
      m.atlasMoved = false; // a fit the app makes: no z/c in the URL (manners.js)
      const a = m.attributionControl?.getContainer();
      const below = a ? a.offsetHeight + 4 : 0;
      m.invalidateSize(false);
      m.fitBounds(b, {
        animate: false,
        maxZoom: 10,
        paddingTopLeft: [0, 0],
        paddingBottomRight: [0, below],
      });
    };
    m.atlasFill();
    m.on("resize", () => m.atlasFill());
    // the page resizes the frame; a new frame may be laid out after this ran; and the
    // framing keeps clear of the attribution, whose height is known once its text and
    // the CSS are laid out (a frame sized before the map starts sees no later resize)
    if (window.ResizeObserver) {
      const watch = new ResizeObserver(() => m.atlasFill());
      watch.observe(m.getContainer());
      const a = m.attributionControl?.getContainer();
      if (a) watch.observe(a);
    }
  };
})();
