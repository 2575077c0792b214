// Coursemap media: transcript time codes seek the lecture video, and the library's filters narrow its
// table. Both enhance pages that work without JavaScript.
(function () {
  "use strict";

  function enhanceTranscript() {
    var video = document.getElementById("cm-video");
    if (!video) return;
    document.querySelectorAll("a.timestamp[data-time]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        video.currentTime = Number(link.getAttribute("data-time"));
        var playing = video.play();
        if (playing && playing.catch) playing.catch(function () {});
        video.focus();
      });
    });
    var links = Array.prototype.slice.call(document.querySelectorAll("a.timestamp[data-time]"));
    video.addEventListener("timeupdate", function () {
      var current = null;
      links.forEach(function (link) { if (Number(link.getAttribute("data-time")) <= video.currentTime) current = link; });
      links.forEach(function (link) { link.classList.toggle("is-current", link === current); });
    });
  }

  /* The library's filters: kept in the page's query string (?kind=&course=&area=&competency=), so a
     reload, the back button and a shared link show the same rows; the count says how many rows show. */
  function enhanceLibrary() {
    var form = document.querySelector("form.library-filters");
    if (!form) return;
    var rows = Array.prototype.slice.call(document.querySelectorAll("table.library tbody tr"));
    var empty = document.querySelector(".library-empty");
    var shownCount = document.querySelector(".library-shown");
    var names = ["kind", "course", "area", "competency"];
    form.hidden = false;
    function readQuery() {
      var params = new URLSearchParams(window.location.search);
      names.forEach(function (name) {
        var field = form.elements[name], value = params.get(name) || "";
        if (!field) return;
        if (field.tagName === "SELECT") {
          var known = Array.prototype.some.call(field.options, function (option) { return option.value === value; });
          field.value = known ? value : "";
        } else {
          field.value = value;
        }
      });
    }
    function writeQuery() {
      var params = new URLSearchParams(window.location.search);
      names.forEach(function (name) {
        var value = form.elements[name] ? form.elements[name].value.trim() : "";
        if (value) params.set(name, value); else params.delete(name);
      });
      var query = params.toString();
      try {
        window.history.replaceState(window.history.state, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      } catch (error) { /* Some browsers refuse to change a file:// address; the filters still work. */ }
    }
    function apply() {
      var kind = form.elements.kind.value, course = form.elements.course.value, area = form.elements.area.value;
      var code = form.elements.competency.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!kind || row.getAttribute("data-kind") === kind)
          && (!course || row.getAttribute("data-course") === course)
          && (!area || row.getAttribute("data-areas").split(" ").indexOf(area) >= 0)
          && (!code || row.getAttribute("data-competencies").toLowerCase().indexOf(code) >= 0);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (empty) empty.hidden = shown > 0;
      if (shownCount) shownCount.textContent = String(shown);
    }
    function changed() { apply(); writeQuery(); }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("popstate", function () { readQuery(); apply(); });
    window.addEventListener("pageshow", function (event) { if (event.persisted) { readQuery(); apply(); } });
    readQuery();
    apply();
  }

  function start() {
    enhanceTranscript();
    enhanceLibrary();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
