// Realised yields beyond the returns page (issue 33): the screener's panel of the chosen
// subnet's validators, the returns page's validator picker, and the archive node set in the
// data panel. The pretend archive node (live-server.mjs `/archive`, fixtures/archive-replay.json,
// described in history.test.mjs) serves hotkey 0x5a…5a on subnet 64 with alpha per share
// 1 + (33 - d) / 2,000 at the block d days back; any other hotkey has no stake accounting there,
// as the chain answers a storage key it never wrote (no value). The subnet data with the
// validators is this app's dtao-snapshot/2, served by a local data server.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { appSuite, dataValue, text, SHARED, startDataServer } from "./harness.mjs";
import { startChainServer } from "./live-server.mjs";
import { HOTKEY, aps, apy, close } from "./archive-case.mjs";

const app = appSuite();
// Alice's well-known address: valid SS58, never a validator on the pretend archive.
const OTHER = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
let chain;
let data;
before(async () => {
  chain = await startChainServer();
  const snapshot = JSON.parse(await readFile(join(SHARED, "data/snapshot-finney-2026-08-07.json"), "utf8"));
  snapshot.subnets.find((s) => s.netuid === 64).validators = [
    { hotkey: OTHER, name: "Small one", take: "0.18", alpha_stake: "10" },
    { hotkey: HOTKEY, name: "Archive Val", take: "0.09", alpha_stake: "5000" },
  ];
  data = await startDataServer({ "/validators.json": { body: JSON.stringify(snapshot) } });
});
after(async () => {
  await chain?.close();
  await data?.close();
});

const snapshotParam = () => `snapshot=${encodeURIComponent(`${data.url}/validators.json`)}`;

test("the screener lists the chosen subnet's validators and reads what the chain paid them", async () => {
  const archive = encodeURIComponent(chain.url("/archive"));
  const { page, problems, context } = await app.open(`/?calc=screen&netuid=64&${snapshotParam()}&archive=${archive}`, {
    allow: [/WebSocket connection to .* failed/],
  });
  await page.waitForSelector('[data-testid="screen-realised-row-2"]', { timeout: 15_000 });
  // Largest stake first; nothing read yet.
  assert.match(await page.locator('[data-testid="screen-realised-row-1"] th').textContent(), /Archive Val/);
  assert.equal(await text(page, "screen-realised-apy-1"), "not read");
  await page.locator('[data-testid="screen-realised-read"]').click();
  await page.waitForSelector('[data-testid="screen-realised-apy-1"][data-value]', { timeout: 40_000 });
  // 30 days back is block 7,784,000 on spec 393 (the old share map), the head on 461.
  close(Number(await dataValue(page, "screen-realised-apy-1")), apy(aps(0) / aps(30), 30), "30 days");
  // The other validator has no stake accounting on the archive: a sentence, no figure.
  await page.waitForFunction(() => document.querySelector('[data-testid="screen-realised-apy-2"]')?.textContent !== "not read", null, { timeout: 40_000 });
  assert.equal(await dataValue(page, "screen-realised-apy-2"), null);
  assert.match(await text(page, "screen-realised-apy-2"), /no stake then: at block 7,?784,?000/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a bad archive= is said beside the panel, and nothing is read", async () => {
  const { page, problems, context } = await app.open(`/?calc=screen&netuid=64&${snapshotParam()}&archive=ftp%3A%2F%2Fnowhere`);
  await page.waitForSelector('[data-testid="screen-realised-read"]', { timeout: 15_000 });
  const before = chain.batches.length;
  await page.locator('[data-testid="screen-realised-read"]').click();
  await page.waitForSelector('[data-testid="screen-realised-error"]');
  assert.match(await text(page, "screen-realised-error"), /ws/);
  assert.equal(chain.batches.length, before);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the returns page picks among the subnet's validators; the default is the largest", async () => {
  const { page, problems, context } = await app.open(`/?calc=returns&netuid=64&${snapshotParam()}`);
  const pick = page.locator('[data-testid="returns-hotkey-pick"]');
  await pick.waitFor({ timeout: 15_000 });
  assert.equal(await pick.locator("option").count(), 2);
  assert.equal(await page.locator("#hotkey").inputValue(), HOTKEY);
  await pick.selectOption(OTHER);
  await page.waitForFunction((h) => new URL(location.href).searchParams.get("hotkey") === h, OTHER);
  assert.equal(await page.locator("#hotkey").inputValue(), OTHER);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the data panel sets and remembers the archive node; a bad one is refused beside it", async () => {
  const { page, problems, context } = await app.open(`/?calc=returns&netuid=64`);
  await page.locator('[data-testid="data-panel"] summary').click();
  const field = page.locator('[data-testid="data-archive"]');
  await field.fill("http://not-a-node");
  await page.locator('[data-testid="data-archive-use"]').click();
  assert.match(await text(page, "data-archive-error"), /ws/);
  assert.equal(new URL(page.url()).searchParams.get("archive"), null);

  const archive = chain.url("/archive");
  await field.fill(archive);
  await page.locator('[data-testid="data-archive-use"]').click();
  await page.waitForFunction((a) => new URL(location.href).searchParams.get("archive") === a, archive);
  assert.equal(await text(page, "data-archive-error"), "");
  assert.equal(await page.locator("#archive").inputValue(), archive);
  // Remembered on this device: a link without archive= uses it.
  await page.goto(`${app.url}/?calc=returns&netuid=64`);
  await page.waitForSelector("#archive");
  assert.equal(await page.locator("#archive").inputValue(), archive);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a slow archive node: progress while it reads, and Cancel stops it on both pages", async () => {
  // `/silent` takes every request and never answers.
  const archive = encodeURIComponent(chain.url("/silent"));
  // Not `app.open`: it waits for the page to be idle, and the read keeps it busy (aria-busy).
  const returns = await app.page();
  const { page } = returns;
  await page.goto(`${app.url}/?calc=returns&netuid=64&hotkey=${HOTKEY}&window_days=7&archive=${archive}`);
  await page.waitForSelector('[data-testid="returns-history-cancel"]', { timeout: 15_000 });
  assert.match(await text(page, "returns-history-status"), /Reading/);
  assert.equal(await page.locator('[data-testid="returns-history-read"]').isDisabled(), true);
  await page.locator('[data-testid="returns-history-cancel"]').click();
  assert.equal(await text(page, "returns-history-status"), "Cancelled: nothing more is read.");
  assert.equal(await page.locator('[data-testid="returns-history-read"]').isDisabled(), false);
  assert.equal(await page.locator('[data-testid="returns-realised-apy-30"]').count(), 0);
  assert.deepEqual(returns.problems, []);
  await returns.context.close();

  const screen = await app.open(`/?calc=screen&netuid=64&${snapshotParam()}&archive=${archive}`);
  await screen.page.waitForSelector('[data-testid="screen-realised-read"]', { timeout: 15_000 });
  await screen.page.locator('[data-testid="screen-realised-read"]').click();
  await screen.page.waitForSelector('[data-testid="screen-realised-cancel"]');
  assert.match(await text(screen.page, "screen-realised-status"), /Reading validator 1 of 2/);
  await screen.page.locator('[data-testid="screen-realised-cancel"]').click();
  assert.equal(await text(screen.page, "screen-realised-status"), "Cancelled: nothing more is read.");
  assert.equal(await text(screen.page, "screen-realised-apy-1"), "not read");
  assert.deepEqual(screen.problems, []);
  await screen.context.close();
});
