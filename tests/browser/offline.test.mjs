// The single-file build (dist/dtao-calc.html): opened from file:// with the network cut off,
// and again from a saved copy of the rendered page, which must show the app once and work.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile, readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { DIST, launch, watch, ready, dataValue, text, assertNoProblems } from "./harness.mjs";

const SINGLE = join(DIST, "dtao-calc.html");
let browser;

before(async () => {
  if (!existsSync(SINGLE)) throw new Error(`${SINGLE} is missing: build the app first`);
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

// Any uncaught error or panic on any page fails the test that caused it.
afterEach(assertNoProblems);

/** A context with no network at all: every http(s) request fails. */
async function offlineContext() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  await context.route(/^https?:/, (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await context.setOffline(true);
  return { context, requests };
}

test("the single file carries everything: no other file, no module script", async () => {
  const html = await readFile(SINGLE, "utf8");
  assert.ok(!/<script[^>]*type="module"/.test(html), "no module script");
  assert.ok(!/(src|href)=["'][^"']*\.(wasm|js)["']/.test(html), "no separate script or wasm");
  assert.ok(!/<link[^>]*stylesheet/.test(html), "no external stylesheet");
  assert.ok((await stat(SINGLE)).size > 100_000, "holds the wasm");
});

test("works from file:// with the network cut off, by URL and by typing", async () => {
  const { context, requests } = await offlineContext();
  const page = await context.newPage();
  const problems = watch(page);
  const url = `${pathToFileURL(SINGLE)}?calc=pool&netuid=&tao_in=10&alpha_in=100&amount=5`;
  await page.goto(url);
  await ready(page);
  assert.equal(await dataValue(page, "pool-received"), "33.322141508");
  assert.match(await text(page, "data-line"), /block 8,791,253/);
  await page.locator("#amount").fill("2.5");
  await page.waitForFunction(
    () => document.querySelector('[data-testid="pool-received"]')?.dataset.value === "19.991942426",
  );
  // fee floor(2.5e9 * 33 / 65535) = 1,258,869 rao; 100 * 2.498741131 / 12.498741131 alpha
  assert.equal(await dataValue(page, "pool-received"), "19.991942426");
  // The screener too: every subnet's figures, computed in the file.
  await page.goto(`${pathToFileURL(SINGLE)}?calc=screen&amount=100&q=sn64`);
  await ready(page);
  assert.ok(Number(await dataValue(page, "screen-net-64")) > 0);
  assert.ok(Number(await dataValue(page, "screen-cost-exceeds-yield-64")) > 0);
  assert.deepEqual(requests, [], "no network request");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a saved copy of the rendered page shows the app once and keeps working", async () => {
  const { context, requests } = await offlineContext();
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${pathToFileURL(SINGLE)}?calc=pool&netuid=64&amount=10`);
  await ready(page);
  await page.waitForSelector('[data-testid="pool-received"][data-value]');
  // What "Save page as" writes: the DOM as rendered, scripts included.
  const saved = await page.evaluate(() => "<!DOCTYPE html>\n" + document.documentElement.outerHTML);
  assert.match(saved, /You receive/);
  const dir = await mkdtemp(join(tmpdir(), "dtao-saved-"));
  const file = join(dir, "saved.html");
  await writeFile(file, saved);

  const copy = await context.newPage();
  const copyProblems = watch(copy);
  await copy.goto(`${pathToFileURL(file)}?calc=pool&netuid=64&amount=20`);
  await copy.waitForSelector('[data-testid="pool-received"][data-value]');
  assert.equal(await copy.locator(".app").count(), 1, "the app appears once");
  assert.equal(await copy.locator('[data-testid="pool-received"]').count(), 1);
  assert.equal(await copy.locator("#amount").inputValue(), "20");
  await copy.locator("#amount").fill("10");
  await copy.waitForFunction(
    () => document.querySelector('[data-testid="pool-received"]')?.dataset.value === "114.895179535",
  );
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  assert.deepEqual(copyProblems, []);
  await context.close();
});
