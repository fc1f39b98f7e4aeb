// Marsad report filters: date range, faction, role. Re-lays out the SVG charts drawn in
// Python (elements carry data-mi = month index, data-actor / data-role, data-p / data-t)
// and filters the tables. No network, no eval, no HTML parsing: only attributes and
// textContent are written.
(function () {
  "use strict";
  var doc = document;
  function all(selector, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(selector)); }
  function one(selector) { return doc.querySelector(selector); }
  function show(el, on) { if (el instanceof SVGElement) { el.setAttribute("display", on ? "inline" : "none"); } else { el.hidden = !on; } }

  var from = one("#f-from"), to = one("#f-to"), faction = one("#f-faction"), role = one("#f-role");
  var reset = one("#f-reset");
  var lastMonth = to.options.length - 1;
  var top = {
    perpetrator: (faction.getAttribute("data-top-perpetrator") || "").split(" "),
    target: (faction.getAttribute("data-top-target") || "").split(" ")
  };
  var rowLimit = Number(one("#incidents").getAttribute("data-limit")) || 50;
  var state = {};

  function read() {
    var a = Number(from.value), b = Number(to.value);
    state = { from: Math.min(a, b), to: Math.max(a, b), faction: faction.value, role: role.value };
  }
  function actorOn(actor, actorRole) {
    if (actorRole !== state.role) { return false; }
    if (state.faction === "all") { return true; }
    if (state.faction === "top") { return top[actorRole].indexOf(actor) >= 0; }
    return actor === state.faction;
  }
  function monthOn(mi) {
    if (mi < 0) { return state.from === 0 && state.to === lastMonth; }
    return mi >= state.from && mi <= state.to;
  }
  function incidentOn(el) {
    var actor = el.getAttribute(state.role === "perpetrator" ? "data-p" : "data-t");
    return monthOn(Number(el.getAttribute("data-mi"))) && (state.faction === "all" || actorOn(actor, state.role));
  }
  function placeColumns(svg, left, colw) {
    all("g.col", svg).forEach(function (g) {
      var mi = Number(g.getAttribute("data-mi"));
      var on = monthOn(mi);
      show(g, on);
      if (on) { g.setAttribute("transform", "translate(" + (left + (mi - state.from) * colw) + "," + (g.getAttribute("data-y") || 0) + ")"); }
    });
  }
  function layoutGrid(svg) {
    var d = svg.dataset, left = Number(d.left), topM = Number(d.top), colw = Number(d.colw), rowh = Number(d.rowh);
    placeColumns(svg, left, colw);
    var n = 0;
    all("g.row", svg).forEach(function (g) {
      var on = actorOn(g.getAttribute("data-actor"), g.getAttribute("data-role"));
      show(g, on);
      if (on) { g.setAttribute("transform", "translate(0," + (topM + n * rowh) + ")"); n += 1; }
    });
    all("text.empty", svg).forEach(function (t) { show(t, n === 0); });
    svg.setAttribute("width", left + (state.to - state.from + 1) * colw + Number(d.right));
    svg.setAttribute("height", topM + Math.max(n, 1) * rowh + Number(d.bottom));
  }
  function layoutStack(svg) {
    var d = svg.dataset, left = Number(d.left), topM = Number(d.top), colw = Number(d.colw), plotH = Number(d.plotH);
    placeColumns(svg, left, colw);
    var max = 0;
    all("g.col", svg).forEach(function (g) {
      if (!monthOn(Number(g.getAttribute("data-mi")))) { return; }
      var total = 0;
      all("rect.seg", g).forEach(function (r) { if (actorOn(r.getAttribute("data-actor"), r.getAttribute("data-role"))) { total += Number(r.getAttribute("data-v")); } });
      max = Math.max(max, total);
    });
    var scale = plotH / (max || 1), base = topM + plotH;
    all("g.col", svg).forEach(function (g) {
      var y = base;
      all("rect.seg", g).forEach(function (r) {
        var on = actorOn(r.getAttribute("data-actor"), r.getAttribute("data-role"));
        show(r, on);
        var h = on ? Number(r.getAttribute("data-v")) * scale : 0;
        y -= h;
        r.setAttribute("y", y.toFixed(1));
        r.setAttribute("height", h.toFixed(1));
      });
    });
    all("text.tick", svg).forEach(function (t) { t.textContent = String(Math.round(max * Number(t.getAttribute("data-f")))); });
    var width = left + (state.to - state.from + 1) * colw + Number(d.right);
    svg.setAttribute("width", width);
    all("line.grid", svg).forEach(function (l) { l.setAttribute("x2", width - Number(d.right)); });
    all(".legend li[data-actor]").forEach(function (li) { show(li, actorOn(li.getAttribute("data-actor"), li.getAttribute("data-role"))); });
  }
  function filterIncidents() {
    var shown = 0, matching = 0, killed = [0, 0, 0], wounded = 0, perGov = {};
    all("#incidents tbody tr").forEach(function (tr) {
      var on = incidentOn(tr);
      if (on) {
        matching += 1;
        killed[0] += Number(tr.getAttribute("data-kl")); killed[1] += Number(tr.getAttribute("data-kb")); killed[2] += Number(tr.getAttribute("data-kh"));
        wounded += Number(tr.getAttribute("data-wb"));
        var gov = tr.getAttribute("data-gov");
        if (gov) { perGov[gov] = (perGov[gov] || 0) + 1; }
      }
      show(tr, on && shown < rowLimit);
      if (on && shown < rowLimit) { shown += 1; }
    });
    one("#incidents-status").textContent = "Showing " + shown + " of " + matching + " incident(s) for this filter, latest first.";
    one("#sum-incidents").textContent = String(matching);
    one("#sum-killed").textContent = killed[1] + " (" + killed[0] + "–" + killed[2] + ")";
    one("#sum-wounded").textContent = String(wounded);
    var max = 0;
    Object.keys(perGov).forEach(function (k) { max = Math.max(max, perGov[k]); });
    all("#chart-map path.gov").forEach(function (p) {
      var n = perGov[p.getAttribute("data-gov")] || 0;
      p.setAttribute("fill-opacity", (0.06 + 0.6 * n / (max || 1)).toFixed(2));
    });
    all("#governorates tbody tr").forEach(function (tr) {
      var n = perGov[tr.getAttribute("data-gov")] || 0;
      tr.querySelector("td.n").textContent = String(n);
    });
    var points = 0;
    all("#chart-map circle.pt").forEach(function (c) { var on = incidentOn(c); show(c, on); points += on ? 1 : 0; });
    one("#map-status").textContent = points + " incident point(s) on the map for this filter.";
  }
  function filterPairs() {
    var visible = 0;
    all("#pairs tbody tr").forEach(function (tr) {
      var p = tr.getAttribute("data-p"), t = tr.getAttribute("data-t");
      var actorMatch = state.faction === "all" || actorOn(state.role === "perpetrator" ? p : t, state.role);
      var n = 0, k = 0;
      (tr.getAttribute("data-m") || "").split(" ").forEach(function (entry) {
        if (!entry) { return; }
        var f = entry.split(":");
        if (monthOn(Number(f[0]))) { n += Number(f[1]); k += Number(f[2]); }
      });
      tr.querySelector("td.n").textContent = String(n);
      tr.querySelector("td.k").textContent = String(k);
      var on = actorMatch && n > 0;
      show(tr, on);
      visible += on ? 1 : 0;
    });
    one("#pairs-status").textContent = visible + " actor pair(s) for this filter.";
  }
  function apply() {
    read();
    all("svg.grid-chart").forEach(layoutGrid);
    all("svg.stack-chart").forEach(layoutStack);
    filterIncidents();
    filterPairs();
    doc.body.setAttribute("data-filtered", [state.from, state.to, state.faction, state.role].join("|"));
  }
  [from, to, faction, role].forEach(function (el) { el.addEventListener("change", apply); });
  reset.addEventListener("click", function () {
    from.value = "0"; to.value = String(lastMonth); faction.value = "top"; role.value = "perpetrator";
    apply();
  });
  apply();
})();
