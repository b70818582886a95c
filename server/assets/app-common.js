// What the app's pages share (the welcome page, /import, /book): their words, the write token
// sent back with every change, requests to the app's API, and the progress bar with its
// "time left". The words come from the page (the server chose their language); numbers are
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

  return {
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
