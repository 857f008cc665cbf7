// Names on the map as real text (dashboard/map/labels.py): province names at the national
// view, pilot names once zoomed to a province; a collision pass hides a name that would
// overlap one of higher priority.
window.atlas = window.atlas || {};
(() => {
  const atlas = window.atlas;
  const KINDS = ["prov", "pilot"];
  // Each label, in priority order, takes the first of a few nearby spots where it keeps
  // clear of the labels already placed (a gap of 2*PX by 2*PY px) and still touches its
  // own unit's box (grown by BESIDE px; a dot's by NEAR px), within NEAR px of its place
  // (LEAD px with a leader line), so a name never sits on a neighbour; a label with no
  // such spot is hidden (its shape keeps its tooltip), which on a small map leaves the
  // larger units named.
  const PX = 3;
  const PY = 1;
  const NEAR = 12;
  const LEAD = 28;
  const BESIDE = 4;

  // spots for the name's centre next to its place: (dx, dy) px
  function spots(pt, w, h) {
    const x = w / 2 + 8;
    const y = h + 2;
    if (pt)
      return [
        [0, 0],
        [-(w + 14), 0],
        [-(w / 2 + 7), -(h / 2 + 6)],
        [-(w / 2 + 7), h / 2 + 6],
        [0, y],
        [-(w + 14), y],
        [0, -y],
        [-(w + 14), -y],
      ];
    return [
      [0, 0],
      [0, -y],
      [0, y],
      [x, 0],
      [-x, 0],
      [x, -y],
      [x, y],
      [-x, -y],
      [-x, y],
    ];
  }

  // further spots around its place, nearest first: a grid out to a name's width plus
  // 42 px across and two lines plus 36 px up and down (the spots that still touch the
  // unit are kept, see own())
  function far(w, h) {
    const out = [];
    const mx = w / 2 + 42;
    const my = h + 36;
    for (let x = -mx; x <= mx + 0.1; x += mx / 8) {
      for (let y = -my; y <= my + 0.1; y += my / 6) {
        if (Math.abs(x) > w / 2 + 6 || Math.abs(y) > h / 2 + 4) out.push([x, y]);
      }
    }
    return out.sort((a, b) => Math.hypot(a[0], a[1] * 1.5) - Math.hypot(b[0], b[1] * 1.5));
  }

  function shifted(r, dx, dy) {
    return {
      left: r.left + dx - PX,
      right: r.right + dx + PX,
      top: r.top + dy - PY,
      bottom: r.bottom + dy + PY,
    };
  }

  // the name's own box (without the gap) touches its unit's
  function own(q, u) {
    return (
      q.left + PX < u.right &&
      q.right - PX > u.left &&
      q.top + PY < u.bottom &&
      q.bottom - PY > u.top
    );
  }

  // how far the name's box is from its place (its anchor; a dot's, 7 px left of the
  // unmoved box)
  function reach(q, r, pt) {
    const ax = pt ? r.left - 7 : r.left + r.width / 2;
    const ay = r.top + r.height / 2;
    const ex = Math.max(q.left + PX - ax, 0, ax - q.right + PX);
    const ey = Math.max(q.top + PY - ay, 0, ay - q.bottom + PY);
    return Math.hypot(ex, ey);
  }

  // One greedy pass in `order` over the names' boxes `rects` (with `dots[i]` true for a
  // name beside a dot and `units[i]` its unit's box), each kept inside `frame` (the map's
  // box: a name at the edge goes to its other side, not half off the map): per name
  // [dx, dy, leader] or null (hidden). Pure: no DOM.
  function layout(order, rects, dots, units, longest, frame) {
    const kept = [];
    const out = [];
    const inside = (q) =>
      !frame ||
      (q.left + PX >= frame.left &&
        q.right - PX <= frame.right &&
        q.top + PY >= frame.top &&
        q.bottom - PY <= frame.bottom);
    const free = (q) =>
      inside(q) &&
      !kept.some(
        (o) => q.left < o.right && q.right > o.left && q.top < o.bottom && q.bottom > o.top,
      );
    for (const i of order) {
      const r = rects[i];
      const pt = dots[i];
      const u = units[i];
      out[i] = null;
      let done = false;
      for (const [dx, dy] of spots(pt, r.width, r.height)) {
        const q = shifted(r, dx, dy);
        if (free(q) && own(q, u) && reach(q, r, pt) <= NEAR) {
          kept.push(q);
          out[i] = [dx, dy, false];
          done = true;
          break;
        }
      }
      if (done) continue;
      // no room next to it: a little further off, with a leader line
      const ax = pt ? r.left - 7 : r.left + r.width / 2;
      const ay = r.top + r.height / 2;
      const cx = r.left + r.width / 2;
      for (const [rx, ry] of far(r.width, r.height)) {
        const dx = ax + rx - cx;
        const q2 = shifted(r, dx, ry);
        if (!free(q2) || !own(q2, u) || reach(q2, r, pt) > longest) continue;
        kept.push(q2);
        out[i] = [dx, ry, [ax, ay, q2]];
        break;
      }
    }
    return out;
  }

  // The names hidden in a pass go first in the next (a crowded corner's small units have
  // the fewest spots). The pass that hides fewest names wins, and of those the one hiding
  // the smaller units (later in the list).
  atlas.placeNames = (rects, dots, units, longest, frame) => {
    const n = rects.length;
    let order = rects.map((_r, i) => i);
    let best = null;
    let lost = Infinity;
    for (let round = 0; round < 8; round++) {
      const got = layout(order, rects, dots, units, longest, frame);
      const hid = order.filter((i) => !got[i]);
      let cost = 0;
      for (const i of hid) cost += n + n - i;
      if (cost < lost) {
        best = got;
        lost = cost;
      }
      if (!cost) break;
      order = hid.concat(order.filter((i) => got[i]));
    }
    return best || [];
  };

  // Province names stay at their fixed places (dashboard/map/anchors.py), each at one
  // step of a ladder: its name, a size smaller, two sizes smaller, its short form. A pass
  // sets them in order, each at the first step clear of the names already set, else
  // hidden (its shape keeps its tooltip); the names hidden in a pass go first in the
  // next; when names stay hidden, further passes start every name a step down. The pass
  // that hides fewest names and steps down least wins. A name never moves onto a
  // neighbour.
  const STEPS = [
    [0, 1],
    [0, 0.9],
    [0, 0.8],
    [1, 1],
  ];
  function ladder(spans, texts, narrow) {
    // each name's box at each step, measured once
    const bases = spans.map((s) => Number.parseFloat(getComputedStyle(s).fontSize));
    const boxes = spans.map((s, i) => {
      const base = bases[i];
      const out = STEPS.map(([form, scale]) => {
        s.textContent = texts[i][form];
        s.style.fontSize = scale === 1 ? "" : `${base * scale}px`;
        return shifted(s.getBoundingClientRect(), 0, 0);
      });
      // a dot's name on a narrow map: its short form only (a long one, beside the dot,
      // would reach over the sea onto the far shore)
      const dot = s.parentNode.classList.contains("pt");
      return narrow && dot ? out.map((q, k) => (STEPS[k][0] ? q : null)) : out;
    });
    // one greedy pass in `order`, every name at step `least` or further down
    const pass = (order, least) => {
      const kept = [];
      const free = (q) =>
        q !== null &&
        !kept.some(
          (o) => q.left < o.right && q.right > o.left && q.top < o.bottom && q.bottom > o.top,
        );
      const step = [];
      for (const i of order) {
        const k = boxes[i].slice(least).findIndex(free);
        step[i] = k < 0 ? -1 : k + least;
        if (k >= 0) kept.push(boxes[i][step[i]]);
      }
      return step;
    };
    // a hidden name costs as much as eight names a step down each
    const HIDDEN = 8;
    let best = null;
    let lost = Infinity;
    for (let least = 0; least < STEPS.length && lost >= HIDDEN; least++) {
      let order = spans.map((_s, i) => i);
      for (let round = 0; round < 8; round++) {
        const step = pass(order, least);
        const hid = order.filter((i) => step[i] < 0);
        const cost = hid.length * HIDDEN + step.reduce((a, k) => a + Math.max(k, 0), 0);
        if (cost < lost) {
          best = step;
          lost = cost;
        }
        if (!hid.length) break;
        order = hid.concat(order.filter((i) => step[i] >= 0));
      }
    }
    spans.forEach((s, i) => {
      const k = best[i];
      const [form, scale] = STEPS[Math.max(k, 0)];
      s.textContent = texts[i][k < 0 ? 0 : form];
      s.style.fontSize = k <= 0 || scale === 1 ? "" : `${bases[i] * scale}px`;
      if (k < 0) s.style.visibility = "hidden";
    });
  }

  // cfg: {items: [[lat, lon, text, kind, priority, dot, [s, w, n, e], short, side], ...],
  //       threshold,
  //       large, small, narrow}
  atlas.labels = (map, group, cfg) => {
    if (!map.getPane("atlas-labels")) {
      const pane = map.createPane("atlas-labels");
      pane.style.zIndex = 450;
      pane.style.pointerEvents = "none";
    }
    if (cfg.large) map.getContainer().classList.add("atlas-big");
    const markers = { prov: [], pilot: [] };
    const made = {};
    // a kind's labels are made when first shown, after the shapes are painted
    function ensure(kind) {
      if (made[kind]) return;
      made[kind] = true;
      for (const it of cfg.items) {
        if (KINDS[it[3]] !== kind) continue;
        const span = document.createElement("span");
        span.textContent = it[2];
        const side = it[8] ? ` side-${it[8]}` : "";
        const icon = L.divIcon({
          html: span,
          iconSize: null,
          className: `atlas-label ${KINDS[it[3]]}${it[5] ? " pt" : ""}${side}`,
        });
        const mk = L.marker([it[0], it[1]], {
          icon,
          pane: "atlas-labels",
          interactive: false,
          keyboard: false,
        });
        mk.atlasExtent = L.latLngBounds([it[6][0], it[6][1]], [it[6][2], it[6][3]]);
        mk.atlasText = [it[2], it[7] || it[2]]; // the name, and its short form
        markers[kind].push(mk.addTo(group));
      }
    }

    let retries = 0;
    function place() {
      const c = map.getContainer();
      const z = map.getZoom();
      // a view fitted to a province (or a search) names its pilots, however large the
      // province: 新疆 fits at a national-looking zoom
      const fit = map.atlasFitZoom;
      const at = fit == null ? cfg.threshold : Math.min(cfg.threshold, fit - 0.25);
      const national = z < at;
      c.classList.toggle("atlas-zoom-national", national);
      c.classList.toggle("atlas-zoom-province", !national);
      c.classList.toggle("atlas-small", map.getSize().x < cfg.small);
      const kind = national ? "prov" : "pilot";
      ensure(kind);
      const live = markers[kind].filter((m) => {
        const el = m.getElement();
        return el?.firstChild;
      });
      const shown = live.map((m) => m.getElement());
      const spans = shown.map((el) => el.firstChild);
      const dots = shown.map((el) => el.classList.contains("pt"));
      // each unit's box on screen, in the labels' own (client) coordinates
      const cr = c.getBoundingClientRect();
      const units = live.map((m, i) => {
        const e = m.atlasExtent;
        const g = dots[i] ? NEAR : BESIDE;
        const a = map.latLngToContainerPoint(e.getNorthWest());
        const b = map.latLngToContainerPoint(e.getSouthEast());
        return {
          left: cr.left + a.x - g,
          right: cr.left + b.x + g,
          top: cr.top + a.y - g,
          bottom: cr.top + b.y + g,
        };
      });
      for (const s of spans) {
        s.style.visibility = "";
        s.style.marginLeft = "";
        s.style.marginTop = "";
        s.style.fontSize = "";
        s.parentNode.querySelector(".atlas-leader")?.remove();
      }
      if (kind === "prov") {
        ladder(
          spans,
          live.map((m) => m.atlasText),
          map.getSize().x < cfg.narrow,
        );
        return;
      }
      const rects = spans.map((s) => s.getBoundingClientRect());
      // on a phone's map a leader of 28 px crosses a province or two
      const longest = map.getSize().x < cfg.narrow ? 14 : LEAD;
      const best = atlas.placeNames(rects, dots, units, longest, cr);
      // every name hidden: measured while the frame was being resized and the view not
      // yet refitted (the boxes disagree); measured again on the next frames
      if (spans.length > 3 && best.every((g) => !g) && retries < 10) {
        retries++;
        requestAnimationFrame(() => setTimeout(() => atlas.place === place && place(), 100));
      } else {
        retries = 0;
      }
      spans.forEach((s, i) => {
        const g = best[i];
        if (!g) {
          s.style.visibility = "hidden";
          return;
        }
        if (g[0]) s.style.marginLeft = `${g[0]}px`;
        if (g[1]) s.style.marginTop = `${g[1]}px`;
        if (!g[2]) return;
        // from the place to the nearest point of the name's box
        const [ax, ay, q2] = g[2];
        const ex = Math.max(q2.left + PX, Math.min(ax, q2.right - PX)) - ax;
        const ey = Math.max(q2.top + PY, Math.min(ay, q2.bottom - PY)) - ay;
        const line = document.createElement("i");
        line.className = "atlas-leader";
        line.style.width = `${Math.hypot(ex, ey)}px`;
        line.style.transform = `rotate(${Math.atan2(ey, ex)}rad)`;
        s.parentNode.appendChild(line);
      });
    }

    // the group is swapped as filters change: one handler, the newest
    if (atlas.place) map.off("zoomend moveend resize", atlas.place);
    atlas.place = place;
    // from the shapes' first frame on: placing measures every name (a forced layout),
    // and the fit to the view that follows would run it before that
    map.whenReady(() => {
      requestAnimationFrame(() => {
        setTimeout(() => {
          if (atlas.place !== place) return; // swapped meanwhile
          map.on("zoomend moveend resize", place);
          place();
          // names measured before the web font arrived, or in a frame that was still
          // being sized, are placed again once both are settled
          const again = () => {
            if (atlas.place === place) place();
          };
          if (document.fonts?.ready) document.fonts.ready.then(again);
          if (window.ResizeObserver) {
            let seen = null;
            new ResizeObserver((entries) => {
              const r = entries[0].contentRect;
              const key = `${r.width}x${r.height}`;
              if (seen !== null && key !== seen) again();
              seen = key;
            }).observe(map.getContainer());
          }
        }, 0);
      });
    });
  };
})();
