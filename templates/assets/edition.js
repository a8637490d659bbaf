// SPDX-License-Identifier: MIT
// Enhancements only: every page is complete without this script. It remembers the chosen
// view of a text (and lets the URL name it: ?view=diplomatic), opens note markers in a
// popover instead of jumping to the apparatus, and copies citations.
(function () {
  "use strict";

  var VIEW_KEY = "teiedition.view";

  // The page's language's wording of a message (the page carries the ones that differ from
  // the English, as JSON in #interface-strings); search.js uses it too.
  var strings = {};
  try { strings = JSON.parse((document.getElementById("interface-strings") || {}).textContent || "{}"); } catch (e) { /* English */ }
  function t(message) { return strings[message] || message; }
  window.teieditionText = t;

  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* storage may be off: the URL still works */ }
  }

  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function setupViews() {
    var radios = document.querySelectorAll('input[name="view"]');
    if (!radios.length) { return; }
    var asked = new URLSearchParams(window.location.search).get("view") || stored(VIEW_KEY);
    radios.forEach(function (radio) {
      if (radio.value === asked) { radio.checked = true; }
      radio.addEventListener("change", function () {
        store(VIEW_KEY, radio.value);
        var url = new URL(window.location.href);
        url.searchParams.set("view", radio.value);
        window.history.replaceState(null, "", url);
      });
    });
  }

  var open = null;

  function closeNote() {
    if (!open) { return; }
    var marker = open.marker;
    open.box.remove();
    open = null;
    marker.setAttribute("aria-expanded", "false");
    marker.focus();
  }

  function openNote(marker) {
    closeNote();
    var note = document.getElementById(marker.getAttribute("data-note"));
    if (!note) { return false; }
    var box = document.createElement("div");
    box.className = "note-popover";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", t("Note {n}").replace("{n}", marker.textContent.trim()));
    box.tabIndex = -1;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.setAttribute("aria-label", t("Close the note"));
    close.textContent = "×";
    close.addEventListener("click", closeNote);
    box.appendChild(close);
    var body = note.querySelector(".note-body").cloneNode(true);
    body.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    body.querySelectorAll(".back-ref").forEach(function (el) { el.remove(); });
    box.appendChild(body);
    document.body.appendChild(box);
    var rect = marker.getBoundingClientRect();
    var left = Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8);
    box.style.left = Math.max(8, left) + "px";
    box.style.top = (window.scrollY + rect.bottom + 6) + "px";
    marker.setAttribute("aria-expanded", "true");
    open = { box: box, marker: marker };
    box.focus();
    return true;
  }

  function setupNotes() {
    document.addEventListener("click", function (event) {
      var marker = event.target.closest && event.target.closest("a.note-ref");
      if (marker && openNote(marker)) {
        event.preventDefault();
      } else if (open && !open.box.contains(event.target)) {
        closeNote();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { closeNote(); }
    });
  }

  function setupCopy() {
    document.querySelectorAll("button.copy").forEach(function (button) {
      button.addEventListener("click", function () {
        var source = document.getElementById(button.getAttribute("data-copy"));
        if (!source || !navigator.clipboard) { return; }
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          var label = button.textContent;
          button.textContent = t("Copied");
          window.setTimeout(function () { button.textContent = label; }, 1500);
        });
      });
    });
  }

  // Arriving from the search page (?highlight=words): mark the words and show the first.
  function highlight() {
    var words = (new URLSearchParams(window.location.search).get("highlight") || "")
      .split(/\s+/).filter(function (w) { return w.length > 1; })
      .map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var main = document.getElementById("main");
    if (!words.length || !main) { return; }
    var pattern = new RegExp("(" + words.join("|") + ")", "gi");
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) {
      if (pattern.test(walker.currentNode.nodeValue) && !walker.currentNode.parentNode.closest(".tip")) { nodes.push(walker.currentNode); }
      pattern.lastIndex = 0;
    }
    nodes.forEach(function (node) {
      var fragment = document.createDocumentFragment();
      node.nodeValue.split(pattern).forEach(function (part, i) {
        if (i % 2) {
          var mark = document.createElement("mark");
          mark.className = "search-hit";
          mark.textContent = part;
          fragment.appendChild(mark);
        } else if (part) {
          fragment.appendChild(document.createTextNode(part));
        }
      });
      node.parentNode.replaceChild(fragment, node);
    });
    var first = Array.prototype.find.call(main.querySelectorAll("mark.search-hit"), function (m) { return m.offsetParent !== null; });
    if (first) { first.scrollIntoView({ block: "center" }); }
  }

  setupViews();
  setupNotes();
  setupCopy();
  highlight();
}());
