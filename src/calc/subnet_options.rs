//! The subnets as `(value, text)` options of a plain select (the take page's switching target,
//! the pool page's move): netuid, name and TAO in pool.

use crate::model::num::units::rao_to_decimal;
use crate::model::words::group_thousands;
use crate::snapshot::Snapshot;

/// `(value, text)` options for a subnet list.
pub fn subnet_options(snapshot: &Snapshot, empty: &str) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), empty.to_string())];
    options.extend(snapshot.subnets.iter().map(|s| {
        let tao = rao_to_decimal(s.tao_in_rao).round();
        (
            s.netuid.to_string(),
            format!(
                "{} · {} · {} TAO",
                s.netuid,
                s.name,
                group_thousands(&tao.to_string())
            ),
        )
    }));
    options
}
