// The page in one file, for file:// (used by tools/package.mjs for the app and by tools/bench
// for the empty Leptos app it compares against): CSS and JS inline, the wasm xz-compressed and
// base64-encoded, instantiated from bytes. Chromium refuses module scripts and fetching .wasm
// from file://, so a page that works saved to disk carries everything as a classic script. xz
// packs the wasm a quarter smaller than gzip; the file carries xz-decompress (xz-embedded in
// 9 KB of wasm, MIT) to unpack it.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

/** wasm-bindgen's --target web glue is an ES module; as a classic script it drops the export
 * keywords and the import.meta fallback (used only when no module is passed in). Throws unless
 * the result defines every function in `needs`. */
export function classicGlue(source, needs) {
  let js = source;
  js = js.replace(/^export function /gm, "function ");
  js = js.replace(/^export class /gm, "class ");
  js = js.replace(/^export const /gm, "const ");
  js = js.replace(/^export \{[^}]*\};?\s*$/gm, "");
  js = js.replace(/^export default [^;]+;\s*$/gm, "");
  js = js.replace(/import\.meta\.url/g, "document.baseURI");
  if (js === source) throw new Error("the glue script did not look like wasm-bindgen's web target output");
  if (/^\s*(import|export)\s/m.test(js)) throw new Error("the glue script still has import/export statements");
  for (const name of needs) {
    if (!new RegExp(`function ${name}\\(`).test(js)) throw new Error(`the glue script has no ${name}`);
  }
  return js;
}

/** `</` inside inline script/style would end the element early. */
export const inlineSafe = (text, tag) => text.replace(new RegExp(`</(${tag})`, "gi"), "<\\/$1");

/** `indexHtml` (trunk's page, or any page) with `css` and the app inline; `classic` is the glue
 * from `classicGlue`. The boot marks `dtao:unpacked` (User Timing) when the wasm is unpacked,
 * (and compiled, where the browser compiles as it streams), for tools/bench's first-render
 * breakdown. */
export function oneFileHtml({ indexHtml, css, classic, wasm }) {
  // pb=0, lc=4: wasm is byte-aligned; a CRC32 check is what xz-embedded verifies.
  const packed = execFileSync("xz", ["--format=xz", "--check=crc32", "--lzma2=preset=9e,pb=0,lc=4", "-c"], {
    input: wasm,
    maxBuffer: 64 * 1024 * 1024,
  });
  const decoderPath = new URL("../node_modules/xz-decompress/dist/package/xz-decompress.min.js", import.meta.url);
  const decoder = readFileSync(decoderPath, "utf8");
  const boot = `(async function () {
${classic}
var xz = {};
(function () {
${decoder}
}).call(xz);
var b64 = "${packed.toString("base64")}";
// Uint8Array.fromBase64 (Chromium 140+, Firefox 133+, Safari 18.2+) decodes natively; the loop
// over atob's string is the fallback (about 6 ms here, measured 2026-11-25).
var bytes;
if (typeof Uint8Array.fromBase64 === "function") {
  bytes = Uint8Array.fromBase64(b64);
} else {
  var raw = atob(b64);
  bytes = new Uint8Array(raw.length);
  for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
}
var unpack = function () { return new xz["xz-decompress"].XzReadableStream(new Blob([bytes]).stream()); };
// Compiled while it is unpacked, off the main thread, where the browser compiles a stream; else
// (or if that is refused) unpacked whole and compiled by initSync.
var module = null;
if (typeof WebAssembly.compileStreaming === "function") {
  try {
    module = await WebAssembly.compileStreaming(new Response(unpack(), { headers: { "content-type": "application/wasm" } }));
  } catch (e) {
    module = null;
  }
}
if (module === null) module = await new Response(unpack()).arrayBuffer();
performance.mark("dtao:unpacked");
initSync({ module: module });
})();`;
  let html = indexHtml;
  html = html.replace(/<link[^>]*(modulepreload|rel="preload")[^>]*>\s*/g, "");
  html = html.replace(/<link[^>]*rel="stylesheet"[^>]*>\s*/g, "");
  html = html.replace(/<script type="module"[^>]*>[\s\S]*?<\/script>\s*/g, "");
  html = html.replace("</head>", `<style>${inlineSafe(css, "style")}</style>\n</head>`);
  html = html.replace("</body>", `<script>${inlineSafe(boot, "script")}</script>\n</body>`);
  return html;
}
