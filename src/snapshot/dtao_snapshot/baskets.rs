//! Root baskets in `dtao-snapshot/2` (`snapshot::basket`), an optional top-level list, written
//! when the data was read from a runtime that has them:
//!
//! ```text
//! "root_baskets": [ { "hotkey": "5F…", "nav_tao": "1234.5", "spot_nav_tao": "1300",
//!     "shares": "1200000000000", "deposited_tao": "1250", "redeemed_tao": "40",
//!     "holdings": [ { "netuid": 64, "alpha": "900.25", "spot_tao": "80.1", "realizable_tao": "79.9" } ],
//!     "pricing": { "spot_price": "1.0833", "stake_price": "1.0412", "staker_twr": "1.0412",
//!                  "staker_yield": "0.0031", "first_block": 8790000, "provisional": false } } ]
//! ```
//!
//! Amounts are TAO (alpha for `alpha`) as decimal strings, exact to the rao; `shares` the raw
//! share units as a whole number (a string, as it may pass 2^53); `pricing` is absent or null
//! for a fund the chain does not price. A bad value is refused naming its place
//! (`root_baskets[2].holdings[1].netuid`).

use crate::model::num::units::format_rao;
use crate::snapshot::basket::{ss58_account, BasketHolding, BasketPricing, RootBasket};
use crate::snapshot::fields::{amount, decimal, kind, required, text, whole, Place};
use crate::snapshot::rows::{netuid, row_object};
use crate::snapshot::SnapshotError;
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// The `root_baskets` list, when the document has one.
pub fn read(obj: &Map<String, Value>) -> Result<Option<Vec<RootBasket>>, SnapshotError> {
    let list = match obj.get("root_baskets") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Array(list)) => list,
        Some(other) => {
            return Err(Place::TOP.error(
                "root_baskets",
                format!("expected a list, found {}.", kind(other)),
            ))
        }
    };
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let prefix = format!("root_baskets[{}].", i + 1);
        let basket = basket(item, Place::TOP.within(&prefix))?;
        if !seen.insert(basket.hotkey.clone()) {
            return Err(Place::TOP.within(&prefix).error(
                "hotkey",
                "appears more than once: a validator has one basket.",
            ));
        }
        out.push(basket);
    }
    Ok(Some(out))
}

fn basket(item: &Value, at: Place) -> Result<RootBasket, SnapshotError> {
    let obj = row_object(item, at)?;
    let hotkey = text(obj, "hotkey", at)?;
    if ss58_account(&hotkey).is_none() {
        let shown = crate::model::words::shorten(&hotkey);
        return Err(at.error(
            "hotkey",
            format!("“{shown}” is not an SS58 address (prefix 42)."),
        ));
    }
    let holdings = match required(obj, "holdings", at)? {
        Value::Array(list) => list,
        other => {
            return Err(at.error(
                "holdings",
                format!("expected a list, found {}.", kind(other)),
            ))
        }
    };
    let mut netuids = BTreeSet::new();
    let mut read = Vec::with_capacity(holdings.len());
    for (i, h) in holdings.iter().enumerate() {
        let prefix = format!("{}holdings[{}].", at.prefix, i + 1);
        let at = at.within(&prefix);
        let row = row_object(h, at)?;
        let holding = BasketHolding {
            netuid: netuid(row, at)?,
            alpha_rao: amount(row, "alpha", at)?,
            spot_tao_rao: amount(row, "spot_tao", at)?,
            realizable_tao_rao: amount(row, "realizable_tao", at)?,
        };
        if !netuids.insert(holding.netuid) {
            return Err(at.error("netuid", "appears more than once in this basket."));
        }
        read.push(holding);
    }
    let pricing = match obj.get("pricing") {
        None | Some(Value::Null) => None,
        Some(p) => {
            let prefix = format!("{}pricing.", at.prefix);
            Some(pricing(p, at.within(&prefix))?)
        }
    };
    Ok(RootBasket {
        hotkey,
        nav_tao_rao: amount(obj, "nav_tao", at)?,
        spot_nav_tao_rao: amount(obj, "spot_nav_tao", at)?,
        shares: whole(obj, "shares", at)?,
        deposited_tao_rao: amount(obj, "deposited_tao", at)?,
        redeemed_tao_rao: amount(obj, "redeemed_tao", at)?,
        holdings: read,
        pricing,
    })
}

