/* kg view: draws the graph described by the JSON in #kg-data with vis-network.
 *
 * Every string here may come from an untrusted article, so text only ever reaches the
 * page through textContent (never innerHTML), and tooltips are DOM elements, which
 * vis-network appends as they are instead of parsing them.
 */
(function () {
  "use strict";

  // milliseconds since navigation start at each step of building the page (for benchmarks)
  var timings = window.kgTimings = { start: performance.now() };
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  timings.parsed = performance.now();
  var meta = data.meta;
  var SVG = "http://www.w3.org/2000/svg"; // an XML namespace name, never fetched

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function tipElement(tip) {
    var box = el("div", "kg-tip");
    box.appendChild(el("div", "kg-tip-title", tip.title));
    if (tip.subtitle) box.appendChild(el("div", "kg-tip-sub", tip.subtitle));
    tip.lines.forEach(function (line) {
      box.appendChild(el("div", "kg-tip-line", line));
    });
    tip.evidence.forEach(function (q) {
      var quote = el("blockquote", "kg-tip-quote");
      quote.appendChild(el("div", "kg-tip-sentence", q.sentence));
      quote.appendChild(el("div", "kg-tip-source", q.source));
      box.appendChild(quote);
    });
    if (tip.more) box.appendChild(el("div", "kg-tip-more", tip.more));
    return box;
  }

  function shapeIcon(shape, color, size) {
    var s = size || 14, h = s / 2;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", s);
    svg.setAttribute("height", s);
    svg.setAttribute("viewBox", "0 0 " + s + " " + s);
    svg.setAttribute("class", "kg-icon");
    var shapeEl;
    function poly(points) {
      var p = document.createElementNS(SVG, "polygon");
      p.setAttribute("points", points.map(function (xy) { return xy[0].toFixed(1) + "," + xy[1].toFixed(1); }).join(" "));
      return p;
    }
    function ring(n, r0, r1, rot) {
      var pts = [];
      for (var i = 0; i < n; i++) {
        var r = i % 2 ? r1 : r0, a = rot + (Math.PI * 2 * i) / n;
        pts.push([h + r * Math.cos(a), h + r * Math.sin(a)]);
      }
      return pts;
    }
    if (shape === "square") {
      shapeEl = document.createElementNS(SVG, "rect");
      shapeEl.setAttribute("x", 1.5); shapeEl.setAttribute("y", 1.5);
      shapeEl.setAttribute("width", s - 3); shapeEl.setAttribute("height", s - 3);
    } else if (shape === "triangle") {
      shapeEl = poly([[h, 1], [s - 1, s - 2], [1, s - 2]]);
    } else if (shape === "diamond") {
      shapeEl = poly([[h, 0.5], [s - 0.5, h], [h, s - 0.5], [0.5, h]]);
    } else if (shape === "star") {
      shapeEl = poly(ring(10, h - 0.5, h / 2.3, -Math.PI / 2));
    } else if (shape === "hexagon") {
      shapeEl = poly(ring(6, h - 0.5, h - 0.5, 0));
    } else {
      shapeEl = document.createElementNS(SVG, "circle");
      shapeEl.setAttribute("cx", h); shapeEl.setAttribute("cy", h); shapeEl.setAttribute("r", h - 1.5);
    }
    shapeEl.setAttribute("fill", color);
    shapeEl.setAttribute("stroke", "#333");
    shapeEl.setAttribute("stroke-width", "0.8");
    svg.appendChild(shapeEl);
    return svg;
  }

  function lineIcon(color) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", 26); svg.setAttribute("height", 12);
    svg.setAttribute("class", "kg-icon");
    var line = document.createElementNS(SVG, "line");
    line.setAttribute("x1", 1); line.setAttribute("y1", 6); line.setAttribute("x2", 19); line.setAttribute("y2", 6);
    line.setAttribute("stroke", color); line.setAttribute("stroke-width", 2.5);
    var head = document.createElementNS(SVG, "polygon");
    head.setAttribute("points", "18,1 25,6 18,11");
    head.setAttribute("fill", color);
    svg.appendChild(line); svg.appendChild(head);
    return svg;
  }

  // -- data -----------------------------------------------------------------------------
  var nodeItems = data.nodes.map(function (n) { n.title = tipElement(n.kg.tip); return n; });
  var edgeItems = data.edges.map(function (e) { e.title = tipElement(e.kg.tip); return e; });
  timings.tooltips = performance.now();
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var nodeType = {};
  nodeItems.forEach(function (n) { nodeType[n.id] = n.kg.type; });

  // -- filters ---------------------------------------------------------------------------
  var state = { types: {}, groups: {}, polarity: {}, relations: {}, minWeight: 1, hideLonely: !!meta.hide_isolated };
  var nodeGroup = {};
  nodeItems.forEach(function (n) { nodeGroup[n.id] = n.kg.group; });
  data.legend.types.forEach(function (t) { state.types[t.type] = true; });
  data.legend.polarity.forEach(function (p) { state.polarity[p.polarity] = true; });
  data.legend.relations.forEach(function (r) { state.relations[r.relation] = true; });
  var connected = null;

  function edgeShown(e) {
    var k = e.kg;
    return state.relations[k.relation] !== false && state.polarity[k.polarity] !== false &&
      k.weight >= state.minWeight && state.types[nodeType[e.from]] !== false &&
      state.types[nodeType[e.to]] !== false && state.groups[nodeGroup[e.from]] !== false &&
      state.groups[nodeGroup[e.to]] !== false;
  }
  function nodeShown(n) {
    if (state.types[n.kg.type] === false || state.groups[n.kg.group] === false) return false;
    return !state.hideLonely || connected === null || connected[n.id] === true;
  }
  function computeConnected() {
    connected = null;
    if (!state.hideLonely) return;
    connected = {};
    edges.forEach(function (e) {
      if (edgeShown(e)) { connected[e.from] = true; connected[e.to] = true; }
    });
  }
  computeConnected();
  var nodesView = new vis.DataView(nodes, { filter: nodeShown });
  var edgesView = new vis.DataView(edges, { filter: edgeShown });

  function refresh() {
    computeConnected();
    nodesView.refresh();
    edgesView.refresh();
    updateCounts();
    if (typeof network !== "undefined") network.redraw();
  }

  // -- network -------------------------------------------------------------------------
  var container = document.getElementById("kg-graph");
  timings.datasets = performance.now();
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, data.options);
  timings.network = performance.now();

  // -- labels of the main actors while the picture is too small for every label ------------
  // vis-network draws a node's label only when it is at least drawThreshold pixels high on screen,
  // so a fitted graph of hundreds of actors shows none.  Then the page itself labels the
  // highest-ranked shown actors (most mentions, or degree) that fit without overlapping, at a
  // fixed size on screen; zooming in frees room for more, until vis-network labels them all.
  // Only the CANDIDATES best-ranked actors on screen may get a label: zoomed out, those are the
  // main actors of the corpus; zoomed in, the main actors of the part in view.
  var LABEL_PX = 13, GROUP_PX = 17, CANDIDATES = 60;
  var labelFace = data.options.nodes.font.face, labelColour = data.options.nodes.font.color;
  var nodeFont = data.options.nodes.font.size, drawThreshold = data.options.nodes.scaling.label.drawThreshold;
  var byRank = nodeItems.slice().sort(function (a, b) { return a.kg.rank - b.kg.rank; });
  var groupNames = data.legend.groups.map(function (g) { return g.group; });
  var labelWidth = {};  // label -> width in screen pixels at LABEL_PX
  var overlay = { main: true, groups: groupNames.length > 0 };
  window.kgLabelsDrawn = [];
  window.kgGroupsDrawn = [];

  function overlaps(box, boxes) {
    for (var i = 0; i < boxes.length; i++) {
      var b = boxes[i];
      if (box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h) return true;
    }
    return false;
  }
  function text(ctx, words, x, y, px, scale, colour) {
    ctx.font = (px / scale) + "px " + labelFace;
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = "#ffffff";
    ctx.lineJoin = "round";
    ctx.fillStyle = colour;
    ctx.strokeText(words, x, y);
    ctx.fillText(words, x, y);
  }
  function toDOM(x, y) { return network.canvasToDOM({ x: x, y: y }); }

  function drawOverlay(ctx) {
    var drawn = [], captions = [];
    var scale = network.getScale();
    var boxes = [];
    var canvas = container.getBoundingClientRect();
    var topLeft = network.DOMtoCanvas({ x: 0, y: 0 });
    var bottomRight = network.DOMtoCanvas({ x: canvas.width, y: canvas.height });
    ctx.save();
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    if (overlay.groups) {
      var sums = {};
      nodesView.forEach(function (n) {
        var g = n.kg.group, body = network.body.nodes[n.id];
        if (g === null || g === undefined || !body) return;
        var s = sums[g] || (sums[g] = { x: 0, y: 0, n: 0 });
        s.x += body.x; s.y += body.y; s.n += 1;
      });
      groupNames.forEach(function (g) {
        var s = sums[g];
        if (!s) return;
        var x = s.x / s.n, y = s.y / s.n - GROUP_PX / 2 / scale;
        text(ctx, g, x, y, GROUP_PX, scale, "#555555");
        var w = ctx.measureText(g).width;
        boxes.push({ x: x - w / 2, y: y, w: w, h: (GROUP_PX + 2) / scale });
        var d = toDOM(x, y);
        captions.push({ group: g, x: d.x, y: d.y });
      });
    }
    if (overlay.main && nodeFont * scale < drawThreshold) {
      ctx.font = LABEL_PX + "px " + labelFace;
      var considered = 0;
      for (var i = 0; i < byRank.length && considered < CANDIDATES; i++) {
        var n = byRank[i], body = network.body.nodes[n.id];
        if (!body || !nodesView.get(n.id)) continue;
        if (body.x < topLeft.x || body.x > bottomRight.x || body.y < topLeft.y || body.y > bottomRight.y) continue;
        considered += 1;
        if (labelWidth[n.label] === undefined) {
          ctx.font = LABEL_PX + "px " + labelFace;
          labelWidth[n.label] = ctx.measureText(n.label).width;
        }
        var w = (labelWidth[n.label] + 4) / scale, h = (LABEL_PX + 3) / scale, gap = 2 / scale;
        var r = Math.max(n.size, 3 / scale);
        // below, above, right of, left of the node: the first place that is free
        var places = [
          { x: body.x - w / 2, y: body.y + r + gap }, { x: body.x - w / 2, y: body.y - r - gap - h },
          { x: body.x + r + gap, y: body.y - h / 2 }, { x: body.x - r - gap - w, y: body.y - h / 2 }
        ];
        var box = null;
        for (var j = 0; j < places.length && box === null; j++) {
          var candidate = { x: places[j].x, y: places[j].y, w: w, h: h };
          if (!overlaps(candidate, boxes)) box = candidate;
        }
        if (box === null) continue;
        boxes.push(box);
        text(ctx, n.label, box.x + w / 2, box.y + 1 / scale, LABEL_PX, scale, labelColour);
        var a = toDOM(box.x, box.y), b = toDOM(box.x + box.w, box.y + box.h);
        drawn.push({ id: n.id, label: n.label, rank: n.kg.rank, x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y });
      }
    }
    ctx.restore();
    window.kgLabelsDrawn = drawn;
    window.kgGroupsDrawn = captions;
  }
  network.on("afterDrawing", drawOverlay);

  var ready = false;
  function markReady() {
    if (ready) return;
    ready = true;
    window.kgReadyAt = timings.ready = performance.now();
    document.body.setAttribute("data-kg-ready", "true");
  }
  if (meta.physics && nodeItems.length > 0) {
    network.once("stabilizationIterationsDone", function () {
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", markReady);
  }

  // -- side panel: legend and filters ------------------------------------------------------
  function checkbox(list, opts) {
    var row = el("label", "kg-row" + (opts.count === 0 ? " kg-empty" : ""));
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-filter", opts.filter);
    box.setAttribute("data-value", String(opts.value));
    box.addEventListener("change", function () { opts.onChange(box.checked); refresh(); });
    row.appendChild(box);
    row.appendChild(opts.icon);
    row.appendChild(el("span", "kg-name", opts.label));
    if (opts.count !== undefined) row.appendChild(el("span", "kg-count", opts.count));
    if (opts.hint) row.title = opts.hint;
    list.appendChild(row);
    return box;
  }
  var typeList = document.querySelector("#kg-legend-types .kg-list");
  data.legend.types.forEach(function (t) {
    checkbox(typeList, {
      filter: "type", value: t.type, label: t.label, count: t.count, icon: shapeIcon(t.shape, t.color),
      onChange: function (on) { state.types[t.type] = on; }
    });
  });
  if (data.legend.groups.length) {
    var groupPanel = document.getElementById("kg-legend-groups");
    groupPanel.hidden = false;
    data.legend.groups.forEach(function (g) {
      checkbox(groupPanel.querySelector(".kg-list"), {
        filter: "group", value: g.group, label: g.group, count: g.count,
        icon: shapeIcon("dot", g.color || "#ffffff"),
        onChange: function (on) { state.groups[g.group] = on; }
      });
    });
  }
  var polarityList = document.querySelector("#kg-legend-polarity .kg-list");
  data.legend.polarity.forEach(function (p) {
    checkbox(polarityList, {
      filter: "polarity", value: p.polarity, label: p.label, count: p.count, icon: lineIcon(p.color),
      onChange: function (on) { state.polarity[p.polarity] = on; }
    });
  });
  var relationList = document.querySelector("#kg-legend-relations .kg-list");
  data.legend.relations.forEach(function (r) {
    if (r.count === 0) return;
    checkbox(relationList, {
      filter: "relation", value: r.relation, label: r.relation, count: r.count, icon: lineIcon(r.color),
      hint: r.meaning + (r.symmetric ? " (symmetric)" : ""),
      onChange: function (on) { state.relations[r.relation] = on; }
    });
  });
  if (!relationList.firstChild) relationList.appendChild(el("div", "kg-note", "No relations."));

  var optionList = document.querySelector("#kg-options .kg-list");
  var maxWeight = edgeItems.reduce(function (m, e) { return Math.max(m, e.kg.weight); }, 1);
  if (maxWeight > 1) {
    var weightRow = el("label", "kg-row kg-slider");
    var weightText = el("span", "kg-name", "");
    var slider = el("input");
    slider.type = "range"; slider.min = 1; slider.max = maxWeight; slider.value = 1; slider.step = 1;
    slider.id = "kg-min-weight";
    function weightLabel() { weightText.textContent = "At least " + slider.value + " evidence"; }
    slider.addEventListener("input", function () {
      state.minWeight = parseInt(slider.value, 10); weightLabel(); refresh();
    });
    weightLabel();
    weightRow.appendChild(weightText); weightRow.appendChild(slider);
    optionList.appendChild(weightRow);
  }
  function toggle(id, label, checked, onChange) {
    var row = el("label", "kg-row");
    var box = el("input");
    box.type = "checkbox"; box.id = id; box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    row.appendChild(box); row.appendChild(el("span", "kg-name", label));
    optionList.appendChild(row);
  }
  toggle("kg-hide-lonely", "Hide actors without shown relations", state.hideLonely, function (on) {
    state.hideLonely = on; refresh();
  });
  toggle("kg-top-labels", "Label the main actors when zoomed out", overlay.main, function (on) {
    overlay.main = on; network.redraw();
  });
  if (groupNames.length) {
    toggle("kg-group-names", "Name the groups", overlay.groups, function (on) {
      overlay.groups = on; network.redraw();
    });
  }
  toggle("kg-physics", "Physics (nodes push apart)", !!meta.physics, function (on) {
    network.setOptions({ physics: { enabled: on, stabilization: false } });
  });
  var fit = el("button", "kg-button", "Fit to window");
  fit.type = "button";
  fit.id = "kg-fit";
  fit.addEventListener("click", function () { network.fit({ animation: false }); });
  optionList.appendChild(fit);
  var counts = el("div", "kg-note");
  counts.id = "kg-shown";
  optionList.appendChild(counts);
  function updateCounts() {
    counts.textContent = "Showing " + nodesView.length + " of " + nodes.length + " actors, " +
      edgesView.length + " of " + edges.length + " relations";
  }
  updateCounts();

  var search = el("input", "kg-search");
  search.type = "search";
  search.id = "kg-search";
  search.placeholder = "Find actor\u2026";
  search.setAttribute("list", "kg-actor-names");
  var names = el("datalist");
  names.id = "kg-actor-names";
  nodeItems.slice().sort(function (a, b) { return a.label < b.label ? -1 : 1; }).forEach(function (n) {
    var o = el("option"); o.value = n.label; names.appendChild(o);
  });
  search.addEventListener("change", function () {
    var q = search.value.trim().toLowerCase();
    if (!q) return;
    var hit = nodeItems.filter(function (n) { return n.label.toLowerCase() === q; })[0] ||
      nodeItems.filter(function (n) { return n.label.toLowerCase().indexOf(q) >= 0; })[0];
    if (hit && nodesView.get(hit.id)) {
      network.selectNodes([hit.id]);
      network.focus(hit.id, { scale: 1.2, animation: false });
      showDetails({ nodes: [hit.id], edges: [] });
    }
  });
  optionList.insertBefore(names, optionList.firstChild);
  optionList.insertBefore(search, optionList.firstChild);

  // -- details of the selection -----------------------------------------------------------
  var details = document.getElementById("kg-details");
  var detailsBody = details.querySelector(".kg-body");
  function showDetails(params) {
    while (detailsBody.firstChild) detailsBody.removeChild(detailsBody.firstChild);
    var item = null;
    if (params.nodes && params.nodes.length) item = nodes.get(params.nodes[0]);
    else if (params.edges && params.edges.length) item = edges.get(params.edges[0]);
    if (!item) { details.hidden = true; return; }
    detailsBody.appendChild(tipElement(item.kg.tip));
    details.hidden = false;
  }
  network.on("select", showDetails);

  if (meta.focus && nodes.get(meta.focus)) {
    network.selectNodes([meta.focus]);
    showDetails({ nodes: [meta.focus], edges: [] });
  }

  window.kgData = data;
  window.kgNodes = nodes;
  window.kgEdges = edges;
  window.kgNodesView = nodesView;
  window.kgEdgesView = edgesView;
  window.kgNetwork = network;
  window.kgRefresh = refresh;
})();
