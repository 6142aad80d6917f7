// What staking really paid (issue 33), against the pretend archive node (live-server.mjs
// `/archive`, fixtures/archive-replay.json written by tests/live_history.rs from the real
// metadata of specs 393 and 461, upgrading at block 7,924,400): the head is block 8,000,000 at
// 2026-12-07 00:00 UTC, one block each 12 s, so the block d days back is 8,000,000 - 7,200 d.
// There, for hotkey 0x5a…5a on subnet 64: alpha per share 1 + (33 - d) / 2,000 (the total
// shares 10^15 throughout, in the old map before the upgrade and in TotalHotkeySharesV2 after),
// the pool (200,000 - 100 d) TAO against (2,000,000 + 1,000 d) alpha at weights 1/2 and the
// default fee, and on spec 461 a root stake price of 1 + (10 - d) / 1,024. Every figure is
// computed here by hand from those integers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { appSuite, dataValue, text } from "./harness.mjs";
import { startChainServer } from "./live-server.mjs";
import { HOTKEY, aps, apy, close } from "./archive-case.mjs";

const app = appSuite();
const TAO = 1_000_000_000n;
let chain;
before(async () => {
  chain = await startChainServer();
});
after(() => chain?.close());

const pool = (d) => ({ tao: (200_000n - 100n * BigInt(d)) * TAO, alpha: (2_000_000n + 1_000n * BigInt(d)) * TAO });
// The chain's fee, floor(a × 33 / 65,535) give or take a rao of its fixed point (fee.rs).
const fee = (a) => (a * 33n) / 65535n;
const stake = (p, t) => { const n = t - fee(t); return (p.alpha * n) / (p.tao + n); };
const unstake = (p, a) => { const n = a - fee(a); return (p.tao * n) / (p.alpha + n); };
const rao = async (page, id) => BigInt(Math.round(Number(await dataValue(page, id)) * 1e9));
const near = (got, want, slack, what) => assert.ok(got - want <= slack && want - got <= slack, `${what}: ${got} vs ${want}`);

async function open(query) {
  const archive = encodeURIComponent(chain.url("/archive"));
  const opened = await app.open(`/?calc=returns&netuid=64&hotkey=${HOTKEY}&archive=${archive}&${query}`, {
    allow: [/WebSocket connection to .* failed/],
  });
  await opened.page.waitForSelector('[data-testid="returns-realised-apy-30"]', { timeout: 40_000 });
  return opened;
}

test("realised yields over 1, 7, 30 days and a window, across the runtime upgrade", async () => {
  const { page, problems, context } = await open("window_days=20");
  close(Number(await dataValue(page, "returns-realised-apy-1")), apy(aps(0) / aps(1), 1), "1 day");
  close(Number(await dataValue(page, "returns-realised-apy-7")), apy(aps(0) / aps(7), 7), "7 days");
  // 30 days back is block 7,784,000, on spec 393 (the old share map) against 461's V2.
  close(Number(await dataValue(page, "returns-realised-apy-30")), apy(aps(0) / aps(30), 30), "30 days");
  close(Number(await dataValue(page, "returns-realised-window")), apy(aps(0) / aps(20), 20), "20 days");
  // Model and chain more than a tenth apart: what the model assumes is said.
  const model = Number(await dataValue(page, "returns-apy"));
  const realised = apy(aps(0) / aps(30), 30);
  const gap = page.locator('[data-testid="returns-history-gap"]');
  if (Math.abs(model - realised) > realised / 10) assert.match(await gap.textContent(), /take of 18 %/);
  else assert.equal(await gap.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a backtest from a date: entry in that day's pool, grown by alpha per share, sold today", async () => {
  const { page, problems, context } = await open("amount=1000&from_date=2026-11-17");
  await page.waitForSelector('[data-testid="returns-backtest-exit-tao"]');
  const entry = stake(pool(20), 1000n * TAO);
  near(await rao(page, "returns-backtest-entry-alpha"), entry, 3n, "entry alpha");
  // aps(0) / aps(20) = 2,033 / 2,013 exactly.
  const grown = (entry * 2033n) / 2013n;
  near(await rao(page, "returns-backtest-alpha-now"), grown, 4n, "alpha now");
  near(await rao(page, "returns-backtest-exit-tao"), unstake(pool(0), grown), 6n, "exit");
  // The chart: the position's exit value at the sampled blocks, against the TAO staked.
  assert.ok((await page.locator("section.history svg path").count()) > 0);
  // Day 20 is on spec 393, which prices no root stake: said, not computed.
  assert.match(await text(page, "returns-backtest-vs-root"), /spec 461/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a backtest on spec 461 at both ends against root; a date in the future; a pruned node", async () => {
  const { page, problems, context } = await open("amount=1000&from_date=2026-12-02");
  await page.waitForSelector('[data-testid="returns-backtest-vs-root"][data-value]');
  // floor(1,000 TAO × (1 + 10/1024) / (1 + 5/1024)) = floor(10^12 × 1034 / 1029).
  near(await rao(page, "returns-backtest-vs-root"), (1000n * TAO * 1034n) / 1029n, 2n, "root");
  await context.close();

  const future = await app.open(`/?calc=returns&netuid=64&hotkey=${HOTKEY}&from_date=2099-01-01&archive=${encodeURIComponent(chain.url("/archive"))}`);
  assert.match(await future.page.locator("#from_date-msg").textContent(), /in the future/);
  await future.context.close();

  const pruned = await app.open(
    `/?calc=returns&netuid=64&hotkey=${HOTKEY}&window_days=30&archive=${encodeURIComponent(chain.url("/archive-pruned"))}`,
    { allow: [/WebSocket connection to .* failed/] },
  );
  await pruned.page.waitForSelector('[data-testid="returns-history-error"]', { timeout: 40_000 });
  assert.match(await text(pruned.page, "returns-history-error"), /archive/);
  // The modelled figures stay.
  assert.ok(Number(await dataValue(pruned.page, "returns-apy")) > 0);
  await pruned.context.close();
  assert.deepEqual(problems, []);
});
