// Every payload of tests/security/xss-payloads.txt, placed everywhere an export can put text
// (titles, user and assistant messages, code blocks, attachment names, citation titles and
// URLs), imported by the real afterglow, then opened in headless Chromium in the folder book,
// the single-file book and `afterglow serve`. Nothing of theirs may run, leave an event handler
// or a javascript: link in the DOM, or reach the network.
// Run by ctest (label "browser"), or: node --test tests/browser/xss-corpus.test.js
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const lib = require("./lib");

lib.skipUnlessReady();

const payloads = fs
  .readFileSync(path.join(lib.SOURCE_DIR, "tests", "security", "xss-payloads.txt"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#"));

// The new-style citation marker (U+E200 cite U+E202 anchor U+E201) and its old-style sibling.
const citeMarker = "\ue200cite\ue202turn0search0\ue201";

function message(id, role, time, content, metadata, parent, children) {
  return {
    id,
    message: {
      id,
      author: { role, name: null, metadata: {} },
      create_time: time,
      update_time: null,
      content,
      status: "finished_successfully",
      end_turn: true,
      weight: 1.0,
      metadata,
      recipient: "all",
    },
    parent,
    children,
  };
}

// One conversation per payload: its title, the user's words beside an image attachment named
// by it, and an answer carrying it as a paragraph, an HTML block, inline code, a fenced code
// block and both kinds of citation (title, URL and snippet).
function conversation(payload, i) {
  const id = "xss-" + String(i + 1).padStart(4, "0");
  const time = 1717000000 + i * 100;
  const fileId = "file-xss" + (i + 1);
  const userText = "Payload " + (i + 1) + " inline: " + payload + "\n\n" + payload + "\n";
  const answer =
    "Answer " + (i + 1) + " inline: " + payload + "\n\n" +
    payload + "\n\n" +
    "`" + payload + "`\n\n" +
    "```html\n" + payload + "\n```\n\n" +
    "A new-style source" + citeMarker + " and an old-style one【0†source】.\n";
  const source = { title: payload, url: payload, snippet: payload };
  return {
    title: payload,
    create_time: time,
    update_time: time + 10,
    mapping: {
      root: { id: "root", message: null, parent: null, children: ["u1"] },
      u1: message(
        "u1", "user", time,
        {
          content_type: "multimodal_text",
          parts: [
            { content_type: "image_asset_pointer", asset_pointer: "file-service://" + fileId,
              size_bytes: 10, width: 10, height: 10 },
            userText,
          ],
        },
        { attachments: [{ id: fileId, name: payload, mime_type: "image/png" }] },
        "root", ["a1"]),
      a1: message(
        "a1", "assistant", time + 5,
        { content_type: "text", parts: [answer] },
        {
          model_slug: "gpt-4o",
          content_references: [
            { matched_text: citeMarker, start_idx: 0, end_idx: 1, type: "grouped_webpages",
              items: [{ ...source, attribution: payload }] },
          ],
          citations: [{ start_ix: 0, end_ix: 1, metadata: { ...source, text: payload } }],
        },
        "u1", []),
    },
    current_node: "a1",
    id,
    conversation_id: id,
    default_model_slug: "gpt-4o",
    is_archived: false,
  };
}

// Records what a payload would do if it ran, in every page and frame, before any page script:
// setting window.__pwned / __xss (parent.__pwned from a frame lands on the parent), calling
// alert, confirm, prompt or print, and content blocked by the Content-Security-Policy (which
// means markup from content got through as markup).
const hooks = `(() => {
  const record = (what) => { try { window.__afterglowRecord(what); } catch (e) {} };
  for (const name of ["__pwned", "__xss"]) {
    Object.defineProperty(window, name, { configurable: false, get() { return undefined; },
      set(value) { record(name + "=" + value); } });
  }
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = (...args) => record(name + "(" + args.join(",") + ")");
  }
  document.addEventListener("securitypolicyviolation", (e) =>
    record("CSP blocked " + e.violatedDirective + " " + e.blockedURI + " " + (e.sample || "")));
})();`;

// The DOM must hold nothing a payload could have injected: no on* attribute, no script URL,
// no frame or plugin, no base or refresh, no script other than the program's own: files under
// its assets, or inline code whose SHA-256 the page's own Content-Security-Policy lists.
async function inspectDom(allowedScript) {
  const found = [];
  const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster",
    "background", "srcdoc", "ping", "cite"];
  const scriptUrl = /^[\s\u0000-\u001f]*(javascript|vbscript|data:text\/html|data:text\/javascript)/i;
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push("handler " + el.tagName + " " + attr.name + "=" + attr.value);
      if (urlAttributes.includes(attr.name.toLowerCase()) && scriptUrl.test(attr.value.replace(/[\s\u0000-\u001f]/g, ""))) {
        found.push("script URL " + el.tagName + " " + attr.name + "=" + attr.value);
      }
      if (attr.name === "style" && /javascript:|expression\(|url\(/i.test(attr.value)) {
        found.push("style " + el.tagName + " " + attr.value);
      }
    }
  }
  const forbidden = "iframe, frame, frameset, object, embed, applet, base, isindex, marquee, " +
    "meta[http-equiv=refresh i], link[rel=import i], body style, body link";
  for (const el of document.querySelectorAll(forbidden)) found.push("element " + el.outerHTML.slice(0, 120));
  const policy = Array.from(document.querySelectorAll("meta[http-equiv=Content-Security-Policy i]"))
    .map((m) => m.content).join(" ");
  for (const s of document.scripts) {
    if (s.type === "application/json") continue;
    if (s.src && new RegExp(allowedScript).test(s.src)) continue;
    if (!s.src) {
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s.textContent));
      const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
      if (policy.includes("'sha256-" + hash + "'")) continue;
    }
    found.push("script " + s.outerHTML.slice(0, 120));
  }
  if (document.querySelectorAll("body").length !== 1 || getComputedStyle(document.body).display === "none") {
    found.push("body replaced or hidden");
  }
  return found;
}

