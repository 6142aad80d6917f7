//! The snapshot's own methods.

use super::*;

#[test]
fn newer_by_block_else_by_time_else_not() {
    let base = Snapshot {
        network: "finney".into(),
        block: Some(100),
        taken_at: Some("2026-08-07T00:00:00Z".into()),
        source: String::new(),
        block_emission_tao: None,
        tao_weight: None,
        root_tao_staked: None,
        runtime: Default::default(),
        subnets: Vec::new(),
        root_baskets: None,
    };
    let later = Snapshot {
        block: Some(101),
        ..base.clone()
    };
    assert!(later.is_newer_than(&base) && !base.is_newer_than(&later));
    assert!(!base.is_newer_than(&base));
    let timed = Snapshot {
        block: None,
        taken_at: Some("2026-11-24T10:00:00Z".into()),
        ..base.clone()
    };
    assert!(timed.is_newer_than(&base));
    let unknown = Snapshot {
        block: None,
        taken_at: None,
        ..base.clone()
    };
    assert!(!unknown.is_newer_than(&base) && !base.is_newer_than(&unknown));
}

#[test]
fn alpha_issuance_adds_the_pool_the_outstanding_and_the_reservoir() {
    let mut s = Subnet::with_pool(64, Mechanism::Dynamic, 10, 2_000);
    // Without alpha outstanding there is no issuance.
    assert_eq!(s.alpha_issuance_rao(), None);
    s.alpha_out_rao = Some(500);
    // A runtime without the reservoir (spec 393): none waits outside the pool.
    assert_eq!(s.alpha_issuance_rao(), Some(2_500));
    s.alpha_reservoir_rao = Some(7);
    assert_eq!(s.alpha_issuance_rao(), Some(2_507));
    // The chain's additions saturate (`saturating_add`).
    s.alpha_reservoir_rao = Some(u64::MAX);
    assert_eq!(s.alpha_issuance_rao(), Some(u64::MAX));
    // Root's yield is summed over the issuance with the reservoir in it.
    s.alpha_reservoir_rao = Some(7);
    s.alpha_out_emission = Some(Decimal::ONE);
    let snapshot = Snapshot {
        network: String::new(),
        block: None,
        taken_at: None,
        source: String::new(),
        block_emission_tao: None,
        tao_weight: None,
        root_tao_staked: None,
        runtime: Default::default(),
        subnets: vec![s, Subnet::with_pool(0, Mechanism::Stable, 1, 1)],
        root_baskets: None,
    };
    let sources = snapshot.root_dividend_sources();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].1, Decimal::new(2_507, 9));
}
