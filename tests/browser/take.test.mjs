// The delegation-take calculator in headless Chromium: the default rows, rows by URL, typing,
// adding, moving and removing rows, rows filled from imported validators, switching costs and
// bad input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { SHARED, ready, text, appSuite, numberValue } from "./harness.mjs";

// One server and browser for the file; any uncaught error or panic fails the test.
const app = appSuite();

const open = (query) => app.open(`/?calc=take&${query}`);

test("three rows at 18, 9 and 0 % take: ranked, with take paid, gaps and the raise scenario", async () => {
  const { page, problems, context } = await open("netuid=64&amount=100&days=365");
  assert.equal(await page.locator('[data-testid^="take-row-editor-"]').count(), 3);
  const [apy1, apy2, apy3] = [await numberValue(page, "take-net-apy-1"), await numberValue(page, "take-net-apy-2"), await numberValue(page, "take-net-apy-3")];
  assert.ok(apy3 > apy2 && apy2 > apy1, `${apy1} ${apy2} ${apy3}`);
  assert.equal(await page.locator('[data-testid="take-row-3"]').getAttribute("data-rank"), "1");
  assert.equal(await page.locator('[data-testid="take-row-1"]').getAttribute("data-rank"), "3");
  // No take, nothing paid; at "18 %", the chain's maximum 11,796/65,535, the validator keeps
  // 11,796/53,739 of what the delegator gets.
  assert.equal(await numberValue(page, "take-paid-3"), 0);
  const ratio = (await numberValue(page, "take-paid-1")) / (await numberValue(page, "take-earned-1"));
  assert.ok(Math.abs(ratio - 11796 / 53739) < 1e-12, `${ratio}`);
  assert.equal(await numberValue(page, "take-gap-3"), 0);
  assert.ok(await numberValue(page, "take-gap-1") > 0);
  // Raised to 18 % after 30 days costs the 0 % row something; the 18 % row cannot rise.
  assert.ok(await numberValue(page, "take-raised-3") > 0);
  assert.match(await text(page, "take-raised-1"), /already 18 %/);
  assert.equal(await page.locator(".chart svg path.curve").count(), 3);
  assert.deepEqual(problems, []);
  await context.close();
});

