use super::*;
use crate::model::pool::weights::TaoWeight;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

const TAO: u64 = 1_000_000_000;

fn close(a: Decimal, b: Decimal, tol: &str) {
    assert!((a - b).abs() <= d(tol), "{a} vs {b}");
}

/// Subnet A: 1,000 TAO against 10,000 alpha; B: 500 TAO against 1,000 alpha.
fn sources() -> [Source; 2] {
    let a = Source {
        netuid: 1,
        pool: Pool::dynamic(1_000 * TAO, 10_000 * TAO, TaoWeight::HALF).unwrap(),
        credit_per_epoch: credit_per_epoch(d("1"), d("0.25"), d("0.01"), d("0.18"), 360).unwrap(),
        rate_per_epoch: d("0.001"),
        epoch_blocks: 360,
    };
    let b = Source {
        netuid: 2,
        pool: Pool::dynamic(500 * TAO, 1_000 * TAO, TaoWeight::HALF).unwrap(),
        credit_per_epoch: credit_per_epoch(d("2"), d("0.5"), d("0.01"), d("0.18"), 360).unwrap(),
        rate_per_epoch: Decimal::ZERO,
        epoch_blocks: 360,
    };
    [a, b]
}

#[test]
fn a_credit_is_the_validator_half_times_rp_times_the_share_less_the_take() {
    // By hand: 1 alpha x (65,535 - 11,796) / (2 x 65,535) x 0.25 x 0.01 x (1 - 0.18) x 360
    // blocks, to 50 digits.
    let [a, b] = sources();
    close(
        a.credit_per_epoch,
        d("0.30258168917372396429388876173"),
        "1e-26",
    );
    close(
        b.credit_per_epoch,
        d("1.21032675669489585717555504692"),
        "1e-26",
    );
}

#[test]
fn the_basket_over_a_few_epochs_by_hand() {
    let [a, b] = sources();
    // Each credit earns 0.1 % an epoch from the next: d (1 + 1.001 + 1.001^2) after three.
    close(
        holding_after(&a, 3).unwrap(),
        d("0.90865311517038223849851224537"),
        "1e-24",
    );
    // Without a rate the credits add up: 5 d.
    close(
        holding_after(&b, 5).unwrap(),
        d("6.05163378347447928587777523461"),
        "1e-24",
    );
    assert_eq!(holding_after(&a, 0).unwrap(), Decimal::ZERO);
}

#[test]
fn realizable_is_each_holding_sold_into_its_pool_without_a_fee() {
    let sources = sources();
    // A day is 20 epochs of 360 blocks.
    let legs = legs(&sources, 1, Decimal::ONE).unwrap();
    for (leg, s) in legs.iter().zip(&sources) {
        let alpha = holding_after(s, 20).unwrap();
        assert_eq!(
            rao_to_decimal(leg.alpha_rao),
            (alpha * d("1e9")).floor() / d("1e9")
        );
        // The pool model leg by leg: the chain's swap with the fee dropped.
        let pool = s.pool.with_fee_rate(FeeRate::ZERO);
        let sold = swap(&pool, Side::Unstake, leg.alpha_rao, None).unwrap();
        assert_eq!(leg.realizable_rao, Some(sold.out_rao));
        // And by hand for an even pool: y a / (x + a), to a few rao of the chain's rounding.
        let (x, y, a) = (
            rao_to_decimal(s.pool.alpha_rao),
            rao_to_decimal(s.pool.tao_rao),
            rao_to_decimal(leg.alpha_rao),
        );
        close(rao_to_decimal(sold.out_rao), y * a / (x + a), "0.000000003");
        // Spot: the alpha at y / x.
        close(leg.spot_tao, a * y / x, "1e-20");
        assert!(rao_to_decimal(sold.out_rao) < leg.spot_tao);
    }
}

#[test]
fn the_claim_costs_every_legs_slippage_and_the_fee() {
    let legs = legs(&sources(), 30, Decimal::ONE).unwrap();
    let c = claim(&legs).unwrap();
    let spot: Decimal = legs.iter().map(|l| l.spot_tao).sum();
    let paid: u64 = legs.iter().map(|l| l.realizable_rao.unwrap()).sum();
    assert!(c.claimed);
    assert_eq!(c.realizable_rao, paid);
    assert_eq!(c.fee_rao, 8_209_263);
    close(
        c.cost_tao,
        spot - rao_to_decimal(paid) + d("0.008209263"),
        "0",
    );
    close(c.net_tao, rao_to_decimal(paid) - d("0.008209263"), "0");
}

#[test]
fn nothing_is_claimed_under_the_threshold() {
    let leg = |rao| Leg {
        netuid: 1,
        alpha_rao: rao,
        spot_tao: rao_to_decimal(rao),
        realizable_rao: Some(rao),
    };
    let under = claim(&[leg(499_999)]).unwrap();
    assert!(!under.claimed);
    assert_eq!(under.net_tao, Decimal::ZERO);
    let at = claim(&[leg(200_000), leg(300_000)]).unwrap();
    assert!(at.claimed);
    assert_eq!(at.net_tao, d("0.0005") - d("0.008209263"));
    // A holding the pool cannot take is written off: it counts nothing.
    let off = Leg {
        realizable_rao: None,
        ..leg(900_000)
    };
    assert_eq!(claim(&[off, leg(1)]).unwrap().realizable_rao, 1);
}

#[test]
fn the_claim_fee_is_four_claim_units_at_the_weight_price() {
    // runtime/src/staking_fee.rs and the SDK's intents/_root_claim_fee.py, by hand:
    // claim_root(4) = 567,441,000 + 4 x 437,318,379 + 111 reads x 25e6 + 82 writes x 1e8
    //               = 13,291,714,516; claim_root_scan(4) = 309,208,000 + 4 x 263,604,241 +
    // 90 reads x 25e6 = 3,613,624,964; flush(24 quotes, 4 rows) = 24 x 110e6 + claim_root(4)
    // = 15,931,714,516; in all 32,837,053,996 ref_time x 0.00025 = 8,209,263.499 rao.
    assert_eq!(claim_weight_fee_rao(), 8_209_263);
}

#[test]
fn the_price_scenario_runs_over_the_period_and_is_then_held() {
    close(price_ratio(30, 30, d("-0.2")).unwrap(), d("0.8"), "1e-20");
    close(price_ratio(60, 30, d("-0.2")).unwrap(), d("0.8"), "1e-20");
    close(price_ratio(15, 30, d("0.21")).unwrap(), d("1.1"), "1e-20");
    assert!(price_ratio(1, 30, d("-1")).is_err());
    // A fall makes every leg worth less at spot.
    let flat = legs(&sources(), 30, Decimal::ONE).unwrap();
    let fallen = legs(&sources(), 30, d("0.8")).unwrap();
    for (f, l) in fallen.iter().zip(&flat) {
        assert_eq!(f.alpha_rao, l.alpha_rao);
        assert!(f.spot_tao < l.spot_tao);
    }
}

#[test]
fn the_apy_compounds_the_periods_gain_over_a_year() {
    close(apy(d("1"), d("100"), 365).unwrap(), d("0.01"), "1e-20");
    // 73 days is a fifth of a year: 1.01^5 - 1.
    close(
        apy(d("1"), d("100"), 73).unwrap(),
        d("0.0510100501"),
        "1e-20",
    );
    assert!(apy(d("1"), Decimal::ZERO, 30).is_err());
}
