// Shared pieces of the browser tests: a static server for the built app, headless Debian
// Chromium through playwright-core, and a watch on every page for uncaught errors and panics.
import { before, after, afterEach } from "node:test";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = join(ROOT, "dist");
export const SHARED = process.env.DTAO_SHARED || resolve(ROOT, "../shared");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".png": "image/png",
};

/** Serve `root` on a free loopback port. `extra(req, res)` may answer first (return true). */
export async function startServer(root = DIST, extra = null) {
  if (!existsSync(join(root, "index.html"))) {
    throw new Error(`${root}/index.html is missing: build the app first (trunk build --release)`);
  }
  const server = createServer(async (req, res) => {
    try {
      if (extra && (await extra(req, res))) return;
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      const body = await readFile(file);
      // Like most static hosts: readable cross-origin, so the widget works on other sites.
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
        "access-control-allow-origin": "*",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    // Playwright gives every launch a fresh, empty --user-data-dir of its own.
  });
}

/** Every problem any watched page had, for `assertNoProblems` after each test. */
const allProblems = [];

/**
 * Record uncaught errors, console errors and Rust panics of a page. `allow` lists messages a
 * test provokes on purpose (a refused fetch, say); anything else fails the test.
 */
const SITE_SNAPSHOT = /\/snapshot\.json(\?|"|$)/;

export function watch(page, { allow = [] } = {}) {
  const problems = [];
  const record = (message) => {
    if (allow.some((re) => re.test(message))) return;
    problems.push(message);
    allProblems.push(`${page.url()}: ${message}`);
  };
  page.on("pageerror", (e) => record(`uncaught: ${e.message}`));
  page.on("console", (m) => {
    const text = m.text();
    // The app asks for the site's snapshot.json on start; a site without one answers 404 (or,
    // offline, nothing), which the browser logs. That is the normal case, not a problem.
    if (SITE_SNAPSHOT.test(m.location()?.url || "") || SITE_SNAPSHOT.test(text)) return;
    if (m.type() === "error" || /panicked|RuntimeError|unreachable/.test(text)) {
      record(`console ${m.type()}: ${text}`);
    }
  });
  return problems;
}

/** Fails if any watched page had an uncaught error, a console error or a panic. */
export function assertNoProblems() {
  const found = allProblems.splice(0);
  if (found.length) throw new Error(`uncaught errors or panics:\n${found.join("\n")}`);
}

/** A new page at the given viewport, watched. */
export async function openPage(browser, { width = 1280, height = 900, colorScheme = "light", allow = [] } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const problems = watch(page, { allow });
  return { page, problems, context };
}

/**
 * The set-up most test files share: one static server of the built app and one browser for
 * all their tests, and each test failing on any page's uncaught error or panic. `page()` is a
 * new watched page; `open(path)` one that has loaded `path` of the app and mounted it.
 */
export function appSuite() {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(assertNoProblems);
  return {
    get url() {
      return server.url;
    },
    page: (options) => openPage(browser, options),
    async open(path, options) {
      const opened = await openPage(browser, options);
      await opened.page.goto(`${server.url}${path}`);
      await ready(opened.page);
      return opened;
    },
  };
}

/** Wait until the app has mounted (the first figure exists) and finished what it computes
 * after its first paint (the screener's largest trades and thresholds, under `aria-busy`). */
export async function ready(page) {
  await page.waitForSelector('[data-testid="data-line"]', { timeout: 15000 });
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 15000 });
}

export async function dataValue(page, testid) {
  return page.locator(`[data-testid="${testid}"]`).getAttribute("data-value");
}

/** A result's `data-value` as a number, for comparisons. */
export async function numberValue(page, testid) {
  return Number(await dataValue(page, testid));
}

export async function text(page, testid) {
  return (await page.locator(`[data-testid="${testid}"]`).textContent()).trim();
}

/** "33.322141508" -> 33322141508n (rao). */
export function toRao(decimal) {
  const [whole, frac = ""] = decimal.split(".");
  if (frac.length > 9) throw new Error(`${decimal} has more than 9 decimals`);
  return BigInt(whole) * 1_000_000_000n + BigInt(frac.padEnd(9, "0"));
}

/** 33322141508 (rao, string or bigint) -> "33.322141508". */
export function fromRao(rao) {
  const v = BigInt(rao);
  const whole = v / 1_000_000_000n;
  const frac = (v % 1_000_000_000n).toString().padStart(9, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}

export async function loadJson(relative) {
  return JSON.parse(await readFile(join(SHARED, relative), "utf8"));
}

/**
 * A second server on another port (so another origin) serving data files the way real hosts
 * do: with or without cross-origin headers, failing, slow or huge. `files` maps a path to
 * `{ body, status?, cors?, delayMs?, type?, headers? }`.
 */
export async function startDataServer(files) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const file = files[path];
    if (!file) {
      res.writeHead(404, { "access-control-allow-origin": "*" }).end("no such file");
      return;
    }
    if (file.delayMs) await new Promise((ok) => setTimeout(ok, file.delayMs));
    const headers = { "content-type": file.type || "application/json", ...(file.headers || {}) };
    if (file.cors !== false) headers["access-control-allow-origin"] = "*";
    if (file.chunked) {
      // No content-length: the page has to stop reading at its cap by itself.
      res.writeHead(file.status || 200, headers);
      const chunk = "x".repeat(64 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < file.chunked) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once("drain", more);
        }
        res.end();
      };
      res.on("error", () => {});
      more();
      return;
    }
    res.writeHead(file.status || 200, headers);
    res.end(file.body);
  });
  server.on("clientError", () => {});
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
