// The book in a real browser: built by the real afterglow from the example export, opened from
// file:// in headless Chromium. Run by ctest (label "browser"), or: node --test tests/browser
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const lib = require("./lib");

lib.skipUnlessReady();

const example = path.join(lib.SOURCE_DIR, "examples", "chatgpt-export.zip");
let book, context;

test.before(async () => {
  book = lib.buildBook("example", example, ["--title", "Lin's years with ChatGPT",
    "--dedication", "For the nights I could not sleep, and the mornings after."]);
  context = await lib.launch();
});
test.after(async () => {
  if (context) await context.close();
});

function pagesOf(folder) {
  const pages = ["index.html", "about.html", "memories.html"];
  for (const name of fs.readdirSync(path.join(folder, "c")).sort()) pages.push("c/" + name);
  return pages.map((p) => path.join(folder, p));
}

function assertClean(log, where) {
  assert.deepEqual(log.network, [], where + ": network requests");
  assert.deepEqual(log.consoleErrors, [], where + ": console errors");
  assert.deepEqual(log.pageErrors, [], where + ": uncaught errors");
  assert.deepEqual(log.dialogs, [], where + ": dialogs");
}

// The conversation page whose title is `title`.
async function pageWithTitle(folder, title) {
  for (const file of pagesOf(folder).filter((p) => p.includes(path.sep + "c" + path.sep))) {
    if (fs.readFileSync(file, "utf8").includes("<h1>" + title + "</h1>")) return file;
  }
  throw new Error("no page titled " + title);
}

test("every page of the folder book loads from file:// with no request and no error", async () => {
  for (const file of pagesOf(book.folder)) {
    const { page, log } = await lib.openPage(context, lib.fileUrl(file));
    await page.waitForTimeout(50);
    assertClean(log, path.relative(book.folder, file));
    await page.close();
  }
});

