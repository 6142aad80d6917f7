//! The words of the returns page's history figures (issue 33): what each figure means, what
//! the page says without an archive node, and why the model and the chain may differ.

use crate::calc::returns::history::figures::{
    ALPHA_NOW, APY_1, APY_30, APY_7, ENTRY_ALPHA, EXIT_TAO, VS_ROOT, WINDOW,
};
use crate::model::num::dec::DecimalOps;
use rust_decimal::Decimal;

/// What each history figure means, by test id.
pub fn meaning(testid: &str) -> &'static str {
    match testid {
        APY_1 | APY_7 | APY_30 | WINDOW => "What a delegator of this validator really earned over the window, from the chain's own records: the growth of the validator's alpha per share (its TotalHotkeyAlpha over its total shares) between the two blocks, which only its dividends after take move, annualised on a 365-day year. The past, not a forecast.",
        ENTRY_ALPHA => "The alpha the stake would have bought at the start block, priced exactly in that block's pool (its curve and fee).",
        ALPHA_NOW => "That alpha grown by the validator's alpha per share between the start and the end block, rounded down to the rao.",
        EXIT_TAO => "What unstaking all of it at the end block returns, priced in that block's pool: compare it with the TAO staked.",
        VS_ROOT => "The same TAO staked on root with this validator instead: the amount times the chain's root stake price at the end over the one at the start.",
        _ => "",
    }
}

/// What the page says where the history cannot be read (no archive node, offline).
pub fn no_archive(archive: &str, why: &str) -> String {
    format!(
        "Realised yields need an archive node: the chain's past is read from {archive}, which \
         could not answer ({why}). Set another with archive=<ws or wss URL>; the modelled \
         figures above do not need it."
    )
}

/// What the model assumed, as far as the data shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelTerms {
    /// The take the model used, a fraction.
    pub take: Decimal,
    /// The validator's take in the data, a fraction, when known.
    pub data_take: Option<Decimal>,
    /// The vtrust the model used.
    pub vtrust: Decimal,
    /// The validator's own alpha stake in the data, when known.
    pub validator_stake: Option<Decimal>,
    /// The stake the model shares the validators' emission over (`A_v`), alpha.
    pub stake_base: Option<Decimal>,
}

fn pct(fraction: Decimal) -> String {
    (fraction * Decimal::ONE_HUNDRED)
        .round_dp(2)
        .normalize()
        .to_string()
}

/// Whether two APYs differ by more than a tenth of the realised one.
pub fn differ(model_pct: Decimal, realised_pct: Decimal) -> bool {
    let gap = (model_pct - realised_pct).abs();
    match realised_pct.abs().try_div(Decimal::TEN) {
        Some(tenth) => gap > tenth,
        None => true,
    }
}

/// The sentence shown when the model's APY and the realised one differ by more than a tenth
/// (relative to the realised one); `None` when they agree that closely.
pub fn model_gap(model_pct: Decimal, realised_pct: Decimal, terms: &ModelTerms) -> Option<String> {
    if !differ(model_pct, realised_pct) {
        return None;
    }
    let mut why = Vec::new();
    match terms.data_take {
        Some(t) if t != terms.take => why.push(format!(
            "a take of {} % where the data has {} % for this validator",
            pct(terms.take),
            pct(t)
        )),
        _ => why.push(format!(
            "a take of {} % all along (a validator may change its take: down at any time, up once in 30 days)",
            pct(terms.take)
        )),
    }
    why.push(format!(
        "a vtrust of {} (a validator out of consensus earns less)",
        terms.vtrust.normalize()
    ));
    why.push(
        "that each permitted validator earns dividends in proportion to its stake (the chain pays by its weights and bonds, so a validator's share may be larger or smaller)"
            .to_string(),
    );
    match (terms.stake_base, terms.validator_stake) {
        (Some(base), Some(own)) => why.push(format!(
            "that the emission is shared over {} alpha, of which this validator holds {}",
            base.round_dp(0),
            own.round_dp(0)
        )),
        (Some(base), None) => why.push(format!(
            "that the emission is shared over {} alpha of today's stake",
            base.round_dp(0)
        )),
        _ => {}
    }
    Some(format!(
        "The model ({} %) and the chain ({} %) differ by more than a tenth. The model assumes {}; \
         the chain's figure is what the validator's delegators really received over the window.",
        model_pct.round_dp(2).normalize(),
        realised_pct.round_dp(2).normalize(),
        why.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_of_more_than_a_tenth_names_the_models_assumptions() {
        let terms = ModelTerms {
            take: "0.18".parse().unwrap(),
            data_take: Some("0.09".parse().unwrap()),
            vtrust: Decimal::ONE,
            validator_stake: None,
            stake_base: Some(Decimal::from(1_000)),
        };
        assert_eq!(
            model_gap(Decimal::from(110), Decimal::from(100), &terms),
            None
        );
        let s = model_gap(Decimal::from(111), Decimal::from(100), &terms).unwrap();
        assert!(
            s.contains("18 %") && s.contains("9 %") && s.contains("1000 alpha"),
            "{s}"
        );
        assert!(
            no_archive("wss://x", "refused").starts_with("Realised yields need an archive node: ")
        );
        assert!(!meaning(VS_ROOT).is_empty());
    }
}
