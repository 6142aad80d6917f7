// Accessibility and look: axe-core finds no serious or critical violation on any calculator, in
// light and dark, in ordinary and error states; every input and result of each calculator is
// reached with Tab alone, values are changed and results read by keyboard; screenshots of each
// calculator at 390 and 1280 px are written for the README.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, ready, appSuite } from "./harness.mjs";

// One server and browser for the file; any uncaught error or panic fails the test.
const app = appSuite();
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");

const CALCULATORS = {
  pool: {
    query: "calc=pool&netuid=64&amount=100&tol=0.5",
    results: ["pool-received", "pool-fee", "pool-spot-price", "pool-price-impact", "pool-slippage", "pool-max-amount"],
  },
  returns: {
    query: "calc=returns&netuid=64&amount=100",
    results: ["returns-alpha-in", "returns-apy", "returns-alpha-end", "returns-exit-tao", "returns-net-tao", "returns-breakeven-days"],
  },
  take: {
    query: "calc=take&netuid=64&amount=100",
    results: ["take-net-apy-1", "take-earned-1", "take-paid-1", "take-net-apy-3", "take-earned-3", "take-paid-3"],
  },
  conviction: {
    query: "calc=conviction&netuid=64&lock=700000&owner_lock=300000",
    results: ["conviction-locked", "conviction-score", "conviction-peak", "conviction-gate-days", "conviction-beat-owner-days"],
  },
  // The table's figures are read from its scrolling region, which takes the focus; the depth
  // filter keeps the table to a few rows so Tab goes round the page in a few hundred stops.
  screen: {
    query: "calc=screen&netuid=64&amount=100&min_tao=60000",
    results: ["screen-verdict", "screen-count-gain", "screen-net-64", "screen-yield-64", "screen-entry-cost-64"],
  },
};

async function violations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
}

for (const scheme of ["light", "dark"]) {
  test(`axe: no serious or critical violations on any calculator, ${scheme} theme`, async () => {
    const { page, context } = await app.page({ colorScheme: scheme });
    const states = [
      ...Object.values(CALCULATORS).map((c) => c.query),
      // Error states and the open data and embed panels.
      "calc=pool&netuid=64&amount=abc&side=sideways",
      "calc=pool&netuid=64&amount=50000&tol=1",
      "calc=returns&netuid=64&take=30",
      "calc=take&netuid=64&takes=19,x",
      "calc=conviction&netuid=64&mode=forever",
      "calc=pool&netuid=64&amount=10&embed=1",
      "calc=screen&amount=abc&sort=bogus&min_tao=-1",
      "calc=screen&amount=5000000&embed=1",
    ];
    for (const query of states) {
      await page.goto(`${app.url}/?${query}`);
      await ready(page);
      // Every disclosure open (nested ones too), so what they hold is checked as well. What a
      // disclosure holds is built when it opens, and may hold further disclosures: open until
      // none is left closed.
      await page.evaluate(async () => {
        for (let round = 0; round < 10; round += 1) {
          const closed = [...document.querySelectorAll("details:not([open])")];
          if (closed.length === 0) return;
          closed.forEach((d) => { d.open = true; });
          await new Promise((ok) => setTimeout(ok, 50));
        }
        throw new Error("disclosures kept appearing closed");
      });
      assert.deepEqual(await violations(page), [], `${scheme}: ${query}`);
    }
    await context.close();
  });
}

