// The staking-return calculator in headless Chromium: SPEC §2's worked figures by URL, typing,
// root, a thin pool that never breaks even, bad input, and moving between calculators.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ready, dataValue, text, appSuite, loadJson } from "./harness.mjs";

// One server and browser for the file; any uncaught error or panic fails the test.
const app = appSuite();

const open = (query) => app.open(`/?calc=returns&${query}`);

// SPEC §2: alpha_out_emission 1, R 6M TAO, w 0.18, A 3M alpha, 1,000 alpha staked, A_v 1.2M,
// take 11,796/65,535 (17.999542229 %), vtrust 1, 361-block epochs, a year, on a deep pool.
const SPEC = new URLSearchParams({
  netuid: "", tao_in: "1000000", alpha_in: "10000000", from: "alpha", amount: "1000", days: "365",
  emission: "1", issuance: "3000000", root_tao: "6000000", tao_weight: "0.18", alpha_stake: "1200000",
  take: "17.999542229", vtrust: "1", epoch_blocks: "361",
});

test("SPEC's worked figures by URL: 1,718 alpha at a constant rate, 1,515 when everyone compounds", async () => {
  const { page, problems, context } = await open(`${SPEC}&compound_others=0`);
  assert.equal(Number(await dataValue(page, "returns-alpha-in")), 1000);
  assert.equal(Number(await dataValue(page, "returns-apy")).toFixed(1), "71.8");
  assert.equal(Number(await dataValue(page, "returns-alpha-per-day")).toFixed(3), "1.483");
  assert.equal(Math.round(Number(await dataValue(page, "returns-alpha-end"))), 1718);
  await page.goto(`${app.url}/?calc=returns&${SPEC}&compound_others=1`);
  await ready(page);
  assert.equal(Math.round(Number(await dataValue(page, "returns-alpha-end"))), 1515);
  // Held alpha has no entry swap; the yardstick is selling it now.
  assert.match(await text(page, "returns-entry-fee"), /None: no entry swap/);
  assert.ok(Number(await dataValue(page, "returns-exit-tao")) > 100);
  assert.deepEqual(problems, []);
  await context.close();
});

