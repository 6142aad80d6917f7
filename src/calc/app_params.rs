//! The parameters of the app around the calculators: which calculator, how it is shown, which
//! data it uses and how the subnet list is sorted.

use crate::calc::param::{Described, Doc};

pub const CALC: Described = Described {
    key: "calc",
    label: "Calculator",
    default: "pool",
    unit: "pool | returns | take | conviction | screen | positions",
    about: "Which calculator the page opens on.",
};
pub const EMBED: Described = Described {
    key: "embed",
    label: "Embedded",
    default: "0",
    unit: "0, 1 or full",
    about: "1: a compact calculator for an iframe in a post (its summary, the two or three inputs a reader changes, one chart and a link to the full calculator); full: the whole calculator, without the site around it.",
};
pub const EXACT: Described = Described {
    key: "exact",
    label: "Exact figures",
    default: "0",
    unit: "0 or 1",
    about: "1: every amount to the rao and percentages to three decimals, instead of about six significant digits.",
};
pub const SNAPSHOT: Described = Described {
    key: "snapshot",
    label: "Data from a URL",
    default: "the bundled snapshot",
    unit: "",
    about:
        "A JSON file to load (our format or one the importers read); the site must allow it (CORS).",
};
pub const LIVE: Described = Described {
    key: "live",
    label: "Live from the chain",
    default: "0",
    unit: "0 or 1",
    about: "1: read current figures from a Subtensor node over WebSocket when the page opens (the host's CSP must allow connect-src to the node).",
};
pub const RPC: Described = Described {
    key: "rpc",
    label: "Chain endpoint",
    default: crate::snapshot::chain::FINNEY,
    unit: "ws:// or wss:// URL",
    about: "The node the live mode reads; the panel remembers the last one used.",
};
pub const SORT: Described = Described {
    key: "sort",
    label: "Sort subnets by",
    default: "tao",
    unit: "tao | price | netuid",
    about: "The subnet list's order (on the screener: the table's, see its parameters).",
};

/// What is wrong with an `embed` value, when something is: it is shown as the whole page.
pub fn embed_problem(embed: Option<&str>) -> Option<String> {
    match embed.map(str::trim) {
        None | Some("" | "0" | "1" | "full") => None,
        Some(other) => Some(format!(
            "Embedded: “{}” is not 0, 1 or full; showing the whole page.",
            crate::model::words::shorten(other)
        )),
    }
}

/// How much of a calculator an embed shows (`embed`): compact unless `full` is asked for.
pub fn compact_embed(embed: Option<&str>) -> bool {
    embed.map(str::trim) != Some("full")
}

#[cfg(test)]
mod embed_tests {
    #[test]
    fn an_unknown_embed_value_is_named() {
        for fine in [None, Some("0"), Some("1"), Some(" full "), Some("")] {
            assert_eq!(super::embed_problem(fine), None);
        }
        assert_eq!(
            super::embed_problem(Some("yes")).unwrap(),
            "Embedded: “yes” is not 0, 1 or full; showing the whole page."
        );
    }
}

/// Which calculator the `calc` parameter asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Calc {
    Pool,
    Returns,
    Take,
    Conviction,
    Screen,
    Positions,
}

impl Calc {
    pub const ALL: [Calc; 6] = [
        Calc::Pool,
        Calc::Returns,
        Calc::Take,
        Calc::Conviction,
        Calc::Screen,
        Calc::Positions,
    ];

    pub fn param(self) -> &'static str {
        match self {
            Calc::Pool => "pool",
            Calc::Returns => "returns",
            Calc::Take => "take",
            Calc::Conviction => "conviction",
            Calc::Screen => "screen",
            Calc::Positions => "positions",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Calc::Pool => "Pool slippage",
            Calc::Returns => "Staking returns",
            Calc::Take => "Delegation take",
            Calc::Conviction => "Conviction locks",
            Calc::Screen => "Compare subnets",
            Calc::Positions => "Your positions",
        }
    }
}

impl Calc {
    /// The calculator for a `calc` value, or the message for an unknown one (the pool
    /// calculator is shown then).
    pub fn from_param(raw: Option<&str>) -> (Calc, Option<String>) {
        match raw.map(str::trim) {
            None | Some("") | Some("pool") => (Calc::Pool, None),
            Some("returns") => (Calc::Returns, None),
            Some("take") => (Calc::Take, None),
            Some("conviction") => (Calc::Conviction, None),
            Some("screen") => (Calc::Screen, None),
            Some("positions") => (Calc::Positions, None),
            Some(other) => {
                let shown = crate::model::words::shorten(other);
                (
                    Calc::Pool,
                    Some(format!(
                        "Unknown calculator “{shown}” in the link; showing the pool calculator."
                    )),
                )
            }
        }
    }
}

/// The app's parameters, for the docs.
pub fn docs() -> Vec<Doc> {
    vec![
        CALC.doc(),
        EMBED.doc(),
        EXACT.doc(),
        SNAPSHOT.doc(),
        LIVE.doc(),
        RPC.doc(),
        SORT.doc(),
    ]
}
