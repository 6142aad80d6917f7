// A pretend Subtensor node on 127.0.0.1 for the live-mode tests: JSON-RPC over WebSocket (the
// `ws` package), answering from the states in fixtures/chain-replay.json (nodes of runtime specs
// 393 and 461, every answer written in that runtime's own types by tests/live_reader.rs) with
// the runtime's real metadata from ../shared/fixtures. The path picks a behaviour:
//   /              the current state (`use(name)` switches it; "s461" at start)
//   /state/<name>  that state (s393, s461, s461_plus_one, s461_no_validators)
//   /rpc-error     every call refused with a JSON-RPC error
//   /not-json      every batch answered with text that is not JSON
//   /silent        connected, never answers (the reader gives up after 10 s)
//   /hang-up       the connection closed as soon as it opens
//   /archive       a pretend archive node (fixtures/archive-replay.json, written by
//                  tests/live_history.rs, whose browser_archive lists every value): 8,000,001
//                  blocks 12 s apart, the head from 2026-12-07 00:00 UTC, spec 393 below
//                  block 7,924,400 and 461 from it, subnet 64's pool and one validator's stake
//                  accounting at the 36 day blocks (head − d × 7,200, d = 0 to 35)
//   /archive-pruned  the same, refusing state below the upgrade as a pruning node does
// Every state also serves a wallet's positions (positions-node.mjs: Alice's and Bob's stakes,
// locks, root basket position and free TAO), for whatever of them its runtime's metadata has.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { WebSocketServer } from "ws";
import { ROOT, SHARED } from "./harness.mjs";
import { positionsCall, positionsStorage } from "./positions-node.mjs";

export { POSITIONS } from "./positions-node.mjs";

/** SCALE's compact length prefix. */
function compact(n) {
  if (n < 1 << 6) return Buffer.from([n << 2]);
  if (n < 1 << 14) return Buffer.from([((n << 2) | 1) & 0xff, (n << 2) >> 8]);
  if (n < 1 << 30) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(((n << 2) | 2) >>> 0);
    return b;
  }
  throw new Error("too long");
}

/** `Metadata_metadata_at_version(version)`: Some(the metadata) for the runtime's own version. */
function metadataAt(state, metadata, argsHex) {
  const version = Buffer.from(argsHex.slice(2), "hex").readUInt32LE(0);
  if (version !== state.metadata_version) return "0x00";
  return `0x${Buffer.concat([Buffer.from([1]), compact(metadata.length), metadata]).toString("hex")}`;
}

/** What a node answers to one call in `state`: `{ result }` or `{ error }`. */
function answer(state, metadata, method, params = []) {
  const atHead = (i) => params[i] === undefined || params[i] === null || params[i] === state.hash;
  switch (method) {
    case "chain_getBlockHash":
      if (params[0] === 0) return { result: state.genesis };
      if (params[0] === undefined || params[0] === null) return { result: state.hash };
      break;
    case "system_chain":
      return { result: state.chain };
    case "chain_getHeader":
      if (atHead(0)) return { result: { number: `0x${state.number.toString(16)}`, parentHash: `0x${"00".repeat(32)}` } };
      break;
    case "state_getRuntimeVersion":
      if (atHead(0)) return { result: { specName: "node-subtensor", implName: "node-subtensor", specVersion: state.spec_version, transactionVersion: 1 } };
      break;
    case "state_getMetadata":
      if (atHead(0)) return { result: `0x${metadata.toString("hex")}` };
      break;
    case "state_call": {
      if (!atHead(2)) break;
      const [name, args] = params;
      if (state.refuse.includes(name)) return { error: { code: -32000, message: `${name} refused` } };
      if (name === "Metadata_metadata_at_version") return { result: metadataAt(state, metadata, args) };
      // Spec 393 has only the stakes' call of the wallet's (its metadata).
      const wallet = state.spec_version >= 461 || name === "StakeInfoRuntimeApi_get_stake_info_for_coldkeys"
        ? positionsCall(name, args)
        : undefined;
      if (wallet !== undefined) return { result: wallet };
      const table = state.calls[name];
      if (!table) return { error: { code: -32000, message: `Exported method ${name} is not found` } };
      if (table[args] !== undefined) return { result: table[args] };
      break;
    }
    case "state_queryStorageAt":
      if (atHead(1)) {
        const changes = params[0].map((key) => [key, state.storage[key] ?? positionsStorage(key) ?? null]);
        return { result: [{ block: state.hash, changes }] };
      }
      break;
  }
  return { error: { code: -32602, message: `${method}: unknown call or block` } };
}

/** The archive's block number of `hash`, or undefined for a hash it never made. */
function archiveNumber(archive, hash) {
  if (typeof hash !== "string" || !hash.startsWith(archive.hash_prefix) || hash.length !== 66) return undefined;
  const n = Number(BigInt(`0x${hash.slice(archive.hash_prefix.length)}`));
  return n <= archive.head ? n : undefined;
}

function archiveHash(archive, n) {
  return `${archive.hash_prefix}${BigInt(n).toString(16).padStart(16, "0")}`;
}

