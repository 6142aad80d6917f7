//! The parameters of the app around the calculators: which calculator, how it is shown, which
//! data it uses and how the subnet list is sorted.

use crate::ui::param::{Described, Doc};

pub const CALC: Described = Described {
    key: "calc",
    label: "Calculator",
    default: "pool",
    unit: "pool | returns | take | conviction",
    about: "Which calculator the page opens on.",
};
pub const EMBED: Described = Described {
    key: "embed",
    label: "Embedded",
    default: "0",
    unit: "0 or 1",
    about:
        "1: only the calculator, a compact data line and a link to the full app (for an iframe).",
};
pub const SNAPSHOT: Described = Described {
    key: "snapshot",
    label: "Data from a URL",
    default: "the bundled snapshot",
    unit: "",
    about:
        "A JSON file to load (our format or one the importers read); the site must allow it (CORS).",
};
pub const SORT: Described = Described {
    key: "sort",
    label: "Sort subnets by",
    default: "tao",
    unit: "tao | price | netuid",
    about: "The subnet list's order.",
};

/// The app's parameters, for the docs.
pub fn docs() -> Vec<Doc> {
    vec![CALC.doc(), EMBED.doc(), SNAPSHOT.doc(), SORT.doc()]
}