test("the cover, a conversation and the memories page are photographed", async () => {
  const cover = await lib.openPage(context, lib.fileUrl(path.join(book.folder, "index.html")));
  await cover.page.screenshot({ path: lib.screenshotPath("cover.png") });
  await cover.page.screenshot({ path: lib.screenshotPath("contents.png"), fullPage: true });
  assert.match(await cover.page.textContent(".book-title"), /Lin's years with ChatGPT/);
  assert.match(await cover.page.textContent(".counts"), /8 (conversations|段对话)/);
  await cover.page.close();

  const file = await pageWithTitle(book.folder, "Dice probability homework");
  const conversation = await lib.openPage(context, lib.fileUrl(file));
  await conversation.page.screenshot({ path: lib.screenshotPath("conversation.png"), fullPage: true });
  await conversation.page.close();

  const chinese = await lib.openPage(context, lib.fileUrl(await pageWithTitle(book.folder, "工作压力和睡不着")));
  await chinese.page.screenshot({ path: lib.screenshotPath("conversation-zh.png"), fullPage: true });
  await chinese.page.close();

  const memories = await lib.openPage(context, lib.fileUrl(path.join(book.folder, "memories.html")));
  assert.ok(await memories.page.$$eval("svg.calendar rect.l1, svg.calendar rect.l2, svg.calendar rect.l3, svg.calendar rect.l4", (r) => r.length) >= 8);
  await memories.page.screenshot({ path: lib.screenshotPath("memories.png"), fullPage: true });
  await memories.page.close();
  for (const name of ["cover.png", "conversation.png", "memories.png"]) {
    assert.ok(fs.statSync(lib.screenshotPath(name)).size > 10000, name);
  }
});

// Clicks ‹ on the displayed version of the first switchable turn and checks the other one shows.
async function checkSwitcher(page) {
  const versions = page.locator(".versions").first();
  await versions.scrollIntoViewIfNeeded();
  const before = await versions.locator(":scope > .version:not([hidden]) .pos").first().textContent();
  assert.equal(before, "2 / 2");
  const shownText = await versions.locator(":scope > .version:not([hidden])").first().innerText();
  await versions.locator(":scope > .version:not([hidden]) .switch .prev").first().click();
  const after = await versions.locator(":scope > .version:not([hidden]) .pos").first().textContent();
  assert.equal(after, "1 / 2");
  const nowText = await versions.locator(":scope > .version:not([hidden])").first().innerText();
  assert.notEqual(nowText, shownText);
  assert.equal(await versions.locator(":scope > .version:not([hidden])").count(), 1);
  await versions.locator(":scope > .version:not([hidden]) .switch .next").first().click();
  assert.equal(await versions.locator(":scope > .version:not([hidden]) .pos").first().textContent(), "2 / 2");
}

test("the branch switcher shows the other version of a regenerated answer", async () => {
  const file = await pageWithTitle(book.folder, "工作压力和睡不着");
  const { page, log } = await lib.openPage(context, lib.fileUrl(file));
  await checkSwitcher(page);
  assertClean(log, "switcher");
  await page.close();
});

async function searchFor(page, query) {
  await page.fill("#search-input", query);
  await page.waitForFunction(() => document.getElementById("search-status").textContent !== "");
  return page.$$eval("#search-results .title", (els) => els.map((e) => e.textContent));
}

test("the book's search finds Chinese and English words offline", async () => {
  const { page, log } = await lib.openPage(context, lib.fileUrl(path.join(book.folder, "index.html")));
  assert.ok(await page.isVisible("#search-input"));
  assert.ok((await searchFor(page, "压力")).includes("工作压力和睡不着"));
  assert.ok((await searchFor(page, "外婆")).includes("梦见外婆"));
  assert.ok((await searchFor(page, "psychohist")).includes("Foundation and psychohistory"));
  assert.deepEqual(await searchFor(page, "zzqqxx"), []);
  // Following a result marks the words on the conversation page.
  await searchFor(page, "压力");
  await page.click("#search-results a");
  await page.waitForSelector("mark.found");
  assertClean(log, "search");
  await page.close();
});

test("math is rendered by the KaTeX shipped in the book, images and voice load", async () => {
  const file = await pageWithTitle(book.folder, "Dice probability homework");
  const { page, log } = await lib.openPage(context, lib.fileUrl(file));
  if (fs.existsSync(path.join(book.folder, "assets", "katex", "katex.min.js"))) {
    assert.ok((await page.$$(".math.rendered .katex")).length > 0, "KaTeX rendered the math");
  } else {
    assert.ok((await page.$$(".math")).length > 0, "math kept as source");
  }
  const widths = await page.$$eval("figure.image img", (imgs) => imgs.map((i) => i.naturalWidth));
  assert.ok(widths.length > 0 && widths.every((w) => w > 0), "images load: " + widths);
  assertClean(log, "math");
  await page.close();

  const voice = await lib.openPage(context, lib.fileUrl(await pageWithTitle(book.folder, "梦见外婆")));
  const durations = await voice.page.$$eval("audio", (list) =>
    Promise.all(list.map((a) => a.readyState >= 1 ? a.duration : new Promise((resolve) => {
      a.addEventListener("loadedmetadata", () => resolve(a.duration));
      a.addEventListener("error", () => resolve(-1));
      a.load();
    }))));
  assert.ok(durations.length >= 2 && durations.every((d) => d > 0), "audio plays: " + durations);
  assertClean(voice.log, "voice");
  await voice.page.close();
});

test("the single-file book works alone: search, switcher, math, no request", async () => {
  // Copied alone to a fresh folder: it must need nothing beside it.
  const alone = path.join(lib.tempDir("alone"), "book.html");
  fs.copyFileSync(book.single, alone);
  const { page, log } = await lib.openPage(context, lib.fileUrl(alone));
  assert.ok((await searchFor(page, "压力")).includes("工作压力和睡不着"));
  assert.ok((await searchFor(page, "Hangzhou")).includes("Hangzhou offer: stay or go?"));
  await checkSwitcher(page);
  const widths = await page.$$eval("figure.image img", (imgs) => imgs.map((i) => i.naturalWidth));
  assert.ok(widths.length > 0 && widths.every((w) => w > 0), "inlined images load");
  if (fs.existsSync(path.join(book.folder, "assets", "katex", "katex.min.js"))) {
    assert.ok((await page.$$(".math.rendered .katex")).length > 0);
  }
  await page.screenshot({ path: lib.screenshotPath("single-file.png") });
  assertClean(log, "single file");
  await page.close();
});
