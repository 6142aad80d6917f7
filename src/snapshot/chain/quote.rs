//! The chain's own quote of a trade: `SwapRuntimeApi_sim_swap_tao_for_alpha` (stake) or
//! `sim_swap_alpha_for_tao` (unstake), asked at the block the figures were read at, so the
//! pool page can show the chain's number beside its own. What the answer means follows the
//! runtime (RaoFoundation/subtensor `runtime/src/lib.rs`, `impl SwapRuntimeApi`, and
//! `pallets/swap/src/pallet/impls.rs`, `sim_swap`): the amount is gross, the fee comes off it
//! first, the default price limit applies (as a plain `add_stake` / `remove_stake`); for a
//! stake `tao_amount` is the TAO swapped after the fee, `tao_fee` the fee and `alpha_amount`
//! the alpha the stake credits; for an unstake `alpha_amount` is the alpha swapped after the
//! fee, `alpha_fee` the fee and `tao_amount` the TAO paid to the staker (the fee's alpha is sold
//! afterwards for the block author). Any swap error answers all zeros.

use super::error::LiveError;
use super::metadata::{encode, Arg, CallSchema, Named, Schema};
use super::rpc::{Answers, Call};
use super::runtime::{spec_version, SchemaStore};
use super::state::{call_bytes, state_call};
use super::wanted::{SIM_BUY, SIM_SELL};
use serde_json::json;
use std::future::Future;

/// Which way the trade goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// TAO in, alpha out.
    Stake,
    /// Alpha in, TAO out.
    Unstake,
}

/// What the chain quotes, in rao.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainQuote {
    Quoted {
        /// The input swapped, after the fee.
        swapped_rao: u64,
        fee_rao: u64,
        out_rao: u64,
    },
    /// All zeros: the chain's swap would refuse this trade.
    Refused,
}

/// The runtime call that quotes `side`, as this runtime has it.
fn sim_call(schema: &Schema, side: Side) -> Result<(&'static str, &CallSchema), LiveError> {
    let name = match side {
        Side::Stake => SIM_BUY,
        Side::Unstake => SIM_SELL,
    };
    let call = schema.call(name).ok_or_else(|| LiveError::Runtime {
        spec: schema.spec_version,
        why: format!("it has no runtime call {name}"),
    })?;
    Ok((name, call))
}

/// The call for `amount_rao` into subnet `netuid`'s pool at block `at`.
pub fn quote_call(
    schema: &Schema,
    side: Side,
    netuid: u16,
    amount_rao: u64,
    at: &str,
) -> Result<Call, LiveError> {
    let (name, call) = sim_call(schema, side)?;
    let runtime = |why: String| LiveError::Runtime {
        spec: schema.spec_version,
        why,
    };
    let [netuid_type, amount_type] = call.inputs[..] else {
        return Err(runtime(format!("{name} takes other arguments")));
    };
    let mut args = encode::encode(&schema.types, netuid_type, &Arg::Uint(u128::from(netuid)))
        .map_err(runtime)?;
    args.extend(
        encode::encode(
            &schema.types,
            amount_type,
            &Arg::Uint(u128::from(amount_rao)),
        )
        .map_err(runtime)?,
    );
    Ok(state_call(name, &args, at))
}

/// The chain's answer to [`quote_call`].
pub fn read_quote(schema: &Schema, side: Side, answers: Answers) -> Result<ChainQuote, LiveError> {
    let (name, call) = sim_call(schema, side)?;
    let runtime = |why: String| LiveError::Runtime {
        spec: schema.spec_version,
        why,
    };
    let answer = answers
        .into_iter()
        .next()
        .unwrap_or_else(|| Err(LiveError::reply("state_call", "no answer")))?;
    let value = schema
        .answer(call, &call_bytes(&answer)?)
        .map_err(|e| runtime(format!("{name}'s answer does not read as its type ({e})")))?;
    let result = Named::new("SimSwapResult", &value);
    let field = |f: &str| result.number::<u64>(f).map_err(runtime);
    let (tao, alpha, tao_fee, alpha_fee) = (
        field("tao_amount")?,
        field("alpha_amount")?,
        field("tao_fee")?,
        field("alpha_fee")?,
    );
    if tao == 0 && alpha == 0 && tao_fee == 0 && alpha_fee == 0 {
        return Ok(ChainQuote::Refused);
    }
    Ok(match side {
        Side::Stake => ChainQuote::Quoted {
            swapped_rao: tao,
            fee_rao: tao_fee,
            out_rao: alpha,
        },
        Side::Unstake => ChainQuote::Quoted {
            swapped_rao: alpha,
            fee_rao: alpha_fee,
            out_rao: tao,
        },
    })
}

/// Ask the chain for its quote at block `at`: the runtime there (genesis and version, then
/// its schema, kept or fetched once), then the quote.
pub async fn quote<F, Fut>(
    store: &dyn SchemaStore,
    at: &str,
    side: Side,
    netuid: u16,
    amount_rao: u64,
    mut ask: F,
) -> Result<ChainQuote, LiveError>
where
    F: FnMut(Vec<Call>) -> Fut,
    Fut: Future<Output = Result<Answers, LiveError>>,
{
    let first = super::rpc::all(
        ask(vec![
            Call::new("chain_getBlockHash", json!([0])),
            Call::new("state_getRuntimeVersion", json!([at])),
        ])
        .await?,
    )?;
    let genesis = first
        .first()
        .and_then(|g| g.as_str())
        .ok_or_else(|| LiveError::reply("chain_getBlockHash", "no genesis hash"))?
        .to_string();
    let spec = spec_version(&first[1])?;
    let schema = super::runtime::schema(store, &genesis, spec, at, &|_| {}, &mut ask).await?;
    let call = quote_call(&schema, side, netuid, amount_rao, at)?;
    read_quote(&schema, side, ask(vec![call]).await?)
}
