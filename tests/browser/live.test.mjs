// Live figures from the chain, against a pretend node on 127.0.0.1 (live-server.mjs) that
// replays the bundled snapshot encoded with runtime spec 393's types: live=1&rpc=… reads it in
// four batched rounds and every calculator shows the served figures; the data line names the
// source, block and spec; a refresh picks up moved reserves and a new curve; every failure
// leaves the data and figures as they were, with its sentence; the snapshot writer's file
// imports unchanged and gives the same figures.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ROOT, startServer, startDataServer, launch, openPage, ready, text, assertNoProblems, fromRao, toRao, loadJson,
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
  const el = page.locator('[data-testid="data-status"]:not(:has-text("Reading the chain")), [data-testid="data-error"]');
  await el.first().waitFor({ timeout: 20_000 });
  return { kind: await el.first().getAttribute("data-testid"), text: (await el.first().textContent()).trim() };
}

const served = (netuid) => bundled.subnets.find((s) => s.netuid === netuid);

test("live=1 reads the chain in four batched rounds and every calculator shows the served figures", async () => {
  chain.use("first");
  chain.batches.length = 0;
  const rpc = encodeURIComponent(chain.url("/"));
  const { page, problems, context } = await open(`calc=pool&netuid=64&live=1&rpc=${rpc}`);
  const done = await settled(page);
  assert.equal(done.kind, "data-status", done.text);
  assert.match(done.text, /^Read 129 subnets from the chain at block 8,791,253\./);
  assert.match(await text(page, "data-line"), /^Data: Live · finney · block 8,791,253 · spec 393 · fetched \d\d:\d\d · 129 subnets/);
  assert.deepEqual(chain.batches, [
    ["chain_getBlockHash", "system_chain"],
    ["chain_getHeader", "state_getRuntimeVersion", "state_call", "state_queryStorageAt"],
    ["state_queryStorageAt", "state_call"],
    ["state_queryStorageAt"],
  ]);
  // The pool: the served reserves and the fee rate stored for subnet 64 (100 of 65,535).
  assert.equal((await page.locator("#tao_in").inputValue()).replaceAll(",", ""), served(64).tao_in);
  assert.equal((await page.locator("#alpha_in").inputValue()).replaceAll(",", ""), served(64).alpha_in);
  assert.equal(await page.locator("#fee_rate").inputValue(), "100");
  // Returns: the served emission, TAO weight and root stake.
  await page.locator('a[href*="calc=returns"]').first().click();
  await page.waitForSelector("#emission", { state: "attached" });
  assert.equal((await page.locator("#emission").inputValue()).replaceAll(",", ""), served(64).alpha_out_emission);
  assert.equal(await page.locator("#tao_weight").inputValue(), bundled.tao_weight);
  assert.equal((await page.locator("#root_tao").inputValue()).replaceAll(",", ""), bundled.root_tao_staked);
  // The yield base: the alpha-only stake of subnet 64's permitted validators (the replay's four).
  assert.equal((await page.locator("#alpha_stake").inputValue()).replaceAll(",", ""), "1700000");
  // Conviction: the subnet's alpha outstanding; the data line stays live on every calculator.
  await page.locator('a[href*="calc=conviction"]').first().click();
  await page.waitForSelector("#eligible", { state: "attached" });
  assert.equal((await page.locator("#eligible").inputValue()).replaceAll(",", ""), served(64).alpha_out);
  assert.match(await text(page, "data-line"), /^Data: Live · finney/);
  // Take: the rows are the validators read, largest stake first, with their takes.
  await page.locator('a[href*="calc=take"]').first().click();
  await page.waitForSelector('[data-testid="take-prefilled"]');
  assert.match(await text(page, "data-line"), /^Data: Live · finney/);
  assert.equal(await page.locator('[data-testid^="take-row-editor-"]').count(), 4);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a refresh picks up moved reserves, a new curve and the lock rates; the choice is remembered", async () => {
  chain.use("first");
  const { page, problems, context } = await open("calc=pool&netuid=64");
  await page.locator(".data-panel summary").click();
  await page.locator("#live-rpc").fill(chain.url("/"));
  await page.locator('[data-testid="data-live"]').click();
  assert.equal((await settled(page)).kind, "data-status");
  assert.match(page.url(), /live=1/);
  assert.equal((await page.locator("#tao_in").inputValue()).replaceAll(",", ""), served(64).tao_in);
  chain.use("later");
  await page.locator('[data-testid="data-refresh"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="data-line"]').textContent.includes("spec 473"));
  assert.match(await text(page, "data-line"), /block 8,791,553 · spec 473/);
  const moved = fromRao(toRao(served(64).tao_in) + 1_000_000_000_000n);
  assert.equal((await page.locator("#tao_in").inputValue()).replaceAll(",", ""), moved);
  assert.equal(await page.locator('[data-testid="pool-curve"]').getAttribute("data-value"), "superellipse");
  // Conviction's rates now come from the chain's storage.
  await page.locator('a[href*="calc=conviction"]').first().click();
  await page.waitForSelector("#tm", { state: "attached" });
  assert.equal(await page.locator("#tm").inputValue(), "311622");
  // Reopened without parameters: the live data is remembered, with where it came from.
  const again = await context.newPage();
  await again.goto(`${app.url}/?calc=pool&netuid=64`);
  await ready(again);
  assert.match(await text(again, "data-line"), new RegExp(`^Data: remembered from Live from ws://127\\.0\\.0\\.1:\\d+/ · finney · block 8,791,553 · spec 473`));
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
    [chain.url("/state/trailing"), /Runtime spec 393 sends data this version cannot read: its subnet list has 3 bytes more than spec 393's type\./],
    [chain.url("/state/truncated"), /Runtime spec 393 sends data this version cannot read: its subnet list does not decode/],
    [chain.url("/state/garbage"), /Runtime spec 393 sends data this version cannot read/],
    [chain.url("/state/empty_pool"), /Subnet 3 from the chain: a pool with no TAO or no alpha has no price/],
    [chain.url("/state/heavy_weight"), /subnet 1: The TAO weight must be between 0\.01 and 0\.99/],
    [chain.url("/state/odd_metagraph"), /Runtime spec 393 sends data this version cannot read: subnet 64's metagraph has 1 bytes more than its type\./],
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
    assert.equal((await page.locator("#tao_in").inputValue()).replaceAll(",", ""), served(64).tao_in, url);
    assert.equal(await page.locator('[data-testid="pool-slippage"]').first().textContent(), slippage, url);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the snapshot writer's file imports unchanged and gives the served figures", async () => {
  // Built by `cargo test --features writer` (tools/test) before the browser tests.
  const writer = join(process.env.CARGO_TARGET_DIR || join(ROOT, "target"), "debug/dtao-snapshot");
  assert.ok(existsSync(writer), `${writer} is missing: cargo test --features writer builds it`);
  const out = join(await mkdtemp(join(tmpdir(), "dtao-writer-")), "snapshot.json");
  const run = (args) => new Promise((ok) => execFile(writer, args, (error, stdout, stderr) => ok({ code: error?.code ?? 0, stdout, stderr })));
  chain.use("later");
  const wrote = await run(["--rpc", chain.url("/"), "--out", out]);
  assert.equal(wrote.code, 0, wrote.stderr);
  assert.match(wrote.stdout, /^wrote .*snapshot\.json: 129 subnets of finney at block 8791553 \(runtime spec 473\)/);
  const json = await readFile(out, "utf8");
  const written = JSON.parse(json);
  assert.equal(written.schema, "dtao-snapshot/2");
  assert.equal(written.spec_version, 473);
  assert.equal(written.maturity_rate, 311622);
  assert.equal(written.subnets.find((s) => s.netuid === 64).curve.kind, "superellipse");
  assert.deepEqual(written.subnets.find((s) => s.netuid === 1).curve, { kind: "balancer", w_tao: "0.4" });
  // Every subnet's validators by default: subnet 64's four permitted ones and their stake.
  assert.equal(written.subnets.find((s) => s.netuid === 64).validator_alpha_stake, "1700004");
  assert.equal(written.subnets.find((s) => s.netuid === 64).validators.length, 4);
  // A failure writes nothing and says why.
  const failed = await run(["--rpc", chain.url("/state/garbage"), "--out", `${out}.bad`]);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /Runtime spec 393 sends data this version cannot read.*Nothing was written\./);
  assert.equal(existsSync(`${out}.bad`), false);
  // The app reads the file as it is and shows what the chain served.
  const files = await startDataServer({ "/snapshot.json": { body: json } });
  const { page, problems, context } = await open(`calc=pool&netuid=64&snapshot=${encodeURIComponent(`${files.url}/snapshot.json`)}`);
  assert.equal((await settled(page)).kind, "data-status");
  assert.match(await text(page, "data-line"), /block 8,791,553 · spec 473/);
  const moved = fromRao(toRao(served(64).tao_in) + 1_000_000_000_000n);
  assert.equal((await page.locator("#tao_in").inputValue()).replaceAll(",", ""), moved);
  assert.deepEqual(problems, []);
  await context.close();
  await files.close();
});
