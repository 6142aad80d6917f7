// Trunk post-build hook: from the built app, writes
//   - dtao-calc.html: the whole app in one file, for file:// (tools/one-file.mjs).
//   - dtao-calc-widget.js: one classic script that mounts a calculator where its <script> tag
//     stands, inside a shadow root (styles neither leak in nor out), parameters from data-*.
//   - sw.js: the service worker that keeps the site working offline after one visit.
//   - snapshot.json: a marker saying the site publishes no data of its own, so the app's ask for
//     it finds a file and the browser logs no 404; a site that publishes data writes over it
//     (dtao-snapshot --out dist/snapshot.json).
//   - dtao-live.js + dtao-live_bg.wasm: the live chain reader (src/bin/dtao-live.rs), a module of
//     its own that the app loads only when someone asks for live data.
// Usage: node tools/package.mjs [dir]   (dir defaults to $TRUNK_STAGING_DIR, then dist)
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { classicGlue, oneFileHtml } from "./one-file.mjs";

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || "dist";

function fail(message) {
  console.error(`package: ${message}`);
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

const indexHtml = readFileSync(join(dir, "index.html"), "utf8");
const css = readFileSync(join(dir, cssName), "utf8");
const glue = readFileSync(join(dir, jsName), "utf8");
const wasm = readFileSync(join(dir, wasmName));

let classic;
try {
  classic = classicGlue(glue, ["initSync", "__wbg_init", "mount_widget"]);
} catch (error) {
  fail(error.message);
}

// --- dtao-calc.html -----------------------------------------------------------------------
{
  const html = oneFileHtml({ indexHtml, css, classic, wasm });
  if (/dtao-calc-[0-9a-f]+/.test(html)) fail("index.html still refers to the separate files");
  writeFileSync(join(dir, "dtao-calc.html"), html);
  console.log(`package: wrote dtao-calc.html (${html.length} bytes, wasm ${wasm.length} bytes)`);
}

// --- dtao-calc-widget.js ------------------------------------------------------------------
{
  // Inside a shadow root :root matches nothing; the host element carries the variables, and
  // `all: initial` stops the page's inherited styles at the door.
  const widgetCss =
    ":host { all: initial; display: block; }\n" +
    css.replace(/:root/g, ":host") +
    "\n.widget-root { background: var(--bg); color: var(--text); line-height: 1.45; font-size: 16px;" +
    " font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif; padding: 8px; border-radius: 10px; }\n";
  const widget = `/* dtao-calc widget: <script src=".../dtao-calc-widget.js" data-calc="pool" data-netuid="64"></script>
   mounts the calculator where the tag stands. Every URL parameter works as a data- attribute
   (underscores become dashes). The host needs script-src and connect-src for this file's origin
   and 'wasm-unsafe-eval' under a Content-Security-Policy. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.parentNode) return;
  var base = new URL(".", script.src).href;
  var query = [];
  for (var i = 0; i < script.attributes.length; i++) {
    var a = script.attributes[i];
    if (a.name.indexOf("data-") === 0) {
      query.push(encodeURIComponent(a.name.slice(5).replace(/-/g, "_")) + "=" + encodeURIComponent(a.value));
    }
  }
  var host = document.createElement("div");
  host.className = "dtao-calc-widget";
  script.parentNode.insertBefore(host, script.nextSibling);
  var shadow = host.attachShadow({ mode: "open" });
  var css = ${JSON.stringify(widgetCss)};
  if ("adoptedStyleSheets" in shadow && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
    // Constructed stylesheets are not inline styles, so a strict style-src does not block them.
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    var style = document.createElement("style");
    style.textContent = css;
    shadow.appendChild(style);
  }
  var root = document.createElement("div");
  root.className = "widget-root";
  root.textContent = "Loading the calculator…";
  shadow.appendChild(root);
  // One module for every widget on the page; it must not mount the full site itself.
  var shared = window.__dtaoCalcWidget || (window.__dtaoCalcWidget = {});
  if (!shared.ready) {
    shared.ready = (function () {
${classic}
      return __wbg_init({ module_or_path: new URL(${JSON.stringify(wasmName)}, base) }).then(function () {
        return mount_widget;
      });
    })();
  }
  shared.ready.then(function (mount) {
    root.textContent = "";
    mount(root, query.join("&"), base);
  }).catch(function (error) {
    root.textContent = "dtao-calc could not start: " + error;
  });
})();
`;
  writeFileSync(join(dir, "dtao-calc-widget.js"), widget);
  console.log(`package: wrote dtao-calc-widget.js (${widget.length} bytes)`);
}

// --- dtao-live.js + dtao-live_bg.wasm --------------------------------------------------------
{
  const root = new URL("..", import.meta.url).pathname;
  const target = process.env.CARGO_TARGET_DIR || join(root, "target");
  const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  run("cargo", ["build", "--release", "--target", "wasm32-unknown-unknown", "--bin", "dtao-live", "--features", "live-module"]);
  run("wasm-bindgen", [
    "--target", "no-modules", "--no-modules-global", "dtaoLive", "--no-typescript",
    "--out-dir", dir, "--out-name", "dtao-live", join(target, "wasm32-unknown-unknown/release/dtao-live.wasm"),
  ]);
  // Its classic script declares the global with `let`, which a page cannot see as window's
  // property; the app looks it up there.
  const liveJs = join(dir, "dtao-live.js");
  const glueText = readFileSync(liveJs, "utf8");
  if (!/^let dtaoLive\b/m.test(glueText)) fail("dtao-live.js does not declare dtaoLive");
  writeFileSync(liveJs, `${glueText}\nwindow.dtaoLive = dtaoLive;\n`);
  const liveWasm = join(dir, "dtao-live_bg.wasm");
  run(join(root, "node_modules/.bin/wasm-opt"), ["-Oz", "--strip-debug", "--strip-producers", liveWasm, "-o", liveWasm]);
  console.log(`package: wrote dtao-live.js and dtao-live_bg.wasm (${readFileSync(liveWasm).length} bytes)`);
}

// --- snapshot.json ------------------------------------------------------------------------
// Not dtao-snapshot data, so the app leaves it out quietly, as it would a missing file.
writeFileSync(
  join(dir, "snapshot.json"),
  `${JSON.stringify({
    site_snapshot: "none",
    about: "This site publishes no subnet data of its own: dtao-calc uses its bundled snapshot. Write dtao-snapshot output here (cargo run --release --features writer --bin dtao-snapshot -- --out dist/snapshot.json) to publish fresher data.",
  }, null, 2)}\n`,
);
console.log("package: wrote snapshot.json (the no-site-data marker)");

// --- sw.js --------------------------------------------------------------------------------
{
  const assets = ["./", "./index.html", `./${cssName}`, `./${jsName}`, `./${wasmName}`, "./dtao-calc.html", "./dtao-calc-widget.js"];
  const version = createHash("sha256").update(assets.join("\n")).update(wasm).digest("hex").slice(0, 16);
  const sw = `// dtao-calc service worker: after one visit the site opens and works with no network.
// Pages come from the network when it answers and from the cache when not; the hashed assets
// always from the cache. Written by tools/package.mjs for this build.
const VERSION = "dtao-calc-${version}";
const ASSETS = ${JSON.stringify(assets)};

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("dtao-calc-") && k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // The site's snapshot.json is always asked of the network: it is there to be fresh.
  if (new URL(request.url).pathname.endsWith("/snapshot.json")) return;
  if (request.mode === "navigate") {
    // The state is in the query, so any query is the same cached page.
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(request, { ignoreSearch: true }).then((hit) => hit || caches.match("./index.html")),
      ),
    );
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
`;
  writeFileSync(join(dir, "sw.js"), sw);
  console.log(`package: wrote sw.js (${assets.length} assets, version ${version})`);
}
