// Making the book from /book (app-common.js's jobForm does the rest): the form's fields as the
// options of POST /api/books, the summary of the finished book. PDF is offered only when
// afterglow found a browser to print with.
"use strict";
(function () {
  var app = window.afterglowApp;
  if (!app) return;
  // The names the book job gives some errors, and the ones the words are kept under.
  var SAME = { nothing_selected: "no_conversations", no_pdf_printer: "no_pdf" };
  var form = app.jobForm({
    prefix: "book",
    route: "/api/books",
    body: function (value, pick) {
      var body = {
        title: value("title"),
        subtitle: value("subtitle"),
        dedication: value("dedication"),
        author: value("author"),
        theme: value("theme"),
        paper: value("paper"),
        lang: value("lang"),
        format: document.querySelector('#book-form input[name="format"]:checked').value,
        include_memories: document.getElementById("book-memories").checked,
      };
      if (pick === "gpt-4o") body.query = "model:gpt-4o";
      if (pick === "search") body.query = value("query");
      if (pick === "dates") {
        body.from = value("from");
        body.to = value("to");
      }
      return body;
    },
    summarize: function (list, s) {
      app.addLine(list, app.plural("book_summary", s.conversations, {
        conversations: app.count(s.conversations),
        messages: app.count(s.messages),
        words: app.count(s.words),
      }));
      if (s.attachments_included > 0 || s.attachments_unavailable > 0) {
        app.addLine(list, app.t("book_attachments", {
          included: app.count(s.attachments_included),
          unavailable: app.count(s.attachments_unavailable),
        }));
      }
    },
    errorCode: function (code) {
      return Object.prototype.hasOwnProperty.call(SAME, code) ? SAME[code] : code;
    },
  });
  if (!form) return;

  app.request("GET", "/api/app").then(function (answer) {
    if (answer.status === 200 && answer.body && answer.body.pdf === false) {
      var pdf = form.querySelector('input[name="format"][value="pdf"]');
      pdf.disabled = true;
      pdf.closest("label").classList.add("disabled");
      if (pdf.checked) form.querySelector('input[name="format"][value="single-file"]').checked = true;
      app.show(document.getElementById("no-pdf"), true);
    }
  }, function () {});
})();
