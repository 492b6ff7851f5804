/* Lectern default theme: navigation toggle, copy buttons, code highlighting and search.
   No external requests: the search index is a local script (search-index.js), which also
   loads from file://, where browsers refuse to fetch JSON. */
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  document.documentElement.classList.add("js");

  // Sidebar toggle on narrow screens.
  var toggle = document.querySelector(".nav-toggle");
  var sidebar = document.getElementById("sidebar");
  if (toggle && sidebar) {
    toggle.addEventListener("click", function () {
      var open = sidebar.classList.toggle("is-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // Copy buttons: copy the text of the element named by data-copy-target.
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-copy-target"));
      if (!target) return;
      var text = target.textContent;
      var done = function () {
        var label = button.textContent;
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = label; }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { selectText(target); });
      } else {
        selectText(target);
        try { if (document.execCommand("copy")) done(); } catch (e) { /* the text stays selected */ }
      }
    });
  });
  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // Code highlighting with highlight.js, when the build found it.
  window.addEventListener("DOMContentLoaded", highlightAll);
  if (document.readyState !== "loading") setTimeout(highlightAll, 0);
  function highlightAll() {
    var hljs = window.hljs;
    if (!hljs || highlightAll.done) return;
    highlightAll.done = true;
    document.querySelectorAll("pre code[class*='language-']").forEach(function (block) {
      var language = (block.className.match(/language-([\w+#-]+)/) || [])[1];
      if (language && hljs.getLanguage && !hljs.getLanguage(language)) return;
      if (hljs.highlightElement) hljs.highlightElement(block); else if (hljs.highlightBlock) hljs.highlightBlock(block);
    });
  }

  // Search.
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  if (!input || !results) return;
  var index = null;
  var loading = false;
  var pending = false;

  function loadIndex() {
    if (index || loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = function () {
      index = window.lecternSearchIndex || { entries: [] };
      if (pending) search();
    };
    script.onerror = function () {
      results.hidden = false;
      results.innerHTML = '<p class="search-empty">The search index could not be loaded.</p>';
    };
    document.head.appendChild(script);
  }

  // The same rules as SearchTokenizer.swift: lowercase, split at non-letters/digits,
  // drop one-letter terms, fold plurals.
  function tokens(text) {
    var words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    var out = [];
    for (var i = 0; i < words.length; i++) {
      if (Array.from(words[i]).length > 1) out.push(stem(words[i]));
    }
    return out;
  }
  function stem(word) {
    if (Array.from(word).length <= 3 || word.charAt(word.length - 1) !== "s") return word;
    if (/ies$/.test(word)) return word.slice(0, -3) + "y";
    if (/sses$/.test(word)) return word.slice(0, -2);
    if (/[sui]s$/.test(word)) return word;
    return word.slice(0, -1);
  }

  function score(entry, terms) {
    var haystack = " " + entry.terms + " ";
    var title = " " + tokens(entry.page + " " + entry.heading).join(" ") + " ";
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var needle = " " + terms[i];
      var at = haystack.indexOf(needle);
      if (at < 0) return 0;
      var count = 0;
      while (at >= 0 && count < 20) { count++; at = haystack.indexOf(needle, at + needle.length); }
      total += count;
      if (title.indexOf(needle) >= 0) total += 25;
      if (entry.heading && (" " + tokens(entry.heading).join(" ") + " ").indexOf(needle + " ") >= 0) total += 25;
    }
    return total;
  }

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function search() {
    var query = input.value.trim();
    if (!query) { results.hidden = true; results.innerHTML = ""; return; }
    if (!index) { pending = true; loadIndex(); return; }
    pending = false;
    var terms = tokens(query);
    var found = [];
    if (terms.length) {
      for (var i = 0; i < index.entries.length; i++) {
        var s = score(index.entries[i], terms);
        if (s > 0) found.push({ entry: index.entries[i], score: s, order: i });
      }
    }
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    found = found.slice(0, 12);
    results.hidden = false;
    if (!found.length) {
      results.innerHTML = '<p class="search-empty" role="status">No results for “' + escapeHTML(query) + '”.</p>';
      return;
    }
    var html = '<p class="visually-hidden" role="status">' + found.length + " results</p><ol>";
    found.forEach(function (hit) {
      var e = hit.entry;
      var title = e.heading ? e.page + " › " + e.heading : e.page;
      html += '<li><a href="' + escapeHTML(root + e.url) + '"><span class="result-title">' + escapeHTML(title) +
        '</span><span class="result-excerpt">' + escapeHTML(e.excerpt) + "</span></a></li>";
    });
    results.innerHTML = html + "</ol>";
  }

  input.addEventListener("focus", loadIndex);
  input.addEventListener("input", search);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = results.querySelector("a");
      if (first) { event.preventDefault(); first.click(); }
    } else if (event.key === "Escape") {
      input.value = "";
      search();
    } else if (event.key === "ArrowDown") {
      var link = results.querySelector("a");
      if (link) { event.preventDefault(); link.focus(); }
    }
  });
  results.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(results.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at + 1 < links.length) { event.preventDefault(); links[at + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
    if (event.key === "Escape") { input.focus(); results.hidden = true; }
  });
  document.addEventListener("click", function (event) {
    if (!results.contains(event.target) && event.target !== input) results.hidden = true;
  });
})();
