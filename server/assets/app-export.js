// Exporting from /export (app-common.js's jobForm does the rest): the chosen format, selection,
// language and packet size as the options of POST /api/exports, and the summary at the end. The
// packet's size is asked for only while the packet is chosen.
"use strict";
(function () {
  var app = window.afterglowApp;
  if (!app) return;
  var SAME = { nothing_selected: "no_conversations" };
  function format() {
    var checked = document.querySelector('#export-form input[name="format"]:checked');
    return checked ? checked.value : "markdown";
  }
  var form = app.jobForm({
    prefix: "export",
    route: "/api/exports",
    body: function (value, pick) {
      var body = { format: format(), lang: value("lang") };
      if (pick === "gpt-4o") body.query = "model:gpt-4o";
      if (pick === "search") body.query = value("query");
      if (body.format === "packet") {
        var budget = parseInt(value("budget"), 10);
        if (budget > 0) body.budget = budget;
      }
      return body;
    },
    summarize: function (list, s) {
      app.addLine(list, app.plural("export_summary", s.conversations, {
        conversations: app.count(s.conversations),
        messages: app.count(s.messages),
        files: app.count(s.files),
      }));
      if (s.attachments_copied > 0 || s.attachments_unavailable > 0) {
        app.addLine(list, app.t("export_attachments", {
          included: app.count(s.attachments_copied),
          unavailable: app.count(s.attachments_unavailable),
        }));
      }
    },
    errorCode: function (code) {
      return Object.prototype.hasOwnProperty.call(SAME, code) ? SAME[code] : code;
    },
  });
  if (!form) return;
  function showBudget() {
    var sub = form.querySelector('.sub[data-format="packet"]');
    if (sub) sub.hidden = format() !== "packet";
  }
  Array.prototype.forEach.call(form.querySelectorAll('input[name="format"]'), function (radio) {
    radio.addEventListener("change", showBudget);
  });
  showBudget();
})();