test("subnet 64 with the default inputs: the alpha-only yield base, at least 25 % APY, marked as an estimate", async () => {
  const { page, problems, context } = await open("netuid=64");
  const apy = Number(await dataValue(page, "returns-apy"));
  // Over the stake weight (alpha + 0.18 root TAO) this read 21.2 %; capped at alpha outstanding 25.6 %+.
  assert.ok(apy >= 25 && apy < 27, `${apy}`);
  assert.equal((await page.locator("#alpha_stake").inputValue()).replaceAll(",", ""), "3319182.111772565");
  assert.match(await page.locator('[data-testid="alpha-stake-estimate"]').textContent(), /Estimate/);
  // A childkey take of 18 % comes off first.
  await page.locator("#childkey").fill("18");
  await page.waitForFunction((a) => Number(document.querySelector('[data-testid="returns-apy"]')?.dataset.value) < a * 0.83, apy);
  assert.match(page.url(), /childkey=18/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the exit is priced from the pool back at today's price by default, or as the entry left it, and says which", async () => {
  // 10,000 TAO into subnet 64 for a day with no yield and no price change.
  const query = "netuid=64&amount=10000&days=1&apy=0";
  const { page, problems, context } = await open(query);
  // By default both legs' costs count in full: the entry's price impact is lost.
  const before = Number(await dataValue(page, "returns-net-tao"));
  assert.ok(before < -830 && before > -850, `about -8.4 %: ${before}`);
  assert.match(await text(page, "returns-exit-from"), /back at its price before your stake/);
  // The other exit differs by 8.3 % of the position, under a tenth: the summary keeps to one.
  assert.equal(await page.locator('[data-testid="returns-other-exit"]').count(), 0);
  await page.locator("#exit_from-entry").check();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="returns-net-tao"]')?.dataset.value) > -100);
  const atOnce = Number(await dataValue(page, "returns-net-tao"));
  // About 0.1 %: the stake's fee (5.04 TAO), the alpha fee on the way out, and rounding: the
  // chain's immediate unstake. (Selling back all but the fee's alpha takes the dearest units
  // first, so it loses a little under two full fees.)
  assert.ok(atOnce < -9.5 && atOnce > -10.2, `${atOnce}`);
  assert.match(page.url(), /exit_from=entry/);
  assert.match(await text(page, "returns-exit-from"), /as your own stake left it/);
  // A price scenario over 30 days is held afterwards: the 365-day row is not extrapolated.
  await page.goto(`${app.url}/?calc=returns&netuid=64&amount=100&days=30&apy=0&price_change=20`);
  await ready(page);
  const row30 = Number(await page.locator('[data-testid="returns-row-30"]').getAttribute("data-value"));
  const row365 = Number(await page.locator('[data-testid="returns-row-365"]').getAttribute("data-value"));
  assert.equal(row30, row365, "no yield and the price held: the same exit after 30 and 365 days");
  assert.ok(row30 > 15 && row30 < 20, `+20 % on 100 TAO less the costs: ${row30}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("typing updates every figure, the table and the URL", async () => {
  const { page, problems, context } = await open("netuid=64&amount=100&days=365");
  const before = await dataValue(page, "returns-alpha-end");
  await page.locator("#days").fill("30");
  await page.waitForFunction((b) => document.querySelector('[data-testid="returns-alpha-end"]')?.dataset.value !== b, before);
  assert.match(page.url(), /days=30/);
  assert.match(await text(page, "returns-alpha-end"), /payouts/);
  // The 30-day row of the table equals the 30-day horizon.
  assert.equal(await page.locator('[data-testid="returns-row-30"]').getAttribute("data-value"), await dataValue(page, "returns-net-tao"));
  // A price fall makes the result worse; a higher take too.
  const net = Number(await dataValue(page, "returns-net-tao"));
  await page.locator("#price_change").fill("-20");
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="returns-net-tao"]')?.dataset.value) < n - 10, net);
  await page.locator("#price_change").fill("0");
  await page.locator("#take").fill("0");
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="returns-net-tao"]')?.dataset.value) > n, net);
  // USD appears when a TAO price is given.
  await page.locator("#tao_usd").fill("400");
  await page.waitForFunction(() => document.querySelector('[data-testid="returns-net-tao"]')?.textContent.includes("USD"));
  // An observed APY replaces the derived yield.
  await page.locator("#apy").fill("10");
  await page.waitForFunction(() => Math.abs(Number(document.querySelector('[data-testid="returns-apy"]')?.dataset.value) - 10) < 1e-6);
  assert.equal(await page.locator(".chart svg path.curve").count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the break-even day breaks even and the day before does not", async () => {
  const query = "netuid=&tao_in=200000&alpha_in=2000000&amount=100&apy=5&exit_from=before";
  const { page, problems, context } = await open(`${query}&days=30`);
  const day = Number(await dataValue(page, "returns-breakeven-days"));
  assert.ok(day > 1 && day < 60, `${day}`);
  const netOn = async (days) => {
    await page.goto(`${app.url}/?calc=returns&${query}&days=${days}`);
    await ready(page);
    return Number(await dataValue(page, "returns-net-tao"));
  };
  assert.ok((await netOn(day)) >= 0, `day ${day} breaks even`);
  assert.ok((await netOn(day - 1)) < 0, `day ${day - 1} does not`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("root's yield, summed here from every subnet of the snapshot", async () => {
  // SPEC §2 written out in floating point, independently of the app: root's share rp = R w /
  // (R w + A) of each subnet's validator half (0.41 of alpha_out_emission), valued at the
  // subnet's spot price, paid once a day over the TAO on root (and the 100 TAO staked),
  // less the default take 11,796/65,535, compounded daily for 365 days.
  const snap = await loadJson("data/snapshot-finney-2026-08-07.json");
  const R = Number(snap.root_tao_staked);
  const w = Number(snap.tao_weight);
  const share = (65535 - 11796) / (2 * 65535);
  let perBlock = 0;
  for (const s of snap.subnets) {
    if (s.mechanism !== "dynamic" || s.alpha_out_emission == null || s.alpha_out == null) continue;
    const A = Number(s.alpha_in) + Number(s.alpha_out);
    const rp = (R * w) / (R * w + A);
    perBlock += Number(s.alpha_out_emission) * share * rp * (Number(s.tao_in) / Number(s.alpha_in));
  }
  const daily = (perBlock * 7200 * (1 - 11796 / 65535)) / (R + 100);
  const apy = (Math.pow(1 + daily, 365) - 1) * 100;
  const { page, problems, context } = await open("netuid=0&amount=100&compound_others=0");
  const shown = Number(await dataValue(page, "returns-apy"));
  assert.ok(Math.abs(shown - apy) < apy * 1e-9, `${shown} vs ${apy}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("root stakes 1:1 and breaks even at once; a thin pool never does", async () => {
  const { page, problems, context } = await open("netuid=0&amount=100");
  assert.match(await text(page, "returns-verdict"), /After 365 days/);
  assert.equal(await dataValue(page, "returns-alpha-in"), "100");
  assert.equal(await dataValue(page, "returns-breakeven-days"), "0");
  assert.ok(Number(await dataValue(page, "returns-apy")) > 0);
  // Priced back at the pre-stake price, the entry's impact is lost for good.
  await page.goto(`${app.url}/?calc=returns&netuid=&tao_in=100&alpha_in=1000&amount=100&apy=3&emission=1&issuance=1000000&alpha_stake=500000&root_tao=0&exit_from=before`);
  await ready(page);
  assert.equal(await text(page, "returns-breakeven-days"), "Not within 5 years");
  assert.equal(await dataValue(page, "returns-breakeven-days"), null);
  assert.ok(Number(await dataValue(page, "returns-entry-slippage")) > 40, "half the stake lost getting in");
  assert.ok(Number(await dataValue(page, "returns-net-tao")) < 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("bad input gets a message by its field and never a panic", async () => {
  const { page, problems, context } = await open("netuid=64");
  const cases = [
    ["take=19", "#take-msg", "Too large: at most 18."],
    ["take=-1", "#take-msg", "Must not be negative."],
    ["vtrust=2", "#vtrust-msg", "Too large: at most 1."],
    ["days=0", "#days-msg", "Too small: at least 1."],
    ["days=1.5", "#days-msg", "Must be a whole number."],
    ["days=99999", "#days-msg", "Too large: at most 1,825."],
    ["price_change=-100", "#price_change-msg", "Must be more than -100."],
    ["apy=abc", "#apy-msg", "is not a number"],
    ["amount=1e30", "#amount-msg", "Too large: at most 21,000,000."],
    ["amount=", "#amount-msg", "Enter a number."],
    ["amount=0.0000000001", "#amount-msg", "At most 9 decimal places"],
    ["tao_usd=-5", "#tao_usd-msg", "Must not be negative."],
    ["compound_others=maybe", "#compound_others-msg", "is not 0 or 1"],
    ["from=btc", "#from-msg", "Unknown start"],
    ["epoch_blocks=0", "#epoch_blocks-msg", "Too small: at least 1."],
    ["issuance=-3", "#issuance-msg", "Must not be negative."],
  ];
  for (const [query, selector, message] of cases) {
    await page.goto(`${app.url}/?calc=returns&netuid=64&${query}`);
    await ready(page);
    const shown = (await page.locator(selector).textContent()) ?? "";
    assert.ok(shown.includes(message), `${query}: “${shown}”`);
    // A position field's own message; a chain figure named, with where it is.
    assert.match(await text(page, "returns-error"), /Fix the marked fields|is needed: .* It is under “Chain figures”/);
  }
  // A stake the chain refuses is explained.
  await page.goto(`${app.url}/?calc=returns&netuid=64&amount=0.001`);
  await ready(page);
  assert.match(await text(page, "returns-error"), /AmountTooLow/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the calculators share the subnet when you move between them", async () => {
  const { page, problems, context } = await open("netuid=4&amount=50");
  await page.getByRole("link", { name: "Pool slippage" }).click();
  await page.waitForSelector('[data-testid="pool-received"][data-value]');
  assert.match(page.url(), /calc=pool/);
  assert.equal(await dataValue(page, "subnet-current"), "4");
  await page.getByRole("link", { name: "Staking returns" }).click();
  await page.waitForSelector('[data-testid="returns-net-tao"]');
  assert.equal(await page.locator("#amount").inputValue(), "50");
  assert.deepEqual(problems, []);
  await context.close();
});
