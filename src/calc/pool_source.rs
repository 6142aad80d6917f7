//! Which pool a calculator works on: a subnet from the data, or a pool typed by hand (reserves,
//! weight, curve and its four integers, fee rate; the table below), which override the
//! subnet's. A superellipse without its four integers is calibrated from the weight at the
//! reserves, as the chain's migration builds it. Shared by every calculator that trades.

pub use super::netuid::{read_netuid, NETUID};
use crate::calc::field::Field;
use crate::calc::format::plain;
use crate::calc::param::{Choice, Default, Described, Doc, Param};
use crate::calc::typed::{parse_bounded, parse_tokens, parse_whole, Bounds, InputError};
use crate::model::num::units::format_rao;
use crate::model::pool::fee::FeeRate;
use crate::model::pool::superellipse::Superellipse;
use crate::model::pool::weights::TaoWeight;
use crate::model::pool::{Curve, Mechanism, Pool};
use crate::model::words::{group_thousands, shorten};
use crate::snapshot::{Snapshot, Subnet};
use rust_decimal::Decimal;

pub const TAO_IN: Param<u64> = Param {
    key: "tao_in",
    label: "TAO in pool",
    default: Default::Data("the subnet's"),
    unit: "TAO",
    about: "The pool's TAO reserve; overrides the subnet's.",
    parse: |t| parse_tokens(t, amount_bounds()),
};
pub const ALPHA_IN: Param<u64> = Param {
    key: "alpha_in",
    label: "Alpha in pool",
    default: Default::Data("the subnet's"),
    unit: "alpha",
    about: "The pool's alpha reserve; overrides the subnet's.",
    parse: |t| parse_tokens(t, amount_bounds()),
};
pub const W_TAO: Param<TaoWeight> = Param {
    key: "w_tao",
    label: "TAO weight",
    default: Default::Data("the subnet's, else 0.5"),
    unit: "",
    about: "The TAO side's weight in the Balancer pool, 0.01 to 0.99 (18 decimals).",
    parse: |t| {
        let w = parse_bounded(
            t,
            Bounds::new(Decimal::new(1, 2), true, Decimal::new(99, 2), 18),
        )?;
        TaoWeight::from_decimal(w).map_err(|_| InputError::TooManyDecimals { max: 18 })
    },
};
pub const FEE_RATE: Param<FeeRate> = Param {
    key: "fee_rate",
    label: "Swap fee rate",
    default: Default::Data("the subnet's, else 33"),
    unit: "/ 65,535",
    about: "The pool's FeeRate in parts of 65,535 (0 to 10,000; 33 is 0.0504 %).",
    parse: |t| {
        let parts = parse_whole(t, 0, u64::from(crate::model::pool::fee::MAX_FEE_RATE))?;
        FeeRate::new(parts).map_err(|_| InputError::NotWhole)
    },
};
pub const CURVE: Choice<CurveKind> = Choice {
    key: "curve",
    label: "Pool curve",
    what: "curve",
    options: &[
        ("balancer", CurveKind::Balancer, "Balancer weighted pool"),
        (
            "superellipse",
            CurveKind::Superellipse,
            "Superellipse: proposed curve (not deployed)",
        ),
    ],
    about: "The pool's curve; absent: the one the chain stores for the subnet (Balancer on finney; the superellipse is a proposal, modelled exactly for a pool typed by hand).",
};
/// The superellipse's stored integers, in the order of `Superellipse`'s fields.
pub const ELLIPSE: [Described; 4] = [
    ellipse("alpha_scale", "Alpha scale (Q32)"),
    ellipse("tao_scale", "TAO scale (Q32)"),
    ellipse("center_alpha", "Alpha center (Q32)"),
    ellipse("center_tao", "TAO center (Q32)"),
];

const fn ellipse(key: &'static str, label: &'static str) -> Described {
    Described {
        key,
        label,
        default: "the subnet's, else calibrated",
        unit: "2^-32 rao",
        about: "One of the four integers of SwapSuperellipse (scales above 0); all empty: calibrated from the weight at the reserves.",
    }
}

