// Hostile exports: titles, messages, model names and file names carrying <script>, event
// handlers, javascript: links and broken HTML must show as text, and nothing of theirs may run.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const lib = require("./lib");

lib.skipUnlessReady();

let book, context;
test.before(async () => {
  book = lib.buildBook("hostile", path.join(__dirname, "hostile-conversations.json"), ["--include-hidden"]);
  context = await lib.launch();
});
test.after(async () => {
  if (context) await context.close();
});

async function assertNothingRan(file) {
  const { page, log } = await lib.openPage(context, lib.fileUrl(file));
  // Give handlers a chance: hover and click everything a payload could hang on.
  const targets = await page.$$(".conversation p, .conversation b, .conversation a, .conversation h1");
  for (const el of targets.slice(0, 40)) {
    await el.hover({ timeout: 300 }).catch(() => {});
  }
  await page.waitForTimeout(100);
  const where = path.basename(file);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, where + ": a payload ran");
  assert.deepEqual(log.dialogs, [], where + ": alert() ran");
  assert.deepEqual(log.network, [], where + ": network");
  assert.deepEqual(log.consoleErrors, [], where + ": console errors (CSP violations)");
  assert.deepEqual(log.pageErrors, [], where);
  const injected = await page.evaluate(() => ({
    handlers: document.querySelectorAll("[onerror],[onload],[onclick],[onmouseover]").length,
    iframes: document.querySelectorAll("iframe, object, embed").length,
    scripts: Array.from(document.scripts).filter((s) => s.type !== "application/json" &&
      !(s.src && /assets\/(book|search-index|katex\/katex\.min)\.js$/.test(s.src)) && s.src).length,
    jsLinks: document.querySelectorAll("a[href^='javascript:' i], a[href^='data:' i]").length,
    remote: Array.from(document.querySelectorAll("[src]")).filter((e) => /^https?:/.test(e.getAttribute("src"))).length,
    bodyVisible: getComputedStyle(document.body).display !== "none",
  }));
  assert.deepEqual(injected, { handlers: 0, iframes: 0, scripts: 0, jsLinks: 0, remote: 0, bodyVisible: true }, where);
  return page;
}

test("hostile pages of the folder book show the payloads as text and run none of them", async () => {
  const pages = ["index.html", "about.html", "memories.html"].map((p) => path.join(book.folder, p));
  for (const name of fs.readdirSync(path.join(book.folder, "c"))) pages.push(path.join(book.folder, "c", name));
  for (const file of pages) {
    const page = await assertNothingRan(file);
    if (file.endsWith("0001.html")) {
      assert.match(await page.textContent(".conversation h1"), /^<script>window.__pwned='title'<\/script><img src=x/);
      const user = await page.textContent(".msg.user .plain");
      assert.ok(user.includes("<script>window.__pwned = 'script tag'</script>"));
      const answer = await page.textContent(".msg.assistant .markdown");
      assert.ok(answer.includes("<img src=x onerror=\"window.__pwned='img onerror'\">"));
      assert.ok(answer.includes("javascript:window.__pwned='markdown link'"));
      await page.screenshot({ path: lib.screenshotPath("hostile.png"), fullPage: true });
    }
    await page.close();
  }
});

test("the hostile single-file book runs none of them either, and search still works", async () => {
  const page = await assertNothingRan(book.single);
  await page.fill("#search-input", "onerror");
  await page.waitForFunction(() => document.getElementById("search-results").children.length > 0);
  const titles = await page.$$eval("#search-results .title", (els) => els.map((e) => e.textContent));
  assert.ok(titles.some((t) => t.startsWith("<script>")), "titles shown as text: " + titles);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});
