// A wallet the pretend node (live-server.mjs) serves, as the chain answers it (issue 32): two
// coldkeys with stakes, one locked position and one root (netuid 0) position, a root basket
// position and a free balance, written in SCALE here from the field order of spec 461's
// metadata (tests/live_positions.rs checks that order in the metadata itself) and checked at
// load against bytes this file did not make: the Python SDK's recordings of a spec-461 node
// (../shared/fixtures/bittensor-golden-spec461.json: a real get_stake_info_for_hotkey_coldkey_netuid
// answer, a real System::Account key and value) and its codec corpus (StakeInfo,
// StakeAvailability, BasketPosition samples). The same wallet is served to the native tests by
// tests/common/positions_node.rs. What each call answers (RaoFoundation/subtensor):
//   StakeInfoRuntimeApi_get_stake_info_for_coldkeys: pallets/subtensor/src/rpc_info/stake_info.rs
//     (0bb2cb3) stake_info_rows_for_coldkeys: each coldkey asked, in order, its rows by subnet
//     then hotkey, zero alpha left out; `locked` always 0 (line 24).
//   StakeInfoRuntimeApi_get_stake_availability_for_coldkeys(coldkeys, None): same file; a
//     BTreeMap by coldkey of a BTreeMap by netuid of {total, locked, available}
//     (staking/lock/lock_availability.rs, 3482955, lines 59-68).
//   BetaBasketRuntimeApi_get_root_basket_portfolio(coldkey): Vec<BasketPosition>
//     (rpc_info/basket_info.rs, 0b4bc45, lines 46-67).
//   System::Account(coldkey): AccountInfo, zero when absent.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SHARED } from "./harness.mjs";

const TAO = 1_000_000_000n;
const MASK = (1n << 64n) - 1n;

// ---- Blake2b (RFC 7693), for Blake2_128Concat keys and SS58 checksums.
const IV = [
  0x6a09e667f3bcc908n, 0xbb67ae8584caa73bn, 0x3c6ef372fe94f82bn, 0xa54ff53a5f1d36f1n,
  0x510e527fade682d1n, 0x9b05688c2b3e6c1fn, 0x1f83d9abfb41bd6bn, 0x5be0cd19137e2179n,
];
const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4], [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13], [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11], [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5], [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];
const rotr = (x, n) => ((x >> BigInt(n)) | (x << BigInt(64 - n))) & MASK;

