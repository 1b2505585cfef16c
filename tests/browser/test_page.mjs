// The page at GET / in a real browser: Debian's chromium driven by
// playwright-core. Starts `lede serve` on a free 127.0.0.1 port, waits for
// /readyz, pastes a fixture page, and checks that the highlights, the panels
// and the JSON tab show what the API returned; then an error case, a page
// whose text holds characters outside the BMP (offsets are code points), and
// a phone-width layout. Saves screenshots in OUTDIR. The server is stopped by
// PID on every exit path.
//
// node tests/browser/test_page.mjs LEDE FIXTURE OUTDIR
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [lede, fixture, outdir] = process.argv.slice(2);
if (!lede || !fixture || !outdir) {
  console.error("usage: node test_page.mjs LEDE FIXTURE OUTDIR");
  process.exit(2);
}
mkdirSync(outdir, { recursive: true });

let server = null;
let browser = null;
let profile = null;
let failures = 0;

function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) {
    try { process.kill(server.pid, "SIGTERM"); } catch { /* already gone */ }
  }
}
process.on("exit", () => {
  stopServer();
  if (profile) rmSync(profile, { recursive: true, force: true });
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(1));

function check(cond, what) {
  if (cond) console.log("ok   " + what);
  else { console.log("FAIL " + what); failures++; }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

async function waitReady(base, log) {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("server exited: " + log.join(""));
    try {
      const r = await fetch(base + "/readyz");
      if (r.status === 200) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("server not ready within 60 s: " + log.join(""));
}

async function api(base, body) {
  const r = await fetch(base + "/v1/extract", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  return { status: r.status, json: await r.json() };
}

const cps = (s) => Array.from(s);
const slice = (text, start, end) => cps(text).slice(start, end).join("");
const squash = (s) => s.replace(/\s+/g, " ").trim();

// Text of every element matching sel in document order, without the labels
// the page adds (speaker badges, claim tips).
function markedText(page, sel) {
  return page.$$eval(sel, (els) => els.map((e) => {
    const c = e.cloneNode(true);
    c.querySelectorAll(".speaker, .tip").forEach((x) => x.remove());
    return c.textContent;
  }).join(""));
}

async function extractInPage(page, html, useKeyboard) {
  await page.fill("#input", html);
  if (useKeyboard) {
    await page.focus("#input");
    await page.keyboard.press("Control+Enter");
  } else {
    await page.click("#extract");
  }
  await page.waitForFunction(() => !document.getElementById("extract").disabled &&
    (document.getElementById("status").textContent.startsWith("Done") ||
     !document.getElementById("error").hidden));
}

async function checkArticle(page, d, label) {
  check(squash(await page.textContent("#headline")) === squash(d.headline || "(no headline found)"),
        label + ": headline shown");
  // Every entity: its marks spell its mentions, in order.
  let allOk = true;
  for (let i = 0; i < (d.entities || []).length; i++) {
    const want = d.entities[i].mentions.slice().sort((a, b) => a.start - b.start)
      .map((m) => slice(d.text, m.start, m.end)).join("");
    const got = await markedText(page, `#article mark[data-ent="${i}"]`);
    if (got !== want) { allOk = false; console.log(`  entity ${i}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`); }
    const mentions = d.entities[i].mentions.map((m) => m.text);
    if (mentions.some((t) => !want.includes(t))) { allOk = false; console.log(`  entity ${i}: offsets do not match mention texts`); }
  }
  check(allOk, label + ": entity highlights cover exactly the mentions (code-point offsets)");
  allOk = true;
  for (let i = 0; i < (d.quotes || []).length; i++) {
    const q = d.quotes[i];
    const got = await markedText(page, `#article [data-quote="${i}"]`);
    if (squash(got).replace(/ /g, "") !== squash(slice(d.text, q.start, q.end)).replace(/ /g, "")) {
      allOk = false; console.log(`  quote ${i}: got ${JSON.stringify(got)}`);
    }
  }
  check(allOk, label + ": quotes underlined over their spans");
  check(await page.locator("#article .speaker").count() === (d.quotes || []).length,
        label + ": one speaker label per quote");
  const claims = d.numeric_claims || [];
  allOk = true;
  for (let i = 0; i < claims.length; i++) {
    const got = await markedText(page, `#article [data-claim="${i}"]`);
    if (got !== slice(d.text, claims[i].start, claims[i].end)) { allOk = false; console.log(`  claim ${i}: got ${JSON.stringify(got)}`); }
  }
  check(allOk, label + ": numeric claims marked over their spans");
}

async function main() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = [];
  server = spawn(lede, ["serve", "--bind", "127.0.0.1", "--port", String(port), "--threads", "2"],
                 { stdio: ["ignore", "ignore", "pipe"] });
  server.stderr.on("data", (b) => { if (log.length < 200) log.push(b.toString()); });
  await waitReady(base, log);

  const html = readFileSync(fixture, "utf8");
  const want = await api(base, { html });
  check(want.status === 200, "API answers the fixture");
  const d = want.json;

  profile = mkdtempSync(join(tmpdir(), "lede-chromium-"));
  // A fresh profile (--user-data-dir) each run, given the way playwright wants it.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    acceptDownloads: true,
    // Playwright's polling predicates are evaluated strings, which the page's
    // Content-Security-Policy forbids (its header is checked below).
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = browser.pages()[0] || await browser.newPage();
  const external = [];
  page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("blob:")) external.push(r.url()); });
  const consoleErrors = [];
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error" && !/Failed to load resource/.test(m.text())) consoleErrors.push(m.text()); });

  const resp = await page.goto(base + "/");
  check(resp.status() === 200 && resp.headers()["content-type"].startsWith("text/html"), "GET / serves the page");
  check(/default-src 'none'/.test(resp.headers()["content-security-policy"] || ""), "the page is served with a strict CSP");
  check((await page.getAttribute("#input", "id")) === "input" &&
        (await page.locator('label[for="input"]').count()) === 1, "the input has a label");

  await extractInPage(page, html, false);
  check(await page.isVisible("#result") && await page.isHidden("#error"), "result shown, no error");
  await checkArticle(page, d, "fixture");

  // Panels.
  const ents = d.entities || [];
  check(await page.locator(".ent-list li button").count() === ents.length, "entity panel lists every entity");
  if (ents.length) {
    const counts = await page.$$eval(".ent-list li button > .n", (e) => e.map((x) => +x.textContent));
    check(counts.every((c, i) => i === 0 || counts[i - 1] >= c), "entities sorted by count");
    const first = page.locator(".ent-list li button").first();
    const idx = +(await first.getAttribute("data-ent"));
    await first.focus();
    await page.keyboard.press("Enter");
    const active = await page.locator("#article mark.ent.active").count();
    const marks = await page.locator(`#article mark[data-ent="${idx}"]`).count();
    check(active === marks && active >= ents[idx].mentions.length &&
          (await first.getAttribute("aria-pressed")) === "true",
          `keyboard on an entity highlights all ${marks} of its mentions`);
  }
  const quoteItems = await page.locator("#p-quotes li").count();
  check(quoteItems === (d.quotes || []).length, "quote panel lists every quote");
  const speakers = new Set((d.quotes || []).map((q) => (q.speaker && (q.speaker.text || q.speaker.name || q.speaker)) || (q.speaker_mention && q.speaker_mention.text) || "Unattributed"));
  check(await page.locator("#p-quotes .quote-group").count() === speakers.size, "quotes grouped by speaker");
  const claims = d.numeric_claims || [];
  check(await page.locator("#claims-table tbody tr").count() === claims.length, "claims table has one row per claim");
  if (claims.length) {
    const c = page.locator("#article .claim").first();
    await c.hover();
    const tip = await c.locator(".tip").first();
    check(await tip.isVisible() && (await tip.textContent()).includes("value"), "hovering a number shows its value, unit and qualifier");
  }
  const provRows = await page.locator("#p-provenance tr").count();
  check(provRows === Object.keys(d.provenance || {}).filter((k) => d.provenance[k] != null).length, "provenance panel lists every field");
  check(await page.locator("#p-timings tr").count() === Object.keys(d.timings_ms || {}).length, "timings panel shown");
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(outdir, "page.png"), fullPage: false });

  // JSON tab: the raw answer, the same as the API's (timings aside).
  await page.click("#tab-json");
  check(await page.isVisible("#json-text") && await page.isHidden("#panel-article"), "JSON tab switches the view");
  const shown = JSON.parse(await page.textContent("#json-text"));
  const strip = (o) => { const c = structuredClone(o); delete c.timings_ms; return c; };
  check(JSON.stringify(strip(shown)) === JSON.stringify(strip(d)), "JSON tab shows the API's answer");
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  check(dl.suggestedFilename().endsWith(".json"), "download button offers a .json file");
  await page.focus("#tab-json");
  await page.keyboard.press("ArrowLeft");
  check(await page.isVisible("#panel-article"), "arrow keys move between tabs");

  // Error case: the API refuses a loopback URL; the page says so.
  await extractInPage(page, "http://127.0.0.1:1/story.html", false);
  const err = await page.isVisible("#error") ? await page.textContent("#error") : "";
  check(/HTTP 4\d\d/.test(err) && err.length > 30, "an API error appears as a clear message: " + JSON.stringify(err.slice(0, 120)));
  await extractInPage(page, "   ", false);
  check((await page.textContent("#error")).includes("Nothing to extract"), "empty input gets a message");

  // Code points, not UTF-16 units: a page with emoji and astral letters.
  const astral = "<html lang=en><head><title>Bridge talks</title></head><body><article><h1>Bridge talks</h1>" +
    "<p>\u{1F309}\u{1F309} Angela Merkel met Emmanuel Macron in Paris on Monday, " +
    "and the two leaders \u{1D4D0}\u{1D4D1} agreed to spend 4 billion euros on rail.</p>" +
    "<p>\"We agree on the plan,\" Merkel told reporters in Paris.</p>" +
    "<p>Macron said the line would open in 2030, carrying about 20 million passengers a year.</p></article></body></html>";
  const a = (await api(base, { html: astral })).json;
  await extractInPage(page, astral, true);
  check((a.entities || []).length > 0, "astral page has entities (" + (a.entities || []).length + ")");
  await checkArticle(page, a, "astral page");

  // Phone width: no sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  check(wide <= 392, `readable on a phone (page width ${wide}px at 390px)`);
  await page.screenshot({ path: join(outdir, "page-phone.png") });

  check(external.length === 0, "no request leaves the server: " + external.join(", "));
  check(consoleErrors.length === 0, "no script errors: " + consoleErrors.join("; "));
  console.log(`screenshots: ${join(outdir, "page.png")}, ${join(outdir, "page-phone.png")}`);
}

try {
  await main();
} catch (e) {
  console.log("FAIL " + (e && e.stack || e));
  failures++;
} finally {
  if (browser) await browser.close().catch(() => {});
  stopServer();
}
console.log(failures ? `test_page: ${failures} check(s) failed` : "test_page: all checks passed");
process.exit(failures ? 1 : 0);
