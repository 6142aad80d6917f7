// "Your positions" (issue 32): a wallet's stakes at spot and sold, checked against the pool's
// rule written out here in BigInt (Balancer at weights 1/2 is x y = k; the unstake's fee is
// ceil(a × 33 / 65,535) of the alpha, then sold into the pool for the block author, pallets/swap),
// independently of the app; offline from a dtao-positions/1 link and btcli's stake list pasted;
// the CSV against the table; a bad address; 120 positions; a phone's width.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, appSuite, dataValue, text, loadJson, startDataServer, toRao } from "./harness.mjs";

const app = appSuite();
const TAO = 1_000_000_000n;
const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
const BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
const HOT_A = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
const HOT_B = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";

const wallet = {
  schema: "dtao-positions/1",
  network: "finney",
  block: 8791300,
  coldkeys: [
    {
      coldkey: ALICE,
      free_tao: "3",
      stakes: [
        { netuid: 4, hotkey: HOT_A, alpha: "50000", locked_alpha: "0" },
        { netuid: 4, hotkey: HOT_B, hotkey_name: "Bee", alpha: "20000", locked_alpha: "5000" },
        { netuid: 0, hotkey: HOT_A, alpha: "12" },
        { netuid: 9999, hotkey: HOT_A, alpha: "1" },
      ],
    },
    { coldkey: BOB, free_tao: "0.5", stakes: [{ netuid: 1, hotkey: HOT_B, alpha: "300", locked_alpha: "0" }] },
  ],
};

function many(n) {
  const stakes = [];
  // Each subnet once per hotkey: a coldkey's (hotkey, subnet) pairs are unique.
  for (let i = 0; i < n; i++) stakes.push({ netuid: 1 + (i % 75), hotkey: Math.floor(i / 75) % 2 ? HOT_A : HOT_B, alpha: String(10 + i) });
  return { schema: "dtao-positions/1", network: "finney", coldkeys: [{ coldkey: ALICE, stakes }] };
}

let files;
let bundled;
before(async () => {
  files = await startDataServer({
    "/wallet.json": { body: JSON.stringify(wallet) },
    "/many.json": { body: JSON.stringify(many(150)) },
  });
  bundled = await loadJson("data/snapshot-finney-2026-08-07.json");
});
after(() => files?.close());

const pool = (netuid) => {
  const s = bundled.subnets.find((x) => x.netuid === netuid);
  return { tao: toRao(s.tao_in), alpha: toRao(s.alpha_in) };
};
const spot = (p, a) => (a * p.tao) / p.alpha;
// An unstake of `a` alpha: what it returns and the pool after (the alpha fee sold for the author).
function unstake(p, a) {
  const fee = (a * 33n + 65534n) / 65535n;
  const n = a - fee;
  const out = (p.tao * n) / (p.alpha + n);
  const tao = p.tao - out;
  const author = (tao * fee) / (p.alpha + n + fee);
  return { out, after: { tao: tao - author, alpha: p.alpha + a } };
}
const near = (got, want, what) => assert.ok(got - want <= 2n && want - got <= 2n, `${what}: ${got} vs ${want}`);
const rao = async (page, id) => toRao(await dataValue(page, id));