/// The custom pool's keys, cleared when a subnet is picked.
pub const RESERVE_KEYS: [&str; 9] = [
    TAO_IN.key,
    ALPHA_IN.key,
    W_TAO.key,
    CURVE.key,
    ELLIPSE[0].key,
    ELLIPSE[1].key,
    ELLIPSE[2].key,
    ELLIPSE[3].key,
    FEE_RATE.key,
];

/// The pool's parameters, for the docs.
pub fn docs() -> Vec<Doc> {
    let mut docs = vec![
        NETUID.doc(),
        TAO_IN.doc(),
        ALPHA_IN.doc(),
        W_TAO.doc(),
        FEE_RATE.doc(),
        // Absent, the curve is the subnet's own, not the first of the options.
        Doc {
            default: "the subnet's (balancer | superellipse)".to_string(),
            ..CURVE.doc()
        },
    ];
    docs.extend(ELLIPSE.iter().map(Described::doc));
    docs
}

/// Which curve the pool uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CurveKind {
    Balancer,
    Superellipse,
}

/// Why there are no figures: the fields to fix.
pub const FIX_FIELDS: &str = "Fix the marked fields to see the figures.";

/// TAO, and each subnet's alpha, never exceed 21,000,000.
pub fn amount_bounds() -> Bounds {
    Bounds::new(Decimal::ZERO, false, Decimal::from(21_000_000), 9)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoolSource {
    pub netuid: Field<Option<u16>>,
    /// The chosen subnet's label, when it is in the data.
    pub subnet_label: Option<String>,
    pub tao_in: Field<u64>,
    pub alpha_in: Field<u64>,
    pub w_tao: Field<TaoWeight>,
    pub curve: Field<CurveKind>,
    /// The superellipse's four integers (`ELLIPSE`); all empty means calibrated.
    pub ellipse: [Field<Option<i128>>; 4],
    pub fee_rate: Field<FeeRate>,
    /// Whether any reserve comes from the URL instead of the subnet.
    pub reserves_overridden: bool,
    pub pool: Result<Pool, String>,
}

/// One of the superellipse's integers: a whole number (scales above 0), as the chain stores it.
fn parse_curve_integer(text: &str, scale: bool) -> Result<i128, String> {
    let t = text.trim().replace(['_', ','], "");
    let value: i128 = t.parse().map_err(|_| {
        format!(
            "“{}” is not a whole number that fits 128 bits.",
            shorten(text.trim())
        )
    })?;
    if scale && value <= 0 {
        return Err("A scale must be more than 0.".to_string());
    }
    Ok(value)
}

impl PoolSource {
    pub fn read(get: &impl Fn(&str) -> Option<String>, snapshot: &Snapshot) -> Self {
        let netuid = read_netuid(get(NETUID.key).as_deref(), snapshot);
        Self::read_on(netuid, get, snapshot)
    }

    /// Subnet `netuid`'s own pool, every field at the data's value: a screener row's.
    pub fn of_subnet(netuid: u16, snapshot: &Snapshot) -> Self {
        let known = snapshot
            .subnet(netuid)
            .map(|_| Some(netuid))
            .ok_or_else(|| format!("Subnet {netuid} is not in this data."));
        Self::read_on(Field::new(netuid.to_string(), known), &|_| None, snapshot)
    }

    /// The fields, given the subnet chosen.
    fn read_on(
        netuid: Field<Option<u16>>,
        get: &impl Fn(&str) -> Option<String>,
        snapshot: &Snapshot,
    ) -> Self {
        let subnet = netuid.ok().flatten().and_then(|n| snapshot.subnet(n));
        // Grouped, as people read it; the box reads grouped digits back.
        let from_subnet = |rao: Option<u64>| {
            rao.map(|r| group_thousands(&format_rao(r)))
                .unwrap_or_default()
        };
        let tao_in = TAO_IN.read_or(get, &from_subnet(subnet.map(|s| s.tao_in_rao)));
        let alpha_in = ALPHA_IN.read_or(get, &from_subnet(subnet.map(|s| s.alpha_in_rao)));
        let subnet_w = subnet.and_then(|s| s.w_tao).unwrap_or_default();
        let w_tao = W_TAO.read_or(get, &plain(subnet_w.tao()));
        let reserves_overridden = RESERVE_KEYS.iter().any(|k| get(k).is_some());
        let stored = subnet.and_then(|s| s.superellipse);
        // The subnet's own curve first: absent means it.
        let curve = CURVE.read_first(get, usize::from(stored.is_some()));
        // The stored integers prefill the fields only while the reserves are the subnet's own.
        let stored_values = stored.filter(|_| !reserves_overridden).map(|c| {
            [
                c.alpha_scale as i128,
                c.tao_scale as i128,
                c.center_alpha,
                c.center_tao,
            ]
        });
        let ellipse = std::array::from_fn(|i| match get(ELLIPSE[i].key) {
            Some(raw) if !raw.trim().is_empty() => {
                let value = parse_curve_integer(&raw, i < 2).map(Some);
                Field::new(raw, value)
            }
            other => {
                let text = stored_values.map(|v| v[i].to_string());
                Field::new(
                    other.or(text.clone()).unwrap_or_default(),
                    Ok(stored_values.map(|v| v[i])),
                )
            }
        });
        let subnet_fee = subnet.and_then(|s| s.fee_rate).unwrap_or_default();
        let fee_rate = FEE_RATE.read_or(get, &subnet_fee.parts().to_string());
        let mut source = PoolSource {
            netuid,
            subnet_label: subnet.map(|s| format!("{} {}", s.netuid, s.name)),
            tao_in,
            alpha_in,
            w_tao,
            curve,
            ellipse,
            fee_rate,
            reserves_overridden,
            pool: Err(String::new()),
        };
        source.pool = source.resolve(subnet.map(|s| s.mechanism));
        source
    }

    fn resolve(&self, mechanism: Option<Mechanism>) -> Result<Pool, String> {
        let (Ok(tao), Ok(alpha), Ok(w), Ok(kind), Ok(fee)) = (
            &self.tao_in.value,
            &self.alpha_in.value,
            &self.w_tao.value,
            &self.curve.value,
            &self.fee_rate.value,
        ) else {
            return Err(FIX_FIELDS.to_string());
        };
        if mechanism.is_none() && !self.reserves_overridden {
            return Err("Choose a subnet or type the pool's reserves.".to_string());
        }
        let mechanism = mechanism.unwrap_or(Mechanism::Dynamic);
        let pool = Pool::new(*tao, *alpha, *w, mechanism)
            .map_err(|e| e.to_string())?
            .with_fee_rate(*fee);
        if *kind == CurveKind::Balancer || mechanism == Mechanism::Stable {
            return Ok(pool);
        }
        let curve = match self.ellipse_values()? {
            Some([a, b, ca, ct]) => Superellipse {
                alpha_scale: a as u128,
                tao_scale: b as u128,
                center_alpha: ca,
                center_tao: ct,
            },
            None => Superellipse::from_weights(*alpha, *tao, w.tao_parts())
                .map_err(|e| e.to_string())?,
        };
        pool.with_curve(Curve::Superellipse(curve))
            .map_err(|e| e.to_string())
    }

    /// The four integers when all are given, `None` when none are (calibrate from the weight).
    fn ellipse_values(&self) -> Result<Option<[i128; 4]>, String> {
        let mut values = [0i128; 4];
        let mut given = 0;
        for (slot, field) in values.iter_mut().zip(&self.ellipse) {
            match &field.value {
                Ok(Some(v)) => {
                    *slot = *v;
                    given += 1;
                }
                Ok(None) => {}
                Err(_) => return Err(FIX_FIELDS.to_string()),
            }
        }
        match given {
            0 => Ok(None),
            4 => Ok(Some(values)),
            _ => Err("Give all four superellipse integers, or none to calibrate the curve from the weight.".to_string()),
        }
    }

    /// Whether the superellipse was built from the weight rather than given.
    pub fn ellipse_calibrated(&self) -> bool {
        self.curve.ok() == Some(CurveKind::Superellipse)
            && matches!(self.ellipse_values(), Ok(None))
    }

    /// The chosen subnet, when it is in the data.
    pub fn subnet<'a>(&self, snapshot: &'a Snapshot) -> Option<&'a Subnet> {
        self.netuid.ok().flatten().and_then(|n| snapshot.subnet(n))
    }

    /// Whether the pool is a stable one (root): 1:1, no fee, and yields of its own kind.
    pub fn is_stable(&self) -> bool {
        self.pool
            .as_ref()
            .is_ok_and(|p| p.mechanism == Mechanism::Stable)
    }
}
