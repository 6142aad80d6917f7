//! The staking-return calculator's inputs, read from the URL parameters: `calc=returns`, the
//! pool source (`netuid`, `tao_in`, `alpha_in`, `w_tao`), `from=tao|alpha`, `amount`, `days`,
//! `take` (%), `vtrust`, `price_change` (%), `tao_usd`, `apy` (observed, %),
//! `compound_others=0|1`, and the chain figures prefilled from the subnet: `emission` (alpha
//! per block), `issuance`, `alpha_stake`, `root_tao`, `tao_weight`, `epoch_blocks`.

use crate::model::emission::{
    root_dividends_per_block, validator_pool_per_epoch, SubnetYield, BLOCKS_PER_DAY,
};
use crate::model::input::{parse_bounded, parse_flag, parse_tokens, parse_whole, Bounds};
use crate::model::pool::Mechanism;
use crate::model::returns::{ReturnsInputs, Start, YieldSpec, MAX_DAYS};
use crate::model::units::rao_to_decimal;
use crate::snapshot::Snapshot;
use crate::ui::field::Field;
use crate::ui::pool_source::{amount_bounds, PoolSource, FIX_FIELDS};
use rust_decimal::Decimal;

pub const DEFAULT_AMOUNT: &str = "100";
pub const DEFAULT_DAYS: &str = "365";
pub const DEFAULT_TAKE: &str = "18";
/// TaoWeight when the data does not say (SPEC §2).
pub const DEFAULT_TAO_WEIGHT: &str = "0.18";
/// Blocks per epoch from spec 423 on.
pub const DEFAULT_EPOCH_BLOCKS: &str = "360";

/// Where the position starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum From {
    Tao,
    Alpha,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnsForm {
    pub source: PoolSource,
    pub from: Field<From>,
    pub amount: Field<u64>,
    pub days: Field<u32>,
    /// Fraction (the parameter is a percentage).
    pub take: Field<Decimal>,
    pub vtrust: Field<Decimal>,
    /// Fraction (the parameter is a percentage).
    pub price_change: Field<Decimal>,
    pub tao_usd: Field<Option<Decimal>>,
    /// Fraction (the parameter is a percentage).
    pub apy: Field<Option<Decimal>>,
    pub compound_others: Field<bool>,
    pub emission: Field<Decimal>,
    pub issuance: Field<Decimal>,
    pub alpha_stake: Field<Decimal>,
    pub root_tao: Field<Decimal>,
    pub tao_weight: Field<Decimal>,
    pub epoch_blocks: Field<u32>,
    /// Whether the pool is root's (no swap, TAO dividends).
    pub root: bool,
}

fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

fn percent(
    raw: &str,
    min: Decimal,
    max: Decimal,
) -> Result<Decimal, crate::model::input::InputError> {
    parse_bounded(raw, Bounds::new(min, true, max, 9)).map(|p| p / Decimal::ONE_HUNDRED)
}

fn big() -> Decimal {
    Decimal::from(1_000_000_000_000u64)
}

