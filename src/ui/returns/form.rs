//! The staking-return calculator's inputs, read from the URL parameters of the table below
//! (after the pool's, before the chain figures): the position, the validator and the scenario.

use crate::model::staking::emission::BLOCKS_PER_DAY;
use crate::model::staking::returns::{ExitFrom, ReturnsInputs, Start, YieldSpec};
use crate::snapshot::Snapshot;
use crate::ui::chain_figures::ChainFigures;
use crate::ui::field::Field;
use crate::ui::param::{flag, Choice, Default, Doc, Param};
use crate::ui::pool_source::{PoolSource, FIX_FIELDS};
use crate::ui::shared_params::{self, parse_apy, parse_vtrust, DAYS, TAKE, TAO_USD};
use crate::ui::typed::{parse_percent, Bounds};
use rust_decimal::Decimal;

/// Where the position starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartWith {
    Tao,
    Alpha,
}

pub const FROM: Choice<StartWith> = Choice {
    key: "from",
    label: "Start from",
    what: "start",
    options: &[
        ("tao", StartWith::Tao, "TAO to stake"),
        ("alpha", StartWith::Alpha, "Alpha I already hold"),
    ],
    about: "Stake TAO now, or hold alpha already (no entry swap).",
};
pub const AMOUNT: Param<u64> = Param {
    unit: "TAO, or alpha when starting from alpha",
    ..shared_params::AMOUNT
};
pub const CHILDKEY: Param<Decimal> = Param {
    key: "childkey",
    label: "Childkey take",
    default: Default::Text("0"),
    about: "The child hotkey's take, taken before the validator's; 0 unless it works through another owner's child hotkey.",
    ..TAKE
};
pub const VTRUST: Param<Decimal> = Param {
    key: "vtrust",
    label: "Validator trust (vtrust)",
    default: Default::Text("1"),
    unit: "",
    about: "0 to 1; about 1 for a validator in consensus.",
    parse: parse_vtrust,
};
pub const PRICE_CHANGE: Param<Decimal> = Param {
    key: "price_change",
    label: "Alpha price change over the period",
    default: Default::Text("0"),
    unit: "%",
    about: "Steady over the holding period, then held (never extrapolated); above -100.",
    parse: |t| {
        parse_percent(
            t,
            Bounds::new(Decimal::from(-100), false, Decimal::from(100_000), 9),
        )
    },
};
pub const APY: Param<Decimal> = Param {
    key: "apy",
    label: "Observed APY (optional)",
    default: Default::Blank,
    unit: "%",
    about: "A yield you have seen (Taostats, TaoYield…); it replaces the derived one.",
    parse: parse_apy,
};
/// By default the exit meets the pool back at today's price, as the screener's does, so the
/// costs of getting in and out count in full: the price your own stake pushed up is not assumed
/// to hold for the whole period.
pub const EXIT_FROM: Choice<ExitFrom> = Choice {
    key: "exit_from",
    label: "The exit sells into",
    what: "exit pool",
    options: &[
        (
            "before",
            ExitFrom::Before,
            "the pool back at its price before my stake",
        ),
        ("entry", ExitFrom::Entry, "the pool as my stake left it"),
    ],
    about: "Which pool the exit swap meets: by default the pool back at today's price, so the costs of getting in and out count in full; “entry” assumes the price your own stake pushed up holds until you sell.",
};
pub const COMPOUND_OTHERS: Param<bool> = flag(
    "compound_others",
    "Other stakers compound too",
    "1",
    "1: the total stake grows by each epoch's rewards; 0: today's rate all along.",
);

