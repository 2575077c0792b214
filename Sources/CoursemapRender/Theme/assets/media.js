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

  function enhanceLibrary() {
    var form = document.querySelector("form.library-filters");
    if (!form) return;
    var rows = Array.prototype.slice.call(document.querySelectorAll("table.library tbody tr"));
    var empty = document.querySelector(".library-empty");
    form.hidden = false;
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
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  function start() {
    enhanceTranscript();
    enhanceLibrary();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
