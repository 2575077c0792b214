// Coursemap interactions: self-check graders and widgets for hottext, associate, slider, hotspot, select
// point, graphic order / gap match / associate items (items of several parts are graded by selfcheck.js,
// part by part). Loaded before
// selfcheck.js, which calls window.CoursemapGraders[type](container, key) and expects null (not
// answered) or {correct, fraction, wrong}. Every answer lives in named form controls; the pictures only
// mirror them, so saving, restoring and resetting work on the controls alone ("coursemap:restore").
(function () {
  "use strict";

  var graders = window.CoursemapGraders = window.CoursemapGraders || {};
  var SVG = "http://www.w3.org/2000/svg";

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function outcome(correct, fraction, wrong) { return { correct: correct, fraction: Math.max(0, Math.min(1, fraction)), wrong: wrong || [] }; }
  function byNumber(a, b) { return a - b; }

  // MARK: Graders

  function chosenSet(container, key) {
    var inputs = all(container, "input[data-hottext], input[data-area]");
    var chosen = inputs.filter(function (input) { return input.checked; });
    if (chosen.length === 0) return null;
    var wrong = chosen.filter(function (input) { return key.correct.indexOf(input.value) < 0; });
    var hits = chosen.length - wrong.length;
    var right = wrong.length === 0 && hits === key.correct.length;
    return outcome(right, right ? 1 : (hits - wrong.length) / Math.max(1, key.correct.length), wrong);
  }
  graders.hottext = chosenSet;
  graders.hotspot = chosenSet;

  graders.pairs = function (container, key) {
    var rows = {};
    all(container, "select[data-pair]").forEach(function (select) {
      (rows[select.getAttribute("data-pair")] = rows[select.getAttribute("data-pair")] || []).push(select);
    });
    var expected = key.pairs.map(function (pair) { return pair.slice().sort(byNumber).join("-"); });
    var answered = false, hits = 0, wrong = [];
    Object.keys(rows).forEach(function (row) {
      var ends = rows[row];
      if (ends.length !== 2 || (ends[0].value === "" && ends[1].value === "")) return;
      answered = true;
      if (ends[0].value === "" || ends[1].value === "") { wrong = wrong.concat(ends); return; }
      var id = [Number(ends[0].value), Number(ends[1].value)].sort(byNumber).join("-");
      var at = expected.indexOf(id);
      if (at >= 0) { hits += 1; expected.splice(at, 1); } else { wrong = wrong.concat(ends); }
    });
    if (!answered) return null;
    var right = wrong.length === 0 && hits === key.pairs.length;
    return outcome(right, hits / Math.max(1, key.pairs.length), wrong);
  };

  graders.slider = function (container, key) {
    var input = container.querySelector("input[data-slider]");
    if (!input) return null;
    var value = parseFloat(input.value);
    var right = key.numbers.some(function (answer) { return Math.abs(value - answer.value) <= answer.tolerance + 1e-9; });
    return outcome(right, right ? 1 : 0, right ? [] : [input]);
  };

  function perArea(container, key, allowEmpty) {
    var selects = all(container, "select[data-area]");
    var values = selects.map(function (select) { return select.value; });
    if (values.every(function (value) { return value === ""; })) return null;
    if (!allowEmpty && values.some(function (value) { return value === ""; })) return null;
    var wrong = selects.filter(function (select, index) {
      var expected = key.positions[index] || 0;
      return (select.value === "" ? 0 : Number(select.value)) !== expected;
    });
    return outcome(wrong.length === 0, (selects.length - wrong.length) / Math.max(1, selects.length), wrong);
  }
  // An order may leave hotspots out (their key is 0): a position on one of them is wrong.
  graders.graphicorder = function (container, key) { return perArea(container, key, true); };
  graders.gapmatch = function (container, key) { return perArea(container, key, true); };

  function inside(area, x, y) {
    var c = area.coords;
    switch (area.shape) {
      case "default": return true;
      case "rect": return x >= c[0] && x <= c[2] && y >= c[1] && y <= c[3];
      case "circle": return (x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]) <= c[2] * c[2];
      case "ellipse": {
        var dx = (x - c[0]) / c[2], dy = (y - c[1]) / c[3];
        return dx * dx + dy * dy <= 1;
      }
      case "poly": {
        var odd = false, n = c.length / 2;
        for (var i = 0, j = n - 1; i < n; j = i++) {
          var xi = c[2 * i], yi = c[2 * i + 1], xj = c[2 * j], yj = c[2 * j + 1];
          if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) odd = !odd;
        }
        return odd;
      }
    }
    return false;
  }

  function points(container) {
    var found = {};
    all(container, "input[data-point]").forEach(function (input) {
      var point = found[input.getAttribute("data-point")] = found[input.getAttribute("data-point")] || {};
      point[input.getAttribute("data-axis")] = input;
    });
    return Object.keys(found).sort(byNumber).map(function (k) { return found[k]; });
  }

  graders.point = function (container, key) {
    var list = points(container).filter(function (point) { return point.x.value !== "" && point.y.value !== ""; });
    if (list.length === 0) return null;
    var used = [], wrong = [];
    list.forEach(function (point) {
      var x = parseFloat(point.x.value), y = parseFloat(point.y.value);
      var at = -1;
      key.areas.forEach(function (area, index) { if (at < 0 && used.indexOf(index) < 0 && inside(area, x, y)) at = index; });
      if (at >= 0) used.push(at); else wrong.push(point.x, point.y);
    });
    var needed = Math.min(key.count || 1, key.areas.length);
    var right = wrong.length === 0 && used.length >= needed;
    return outcome(right, used.length / Math.max(1, needed), wrong);
  };


  // MARK: Widgets

  function scopeOf(element) { return element.closest(".item-part") || element.closest(".item"); }
  function ownControls(scope, selector) {
    // The controls of this scope, not of a part inside it.
    return all(scope, selector).filter(function (control) { return scopeOf(control) === scope; });
  }
  function changed(control) { control.dispatchEvent(new Event("change", { bubbles: true })); }

  function svgPoint(svg, event) {
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    var matrix = svg.getScreenCTM();
    return matrix ? point.matrixTransform(matrix.inverse()) : { x: 0, y: 0 };
  }

  function centre(group) {
    var text = group.querySelector("text.area-label");
    return { x: Number(text.getAttribute("x")), y: Number(text.getAttribute("y")) };
  }

  function mark(layer, name, attributes, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    layer.appendChild(node);
    return node;
  }

  function graphic(wrap) {
    var svg = wrap.querySelector("svg.graphic");
    var scope = scopeOf(wrap);
    var item = wrap.closest(".item");
    var layer = svg.querySelector("g.marks");
    var areas = all(svg, "g.area");
    var areaOf = function (value) { return svg.querySelector('g.area[data-value="' + value + '"]'); };
    var first = ownControls(scope, "[data-interaction]")[0];
    var kind = first ? first.getAttribute("data-interaction") : "";
    var unit = Math.max(1, Number(svg.getAttribute("width")) / 100);
    var pending = null;

    function redraw() {
      while (layer.firstChild) layer.removeChild(layer.firstChild);
      areas.forEach(function (area) { area.classList.remove("is-selected", "is-pending"); });
      if (kind === "hotspot") {
        ownControls(scope, "input[data-area]").forEach(function (input) {
          if (input.checked) areaOf(input.value).classList.add("is-selected");
        });
      } else if (kind === "graphicorder" || kind === "gapmatch") {
        ownControls(scope, "select[data-area]").forEach(function (select) {
          if (select.value === "") return;
          var area = areaOf(select.getAttribute("data-area"));
          area.classList.add("is-selected");
          var at = centre(area);
          mark(layer, "text", { x: at.x + 2 * unit, y: at.y + 4 * unit, "class": "area-mark" }, (kind === "gapmatch" ? "→" : "#") + select.value);
        });
      } else if (kind === "pairs") {
        var rows = {};
        ownControls(scope, "select[data-pair]").forEach(function (select) {
          (rows[select.getAttribute("data-pair")] = rows[select.getAttribute("data-pair")] || []).push(select.value);
        });
        Object.keys(rows).forEach(function (row) {
          var ends = rows[row];
          if (ends.length !== 2 || ends[0] === "" || ends[1] === "" || !areaOf(ends[0]) || !areaOf(ends[1])) return;
          var a = centre(areaOf(ends[0])), b = centre(areaOf(ends[1]));
          mark(layer, "line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "class": "pair-line" });
          areaOf(ends[0]).classList.add("is-selected");
          areaOf(ends[1]).classList.add("is-selected");
        });
        if (pending) areaOf(pending).classList.add("is-pending");
      } else if (kind === "point") {
        points(scope).forEach(function (point, index) {
          if (point.x.value === "" || point.y.value === "") return;
          mark(layer, "circle", { cx: point.x.value, cy: point.y.value, r: 2 * unit, "class": "point-mark" });
          mark(layer, "text", { x: Number(point.x.value) + 3 * unit, y: point.y.value, "class": "area-mark" }, String(index + 1));
        });
      }
    }

    function clickArea(value) {
      if (kind === "hotspot") {
        var input = ownControls(scope, 'input[data-area="' + value + '"]')[0];
        if (!input) return;
        input.checked = input.type === "radio" ? true : !input.checked;
        changed(input);
      } else if (kind === "graphicorder") {
        var selects = ownControls(scope, "select[data-area]");
        var select = selects.filter(function (s) { return s.getAttribute("data-area") === value; })[0];
        if (select.value !== "") { select.value = ""; changed(select); return; }
        var used = selects.map(function (s) { return Number(s.value) || 0; });
        var next = 1;
        while (used.indexOf(next) >= 0) next += 1;
        if (next <= selects.length) { select.value = String(next); changed(select); }
      } else if (kind === "gapmatch") {
        var target = ownControls(scope, 'select[data-area="' + value + '"]')[0];
        if (target && pending) { target.value = pending; changed(target); }
      } else if (kind === "pairs") {
        if (!pending) { pending = value; redraw(); return; }
        if (pending !== value) {
          var rows = {};
          ownControls(scope, "select[data-pair]").forEach(function (s) { (rows[s.getAttribute("data-pair")] = rows[s.getAttribute("data-pair")] || []).push(s); });
          var free = Object.keys(rows).sort(byNumber).map(function (row) { return rows[row]; })
            .filter(function (ends) { return ends[0].value === "" && ends[1].value === ""; })[0];
          if (free) { free[0].value = pending; free[1].value = value; changed(free[1]); }
        }
        pending = null;
        redraw();
      }
    }

    function placePoint(x, y, which) {
      var list = points(scope);
      if (list.length === 0) return;
      var point = which !== undefined ? list[which] : (list.filter(function (p) { return p.x.value === "" || p.y.value === ""; })[0] || list[list.length - 1]);
      point.x.value = String(Math.round(x * 10) / 10);
      point.y.value = String(Math.round(y * 10) / 10);
      changed(point.y);
    }

    svg.addEventListener("click", function (event) {
      if (kind === "point") {
        var at = svgPoint(svg, event);
        placePoint(at.x, at.y);
        return;
      }
      var area = event.target.closest("g.area");
      if (area) clickArea(area.getAttribute("data-value"));
    });

    if (kind === "point") {
      // Arrow keys move the first point (shift: ten times further); without one, it starts in the middle.
      svg.addEventListener("keydown", function (event) {
        var steps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
        if (!steps) return;
        event.preventDefault();
        var first = points(scope)[0];
        var box = svg.viewBox.baseVal;
        var x = first.x.value === "" ? box.width / 2 : parseFloat(first.x.value);
        var y = first.y.value === "" ? box.height / 2 : parseFloat(first.y.value);
        var factor = event.shiftKey ? 10 : 1;
        placePoint(Math.max(0, Math.min(box.width, x + steps[0] * unit * factor)), Math.max(0, Math.min(box.height, y + steps[1] * unit * factor)), 0);
      });
    }

    if (kind === "gapmatch") {
      all(scope, ".gap-options li").forEach(function (li) {
        li.classList.add("is-pickable");
        li.addEventListener("click", function () {
          pending = li.getAttribute("value");
          all(scope, ".gap-options li").forEach(function (other) { other.classList.toggle("is-pending", other === li); });
        });
      });
    }

    scope.addEventListener("change", redraw);
    scope.addEventListener("input", redraw);
    if (item) item.addEventListener("coursemap:restore", redraw);
    redraw();
  }

  function hottext(fieldset) {
    var scope = scopeOf(fieldset);
    var item = fieldset.closest(".item");
    var spans = all(scope, "span.hottext[data-hottext]").filter(function (span) { return scopeOf(span) === scope; });
    function input(number) { return ownControls(scope, 'input[data-hottext="' + number + '"]')[0]; }
    function redraw() {
      spans.forEach(function (span) {
        var control = input(span.getAttribute("data-hottext"));
        span.classList.toggle("is-selected", !!(control && control.checked));
      });
    }
    spans.forEach(function (span) {
      span.classList.add("is-pickable");
      span.addEventListener("click", function () {
        var control = input(span.getAttribute("data-hottext"));
        if (!control) return;
        control.checked = control.type === "radio" ? true : !control.checked;
        changed(control);
      });
    });
    scope.addEventListener("change", redraw);
    if (item) item.addEventListener("coursemap:restore", redraw);
    redraw();
  }

  function slider(box) {
    var input = box.querySelector("input[data-slider]");
    var output = box.querySelector("output");
    var item = box.closest(".item");
    function redraw() { output.textContent = input.value; }
    input.addEventListener("input", redraw);
    input.addEventListener("change", redraw);
    if (item) item.addEventListener("coursemap:restore", redraw);
    redraw();
  }

  function start() {
    all(document, ".graphic-wrap").forEach(graphic);
    all(document, 'fieldset[data-interaction="hottext"]').forEach(hottext);
    all(document, 'div[data-interaction="slider"]').forEach(slider);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

// The header's menu button (every page loads this file). Without script the button stays hidden and the site
// navigation, search and language switch are shown in the header; with it, narrow screens (below 70rem, see
// style.css) keep them in a drawer the button opens and closes. Escape closes the drawer and returns focus;
// moving the focus or clicking outside the header closes it too.
(function () {
  "use strict";
  var header = document.querySelector(".site-header");
  var button = header && header.querySelector(".menu-button");
  var drawer = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!drawer) return;
  function isOpen() { return button.getAttribute("aria-expanded") === "true"; }
  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    drawer.classList.toggle("is-open", open);
  }
  header.classList.add("has-menu");
  button.hidden = false;
  button.addEventListener("click", function () { setOpen(!isOpen()); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) { setOpen(false); button.focus(); }
  });
  // The open drawer lies over the page: when the focus moves on past its last item (Tab) or a click lands on the
  // page, it closes, so the focused link or control is never hidden under it.
  function closeOutside(event) {
    if (isOpen() && !header.contains(event.target)) setOpen(false);
  }
  document.addEventListener("focusin", closeOutside);
  document.addEventListener("click", closeOutside);
})();
