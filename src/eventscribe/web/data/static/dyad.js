// Draws the dyad chart from the series embedded in the page (no network access).
(function () {
  "use strict";
  var holder = document.getElementById("chart");
  var data = JSON.parse(document.getElementById("series-data").textContent);
  var points = data.points;
  if (!points.length) {
    holder.textContent = "No dated events for this dyad and these filters.";
    holder.classList.add("muted");
    return;
  }
  var x = points.map(function (p) { return p.period; });
  function bar(name, key, sign, color) {
    return {
      type: "bar", name: name, x: x, marker: { color: color },
      y: points.map(function (p) { return sign * p[key]; }),
      hovertemplate: "%{x}: %{customdata} " + name + "<extra></extra>",
      customdata: points.map(function (p) { return p[key]; })
    };
  }
  var traces = [
    bar("verbal cooperation", "verbal_coop", 1, "#7fc79a"),
    bar("material cooperation", "material_coop", 1, "#17803d"),
    bar("verbal conflict", "verbal_conflict", -1, "#f29b76"),
    bar("material conflict", "material_conflict", -1, "#b42318"),
    {
      type: "scatter", mode: "lines+markers", name: "Goldstein (sum)", x: x, yaxis: "y2",
      y: points.map(function (p) { return p.goldstein_sum; }),
      line: { color: "#1f3b57", width: 2 }, marker: { size: 5 }
    }
  ];
  // Symmetric ranges on both axes keep their zero lines on the same height.
  function reach(values) {
    var m = Math.max.apply(null, values.map(Math.abs).concat([1]));
    return [-1.1 * m, 1.1 * m];
  }
  var countRange = reach(points.map(function (p) { return p.verbal_coop + p.material_coop; })
    .concat(points.map(function (p) { return p.verbal_conflict + p.material_conflict; })));
  var goldRange = reach(points.map(function (p) { return p.goldstein_sum; }));
  var layout = {
    barmode: "relative", margin: { t: 10, r: 60, b: 40, l: 50 },
    legend: { orientation: "h", y: -0.15 },
    xaxis: { type: "date" },
    yaxis: { title: { text: "events (conflict below 0)" }, zeroline: true, range: countRange },
    yaxis2: { title: { text: "Goldstein" }, overlaying: "y", side: "right", zeroline: false, range: goldRange },
    hovermode: "x unified"
  };
  Plotly.newPlot(holder, traces, layout, { displaylogo: false, responsive: true });
  holder.on("plotly_click", function (ev) {
    if (!ev.points.length) { return; }
    var start = ev.points[0].x.slice(0, 10);
    var end = periodEnd(start, holder.dataset.by);
    var params = new URLSearchParams(window.location.search);
    params.set("start", start); params.set("end", end); params.delete("page");
    window.location.search = params.toString();
  });
  function periodEnd(start, by) {
    var d = new Date(start + "T00:00:00Z");
    if (by === "week") { d.setUTCDate(d.getUTCDate() + 6); }
    else if (by === "month") { d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)); }
    return d.toISOString().slice(0, 10);
  }
})();
