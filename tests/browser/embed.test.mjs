// Embedding and offline: embed=1 alone and in iframes that size themselves, two script-tag
// widgets on one blog page (independent, styles isolated both ways), a strict-CSP host, the
// Embed panel, and the service worker keeping the site alive with the server gone.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { startServer, startDataServer, launch, openPage, ready, dataValue, text, watch, assertNoProblems } from "./harness.mjs";

let app;
let hosts;
let browser;

before(async () => {
  app = await startServer();
  const strictFrame = `<!doctype html><html><head><meta charset="utf-8"><title>Strict host</title></head><body>
    <h1>A host with a strict Content-Security-Policy</h1>
    <iframe id="embedded" src="${app.url}/?calc=pool&amp;netuid=64&amp;amount=100&amp;embed=1" title="dtao-calc" width="900" height="900"></iframe>
  </body></html>`;
  const strictWidget = `<!doctype html><html><head><meta charset="utf-8"><title>Strict host with a widget</title></head><body>
    <h1>A host allowing only the widget's origin, and wasm</h1>
    <script src="${app.url}/dtao-calc-widget.js" data-calc="returns" data-netuid="64" data-amount="100"></script>
  </body></html>`;
  const screenWidget = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A post with the screener</title></head><body>
    <h1>Where should 5,000 TAO go?</h1>
    <script src="${app.url}/dtao-calc-widget.js" data-calc="screen" data-amount="5000" data-days="90"></script>
  </body></html>`;
  hosts = await startDataServer({
    "/screen-widget.html": { body: screenWidget, type: "text/html" },
    "/strict-frame.html": {
      body: strictFrame,
      type: "text/html",
      headers: { "content-security-policy": `default-src 'none'; frame-src ${app.url}` },
    },
    "/strict-widget.html": {
      body: strictWidget,
      type: "text/html",
      headers: {
        "content-security-policy": `default-src 'none'; script-src ${app.url} 'wasm-unsafe-eval'; connect-src ${app.url}`,
      },
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await hosts?.close();
  await app?.close();
});

// Any uncaught error or panic on any page fails the test that caused it.
afterEach(assertNoProblems);

test("embed=1 shows only the calculator, compact, with a link to the full one, down to 320 px", async () => {
  const { page, problems, context } = await openPage(browser, { width: 320, height: 800 });
  await page.goto(`${app.url}/?calc=pool&netuid=64&amount=100&embed=1`);
  await ready(page);
  assert.equal(await page.locator(".site-header").count(), 0);
  assert.equal(await page.locator("nav.tabs").count(), 0);
  assert.equal(await page.locator('[data-testid="embed-panel"]').count(), 0);
  assert.equal(await dataValue(page, "pool-received"), "1148.48467425");
  assert.match(await text(page, "data-line"), /block 8,791,253/);
  const href = await page.locator('[data-testid="full-link"]').getAttribute("href");
  assert.equal(href, `${app.url}/?calc=pool&netuid=64&amount=100`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow}px wider than a 320 px column`);
  // Typing still works and the link follows.
  await page.locator("#amount").fill("5");
  await page.waitForFunction(() => document.querySelector('[data-testid="full-link"]')?.getAttribute("href").includes("amount=5"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("the demo blog page: two iframes that size themselves and two independent widgets", async () => {
  const { page, problems, context } = await openPage(browser, { width: 900, height: 1200 });
  await page.goto(`${app.url}/demo.html`);
  const frames = ["#frame-pool", "#frame-returns"].map((id) => page.frameLocator(id));
  await frames[0].locator('[data-testid="pool-received"][data-value]').waitFor();
  await frames[1].locator('[data-testid="returns-net-tao"][data-value]').waitFor();
  assert.equal(await frames[0].locator('[data-testid="pool-received"]').getAttribute("data-value"), "1148.48467425");
  // The host's three-line script sized each frame from its posted height.
  await page.waitForFunction(() => [...document.querySelectorAll("iframe")].every((f) => /^\d+px$/.test(f.style.height) && f.style.height !== "600px"));
  const sizes = await page.evaluate(() => [...document.querySelectorAll("iframe")].map((f) => parseInt(f.style.height, 10)));
  // Compact embeds: each frame at most 700 px tall (issue 16), and sized to its content.
  assert.ok(sizes.every((h) => h > 300 && h <= 700), `${sizes}`);

  const widgets = page.locator(".dtao-calc-widget");
  assert.equal(await widgets.count(), 2);
  const pool = widgets.nth(0);
  const take = widgets.nth(1);
  await pool.locator('[data-testid="pool-received"][data-value]').waitFor();
  await take.locator('[data-testid="take-best-apy"][data-value]').waitFor();
  // data-tol and data-partial became parameters: 1,000 TAO at 0.5 % tolerance is cut short.
  await pool.locator('[data-testid="pool-partial"]').waitFor();
  assert.equal(await take.locator('[data-testid^="take-row-editor-"]').count(), 3);
  // Independent: typing in one changes neither the other nor the host's URL.
  const takeBefore = await take.locator('[data-testid="take-best-earned"]').getAttribute("data-value");
  await pool.locator("#amount").fill("10");
  await pool.locator('[data-testid="pool-received"][data-value="114.895179535"]').waitFor();
  assert.equal(await take.locator('[data-testid="take-best-earned"]').getAttribute("data-value"), takeBefore);
  assert.equal(new URL(page.url()).search, "");
  // Styles stay put both ways.
  const host = await page.evaluate(() => ({
    verdict: getComputedStyle(document.getElementById("host-verdict")).color,
    figure: getComputedStyle(document.getElementById("host-figure")).display,
  }));
  assert.deepEqual(host, { verdict: "rgb(0, 128, 0)", figure: "none" });
  const inside = await pool.locator("#amount").evaluate((el) => ({
    size: getComputedStyle(el).fontSize,
    color: getComputedStyle(el).color,
    transform: getComputedStyle(el.closest(".field").querySelector("label")).textTransform,
  }));
  assert.notEqual(inside.size, "28px");
  assert.notEqual(inside.color, "rgb(187, 0, 0)");
  assert.equal(inside.transform, "none");
  assert.equal(await pool.locator(".figure.headline").first().evaluate((el) => getComputedStyle(el).display), "block");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a host with a strict Content-Security-Policy: the iframe works, and the widget with what the README asks", async () => {
  const { page, problems, context } = await openPage(browser, { width: 1000, height: 900 });
  const violations = [];
  page.on("console", (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
  await page.goto(`${hosts.url}/strict-frame.html`);
  const frame = page.frameLocator("#embedded");
  await frame.locator('[data-testid="pool-received"][data-value]').waitFor();
  assert.equal(await frame.locator('[data-testid="pool-received"]').getAttribute("data-value"), "1148.48467425");
  await frame.locator("#amount").fill("5");
  await frame.locator('[data-testid="pool-received"][data-value="57.448887889"]').waitFor();

  await page.goto(`${hosts.url}/strict-widget.html`);
  const widget = page.locator(".dtao-calc-widget");
  await widget.locator('[data-testid="returns-net-tao"][data-value]').waitFor();
  assert.ok(Number(await widget.locator('[data-testid="returns-apy"]').getAttribute("data-value")) > 0);
  // Its styles are constructed stylesheets, so style-src 'none' does not strip them.
  const padding = await widget.locator(".inputs").first().evaluate((el) => getComputedStyle(el).paddingTop);
  assert.equal(padding, "10px");
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the screener as a widget: compact, its first rows at the post's amount, sortable in place", async () => {
  const { page, problems, context } = await openPage(browser, { width: 700, height: 900 });
  await page.goto(`${hosts.url}/screen-widget.html`);
  const widget = page.locator(".dtao-calc-widget");
  await widget.locator('[data-testid^="screen-net-"][data-value]').first().waitFor();
  assert.equal(await widget.locator('[data-testid^="screen-row-"]').count(), 4);
  assert.match(await widget.locator('[data-testid="screen-caption"]').textContent(), /at 5,000 TAO for 90 days/);
  // Sorting works inside the widget and leaves the host's address alone.
  await widget.locator('[data-testid="screen-sort-entry"]').click();
  await widget.locator('th[aria-sort="ascending"] [data-testid="screen-sort-entry"]').waitFor();
  const entries = await widget.locator('[data-testid^="screen-entry-cost-"]').evaluateAll((c) => c.map((e) => Number(e.dataset.value)));
  assert.deepEqual(entries, [...entries].sort((a, b) => a - b));
  assert.equal(new URL(page.url()).search, "");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the Embed panel gives snippets for the current view and copies them", async () => {
  const { page, problems, context } = await openPage(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
  await page.goto(`${app.url}/?calc=take&netuid=4&amount=10`);
  await ready(page);
  await page.locator('[data-testid="embed-panel"] summary').click();
  const iframe = await page.locator("#embed-iframe").inputValue();
  assert.match(iframe, new RegExp(`src="${app.url}/\\?calc=take&amp;netuid=4&amp;amount=10&amp;embed=1"`));
  assert.match(iframe, /dtao-calc:height/);
  const widget = await page.locator("#embed-widget").inputValue();
  assert.equal(widget, `<script src="${app.url}/dtao-calc-widget.js" data-calc="take" data-netuid="4" data-amount="10"></script>`);
  await page.getByRole("button", { name: "Copy the script snippet" }).click();
  await page.waitForFunction(() => document.querySelector(".embed-panel .ok-msg")?.textContent.includes("Copied"));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), widget);
  // The snippet follows the view.
  await page.locator("#amount").fill("20");
  await page.waitForFunction(() => document.querySelector("#embed-widget").value.includes('data-amount="20"'));
  assert.deepEqual(problems, []);
  await context.close();
});

test("after one visit the site opens and works with the server gone, loaded data and inputs included", async () => {
  const server = await startServer();
  const data = await startDataServer({ "/fresh.json": { body: await (await fetch(`${server.url}/index.html`)).text().then(() => JSON.stringify({
    schema: "dtao-snapshot/1", network: "finney", block: 9000001, taken_at: "2026-11-20T00:00:00Z",
    subnets: [{ netuid: 64, name: "Chutes", mechanism: "dynamic", tao_in: "300000", alpha_in: "3000000" }],
  })) } });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // With the server gone, the network requests the page still tries fail; that is the point.
  const problems = watch(page, { allow: [/Failed to load resource/, /net::ERR_/] });
  await page.goto(`${server.url}/?calc=pool&netuid=64&amount=7&snapshot=${encodeURIComponent(`${data.url}/fresh.json`)}`);
  await ready(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="data-line"]')?.textContent.includes("9,000,001"));
  // Loaded data is kept on the device only when asked.
  await page.locator(".data-panel summary").click();
  await page.locator("#data-remember").check();
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The first visit installed the worker; from the next load on it controls the page.
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const url = page.url().replace(/&snapshot=[^&]*/, "");
  await server.close();
  await data.close();
  await page.goto(url);
  await ready(page);
  assert.match(await text(page, "data-line"), /remembered from .*fresh\.json .*block 9,000,001/);
  assert.equal(await page.locator("#amount").inputValue(), "7");
  await page.locator("#amount").fill("10");
  // 300,000 TAO / 3,000,000 alpha, 10 TAO in: the remembered pool, not the bundled one.
  await page.waitForSelector('[data-testid="pool-received"][data-value="99.946315363"]');
  // Another calculator from the cache too.
  await page.goto(`${url.replace("calc=pool", "calc=conviction")}&eligible=3000000`);
  await ready(page);
  assert.ok(Number(await dataValue(page, "conviction-score")) > 0);
  assert.deepEqual(problems, []);
  await context.close();
});
