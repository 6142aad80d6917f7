#!/usr/bin/env node
// A mutation check, run on demand (never in CI): apply one-line changes to the code behind every
// figure a user reads, one at a time, run the tests, and say which changes survived, i.e. moved a
// figure with every test still green. Each file is restored, also on Ctrl-C.
//
// The mutants live in tools/mutants/<area>.mjs (pool, returns, take, conviction, screen,
// importers), at least one per figure and per importer field kind. A mutant runs its area's
// native tests first; one that survives them runs the whole native suite before it is called a
// survivor. With --browser a native survivor also gets the release build and the browser tests.
//
//   node tools/mutants.mjs                 every mutant (about 40 s each on 2 cores)
//   node tools/mutants.mjs --browser       native survivors also against the browser tests
//   node tools/mutants.mjs move fee        only the mutants whose name contains "move" or "fee"
//   node tools/mutants.mjs --area=take     only one area's
//   node tools/mutants.mjs --count         how many there are, by area
//   node tools/mutants.mjs --check         that each applies exactly once (no tests; tools/test runs it)
import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

// Each area's tests: the suites that pin its figures (tests/figures_*.rs) and their neighbours.
const AREAS = {
  pool: ["pool_vectors", "superellipse_vectors", "pool_properties", "figures_pool"],
  returns: ["returns", "figures_returns", "screen_consistency"],
  take: ["delegation", "figures_take"],
  conviction: ["conviction_vectors", "figures_conviction"],
  screen: ["figures_screen", "screen_consistency"],
  importers: ["importers", "figures_importers", "bundled"],
  positions: ["figures_positions", "importers_positions"],
  history: ["figures_history"],
};
// Every native suite but the 100,000-case robustness runs (they check messages, not figures)
// and the live reader's (it checks decoding; its figures are the importers').
const EVERY = [...new Set([...Object.values(AREAS).flat(), "runtime_metadata", "live_reader"])];

const args = process.argv.slice(2);
const browser = args.includes("--browser");
const only = args.find((a) => a.startsWith("--area="))?.slice(7);
const filters = args.filter((a) => !a.startsWith("--"));

const mutants = [];
for (const area of Object.keys(AREAS)) {
  const list = (await import(join(ROOT, "tools", "mutants", `${area}.mjs`))).default;
  for (const [name, file, from, to] of list) mutants.push({ area, name, file, from, to });
}
if (args.includes("--count")) {
  for (const area of Object.keys(AREAS)) {
    console.log(`${area}: ${mutants.filter((m) => m.area === area).length}`);
  }
  console.log(`all: ${mutants.length}`);
  process.exit(0);
}
if (args.includes("--check")) {
  // Code moves: a mutant whose text is gone or doubled would silently stop guarding its figure.
  const stale = mutants.filter((m) => {
    let text = "";
    try {
      text = readFileSync(join(ROOT, m.file), "utf8");
    } catch {
      return true;
    }
    return text.split(m.from).length !== 2 || m.from === m.to;
  });
  for (const m of stale) console.log(`stale mutant: ${m.area} / ${m.name} (${m.file})`);
  console.log(`mutants: ${mutants.length - stale.length} of ${mutants.length} apply exactly once`);
  process.exit(stale.length ? 1 : 0);
}
const chosen = mutants.filter(
  (m) => (!only || m.area === only) && (!filters.length || filters.some((f) => m.name.includes(f))),
);

// Each mutant recompiles the crate: without optimisation or debug info that takes a third of
// the time, and the figure tests are small. Its own target directory keeps the usual builds'.
const ENV = {
  ...process.env,
  CARGO_PROFILE_TEST_OPT_LEVEL: "0",
  CARGO_PROFILE_TEST_DEBUG: "0",
  CARGO_TARGET_DIR: join(ROOT, "target", "mutants"),
};

function run(command, commandArgs) {
  const r = spawnSync(command, commandArgs, { cwd: ROOT, encoding: "utf8",
    maxBuffer: 1 << 28,
    env: command === "cargo" ? ENV : process.env,
  });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

// The library's own tests only in the whole-suite run: leaving them out of the first run saves
// a link of the largest test binary per mutant.
function native(suites, lib = false) {
  const r = run("cargo", [
    "test",
    "--no-fail-fast",
    ...(lib ? ["--lib"] : []),
    ...suites.flatMap((s) => ["--test", s]),
  ]);
  const failed = [...r.out.matchAll(/^test (\S+) \.\.\. FAILED/gm)].map((m) => m[1]);
  const broken = /error(\[E\d+\])?:/.test(r.out) && !failed.length && !r.ok;
  return { ok: r.ok, failed, broken };
}

const results = [];
let current = null;
process.on("SIGINT", () => {
  current?.();
  process.exit(130);
});
for (const m of chosen) {
  const path = join(ROOT, m.file);
  const original = readFileSync(path, "utf8");
  const count = original.split(m.from).length - 1;
  if (count !== 1) {
    results.push({ ...m, verdict: `not applied: the text occurs ${count} times in ${m.file}` });
    console.log(`${m.name}: ${results.at(-1).verdict}`);
    continue;
  }
  current = () => writeFileSync(path, original);
  writeFileSync(path, original.replace(m.from, m.to));
  try {
    let t = native(AREAS[m.area]);
    let verdict;
    if (t.broken) {
      verdict = "does not compile";
    } else if (!t.ok) {
      verdict = `killed native (${t.failed.join(", ")})`;
    } else {
      t = native(EVERY, true);
      verdict = t.ok ? "SURVIVED native" : `killed native, outside its area (${t.failed.join(", ")})`;
      if (t.ok && browser) {
        const build = run("trunk", ["build", "--release"]);
        const tests = build.ok ? run("node", ["--test", "--test-concurrency=1", "tests/browser/"]) : build;
        const failed = [...tests.out.matchAll(/^not ok \d+ - (.+)$/gm)].map((x) => x[1]);
        verdict = tests.ok ? "SURVIVED native and browser" : `killed in the browser (${failed.join("; ")})`;
      }
    }
    results.push({ ...m, verdict });
  } finally {
    current();
    current = null;
  }
  console.log(`${m.name}: ${results.at(-1).verdict}`);
}
if (browser) run("trunk", ["build", "--release"]); // the unmutated app again
const survivors = results.filter((r) => /SURVIVED|not applied|does not compile/.test(r.verdict));
const inBrowser = results.filter((r) => r.verdict.startsWith("killed in the browser")).length;
console.log(
  `\n${results.length} mutants: ${results.length - survivors.length} killed ` +
    `(${results.length - survivors.length - inBrowser} natively, ${inBrowser} in the browser), ` +
    `${survivors.length} survived, not applied or not compiling`,
);
for (const s of survivors) console.log(`  ${s.area} / ${s.name}: ${s.verdict}`);
process.exit(survivors.length ? 1 : 0);