for (const [name, calc] of Object.entries(CALCULATORS)) {
  test(`keyboard only: every input and result of the ${name} calculator, changed and read with the keyboard`, async () => {
    const { page, context } = await app.page();
    await page.goto(`${app.url}/?${calc.query}`);
    await ready(page);
    // What a keyboard user must be able to reach: every enabled field of the calculator
    // (one stop per radio group) and every result.
    const inputs = await page.evaluate(() => {
      const seen = new Set();
      return [...document.querySelectorAll(".calc input, .calc select, .calc textarea")]
        .filter((el) => !el.disabled)
        .map((el) => (el.type === "radio" ? `radio:${el.name}` : el.id))
        .filter((key) => key && !seen.has(key) && seen.add(key));
    });
    const reached = new Set();
    const results = new Map();
    let start = null;
    await page.locator("body").focus();
    for (let i = 0; i < 500; i += 1) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const inside = [...el.querySelectorAll("[data-testid]")].map((r) => r.dataset.testid);
        if (el.dataset.testid) inside.push(el.dataset.testid);
        // A figure is one stop: its "what is this?", named with the figure and its value.
        const figure = el.tagName === "SUMMARY" ? el.closest(".figure") : null;
        const value = figure?.querySelector(".value[data-testid]");
        if (value) inside.push(value.dataset.testid);
        return {
          key: el.type === "radio" ? `radio:${el.name}` : el.id,
          tag: el.tagName,
          summaryOfClosed: el.tagName === "SUMMARY" && !el.parentElement.open,
          text: value ? value.textContent.trim() : el.textContent.trim(),
          label: el.getAttribute("aria-label"),
          figure: Boolean(value),
          inside,
        };
      });
      if (!focus) continue;
      // Once focus wraps round to where it started, every stop has been visited.
      const stop = `${focus.tag}#${focus.key}:${focus.text.slice(0, 40)}`;
      if (stop === start) break;
      start ??= stop;
      reached.add(focus.key);
      for (const id of focus.inside) results.set(id, focus.text);
      // A figure's stop says its name and value.
      if (focus.figure) assert.match(focus.label ?? "", /: .+\. What is this\?$/, focus.label);
      // Folded sections open with Enter, as a keyboard user would open them (a figure's
      // definition needs no opening to read the figure).
      if (focus.summaryOfClosed && !focus.figure && (await page.evaluate(() => document.activeElement.closest(".calc") !== null))) {
        await page.keyboard.press("Enter");
      }
    }
    const missingInputs = inputs.filter((key) => !reached.has(key));
    assert.deepEqual(missingInputs, [], `${name}: inputs not reached by Tab`);
    const missingResults = calc.results.filter((id) => !results.has(id));
    assert.deepEqual(missingResults, [], `${name}: results not reached by Tab`);
    for (const id of calc.results) assert.ok(results.get(id).length > 0, `${name}: ${id} reads as text`);

    // Change a value by keyboard alone, then read the result again by Tab.
    const field = name === "conviction" ? "#lock" : "#amount";
    await page.locator(field).focus();
    const first = calc.results[0];
    const before = results.get(first);
    await page.keyboard.press("Control+A");
    await page.keyboard.type(name === "conviction" ? "800000" : "200");
    await page.locator(`[data-testid="${first}"]`).evaluate(() => {});
    let after = before;
    for (let i = 0; i < 300 && after === before; i += 1) {
      await page.keyboard.press("Tab");
      after = await page.evaluate((id) => {
        const el = document.activeElement;
        const value = el?.tagName === "SUMMARY" ? el.closest(".figure")?.querySelector(`.value[data-testid="${id}"]`) : null;
        if (value) return value.textContent.trim();
        const hit = el && (el.dataset.testid === id || el.querySelector(`[data-testid="${id}"]`));
        return hit ? el.textContent.trim() : null;
      }, first) ?? before;
    }
    assert.notEqual(after, before, `${name}: ${first} changed after typing`);
    await context.close();
  });
}

test("screenshots of each calculator at 390 and 1280 px", async () => {
  const dir = join(ROOT, "tests/browser/screenshots");
  await mkdir(dir, { recursive: true });
  for (const [name, calc] of Object.entries(CALCULATORS)) {
    for (const width of [390, 1280]) {
      const { page, context } = await app.page({ width, height: 900 });
      await page.goto(`${app.url}/?${calc.query}`);
      await ready(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} at ${width}px is ${overflow}px wider than the screen`);
      // At 390 px the first screen, as a phone shows it on load: the summary card in view.
      await page.screenshot({ path: join(dir, `${name}-${width}.png`) });
      await context.close();
    }
  }
  // The compact embed of a blog post, at 600 px.
  const { page, context } = await app.page({ width: 600, height: 700 });
  await page.goto(`${app.url}/?${CALCULATORS.pool.query}&embed=1`);
  await ready(page);
  await page.screenshot({ path: join(dir, "pool-embed-600.png"), fullPage: true });
  await context.close();
});
