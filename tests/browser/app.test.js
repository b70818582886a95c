// The app in a real browser: `afterglow app` on an ephemeral loopback port over an archive it
// creates, driven in headless Chromium from the welcome page to an imported archive, a search,
// a conversation and a book downloaded; and the welcome page of a read-only `afterglow serve`.
// Run by ctest (label "browser"), or: node --test tests/browser/app.test.js
"use strict";
const { describe, test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");
const http = require("node:http");
const lib = require("./lib");

lib.skipUnlessReady();

const example = path.join(lib.SOURCE_DIR, "examples", "chatgpt-export.zip");
const ENGLISH = { "Accept-Language": "en-US,en;q=0.9" };
const CHINESE = { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5" };

// What `afterglow import --json` says of the example, imported into an archive of its own: the
// numbers the page's summary must put in words.
function cliSummary() {
  const archive = path.join(lib.tempDir("cli-import"), "archive.afterglow");
  return JSON.parse(lib.afterglow(archive, ["import", "--json", example]));
}

async function stop(child) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  assert.equal(await exited, 0, "the server stops cleanly on SIGTERM");
}

// A language chosen with the switch is remembered in a cookie, which outranks the browser's:
// each page starts without it.
async function openIn(context, origin, url, headers) {
  await context.clearCookies();
  return lib.openServed(context, origin, url, headers);
}

const assertClean = lib.assertServedClean;
const assertNoInlineScript = lib.assertNoInlineScript;

async function visibleText(page, selector) {
  await page.waitForSelector(selector, { state: "visible", timeout: 60000 });
  return (await page.textContent(selector)).trim();
}

describe("a read-only server over an empty archive", () => {
  let server, origin, context;

  before(async () => {
    // An export with no conversation makes an archive that has none.
    const dir = lib.tempDir("empty");
    const empty = path.join(dir, "conversations.json");
    fs.writeFileSync(empty, "[]");
    const archive = path.join(dir, "archive.afterglow");
    lib.afterglow(archive, ["import", empty]);
    ({ child: server, origin } = await lib.startServer(archive));
    context = await lib.launch();
  });

  after(async () => {
    if (context) await context.close();
    await stop(server);
  });

  test("welcomes, and says how to import on the command line instead of offering a drop zone", async () => {
    const { page, log } = await openIn(context, origin, "/", ENGLISH);
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.match(await page.textContent("h1"), /Keep your conversations with ChatGPT/);
    assert.match(await page.textContent(".steps"), /Settings → Data controls → Export data/);
    assert.match(await page.textContent(".steps"), /24 hours/);
    assert.equal(await page.$("#drop-zone"), null, "no drop zone on a read-only server");
    assert.equal(await page.$('meta[name="afterglow-token"]'), null, "no write token");
    assert.match(await page.textContent("pre.command"), /^afterglow import /);
    assert.equal(await page.$('header a[href="/import"]'), null, "no Import link");
    await assertNoInlineScript(page);
    assertClean(log, "read-only welcome");
    await page.close();

    const zh = await openIn(context, origin, "/", CHINESE);
    assert.equal(await zh.page.getAttribute("html", "lang"), "zh-CN");
    assert.match(await zh.page.textContent("h1"), /把和 ChatGPT 的对话好好收藏起来/);
    assert.match(await zh.page.textContent(".read-only-import code"), /afterglow app/);
    assertClean(zh.log, "read-only welcome, Chinese");
    await zh.page.close();
  });
});

describe("the app", () => {
  let app, origin, context, expected;

  before(async () => {
    expected = cliSummary();
    // No archive yet: the app creates it.
    const archive = path.join(lib.tempDir("app"), "new", "archive.afterglow");
    ({ child: app, origin } = await lib.startApp(archive));
    context = await lib.launch();
  });

  after(async () => {
    if (context) await context.close();
    await stop(app);
  });

  async function open(url, headers) {
    return openIn(context, origin, url, headers);
  }

  async function conversationsStored(page) {
    return page.evaluate(() => fetch("/api/app").then((r) => r.json()).then((b) => b.conversations));
  }

  test("first run: the welcome page in English, then in Chinese for a browser that prefers it", async () => {
    const { page, log } = await open("/", ENGLISH);
    await page.setViewportSize({ width: 1000, height: 700 });
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.match(await page.textContent("h1"), /Keep your conversations with ChatGPT/);
    const steps = await page.textContent(".steps");
    assert.match(steps, /Settings → Data controls → Export data/);
    assert.match(steps, /expires after 24 hours/);
    assert.match(steps, /Privacy Portal/);
    assert.match(await page.textContent(".welcome"), /no need to unzip/);
    assert.ok(await page.isVisible("#drop-zone"), "the drop zone");
    assert.ok(await page.isVisible('label[for="import-file"]'), "the choose-file button");
    assert.ok(await page.isVisible("#path-input"), "the path field");
    const token = await page.getAttribute('meta[name="afterglow-token"]', "content");
    assert.match(token, /^[0-9a-f]{16,}$/, "the page carries the write token");
    assert.ok(await page.isVisible('header a[href="/import"]'), "Import in the header");
    assert.ok(await page.isVisible('header a[href="/book"]'), "Make a book in the header");
    await assertNoInlineScript(page);
    await page.screenshot({ path: lib.screenshotPath("welcome-en.png") });
    assertClean(log, "welcome");
    await page.close();

    const zh = await open("/", CHINESE);
    await zh.page.setViewportSize({ width: 1000, height: 700 });
    assert.equal(await zh.page.getAttribute("html", "lang"), "zh-CN");
    assert.match(await zh.page.textContent("h1"), /把和 ChatGPT 的对话好好收藏起来/);
    assert.match(await zh.page.textContent(".steps"), /设置 → 数据管控 → 导出数据/);
    assert.match(await zh.page.textContent(".steps"), /24 小时/);
    assert.match(await zh.page.textContent(".drop-hint"), /拖到这里/);
    await zh.page.screenshot({ path: lib.screenshotPath("welcome-zh.png") });
    // The switch in the header turns it to English.
    await Promise.all([zh.page.waitForNavigation(), zh.page.click(".lang-switch")]);
    assert.equal(await zh.page.getAttribute("html", "lang"), "en");
    assertClean(zh.log, "welcome, Chinese");
    await zh.page.close();
  });

  test("a file that is not a zip, a path with nothing there, or a list of download links gets one sentence saying what to do, in the page's language", async () => {
    for (const [headers, notZip, notFound, links] of [
      [ENGLISH, /not a zip file\. Choose the \.zip file/, /no file or folder at that path/, /only lists where to download your Claude export/],
      [CHINESE, /这不是 zip 文件。请选择/, /这个位置没有找到文件或文件夹/, /只是 Claude 导出数据的下载链接清单/],
    ]) {
      const { page, log } = await open("/", headers);
      await page.setInputFiles("#import-file", {
        name: "chatgpt-export.zip",
        mimeType: "application/zip",
        buffer: Buffer.from("These are notes, not a zip file.\n"),
      });
      const sentence = await visibleText(page, "#import-error");
      assert.match(sentence, notZip);
      assert.equal(await page.getAttribute("#import-error", "data-code"), "not_a_zip");
      assert.ok(await page.isVisible("#drop-zone"), "the drop zone is offered again");
      await page.screenshot({ path: lib.screenshotPath("import-not-a-zip-" + headers["Accept-Language"].slice(0, 2) + ".png") });

      await page.fill("#path-input", path.join(lib.tempDir("nothing"), "no-such-export.zip"));
      await page.click("#import-path button");
      await page.waitForFunction(() => document.getElementById("import-error").getAttribute("data-code") === "not_found");
      assert.match(await visibleText(page, "#import-error"), notFound);
      assert.equal(await conversationsStored(page), 0, "the archive is left as it was");

      // Claude's 2026 e-mail brings a list of download links, not the export.
      await page.fill("#path-input", path.join(lib.SOURCE_DIR, "tests", "fixtures", "claude-2026",
        "manifest-e0000000-2026-09-10-21-25-17.json"));
      await page.click("#import-path button");
      await page.waitForFunction(() => document.getElementById("import-error").getAttribute("data-code") === "download_links");
      assert.match(await visibleText(page, "#import-error"), links);
      assert.equal(await conversationsStored(page), 0, "the archive is left as it was");
      assertClean(log, "refused import");
      await page.close();
    }
  });

  test("one import at a time: a second is refused in words; a page opened meanwhile follows the first and cancels it", async () => {
    const { page, log } = await open("/", ENGLISH);
    const token = await page.getAttribute('meta[name="afterglow-token"]', "content");
    // An upload that has begun and goes no further, sent as a page would send it.
    const bytes = fs.readFileSync(example);
    const port = new URL(origin).port;
    const stalled = http.request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/api/imports",
      headers: {
        Origin: origin,
        "Content-Type": "application/zip",
        "Content-Length": bytes.length,
        "X-Afterglow-Token": token,
        "X-Afterglow-Filename": encodeURIComponent("第一份.zip"),
      },
    });
    stalled.on("error", () => {});
    stalled.write(bytes.subarray(0, 1024));
    await page.waitForFunction(() => fetch("/api/app").then((r) => r.json()).then((b) => b.import !== null));

    // The page opened before it tries to import too: refused, in one sentence.
    await page.setInputFiles("#import-file", example);
    await page.waitForFunction(() => document.getElementById("import-error").getAttribute("data-code") === "busy");
    assert.match(await visibleText(page, "#import-error"), /Another import is already running/);

    // A page opened now shows the running import's progress instead of the drop zone.
    const zh = await open("/", CHINESE);
    await zh.page.waitForSelector("#import-progress", { state: "visible" });
    assert.equal(await zh.page.isVisible("#drop-zone"), false);
    assert.match(await zh.page.textContent("#import-phase"), /正在把导出文件交给 afterglow/);

    // Cancel there: the import ends as cancelled, and the archive is as it was.
    await zh.page.click("#import-cancel");
    await zh.page.waitForSelector("#import-error", { state: "visible", timeout: 60000 });
    assert.equal(await zh.page.getAttribute("#import-error", "data-code"), "cancelled");
    assert.match(await zh.page.textContent("#import-error"), /导入已取消，存档保持原样/);
    assert.ok(await zh.page.isVisible("#drop-zone"), "the drop zone is back");
    stalled.destroy();
    assert.equal(await conversationsStored(zh.page), 0);
    // The browser notes the refused request in the console; nothing else may be there.
    log.consoleErrors = log.consoleErrors.filter((e) => !/status of 409 \(Conflict\)/.test(e));
    assertClean(log, "busy");
    assertClean(zh.log, "following another's import");
    await page.close();
    await zh.page.close();
  });

  test("dropping the example export shows its progress, then the summary in words", async () => {
    const { page, log } = await open("/", ENGLISH);
    // Every phase the page names on the way.
    await page.evaluate(() => {
      window.phasesSeen = [];
      const phase = document.getElementById("import-panel");
      new MutationObserver(() => {
        const p = phase.getAttribute("data-phase");
        if (p && window.phasesSeen[window.phasesSeen.length - 1] !== p) window.phasesSeen.push(p);
      }).observe(phase, { attributes: true, attributeFilter: ["data-phase"] });
    });
    // A drop as the browser makes one: a DataTransfer holding a File of the export's bytes.
    const bytes = fs.readFileSync(example).toString("base64");
    await page.evaluate((base64) => {
      const raw = atob(base64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], "chatgpt-export.zip", { type: "application/zip" }));
      const zone = document.getElementById("drop-zone");
      for (const type of ["dragenter", "dragover", "drop"]) {
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      }
    }, bytes);
    await page.waitForSelector("#import-result", { state: "visible", timeout: 120000 });
    const phases = await page.evaluate(() => window.phasesSeen);
    assert.equal(phases[0], "upload", "the upload is shown first: " + phases.join());
    assert.equal(phases[phases.length - 1], "finished", phases.join());
    assert.equal(await page.getAttribute("#import-bar", "aria-valuenow"), "100");

    const c = expected.conversations;
    const summary = await page.textContent("#import-summary");
    assert.match(summary, new RegExp("Imported " + c.new + " new conversations and updated " + c.updated +
      "; " + c.unchanged + " unchanged\\."));
    assert.match(summary, new RegExp(expected.messages.total + " messages in all, " + expected.messages.new + " of them new"));
    assert.match(summary, new RegExp("Attachments: " + expected.attachments.stored + " saved, " +
      expected.attachments.unavailable + " not in the export"));
    assert.match(summary, new RegExp("\\(" + expected.sources.new + " new\\)"));
    assert.equal(await conversationsStored(page), c.new);
    await page.screenshot({ path: lib.screenshotPath("import-done-en.png") });

    // The same export again, chosen with the file button this time: nothing changes.
    await page.click("#import-again");
    await page.setInputFiles("#import-file", example);
    await page.waitForSelector("#import-result", { state: "visible", timeout: 120000 });
    const again = await page.textContent("#import-summary");
    assert.match(again, new RegExp("Imported 0 new conversations and updated 0; " + c.new + " unchanged\\."));
    assert.match(again, /Nothing changed/);

    // On to the conversations.
    await Promise.all([page.waitForNavigation(), page.click("#import-open")]);
    assert.match(page.url(), /\/conversations$/);
    const titles = await page.$$eval(".summaries .title", (els) => els.map((e) => e.textContent));
    assert.equal(titles.length, c.new);
    await Promise.all([page.waitForNavigation(), page.click("text=工作压力和睡不着")]);
    assert.match(page.url(), /\/c\/aa06b67a-7532-57bd-ad5b-f648585434d4/);
    assert.ok((await page.locator(".conversation section.msg").count()) >= 2, "the conversation is shown");
    assertClean(log, "import by drop");
    await page.close();
  });

  test("the archive imported from the page is searched in Chinese, and home shows it", async () => {
    const { page, log } = await open("/", CHINESE);
    assert.equal(await page.$("#drop-zone"), null, "no welcome once there are conversations");
    assert.match(await page.textContent("h2"), /最近的对话/);
    await page.fill("#q", "压力");
    await Promise.all([page.waitForNavigation(), page.press("#q", "Enter")]);
    const groups = await page.$$eval(".hit-group .title", (els) => els.map((e) => e.textContent));
    assert.ok(groups.includes("工作压力和睡不着"), groups.join());
    assert.ok((await page.$$eval(".snippet mark", (m) => m.map((e) => e.textContent))).includes("压力"));
    // /import is still there for a newer export, in the header of every page.
    await Promise.all([page.waitForNavigation(), page.click('header a[href="/import"]')]);
    assert.ok(await page.isVisible("#drop-zone"));
    assert.match(await page.textContent("h1"), /导入数据/);
    assertClean(log, "search after import");
    await page.close();
  });

  test("a single-file book is made from the page and downloaded", async () => {
    const { page, log } = await open("/book", ENGLISH);
    assert.ok(await page.isVisible("#book-form"));
    // PDF is offered only when afterglow found a browser to print with.
    const pdf = await page.evaluate(() => fetch("/api/app").then((r) => r.json()).then((b) => b.pdf));
    await page.waitForFunction((expectDisabled) =>
      document.querySelector('input[name="format"][value="pdf"]').disabled === expectDisabled, !pdf);
    assert.equal(await page.isVisible("#no-pdf"), !pdf, "the note on PDF");
    await page.fill("#book-title", "Our conversations");
    await page.fill("#book-dedication", "For Mom");
    await page.check('input[name="pick"][value="search"]');
    assert.ok(await page.isVisible("#book-query"), "the search field shows with its choice");
    await page.fill("#book-query", "压力");
    await page.check('input[name="format"][value="single-file"]');
    assert.equal(await page.isChecked("#book-memories"), false, "what it remembered is opt-in");
    await page.check("#book-memories");
    await page.click("#book-make");
    await page.waitForSelector("#book-result", { state: "visible", timeout: 120000 });
    assert.match(await page.textContent("#book-summary"), /It holds 1 conversation: \d+ messages/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#book-download")]);
    assert.match(download.suggestedFilename(), /\.html$/);
    const saved = path.join(lib.tempDir("download"), download.suggestedFilename());
    await download.saveAs(saved);
    const html = fs.readFileSync(saved, "utf8");
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.match(html, /Our conversations/);
    assert.match(html, /For Mom/);
    assert.match(html, /工作压力和睡不着/);
    assert.doesNotMatch(html, /梦见外婆/, "only what the search found");
    assert.match(html, /What it remembered|它记得的事/, "the chapter chosen with its checkbox");
    assert.match(html, /old grey cat named Mimi/, "the memory snapshot in it");
    await page.screenshot({ path: lib.screenshotPath("book-done-en.png"), fullPage: true });
    assertClean(log, "book");
    await page.close();
  });

  test("a book as a zipped folder, and as a PDF when a browser to print with was found", async () => {
    const { page, log } = await open("/book", ENGLISH);
    const pdf = await page.evaluate(() => fetch("/api/app").then((r) => r.json()).then((b) => b.pdf));
    const formats = [["folder", /\.zip$/, "PK\u0003\u0004"]];
    if (pdf) formats.push(["pdf", /\.pdf$/, "%PDF-"]);
    for (const [format, name, magic] of formats) {
      await page.check('input[name="pick"][value="gpt-4o"]');
      await page.check('input[name="format"][value="' + format + '"]');
      await page.click("#book-make");
      await page.waitForSelector("#book-result", { state: "visible", timeout: 240000 });
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#book-download")]);
      assert.match(download.suggestedFilename(), name, format);
      const saved = path.join(lib.tempDir("download"), download.suggestedFilename());
      await download.saveAs(saved);
      const bytes = fs.readFileSync(saved);
      assert.equal(bytes.subarray(0, magic.length).toString("latin1"), magic, format);
      if (format === "folder") assert.ok(bytes.includes(Buffer.from("index.html")), "the zip holds the book's index.html");
      await page.click("#book-again");
    }
    assertClean(log, "book formats");
    await page.close();
  });

  test("a search that matches nothing is told in words, in Chinese too", async () => {
    const { page, log } = await open("/book", CHINESE);
    await page.check('input[name="pick"][value="search"]');
    await page.fill("#book-query", "zzzqqqxxx");
    await page.click("#book-make");
    await page.waitForFunction(() => document.getElementById("book-error").getAttribute("data-code"));
    assert.equal(await page.getAttribute("#book-error", "data-code"), "no_conversations");
    assert.match(await visibleText(page, "#book-error"), /没有符合条件的对话/);
    assert.ok(await page.isVisible("#book-form"), "the form is offered again");
    assertClean(log, "book, nothing matched");
    await page.close();
  });

  test("a continuity packet is exported from the page in Chinese and downloaded as a zip", async () => {
    const { page, log } = await open("/export", CHINESE);
    assert.ok(await page.isVisible('header a[href="/export"]'), "Export in the header");
    assert.ok(await page.isVisible("#export-form"));
    assert.equal(await page.isVisible("#export-budget"), false, "the size is asked only for the packet");
    await page.check('input[name="format"][value="packet"]');
    assert.ok(await page.isVisible("#export-budget"));
    await page.fill("#export-budget", "4000");
    await page.check('input[name="pick"][value="search"]');
    await page.fill("#export-query", "压力");
    await page.click("#export-make");
    await page.waitForSelector("#export-result", { state: "visible", timeout: 120000 });
    assert.match(await page.textContent("#export-summary"), /共导出 1 段对话/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-download")]);
    assert.equal(download.suggestedFilename(), "afterglow-packet.zip");
    const saved = path.join(lib.tempDir("download"), download.suggestedFilename());
    await download.saveAs(saved);
    const bytes = fs.readFileSync(saved);
    assert.equal(bytes.subarray(0, 4).toString("latin1"), "PK\u0003\u0004");
    for (const name of ["packet.md", "packet.json", "README.md"]) {
      assert.ok(bytes.includes(Buffer.from(name)), "the zip holds " + name);
    }
    await page.screenshot({ path: lib.screenshotPath("export-done-zh.png"), fullPage: true });
    // A packet too small for one exchange is stopped by the form itself (the server refuses it
    // too: tests/server), and the form stays.
    await page.click("#export-again");
    await page.fill("#export-budget", "10");
    await page.click("#export-make");
    assert.ok(await page.$eval("#export-budget", (el) => el.validity.rangeUnderflow));
    assert.ok(await page.isVisible("#export-form"), "the form is still there");
    assert.equal(await page.isVisible("#export-progress"), false, "nothing was started");
    assertClean(log, "export");
    await page.close();
  });
});
