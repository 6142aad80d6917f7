// The screener, "Compare subnets" (issue 17): a row for every subnet of the bundled data, rows
// equal to the returns and pool calculators they link to, sorting (mouse and keyboard), search
// and depth filter in the URL, the chain's refusals at a huge amount, bad input, the chart, and
// the compact embed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appSuite, ready, dataValue, numberValue, text, loadJson } from "./harness.mjs";

const app = appSuite();
const open = (query, options) => app.open(`/?calc=screen&${query}`, options);

/** The netuids of the table's rows, top to bottom. */
const rowOrder = (page) =>
  page.$$eval('[data-testid^="screen-row-"]', (rows) => rows.map((r) => Number(r.dataset.testid.slice(11))));

/** A column's values in the table's order (rows without one left out). */
const columnValues = (page, column) =>
  page.$$eval(`[data-testid^="screen-${column}-"][data-value]`, (cells) => cells.map((c) => Number(c.dataset.value)));

const close = (a, b, rel = 1e-9) => Math.abs(a - b) <= Math.abs(b) * rel + 1e-12;

test("with the bundled data every subnet has a row; root's has no swap", async () => {
  const snapshot = await loadJson("data/snapshot-finney-2026-08-07.json");
  const { page, problems, context } = await open("amount=100&days=365");
  const shown = await rowOrder(page);
  assert.equal(shown.length, snapshot.subnets.length);
  for (const subnet of snapshot.subnets) {
    assert.ok(shown.includes(subnet.netuid), `row for ${subnet.netuid}`);
  }
  let figures = 0;
  for (const subnet of snapshot.subnets.filter((s) => s.mechanism === "dynamic")) {
    const n = subnet.netuid;
    const hasFigures = (await page.locator(`[data-testid="screen-net-${n}"]`).count()) === 1;
    const refused = (await page.locator(`[data-testid="screen-refusal-${n}"]`).count()) === 1;
    assert.ok(hasFigures !== refused, `subnet ${n}: figures or the reason, not both`);
    if (hasFigures) {
      figures += 1;
      for (const column of ["entry-cost", "exit-cost", "yield", "max-stake", "max-exit", "cost-exceeds-yield"]) {
        assert.equal(await page.locator(`[data-testid="screen-${column}-${n}"][data-value]`).count(), 1, `${column} of ${n}`);
      }
    }
  }
  assert.ok(figures >= snapshot.subnets.length - 2, `${figures} rows with figures`);
  // Root stakes without a swap: nothing lost on the way in, no largest trade.
  assert.equal(await numberValue(page, "screen-entry-cost-0"), 0);
  assert.match(await page.locator('[data-testid="screen-row-0"]').textContent(), /no swap/);
  // Under root's yield, its basket claimed at the end: the returns page's figure.
  const basket = await dataValue(page, "screen-root-basket-0");
  assert.match(await text(page, "screen-root-basket-0"), /^basket if claimed: \+[\d.,]+ TAO$/);
  await page.goto(`${app.url}/?calc=returns&netuid=0&amount=100&days=365`);
  await ready(page);
  assert.equal(await dataValue(page, "returns-root-net-tao"), basket);
  await page.goBack();
  await ready(page);
  // The summary names the best row, which is the table's first.
  assert.match(await text(page, "screen-verdict"), new RegExp(`Best at this size: ${shown[0]} ·`));
  assert.deepEqual(problems, []);
  await context.close();
});

