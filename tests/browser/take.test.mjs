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
  // No take, nothing paid; at 18 % the validator keeps 18/82 of what the delegator gets.
  assert.equal(await numberValue(page, "take-paid-3"), 0);
  const ratio = (await numberValue(page, "take-paid-1")) / (await numberValue(page, "take-earned-1"));
  assert.ok(Math.abs(ratio - 18 / 82) < 1e-12, `${ratio}`);
  assert.equal(await numberValue(page, "take-gap-3"), 0);
  assert.ok(await numberValue(page, "take-gap-1") > 0);
  // Raised to 18 % after 30 days costs the 0 % row something; the 18 % row cannot rise.
  assert.ok(await numberValue(page, "take-raised-3") > 0);
  assert.match(await text(page, "take-raised-1"), /already 18 %/);
  assert.equal(await page.locator(".chart svg path.curve").count(), 3);
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
