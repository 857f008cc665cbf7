// Compact GeoJSON (dashboard/map/compact_geojson.py): coordinates as delta-encoded
// polyline strings in a 64-letter alphabet, styles as a shared table.
window.atlas = window.atlas || {};
(() => {
  const atlas = window.atlas;
  // digit values by character code: an array read, not a string-keyed lookup (the
  // decoding was the largest part of drawing the first map)
  let digits = null;

  atlas.alphabet = (letters) => {
    digits = new Int8Array(128);
    for (let k = 0; k < letters.length; k++) digits[letters.charCodeAt(k)] = k;
  };

  // one encoded ring: [[x, y], ...] with `f` = 10 ** precision
  atlas.line = (s, f) => {
    const n = s.length;
    const out = [];
    const D = digits;
    let i = 0;
    let x = 0;
    let y = 0;
    // one zigzag varint of five-bit groups: the next delta of x or of y
    const delta = () => {
      let r = 0;
      let sh = 0;
      let b;
      do {
        b = D[s.charCodeAt(i++)];
        r |= (b & 31) << sh;
        sh += 5;
      } while (b >= 32);
      return r & 1 ? ~(r >> 1) : r >> 1;
    };
    while (i < n) {
      x += delta();
      y += delta();
      out.push([x / f, y / f]);
    }
    return out;
  };

  // {p: precision, f: [[kind, coords, style, tooltip, id], ...]} -> a FeatureCollection
  atlas.geo = (d) => {
    const f = 10 ** d.p;
    const poly = (rings) => rings.map((r) => atlas.line(r, f));
    const features = d.f.map((g) => {
      let geometry;
      if (g[0] === "P") geometry = { type: "Point", coordinates: g[1] };
      else if (g[0] === "A") geometry = { type: "Polygon", coordinates: poly(g[1]) };
      else geometry = { type: "MultiPolygon", coordinates: g[1].map(poly) };
      return {
        type: "Feature",
        geometry,
        properties: { s: g[2], t: g[3], id: g[4] },
      };
    });
    return { type: "FeatureCollection", features };
  };

  // A Leaflet layer of the features, each with its tooltip: a list is [title, line, ...]
  // of escaped text, a string is ready HTML. The id rides along hidden: a click reports
  // the tooltip's text (streamlit-folium), the reader sees names only.
  atlas.compactLayer = (data, styles, opts) => {
    const pane = opts.pane;
    return L.geoJSON(atlas.geo(data), {
      pane,
      style: (f) => styles[f.properties.s],
      pointToLayer: (f, ll) => L.circleMarker(ll, Object.assign({ pane }, styles[f.properties.s])),
      onEachFeature: (f, layer) => {
        let t = f.properties.t;
        if (Array.isArray(t)) t = `<b>${t[0]}</b><br>${t.slice(1).join("<br>")}`;
        const id = f.properties.id;
        if (t && /^[A-Za-z0-9-]+$/.test(id)) t += `<span hidden>id:${id}</span>`;
        if (t) layer.bindTooltip(t, { sticky: true });
        if (opts.highlight) {
          layer.on("mouseover", () => layer.setStyle(opts.highlight));
          layer.on("mouseout", () => layer.setStyle(styles[f.properties.s]));
        }
      },
    });
  };
})();
