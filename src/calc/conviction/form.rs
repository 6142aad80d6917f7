//! The conviction-lock calculator's inputs, read from the URL parameters of the table below
//! (after the pool's): the lock, its mode and rates, and the takeover scenario.

use crate::calc::field::Field;
use crate::calc::param::{flag, Choice, Default, Doc, Param};
use crate::calc::pool_source::{amount_bounds, PoolSource, FIX_FIELDS};
use crate::calc::shared_params;
use crate::calc::typed::{parse_bounded, parse_percent, parse_whole, Bounds};
use crate::model::conviction::takeover::Gate;
use crate::model::conviction::{Lock, LockSpec, Mode, Rates};
use crate::model::num::units::rao_to_decimal;
use crate::model::words::group_thousands;
use crate::snapshot::Snapshot;
use rust_decimal::Decimal;

/// Ten years: enough to see a decaying lock through.
pub const MAX_DAYS: u64 = 3_650;

pub const LOCK: Param<Decimal> = Param {
    key: "lock",
    label: "Alpha to lock",
    default: Default::Text("10000"),
    unit: "alpha",
    about: "The alpha you lock.",
    parse: alpha,
};
pub const CONVICTION: Param<Decimal> = Param {
    key: "conviction",
    label: "Conviction you start with",
    default: Default::Text("0"),
    about: "The lock's conviction today (0 for a new lock).",
    ..LOCK
};
pub const MODE: Choice<Mode> = Choice {
    key: "mode",
    label: "Mode",
    what: "mode",
    options: &[
        (
            "decaying",
            Mode::Decaying,
            "Decaying (default): unlocks over time",
        ),
        ("perpetual", Mode::Perpetual, "Perpetual: stays locked"),
    ],
    about: "Whether the lock unlocks over time.",
};
pub const DAYS: Param<u32> = Param {
    label: "Horizon",
    about: "1 to 3,650 days.",
    parse: |t| parse_whole(t, 1, MAX_DAYS).map(|d| d as u32),
    ..shared_params::DAYS
};
pub const OWNER: Param<bool> = flag(
    "owner",
    "The lock is on the subnet owner's hotkey",
    "0",
    "1: its conviction equals the locked amount at once.",
);
pub const TU: Param<u64> = Param {
    key: "tu",
    label: "UnlockRate",
    default: Default::Text(CODE_DEFAULT_RATE_TEXT),
    unit: "blocks",
    about: "How fast a decaying lock unlocks (blocks): the chain's value when read live, else the code's default 934,866.",
    parse: rate,
};
pub const TM: Param<u64> = Param {
    key: "tm",
    label: "MaturityRate",
    about: "How fast conviction matures (blocks): the chain's value when read live, else the code's default 934,866.",
    ..TU
};
pub const OWNER_LOCK: Param<Decimal> = Param {
    key: "owner_lock",
    label: "The owner's locked alpha",
    default: Default::Text("0"),
    about: "The subnet owner's own lock, on its own hotkey.",
    ..LOCK
};
pub const ELIGIBLE: Param<Decimal> = Param {
    key: "eligible",
    label: "Eligible alpha",
    default: Default::Data("the subnet's eligible alpha where the data has it (read live: alpha outstanding less the alpha the chain bought and burned), else its alpha outstanding"),
    unit: "alpha",
    about: "The alpha the gate's share is of: alpha outstanding less the chain's own (SubnetProtocolAlpha) and burned alpha.",
    parse: |t| parse_bounded(t, amount_bounds()),
};
pub const GATE_RULE: Choice<bool> = Choice {
    key: "gate_rule",
    label: "Gate (it has changed)",
    what: "gate rule",
    options: &[
        (
            "single",
            false,
            "One hotkey above a share of eligible alpha (since Aug 2026)",
        ),
        (
            "total",
            true,
            "Total conviction × 10 ≥ alpha outstanding (before)",
        ),
    ],
    about: "Which takeover rule applies.",
};
pub const GATE: Param<Decimal> = Param {
    key: "gate",
    label: "Gate share",
    default: Default::Text("18"),
    unit: "%",
    about: "For the single-hotkey rule; 18 % today.",
    parse: |t| {
        parse_percent(
            t,
            Bounds::new(Decimal::ZERO, false, Decimal::ONE_HUNDRED, 9),
        )
    },
};