test("childkey take and the days since a take changed, by URL and by typing", async () => {
  // Two 18 % validators, the second through another owner's child hotkey at 18 %.
  const { page, problems, context } = await open("netuid=64&takes=18,18,0,0&childkeys=0,18,0,0&take_days=30,30,30,0&days=60");
  const [one, two] = [await numberValue(page, "take-earned-1"), await numberValue(page, "take-earned-2")];
  // The child's take leaves 82 % of each epoch's earnings; compounding over 60 days a little less.
  assert.ok(two / one < 53739 / 65535 && two / one > 0.81, `${two / one}`);
  // Unchanged for 30 days, a 0 % validator can raise at once; changed today, only after 30 days.
  const [now, later] = [await numberValue(page, "take-raised-3"), await numberValue(page, "take-raised-4")];
  assert.ok(now > later && later > 0, `${now} ${later}`);
  await page.locator("#row-4-take-days").fill("30");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("take_days") === "30,30,30,30");
  await page.waitForFunction((n) => Math.abs(Number(document.querySelector('[data-testid="take-raised-4"]')?.dataset.value) - n) < 1e-9, now);
  await page.locator("#row-1-childkey").fill("19");
  await page.waitForSelector("#row-1-childkey-msg:not(:empty)");
  // Over one day (20 payouts) compounding is negligible: the ratio is the kept share, 0.82.
  await page.goto(`${app.url}/?calc=take&netuid=64&takes=18,18&childkeys=0,18&days=1`);
  await ready(page);
  const day = (await numberValue(page, "take-earned-2")) / (await numberValue(page, "take-earned-1"));
  assert.ok(Math.abs(day - 53739 / 65535) < 0.0005, `${day}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("rows by URL, typing, adding, moving and removing", async () => {
  const { page, problems, context } = await open("netuid=64&takes=10,5&names=Foo,Bar&apys=,20");
  assert.equal(await page.locator('[data-testid="take-row-1"] td').first().textContent(), "Foo");
  assert.ok(Math.abs((await numberValue(page, "take-net-apy-2")) - 20) < 1e-6, "an observed APY replaces the derived one");
  await page.locator("#row-1-take").fill("0");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("takes") === "0,5");
  await page.locator("#row-2-name").fill("Bar, Inc");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("names") === "Foo,Bar  Inc");
  await page.locator("#take-add-row").click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="take-row-editor-"]').length === 3);
  assert.equal(new URL(page.url()).searchParams.get("takes"), "0,5,18");
  assert.equal(new URL(page.url()).searchParams.get("childkeys"), "0,0,0");
  assert.equal(new URL(page.url()).searchParams.get("take_days"), "30,30,30");
  await page.getByRole("button", { name: "Move validator 3 up" }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("takes") === "0,18,5");
  assert.equal(new URL(page.url()).searchParams.get("apys"), ",,20");
  await page.getByRole("button", { name: "Remove validator 1" }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("takes") === "18,5");
  assert.equal(await page.locator('[data-testid^="take-row-editor-"]').count(), 2);
  assert.equal(await page.locator("#row-1-take").inputValue(), "18");
  assert.deepEqual(problems, []);
  await context.close();
});

test("validators imported from Taostats fill the rows", async () => {
  const { page, problems, context } = await open("netuid=0&amount=100");
  await page.locator(".data-panel summary").click();
  await page.locator("#snapshot-file").setInputFiles(join(SHARED, "fixtures/taostats-validator-yield-2025-04-17.json"));
  await page.waitForSelector('[data-testid="take-prefilled"]');
  assert.equal(await page.locator('[data-testid^="take-row-editor-"]').count(), 8);
  assert.equal(await page.locator("#row-1-name").inputValue(), "Taostats & Corcel");
  assert.ok(await numberValue(page, "take-net-apy-1") > 0);
  // Each row's hotkey comes too, for the realised column; real ones read without complaint.
  assert.match(await page.locator("#row-1-hotkey").inputValue(), /^5[1-9A-HJ-NP-Za-km-z]{47}$/);
  assert.equal(await text(page, "take-rows-error"), "");
  assert.equal(await text(page, "take-realised-apy-1"), "not read");
  assert.deepEqual(problems, []);
  await context.close();
});

test("switching: the best validator here at no cost, or another subnet through two pool legs", async () => {
  const { page, problems, context } = await open("netuid=64&amount=100&switch_netuid=4");
  assert.match(await text(page, "take-switch-same"), /no cost.*pays back at once/);
  assert.match(await text(page, "take-switch-other"), /Subnet 4 at .* the move costs [\d.]+ TAO.*pays back/);
  await page.locator("#from_row").selectOption("3");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("from_row") === "3");
  assert.match(await text(page, "take-switch-other"), /Subnet 4/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("bad input gets a message by its field", async () => {
  const { page, problems, context } = await open("netuid=64");
  const cases = [
    ["takes=19", "#row-1-take-msg", "Too large: at most 18."],
    ["takes=abc", "#row-1-take-msg", "is not a number"],
    ["takes=-1", "#row-1-take-msg", "Must not be negative."],
    ["takes=5,5&vtrusts=1,2", "#row-2-vtrust-msg", "Too large: at most 1."],
    ["takes=5&apys=-5", "#row-1-apy-msg", "Must not be negative."],
    ["days=0", "#days-msg", "Too small: at least 1."],
    ["amount=1e30", "#amount-msg", "Too large: at most 21,000,000."],
    ["from_row=9", "#from_row-msg", "Too large: at most 3."],
    ["switch_netuid=999", "#switch_netuid-msg", "Subnet 999 is not in this data"],
  ];
  for (const [query, selector, message] of cases) {
    await page.goto(`${app.url}/?calc=take&netuid=64&${query}`);
    await ready(page);
    const shown = (await page.locator(selector).textContent()) ?? "";
    assert.ok(shown.includes(message), `${query}: “${shown}”`);
  }
  await page.goto(`${app.url}/?calc=take&netuid=64&takes=1,2,3,4,5,6,7,8,9`);
  await ready(page);
  assert.equal(await page.locator('[data-testid^="take-row-editor-"]').count(), 8);
  assert.match(await page.locator(".calc .rows").locator("xpath=preceding-sibling::p[1]").textContent(), /At most 8 validators/);
  assert.deepEqual(problems, []);
  await context.close();
});