fn pricing(value: &Value, at: Place) -> Result<BasketPricing, SnapshotError> {
    let obj = row_object(value, at)?;
    // The chain's ratios are unsigned.
    let ratio = |key: &str| -> Result<Decimal, SnapshotError> {
        let d = decimal(obj, key, at)?;
        if d.is_sign_negative() && !d.is_zero() {
            return Err(at.error(key, "must not be negative."));
        }
        Ok(d)
    };
    let provisional = match required(obj, "provisional", at)? {
        Value::Bool(b) => *b,
        other => {
            return Err(at.error(
                "provisional",
                format!("must be true or false, not {}.", kind(other)),
            ))
        }
    };
    Ok(BasketPricing {
        spot_price: ratio("spot_price")?,
        stake_price: ratio("stake_price")?,
        staker_twr: ratio("staker_twr")?,
        staker_yield: ratio("staker_yield")?,
        first_block: whole(obj, "first_block", at)?,
        provisional,
    })
}

/// The list written back, when the snapshot has one.
pub fn put(top: &mut Map<String, Value>, baskets: Option<&[RootBasket]>) {
    let Some(baskets) = baskets else {
        return;
    };
    let list = baskets
        .iter()
        .map(|b| {
            let mut m = Map::new();
            m.insert("hotkey".into(), b.hotkey.clone().into());
            for (key, rao) in [
                ("nav_tao", b.nav_tao_rao),
                ("spot_nav_tao", b.spot_nav_tao_rao),
            ] {
                m.insert(key.into(), format_rao(rao).into());
            }
            m.insert("shares".into(), b.shares.to_string().into());
            m.insert(
                "deposited_tao".into(),
                format_rao(b.deposited_tao_rao).into(),
            );
            m.insert("redeemed_tao".into(), format_rao(b.redeemed_tao_rao).into());
            let holdings = b
                .holdings
                .iter()
                .map(|h| {
                    let mut r = Map::new();
                    r.insert("netuid".into(), h.netuid.into());
                    r.insert("alpha".into(), format_rao(h.alpha_rao).into());
                    r.insert("spot_tao".into(), format_rao(h.spot_tao_rao).into());
                    r.insert(
                        "realizable_tao".into(),
                        format_rao(h.realizable_tao_rao).into(),
                    );
                    Value::Object(r)
                })
                .collect();
            m.insert("holdings".into(), Value::Array(holdings));
            if let Some(p) = &b.pricing {
                let mut r = Map::new();
                for (key, d) in [
                    ("spot_price", p.spot_price),
                    ("stake_price", p.stake_price),
                    ("staker_twr", p.staker_twr),
                    ("staker_yield", p.staker_yield),
                ] {
                    r.insert(key.into(), d.normalize().to_string().into());
                }
                r.insert("first_block".into(), p.first_block.into());
                r.insert("provisional".into(), p.provisional.into());
                m.insert("pricing".into(), Value::Object(r));
            }
            Value::Object(m)
        })
        .collect();
    top.insert("root_baskets".into(), Value::Array(list));
}

#[cfg(test)]
mod tests {
    use super::super::{parse, write::to_json};
    use crate::snapshot::basket::{BasketHolding, BasketPricing, RootBasket};
    use crate::snapshot::chain::validators::ss58;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn with(baskets: &str) -> String {
        format!(
            r#"{{"schema":"dtao-snapshot/2","block":1,"taken_at":"2026-12-01T00:00:00Z"{baskets},"subnets":[{{"netuid":3,"mechanism":"dynamic","tao_in":"10","alpha_in":"100"}}]}}"#
        )
    }

    fn fund(i: u8) -> RootBasket {
        RootBasket {
            hotkey: ss58(&[i; 32]),
            nav_tao_rao: 1_234_500_000_001,
            spot_nav_tao_rao: 1_300_000_000_000,
            shares: u64::MAX,
            deposited_tao_rao: 1,
            redeemed_tao_rao: 0,
            holdings: vec![BasketHolding {
                netuid: 64,
                alpha_rao: 900_250_000_000,
                spot_tao_rao: 80_100_000_000,
                realizable_tao_rao: 79_900_000_000,
            }],
            pricing: None,
        }
    }