export function blake2b(data, outlen) {
  const h = IV.slice();
  h[0] ^= 0x01010000n ^ BigInt(outlen);
  const blocks = Math.max(1, Math.ceil(data.length / 128));
  for (let b = 0; b < blocks; b++) {
    const block = Buffer.alloc(128);
    data.copy(block, 0, b * 128, Math.min(data.length, (b + 1) * 128));
    const m = Array.from({ length: 16 }, (_, i) => block.readBigUInt64LE(i * 8));
    const v = [...h, ...IV];
    v[12] ^= BigInt(Math.min(data.length, (b + 1) * 128));
    if (b === blocks - 1) v[14] ^= MASK;
    const g = (a, bb, c, d, x, y) => {
      v[a] = (v[a] + v[bb] + x) & MASK; v[d] = rotr(v[d] ^ v[a], 32);
      v[c] = (v[c] + v[d]) & MASK; v[bb] = rotr(v[bb] ^ v[c], 24);
      v[a] = (v[a] + v[bb] + y) & MASK; v[d] = rotr(v[d] ^ v[a], 16);
      v[c] = (v[c] + v[d]) & MASK; v[bb] = rotr(v[bb] ^ v[c], 63);
    };
    for (let r = 0; r < 12; r++) {
      const s = SIGMA[r % 10];
      g(0, 4, 8, 12, m[s[0]], m[s[1]]); g(1, 5, 9, 13, m[s[2]], m[s[3]]);
      g(2, 6, 10, 14, m[s[4]], m[s[5]]); g(3, 7, 11, 15, m[s[6]], m[s[7]]);
      g(0, 5, 10, 15, m[s[8]], m[s[9]]); g(1, 6, 11, 12, m[s[10]], m[s[11]]);
      g(2, 7, 8, 13, m[s[12]], m[s[13]]); g(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (let i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
  }
  const out = Buffer.alloc(64);
  h.forEach((x, i) => out.writeBigUInt64LE(x, i * 8));
  return out.subarray(0, outlen);
}

// ---- SS58 (prefix 42) and accounts.
const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
export function ss58(account) {
  const body = Buffer.concat([Buffer.from([42]), account]);
  const sum = blake2b(Buffer.concat([Buffer.from("SS58PRE"), body]), 64).subarray(0, 2);
  const all = Buffer.concat([body, sum]);
  let n = BigInt(`0x${all.toString("hex")}`);
  let out = "";
  while (n > 0n) { out = B58[Number(n % 58n)] + out; n /= 58n; }
  for (const byte of all) { if (byte !== 0) break; out = `1${out}`; }
  return out;
}
const account = (hex) => Buffer.from(hex, "hex");
const fill = (byte) => Buffer.alloc(32, byte);

// ---- SCALE.
/** A compact integer of any size (BigInt or number). */
export function compact(value) {
  const n = BigInt(value);
  if (n < 1n << 6n) return Buffer.from([Number(n << 2n)]);
  if (n < 1n << 14n) { const b = Buffer.alloc(2); b.writeUInt16LE(Number((n << 2n) | 1n)); return b; }
  if (n < 1n << 30n) { const b = Buffer.alloc(4); b.writeUInt32LE(Number((n << 2n) | 2n)); return b; }
  const bytes = [];
  for (let x = n; x > 0n; x >>= 8n) bytes.push(Number(x & 0xffn));
  return Buffer.from([((bytes.length - 4) << 2) | 3, ...bytes]);
}
const le = (value, width) => {
  const b = Buffer.alloc(width);
  let n = BigInt(value);
  for (let i = 0; i < width; i++) { b[i] = Number(n & 0xffn); n >>= 8n; }
  return b;
};
const vec = (items) => Buffer.concat([compact(items.length), ...items]);

/** `StakeInfo` in spec 461's field order (393's is the same). */
export const STAKE_INFO_FIELDS = ["hotkey", "coldkey", "netuid", "stake", "locked", "emission", "tao_emission", "drain", "is_registered"];
export function stakeInfo(s) {
  return Buffer.concat([s.hotkey, s.coldkey, compact(s.netuid), compact(s.stake), compact(s.locked ?? 0),
    compact(s.emission ?? 0), compact(s.tao_emission ?? 0), compact(s.drain ?? 0), Buffer.from([s.is_registered ? 1 : 0])]);
}
/** `StakeAvailability`: total, locked, available (compacts). */
export const availability = (a) => Buffer.concat([compact(a.total), compact(a.locked), compact(a.available)]);
/** `BasketPosition`: hotkey, beta u64, beta_total u64, nav_tao, value_tao, spot_value_tao (u64). */
export const basketPosition = (p) => Buffer.concat([p.hotkey, le(p.beta, 8), le(p.beta_total, 8), le(p.nav_tao, 8), le(p.value_tao, 8), le(p.spot_value_tao, 8)]);
/** `AccountInfo`: nonce, consumers, providers, sufficients (u32), data {free, reserved, frozen (u64), flags (u128)}. */
export const accountInfo = (a) => Buffer.concat([le(a.nonce, 4), le(a.consumers, 4), le(a.providers, 4), le(a.sufficients, 4),
  le(a.data.free, 8), le(a.data.reserved, 8), le(a.data.frozen, 8), le(a.data.flags, 16)]);
/** `System::Account`'s key: twox128("System") ‖ twox128("Account") ‖ blake2_128(account) ‖ account. */
const ACCOUNT_PREFIX = "26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9";
export const accountKey = (acct) => `0x${ACCOUNT_PREFIX}${blake2b(acct, 16).toString("hex")}${acct.toString("hex")}`;

// ---- The served wallet (integers in rao; a root stake is TAO).
export const ALICE = account("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
export const BOB = account("8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");
const H1 = fill(0x11), H2 = fill(0x22), H3 = fill(0x33);

/** Fixture JSON with integers past 2^53 kept as text. */
function readJson(file) {
  const text = readFileSync(join(SHARED, file), "utf8").replace(/([:[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g, '$1"$2"');
  return JSON.parse(text);
}
const GOLDEN = readJson("fixtures/bittensor-golden-spec461.json");
const GOLDEN_ACCOUNT = GOLDEN.storage_values.find((s) => s.pallet === "System" && s.storage_function === "Account");

/** What is served, by coldkey (SS58): stakes in the chain's order, each subnet's lock now,
 * basket positions, free TAO (Alice's is the SDK-recorded account). */
export const POSITIONS = {
  [ss58(ALICE)]: {
    account: ALICE,
    free: BigInt(GOLDEN_ACCOUNT.decoded.data.free),
    stakes: [
      { netuid: 0, hotkey: ss58(H2), hotkeyBytes: H2, stake: 1_000n * TAO },
      { netuid: 64, hotkey: ss58(H1), hotkeyBytes: H1, stake: 50_000n * TAO },
    ],
    locked: { 64: 20_000n * TAO },
    baskets: [{ hotkey: ss58(H2), hotkeyBytes: H2, beta: 400n * TAO, beta_total: 2_000n * TAO, nav_tao: 2_500n * TAO, value_tao: 500n * TAO, spot_value_tao: 510n * TAO }],
  },
  [ss58(BOB)]: {
    account: BOB,
    free: 0n,
    stakes: [
      { netuid: 1, hotkey: ss58(H1), hotkeyBytes: H1, stake: 7_000n * TAO },
      { netuid: 64, hotkey: ss58(H1), hotkeyBytes: H1, stake: 3n * TAO },
      { netuid: 64, hotkey: ss58(H3), hotkeyBytes: H3, stake: 1_234_567_890n },
    ],
    locked: { 64: 4n * TAO },
    baskets: [],
  },
};
const byAccount = (acct) => Object.values(POSITIONS).find((p) => p.account.equals(acct));

function accountsOf(args) {
  const n = args[0] >> 2;
  return Array.from({ length: n }, (_, i) => args.subarray(1 + 32 * i, 33 + 32 * i));
}

/** The wallet's answer (hex) to `state_call(name, argsHex)`, or undefined for other calls. */
export function positionsCall(name, argsHex) {
  const args = Buffer.from(argsHex.slice(2), "hex");
  if (name === "StakeInfoRuntimeApi_get_stake_info_for_coldkeys") {
    return `0x${vec(accountsOf(args).map((c) => Buffer.concat([c, vec((byAccount(c)?.stakes ?? []).map((s) =>
      stakeInfo({ hotkey: s.hotkeyBytes, coldkey: c, netuid: s.netuid, stake: s.stake, is_registered: true })))]))).toString("hex")}`;
  }
  if (name === "StakeInfoRuntimeApi_get_stake_availability_for_coldkeys") {
    const asked = accountsOf(args).sort(Buffer.compare);
    return `0x${vec(asked.map((c) => {
      const p = byAccount(c);
      const netuids = [...new Set((p?.stakes ?? []).map((s) => s.netuid))].sort((a, b) => a - b);
      return Buffer.concat([c, vec(netuids.map((n) => {
        const total = p.stakes.filter((s) => s.netuid === n).reduce((a, s) => a + s.stake, 0n);
        const locked = p.locked[n] ?? 0n;
        return Buffer.concat([le(n, 2), availability({ total, locked, available: total > locked ? total - locked : 0n })]);
      }))]);
    })).toString("hex")}`;
  }
  if (name === "BetaBasketRuntimeApi_get_root_basket_portfolio") {
    return `0x${vec((byAccount(args)?.baskets ?? []).map((b) => basketPosition({ ...b, hotkey: b.hotkeyBytes }))).toString("hex")}`;
  }
  return undefined;
}

/** The wallet's stored value (hex) at storage `key`, or undefined. */
export function positionsStorage(key) {
  if (key === accountKey(ALICE)) return GOLDEN_ACCOUNT.raw_hex;
  return undefined;
}

// ---- Checked at load against bytes this file did not make.
function check(what, ours, theirs) {
  if (ours !== theirs) throw new Error(`positions-node: ${what}: ${ours} is not the SDK's ${theirs}`);
}
const fromSs58 = (text) => {
  let n = 0n;
  for (const c of text) n = n * 58n + BigInt(B58.indexOf(c));
  return Buffer.from(n.toString(16).padStart(70, "0"), "hex").subarray(1, 33);
};
{
  const call = GOLDEN.runtime_calls.find((c) => c.method === "get_stake_info_for_hotkey_coldkey_netuid");
  const d = call.decoded;
  const some = Buffer.concat([Buffer.from([1]), stakeInfo({ ...d, hotkey: fromSs58(d.hotkey), coldkey: fromSs58(d.coldkey) })]);
  check("the golden StakeInfo answer", `0x${some.toString("hex")}`, call.raw_hex);
  check("Alice's address", ss58(ALICE), d.coldkey);
  check("the golden System::Account key", accountKey(ALICE), GOLDEN_ACCOUNT.key_hex);
  check("the golden System::Account value", `0x${accountInfo(GOLDEN_ACCOUNT.decoded).toString("hex")}`, GOLDEN_ACCOUNT.raw_hex);
  const corpus = readJson("fixtures/bittensor-shape-corpus-spec461.json");
  const of = (name) => corpus.types.find((t) => t.name === name).samples;
  for (const s of of("pallet_subtensor::rpc_info::stake_info::StakeInfo")) {
    check("a StakeInfo sample", `0x${stakeInfo({ ...s.decoded, hotkey: fromSs58(s.decoded.hotkey), coldkey: fromSs58(s.decoded.coldkey) }).toString("hex")}`, s.scale_hex);
  }
  for (const s of of("pallet_subtensor::rpc_info::stake_info::StakeAvailability")) {
    check("a StakeAvailability sample", `0x${availability(s.decoded).toString("hex")}`, s.scale_hex);
  }
  for (const s of of("pallet_subtensor::rpc_info::basket_info::BasketPosition")) {
    check("a BasketPosition sample", `0x${basketPosition({ ...s.decoded, hotkey: fromSs58(s.decoded.hotkey) }).toString("hex")}`, s.scale_hex);
  }
  for (const s of of("frame_system::AccountInfo")) {
    check("an AccountInfo sample", `0x${accountInfo(s.decoded).toString("hex")}`, s.scale_hex);
  }
}
