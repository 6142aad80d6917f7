//! The staking-return calculator's inputs, read from the URL parameters of the table below
//! (after the pool's, before the chain figures): the position, the validator and the scenario.

use crate::calc::chain_figures::ChainFigures;
use crate::calc::field::Field;
use crate::calc::param::{flag, Choice, Default, Doc, Param};
use crate::calc::pool_source::{PoolSource, FIX_FIELDS};
use crate::calc::shared_params::{self, parse_apy, parse_vtrust, DAYS, TAKE, TAO_USD};
use crate::calc::typed::{parse_percent, Bounds};
use crate::model::staking::emission::BLOCKS_PER_DAY;
use crate::model::staking::returns::{ExitFrom, ReturnsInputs, Start, YieldSpec};
use crate::snapshot::Snapshot;
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
    .into_iter()
    .chain(super::history::params::docs())
    .collect()
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

/// The position a calculation holds: stake, period, take, price change and the exit's pool,
/// read once. The screener reads it once for every row and builds each row's form from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    pub amount: Field<u64>,
    pub days: Field<u32>,
    /// Fraction (the parameter is a percentage).
    pub take: Field<Decimal>,
    /// Fraction (the parameter is a percentage).
    pub price_change: Field<Decimal>,
    pub exit_from: Field<ExitFrom>,
}

impl Position {
    pub fn read(get: &impl Fn(&str) -> Option<String>) -> Self {
        Position {
            amount: AMOUNT.read(get),
            days: DAYS.read(get),
            take: TAKE.read(get),
            price_change: PRICE_CHANGE.read(get),
            exit_from: EXIT_FROM.read(get),
        }
    }
}

impl ReturnsForm {
    pub fn read(get: impl Fn(&str) -> Option<String>, snapshot: &Snapshot) -> Self {
        let source = PoolSource::read(&get, snapshot);
        Self::build(source, Position::read(&get), &get, snapshot)
    }

    /// Subnet `netuid`'s calculator holding `position`, every other input at its default:
    /// the screener's row, built from typed values (no URL text in between).
    pub fn for_subnet(position: &Position, netuid: u16, snapshot: &Snapshot) -> Self {
        let source = PoolSource::of_subnet(netuid, snapshot);
        Self::build(source, position.clone(), &|_| None, snapshot)
    }

    fn build(
        source: PoolSource,
        position: Position,
        get: &impl Fn(&str) -> Option<String>,
        snapshot: &Snapshot,
    ) -> Self {
        let subnet = source.subnet(snapshot);
        let root = source.is_stable();
        let Position {
            amount,
            days,
            take,
            price_change,
            exit_from,
        } = position;
        ReturnsForm {
            from: FROM.read(get),
            amount,
            days,
            take,
            childkey: CHILDKEY.read(get),
            exit_from,
            vtrust: VTRUST.read(get),
            price_change,
            tao_usd: TAO_USD.read_optional(get),
            apy: APY.read_optional(get),
            compound_others: COMPOUND_OTHERS.read(get),
            chain: ChainFigures::read(get, snapshot, subnet),
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
        // Dollars are the page's way of writing TAO (`format::Style`), but a bad price still
        // holds the figures back, with its message beside the box.
        self.tao_usd.value.as_ref().map_err(|_| fix())?;
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
        })
    }
}

#[cfg(test)]
mod tests;