test("three rows equal the returns and pool calculators their links open", async () => {
  const { page, problems, context } = await open("amount=100&days=365");
  for (const n of [64, 1, 120]) {
    const entry = await numberValue(page, `screen-entry-cost-${n}`);
    const periodYield = await dataValue(page, `screen-yield-${n}`);
    const apy = await page.locator(`[data-testid="screen-yield-${n}"]`).getAttribute("data-apy");
    const net = await numberValue(page, `screen-net-${n}`);
    const breakeven = await dataValue(page, `screen-breakeven-${n}`);
    const href = await page.locator(`[data-testid="screen-returns-link-${n}"]`).getAttribute("href");
    assert.match(href, new RegExp(`calc=returns.*netuid=${n}.*exit_from=before`));
    const returns = await app.open(`/${href}`);
    const rp = returns.page;
    await rp.locator('[data-testid="returns-apy"][data-value]').waitFor();
    // The same model function: the period's yield, today's APY and the break-even to the last
    // digit.
    assert.equal(await dataValue(rp, "returns-period-yield"), periodYield, `yield of ${n}`);
    assert.equal(await dataValue(rp, "returns-apy"), apy, `APY of ${n}`);
    assert.equal(await dataValue(rp, "returns-breakeven-days"), breakeven, `break-even of ${n}`);
    // The net result in TAO over the amount, and the entry's fee and slippage over the amount.
    assert.ok(close((await numberValue(rp, "returns-net-tao")) / 100 * 100, net), `net of ${n}`);
    const entryTao = (await numberValue(rp, "returns-entry-fee")) + (await numberValue(rp, "returns-entry-slippage"));
    assert.ok(close(entryTao, entry, 1e-8), `entry cost of ${n}: ${entryTao} vs ${entry}`);
    await returns.context.close();
    // The pool calculator on the same stake quotes the same slippage, fee included.
    const poolHref = await page.locator(`[data-testid="screen-pool-link-${n}"]`).getAttribute("href");
    const pool = await app.open(`/${poolHref}`);
    await pool.page.locator('[data-testid="pool-slippage"][data-value]').waitFor();
    assert.equal(Number(await dataValue(pool.page, "pool-slippage")), entry, `pool slippage of ${n}`);
    assert.equal(await numberValue(pool.page, "pool-max-for-slippage"), await numberValue(page, `screen-max-stake-${n}`));
    await pool.context.close();
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("sorting: net largest first by default; headers sort by click and by keyboard, in the URL", async () => {
  const { page, problems, context } = await open("amount=100&days=365");
  const nets = await columnValues(page, "net");
  assert.ok(nets.length > 100);
  assert.deepEqual(nets, [...nets].sort((a, b) => b - a), "largest net first");
  assert.equal(await page.locator('th:has([data-testid="screen-sort-net"])').getAttribute("aria-sort"), "descending");
  // Entry cost sorts cheapest first; a second click reverses it.
  await page.locator('[data-testid="screen-sort-entry"]').click();
  await page.waitForFunction(() => location.search.includes("sort=entry"));
  let entries = await columnValues(page, "entry-cost");
  assert.deepEqual(entries, [...entries].sort((a, b) => a - b));
  await page.locator('[data-testid="screen-sort-entry"]').click();
  await page.waitForFunction(() => location.search.includes("sort=-entry"));
  entries = await columnValues(page, "entry-cost");
  assert.deepEqual(entries, [...entries].sort((a, b) => b - a));
  // The keyboard reaches a header and Enter sorts by it.
  await page.locator('[data-testid="screen-sort-apy"]').focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.search.includes("sort=-apy"));
  const apys = await columnValues(page, "yield");
  assert.deepEqual(apys, [...apys].sort((a, b) => b - a));
  assert.equal(await page.locator('th:has([data-testid="screen-sort-apy"])').getAttribute("aria-sort"), "descending");
  // An unknown order keeps the default and says so.
  await page.goto(`${app.url}/?calc=screen&sort=price`);
  await ready(page);
  assert.match(await text(page, "screen-sort-error"), /Unknown sort “price”/);
  assert.deepEqual(await columnValues(page, "net"), [...(await columnValues(page, "net"))].sort((a, b) => b - a));
  assert.deepEqual(problems, []);
  await context.close();
});

test("search and the depth filter live in the URL; nothing found says so", async () => {
  const { page, problems, context } = await open("amount=100&days=365");
  await page.locator("#q").fill("sn64");
  await page.waitForFunction(() => location.search.includes("q=sn64"));
  assert.deepEqual(await rowOrder(page), [64]);
  await page.locator("#q").fill("");
  await page.locator("#min_tao").fill("100000");
  await page.waitForFunction(() => location.search.includes("min_tao=100000"));
  const deep = await page.$$eval('[data-testid^="screen-depth-"]', (cells) => cells.map((c) => Number(c.dataset.value)));
  assert.ok(deep.length > 0 && deep.length < 100, `${deep.length} deep pools`);
  assert.ok(deep.every((d) => d >= 100000));
  await page.locator("#q").fill("no such subnet");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="screen-row-"]').length === 0);
  assert.match(await text(page, "screen-none"), /No subnet matches/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a huge amount turns thin pools' rows into the chain's refusal; bad fields keep the rest", async () => {
  const { page, problems, context } = await open("amount=5000000&days=365");
  const refusals = page.locator('[data-testid^="screen-refusal-"]');
  assert.ok((await refusals.count()) > 20, `${await refusals.count()} refusals`);
  assert.match(await refusals.first().textContent(), /The chain rejects the stake \(\w+\)/);
  assert.ok(Number(await text(page, "screen-count-refused").then((t) => t.split(" ")[0])) > 20);
  // A bad amount: its message by the field; depth, largest trades and the threshold stay.
  await page.goto(`${app.url}/?calc=screen&amount=abc`);
  await ready(page);
  assert.ok((await page.locator("#amount-msg").textContent()).length > 5);
  assert.match(await text(page, "screen-refusal-64"), /fix the fields/);
  assert.ok((await numberValue(page, "screen-max-stake-64")) > 0);
  assert.ok((await numberValue(page, "screen-cost-exceeds-yield-64")) > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the chart plots net against depth with the chosen subnet marked; the compact embed fits", async () => {
  const { page, problems, context } = await open("amount=100&days=365&netuid=64", { width: 390, height: 844 });
  const points = await page.locator(".screen-chart circle.point").count();
  assert.ok(points > 100, `${points} points`);
  assert.equal(await page.locator(".screen-chart circle.marked").count(), 1);
  assert.match(await page.locator(".screen-chart text.point-label").textContent(), /^64 ·/);
  // The row's mark button marks another subnet.
  await page.locator('[data-testid="screen-row-1"] button.mark').click();
  await page.waitForFunction(() => location.search.includes("netuid=1"));
  assert.match(await page.locator(".screen-chart text.point-label").textContent(), /^1 ·/);
  // The verdict is on a phone's first screen.
  const box = await page.locator('[data-testid="screen-verdict"]').boundingBox();
  assert.ok(box.y + box.height <= 844, `verdict at ${box.y}`);
  await context.close();
  for (const width of [600, 320]) {
    const embed = await open("amount=100&days=365&embed=1", { width, height: 900 });
    const measured = await embed.page.evaluate(() => ({
      height: document.getElementById("dtao-calc").offsetHeight,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    }));
    assert.ok(measured.overflow <= 0, `${width} px: ${measured.overflow} px too wide`);
    if (width === 600) {
      assert.ok(measured.height <= 700, `compact screener ${measured.height} px tall`);
      console.log(`compact screener height at 600 px: ${measured.height}`);
    }
    assert.equal(await embed.page.locator('[data-testid^="screen-row-"]').count(), 4);
    assert.match(await embed.page.locator('[data-testid="full-link"]').getAttribute("href"), /calc=screen/);
    await embed.context.close();
  }
  assert.deepEqual(problems, []);
});

test("the rows come first; the largest trades and thresholds follow, the table busy until then", async () => {
  const { page, problems, context } = await app.page();
  // What the page showed while those cells were computing (src/ui/screen/page.rs).
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (window.__pending || !document.querySelector("td.pending")) return;
      const table = document.querySelector('[data-testid="screen-table"]');
      window.__pending = {
        busy: table.getAttribute("aria-busy"),
        net: document.querySelector('[data-testid="screen-net-64"]')?.dataset.value ?? null,
        cells: document.querySelectorAll("td.pending").length,
        thresholds: document.querySelectorAll('[data-testid^="screen-cost-exceeds-yield-"]').length,
      };
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(`${app.url}/?calc=screen&amount=100&take=18`);
  await ready(page);
  const early = await page.evaluate(() => window.__pending);
  assert.equal(early.busy, "true");
  assert.ok(Number(early.net) > 0, "the net result is there first");
  assert.equal(early.thresholds, 0);
  assert.equal(early.cells % 3, 0);
  assert.ok(early.cells >= 3 * 120, `${early.cells} cells computing`);
  // Then every row has them, and the table is no longer busy.
  assert.equal(await page.locator("td.pending").count(), 0);
  assert.equal(await page.locator('[data-testid="screen-table"]').getAttribute("aria-busy"), null);
  const before = await numberValue(page, "screen-cost-exceeds-yield-64");
  assert.ok(before > 0);
  // A take changes them: computed again after the next paint.
  await page.locator("#take").fill("0");
  await page.waitForFunction(() => location.search.includes("take=0"));
  await ready(page);
  assert.notEqual(await numberValue(page, "screen-cost-exceeds-yield-64"), before);
  // An amount does not: the net moves, the threshold stays.
  const threshold = await dataValue(page, "screen-cost-exceeds-yield-64");
  const net = await dataValue(page, "screen-net-64");
  await page.locator("#amount").fill("150");
  await page.waitForFunction((n) => document.querySelector('[data-testid="screen-net-64"]').dataset.value !== n, net);
  assert.equal(await page.locator("td.pending").count(), 0);
  assert.equal(await dataValue(page, "screen-cost-exceeds-yield-64"), threshold);
  assert.deepEqual(problems, []);
  await context.close();
});

test("where each subnet's TAO emission goes: its share, pool injection and chain buys, sortable", async () => {
  const { page, problems, context } = await open("amount=100");
  // The shares of the subnets taking part add up to 100 %; root takes none.
  const shares = await columnValues(page, "tao-share");
  assert.ok(shares.length > 100, `${shares.length} shares`);
  assert.ok(Math.abs(shares.reduce((a, b) => a + b, 0) - 100) < 1e-9);
  assert.equal(await page.locator('[data-testid="screen-tao-share-0"]').count(), 0);
  assert.match(await page.locator('[data-testid="screen-row-0"]').innerHTML(), /Root takes no share of the TAO emission/);
  // The 32nd share is the gate's bar: 32 rows at or above it.
  const vsBar = await page.$$eval('[data-testid^="screen-tao-share-"]', (cells) => cells.map((c) => Number(c.dataset.vsBar)));
  assert.equal(vsBar.filter((v) => v >= 1).length, 32);
  // Subnet 64's TAO a day: into the pool and into chain buys, both there and not negative.
  const pool = await numberValue(page, "screen-injection-64");
  const buys = await numberValue(page, "screen-chain-buys-64");
  assert.ok(pool >= 0 && buys >= 0 && pool + buys > 0, `${pool} ${buys}`);
  // A row's title says where it stands against the bar; what every share assumes is said once.
  assert.match(await page.locator('[data-testid="screen-tao-share-64"]').getAttribute("title"), /^[\d.]+ x the gate's bar \(the 32nd share\): at 1 the gate halves a share\.$/);
  assert.match(await page.locator('[data-testid="screen-emission-assumed"]').textContent(), /^TAO emission assumes every subnet with a moving price taking part, .* the data in use does not say otherwise\.$/);
  // Its header sorts by the share, largest first, and says so in the URL.
  await page.locator('[data-testid="screen-sort-tao_share"]').click();
  await page.waitForFunction(() => location.search.includes("sort=-tao_share"));
  const sorted = await columnValues(page, "tao-share");
  assert.deepEqual(sorted, [...sorted].sort((a, b) => b - a));
  assert.deepEqual(problems, []);
  await context.close();
});
