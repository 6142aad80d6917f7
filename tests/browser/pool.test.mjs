// The pool calculator in headless Chromium, served over http as a visitor would load it:
// driven by URL and by typing, figures checked against ../shared/vectors/pool.json, bad input
// answered next to its field, and no uncaught error or panic anywhere.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ready, dataValue, text, toRao, fromRao, loadJson, appSuite } from "./harness.mjs";

// One server and browser for the file; any uncaught error or panic fails the test.
const app = appSuite();

const MAX_TOKENS_RAO = 21_000_000n * 1_000_000_000n;

/** Why the page cannot take a vector case as it stands, or null when it can. */
function skipReason(c) {
  const amounts = [c.tao_in_rao, c.alpha_in_rao, c.amount_rao].map(BigInt);
  if (amounts.some((a) => a > MAX_TOKENS_RAO)) return "beyond 21,000,000 tokens, which the inputs refuse";
  // The vectors are pool-level: the staking pallet refuses a stake under 0.002 TAO net first.
  const fee = (BigInt(c.amount_rao) * BigInt(c.fee_rate)) / 65535n;
  if (c.side === "stake" && BigInt(c.amount_rao) - fee < 2_000_000n) {
    return "a stake under the 0.002 TAO minimum, refused before the pool";
  }
  return null;
}

/** Open a vector case's custom pool and trade: pool-level, so no position minimum (`whole`). */
async function openCase(page, c, pool) {
  const query = new URLSearchParams({
    calc: "pool", netuid: "", ...pool,
    tao_in: fromRao(c.tao_in_rao), alpha_in: fromRao(c.alpha_in_rao),
    side: c.side, amount: fromRao(c.amount_rao), whole: "1",
  });
  if (c.limit_price_rao !== null) {
    query.set("limit", fromRao(c.limit_price_rao));
    query.set("partial", c.allow_partial ? "1" : "0");
  }
  await page.goto(`${app.url}/?${query}`);
  await ready(page);
}