/// `CODE_DEFAULT_RATE` as text (checked by a test).
const CODE_DEFAULT_RATE_TEXT: &str = "934866";

/// A lock rate the data gives, else the code's default, as the field's text.
fn rate_text(stored: Option<u64>) -> String {
    stored.map_or_else(|| CODE_DEFAULT_RATE_TEXT.to_string(), |r| r.to_string())
}

/// The conviction calculator's parameters (after the pool's), for the docs.
pub fn docs() -> Vec<Doc> {
    vec![
        LOCK.doc(),
        CONVICTION.doc(),
        MODE.doc(),
        DAYS.doc(),
        OWNER.doc(),
        TU.doc(),
        TM.doc(),
        OWNER_LOCK.doc(),
        ELIGIBLE.doc(),
        GATE_RULE.doc(),
        GATE.doc(),
    ]
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConvictionForm {
    pub source: PoolSource,
    pub lock: Field<Decimal>,
    pub mode: Field<Mode>,
    pub conviction: Field<Decimal>,
    pub days: Field<u32>,
    pub tu: Field<u64>,
    pub tm: Field<u64>,
    pub owner: Field<bool>,
    pub owner_lock: Field<Decimal>,
    pub eligible: Field<Decimal>,
    /// Fraction (the parameter is a percentage).
    pub gate: Field<Decimal>,
    /// `true` for the old rule, total conviction x 10 >= alpha outstanding.
    pub total_rule: Field<bool>,
    /// The subnet's age in blocks, from the data's block and its registration block.
    pub subnet_age: Option<u64>,
}

fn alpha(raw: &str) -> Result<Decimal, crate::calc::typed::InputError> {
    parse_bounded(
        raw,
        Bounds::new(Decimal::ZERO, true, Decimal::from(21_000_000), 9),
    )
}

fn rate(raw: &str) -> Result<u64, crate::calc::typed::InputError> {
    parse_whole(raw, 1, 1_000_000_000)
}

impl ConvictionForm {
    pub fn read(get: impl Fn(&str) -> Option<String>, snapshot: &Snapshot) -> Self {
        let source = PoolSource::read(&get, snapshot);
        let subnet = source.subnet(snapshot);
        let eligible_default = subnet
            .and_then(|s| s.eligible_alpha_rao.or(s.alpha_out_rao))
            .map(|a| group_thousands(&rao_to_decimal(a).normalize().to_string()))
            .unwrap_or_default();
        let subnet_age = subnet
            .and_then(|s| s.registered_at_block)
            .zip(snapshot.block)
            .map(|(registered, now)| now.saturating_sub(registered));
        ConvictionForm {
            lock: LOCK.read(&get),
            mode: MODE.read(&get),
            conviction: CONVICTION.read(&get),
            days: DAYS.read(&get),
            // The chain's stored rates when the data was read from a runtime that has them.
            tu: TU.read_or(&get, &rate_text(snapshot.runtime.unlock_rate)),
            tm: TM.read_or(&get, &rate_text(snapshot.runtime.maturity_rate)),
            owner: OWNER.read(&get),
            owner_lock: OWNER_LOCK.read(&get),
            eligible: ELIGIBLE.read_or(&get, &eligible_default),
            gate: GATE.read(&get),
            total_rule: GATE_RULE.read(&get),
            subnet_age,
            source,
        }
    }

    /// The lock being planned.
    pub fn lock_spec(&self) -> Result<LockSpec, String> {
        let fix = || FIX_FIELDS.to_string();
        Ok(LockSpec {
            start: Lock {
                locked: self.lock.ok().ok_or_else(fix)?,
                conviction: self.conviction.ok().ok_or_else(fix)?,
            },
            mode: self.mode.ok().ok_or_else(fix)?,
            rates: self.rates()?,
            owner_hotkey: self.owner.ok().ok_or_else(fix)?,
        })
    }

    fn rates(&self) -> Result<Rates, String> {
        let fix = || FIX_FIELDS.to_string();
        Ok(Rates {
            unlock: self.tu.ok().ok_or_else(fix)?,
            maturity: self.tm.ok().ok_or_else(fix)?,
        })
    }

    /// The owner's lock: on its own hotkey, so its conviction is its locked amount.
    pub fn owner_spec(&self) -> Result<LockSpec, String> {
        let fix = || FIX_FIELDS.to_string();
        let locked = self.owner_lock.ok().ok_or_else(fix)?;
        Ok(LockSpec {
            start: Lock {
                locked,
                conviction: locked,
            },
            mode: self.mode.ok().ok_or_else(fix)?,
            rates: self.rates()?,
            owner_hotkey: true,
        })
    }

    pub fn gate_spec(&self) -> Result<Gate, String> {
        let fix = || FIX_FIELDS.to_string();
        Ok(if self.total_rule.ok().ok_or_else(fix)? {
            Gate::TotalTimesTen
        } else {
            Gate::SingleHotkey(self.gate.ok().ok_or_else(fix)?)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rates_default_to_the_code_default() {
        use crate::model::conviction::CODE_DEFAULT_RATE;
        assert_eq!(CODE_DEFAULT_RATE_TEXT, CODE_DEFAULT_RATE.to_string());
    }
    use crate::snapshot::bundled::bundled;
    use std::collections::HashMap;

    fn read(query: &[(&str, &str)]) -> ConvictionForm {
        let map: HashMap<String, String> = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ConvictionForm::read(|k| map.get(k).cloned(), &bundled())
    }

    #[test]
    fn the_rates_come_from_the_chain_when_the_data_has_them() {
        let mut snapshot = bundled();
        snapshot.runtime.maturity_rate = Some(311_622);
        let form = ConvictionForm::read(|_| None, &snapshot);
        assert_eq!(form.tm.value, Ok(311_622));
        assert_eq!(form.tu.value, Ok(934_866));
        let typed = ConvictionForm::read(|k| (k == "tm").then(|| "500000".into()), &snapshot);
        assert_eq!(typed.tm.value, Ok(500_000));
    }

    #[test]
    fn defaults_and_prefills() {
        let form = read(&[("netuid", "64")]);
        assert_eq!(form.mode.value, Ok(Mode::Decaying));
        assert_eq!(form.eligible.text, "3,319,182.111772565");
        assert_eq!(form.subnet_age, Some(8_791_253 - 4_531_295));
        let spec = form.lock_spec().unwrap();
        assert_eq!(
            spec.rates,
            Rates {
                unlock: 934_866,
                maturity: 934_866
            }
        );
        assert_eq!(
            form.gate_spec().unwrap(),
            Gate::SingleHotkey(Decimal::new(18, 2))
        );
    }

    #[test]
    fn bad_fields_say_why() {
        let form = read(&[
            ("mode", "forever"),
            ("tu", "0"),
            ("tm", "1.5"),
            ("lock", "-1"),
            ("gate", "0"),
            ("gate_rule", "most"),
            ("owner", "2"),
            ("days", "4000"),
        ]);
        assert_eq!(
            form.mode.error().unwrap(),
            "Unknown mode “forever”: use decaying or perpetual."
        );
        assert_eq!(form.tu.error().unwrap(), "Too small: at least 1.");
        assert_eq!(form.tm.error().unwrap(), "Must be a whole number.");
        assert_eq!(form.lock.error().unwrap(), "Must not be negative.");
        assert_eq!(form.gate.error().unwrap(), "Must be more than 0.");
        assert_eq!(
            form.total_rule.error().unwrap(),
            "Unknown gate rule “most”: use single or total."
        );
        assert_eq!(form.owner.error().unwrap(), "“2” is not 0 or 1.");
        assert_eq!(form.days.error().unwrap(), "Too large: at most 3,650.");
        assert_eq!(form.lock_spec().unwrap_err(), FIX_FIELDS);
    }
}