impl ReturnsForm {
    pub fn read(get: impl Fn(&str) -> Option<String>, snapshot: &Snapshot) -> Self {
        let source = PoolSource::read(&get, snapshot);
        let subnet = source.subnet(snapshot);
        let root = source
            .pool
            .as_ref()
            .is_ok_and(|p| p.mechanism == Mechanism::Stable);
        let from = match get("from") {
            None => Field::new("tao", Ok(From::Tao)),
            Some(raw) => {
                let value = match raw.trim() {
                    "tao" => Ok(From::Tao),
                    "alpha" => Ok(From::Alpha),
                    other => Err(format!(
                        "Unknown start “{}”: use tao or alpha.",
                        other.chars().take(24).collect::<String>()
                    )),
                };
                Field::new(raw, value)
            }
        };
        let number = |key: &str, default: String, bounds: Bounds| {
            Field::read(get(key).as_deref(), &default, |t| parse_bounded(t, bounds))
        };
        let positive = Bounds::new(Decimal::ZERO, false, big(), 9);
        let emission_default = subnet
            .and_then(|s| s.alpha_out_emission)
            .map(plain)
            .unwrap_or_default();
        let issuance_default = subnet
            .and_then(|s| {
                s.alpha_out_rao
                    .map(|out| rao_to_decimal(s.alpha_in_rao + out))
            })
            .map(plain)
            .unwrap_or_default();
        let stake_default = subnet
            .and_then(|s| s.total_stake_alpha)
            .map(plain)
            .unwrap_or_default();
        let root_default = snapshot.root_tao_staked.map(plain).unwrap_or_default();
        let weight_default = snapshot
            .tao_weight
            .map(plain)
            .unwrap_or_else(|| DEFAULT_TAO_WEIGHT.to_string());
        let epoch_default = subnet
            .and_then(|s| s.tempo)
            .filter(|t| *t > 0)
            .map(|t| t.to_string())
            .unwrap_or_else(|| DEFAULT_EPOCH_BLOCKS.to_string());
        ReturnsForm {
            from,
            amount: Field::read(get("amount").as_deref(), DEFAULT_AMOUNT, |t| {
                parse_tokens(t, amount_bounds())
            }),
            days: Field::read(get("days").as_deref(), DEFAULT_DAYS, |t| {
                parse_whole(t, 1, u64::from(MAX_DAYS)).map(|d| d as u32)
            }),
            take: Field::read(get("take").as_deref(), DEFAULT_TAKE, |t| {
                percent(t, Decimal::ZERO, Decimal::from(18))
            }),
            vtrust: number(
                "vtrust",
                "1".into(),
                Bounds::new(Decimal::ZERO, true, Decimal::ONE, 9),
            ),
            price_change: Field::read(get("price_change").as_deref(), "0", |t| {
                parse_bounded(
                    t,
                    Bounds::new(Decimal::from(-100), false, Decimal::from(100_000), 9),
                )
                .map(|p| p / Decimal::ONE_HUNDRED)
            }),
            tao_usd: Field::optional(get("tao_usd").as_deref(), |t| {
                parse_bounded(
                    t,
                    Bounds::new(Decimal::ZERO, false, Decimal::from(10_000_000), 9),
                )
            }),
            apy: Field::optional(get("apy").as_deref(), |t| {
                percent(t, Decimal::ZERO, Decimal::from(100_000))
            }),
            compound_others: Field::read(get("compound_others").as_deref(), "1", parse_flag),
            emission: number(
                "emission",
                emission_default,
                Bounds::new(Decimal::ZERO, true, Decimal::from(1_000), 9),
            ),
            issuance: number("issuance", issuance_default, positive),
            alpha_stake: number("alpha_stake", stake_default, positive),
            root_tao: number(
                "root_tao",
                root_default,
                Bounds::new(Decimal::ZERO, true, big(), 9),
            ),
            tao_weight: number(
                "tao_weight",
                weight_default,
                Bounds::new(Decimal::ZERO, true, Decimal::ONE, 9),
            ),
            epoch_blocks: Field::read(get("epoch_blocks").as_deref(), &epoch_default, |t| {
                parse_whole(t, 1, 100_000).map(|b| b as u32)
            }),
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
            (Some(From::Tao), Some(a)) => Start::Tao(a),
            (Some(From::Alpha), Some(a)) => Start::Alpha(a),
            _ => return Err(fix()),
        };
        let days = self.days.ok().ok_or_else(fix)?;
        let price_change = self.price_change.ok().ok_or_else(fix)?;
        let tao_usd = self.tao_usd.value.clone().map_err(|_| fix())?;
        let observed = self.apy.value.clone().map_err(|_| fix())?;
        let take = self.take.ok().ok_or_else(fix)?;
        let vtrust = self.vtrust.ok().ok_or_else(fix)?;
        let others_compound = self.compound_others.ok().ok_or_else(fix)?;
        let root_tao = self.root_tao.ok().ok_or_else(fix)?;
        let tao_weight = self.tao_weight.ok().ok_or_else(fix)?;
        let (yield_spec, epoch_blocks) = match observed {
            Some(apy) => (
                YieldSpec::Observed { apy },
                if self.root {
                    BLOCKS_PER_DAY
                } else {
                    self.epoch_blocks.ok().ok_or_else(fix)?
                },
            ),
            None if self.root => {
                let subnets: Vec<(Decimal, Decimal, Decimal)> = snapshot
                    .subnets
                    .iter()
                    .filter(|s| s.mechanism == Mechanism::Dynamic)
                    .filter_map(|s| {
                        let issuance = rao_to_decimal(s.alpha_in_rao + s.alpha_out_rao?);
                        Some((s.alpha_out_emission?, issuance, s.pool().ok()?.spot_price()))
                    })
                    .collect();
                let per_block = root_dividends_per_block(&subnets, root_tao, tao_weight)
                    .map_err(|_| "The root dividends are out of range.".to_string())?;
                let per_day = per_block * Decimal::from(BLOCKS_PER_DAY);
                (
                    YieldSpec::Derived {
                        pool_per_epoch: per_day,
                        other_stake: root_tao,
                        take,
                        vtrust,
                        others_compound,
                    },
                    BLOCKS_PER_DAY,
                )
            }
            None => {
                let epoch_blocks = self.epoch_blocks.ok().ok_or_else(fix)?;
                let subnet = SubnetYield {
                    alpha_per_block: self.emission.ok().ok_or_else(fix)?,
                    alpha_issuance: self.issuance.ok().ok_or_else(fix)?,
                    root_tao,
                    tao_weight,
                    epoch_blocks,
                };
                let pool_per_epoch = validator_pool_per_epoch(&subnet)
                    .map_err(|_| "The emission figures are out of range.".to_string())?;
                (
                    YieldSpec::Derived {
                        pool_per_epoch,
                        other_stake: self.alpha_stake.ok().ok_or_else(fix)?,
                        take,
                        vtrust,
                        others_compound,
                    },
                    epoch_blocks,
                )
            }
        };
        Ok(ReturnsInputs {
            pool,
            start,
            days,
            yield_spec,
            epoch_blocks,
            price_change,
            tao_usd,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::returns::project;
    use crate::snapshot::bundled::bundled;
    use std::collections::HashMap;

    fn read(query: &[(&str, &str)]) -> (ReturnsForm, Snapshot) {
        let map: HashMap<String, String> = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let snapshot = bundled().unwrap();
        (
            ReturnsForm::read(|k| map.get(k).cloned(), &snapshot),
            snapshot,
        )
    }

    #[test]
    fn prefills_from_the_subnet() {
        let (form, snapshot) = read(&[("netuid", "64")]);
        assert_eq!(form.emission.text, "1");
        assert_eq!(form.issuance.text, "5861559.713339265");
        assert_eq!(form.alpha_stake.text, "3938068.737166841");
        assert_eq!(form.root_tao.text, "5445703.100864541");
        assert_eq!(form.tao_weight.text, "0.18");
        assert_eq!(form.epoch_blocks.text, "360");
        let inputs = form.inputs(&snapshot).unwrap();
        assert_eq!(inputs.start, Start::Tao(100_000_000_000));
        assert_eq!(inputs.days, 365);
        let p = project(&inputs).unwrap();
        assert!(p.apy_pct > Decimal::ZERO);
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
            p.apy_pct > Decimal::ONE && p.apy_pct < Decimal::from(50),
            "{}",
            p.apy_pct
        );
        assert_eq!(p.entry.unwrap().swap.fee_rao, 0);
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
            form.epoch_blocks.error().unwrap(),
            "Must be a whole number."
        );
        assert_eq!(form.tao_usd.error().unwrap(), "Must not be negative.");
        assert_eq!(form.inputs(&snapshot).unwrap_err(), FIX_FIELDS);
    }
}
