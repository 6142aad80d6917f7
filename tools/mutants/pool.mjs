// The pool page's figures (src/model/pool, src/calc/pool): one or more mutants per figure row.
// Each: name, file, the exact text (once in the file), what it becomes.
export default [
  // The swap and the fee (the vectors pin these to the rao).
  ["swap: equal-weight unstake pays 2 rao less", "src/model/pool/swap.rs",
    "Side::Unstake => balancer_out(x, y, net, w_alpha, w_tao)?,",
    "Side::Unstake => balancer_out(x, y, net, w_alpha, w_tao)?.saturating_sub(2),"],
  ["minimum stake: the last gross below the minimum net", "src/model/pool/trade.rs",
    "pool.fee().max_gross_for_net(MIN_STAKE_RAO - 1) + 1,", "pool.fee().max_gross_for_net(MIN_STAKE_RAO - 1),"],
  ["exact ratio: the long division's remainder is its quotient", "src/model/num/wide.rs",
    "r = t % den;", "r = t / den;"],
  ["fee: 34 instead of 33", "src/model/pool/fee.rs",
    "pub const DEFAULT_FEE_RATE: u16 = 33;", "pub const DEFAULT_FEE_RATE: u16 = 34;"],
  ["superellipse: cut fill keeps the gross fee", "src/model/pool/ellipse_swap.rs",
    "fee_rate.on_net(amount_in)", "fee_rate.on_gross(amount_in)"],
  // pool-ideal
  ["pool-ideal: at spot from the net, not the amount paid", "src/model/pool/quote.rs",
    "ideal: rao_ratio(ideal_taken, scale)?,", "ideal: rao_ratio(ideal_net, scale)?,"],
  // pool-slippage
  ["pool-slippage: over what was received", "src/model/pool/quote.rs",
    "slippage_pct: difference_pct(ideal_taken, received_scaled, ideal_taken)?,",
    "slippage_pct: difference_pct(ideal_taken, received_scaled, received_scaled)?,"],
  ["pool-slippage: cost in TAO over the net, not the amount paid", "src/calc/pool/outcome.rs",
    "rao_to_decimal(quote.swap.taken_rao()) * quote.slippage_pct / Decimal::ONE_HUNDRED",
    "rao_to_decimal(quote.swap.amount_in_rao) * quote.slippage_pct / Decimal::ONE_HUNDRED"],
  ["pool-slippage: unstake cost leaves out the fee", "src/calc/pool/outcome.rs",
    "Side::Unstake => quote.ideal - quote.received,", "Side::Unstake => quote.ideal - quote.received - quote.fee_tao,"],
  // pool-slippage-ex-fee, pool-slippage-docs
  ["pool-slippage-ex-fee: ideal with the fee", "src/model/pool/quote.rs",
    "slippage_ex_fee_pct: difference_pct(ideal_net, received_scaled, ideal_net)?,",
    "slippage_ex_fee_pct: difference_pct(ideal_taken, received_scaled, ideal_net)?,"],
  ["pool-slippage-docs: over the ideal", "src/model/pool/quote.rs",
    "slippage_of_received_pct: difference_pct(ideal_taken, received_scaled, received_scaled)?,",
    "slippage_of_received_pct: difference_pct(ideal_taken, received_scaled, ideal_taken)?,"],
  // pool-fee
  ["pool-fee: an unstake's fee in TAO taken as alpha", "src/model/pool/quote.rs",
    "Side::Unstake => (rao_ratio(fee * p_num, p_den)?, ratio(out, taken)?),",
    "Side::Unstake => (rao_to_decimal(swap.fee_rao), ratio(out, taken)?),"],
  // pool-effective-price
  ["pool-effective-price: a stake's price without the fee", "src/model/pool/quote.rs",
    "Side::Stake => (rao_to_decimal(swap.fee_rao), ratio(taken, out)?),",
    "Side::Stake => (rao_to_decimal(swap.fee_rao), ratio(net, out)?),"],
  // pool-price-after
  ["pool-price-after: the price before", "src/model/pool/quote.rs",
    "price_after: after.spot_price(),", "price_after: before.spot_price(),"],
  ["pool-price-after: an unstake's fee alpha not sold", "src/model/pool/swap.rs",
    "result.pool_after.tao_rao = tao_after - fee_tao;", "result.pool_after.tao_rao = tao_after;"],
  // pool-price-impact
  ["pool-price-impact: over the price after", "src/model/pool/quote.rs",
    "        U256::from(after.alpha_rao) * U256::from(before.tao_rao),\n        U256::from(after.alpha_rao) * U256::from(before.tao_rao),\n    )?;",
    "        U256::from(after.alpha_rao) * U256::from(before.tao_rao),\n        U256::from(after.tao_rao) * U256::from(before.alpha_rao),\n    )?;"],
  // pool-warning's tier
  ["pool-warning: the round trip left out of the tier", "src/calc/pool/outcome.rs",
    "let tier = Tier::of(quote.slippage_pct).max(Tier::of(trip_pct));", "let tier = Tier::of(quote.slippage_pct);"],
  ["pool-warning: red from 6 %", "src/calc/pool/outcome.rs",
    "if pct > Decimal::from(5) {", "if pct > Decimal::from(6) {"],
  ["pool-warning: notice from 2 %", "src/calc/pool/outcome.rs",
    "} else if pct >= Decimal::ONE {", "} else if pct >= Decimal::TWO {"],
  // USD
  ["usd: divided by the price", "src/calc/format.rs",
    "self.tao_usd.and_then(|p| tao.try_mul(p))", "self.tao_usd.and_then(|p| tao.try_div(p))"],
  ["pool-pay usd: an unstake's alpha counted as TAO", "src/calc/pool/figures.rs",
    "Side::Unstake => p.usd(paid * q.spot_price, style),", "Side::Unstake => p.usd(paid, style),"],
  ["pool-received usd: a stake's alpha counted as TAO", "src/calc/pool/figures.rs",
    "Side::Stake => p.usd(q.received * q.spot_price, style),", "Side::Stake => p.usd(q.received, style),"],
  // pool-min-received
  ["pool-min-received: others move the pool one step short", "src/model/pool/min_received.rs",
    "if let Some(o) = fills(most) {", "if let Some(o) = fills(most / 2) {"],
  ["pool-min-received: the bound one rao short", "src/model/pool/limit.rs",
    "Ok(f) => Ok(mul_decimal_floor(reserve, f)),", "Ok(f) => Ok(mul_decimal_floor(reserve, f).map(|v| v.saturating_sub(1))),"],
  // pool-max-amount
  ["pool-max-amount: the net, not the gross", "src/model/pool/limit.rs",
    "Ok(max_net_within_limit(pool, side, limit_price_rao)?.map(|net| gross_for_max_net(pool, net)))",
    "Ok(max_net_within_limit(pool, side, limit_price_rao)?)"],
  // pool-sell-back-tao, pool-round-trip-loss
  ["round trip: back leg priced on the pool before", "src/model/pool/round_trip.rs",
    "let back = swap(&there.pool_after,", "let back = swap(pool,"],
  ["round trip: loss over what came back", "src/model/pool/round_trip.rs",
    "            U256::from(back.out_rao),\n            U256::from(amount_rao),\n        )?,",
    "            U256::from(back.out_rao),\n            U256::from(back.out_rao),\n        )?,"],
  // pool-max-for-slippage
  ["slippage: largest trade one rao short", "src/model/pool/curve.rs",
    "    Ok(Some(low))\n}", "    Ok(Some(low - 1))\n}"],
  // pool-partial, pool-refund
  ["partial: refund counts the fee as refunded", "src/model/pool/quote.rs",
    "unfilled: rao_to_decimal(swap.requested_rao - swap.taken_rao()),",
    "unfilled: rao_to_decimal(swap.requested_rao - swap.amount_in_rao),"],
  // pool-move-*
  ["move: stake leg gets 3 % less TAO", "src/model/pool/move_stake.rs",
    "quote(&stake_pool, &TradeRequest::plain(Side::Stake, tao_rao))",
    "quote(&stake_pool, &TradeRequest::plain(Side::Stake, tao_rao - tao_rao * 3 / 100))"],
  ["move: stake leg pays a second fee", "src/model/pool/move_stake.rs",
    "        to.with_fee_rate(FeeRate::ZERO)", "        *to"],
  ["move: no 0.002 TAO rule", "src/model/pool/move_stake.rs",
    "let stake = if tao_rao < MIN_STAKE_RAO {", "let stake = if tao_rao < 1 {"],
  ["pool-move-loss: share of the worth after", "src/model/pool/move_stake.rs",
    ".and_then(|l| l.try_div(value_before_tao))", ".and_then(|l| l.try_div(value_after_tao))"],
  ["pool-move-fee: the stake leg's fee", "src/model/pool/move_stake.rs",
    "Some(s) if from_root => s.fee_tao,", "Some(s) if !from_root => s.fee_tao,"],
];
