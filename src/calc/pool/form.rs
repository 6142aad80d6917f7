//! The pool calculator's inputs, read from the URL parameters of the table below (after the
//! pool's own, `pool_source`): the trade, its price protection, and the sections' inputs. Each
//! field keeps its own message; one bad field never stops the others from being read.

use crate::calc::field::Field;
use crate::calc::param::{flag, Choice, Default, Described, Doc, Param};
use crate::calc::pool_source::{amount_bounds, read_netuid, PoolSource, FIX_FIELDS};
use crate::calc::shared_params;
use crate::calc::typed::{parse_bounded, parse_tokens, Bounds};
use crate::model::pool::fill::PriceProtection;
use crate::model::pool::limit::limit_from_tolerance;
use crate::model::pool::side::Side;
use crate::model::pool::trade::TradeRequest;
use crate::model::pool::Pool;
use crate::snapshot::Snapshot;
use rust_decimal::Decimal;

pub const SIDE: Choice<Side> = Choice {
    key: "side",
    label: "Direction",
    what: "side",
    options: &[
        ("stake", Side::Stake, "Stake (TAO → alpha)"),
        ("unstake", Side::Unstake, "Unstake (alpha → TAO)"),
    ],
    about: "Stake TAO into the pool for alpha, or unstake alpha for TAO.",
};
pub const AMOUNT: Param<u64> = Param {
    default: Default::Text("10"),
    unit: "TAO to stake, alpha to unstake",
    about: "What you put in, up to 9 decimals (rao).",
    ..shared_params::AMOUNT
};
pub const TOL: Param<Decimal> = Param {
    key: "tol",
    label: "Price tolerance",
    default: Default::Blank,
    unit: "%",
    about: "Price protection as a tolerance from the spot price; empty: no limit (plain add_stake / remove_stake).",
    parse: |t| parse_bounded(t, Bounds::new(Decimal::ZERO, true, Decimal::ONE_HUNDRED, 9)),
};
pub const LIMIT: Param<u64> = Param {
    key: "limit",
    label: "Or an exact limit price",
    default: Default::Blank,
    unit: "TAO per alpha",
    about: "The limit price a wallet sends (add_stake_limit / remove_stake_limit); wins over the tolerance.",
    parse: |t| {
        parse_tokens(
            t,
            Bounds::new(Decimal::ZERO, false, Decimal::from(1_000_000_000u64), 9),
        )
    },
};
pub const PARTIAL: Param<bool> = flag(
    "partial",
    "Allow a partial fill",
    "0",
    "1: stop at the limit and refund the rest; 0: fill or kill.",
);
pub const WHOLE: Param<bool> = flag(
    "whole",
    "This is my whole position on this validator",
    "0",
    "1: the unstake closes the position (allowed under 0.002 TAO).",
);
pub const MAX_SLIP: Param<Decimal> = Param {
    key: "max_slip",
    label: "Slippage you accept (fee included)",
    default: Default::Text("1"),
    unit: "%",
    about: "For the largest trade within this slippage.",
    parse: |t| {
        parse_bounded(
            t,
            Bounds::new(Decimal::ZERO, false, Decimal::ONE_HUNDRED, 9),
        )
    },
};
pub const MOVE_TO: Described = Described {
    key: "move_to",
    label: "To subnet",
    default: "empty",
    unit: "",
    about: "The subnet to move this alpha to (a move pays one fee).",
};
pub const MOVE_AMOUNT: Param<u64> = Param {
    key: "move_amount",
    label: "Alpha to move from this subnet",
    default: Default::Text("100"),
    unit: "alpha",
    about: "How much alpha to move.",
    parse: |t| parse_tokens(t, amount_bounds()),
};