test("the default view shows the bundled snapshot and a stake on the deepest pool", async () => {
  const { page, problems, context } = await app.page();
  await page.goto(`${app.url}/`);
  await ready(page);
  const line = await text(page, "data-line");
  assert.match(line, /block 8,791,253/);
  assert.match(line, /2026-08-07/);
  assert.match(line, /129 subnets/);
  // Subnet 64 (221,156.58516926 TAO / 2,542,377.6015667 alpha), 10 TAO staked.
  assert.equal(await dataValue(page, "subnet-current"), "64");
  assert.equal(await dataValue(page, "pool-received"), "114.895179535");
  assert.equal(await dataValue(page, "pool-fee"), "0.005035477");
  assert.equal(await page.locator('[data-testid="pool-error"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("every pool vector within the page's ranges shows the chain's figures", async () => {
  const { cases } = await loadJson("vectors/pool.json");
  const { page, problems, context } = await app.page();
  let checked = 0;
  let partials = 0;
  const skipped = [];
  for (const c of cases) {
    const reason = skipReason(c);
    if (reason) {
      skipped.push(`${c.name}: ${reason}`);
      continue;
    }
    await openCase(page, c, { w_tao: c.w_tao });
    if (c.expect.error) {
      const error = page.locator('[data-testid="pool-error"]');
      assert.equal(await error.getAttribute("data-error"), c.expect.error, c.name);
      assert.ok((await error.textContent()).length > 40, `${c.name}: message`);
    } else {
      const received = toRao(await dataValue(page, "pool-received"));
      const expected = BigInt(c.expect.out_rao);
      const diff = received > expected ? received - expected : expected - received;
      // Exact where the chain is integer-exact (equal weights); other weights take a power.
      if (c.w_tao === "0.5") assert.equal(received, expected, `${c.name}: received`);
      else assert.ok(Number(diff) <= Number(expected) * 1e-9, `${c.name}: received ${received} vs ${expected}`);
      assert.equal(await dataValue(page, "pool-fee"), fromRao(c.expect.fee_rao), `${c.name}: fee`);
      const refund = BigInt(c.amount_rao) - BigInt(c.expect.amount_in_rao) - BigInt(c.expect.fee_rao);
      if (refund > 0n) {
        assert.equal(await dataValue(page, "pool-refund"), fromRao(refund), `${c.name}: refund`);
        assert.equal(await dataValue(page, "pool-partial"), fromRao(refund), `${c.name}: stays with you`);
        partials += 1;
      } else {
        assert.equal(await page.locator('[data-testid="pool-refund"]').count(), 0, `${c.name}: no refund`);
      }
      const spot = await text(page, "pool-spot-price");
      assert.ok(
        spot.includes(`chain: ${BigInt(c.expect.spot_price_rao).toLocaleString("en-US")} rao`),
        `${c.name}: ${spot}`,
      );
    }
    checked += 1;
  }
  // Every case is checked or skipped for a reason named here; the skips are pinned.
  assert.equal(checked + skipped.length, cases.length);
  assert.equal(skipped.length, 11, `skipped:\n${skipped.join("\n")}`);
  assert.ok(partials >= 1, "a partial fill among the vectors");
  assert.deepEqual(problems, []);
  await context.close();
});

test("every superellipse vector within the page's ranges shows the chain's out_rao exactly, refunds included", async () => {
  const { cases } = await loadJson("vectors/superellipse.json");
  const { page, problems, context } = await app.page();
  let checked = 0;
  let partials = 0;
  const skipped = [];
  for (const c of cases) {
    const reason = skipReason(c);
    if (reason) {
      skipped.push(`${c.name}: ${reason}`);
      continue;
    }
    await openCase(page, c, {
      curve: "superellipse", fee_rate: String(c.fee_rate),
      alpha_scale: c.alpha_scale, tao_scale: c.tao_scale, center_alpha: c.center_alpha, center_tao: c.center_tao,
    });
    assert.equal(await dataValue(page, "pool-curve"), "superellipse", c.name);
    if (c.expect.error) {
      const error = page.locator('[data-testid="pool-error"]');
      assert.equal(await error.getAttribute("data-error"), c.expect.error, c.name);
    } else {
      assert.equal(toRao(await dataValue(page, "pool-received")), BigInt(c.expect.out_rao), `${c.name}: out`);
      assert.equal(await dataValue(page, "pool-fee"), fromRao(c.expect.fee_rao), `${c.name}: fee`);
      if (c.expect.partial) {
        assert.equal(await dataValue(page, "pool-refund"), fromRao(c.expect.refund_rao), `${c.name}: refund`);
        assert.equal(await dataValue(page, "pool-partial"), fromRao(c.expect.refund_rao), `${c.name}: partial`);
        partials += 1;
      } else {
        assert.equal(await page.locator('[data-testid="pool-refund"]').count(), 0, `${c.name}: no refund`);
      }
    }
    checked += 1;
  }
  assert.equal(checked + skipped.length, cases.length);
  assert.equal(skipped.length, 37, `skipped:\n${skipped.join("\n")}`);
  assert.equal(partials, 15, "partial fills checked with their refund");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a superellipse pool calibrated from the weight shows its curve and its capacity", async () => {
  const { page, problems, context } = await app.open("/?calc=pool&netuid=&tao_in=1000&alpha_in=10000&curve=superellipse&amount=1500");
  assert.equal(await page.locator('[data-testid="pool-curve-calibrated"]').count(), 1);
  const capacity = Number(await dataValue(page, "pool-capacity"));
  // About 2 x w_alpha x the TAO reserve at calibration: 1,000 TAO.
  assert.ok(capacity > 990 && capacity < 1001, `${capacity}`);
  const refund = Number(await dataValue(page, "pool-refund"));
  assert.ok(refund > 499 && refund < 510, `${refund}`);
  // The same reserves on a Balancer curve have no end: no capacity, no refund.
  await page.locator("#curve-balancer").check();
  await page.waitForFunction(() => document.querySelector('[data-testid="pool-curve"]')?.dataset.value === "balancer");
  assert.equal(await page.locator('[data-testid="pool-capacity"]').count(), 0);
  assert.equal(await page.locator('[data-testid="pool-refund"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("moving 1,150 alpha from subnet 64 to subnet 4 pays one swap fee: about 0.168 TAO lost", async () => {
  const { page, problems, context } = await app.open("/?calc=pool&netuid=64&move_to=4&move_amount=1150");
  const lost = Number(await dataValue(page, "pool-move-loss"));
  assert.ok(lost > 0.16 && lost < 0.17, `${lost}`);
  // The one fee is the unstake leg's: 33/65,535 of about 99.4 TAO.
  const fee = Number(await dataValue(page, "pool-move-fee"));
  assert.ok(fee > 0.0495 && fee < 0.0505, `${fee}`);
  assert.equal(await page.locator('[data-testid="pool-move-free"]').count(), 0);
  // Too little to restake stays free TAO.
  await page.locator("#move_amount").fill("0.01");
  await page.waitForSelector('[data-testid="pool-move-free"]');
  assert.deepEqual(problems, []);
  await context.close();
});

test("the docs example reads the same by URL and by typing, and the URL follows", async () => {
  const { page, problems, context } = await app.page();
  await page.goto(`${app.url}/?calc=pool&tao_in=10&alpha_in=100&netuid=&amount=1`);
  await ready(page);
  const historyLength = await page.evaluate(() => history.length);
  await page.locator("#amount").fill("5");
  await page.waitForFunction(
    () => document.querySelector('[data-testid="pool-received"]')?.dataset.value === "33.322141508",
  );
  assert.equal(await dataValue(page, "pool-fee"), "0.002517738");
  assert.equal(await dataValue(page, "pool-spot-price"), "0.1");
  assert.equal(await dataValue(page, "pool-slippage"), "33.355716984");
  assert.match(page.url(), /amount=5(&|$)/);
  assert.equal(await page.evaluate(() => history.length), historyLength, "replaceState, not push");

  // The same state opened fresh from the URL restores the view exactly.
  const url = page.url();
  const { page: again, context: c2 } = await app.page();
  await again.goto(url);
  await ready(again);
  assert.equal(await again.locator("#amount").inputValue(), "5");
  assert.equal(await dataValue(again, "pool-received"), "33.322141508");
  await c2.close();

  // Unstake by clicking, then price protection by typing.
  await page.locator("#side-unstake").check();
  await page.locator("#amount").fill("10");
  await page.waitForFunction(
    () => document.querySelector('[data-testid="pool-received"]')?.textContent.includes("TAO"),
  );
  assert.match(page.url(), /side=unstake/);
  await page.locator("#tol").fill("0.5");
  await page.waitForSelector('[data-testid="pool-error"][data-error="SlippageTooHigh"]');
  const max = await dataValue(page, "pool-max-amount");
  assert.ok(Number(max) > 0 && Number(max) < 10, `max within 0.5 %: ${max}`);
  await page.locator("#partial").check();
  await page.waitForSelector('[data-testid="pool-partial"]');
  assert.equal(await page.locator('[data-testid="pool-error"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("rejections come back as messages a person understands", async () => {
  const { page, problems, context } = await app.page();
  const cases = [
    ["netuid=64&amount=0.002", "AmountTooLow", /minimum stake/],
    ["netuid=64&side=unstake&amount=0.001", "AmountTooLow", /whole position/],
    ["netuid=&tao_in=1&alpha_in=1000&amount=1001.01", "SwapInputTooLarge", /1,000 times/],
    ["netuid=&tao_in=10&alpha_in=0.0009&amount=1", "ReservesTooLow", /too low/],
    ["netuid=64&tol=0", "PriceLimitExceeded", /tolerance/],
    ["netuid=64&amount=50000&tol=1", "SlippageTooHigh", /fill or kill/],
  ];
  for (const [query, name, message] of cases) {
    await page.goto(`${app.url}/?calc=pool&${query}`);
    await ready(page);
    const error = page.locator('[data-testid="pool-error"]');
    assert.equal(await error.getAttribute("data-error"), name, query);
    assert.match(await error.textContent(), message, query);
    assert.equal(await page.locator('[data-testid="pool-received"]').getAttribute("data-value"), null);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("bad input gets a message by its field and the rest of the page keeps working", async () => {
  const { page, problems, context } = await app.page();
  const cases = [
    ["amount=", "#amount-msg", "Enter a number."],
    ["amount=abc", "#amount-msg", "is not a number"],
    ["amount=-5", "#amount-msg", "Must not be negative."],
    ["amount=1.0000000001", "#amount-msg", "At most 9 decimal places"],
    ["amount=1e30", "#amount-msg", "Too large: at most 21,000,000."],
    ["amount=100000000000000000000000000000000", "#amount-msg", "Too large"],
    ["tao_in=0", "#tao_in-msg", "Must be more than 0."],
    ["alpha_in=-1", "#alpha_in-msg", "Must not be negative."],
    ["w_tao=1.5", "#w_tao-msg", "Too large: at most 0.99."],
    ["w_tao=0", "#w_tao-msg", "Too small"],
    ["netuid=999", "#netuid-msg", "Subnet 999 is not in this data"],
    ["netuid=abc", "#netuid-msg", "Not a subnet number"],
    ["side=sideways", "#side-msg", "Unknown side"],
    ["tol=lots", "#tol-msg", "is not a number"],
    ["partial=maybe", "#partial-msg", "is not 0 or 1"],
    ["limit=-1", "#limit-msg", "Must not be negative."],
    ["max_slip=%3Cscript%3E", "#max_slip-msg", "is not a number"],
  ];
  for (const [query, selector, message] of cases) {
    await page.goto(`${app.url}/?calc=pool&${query}`);
    await ready(page);
    const msg = (await page.locator(selector).textContent()) ?? "";
    assert.ok(msg.includes(message), `${query}: “${msg}”`);
    // The page is alive: the other fields still read, the data line is there.
    assert.match(await text(page, "data-line"), /block 8,791,253/);
  }
  // Fixing the field brings the figures back without a reload.
  await page.goto(`${app.url}/?calc=pool&netuid=64&amount=abc`);
  await ready(page);
  assert.equal(await page.locator('[data-testid="pool-input-problem"]').count(), 1);
  await page.locator("#amount").fill("10");
  await page.waitForFunction(
    () => document.querySelector('[data-testid="pool-received"]')?.dataset.value === "114.895179535",
  );
  // A script in a parameter is shown as text, never run.
  await page.goto(`${app.url}/?calc=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`);
  await ready(page);
  assert.match(await text(page, "calc-error"), /Unknown calculator/);
  assert.equal(await page.locator("img").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the chart marks the current trade and lists the sizes behind it", async () => {
  const { page, problems, context } = await app.page();
  await page.goto(`${app.url}/?calc=pool&netuid=64&amount=1000`);
  await ready(page);
  assert.equal(await page.locator(".chart svg path.curve").count(), 1);
  assert.equal(await page.locator(".chart svg circle.marker").count(), 1);
  assert.match(await text(page, "pool-chart-caption"), /This trade: 1,000 TAO/);
  // The sizes behind the points are built when their disclosure opens.
  assert.equal(await page.locator(".curve-table").count(), 0);
  await page.getByText("Trade size behind each point").click();
  await page.locator(".curve-table tbody tr").first().waitFor();
  assert.ok((await page.locator(".curve-table tbody tr").count()) > 40);
  assert.deepEqual(problems, []);
  await context.close();
});

// The chain's integer formulas for an equal-weight pool, written out here independently of the
// app: the fee as floor(amount 33 / 65535) (the amounts below are not multiples of 21,845, where
// the chain's U64F64 rate would take one rao less), and out = floor(r_out net / (r_in + net)).
const fee33 = (amount) => (amount * 33n) / 65535n;
const out = (rIn, rOut, net) => (rOut * net) / (rIn + net);

async function subnetReserves(netuid) {
  const { subnets } = await loadJson("data/snapshot-finney-2026-08-07.json");
  const s = subnets.find((x) => x.netuid === netuid);
  assert.ok(!s.w_tao || s.w_tao === "0.5", "equal weights");
  return { tao: toRao(s.tao_in), alpha: toRao(s.alpha_in) };
}

test("moving stake, the largest trade within a slippage and the round trip, to the rao", async () => {
  const [from, to] = [await subnetReserves(64), await subnetReserves(4)];
  const { page, problems, context } = await app.open("/?calc=pool&netuid=64&move_to=4&move_amount=100&max_slip=1&amount=10");
  // Move 100 alpha 64 -> 4: the unstake pays the one fee; the stake leg none.
  const alpha = 100_000_000_000n;
  const tao = out(from.alpha, from.tao, alpha - fee33(alpha));
  assert.equal(await dataValue(page, "pool-move-tao"), fromRao(tao));
  assert.equal(await dataValue(page, "pool-move-alpha"), fromRao(out(to.tao, to.alpha, tao)));
  // Round trip of 10 TAO on 64: stake, then unstake what it bought from the pool it left.
  const stakeIn = 10_000_000_000n;
  const net = stakeIn - fee33(stakeIn);
  const bought = out(from.tao, from.alpha, net);
  const back = out(from.alpha - bought, from.tao + net, bought - fee33(bought));
  assert.equal(await dataValue(page, "pool-round-trip-loss"), fromRao(stakeIn - back));
  // The largest stake within 1 % slippage meets the bound, and one rao more does not.
  const max = await dataValue(page, "pool-max-for-slippage");
  const slipAt = async (amount) => {
    await page.goto(`${app.url}/?calc=pool&netuid=64&amount=${amount}`);
    await ready(page);
    return Number(await dataValue(page, "pool-slippage"));
  };
  assert.ok((await slipAt(max)) <= 1, `at ${max}`);
  assert.ok((await slipAt(fromRao(toRao(max) + 1n))) > 1, `one rao over ${max}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the most a fill-or-kill order may ask within its limit is exact to the rao", async () => {
  const { page, problems, context } = await app.open("/?calc=pool&netuid=64&side=unstake&amount=10000&tol=0.5");
  await page.waitForSelector('[data-testid="pool-error"][data-error="SlippageTooHigh"]');
  const max = await dataValue(page, "pool-max-amount");
  await page.goto(`${app.url}/?calc=pool&netuid=64&side=unstake&tol=0.5&amount=${max}`);
  await ready(page);
  assert.equal(await page.locator('[data-testid="pool-error"]').count(), 0, `${max} fits`);
  await page.goto(`${app.url}/?calc=pool&netuid=64&side=unstake&tol=0.5&amount=${fromRao(toRao(max) + 1n)}`);
  await ready(page);
  await page.waitForSelector('[data-testid="pool-error"][data-error="SlippageTooHigh"]');
  // Partial instead: what stays with you is the rest. The cut fill pays its fee recomputed on
  // the net (net x 33 / 65,502) while the bound is the largest gross whose net fits, so the two
  // agree to within a rao of rounding.
  await page.goto(`${app.url}/?calc=pool&netuid=64&side=unstake&tol=0.5&partial=1&amount=10000`);
  await ready(page);
  const refund = toRao(await dataValue(page, "pool-refund"));
  const rest = 10_000_000_000_000n - toRao(max);
  assert.ok(refund - rest <= 1n && rest - refund <= 1n, `${refund} vs ${rest}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the pool page says, folded, where the subnet's TAO emission goes; not for a custom pool", async () => {
  const { page, problems, context } = await app.open("/?calc=pool&netuid=64&amount=100");
  const section = page.locator('[data-testid="pool-tao-emission-section"]');
  // Built only when opened.
  assert.equal(await page.locator('[data-testid="pool-tao-emission"]').count(), 0);
  await section.locator("summary").click();
  const line = await text(page, "pool-tao-emission");
  assert.match(line, /^This subnet gets [\d.]+ % of each block's TAO emission \([\d.]+ x the gate's bar, the 32nd share; at 1 the gate halves a share\): [\d.,]+ TAO a day goes into this pool and [\d.,]+ TAO a day buys its alpha for the protocol\. Assumed: every subnet with a moving price taking part, switched on, no miner incentive burned/);
  // The screener's cell for the same subnet says the same share.
  const share = Number(line.match(/gets ([\d.]+) %/)[1]);
  const screen = await app.open("/?calc=screen&amount=100&q=sn64");
  const exact = Number(await dataValue(screen.page, "screen-tao-share-64"));
  assert.ok(Math.abs(exact - share) < 0.01, `${share} vs ${exact}`);
  await screen.context.close();
  // A pool typed by hand is no subnet's: nothing to say.
  await page.goto(`${app.url}/?calc=pool&tao_in=1000&alpha_in=50000&amount=10`);
  await ready(page);
  assert.equal(await section.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