let context;
let dir, archive, book, server, origin;
const ran = [];  // [url, what] from the hooks
const requests = [];  // every URL the browser asked for
const dialogs = [];
const popups = [];

test.before(async () => {
  dir = lib.tempDir("xss");
  const input = path.join(dir, "conversations.json");
  fs.writeFileSync(input, JSON.stringify(payloads.map(conversation), null, 1));
  archive = path.join(dir, "archive.afterglow");
  lib.afterglow(archive, ["import", input]);
  book = { folder: path.join(dir, "book"), single: path.join(dir, "book.html") };
  // The cover's words come from the command line: they are escaped the same way.
  lib.afterglow(archive, ["book", "--out", book.folder, "--single-file", book.single,
    "--title", payloads[0], "--subtitle", payloads[2], "--dedication", payloads[4],
    "--author", payloads[37], "--quiet"]);
  ({ child: server, origin } = await lib.startServer(archive));
  context = await lib.launch();
  await context.exposeBinding("__afterglowRecord", ({ frame }, what) => ran.push([frame.url(), what]));
  await context.addInitScript(hooks);
  context.on("request", (request) => requests.push(request.url()));
  context.on("page", (page) => {
    popups.push(page);
    page.on("dialog", async (dialog) => {
      dialogs.push([page.url(), dialog.type() + ": " + dialog.message()]);
      await dialog.dismiss().catch(() => {});
    });
  });
});

test.after(async () => {
  if (context) await context.close();
  if (server) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
});

// Loopback (the server) and local files only; data: images are the single-file book's own.
function elsewhere() {
  return requests.filter((u) => !u.startsWith("file:") && !(origin && u.startsWith(origin + "/")) &&
    !/^data:(image|font)\//.test(u));
}

function assertNothingRan(where) {
  assert.deepEqual(ran, [], where + ": payload code ran or was blocked by the CSP");
  assert.deepEqual(dialogs, [], where + ": dialogs");
  assert.deepEqual(elsewhere(), [], where + ": requests off the machine");
}

// Opens `url`, lets timers, autofocus and animations fire, and inspects the DOM.
async function visit(url, allowedScript, act) {
  const pagesBefore = popups.length;
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  if (act) await act(page);
  await page.waitForTimeout(50);
  const found = await page.evaluate(inspectDom, allowedScript);
  assert.deepEqual(found, [], url);
  assert.equal(page.frames().length, 1, url + ": a frame was created");
  assert.equal(popups.length, pagesBefore + 1, url + ": a window was opened");
  assertNothingRan(url);
  return page;
}

function htmlFiles(folder) {
  const out = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".html")) out.push(path.join(entry.parentPath || entry.path, entry.name));
  }
  return out.sort();
}

