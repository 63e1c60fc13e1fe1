// Draws the map page: the shipped base map (TopoJSON, same origin) and one circle per
// place, from the points embedded in the page. No network access beyond this app.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var W = 960, H = 480;
  var holder = document.getElementById("map");
  var list = document.getElementById("map-events");
  var data = JSON.parse(document.getElementById("map-data").textContent);

  function x(lon) { return (lon + 180) * W / 360; }
  function y(lat) { return (90 - lat) * H / 180; }
  function el(name, attrs) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  var svg = el("svg", { viewBox: "0 0 " + W + " " + H, "class": "map-svg", role: "img" });
  var land = el("g", { "class": "land" });
  var dots = el("g", { "class": "points" });
  svg.appendChild(el("rect", { x: 0, y: 0, width: W, height: H, "class": "sea" }));
  svg.appendChild(land);
  svg.appendChild(dots);
  holder.appendChild(svg);

  // TopoJSON: quantized, delta-encoded arcs; a ring lists arc indexes (~i: reversed).
  function decodeArcs(topo) {
    var s = topo.transform.scale, t = topo.transform.translate;
    return topo.arcs.map(function (arc) {
      var a = 0, b = 0;
      return arc.map(function (p) {
        a += p[0]; b += p[1];
        return [a * s[0] + t[0], b * s[1] + t[1]];
      });
    });
  }
  function ringPath(ring, arcs) {
    var points = [];
    ring.forEach(function (i) {
      var arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      points = points.concat(points.length ? arc.slice(1) : arc);
    });
    // a ring that crosses the date line (Russia, Fiji) jumps across the map: lift the pen
    return points.map(function (p, k) {
      var jump = k === 0 || Math.abs(p[0] - points[k - 1][0]) > 180;
      return (jump ? "M" : "L") + x(p[0]).toFixed(1) + "," + y(p[1]).toFixed(1);
    }).join("") + "Z";
  }
  function drawBaseMap(topo) {
    var arcs = decodeArcs(topo);
    topo.objects.countries.geometries.forEach(function (g) {
      var polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
      var d = polygons.map(function (rings) {
        return rings.map(function (r) { return ringPath(r, arcs); }).join("");
      }).join("");
      if (d) { land.appendChild(el("path", { d: d, "class": "country" })); }
    });
  }
  fetch("/static/basemap/countries-110m.json")
    .then(function (r) { return r.json(); })
    .then(drawBaseMap)
    .catch(function () { holder.classList.add("no-basemap"); });

  function text(parent, tag, value, cls) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (cls) { node.className = cls; }
    parent.appendChild(node);
    return node;
  }
  function sentence(parent, item) {
    var span = document.createElement("span");
    span.className = "sentence";
    var s = item.sentence_text || "", at = item.trigger_at, len = (item.trigger_text || "").length;
    if (at === null || at < 0 || at + len > s.length) {
      span.textContent = s;
    } else {
      span.appendChild(document.createTextNode(s.slice(0, at)));
      text(span, "mark", s.slice(at, at + len), "trigger");
      span.appendChild(document.createTextNode(s.slice(at + len)));
    }
    parent.appendChild(span);
  }
  function show(point) {
    list.textContent = "";
    var head = text(list, "h2", point.name + (point.country ? " (" + point.country + ")" : ""));
    head.id = "map-place";
    text(list, "p", point.events + " event" + (point.events === 1 ? "" : "s") +
      (point.items.length < point.events ? ", the newest " + point.items.length + " listed" : "") +
      "; point precision: " + (point.precision || "unknown"), "muted");
    var ul = text(list, "ul", "", "map-event-list");
    point.items.forEach(function (item) {
      var li = text(ul, "li", "", "map-event");
      text(li, "span", (item.date || "no date") + " ", "nowrap");
      text(li, "strong", item.plover_type + " ", "type q" + item.quad_class);
      text(li, "span", (item.source_name || "?") + " \u2192 " + (item.target_name || "\u2013") + ": ", "actors");
      sentence(li, item);
      var open = text(li, "a", " open", "open");
      open.href = "/event/" + encodeURIComponent(item.event_id);
    });
  }

  var biggest = Math.max.apply(null, data.points.map(function (p) { return p.events; }).concat([1]));
  // the busiest places first, so smaller circles are drawn on top and stay clickable
  data.points.slice().sort(function (a, b) { return b.events - a.events; }).forEach(function (p) {
    var r = 4 + 14 * Math.sqrt(p.events / biggest);
    var dot = el("circle", { cx: x(p.lon).toFixed(1), cy: y(p.lat).toFixed(1), r: r.toFixed(1),
      "class": "pt q" + p.quad, tabindex: "0", "data-name": p.name });
    var title = el("title", {});
    title.textContent = p.name + ": " + p.events + " event" + (p.events === 1 ? "" : "s");
    dot.appendChild(title);
    dot.addEventListener("click", function () { show(p); });
    dot.addEventListener("keydown", function (e) { if (e.key === "Enter") { show(p); } });
    dots.appendChild(dot);
  });
  if (!data.points.length) {
    text(list, "p", "No located events for these filters.", "muted");
  }
})();
