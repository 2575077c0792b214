// Coursemap self-check: progressive enhancement for practice items. Without JavaScript the page shows
// the options and a "show answer" disclosure; with it, each practice item gets a "check answer" button.
(function () {
  "use strict";

  function normalise(text, caseSensitive) {
    var value = String(text).replace(/\s+/g, " ").trim();
    return caseSensitive ? value : value.toLowerCase();
  }

  function check(item, key) {
    switch (key.type) {
      case "choice": {
        var chosen = Array.prototype.map.call(item.querySelectorAll(".choices input:checked"), function (input) { return input.value; });
        if (chosen.length === 0) return null;
        return chosen.sort().join("|") === key.correct.slice().sort().join("|");
      }
      case "fill": {
        var fields = item.querySelectorAll("input[data-blank], select[data-blank]");
        var answered = true, right = true;
        Array.prototype.forEach.call(fields, function (field, index) {
          var blank = key.blanks[index];
          var value = normalise(field.value, blank && blank.caseSensitive);
          if (value === "") answered = false;
          var ok = blank && blank.accepted.some(function (accepted) { return normalise(accepted, blank.caseSensitive) === value; });
          if (!ok) right = false;
        });
        return answered ? right : null;
      }
      case "numeric": {
        var field = item.querySelector("input[data-blank]");
        if (!field || field.value.trim() === "") return null;
        var number = parseFloat(field.value.replace(/,/g, ""));
        return key.numbers.some(function (answer) { return Math.abs(number - answer.value) <= answer.tolerance + 1e-9; });
      }
      case "positions": {
        var selects = item.querySelectorAll("select[data-position]");
        var values = Array.prototype.map.call(selects, function (select) { return select.value; });
        if (values.some(function (value) { return value === ""; })) return null;
        return values.every(function (value, index) { return Number(value) === key.positions[index]; });
      }
    }
    var graders = window.CoursemapGraders || {};
    if (graders[key.type]) {
      var graded = graders[key.type](item, key);
      return graded === null || graded === undefined ? null : graded.correct;
    }
    return null;
  }

  // The built-in graders for a container (an item part), in the graders' form (interactions.js).
  window.CoursemapSelfcheck = {
    grade: function (container, key) {
      var right = check(container, key);
      return right === null ? null : { correct: right, fraction: right ? 1 : 0, wrong: [] };
    }
  };

  function enhance(item) {
    var key;
    try { key = JSON.parse(item.getAttribute("data-answer")); } catch (error) { return; }
    var panel = item.querySelector(".selfcheck");
    if (!panel) return;
    var button = panel.querySelector("button");
    var result = panel.querySelector(".selfcheck-result");
    panel.hidden = false;
    button.addEventListener("click", function () {
      var outcome = check(item, key);
      item.classList.remove("is-right", "is-wrong");
      if (outcome === null) {
        result.textContent = panel.getAttribute("data-incomplete");
        return;
      }
      item.classList.add(outcome ? "is-right" : "is-wrong");
      result.textContent = panel.getAttribute(outcome ? "data-correct" : "data-wrong");
      var answer = item.querySelector("details.answer");
      if (answer && outcome) answer.open = true;
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".item[data-answer]"), enhance);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
