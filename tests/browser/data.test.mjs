// Subnet data in the browser: the bundled snapshot's line and age, the site's own
// snapshot.json (used when newer, quietly left out when absent, older or broken, and never over
// the user's choice), loading from a URL (served from another origin, good and bad), from a file, by drag and drop and by paste, every format,
// bad input leaving everything as it was, remembering across reloads, reset, download, and the
// subnet picker.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  SHARED, startServer, startDataServer, launch, openPage, ready, dataValue, text, assertNoProblems,
} from "./harness.mjs";

let app;
let site;
/** What the site server answers for /snapshot.json: `{ status, body }`, or null for 404. */
let siteSnapshot = null;
let data;
let browser;
let fresh;

const NOW = new Date("2026-11-22T12:00:00Z");

before(async () => {
  const bundled = JSON.parse(await readFile(join(SHARED, "data/snapshot-finney-2026-08-07.json"), "utf8"));
  fresh = structuredClone(bundled);
  fresh.block = 9_000_000;
  fresh.taken_at = "2026-11-21T00:00:00Z";
  fresh.source = "test server";
  const sn64 = fresh.subnets.find((s) => s.netuid === 64);
  sn64.name = "Chutes (fresh)";
  sn64.tao_in = "300000";
  const withoutSixtyFour = structuredClone(fresh);
  withoutSixtyFour.subnets = withoutSixtyFour.subnets.filter((s) => s.netuid !== 64);
  const negative = structuredClone(fresh);
  negative.subnets.find((s) => s.netuid === 5).tao_in = "-12";
  const taostats = await readFile(join(SHARED, "fixtures/taostats-pool-latest-2025-04-17.json"), "utf8");
  data = await startDataServer({
    "/fresh.json": { body: JSON.stringify(fresh) },
    "/without-64.json": { body: JSON.stringify(withoutSixtyFour) },
    "/negative.json": { body: JSON.stringify(negative) },
    "/taostats-pool.json": { body: taostats },
    "/missing.json": { status: 404, body: "Not Found" },
    "/not-json.json": { body: "<html><body>Hello</body></html>", type: "text/html" },
    "/unknown.json": { body: JSON.stringify({ hello: "world" }) },
    "/slow.json": { body: JSON.stringify(fresh), delayMs: 12_000 },
    "/no-cors.json": { body: JSON.stringify(fresh), cors: false },
    "/huge.json": { chunked: 6_000_000 },
  });
  app = await startServer();
  site = await startServer(undefined, async (req, res) => {
    if (new URL(req.url, "http://x").pathname !== "/snapshot.json") return false;
    const answer = siteSnapshot || { status: 404, body: "Not Found" };
    res.writeHead(answer.status || 200, { "content-type": "application/json" }).end(answer.body);
    return true;
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await site?.close();
  await data?.close();
});

// Any uncaught error or panic on any page fails the test that caused it.
afterEach(assertNoProblems);

/** The messages a browser logs for the failures these tests provoke on purpose. */
const PROVOKED = [/Failed to load resource/, /blocked by CORS policy/, /net::ERR_/];

async function open(query = "", { time = NOW, allow = [] } = {}) {
  const opened = await openPage(browser, { allow });
  await opened.page.clock.setFixedTime(time);
  await opened.page.goto(`${app.url}/?calc=pool${query}`);
  await ready(opened.page);
  return opened;
}

async function openPanel(page) {
  const panel = page.locator('[data-testid="data-panel"]');
  if (!(await panel.evaluate((d) => d.open))) await page.locator(".data-panel summary").click();
}

async function status(page) {
  const el = page.locator('[data-testid="data-status"], [data-testid="data-error"]');
  await el.first().waitFor();
  return { kind: await el.first().getAttribute("data-testid"), text: (await el.first().textContent()).trim() };
}

test("the bundled snapshot's source, block, date and age are on the page, with a warning when old", async () => {
  const { page, problems, context } = await open();
  const line = await text(page, "data-line");
  assert.match(line, /Bundled snapshot · finney · block 8,791,253 · 2026-08-07 · 107 days old · 129 subnets/);
  assert.equal(
    await text(page, "data-stale"),
    "Figures are from 2026-08-07; load fresh data for live numbers.",
  );
  assert.equal(await dataValue(page, "data-stale"), "107");
  await context.close();
  // Two days after it was taken there is no warning.
  const early = await open("", { time: new Date("2026-08-09T12:00:00Z") });
  assert.match(await text(early.page, "data-line"), /2026-08-07 · 2 days old/);
  assert.equal(await early.page.locator('[data-testid="data-stale"]').count(), 0);
  assert.deepEqual([...problems, ...early.problems], []);
  await early.context.close();
});

test("the site's snapshot.json is used when newer; absent, older or broken it is left out; the user's choice wins", async () => {
  const openSite = async (query = "") => {
    const opened = await openPage(browser);
    opened.asked = 0;
    opened.page.on("request", (r) => { if (r.url().endsWith("/snapshot.json")) opened.asked += 1; });
    const answered = opened.page.waitForResponse((r) => r.url().endsWith("/snapshot.json"), { timeout: 10_000 }).catch(() => null);
    await opened.page.clock.setFixedTime(NOW);
    await opened.page.goto(`${site.url}/?calc=pool&netuid=64${query}`);
    await ready(opened.page);
    opened.answered = answered;
    return opened;
  };
  // Newer: used, named in the data line, and the figures follow it.
  siteSnapshot = { body: JSON.stringify(fresh) };
  let opened = await openSite();
  await opened.page.waitForFunction(() => document.querySelector('[data-testid="data-line"]').textContent.includes("Site snapshot.json"));
  assert.match(await text(opened.page, "data-line"), /^Data: Site snapshot\.json · finney · block 9,000,000 · 2026-11-21 · 1 day old · 129 subnets/);
  assert.equal((await opened.page.locator("#tao_in").inputValue()).replaceAll(",", ""), "300000");
  assert.equal(await opened.page.locator('[data-testid="data-error"]').count(), 0);
  assert.deepEqual(opened.problems, []);
  await opened.context.close();
  // The user's choice wins: snapshot=<url> is loaded, the site's file is not asked for.
  opened = await openSite(`&snapshot=${encodeURIComponent(`${data.url}/without-64.json`)}`);
  await status(opened.page);
  assert.match(await text(opened.page, "data-line"), new RegExp(`^Data: ${data.url}/without-64.json`));
  assert.equal(opened.asked, 0);
  await opened.context.close();
  // Older than the bundled snapshot, broken, or absent: the bundled snapshot stays, quietly.
  const older = JSON.parse((await readFile(join(SHARED, "data/snapshot-finney-2026-08-07.json"), "utf8")));
  older.block = 8_000_000;
  older.taken_at = "2026-06-01T00:00:00Z";
  for (const answer of [{ body: JSON.stringify(older) }, { body: "{\"schema\": \"dtao-snapshot/2\", trunc" }, null]) {
    siteSnapshot = answer;
    opened = await openSite();
    // Once the file's answer is in, the app decides within moments (a newer file shows at once,
    // as above); half a second is ample.
    assert.ok(await opened.answered, "the app asks for snapshot.json");
    await opened.page.waitForTimeout(500);
    assert.match(await text(opened.page, "data-line"), /^Data: Bundled snapshot · finney · block 8,791,253/);
    assert.equal(await opened.page.locator('[data-testid="data-error"]').count(), 0);
    assert.equal((await opened.page.locator("#tao_in").inputValue()).replaceAll(",", ""), "221156.58516926");
    assert.deepEqual(opened.problems, []);
    await opened.context.close();
  }
  siteSnapshot = null;
});

test("snapshot=<url> loads data from another origin and keeps the chosen subnet", async () => {
  const { page, problems, context } = await open(`&netuid=64&snapshot=${encodeURIComponent(`${data.url}/fresh.json`)}`);
  const s = await status(page);
  assert.equal(s.kind, "data-status");
  assert.equal(s.text, "dtao-snapshot/1: 129 subnets read (block 9,000,000, 2026-11-21).");
  assert.match(await text(page, "data-line"), new RegExp(`${data.url}/fresh.json · finney · block 9,000,000 · 2026-11-21 · 1 day old`));
  assert.equal(await page.locator('[data-testid="data-stale"]').count(), 0);
  assert.equal(await dataValue(page, "subnet-current"), "64");
  assert.match(await text(page, "subnet-current"), /Chutes \(fresh\)/);
  assert.equal((await page.locator("#tao_in").inputValue()).replaceAll(",", ""), "300000");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a URL typed in the field loads, and a subnet missing from the new data falls back", async () => {
  const { page, problems, context } = await open("&netuid=64&amount=5");
  await openPanel(page);
  await page.locator("#snapshot-url").fill(`${data.url}/without-64.json`);
  await page.locator("#snapshot-url").press("Enter");
  const s = await status(page);
  assert.match(s.text, /128 subnets read/);
  assert.match(s.text, /Subnet 64 is not in the new data; showing subnet 4 instead\./);
  assert.equal(await dataValue(page, "subnet-current"), "4");
  assert.equal(await page.locator("#amount").inputValue(), "5", "the user's inputs stay");
  assert.match(page.url(), /snapshot=/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("every way a URL can fail is explained, and nothing changes", async () => {
  const cases = [
    ["/missing.json", /HTTP 404 Not Found/],
    ["/not-json.json", /not valid JSON \(expected value at line 1 column 1\)/],
    ["/unknown.json", /Unknown data format: a JSON object with “hello”/],
    ["/negative.json", /Subnet 5, field “tao_in”: must not be negative\./],
    ["/no-cors.json", /must allow cross-origin requests/],
    ["/huge.json", /larger than 5 MB/],
    ["/slow.json", /No answer within 10 seconds/],
  ];
  const { page, context } = await open("&netuid=64&amount=7", { allow: PROVOKED });
  const before = await text(page, "data-line");
  const received = await dataValue(page, "pool-received");
  await openPanel(page);
  for (const [path, message] of cases) {
    await page.locator("#snapshot-url").fill(`${data.url}${path}`);
    await page.locator("#snapshot-url").press("Enter");
    const error = page.locator('[data-testid="data-error"]');
    await error.waitFor({ timeout: 20_000 });
    const shown = await error.textContent();
    assert.match(shown, message, path);
    assert.match(shown, /^Nothing was changed\./, path);
    assert.equal(await text(page, "data-line"), before, `${path}: data in use`);
    assert.equal(await dataValue(page, "pool-received"), received, `${path}: figures`);
    assert.equal(await page.locator("#amount").inputValue(), "7", `${path}: inputs`);
  }
  // A non-web address is refused before any request.
  await page.locator("#snapshot-url").fill("javascript:alert(1)");
  await page.locator("#snapshot-url").press("Enter");
  await page.waitForFunction(() => document.querySelector('[data-testid="data-error"]')?.textContent.includes("not a web address"));
  await context.close();
});

test("files by picker and by drag and drop, in every format, and a 10 MB file", async () => {
  const { page, problems, context } = await open("&netuid=64");
  await openPanel(page);
  const fixture = (name) => join(SHARED, "fixtures", name);
  await page.locator("#snapshot-file").setInputFiles(fixture("taostats-pool-latest-2025-04-17.json"));
  assert.match((await status(page)).text, /^Taostats dtao\/pool\/latest\/v1: 94 subnets read \(block 5,373,\d{3}, 2025-04-17\)\.$/);
  assert.match(await text(page, "data-line"), /file taostats-pool-latest-2025-04-17\.json/);
  // Subnet 64's TAO in pool is its total_tao (86112916678925 rao).
  assert.equal((await page.locator("#tao_in").inputValue()).replaceAll(",", ""), "86112.916678925");

  await page.locator("#snapshot-file").setInputFiles(fixture("taostats-validator-yield-2025-04-17.json"));
  assert.match((await status(page)).text, /added 50 validators to \d+ subnets/);

  const metagraphed = await readFile(fixture("metagraphed-finney-subnets-2026-08-07.json"), "utf8");
  const dropped = await page.evaluateHandle((body) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([body], "dropped.json", { type: "application/json" }));
    return transfer;
  }, metagraphed);
  await page.dispatchEvent(".drop-zone", "drop", { dataTransfer: dropped });
  await page.waitForFunction(() => document.querySelector('[data-testid="data-status"]')?.textContent.includes("metagraphed"));
  assert.match((await status(page)).text, /129 subnets read \(block 8,791,253, 2026-08-07\)/);
  assert.match(await text(page, "data-line"), /file dropped\.json/);

  const before = await text(page, "data-line");
  await page.locator("#snapshot-file").setInputFiles({
    name: "big.json", mimeType: "application/json", buffer: Buffer.alloc(10_000_000, 32),
  });
  await page.waitForSelector('[data-testid="data-error"]');
  assert.match(await text(page, "data-error"), /big\.json: Too large: 10\.0 MB, and the limit is 5 MB\./);
  assert.equal(await text(page, "data-line"), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test("pasted text: btcli output, truncated JSON, deep nesting, a name with markup", async () => {
  const { page, problems, context } = await open("&netuid=64");
  await openPanel(page);
  const paste = async (body) => {
    await page.locator("#snapshot-paste").fill(body);
    await page.locator("#snapshot-paste-load").click();
    return status(page);
  };
  const btcli = JSON.stringify({
    subnets: {
      "0": { subnet_name: "root", price: 1, emission: 0, liquidity: { tao_in: 5445703.1, alpha_in: 1231666.3 }, alpha_out: 1, tempo: { blocks_since_last_step: 1, sn_tempo: 100 } },
      "64": { subnet_name: "Chutes", price: 0.087, emission: 0.0124, liquidity: { tao_in: 221156.58516926, alpha_in: 2542377.6015667 }, alpha_out: 3319182.1, tempo: { blocks_since_last_step: 5, sn_tempo: 360 } },
    },
  });
  assert.equal((await paste(btcli)).text, "btcli subnets list --json-output: 2 subnets read.");
  assert.match(await text(page, "data-line"), /pasted text · date unknown · 2 subnets/);
  assert.match(await text(page, "data-stale"), /does not say when it was taken/);

  const before = await text(page, "data-line");
  const truncated = await paste(btcli.slice(0, 120));
  assert.equal(truncated.kind, "data-error");
  assert.match(truncated.text, /not valid JSON \(EOF while parsing/);
  assert.match((await paste("[".repeat(3000))).text, /recursion limit exceeded/);
  assert.match((await paste('{"subnets": {"7": {"liquidity": {"tao_in": "x", "alpha_in": 1}}}}')).text, /Subnet 7, field “liquidity\.tao_in”: “x” is not a finite decimal number\./);
  assert.match((await paste(JSON.stringify({ ...JSON.parse(btcli), subnets: { ...JSON.parse(btcli).subnets, "7": { liquidity: { tao_in: 0, alpha_in: 1 } } } }))).text, /must be more than 0/);
  assert.equal(await text(page, "data-line"), before);

  const marked = structuredClone(fresh);
  marked.subnets.find((s) => s.netuid === 64).name = '<img src=x onerror="window.hacked=1"><script>window.hacked=2</script>';
  assert.match((await paste(JSON.stringify(marked))).text, /129 subnets read/);
  assert.match(await text(page, "subnet-current"), /<img src=x onerror=/);
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  assert.equal(await page.locator(".picker img, .picker script").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("loaded data is remembered across reloads when asked, until forgotten or reset; download gives dtao-snapshot/2", async () => {
  const { page, problems, context } = await open(`&netuid=64&snapshot=${encodeURIComponent(`${data.url}/fresh.json`)}`);
  await status(page);
  // Not remembered unless asked: a link shows what it says, not what this device loaded.
  await page.goto(`${app.url}/?calc=pool&netuid=64`);
  await ready(page);
  assert.match(await text(page, "data-line"), /^Data: Bundled snapshot/);
  await page.goto(`${app.url}/?calc=pool&netuid=64&snapshot=${encodeURIComponent(`${data.url}/fresh.json`)}`);
  await ready(page);
  await status(page);
  await openPanel(page);
  assert.equal(await page.locator("#data-remember").isChecked(), false);
  await page.locator("#data-remember").check();
  // Drop the parameter and reload: the remembered copy is used, offline from the host.
  await page.goto(`${app.url}/?calc=pool&netuid=64`);
  await ready(page);
  assert.match(await text(page, "data-line"), new RegExp(`remembered from ${data.url}/fresh.json · finney · block 9,000,000`));
  // Validators ride along in the download.
  await openPanel(page);
  await page.locator("#snapshot-file").setInputFiles(join(SHARED, "fixtures/taostats-validator-yield-2025-04-17.json"));
  await status(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#data-download").click()]);
  assert.equal(download.suggestedFilename(), "dtao-snapshot-finney-9000000.json");
  const saved = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(saved.schema, "dtao-snapshot/2");
  assert.equal(saved.block, 9000000);
  assert.equal(saved.subnets.find((s) => s.netuid === 64).tao_in, "300000");
  assert.equal(saved.subnets.reduce((n, s) => n + (s.validators?.length ?? 0), 0), 50);
  // Forget: the next visit starts from the bundled snapshot.
  await page.locator("#data-remember").uncheck();
  await page.reload();
  await ready(page);
  assert.match(await text(page, "data-line"), /^Data: Bundled snapshot/);
  // Remember again, load, then reset.
  await openPanel(page);
  await page.locator("#data-remember").check();
  await page.locator("#snapshot-url").fill(`${data.url}/fresh.json`);
  await page.locator("#snapshot-url").press("Enter");
  await page.waitForFunction(() => document.querySelector('[data-testid="data-line"]')?.textContent.includes("9,000,000"));
  await page.locator("#data-reset").click();
  assert.match(await text(page, "data-line"), /^Data: Bundled snapshot/);
  assert.equal((await status(page)).text, "Back to the bundled snapshot.");
  assert.doesNotMatch(page.url(), /snapshot=/);
  await page.reload();
  await ready(page);
  assert.match(await text(page, "data-line"), /^Data: Bundled snapshot/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the subnet picker searches, sorts and picks by keyboard", async () => {
  const { page, problems, context } = await open("&netuid=64");
  const options = page.locator('#subnet-list [role="option"]');
  // The list is drawn only while choosing: a click opens it.
  assert.equal(await options.count(), 0);
  await page.locator("#subnet-search").click();
  assert.equal(await options.count(), 129);
  assert.equal(await page.locator('[data-testid="subnet-option-64"]').getAttribute("aria-selected"), "true");
  await page.locator("#subnet-search").fill("targon");
  assert.equal(await options.count(), 1);
  await page.locator("#subnet-search").press("Enter");
  assert.equal(await dataValue(page, "subnet-current"), "4");
  assert.match(page.url(), /netuid=4/);
  assert.equal(await options.count(), 0);
  // By netuid, then down twice from the top of the list.
  await page.locator("#subnet-sort").selectOption("netuid");
  assert.match(page.url(), /sort=netuid/);
  // The first arrow opens the list at its top (netuid 0), as the ARIA combobox pattern has it.
  await page.locator("#subnet-search").focus();
  await page.keyboard.press("ArrowDown");
  assert.equal(await options.first().getAttribute("data-testid"), "subnet-option-0");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.locator("#subnet-search").getAttribute("aria-activedescendant"), "subnet-opt-2");
  await page.keyboard.press("Enter");
  assert.equal(await dataValue(page, "subnet-current"), "2");
  assert.equal(await page.locator("#subnet-list").isVisible(), false);
  // By price, highest first; each row shows TAO in pool, price and emission.
  await page.locator("#subnet-sort").selectOption("price");
  await page.locator("#subnet-search").press("ArrowDown");
  const first = await options.first().textContent();
  assert.match(first, /τ\/α/);
  assert.match(first, /τ\/day/);
  await page.locator("#subnet-search").fill("zzzz no match");
  assert.equal(await page.locator(".picker-empty").count(), 1);
  // A custom pool clears the subnet.
  await page.locator("#subnet-custom").click();
  assert.match(page.url(), /netuid=(&|$)/);
  assert.match(await text(page, "subnet-current"), /custom pool/);
  assert.deepEqual(problems, []);
  await context.close();
});
