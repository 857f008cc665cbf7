// The map's controls and fitting (dashboard/map/controls.py): a legend box, fitting the
// view, the attribution, the narrow-screen fold of the layer control.
window.atlas = window.atlas || {};
(() => {
  const atlas = window.atlas;

  // A fixed box of static HTML (the legend). `slot`: set when the control lives in a
  // swappable layer group: the box is added to the map, replacing the previous one of
  // that slot, so a filter change redraws it in place.
  atlas.htmlControl = (map, html, opts) => {
    const ctl = L.control({ position: opts.position });
    ctl.onAdd = (m) => {
      const div = L.DomUtil.create("div", opts.cssClass);
      div.innerHTML = html;
      // a legend folds into its title on a narrow map (phones)
      const fold = div.querySelector("details.atlas-fold");
      if (fold) fold.open = m.getSize().x >= opts.narrow;
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    if (opts.slot) {
      atlas.slots = atlas.slots || {};
      if (atlas.slots[opts.slot]) atlas.slots[opts.slot].remove();
      atlas.slots[opts.slot] = ctl;
    }
    ctl.addTo(map);
    return ctl;
  };

  // the scale in kilometres only (on a small map the miles line was cut to "500 m"), its
  // bar at least 65 px, so "1000 km" fits inside it
  atlas.scale = (map) => L.control.scale({ imperial: false, maxWidth: 130 }).addTo(map);

  // The attribution (HTML: names marked with their language) and the titles of
  // Leaflet's own buttons in the page's language (Leaflet writes them in English).
  atlas.attribution = (map, text, prefix, titles) => {
    map.attributionControl.setPrefix(prefix);
    map.attributionControl.addAttribution(text);
    const title = (selector, value) => {
      for (const el of map.getContainer().querySelectorAll(selector)) {
        el.title = value;
        el.setAttribute("aria-label", value);
      }
    };
    const retitle = () => {
      title(".leaflet-control-zoom-in", titles.zoom_in);
      title(".leaflet-control-zoom-out", titles.zoom_out);
      title(".leaflet-control-layers-toggle", titles.layers);
    };
    retitle();
    // the layer control comes later, and again on a narrow map (narrowLayers)
    const corners = map.getContainer().querySelector(".leaflet-control-container");
    if (corners) new MutationObserver(retitle).observe(corners, { childList: true, subtree: true });
  };

  // Every layer control made in this page, so a map can find its own: streamlit-folium
  // names it window.layer_control, a standalone page keeps it in a local variable.
  const layerControls = [];
  if (window.L)
    L.Control.Layers.addInitHook(function () {
      layerControls.push(this);
    });
  const ownControl = (map) =>
    window.layer_control ||
    layerControls.find((c) => c.getContainer() && map.getContainer().contains(c.getContainer()));

  // On a narrow map the layer control becomes a button (Leaflet's collapsed form). The
  // control is created after the layers, so this looks for it a tick later.
  atlas.narrowLayers = (map, narrow) => {
    setTimeout(() => {
      const c = ownControl(map);
      if (c && !c.options.collapsed && map.getSize().x < narrow) {
        c.remove();
        c.options.collapsed = true;
        c.addTo(map);
      }
    }, 0);
  };

  // Leaflet's CSS applied: the box sits in its corner
  function ready(el) {
    const corner = el.closest(".leaflet-top, .leaflet-bottom");
    return corner && getComputedStyle(corner).position === "absolute";
  }

  // Fit options that keep `bounds` clear of the legend, the layer control and the
  // 南海诸岛 inset: each corner box is kept clear of either beside it or above/below it,
  // whichever set of choices draws the place largest. Sets map.atlasFitZoom (the labels'
  // switch to pilot names follows the zoom actually fitted).
  function clearOf(map, bounds, gap) {
    const c = map.getContainer().getBoundingClientRect();
    const boxes = [];
    map
      .getContainer()
      .querySelectorAll(".atlas-legend, .atlas-inset, .leaflet-control-layers")
      .forEach((el) => {
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height || !ready(el)) return;
        const left = r.left - c.left < c.right - r.right;
        const top = r.top - c.top < c.bottom - r.bottom;
        boxes.push({
          left,
          top,
          w: (left ? r.right - c.left : c.right - r.left) + gap,
          h: (top ? r.bottom - c.top : c.bottom - r.top) + gap,
        });
      });
    const size = map.getSize();
    let best = { z: -Infinity, tl: [0, 0], br: [0, 0] };
    for (let k = 0; k < 1 << boxes.length; k++) {
      const tl = [0, 0];
      const br = [0, 0];
      boxes.forEach((b, i) => {
        const a = (k >> i) & 1 ? 0 : 1;
        const side = (a ? b.top : b.left) ? tl : br;
        side[a] = Math.max(side[a], a ? b.h : b.w);
      });
      const pad = L.point(tl[0] + br[0], tl[1] + br[1]);
      // a box as large as half the map (a tiny map) is no corner to avoid
      if (pad.x >= size.x / 2 || pad.y >= size.y / 2) continue;
      const z = map.getBoundsZoom(bounds, false, pad);
      if (Number.isFinite(z) && z > best.z) best = { z, tl, br };
    }
    if (Number.isFinite(best.z)) map.atlasFitZoom = Math.min(10, best.z);
    return { maxZoom: 10, paddingTopLeft: best.tl, paddingBottomRight: best.br };
  }

  // Leaflet's CSS may arrive after this script, and a new map's layer control is made
  // after its layers: then fit again once the legend has its place and the control is
  // there (folded on a phone a tick later), unless the user has moved the map meanwhile
  // (both fits without animation: a zoom animation's end would undo the second).
  function fitClear(map, bounds, gap) {
    const legend = map.getContainer().querySelector(".atlas-legend");
    const settled = () =>
      (!legend || ready(legend)) && map.getContainer().querySelector(".leaflet-control-layers");
    if (settled()) {
      map.fitBounds(bounds, clearOf(map, bounds, gap));
      return;
    }
    let tries = 0;
    let touched = false;
    const c = map.getContainer();
    for (const e of ["mousedown", "wheel", "touchstart", "keydown"]) {
      c.addEventListener(
        e,
        () => {
          touched = true;
        },
        { passive: true, once: true },
      );
    }
    requestAnimationFrame(function again() {
      if (touched) return;
      if (!settled()) {
        if (++tries < 300) requestAnimationFrame(again);
        return;
      }
      setTimeout(() => {
        if (!touched)
          map.fitBounds(bounds, Object.assign(clearOf(map, bounds, gap), { animate: false }));
      }, 0);
    });
    map.fitBounds(bounds, Object.assign(clearOf(map, bounds, gap), { animate: false }));
  }

  // One scale for several maps of one size: the zoom that fits the largest box, centred
  // on this map's own box (in projected space, as fitBounds centres).
  function fitCommon(map, own, all) {
    const z = Math.min(10, Math.min(...all.map((b) => map.getBoundsZoom(b))));
    const b = L.latLngBounds(own);
    const mid = map.project(b.getSouthWest(), z).add(map.project(b.getNorthEast(), z)).divideBy(2);
    map.setView(map.unproject(mid, z), z);
  }

  // Fit the map to its bounds (or a shared link's view) when its group is drawn: the view
  // travels with the layers, so a filter change refits without a new map.
  // cfg: {bounds, view: [zoom, lat, lon] | null, local, clear, common, gap}
  atlas.fitView = (map, cfg) => {
    // the zoom a province (or search) view is fitted at: its pilots get names there
    map.atlasFitZoom = cfg.local && !cfg.view ? Math.min(10, map.getBoundsZoom(cfg.bounds)) : null;
    // the app moves the map now, not the user: the move writes no z/c to the URL; a
    // shared link's view is no fitted home (moving back to it keeps z/c)
    map.atlasMoved = false;
    if (cfg.view) map.atlasHome = null;
    else if (map.atlasHome === null) map.atlasHome = undefined;
    if (cfg.view) map.setView(cfg.view.slice(1), cfg.view[0]);
    else if (cfg.common) fitCommon(map, cfg.bounds, cfg.common);
    else if (map.atlasFill)
      map.atlasFill(cfg.bounds); // presenting
    else if (cfg.clear) fitClear(map, L.latLngBounds(cfg.bounds), cfg.gap);
    else map.fitBounds(cfg.bounds, { maxZoom: 10 });
    // the page may size the frame after this fit (frame_fit.js): a view the app fitted
    // is fitted again to the new size; one the user moved, or a shared link's, is kept
    map.atlasRefit = cfg.view || map.atlasFill ? null : cfg;
    if (!map.atlasRefitting) {
      map.atlasRefitting = true;
      map.on("resize", () => {
        if (map.atlasRefit && !map.atlasMoved) atlas.fitView(map, map.atlasRefit);
      });
    }
  };
})();
