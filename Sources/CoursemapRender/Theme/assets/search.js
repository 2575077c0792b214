// Coursemap search page: queries the Pagefind index (built by `coursemap build`) and lists the results,
// twenty at a time, each with its kind, course and place in the site, with the kind and course filters.
// The query and the filters live in the address (?q=…&kind=…&course=…), so reloading, the back and
// forward buttons and shared links restore them. Pagefind loads its index with fetch, which browsers
// allow from a web address (a static host, or a local server offline) but not from file://; the page
// says so there.
//
// The page contract (kept if the index is ever replaced): form.search-page with inputs q, kind, course;
// p.search-status says "N results"; ol.search-results holds one li per result with an a to the page;
// button.search-more shows the next twenty.
(function () {
  "use strict";
  var form = document.querySelector("form.search-page");
  if (!form) return;
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var more = document.querySelector(".search-more");
  var PAGE = 20;
  // Titles first (the templates weight h1 at 10, a requirement's statement at 3, and leave lists of
  // other pages out of the index): page length counts less than Pagefind's default (0.75), since course
  // and module pages are long, and the characters of a page title (meta "characters") count three times,
  // so a Chinese query the browser splits into single characters still finds the page it titles (see
  // PageBuilder.searchCharacters). Measured with Tests/browser/test_search.py's query table.
  var RANKING = { pageLength: 0.3, metaWeights: { characters: 3 } };
  var pagefind = null;
  var current = null;  // { response, shown, token }

  function load() {
    if (pagefind) return Promise.resolve(pagefind);
    if (location.protocol === "file:") return Promise.reject(new Error("file"));
    return import(new URL(form.getAttribute("data-pagefind"), location.href).href).then(function (module) {
      return Promise.resolve(module.options ? module.options({ ranking: RANKING }) : null).then(function () {
        return module.init ? module.init() : null;
      }).then(function () { pagefind = module; return module; });
    });
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? String(values[name]) : whole; });
  }

  function first(values) { return values && values.length ? values[0] : ""; }

  function describe(total, shown) {
    var text = fill(form.getAttribute(total === 1 ? "data-count-one" : "data-count"), { n: total });
    if (shown < total) text += " · " + fill(form.getAttribute("data-showing"), { shown: shown });
    return text;
  }

  function item(data) {
    var entry = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    var heading = document.createElement("p");
    heading.className = "search-result-title";
    heading.appendChild(link);
    entry.appendChild(heading);
    var filters = data.filters || {};
    var facts = document.createElement("p");
    facts.className = "search-result-facts";
    [["search-kind", first(filters.kind)], ["search-course", first(filters.course)], ["search-trail", first(filters.trail)]].forEach(function (part) {
      if (!part[1]) return;
      var span = document.createElement("span");
      span.className = part[0];
      span.textContent = part[1];
      facts.appendChild(span);
    });
    if (facts.childNodes.length) entry.appendChild(facts);
    var excerpt = document.createElement("p");
    excerpt.className = "search-excerpt";
    excerpt.innerHTML = data.excerpt;  // Pagefind escapes the page text and marks matches with <mark>
    entry.appendChild(excerpt);
    return entry;
  }

  function showMore(focus) {
    var run = current;
    var next = run.response.results.slice(run.shown, run.shown + PAGE);
    more.disabled = true;
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (datas) {
      if (run !== current) return;
      var firstLink = null;
      datas.forEach(function (data) {
        var entry = item(data);
        list.appendChild(entry);
        if (!firstLink) firstLink = entry.querySelector("a");
      });
      run.shown += datas.length;
      var total = run.response.results.length;
      status.textContent = describe(total, run.shown);
      more.hidden = run.shown >= total;
      more.disabled = false;
      if (focus && firstLink) firstLink.focus();
    });
  }

  function search() {
    var query = form.elements.q.value.trim();
    var run = { response: null, shown: 0 };
    current = run;
    list.textContent = "";
    status.textContent = "";
    more.hidden = true;
    if (!query) return;
    var filters = {};
    if (form.elements.kind.value) filters.kind = form.elements.kind.value;
    if (form.elements.course.value) filters.course = form.elements.course.value;
    load().then(function (engine) {
      return engine.search(query, { filters: filters });
    }).then(function (response) {
      if (run !== current) return;
      run.response = response;
      if (!response.results.length) { status.textContent = form.getAttribute("data-no-results"); return; }
      return showMore(false);
    }).catch(function (error) {
      if (run !== current) return;
      status.textContent = form.getAttribute(error && error.message === "file" ? "data-needs-server" : "data-unavailable");
    });
  }

  function fromAddress() {
    var params = new URLSearchParams(location.search);
    form.elements.q.value = params.get("q") || "";
    [form.elements.kind, form.elements.course].forEach(function (select) {
      var wanted = params.get(select.name) || "";
      var known = Array.prototype.some.call(select.options, function (option) { return option.value === wanted; });
      select.value = known ? wanted : "";
    });
  }

  function toAddress() {
    var params = new URLSearchParams();
    params.set("q", form.elements.q.value);
    if (form.elements.kind.value) params.set("kind", form.elements.kind.value);
    if (form.elements.course.value) params.set("course", form.elements.course.value);
    var address = "?" + params.toString();
    if (address !== location.search) history.pushState(null, "", address);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    toAddress();
    search();
  });
  [form.elements.kind, form.elements.course].forEach(function (select) {
    select.addEventListener("change", function () { toAddress(); search(); });
  });
  more.addEventListener("click", function () { if (current && current.response) showMore(true); });
  window.addEventListener("popstate", function () { fromAddress(); search(); });
  fromAddress();
  search();
})();
