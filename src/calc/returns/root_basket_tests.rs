use super::*;
use crate::model::staking::emission::{root_dividends_per_block, BLOCKS_PER_DAY};
use crate::snapshot::bundled::bundled;
use std::collections::HashMap;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn figures(query: &[(&str, &str)], snapshot: &Snapshot) -> Result<BasketFigures, String> {
    let map: HashMap<String, String> = query
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let form = ReturnsForm::read(|k| map.get(k).cloned(), snapshot);
    basket_figures(&form, snapshot)
}

#[test]
fn a_days_basket_is_roots_dividends_for_the_stake_less_the_take() {
    let snapshot = bundled();
    let f = figures(
        &[("netuid", "0"), ("amount", "1000"), ("days", "1")],
        &snapshot,
    )
    .unwrap();
    // The old reading of root (emission::root_dividends_per_block, TAO at spot a block) for
    // the same stake joined to root's, less the 18 % take: a day of credits at spot, before the
    // basket's own alpha yield adds a little and the whole-rao credits take a little.
    let root = snapshot.root_tao_staked.unwrap() + d("1000");
    let per_block =
        root_dividends_per_block(&snapshot.root_dividend_sources(), root, d("0.18")).unwrap();
    let take = Decimal::from(11_796) / Decimal::from(65_535);
    let day = per_block * Decimal::from(BLOCKS_PER_DAY) * d("1000") / root * (Decimal::ONE - take);
    let spot = f.end.spot_tao;
    assert!(
        spot > day * d("0.999") && spot < day * d("1.01"),
        "{spot} vs {day}"
    );
    // A claim sells every holding: less than spot, the fee on top.
    assert!(f.end.claimed);
    assert!(rao_to_decimal(f.end.realizable_rao) < spot);
    assert_eq!(
        f.end.net_tao,
        rao_to_decimal(f.end.realizable_rao) - rao_to_decimal(f.end.fee_rao)
    );
    assert!(f.holdings > 100, "{}", f.holdings);
    assert!(f.paid);
}

#[test]
fn the_exposure_names_the_largest_holdings_first() {
    let snapshot = bundled();
    let f = figures(&[("netuid", "0"), ("amount", "1000")], &snapshot).unwrap();
    assert_eq!(f.exposure.len(), EXPOSURE_SHOWN);
    for pair in f.exposure.windows(2) {
        assert!(pair[0].spot_tao >= pair[1].spot_tao);
    }
    let shares: Decimal = f.exposure.iter().map(|e| e.share_pct).sum();
    assert!(shares > Decimal::ZERO && shares < Decimal::ONE_HUNDRED);
    let first = &f.exposure[0];
    assert_eq!(
        first.share_pct,
        first.spot_tao / f.end.spot_tao * Decimal::ONE_HUNDRED
    );
    assert_eq!(first.name, snapshot.subnet(first.netuid).unwrap().name);
}

#[test]
fn the_price_scenario_moves_the_baskets_value_but_not_its_apy() {
    let snapshot = bundled();
    let base = [("netuid", "0"), ("amount", "1000"), ("days", "90")];
    let flat = figures(&base, &snapshot).unwrap();
    let fallen = figures(&[&base[..], &[("price_change", "-50")]].concat(), &snapshot).unwrap();
    assert!(fallen.end.spot_tao < flat.end.spot_tao * d("0.6"));
    // The APY is at constant prices.
    assert_eq!(fallen.apy_pct, flat.apy_pct);
    assert_eq!(
        flat.apy_pct,
        crate::model::staking::basket::apy(flat.end.spot_tao, d("1000"), 90).unwrap()
            * Decimal::ONE_HUNDRED
    );
}

#[test]
fn no_dividends_when_the_moving_prices_sum_to_one_or_less() {
    let mut snapshot = bundled();
    for s in &mut snapshot.subnets {
        if s.moving_price.is_some() {
            s.moving_price = Some(d("0.001"));
        }
    }
    let f = figures(&[("netuid", "0"), ("amount", "1000")], &snapshot).unwrap();
    assert!(!f.paid);
    assert_eq!(f.end.spot_tao, Decimal::ZERO);
    assert!(!f.end.claimed);
    assert_eq!(f.holdings, 0);
}

#[test]
fn bad_fields_and_a_zero_stake_say_why() {
    let snapshot = bundled();
    let bad = figures(&[("netuid", "0"), ("days", "0")], &snapshot).unwrap_err();
    assert_eq!(bad, "Fix the highlighted fields to see the basket.");
    let zero = figures(&[("netuid", "0"), ("amount", "0")], &snapshot);
    assert!(zero.is_err(), "{zero:?}");
}

#[test]
fn a_holdings_rate_is_the_returns_calculators_on_that_subnet() {
    use crate::calc::chain_figures::ChainFigures;
    let snapshot = bundled();
    for netuid in [1u16, 64, 120] {
        let s = snapshot.subnet(netuid).unwrap();
        let base = ChainFigures::read(&|_| None, &snapshot, Some(s))
            .base(&snapshot, false)
            .unwrap();
        let take = d("0.18");
        let expected =
            staker_rate_per_epoch(base.pool_per_epoch, take, Decimal::ONE, base.stake_total)
                .unwrap();
        let yield_of = crate::model::staking::emission::SubnetYield {
            alpha_per_block: s.alpha_out_emission.unwrap(),
            alpha_issuance: rao_to_decimal(s.alpha_issuance_rao().unwrap()),
            root_tao: snapshot.root_tao_staked.unwrap(),
            tao_weight: snapshot.tao_weight.unwrap(),
            epoch_blocks: base.epoch_blocks,
        };
        assert_eq!(
            rate_per_epoch(s, yield_of, take),
            Some(expected),
            "subnet {netuid}"
        );
    }
}
