#!/usr/bin/env node
// A small mutation check, run on demand (never in CI): apply one-line changes to the model, one at
// a time, run the native suite (and with --browser the release build and browser tests), and say
// which changes survived, i.e. broke a figure with every test still green. Each file is restored.
//
//   node tools/mutants.mjs            native suite (about a minute per mutant on 2 cores)
//   node tools/mutants.mjs --browser  also trunk build --release and the browser tests
//   node tools/mutants.mjs move fee   only the mutants whose name contains "move" or "fee"
import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

// name, file, the exact text, what it becomes.
const MUTANTS = [
  ["move: stake leg gets 3 % less TAO", "src/model/pool/move_stake.rs",
    "quote(&stake_pool, &TradeRequest::plain(Side::Stake, tao_rao))",
    "quote(&stake_pool, &TradeRequest::plain(Side::Stake, tao_rao - tao_rao * 3 / 100))"],
  ["move: stake leg pays a second fee", "src/model/pool/move_stake.rs",
    "        to.with_fee_rate(FeeRate::ZERO)", "        *to"],
  ["move: no 0.002 TAO rule", "src/model/pool/move_stake.rs",
    "let stake = if tao_rao < MIN_STAKE_RAO {", "let stake = if tao_rao < 1 {"],
  ["break-even: one day early", "src/model/staking/returns.rs",
    "return Ok(Some(high));", "return Ok(Some(high - 1));"],
  ["swap: equal-weight unstake pays 2 rao less", "src/model/pool/swap.rs",
    "Side::Unstake => balancer_out(x, y, net, w_alpha, w_tao)?,",
    "Side::Unstake => balancer_out(x, y, net, w_alpha, w_tao)?.saturating_sub(2),"],
  ["fee: 34 instead of 33", "src/model/pool/fee.rs",
    "pub const DEFAULT_FEE_RATE: u16 = 33;", "pub const DEFAULT_FEE_RATE: u16 = 34;"],
  ["superellipse: cut fill keeps the gross fee", "src/model/pool/ellipse_swap.rs",
    "fee_rate.on_net(amount_in)", "fee_rate.on_gross(amount_in)"],
  ["limit: bound one rao short", "src/model/pool/limit.rs",
    "Ok(f) => Ok(mul_decimal_floor(reserve, f)),", "Ok(f) => Ok(mul_decimal_floor(reserve, f).map(|v| v.saturating_sub(1))),"],
  ["round trip: back leg priced on the pool before", "src/model/pool/round_trip.rs",
    "let back = swap(&there.pool_after,", "let back = swap(pool,"],
  ["returns: price scenario extrapolated", "src/model/staking/returns.rs",
    "let held = day.min(self.days);", "let held = day;"],
  ["returns: exit from the pool before the entry", "src/model/staking/returns.rs",
    "(Some(q), ExitFrom::Entry) => q.swap.pool_after,", "(Some(_), ExitFrom::Entry) => inputs.pool,"],
  ["yield base: stake weight not capped", "src/model/staking/emission.rs",
    "(None, Some(w), Some(out)) => Some((w.min(out),", "(None, Some(w), Some(_out)) => Some((w,"],
  ["take: childkey take ignored", "src/model/staking/delegation.rs",
    "checked((Decimal::ONE - childkey_take).checked_mul(Decimal::ONE - take))",
    "checked((Decimal::ONE - childkey_take * Decimal::ZERO).checked_mul(Decimal::ONE - take))"],
  ["take: raise always waits 30 days", "src/model/staking/delegation.rs",
    "take_rate_limit_days().saturating_sub(days_since_change)", "take_rate_limit_days()"],
  ["take: 18 % is 0.18, not 11,796/65,535", "src/model/staking/delegation.rs",
    "fraction.min(max_take())", "fraction.min(Decimal::new(18, 2))"],
  ["slippage: largest trade one rao short", "src/model/pool/curve.rs",
    "    Ok(Some(low))\n}", "    Ok(Some(low - 1))\n}"],
];

const browser = process.argv.includes("--browser");
const filters = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const chosen = MUTANTS.filter(([name]) => !filters.length || filters.some((f) => name.includes(f)));

function run(command, args) {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

// The native suite without the 100,000-case robustness runs (they check messages, not figures).
const NATIVE = ["test", "--no-fail-fast", "--lib", "--test", "pool_vectors", "--test", "superellipse_vectors",
  "--test", "returns", "--test", "delegation", "--test", "importers", "--test", "pool_properties",
  "--test", "conviction_vectors"];

const results = [];
for (const [name, file, from, to] of chosen) {
  const path = join(ROOT, file);
  const original = readFileSync(path, "utf8");
  const count = original.split(from).length - 1;
  if (count !== 1) {
    results.push({ name, verdict: `not applied: the text occurs ${count} times in ${file}` });
    continue;
  }
  const restore = () => writeFileSync(path, original);
  process.once("SIGINT", () => { restore(); process.exit(130); });
  writeFileSync(path, original.replace(from, to));
  try {
    const native = run("cargo", NATIVE);
    const failed = [...native.out.matchAll(/^test (\S+) \.\.\. FAILED/gm)].map((m) => m[1]);
    const built = /error(\[E\d+\])?:/.test(native.out) && !failed.length;
    let verdict = built ? "does not compile" : native.ok ? "SURVIVED native" : `killed native (${failed.join(", ")})`;
    if (browser && !built) {
      const build = run("trunk", ["build", "--release"]);
      const tests = build.ok ? run("node", ["--test", "--test-concurrency=1", "tests/browser/"]) : build;
      const browserFailed = [...tests.out.matchAll(/^not ok \d+ - (.+)$/gm)].map((m) => m[1]);
      verdict += tests.ok ? "; SURVIVED browser" : `; killed browser (${browserFailed.join("; ")})`;
    }
    results.push({ name, verdict });
  } finally {
    restore();
  }
  console.log(`${name}: ${results.at(-1).verdict}`);
}
if (browser) run("trunk", ["build", "--release"]); // the unmutated app again
const survivors = results.filter((r) => /SURVIVED|not applied/.test(r.verdict));
console.log(`\n${results.length} mutants, ${results.length - survivors.length} killed, ${survivors.length} survived or not applied`);
process.exit(survivors.length ? 1 : 0);
