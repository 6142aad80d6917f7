// Root's basket in the returns calculator (issue 31, SPEC §2 "Root staking since Root Reborn"):
// the dividends' alpha at spot and if claimed, the claim's cost and the exposure, checked
// against SPEC's rule written out here in floating point, independently of the app.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ready, dataValue, numberValue, text, appSuite, loadJson, startDataServer } from "./harness.mjs";

const app = appSuite();
const open = (query) => app.open(`/?calc=returns&${query}`);

// The claim's weight fee since spec 467: four claim units (runtime/src/staking_fee.rs), in the
// Python SDK's words (bittensor 11.3.0 intents/_root_claim_fee.py `_claim_ref_time(4, 24, 4)`).
function claimFeeTao() {
  const R = 25_000_000n, W = 100_000_000n;
  const claimRoot = (u) => 567_441_000n + 437_318_379n * u + (23n + 22n * u) * R + (18n + 16n * u) * W;
  const scan = (u) => 309_208_000n + 263_604_241n * u + (6n + 21n * u) * R;
  const flush = (q, rows) => (10_000_000n + 4n * R) * q + claimRoot(rows);
  const refTime = claimRoot(4n) + scan(4n) + flush(24n, 4n);
  const scaled = refTime * 250_000n;
  const rao = scaled / 1_000_000_000n + ((scaled % 1_000_000_000n) * 2n > 1_000_000_000n ? 1n : 0n);
  return Number(rao) / 1e9;
}

