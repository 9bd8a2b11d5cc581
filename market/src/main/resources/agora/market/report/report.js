/*
 * The Agora report: every section below reads one block of the data Agora embedded in the page
 * (the element #agora-data) and draws its charts with Apache ECharts, bundled in this file.
 * To add a chart (states of charge, say): add a block to the data (ReportModel.java) and an
 * entry to SECTIONS whose `available` tells when the run has that block, as 'lines' does.
 *
 * For the browser test: window.agoraCharts holds every chart by id, window.agoraMarks(id)
 * counts the marks its series drew, window.agoraReady is true once every section is drawn.
 */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('agora-data').textContent);
  var charts = {};
  window.agoraCharts = charts;

  // ---- numbers and units -------------------------------------------------------------
  function fmt(v) {
    if (v === null || v === undefined || !isFinite(v)) return '–';
    if (Math.abs(v) < 1e-9) v = 0; // the solver's noise, not a value
    return Number(v).toLocaleString('en-US', { maximumSignificantDigits: 4 });
  }
  /** A money unit for amounts whose largest magnitude is `largest` (as DisplayUnits.java). */
  function moneyScale(largest) {
    var c = D.scenario.currency;
    if (largest >= 1e6) return { unit: 'M' + c, factor: 1e-6 };
    if (largest >= 1e3) return { unit: 'k' + c, factor: 1e-3 };
    return { unit: c, factor: 1 };
  }
  function energyScale(largest) {
    if (largest >= 1e3) return { unit: 'GWh', factor: 1e-3 };
    if (largest >= 1) return { unit: 'MWh', factor: 1 };
    return { unit: 'kWh', factor: 1e3 };
  }
  function largest(values) {
    return values.reduce(function (m, v) { return v !== null && isFinite(v) ? Math.max(m, Math.abs(v)) : m; }, 0);
  }
  /** v × factor, or null where there is no value (a design none of whose steps solved). */
  function times(v, factor) {
    return v === null || v === undefined ? null : v * factor;
  }
  function scaled(values, factor) {
    return values.map(function (v) { return v === null ? null : v * factor; });
  }

  // ---- page building -------------------------------------------------------------------
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function section(id, title, note) {
    var s = el('section', { id: id });
    s.appendChild(el('h2', {}, title));
    if (note) s.appendChild(el('p', { 'class': 'note' }, note));
    document.getElementById('sections').appendChild(s);
    return s;
  }
  function chart(parent, id, tall) {
    var div = el('div', { id: 'chart-' + id, 'class': tall ? 'chart tall' : 'chart' });
    parent.appendChild(div);
    var c = echarts.init(div, null, { renderer: 'canvas' });
    charts[id] = c;
    return c;
  }
  function select(parent, label, id, options, chosen, onChange) {
    var wrap = el('label', {}, label);
    var s = el('select', { id: id });
    options.forEach(function (o) {
      var opt = el('option', { value: o.value }, o.label);
      if (o.value === chosen) opt.selected = true;
      s.appendChild(opt);
    });
    s.addEventListener('change', function () { onChange(s.value); });
    wrap.appendChild(s);
    parent.appendChild(wrap);
    return s;
  }
  function controls(parent) {
    var c = el('div', { 'class': 'controls' });
    parent.appendChild(c);
    return c;
  }
  var designNames = D.designs.map(function (d) { return d.name; });
  /** The start of each group of steps as people write it: 2013-06-01 06:00. */
  var labels = D.buckets.times.map(function (t) { return t.replace('T', ' '); });
  var groupWord = D.buckets.name === 'step' ? 'step' : D.buckets.name;
  /** Lines of at most this many points also mark each point (one step is a point, not a line). */
  var FEW_POINTS = 60;
  var zoom = [{ type: 'inside' }, { type: 'slider', height: 22, bottom: 6 }];

  /** Series for a band: the least value, the spread up to the largest (shaded), the mean. */
  function bandSeries(name, band, factor, color) {
    var lo = scaled(band.min, factor);
    var spread = band.max.map(function (v, i) {
      return v === null || band.min[i] === null ? null : (v - band.min[i]) * factor;
    });
    var stack = 'band ' + name;
    var series = [{ name: name, type: 'line', data: scaled(band.mean, factor), symbolSize: 5,
                    showSymbol: labels.length <= FEW_POINTS, lineStyle: { width: 1.5 }, color: color,
                    connectNulls: false }];
    if (D.buckets.stepsPerGroup > 1) {
      series.push({ name: name, type: 'line', data: lo, stack: stack, symbol: 'none',
                    lineStyle: { opacity: 0 }, silent: true, color: color, tooltip: { show: false } });
      series.push({ name: name, type: 'line', data: spread, stack: stack, symbol: 'none',
                    lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.18 }, silent: true,
                    color: color, tooltip: { show: false } });
    }
    return series;
  }
  var palette = ['#3060c0', '#d0642c', '#2a9d5c', '#8e44ad', '#c0392b', '#16a2b8', '#7f8c8d',
                 '#b8860b', '#e83e8c', '#1f3a5f'];
  function axisTooltip(unit) {
    return { trigger: 'axis', formatter: function (items) {
      var seen = {};
      var lines = [items.length ? items[0].axisValueLabel : ''];
      items.forEach(function (it) {
        if (seen[it.seriesName] || it.seriesIndex === undefined) return;
        seen[it.seriesName] = true;
        lines.push(it.marker + it.seriesName + ': ' + fmt(it.value) + ' ' + unit);
      });
      return lines.join('<br>');
    } };
  }

  // ---- the sections ------------------------------------------------------------------------
  var SECTIONS = [
    { id: 'designs', title: 'The designs side by side', available: function () { return D.designs.length > 0; },
      render: renderDesigns },
    { id: 'bills', title: 'Welfare and bills per peer', available: function () { return D.bills; },
      render: function (s) { renderBills(s, 'peers'); } },
    { id: 'collective-bills', title: 'Welfare and bills per collective',
      available: function () { return D.bills && D.bills.collectives[designNames[0]].length > 0; },
      render: function (s) { renderBills(s, 'collectives'); } },
    { id: 'grid', title: 'Grid import and export', available: function () { return D.grid; },
      render: renderGrid },
    { id: 'prices', title: 'Community and bilateral prices',
      available: function () { return hasPrices(); }, render: renderPrices },
    { id: 'duration', title: 'Price duration curves', available: function () { return hasPrices(); },
      render: renderDuration },
    { id: 'fig7', title: 'One peer\'s trades per partner (Figure 7)',
      available: function () { return D.fig7; }, render: renderFig7 },
    { id: 'tree', title: 'The collectives: tree of markets', available: function () { return D.tree; },
      render: renderTree },
    { id: 'graph', title: 'Trading graph', available: function () { return D.graph; },
      render: renderGraph },
    { id: 'lines', title: 'Line loadings', available: function () { return D.lines; },
      render: renderLines }
  ];

  function hasPrices() {
    return designNames.some(function (d) { return D.prices[d] && Object.keys(D.prices[d]).length > 0; });
  }

  function renderDesigns(s) {
    var u = D.units;
    var money = ' [' + u.money + ']', energy = ' [' + u.energy + ']';
    var cols = [['Total SW' + money, 'welfare', u.perCurrency], ['Import cost' + money, 'importCost', u.perCurrency],
                ['Export revenue' + money, 'exportRevenue', u.perCurrency], ['Load' + energy, 'load', u.perMwh],
                ['Import' + energy, 'import', u.perMwh], ['Export' + energy, 'export', u.perMwh],
                ['Exchange between collectives' + energy, 'exchange', u.perMwh]];
    var table = el('table', { 'class': 'totals', id: 'totals' });
    var head = el('tr');
    head.appendChild(el('th', {}, 'Design'));
    cols.forEach(function (c) { head.appendChild(el('th', {}, c[0])); });
    var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
    var body = el('tbody');
    D.designs.forEach(function (d) {
      var tr = el('tr');
      tr.appendChild(el('td', {}, d.name + (d.failedSteps ? ' (' + d.failedSteps
        + (d.failedSteps === 1 ? ' step' : ' steps') + ' failed)' : '')));
      cols.forEach(function (c) { tr.appendChild(el('td', {}, fmt(times(d.totals[c[1]], c[2])))); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    s.appendChild(table);
    var c = chart(s, 'designs');
    var metrics = cols.slice(3);
    c.setOption({
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 70, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: metrics.map(function (m) { return m[0].replace(energy, ''); }) },
      yAxis: { type: 'value', name: u.energy },
      series: D.designs.map(function (d, i) {
        return { name: d.name, type: 'bar', color: palette[i % palette.length],
                 data: metrics.map(function (m) { return times(d.totals[m[1]], m[2]); }) };
      })
    });
  }

  function renderBills(s, kind) {
    s.appendChild(el('p', { 'class': 'note' }, 'Paid: what ' + (kind === 'peers' ? 'each peer' : 'the members of each collective')
      + ' paid in the market (negative = received). Welfare: −(own cost + payment), the share of the social welfare.'));
    var ctl = controls(s);
    var c = chart(s, kind === 'peers' ? 'bills' : 'collective-bills');
    function draw(design) {
      var rows = D.bills[kind][design];
      var welfare = rows.map(function (r) { return -(r.cost + r.payment); });
      var paid = rows.map(function (r) { return r.payment; });
      var m = moneyScale(largest(welfare.concat(paid)));
      c.setOption({
        tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 80, right: 20, top: 40, bottom: 60 },
        xAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { rotate: rows.length > 12 ? 45 : 0 } },
        yAxis: { type: 'value', name: m.unit },
        series: [{ name: 'paid', type: 'bar', color: palette[1], data: scaled(paid, m.factor) },
                 { name: 'welfare', type: 'bar', color: palette[2], data: scaled(welfare, m.factor) }]
      }, true);
    }
    select(ctl, 'Design', kind + '-design', designNames.map(function (d) { return { value: d, label: d }; }),
           designNames[0], draw);
    draw(designNames[0]);
  }

  function timeChart(s, id, title, unit, seriesList) {
    var c = chart(s, id);
    c.setOption({
      title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
      tooltip: axisTooltip(unit), legend: { top: 22, type: 'scroll' },
      grid: { left: 70, right: 20, top: 80, bottom: 64 },
      xAxis: { type: 'category', data: labels, boundaryGap: false },
      yAxis: { type: 'value', name: unit, scale: true },
      dataZoom: zoom, series: seriesList
    });
    return c;
  }

  function bandNote() {
    return D.buckets.stepsPerGroup > 1
      ? 'Mean of each ' + groupWord + ' (' + D.buckets.stepsPerGroup + ' steps), the shaded band from its least to its largest step. Drag or scroll to zoom.'
      : 'One point per step. Drag or scroll to zoom.';
  }

  function renderGrid(s) {
    s.appendChild(el('p', { 'class': 'note' }, 'Mean power bought from (import) and sold to (export) the grid. ' + bandNote()));
    var f = D.units.perMw, unit = D.units.power;
    ['import', 'export'].forEach(function (what) {
      var list = [];
      designNames.forEach(function (d, i) {
        list = list.concat(bandSeries(d, D.grid[d][what], f, palette[i % palette.length]));
      });
      timeChart(s, 'grid-' + what, 'Grid ' + what, unit, list);
    });
  }

  function priceKeys() {
    var keys = [];
    designNames.forEach(function (d) {
      Object.keys(D.prices[d] || {}).forEach(function (label) { keys.push([d, label]); });
    });
    return keys;
  }

  function renderPrices(s) {
    s.appendChild(el('p', { 'class': 'note' }, 'Each pool\'s community price (the dual of its balance), named by its collective, and the bilateral mean: the energy-weighted mean price of the bilateral trades of each step. ' + bandNote()));
    var list = [];
    priceKeys().forEach(function (k, i) {
      list = list.concat(bandSeries(k[0] + ': ' + k[1], D.prices[k[0]][k[1]], 1, palette[i % palette.length]));
    });
    timeChart(s, 'prices', 'Prices', D.scenario.currency + '/MWh', list);
  }

  function renderDuration(s) {
    s.appendChild(el('p', { 'class': 'note' }, 'Each price sorted from the highest step down: the share of the steps at or above a price.'));
    var c = chart(s, 'duration');
    var list = priceKeys().filter(function (k) { return D.duration[k[0]] && D.duration[k[0]][k[1]]; }).map(function (k, i) {
      var values = D.duration[k[0]][k[1]];
      return { name: k[0] + ': ' + k[1], type: 'line', symbolSize: 5, showSymbol: values.length <= FEW_POINTS,
               color: palette[i % palette.length],
               data: values.map(function (v, j) { return [values.length > 1 ? 100 * j / (values.length - 1) : 0, v]; }) };
    });
    c.setOption({
      tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' }, grid: { left: 70, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'value', name: '% of steps', min: 0, max: 100 },
      yAxis: { type: 'value', name: D.scenario.currency + '/MWh', scale: true },
      series: list
    });
  }

  function renderFig7(s) {
    s.appendChild(el('p', { 'class': 'note' }, 'Energy each partner bought from the peer (positive) or sold to it (negative), per '
      + groupWord + (D.buckets.stepsPerGroup > 1 ? ' (summed over its steps; run a shorter range with --from/--to to see single steps)' : '') + '.'));
    var ctl = controls(s);
    var c = chart(s, 'fig7', true);
    var state = { design: designNames[0], peer: null, from: 0, to: D.buckets.times.length - 1 };
    var peerSelect;
    function peersOf(design) {
      return Object.keys(D.fig7[design] || {});
    }
    function defaultPeer(design) {
      var peers = peersOf(design);
      var consumers = (D.graph[design] ? D.graph[design].nodes : []).filter(function (n) {
        return n.category === 'consumer' && peers.indexOf(n.name) >= 0;
      });
      return consumers.length ? consumers[0].name : peers[0];
    }
    function fillPeers() {
      var peers = peersOf(state.design);
      if (peers.indexOf(state.peer) < 0) state.peer = defaultPeer(state.design);
      peerSelect.innerHTML = '';
      peers.forEach(function (p) {
        var o = el('option', { value: p }, p);
        if (p === state.peer) o.selected = true;
        peerSelect.appendChild(o);
      });
    }
    function draw() {
      var partners = (D.fig7[state.design] || {})[state.peer] || {};
      var names = Object.keys(partners);
      var times = labels.slice(state.from, state.to + 1);
      var all = [];
      names.forEach(function (n) { all = all.concat(partners[n].slice(state.from, state.to + 1)); });
      var e = energyScale(largest(all));
      c.setOption({
        title: { text: (state.peer || 'no trades') + ' in ' + state.design, left: 'center', textStyle: { fontSize: 13 } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: { top: 22, type: 'scroll' },
        grid: { left: 70, right: 20, top: 80, bottom: 64 },
        xAxis: { type: 'category', data: times },
        yAxis: { type: 'value', name: e.unit + ' sold' },
        dataZoom: zoom,
        series: names.map(function (n, i) {
          return { name: n, type: 'bar', stack: 'trades', color: palette[i % palette.length],
                   data: scaled(partners[n].slice(state.from, state.to + 1), e.factor) };
        })
      }, true);
    }
    select(ctl, 'Design', 'fig7-design', designNames.map(function (d) { return { value: d, label: d }; }),
           state.design, function (v) { state.design = v; fillPeers(); draw(); });
    peerSelect = select(ctl, 'Peer', 'fig7-peer', [], null, function (v) { state.peer = v; draw(); });
    var times = labels.map(function (t, i) { return { value: String(i), label: t }; });
    var fromSelect = select(ctl, 'From', 'fig7-from', times, '0', function (v) {
      state.from = Math.min(Number(v), state.to); draw(); });
    var toSelect = select(ctl, 'To', 'fig7-to', times, String(times.length - 1), function (v) {
      state.to = Math.max(Number(v), state.from); draw(); });
    fromSelect.value = '0';
    toSelect.value = String(times.length - 1);
    fillPeers();
    draw();
  }

  function renderTree(s) {
    s.appendChild(el('p', { 'class': 'note' }, 'Each design\'s markets: the root market, its participants, and inside each collective its members (bilateral or pool).'));
    var ctl = controls(s);
    var c = chart(s, 'tree', true);
    function draw(design) {
      c.setOption({
        tooltip: { trigger: 'item' },
        series: [{ type: 'tree', data: [D.tree[design]], top: 20, left: 120, bottom: 20, right: 160,
                   symbolSize: 9, initialTreeDepth: -1, label: { position: 'left', fontSize: 12 },
                   leaves: { label: { position: 'right' } }, expandAndCollapse: true }]
      }, true);
    }
    select(ctl, 'Design', 'tree-design', designNames.map(function (d) { return { value: d, label: d }; }),
           designNames[0], draw);
    draw(designNames[0]);
  }

  function renderGraph(s) {
    s.appendChild(el('p', { 'class': 'note' }, 'Who traded with whom over the run: an edge\'s width grows with the energy traded along it.'));
    var ctl = controls(s);
    var c = chart(s, 'graph', true);
    var categories = ['grid', 'producer', 'consumer', 'prosumer', 'collective', 'market'];
    function draw(design) {
      var g = D.graph[design];
      var most = largest(g.edges.map(function (e) { return e.mwh; })) || 1;
      var e = energyScale(most);
      c.setOption({
        tooltip: { formatter: function (p) {
          return p.dataType === 'edge' ? p.data.source + ' – ' + p.data.target + ': ' + fmt(p.data.mwh * e.factor) + ' ' + e.unit
                                       : p.data.name + ' (' + categories[p.data.category] + ')';
        } },
        legend: { top: 0, data: categories },
        series: [{ type: 'graph', layout: 'force', roam: true, draggable: true,
                   categories: categories.map(function (n) { return { name: n }; }),
                   force: { repulsion: 1100, gravity: 0.04, edgeLength: [90, 280], layoutAnimation: false },
                   top: 40, bottom: 10,
                   label: { show: true, position: 'right', fontSize: 11 }, symbolSize: 14,
                   data: g.nodes.map(function (n) { return { name: n.name, category: Math.max(0, categories.indexOf(n.category)) }; }),
                   links: g.edges.map(function (ed) {
                     return { source: ed.source, target: ed.target, mwh: ed.mwh,
                              lineStyle: { width: 0.5 + 6 * Math.sqrt(ed.mwh / most), opacity: 0.6 } };
                   }) }]
      }, true);
    }
    select(ctl, 'Design', 'graph-design', designNames.map(function (d) { return { value: d, label: d }; }),
           designNames[0], draw);
    draw(designNames[0]);
  }

  function renderLines(s) {
    s.appendChild(el('p', { 'class': 'note' }, 'Each limited line\'s DC flow as a share of its capacity (100 % = full). ' + bandNote()));
    var list = [];
    var i = 0;
    designNames.forEach(function (d) {
      Object.keys(D.lines[d] || {}).forEach(function (line) {
        list = list.concat(bandSeries(d + ': ' + line, D.lines[d][line], 1, palette[i++ % palette.length]));
      });
    });
    timeChart(s, 'lines', 'Loading of the limited lines', '%', list);
  }

  // ---- test hooks ---------------------------------------------------------------------
  window.agoraMarks = function (id) {
    var c = charts[id], n = 0;
    c.getModel().eachSeries(function (series) {
      var view = c.getViewOfSeriesModel(series);
      if (view) view.group.traverse(function (e) { if (!e.isGroup && !e.invisible && !e.ignore) n++; });
    });
    return n;
  };
  window.agoraSignature = function (id) {
    return JSON.stringify(charts[id].getOption().series.map(function (s) { return [s.name, s.data]; }));
  };

  SECTIONS.forEach(function (sec) {
    if (!sec.available()) return;
    sec.render(section(sec.id, sec.title));
  });
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
  });
  window.agoraReady = true;
})();
