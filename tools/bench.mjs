// Browser timings for the README (run by tools/bench after a release build and the floor's): cold
// first render of each calculator over http and from file:// (median of 10 loads, each in a fresh
// browser context) with where its time goes (the app's User Timing marks, src/ui/shell/timing.rs), the
// same for the empty Leptos app (target/floor), and the time from typing a new amount to the
// updated result on screen (median of 50). Prints Markdown tables beside the targets of issue 18.
// Never part of the tests: timings vary with the machine. BENCH_ONLY=pool,screen measures only those
// calculators (by the first word of their name) and skips the live read, for comparing builds.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { startChainServer } from "../tests/browser/live-server.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = process.env.BENCH_DIST || join(ROOT, "dist");
const FLOOR = join(process.env.CARGO_TARGET_DIR || join(ROOT, "target"), "floor");
const TARGET = { http: 150, file: 200, input: 8 };
const LOADS = 10;
const INPUTS = 50;

const CALCULATORS = [
  ["pool", "calc=pool&netuid=64&amount=100", "pool-received", "#amount"],
  ["returns", "calc=returns&netuid=64&amount=100", "returns-net-tao", "#amount"],
  ["take", "calc=take&netuid=64&amount=100", "take-earned-1", "#amount"],
  ["conviction", "calc=conviction&netuid=64&lock=10000", "conviction-score", "#lock"],
  // Typing an amount: every subnet's row recomputed (129: returns form, headline, exit leg; the
  // largest trades and cost-vs-yield thresholds kept, as they do not depend on it) and the table
  // and chart redrawn.
  // Its first render is the table without the largest trades and the cost-vs-yield
  // thresholds, which follow after the first paint: "every column" times those too.
  ["screen (all rows)", "calc=screen&amount=100", "screen-net-64", "#amount", 30,
    '[data-testid="screen-table"]:not([aria-busy])'],
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (v) => `${v.toFixed(1)} ms`;
/** A figure and whether it meets its target (lower is better). */
const vs = (v, target) => `${ms(v)} ${v < target ? "(met)" : "(**not met**)"}`;

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
const server = createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let root = DIST;
  if (path.startsWith("/floor/")) {
    root = FLOOR;
    path = path.slice("/floor".length);
  }
  const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});

/** Milliseconds from navigation start to the first element matching `selector`, with the User
 * Timing marks the page set before it (name → milliseconds from navigation start). */
async function firstRender(url, selector, complete = selector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.addInitScript(([sel, done]) => {
    new MutationObserver((_, observer) => {
      if (window.__firstResult === undefined && document.querySelector(sel)) {
        window.__firstResult = performance.now();
      }
      if (window.__firstResult !== undefined && document.querySelector(done)) {
        window.__complete = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, [selector, complete]);
  await page.goto(url);
  await page.waitForFunction(() => window.__complete !== undefined, null, { timeout: 30000 });
  const t = await page.evaluate(() => ({
    total: window.__firstResult,
    complete: window.__complete,
    marks: Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])),
  }));
  await context.close();
  return t;
}

/** Milliseconds from an input event to the result changing, and to the next frame after it. */
async function inputToResult(url, testid, field) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(`[data-testid="${testid}"][data-value]`);
  const times = await page.evaluate(async ({ testid, field, count }) => {
    const input = document.querySelector(field);
    const result = () => document.querySelector(`[data-testid="${testid}"]`);
    const out = [];
    for (let i = 0; i < count; i += 1) {
      const before = result().dataset.value;
      const value = String(100 + (i % 2 === 0 ? i + 1 : -(i + 1)) / 10);
      const changed = new Promise((ok) => {
        const observer = new MutationObserver(() => {
          if (result().dataset.value !== before) {
            observer.disconnect();
            ok(performance.now());
          }
        });
        observer.observe(document.body, { subtree: true, attributes: true, childList: true });
      });
      const start = performance.now();
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const updated = await changed;
      const painted = await new Promise((ok) => requestAnimationFrame(() => ok(performance.now())));
      out.push([updated - start, painted - start]);
      await new Promise((ok) => setTimeout(ok, 20));
    }
    return out;
  }, { testid, field, count: INPUTS });
  await context.close();
  return { dom: median(times.map((t) => t[0])), frame: median(times.map((t) => t[1])) };
}

/** Medians of the steps to the first figure: loading and compiling the wasm (with unpacking it,
 * from the single file), reading the bundled snapshot, building the page (components and the
 * first model run), and the rest (the observer's turn). */
