// What staking really paid (issue 33): the realised yield from the chain's alpha per share and
// the backtest of a stake (src/model/staking/realised.rs, backtest.rs, src/calc/returns/history).
// Each: name, file, the exact text (once in the file), what it becomes.
export default [
  ["history growth: upside down", "src/model/staking/realised.rs", "num: a1.num * a0.den,\n        den: a1.den * a0.num,", "num: a1.den * a0.num,\n        den: a1.num * a0.den,"],
  ["history shares: U64F64 read as an integer", "src/model/staking/realised.rs", "den: U512::one() << 64,", "den: U512::one(),"],
  ["history shares: the SafeFloat exponent's sign ignored", "src/model/staking/realised.rs", "Some(if exponent >= 0 {", "Some(if exponent <= 0 {"],
  ["history APY: over 365 days whatever the window", "src/model/staking/realised.rs", "let apy = annualised(gained, Decimal::from(days))", "let apy = annualised(gained, Decimal::from(365))"],
  ["history APY: a fraction, not percent", "src/model/staking/realised.rs", "let apy_pct = checked(apy.try_mul(Decimal::ONE_HUNDRED))", "let apy_pct = checked(apy.try_mul(Decimal::ONE))"],
  ["history no stake: zero alpha allowed", "src/model/staking/realised.rs", ".filter(|&a| a > 0)", ".filter(|&a| a > 0 || a == 0)"],
  ["history backtest: alpha not grown", "src/model/staking/backtest.rs", "let grown = g.floor_of(alpha).ok_or(BacktestError::OutOfRange)?;", "let grown = alpha;"],
  ["history backtest: the exit into the entry's pool", "src/model/staking/backtest.rs", "let pool = pool_at(t)?;", "let pool = pool_at(t0)?;"],
  ["history backtest: root the other way", "src/model/staking/backtest.rs", "(Some(p0), Some(p1)) => root_value(amount_rao, p0, p1),", "(Some(p0), Some(p1)) => root_value(amount_rao, p1, p0),"],
  ["history series: the end's pool at every point", "src/model/staking/backtest.rs", "let point = exit_at(t0, s, entry_alpha_rao);", "let point = exit_at(t0, t1, entry_alpha_rao);"],
  ["history window: the first block before the target", "src/calc/returns/history/figures.rs", ".find(|p| p.timestamp_ms >= target_ms);", ".rfind(|p| p.timestamp_ms <= target_ms);"],
  ["history window: any block later", "src/calc/returns/history/figures.rs", "Some(p) if p.timestamp_ms - target_ms <= TOLERANCE_MS => Ok(p),", "Some(p) => Ok(p),"],
  ["history to_date ignored", "src/calc/returns/history/figures.rs", "Some(day) => block_at_or_after(history, day.midnight_ms())?,", "Some(_) => last(history)?,"],
  ["history dates: dTAO's launch a day late", "src/calc/returns/history/date.rs", "pub const DTAO_LAUNCH: Day = Day(20_132);", "pub const DTAO_LAUNCH: Day = Day(20_133);"],
  ["history form: both starts allowed", "src/calc/returns/history/form.rs", "(Ok(Some(_)), Ok(Some(_)))\n        ) {", "(Ok(Some(_)), Ok(None))\n        ) {"],
  ["history validators: smallest stake first", "src/snapshot/mod.rs", "|v| std::cmp::Reverse(v.alpha_stake));\n        list.truncate(most);", "|v| v.alpha_stake);\n        list.truncate(most);"],
  ["history validators: another subnet's figure", "src/calc/screen/realised.rs", "found.get(&(subnet.netuid, v.hotkey.clone()))", "found.iter().find(|((_, h), _)| *h == v.hotkey).map(|(_, r)| r)"],
  ["history validators: a week's yield as the side-by-side one", "src/calc/returns/history/validators.rs", "realised_over(history, SIDE_BY_SIDE_DAYS),", "realised_over(history, 7),"],
];
