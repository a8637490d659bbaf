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
    var named = new URLSearchParams(window.location.search).get("view");
    var asked = named || stored(VIEW_KEY);
    // the place is noted as the reader reaches for the switch, and held until the switch is done:
    // the browser may scroll between the press and the change (the page moved by ~480 px), and a
    // note taken then would keep that place instead of the one being read
    var switcher = document.querySelector(".view-switch");
    if (switcher) {
      ["pointerdown", "keydown"].forEach(function (type) {
        switcher.addEventListener(type, function () { notePlace(); switching = true; });
      });
      ["click", "keyup"].forEach(function (type) {
        switcher.addEventListener(type, function () { window.setTimeout(function () { switching = false; }, 0); });
      });
    }
    radios.forEach(function (radio) {
      if (radio.value === asked) { radio.checked = true; }
      radio.addEventListener("change", function () {
        keepPlace();
        store(VIEW_KEY, radio.value);
        var url = new URL(window.location.href);
        url.searchParams.set("view", radio.value);
        window.history.replaceState(null, "", url);
      });
    });
    // A view remembered from an earlier page is said, so that "Pants" does not surprise a reader,
    // and written in the address, which a reader may copy
    if (!named && asked === "diplomatic" && document.getElementById("view-diplomatic")) {
      var shown = new URL(window.location.href);
      shown.searchParams.set("view", "diplomatic");
      window.history.replaceState(null, "", shown);
      say(t("Shown in the diplomatic view, as you chose on an earlier page: the source’s own readings."));
    }
    // a search result that opens the diplomatic view says why on the page too (review 18i #15)
    if (named === "diplomatic" && new URLSearchParams(window.location.search).get("highlight")) {
      say(t("Shown in the diplomatic view: the words found are the source’s reading, which the editors corrected."));
    }
  }

  // The passage being read stays where it is when the view changes (the other view's readings
  // are longer or shorter, and the page moved by hundreds of pixels): the first passage below
  // the sticky toolbar is noted as the page scrolls, and put back at its place after the switch.
  var place = null;
  var switching = false;
  function notePlace() {
    var passages = document.querySelectorAll('#text [id^="p-"]');
    for (var i = 0; i < passages.length; i++) {
      var top = passages[i].getBoundingClientRect().top;
      if (top > 60) { place = { passage: passages[i], top: top }; return; }
    }
  }
  function keepPlace() {
    if (place) { window.scrollBy(0, place.passage.getBoundingClientRect().top - place.top); }
  }
  var noting = false;
  window.addEventListener("scroll", function () {
    if (noting) { return; }
    noting = true;
    window.requestAnimationFrame(function () { noting = false; if (!switching) { notePlace(); } });
  }, { passive: true });

  function say(text) {
    var switcher = document.querySelector(".view-switch");
    var old = document.querySelector(".view-notice");
    if (old) { old.remove(); }
    if (!switcher) { return; }
    var notice = document.createElement("p");
    notice.className = "view-notice";
    notice.setAttribute("role", "status");
    notice.textContent = text;
    switcher.closest(".toolbar").after(notice);
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
    var note = document.getElementById(decodeURIComponent(marker.getAttribute("href").slice(1)));
    if (!note) { return false; }
    var body = note.querySelector(":scope > div").cloneNode(true);
    body.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    body.querySelectorAll(".back-ref, .permalink").forEach(function (el) { el.remove(); });  // a note's ways about itself
    return openBox(marker, t("Note {n}").replace("{n}", marker.textContent.trim()), body);
  }

  // An intervention of the editors (a correction, a regularisation): a click or a tap explains it
  // in a card (the source's reading, the editors' note), the same card wherever it stands; inside
  // a name it does so instead of leaving for the register, which the card still offers, so the
  // name keeps its own way on. The hover tip stays for a pointer that only passes over it.
  function openCorrection(fix) {
    var name = fix.closest("a");
    var tip = fix.querySelector(".tip");
    if (!tip) { return false; }
    var body = document.createElement("div");
    var explanation = document.createElement("p");
    explanation.textContent = tip.textContent;
    body.appendChild(explanation);
    var ways = document.createElement("p");
    var call = (name || fix).nextElementSibling;
    if (call && call.matches("a.note-ref")) {
      var toNote = document.createElement("a");
      toNote.href = call.getAttribute("href");
      toNote.textContent = t("Note {n}").replace("{n}", call.textContent.trim().replace(/^\D+/, ""));
      ways.appendChild(toNote);
    }
    if (name) {
      if (ways.firstChild) { ways.appendChild(document.createTextNode(" · ")); }
      var toEntry = document.createElement("a");
      toEntry.href = name.getAttribute("href");
      toEntry.textContent = t("“{word}” in the register →").replace("{word}", fix.querySelector(".reading-edited").textContent);
      ways.appendChild(toEntry);
    }
    if (ways.firstChild) { body.appendChild(ways); }
    return openBox(name || fix, fix.classList.contains("regularisation") ? t("Regularisation") : t("Correction"), body);
  }

  function openBox(marker, label, body) {
    closeNote();
    var box = document.createElement("div");
    box.className = "note-popover";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", label);
    box.tabIndex = -1;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.setAttribute("aria-label", t("Close the note"));
    close.textContent = "×";
    close.addEventListener("click", closeNote);
    box.appendChild(close);
    box.appendChild(body);
    document.body.appendChild(box);
    var rect = marker.getBoundingClientRect();
    // beside the text where the margin holds it, so that it covers none of the passage it
    // explains (review 18f #7); under the word on a narrow screen
    var text = marker.closest(".text");
    var margin = text ? text.getBoundingClientRect().right + 16 : Infinity;
    var room = document.documentElement.clientWidth - margin - 8;
    if (room >= 256) {
      box.style.maxWidth = Math.min(room, 416) + "px";
      box.style.left = (window.scrollX + margin) + "px";
      box.style.top = (window.scrollY + rect.top - 4) + "px";
    } else {
      var left = Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8);
      box.style.left = Math.max(8, left) + "px";
      box.style.top = (window.scrollY + rect.bottom + 6) + "px";
    }
    marker.setAttribute("aria-expanded", "true");
    open = { box: box, marker: marker };
    box.focus();
    return true;
  }

  function setupNotes() {
    document.addEventListener("click", function (event) {
      var marker = event.target.closest && event.target.closest("a.note-ref");
      var fix = event.target.closest && event.target.closest(".text .intervention");
      if (fix && !(open && open.box.contains(event.target)) && openCorrection(fix)) {
        event.preventDefault();
      } else if (marker && openNote(marker)) {
        event.preventDefault();
      } else if (open && !open.box.contains(event.target)) {
        closeNote();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { closeNote(); document.body.classList.add("tips-dismissed"); }
      // a correction outside a name opens its card from the keyboard as from a tap (review 18i #14);
      // inside a name, Enter follows the name's link, as a link does
      var fix = (event.key === "Enter" || event.key === " ") && event.target.closest && event.target.closest(".text .intervention");
      if (fix && !fix.closest("a") && openCorrection(fix)) { event.preventDefault(); }
    });
    document.querySelectorAll(".text .intervention[tabindex]").forEach(function (fix) {
      if (!fix.closest("a")) { fix.setAttribute("role", "button"); fix.setAttribute("aria-haspopup", "dialog"); }
    });
    // a dismissed tip comes back for the next word pointed at or focused
    document.addEventListener("focusin", function () { document.body.classList.remove("tips-dismissed"); });
    document.addEventListener("mouseout", function (event) {
      var word = event.target.closest && event.target.closest(".intervention");
      if (word && !word.contains(event.relatedTarget)) { document.body.classList.remove("tips-dismissed"); }
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

  // Arriving from the search page (?highlight=words#passage): mark the words, open what hides
  // the passage, switch to the view whose reading holds them when only the other view shows
  // them, and bring the first visible mark (or the passage) into the middle of the window.
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
      var holder = walker.currentNode.parentNode;
      if (pattern.test(walker.currentNode.nodeValue) && !holder.closest(".tip, .visually-hidden, .note-ref, .permalink")) { nodes.push(walker.currentNode); }
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
    var target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    var scope = target || main;
    for (var up = scope; up; up = up.parentElement) {
      if (up.tagName === "DETAILS") { up.open = true; }
    }
    var marks = Array.prototype.slice.call(scope.querySelectorAll("mark.search-hit"));
    var shown = function (m) { return m.getClientRects().length > 0; };
    if (marks.length && !marks.some(shown)) { otherView(marks); }
    var first = marks.filter(shown)[0] || target;
    if (!first) { return; }
    // after the browser's own scroll to the fragment, which would otherwise win
    var show = function () { first.scrollIntoView({ block: "center" }); };
    if (document.readyState === "complete") { window.requestAnimationFrame(show); } else {
      window.addEventListener("load", function () { window.requestAnimationFrame(show); });
    }
  }

  // The words are only in the readings the current view hides: show the other view, and say so.
  function otherView(marks) {
    var view = marks[0].closest(".reading-source") ? "diplomatic" : marks[0].closest(".reading-edited") ? "reading" : "";
    var radio = view && document.getElementById("view-" + view);
    if (!radio || radio.checked) { return; }
    radio.checked = true;
    say(view === "diplomatic" ?
      t("Shown in the diplomatic view: the words found are the source’s reading, which the editors corrected.") :
      t("Shown in the reading view: the words found are the editors’ reading."));
  }

  // The ¶ (or #) beside a passage: a small menu to copy its link or its citation, which is the
  // document's citation (formatted at build time by a citation processor) with the passage's address.
  var menu = null;

  function closeMenu(refocus) {
    if (!menu) { return; }
    var link = menu.link;
    menu.box.remove();
    menu = null;
    link.setAttribute("aria-expanded", "false");
    if (refocus) { link.focus(); }
  }

  function copyText(button, text) {
    if (!navigator.clipboard) { return; }
    navigator.clipboard.writeText(text).then(function () {
      var label = button.textContent;
      button.textContent = t("Copied");
      window.setTimeout(function () { button.textContent = label; closeMenu(true); }, 900);
    });
  }

  function openMenu(link) {
    closeMenu(false);
    var cite = document.getElementById("cite");
    var documentUrl = cite.getAttribute("data-url");
    var base = /^https?:/.test(documentUrl) ? documentUrl : window.location.href.split(/[?#]/)[0];
    // the view the reader quotes from travels with the link: a passage copied from the diplomatic
    // view ("come to Pants") opens there, not on the reading's "Paris" (review 18l #1)
    var view = document.querySelector('input[name="view"]:checked');
    var address = base + (view && view.value === "diplomatic" ? "?view=diplomatic" : "") + link.getAttribute("href");
    var box = document.createElement("div");
    box.className = "passage-menu";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", t("This passage"));
    var copyLink = document.createElement("button");
    copyLink.type = "button";
    copyLink.textContent = t("Copy link");
    copyLink.addEventListener("click", function () { copyText(copyLink, address); });
    box.appendChild(copyLink);
    var passage = link.parentElement;
    var number = Array.prototype.indexOf.call(document.querySelectorAll(".text [id^='p-']"), passage) + 1;
    var locator = number > 0 ? "¶ " + number + ", " : "";
    [["chicago", t("Copy citation ({style})").replace("{style}", "Chicago")], ["mla", "MLA"], ["apa", "APA"]].forEach(function (style) {
      var source = document.getElementById("citation-" + style[0]);
      if (!source) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = style[1];
      if (style[0] !== "chicago") { button.setAttribute("aria-label", t("Copy citation ({style})").replace("{style}", style[1])); }
      button.addEventListener("click", function () {
        var text = source.textContent.trim();
        var accessed = source.querySelector(".accessed");
        var at = accessed && accessed.textContent ? text.indexOf(accessed.textContent.trim()) : -1;
        // the passage is named before the reader's access date, which belongs to the address
        // ("… ¶ 11. Accessed December 7, 2026. https://…"), not after it (review 18i #5)
        if (at > 0 && number > 0) {
          copyText(button, (text.slice(0, at) + "¶ " + number + ". " + text.slice(at)).split(documentUrl).join(address));
        } else {
          copyText(button, text.split(documentUrl).join(locator + address));
        }
      });
      box.appendChild(button);
    });
    link.after(box);
    link.setAttribute("aria-expanded", "true");
    menu = { box: box, link: link };
    copyLink.focus();
  }

  // The names of the passages' permalinks (¶) and of the notes' ways back (↑), and the notes'
  // permalinks (#) themselves: made
  // here from the page's one copy of their names and the notes' ids, not written at every
  // passage and note (they made a long document's page a tenth heavier).
  function addPermalinks() {
    document.querySelectorAll(".note-list > li[id] > div").forEach(function (body) {
      // the way back to the note's call in the text (its first, where it has several)
      var call = document.querySelector('a.note-ref[href="#' + CSS.escape(body.parentNode.id) + '"]');
      if (call && call.id) {
        var back = document.createElement("a");
        back.className = "back-ref";
        back.href = "#" + call.id;
        back.textContent = "↑";
        body.appendChild(document.createTextNode(" "));
        body.appendChild(back);
      }
      var link = document.createElement("a");
      link.className = "permalink";
      link.href = "#" + body.parentNode.id;
      link.textContent = "#";
      link.setAttribute("aria-labelledby", "label-note-link");
      body.appendChild(link);
    });
    document.querySelectorAll("a.permalink:not([aria-labelledby])").forEach(function (link) {
      link.setAttribute("aria-labelledby", "label-passage-link");
    });
    document.querySelectorAll("a.back-ref").forEach(function (link) {
      link.setAttribute("aria-labelledby", "label-back-ref");
    });
  }

  function setupPassageMenus() {
    if (!document.getElementById("cite")) { return; }
    document.querySelectorAll(".document a.permalink").forEach(function (link) {
      link.setAttribute("aria-haspopup", "true");
      link.setAttribute("aria-expanded", "false");
    });
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest(".document a.permalink");
      if (link) {
        event.preventDefault();
        if (menu && menu.link === link) { closeMenu(true); } else { openMenu(link); }
      } else if (menu && !menu.box.contains(event.target)) {
        closeMenu(false);
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu) { closeMenu(true); }
    });
  }

  // The access date of the citations: the reader's own day, written as each style writes it
  // (the page holds the style's words and month names; a date fixed at build time goes stale).
  function fillAccessDates() {
    var now = new Date();
    document.querySelectorAll("span.accessed[data-template]").forEach(function (span) {
      var months = span.getAttribute("data-months").split("|");
      span.textContent = span.getAttribute("data-template").replace("{d}", String(now.getDate()))
        .replace("{m}", months[now.getMonth()]).replace("{y}", String(now.getFullYear()));
    });
  }

  // A name's tooltip: the identification of its register entry, read from the register page
  // when the name is first pointed at or focused (written at every mention, it made the page a
  // tenth heavier). Each register page is fetched once; without it, the name is still a link.
  var NAMES = ["persName", "orgName", "placeName", "name", "rs"].map(function (kind) {
    return "a.tei-" + kind + "[href], a.link-" + kind + "[href]";
  }).join(", ") + ", [data-entry]";  // a name inside another link carries its entry's address

  function lendTooltips() {
    var registers = {};
    function lend(event) {
      var link = event.target.closest && event.target.closest(NAMES);
      // a correction inside the name shows its own tip: the name's would stand over it
      if (!link || link.title || event.target.closest(".intervention")) { return; }
      var parts = (link.getAttribute("data-entry") || link.getAttribute("href")).split("#");
      if (!registers[parts[0]]) {
        registers[parts[0]] = fetch(parts[0]).then(function (response) { return response.ok ? response.text() : ""; })
          .then(function (text) { return new DOMParser().parseFromString(text, "text/html"); })
          .catch(function () { return null; });
      }
      registers[parts[0]].then(function (page) {
        var entry = page && page.getElementById(decodeURIComponent(parts[1]));
        if (entry && entry.getAttribute("data-identification")) { link.title = entry.getAttribute("data-identification"); }
      });
    }
    document.addEventListener("mouseover", lend);
    document.addEventListener("focusin", lend);
  }

  // On a phone the site's menu folds behind a button, so that the text comes first (without
  // this script, or on a wide screen, every entry stays in sight).
  function foldMenu() {
    var nav = document.querySelector(".site-nav");
    if (!nav) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "menu-button";
    button.textContent = t("Menu");
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "site-menu");
    nav.querySelector("ul").id = "site-menu";
    // one overlay at a time: the menu and the document's outline would cover the text together
    var outline = document.querySelector("details.outline");
    button.addEventListener("click", function () {
      var opened = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(opened));
      nav.classList.toggle("open", opened);
      if (opened && outline) { outline.open = false; }
    });
    if (outline) {
      outline.addEventListener("toggle", function () {
        if (outline.open && nav.classList.contains("open")) { button.click(); }
      });
    }
    nav.insertBefore(button, nav.firstChild);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && nav.classList.contains("open")) { button.click(); button.focus(); }
    });
  }

  // On a phone the source note, which heads the document, shows three lines and a button for the
  // rest, so that the text begins on the first screen; without the script it is shown whole.
  function foldSourceNote() {
    var note = document.querySelector(".document-header .source-note");
    // at every width: on a desktop's first screen too the text comes before the paperwork (review 18g #1)
    if (!note) { return; }
    note.classList.add("folded");
    if (note.scrollHeight <= note.clientHeight + 1) { note.classList.remove("folded"); return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "more-button";
    button.textContent = t("Whole source note");
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", note.id);
    button.addEventListener("click", function () {
      var whole = note.classList.toggle("folded") === false;
      button.setAttribute("aria-expanded", String(whole));
      button.textContent = whole ? t("Shorter") : t("Whole source note");
    });
    note.parentNode.insertBefore(button, note.nextSibling);
    // a link inside reached by the keyboard opens the note whole: the folded box scrolled within
    // itself and hid its first lines (review 18j #11)
    note.addEventListener("focusin", function () { if (note.classList.contains("folded")) { button.click(); } });
  }

  document.documentElement.classList.add("js");  // shows the controls that need this script
  foldMenu();
  foldSourceNote();
  setupViews();
  setupNotes();
  addPermalinks();
  setupPassageMenus();
  setupCopy();
  fillAccessDates();
  lendTooltips();
  highlight();
}());
