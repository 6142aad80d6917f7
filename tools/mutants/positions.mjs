// Your positions (issue 32): spot and exit values, the sequence on a subnet, the totals, the
// take and APY, the row ids and the CSV (src/model/positions, src/calc/positions).
// Each: name, file, the exact text (once in the file), what it becomes.
export default [
  ["positions spot: the price upside down", "src/model/positions/exit.rs", "let value = U256::from(alpha_rao) * num / den;", "let value = U256::from(alpha_rao) * den / num.max(U256::one());"],
  ["positions sale: the lock sold too", "src/model/positions/exit.rs", "self.alpha_rao.saturating_sub(self.locked_rao)", "self.alpha_rao"],
  ["positions sequence: each sale into today's pool", "src/model/positions/exit.rs", "current = swap.pool_after;", "current = swap.pool_before;"],
  ["positions exit cost: the spot value, not what is lost", "src/calc/positions/valuation.rs", "let cost = spot_sold.saturating_sub(swap.out_rao);", "let cost = spot_sold;"],
  ["positions exit cost %: of what is received", "src/calc/positions/valuation.rs", "cost_pct: pct(cost, spot_sold),", "cost_pct: pct(cost, swap.out_rao),"],
  ["positions exit cost: the locked part counted as sold", "src/calc/positions/valuation.rs", "Ok(Some(exit_of(spot.saturating_sub(locked_spot), &swap))),", "Ok(Some(exit_of(spot, &swap))),"],
  ["positions locked: alpha, not its TAO", "src/calc/positions/valuation.rs", "let locked_spot = spot_value_rao(pool, h.locked_part_rao());", "let locked_spot = h.locked_part_rao();"],
  ["positions sequence: kept only for the last row", "src/calc/positions/valuation.rs", "in_sequence[at[k]] = tao_out(sold);", "in_sequence[at[at.len() - 1]] = tao_out(sold);"],
  ["positions total exit: the rows alone added", "src/calc/positions/valuation.rs", "exit += u128::from(row.in_sequence_rao);", "exit += u128::from(e.tao_rao);"],
  ["positions total cost: against everything at spot", "src/calc/positions/valuation.rs", "totals.cost_rao = clamp(sold_spot.saturating_sub(exit));", "totals.cost_rao = clamp(spot.saturating_sub(exit));"],
  ["positions free: the largest wallet's", "src/calc/positions/valuation.rs", ".try_fold(0u64, |sum, f| f.map(|f| sum.saturating_add(f)))", ".try_fold(0u64, |sum, f| f.map(|f| sum.max(f)))"],
  ["positions basket: no claim threshold", "src/calc/positions/valuation.rs", "let exit = if b.value_rao < CLAIM_THRESHOLD_RAO {", "let exit = if b.value_rao < 1 {"],
  ["positions take: a known take called assumed", "src/calc/positions/valuation.rs", ".map(|t| (t, false))", ".map(|t| (t, true))"],
  ["positions row id: counted from 0", "src/calc/positions/valuation.rs", "format!(\"{netuid}-{}\", k + 1)", "format!(\"{netuid}-{}\", k)"],
  ["positions order: the smallest cost first", "src/calc/positions/valuation.rs", "        std::cmp::Reverse(\n", "        std::convert::identity(\n"],
  ["positions APY: as if TAO were staked", "src/calc/positions/apy.rs", "    form.from = Field::new(\"alpha\", Ok(StartWith::Alpha));\n", ""],
  ["positions CSV: the take as a fraction", "src/calc/positions/table.rs", ".map(|t| plain(t.0 * Decimal::ONE_HUNDRED))", ".map(|t| plain(t.0))"],
];
