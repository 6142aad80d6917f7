use super::*;

fn equal(alpha: u64, tao: u64) -> Superellipse {
    Superellipse::from_weights(alpha, tao, WEIGHT_ONE / 2).unwrap()
}

#[test]
fn calibration_matches_the_chain_test_pool() {
    // The chain's test pool: 10M rao alpha, 500k rao TAO, equal weights.
    let pool = equal(10_000_000, 500_000);
    assert_eq!(pool.alpha_scale, 42_949_672_960_000_000);
    assert_eq!(pool.tao_scale, 2_147_483_648_000_000);
    assert_eq!(pool.center_alpha, 85_899_345_920_000_000);
    assert_eq!(pool.center_tao, 4_294_967_296_000_000);
    // Price 0.05 TAO per alpha, one U64F64 step under.
    assert_eq!(
        pool.price_bits(10_000_000, 500_000).unwrap(),
        922_337_203_685_477_580
    );
}

#[test]
fn buys_follow_the_closed_form_and_round_down() {
    // alpha * (sqrt(2 - (1 - d / tao)^2) - 1), floored, for equal weights at calibration.
    let pool = equal(10_000_000, 500_000);
    assert_eq!(
        pool.buy_output(10_000_000, 500_000, 100_000).unwrap(),
        1_661_903
    );
    for input in [1u64, 100, 1_000, 100_000] {
        let out = pool.buy_output(10_000_000, 500_000, input).unwrap();
        let back = pool
            .sell_output(10_000_000 - out, 500_000 + input, out)
            .unwrap();
        assert!(back <= input, "a round trip never gains");
    }
}

#[test]
fn the_curve_ends() {
    let pool = equal(10_000, 1_000);
    assert_eq!(pool.max_buy_input(10_000, 1_000, 0).unwrap(), 999);
    assert_eq!(
        pool.buy_output(10_000, 1_000, 1_000),
        Err(CurveError::OutsideDomain)
    );
    assert_eq!(pool.max_sell_input(10_000, 1_000, 0).unwrap(), 9_999);
    assert_eq!(
        pool.max_buy_input(10_000, 1_000, 10_001),
        Err(CurveError::InsufficientReserves)
    );
}

#[test]
fn price_searches_are_conservative_and_maximal() {
    let pool = equal(10_000_000, 500_000);
    let target = ONE_BITS * 6 / 100;
    let input = pool.buy_to_price(10_000_000, 500_000, target).unwrap();
    let out = pool.buy_output(10_000_000, 500_000, input).unwrap();
    assert!(pool.price_bits(10_000_000 - out, 500_000 + input).unwrap() <= target);
    let next = pool.buy_output(10_000_000, 500_000, input + 1).unwrap();
    assert!(pool.price_bits(10_000_000 - next, 500_001 + input).unwrap() > target);
    let target = ONE_BITS * 4 / 100;
    let input = pool.sell_to_price(10_000_000, 500_000, target).unwrap();
    let out = pool.sell_output(10_000_000, 500_000, input).unwrap();
    assert!(pool.price_bits(10_000_000 + input, 500_000 - out).unwrap() >= target);
}

#[test]
fn injections_keep_price_and_quotes() {
    let mut pool = equal(10_000_000, 500_000);
    let price = pool.price_bits(10_000_000, 500_000).unwrap();
    let out = pool.buy_output(10_000_000, 500_000, 1_000).unwrap();
    pool.translate(7_000_000, 900_000).unwrap();
    assert_eq!(pool.price_bits(17_000_000, 1_400_000).unwrap(), price);
    assert_eq!(pool.buy_output(17_000_000, 1_400_000, 1_000).unwrap(), out);
}

#[test]
fn invalid_curves_are_refused() {
    assert_eq!(
        Superellipse::from_weights(0, 1, WEIGHT_ONE / 2),
        Err(CurveError::InvalidParameters)
    );
    assert_eq!(
        Superellipse::from_weights(1, 1, 0),
        Err(CurveError::InvalidParameters)
    );
    let pool = equal(10_000, 1_000);
    // Reserves beyond the centers are off the curve.
    assert_eq!(pool.check(30_000, 1_000), Err(CurveError::OutsideDomain));
}