    #[test]
    fn baskets_are_written_and_read_back_exactly() {
        let mut s = parse(&with("")).unwrap();
        assert_eq!(s.root_baskets, None);
        assert!(!to_json(&s).contains("root_baskets"));
        let d = |t: &str| Decimal::from_str(t).unwrap();
        let priced = RootBasket {
            pricing: Some(BasketPricing {
                spot_price: d("1.083333333333333333"),
                // A price too large for 18 places keeps 9 (basket_values.rs).
                stake_price: d("18446744073709551615.5"),
                staker_twr: d("1.0412"),
                staker_yield: Decimal::ZERO,
                first_block: 8_790_000,
                provisional: false,
            }),
            holdings: Vec::new(),
            ..fund(2)
        };
        s.root_baskets = Some(vec![fund(1), priced]);
        let text = to_json(&s);
        assert!(text.contains(r#""nav_tao": "1234.500000001""#), "{text}");
        assert!(
            text.contains(r#""shares": "18446744073709551615""#),
            "{text}"
        );
        assert!(text.contains(r#""netuid": 64"#), "{text}");
        assert!(
            text.contains(r#""spot_price": "1.083333333333333333""#),
            "{text}"
        );
        assert_eq!(parse(&text).unwrap(), s);
        // A read of a runtime with no funds yet: an empty list, kept as such.
        s.root_baskets = Some(Vec::new());
        assert_eq!(parse(&to_json(&s)).unwrap().root_baskets, Some(Vec::new()));
        // Numbers for amounts and shares are read too, as every amount of the format is.
        let h = ss58(&[3; 32]);
        let numbers = with(&format!(
            r#","root_baskets":[{{"hotkey":"{h}","nav_tao":1.5,"spot_nav_tao":2,"shares":1500000000,"deposited_tao":0,"redeemed_tao":0,"holdings":[],"pricing":null}}]"#
        ));
        let read = parse(&numbers).unwrap().root_baskets.unwrap();
        assert_eq!(
            (read[0].nav_tao_rao, read[0].shares),
            (1_500_000_000, 1_500_000_000)
        );
    }

    #[test]
    fn a_bad_value_is_refused_naming_its_place() {
        let h = ss58(&[1; 32]);
        let fund = |fields: &str| {
            format!(
                r#","root_baskets":[{{"hotkey":"{h}","nav_tao":"1","spot_nav_tao":"1","shares":"1","deposited_tao":"1","redeemed_tao":"0","holdings":[{{"netuid":64,"alpha":"1","spot_tao":"1","realizable_tao":"1"}}]{fields}}}]"#
            )
        };
        let pricing = |p: &str| {
            fund(&format!(
                r#","pricing":{{"spot_price":"1","stake_price":"1","staker_twr":"1","staker_yield":"0","first_block":5{p}}}"#
            ))
        };
        let cases = [
            (r#","root_baskets":{}"#.to_string(), "Field “root_baskets”: expected a list, found an object."),
            (r#","root_baskets":[{"hotkey":"5Grwva"}]"#.into(), "Field “root_baskets[1].hotkey”: “5Grwva” is not an SS58 address (prefix 42)."),
            (fund(r#","nav_tao":"-2""#).replace(r#""nav_tao":"1","#, ""), "Field “root_baskets[1].nav_tao”: must not be negative."),
            (fund("").replace(r#""shares":"1""#, r#""shares":"1.5""#), "Field “root_baskets[1].shares”: must be a whole number, 0 or more."),
            (fund("").replace(r#""netuid":64"#, r#""netuid":70000"#), "Field “root_baskets[1].holdings[1].netuid”: must be 0 to 65535."),
            (fund("").replace(r#""alpha":"1""#, r#""alpha":"0.0000000001""#), "Field “root_baskets[1].holdings[1].alpha”: has more than 9 decimal places (1 rao = 0.000000001)."),
            (fund("").replace(r#"]}]"#, r#",{"netuid":64,"alpha":"1","spot_tao":"1","realizable_tao":"1"}]}]"#), "Field “root_baskets[1].holdings[2].netuid”: appears more than once in this basket."),
            (fund("").replace(r#","holdings":[{"netuid":64,"alpha":"1","spot_tao":"1","realizable_tao":"1"}]"#, ""), "Field “root_baskets[1].holdings”: missing; it is required."),
            (pricing(r#","provisional":"no""#), "Field “root_baskets[1].pricing.provisional”: must be true or false, not text."),
            (pricing(r#","provisional":false"#).replace(r#""stake_price":"1""#, r#""stake_price":"-0.5""#), "Field “root_baskets[1].pricing.stake_price”: must not be negative."),
            (pricing(r#","provisional":false"#).replace(r#""staker_twr":"1""#, r#""staker_twr":"NaN""#), "Field “root_baskets[1].pricing.staker_twr”: “NaN” is not a finite decimal number."),
            (pricing(""), "Field “root_baskets[1].pricing.provisional”: missing; it is required."),
        ];
        for (baskets, message) in cases {
            assert_eq!(
                parse(&with(&baskets)).unwrap_err().to_string(),
                message,
                "{baskets}"
            );
        }
        let one = fund("");
        let one = &one[r#","root_baskets":["#.len()..one.len() - 1];
        let twice = format!(r#","root_baskets":[{one},{one}]"#);
        assert_eq!(
            parse(&with(&twice)).unwrap_err().to_string(),
            "Field “root_baskets[2].hotkey”: appears more than once: a validator has one basket."
        );
    }
}
