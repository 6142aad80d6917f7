//! The subnet a calculator works on (`netuid`), read against the data in use.

use crate::calc::field::Field;
use crate::calc::param::Described;
use crate::calc::typed::parse_whole;
use crate::snapshot::Snapshot;

/// `netuid`: absent means the deepest dynamic subnet; empty means none (a custom pool).
pub const NETUID: Described = Described {
    key: "netuid",
    label: "Subnet",
    default: "the deepest dynamic subnet",
    unit: "",
    about: "The subnet whose pool and figures the calculator uses; empty for a pool typed by hand.",
};
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
