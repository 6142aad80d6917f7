//! The chain checks the calculator: in live mode the pool page asks the node for its own quote
//! of the same plain trade (`SwapRuntimeApi_sim_swap_*`, at the block the figures were read
//! at) and says whether it agrees to the rao. Pure: what to ask, and the verdict.

use super::form::PoolForm;
use crate::calc::format;
use crate::calc::format::Style;
use crate::model::num::units::{format_rao, rao_to_decimal};
use crate::model::pool::rejection::Rejection;
use crate::model::pool::side::Side;
use crate::model::pool::swap::swap;
use crate::model::words::group_thousands;
use crate::snapshot::chain::keys::hex;
use crate::snapshot::chain::quote::{self, ChainQuote};
use crate::snapshot::Snapshot;

/// What to ask the chain: a plain trade on a subnet's pool at a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteAsk {
    pub endpoint: String,
    /// The block read, as hex.
    pub at: String,
    pub netuid: u16,
    pub side: Side,
    pub amount_rao: u64,
}

impl QuoteAsk {
    pub fn side(&self) -> quote::Side {
        match self.side {
            Side::Stake => quote::Side::Stake,
            Side::Unstake => quote::Side::Unstake,
        }
    }
}

/// Why the chain is not asked, when it is not.
pub fn ask(
    form: &PoolForm,
    snapshot: &Snapshot,
    endpoint: Option<&str>,
) -> Result<QuoteAsk, &'static str> {
    let endpoint = endpoint.ok_or("Read live data to have the chain quote this trade itself.")?;
    let at = snapshot
        .runtime
        .block_hash
        .ok_or("This data does not name its block, so the chain cannot quote at it.")?;
    let netuid = form
        .source
        .netuid
        .ok()
        .flatten()
        .ok_or("The chain quotes a subnet's own pool; this one is typed by hand.")?;
    let subnet = snapshot
        .subnet(netuid)
        .ok_or("The subnet is not in the data.")?;
    let own = subnet.pool().ok();
    if form.source.pool.as_ref().ok() != own.as_ref() {
        return Err("The chain quotes the subnet's own pool; this page's pool is edited.");
    }
    let (Ok(side), Ok(amount_rao)) = (form.side.value.clone(), form.amount.value.clone()) else {
        return Err("Fix the trade's fields to have the chain quote it.");
    };
    Ok(QuoteAsk {
        endpoint: endpoint.to_string(),
        at: hex(&at),
        netuid,
        side,
        amount_rao,
    })
}

/// The chain's quote beside the calculator's: its amount out (decimal, for `data-value`) and
/// the sentence saying whether they agree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub chain_out: Option<String>,
    pub text: String,
    /// The chain's amount out less the calculator's, in rao, when both quote.
    pub difference_rao: Option<i128>,
}

