// Live figures from the chain, against pretend nodes on 127.0.0.1 (live-server.mjs) of runtime
// specs 393 and 461: each serves its runtime's real metadata and answers in that runtime's own
// types (tests/live_reader.rs wrote them). live=1&rpc=… reads it, and every calculator shows
// the served figures with the block and spec in the data line; the pool page shows the chain's
// own quote beside its figure; a kept runtime schema costs no metadata on reload; a failed part
// keeps the rest, named; every failure leaves the data and figures as they were, with its
// sentence; the snapshot writer's file imports unchanged and gives the same figures.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ROOT, startServer, startDataServer, launch, openPage, ready, text, numberValue, assertNoProblems, fromRao, toRao, loadJson,
} from "./harness.mjs";
import { startChainServer } from "./live-server.mjs";

let app;
let chain;
let browser;
let bundled;

before(async () => {
  bundled = await loadJson("data/snapshot-finney-2026-08-07.json");
  app = await startServer();
  chain = await startChainServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await chain?.close();
  await app?.close();
});

afterEach(assertNoProblems);

/** What the browser logs when a WebSocket is refused or dropped on purpose. */
const PROVOKED = [/WebSocket connection to .* failed/, /Failed to load resource/, /net::ERR_/];

async function open(query, options = {}) {
  const opened = await openPage(browser, { allow: PROVOKED, ...options });
  await opened.page.goto(`${app.url}/?${query}`);
  await ready(opened.page);
  return opened;
}

async function settled(page) {
  const el = page.locator('[data-testid="data-status"]:not(:has-text("Reading")), [data-testid="data-error"]');
  await el.first().waitFor({ timeout: 40_000 });
  return { kind: await el.first().getAttribute("data-testid"), text: (await el.first().textContent()).trim() };
}

const served = (netuid) => bundled.subnets.find((s) => s.netuid === netuid);
const TAO = 1_000_000_000n;
const plain = async (page, id) => (await page.locator(id).inputValue()).replaceAll(",", "");

/** Every calculator on live data read from `state`: the figures the node served. */
async function everyCalculator(state, { spec, block, eligible, maturity }) {
  chain.use(state);
  chain.batches.length = 0;
  const rpc = encodeURIComponent(chain.url("/"));
  const { page, problems, context } = await open(`calc=pool&netuid=64&live=1&rpc=${rpc}`);
  const done = await settled(page);
  assert.equal(done.kind, "data-status", done.text);
  assert.match(done.text, new RegExp(`^Read 129 subnets from the chain at block ${block}\\.`));
  const line = new RegExp(`^Data: Live · finney · block ${block} · spec ${spec} · fetched \\d\\d:\\d\\d · 129 subnets`);
  assert.match(await text(page, "data-line"), line);
  // The pool: the served reserves and the fee rate stored for subnet 64 (100 of 65,535).
  assert.equal(await plain(page, "#tao_in"), served(64).tao_in);
  assert.equal(await plain(page, "#alpha_in"), served(64).alpha_in);
  assert.equal(await page.locator("#fee_rate").inputValue(), "100");
  // Returns: the served emission, TAO weight and root stake; the yield base of the four
  // permitted validators' alpha.
  await page.locator('a[href*="calc=returns"]').first().click();
  await page.waitForSelector("#emission", { state: "attached" });
  assert.equal(await plain(page, "#emission"), served(64).alpha_out_emission);
  assert.equal(await page.locator("#tao_weight").inputValue(), bundled.tao_weight);
  assert.equal(await plain(page, "#root_tao"), bundled.root_tao_staked);
  assert.equal(await plain(page, "#alpha_stake"), "1700000");
  assert.match(await text(page, "data-line"), line);
  // Conviction: the eligible alpha where the runtime has it, and its lock rates.
  await page.locator('a[href*="calc=conviction"]').first().click();
  await page.waitForSelector("#eligible", { state: "attached" });
  assert.equal(await plain(page, "#eligible"), eligible);
  assert.equal(await page.locator("#tm").inputValue(), maturity);
  assert.match(await text(page, "data-line"), line);
  // Take: the rows are the validators read, largest stake first.
  await page.locator('a[href*="calc=take"]').first().click();
  await page.waitForSelector('[data-testid="take-prefilled"]');
  assert.equal(await page.locator('[data-testid^="take-row-editor-"]').count(), 4);
  assert.match(await text(page, "data-line"), line);
  // The screener: every subnet on the live data.
  await page.locator('a[href*="calc=screen"]').first().click();
  await page.waitForSelector('[data-testid="screen-table"]');
  assert.match(await text(page, "data-line"), line);
  assert.deepEqual(problems, []);
  await context.close();
}

