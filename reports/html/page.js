// Draws every chart of the report from its JSON option. The options hold the
// exact KPI values (shares as 0…1); this script only adds the formatters that
// JSON cannot carry, so axes, labels and tooltips read "63,6 %" or "12 dagar".
(function () {
  "use strict";
  var en = document.documentElement.lang === "en";
  var nbsp = "\u00a0";

  function num(x, digits) {
    return x.toLocaleString(en ? "en-GB" : "sv-SE", {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits
    });
  }

  // fmt shows a value in the chart's unit; a missing or hidden value ("-")
  // stays "-": the legend above explains ".." and "-".
  function fmt(unit, v, short) {
    if (Array.isArray(v)) {
      v = v[v.length - 1];
    }
    if (typeof v !== "number" || !isFinite(v)) {
      return "-";
    }
    switch (unit) {
      case "share":
        return num(v * 100, short ? 0 : 1) + (en ? "%" : nbsp + "%");
      case "count":
        return num(v, 0);
      default:
        return num(v, short || v === Math.round(v) ? 0 : 1);
    }
  }

  // draw sets up one chart. It is a function, not a loop body, so that each
  // chart's formatters keep their own unit.
  function draw(s) {
    var unit = s.getAttribute("data-unit");
    var el = document.getElementById(s.getAttribute("data-chart"));
    var option = JSON.parse(s.textContent);
    var full = function (v) { return fmt(unit, v, false); };
    var short = function (v) { return fmt(unit, v, true); };

    option.tooltip = Object.assign({}, option.tooltip, { valueFormatter: full });
    ["xAxis", "yAxis"].forEach(function (k) {
      [].concat(option[k] || []).forEach(function (axis) {
        if (axis && axis.type === "value") {
          // An axis may carry its own unit (a funnel plot's denominator).
          var own = axis.unit ? function (v) { return fmt(axis.unit, v, true); } : short;
          axis.axisLabel = Object.assign({}, axis.axisLabel, { formatter: own });
        }
      });
    });
    [].concat(option.visualMap || []).forEach(function (vm) {
      vm.formatter = short;
    });
    [].concat(option.series || []).forEach(function (series) {
      if (series.label && series.label.show) {
        series.label.formatter = function (p) { return full(p.value); };
      }
    });

    // Narrow screens and long labels: category labels wrap within a share
    // of the width instead of squeezing the plot to nothing; a heat map's
    // numbers give way to its colours (the table under it has them); the
    // title wraps; the legend scrolls.
    var width = el.clientWidth || 600;
    var narrow = width < 560;
    [].concat(option.yAxis || []).forEach(function (axis) {
      if (axis && axis.type === "category") {
        axis.axisLabel = Object.assign({}, axis.axisLabel, {
          width: Math.round(width * (narrow ? 0.34 : 0.3)), overflow: "break", fontSize: narrow ? 10 : 12
        });
      }
    });
    [].concat(option.xAxis || []).forEach(function (axis) {
      if (axis && axis.type === "category" && narrow) {
        axis.axisLabel = Object.assign({}, axis.axisLabel, { rotate: 45, fontSize: 10, hideOverlap: true });
      }
    });
    [].concat(option.title || []).forEach(function (t) {
      t.textStyle = Object.assign({}, t.textStyle, { width: width - 24, overflow: "break" });
      t.subtextStyle = Object.assign({}, t.subtextStyle, { width: width - 24, overflow: "break" });
    });
    if (narrow) {
      [].concat(option.legend || []).forEach(function (l) { l.type = "scroll"; });
      [].concat(option.series || []).forEach(function (series) {
        if (series.type === "heatmap" && series.label) {
          series.label.show = false;
        }
      });
    }

    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(option);
    window.addEventListener("resize", function () { chart.resize(); });
    // Printing lays the page out for A4: the charts take its width.
    window.addEventListener("beforeprint", function () { chart.resize(); });
    if (window.matchMedia) {
      window.matchMedia("print").addEventListener("change", function () { chart.resize(); });
    }
  }

  var scripts = document.querySelectorAll("script[data-chart]");
  for (var i = 0; i < scripts.length; i++) {
    draw(scripts[i]);
  }
})();
