/*
 * The report of a sweep (agora sweep --out, then agora report): the figures of each variant and
 * design against each varied parameter, read from the data Agora embedded in the page
 * (#agora-data, built by SweepReportModel.java) and drawn with Apache ECharts, bundled in this
 * file. With --seeds every point is the mean over the seed runs, in a shaded band from their 5th
 * to their 95th percentile (seeds.csv). The other varied parameters are held at the values chosen
 * above each section's charts.
 *
 * For the browser test, as in report.js: window.agoraCharts holds every chart by id,
 * window.agoraMarks(id) counts the marks its series drew, window.agoraReady is true once drawn.
 */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('agora-data').textContent);
  var charts = {};
  window.agoraCharts = charts;
  var palette = ['#3060c0', '#d0642c', '#2a9d5c', '#8e44ad', '#c0392b', '#16a2b8', '#7f8c8d',
                 '#b8860b', '#e83e8c', '#1f3a5f'];
  var seeds = !!D.seeds;

  function fmt(v) {
    if (v === null || v === undefined || !isFinite(v)) return '–';
    if (Math.abs(v) < 1e-9) v = 0;
    return Number(v).toLocaleString('en-US', { maximumSignificantDigits: 4 });
  }
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
  function chart(parent, id) {
    var div = el('div', { id: 'chart-' + id, 'class': 'chart' });
    parent.appendChild(div);
    var c = echarts.init(div, null, { renderer: 'canvas' });
    charts[id] = c;
    return c;
  }
  function select(parent, label, id, values, onChange) {
    var wrap = el('label', {}, label);
    var s = el('select', { id: id });
    values.forEach(function (v) { s.appendChild(el('option', { value: v }, v)); });
    s.addEventListener('change', function () { onChange(s.value); });
    wrap.appendChild(s);
    parent.appendChild(wrap);
    return s;
  }
  /** A figure's unit and the factor from its value in sweep.csv to that unit. */
  function unitOf(figure) {
    return figure.kind === 'money' ? { unit: D.units.money, factor: D.units.perCurrency }
                                   : { unit: D.units.energy, factor: D.units.perMwh };
  }
  function figure(key) {
    return D.figures.filter(function (f) { return f.key === key; })[0];
  }
  function value(point, stat, key, factor) {
    var v = point[stat] ? point[stat][key] : null;
    return v === null || v === undefined ? null : v * factor;
  }

  /** The charts of each section: a title and the figures drawn together. */
  var GROUPS = [
    { id: 'welfare', title: 'Total social welfare', figures: ['welfare'] },
    { id: 'grid', title: 'Grid import and export', figures: ['grid_import_mwh', 'grid_export_mwh'] },
    { id: 'exchange', title: 'Exchange between collectives', figures: ['exchange_mwh'] },
    { id: 'money', title: 'Import cost and export revenue', figures: ['import_cost', 'export_revenue'] }
  ];

  /**
   * The series of one figure of one design along `xs`: the mean, and with seeds the band from
   * p5 to p95 (its lower edge, then the spread stacked on it, shaded).
   */
  function figureSeries(name, points, key, factor, color, dashed) {
    var mean = points.map(function (p) { return p ? value(p, 'mean', key, factor) : null; });
    var series = [{ name: name, type: 'line', data: mean, color: color, symbolSize: 7,
                    lineStyle: { width: 2, type: dashed ? 'dashed' : 'solid' }, connectNulls: false }];
    if (seeds) {
      var lo = points.map(function (p) { return p ? value(p, 'p5', key, factor) : null; });
      var spread = points.map(function (p, i) {
        var hi = p ? value(p, 'p95', key, factor) : null;
        return hi === null || lo[i] === null ? null : hi - lo[i];
      });
      var stack = 'band ' + name;
      series.push({ name: name, type: 'line', data: lo, stack: stack, symbol: 'none', silent: true,
                    lineStyle: { opacity: 0 }, color: color, tooltip: { show: false } });
      series.push({ name: name, type: 'line', data: spread, stack: stack, symbol: 'none', silent: true,
                    lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.2 }, color: color,
                    tooltip: { show: false } });
    }
    return series;
  }

  function tooltip(unit) {
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

  /** A section of charts against varied parameter `index` (the others held as chosen). */
  function renderParameter(index) {
    var param = D.varied[index];
    var note = 'Each figure of each design at every value of ' + param.name
      + (D.varied.length > 1 ? ', the other varied parameters held at the values chosen here' : '')
      + (seeds ? '. The line is the mean over the ' + (D.seeds.to - D.seeds.from + 1)
         + ' seed runs, the shaded band runs from their 5th to their 95th percentile.' : '.');
    var s = section('param-' + index, 'Against ' + param.name, note);
    var held = D.varied.map(function (v) { return v.values[0]; });
    var controls = el('div', { 'class': 'controls' });
    s.appendChild(controls);
    var drawn = GROUPS.map(function (g) { return chart(s, g.id + '-' + param.name); });
    function draw() {
      GROUPS.forEach(function (g, gi) {
        var u = unitOf(figure(g.figures[0]));
        var series = [];
        D.designs.forEach(function (design, di) {
          var points = param.values.map(function (x) {
            return D.points.filter(function (p) {
              return p.design === design && p.values.every(function (v, k) {
                return k === index ? v === x : v === held[k];
              });
            })[0] || null;
          });
          g.figures.forEach(function (key, fi) {
            var name = design + (g.figures.length > 1 ? ': ' + figure(key).label.toLowerCase() : '');
            series = series.concat(figureSeries(name, points, key, u.factor,
              palette[di % palette.length], fi > 0));
          });
        });
        drawn[gi].setOption({
          title: { text: g.title, left: 'center', textStyle: { fontSize: 13 } },
          tooltip: tooltip(u.unit), legend: { top: 22, type: 'scroll' },
          grid: { left: 80, right: 20, top: 70, bottom: 40 },
          xAxis: { type: 'category', name: param.name, nameLocation: 'middle', nameGap: 26,
                   data: param.values, boundaryGap: false },
          yAxis: { type: 'value', name: u.unit, scale: true },
          series: series
        }, true);
      });
    }
    D.varied.forEach(function (other, k) {
      if (k === index) return;
      select(controls, other.name, 'param-' + index + '-hold-' + other.name, other.values, function (v) {
        held[k] = v;
        draw();
      });
    });
    draw();
  }

  /** Without --vary: each design's figures side by side, with the seed runs' band. */
  function renderDesigns() {
    var note = seeds ? 'The bar is the mean over the ' + (D.seeds.to - D.seeds.from + 1)
      + ' seed runs; the marks above and below it are their 5th and 95th percentiles.'
      : 'The scenario as given, each design.';
    var s = section('designs', 'The designs side by side', note);
    GROUPS.forEach(function (g) {
      var c = chart(s, g.id + '-designs');
      var u = unitOf(figure(g.figures[0]));
      var series = [];
      g.figures.forEach(function (key, fi) {
        var points = D.designs.map(function (d) {
          return D.points.filter(function (p) { return p.design === d; })[0];
        });
        var label = figure(key).label;
        series.push({ name: label, type: 'bar', color: palette[fi % palette.length],
                      data: points.map(function (p) { return value(p, 'mean', key, u.factor); }) });
        if (seeds) {
          ['p5', 'p95'].forEach(function (stat) {
            series.push({ name: label + ' ' + stat, type: 'scatter', symbol: 'rect', symbolSize: [18, 3],
                          color: '#1d2433',
                          data: points.map(function (p) { return value(p, stat, key, u.factor); }) });
          });
        }
      });
      c.setOption({
        title: { text: g.title, left: 'center', textStyle: { fontSize: 13 } },
        tooltip: { trigger: 'axis' }, legend: { top: 22, type: 'scroll' },
        grid: { left: 80, right: 20, top: 70, bottom: 30 },
        xAxis: { type: 'category', data: D.designs },
        yAxis: { type: 'value', name: u.unit, scale: true },
        series: series
      });
    });
  }

  /** Every point in a table: the values, the design and the figures (means with --seeds). */
  function renderTable() {
    var s = section('table', 'Every variant and design',
      (seeds ? 'Means over the seed runs (seeds.csv has the percentiles). ' : '')
      + (D.failedRows ? D.failedRows + ' rows of sweep.csv have steps that did not solve; their figures cover the solved steps. ' : '')
      + 'sweep.csv in the same folder has every figure and how the steps were solved.');
    var table = el('table', { 'class': 'totals', id: 'sweep-table' });
    var head = el('tr');
    D.varied.forEach(function (v) { head.appendChild(el('th', {}, v.name)); });
    head.appendChild(el('th', {}, 'Design'));
    D.figures.forEach(function (f) { head.appendChild(el('th', {}, f.label + ' [' + unitOf(f).unit + ']')); });
    var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
    var body = el('tbody');
    D.points.forEach(function (p) {
      var tr = el('tr');
      p.values.forEach(function (v) { tr.appendChild(el('td', {}, v)); });
      tr.appendChild(el('td', {}, p.design));
      D.figures.forEach(function (f) { tr.appendChild(el('td', {}, fmt(value(p, 'mean', f.key, unitOf(f).factor)))); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    s.appendChild(table);
  }

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

  if (D.varied.length === 0) {
    renderDesigns();
  } else {
    D.varied.forEach(function (v, i) { renderParameter(i); });
  }
  renderTable();
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
  });
  window.agoraReady = true;
})();