/** What the archive answers to one call (at the block its hash names; the head without one). */
function archiveAnswer(archive, metadata, pruned, method, params = []) {
  const unknown = (h) => ({ error: { code: -32000, message: `UnknownBlock: header not found: ${h}` } });
  const at = (i) => (params[i] === undefined || params[i] === null ? archive.head : archiveNumber(archive, params[i]));
  const stateAt = (i) => {
    const n = at(i);
    if (n === undefined) return { error: unknown(params[i]).error };
    if (pruned && n < archive.upgrade) {
      return { error: { code: 4003, message: `State already discarded for ${archiveHash(archive, n)}` } };
    }
    return { n };
  };
  const spec = (n) => (n < archive.upgrade ? archive.specs["393"] : archive.specs["461"]);
  const specVersion = (n) => (n < archive.upgrade ? 393 : 461);
  switch (method) {
    case "chain_getBlockHash": {
      if (params[0] === undefined || params[0] === null) return { result: archiveHash(archive, archive.head) };
      const n = Number(params[0]);
      return { result: Number.isInteger(n) && n >= 0 && n <= archive.head ? archiveHash(archive, n) : null };
    }
    case "system_chain":
      return { result: archive.chain };
    case "chain_getHeader": {
      const n = at(0);
      if (n === undefined) return unknown(params[0]);
      return { result: { number: `0x${n.toString(16)}`, parentHash: archiveHash(archive, Math.max(n - 1, 0)) } };
    }
    case "state_getRuntimeVersion": {
      const { n, error } = stateAt(0);
      if (error) return { error };
      return { result: { specName: "node-subtensor", implName: "node-subtensor", specVersion: specVersion(n), transactionVersion: 1 } };
    }
    case "state_getMetadata": {
      const { n, error } = stateAt(0);
      if (error) return { error };
      return { result: `0x${metadata[spec(n).metadata_file].toString("hex")}` };
    }
    case "state_queryStorageAt": {
      const { n, error } = stateAt(1);
      if (error) return { error };
      const stored = archive.blocks[String(n)]?.storage ?? {};
      const time = () => {
        const b = Buffer.alloc(8);
        b.writeBigUInt64LE(BigInt(archive.base_ms) + BigInt(n) * BigInt(archive.block_ms));
        return `0x${b.toString("hex")}`;
      };
      const changes = params[0].map((key) => [
        key,
        key === archive.timestamp_key ? (n === 0 ? null : time()) : stored[key] ?? null,
      ]);
      return { result: [{ block: archiveHash(archive, n), changes }] };
    }
    case "state_call": {
      const { n, error } = stateAt(2);
      if (error) return { error };
      const [name, args] = params;
      const s = spec(n);
      if (name === "Metadata_metadata_at_version") return { result: metadataAt(s, metadata[s.metadata_file], args) };
      const exported = archive.blocks[String(n)]?.calls?.[name];
      const answer = exported?.[args];
      if (answer !== undefined) return { result: answer };
      // A runtime that exports the pricing API answers `None` (0x00) for a hotkey without
      // basket shares (pallets/subtensor/src/staking/beta_pricing.rs, `get_beta_pricing`:
      // `if shares == 0 { return None; }`); the fixture records only its own hotkey.
      if (exported && name === "BetaBasketRuntimeApi_get_beta_pricing") return { result: "0x00" };
      return { error: { code: -32000, message: `Exported method ${name} is not found` } };
    }
  }
  return { error: { code: -32601, message: `Method not found: ${method}` } };
}

export async function startChainServer() {
  const { states } = JSON.parse(await readFile(join(ROOT, "tests/browser/fixtures/chain-replay.json"), "utf8"));
  const { archive } = JSON.parse(await readFile(join(ROOT, "tests/browser/fixtures/archive-replay.json"), "utf8"));
  const metadata = {};
  for (const state of [...Object.values(states), ...Object.values(archive.specs)]) {
    metadata[state.metadata_file] ??= await readFile(join(SHARED, state.metadata_file));
  }
  let current = "s461";
  /** Every batch received, as the list of its methods (a runtime call as `state_call:<name>`). */
  const batches = [];
  const http = createServer((req, res) => res.writeHead(426).end("WebSocket only"));
  const wss = new WebSocketServer({ server: http, maxPayload: 16 << 20 });
  wss.on("connection", (socket, req) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/hang-up") {
      socket.terminate();
      return;
    }
    socket.on("message", (data) => {
      let calls;
      try {
        calls = JSON.parse(data.toString());
      } catch {
        return;
      }
      const list = Array.isArray(calls) ? calls : [calls];
      batches.push(list.map((c) => (c.method === "state_call" ? `state_call:${c.params[0]}` : c.method)));
      if (path === "/silent") return;
      if (path === "/archive" || path === "/archive-pruned") {
        const replies = list.map((c) => ({
          jsonrpc: "2.0",
          id: c.id,
          ...archiveAnswer(archive, metadata, path === "/archive-pruned", c.method, c.params),
        }));
        socket.send(JSON.stringify(replies.reverse()));
        return;
      }
      if (path === "/not-json") {
        socket.send("<html>Bad gateway</html>");
        return;
      }
      const name = path.startsWith("/state/") ? path.slice("/state/".length) : current;
      const state = states[name];
      const replies = list.map((c) => {
        const reply = path === "/rpc-error" || !state
          ? { error: { code: -32601, message: "Method not found" } }
          : answer(state, metadata[state.metadata_file], c.method, c.params);
        return { jsonrpc: "2.0", id: c.id, ...reply };
      });
      // A node may answer a batch in any order.
      socket.send(JSON.stringify(replies.reverse()));
    });
  });
  await new Promise((ok) => http.listen(0, "127.0.0.1", ok));
  const { port } = http.address();
  return {
    url: (path = "/") => `ws://127.0.0.1:${port}${path}`,
    states,
    archive,
    batches,
    use(name) {
      if (!states[name]) throw new Error(`no state ${name}`);
      current = name;
    },
    close: () => new Promise((ok) => {
      for (const client of wss.clients) client.terminate();
      wss.close(() => http.close(ok));
    }),
  };
}