/// The pool calculator's parameters (after the pool's own), for the docs.
pub fn docs() -> Vec<Doc> {
    vec![
        SIDE.doc(),
        AMOUNT.doc(),
        TOL.doc(),
        LIMIT.doc(),
        PARTIAL.doc(),
        WHOLE.doc(),
        MAX_SLIP.doc(),
        MOVE_TO.doc(),
        MOVE_AMOUNT.doc(),
        crate::calc::shared_params::TAO_USD.doc(),
    ]
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoolForm {
    pub source: PoolSource,
    pub side: Field<Side>,
    pub amount: Field<u64>,
    pub tol: Field<Option<Decimal>>,
    /// An exact limit price in TAO per alpha (as a wallet would send it); wins over `tol`.
    pub limit: Field<Option<u64>>,
    pub partial: Field<bool>,
    pub whole: Field<bool>,
    pub max_slip: Field<Decimal>,
    pub move_to: Field<Option<u16>>,
    pub move_amount: Field<u64>,
    /// USD per TAO, to show the quote in dollars too.
    pub tao_usd: Field<Option<Decimal>>,
}

impl PoolForm {
    pub fn read(get: impl Fn(&str) -> Option<String>, snapshot: &Snapshot) -> Self {
        let source = PoolSource::read(&get, snapshot);
        let move_to = match get(MOVE_TO.key) {
            Some(raw) if !raw.trim().is_empty() => {
                let value = read_netuid(Some(&raw), snapshot).value;
                Field::new(raw, value)
            }
            other => Field::new(other.unwrap_or_default(), Ok(None)),
        };
        let mut inputs = PoolForm {
            side: SIDE.read(&get),
            amount: AMOUNT.read(&get),
            tol: TOL.read_optional(&get),
            limit: LIMIT.read_optional(&get),
            partial: PARTIAL.read(&get),
            whole: WHOLE.read(&get),
            max_slip: MAX_SLIP.read(&get),
            move_to,
            move_amount: MOVE_AMOUNT.read(&get),
            tao_usd: crate::calc::shared_params::TAO_USD.read_optional(&get),
            source,
        };
        inputs.check_tolerance();
        inputs
    }

    /// A tolerance of 100 % or more cannot protect an unstake; say so by the field.
    fn check_tolerance(&mut self) {
        if let (Ok(pool), Ok(side), Ok(Some(tol))) =
            (&self.source.pool, &self.side.value, &self.tol.value)
        {
            if let Err(e) = limit_from_tolerance(pool, *side, *tol) {
                self.tol.value = Err(e.to_string());
            }
        }
    }

    /// The trade the page quotes, once every field it needs reads well.
    pub fn trade(&self) -> Result<(Pool, TradeRequest), String> {
        let pool = self.source.pool.clone()?;
        let (Ok(side), Ok(amount), Ok(tol), Ok(limit), Ok(partial), Ok(whole)) = (
            &self.side.value,
            &self.amount.value,
            &self.tol.value,
            &self.limit.value,
            &self.partial.value,
            &self.whole.value,
        ) else {
            return Err(FIX_FIELDS.to_string());
        };
        let limit_price_rao = match (limit, tol) {
            (Some(limit), _) => Some(*limit),
            (None, Some(tol)) => {
                Some(limit_from_tolerance(&pool, *side, *tol).map_err(|e| e.to_string())?)
            }
            (None, None) => None,
        };
        let protection = limit_price_rao.map(|limit_price_rao| PriceProtection {
            limit_price_rao,
            allow_partial: *partial,
        });
        Ok((
            pool,
            TradeRequest {
                side: *side,
                amount_rao: *amount,
                protection,
                closes_position: *whole && *side == Side::Unstake,
            },
        ))
    }
}

/// The amount's unit follows the side: TAO to stake, alpha to unstake.
pub fn amount_unit(side: Side) -> &'static str {
    side.input_token()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::num::units::RAO_PER_TAO;
    use crate::snapshot::bundled::bundled;
    use std::collections::HashMap;

    fn read(query: &[(&str, &str)]) -> PoolForm {
        let map: HashMap<String, String> = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        PoolForm::read(|k| map.get(k).cloned(), &bundled())
    }

    #[test]
    fn defaults_to_the_deepest_subnet() {
        let inputs = read(&[]);
        assert_eq!(inputs.source.netuid.value, Ok(Some(64)));
        assert_eq!(inputs.source.tao_in.text, "221,156.58516926");
        let (pool, request) = inputs.trade().unwrap();
        assert_eq!(pool.tao_rao, 221_156_585_169_260);
        assert_eq!(request.amount_rao, 10 * RAO_PER_TAO);
        assert_eq!(request.side, Side::Stake);
        assert!(request.protection.is_none());
    }

    #[test]
    fn explicit_reserves_override_the_subnet() {
        let inputs = read(&[
            ("netuid", "64"),
            ("tao_in", "10"),
            ("alpha_in", "100"),
            ("w_tao", "0.4"),
        ]);
        let (pool, _) = inputs.trade().unwrap();
        assert_eq!(
            (pool.tao_rao, pool.alpha_rao),
            (10 * RAO_PER_TAO, 100 * RAO_PER_TAO)
        );
        assert_eq!(pool.w_tao.tao_parts(), 400_000_000_000_000_000);
        assert!(inputs.source.reserves_overridden);
        // Without a subnet, both reserves make a custom pool.
        let custom = read(&[("netuid", ""), ("tao_in", "10"), ("alpha_in", "100")]);
        assert!(custom.trade().is_ok());
    }

    #[test]
    fn every_bad_field_gets_its_own_message() {
        let inputs = read(&[
            ("netuid", "999"),
            ("side", "sideways"),
            ("amount", "-3"),
            ("tao_in", "0"),
            ("w_tao", "1.5"),
            ("tol", "abc"),
            ("partial", "maybe"),
            ("max_slip", "1e30"),
        ]);
        assert_eq!(
            inputs.source.netuid.error().unwrap(),
            "Subnet 999 is not in this data (129 subnets, netuid 0 to 128)."
        );
        assert_eq!(
            inputs.side.error().unwrap(),
            "Unknown side “sideways”: use stake or unstake."
        );
        assert_eq!(inputs.amount.error().unwrap(), "Must not be negative.");
        assert_eq!(
            inputs.source.tao_in.error().unwrap(),
            "Must be more than 0."
        );
        assert_eq!(
            inputs.source.w_tao.error().unwrap(),
            "Too large: at most 0.99."
        );
        assert!(inputs.tol.error().unwrap().contains("not a number"));
        assert_eq!(inputs.partial.error().unwrap(), "“maybe” is not 0 or 1.");
        assert!(inputs.max_slip.error().unwrap().starts_with("Too large"));
        assert_eq!(inputs.trade().unwrap_err(), FIX_FIELDS);
    }

    #[test]
    fn amounts_are_checked_like_the_chain_counts() {
        let cases = [
            ("", "Enter a number."),
            (
                "abc",
                "“abc” is not a number. Use digits and a dot, like 12.5.",
            ),
            (
                "1.0000000001",
                "At most 9 decimal places: the chain counts in rao (0.000000001).",
            ),
            ("1e30", "Too large: at most 21,000,000."),
            ("0", "Must be more than 0."),
        ];
        for (raw, message) in cases {
            assert_eq!(
                read(&[("amount", raw)]).amount.error().unwrap(),
                message,
                "{raw}"
            );
        }
    }

    #[test]
    fn an_exact_limit_wins_over_the_tolerance() {
        let inputs = read(&[("tol", "5"), ("limit", "0.020099998")]);
        let protection = inputs.trade().unwrap().1.protection.unwrap();
        assert_eq!(protection.limit_price_rao, 20_099_998);
        assert!(!protection.allow_partial);
        let bad = read(&[("limit", "0")]);
        assert_eq!(bad.limit.error().unwrap(), "Must be more than 0.");
    }

    #[test]
    fn tolerance_of_a_hundred_cannot_protect_an_unstake() {
        let inputs = read(&[("side", "unstake"), ("tol", "100")]);
        assert!(inputs.tol.error().unwrap().contains("below 100 %"));
        let inputs = read(&[("side", "stake"), ("tol", "100")]);
        assert!(inputs.trade().unwrap().1.protection.is_some());
    }
}
