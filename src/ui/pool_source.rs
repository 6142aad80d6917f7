//! Which pool a calculator works on: a subnet from the data (`netuid`), or reserves typed by
//! hand (`tao_in`, `alpha_in`, `w_tao`), which override the subnet's. Shared by every
//! calculator that trades through a pool.

use crate::model::input::{parse_bounded, parse_tokens, parse_whole, Bounds, InputError};
use crate::model::pool::{Mechanism, Pool};
use crate::model::units::format_rao;
use crate::model::weights::TaoWeight;
use crate::snapshot::{Snapshot, Subnet};
use crate::ui::field::Field;
use crate::ui::format::plain;
use rust_decimal::Decimal;

/// The reserve keys, cleared when a subnet is picked.
pub const RESERVE_KEYS: [&str; 3] = ["tao_in", "alpha_in", "w_tao"];

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
    /// Whether any reserve comes from the URL instead of the subnet.
    pub reserves_overridden: bool,
    pub pool: Result<Pool, String>,
}

impl PoolSource {
    pub fn read(get: &impl Fn(&str) -> Option<String>, snapshot: &Snapshot) -> Self {
        let netuid = read_netuid(get("netuid").as_deref(), snapshot);
        let subnet = netuid.ok().flatten().and_then(|n| snapshot.subnet(n));
        let reserve = |key: &str, from_subnet: Option<u64>| {
            let default = from_subnet.map(format_rao).unwrap_or_default();
            Field::read(get(key).as_deref(), &default, |t| {
                parse_tokens(t, amount_bounds())
            })
        };
        let tao_in = reserve("tao_in", subnet.map(|s| s.tao_in_rao));
        let alpha_in = reserve("alpha_in", subnet.map(|s| s.alpha_in_rao));
        let subnet_w = subnet.and_then(|s| s.w_tao).unwrap_or_default();
        let w_tao = Field::read(get("w_tao").as_deref(), &plain(subnet_w.tao()), |t| {
            let w = parse_bounded(
                t,
                Bounds::new(Decimal::new(1, 2), true, Decimal::new(99, 2), 18),
            )?;
            TaoWeight::from_decimal(w).map_err(|_| InputError::TooManyDecimals { max: 18 })
        });
        let reserves_overridden = RESERVE_KEYS.iter().any(|k| get(k).is_some());
        let mut source = PoolSource {
            netuid,
            subnet_label: subnet.map(|s| format!("{} {}", s.netuid, s.name)),
            tao_in,
            alpha_in,
            w_tao,
            reserves_overridden,
            pool: Err(String::new()),
        };
        source.pool = source.resolve(subnet.map(|s| s.mechanism));
        source
    }

    fn resolve(&self, mechanism: Option<Mechanism>) -> Result<Pool, String> {
        let (Ok(tao), Ok(alpha), Ok(w)) =
            (&self.tao_in.value, &self.alpha_in.value, &self.w_tao.value)
        else {
            return Err(FIX_FIELDS.to_string());
        };
        if mechanism.is_none() && !self.reserves_overridden {
            return Err("Choose a subnet or type the pool's reserves.".to_string());
        }
        let mechanism = mechanism.unwrap_or(Mechanism::Dynamic);
        Pool::new(*tao, *alpha, *w, mechanism).map_err(|e| e.to_string())
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

/// `netuid`: absent means the deepest dynamic subnet; empty means none (a custom pool);
/// otherwise it must be a subnet in the data.
pub fn read_netuid(raw: Option<&str>, snapshot: &Snapshot) -> Field<Option<u16>> {
    let Some(raw) = raw else {
        let default = snapshot.deepest_dynamic_subnet().map(|s| s.netuid);
        return Field::new(
            default.map(|n| n.to_string()).unwrap_or_default(),
            Ok(default),
        );
    };
    if raw.trim().is_empty() {
        return Field::new(raw, Ok(None));
    }
    let value = parse_whole(raw, 0, u64::from(u16::MAX))
        .map_err(|e| format!("Not a subnet number: {e}"))
        .and_then(|n| {
            let n = n as u16;
            match snapshot.subnet(n) {
                Some(_) => Ok(Some(n)),
                None => Err(format!(
                    "Subnet {n} is not in this data ({} subnets, netuid {} to {}).",
                    snapshot.subnets.len(),
                    snapshot.subnets.iter().map(|s| s.netuid).min().unwrap_or(0),
                    snapshot.subnets.iter().map(|s| s.netuid).max().unwrap_or(0),
                )),
            }
        });
    Field::new(raw, value)
}
