// Coursemap search page: queries the Pagefind index (built by `coursemap build`) and lists the results,
// with the kind and course filters. Pagefind loads its index with fetch, which browsers allow from a web
// address (a static host, or a local server offline) but not from file://; the page says so there.
(function () {
  "use strict";
  var form = document.querySelector("form.search-page");
  if (!form) return;
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var pagefind = null;
  var params = new URLSearchParams(location.search);
  form.elements.q.value = params.get("q") || "";
  if (params.get("kind")) form.elements.kind.value = params.get("kind");
  if (params.get("course")) form.elements.course.value = params.get("course");

  function load() {
    if (pagefind) return Promise.resolve(pagefind);
    if (location.protocol === "file:") return Promise.reject(new Error("file"));
    return import(new URL(form.getAttribute("data-pagefind"), location.href).href).then(function (module) {
      pagefind = module;
      return pagefind.init ? Promise.resolve(pagefind.init()).then(function () { return pagefind; }) : pagefind;
    });
  }

  function render(results) {
    list.textContent = "";
    if (!results.length) { status.textContent = form.getAttribute("data-no-results"); return; }
    status.textContent = String(results.length);
    results.forEach(function (data) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = data.url;
      link.textContent = (data.meta && data.meta.title) || data.url;
      var excerpt = document.createElement("p");
      excerpt.className = "muted";
      excerpt.innerHTML = data.excerpt;  // Pagefind escapes the page text and marks matches with <mark>
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }

  function search() {
    var query = form.elements.q.value.trim();
    list.textContent = "";
    status.textContent = "";
    if (!query) return;
    var filters = {};
    if (form.elements.kind.value) filters.kind = form.elements.kind.value;
    if (form.elements.course.value) filters.course = form.elements.course.value;
    load().then(function (engine) {
      return engine.search(query, { filters: filters });
    }).then(function (response) {
      return Promise.all(response.results.slice(0, 20).map(function (result) { return result.data(); }));
    }).then(render).catch(function () {
      status.textContent = form.getAttribute("data-unavailable");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var state = "?q=" + encodeURIComponent(form.elements.q.value);
    if (form.elements.kind.value) state += "&kind=" + encodeURIComponent(form.elements.kind.value);
    if (form.elements.course.value) state += "&course=" + encodeURIComponent(form.elements.course.value);
    history.replaceState(null, "", state);
    search();
  });
  form.elements.kind.addEventListener("change", search);
  form.elements.course.addEventListener("change", search);
  search();
})();
