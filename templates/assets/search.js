// SPDX-License-Identifier: MIT
// The search page: queries the Pagefind index built with the site and lists, for each page
// found, the passages (paragraphs, notes, entries) that hold the words, each linked to its
// own id with the words marked, and in the view whose reading holds them. Filters (document,
// type, person named) show their counts for the query. The whole state is in the address
// (?q=…&type=…&view=…), so a search can be shared and Back restores it. Opened from
// file://, where a browser will not load the index, it says so and what to do instead.
(function () {
  "use strict";

  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var filtersBox = document.getElementById("search-filters");
  var scopeBox = document.getElementById("search-scope");
  var t = window.teieditionText || function (message) { return message; };
  if (!input) { return; }

  if (window.location.protocol === "file:") {
    status.textContent = t("Search cannot run on a page opened from a file: browsers do not let it load its index. " +
      "Serve the edition instead (edition serve) and open the address it prints.");
    input.disabled = true;
    return;
  }

  //: Elements that are passages a reader can be sent to: Pagefind records every element with an id.
  var BLOCKS = /^(p|li|blockquote|div|section|aside|figure|dd|dt|tr|td|th|h[1-6])$/i;
  //: The readings of interventions, marked in the index's copy of the pages (build/teiedition/search.py).
  var READING = /^pf-(edited|source)-/;
  var PASSAGES_SHOWN = 5;
  //: The filters' names as a reader reads them (the index knows them by key).
  var LEGENDS = { document: t("Document"), person: t("Person named"), type: t("Kind of page") };
  var EXCERPT_WORDS = 24;

  var pagefind = null;
  var everything = {};  // every filter value, with its count over the whole edition
  var chosen = {};      // filter name → values ticked
  var scope = "";       // "", "reading" or "diplomatic": which readings of interventions count
  var runs = 0;

  function relative(url) {
    return url.replace(/^\//, "");
  }

  function words(text) {
    return (text || "").split(/[\r\n\s]+/g).filter(function (w) { return w.length; }).length;
  }

  // A word of the index as the page has it, without the punctuation around it.
  function bare(word) {
    return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }

  // The words Pagefind found (by their stems: "imperialism" finds "anti-imperialist"), once
  // each: the page marks these, since the query's own words may not stand there.
  function hitWords(content, hits) {
    var all = content.split(/[\r\n\s]+/g);
    var seen = {};
    return hits.map(function (at) { return bare(all[at] || ""); }).filter(function (word) {
      var key = word.toLowerCase();
      if (!word || seen[key]) { return false; }
      seen[key] = true;
      return true;
    }).join(" ");
  }

  // The address of a passage: the page, the words to mark, the view that shows them, the id.
  function passageUrl(url, query, view, id) {
    var address = relative(url).split("#")[0] + "?highlight=" + encodeURIComponent(query);
    if (view) { address += "&view=" + view; }
    return address + (id ? "#" + encodeURIComponent(id) : "");
  }

  // Pagefind's word positions grouped by the passage that holds them: the innermost element
  // with an id whose words span the hit. A hit inside the source's reading of an intervention
  // belongs to the diplomatic view, inside the editors' reading to the reading view.
  // A word found for a query word: Pagefind matches a word of the index that is a prefix of a
  // query word, so that "xyzzyq" found the letter "X"; a hit holds at least the first three
  // letters of a word of the query (all of a shorter one's: "anti-imperialist" for "imperialism"),
  // or it is none (review 18m #2).
  function answers(word, starts) {
    var found = bare(word).toLowerCase();
    return starts.some(function (start) { return found.indexOf(start) >= 0; });
  }

  function passages(data, query) {
    var all = data.content.split(/[\r\n\s]+/g);
    var starts = query.toLowerCase().split(/\s+/).map(function (word) { return bare(word).slice(0, 3); });
    var ranges = data.anchors.filter(function (a) { return a.id; }).map(function (a) {
      return { id: a.id, element: a.element, start: a.location, end: a.location + Math.max(1, words(a.text)) };
    });
    var blocks = ranges.filter(function (r) { return BLOCKS.test(r.element) && !READING.test(r.id); });
    var readings = ranges.filter(function (r) { return READING.test(r.id); });
    var found = [];
    var byId = {};
    data.locations.slice().sort(function (a, b) { return a - b; }).forEach(function (at) {
      if (!answers(all[at] || "", starts)) { return; }
      var reading = readings.filter(function (r) { return r.start <= at && at < r.end; })[0];
      var view = reading ? (/source/.test(reading.id) ? "diplomatic" : "reading") : "";
      if (scope && view && view !== scope) { return; }
      var holders = blocks.filter(function (b) { return b.start <= at && at < b.end; });
      var block = holders.sort(function (a, b) { return (a.end - a.start) - (b.end - b.start); })[0];
      if (!block) {
        // Pagefind keeps only an element's own first words for some (a note: its number), so
        // the hit belongs to the last passage begun before it, which runs to the next one.
        var before = blocks.filter(function (b) { return b.start <= at; }).pop();
        var after = blocks.filter(function (b) { return b.start > at; })[0];
        block = { id: before ? before.id : "", start: before ? before.start : 0, end: after ? after.start : Infinity };
      }
      var passage = byId[block.id];
      if (!passage) {
        passage = byId[block.id] = { id: block.id, start: block.start, end: block.end, hits: [], views: {} };
        found.push(passage);
      }
      passage.hits.push(at);
      passage.views[view || "both"] = true;
    });
    found.forEach(function (p) {
      // Only the source's reading holds the words: the passage opens in the diplomatic view.
      p.view = p.views.diplomatic && !p.views.reading && !p.views.both ? "diplomatic" : (p.views.reading ? "reading" : "");
      p.excerpt = excerpt(data.content, p, readings);
      p.words = hitWords(data.content, p.hits) || "";
    });
    return found;
  }

  // The words around the first hit of a passage, as the view that shows them reads: the
  // other view's reading of each intervention is left out, the hits are marked.
  function excerpt(content, passage, readings) {
    var all = content.split(/[\r\n\s]+/g);
    var hidden = passage.view === "diplomatic" ? /edited/ : /source/;
    var skip = readings.filter(function (r) { return hidden.test(r.id); });
    var first = passage.hits[0];
    var from = Math.max(passage.start, first - Math.floor(EXCERPT_WORDS / 3));
    // a heading is a few words: its excerpt runs on into the text it heads
    var end = passage.end - passage.start < EXCERPT_WORDS / 3 ? all.length : passage.end;
    var to = Math.min(end, all.length, from + EXCERPT_WORDS);
    var parts = [];
    for (var at = from; at < to; at++) {
      if (skip.some(function (r) { return r.start <= at && at < r.end; })) { continue; }
      parts.push({ word: all[at], hit: passage.hits.indexOf(at) >= 0 });
    }
    return { parts: parts, before: from > passage.start, after: to < end };
  }

  function renderExcerpt(into, ex) {
    if (ex.before) { into.appendChild(document.createTextNode("… ")); }
    ex.parts.forEach(function (part, i) {
      // a note's call, left out of the index, leaves its place as a space: punctuation closes up
      // on the word it follows, and an opening quote on the word it precedes (review 18i #10)
      var joined = /^[,.)\]”’]/.test(part.word) || (i && /[“‘(\[]$/.test(ex.parts[i - 1].word));
      if (i && !joined) { into.appendChild(document.createTextNode(" ")); }
      if (part.hit) {
        // the word marked, not the punctuation around it ("(Pants", "Pants.", review 18k)
        var pieces = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(part.word);
        var mark = document.createElement("mark");
        mark.textContent = pieces[2] || part.word;
        if (pieces[2]) { into.appendChild(document.createTextNode(pieces[1])); }
        into.appendChild(mark);
        if (pieces[2]) { into.appendChild(document.createTextNode(pieces[3])); }
      } else {
        into.appendChild(document.createTextNode(part.word));
      }
    });
    if (ex.after) { into.appendChild(document.createTextNode(" …")); }
  }

  // A page's passages of its text and notes (ids p- and n-, as the stylesheets make them) come
  // before what its head and description say of it (the heading, the source note, the archive's
  // data), which held the first excerpts of every document that a query names in its title.
  function textFirst(found) {
    var inText = function (p) { return /^[pn]-/.test(p.id) ? 0 : 1; };
    return found.slice().sort(function (a, b) { return inText(a) - inText(b); });
  }

  function renderResult(data, query) {
    var found = textFirst(passages(data, query));
    if (!found.length) { return null; }
    var item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = passageUrl(data.url, found[0].words || query, found[0].view, found[0].id);
    link.textContent = data.meta.title || relative(data.url);
    heading.appendChild(link);
    item.appendChild(heading);
    var facts = [(data.filters.type || [])[0], data.meta.date].filter(Boolean);
    facts.push(found.length === 1 ? t("1 passage") : t("{n} passages").replace("{n}", found.length));
    var meta = document.createElement("p");
    meta.className = "result-meta";
    meta.textContent = facts.join(" · ");
    item.appendChild(meta);
    var passagesList = document.createElement("ul");
    passagesList.className = "passages";
    found.slice(0, PASSAGES_SHOWN).forEach(function (passage) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = passageUrl(data.url, passage.words || query, passage.view, passage.id);
      renderExcerpt(a, passage.excerpt);
      li.appendChild(a);
      if (passage.view === "diplomatic") {
        var note = document.createElement("span");
        note.className = "view-tag";
        note.textContent = " " + t("(diplomatic view: the source’s reading)");
        li.appendChild(note);
      }
      passagesList.appendChild(li);
    });
    item.appendChild(passagesList);
    if (found.length > PASSAGES_SHOWN) {
      var more = document.createElement("p");
      more.className = "result-more";
      var all = document.createElement("a");
      all.href = passageUrl(data.url, hitWords(data.content, [].concat.apply([], found.map(function (p) { return p.hits; }))) || query, "", "");
      all.textContent = t("All {n} passages, marked on the page").replace("{n}", found.length);
      more.appendChild(all);
      item.appendChild(more);
    }
    return item;
  }

  // Persons sort by surname, as the register does; other values by their words.
  function sortKey(name, value) {
    return name === "person" ? value.split(" ").slice(-1)[0] + " " + value : value;
  }

  function renderFilters(counts, query) {
    var focused = document.activeElement && document.activeElement.id;
    filtersBox.textContent = "";
    if (query) {
      var counted = document.createElement("p");
      counted.className = "filters-note";
      counted.textContent = t("The numbers count the pages found.");
      filtersBox.appendChild(counted);
    }
    Object.keys(everything).sort().forEach(function (name) {
      var values = Object.keys(everything[name]).filter(function (value) {
        return !query || (counts[name] || {})[value] || (chosen[name] || []).indexOf(value) >= 0;
      // numbers as numbers: the documents' "2. …" before "10. …", in the edition's order
      }).sort(function (a, b) { return sortKey(name, a).localeCompare(sortKey(name, b), undefined, { numeric: true }); });
      if (!values.length) { return; }
      var box = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.textContent = LEGENDS[name] || name;
      box.appendChild(legend);
      values.forEach(function (value) {
        var id = "filter-" + name + "-" + value.replace(/[^A-Za-z0-9]+/g, "-");
        // the box inside its label: the two never part when the line wraps
        var label = document.createElement("label");
        var check = document.createElement("input");
        check.type = "checkbox";
        check.id = id;
        check.checked = (chosen[name] || []).indexOf(value) >= 0;
        check.addEventListener("change", function () {
          var ticked = chosen[name] || [];
          chosen[name] = check.checked ? ticked.concat([value]) : ticked.filter(function (v) { return v !== value; });
          run(true);
        });
        label.appendChild(check);
        var count = query ? (counts[name] || {})[value] || 0 : everything[name][value];
        label.appendChild(document.createTextNode(" " + value + " (" + count + ")"));
        box.appendChild(label);
      });
      filtersBox.appendChild(box);
    });
    if (focused && document.getElementById(focused)) { document.getElementById(focused).focus(); }
  }

  function activeFilters() {
    var active = {};
    Object.keys(chosen).forEach(function (name) {
      if (chosen[name].length) { active[name] = { any: chosen[name] }; }
    });
    return active;
  }

  // The state into the address: a new history entry for a deliberate change, not for each key typed.
  function remember(push) {
    var url = new URL(window.location.href);
    var params = new URLSearchParams();
    if (input.value.trim()) { params.set("q", input.value.trim()); }
    Object.keys(chosen).sort().forEach(function (name) {
      chosen[name].forEach(function (value) { params.append(name, value); });
    });
    if (scope) { params.set("view", scope); }
    url.search = params.toString();
    if (url.href === window.location.href) { return; }
    window.history[push ? "pushState" : "replaceState"](null, "", url);
  }

  // The search's state from the address; `typed`, what the reader typed while the index loaded,
  // is kept where the address has no query (it was lost when the index came after the typing).
  function restore(typed) {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || typed || "";
    chosen = {};
    Object.keys(everything).forEach(function (name) {
      var values = params.getAll(name).filter(function (v) { return v in everything[name]; });
      if (values.length) { chosen[name] = values; }
    });
    scope = ["reading", "diplomatic"].indexOf(params.get("view")) >= 0 ? params.get("view") : "";
    if (scopeBox) { scopeBox.value = scope; }
  }

  function run(push) {
    if (!pagefind) { return; }  // the index is still loading; it runs the query once loaded
    var query = input.value.trim();
    var ticket = ++runs;
    remember(push);
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      renderFilters({}, "");
      return;
    }
    pagefind.search(query, { filters: activeFilters() }).then(function (search) {
      if (ticket !== runs) { return null; }
      // A facet already chosen offers its other values with their counts for the query alone
      // (ticking one widens the search); the other facets count within what is chosen.
      var counts = {};
      Object.keys(search.filters || {}).forEach(function (name) {
        counts[name] = (chosen[name] || []).length ? (search.totalFilters || {})[name] : search.filters[name];
      });
      renderFilters(counts, query);
      return Promise.all(search.results.slice(0, 50).map(function (r) { return r.data(); }));
    }).then(function (results) {
      if (!results || ticket !== runs) { return; }
      // The documents first, in Pagefind's order, then the registers, apparatus and front
      // matter that speak about them (the index also weighs the documents' words more).
      results = results.map(function (data, i) { return { data: data, i: i }; }).sort(function (a, b) {
        return (a.data.meta.kind === "document" ? 0 : 1) - (b.data.meta.kind === "document" ? 0 : 1) || a.i - b.i;
      }).map(function (entry) { return entry.data; });
      list.textContent = "";
      var pages = 0;
      var count = 0;
      results.forEach(function (data) {
        var item = renderResult(data, query);
        if (item) {
          pages += 1;
          count += item.querySelectorAll(".passages > li").length;
          list.appendChild(item);
        }
      });
      status.textContent = (pages ? (pages === 1 ? t("1 page found for “{query}”.") : t("{n} pages found for “{query}”.").replace("{n}", pages)) :
        (Object.keys(activeFilters()).length || scope ? t("Nothing found for “{query}” with these filters.") : t("Nothing found for “{query}”."))).replace("{query}", query);
    }).catch(function () {
      status.textContent = t("The search index could not be read.");
    });
  }

  input.addEventListener("input", function () { run(false); });
  input.form.addEventListener("submit", function (event) { event.preventDefault(); run(true); });
  if (scopeBox) {
    scopeBox.addEventListener("change", function () { scope = scopeBox.value; run(true); });
  }
  window.addEventListener("popstate", function () { restore(); run(false); });
  input.value = new URLSearchParams(window.location.search).get("q") || input.value;
  status.textContent = t("Loading the search index…");

  import("../pagefind/pagefind.js").then(function (module) {
    pagefind = module;
    return pagefind.filters();
  }).then(function (available) {
    everything = available;
    restore(input.value);
    status.textContent = "";
    run(false);
  }).catch(function () {
    status.textContent = t("The search index could not be loaded. Serve the edition (edition serve) and try again.");
  });
}());
