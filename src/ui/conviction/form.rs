//! The conviction-lock calculator's inputs, read from the URL parameters: `calc=conviction`,
//! the pool source (`netuid`, …), `lock` (alpha), `mode=perpetual|decaying`, `conviction`
//! (starting), `days`, `tu` and `tm` (UnlockRate and MaturityRate, blocks), `owner=0|1` (the lock
//! is on the owner's hotkey), and the takeover scenario: `owner_lock`, `eligible`, `gate` (%)
//! and `gate_rule=single|total`.

use crate::model::conviction::{Gate, Lock, LockSpec, Mode, Rates, CODE_DEFAULT_RATE};
use crate::model::num::units::rao_to_decimal;
use crate::snapshot::Snapshot;
use crate::ui::field::Field;
use crate::ui::pool_source::{amount_bounds, PoolSource, FIX_FIELDS};
use crate::ui::typed::{parse_bounded, parse_flag, parse_percent, parse_whole, Bounds};
use rust_decimal::Decimal;

pub const DEFAULT_LOCK: &str = "10000";
pub const DEFAULT_DAYS: &str = "365";
pub const DEFAULT_GATE: &str = "18";
/// Ten years: enough to see a decaying lock through.
pub const MAX_DAYS: u64 = 3_650;

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

fn alpha(raw: &str) -> Result<Decimal, crate::ui::typed::InputError> {
    parse_bounded(
        raw,
        Bounds::new(Decimal::ZERO, true, Decimal::from(21_000_000), 9),
    )
}

fn rate(raw: &str) -> Result<u64, crate::ui::typed::InputError> {
    parse_whole(raw, 1, 1_000_000_000)
}

impl ConvictionForm {
    pub fn read(get: impl Fn(&str) -> Option<String>, snapshot: &Snapshot) -> Self {
        let source = PoolSource::read(&get, snapshot);
        let subnet = source.subnet(snapshot);
        let choice =
            |key: &str, default: &str, options: [(&str, bool); 2], what: &str| match get(key) {
                None => Field::new(
                    default,
                    Ok(options
                        .iter()
                        .find(|o| o.0 == default)
                        .map(|o| o.1)
                        .unwrap_or(false)),
                ),
                Some(raw) => {
                    let value = options
                        .iter()
                        .find(|o| o.0 == raw.trim())
                        .map(|o| o.1)
                        .ok_or_else(|| {
                            format!(
                                "Unknown {what} “{}”: use {} or {}.",
                                crate::model::words::shorten(&raw),
                                options[0].0,
                                options[1].0
                            )
                        });
                    Field::new(raw, value)
                }
            };
        let perpetual = choice(
            "mode",
            "decaying",
            [("perpetual", true), ("decaying", false)],
            "mode",
        );
        let mode = Field::new(
            perpetual.text.clone(),
            perpetual
                .value
                .map(|p| if p { Mode::Perpetual } else { Mode::Decaying }),
        );
        let eligible_default = subnet
            .and_then(|s| s.alpha_out_rao)
            .map(|a| rao_to_decimal(a).normalize().to_string())
            .unwrap_or_default();
        let subnet_age = subnet
            .and_then(|s| s.registered_at_block)
            .zip(snapshot.block)
            .map(|(registered, now)| now.saturating_sub(registered));
        let code_default = CODE_DEFAULT_RATE.to_string();
        ConvictionForm {
            lock: Field::read(get("lock").as_deref(), DEFAULT_LOCK, alpha),
            mode,
            conviction: Field::read(get("conviction").as_deref(), "0", alpha),
            days: Field::read(get("days").as_deref(), DEFAULT_DAYS, |t| {
                parse_whole(t, 1, MAX_DAYS).map(|d| d as u32)
            }),
            tu: Field::read(get("tu").as_deref(), &code_default, rate),
            tm: Field::read(get("tm").as_deref(), &code_default, rate),
            owner: Field::read(get("owner").as_deref(), "0", parse_flag),
            owner_lock: Field::read(get("owner_lock").as_deref(), "0", alpha),
            eligible: Field::read(get("eligible").as_deref(), &eligible_default, |t| {
                parse_bounded(t, amount_bounds())
            }),
            gate: Field::read(get("gate").as_deref(), DEFAULT_GATE, |t| {
                parse_percent(
                    t,
                    Bounds::new(Decimal::ZERO, false, Decimal::ONE_HUNDRED, 9),
                )
            }),
            total_rule: choice(
                "gate_rule",
                "single",
                [("single", false), ("total", true)],
                "gate rule",
            ),
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
    use crate::snapshot::bundled::bundled;
    use std::collections::HashMap;

    fn read(query: &[(&str, &str)]) -> ConvictionForm {
        let map: HashMap<String, String> = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ConvictionForm::read(|k| map.get(k).cloned(), &bundled().unwrap())
    }

    #[test]
    fn defaults_and_prefills() {
        let form = read(&[("netuid", "64")]);
        assert_eq!(form.mode.value, Ok(Mode::Decaying));
        assert_eq!(form.eligible.text, "3319182.111772565");
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
            "Unknown mode “forever”: use perpetual or decaying."
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
