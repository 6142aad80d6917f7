// Where the wasm's bytes go: the 20 largest crates and the 20 largest functions of the release
// build (before wasm-bindgen and wasm-opt, so every function still has its name), from
// `twiggy top`. Run by tools/bench; prints Markdown. A generic function is counted for the crate
// whose type it is instantiated for (`<dtao_calc::X as core::fmt::Debug>::fmt` is dtao_calc's),
// else for the crate that defines it; code sizes before wasm-opt, which shrinks everything by
// roughly the same factor.
// Usage: node tools/bloat.mjs path/to/dtao-calc.wasm
import { execFileSync } from "node:child_process";
import { kb, printShares } from "./size-table.mjs";

const wasm = process.argv[2];
if (!wasm) {
  console.error("usage: node tools/bloat.mjs file.wasm");
  process.exit(2);
}
const csv = execFileSync("twiggy", ["top", "-n", "1000000", "--format", "csv", wasm], {
  maxBuffer: 256 * 1024 * 1024,
}).toString();

/** One CSV record: the name may be quoted with doubled quotes inside. */
function parseLine(line) {
  const m = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
  if (!m) return null;
  const name = m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1];
  return { name, size: Number(m[2]) };
}
const items = csv.split("\n").slice(1).map(parseLine).filter(Boolean);

const GENERIC = new Set(["core", "alloc", "std", "F", "T", "I", "A", "B", "E", "V", "str"]);
const firstCrate = (path) => (path.replace(/^[<&*\[( ]+|^(mut|dyn|const) /g, "").match(/^[A-Za-z_][A-Za-z0-9_]*/) || [""])[0];
/** The crate an item's bytes are charged to, or what kind of non-code item it is. */
function owner(name) {
  if (/^(custom section|data segment|"function names"|type\[|import |export |elem\[|table\[|global\[|code\[)/.test(name)) {
    if (name.startsWith("data segment")) return "(data: strings, tables, the bundled snapshot)";
    if (name.startsWith("export ") && !name.includes("__wbindgen_describe")) return "(exports)";
    return null; // names, wasm-bindgen's description section: gone after wasm-bindgen / wasm-opt
  }
  const impl = name.match(/^<(.+?) as ([^>]+?)>::/);
  if (impl) {
    const own = firstCrate(impl[1]);
    return GENERIC.has(own) || own.length <= 1 ? firstCrate(impl[2]) : own;
  }
  const forType = name.match(/^<?impl .*? for ([A-Za-z_][A-Za-z0-9_]*)::/);
  if (forType) return forType[1];
  return firstCrate(name).replace(/\[[0-9a-f]+\]$/, "") || name;
}

const byCrate = new Map();
let total = 0;
for (const { name, size } of items) {
  const crate = owner(name);
  if (crate === null) continue;
  total += size;
  byCrate.set(crate, (byCrate.get(crate) || 0) + size);
}
console.log(`Code and data, ${kb(total)} before wasm-opt (names and wasm-bindgen's descriptions left out).`);
console.log();
printShares("Crate", byCrate, total);
console.log();
console.log("| Function | Bytes |");
console.log("| --- | --- |");
const functions = items.filter(({ name }) => owner(name) !== null && !name.startsWith("data segment") && !name.startsWith("export "));
for (const { name, size } of functions.sort((a, b) => b.size - a.size).slice(0, 20)) {
  const short = name.replace(/::h[0-9a-f]{16}$/, "").replace(/\|/g, "\\|");
  console.log(`| \`${short.length > 110 ? `${short.slice(0, 107)}...` : short}\` | ${kb(size)} |`);
}
