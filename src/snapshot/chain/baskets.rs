//! The root baskets read live (SPEC §2, "Root staking since Root Reborn"; `snapshot::basket`),
//! one part (`Part::Baskets`), where the runtime's metadata has
//! `BetaBasketRuntimeApi_get_all_validator_baskets` (spec 461 does, 393 not: then nothing is
//! asked and the baskets stay unknown). RaoFoundation/subtensor `runtime/src/lib.rs` at 005a8dc,
//! `impl BetaBasketRuntimeApi<Block> for Runtime`: `get_all_validator_baskets() ->
//! Vec<BasketSummary<AccountId32>>` (every key of `BasketShares`) and
//! `get_all_beta_pricing(start_after: Option<AccountId32>, limit: u32) ->
//! BetaPricingPage<AccountId32>` (every fund with shares, a page at a time). Both are asked in
//! a round of their own after the others (`read.rs`), the pricing from the start with limit 0
//! as the Python SDK asks it (bittensor 11.3.0 `reads/root.py`, `(cursor, 0)` until `next` is
//! `None`); a page that names a `next` is followed, a round each, up to [`MAX_PAGES`] pages in
//! all (funds past them stay unpriced). The round goes last and alone because every fund's NAV
//! is a sweep of simulated sales, the heaviest call of a read: a slow answer holds up nothing
//! else. The pricing joins the baskets by hotkey; values are read by name
//! (`basket_values.rs`).

use super::basket_values;
use super::error::LiveError;
use super::metadata::{encode, Arg, Schema, Value};
use super::pools::runtime;
use super::rpc::{Answers, Call};
use super::state::{call_bytes, state_call};
use super::wanted::{ALL_BASKETS, ALL_PRICING};
use crate::snapshot::basket::{BasketPricing, RootBasket};
use serde_json::Value as Json;
use std::collections::HashMap;
use std::future::Future;

/// The most pages of pricing one read asks for.
pub const MAX_PAGES: usize = 8;

/// Whether the runtime has the baskets.
pub fn in_runtime(schema: &Schema) -> bool {
    schema.call(ALL_BASKETS).is_some()
}

/// `get_all_beta_pricing`'s arguments, written as the runtime types them: the page after
/// `cursor` (from the start with `None`) of the size the chain allows (`limit` 0).
pub fn pricing_args(schema: &Schema, cursor: Option<[u8; 32]>) -> Result<Vec<u8>, String> {
    let call = schema
        .call(ALL_PRICING)
        .ok_or("it has no runtime call BetaBasketRuntimeApi_get_all_beta_pricing")?;
    let [after, limit] = call.inputs[..] else {
        return Err("get_all_beta_pricing takes other arguments than (start_after, limit)".into());
    };
    let cursor = match cursor {
        Some(c) => Arg::Some(Box::new(Arg::Account(c))),
        None => Arg::None,
    };
    let mut out = encode::encode(&schema.types, after, &cursor)
        .map_err(|e| format!("get_all_beta_pricing's start_after: {e}"))?;
    out.extend(
        encode::encode(&schema.types, limit, &Arg::Uint(0))
            .map_err(|e| format!("get_all_beta_pricing's limit: {e}"))?,
    );
    Ok(out)
}

/// The round's calls at block `at`: the baskets, and the pricing's first page where the
/// runtime has the call.
pub fn calls(schema: &Schema, at: &str) -> Vec<Call> {
    let mut calls = vec![state_call(ALL_BASKETS, &[], at)];
    if schema.call(ALL_PRICING).is_some() {
        // Arguments this runtime cannot take fail the part when read, with the reason.
        let args = pricing_args(schema, None).unwrap_or_default();
        calls.push(state_call(ALL_PRICING, &args, at));
    }
    calls
}

/// A call's answer decoded by its output type.
fn decoded(
    schema: &Schema,
    name: &str,
    answer: Result<Json, LiveError>,
) -> Result<(u32, Value), LiveError> {
    let call = schema
        .call(name)
        .ok_or_else(|| runtime(schema)(format!("it has no runtime call {name}")))?;
    let value = schema
        .answer(call, &call_bytes(&answer?)?)
        .map_err(|e| runtime(schema)(format!("{name} does not read as its type ({e})")))?;
    Ok((call.output, value))
}

/// What the round has read so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baskets {
    pub baskets: Vec<RootBasket>,
    /// By hotkey.
    pub pricing: HashMap<String, BasketPricing>,
    /// The cursor of the pricing's next page, and how many pages were read.
    pub next: Option<[u8; 32]>,
    pub pages: usize,
}

/// The first round's answers: the baskets, and the pricing's first page.
pub fn read_first(schema: &Schema, answers: Answers) -> Result<Baskets, LiveError> {
    let mut answers = answers.into_iter();
    let mut next = || {
        answers
            .next()
            .unwrap_or_else(|| Err(LiveError::reply("a batch", "no answer")))
    };
    let within = runtime(schema);
    let first = next();
    if schema
        .call(ALL_BASKETS)
        .is_some_and(|c| !c.inputs.is_empty())
    {
        return Err(within(
            "get_all_validator_baskets takes arguments now".into(),
        ));
    }
    let (_, list) = decoded(schema, ALL_BASKETS, first)?;
    let items = list
        .items()
        .ok_or_else(|| within(format!("{ALL_BASKETS}'s answer is not a list")))?;
    let mut read = Baskets {
        baskets: items
            .iter()
            .map(basket_values::summary)
            .collect::<Result<_, _>>()
            .map_err(&within)?,
        ..Baskets::default()
    };
    if schema.call(ALL_PRICING).is_some() {
        pricing_args(schema, None).map_err(&within)?;
        read.add_page(schema, next())?;
    }
    Ok(read)
}

impl Baskets {
    /// A page of pricing's answer.
    pub fn add_page(
        &mut self,
        schema: &Schema,
        answer: Result<Json, LiveError>,
    ) -> Result<(), LiveError> {
        let (output, value) = decoded(schema, ALL_PRICING, answer)?;
        let (pricing, next) =
            basket_values::page(&schema.types, output, &value).map_err(runtime(schema))?;
        self.pages += 1;
        self.pricing.extend(pricing);
        self.next = next;
        Ok(())
    }

    /// The next page's call, while the last page names one and fewer than [`MAX_PAGES`] were
    /// read.
    pub fn next_call(&self, schema: &Schema, at: &str) -> Option<Call> {
        let cursor = self.next.filter(|_| self.pages < MAX_PAGES)?;
        let args = pricing_args(schema, Some(cursor)).ok()?;
        Some(state_call(ALL_PRICING, &args, at))
    }

    /// Each basket with the chain's pricing of it, in the chain's order.
    pub fn joined(mut self) -> Vec<RootBasket> {
        for b in &mut self.baskets {
            b.pricing = self.pricing.remove(&b.hotkey);
        }
        self.baskets
    }
}

/// The whole part at block `at`: its first round, then each further page.
pub async fn read<F, Fut>(
    schema: &Schema,
    at: &str,
    ask: &mut F,
) -> Result<Vec<RootBasket>, LiveError>
where
    F: FnMut(Vec<Call>) -> Fut,
    Fut: Future<Output = Result<Answers, LiveError>>,
{
    let mut baskets = read_first(schema, ask(calls(schema, at)).await?)?;
    while let Some(call) = baskets.next_call(schema, at) {
        let answer = ask(vec![call])
            .await?
            .into_iter()
            .next()
            .unwrap_or_else(|| Err(LiveError::reply("a batch", "no answer")));
        baskets.add_page(schema, answer)?;
    }
    Ok(baskets.joined())
}
