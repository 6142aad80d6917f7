//! The least a price-protected trade can deliver and still go through (the "minimum received"
//! a wallet quotes at your tolerance). A fill-or-kill order with limit price L
//! (`add_stake_limit` / `remove_stake_limit`, `allow_partial = false`) fills whole only while the
//! price after it stays within L (SPEC §1). Others may trade first: their net amounts move the
//! pool along its curve (their fees go to the block author, not the pool). The worst the order
//! can meet and still fill is the pool moved the most that keeps it within L; what it delivers
//! there is the minimum. Found exactly with the chain's own swap: the largest adverse move for
//! which the whole order still fills, by bisection over whole rao.

use crate::model::pool::fee::FeeRate;
use crate::model::pool::fill::PriceProtection;
use crate::model::pool::limit::max_net_within_limit;
use crate::model::pool::rejection::Rejection;
use crate::model::pool::side::Side;
use crate::model::pool::swap::swap;
use crate::model::pool::Pool;

/// The worst case of a fill-or-kill order: how far others moved the pool first (net rao of the
/// same side as the order) and what the order then delivers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Worst {
    pub moved_rao: u64,
    pub out_rao: u64,
}

/// The pool after others traded `moved_rao` (net, on `side`) before you.
pub fn moved(pool: &Pool, side: Side, moved_rao: u64) -> Result<Pool, Rejection> {
    if moved_rao == 0 {
        return Ok(*pool);
    }
    let free = pool.with_fee_rate(FeeRate::new(0).map_err(|_| Rejection::OutOfRange)?);
    let after = swap(&free, side, moved_rao, None)?.pool_after;
    Ok(after.with_fee_rate(pool.fee()))
}

/// The least a fill-or-kill order of `gross_rao` at `limit_price_rao` delivers when it fills;
/// `None` when the limit never binds (a stable pool, or one beyond reach: then the order fills
/// at any price the chain allows). The order must fill on `pool` as it is.
pub fn min_received(
    pool: &Pool,
    side: Side,
    gross_rao: u64,
    limit_price_rao: u64,
) -> Result<Option<Worst>, Rejection> {
    let protection = PriceProtection {
        limit_price_rao,
        allow_partial: false,
    };
    let fills = |m: u64| -> Option<u64> {
        let p = moved(pool, side, m).ok()?;
        swap(&p, side, gross_rao, Some(protection))
            .ok()
            .map(|s| s.out_rao)
    };
    let now = swap(pool, side, gross_rao, Some(protection))?;
    // The most others can move the pool before the price itself passes the limit.
    let Some(most) = max_net_within_limit(pool, side, limit_price_rao)? else {
        return Ok(None);
    };
    let (mut good, mut bad) = (0u64, most.saturating_add(1));
    let mut out = now.out_rao;
    if let Some(o) = fills(most) {
        return Ok(Some(Worst {
            moved_rao: most,
            out_rao: o,
        }));
    }
    // fills(good) holds, fills(bad) does not: halve until they meet.
    while bad - good > 1 {
        let mid = good + (bad - good) / 2;
        match fills(mid) {
            Some(o) => (good, out) = (mid, o),
            None => bad = mid,
        }
    }
    Ok(Some(Worst {
        moved_rao: good,
        out_rao: out,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pool::limit::limit_from_tolerance;
    use crate::model::pool::weights::TaoWeight;
    use rust_decimal::Decimal;

    const TAO: u64 = 1_000_000_000;

    fn pool() -> Pool {
        Pool::dynamic(50_000 * TAO, 2_500_000 * TAO, TaoWeight::HALF).unwrap()
    }

    #[test]
    fn the_bound_fills_and_one_rao_more_of_others_does_not() {
        for (side, amount) in [(Side::Stake, 100 * TAO), (Side::Unstake, 5_000 * TAO)] {
            let p = pool();
            let limit = limit_from_tolerance(&p, side, Decimal::new(5, 1)).unwrap(); // 0.5 %
            let worst = min_received(&p, side, amount, limit).unwrap().unwrap();
            let protection = Some(PriceProtection {
                limit_price_rao: limit,
                allow_partial: false,
            });
            let at = moved(&p, side, worst.moved_rao).unwrap();
            assert_eq!(
                swap(&at, side, amount, protection).unwrap().out_rao,
                worst.out_rao
            );
            let past = moved(&p, side, worst.moved_rao + 1).unwrap();
            assert!(swap(&past, side, amount, protection).is_err(), "{side:?}");
            // Less than the quote now, by less than the tolerance: the limit bounds the price
            // after the trade, so the trade's own move uses part of it (100 TAO here moves
            // this pool's price 0.4 %, leaving 0.1 % for others).
            let now = swap(&p, side, amount, None).unwrap().out_rao;
            assert!(worst.out_rao < now);
            let shortfall = Decimal::from(now - worst.out_rao) / Decimal::from(now);
            assert!(
                shortfall > Decimal::new(5, 4) && shortfall < Decimal::new(5, 3),
                "{shortfall}"
            );
        }
    }

    #[test]
    fn a_limit_already_passed_is_the_chains_refusal() {
        let p = pool();
        let spot = p.chain_spot_price_rao();
        assert!(matches!(
            min_received(&p, Side::Stake, TAO, spot / 2),
            Err(Rejection::PriceLimitExceeded { .. })
        ));
    }
}
