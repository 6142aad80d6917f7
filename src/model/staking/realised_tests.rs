use super::*;

fn state(block: u64, alpha: Option<u64>, shares: Option<Exact>) -> Accounting {
    Accounting {
        block,
        alpha_rao: alpha,
        shares,
    }
}

#[test]
fn one_share_worth_two_alpha_is_two_to_one() {
    // 2,000 alpha over 1,000 shares (U64F64) = 2 alpha per share; then 2,020 over 1,000.
    let s = Some(Exact::fixed_shares(1_000u128 << 64));
    let t0 = state(1, Some(2_000), s);
    let t1 = state(2, Some(2_020), s);
    assert_eq!(alpha_per_share(&t0).unwrap().decimal(), Some(Decimal::TWO));
    let r = realised(&t0, &t1, 365).unwrap();
    assert_eq!(r.growth, "1.01".parse().unwrap());
    assert!((r.apy_pct - Decimal::ONE).abs() < "1e-20".parse().unwrap());
}

#[test]
fn a_safe_float_reads_as_mantissa_times_ten_to_the_exponent() {
    let fixed = state(1, Some(500), Some(Exact::fixed_shares(250u128 << 64)));
    let safe = state(2, Some(500), Exact::safe_shares(25, 1));
    assert_eq!(growth(&fixed, &safe).unwrap().decimal(), Some(Decimal::ONE));
    let tenth = state(3, Some(500), Exact::safe_shares(2_500, -1));
    assert_eq!(
        growth(&fixed, &tenth).unwrap().decimal(),
        Some(Decimal::ONE)
    );
    assert_eq!(Exact::safe_shares(1, 39), None);
    assert_eq!(Exact::safe_shares(1, -39), None);
}

#[test]
fn no_stake_and_no_days_are_sentences() {
    let s = Some(Exact::fixed_shares(1 << 64));
    let ok = state(1, Some(10), s);
    for bad in [
        state(7, None, s),
        state(7, Some(0), s),
        state(7, Some(10), None),
        state(7, Some(10), Some(Exact::fixed_shares(0))),
    ] {
        let e = realised(&bad, &ok, 1).unwrap_err();
        assert!(e.contains("no stake then") && e.contains("block 7"), "{e}");
    }
    assert!(realised(&ok, &ok, 0).unwrap_err().contains("0 days"));
    let half = Exact {
        num: U512::from(7u8),
        den: U512::from(2u8),
    };
    assert_eq!(half.floor_of(3), Some(10));
}