function steps(loads) {
  const part = (f) => median(loads.map(f));
  const start = (l) => l.marks["dtao:start"];
  return {
    unpack: part((l) => l.marks["dtao:unpacked"] ?? 0),
    load: part((l) => start(l) - (l.marks["dtao:unpacked"] ?? 0)),
    data: part((l) => l.marks["dtao:data-read"] - start(l)),
    build: part((l) => l.marks["dtao:mounted"] - l.marks["dtao:data-read"]),
    rest: part((l) => l.total - l.marks["dtao:mounted"]),
  };
}

const single = pathToFileURL(join(DIST, "dtao-calc.html")).href;
const rows = [];
const breakdown = [];
// The screener's keystroke redraws 129 rows and the chart: its target is issue 17's 30 ms.
const only = process.env.BENCH_ONLY?.split(",");
const measured = CALCULATORS.filter(([name]) => !only || only.includes(name.split(" ")[0]));
const complete = [];
for (const [name, query, testid, field, inputTarget = TARGET.input, done] of measured) {
  const http = [];
  const file = [];
  const first = `[data-testid="${testid}"][data-value]`;
  for (let i = 0; i < LOADS; i += 1) {
    http.push(await firstRender(`${base}/?${query}`, first, done));
    file.push(await firstRender(`${single}?${query}`, first, done));
  }
  if (done) {
    complete.push(`| ${name}, every column | ${ms(median(http.map((l) => l.complete)))} | ${ms(median(file.map((l) => l.complete)))} | | |`);
  }
  const input = await inputToResult(`${base}/?${query}`, testid, field);
  const h = median(http.map((l) => l.total));
  const f = median(file.map((l) => l.total));
  rows.push(`| ${name} | ${vs(h, TARGET.http)} | ${vs(f, TARGET.file)} | ${vs(input.dom, inputTarget)} | ${ms(input.frame)} |`);
  for (const [how, loads] of [["http", http], ["file://", file]]) {
    const p = steps(loads);
    const unpack = how === "http" ? "" : `${ms(p.unpack)} + `;
    breakdown.push(`| ${name}, ${how} | ${unpack}${ms(p.load)} | ${ms(p.data)} | ${ms(p.build)} | ${ms(p.rest)} |`);
  }
}
const floorHttp = [];
const floorFile = [];
for (let i = 0; i < LOADS; i += 1) {
  floorHttp.push((await firstRender(`${base}/floor/`, "button")).total);
  floorFile.push((await firstRender(pathToFileURL(join(FLOOR, "dtao-floor.html")).href, "button")).total);
}

console.log(`| Calculator | First render, http (target < ${TARGET.http} ms) | First render, file:// (single file; < ${TARGET.file} ms) | Input → result in the DOM (< ${TARGET.input} ms; screener < 30 ms) | Input → next frame |`);
console.log(`| --- | --- | --- | --- | --- |`);
for (const row of rows) console.log(row);
for (const row of complete) console.log(row);
console.log(`| *empty Leptos app (the floor)* | ${ms(median(floorHttp))} | ${ms(median(floorFile))} | | |`);
console.log();
console.log("Where the first render's time goes (medians; from file:// the wasm is unpacked first):");
console.log();
console.log("| Calculator, how | [unpack +] load and compile the wasm | read the bundled snapshot | build the page (first model run included) | to the observer |");
console.log("| --- | --- | --- | --- | --- |");
for (const row of breakdown) console.log(row);

/** Milliseconds from the pretend node's last reply reaching the page to the figures showing the
 * live data: the live module decodes, writes dtao-snapshot/2, the app reads it and redraws. */
async function liveReplyToFigures(rpc) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(...args) {
        super(...args);
        this.addEventListener("message", () => { window.__lastReply = performance.now(); });
      }
    };
    new MutationObserver(() => {
      const line = document.querySelector('[data-testid="data-line"]');
      if (window.__live === undefined && line && line.textContent.includes("Live ·")) window.__live = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`${base}/?calc=pool&netuid=64&live=1&rpc=${encodeURIComponent(rpc)}`);
  await page.waitForFunction(() => window.__live !== undefined, null, { timeout: 30000 });
  const t = await page.evaluate(() => window.__live - window.__lastReply);
  await context.close();
  return t;
}

if (only) {
  await browser.close();
  server.close();
  process.exit(0);
}
const chain = await startChainServer();
const live = [];
for (let i = 0; i < LOADS; i += 1) live.push(await liveReplyToFigures(chain.url("/")));
await chain.close();
console.log();
console.log(`| Live data (pretend node on 127.0.0.1) | Time |`);
console.log(`| --- | --- |`);
console.log(`| the node's last reply → figures (129 subnets, decode + rebuild; median of ${LOADS}) | ${ms(median(live))} |`);
await browser.close();
server.close();
