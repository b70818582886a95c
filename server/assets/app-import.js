// Importing from the page (the welcome page and /import): a zip dropped or chosen is sent as
// the request body with XMLHttpRequest, whose upload progress fetch cannot report; a path on
// this computer is sent as JSON. Then the job is asked about every half second until it ends,
// and its summary, or one sentence about what went wrong, is put in words.
"use strict";
(function () {
  var app = window.afterglowApp;
  var panel = document.getElementById("import-panel");
  if (!app || !panel) return;
  function $(id) {
    return document.getElementById(id);
  }
  var start = $("import-start"), progress = $("import-progress"), result = $("import-result");
  var errorLine = $("import-error"), bar = $("import-bar"), phase = $("import-phase");
  var detail = $("import-detail"), eta = $("import-eta"), cancelButton = $("import-cancel");
  var fileInput = $("import-file"), dropZone = $("drop-zone"), pathForm = $("import-path");

  // The share of the bar an upload takes, as the server counts it in its "fraction".
  var UPLOAD_SHARE = 0.25;
  var running = false, upload = null, jobId = null, cancelling = false;

  function friendly(code) {
    if (app.has("import_" + code)) return app.t("import_" + code);
    if (app.has(code)) return app.t(code);
    return app.t("import_internal");
  }

  function showOnly(part) {
    app.show(start, part === start);
    app.show(progress, part === progress);
    app.show(result, part === result);
    panel.setAttribute("data-state", part === progress ? "running" : part === result ? "done" : "idle");
  }

  function fail(code) {
    running = false;
    upload = null;
    jobId = null;
    app.fill(errorLine, friendly(code));
    errorLine.setAttribute("data-code", code);
    app.show(errorLine, true);
    showOnly(start);
  }

  function begin() {
    running = true;
    cancelling = false;
    cancelButton.disabled = false;
    app.show(errorLine, false);
    errorLine.removeAttribute("data-code");
    app.setBar(bar, 0);
    detail.textContent = "";
    eta.textContent = "";
    showOnly(progress);
  }

  // One answer of GET /api/imports/ID on the page.
  function update(job) {
    if (!running) return;
    phase.textContent = cancelling ? app.t("phase_cancelling") : app.t("phase_" + job.phase);
    panel.setAttribute("data-phase", job.phase);
    app.setBar(bar, job.fraction);
    // Once the archive has the import, only the search index is being finished: too late to undo.
    if (!cancelling) cancelButton.disabled = job.cancellable === false;
    if (job.phase === "storing") {
      detail.textContent = app.plural("progress_stored", job.conversations, {
        conversations: app.count(job.conversations),
        messages: app.count(job.messages),
      });
    } else if (job.phase === "indexing") {
      detail.textContent = app.t("progress_indexed", { done: app.count(job.indexed), total: app.count(job.index_total) });
    } else if ((job.phase === "upload" || job.phase === "reading") && job.total_bytes) {
      detail.textContent = app.t("progress_bytes", { done: app.bytes(job.bytes), total: app.bytes(job.total_bytes) });
    } else {
      detail.textContent = "";
    }
    eta.textContent = job.phase === "finished" ? "" : app.timeLeft(job.eta_seconds);
  }

  // The summary `afterglow import --json` prints, in sentences.
  function summarize(s) {
    var list = $("import-summary");
    list.textContent = "";
    var c = s.conversations || {};
    app.addLine(list, app.plural("summary_conversations", c.new, {
      new: app.count(c.new),
      updated: app.count(c.updated),
      unchanged: app.count(c.unchanged),
    }));
    if (c.skipped > 0) app.addLine(list, app.plural("summary_skipped", c.skipped, { n: app.count(c.skipped) }));
    if (c.empty > 0) app.addLine(list, app.plural("summary_empty", c.empty, { n: app.count(c.empty) }));
    if (c.gone_upstream > 0) app.addLine(list, app.plural("summary_gone", c.gone_upstream, { n: app.count(c.gone_upstream) }));
    var m = s.messages || {};
    app.addLine(list, app.t("summary_messages", { total: app.count(m.total), new: app.count(m.new) }));
    var a = s.attachments || {};
    if (a.total > 0) {
      app.addLine(list, app.t("summary_attachments", { stored: app.count(a.stored), unavailable: app.count(a.unavailable) }));
    }
    var sources = s.sources || {};
    app.addLine(list, app.t("summary_sources", { new: app.count(sources.new) }));
    if (s.changed === false) app.addLine(list, app.t("summary_nothing_changed"));
    var notes = [].concat(s.warnings || [], s.skipped || [], s.empty || []);
    var details = $("import-warnings");
    var notesList = details.querySelector("ul");
    notesList.textContent = "";
    notes.forEach(function (note) {
      app.addLine(notesList, String(note));
    });
    app.show(details, notes.length > 0);
  }

  function finish(job) {
    update(job);
    running = false;
    upload = null;
    jobId = null;
    if (job.state === "done" && job.summary) {
      $("import-summary-title").textContent = app.t("summary_title");
      summarize(job.summary);
      showOnly(result);
    } else if (job.state === "cancelled") {
      fail("cancelled");
    } else {
      fail(job.error && job.error.code ? job.error.code : "internal");
    }
  }

  function follow(id) {
    jobId = id;
    app.poll("/api/imports/" + encodeURIComponent(id), update).then(finish, function (problem) {
      fail(problem.code);
    });
  }

  function accepted(status, body) {
    if (status === 202 && body && body.id !== undefined) {
      follow(body.id);
    } else {
      fail(app.errorCode(status, body));
    }
  }

  function sendFile(file) {
    if (running || !file) return;
    begin();
    phase.textContent = app.t("phase_upload");
    panel.setAttribute("data-phase", "upload");
    var xhr = new XMLHttpRequest();
    upload = xhr;
    var started = Date.now();
    xhr.open("POST", "/api/imports");
    xhr.setRequestHeader("X-Afterglow-Token", app.token);
    xhr.setRequestHeader("X-Afterglow-Filename", encodeURIComponent(file.name));
    // Never application/json: that would ask the server to import a path.
    xhr.setRequestHeader("Content-Type", /zip/.test(file.type) ? "application/zip" : "application/octet-stream");
    xhr.upload.onprogress = function (event) {
      if (!running || !event.lengthComputable || !event.total) return;
      var seconds = (Date.now() - started) / 1000;
      var rate = seconds > 0.5 ? event.loaded / seconds : 0;
      app.setBar(bar, UPLOAD_SHARE * (event.loaded / event.total));
      detail.textContent = app.t("progress_bytes", { done: app.bytes(event.loaded), total: app.bytes(event.total) });
      eta.textContent = rate > 0 ? app.timeLeft((event.total - event.loaded) / rate) : "";
    };
    xhr.onload = function () {
      if (upload !== xhr) return;
      upload = null;
      var body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        body = null;
      }
      accepted(xhr.status, body);
    };
    xhr.onerror = function () {
      if (upload !== xhr) return;
      // A server that refused the upload part-way may have closed the connection before the
      // browser read its answer: the import it began, if any, says why.
      app.request("GET", "/api/imports/current").then(function (answer) {
        var job = answer.status === 200 ? answer.body : null;
        // Only an import no older than this upload.
        var ours = job && job.elapsed_seconds <= (Date.now() - started) / 1000 + 1;
        var error = ours && job.state === "failed" && job.error;
        fail(error && error.code ? error.code : "connection_lost");
      }, function () {
        fail("connection_lost");
      });
    };
    xhr.onabort = function () {
      if (upload === xhr) fail("cancelled");
    };
    xhr.send(file);
  }

  function importPath(path) {
    if (running) return;
    if (!path) {
      fail("no_path");
      return;
    }
    begin();
    phase.textContent = app.t("phase_reading");
    app.request("POST", "/api/imports", { path: path }).then(function (answer) {
      accepted(answer.status, answer.body);
    }, function () {
      fail("connection_lost");
    });
  }

  cancelButton.addEventListener("click", function () {
    if (!running) return;
    cancelButton.disabled = true;
    phase.textContent = app.t("phase_cancelling");
    if (upload) {
      upload.abort();  // the server removes what it received
    } else if (jobId !== null) {
      cancelling = true;
      // The job ends as "cancelled", which the polling reports; refused, the import goes on.
      app.request("DELETE", "/api/imports/" + encodeURIComponent(jobId)).then(function (answer) {
        if (answer.status !== 202) cancelling = false;
      }, function () {
        cancelling = false;
      });
    }
  });

  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    fileInput.value = "";
    sendFile(file);
  });

  pathForm.addEventListener("submit", function (event) {
    event.preventDefault();
    importPath($("path-input").value.trim());
  });

  $("import-again").addEventListener("click", function () {
    app.show(errorLine, false);
    showOnly(start);
  });

  // A file dropped anywhere on the page is the export (and never opened by the browser in
  // place of the page).
  var depth = 0;
  document.addEventListener("dragenter", function (event) {
    event.preventDefault();
    if (!running && ++depth === 1) dropZone.classList.add("dragging");
  });
  document.addEventListener("dragleave", function () {
    if (depth > 0 && --depth === 0) dropZone.classList.remove("dragging");
  });
  document.addEventListener("dragover", function (event) {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = running ? "none" : "copy";
  });
  document.addEventListener("drop", function (event) {
    event.preventDefault();
    depth = 0;
    dropZone.classList.remove("dragging");
    var files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length) sendFile(files[0]);
  });

  // An import started elsewhere (another tab, or before a reload) is shown as it goes on.
  app.request("GET", "/api/app").then(function (answer) {
    var current = answer.body && answer.body.import;
    if (answer.status === 200 && current && current.state === "running" && !running) {
      begin();
      follow(current.id);
    }
  }, function () {});
})();
