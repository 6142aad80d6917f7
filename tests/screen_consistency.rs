//! The screener cannot contradict itself or the returns calculator (issue 28): at every size,
//! for every subnet of the bundled data, the count of subnets where getting in and out costs
//! more than the period yields, each row's threshold column and its net column agree, because
//! all three are the returns calculator's net result (`staking::returns`).

use dtao_calc::calc::screen::form::ScreenForm;
use dtao_calc::calc::screen::rows::{rows, tally};
use dtao_calc::model::num::units::rao_to_decimal;
use dtao_calc::model::screen::cost_vs_yield::CostOverYield;
use dtao_calc::snapshot::bundled::bundled;
use rust_decimal::Decimal;

fn costly_from(threshold: &CostOverYield, amount: Decimal) -> bool {
    match threshold {
        CostOverYield::AtAnySize => true,
        CostOverYield::Above(rao) => amount >= rao_to_decimal(*rao),
        CostOverYield::Never => false,
    }
}

#[test]
fn counter_threshold_and_net_agree_for_every_subnet_at_every_size() {
    let snapshot = bundled();
    for exit in ["before", "entry"] {
        for amount in ["10", "250", "5000"] {
            let form = ScreenForm::read(|k| match k {
                "amount" => Some(amount.to_string()),
                "exit_from" => Some(exit.to_string()),
                _ => None,
            });
            let all = rows(&form, &snapshot);
            let size: Decimal = amount.parse().unwrap();
            let mut losing = 0;
            let mut checked = 0;
            for row in &all {
                let Ok(position) = &row.position else {
                    continue;
                };
                let Ok((pct, _)) = position.net else { continue };
                losing += usize::from(pct < Decimal::ZERO);
                let threshold = row
                    .cost_yield
                    .as_ref()
                    .unwrap_or_else(|e| panic!("{}: {e}", row.netuid));
                assert_eq!(
                    costly_from(threshold, size),
                    pct < Decimal::ZERO,
                    "subnet {} at {amount} TAO, exit {exit}: net {pct} %, threshold {threshold:?}",
                    row.netuid
                );
                checked += 1;
            }
            assert!(checked > 100, "{checked}");
            assert_eq!(tally(&all).costly, losing, "{amount} TAO, exit {exit}");
        }
    }
}
