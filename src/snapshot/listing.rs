//! The subnet list a picker shows: search by netuid, name or symbol, and sort by TAO in pool,
//! price or netuid, with TAO in pool, price and emission per row.

use super::Snapshot;
use crate::model::num::dec::DecimalOps;
use crate::model::num::units::rao_to_decimal;
use rust_decimal::Decimal;

/// Blocks a day at 12 s per block.
pub const BLOCKS_PER_DAY: u32 = 7_200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    TaoInPool,
    Price,
    Netuid,
}

impl SortBy {
    pub fn from_param(raw: Option<&str>) -> Result<SortBy, String> {
        match raw.map(str::trim) {
            None | Some("") | Some("tao") => Ok(SortBy::TaoInPool),
            Some("price") => Ok(SortBy::Price),
            Some("netuid") => Ok(SortBy::Netuid),
            Some(other) => Err(format!(
                "Unknown sort “{}”: use tao, price or netuid.",
                crate::model::words::shorten(other)
            )),
        }
    }

    pub fn as_param(self) -> &'static str {
        match self {
            SortBy::TaoInPool => "tao",
            SortBy::Price => "price",
            SortBy::Netuid => "netuid",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    pub netuid: u16,
    pub name: String,
    pub symbol: String,
    pub tao_in: Decimal,
    /// Spot price, TAO per alpha.
    pub price: Decimal,
    /// TAO the chain adds to the pool per day (`tao_in_emission` per block x 7,200), if known.
    pub tao_per_day: Option<Decimal>,
}

/// Whether a subnet matches what was typed: its netuid, or part of its name or symbol.
fn matches(row: &Row, query: &str) -> bool {
    if query.is_empty() {
        return true;
    }
    let netuid = row.netuid.to_string();
    if query.chars().all(|c| c.is_ascii_digit()) {
        return netuid.starts_with(query);
    }
    row.name.to_lowercase().contains(query) || row.symbol.to_lowercase().contains(query)
}

pub fn rows(snapshot: &Snapshot, query: &str, sort: SortBy) -> Vec<Row> {
    let query = query.trim().to_lowercase();
    let query = query
        .strip_prefix("sn")
        .filter(|q| q.chars().all(|c| c.is_ascii_digit()) && !q.is_empty())
        .unwrap_or(&query);
    let mut rows: Vec<Row> = snapshot
        .subnets
        .iter()
        .map(|s| Row {
            netuid: s.netuid,
            name: s.name.clone(),
            symbol: s.symbol.clone(),
            tao_in: rao_to_decimal(s.tao_in_rao),
            price: s.pool().map(|p| p.spot_price()).unwrap_or_default(),
            tao_per_day: s
                .tao_in_emission
                .and_then(|e| e.try_mul(Decimal::from(BLOCKS_PER_DAY))),
        })
        .filter(|row| matches(row, query))
        .collect();
    match sort {
        SortBy::TaoInPool => crate::model::order::sort_by(&mut rows, |a, b| {
            b.tao_in.cmp(&a.tao_in).then(a.netuid.cmp(&b.netuid))
        }),
        SortBy::Price => crate::model::order::sort_by(&mut rows, |a, b| {
            b.price.cmp(&a.price).then(a.netuid.cmp(&b.netuid))
        }),
        SortBy::Netuid => crate::model::order::sort_by_key(&mut rows, |r| r.netuid),
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::bundled::bundled;

    #[test]
    fn search_and_sort() {
        let s = bundled();
        let by_tao = rows(&s, "", SortBy::TaoInPool);
        assert_eq!(by_tao.len(), 129);
        assert_eq!(by_tao[0].netuid, 0);
        assert_eq!(by_tao[1].netuid, 64);
        assert!(by_tao.windows(2).all(|w| w[0].tao_in >= w[1].tao_in));
        let by_netuid = rows(&s, "", SortBy::Netuid);
        assert!(by_netuid.windows(2).all(|w| w[0].netuid < w[1].netuid));
        let by_price = rows(&s, "", SortBy::Price);
        assert!(by_price.windows(2).all(|w| w[0].price >= w[1].price));

        let chutes = rows(&s, "chUTes", SortBy::Netuid);
        assert_eq!(chutes.len(), 1);
        assert_eq!(chutes[0].netuid, 64);
        assert_eq!(chutes[0].tao_per_day, Some(Decimal::new(89_731_792_800, 9)));
        assert_eq!(rows(&s, "64", SortBy::Netuid)[0].netuid, 64);
        assert_eq!(rows(&s, "sn64", SortBy::Netuid)[0].netuid, 64);
        assert!(rows(&s, "12", SortBy::Netuid)
            .iter()
            .all(|r| r.netuid.to_string().starts_with("12")));
        assert_eq!(rows(&s, "ش", SortBy::Netuid)[0].netuid, 64);
        assert!(rows(&s, "no such subnet", SortBy::Netuid).is_empty());
        assert_eq!(SortBy::from_param(Some("price")), Ok(SortBy::Price));
        assert!(SortBy::from_param(Some("size")).is_err());
    }
}
