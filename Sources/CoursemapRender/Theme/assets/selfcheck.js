// Coursemap self-check: progressive enhancement for practice items. Without JavaScript the page shows the
// options and a "show answer" disclosure; with it, each practice item (`.item[data-answer]`) gets a "check
// answer" button, a verdict and a score, marks its wrong choices, blanks and positions, reveals its
// feedback, and keeps its answers in localStorage per bank. A bank page also gets "check all", "reset" and
// the bank's score.
//
// Graders: function (container, key) -> null (not answered) | {correct, fraction (0..1), wrong: [Element]}.
// Built-in graders are below; assets/interactions.js (loaded first) adds its own as
// window.CoursemapGraders[type]. window.CoursemapSelfcheck.grade(container, key) grades any key, so a
// composite item ({type: "parts", parts: [{part: N, key: K}, ...]}, controls in `.item-part[data-part=N]`)
// grades its parts.
(function () {
  "use strict";

  var STORAGE_PREFIX = "coursemap-selfcheck:";

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  // Compatibility forms count as their plain letters: full-width "ＣＴＲ" and "１２" (Chinese input methods
  // type them) are "CTR" and "12".
  function compatible(text) {
    var value = String(text);
    return typeof value.normalize === "function" ? value.normalize("NFKC") : value;
  }

  function normalise(text, caseSensitive) {
    var value = compatible(text).replace(/\s+/g, " ").trim();
    return caseSensitive ? value : value.toLowerCase();
  }

  // Moodle's short-answer wildcard: "*" stands for any run of characters (none too), "\\*" for an asterisk.
  // Compared piece by piece, without building a regular expression from the author's text.
  function wildcardMatch(pattern, value) {
    var pieces = [""], index;
    for (index = 0; index < pattern.length; index += 1) {
      var character = pattern.charAt(index);
      if (character === "\\" && pattern.charAt(index + 1) === "*") { pieces[pieces.length - 1] += "*"; index += 1; }
      else if (character === "*") pieces.push("");
      else pieces[pieces.length - 1] += character;
    }
    if (pieces.length === 1) return pieces[0] === value;
    var first = pieces[0], last = pieces[pieces.length - 1];
    if (value.length < first.length + last.length || value.indexOf(first) !== 0) return false;
    if (value.slice(value.length - last.length) !== last) return false;
    var position = first.length, end = value.length - last.length;
    for (index = 1; index < pieces.length - 1; index += 1) {
      var found = value.indexOf(pieces[index], position);
      if (found < 0 || found + pieces[index].length > end) return false;
      position = found + pieces[index].length;
    }
    return true;
  }

  // The element that stands for a choice input when it is marked wrong: its list item.
  function choiceOf(input) { return input.closest("li") || input; }

  // A typed number: full-width digits and signs and the minus sign U+2212 count; commas are thousands
  // separators only in groups of three ("1,000"); a single comma without a point is a decimal comma ("1,5"
  // is 1.5, as the Moodle importer reads an author's "1,5"), never dropped ("1,5" is not 15).
  function parseNumber(value) {
    var text = compatible(value).replace(/\u2212/g, "-").replace(/\s+/g, "");
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?([eE][+-]?\d+)?$/.test(text)) text = text.replace(/,/g, "");
    else if (/^[+-]?\d*,\d+([eE][+-]?\d+)?$/.test(text)) text = text.replace(",", ".");
    return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? parseFloat(text) : NaN;
  }

  var builtins = {
    choice: function (container, key) {
      var inputs = all(container, ".choices input");
      var chosen = inputs.filter(function (input) { return input.checked; });
      if (chosen.length === 0) return null;
      var correct = key.correct || [];
      var hits = 0, wrong = [];
      chosen.forEach(function (input) {
        if (correct.indexOf(input.value) >= 0) hits += 1;
        else wrong.push(choiceOf(input));
      });
      var right = wrong.length === 0 && hits === correct.length;
      var fraction = right ? 1 : Math.max(0, (hits - wrong.length) / Math.max(1, correct.length));
      if (correct.length === 1) fraction = right ? 1 : 0;
      return { correct: right, fraction: fraction, wrong: wrong };
    },
    fill: function (container, key) {
      var fields = all(container, "input[data-blank], select[data-blank]");
      var blanks = key.blanks || [];
      if (fields.length === 0 || fields.every(function (field) { return field.value.trim() === ""; })) return null;
      var right = 0, wrong = [];
      fields.forEach(function (field, index) {
        var blank = blanks[index];
        var value = normalise(field.value, blank && blank.caseSensitive);
        var ok = value !== "" && !!blank && blank.accepted.some(function (accepted) {
          return blank.wildcard ? wildcardMatch(normalise(accepted, blank.caseSensitive), value)
            : normalise(accepted, blank.caseSensitive) === value;
        });
        if (ok) right += 1; else wrong.push(field);
      });
      return { correct: wrong.length === 0, fraction: right / fields.length, wrong: wrong };
    },
    numeric: function (container, key) {
      var field = container.querySelector("input[data-blank]");
      if (!field || field.value.trim() === "") return null;
      var number = parseNumber(field.value);
      var ok = !isNaN(number) && (key.numbers || []).some(function (answer) {
        // A relative margin absorbs the binary rounding of decimal tolerances (0.1 + 0.2).
        var margin = Math.max(1e-9, Math.abs(answer.value) * 1e-12);
        return Math.abs(number - answer.value) <= answer.tolerance + margin;
      });
      return { correct: ok, fraction: ok ? 1 : 0, wrong: ok ? [] : [field] };
    },
    positions: function (container, key) {
      var selects = all(container, "select[data-position]");
      if (selects.length === 0 || selects.every(function (select) { return select.value === ""; })) return null;
      var expected = key.positions || [];
      // Rows of one group (key.groups) show the same text: each may take any position of its group, once.
      var groups = Array.isArray(key.groups) && key.groups.length === expected.length ? key.groups : null;
      var pool = {};
      if (groups) expected.forEach(function (position, index) { (pool[groups[index]] = pool[groups[index]] || []).push(position); });
      var right = 0, wrong = [];
      selects.forEach(function (select, index) {
        var value = select.value === "" ? NaN : Number(select.value);
        var ok = value === expected[index];
        if (groups && pool[groups[index]]) {
          var free = pool[groups[index]], at = free.indexOf(value);
          ok = at >= 0;
          if (ok) free.splice(at, 1);
        }
        if (ok) right += 1;
        else wrong.push(select);
      });
      return { correct: wrong.length === 0, fraction: right / selects.length, wrong: wrong };
    },
    parts: function (container, key) {
      var results = (key.parts || []).map(function (part) {
        // Each entry {part: N, key: K} grades the controls inside `.item-part[data-part="N"]` with K.
        var scope = container.querySelector('.item-part[data-part="' + Number(part.part) + '"]');
        return scope && part.key ? grade(scope, part.key) : null;
      });
      if (results.length === 0 || results.every(function (result) { return result === null; })) return null;
      var wrong = [], sum = 0, right = true;
      results.forEach(function (result) {
        if (!result) { right = false; return; }
        sum += result.fraction;
        if (!result.correct) right = false;
        wrong = wrong.concat(result.wrong || []);
      });
      return { correct: right, fraction: sum / results.length, wrong: wrong };
    }
  };

  function grade(container, key) {
    var custom = window.CoursemapGraders && window.CoursemapGraders[key.type];
    var grader = typeof custom === "function" ? custom : builtins[key.type];
    if (!grader) return null;
    var result = grader(container, key);
    if (!result) return null;
    var fraction = Number(result.fraction);
    if (!(fraction >= 0)) fraction = result.correct ? 1 : 0;
    return { correct: !!result.correct, fraction: Math.min(1, fraction), wrong: result.wrong || [] };
  }

  // --- Showing a verdict -------------------------------------------------------------------------------

  function formatScore(value) {
    var rounded = Math.round(value * 100) / 100;
    return String(rounded);
  }

  function clearMarks(item) {
    all(item, ".is-wrong-mark").forEach(function (element) {
      element.classList.remove("is-wrong-mark");
      if (element.getAttribute("aria-invalid") === "true") element.removeAttribute("aria-invalid");
    });
    all(item, ".wrong-note").forEach(function (note) { note.parentNode.removeChild(note); });
    all(item, "[data-reveal]").forEach(function (block) { block.hidden = true; });
    item.classList.remove("is-right", "is-wrong", "is-partial");
  }

  function markWrong(item, element, text) {
    element.classList.add("is-wrong-mark");
    var note = document.createElement("span");
    note.className = "wrong-note";
    note.textContent = text;
    if (element.matches("input, select, textarea")) {
      element.setAttribute("aria-invalid", "true");
      element.insertAdjacentElement("afterend", note);
    } else {
      element.appendChild(note);
    }
  }

  function reveal(item, outcome) {
    all(item, '.feedback[data-reveal]').forEach(function (block) {
      var when = block.getAttribute("data-when");
      block.hidden = !(when === "general" || when === outcome);
    });
    all(item, ".choices input").forEach(function (input) {
      var feedback = choiceOf(input).querySelector(".choice-feedback[data-reveal]");
      if (feedback) feedback.hidden = !input.checked;
    });
  }

  // Grades one item, shows the verdict and returns the result (null when not answered). A check the
  // student makes opens the answer of a right answer; a verdict restored on reload leaves it as it was.
  function checkItem(state, restoring) {
    var item = state.item, panel = state.panel;
    clearMarks(item);
    var result = grade(item, state.key);
    state.result = result;
    if (result === null) {
      state.resultText.textContent = panel.getAttribute("data-incomplete");
      state.scoreText.textContent = "";
      return null;
    }
    var outcome = result.correct ? "correct" : (result.fraction > 0 ? "partial" : "incorrect");
    item.classList.add(outcome === "correct" ? "is-right" : outcome === "partial" ? "is-partial" : "is-wrong");
    var verdict = panel.getAttribute(outcome === "correct" ? "data-correct" : outcome === "partial" ? "data-partial" : "data-wrong");
    var score = state.score * (result.correct ? 1 : result.fraction);
    state.resultText.textContent = verdict;
    state.scoreText.textContent = panel.getAttribute("data-scored") + " " + formatScore(score) + " / " + formatScore(state.score);
    item.setAttribute("data-outcome", outcome);
    var mark = panel.getAttribute("data-wrong-mark");
    result.wrong.forEach(function (element) { markWrong(item, element, mark); });
    reveal(item, outcome);
    var answer = item.querySelector("details.answer");
    if (answer && result.correct && !restoring) answer.open = true;
    return result;
  }

  // --- Saving and restoring answers ---------------------------------------------------------------------

  function controls(item) {
    return all(item, "input[name], select[name], textarea[name]").filter(function (control) {
      return control.type !== "button" && control.type !== "submit";
    });
  }

  function load(bank) {
    try {
      var text = window.localStorage.getItem(STORAGE_PREFIX + bank);
      var value = text ? JSON.parse(text) : {};
      // Anything but a plain object (a corrupted entry, an array that JSON.stringify would empty) starts afresh.
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch (error) { return {}; }
  }

  function store(bank, data) {
    try { window.localStorage.setItem(STORAGE_PREFIX + bank, JSON.stringify(data)); } catch (error) { /* private mode */ }
  }

  function snapshot(item) {
    var values = {};
    controls(item).forEach(function (control) {
      if (control.type === "radio" || control.type === "checkbox") {
        if (!values[control.name]) values[control.name] = [];
        if (control.checked) values[control.name].push(control.value);
      } else {
        values[control.name] = control.value;
      }
    });
    return values;
  }

  function apply(item, values) {
    controls(item).forEach(function (control) {
      var value = values ? values[control.name] : undefined;
      if (control.type === "radio" || control.type === "checkbox") {
        control.checked = Array.isArray(value) && value.indexOf(control.value) >= 0;
      } else if (control.type === "hidden") {
        if (typeof value === "string") control.value = value;
        else control.value = control.defaultValue;
      } else {
        control.value = typeof value === "string" ? value : "";
      }
    });
    item.dispatchEvent(new Event("coursemap:restore"));
  }

  function save(state) {
    var data = load(state.bank);
    data[state.id] = { values: snapshot(state.item), checked: state.result !== null && state.result !== undefined };
    store(state.bank, data);
  }

  function forget(state) {
    var data = load(state.bank);
    delete data[state.id];
    store(state.bank, data);
  }

  // --- Wiring ---------------------------------------------------------------------------------------------

  var states = [];

  function updateBankScore() {
    all(document, ".bank-selfcheck").forEach(function (bar) {
      var bank = bar.getAttribute("data-bank");
      var answered = 0, scored = 0;
      states.forEach(function (state) {
        if (state.bank !== bank || !state.result) return;
        answered += 1;
        scored += state.score * (state.result.correct ? 1 : state.result.fraction);
      });
      bar.querySelector(".bank-score").textContent =
        bar.getAttribute("data-answered") + " " + answered + " / " + bar.getAttribute("data-graded") + " · " +
        bar.getAttribute("data-scored") + " " + formatScore(scored) + " / " + bar.getAttribute("data-total");
    });
  }

  function enhance(item) {
    var key;
    try { key = JSON.parse(item.getAttribute("data-answer")); } catch (error) { return; }
    var panel = item.querySelector(".selfcheck");
    if (!panel || !key || typeof key.type !== "string") return;
    var score = parseFloat(item.getAttribute("data-score"));
    var state = {
      item: item, key: key, panel: panel, resultText: panel.querySelector(".selfcheck-result"),
      scoreText: panel.querySelector(".selfcheck-score"),
      bank: item.getAttribute("data-bank") || "", id: item.id, score: isNaN(score) ? 1 : score, result: null
    };
    states.push(state);
    panel.hidden = false;
    panel.querySelector("button").addEventListener("click", function () {
      checkItem(state);
      save(state);
      updateBankScore();
    });
    item.addEventListener("change", function () { save(state); });
    item.addEventListener("input", function () { save(state); });
    var saved = load(state.bank)[state.id];
    if (saved && saved.values) {
      apply(item, saved.values);
      if (saved.checked) checkItem(state, true);
    }
  }

  function reset(state) {
    apply(state.item, null);
    clearMarks(state.item);
    state.item.removeAttribute("data-outcome");
    state.result = null;
    state.resultText.textContent = "";
    state.scoreText.textContent = "";
    var answer = state.item.querySelector("details.answer");
    if (answer) answer.open = false;
    forget(state);
  }

  function enhanceBank(bar) {
    var bank = bar.getAttribute("data-bank");
    bar.hidden = false;
    bar.querySelector(".bank-check-all").addEventListener("click", function () {
      states.forEach(function (state) {
        if (state.bank !== bank) return;
        checkItem(state);
        save(state);
      });
      updateBankScore();
    });
    bar.querySelector(".bank-reset").addEventListener("click", function () {
      states.forEach(function (state) { if (state.bank === bank) reset(state); });
      updateBankScore();
    });
  }

  function start() {
    all(document, ".item[data-answer]").forEach(enhance);
    all(document, ".bank-selfcheck").forEach(enhanceBank);
    updateBankScore();
  }

  window.CoursemapSelfcheck = { grade: grade, graders: builtins };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
