//! What the conviction page shows about a lock, computed from its form: the outlook (SPEC §4),
//! the locked alpha's worth through the pool, and the chart's points. Pure, so it is tested
//! natively (and by the robustness tests) like the model.

use super::form::ConvictionForm;
use crate::calc::pool_source::FIX_FIELDS;
use crate::model::conviction::takeover::{curve, outlook, Outlook};
use crate::model::num::units::RAO_PER_TAO;
use crate::model::num::wide::mul_decimal_floor;
use crate::model::pool::quote::quote;
use crate::model::pool::side::Side;
use crate::model::pool::trade::TradeRequest;
use crate::model::staking::emission::BLOCKS_PER_DAY;
use rust_decimal::Decimal;

/// Points on the chart's horizon, plus the start.
const CHART_STEPS: u64 = 48;

/// Everything the page shows about the lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub outlook: Outlook,
    pub horizon_days: u32,
    /// The locked alpha's worth through the pool now, TAO, or why the unstake would fail.
    pub liquidity: Result<Decimal, String>,
    pub your_lock_is_owners: bool,
    pub owner_lock: Decimal,
    pub lock_now: Decimal,
    /// `(day, locked, conviction, owner's conviction)` for the chart.
    pub curve: Vec<[Decimal; 4]>,
    /// When the lock never passes the gate within the horizon: the lock that would, just
    /// (conviction grows in proportion to a fresh lock, so it scales; `None` when the lock
    /// starts with conviction of its own, or has none to scale).
    pub needed_lock: Option<Decimal>,
}

/// The report the page shows, or why there is none (pure: the robustness tests run it too).
pub fn run(form: &ConvictionForm) -> Result<Report, String> {
    let challenger = form.lock_spec()?;
    let owner = form.owner_spec()?;
    let gate = form.gate_spec()?;
    let eligible = form.eligible.ok().ok_or(FIX_FIELDS)?;
    let horizon_days = form.days.ok().ok_or(FIX_FIELDS)?;
    let horizon_blocks = u64::from(horizon_days) * u64::from(BLOCKS_PER_DAY);
    let outlook = outlook(
        &challenger,
        &owner,
        eligible,
        gate,
        horizon_blocks,
        form.subnet_age,
    )
    .map_err(|e| e.to_string())?;
    let liquidity = form.source.pool.clone().and_then(|pool| {
        let rao = mul_decimal_floor(RAO_PER_TAO, challenger.start.locked)
            .ok_or("The lock is out of range.")?;
        let request = TradeRequest {
            side: Side::Unstake,
            amount_rao: rao,
            protection: None,
            closes_position: true,
        };
        quote(&pool, &request)
            .map(|q| q.received)
            .map_err(|r| format!("{} ({})", r, r.chain_name()))
    });
    let curve =
        curve(&challenger, &owner, horizon_blocks, CHART_STEPS).map_err(|e| e.to_string())?;
    // The highest conviction within the horizon: the peak when it comes in time, else the end.
    let best = match outlook.peak {
        Some((at, top)) if at <= Decimal::from(horizon_blocks) => top,
        _ => outlook.horizon.conviction,
    };
    let fresh = challenger.start.conviction.is_zero() && !challenger.owner_hotkey;
    // Conviction of a fresh lock scales with the amount and the gate asks strictly more than
    // the level: the smallest whole lock above `locked * level / best` passes.
    let needed_lock = (outlook.gate_blocks.is_none() && fresh && best > Decimal::ZERO)
        .then(|| (challenger.start.locked * outlook.gate_level / best).floor() + Decimal::ONE);
    Ok(Report {
        outlook,
        horizon_days,
        liquidity,
        your_lock_is_owners: challenger.owner_hotkey,
        owner_lock: owner.start.locked,
        lock_now: challenger.start.locked,
        curve,
        needed_lock,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::bundled::bundled;

    fn form(query: &[(&str, &str)]) -> ConvictionForm {
        let get = |k: &str| {
            query
                .iter()
                .find(|(q, _)| *q == k)
                .map(|(_, v)| v.to_string())
        };
        ConvictionForm::read(get, &bundled())
    }

    #[test]
    fn a_lock_is_reported_with_its_worth_and_chart() {
        let report = run(&form(&[("netuid", "64"), ("lock", "1000"), ("days", "30")])).unwrap();
        assert_eq!(report.lock_now, Decimal::from(1000));
        assert_eq!(report.horizon_days, 30);
        assert_eq!(report.curve.len() as u64, CHART_STEPS + 1);
        // 1,000 alpha of subnet 64 sell for TAO, less than at the spot price.
        let worth = report.liquidity.unwrap();
        assert!(worth > Decimal::ZERO && worth < Decimal::from(1000));
        assert_eq!(run(&form(&[("lock", "x")])).unwrap_err(), FIX_FIELDS);
    }

    #[test]
    fn the_lock_named_to_pass_the_gate_passes_it_and_one_far_below_does_not() {
        for mode in ["decaying", "perpetual"] {
            let small = run(&form(&[
                ("netuid", "64"),
                ("lock", "1000"),
                ("days", "365"),
                ("mode", mode),
            ]))
            .unwrap();
            assert_eq!(small.outlook.gate_blocks, None, "{mode}");
            let needed = small.needed_lock.unwrap();
            let text = needed.to_string();
            let enough = run(&form(&[
                ("netuid", "64"),
                ("lock", &text),
                ("days", "365"),
                ("mode", mode),
            ]))
            .unwrap();
            assert!(enough.outlook.gate_blocks.is_some(), "{mode}: {needed}");
            assert_eq!(enough.needed_lock, None);
            // A tenth less does not pass within the year.
            let less = (needed * Decimal::new(9, 1)).round().to_string();
            let short = run(&form(&[
                ("netuid", "64"),
                ("lock", &less),
                ("days", "365"),
                ("mode", mode),
            ]))
            .unwrap();
            assert!(short.outlook.gate_blocks.is_none(), "{mode}: {less}");
        }
    }
}
