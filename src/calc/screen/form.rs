//! The screener's inputs, read from the URL: the position every subnet is measured at (amount,
//! holding period, take, price change: the returns calculator's own parameters), the slippage
//! the largest trades are held to, and the table's order, search and depth filter.

use super::sort::{read_sort, SortKey, SORT};
use crate::calc::field::Field;
use crate::calc::param::{Choice, Default, Doc, Param};
use crate::calc::pool_source::NETUID;
use crate::calc::returns::form::{Position, PRICE_CHANGE};
use crate::calc::shared_params::{self, DAYS, TAKE};
use crate::calc::typed::{parse_bounded, Bounds};
use crate::calc::{pool, returns};
use crate::model::staking::returns::ExitFrom;
use rust_decimal::Decimal;

pub const AMOUNT: Param<u64> = Param {
    about: "The TAO you would stake, the same in every subnet.",
    ..shared_params::AMOUNT
};
/// The pool calculator's own: the largest trades within it are that calculator's figure.
pub const MAX_SLIP: Param<Decimal> = Param {
    about:
        "For the largest stake and exit per subnet: slippage against the spot price, fee included.",
    ..pool::form::MAX_SLIP
};
/// The returns calculator's choice, with the same default: the screener counts both legs'
/// costs in full (the price back where it was when you sell, as others' trades bring it).
pub const EXIT_FROM: Choice<ExitFrom> = Choice {
    about: "Which pool the exit swap meets. The default is the pool back at today's price, as on the returns calculator, so the costs of getting in and out count in full; a row's links carry the choice.",
    ..returns::form::EXIT_FROM
};
pub const QUERY: Param<String> = Param {
    key: "q",
    label: "Search",
    default: Default::Blank,
    unit: "",
    about: "Shows the subnets whose netuid starts with it, or whose name or symbol contains it.",
    parse: |t| Ok(t.trim().chars().take(64).collect()),
};
pub const MIN_TAO: Param<Decimal> = Param {
    key: "min_tao",
    label: "Hide pools under",
    default: Default::Blank,
    unit: "TAO",
    about: "Hides the subnets with less TAO in their pool.",
    parse: |t| {
        parse_bounded(
            t,
            Bounds::new(Decimal::ZERO, true, Decimal::from(21_000_000), 9),
        )
    },
};

/// The parameters the returns calculator reads the same way: a row is the returns calculator
/// on its subnet with these, so a row's link carries exactly them.
pub const POSITION_KEYS: [&str; 4] = [AMOUNT.key, DAYS.key, TAKE.key, PRICE_CHANGE.key];

pub fn docs() -> Vec<Doc> {
    vec![
        AMOUNT.doc(),
        DAYS.doc(),
        TAKE.doc(),
        PRICE_CHANGE.doc(),
        EXIT_FROM.doc(),
        MAX_SLIP.doc(),
        SORT.doc(),
        QUERY.doc(),
        MIN_TAO.doc(),
    ]
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScreenForm {
    pub amount: Field<u64>,
    pub days: Field<u32>,
    pub take: Field<Decimal>,
    pub price_change: Field<Decimal>,
    pub exit_from: Field<ExitFrom>,
    /// Percent.
    pub max_slip: Field<Decimal>,
    pub sort: Field<SortKey>,
    pub query: Field<Option<String>>,
    pub min_tao: Field<Option<Decimal>>,
    /// The position parameters as the link gives them, for each row's link.
    pub position_given: Vec<(&'static str, String)>,
}

impl ScreenForm {
    pub fn read(get: impl Fn(&str) -> Option<String>) -> Self {
        ScreenForm {
            amount: AMOUNT.read(&get),
            days: DAYS.read(&get),
            take: TAKE.read(&get),
            price_change: PRICE_CHANGE.read(&get),
            exit_from: EXIT_FROM.read(&get),
            max_slip: MAX_SLIP.read(&get),
            sort: read_sort(get(SORT.key).as_deref()),
            query: QUERY.read_optional(&get),
            min_tao: MIN_TAO.read_optional(&get),
            position_given: POSITION_KEYS
                .into_iter()
                .filter_map(|k| get(k).map(|v| (k, v)))
                .collect(),
        }
    }

    /// Whether every parameter of the position reads.
    pub fn position_ok(&self) -> bool {
        self.amount.ok().is_some()
            && self.days.ok().is_some()
            && self.take.ok().is_some()
            && self.price_change.ok().is_some()
            && self.exit_from.ok().is_some()
    }

    /// The position every row holds, as the returns calculator reads it.
    pub fn position(&self) -> Position {
        Position {
            amount: self.amount.clone(),
            days: self.days.clone(),
            take: self.take.clone(),
            price_change: self.price_change.clone(),
            exit_from: self.exit_from.clone(),
        }
    }

    /// A row's link to subnet `netuid`'s returns calculator: the subnet, the position's
    /// parameters as the visitor gave them (absent ones take the same defaults there) and the
    /// exit's pool, always written, since the two calculators' defaults differ. Links only: the
    /// rows themselves are built from `position`.
    pub fn link_query(&self, netuid: u16) -> Vec<(String, String)> {
        let mut pairs = vec![(NETUID.key.to_string(), netuid.to_string())];
        pairs.extend(
            self.position_given
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone())),
        );
        let exit = match self.exit_from.ok() {
            Some(e) => e.as_param().to_string(),
            None => self.exit_from.text.clone(),
        };
        pairs.push((EXIT_FROM.key.to_string(), exit));
        pairs
    }

    /// The search text, lower case.
    pub fn search(&self) -> String {
        self.query.ok().flatten().unwrap_or_default().to_lowercase()
    }
}
