// The 南海诸岛 inset of every national map (dashboard/map/inset.py): a second, static
// L.map inside a corner control, drawn from compact data (no tiles, no requests).
window.atlas = window.atlas || {};
(() => {
  const atlas = window.atlas;

  // cfg: {payload: {land, islands, line, lp, bounds}, label, aspect, nationalAspect,
  //       national: [[s, w], [n, e]], styles: {land, island, line}}
  function draw(main, cfg) {
    const d = cfg.payload;
    const ctl = L.control({ position: "bottomright" });
    ctl.onAdd = () => {
      const box = L.DomUtil.create("div", "atlas-inset leaflet-control");
      box.setAttribute("data-atlas", "scs-inset");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    ctl.addTo(main);
    const box = ctl.getContainer();
    const inner = L.DomUtil.create("div", "atlas-inset-map", box);
    const label = L.DomUtil.create("div", "atlas-inset-label", box);
    label.textContent = cfg.label;
    // Measuring a hidden box (display:none here, or under the labels' province class)
    // reads 0 px: the caption loop would shrink the frame to a sliver and the inner map
    // would fit a 0 px box. So a hidden box only notes that it is out of date, and is
    // measured once it has a layout again.
    let stale = false;
    const laidOut = () => box.offsetWidth > 0 && box.offsetHeight > 0;
    // The caption has a band of its own under the map, so it never covers the line: on
    // one line or else two (a name of words broken nearest its middle), in the largest
    // size (12 px down to 9) that fits the frame's width; a narrow frame is widened to
    // hold it at 9 px.
    const words = cfg.label.split(" ");
    const forms = [cfg.label];
    if (words.length > 1) {
      const half = (i) => Math.abs(2 * words.slice(0, i).join(" ").length - cfg.label.length);
      let best = 1;
      for (let i = 2; i < words.length; i++) if (half(i) < half(best)) best = i;
      forms.push(`${words.slice(0, best).join(" ")}\n${words.slice(best).join(" ")}`);
    }
    function fitLabel() {
      for (let fs = 12; fs >= 9; fs -= 0.5) {
        label.style.fontSize = `${fs}px`;
        for (const text of forms) {
          label.textContent = text;
          if (label.offsetWidth <= box.clientWidth - 8) return;
        }
      }
      box.style.width = `${Math.ceil(label.offsetWidth + 8 + box.offsetWidth - box.clientWidth)}px`;
    }
    // sized from the main map, so it reads the same on a laptop and a projector: the box
    // fits the empty sea east of Taiwan and south of Japan in the national view, a share
    // of the width China takes in this map
    function size() {
      const px = main.getSize();
      const china = Math.min(px.x, px.y * cfg.nationalAspect);
      const h = Math.max(90, Math.min(260, Math.round(china * 0.2)));
      box.style.width = `${Math.round(h * cfg.aspect)}px`;
      box.style.height = `${h}px`;
      if (!laidOut()) {
        stale = true;
        return;
      }
      fitLabel();
      const band = label.offsetHeight + 2;
      inner.style.bottom = `${band}px`;
      box.style.height = `${h + band}px`;
    }
    size();
    const m = L.map(inner, {
      zoomControl: false,
      attributionControl: false,
      dragging: false,
      scrollWheelZoom: false,
      doubleClickZoom: false,
      boxZoom: false,
      keyboard: false,
      touchZoom: false,
      tap: false,
      zoomSnap: 0,
      inertia: false,
    });
    m.fitBounds(d.bounds, { padding: [0, 0], animate: false });
    if (!laidOut()) stale = true;
    const plain = { interactive: false };
    L.geoJSON(atlas.geo(d.land), Object.assign({ style: cfg.styles.land }, plain)).addTo(m);
    L.geoJSON(atlas.geo(d.islands), Object.assign({ style: cfg.styles.island }, plain)).addTo(m);
    const f = 10 ** d.lp;
    for (const s of d.line) {
      const ll = atlas.line(s, f).map((c) => [c[1], c[0]]);
      L.polyline(ll, Object.assign({ className: "atlas-scs-line" }, cfg.styles.line, plain)).addTo(
        m,
      );
    }
    function redraw() {
      size();
      if (!laidOut()) {
        stale = true;
        return;
      }
      stale = false;
      m.invalidateSize(false);
      m.fitBounds(d.bounds, { padding: [0, 0], animate: false });
    }
    // shown again (by toggle() or by the labels' class): measure now
    if (window.ResizeObserver) {
      new ResizeObserver(() => {
        if (stale && laidOut()) redraw();
      }).observe(box);
    }
    // only a national view gets the inset: on a province (or closer) it would cover part
    // of the map the view is about
    const nation = L.latLngBounds(cfg.national);
    const national = () => main.getZoom() <= main.getBoundsZoom(nation) + 0.5;
    function toggle() {
      const show = national();
      const was = box.style.display !== "none";
      box.style.display = show ? "" : "none";
      if (show && !was) redraw();
    }
    main.on("resize", () => {
      redraw();
      toggle();
    });
    main.on("zoomend", toggle);
    toggle();
    main.atlasInset = m;
  }

  // after the main map's first frame is painted: the pilots come first
  atlas.inset = (main, cfg) => {
    requestAnimationFrame(() => setTimeout(() => draw(main, cfg), 0));
  };
})();