test("root's basket: a day of dividends as alpha, worth less if sold, the claim's cost and fee", async () => {
  // A day's credits at spot, SPEC §2: each subnet's validator half (0.41 of alpha_out_emission)
  // times rp = R w / (R w + A), the stake's share of root (with it joined), less the take,
  // at the subnet's spot price; the basket's own alpha yield adds at most a little.
  const snap = await loadJson("data/snapshot-finney-2026-08-07.json");
  const stake = 1000;
  const R = Number(snap.root_tao_staked) + stake;
  const w = Number(snap.tao_weight);
  const half = (65535 - 11796) / (2 * 65535);
  let perBlock = 0;
  for (const s of snap.subnets) {
    if (s.mechanism !== "dynamic" || s.alpha_out_emission == null || s.alpha_out == null) continue;
    const A = Number(s.alpha_in) + Number(s.alpha_out);
    perBlock += Number(s.alpha_out_emission) * half * ((R * w) / (R * w + A)) * (Number(s.tao_in) / Number(s.alpha_in));
  }
  const day = perBlock * 7200 * (stake / R) * (1 - 11796 / 65535);

  const { page, problems, context } = await open(`netuid=0&amount=${stake}&days=1`);
  const spot = await numberValue(page, "returns-root-basket-spot");
  assert.ok(spot > day * 0.999 && spot < day * 1.01, `${spot} vs ${day}`);
  const sold = await numberValue(page, "returns-root-basket-realizable");
  const cost = await numberValue(page, "returns-root-claim-cost");
  const net = await numberValue(page, "returns-root-net-tao");
  const fee = claimFeeTao();
  assert.equal(fee, 0.008209263);
  assert.ok(sold < spot && sold > spot * 0.95, `${sold} of ${spot}`);
  assert.ok(Math.abs(cost - (spot - sold + fee)) < 1e-9, `${cost}`);
  assert.ok(Math.abs(net - (sold - fee)) < 1e-9, `${net}`);
  assert.match(await text(page, "returns-root-basket-note"), /a model of a new position of 1000 TAO/);

  // The exposure: five subnets, the largest share first, each its share of the spot value.
  const shares = await page.$$eval('[data-testid="returns-root-exposure"] li', (items) => items.map((li) => Number(li.dataset.value)));
  assert.equal(shares.length, 5);
  assert.deepEqual(shares, [...shares].sort((a, b) => b - a));
  assert.ok(shares[0] > 1 && shares.reduce((a, b) => a + b) < 100, `${shares}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the price scenario moves the basket, not its APY at constant prices; other subnets have no basket", async () => {
  const { page, problems, context } = await open("netuid=0&amount=1000&days=90");
  const spot = await numberValue(page, "returns-root-basket-spot");
  const apy = await numberValue(page, "returns-root-apy");
  // At constant prices the APY is the basket's spot gain compounded over 365 / 90 periods.
  assert.ok(Math.abs(apy - (Math.pow(1 + spot / 1000, 365 / 90) - 1) * 100) < 1e-6, `${apy}`);
  await page.locator("#price_change").fill("-50");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("price_change") === "-50");
  await ready(page);
  const fallen = await numberValue(page, "returns-root-basket-spot");
  assert.ok(fallen < spot * 0.6 && fallen > spot * 0.4, `${fallen} of ${spot}`);
  assert.equal(await numberValue(page, "returns-root-apy"), apy);
  // A tiny stake's claim pays under 500,000 rao: nothing is claimed.
  await page.goto(`${app.url}/?calc=returns&netuid=0&amount=0.01&days=30`);
  await ready(page);
  assert.equal(await dataValue(page, "returns-root-net-tao"), "0");
  assert.match(await text(page, "returns-root-basket-note"), /A claim would pay under 500,000 rao, so the chain would do nothing\./);
  await page.goto(`${app.url}/?calc=returns&netuid=64`);
  await ready(page);
  assert.equal(await page.locator('[data-testid="returns-root-basket"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the chain's own return of the largest basket, from data that carries the baskets", async () => {
  // Bundled data has no baskets: the figure says it needs live data, the note how to get it.
  const bundled = await open("netuid=0&amount=1000&days=30");
  assert.equal(await dataValue(bundled.page, "returns-root-chain-yield"), null);
  assert.match(await text(bundled.page, "returns-root-chain-yield"), /needs live data/);
  assert.match(await text(bundled.page, "returns-root-chain-yield-note"), /switch on live data in the data panel/);
  await bundled.context.close();

  // The same data as dtao-snapshot/2 with two validators' baskets (docs/data-formats.md): the
  // larger is priced 1.01 TAO per TAO staked 262,800 blocks (36.5 days) before the data's block.
  const snap = await loadJson("data/snapshot-finney-2026-08-07.json");
  const fund = (hotkey, nav, firstBlock, stakePrice) => ({
    hotkey, nav_tao: nav, spot_nav_tao: String(Number(nav) * 1.25), shares: "1000000000", deposited_tao: nav,
    redeemed_tao: "0", holdings: [{ netuid: 64, alpha: "100", spot_tao: "10", realizable_tao: "9.5" }],
    pricing: { spot_price: "1.25", stake_price: stakePrice, staker_twr: stakePrice, staker_yield: "0.01", first_block: firstBlock, provisional: false },
  });
  const withBaskets = {
    ...snap, schema: "dtao-snapshot/2",
    root_baskets: [
      fund("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "100", snap.block - 300_000, "1.5"),
      fund("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", "4000", snap.block - 262_800, "1.01"),
    ],
  };
  const data = await startDataServer({ "/baskets.json": { body: JSON.stringify(withBaskets) } });
  const { page, problems, context } = await open(`netuid=0&amount=1000&days=30&snapshot=${encodeURIComponent(`${data.url}/baskets.json`)}`);
  await page.waitForSelector('[data-testid="returns-root-chain-yield"][data-value]');
  const apy = await numberValue(page, "returns-root-chain-yield");
  assert.ok(Math.abs(apy - (Math.pow(1.01, 10) - 1) * 100) < 1e-9, `${apy}`);
  assert.match(await text(page, "returns-root-chain-yield-note"), /largest of 2 root baskets, 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY: 1 TAO staked at block \d+ is worth 1\.01 TAO now, 36\.5 days on/);
  assert.match(await text(page, "returns-root-chain-yield-note"), /sell for 80 % of their value at spot/);
  assert.deepEqual(problems, []);
  await context.close();
  await data.close();
});
