// Making the book from /book: the form becomes one POST /api/books, the job is asked about
// every half second until it ends, and then the page offers the download (or says in one
// sentence what went wrong). PDF is offered only when afterglow found a browser to print with.
"use strict";
(function () {
  var app = window.afterglowApp;
  var form = document.getElementById("book-form");
  if (!app || !form) return;
  function $(id) {
    return document.getElementById(id);
  }
  var progress = $("book-progress"), result = $("book-result"), errorLine = $("book-error");
  var bar = $("book-bar"), phase = $("book-phase"), detail = $("book-detail"), eta = $("book-eta");
  var cancelButton = $("book-cancel"), makeButton = $("book-make");
  var running = false, jobId = null;

  // The inputs under a choice ("from … to …", the search) are there only while it is chosen.
  function pick() {
    var checked = form.querySelector('input[name="pick"]:checked');
    return checked ? checked.value : "all";
  }
  function showPicked() {
    Array.prototype.forEach.call(form.querySelectorAll(".sub[data-for]"), function (sub) {
      sub.hidden = sub.getAttribute("data-for") !== pick();
    });
  }
  Array.prototype.forEach.call(form.querySelectorAll('input[name="pick"]'), function (radio) {
    radio.addEventListener("change", function () {
      showPicked();
      var first = form.querySelector('.sub[data-for="' + pick() + '"] input');
      if (first) first.focus();
    });
  });
  showPicked();

  app.request("GET", "/api/app").then(function (answer) {
    if (answer.status === 200 && answer.body && answer.body.pdf === false) {
      var pdf = form.querySelector('input[name="format"][value="pdf"]');
      pdf.disabled = true;
      pdf.closest("label").classList.add("disabled");
      if (pdf.checked) form.querySelector('input[name="format"][value="single-file"]').checked = true;
      app.show($("no-pdf"), true);
    }
  }, function () {});

  function value(name) {
    var field = form.elements[name];
    return field ? String(field.value).trim() : "";
  }

  function request() {
    var body = {
      title: value("title"),
      subtitle: value("subtitle"),
      dedication: value("dedication"),
      author: value("author"),
      theme: value("theme"),
      paper: value("paper"),
      lang: value("lang"),
      format: form.querySelector('input[name="format"]:checked').value,
    };
    var chosen = pick();
    if (chosen === "gpt-4o") body.query = "model:gpt-4o";
    if (chosen === "search") body.query = value("query");
    if (chosen === "dates") {
      body.from = value("from");
      body.to = value("to");
    }
    return body;
  }

  function showOnly(part) {
    app.show(form, part === form);
    app.show(progress, part === progress);
    app.show(result, part === result);
  }

  // The names the book job gives some errors, and the ones the words are kept under.
  var SAME = { nothing_selected: "no_conversations", no_pdf_printer: "no_pdf" };

  function codeOf(error) {
    var code = error && error.code ? error.code : "internal";
    return Object.prototype.hasOwnProperty.call(SAME, code) ? SAME[code] : code;
  }

  function friendly(error) {
    var code = codeOf(error);
    if (code === "bad_query") return app.t("book_bad_query", { why: error.message || "" });
    if (app.has("book_" + code)) return app.t("book_" + code);
    if (app.has(code)) return app.t(code);
    return app.t("book_internal");
  }

  function fail(error) {
    running = false;
    jobId = null;
    app.fill(errorLine, friendly(error));
    errorLine.setAttribute("data-code", codeOf(error));
    app.show(errorLine, true);
    showOnly(form);
  }

  function update(job) {
    phase.textContent = app.t("book_phase_" + job.phase);
    app.setBar(bar, job.fraction);
    detail.textContent = job.total ? app.t("book_progress", { done: app.count(job.done), total: app.count(job.total) }) : "";
    eta.textContent = job.phase === "finished" ? "" : app.timeLeft(job.eta_seconds);
  }

  function finish(job) {
    running = false;
    jobId = null;
    if (job.state === "done" && job.download) {
      update(job);
      $("book-result-title").textContent = app.t("book_phase_finished");
      var list = $("book-summary");
      list.textContent = "";
      var s = job.summary;
      if (s) {
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
      }
      var link = $("book-download");
      link.href = job.download;
      link.setAttribute("download", job.filename || "");
      showOnly(result);
    } else if (job.state === "cancelled") {
      fail({ code: "cancelled" });
    } else {
      fail(job.error || { code: "internal" });
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (running) return;
    running = true;
    makeButton.disabled = true;
    app.show(errorLine, false);
    app.setBar(bar, 0);
    phase.textContent = app.t("book_phase_selecting");
    detail.textContent = "";
    eta.textContent = "";
    cancelButton.disabled = false;
    showOnly(progress);
    app.request("POST", "/api/books", request()).then(function (answer) {
      makeButton.disabled = false;
      if (answer.status !== 202 || !answer.body || answer.body.id === undefined) {
        fail({ code: app.errorCode(answer.status, answer.body), message: answer.body && answer.body.error && answer.body.error.message });
        return;
      }
      jobId = answer.body.id;
      app.poll("/api/books/" + encodeURIComponent(jobId), update).then(finish, fail);
    }, function () {
      makeButton.disabled = false;
      fail({ code: "connection_lost" });
    });
  });

  cancelButton.addEventListener("click", function () {
    if (!running || jobId === null) return;
    cancelButton.disabled = true;
    phase.textContent = app.t("phase_cancelling");
    app.request("DELETE", "/api/books/" + encodeURIComponent(jobId));
  });

  $("book-again").addEventListener("click", function () {
    showOnly(form);
  });
})();
