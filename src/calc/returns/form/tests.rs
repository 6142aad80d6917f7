use super::*;
use crate::model::staking::emission::BLOCKS_PER_DAY;
use crate::model::staking::returns::project;
use crate::snapshot::bundled::bundled;
use std::collections::HashMap;

fn read(query: &[(&str, &str)]) -> (ReturnsForm, Snapshot) {
    let map: HashMap<String, String> = query
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let snapshot = bundled();
    (
        ReturnsForm::read(|k| map.get(k).cloned(), &snapshot),
        snapshot,
    )
}

#[test]
fn prefills_from_the_subnet() {
    let (form, snapshot) = read(&[("netuid", "64")]);
    assert_eq!(form.chain.emission.text, "1");
    assert_eq!(form.chain.issuance.text, "5,861,559.713339265");
    // The data has only the stake weight (3,938,068.74, above the alpha outstanding): the
    // base is capped at the alpha outstanding and marked as an estimate.
    assert_eq!(form.chain.alpha_stake.text, "3,319,182.111772565");
    assert!(form.chain.alpha_stake_note().is_some());
    assert_eq!(form.chain.root_tao.text, "5,445,703.100864541");
    assert_eq!(form.chain.tao_weight.text, "0.18");
    assert_eq!(form.chain.epoch_blocks.text, "360");
    let inputs = form.inputs(&snapshot).unwrap();
    assert_eq!(inputs.start, Start::Tao(100_000_000_000));
    assert_eq!(inputs.days, 365);
    let p = project(&inputs).unwrap();
    // Over the stake weight this was 21.2 %; over the capped alpha base at least 25.6 %.
    assert!(
        p.headline.apy_pct >= Decimal::new(256, 1),
        "{}",
        p.headline.apy_pct
    );
}

#[test]
fn an_observed_yield_on_a_custom_pool_needs_no_chain_figures() {
    let (form, snapshot) = read(&[
        ("netuid", ""),
        ("tao_in", "200000"),
        ("alpha_in", "2000000"),
        ("apy", "5"),
    ]);
    let inputs = form.inputs(&snapshot).unwrap();
    assert_eq!(inputs.epoch_blocks, 360);
    // Without the observed yield the emission figures are needed, and the page says so.
    let (form, snapshot) = read(&[
        ("netuid", ""),
        ("tao_in", "200000"),
        ("alpha_in", "2000000"),
    ]);
    assert!(form.inputs(&snapshot).is_err());
}

#[test]
fn root_is_priced_from_every_subnet() {
    let (form, snapshot) = read(&[("netuid", "0")]);
    assert!(form.root);
    let inputs = form.inputs(&snapshot).unwrap();
    assert_eq!(inputs.epoch_blocks, BLOCKS_PER_DAY);
    let p = project(&inputs).unwrap();
    // Root earns a few percent a year in TAO.
    assert!(
        p.headline.apy_pct > Decimal::ONE && p.headline.apy_pct < Decimal::from(50),
        "{}",
        p.headline.apy_pct
    );
    assert_eq!(p.headline.entry.unwrap().swap.fee_rao, 0);
}

#[test]
fn bad_fields_say_why() {
    let (form, snapshot) = read(&[
        ("take", "19"),
        ("vtrust", "2"),
        ("days", "0"),
        ("price_change", "-100"),
        ("apy", "abc"),
        ("compound_others", "yes"),
        ("from", "btc"),
        ("amount", "1e30"),
        ("epoch_blocks", "1.5"),
        ("tao_usd", "-1"),
    ]);
    assert_eq!(form.take.error().unwrap(), "Too large: at most 18.");
    assert_eq!(form.vtrust.error().unwrap(), "Too large: at most 1.");
    assert_eq!(form.days.error().unwrap(), "Too small: at least 1.");
    assert_eq!(
        form.price_change.error().unwrap(),
        "Must be more than -100."
    );
    assert!(form.apy.error().unwrap().contains("not a number"));
    assert_eq!(
        form.compound_others.error().unwrap(),
        "“yes” is not 0 or 1."
    );
    assert_eq!(
        form.from.error().unwrap(),
        "Unknown start “btc”: use tao or alpha."
    );
    assert_eq!(
        form.amount.error().unwrap(),
        "Too large: at most 21,000,000."
    );
    assert_eq!(
        form.chain.epoch_blocks.error().unwrap(),
        "Must be a whole number."
    );
    assert_eq!(form.tao_usd.error().unwrap(), "Must not be negative.");
    assert_eq!(form.inputs(&snapshot).unwrap_err(), FIX_FIELDS);
}

#[test]
fn the_balancer_reservoir_counts_in_the_issuance() {
    // SPEC §2: A = alpha in pool + alpha outstanding + Swap::BalancerAlphaReservoir
    // (pallets/subtensor staking/stake_utils/alpha_price.rs `get_alpha_issuance`).
    let mut snapshot = bundled();
    let at = snapshot
        .subnets
        .iter()
        .position(|s| s.netuid == 64)
        .unwrap();
    snapshot.subnets[at].alpha_reservoir_rao = Some(1_000_000_000_000);
    let form = ReturnsForm::read(|k| (k == "netuid").then(|| "64".to_string()), &snapshot);
    assert_eq!(form.chain.issuance.text, "5,862,559.713339265");
    // And in the TAO emission's split and root's basket, through the same method.
    let s = &snapshot.subnets[at];
    assert_eq!(
        s.alpha_issuance_rao(),
        Some(s.alpha_in_rao + s.alpha_out_rao.unwrap() + 1_000_000_000_000)
    );
}
