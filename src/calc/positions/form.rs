//! The positions calculator's inputs, read from the URL: whose positions (`coldkeys`) and,
//! offline, a positions file to load by link (`positions`, as `snapshot` loads subnet data).

use crate::calc::field::Field;
use crate::calc::param::{Default, Described, Doc, Param};
use crate::calc::typed::InputError;
use crate::snapshot::positions::address;

pub const COLDKEYS: Param<Vec<String>> = Param {
    key: "coldkeys",
    label: "Wallet addresses (coldkeys)",
    default: Default::Blank,
    unit: "SS58, comma separated",
    about: "The coldkeys whose stakes are valued, at most 16; each address's checksum and network prefix (42) are checked. Live mode sends them to the node you chose and nowhere else.",
    parse: |t| address::parse_list(t).map_err(InputError::Invalid),
};

pub const POSITIONS: Described = Described {
    key: "positions",
    label: "Positions from a URL",
    default: "none",
    unit: "URL",
    about: "A positions file to load when the page opens (dtao-positions/1, or btcli's stake list --json-output); the site must allow it (CORS).",
};

pub fn docs() -> Vec<Doc> {
    vec![COLDKEYS.doc(), POSITIONS.doc()]
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PositionsForm {
    /// The addresses typed, checked; empty when none.
    pub coldkeys: Field<Vec<String>>,
}

impl PositionsForm {
    pub fn read(get: impl Fn(&str) -> Option<String>) -> Self {
        PositionsForm {
            coldkeys: COLDKEYS.read(&get),
        }
    }

    /// The addresses, when they read (none typed: an empty list).
    pub fn addresses(&self) -> Option<&[String]> {
        self.coldkeys.value.as_deref().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_read_and_a_bad_one_is_named_next_to_the_field() {
        let alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
        let form = PositionsForm::read(|k| (k == "coldkeys").then(|| format!(" {alice} ")));
        assert_eq!(form.addresses(), Some(&[alice.to_string()][..]));
        let none = PositionsForm::read(|_| None);
        assert_eq!(none.addresses(), Some(&[][..]));
        let bad = PositionsForm::read(|k| (k == "coldkeys").then(|| format!("{alice},5Grwvb")));
        assert_eq!(bad.addresses(), None);
        let message = bad.coldkeys.value.unwrap_err();
        assert!(message.starts_with("Address 2:"), "{message}");
    }
}
