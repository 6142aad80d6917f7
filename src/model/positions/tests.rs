//! Exit values by hand: a Balancer pool at weights 1/2 is `x y = k`, so selling `a` alpha
//! (after the fee `f = ceil(a × 33 / 65,535)`, `fee.rs`) returns `floor(y × n / (x + n))` with
//! `n = a - f`; the alpha fee is then sold into the pool for the block author (`swap.rs`), so a
//! second sale meets `(x + a, y - out - floor((y - out) × f / (x + a)))`.

use super::exit::*;
use crate::model::pool::weights::TaoWeight;
use crate::model::pool::{Mechanism, Pool};

const TAO: u64 = 1_000_000_000;

fn pool() -> Pool {
    // 1,000 TAO against 10,000 alpha: 0.1 TAO per alpha.
    Pool::dynamic(1_000 * TAO, 10_000 * TAO, TaoWeight::default()).unwrap()
}

fn by_hand(x: u128, y: u128, a: u128) -> (u128, u128) {
    let fee = (a * 33).div_ceil(65_535);
    let n = a - fee;
    (y * n / (x + n), n)
}

#[test]
fn spot_is_alpha_times_price_floored_and_root_is_one_to_one() {
    assert_eq!(spot_value_rao(&pool(), 100 * TAO), 10 * TAO);
    assert_eq!(spot_value_rao(&pool(), 7), 0);
    let root = Pool::new(1, 1, TaoWeight::default(), Mechanism::Stable).unwrap();
    assert_eq!(spot_value_rao(&root, 123_456_789), 123_456_789);
}

#[test]
fn a_sale_returns_the_pool_curve_after_the_fee() {
    let sold = sale(
        &pool(),
        Holding {
            alpha_rao: 500 * TAO,
            locked_rao: 0,
        },
    )
    .unwrap()
    .unwrap();
    let (out, _) = by_hand(
        10_000 * u128::from(TAO),
        1_000 * u128::from(TAO),
        500 * u128::from(TAO),
    );
    // Within the 2 rao SPEC §6 allows the chain's fixed point at weights 1/2.
    assert!(
        u128::from(sold.out_rao).abs_diff(out) <= 2,
        "{} vs {out}",
        sold.out_rao
    );
    assert!(sold.out_rao < spot_value_rao(&pool(), 500 * TAO));
}

#[test]
fn the_locked_part_is_not_sold() {
    let h = Holding {
        alpha_rao: 500 * TAO,
        locked_rao: 200 * TAO,
    };
    let sold = sale(&pool(), h).unwrap().unwrap();
    assert_eq!(sold.requested_rao, 300 * TAO);
    assert_eq!(h.locked_part_rao(), 200 * TAO);
    let all_locked = Holding {
        alpha_rao: 5 * TAO,
        locked_rao: 9 * TAO,
    };
    assert_eq!(all_locked.sellable_rao(), 0);
    assert_eq!(all_locked.locked_part_rao(), 5 * TAO);
    assert_eq!(sale(&pool(), all_locked), Ok(None));
}

#[test]
fn the_second_sale_meets_the_pool_the_first_left() {
    let a = Holding {
        alpha_rao: 2_000 * TAO,
        locked_rao: 0,
    };
    let b = Holding {
        alpha_rao: 1_000 * TAO,
        locked_rao: 0,
    };
    let seq = sales_in_sequence(&pool(), &[a, b]);
    let (x, y) = (10_000 * u128::from(TAO), 1_000 * u128::from(TAO));
    let (out_a, n_a) = by_hand(x, y, 2_000 * u128::from(TAO));
    let fee_a = 2_000 * u128::from(TAO) - n_a;
    let y_a = y - out_a;
    let author = y_a * fee_a / (x + n_a + fee_a);
    let (out_b, _) = by_hand(x + n_a + fee_a, y_a - author, 1_000 * u128::from(TAO));
    let first = tao_out(&seq[0]);
    let second = tao_out(&seq[1]);
    assert!(u128::from(first).abs_diff(out_a) <= 2);
    assert!(
        u128::from(second).abs_diff(out_b) <= 2,
        "{second} vs {out_b}"
    );
    // Alone, b would have met today's pool and returned more.
    let alone = tao_out(&sale(&pool(), b));
    assert!(alone > second + TAO / 10, "{alone} vs {second}");
    // One sale of both returns nearly the two in a row (the first's fee, sold in between for
    // the author, is the difference): within 0.01 %.
    let both = Holding {
        alpha_rao: 3_000 * TAO,
        locked_rao: 0,
    };
    let together = tao_out(&sale(&pool(), both));
    assert!(together.abs_diff(first + second) < (first + second) / 10_000);
}

#[test]
fn a_refused_sale_leaves_the_pool_for_the_next() {
    // Net input above 1,000 times the alpha reserve: `SwapInputTooLarge` (pallets/swap).
    let huge = Holding {
        alpha_rao: u64::MAX,
        locked_rao: 0,
    };
    let small = Holding {
        alpha_rao: 10 * TAO,
        locked_rao: 0,
    };
    let seq = sales_in_sequence(&pool(), &[huge, small]);
    assert!(seq[0].is_err());
    assert_eq!(tao_out(&seq[0]), 0);
    assert_eq!(tao_out(&seq[1]), tao_out(&sale(&pool(), small)));
}
