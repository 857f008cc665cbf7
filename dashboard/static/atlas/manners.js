// How the map behaves under the mouse (dashboard/map/focus.py).
window.atlas = window.atlas || {};
(() => {
  const atlas = window.atlas;

  // Wheel only after a click or focus; no zooming out past China; once the user has
  // moved the map, its zoom and centre go into the address bar (z, c) for sharing.
  // cfg: {china: [[s, w], [n, e]], maxBounds: [[s, w], [n, e]]}
  atlas.manners = (map, cfg) => {
    const c = map.getContainer();
    map.scrollWheelZoom.disable();
    const wake = () => {
      map.scrollWheelZoom.enable();
      c.classList.add("atlas-awake");
    };
    const sleep = () => {
      map.scrollWheelZoom.disable();
      c.classList.remove("atlas-awake");
    };
    map.on("click focus", wake);
    c.addEventListener("mousedown", wake);
    map.on("blur", sleep);
    const china = L.latLngBounds(cfg.china);
    map.setMaxBounds(L.latLngBounds(cfg.maxBounds));
    map.options.maxBoundsViscosity = 0.8;
    const floor = () => {
      const z = map.getBoundsZoom(china, false);
      map.setMinZoom(Math.max(2, Math.floor(z * 2) / 2 - 0.5));
    };
    floor();
    map.on("resize", floor);
    // atlasMoved: the user has moved the map since the app last fitted it (atlas.fitView
    // and atlasFill reset it). A move the app makes (a fit) never writes z/c, and a move
    // back to the fitted view (atlasHome) takes them out again.
    map.atlasMoved = false;
    for (const e of ["mousedown", "wheel", "touchstart", "keydown", "dblclick"]) {
      // capture: the zoom buttons stop their presses from reaching the map
      c.addEventListener(
        e,
        () => {
          map.atlasMoved = true;
        },
        { passive: true, capture: true },
      );
    }
    map.on("moveend", () => {
      const z = map.getZoom();
      const ctr = map.getCenter();
      if (!map.atlasMoved) {
        // the app's own fit: where this view is at home
        if (map.atlasHome !== null) map.atlasHome = { z, c: ctr };
        return;
      }
      const home = map.atlasHome;
      const atHome =
        home &&
        home.z === z &&
        map.latLngToContainerPoint(home.c).distanceTo(map.latLngToContainerPoint(ctr)) < 2;
      try {
        const w = window.parent;
        const u = new URL(w.location.href);
        if (atHome) {
          u.searchParams.delete("z");
          u.searchParams.delete("c");
        } else {
          u.searchParams.set("z", z.toFixed(1));
          u.searchParams.set("c", `${ctr.lat.toFixed(3)},${ctr.lng.toFixed(3)}`);
        }
        w.history.replaceState(w.history.state, "", u.toString());
      } catch (_err) {
        // a page that embeds us elsewhere: no URL to write
      }
    });
  };

  // A press on the map focuses it without scrolling the page. Leaflet focuses the map on
  // mousedown with a plain focus(); when the map's iframe is partly below the fold,
  // Chromium then scrolls the app's page to show all of it, the release lands on another
  // point of the map and no click fires. Focusing first, in the capture phase, with
  // preventScroll leaves Leaflet nothing to do (it skips an already focused map).
  atlas.focusWithoutScroll = (map) => {
    const c = map.getContainer();
    c.addEventListener(
      "mousedown",
      () => {
        if (document.activeElement !== c) c.focus({ preventScroll: true });
      },
      true,
    );
  };
})();
