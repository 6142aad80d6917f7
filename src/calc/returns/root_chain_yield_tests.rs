use super::*;
use crate::snapshot::basket::{BasketPricing, RootBasket};
use crate::snapshot::bundled::bundled;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn fund(
    hotkey: &str,
    nav: u64,
    first_block: u64,
    stake_price: &str,
    provisional: bool,
) -> RootBasket {
    RootBasket {
        hotkey: hotkey.into(),
        nav_tao_rao: nav,
        spot_nav_tao_rao: nav + nav / 4,
        shares: nav,
        deposited_tao_rao: nav,
        redeemed_tao_rao: 0,
        holdings: Vec::new(),
        pricing: Some(BasketPricing {
            spot_price: d("1.25"),
            stake_price: d(stake_price),
            staker_twr: d(stake_price),
            staker_yield: d("0.01"),
            first_block,
            provisional,
        }),
    }
}

fn with(funds: Vec<RootBasket>, block: u64) -> Snapshot {
    let mut s = bundled();
    s.block = Some(block);
    s.root_baskets = Some(funds);
    s
}

#[test]
fn the_largest_priced_fund_annualised_on_a_365_day_year() {
    // 36.5 days = 262,800 blocks: a tenth of the app's year, so 1.01 a tenth is 1.01^10 a year.
    let s = with(
        vec![
            fund("small", 10, 1_000_000, "1.5", false),
            fund("large", 1_000, 1_000_000, "1.01", false),
            fund("larger but provisional", 5_000, 1_000_000, "1.2", true),
        ],
        1_262_800,
    );
    let y = chain_yield(&s).unwrap();
    assert_eq!(y.hotkey, "large");
    assert_eq!(y.funds, 3);
    assert_eq!(y.days, d("36.5"));
    // 1.01^10, exactly.
    let by_hand = (d("1.10462212541120451001") - Decimal::ONE) * Decimal::ONE_HUNDRED;
    assert!(
        (y.apy_pct - by_hand).abs() < d("1e-18"),
        "{} vs {by_hand}",
        y.apy_pct
    );
    // Its holdings at 1,000 of 1,250 at spot: 80 %.
    assert_eq!(y.realizable_pct, Some(d("80")));
    let text = sentence(&y, Style::default());
    assert!(text.starts_with("The chain's own return of the largest of 3 root baskets, large: 1 TAO staked at block 1000000 is worth 1.01 TAO now, 36.5 days on; a year at that pace is 10.46 %."), "{text}");
}

#[test]
fn without_baskets_or_a_day_old_baseline_it_says_why() {
    let mut s = bundled();
    s.root_baskets = None;
    assert!(chain_yield(&s).unwrap_err().contains("switch on live data"));
    let young = with(vec![fund("a", 10, 1_000_000, "1.001", false)], 1_007_199);
    assert_eq!(
        chain_yield(&young).unwrap_err(),
        "No validator's basket has a priced baseline a day old yet."
    );
    let a_day = with(vec![fund("a", 10, 1_000_000, "1.001", false)], 1_007_200);
    assert!(chain_yield(&a_day).is_ok());
    let nothing = with(vec![fund("a", 10, 1_000_000, "0", false)], 2_000_000);
    assert_eq!(
        chain_yield(&nothing).unwrap_err(),
        "The chain prices this fund at nothing."
    );
}
