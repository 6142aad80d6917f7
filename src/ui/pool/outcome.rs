//! What the pool page can say about the current trade: a quote, the chain's refusal, or the
//! fields to fix. Pure, beside the form it reads.

use super::form::PoolForm;
use crate::model::pool::quote::{quote, Quote};
use crate::model::pool::rejection::Rejection;

/// What the page can say about the current trade.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PoolOutcome {
    /// Some input is missing or wrong; the fields say which.
    Problem(String),
    /// The chain would refuse the trade.
    Rejected(Rejection),
    Quoted(Box<Quote>),
}

impl PoolOutcome {
    pub fn of(form: &PoolForm) -> Self {
        match form.trade() {
            Err(problem) => PoolOutcome::Problem(problem),
            Ok((pool, request)) => match quote(&pool, &request) {
                Ok(q) => PoolOutcome::Quoted(Box::new(q)),
                Err(r) => PoolOutcome::Rejected(r),
            },
        }
    }

    pub fn quote(&self) -> Option<&Quote> {
        match self {
            PoolOutcome::Quoted(q) => Some(q),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::bundled::bundled;

    #[test]
    fn the_default_trade_is_quoted_and_bad_fields_wait() {
        let snapshot = bundled();
        let form = PoolForm::read(|_| None, &snapshot);
        assert!(PoolOutcome::of(&form).quote().is_some());
        let bad = PoolForm::read(|k| (k == "amount").then(|| "x".to_string()), &snapshot);
        assert!(matches!(PoolOutcome::of(&bad), PoolOutcome::Problem(_)));
        let tiny = PoolForm::read(|k| (k == "amount").then(|| "0.0001".to_string()), &snapshot);
        assert!(matches!(PoolOutcome::of(&tiny), PoolOutcome::Rejected(_)));
    }
}