test("spec 461: every calculator shows the live figures, the runtime read by its own metadata", async () => {
  const alphaOut = toRao(served(64).alpha_out);
  await everyCalculator("s461", {
    spec: 461,
    block: "8,791,553",
    // Alpha outstanding less the 120,000 the chain bought and the 3,000 burned.
    eligible: fromRao(alphaOut - 123_000n * TAO),
    maturity: "311622",
  });
  // A first read of this runtime: its metadata (V16 asked, then V15, which it has), then the
  // rounds: head; state with get_block_emission; pools (curves, eligible alpha, the TAO
  // emission's terms) with the metagraph; takes; the root baskets with their pricing's first
  // (here only) page, last and on their own.
  const reads = chain.batches.filter((b) => !b.some((m) => m.includes("sim_swap")) && !(b.length === 2 && b[1] === "state_getRuntimeVersion"));
  assert.deepEqual(reads.slice(0, 7), [
    ["chain_getBlockHash", "chain_getBlockHash", "system_chain", "state_getRuntimeVersion"],
    ["state_call:Metadata_metadata_at_version"],
    ["state_call:Metadata_metadata_at_version"],
    ["chain_getHeader", "state_getRuntimeVersion", "state_call:SubnetInfoRuntimeApi_get_all_dynamic_info", "state_queryStorageAt", "state_call:SubnetInfoRuntimeApi_get_block_emission", "state_queryStorageAt"],
    ["state_queryStorageAt", "state_queryStorageAt", "state_queryStorageAt", "state_call:SubnetInfoRuntimeApi_get_selective_metagraph"],
    ["state_queryStorageAt"],
    ["state_call:BetaBasketRuntimeApi_get_all_validator_baskets", "state_call:BetaBasketRuntimeApi_get_all_beta_pricing"],
  ]);
  // Root in the returns calculator, live: the model's basket, and beside it the chain's own
  // return of the largest fund the node served (tests/live_reader.rs node_461: stake_price
  // 1.03125 since block 8,700,000; the other fund is provisional).
  const rpc = encodeURIComponent(chain.url("/"));
  const { page, problems, context } = await open(`calc=returns&netuid=0&amount=1000&days=30&live=1&rpc=${rpc}`);
  assert.equal((await settled(page)).kind, "data-status");
  await page.waitForSelector('[data-testid="returns-root-chain-yield"][data-value]');
  const apy = await numberValue(page, "returns-root-chain-yield");
  const expected = (Math.pow(1.03125, (7200 * 365) / (8_791_553 - 8_700_000)) - 1) * 100;
  assert.ok(Math.abs(apy - expected) < 1e-6, `${apy} vs ${expected}`);
  assert.match(await text(page, "returns-root-chain-yield-note"), /largest of 2 root baskets, .*1 TAO staked at block 8700000 is worth 1\.03125 TAO now/);
  assert.ok((await numberValue(page, "returns-root-basket-realizable")) > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("spec 393: every calculator shows the live figures; no lock rates, no eligible alpha in that runtime", async () => {
  await everyCalculator("s393", {
    spec: 393,
    block: "8,791,253",
    eligible: served(64).alpha_out,
    maturity: "934866",
  });
  assert.ok(!chain.batches.flat().includes("state_call:SubnetInfoRuntimeApi_get_block_emission"), "spec 393 has no such call");
});

test("the chain quotes the same trade beside the calculator, to the rao, or says by how much it differs", async () => {
  chain.use("s461");
  const rpc = encodeURIComponent(chain.url("/"));
  // The vectors' pools on subnets 2 and 1 (../shared/vectors/pool.json: the chain's own results).
  const cases = [
    ["netuid=2&side=stake&amount=100", "4987.512259781"],
    ["netuid=2&side=unstake&amount=10000", "199.103278374"],
    ["netuid=1&side=stake&amount=10", "66.082986677"],
    ["netuid=1&side=unstake&amount=100", "14.807295471"],
  ];
  const { page, problems, context } = await open(`calc=pool&${cases[0][0]}&live=1&rpc=${rpc}`);
  assert.equal((await settled(page)).kind, "data-status");
  for (const [query, out] of cases) {
    await page.goto(`${app.url}/?calc=pool&${query}&live=1&rpc=${rpc}`);
    await ready(page);
    const line = page.locator('[data-testid="pool-chain-quote"]');
    await line.waitFor({ timeout: 40_000 });
    assert.equal(await line.getAttribute("data-value"), out, query);
    assert.equal(await line.getAttribute("data-difference"), "0", query);
    assert.match(await line.textContent(), /the same to the rao\.$/, query);
    // The calculator's own figure is the same amount.
    const received = await page.locator('[data-testid="pool-received"]').getAttribute("data-value");
    assert.equal(received, out, query);
  }
  // A node that quotes 1 rao more: the page says so.
  chain.use("s461_plus_one");
  await page.goto(`${app.url}/?calc=pool&netuid=2&amount=100&live=1&rpc=${rpc}`);
  await ready(page);
  const line = page.locator('[data-testid="pool-chain-quote"]');
  await line.waitFor({ timeout: 40_000 });
  assert.equal(await line.getAttribute("data-value"), "4987.512259782");
  assert.equal(await line.getAttribute("data-difference"), "1");
  assert.match(await line.textContent(), /: 1 rao more than this calculator\.$/);
  // An edited pool is not the chain's: the line says why there is no quote.
  await page.goto(`${app.url}/?calc=pool&netuid=2&amount=100&tao_in=5000&live=1&rpc=${rpc}`);
  await ready(page);
  await page.locator('[data-testid="pool-chain-quote-off"]').waitFor({ timeout: 40_000 });
  assert.match(await text(page, "pool-chain-quote-off"), /this page's pool is edited/);
  assert.deepEqual(problems, []);
  await context.close();
  chain.use("s461");
});

test("a kept runtime schema makes no metadata request on reload", async () => {
  chain.use("s461");
  const rpc = encodeURIComponent(chain.url("/"));
  const { page, problems, context } = await open(`calc=returns&netuid=64&live=1&rpc=${rpc}`);
  assert.equal((await settled(page)).kind, "data-status");
  chain.batches.length = 0;
  await page.reload();
  await ready(page);
  assert.equal((await settled(page)).kind, "data-status");
  assert.match(await text(page, "data-line"), /spec 461/);
  const methods = chain.batches.flat();
  assert.ok(methods.includes("state_call:SubnetInfoRuntimeApi_get_all_dynamic_info"), methods.join());
  assert.ok(!methods.includes("state_call:Metadata_metadata_at_version"), methods.join());
  assert.deepEqual(problems, []);
  await context.close();
});

test("a failed validators part keeps the live pools and names the part", async () => {
  chain.use("s461_no_validators");
  const rpc = encodeURIComponent(chain.url("/"));
  const { page, problems, context } = await open(`calc=returns&netuid=64&live=1&rpc=${rpc}`);
  const done = await settled(page);
  assert.equal(done.kind, "data-error", done.text);
  assert.match(done.text, /^Part of the live read failed; the rest is live\. The validators: The node refused state_call: SubnetInfoRuntimeApi_get_selective_metagraph refused \(error -32000\)\. Those figures are from the data that was in use \(Bundled snapshot, 2026-08-07\)\.$/);
  assert.match(await text(page, "data-line"), /^Data: Live · finney · block 8,791,553 · spec 461 · fetched \d\d:\d\d · 129 subnets · not live: validators \(from Bundled snapshot, 2026-08-07\)/);
  // The pools and emissions are live all the same.
  assert.equal(await plain(page, "#emission"), served(64).alpha_out_emission);
  await page.locator('a[href*="calc=pool"]').first().click();
  await page.waitForSelector("#tao_in", { state: "attached" });
  assert.equal(await page.locator("#fee_rate").inputValue(), "100");
  assert.deepEqual(problems, []);
  await context.close();
  chain.use("s461");
});

test("a refresh reads the new runtime; the choice is remembered", async () => {
  chain.use("s393");
  const { page, problems, context } = await open("calc=pool&netuid=64");
  await page.locator(".data-panel summary").click();
  await page.locator("#data-remember").check();
  await page.locator("#live-rpc").fill(chain.url("/"));
  await page.locator('[data-testid="data-live"]').click();
  assert.equal((await settled(page)).kind, "data-status");
  assert.match(page.url(), /live=1/);
  assert.match(await text(page, "data-line"), /block 8,791,253 · spec 393/);
  chain.use("s461");
  await page.locator('[data-testid="data-refresh"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="data-line"]').textContent.includes("spec 461"));
  assert.match(await text(page, "data-line"), /block 8,791,553 · spec 461/);
  await page.locator('a[href*="calc=conviction"]').first().click();
  await page.waitForSelector("#tm", { state: "attached" });
  assert.equal(await page.locator("#tm").inputValue(), "311622");
  // Reopened without parameters: the live data is remembered, with where it came from.
  const again = await context.newPage();
  await again.goto(`${app.url}/?calc=pool&netuid=64`);
  await ready(again);
  assert.match(await text(again, "data-line"), new RegExp(`^Data: remembered from Live from ws://127\\.0\\.0\\.1:\\d+/ · finney · block 8,791,553 · spec 461`));
  await again.locator(".data-panel summary").click();
  assert.equal(await again.locator("#live-rpc").inputValue(), chain.url("/"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("every failure keeps the data and figures in use and says what happened", async () => {
  const closed = await startDataServer({});
  const closedPort = new URL(closed.url).port;
  await closed.close();
  const cases = [
    [chain.url("/rpc-error"), /^Nothing was changed\. The node refused chain_getBlockHash: Method not found \(error -32601\)\. The data in use is kept\.$/],
    [chain.url("/not-json"), /The node's answer to chain_getBlockHash is not what a Subtensor node sends \(not JSON\)/],
    [chain.url("/hang-up"), /Could not reach the chain at ws:\/\/127\.0\.0\.1:\d+\/hang-up: the node is unreachable or refused the connection/],
    [`ws://127.0.0.1:${closedPort}/`, /Could not reach the chain at ws:\/\/127\.0\.0\.1:\d+\/: the node is unreachable/],
    ["https://example.org/rpc", /“https:\/\/example\.org\/rpc” is not a WebSocket address: it must start with ws:\/\/ or wss:\/\//],
    [chain.url("/silent"), /The chain's node did not answer within 10 seconds\./],
  ];
  const { page, problems, context } = await open("calc=pool&netuid=64");
  await page.locator(".data-panel summary").click();
  const before = await text(page, "data-line");
  const slippage = await page.locator('[data-testid="pool-slippage"]').first().textContent();
  for (const [url, message] of cases) {
    await page.locator("#live-rpc").fill(url);
    await page.locator('[data-testid="data-live"]').click();
    const result = await settled(page);
    assert.equal(result.kind, "data-error", `${url}: ${result.text}`);
    assert.match(result.text, message, url);
    assert.match(result.text, /The data in use is kept\.$/, url);
    assert.equal(await text(page, "data-line"), before, url);
    assert.equal(await plain(page, "#tao_in"), served(64).tao_in, url);
    assert.equal(await page.locator('[data-testid="pool-slippage"]').first().textContent(), slippage, url);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the snapshot writer reads every subnet's validators from spec 461 and its file imports unchanged", async () => {
  // Built by `cargo test --features writer` (tools/test) before the browser tests.
  const writer = join(process.env.CARGO_TARGET_DIR || join(ROOT, "target"), "debug/dtao-snapshot");
  assert.ok(existsSync(writer), `${writer} is missing: cargo test --features writer builds it`);
  const out = join(await mkdtemp(join(tmpdir(), "dtao-writer-")), "snapshot.json");
  const run = (args) => new Promise((ok) => execFile(writer, args, (error, stdout, stderr) => ok({ code: error?.code ?? 0, stdout, stderr })));
  const wrote = await run(["--rpc", chain.url("/state/s461"), "--out", out, "--validators", "all"]);
  assert.equal(wrote.code, 0, wrote.stderr);
  assert.match(wrote.stdout, /^wrote .*snapshot\.json: 129 subnets of finney at block 8791553 \(runtime spec 461\)/);
  const json = await readFile(out, "utf8");
  const written = JSON.parse(json);
  assert.equal(written.schema, "dtao-snapshot/2");
  assert.equal(written.spec_version, 461);
  assert.equal(written.maturity_rate, 311622);
  assert.equal(written.block_emission_tao, "0.5");
  assert.equal(written.owner_cut, 11796);
  assert.deepEqual(written.subnets.find((s) => s.netuid === 1).curve, { kind: "balancer", w_tao: "0.4" });
  const chosen = written.subnets.find((s) => s.netuid === 64);
  assert.equal(chosen.validator_alpha_stake, "1700000");
  assert.equal(chosen.validators.length, 4);
  assert.equal(chosen.eligible_alpha, fromRao(toRao(served(64).alpha_out) - 123_000n * TAO));
  // A part that fails writes nothing and says which.
  const failed = await run(["--rpc", chain.url("/state/s461_no_validators"), "--out", `${out}.bad`]);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /the validators could not be read: The node refused state_call.*Nothing was written\./);
  assert.equal(existsSync(`${out}.bad`), false);
  // The app reads the file as it is and shows what the chain served.
  const files = await startDataServer({ "/snapshot.json": { body: json } });
  const { page, problems, context } = await open(`calc=conviction&netuid=64&snapshot=${encodeURIComponent(`${files.url}/snapshot.json`)}`);
  assert.equal((await settled(page)).kind, "data-status");
  assert.match(await text(page, "data-line"), /block 8,791,553 · spec 461/);
  assert.equal(await plain(page, "#eligible"), chosen.eligible_alpha);
  assert.deepEqual(problems, []);
  await context.close();
  await files.close();
});
