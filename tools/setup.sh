#!/usr/bin/env bash
# Installs what the build (and, with --browser, the browser tests) need, skipping what is there:
# the wasm target, trunk 0.21.14, the wasm-bindgen-cli matching Cargo.lock, the npm tools
# (binaryen's wasm-opt, playwright-core) and, for tests, cargo-fuzz and Debian's chromium.
# Source it: `source tools/setup.sh [--browser]`; it leaves PATH and TRUNK_SKIP_VERSION_CHECK set.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '[setup] %s\n' "$*"; }

need_browser=0
for arg in "$@"; do
  [ "$arg" = "--browser" ] && need_browser=1
done

export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.14$'; then
  say "installing trunk 0.21.14 (about 12 minutes)"
  cargo install trunk --version 0.21.14 --locked
fi

bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ -z "$bindgen_version" ]; then
  say "cannot read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if ! grep -q "wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
  say "Trunk.toml [tools] wasm_bindgen differs from Cargo.lock's wasm-bindgen $bindgen_version" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$"; then
  say "installing wasm-bindgen-cli $bindgen_version (about 6 minutes)"
  # Not --locked: its lockfile pins a crate this registry lacks.
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

if [ "$need_browser" = 1 ] && ! cargo fuzz --version 2>/dev/null | grep -q '^cargo-fuzz 0\.13\.2$'; then
  say "installing cargo-fuzz 0.13.2 (about 2 minutes; the tests fuzz the importers briefly)"
  cargo install cargo-fuzz --version 0.13.2 --locked || cargo install cargo-fuzz --version 0.13.2
fi

# Every devDependency of package.json present (and binaryen's wasm-opt the right version).
if ! node -e 'for (const d of Object.keys(require("./package.json").devDependencies)) require.resolve(d + "/package.json")' 2>/dev/null \
  || ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  say "installing npm tools (binaryen 132, playwright-core, xz-decompress, axe-core, ws)"
  npm ci --no-audit --no-fund
fi

if ! command -v xz >/dev/null; then
  say "installing xz-utils (the single-file build packs the wasm with xz)"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y xz-utils
fi

if [ "$need_browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

cargo fetch --quiet
set +euo pipefail
