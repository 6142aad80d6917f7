// Where the wasm's code comes from by source file: every byte of code is charged to the source
// line it was compiled from (the build's DWARF line tables), so code inlined into a caller is
// counted where it was written. `twiggy top` (tools/bloat.mjs) charges it to the caller
// instead, which hid that rust_decimal's `#[inline(always)]` arithmetic was copied into every
// caller (issue 18). Run by tools/bench on a release build with line tables
// (CARGO_PROFILE_RELEASE_DEBUG=line-tables-only); prints Markdown: the 20 largest crates (or,
// for this app, top-level modules) and the 20 largest files. Sizes are before wasm-bindgen and
// wasm-opt; wasm-bindgen's `describe` functions, which wasm-bindgen removes, are left out.
// Usage: node tools/bloat-lines.mjs path/to/dtao-calc.wasm
import { execFileSync } from "node:child_process";
import { kb, printShares } from "./size-table.mjs";

const wasm = process.argv[2];
if (!wasm) {
  console.error("usage: node tools/bloat-lines.mjs file.wasm");
  process.exit(2);
}
const dump = execFileSync("llvm-dwarfdump", ["--debug-line", wasm], { maxBuffer: 1024 * 1024 * 1024 }).toString();

const bytes = new Map();
let dirs = new Map();
let files = new Map();
let file = null;
let prev = null;
for (const line of dump.split("\n")) {
  let m;
  if (line.startsWith("debug_line[")) {
    dirs = new Map();
    files = new Map();
    prev = null;
  } else if ((m = line.match(/^include_directories\[\s*(\d+)\] = "(.*)"/))) {
    dirs.set(Number(m[1]), m[2]);
  } else if ((m = line.match(/^file_names\[\s*(\d+)\]:/))) {
    file = Number(m[1]);
    files.set(file, { name: "?", dir: "" });
  } else if ((m = line.match(/^\s+name: "(.*)"/)) && file !== null) {
    files.get(file).name = m[1];
  } else if ((m = line.match(/^\s+dir_index: (\d+)/)) && file !== null) {
    files.get(file).dir = dirs.get(Number(m[1])) || "";
  } else if ((m = line.match(/^0x([0-9a-f]+)\s+\d+\s+\d+\s+(\d+)\s/))) {
    const address = parseInt(m[1], 16);
    if (prev && address > prev.address) {
      const f = files.get(prev.file) || { name: "?", dir: "" };
      const path = `${f.dir}/${f.name}`;
      bytes.set(path, (bytes.get(path) || 0) + address - prev.address);
    }
    prev = line.includes("end_sequence") ? null : { address, file: Number(m[2]) };
  }
}

/** `crate::path/in/crate.rs` for a dependency or the standard library, `src/...` for the app. */
function where(path) {
  let m;
  if ((m = path.match(/\/registry\/src\/[^/]+\/([^/]+?)-\d[^/]*\/(?:src\/)?(.*)$/))) return [m[1], m[2]];
  if ((m = path.match(/\/library\/(core|alloc|std)\/src\/(.*)$/))) return [m[1], m[2]];
  if ((m = path.match(/\/deps\/([^/]+?)-\d[^/]*\/(?:src\/)?(.*)$/))) return [m[1], m[2]];
  if ((m = path.match(/^\/?(src\/(?:model|snapshot|ui|bin)\/[^/]+)(.*)$/))) return [`dtao_calc ${m[1].replace(/\.rs$/, "")}`, m[1] + m[2]];
  // Only the app is compiled from a relative path. Code placed at its crate root has no line
  // of its own there: it comes out of macros (Leptos's view! and component, wasm-bindgen).
  if (path === "src/lib.rs" || path === "src/main.rs") return ["dtao_calc (macro output)", path];
  return ["(other)", path];
}

const byCrate = new Map();
const byFile = new Map();
let total = 0;
for (const [path, size] of bytes) {
  const [crate, file] = where(path);
  if (crate === "wasm-bindgen" && file === "describe.rs") continue;
  total += size;
  byCrate.set(crate, (byCrate.get(crate) || 0) + size);
  const key = crate.startsWith("dtao_calc") ? file : `${crate}::${file}`;
  byFile.set(key, (byFile.get(key) || 0) + size);
}
console.log(`Code by where it was written, ${kb(total)} before wasm-opt (the app by top-level module):`);
console.log();
printShares("Crate or module", byCrate, total);
console.log();
printShares("Source file", byFile, total);