test("a positions file by link: each stake at spot and sold, a subnet's second stake after the first, the totals", async () => {
  const { page, problems, context } = await app.open(`/?calc=positions&positions=${encodeURIComponent(`${files.url}/wallet.json`)}`);
  await page.waitForSelector('[data-testid="positions-total-exit"]');
  const p4 = pool(4);
  const p1 = pool(1);
  assert.equal(await rao(page, "position-spot-tao-4-1"), spot(p4, 50_000n * TAO));
  near(await rao(page, "position-exit-tao-4-1"), unstake(p4, 50_000n * TAO).out, "4-1 alone");
  // 15,000 of 20,000 can be sold; the lock's 5,000 are valued at spot.
  assert.equal(await rao(page, "position-spot-tao-4-2"), spot(p4, 20_000n * TAO));
  near(await rao(page, "position-exit-tao-4-2"), unstake(p4, 15_000n * TAO).out, "4-2 alone");
  assert.equal(await rao(page, "position-locked-4-2"), 5_000n * TAO);
  assert.match(await text(page, "position-validator-4-2"), /Bee/);
  assert.equal(await rao(page, "position-exit-tao-0"), 12n * TAO);
  assert.match(await text(page, "position-exit-tao-9999"), /Subnet 9999 is not in the data in use/);
  // Totals: subnet 4 sold in turn (the second into the pool the first left), subnet 1 alone.
  const first = unstake(p4, 50_000n * TAO);
  const second = unstake(first.after, 15_000n * TAO);
  const bob = unstake(p1, 300n * TAO);
  near(await rao(page, "positions-total-exit"), first.out + second.out + 12n * TAO + bob.out, "total exit");
  assert.equal(
    await rao(page, "positions-total-spot"),
    spot(p4, 50_000n * TAO) + spot(p4, 20_000n * TAO) + 12n * TAO + spot(p1, 300n * TAO),
  );
  assert.equal(await rao(page, "positions-total-locked"), spot(p4, 5_000n * TAO));
  assert.equal(await rao(page, "positions-free"), 3_500_000_000n);
  assert.equal(await dataValue(page, "positions-out"), "9999");
  // The largest cost of leaving first.
  const order = await page.$$eval('[data-testid^="position-row-"]', (rows) => rows.map((r) => r.dataset.testid));
  assert.equal(order[0], "position-row-4-1");
  assert.equal(order.at(-1), "position-row-9999");
  assert.match(await text(page, "positions-source"), /Positions from http.*wallet\.json at block 8,791,300; pools from Bundled snapshot/);
  // A row's links: the returns calculator holding this alpha, the pool calculator selling it.
  const returns = await page.locator('[data-testid="position-returns-link-4-2"]').getAttribute("href");
  assert.match(returns, /calc=returns&netuid=4&from=alpha&amount=20000&take=18/);
  const poolLink = await page.locator('[data-testid="position-pool-link-4-2"]').getAttribute("href");
  assert.match(poolLink, /calc=pool&netuid=4&side=unstake&amount=15000/);
  const apy = await dataValue(page, "position-apy-4-2");
  await page.goto(new URL(returns, page.url()).href);
  await page.waitForSelector('[data-testid="returns-apy"]');
  assert.equal(await dataValue(page, "returns-apy"), apy);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Download CSV holds the table's figures under the page's address", async () => {
  const { page, problems, context } = await app.open(`/?calc=positions&positions=${encodeURIComponent(`${files.url}/wallet.json`)}`);
  await page.waitForSelector('[data-testid="positions-total-exit"]');
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="positions-csv"]').click()]);
  assert.match(download.suggestedFilename(), /^dtao-positions-\d{4}-\d\d-\d\d\.csv$/);
  const lines = (await readFile(await download.path(), "utf8")).split("\r\n").filter(Boolean);
  assert.equal(lines[0], `# ${page.url()}`);
  const header = lines[1].split(",");
  const rows = lines.slice(2).map((l) => l.split(","));
  const ids = await page.$$eval('[data-testid^="position-row-"]', (r) => r.map((x) => x.dataset.testid.slice("position-row-".length)));
  assert.equal(rows.length, ids.length);
  for (const [i, id] of ids.entries()) {
    for (const [cell, column] of [["position-spot-tao", "spot_tao"], ["position-exit-cost", "exit_cost_tao"], ["position-apy", "modelled_apy_pct"]]) {
      // A row out of the exit has one cell with the reason and no figures: empty fields.
      const found = page.locator(`[data-testid="${cell}-${id}"]`);
      const shown = (await found.count()) ? ((await found.getAttribute("data-value")) ?? "") : "";
      assert.equal(rows[i][header.indexOf(column)], shown, `${id} ${column}`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("btcli's stake list pasted in the data panel opens the positions, valued against the data in use", async () => {
  const btcli = await readFile(join(ROOT, "tests/fixtures/btcli-stake-list.json"), "utf8");
  const { page, problems, context } = await app.open("/?calc=pool");
  const panel = page.locator('[data-testid="data-panel"]');
  if (!(await panel.evaluate((d) => d.open))) await page.locator(".data-panel summary").click();
  await page.locator("#snapshot-paste").fill(btcli);
  await page.locator("#snapshot-paste-load").click();
  await page.waitForSelector('[data-testid="positions-total-exit"]');
  assert.match(page.url(), /calc=positions/);
  // btcli writes TAO floats: 1,234.567891234 alpha on subnet 64 (the first of its two rows).
  assert.equal(await dataValue(page, "position-alpha-64-1"), "1234.567891234");
  assert.equal(await rao(page, "position-spot-tao-64-1"), spot(pool(64), toRao("1234.567891234")));
  near(await rao(page, "position-exit-tao-64-1"), unstake(pool(64), toRao("1234.567891234")).out, "64-1");
  assert.equal(await dataValue(page, "positions-free"), "3.141592653");
  assert.equal(await text(page, "position-locked-64-1"), "not known");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a bad address is named next to the field; a subnet table and the take table download too", async () => {
  const { page, problems, context } = await app.open(`/?calc=positions&coldkeys=${ALICE},5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ`);
  assert.match(await page.locator("#coldkeys-msg").textContent(), /Address 2: .*fails its checksum/);
  await page.locator("#coldkeys").fill("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5");
  await page.locator("#coldkeys").press("Tab");
  assert.match(await page.locator("#coldkeys-msg").textContent(), /another network \(SS58 prefix 0\)/);
  assert.match(await text(page, "positions-privacy"), /only to the chain node you chose/);
  // Addresses are kept on the device only when the box is ticked, and forgotten when it is not.
  await page.goto(page.url().replace(/coldkeys=[^&]*/, `coldkeys=${ALICE}`));
  await page.waitForSelector("#positions-remember");
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("coldkeys")).length), 0);
  await page.locator("#positions-remember").check();
  // Remembered addresses stay out of every other calculator's link.
  await page.goto(page.url().replace(/calc=positions/, "calc=pool").replace(/[?&]coldkeys=[^&]*/, ""));
  await page.waitForSelector("#amount");
  assert.doesNotMatch(page.url(), /coldkeys/);
  await page.goto(page.url().replace(/calc=pool/, "calc=positions"));
  await page.waitForSelector("#coldkeys");
  assert.equal(await page.locator("#coldkeys").inputValue(), ALICE);
  await page.locator("#positions-remember").uncheck();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("coldkeys")).length), 0);
  await context.close();

  const screen = await app.open("/?calc=screen&amount=100");
  const [download] = await Promise.all([screen.page.waitForEvent("download"), screen.page.locator('[data-testid="screen-csv"]').click()]);
  const lines = (await readFile(await download.path(), "utf8")).split("\r\n").filter(Boolean);
  assert.equal(lines[0], `# ${screen.page.url()}`);
  const shownRows = await screen.page.locator('[data-testid="screen-table"] tbody tr').count();
  assert.equal(lines.length - 2, shownRows);
  // Each row's net result is the cell's exact figure.
  const net = await dataValue(screen.page, "screen-net-64");
  assert.ok(lines.some((l) => l.startsWith("64 · ") && l.split(",").includes(net)), net);
  await screen.context.close();
  assert.deepEqual(problems, []);
});

