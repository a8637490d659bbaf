// SPDX-License-Identifier: MIT
// The search page: queries the Pagefind index built with the site, shows excerpts with the
// hit marked, and offers the index's filters (document, type, person named). Opened from
// file://, where a browser will not load the index, it says so and what to do instead.
(function () {
  "use strict";

  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var filtersBox = document.getElementById("search-filters");
  var t = window.teieditionText || function (message) { return message; };
  if (!input) { return; }

  if (window.location.protocol === "file:") {
    status.textContent = t("Search cannot run on a page opened from a file: browsers do not let it load its index. " +
      "Serve the edition instead (uv run edition serve) and open the address it prints.");
    input.disabled = true;
    return;
  }

  var pagefind = null;
  var chosen = {};

  function relative(url) {
    return url.replace(/^\//, "");
  }

  function withHighlight(url, query) {
    var hash = url.indexOf("#");
    var base = hash < 0 ? url : url.slice(0, hash);
    var fragment = hash < 0 ? "" : url.slice(hash);
    return base + (base.indexOf("?") < 0 ? "?" : "&") + "highlight=" + encodeURIComponent(query) + fragment;
  }

  function renderFilters(available) {
    filtersBox.textContent = "";
    Object.keys(available).sort().forEach(function (name) {
      var box = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.textContent = name.charAt(0).toUpperCase() + name.slice(1);
      box.appendChild(legend);
      Object.keys(available[name]).sort().forEach(function (value) {
        var id = "filter-" + name + "-" + value.replace(/[^A-Za-z0-9]+/g, "-");
        var check = document.createElement("input");
        check.type = "checkbox";
        check.id = id;
        check.checked = (chosen[name] || []).indexOf(value) >= 0;
        check.addEventListener("change", function () {
          var values = chosen[name] || [];
          chosen[name] = check.checked ? values.concat([value]) : values.filter(function (v) { return v !== value; });
          run();
        });
        var label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = " " + value + " (" + available[name][value] + ") ";
        box.appendChild(check);
        box.appendChild(label);
      });
      filtersBox.appendChild(box);
    });
  }

  function activeFilters() {
    var active = {};
    Object.keys(chosen).forEach(function (name) {
      if (chosen[name].length) { active[name] = { any: chosen[name] }; }
    });
    return active;
  }

  function run() {
    if (!pagefind) { return; }  // the index is still loading; it runs the query once loaded
    var query = input.value.trim();
    var url = new URL(window.location.href);
    url.searchParams.set("q", query);
    window.history.replaceState(null, "", url);
    if (!query) { list.textContent = ""; status.textContent = ""; return; }
    pagefind.search(query, { filters: activeFilters() }).then(function (search) {
      status.textContent = t(search.results.length === 1 ? "1 page found for “{query}”." : "{n} pages found for “{query}”.")
        .replace("{n}", search.results.length).replace("{query}", query);
      return Promise.all(search.results.slice(0, 30).map(function (r) { return r.data(); }));
    }).then(function (results) {
      list.textContent = "";
      (results || []).forEach(function (data) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        var target = data.sub_results && data.sub_results.length ? data.sub_results[0] : data;
        link.href = withHighlight(relative(target.url || data.url), query);
        link.textContent = data.meta.title || relative(data.url);
        var excerpt = document.createElement("p");
        // Pagefind's excerpt is its own text with <mark> around hits; nothing else is kept.
        excerpt.innerHTML = (target.excerpt || data.excerpt).replace(/<(?!\/?mark>)[^>]*>/g, "");
        item.appendChild(link);
        item.appendChild(excerpt);
        list.appendChild(item);
      });
    }).catch(function () {
      status.textContent = t("The search index could not be read.");
    });
  }

  input.addEventListener("input", run);
  input.form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) { input.value = asked; }
  status.textContent = t("Loading the search index…");

  import("../pagefind/pagefind.js").then(function (module) {
    pagefind = module;
    return pagefind.filters();
  }).then(function (available) {
    renderFilters(available);
    status.textContent = "";
    run();
  }).catch(function () {
    status.textContent = t("The search index could not be loaded. Serve the edition (uv run edition serve) and try again.");
  });
}());
