// The web reader in a real browser: `afterglow serve` on an ephemeral loopback port over an
// archive the real afterglow imports from the example export, driven in headless Chromium.
// Run by ctest (label "browser"), or: node --test tests/browser/serve.test.js
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");
const lib = require("./lib");

lib.skipUnlessReady();

const example = path.join(lib.SOURCE_DIR, "examples", "chatgpt-export.zip");
let server, origin, context, ids;

function open(url, headers) {
  return lib.openServed(context, origin, url, headers);
}

const assertClean = lib.assertServedClean;
const assertNoInlineScript = lib.assertNoInlineScript;

test.before(async () => {
  const dir = lib.tempDir("serve");
  const archive = path.join(dir, "archive.afterglow");
  lib.afterglow(archive, ["import", example]);
  ({ child: server, origin } = await lib.startServer(archive));
  ids = {};
  for (const c of JSON.parse(lib.afterglow(archive, ["list", "--json"]))) ids[c.title] = c.id;
  context = await lib.launch();
});

test.after(async () => {
  if (context) await context.close();
  if (server) {
    const exited = new Promise((resolve) => server.once("exit", (code, signal) => resolve({ code, signal })));
    server.kill("SIGTERM");
    const { code } = await exited;
    assert.equal(code, 0, "afterglow serve stops cleanly on SIGTERM");
  }
});

