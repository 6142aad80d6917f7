// Results first (issue 16): compact embeds that fit a blog post, the summary card inside a
// phone's first screen, readable figures with their exact value one step away, the one-line
// subnet picker and the folded custom pool.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appSuite, ready, dataValue, text } from "./harness.mjs";

const app = appSuite();

// Each calculator, its compact embed's query and the summary's main figure.
const CALCULATORS = {
  pool: { query: "calc=pool&netuid=64&amount=100", main: "pool-received" },
  returns: { query: "calc=returns&netuid=64&amount=100", main: "returns-net-tao" },
  take: { query: "calc=take&netuid=64&amount=100", main: "take-best-apy" },
  conviction: { query: "calc=conviction&netuid=64&lock=10000", main: "conviction-locked" },
};
const EMBED_MAX_HEIGHT = 700;

test("compact embeds at 600 px are at most 700 px tall, fit 320 px, and embed=full keeps everything", async () => {
  const heights = {};
  for (const [name, calc] of Object.entries(CALCULATORS)) {
    for (const width of [600, 320]) {
      const { page, problems, context } = await app.page({ width, height: 900 });
      await page.goto(`${app.url}/?${calc.query}&embed=1`);
      await ready(page);
      await page.locator(`[data-testid="${calc.main}"][data-value]`).waitFor();
      const measured = await page.evaluate(() => ({
        height: document.getElementById("dtao-calc").offsetHeight,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      }));
      assert.ok(measured.overflow <= 0, `${name} at ${width} px: ${measured.overflow} px too wide`);
      if (width === 600) {
        heights[name] = measured.height;
        assert.ok(measured.height <= EMBED_MAX_HEIGHT, `${name}: compact embed ${measured.height} px tall at 600 px`);
      }
      // The summary, one chart, the link; no further sections.
      assert.equal(await page.locator('[data-testid="summary"]').count(), 1, name);
      assert.equal(await page.locator(".calc svg").count(), 1, `${name}: one chart`);
      assert.equal(await page.locator(".calc .sections, .calc .results").count(), 0, name);
      const href = await page.locator('[data-testid="full-link"]').getAttribute("href");
      assert.equal(href, `${app.url}/?${calc.query}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
  console.log(`compact embed heights at 600 px: ${JSON.stringify(heights)}`);

  // embed=full: the whole calculator without the site.
  const { page, context } = await app.page({ width: 600, height: 900 });
  await page.goto(`${app.url}/?calc=pool&netuid=64&amount=100&embed=full`);
  await ready(page);
  assert.equal(await page.locator(".site-header").count(), 0);
  assert.equal(await page.locator(".calc .results").count(), 1);
  assert.ok(await page.locator("#tol").isVisible());
  assert.equal(await page.locator('[data-testid="pool-max-for-slippage"]').count(), 1);
  await context.close();
});

test("a compact embed with a bad hidden field opens its More inputs, so the message stands by the field", async () => {
  const { page, context } = await app.open("/?calc=returns&netuid=64&amount=100&take=30&embed=1", { width: 600 });
  assert.equal(await page.locator(".more-inputs").evaluate((d) => d.open), true);
  assert.ok(await page.locator("#take").isVisible());
  assert.match(await text(page, "returns-error"), /.+/);
  assert.ok((await page.locator("#take-msg").textContent()).length > 5);
  await context.close();
});

test("at 390 x 844 every calculator's main figure is on the first screen, and stays in view while editing", async () => {
  for (const [name, calc] of Object.entries(CALCULATORS)) {
    const { page, problems, context } = await app.page({ width: 390, height: 844 });
    await page.goto(`${app.url}/?${calc.query}`);
    await ready(page);
    const main = page.locator(`[data-testid="${calc.main}"]`);
    await page.locator(`[data-testid="${calc.main}"][data-value]`).waitFor();
    const box = await main.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 844, `${name}: main figure at ${JSON.stringify(box)}`);
    // Scrolled down to the last input, the dock at the screen's foot repeats the summary.
    await page.locator(".calc .inputs input:visible").last().scrollIntoViewIfNeeded();
    const dock = page.locator('[data-testid="summary-dock"]');
    const dockBox = await dock.boundingBox();
    assert.ok(dockBox && dockBox.y + dockBox.height <= 844 + 1 && dockBox.y > 400, `${name}: dock at ${JSON.stringify(dockBox)}`);
    assert.ok((await dock.textContent()).length > 10, `${name}: dock text`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("figures read rounded and grouped; the exact value is in the title, the disclosure, the copy and exact=1", async () => {
  const { page, context } = await app.open("/?calc=pool&netuid=64&amount=100");
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
  const received = page.locator('[data-testid="pool-received"]');
  assert.equal(await dataValue(page, "pool-received"), "1148.48467425");
  assert.equal((await received.textContent()).trim(), "1,148.48 alpha");
  assert.equal(await received.getAttribute("title"), "1,148.48467425 alpha");
  assert.equal((await page.locator('[data-testid="pool-fee"]').textContent()).trim(), "0.05035 TAO");
  assert.equal(await dataValue(page, "pool-fee"), "0.050354772");
  // The definition and the exact value behind "what is this?", with a copy of the exact value.
  const figure = page.locator(".figure", { has: received });
  await figure.locator("summary").click();
  // What the disclosure holds is built as it opens.
  await figure.locator(".exact-text").waitFor();
  assert.match(await figure.locator("details.explain").textContent(), /after the fee/);
  assert.equal((await figure.locator(".exact-text").textContent()).trim(), "1,148.48467425 alpha");
  await figure.getByRole("button", { name: "Copy the exact value of You receive" }).click();
  await figure.locator(".copied", { hasText: "Copied" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "1148.48467425");
  // The "exact figures" switch writes exact=1, and every figure shows every rao.
  await page.locator('[data-testid="exact-toggle"]').check();
  await page.waitForFunction(() => document.querySelector('[data-testid="pool-received"]').textContent.trim() === "1,148.48467425 alpha");
  assert.match(page.url(), /exact=1/);
  assert.equal(await dataValue(page, "pool-received"), "1148.48467425");
  await page.locator('[data-testid="exact-toggle"]').uncheck();
  await page.waitForFunction(() => document.querySelector('[data-testid="pool-received"]').textContent.trim() === "1,148.48 alpha");
  await context.close();

  const exact = await app.open("/?calc=returns&netuid=64&amount=100&exact=1");
  await exact.page.locator('[data-testid="returns-exit-tao"][data-value]').waitFor();
  const value = await dataValue(exact.page, "returns-exit-tao");
  const shown = (await exact.page.locator('[data-testid="returns-exit-tao"]').textContent()).replaceAll(",", "");
  assert.ok(shown.startsWith(value), `exact=1 shows ${shown} for ${value}`);
  assert.equal(await exact.page.locator('[data-testid="exact-toggle"]').isChecked(), true);
  await exact.context.close();

  // A value that is not 0 or 1 is named by the switch; the figures stay readable.
  const bad = await app.open("/?calc=pool&netuid=64&amount=100&exact=yes");
  await bad.page.locator('[data-testid="pool-received"][data-value]').waitFor();
  assert.equal(await bad.page.locator("#exact-msg").textContent(), "Exact figures: “yes” is not 0 or 1.");
  assert.equal((await bad.page.locator('[data-testid="pool-received"]').textContent()).trim(), "1,148.48 alpha");
  assert.equal(await bad.page.locator('[data-testid="exact-toggle"]').isChecked(), false);
  await bad.context.close();
});

test("the subnet picker takes one line until it is used; the custom pool opens for typed reserves", async () => {
  const { page, context } = await app.open("/?calc=pool&netuid=64&amount=100");
  const list = page.locator("#subnet-list");
  const search = page.locator("#subnet-search");
  assert.equal(await list.isVisible(), false);
  assert.equal(await search.inputValue(), "64 · Chutes ش");
  assert.equal(await search.getAttribute("aria-expanded"), "false");
  // The reserves are folded under "Custom pool", grouped as people read them.
  assert.equal(await page.locator('[data-testid="custom-pool"]').evaluate((d) => d.open), false);
  assert.equal(await page.locator("#tao_in").inputValue(), "221,156.58516926");
  // Typing opens the list; Escape closes it and keeps the subnet.
  await search.fill("targ");
  assert.equal(await list.isVisible(), true);
  assert.equal(await search.getAttribute("aria-expanded"), "true");
  await search.press("Escape");
  assert.equal(await list.isVisible(), false);
  assert.equal(await dataValue(page, "subnet-current"), "64");
  // Arrow down opens it at the top; Enter picks and folds it again.
  await search.press("ArrowDown");
  assert.equal(await list.isVisible(), true);
  assert.equal(await search.getAttribute("aria-activedescendant"), "subnet-opt-0");
  await search.press("ArrowDown");
  await search.press("Enter");
  assert.equal(await list.isVisible(), false);
  assert.equal(await dataValue(page, "subnet-current"), "64");
  await context.close();

  // A link with reserves opens the custom pool; a grouped, edited reserve still reads.
  const custom = await app.open("/?calc=pool&netuid=64&tao_in=1000&alpha_in=5000&amount=10");
  assert.equal(await custom.page.locator('[data-testid="custom-pool"]').evaluate((d) => d.open), true);
  await custom.page.locator("#tao_in").fill("1,000,000");
  await custom.page.waitForFunction(() => new URL(location.href).searchParams.get("tao_in") === "1,000,000");
  assert.equal(await custom.page.locator("#tao_in-msg").textContent(), "");
  const before = await dataValue(custom.page, "pool-received");
  await custom.page.locator("#tao_in").fill("1,0000");
  await custom.page.locator("#tao_in-msg", { hasText: "groups of three" }).waitFor();
  assert.equal(await dataValue(custom.page, "pool-received"), null, `was ${before}`);
  await custom.context.close();
});
