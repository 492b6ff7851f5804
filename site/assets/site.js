/* Lectern default theme: the page's behaviour. Everything here improves a page that already
   works without it (the sidebar folds with <details>, links and anchors are plain HTML).
   No external requests: the search index is local scripts (search/*.js), which also load
   from file://, where browsers refuse to fetch JSON. */
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  var html = document.documentElement;
  if (!/\bjs\b/.test(html.className)) html.className += " js";

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  // Colour theme: system, light or dark, remembered. The <head> script applies the stored
  // choice before the first paint; this only offers the choice.
  var themeChoice = document.querySelector(".theme-choice");
  var themeSelect = document.getElementById("theme-select");
  if (themeChoice && themeSelect) {
    var stored = storage() && storage().getItem("lectern-theme");
    themeSelect.value = stored === "light" || stored === "dark" ? stored : "system";
    themeChoice.hidden = false;
    themeSelect.addEventListener("change", function () {
      var value = themeSelect.value;
      if (value === "light" || value === "dark") html.setAttribute("data-theme", value);
      else html.removeAttribute("data-theme");
      try {
        if (value === "system") storage().removeItem("lectern-theme"); else storage().setItem("lectern-theme", value);
      } catch (e) { /* private mode: the choice lasts for this page */ }
    });
  }

  // Sidebar toggle on narrow screens.
  var toggle = document.querySelector(".nav-toggle");
  var sidebar = document.getElementById("sidebar");
  if (toggle && sidebar) {
    toggle.addEventListener("click", function () {
      var open = sidebar.classList.toggle("is-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    // Keep the current page in view in a long sidebar.
    var current = sidebar.querySelector("a[aria-current='page']");
    if (current && sidebar.scrollHeight > sidebar.clientHeight) {
      var top = current.offsetTop - sidebar.clientHeight / 3;
      if (top > 0) sidebar.scrollTop = top;
    }
  }

  // Copying: buttons naming their target (data-copy-target), and one on every code block.
  function copyText(button, target) {
    var text = target.textContent;
    var label = button.textContent;
    var done = function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { selectText(target); });
    } else {
      selectText(target);
      try { if (document.execCommand("copy")) done(); } catch (e) { /* the text stays selected */ }
    }
  }
  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-copy-target"));
      if (target) copyText(button, target);
    });
  });
  document.querySelectorAll("main pre").forEach(function (pre) {
    var code = pre.querySelector("code") || pre;
    if (code.id && document.querySelector("[data-copy-target='" + code.id + "']")) return;
    var wrapper = document.createElement("div");
    wrapper.className = "code-block";
    pre.parentNode.insertBefore(wrapper, pre);
    wrapper.appendChild(pre);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code");
    button.addEventListener("click", function () { copyText(button, code); });
    wrapper.appendChild(button);
  });

  // A block that scrolls sideways takes keyboard focus, so it can be scrolled without a mouse.
  function focusableScrolling() {
    document.querySelectorAll("main pre, main table").forEach(function (block) {
      var scrolls = block.scrollWidth > block.clientWidth + 1;
      if (scrolls && !block.hasAttribute("tabindex")) {
        block.setAttribute("tabindex", "0");
        block.setAttribute("data-scrolls", "");
        if (block.tagName === "PRE") {
          block.setAttribute("role", "region");
          var code = block.querySelector("code[class*='language-']");
          var language = code && (code.className.match(/language-([\w+#-]+)/) || [])[1];
          block.setAttribute("aria-label", (language ? language + " code" : "Code") + ", scrolls sideways");
        }
      } else if (!scrolls && block.hasAttribute("data-scrolls")) {
        block.removeAttribute("tabindex");
        block.removeAttribute("data-scrolls");
        if (block.tagName === "PRE") { block.removeAttribute("role"); block.removeAttribute("aria-label"); }
      }
    });
  }
  focusableScrolling();
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(focusableScrolling, 150);
  });

  // Code highlighting, on pages that load the highlighter (pages with code).
  function highlightAll() {
    var hljs = window.hljs;
    if (!hljs || highlightAll.done) return;
    highlightAll.done = true;
    document.querySelectorAll("pre code[class*='language-']").forEach(function (block) { highlightBlock(block); });
  }
  function highlightBlock(block) {
    var hljs = window.hljs;
    if (!hljs) return;
    var language = (block.className.match(/language-([\w+#-]+)/) || [])[1];
    if (!language || (hljs.getLanguage && !hljs.getLanguage(language))) return;
    if (hljs.highlightElement) hljs.highlightElement(block); else if (hljs.highlightBlock) hljs.highlightBlock(block);
  }
  highlightAll();
  window.lecternHighlightBlock = highlightBlock;  // quiz.js highlights explanations it shows

  // The table of contents marks the section being read (wide screens show it beside the page).
  var tocLinks = Array.prototype.slice.call(document.querySelectorAll(".toc a[href^='#']"));
  if (tocLinks.length) {
    var headings = tocLinks.map(function (link) {
      return document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    });
    var scheduled = false;
    var spy = function () {
      scheduled = false;
      // The last heading above the upper third of the window is the section being read.
      var line = window.innerHeight / 3;
      var active = -1;
      for (var i = 0; i < headings.length; i++) {
        if (headings[i] && headings[i].getBoundingClientRect().top <= line) active = i;
      }
      tocLinks.forEach(function (link, index) {
        if (index === active) link.setAttribute("aria-current", "true"); else link.removeAttribute("aria-current");
      });
    };
    window.addEventListener("scroll", function () {
      if (!scheduled) { scheduled = true; requestAnimationFrame(spy); }
    }, { passive: true });
    spy();
  }

  // Printing shows what <details> folds.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("main details:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      details.setAttribute("data-print-opened", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-print-opened]").forEach(function (details) {
      details.removeAttribute("open");
      details.removeAttribute("data-print-opened");
    });
  });

  // Quiz results kept in this browser (quiz.js records them): the best of each quiz on the
  // home page, and a download of all of them for `lectern progress import`.
  var PREFIX = "lectern-quiz:";
  var progress = {
    load: function (hash) {
      try {
        var value = JSON.parse(storage().getItem(PREFIX + hash) || "null");
        return value && Array.isArray(value.attempts) ? value : null;
      } catch (e) { return null; }
    },
    save: function (hash, record) {
      try { storage().setItem(PREFIX + hash, JSON.stringify(record)); return true; } catch (e) { return false; }
    },
    // The best attempt that covered the whole quiz: most points, then the latest.
    best: function (record) {
      var best = null;
      (record && record.attempts || []).forEach(function (attempt) {
        if (!attempt.whole) return;
        if (!best || attempt.points > best.points || (attempt.points === best.points && attempt.finishedAt > best.finishedAt)) best = attempt;
      });
      return best;
    },
    format: function (number) { return String(Math.round(number * 100) / 100); },
    describe: function (attempt, count) {
      return "Your best: " + progress.format(attempt.points) + "/" + attempt.total + (attempt.band ? ", " + attempt.band : "") +
        " (" + count + " attempt" + (count === 1 ? "" : "s") + " in this browser)";
    },
    // Every whole-quiz attempt kept here, as `lectern progress import` reads them.
    exportAll: function () {
      var attempts = [];
      var store = storage();
      if (store) {
        for (var i = 0; i < store.length; i++) {
          var key = store.key(i);
          if (key.indexOf(PREFIX) !== 0) continue;
          var record = progress.load(key.slice(PREFIX.length));
          if (!record) continue;
          record.attempts.forEach(function (attempt) {
            if (!attempt.whole) return;
            attempts.push({
              attemptID: attempt.attemptID, sessionID: record.sessionID, sessionTitle: record.sessionTitle,
              quizTitle: record.quizTitle, contentHash: record.contentHash, startedAt: attempt.startedAt,
              finishedAt: attempt.finishedAt, score: attempt.score, points: attempt.points, total: attempt.total,
              band: attempt.band || null, answers: attempt.answers
            });
          });
        }
      }
      attempts.sort(function (a, b) { return a.finishedAt < b.finishedAt ? -1 : a.finishedAt > b.finishedAt ? 1 : 0; });
      var siteTitle = (document.querySelector(".site-title") || {}).textContent || "";
      return { format: "lectern-site-progress", version: 1, site: siteTitle, exportedAt: new Date().toISOString(), attempts: attempts };
    },
    download: function () {
      var data = JSON.stringify(progress.exportAll(), null, 2) + "\n";
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([data], { type: "application/json" }));
      link.download = "lectern-progress.json";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    }
  };
  window.lecternProgress = progress;
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".export-progress");
    if (button) { event.preventDefault(); progress.download(); }
  });
  var anyProgress = false;
  document.querySelectorAll(".session-progress[data-quiz-hash]").forEach(function (line) {
    var record = progress.load(line.getAttribute("data-quiz-hash"));
    var best = progress.best(record);
    if (!best) return;
    line.textContent = progress.describe(best, record.attempts.filter(function (a) { return a.whole; }).length);
    line.hidden = false;
    anyProgress = true;
  });
  var summary = document.querySelector(".my-progress");
  if (summary && anyProgress) summary.hidden = false;

  // Search.
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  if (!input || !results) return;

  // `/` focuses the search box, unless the reader is typing somewhere.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  // The index's files (search/index.js, terms-K.js, text-J.js) each call lecternSearchLoaded.
  var loaded = {};
  var waiting = {};
  window.lecternSearchLoaded = function (name, value) {
    loaded[name] = value;
    (waiting[name] || []).forEach(function (callback) { callback(value); });
    delete waiting[name];
  };
  function load(name, callback) {
    if (loaded[name] !== undefined) { callback(loaded[name]); return; }
    if (waiting[name]) { waiting[name].push(callback); return; }
    waiting[name] = [callback];
    var script = document.createElement("script");
    script.src = root + "search/" + name + ".js";
    script.onerror = function () {
      delete waiting[name];
      results.hidden = false;
      results.innerHTML = '<p class="search-empty" role="status">The search index could not be loaded.</p>';
    };
    document.head.appendChild(script);
  }
  function loadAll(names, callback) {
    var left = names.length;
    var values = {};
    if (!left) { callback(values); return; }
    names.forEach(function (name) {
      load(name, function (value) {
        values[name] = value;
        if (--left === 0) callback(values);
      });
    });
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
  // The shard of a term, as SearchIndex.shard(of:count:) computes it.
  function shardOf(term, count) {
    var scalars = Array.from(term);
    var first = scalars[0] ? scalars[0].codePointAt(0) : 0;
    var second = scalars[1] ? scalars[1].codePointAt(0) : 0;
    return (first * 31 + second) % count;
  }

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  // The text with each word that a query term starts (after folding plurals) in <mark>.
  function highlight(text, terms) {
    var out = "";
    var last = 0;
    text.replace(/[\p{L}\p{N}]+/gu, function (word, at) {
      var folded = word.toLowerCase();
      var hit = terms.some(function (term) { return folded.indexOf(term) === 0 || stem(folded).indexOf(term) === 0; });
      if (hit && Array.from(word).length > 1) {
        out += escapeHTML(text.slice(last, at)) + "<mark>" + escapeHTML(word) + "</mark>";
        last = at + word.length;
      }
      return word;
    });
    return out + escapeHTML(text.slice(last));
  }

  var PAGE = 10;
  var state = { query: "", found: [], shown: 0, index: null };
  var generation = 0;

  function search() {
    var query = input.value.trim();
    var terms = tokens(query);
    var asked = ++generation;
    if (!query) { results.hidden = true; results.innerHTML = ""; return; }
    if (!terms.length) { show(query, [], []); return; }
    load("index", function (index) {
      var shards = [];
      terms.forEach(function (term) {
        var name = "terms-" + shardOf(term, index.shards);
        if (shards.indexOf(name) < 0) shards.push(name);
      });
      loadAll(shards, function (values) {
        if (asked !== generation) return;  // a newer query is on its way
        var scores = null;
        terms.forEach(function (term) {
          var postings = values["terms-" + shardOf(term, index.shards)];
          var mine = {};
          Object.keys(postings).forEach(function (word) {
            if (word.indexOf(term) !== 0) return;
            var list = postings[word];
            for (var i = 0; i < list.length; i += 2) {
              var value = list[i + 1];
              var count = value % 100, bonus = Math.floor(value / 100) * 25;
              var entry = mine[list[i]] || (mine[list[i]] = { count: 0, bonus: 0 });
              entry.count = Math.min(20, entry.count + count);
              entry.bonus = Math.max(entry.bonus, bonus);
            }
          });
          var next = {};
          Object.keys(mine).forEach(function (entry) {
            if (scores && scores[entry] === undefined) return;  // every term must match
            next[entry] = (scores ? scores[entry] : 0) + mine[entry].count + mine[entry].bonus;
          });
          scores = next;
        });
        var found = Object.keys(scores).map(function (entry) { return { entry: Number(entry), score: scores[entry] }; });
        found.sort(function (a, b) { return b.score - a.score || a.entry - b.entry; });
        state = { query: query, terms: terms, found: found, shown: 0, index: index };
        results.innerHTML = "";
        more();
      });
    });
  }

  // Shows the next results (their excerpts are loaded as they are shown).
  function more() {
    var index = state.index;
    var batch = state.found.slice(state.shown, state.shown + PAGE);
    var blocks = [];
    batch.forEach(function (hit) {
      var name = "text-" + Math.floor(hit.entry / index.block);
      if (blocks.indexOf(name) < 0) blocks.push(name);
    });
    var asked = generation;
    loadAll(blocks, function (texts) {
      if (asked !== generation) return;
      state.shown += batch.length;
      show(state.query, batch, texts);
    });
  }

  function show(query, batch, texts) {
    results.hidden = false;
    var found = state.query === query ? state.found : [];
    if (!found.length) {
      results.innerHTML = '<p class="search-empty" role="status">No results for “' + escapeHTML(query) + "”.</p>";
      return;
    }
    var list = results.querySelector("ol");
    if (!list) {
      results.innerHTML = '<p class="search-summary" role="status"></p><ol></ol>';
      list = results.querySelector("ol");
    }
    var index = state.index;
    var firstNew = null;
    batch.forEach(function (hit) {
      var entry = index.entries[hit.entry];
      var page = index.pages[entry[0]];
      var excerpt = (texts["text-" + Math.floor(hit.entry / index.block)] || [])[hit.entry % index.block] || "";
      var title = entry[1] ? page[0] + " › " + entry[1] : page[0];
      var item = document.createElement("li");
      item.innerHTML = '<a href="' + escapeHTML(root + page[1] + (entry[2] ? "#" + entry[2] : "")) + '"><span class="result-title">' +
        highlight(title, state.terms) + '</span><span class="result-excerpt">' + highlight(excerpt, state.terms) + "</span></a>";
      list.appendChild(item);
      if (!firstNew) firstNew = item.querySelector("a");
    });
    results.querySelector(".search-summary").textContent = found.length === 1 ? "1 result" :
      found.length + " results" + (state.shown < found.length ? ", showing " + state.shown : "");
    var button = results.querySelector(".search-more");
    if (state.shown < found.length) {
      if (!button) {
        button = document.createElement("button");
        button.type = "button";
        button.className = "button search-more";
        button.addEventListener("click", function () {
          var focusNext = state.shown;
          more();
          // Focus moves to the first new result once it is there.
          var wait = setInterval(function () {
            var links = results.querySelectorAll("ol a");
            if (links.length > focusNext) { clearInterval(wait); links[focusNext].focus(); }
          }, 20);
          setTimeout(function () { clearInterval(wait); }, 3000);
        });
        results.appendChild(button);
      }
      button.textContent = "Show " + Math.min(PAGE, found.length - state.shown) + " more results";
    } else if (button) {
      button.remove();
    }
  }

  input.addEventListener("focus", function () { load("index", function () {}); });
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
    var links = Array.prototype.slice.call(results.querySelectorAll("a, .search-more"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at + 1 < links.length) { event.preventDefault(); links[at + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
    if (event.key === "Escape") { input.focus(); results.hidden = true; }
  });
  document.addEventListener("click", function (event) {
    // The path as dispatched: a "show more" button may be gone from the page by now.
    var path = event.composedPath ? event.composedPath() : [event.target];
    if (path.indexOf(results) < 0 && event.target !== input) results.hidden = true;
  });
})();