/// The returns calculator's parameters (after the pool's, before the chain figures).
pub fn docs() -> Vec<Doc> {
    vec![
        FROM.doc(),
        AMOUNT.doc(),
        DAYS.doc(),
        TAKE.doc(),
        CHILDKEY.doc(),
        VTRUST.doc(),
        PRICE_CHANGE.doc(),
        TAO_USD.doc(),
        APY.doc(),
        EXIT_FROM.doc(),
        COMPOUND_OTHERS.doc(),
    ]
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnsForm {
    pub source: PoolSource,
    pub from: Field<StartWith>,
    pub amount: Field<u64>,
    pub days: Field<u32>,
    /// Fraction (the parameter is a percentage).
    pub take: Field<Decimal>,
    /// Fraction (the parameter is a percentage): the child hotkey's take, 0 when none.
    pub childkey: Field<Decimal>,
    pub vtrust: Field<Decimal>,
    pub exit_from: Field<ExitFrom>,
    /// Fraction (the parameter is a percentage).
    pub price_change: Field<Decimal>,
    pub tao_usd: Field<Option<Decimal>>,
    /// Fraction (the parameter is a percentage).
    pub apy: Field<Option<Decimal>>,
    pub compound_others: Field<bool>,
    pub chain: ChainFigures,
    /// Whether the pool is root's (no swap, TAO dividends).
    pub root: bool,
}

impl ReturnsForm {
    pub fn read(get: impl Fn(&str) -> Option<String>, snapshot: &Snapshot) -> Self {
        let source = PoolSource::read(&get, snapshot);
        let subnet = source.subnet(snapshot);
        let root = source.is_stable();
        ReturnsForm {
            from: FROM.read(&get),
            amount: AMOUNT.read(&get),
            days: DAYS.read(&get),
            take: TAKE.read(&get),
            childkey: CHILDKEY.read(&get),
            exit_from: EXIT_FROM.read(&get),
            vtrust: VTRUST.read(&get),
            price_change: PRICE_CHANGE.read(&get),
            tao_usd: TAO_USD.read_optional(&get),
            apy: APY.read_optional(&get),
            compound_others: COMPOUND_OTHERS.read(&get),
            chain: ChainFigures::read(&get, snapshot, subnet),
            root,
            source,
        }
    }

    /// The model's inputs, once every field they need reads well. Root's yield is the sum of
    /// its share of every subnet's validator emission in `snapshot`, restaked once a day.
    pub fn inputs(&self, snapshot: &Snapshot) -> Result<ReturnsInputs, String> {
        let pool = self.source.pool.clone()?;
        let fix = || FIX_FIELDS.to_string();
        let start = match (self.from.ok(), self.amount.ok()) {
            (Some(StartWith::Tao), Some(a)) => Start::Tao(a),
            (Some(StartWith::Alpha), Some(a)) => Start::Alpha(a),
            _ => return Err(fix()),
        };
        let days = self.days.ok().ok_or_else(fix)?;
        let price_change = self.price_change.ok().ok_or_else(fix)?;
        let tao_usd = self.tao_usd.value.clone().map_err(|_| fix())?;
        let observed = self.apy.value.clone().map_err(|_| fix())?;
        let take = self.take.ok().ok_or_else(fix)?;
        let childkey_take = self.childkey.ok().ok_or_else(fix)?;
        let exit_from = self.exit_from.ok().ok_or_else(fix)?;
        let vtrust = self.vtrust.ok().ok_or_else(fix)?;
        let others_compound = self.compound_others.ok().ok_or_else(fix)?;
        // An observed yield needs only the payout interval; the derived one every chain figure.
        let (yield_spec, epoch_blocks) = match observed {
            Some(apy) if self.root => (YieldSpec::Observed { apy }, BLOCKS_PER_DAY),
            Some(apy) => (
                YieldSpec::Observed { apy },
                self.chain.epoch_blocks.ok().ok_or_else(fix)?,
            ),
            None => {
                let base = self.chain.base(snapshot, self.root)?;
                let spec = YieldSpec::Derived {
                    pool_per_epoch: base.pool_per_epoch,
                    other_stake: base.stake_total,
                    take,
                    childkey_take,
                    vtrust,
                    others_compound,
                };
                (spec, base.epoch_blocks)
            }
        };
        Ok(ReturnsInputs {
            pool,
            start,
            days,
            yield_spec,
            epoch_blocks,
            price_change,
            exit_from,
            tao_usd,
        })
    }
}

#[cfg(test)]
mod tests {
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
}
