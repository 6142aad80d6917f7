// A pretend Subtensor node on 127.0.0.1 for the live-mode tests: JSON-RPC over WebSocket (the
// `ws` package), answering from the states in fixtures/chain-replay.json (the bundled snapshot
// encoded with runtime spec 393's types by tests/live_reader.rs). The path picks a behaviour:
//   /              the current state (`use(name)` switches it; "first" at start)
//   /state/<name>  that state (trailing, truncated, garbage, empty_pool, heavy_weight,
//                  odd_metagraph, …)
//   /rpc-error     every call refused with a JSON-RPC error
//   /not-json      every batch answered with text that is not JSON
//   /silent        connected, never answers (the reader gives up after 10 s)
//   /hang-up       the connection closed as soon as it opens
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { WebSocketServer } from "ws";
import { ROOT } from "./harness.mjs";

/** `Option<SelectiveMetagraph>` of a subnet with no neurons: its three asked fields empty. */
function emptyMetagraph(args, { fields, asked }) {
  const netuid = Buffer.from(args.slice(2), "hex").readUInt16LE(0);
  const compact = netuid < 64 ? [netuid << 2] : [((netuid << 2) | 1) & 0xff, ((netuid << 2) | 1) >> 8];
  const out = [1, ...compact];
  for (let field = 1; field < fields; field += 1) out.push(...(asked.includes(field) ? [1, 0] : [0]));
  return `0x${Buffer.from(out).toString("hex")}`;
}

/** What a node answers to one call in `state`: `{ result }` or `{ error }`. */
function answer(state, method, params = [], metagraph) {
  const atHead = (i) => params[i] === state.hash;
  switch (method) {
    case "chain_getBlockHash":
      return { result: state.hash };
    case "system_chain":
      return { result: state.chain };
    case "chain_getHeader":
      if (atHead(0)) return { result: { number: `0x${state.number.toString(16)}`, parentHash: `0x${"00".repeat(32)}` } };
      break;
    case "state_getRuntimeVersion":
      if (atHead(0)) return { result: { specName: "node-subtensor", implName: "node-subtensor", specVersion: state.spec_version, transactionVersion: 1 } };
      break;
    case "state_call":
      if (atHead(2) && params[0] === "SubnetInfoRuntimeApi_get_all_dynamic_info" && params[1] === "0x") {
        return { result: state.dynamic_info };
      }
      if (atHead(2) && params[0] === "SubnetInfoRuntimeApi_get_selective_metagraph") {
        return { result: state.metagraphs[params[1]] ?? emptyMetagraph(params[1], metagraph) };
      }
      break;
    case "state_queryStorageAt":
      if (atHead(1)) {
        const changes = params[0].map((key) => [key, state.storage[key] ?? null]);
        return { result: [{ block: state.hash, changes }] };
      }
      break;
  }
  return { error: { code: -32602, message: `${method}: unknown call or block` } };
}

export async function startChainServer() {
  const { states, metagraph } = JSON.parse(await readFile(join(ROOT, "tests/browser/fixtures/chain-replay.json"), "utf8"));
  let current = "first";
  /** Every batch received, as the list of its methods. */
  const batches = [];
  const http = createServer((req, res) => res.writeHead(426).end("WebSocket only"));
  const wss = new WebSocketServer({ server: http });
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
      batches.push(list.map((c) => c.method));
      if (path === "/silent") return;
      if (path === "/not-json") {
        socket.send("<html>Bad gateway</html>");
        return;
      }
      const name = path.startsWith("/state/") ? path.slice("/state/".length) : current;
      const state = states[name];
      const replies = list.map((c) => {
        const reply = path === "/rpc-error" || !state
          ? { error: { code: -32601, message: "Method not found" } }
          : answer(state, c.method, c.params, metagraph);
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