test("150 positions load and draw; the chart stays inside a phone's width", async () => {
  const { page, problems, context } = await app.open(`/?calc=positions&positions=${encodeURIComponent(`${files.url}/many.json`)}`, { width: 390, height: 844 });
  await page.waitForSelector('[data-testid="positions-total-exit"]');
  assert.equal(await page.locator('[data-testid^="position-row-"]').count(), 150);
  const chart = await page.locator('[data-testid="positions-chart"]').boundingBox();
  assert.ok(chart.width <= 390 && chart.width > 300, `${chart.width}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  assert.equal(await page.locator('[data-testid="positions-chart"] rect').count(), 40);
  assert.deepEqual(problems, []);
  await context.close();
});

// Live: the pretend node (live-server.mjs, spec 461) serves Alice's and Bob's wallet
// (positions-node.mjs, checked there against the SDK's recorded bytes) and the pools: subnet
// 64 the bundled reserves at a fee of 100 / 65,535, subnet 1 the vectors' weighted pool (1,000
// TAO, 10,000 alpha, TAO weight 0.4). The locks are per subnet (lock_availability.rs), so
// subnet 64's 20,000 sit on Alice's one row there and Bob's 4 fill his 3-TAO row and 1 of
// his other.
test("live: two coldkeys read from the node, a locked position, a root stake and a root basket", async () => {
  const { startChainServer, POSITIONS } = await import("./live-server.mjs");
  const chain = await startChainServer();
  try {
    const rpc = encodeURIComponent(chain.url("/"));
    const { page, problems, context } = await app.open(`/?calc=positions&live=1&rpc=${rpc}&coldkeys=${ALICE},${BOB}`, {
      allow: [/WebSocket connection to .* failed/],
    });
    await page.waitForSelector('[data-testid="positions-total-exit"]', { timeout: 40_000 });
    await page.waitForFunction(() => /chain at/.test(document.querySelector('[data-testid="positions-source"]')?.textContent ?? ""));
    const p64 = pool(64);
    const sale64 = (p, a) => {
      const fee = (a * 100n) / 65535n;
      const n = a - fee;
      const out = (p.tao * n) / (p.alpha + n);
      const tao = p.tao - out;
      const author = (tao * fee) / (p.alpha + n + fee);
      return { out, after: { tao: tao - author, alpha: p.alpha + a } };
    };
    const alice64 = POSITIONS[ALICE].stakes.find((s) => s.netuid === 64).stake;
    assert.equal(alice64, 50_000n * TAO);
    // Alice: 50,000 on subnet 64, 20,000 of it locked: 30,000 sold.
    assert.equal(await rao(page, "position-locked-64-1"), 20_000n * TAO);
    near(await rao(page, "position-exit-tao-64-1"), sale64(p64, 30_000n * TAO).out, "Alice on 64");
    // Bob's 3 TAO there are all locked; his 1.23456789 sells 0.23456789.
    assert.match(await text(page, "position-exit-tao-64-2"), /nothing to sell/);
    near(await rao(page, "position-exit-tao-64-3"), sale64(p64, 234_567_890n).out, "Bob's second on 64");
    // Root: 1,000 TAO out as it went in; the basket: the chain's own claim value.
    assert.equal(await rao(page, "position-exit-tao-0"), 1_000n * TAO);
    assert.equal(await rao(page, "position-exit-tao-basket-1"), 500n * TAO);
    assert.equal(await rao(page, "position-spot-tao-basket-1"), 510n * TAO);
    // Subnet 1's weighted pool: spot 0.6 y / (0.4 x) = 0.15 TAO an alpha; the sale the
    // Balancer's y (1 - (x / (x + n))^(0.6 / 0.4)) after the fee (SPEC §6: 1e-9 relative).
    assert.equal(await rao(page, "position-spot-tao-1"), 1_050n * TAO);
    const n = 7000 - (7000 * 33) / 65535;
    const want = 1000 * (1 - Math.pow(10000 / (10000 + n), 1.5));
    const got = Number(await dataValue(page, "position-exit-tao-1"));
    assert.ok(Math.abs(got - want) / want < 1e-9, `${got} vs ${want}`);
    // Totals: subnet 64 in turn (Alice's sale, then Bob's into the pool it left).
    const first = sale64(p64, 30_000n * TAO);
    const second = sale64(first.after, 234_567_890n);
    const exit = await rao(page, "positions-total-exit");
    const expected = first.out + second.out + 1_000n * TAO + 500n * TAO + toRao(String(got));
    near(exit, expected, "total exit");
    assert.equal(await rao(page, "positions-free"), POSITIONS[ALICE].free + POSITIONS[BOB].free);
    assert.match(await text(page, "positions-source"), /Positions from the chain at ws:\/\/127\.0\.0\.1/);
    assert.deepEqual(problems, []);
    await context.close();

    // A coldkey with no stake: said so, no figures.
    const CHARLIE = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
    const empty = await app.open(`/?calc=positions&live=1&rpc=${rpc}&coldkeys=${CHARLIE}`, { allow: [/WebSocket connection to .* failed/] });
    await empty.page.waitForFunction(() => /hold no stake/.test(document.querySelector('[data-testid="positions-verdict"]')?.textContent ?? ""), null, { timeout: 40_000 });
    await empty.context.close();

    // A node that refuses: the message, and the positions loaded from a file stay.
    const refused = await app.open(
      `/?calc=positions&positions=${encodeURIComponent(`${files.url}/wallet.json`)}&rpc=${encodeURIComponent(chain.url("/rpc-error"))}&coldkeys=${ALICE}`,
      { allow: [/WebSocket connection to .* failed/, /Failed to load resource/, /net::ERR_/] },
    );
    await refused.page.waitForSelector('[data-testid="positions-total-exit"]');
    const before = await dataValue(refused.page, "positions-total-exit");
    await refused.page.locator('[data-testid="positions-read"]').click();
    await refused.page.waitForSelector('[data-testid="positions-error"]', { timeout: 40_000 });
    assert.match(await text(refused.page, "positions-error"), /Positions loaded from a file still work/);
    assert.equal(await dataValue(refused.page, "positions-total-exit"), before);
    await refused.context.close();
  } finally {
    await chain.close();
  }
});

// Accessibility: axe-core finds no serious or critical violation with a wallet loaded, in light
// and dark, with the "how this is computed" open; the table and the chart are reached by Tab.
test("axe and the keyboard on the positions page, light and dark", async () => {
  const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");
  for (const colorScheme of ["light", "dark"]) {
    const { page, problems, context } = await app.open(
      `/?calc=positions&coldkeys=${ALICE},x&positions=${encodeURIComponent(`${files.url}/wallet.json`)}`,
      { colorScheme },
    );
    await page.waitForSelector('[data-testid="positions-total-exit"]');
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
    await page.addScriptTag({ path: AXE });
    const found = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ["violations"] });
      return result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    });
    assert.deepEqual(found, [], colorScheme);
    // The coldkeys box, the read button, the table's region and the CSV button take focus.
    const stops = new Set();
    await page.locator("body").focus();
    for (let i = 0; i < 80; i += 1) {
      await page.keyboard.press("Tab");
      stops.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.dataset?.testid || document.activeElement?.getAttribute("role") || ""));
    }
    for (const stop of ["coldkeys", "positions-read", "region", "positions-csv"]) assert.ok(stops.has(stop), `${colorScheme}: Tab never reaches ${stop}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
