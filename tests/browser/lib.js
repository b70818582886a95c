// Shared by the browser tests: build a book with the real afterglow binary from an export it
// imports itself, and open it in Debian's headless Chromium (never a downloaded browser),
// recording every network request, console error, dialog and uncaught exception.
"use strict";
const { execFileSync, spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const SOURCE_DIR = process.env.AFTERGLOW_SOURCE_DIR || path.resolve(__dirname, "../..");
const BINARY = process.env.AFTERGLOW_BINARY;
const CHROMIUM = process.env.AFTERGLOW_CHROMIUM || "/usr/bin/chromium";
const OUT_DIR = process.env.AFTERGLOW_BROWSER_OUT || path.join(os.tmpdir(), "afterglow-browser-out");

// ctest treats this exit status as "skipped" (SKIP_RETURN_CODE in CMakeLists.txt).
const SKIP = 77;

function requirements() {
  const missing = [];
  if (!BINARY || !fs.existsSync(BINARY)) missing.push("AFTERGLOW_BINARY (the built afterglow)");
  if (!fs.existsSync(CHROMIUM)) missing.push(CHROMIUM + " (apt-get install chromium)");
  try {
    require.resolve("playwright-core");
  } catch (e) {
    missing.push("playwright-core (npm ci in tests/browser)");
  }
  return missing;
}

function skipUnlessReady() {
  const missing = requirements();
  if (missing.length) {
    console.log("SKIP: browser tests need " + missing.join(", "));
    process.exit(SKIP);
  }
}

// Temporary folders (archives, books, browser profiles) go when the test process ends;
// screenshots stay under AFTERGLOW_BROWSER_OUT.
const temporary = [];
process.on("exit", () => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "afterglow-" + name + "-"));
  temporary.push(dir);
  return dir;
}

function afterglow(archive, args) {
  return execFileSync(BINARY, ["--archive", archive, ...args], {
    encoding: "utf8",
    env: { ...process.env, TZ: process.env.TZ || "Asia/Shanghai" },
  });
}

// Imports `input` into a fresh archive and writes the book both ways. Returns the paths.
function buildBook(name, input, extraArgs = []) {
  const dir = tempDir(name);
  const archive = path.join(dir, "archive.afterglow");
  afterglow(archive, ["import", input]);
  const folder = path.join(dir, "book");
  const single = path.join(dir, "book.html");
  afterglow(archive, ["book", "--out", folder, "--single-file", single, ...extraArgs]);
  return { dir, archive, folder, single };
}

async function launch() {
  const { chromium } = require("playwright-core");
  const userDataDir = tempDir("profile");
  // A persistent context is how Playwright takes an explicit, fresh --user-data-dir.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 900, height: 1100 },
    deviceScaleFactor: 1,
  });
  return context;
}

// Records into `log` what no page of ours may do: log an error to the console, throw, or open
// a dialog (dismissed, so the test goes on).
function recordMisdeeds(page, log) {
  Object.assign(log, { consoleErrors: [], pageErrors: [], dialogs: [] });
  page.on("console", (message) => {
    if (message.type() === "error") log.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => log.pageErrors.push(String(error)));
  page.on("dialog", async (dialog) => {
    log.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
}

// Opens a page that records what the book must never do, network use included.
async function openPage(context, url) {
  const page = await context.newPage();
  const log = { network: [] };
  recordMisdeeds(page, log);
  page.on("request", (request) => {
    if (!request.url().startsWith("file:") && !request.url().startsWith("data:")) {
      log.network.push(request.url());
    }
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, log };
}

// Opens origin + url in a new page of `context` that records what no served page may do:
// reach another host, log an error, throw, or open a dialog; and every response's status.
async function openServed(context, origin, url, headers) {
  const page = await context.newPage();
  if (headers) await page.setExtraHTTPHeaders(headers);
  const log = { elsewhere: [], responses: [] };
  recordMisdeeds(page, log);
  page.on("request", (request) => {
    const u = request.url();
    if (!u.startsWith(origin + "/") && !u.startsWith("data:")) log.elsewhere.push(u);
  });
  page.on("response", (response) => log.responses.push([response.url(), response.status()]));
  await page.goto(origin + url, { waitUntil: "load" });
  return { page, log };
}

function assertServedClean(log, where) {
  const assert = require("node:assert/strict");
  assert.deepEqual(log.elsewhere, [], where + ": requests to another host");
  assert.deepEqual(log.consoleErrors, [], where + ": console errors");
  assert.deepEqual(log.pageErrors, [], where + ": uncaught errors");
  assert.deepEqual(log.dialogs, [], where + ": dialogs");
}

// Only the server's own script files run: no inline script on any page.
async function assertNoInlineScript(page) {
  const assert = require("node:assert/strict");
  const inline = await page.$$eval("script", (list) =>
    list.filter((s) => !s.src && s.type !== "application/json").length);
  assert.equal(inline, 0, "inline scripts");
}

function fileUrl(p) {
  return pathToFileURL(p).href;
}

function screenshotPath(name) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  return path.join(OUT_DIR, name);
}

// Starts `afterglow serve` on a free port over an archive and resolves with the child process
// and its origin, read from the first line it prints: "afterglow: serving http://127.0.0.1:PORT/".
function startServer(archive) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.AFTERGLOW_BINARY, ["--archive", archive, "serve", "--port", "0"], {
      env: { ...process.env, TZ: process.env.TZ || "Asia/Shanghai" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/^afterglow: serving (http:\/\/127\.0\.0\.1:\d+)\/\n/);
      if (match) resolve({ child, origin: match[1] });
    });
    child.on("exit", (code) => reject(new Error("afterglow serve exited with " + code + ": " + out)));
  });
}

// Starts `afterglow app` (the server that can also import and make books) without opening a
// browser, on a free port over an archive it creates when missing; resolves like startServer,
// from the first line it prints: "afterglow: running at http://127.0.0.1:PORT/ …".
function startApp(archive) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.AFTERGLOW_BINARY, ["--archive", archive, "app", "--no-browser", "--port", "0"], {
      env: { ...process.env, TZ: process.env.TZ || "Asia/Shanghai" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/^afterglow: running at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) resolve({ child, origin: match[1] });
    });
    child.on("exit", (code) => reject(new Error("afterglow app exited with " + code + ": " + out)));
  });
}

module.exports = {
  openServed,
  assertServedClean,
  assertNoInlineScript,
  startServer,
  startApp,
  SOURCE_DIR,
  buildBook,
  launch,
  openPage,
  recordMisdeeds,
  fileUrl,
  screenshotPath,
  skipUnlessReady,
  tempDir,
  afterglow,
};