test("home shows recent conversations and the memories pictures, in Chinese when asked", async () => {
  const { page, log } = await open("/", { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5" });
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  const titles = await page.$$eval(".recent .summaries .title", (els) => els.map((e) => e.textContent));
  assert.ok(titles.includes("梦见外婆") && titles.includes("Hangzhou offer: stay or go?"), titles.join());
  // The memories are gathered in the background: reload until they are drawn.
  for (let i = 0; i < 50 && !(await page.$("svg.calendar")); i++) {
    await page.waitForTimeout(100);
    await page.reload({ waitUntil: "load" });
  }
  assert.ok(await page.$$eval("svg.calendar rect.l1, svg.calendar rect.l2, svg.calendar rect.l3, svg.calendar rect.l4",
    (r) => r.length) >= 8, "calendar drawn");
  assert.match(await page.textContent("h2"), /最近的对话/);
  await assertNoInlineScript(page);
  await page.screenshot({ path: lib.screenshotPath("serve-home-zh.png"), fullPage: true });
  assertClean(log, "home");
  // The switch in the header turns the interface to English and remembers it.
  await page.click(".lang-switch");
  await page.waitForLoadState("load");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.match(await page.textContent("h2"), /Recent conversations/);
  await page.goto(origin + "/conversations", { waitUntil: "load" });
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.screenshot({ path: lib.screenshotPath("serve-home-en.png") });
  assertClean(log, "home, switched");
  await page.close();
});

test("a Chinese search finds the conversation, opens at the hit, and a version switches", async () => {
  const { page, log } = await open("/");
  await page.fill("#q", "压力");
  await Promise.all([page.waitForNavigation(), page.press("#q", "Enter")]);
  assert.match(page.url(), /\/search\?q=%E5%8E%8B%E5%8A%9B/);
  const groups = await page.$$eval(".hit-group .title", (els) => els.map((e) => e.textContent));
  assert.ok(groups.includes("工作压力和睡不着"), groups.join());
  assert.ok((await page.$$eval(".snippet mark", (m) => m.map((e) => e.textContent))).includes("压力"));
  assert.match(await page.textContent("#status"), /\d/);
  await page.screenshot({ path: lib.screenshotPath("serve-search.png"), fullPage: true });

  // The engine toggle runs the same query on FTS5.
  await Promise.all([page.waitForNavigation(), page.click(".toolbar .engine a:not([aria-current])")]);
  assert.match(page.url(), /engine=fts5/);
  assert.ok((await page.$$eval(".hit-group .title", (els) => els.map((e) => e.textContent))).includes("工作压力和睡不着"));

  // Open the first snippet: the page scrolls to that message and marks the words.
  await Promise.all([page.waitForNavigation(), page.click(".hit-group .snippets a")]);
  assert.match(page.url(), /\/c\/aa06b67a-7532-57bd-ad5b-f648585434d4\?node=/);
  const target = page.locator("section.msg.target");
  assert.equal(await target.count(), 1);
  assert.ok(await target.isVisible());
  assert.ok((await target.locator("mark.found").count()) > 0, "searched words marked");
  const node = new URL(page.url()).searchParams.get("node");
  assert.equal(await target.getAttribute("id"), "m-" + node);
  await page.screenshot({ path: lib.screenshotPath("serve-reader-hit.png") });

  // The regenerated answer: "2 / 2" is displayed; ‹ shows the other version.
  const versions = page.locator(".versions").first();
  await versions.scrollIntoViewIfNeeded();
  const shown = versions.locator(":scope > .version:not([hidden])");
  assert.equal(await shown.locator(".pos").first().textContent(), "2 / 2");
  const before = await shown.first().innerText();
  await shown.locator(".switch .prev").first().click();
  assert.equal(await shown.locator(".pos").first().textContent(), "1 / 2");
  assert.notEqual(await shown.first().innerText(), before);
  assert.equal(await shown.count(), 1);
  await page.screenshot({ path: lib.screenshotPath("serve-reader-version.png"), fullPage: true });
  await assertNoInlineScript(page);
  assertClean(log, "search and reader");
  await page.close();
});

test("a hit on the other version opens that version", async () => {
  // The hidden version of the regenerated answer: find one of its words through the API.
  const { page, log } = await open("/c/" + ids["工作压力和睡不着"]);
  const hidden = await page.$$eval(".versions > .version[hidden] section.msg", (list) => list.map((s) => s.id));
  assert.ok(hidden.length > 0, "an alternate version exists");
  const node = hidden[0].slice(2);
  await page.goto(origin + "/c/" + ids["工作压力和睡不着"] + "?node=" + node + "#m-" + node, { waitUntil: "load" });
  const target = page.locator("#m-" + node);
  assert.ok(await target.isVisible(), "the version holding the hit is shown");
  assert.equal(await page.locator(".versions > .version:not([hidden]) .pos").first().textContent(), "1 / 2");
  assertClean(log, "alternate hit");
  await page.close();
});

test("voice messages load their audio, streamed with Range requests", async () => {
  const { page, log } = await open("/c/" + ids["梦见外婆"]);
  const durations = await page.$$eval("audio", (list) =>
    Promise.all(list.map((a) => a.readyState >= 1 ? a.duration : new Promise((resolve) => {
      a.addEventListener("loadedmetadata", () => resolve(a.duration));
      a.addEventListener("error", () => resolve(-1));
      a.load();
    }))));
  assert.ok(durations.length >= 2 && durations.every((d) => d > 0), "audio metadata loads: " + durations);
  const blobs = log.responses.filter(([u]) => u.includes("/blob/"));
  assert.ok(blobs.length > 0 && blobs.every(([, status]) => status === 200 || status === 206), JSON.stringify(blobs));
  await page.screenshot({ path: lib.screenshotPath("serve-voice.png"), fullPage: true });
  assertClean(log, "voice");
  await page.close();
});

test("images and math load from the server", async () => {
  const { page, log } = await open("/c/" + ids["Dice probability homework"]);
  const widths = await page.$$eval("figure.image img", (imgs) => imgs.map((i) => i.naturalWidth));
  assert.ok(widths.length > 0 && widths.every((w) => w > 0), "images load: " + widths);
  if (await page.$("script[src='/assets/katex/katex.min.js']")) {
    assert.ok((await page.$$(".math.rendered .katex")).length > 0, "KaTeX rendered the math");
  }
  await page.screenshot({ path: lib.screenshotPath("serve-math.png"), fullPage: true });
  assertClean(log, "math");
  await page.close();
});

test("unknown pages and ids answer 404 with a page, not an error", async () => {
  for (const url of ["/c/does-not-exist", "/c/%3Cscript%3E", "/nowhere", "/blob/00"]) {
    const { page, log } = await open(url);
    assert.match(await page.textContent("section.problem .code"), /404/, url);
    assert.deepEqual(log.elsewhere, [], url);
    assert.deepEqual(log.pageErrors, [], url);
    await page.close();
  }
  const { page } = await open("/search?q=%22unclosed");
  assert.ok(await page.$("p.problem"));
  await page.screenshot({ path: lib.screenshotPath("serve-bad-query.png") });
  await page.close();
  assert.ok(fs.statSync(lib.screenshotPath("serve-search.png")).size > 10000);
});
