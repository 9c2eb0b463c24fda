/* Events view: timeline with brush, offline map with clustered markers, row <-> marker. */
"use strict";
(function () {
  const data = NG.data("ng-data");
  const params = new URL(window.location.href).searchParams;
  const table = document.getElementById("events-table");
  const rows = Array.from(table.querySelectorAll("tbody tr"));
  const key = (lat, lon) => Number(lat).toFixed(3) + "," + Number(lon).toFixed(3);

  /* ---------------- timeline: stacked bars per day, drag to choose a date range ---------- */
  function drawTimeline() {
    const box = document.getElementById("timeline");
    const legend = document.getElementById("timeline-legend");
    const triples = data.timeline;
    if (!triples.length) { box.appendChild(NG.el("p", "muted", "No dated events.")); return; }
    const dayMs = 86400000;
    const t0 = Date.parse(triples[0][0] + "T00:00:00Z");
    const t1 = Date.parse(triples[triples.length - 1][0] + "T00:00:00Z");
    const days = Math.round((t1 - t0) / dayMs) + 1;
    const stacks = new Map();
    const types = new Map();
    for (const [day, type, n] of triples) {
      const i = Math.round((Date.parse(day + "T00:00:00Z") - t0) / dayMs);
      if (!stacks.has(i)) stacks.set(i, []);
      stacks.get(i).push([type, n]);
      types.set(type, (types.get(type) || 0) + n);
    }
    let max = 1;
    for (const s of stacks.values()) max = Math.max(max, s.reduce((a, b) => a + b[1], 0));
    const W = Math.max(box.clientWidth || 800, 300), H = 120, pad = 18;
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("width", W);
    svg.setAttribute("height", H);
    svg.setAttribute("class", "timeline-svg");
    const bw = (W - 2) / days;
    for (const [i, stack] of stacks) {
      let y = H - pad;
      for (const [type, n] of stack) {
        const h = (n / max) * (H - pad - 4);
        const r = document.createElementNS(NS, "rect");
        r.setAttribute("x", 1 + i * bw);
        r.setAttribute("y", y - h);
        r.setAttribute("width", Math.max(bw - 0.5, 0.8));
        r.setAttribute("height", h);
        r.setAttribute("fill", NG.colour(type));
        const title = document.createElementNS(NS, "title");
        title.textContent = new Date(t0 + i * dayMs).toISOString().slice(0, 10) + " " + type + ": " + n;
        r.appendChild(title);
        svg.appendChild(r);
        y -= h;
      }
    }
    for (const [label, x, anchor] of [[triples[0][0], 2, "start"], [triples[triples.length - 1][0], W - 2, "end"]]) {
      const t = document.createElementNS(NS, "text");
      t.setAttribute("x", x); t.setAttribute("y", H - 4); t.setAttribute("text-anchor", anchor);
      t.setAttribute("class", "axis"); t.textContent = label;
      svg.appendChild(t);
    }
    const brush = document.createElementNS(NS, "rect");
    brush.setAttribute("class", "brush");
    brush.setAttribute("y", 0); brush.setAttribute("height", H - pad); brush.setAttribute("width", 0);
    svg.appendChild(brush);
    box.appendChild(svg);
    for (const [type, n] of [...types].sort((a, b) => b[1] - a[1])) {
      const item = NG.el("span", "legend-item");
      const sw = NG.el("span", "swatch");
      sw.style.background = NG.colour(type);
      item.appendChild(sw);
      item.appendChild(document.createTextNode(type + " " + n));
      legend.appendChild(item);
    }
    const toX = (ev) => {
      const rect = svg.getBoundingClientRect();
      return Math.min(Math.max(((ev.clientX - rect.left) / rect.width) * W, 0), W);
    };
    const toDay = (x) => new Date(t0 + Math.min(Math.floor(x / bw), days - 1) * dayMs).toISOString().slice(0, 10);
    let start = null;
    svg.addEventListener("pointerdown", (ev) => {
      start = toX(ev);
      svg.setPointerCapture(ev.pointerId);
      brush.setAttribute("x", start); brush.setAttribute("width", 0);
    });
    svg.addEventListener("pointermove", (ev) => {
      if (start === null) return;
      const x = toX(ev);
      brush.setAttribute("x", Math.min(start, x)); brush.setAttribute("width", Math.abs(x - start));
    });
    svg.addEventListener("pointerup", (ev) => {
      if (start === null) return;
      const x = toX(ev);
      const a = Math.min(start, x), b = Math.max(start, x);
      start = null;
      if (b - a < 3) { brush.setAttribute("width", 0); return; }
      const url = new URL(window.location.href);
      url.searchParams.set("since", toDay(a));
      url.searchParams.set("until", toDay(b));
      url.searchParams.delete("cursor");
      url.searchParams.delete("sel");
      window.location.assign(url.pathname + url.search);
    });
  }

  /* ---------------- map: country basemap from /static, clustered markers ------------------ */
  const markers = new Map();
  let map = null, cluster = null;
  function selectRow(gid, scroll) {
    for (const r of rows) r.classList.toggle("selected", r.dataset.gid === gid);
    const row = rows.find((r) => r.dataset.gid === gid);
    if (row && scroll) row.scrollIntoView({ block: "center" });
    NG.setParams({ sel: gid });
  }
  function rowsAt(k) { return rows.filter((r) => r.dataset.lat && key(r.dataset.lat, r.dataset.lon) === k); }
  function popupFor(point) {
    const box = NG.el("div", "popup");
    box.appendChild(NG.el("strong", null, point.place || "unnamed place"));
    box.appendChild(NG.el("div", null, point.n + " event" + (point.n === 1 ? "" : "s")));
    const ul = NG.el("ul");
    for (const [t, n] of Object.entries(point.types)) ul.appendChild(NG.el("li", null, t + ": " + n));
    box.appendChild(ul);
    const here = rowsAt(key(point.lat, point.lon));
    if (here.length) {
      const show = NG.el("button", "show-rows", "show " + here.length + " in table");
      show.type = "button";
      show.addEventListener("click", () => selectRow(here[0].dataset.gid, true));
      box.appendChild(show);
    }
    const near = NG.el("a", "near-link", "only events here");
    const url = new URL("/events", window.location.origin);
    for (const [k, v] of params) if (!["near", "radius", "cursor", "sel"].includes(k)) url.searchParams.append(k, v);
    url.searchParams.set("near", point.lat + "," + point.lon);
    url.searchParams.set("radius", "1");
    near.href = url.pathname + url.search;
    box.appendChild(near);
    return box;
  }
  function drawMap() {
    const node = document.getElementById("map");
    if (!window.L) { node.appendChild(NG.el("p", "muted", "map library not loaded")); return; }
    map = L.map(node, { worldCopyJump: true, attributionControl: true, minZoom: 1, maxZoom: 12 });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Countries: Natural Earth (public domain)");
    fetch("/static/basemap/countries-110m.geojson")
      .then((r) => r.json())
      .then((geo) => {
        L.geoJSON(geo, { style: { color: "#8a9aa9", weight: 0.6, fillColor: "#e9eef2", fillOpacity: 1 }, interactive: false })
          .addTo(map).bringToBack();
      });
    cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      iconCreateFunction: (c) => {
        const n = c.getAllChildMarkers().reduce((a, m) => a + m.options.ngCount, 0);
        const size = n < 10 ? "small" : n < 100 ? "medium" : "large";
        return L.divIcon({ html: "<div><span>" + Number(n) + "</span></div>", className: "marker-cluster marker-cluster-" + size, iconSize: L.point(40, 40) });
      },
    });
    for (const p of data.points) {
      const top = Object.keys(p.types)[0];
      const m = L.circleMarker([p.lat, p.lon], { radius: 6 + Math.min(Math.log2(p.n), 6), color: "#222", weight: 1, fillColor: NG.colour(top), fillOpacity: 0.9, ngCount: p.n });
      m.bindPopup(() => popupFor(p));
      m.on("click", () => {
        const here = rowsAt(key(p.lat, p.lon));
        if (here.length) selectRow(here[0].dataset.gid, true);
      });
      markers.set(key(p.lat, p.lon), m);
      cluster.addLayer(m);
    }
    map.addLayer(cluster);
    const view = (params.get("map") || "").split("/").map(Number);
    if (view.length === 3 && view.every(Number.isFinite)) map.setView([view[1], view[2]], view[0]);
    else if (data.points.length) map.fitBounds(L.latLngBounds(data.points.map((p) => [p.lat, p.lon])).pad(0.3), { maxZoom: 7 });
    else map.setView([20, 0], 1);
    map.on("moveend", () => {
      const c = map.getCenter();
      NG.setParams({ map: map.getZoom() + "/" + c.lat.toFixed(3) + "/" + c.lng.toFixed(3) });
    });
  }
  function showOnMap(row) {
    selectRow(row.dataset.gid, false);
    if (!row.dataset.lat || !cluster) return;
    const m = markers.get(key(row.dataset.lat, row.dataset.lon));
    if (!m) return;
    cluster.zoomToShowLayer(m, () => { m.openPopup(); document.getElementById("map").classList.add("has-selection"); });
  }
  for (const r of rows) {
    r.addEventListener("click", (ev) => {
      if (ev.target instanceof HTMLAnchorElement) return;
      showOnMap(r);
    });
  }
  drawTimeline();
  drawMap();
  const sel = params.get("sel");
  if (sel) {
    const row = rows.find((r) => r.dataset.gid === sel);
    if (row) { row.scrollIntoView({ block: "center" }); showOnMap(row); }
  }
})();
