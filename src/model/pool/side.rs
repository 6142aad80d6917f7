//! Which way a trade goes through the pool.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// Buy alpha with TAO (`add_stake`).
    Stake,
    /// Sell alpha for TAO (`remove_stake`).
    Unstake,
}

impl Side {
    /// The token paid in.
    pub fn input_token(self) -> &'static str {
        match self {
            Side::Stake => "TAO",
            Side::Unstake => "alpha",
        }
    }

    /// The token paid out.
    pub fn output_token(self) -> &'static str {
        match self {
            Side::Stake => "alpha",
            Side::Unstake => "TAO",
        }
    }

    pub fn as_param(self) -> &'static str {
        match self {
            Side::Stake => "stake",
            Side::Unstake => "unstake",
        }
    }

    pub fn from_param(s: &str) -> Option<Side> {
        match s {
            "stake" => Some(Side::Stake),
            "unstake" => Some(Side::Unstake),
            _ => None,
        }
    }

    pub fn opposite(self) -> Side {
        match self {
            Side::Stake => Side::Unstake,
            Side::Unstake => Side::Stake,
        }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_param())
    }
}
