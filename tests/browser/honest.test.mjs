// The first figure a visitor reads is the one they would get (issue 28): the returns calculator,
// the screener's counter, its threshold column and its net column give one answer on a thin
// subnet at 250 TAO and a deep one at 100 TAO; the pool page's verdict says how much a trade's
// cost matters, in words, on both sides of each threshold; Back returns after a tab switch; the
// keyboard reaches Amount in a few Tab presses; a phone sees the net result on load.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appSuite, ready, dataValue, numberValue, text } from "./harness.mjs";

const app = appSuite();

/** The screener's rows at `amount`: net %, threshold TAO (0: any size; null: never). */
async function screener(page, amount) {
  await page.goto(`${app.url}/?calc=screen&amount=${amount}`);
  await ready(page);
  return page.$$eval('[data-testid^="screen-row-"]', (rows) => rows.map((r) => {
    const n = Number(r.dataset.testid.slice(11));
    const net = r.querySelector(`[data-testid="screen-net-${n}"]`);
    const cost = r.querySelector(`[data-testid="screen-cost-exceeds-yield-${n}"]`);
    return { n, net: net ? Number(net.dataset.value) : null, threshold: cost ? Number(cost.dataset.value) : null };
  }));
}

test("a thin subnet at 250 TAO and a deep one at 100 TAO: one answer on every page", async () => {
  const { page, problems, context } = await app.open("/?calc=screen&amount=250");
  for (const [netuid, amount, loses] of [[16, 250, true], [64, 100, false]]) {
    const rows = await screener(page, amount);
    const row = rows.find((r) => r.n === netuid);
    assert.equal(row.net < 0, loses, `subnet ${netuid} at ${amount}: net ${row.net}`);
    // The threshold column says the same: costly from a size at or below the amount.
    const costly = row.threshold !== null && row.threshold <= amount;
    assert.equal(costly, loses, `subnet ${netuid}: threshold ${row.threshold}`);
    // The counter counts exactly the rows whose net is a loss.
    const losing = rows.filter((r) => r.net !== null && r.net < 0).length;
    assert.equal(Number(await dataValue(page, "screen-count-costly")), losing);
    // The returns calculator with its defaults (no exit_from in the link) gives the row's net.
    await page.goto(`${app.url}/?calc=returns&netuid=${netuid}&amount=${amount}`);
    await ready(page);
    const netTao = await numberValue(page, "returns-net-tao");
    assert.ok(Math.abs(netTao / amount * 100 - row.net) < 1e-6, `returns ${netTao} TAO vs screener ${row.net} %`);
    assert.equal(netTao < 0, loses);
    assert.match(await text(page, "returns-verdict"), new RegExp(`TAO \\(${loses ? "-" : "\\+"}`));
    // The other exit, when it differs by more than a tenth of the position, is shown and named.
    const other = page.locator('[data-testid="returns-other-exit"]');
    if (loses) {
      assert.equal(await other.getAttribute("data-exit"), "entry");
      assert.ok(Number(await other.getAttribute("data-value")) > 0);
      assert.match(await other.textContent(), /If the price your own stake pushed up held until you sell/);
    } else {
      assert.equal(await other.count(), 0);
    }
    // The headline rate is the period's modelled yield; today's APY is secondary and labelled.
    const periodYield = await numberValue(page, "returns-period-yield");
    const apy = await numberValue(page, "returns-apy");
    assert.ok(periodYield > 0 && periodYield < apy, `${periodYield} < ${apy}`);
    assert.match(await page.locator('.figure:has([data-testid="returns-apy"]) dt').textContent(), /APY at today's rate/);
  }
  // The compact embed tells the same: its default exit too.
  await page.goto(`${app.url}/?calc=returns&netuid=16&amount=250&embed=1`);
  await ready(page);
  assert.ok((await numberValue(page, "returns-net-tao")) < 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the pool verdict says how much the cost matters, on both sides of 1, 3 and 5 %", async () => {
  const { page, problems, context } = await app.open("/?calc=pool&netuid=64");
  const tiers = [[1, "plain", "notice"], [3, "notice", "warning"], [5, "warning", "danger"]];
  for (const [pct, below, above] of tiers) {
    await page.goto(`${app.url}/?calc=pool&netuid=64&max_slip=${pct}`);
    await ready(page);
    const most = await numberValue(page, "pool-max-for-slippage");
    for (const [amount, tier] of [[most * 0.98, below], [most * 1.03, above]]) {
      await page.goto(`${app.url}/?calc=pool&netuid=64&amount=${amount.toFixed(6)}`);
      await ready(page);
      const verdict = page.locator('[data-testid="pool-warning"]');
      assert.equal(await verdict.getAttribute("data-tier"), tier, `${amount} TAO around ${pct} %`);
      const words = await verdict.textContent();
      const lead = { plain: /^The chain accepts this stake/, notice: /^Notice:/, warning: /^Warning:/, danger: /^Expensive:/ }[tier];
      assert.match(words, lead);
      // The cost in TAO is said, not only its colour.
      assert.match(words, /costs [\d.,]+ % \([\d.,]+ TAO\)/);
      const slip = await numberValue(page, "pool-slippage");
      assert.equal(slip >= pct, tier === above, `${slip} % at ${amount} TAO`);
    }
  }
  // A thin pool at 250 TAO is red, with the round trip's loss in words.
  await page.goto(`${app.url}/?calc=pool&netuid=16&amount=250`);
  await ready(page);
  assert.equal(await page.locator('[data-testid="pool-warning"]').getAttribute("class"), "verdict rejected");
  assert.match(await text(page, "pool-warning"), /Selling the alpha straight back would return [\d.,]+ TAO of 250 TAO/);
  assert.ok((await numberValue(page, "pool-sell-back-tao")) < 250);
  // "Spot price move", not "price impact"; the minimum at a tolerance; the other definitions fold.
  assert.match(await page.locator('.figure:has([data-testid="pool-price-impact"]) dt').textContent(), /^Spot price move$/);
  await page.goto(`${app.url}/?calc=pool&netuid=64&amount=100&tol=0.5`);
  await ready(page);
  const least = await numberValue(page, "pool-min-received");
  assert.ok(least > 0 && least < (await numberValue(page, "pool-received")));
  assert.match(await text(page, "pool-min-received"), /^at least /);
  assert.equal(await page.locator('[data-testid="pool-other-definitions"]').evaluate((d) => d.open), false);
  // Dollars beside the amounts when a TAO price is given.
  await page.goto(`${app.url}/?calc=pool&netuid=64&amount=100&tao_usd=400`);
  await ready(page);
  assert.match(await text(page, "pool-pay"), /100 TAO ≈ 40,000 USD/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Back after a tab switch returns to the calculator before", async () => {
  const { page, problems, context } = await app.open("/?calc=pool&netuid=64&amount=42");
  await page.getByRole("link", { name: "Staking returns" }).click();
  await page.waitForSelector("#emission", { state: "attached" });
  assert.match(page.url(), /calc=returns/);
  await page.goBack();
  await page.waitForFunction(() => location.search.includes("calc=pool"));
  await page.waitForSelector('[data-testid="pool-received"]');
  assert.equal(await page.locator("#amount").inputValue(), "42");
  await page.goForward();
  await page.waitForSelector("#emission", { state: "attached" });
  assert.deepEqual(problems, []);
  await context.close();
});

test("the keyboard reaches Amount in at most 6 Tab presses, by the skip link", async () => {
  for (const calc of ["pool", "returns", "screen"]) {
    const { page, problems, context } = await app.open(`/?calc=${calc}&netuid=64`);
    await page.locator("body").focus();
    let presses = 0;
    let on = null;
    while (presses < 6 && on !== "amount") {
      await page.keyboard.press("Tab");
      presses += 1;
      on = await page.evaluate(() => document.activeElement?.id || document.activeElement?.dataset.testid || null);
      if (on === "skip-to-inputs") await page.keyboard.press("Enter");
    }
    assert.equal(on, "amount", `${calc}: focus on ${on} after ${presses} Tab presses`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("a phone sees the net result on load, and the screener's net and break-even columns", async () => {
  for (const [query, testid] of [["calc=returns&netuid=16&amount=250", "returns-net-tao"], ["calc=pool&netuid=16&amount=250", "pool-warning"]]) {
    const { page, problems, context } = await app.open(`/?${query}`, { width: 390, height: 844 });
    const box = await page.locator(`[data-testid="${testid}"]`).boundingBox();
    assert.ok(box && box.y + box.height <= 844 && box.x >= 0 && box.x + box.width <= 390, `${query}: ${JSON.stringify(box)}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
  for (const [width, embed] of [[390, ""], [600, "&embed=1"]]) {
    const { page, problems, context } = await app.open(`/?calc=screen&amount=100${embed}`, { width, height: 900 });
    const first = await page.locator('[data-testid^="screen-row-"]').first().getAttribute("data-testid");
    const n = first.slice(11);
    for (const column of ["net", "breakeven"]) {
      const cell = page.locator(`[data-testid="screen-${column}-${n}"]`);
      // Scrolled down to it, never sideways: the table shows it as it first lays out.
      await cell.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 200));
      const box = await cell.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= width, `${width} px: ${column} at ${JSON.stringify(box)}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("a site deployed from dist answers the ask for its snapshot.json: no 404 in the console", async () => {
  const { page, problems, context } = await app.page();
  const logged = [];
  page.on("console", (m) => { if (m.type() === "error") logged.push(m.text()); });
  const asked = page.waitForResponse((r) => r.url().endsWith("/snapshot.json"));
  await page.goto(`${app.url}/?calc=pool&netuid=64`);
  await ready(page);
  assert.equal((await asked).status(), 200);
  // The marker is not data: the bundled snapshot stays, as with no file at all.
  assert.match(await text(page, "data-line"), /^Data: Bundled snapshot/);
  assert.deepEqual(logged, []);
  assert.deepEqual(problems, []);
  await context.close();
});
