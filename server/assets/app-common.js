// What the app's pages share (the welcome page, /import, /book, /export): their words, the write
// token sent back with every change, requests to the app's API, the progress bar with its
// "time left", and the form that starts a job making a file to download (jobForm). The words come from the page (the server chose their language); numbers are
// written by hand so they read the same whatever the browser's locale.
"use strict";
window.afterglowApp = (function () {
  var wordsElement = document.getElementById("app-words");
  var words = {};
  try {
    words = JSON.parse(wordsElement ? wordsElement.textContent : "{}");
  } catch (e) {
    words = {};
  }
  var tokenMeta = document.querySelector('meta[name="afterglow-token"]');
  var token = tokenMeta ? tokenMeta.getAttribute("content") : "";

  // The words of `key` with each {name} replaced by args[name].
  function t(key, args) {
    var text = Object.prototype.hasOwnProperty.call(words, key) ? words[key] : key;
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return args && Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole;
    });
  }

  function has(key) {
    return Object.prototype.hasOwnProperty.call(words, key);
  }

  // The singular ("KEY_one") or plural ("KEY_other") of a phrase, for a count of n.
  function plural(key, n, args) {
    return t(key + (n === 1 ? "_one" : "_other"), args);
  }

  function count(n) {
    var digits = String(Math.round(Number(n) || 0));
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function bytes(n) {
    n = Number(n) || 0;
    var units = ["KB", "MB", "GB", "TB"];
    if (n < 1000) return n + " B";
    var value = n, unit = -1;
    do {
      value /= 1000;
      unit++;
    } while (value >= 1000 && unit < units.length - 1);
    return (value >= 100 ? Math.round(value) : value.toFixed(1)) + " " + units[unit];
  }

  // "About 3 minutes left", or "" when there is no estimate yet.
  function timeLeft(seconds) {
    if (seconds === null || seconds === undefined || !isFinite(seconds) || seconds < 0) return "";
    seconds = Math.round(seconds);
    if (seconds < 5) return t("eta_soon");
    var time;
    if (seconds < 60) {
      time = t("seconds", { n: Math.max(5, Math.round(seconds / 5) * 5) });
    } else if (seconds < 3600) {
      var minutes = Math.round(seconds / 60);
      time = minutes === 1 ? t("minute") : t("minutes", { n: minutes });
    } else {
      time = t("hours", { h: Math.floor(seconds / 3600), m: Math.round((seconds % 3600) / 60) });
    }
    return t("eta", { time: time });
  }

  function setBar(bar, fraction) {
    var percent = Math.max(0, Math.min(100, Math.round((Number(fraction) || 0) * 1000) / 10));
    bar.querySelector(".fill").style.width = percent + "%";
    bar.setAttribute("aria-valuenow", String(Math.round(percent)));
  }

  // A request to the API: resolves with {status, body} (body parsed from JSON, or null).
  // Rejects only when afterglow could not be reached at all.
  function request(method, url, json) {
    var options = { method: method, headers: {}, credentials: "same-origin", cache: "no-store" };
    if (method !== "GET") options.headers["X-Afterglow-Token"] = token;
    if (json !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(json);
    }
    return fetch(url, options).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try {
          body = text ? JSON.parse(text) : null;
        } catch (e) {
          body = null;
        }
        return { status: response.status, body: body };
      });
    });
  }

  // The error code of a refused request, from its status and body.
  function errorCode(status, body) {
    if (body && body.error && typeof body.error === "object" && body.error.code) return body.error.code;
    if (status === 403) return "forbidden";
    if (status === 409) return "busy";
    if (status === 413) return "too_large";
    return "internal";
  }

  // Asks for url every ~500 ms; calls onUpdate with each answer until its state is not
  // "running", then resolves with the last one.
  function poll(url, onUpdate) {
    return new Promise(function (resolve, reject) {
      var failures = 0;
      function next() {
        request("GET", url).then(function (answer) {
          if (answer.status !== 200 || !answer.body) {
            reject({ code: errorCode(answer.status, answer.body) });
            return;
          }
          failures = 0;
          onUpdate(answer.body);
          if (answer.body.state === "running") {
            setTimeout(next, 500);
          } else {
            resolve(answer.body);
          }
        }, function () {
          // One lost answer is not a lost afterglow: try a few more times.
          if (++failures >= 6) reject({ code: "connection_lost" });
          else setTimeout(next, 1000);
        });
      }
      next();
    });
  }

  // Puts text in element, each `command` between backquotes as <code>.
  function fill(element, text) {
    element.textContent = "";
    String(text).split("`").forEach(function (piece, i, pieces) {
      if (i % 2 === 1 && i < pieces.length - 1) {
        var code = document.createElement("code");
        code.textContent = piece;
        element.appendChild(code);
      } else {
        element.appendChild(document.createTextNode((i % 2 === 1 ? "`" : "") + piece));
      }
    });
  }

  // Adds an item holding text to a list.
  function addLine(list, text) {
    var item = document.createElement("li");
    item.textContent = text;
    list.appendChild(item);
  }

  function show(element, visible) {
    if (element) element.hidden = !visible;
  }

  // A form that starts a job making a file to download (a book, an export): one POST to
  // `c.route`, the job asked about every half second until it ends, then the download, or one
  // sentence of what went wrong. The page's elements are named `c.prefix`-form, -progress,
  // -result, -error, -bar, -phase, -detail, -eta, -cancel, -make, -result-title, -summary,
  // -download and -again; its words `c.prefix`_phase_PHASE, _progress and _CODE for an error.
  // `c.body(value, pick)` makes the request, `c.summarize(list, summary)` the lines shown at
  // the end; `c.errorCode(code)` may rename an error's code to the one its words are kept under.
  function jobForm(c) {
    function $(name) {
      return document.getElementById(c.prefix + "-" + name);
    }
    var form = $("form");
    if (!form) return null;
    var progress = $("progress"), result = $("result"), errorLine = $("error");
    var bar = $("bar"), phase = $("phase"), detail = $("detail"), eta = $("eta");
    var cancelButton = $("cancel"), makeButton = $("make");
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

    function value(name) {
      var field = form.elements[name];
      return field ? String(field.value).trim() : "";
    }

    function showOnly(part) {
      show(form, part === form);
      show(progress, part === progress);
      show(result, part === result);
    }

    function codeOf(error) {
      var code = error && error.code ? error.code : "internal";
      return c.errorCode ? c.errorCode(code) : code;
    }

    function friendly(error) {
      var code = codeOf(error);
      if (code === "bad_query") return t(c.prefix + "_bad_query", { why: error.message || "" });
      if (has(c.prefix + "_" + code)) return t(c.prefix + "_" + code);
      if (has(code)) return t(code);
      return t(c.prefix + "_internal");
    }

    function fail(error) {
      running = false;
      jobId = null;
      fill(errorLine, friendly(error));
      errorLine.setAttribute("data-code", codeOf(error));
      show(errorLine, true);
      showOnly(form);
    }

    function update(job) {
      phase.textContent = t(c.prefix + "_phase_" + job.phase);
      setBar(bar, job.fraction);
      detail.textContent = job.total ? t(c.prefix + "_progress", { done: count(job.done), total: count(job.total) }) : "";
      eta.textContent = job.phase === "finished" ? "" : timeLeft(job.eta_seconds);
    }

    function finish(job) {
      running = false;
      jobId = null;
      if (job.state === "done" && job.download) {
        update(job);
        $("result-title").textContent = t(c.prefix + "_phase_finished");
        var list = $("summary");
        list.textContent = "";
        if (job.summary) c.summarize(list, job.summary);
        var link = $("download");
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
      show(errorLine, false);
      setBar(bar, 0);
      phase.textContent = t(c.prefix + "_phase_selecting");
      detail.textContent = "";
      eta.textContent = "";
      cancelButton.disabled = false;
      showOnly(progress);
      request("POST", c.route, c.body(value, pick())).then(function (answer) {
        makeButton.disabled = false;
        if (answer.status !== 202 || !answer.body || answer.body.id === undefined) {
          fail({ code: errorCode(answer.status, answer.body), message: answer.body && answer.body.error && answer.body.error.message });
          return;
        }
        jobId = answer.body.id;
        poll(c.route + "/" + encodeURIComponent(jobId), update).then(finish, fail);
      }, function () {
        makeButton.disabled = false;
        fail({ code: "connection_lost" });
      });
    });

    cancelButton.addEventListener("click", function () {
      if (!running || jobId === null) return;
      cancelButton.disabled = true;
      phase.textContent = t("phase_cancelling");
      request("DELETE", c.route + "/" + encodeURIComponent(jobId));
    });

    $("again").addEventListener("click", function () {
      showOnly(form);
    });
    return form;
  }

  return {
    jobForm: jobForm,
    t: t,
    has: has,
    plural: plural,
    count: count,
    bytes: bytes,
    timeLeft: timeLeft,
    setBar: setBar,
    request: request,
    errorCode: errorCode,
    poll: poll,
    show: show,
    fill: fill,
    addLine: addLine,
    token: token,
  };
})();
