// The book's only script. It makes no network request and works from file://:
// switching between versions of a turn, copying code, rendering math with the KaTeX shipped
// in the book, and searching the index shipped in the book. Without it the book still reads
// and prints: every version shown is the one that was displayed, math shows its source.
"use strict";
(function () {
  // ---- Alternate versions of a turn: "‹ 2 / 3 ›" -------------------------------------------
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".switch button") : null;
    if (!button || button.disabled) return;
    var version = button.closest(".version");
    var versions = version && version.parentElement;
    if (!versions || !versions.classList.contains("versions")) return;
    var all = Array.prototype.filter.call(versions.children, function (el) {
      return el.classList.contains("version");
    });
    var index = all.indexOf(version) + (button.classList.contains("next") ? 1 : -1);
    if (index < 0 || index >= all.length) return;
    version.hidden = true;
    all[index].hidden = false;
    var target = all[index].querySelector(".switch ." + (button.classList.contains("next") ? "next" : "prev"));
    if (target && !target.disabled) target.focus();
  });

  // ---- Copy buttons on code ------------------------------------------------------------------
  // The words come from the page (viewer/src/html_strings.cpp), in the book's language.
  var strings = document.getElementById("search-strings");
  var words = { copy: document.body.dataset.copy || "Copy", copied: document.body.dataset.copied || "Copied" };
  function copyText(text, button) {
    function done() {
      button.textContent = words.copied;
      setTimeout(function () { button.textContent = words.copy; }, 1500);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text);
      done();
    }
  }
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }
  Array.prototype.forEach.call(document.querySelectorAll(".conversation pre"), function (pre) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = words.copy;
    button.addEventListener("click", function () {
      var code = pre.querySelector("code");
      copyText((code || pre).textContent, button);
    });
    pre.appendChild(button);
  });

  // ---- Math, with the KaTeX shipped in the book ------------------------------------------------
  if (window.katex) {
    Array.prototype.forEach.call(document.querySelectorAll("span.math[data-tex]"), function (el) {
      try {
        window.katex.render(el.dataset.tex, el, {
          displayMode: el.classList.contains("display"),
          throwOnError: false,
          trust: false,
          strict: "ignore",
          output: "htmlAndMathml",
        });
        el.classList.add("rendered");
      } catch (e) {
        // Leave the TeX source in place.
      }
    });
  }

  // ---- Search ----------------------------------------------------------------------------------
  // Must split text exactly as viewer/src/book_search_index.cpp does.
  var MAX_WORD = 32;
  function isCjk(cp) {
    return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
      (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
  }
  function isWordChar(cp) {
    if (cp < 0x80) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
    if (cp === 0xd7 || cp === 0xf7) return false;
    return (cp >= 0xc0 && cp <= 0x24f) || (cp >= 0x370 && cp <= 0x52f) ||
      (cp >= 0x590 && cp <= 0x6ff) || (cp >= 0x900 && cp <= 0xdff) || (cp >= 0xe00 && cp <= 0xeff);
  }
  function lower(cp) {
    if ((cp >= 65 && cp <= 90) || (cp >= 0xc0 && cp <= 0xde && cp !== 0xd7) ||
        (cp >= 0x391 && cp <= 0x3a9) || (cp >= 0x410 && cp <= 0x42f)) return cp + 32;
    return cp;
  }
  // A query: Latin words (matched as prefixes) and CJK runs (matched by characters and pairs).
  function tokenize(text) {
    var words = [], runs = [], word = "", length = 0, run = "";
    function endWord() { if (word) words.push(word); word = ""; length = 0; }
    function endRun() { if (run) runs.push(run); run = ""; }
    for (var ch of text) {
      var cp = ch.codePointAt(0);
      if (isCjk(cp)) { endWord(); run += ch; }
      else if (isWordChar(cp)) {
        endRun();
        if (length < MAX_WORD) word += String.fromCodePoint(lower(cp));
        length++;
      } else { endWord(); endRun(); }
    }
    endWord(); endRun();
    return { words: words, runs: runs };
  }
  function decode(list) {
    var out = [], previous = 0;
    list.split(",").forEach(function (gap) { previous += parseInt(gap, 36); out.push(previous); });
    return out;
  }
  function intersect(a, b) {
    var set = new Set(b);
    return a.filter(function (x) { return set.has(x); });
  }

  var index = window.AFTERGLOW_SEARCH || null;
  var data = document.getElementById("search-data");
  if (!index && data) {
    try { index = JSON.parse(data.textContent); } catch (e) { index = null; }
  }
  var input = document.getElementById("search-input");
  if (index && input) {
    var keys = Object.keys(index.terms).sort();
    var status = document.getElementById("search-status");
    var results = document.getElementById("search-results");
    input.hidden = false;

    var prefixPostings = function (prefix) {
      var lo = 0, hi = keys.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (keys[mid] < prefix) lo = mid + 1; else hi = mid; }
      var docs = new Set();
      for (var i = lo; i < keys.length && keys[i].lastIndexOf(prefix, 0) === 0; i++) {
        decode(index.terms[keys[i]]).forEach(function (d) { docs.add(d); });
        if (docs.size >= index.docs.length) break;
      }
      return Array.from(docs);
    };
    var exactPostings = function (term) {
      return Object.prototype.hasOwnProperty.call(index.terms, term) ? decode(index.terms[term]) : [];
    };

    var search = function (query) {
      var tokens = tokenize(query);
      var lists = [];
      tokens.words.forEach(function (w) { lists.push(prefixPostings(w)); });
      tokens.runs.forEach(function (run) {
        var chars = Array.from(run);
        if (chars.length === 1) { lists.push(exactPostings(chars[0])); return; }
        for (var i = 0; i + 1 < chars.length; i++) lists.push(exactPostings(chars[i] + chars[i + 1]));
      });
      if (!lists.length) return null;
      return lists.reduce(intersect).sort(function (a, b) { return a - b; });
    };

    var render = function () {
      var query = input.value.trim();
      results.textContent = "";
      if (!query) { status.textContent = ""; return; }
      var found = search(query);
      if (!found || !found.length) { status.textContent = strings ? strings.dataset.none : ""; return; }
      status.textContent = strings ? strings.dataset.count.replace("{n}", found.length) : String(found.length);
      found.slice(0, 300).forEach(function (d) {
        var doc = index.docs[d];
        var li = document.createElement("li");
        var a = document.createElement("a");
        var href = doc[0];
        a.href = href.charAt(0) === "#" ? href : href + "#q=" + encodeURIComponent(query);
        a.dataset.query = query;
        var title = document.createElement("span");
        title.className = "title";
        title.textContent = doc[1];
        var date = document.createElement("span");
        date.className = "date";
        date.textContent = doc[2];
        a.appendChild(title);
        a.appendChild(date);
        li.appendChild(a);
        results.appendChild(li);
      });
    };
    input.addEventListener("input", render);
    // In a single-file book the result is on this page: mark the words once there.
    results.addEventListener("click", function (event) {
      var a = event.target.closest("a");
      if (!a || a.getAttribute("href").charAt(0) !== "#") return;
      var target = document.getElementById(a.getAttribute("href").slice(1));
      if (target) highlight(target, a.dataset.query);
    });
  }

  // ---- Marking the searched words on a conversation page -------------------------------------
  function highlight(root, query) {
    Array.prototype.forEach.call(root.querySelectorAll("mark.found"), function (m) {
      m.replaceWith(document.createTextNode(m.textContent));
    });
    var tokens = tokenize(query);
    var needles = tokens.words.concat(tokens.runs).filter(Boolean);
    if (!needles.length) return;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var first = null;
    nodes.forEach(function (node) {
      if (node.parentElement.closest("script, style, .katex, button")) return;
      var text = node.nodeValue, lowerText = text.toLowerCase();
      var hits = [];
      needles.forEach(function (n) {
        for (var at = lowerText.indexOf(n); at >= 0; at = lowerText.indexOf(n, at + n.length)) {
          hits.push([at, at + n.length]);
        }
      });
      if (!hits.length) return;
      hits.sort(function (a, b) { return a[0] - b[0]; });
      var fragment = document.createDocumentFragment(), last = 0;
      hits.forEach(function (h) {
        if (h[0] < last) return;
        fragment.appendChild(document.createTextNode(text.slice(last, h[0])));
        var mark = document.createElement("mark");
        mark.className = "found";
        mark.textContent = text.slice(h[0], h[1]);
        fragment.appendChild(mark);
        if (!first) first = mark;
        last = h[1];
      });
      fragment.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(fragment, node);
    });
    if (first) {
      var version = first.closest(".version[hidden]");
      if (!version) first.scrollIntoView({ block: "center" });
    }
  }
  var hash = location.hash;
  if (hash.indexOf("#q=") === 0) {
    var article = document.querySelector(".conversation");
    if (article) {
      try { highlight(article, decodeURIComponent(hash.slice(3))); } catch (e) { /* bad hash */ }
    }
  }
})();
