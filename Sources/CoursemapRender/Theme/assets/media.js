// Coursemap media: captions carried in the lecture page when the browser cannot load the caption files,
// transcript time codes that seek the lecture video, and the library's filters narrow its table. All
// enhance pages that work without JavaScript.
(function () {
  "use strict";

  // Transcript time codes seek the video. A server without HTTP Range support (a plain static server)
  // lets the browser play the video only from the start: a time outside video.seekable is not jumped
  // to silently (which would restart the video); the status beside the player says why, and the video
  // jumps there as soon as that time becomes seekable.
  function enhanceTranscript() {
    var video = document.getElementById("cm-video");
    if (!video) return;
    var status = document.querySelector(".seek-status");
    var pending = null;
    function seekable(time) {
      for (var i = 0; i < video.seekable.length; i += 1) {
        if (video.seekable.start(i) <= time && time <= video.seekable.end(i)) return true;
      }
      return false;
    }
    function say(text) { if (status) status.textContent = text; }
    function play() {
      var playing = video.play();
      if (playing && playing.catch) playing.catch(function () {});
    }
    function seek(time) {
      if (video.readyState < 1) {
        pending = time;
        video.addEventListener("loadedmetadata", retry, { once: true });
        if (video.preload === "none") video.load();
        return;
      }
      if (time === 0 || seekable(time)) {
        pending = null;
        say("");
        video.currentTime = time;
      } else {
        pending = time;
        say(status ? status.getAttribute("data-message") : "");
      }
      play();
    }
    function retry() {
      if (pending !== null && (video.readyState >= 1 && seekable(pending))) seek(pending);
    }
    ["progress", "timeupdate", "canplaythrough", "durationchange"].forEach(function (name) {
      video.addEventListener(name, retry);
    });
    document.querySelectorAll("a.timestamp[data-time]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        seek(Number(link.getAttribute("data-time")));
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

  // The page carries each caption file's cues (hidden lists, plain text). Browsers refuse <track> files
  // from file:// (Chromium loads none and says nothing), so there every <track> is replaced by a track
  // made from the page's cues; over http a <track> is replaced only when it fails to load, so no
  // language is ever listed twice.
  function enhanceCaptions() {
    var video = document.getElementById("cm-video");
    if (!video || typeof VTTCue === "undefined" || !video.addTextTrack) return;
    var lists = {};
    document.querySelectorAll("ol.cm-cues[data-lang]").forEach(function (list) {
      lists[list.getAttribute("data-lang")] = list;
    });
    function replace(element) {
      var language = element.getAttribute("srclang");
      var list = lists[language];
      if (!list || !element.parentNode) return;
      var mode = element.track.mode;
      if (element.hasAttribute("default") && mode === "disabled") mode = "showing";
      element.parentNode.removeChild(element);
      var track = video.addTextTrack("captions", list.getAttribute("data-label"), language);
      list.querySelectorAll("li[data-start]").forEach(function (item) {
        var start = Number(item.getAttribute("data-start")), end = Number(item.getAttribute("data-end"));
        if (isFinite(start) && isFinite(end) && end > start) track.addCue(new VTTCue(start, end, item.textContent));
      });
      track.mode = mode;
    }
    var fromDisk = window.location.protocol === "file:";
    Array.prototype.slice.call(video.querySelectorAll("track")).forEach(function (element) {
      if (fromDisk || element.readyState === 3) {
        replace(element);
      } else {
        element.addEventListener("error", function () { replace(element); }, { once: true });
      }
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
    enhanceCaptions();
    enhanceTranscript();
    enhanceLibrary();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
