// Trunk post-build hook: writes dtao-calc.html, the whole app in one file (CSS and JS inline,
// wasm gzipped and base64-encoded, instantiated from bytes). Chromium refuses module scripts
// and fetching .wasm from file://, so a page that works saved to disk has to carry everything
// as a classic script. Gzipping before base64 keeps the file small: base64 of raw wasm does
// not compress well, and the browser inflates it with DecompressionStream.
// Usage: node tools/single-file.mjs [dir]   (dir defaults to $TRUNK_STAGING_DIR, then dist)
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || "dist";
const OUT = "dtao-calc.html";

function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}

const files = readdirSync(dir);
const pick = (re, what) => {
  const found = files.filter((f) => re.test(f));
  if (found.length !== 1) fail(`expected one ${what} in ${dir}, found ${found.length}: ${found.join(", ")}`);
  return found[0];
};
const jsName = pick(/^dtao-calc-[0-9a-f]+\.js$/, "wasm-bindgen script");
const wasmName = pick(/^dtao-calc-[0-9a-f]+_bg\.wasm$/, "wasm module");
const cssName = pick(/^app-[0-9a-f]+\.css$/, "stylesheet");

let html = readFileSync(join(dir, "index.html"), "utf8");
const css = readFileSync(join(dir, cssName), "utf8");
let js = readFileSync(join(dir, jsName), "utf8");
const wasm = readFileSync(join(dir, wasmName));

// wasm-bindgen's --target web glue is an ES module. Turn it into a classic script: drop the
// export keywords and the import.meta fallback (only used when no module is passed in).
const before = js;
js = js.replace(/^export function /gm, "function ");
js = js.replace(/^export class /gm, "class ");
js = js.replace(/^export const /gm, "const ");
js = js.replace(/^export \{[^}]*\};?\s*$/gm, "");
js = js.replace(/^export default [^;]+;\s*$/gm, "");
js = js.replace(/import\.meta\.url/g, "document.baseURI");
if (js === before) fail("the glue script did not look like wasm-bindgen's web target output");
if (/^\s*(import|export)\s/m.test(js)) fail("the glue script still has import/export statements");
if (!/function initSync\(/.test(js)) fail("the glue script has no initSync");

const b64 = gzipSync(wasm, { level: 9 }).toString("base64");
const boot = `(async function () {
${js}
var b64 = "${b64}";
var raw = atob(b64);
var packed = new Uint8Array(raw.length);
for (var i = 0; i < raw.length; i++) packed[i] = raw.charCodeAt(i);
if (typeof DecompressionStream !== "function") {
  var root = document.getElementById("dtao-calc");
  if (root) root.textContent = "This browser is too old for the offline copy of dtao-calc; use the website.";
  return;
}
var inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
initSync({ module: await new Response(inflated).arrayBuffer() });
})();`;

// Remove trunk's links to the separate files and its module loader.
html = html.replace(/<link[^>]*(modulepreload|rel="preload")[^>]*>\s*/g, "");
html = html.replace(/<link[^>]*rel="stylesheet"[^>]*>\s*/g, "");
html = html.replace(/<script type="module"[^>]*>[\s\S]*?<\/script>\s*/g, "");
if (/dtao-calc-[0-9a-f]+/.test(html)) fail("index.html still refers to the separate files");
// `</` inside inline script/style would end the element early.
const safeJs = boot.replace(/<\/(script)/gi, "<\\/$1");
const safeCss = css.replace(/<\/(style)/gi, "<\\/$1");
html = html.replace("</head>", `<style>${safeCss}</style>\n</head>`);
html = html.replace("</body>", `<script>${safeJs}</script>\n</body>`);
writeFileSync(join(dir, OUT), html);
console.log(`single-file: wrote ${OUT} (${html.length} bytes, wasm ${wasm.length} bytes)`);
