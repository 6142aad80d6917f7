// The conviction-lock calculator in headless Chromium: SPEC §4's worked figures by URL, typing and
// presets, peaks, the takeover gate (or why never), the owner's own lock, and bad input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ready, dataValue, text, appSuite, numberValue, loadJson, toRao, fromRao } from "./harness.mjs";

// One server and browser for the file; any uncaught error or panic fails the test.
const app = appSuite();

const open = (query) => app.open(`/?calc=conviction&${query}`);

test("SPEC's worked figures: 10,000 alpha locked, after 90 days", async () => {
  const { page, problems, context } = await open("netuid=64");
  const cases = [
    ["perpetual", 934866, 934866, 10000, 5000],
    ["perpetual", 934866, 311622, 10000, 8750],
    ["decaying", 934866, 934866, 5000, 3465.7],
    ["decaying", 934866, 311622, 5000, 5625],
  ];
  for (const [mode, tu, tm, locked, conviction] of cases) {
    await page.goto(`${app.url}/?calc=conviction&netuid=64&lock=10000&days=90&mode=${mode}&tu=${tu}&tm=${tm}`);
    await ready(page);
    assert.equal(Math.round(await numberValue(page, "conviction-locked")), locked, `${mode} ${tm}: locked`);
    const got = await numberValue(page, "conviction-score");
    assert.ok(Math.abs(got - conviction) < 0.1, `${mode} ${tm}: conviction ${got}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("SPEC's worked lock and the locked value through the pool, computed here", async () => {
  // SPEC §4: 10,000 alpha locked perpetually, MaturityRate 311,622, after 90 days (648,000
  // blocks): c = m (1 - e^(-dt/tm)) = 8,750.
  const { page, problems, context } = await open("netuid=64&lock=10000&days=90&mode=perpetual&tm=311622");
  const expected = 10000 * (1 - Math.exp(-648000 / 311622));
  const score = await numberValue(page, "conviction-score");
  assert.ok(Math.abs(score - expected) < 1e-6, `${score} vs ${expected}`);
  assert.equal(Math.round(score), 8750);
  assert.equal(await numberValue(page, "conviction-locked"), 10000);
  // The locked alpha sold into subnet 64's pool now (equal weights, integer maths written out).
  const { subnets } = await loadJson("data/snapshot-finney-2026-08-07.json");
  const s64 = subnets.find((x) => x.netuid === 64);
  const [y, x] = [toRao(s64.tao_in), toRao(s64.alpha_in)];
  const alpha = 10_000_000_000_000n;
  const net = alpha - (alpha * 33n) / 65535n;
  assert.equal(await dataValue(page, "conviction-liquidity"), fromRao((y * net) / (x + net)));
  assert.deepEqual(problems, []);
  await context.close();
});

test("typing and presets update the figures and the URL", async () => {
  const { page, problems, context } = await open("netuid=64&lock=10000&days=90");
  assert.match(await text(page, "conviction-half-lives"), /unlock 90 days, maturity 90 days/);
  await page.locator("#preset-docs").click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("tm") === "311622");
  assert.match(await text(page, "conviction-half-lives"), /maturity 30 days/);
  const before = await numberValue(page, "conviction-score");
  await page.locator("#lock").fill("20000");
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="conviction-score"]')?.dataset.value) > b * 1.9, before);
  assert.match(page.url(), /lock=20000/);
  // A decaying lock has a peak; a perpetual one does not.
  assert.ok(await numberValue(page, "conviction-peak") > 0);
  await page.locator("#mode-perpetual").check();
  await page.waitForFunction(() => document.querySelector('[data-testid="conviction-peak"]')?.dataset.value === undefined);
  assert.match(await text(page, "conviction-peak"), /No peak/);
  assert.equal(await page.locator(".chart svg path.curve").count(), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test("takeover timing: the gate, the owner, the subnet's age, and never with the reason", async () => {
  const { page, problems, context } = await open("netuid=64&lock=700000&owner_lock=300000&mode=perpetual&tm=311622");
  const gate = await numberValue(page, "conviction-gate-days");
  const beat = await numberValue(page, "conviction-beat-owner-days");
  assert.ok(beat > 0 && beat < gate, `${beat} ${gate}`);
  assert.equal(await numberValue(page, "conviction-takeover-days"), gate, "subnet 64 is over a year old");
  assert.match(await text(page, "conviction-age"), /The subnet is \d+ days old/);
  assert.ok(await numberValue(page, "conviction-liquidity") > 0);
  assert.equal(await page.locator(".chart svg path.curve").count(), 3);
  // A small decaying lock never reaches 18 % of the alpha outstanding.
  await page.goto(`${app.url}/?calc=conviction&netuid=64&lock=1000&mode=decaying`);
  await ready(page);
  assert.equal(await dataValue(page, "conviction-gate-days"), null);
  assert.match(await text(page, "conviction-gate-days"), /Never: conviction peaks at .* below the gate of/);
  // The old rule: total conviction x 10 against the alpha outstanding.
  await page.goto(`${app.url}/?calc=conviction&netuid=64&lock=400000&mode=perpetual&gate_rule=total`);
  await ready(page);
  assert.ok(await numberValue(page, "conviction-gate-days") > 0);
  // The owner's own hotkey: conviction is the locked amount at once.
  await page.goto(`${app.url}/?calc=conviction&netuid=64&lock=5000&owner=1&days=30`);
  await ready(page);
  assert.equal(await dataValue(page, "conviction-score"), await dataValue(page, "conviction-locked"));
  assert.equal(await page.locator('[data-testid="conviction-owner-note"]').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("bad input gets a message by its field", async () => {
  const { page, problems, context } = await open("netuid=64");
  const cases = [
    ["mode=forever", "#mode-msg", "Unknown mode “forever”"],
    ["tu=0", "#tu-msg", "Too small: at least 1."],
    ["tm=1.5", "#tm-msg", "Must be a whole number."],
    ["lock=-1", "#lock-msg", "Must not be negative."],
    ["lock=abc", "#lock-msg", "is not a number"],
    ["lock=1e30", "#lock-msg", "Too large: at most 21,000,000."],
    ["conviction=0.0000000001", "#conviction-msg", "At most 9 decimal places"],
    ["gate=0", "#gate-msg", "Must be more than 0."],
    ["gate_rule=most", "#gate_rule-msg", "Unknown gate rule"],
    ["days=4000", "#days-msg", "Too large: at most 3,650."],
    ["eligible=0", "#eligible-msg", "Must be more than 0."],
    ["owner=2", "#owner-msg", "is not 0 or 1"],
  ];
  for (const [query, selector, message] of cases) {
    await page.goto(`${app.url}/?calc=conviction&netuid=64&${query}`);
    await ready(page);
    const shown = (await page.locator(selector).textContent()) ?? "";
    assert.ok(shown.includes(message), `${query}: “${shown}”`);
    assert.match(await text(page, "conviction-error"), /Fix the marked fields/);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
