// The pretend archive node's case (live-server.mjs `/archive`, fixtures/archive-replay.json
// written by tests/live_history.rs from the real metadata of specs 393 and 461): for hotkey
// 0x5a…5a on subnet 64, alpha per share at the block d days back is 1 + (33 - d) / 2,000. The
// chain's realised yield is the growth of alpha per share annualised on a 365-day year; the
// history, take and screener tests compute it here by hand from those integers.
import assert from "node:assert/strict";

/** SS58 of the hotkey 0x5a…5a. */
export const HOTKEY = "5E7B1NX8onz25xVEexjJQTgB5YwTKpcLdtw9eRJDuT8EvNHU";
/** Alpha per share at the block `d` days back. */
export const aps = (d) => 1 + (33 - d) / 2000;
/** A growth over `days` as an APY in percent, on a 365-day year. */
export const apy = (growth, days) => (Math.pow(growth, 365 / days) - 1) * 100;
export const close = (got, want, what) =>
  assert.ok(Math.abs(got - want) <= Math.abs(want) * 1e-9 + 1e-12, `${what}: ${got} vs ${want}`);
