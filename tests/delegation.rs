//! The delegation-take model never panics, whatever the inputs; every error is a sentence.

use dtao_calc::calc::format::Style;
use dtao_calc::calc::take::table::{amount_text, loss_text};
use dtao_calc::model::staking::delegation::{compare, Delegate, DelegationInputs};
use dtao_calc::model::staking::switching::switch;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..20).prop_map(|(m, s)| Decimal::new(m, s))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn never_panics(
        stake in decimal(), price in decimal(), days in 0u32..5000, pool in decimal(),
        total in decimal(), epoch in 0u32..100_000, usd in proptest::option::of(decimal()),
        rows in proptest::collection::vec((0i64..=18, 0i64..=100, proptest::option::of(decimal())), 0..10),
    ) {
        let delegates = rows
            .iter()
            .enumerate()
            .map(|(i, (take, vtrust, apy))| Delegate {
                name: format!("V{i}"),
                take: Decimal::new(*take, 2),
                childkey_take: Decimal::new(*take, 3),
                days_since_take_change: *take as u32 * 3,
                vtrust: Decimal::new(*vtrust, 2),
                observed_apy: *apy,
            })
            .collect();
        let inputs = DelegationInputs {
            stake_alpha: stake,
            price,
            days,
            pool_per_epoch: pool,
            stake_total: total,
            epoch_blocks: epoch,
            delegates,
        };
        match compare(&inputs) {
            Ok(c) => {
                let mut ranks: Vec<usize> = c.rows.iter().map(|r| r.rank).collect();
                ranks.sort_unstable();
                prop_assert_eq!(ranks, (1..=c.rows.len()).collect::<Vec<_>>());
                // Dollars are written by the page from the TAO: any price, any amount.
                let style = Style::READABLE.with_usd(usd);
                for row in &c.rows {
                    prop_assert!(!amount_text(&row.earned, style).is_empty());
                    prop_assert!(!loss_text(&row.gap, style).is_empty());
                }
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        let _ = switch(stake, pool, epoch, total, price, pool, epoch);
    }
}
