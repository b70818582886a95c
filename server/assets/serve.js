// The web reader's script (the book's book.js runs too: version switching, copy buttons, math).
// It makes no request of its own. On a conversation page it names each message after its node,
// and opens the page at the message a search hit points at: the version holding it is shown,
// the searched words are marked, and it is scrolled into view.
"use strict";
(function () {
  // "/" focuses the search box, as on most sites with one.
  var box = document.getElementById("q");
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || !box || event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    if (active && (active.tagName === "INPUT" || active.tagName === "TEXTAREA" || active.isContentEditable)) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  var dataElement = document.getElementById("reader-data");
  if (!dataElement) return;
  var data;
  try {
    data = JSON.parse(dataElement.textContent);
  } catch (e) {
    return;
  }
  var sections = document.querySelectorAll(".conversation section.msg");
  (data.nodes || []).forEach(function (node, i) {
    if (node && sections[i]) sections[i].id = "m-" + node;
  });

  // Shows the version holding `element` in each switcher above it.
  function reveal(element) {
    for (var version = element.closest(".version"); version; version = version.parentElement.closest(".version")) {
      if (!version.hidden) continue;
      Array.prototype.forEach.call(version.parentElement.children, function (sibling) {
        if (sibling.classList.contains("version")) sibling.hidden = sibling !== version;
      });
    }
  }

  function mark(root, terms) {
    var needles = terms.map(function (t) { return String(t).toLowerCase(); }).filter(Boolean);
    if (!needles.length) return;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      if (node.parentElement.closest("script, style, .katex, button, .who")) return;
      var text = node.nodeValue, lower = text.toLowerCase(), hits = [];
      needles.forEach(function (n) {
        for (var at = lower.indexOf(n); at >= 0; at = lower.indexOf(n, at + n.length)) hits.push([at, at + n.length]);
      });
      if (!hits.length) return;
      hits.sort(function (a, b) { return a[0] - b[0]; });
      var fragment = document.createDocumentFragment(), last = 0;
      hits.forEach(function (h) {
        if (h[0] < last) return;
        fragment.appendChild(document.createTextNode(text.slice(last, h[0])));
        var m = document.createElement("mark");
        m.className = "found";
        m.textContent = text.slice(h[0], h[1]);
        fragment.appendChild(m);
        last = h[1];
      });
      fragment.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(fragment, node);
    });
  }

  var target = data.target || "";
  if (!target && location.hash.indexOf("#m-") === 0) {
    try { target = decodeURIComponent(location.hash.slice(3)); } catch (e) { target = ""; }
  }
  var element = target ? document.getElementById("m-" + target) : null;
  if (!element) return;
  reveal(element);
  mark(element, data.terms || []);
  element.classList.add("target");
  element.scrollIntoView({ block: "center" });
})();