/// Compare the chain's quote of `ask` with the calculator's own plain trade on `form`'s pool.
pub fn verdict(form: &PoolForm, ask: &QuoteAsk, chain: &ChainQuote, style: Style) -> Verdict {
    let ours: Result<_, Rejection> = form
        .source
        .pool
        .as_ref()
        .map_err(|_| Rejection::OutOfRange)
        .and_then(|pool| swap(pool, ask.side, ask.amount_rao, None));
    let token = ask.side.output_token();
    match (chain, ours) {
        (ChainQuote::Quoted { out_rao, fee_rao, .. }, Ok(s)) => {
            let difference = i128::from(*out_rao) - i128::from(s.out_rao);
            let shown = format!("{} {token}", format::tokens(rao_to_decimal(*out_rao), style));
            let text = match difference {
                0 if *fee_rao == s.fee_rao => format!("The chain quotes {shown}: the same to the rao."),
                0 => format!(
                    "The chain quotes {shown}, the same to the rao, with a fee {} rao apart.",
                    i128::from(*fee_rao) - i128::from(s.fee_rao)
                ),
                d => format!(
                    "The chain quotes {shown}: {} rao {} than this calculator.",
                    group_thousands(&d.unsigned_abs().to_string()),
                    if d > 0 { "more" } else { "less" }
                ),
            };
            Verdict {
                chain_out: Some(format_rao(*out_rao)),
                text,
                difference_rao: Some(difference),
            }
        }
        (ChainQuote::Quoted { out_rao, .. }, Err(r)) => Verdict {
            chain_out: Some(format_rao(*out_rao)),
            text: format!(
                "The chain quotes {} {token}, while this calculator says it refuses the trade ({}).",
                format::tokens(rao_to_decimal(*out_rao), style),
                r.chain_name()
            ),
            difference_rao: None,
        },
        (ChainQuote::Refused, Err(r)) => Verdict {
            chain_out: Some("0".into()),
            text: format!("The chain's simulator refuses it too (all zeros), as this calculator does ({}).", r.chain_name()),
            difference_rao: None,
        },
        (ChainQuote::Refused, Ok(_)) => Verdict {
            chain_out: Some("0".into()),
            text: "The chain's simulator answers zeros: the chain would refuse this trade, which this calculator accepts.".into(),
            difference_rao: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::bundled::bundled;

    fn form(query: &[(&str, &str)], snapshot: &Snapshot) -> PoolForm {
        PoolForm::read(crate::calc::query::getter(query), snapshot)
    }

    fn live() -> Snapshot {
        let mut s = bundled();
        s.runtime.block_hash = Some([3; 32]);
        s
    }

    #[test]
    fn only_a_subnets_own_pool_at_a_named_block_is_asked() {
        let s = live();
        let f = form(&[("netuid", "64"), ("amount", "100")], &s);
        let ask = ask(&f, &s, Some("ws://x")).unwrap();
        assert_eq!(
            (ask.netuid, ask.side, ask.amount_rao),
            (64, Side::Stake, 100_000_000_000)
        );
        assert_eq!(ask.at, hex(&[3; 32]));
        assert!(super::ask(&f, &s, None).is_err());
        assert!(super::ask(&f, &bundled(), Some("ws://x")).is_err());
        let edited = form(&[("netuid", "64"), ("tao_in", "5")], &s);
        assert_eq!(
            super::ask(&edited, &s, Some("ws://x")).unwrap_err(),
            "The chain quotes the subnet's own pool; this page's pool is edited."
        );
        let custom = form(&[("netuid", ""), ("tao_in", "5"), ("alpha_in", "5")], &s);
        assert!(super::ask(&custom, &s, Some("ws://x")).is_err());
    }

    #[test]
    fn the_verdict_counts_the_rao() {
        let s = live();
        let f = form(&[("netuid", "64"), ("amount", "100")], &s);
        let ask = ask(&f, &s, Some("ws://x")).unwrap();
        let ours = swap(
            f.source.pool.as_ref().unwrap(),
            Side::Stake,
            ask.amount_rao,
            None,
        )
        .unwrap();
        let same = ChainQuote::Quoted {
            swapped_rao: ours.amount_in_rao,
            fee_rao: ours.fee_rao,
            out_rao: ours.out_rao,
        };
        let v = verdict(&f, &ask, &same, Style::READABLE);
        assert_eq!(v.difference_rao, Some(0));
        assert!(v.text.ends_with("the same to the rao."), "{}", v.text);
        assert_eq!(v.chain_out, Some(format_rao(ours.out_rao)));
        let more = ChainQuote::Quoted {
            swapped_rao: ours.amount_in_rao,
            fee_rao: ours.fee_rao,
            out_rao: ours.out_rao + 1,
        };
        let v = verdict(&f, &ask, &more, Style::READABLE);
        assert_eq!(v.difference_rao, Some(1));
        assert!(
            v.text.ends_with(": 1 rao more than this calculator."),
            "{}",
            v.text
        );
        let less = ChainQuote::Quoted {
            swapped_rao: 0,
            fee_rao: ours.fee_rao,
            out_rao: ours.out_rao - 12_345,
        };
        assert!(verdict(&f, &ask, &less, Style::READABLE)
            .text
            .ends_with(": 12,345 rao less than this calculator."));
        assert!(verdict(&f, &ask, &ChainQuote::Refused, Style::READABLE)
            .text
            .contains("would refuse"));
    }
}
