// The take table's "Realised, 30 days" column (issue 33), against the pretend archive node
// (live-server.mjs `/archive`, fixtures/archive-replay.json; see history.test.mjs): the head is
// block 8,000,000 and, for hotkey 0x5a…5a on subnet 64, alpha per share at the block d days
// back is 1 + (33 - d) / 2,000. The chain's realised yield over 30 days is that growth,
// aps(0) / aps(30), annualised on a 365-day year, computed here by hand from those integers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { appSuite, dataValue, text } from "./harness.mjs";
import { startChainServer } from "./live-server.mjs";
import { HOTKEY, aps, apy, close } from "./archive-case.mjs";

const app = appSuite();
let chain;
before(async () => {
  chain = await startChainServer();
});
after(() => chain?.close());

const allow = [/WebSocket connection to .* failed/];

test("the column reads each row's hotkey from the archive node: the figure, no hotkey", async () => {
  const archive = encodeURIComponent(chain.url("/archive"));
  const { page, problems, context } = await app.open(`/?calc=take&netuid=64&takes=18,9&hotkeys=${HOTKEY},&archive=${archive}`, { allow });
  assert.equal(await text(page, "take-realised-apy-1"), "not read");
  assert.equal(await text(page, "take-realised-apy-2"), "no hotkey");
  assert.equal(await page.locator("#row-1-hotkey").inputValue(), HOTKEY);
  await page.locator('[data-testid="take-realised-read"]').click();
  await page.waitForSelector('[data-testid="take-realised-apy-1"][data-value]', { timeout: 40_000 });
  // 30 days back is block 7,784,000, on spec 393 (the old share map) against 461's V2.
  close(Number(await dataValue(page, "take-realised-apy-1")), apy(aps(0) / aps(30), 30), "30 days");
  assert.equal(await text(page, "take-realised-apy-2"), "no hotkey");
  await page.waitForFunction(() => !document.querySelector('[data-testid="take-realised-read"]').disabled);
  assert.equal(await page.locator('[data-testid="take-realised-cancel"]').count(), 0);
  assert.equal(await page.locator('[data-testid="take-realised-error"]').count(), 0);
  assert.equal(await text(page, "take-realised-status"), "");
  // The table's CSV has the column: its header last, each row's exact figure or words.
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="take-csv"]').click()]);
  const lines = (await readFile(await download.path(), "utf8")).split("\r\n").filter(Boolean);
  assert.ok(lines[1].endsWith(",\"Realised, 30 days\""), lines[1]);
  const realised = await dataValue(page, "take-realised-apy-1");
  assert.equal(lines.filter((l) => l.endsWith(`,${realised}`)).length, 1, lines.join("\n"));
  assert.equal(lines.filter((l) => l.endsWith(",no hotkey")).length, 1, lines.join("\n"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("a bad hotkey is named by its row; a bad archive= says so when reading", async () => {
  const { page, problems, context } = await app.open(`/?calc=take&netuid=64&takes=18,9&hotkeys=,5Ebad&archive=http%3A%2F%2Fnode`);
  assert.equal(
    await text(page, "take-rows-error"),
    "Row 2: “5Ebad” is not a hotkey: an SS58 address of 48 characters starting with 5.",
  );
  assert.match(await page.locator("#row-2-hotkey-msg").textContent(), /is not a hotkey/);
  assert.equal(await text(page, "take-realised-apy-1"), "no hotkey");
  assert.equal(await text(page, "take-realised-apy-2"), "not a hotkey");
  // The comparison does not need hotkeys.
  assert.ok(Number(await dataValue(page, "take-net-apy-1")) > 0);
  // No row to read: said, nothing sent.
  await page.locator('[data-testid="take-realised-read"]').click();
  assert.match(await text(page, "take-realised-error"), /No row has a hotkey/);
  // A good hotkey typed in, read from a bad archive=: its sentence.
  await page.locator("#row-1-hotkey").fill(HOTKEY);
  await page.waitForFunction((k) => new URL(location.href).searchParams.get("hotkeys") === `${k},5Ebad`, HOTKEY);
  await page.locator('[data-testid="take-realised-read"]').click();
  await page.waitForFunction(() => /not a WebSocket address/.test(document.querySelector('[data-testid="take-realised-error"]')?.textContent ?? ""));
  assert.match(await text(page, "take-realised-error"), /“http:\/\/node” is not a WebSocket address/);
  assert.equal(await text(page, "take-realised-apy-1"), "not read");
  assert.deepEqual(problems, []);
  await context.close();
});
