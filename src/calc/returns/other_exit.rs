//! The two exits side by side when they disagree: the result shown sells into the pool back at
//! today's price by default; when selling into the pool as the stake left it (the price the
//! user's own stake pushed up, held) differs by more than a tenth of the position, the summary
//! says so and names the assumption. Pure.

use crate::calc::format::Style;
use crate::model::num::units::rao_to_decimal;
use crate::model::staking::returns::{headline, ExitFrom, Projection, ReturnsInputs, Start};
use rust_decimal::Decimal;

/// The other exit's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherExit {
    pub exit_from: ExitFrom,
    pub net_tao: Decimal,
    pub net_pct: Decimal,
}

impl OtherExit {
    /// The sentence the summary shows.
    pub fn sentence(&self, days: &str, style: Style) -> String {
        let result = format!(
            "{} TAO ({})",
            super::figures::signed_tokens(self.net_tao, style),
            crate::calc::format::signed_pct(self.net_pct, style)
        );
        match self.exit_from {
            ExitFrom::Entry => format!(
                "If the price your own stake pushed up held until you sell (the exit into the pool as your stake left it), the result after {days} would be {result}. That assumes others never sell it back down."
            ),
            ExitFrom::Before => format!(
                "If the price came back to where it was before your stake (the exit into the pool at today's price), the result after {days} would be {result}."
            ),
        }
    }
}

/// The other exit's result when it differs from `shown`'s by more than a tenth of the position
/// (only a stake has an entry to differ by).
pub fn other_exit(inputs: &ReturnsInputs, shown: &Projection) -> Option<OtherExit> {
    let Start::Tao(staked) = inputs.start else {
        return None;
    };
    let other = match inputs.exit_from {
        ExitFrom::Entry => ExitFrom::Before,
        ExitFrom::Before => ExitFrom::Entry,
    };
    let alternative = headline(&ReturnsInputs {
        exit_from: other,
        ..*inputs
    })
    .ok()?;
    let theirs = alternative.horizon.exit.ok()?;
    let ours = shown.headline.horizon.exit.as_ref().ok()?;
    let tenth = rao_to_decimal(staked) / Decimal::TEN;
    ((theirs.net_tao - ours.net_tao).abs() > tenth).then_some(OtherExit {
        exit_from: other,
        net_tao: theirs.net_tao,
        net_pct: theirs.net_pct,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::returns::form::ReturnsForm;
    use crate::model::staking::returns::project;
    use crate::snapshot::bundled::bundled;

    fn inputs(query: &[(&str, &str)]) -> ReturnsInputs {
        let snapshot = bundled();
        ReturnsForm::read(crate::calc::query::getter(query), &snapshot)
            .inputs(&snapshot)
            .unwrap()
    }

    #[test]
    fn a_thin_pool_shows_both_exits_and_a_deep_one_only_its_own() {
        // Subnet 16 at 250 TAO: the stake moves the price by nearly double; held, it would show
        // a gain, at today's price it is a loss.
        let thin = inputs(&[("netuid", "16"), ("amount", "250")]);
        assert_eq!(thin.exit_from, ExitFrom::Before);
        let shown = project(&thin).unwrap();
        let net = shown.headline.horizon.exit.as_ref().unwrap().net_tao;
        assert!(net < Decimal::ZERO, "{net}");
        let other = other_exit(&thin, &shown).unwrap();
        assert_eq!(other.exit_from, ExitFrom::Entry);
        assert!(other.net_tao > Decimal::ZERO);
        // The other's figure is the returns calculator's with that exit, exactly.
        let entry = project(&ReturnsInputs {
            exit_from: ExitFrom::Entry,
            ..thin
        })
        .unwrap();
        assert_eq!(other.net_tao, entry.headline.horizon.exit.unwrap().net_tao);
        assert!(other
            .sentence("365 days", Style::READABLE)
            .contains("as your stake left it"));
        let deep = inputs(&[("netuid", "64"), ("amount", "100")]);
        assert_eq!(other_exit(&deep, &project(&deep).unwrap()), None);
    }
}