const bookScript = "assets/(book|search-index|katex/katex\\.min)\\.js$";
const serveScript = "^http://127\\.0\\.0\\.1:\\d+/assets/[\\w./-]+\\.js$";

test("the corpus is loaded and every payload would be observable if it ran", () => {
  assert.ok(payloads.length >= 50, "payloads: " + payloads.length);
  for (const p of payloads) assert.match(p, /__pwned|__xss|alert\(/, p);
});

test("the hooks see a payload that does run, so the checks below can fail", async () => {
  const file = path.join(dir, "unescaped.html");
  fs.writeFileSync(file, "<!doctype html><title>x</title><body><img src=x onerror=\"window.__pwned=3\">" +
    "<script>alert(1)</script><a href=\" javascript:void 0\">x</a></body>");
  const page = await context.newPage();
  await page.goto(lib.fileUrl(file), { waitUntil: "load" });
  await page.waitForTimeout(50);
  const found = await page.evaluate(inspectDom, bookScript);
  await page.close();
  assert.deepEqual(ran.map(([, what]) => what).sort(), ["__pwned=3", "alert(1)"]);
  assert.equal(found.filter((f) => /^(handler|script URL|script) /.test(f)).length, 3, found.join("\n"));
  ran.length = 0;
});

test("every page of the folder book shows the payloads as text and runs none of them", async () => {
  const files = htmlFiles(book.folder);
  assert.ok(files.length >= payloads.length, "a page per conversation: " + files.length);
  let shown = 0;
  for (const file of files) {
    const page = await visit(lib.fileUrl(file), bookScript);
    const text = await page.evaluate(() => document.body.innerText);
    if (text.includes("window.__pwned")) shown += 1;
    await page.close();
  }
  assert.ok(shown >= payloads.length, "payloads visible as text on " + shown + " pages");
});

test("the single-file book runs none of them, in its pages or its search", async () => {
  const page = await visit(lib.fileUrl(book.single), bookScript);
  await page.fill("#search-input", "onerror");
  await page.waitForFunction(() => document.getElementById("search-results").children.length > 0);
  const titles = await page.$$eval("#search-results .title", (els) => els.map((e) => e.textContent));
  assert.ok(titles.length > 0 && titles.every((t) => payloads.includes(t)), "titles shown as text: " + titles.slice(0, 3));
  // The query itself is shown back: each payload typed into the search box stays text.
  for (const p of payloads) {
    await page.fill("#search-input", p);
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(100);
  assert.deepEqual(await page.evaluate(inspectDom, bookScript), [], "after searching the payloads");
  assertNothingRan("single-file search");
  await page.close();
});

test("afterglow serve: home, lists, searches and every conversation run none of them", async () => {
  const ids = JSON.parse(lib.afterglow(archive, ["list", "--json"])).map((c) => c.id);
  assert.equal(ids.length, payloads.length);
  for (const url of ["/", "/conversations"]) await (await visit(origin + url, serveScript)).close();

  const search = await visit(origin + "/search?q=onerror", serveScript);
  const groups = await search.$$eval(".hit-group .title", (els) => els.map((e) => e.textContent));
  assert.ok(groups.length > 0 && groups.every((t) => payloads.includes(t)), "hits titled by payloads: " + groups.slice(0, 3));
  await search.close();

  // A query is echoed into the results page: every payload as a query must stay text.
  for (const p of payloads) await (await visit(origin + "/search?q=" + encodeURIComponent(p), serveScript)).close();

  for (const id of ids) {
    const page = await visit(origin + "/c/" + encodeURIComponent(id), serveScript);
    assert.ok(payloads.includes(await page.textContent("h1")), id + ": title shown as text");
    await page.close();
  }
});
