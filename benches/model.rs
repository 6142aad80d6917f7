//! Native throughput of the model (run by tools/bench): pool quotes, 365-day return projections
//! and conviction-lock roll-forwards. Reported in the README; never asserted in tests.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use dtao_calc::calc::screen::form::ScreenForm;
use dtao_calc::calc::screen::pool_figures::pool_figures;
use dtao_calc::calc::screen::rows::{row_inputs, row_position, rows, rows_from};
use dtao_calc::model::conviction::takeover::{outlook, Gate};
use dtao_calc::model::conviction::{Lock, LockSpec, Mode, Rates};
use dtao_calc::model::num::units::RAO_PER_TAO;
use dtao_calc::model::pool::quote::quote;
use dtao_calc::model::pool::side::Side;
use dtao_calc::model::pool::trade::TradeRequest;
use dtao_calc::model::pool::weights::TaoWeight;
use dtao_calc::model::pool::Pool;
use dtao_calc::model::staking::emission::{default_take, validator_pool_per_epoch, SubnetYield};
use dtao_calc::model::staking::returns::{project, ExitFrom, ReturnsInputs, Start, YieldSpec};
use dtao_calc::snapshot::bundled::bundled;
use rust_decimal::Decimal;

fn chutes() -> Pool {
    Pool::dynamic(221_156_585_169_260, 2_542_377_601_566_700, TaoWeight::HALF).unwrap()
}

fn pool_quotes(c: &mut Criterion) {
    let even = chutes();
    let weighted = Pool::dynamic(
        221_156_585_169_260,
        2_542_377_601_566_700,
        TaoWeight::from_parts(400_000_000_000_000_000).unwrap(),
    )
    .unwrap();
    let stake = TradeRequest::plain(Side::Stake, 100 * RAO_PER_TAO);
    c.bench_function(
        "pool quote, even weights (stake 100 TAO, all figures)",
        |b| b.iter(|| quote(black_box(&even), black_box(&stake)).unwrap()),
    );
    c.bench_function(
        "pool quote, TAO weight 0.4 (stake 100 TAO, all figures)",
        |b| b.iter(|| quote(black_box(&weighted), black_box(&stake)).unwrap()),
    );
}

fn projection(others_compound: bool) -> ReturnsInputs {
    let pool_per_epoch = validator_pool_per_epoch(&SubnetYield {
        alpha_per_block: Decimal::ONE,
        alpha_issuance: Decimal::from(5_861_559),
        root_tao: Decimal::from(5_445_703),
        tao_weight: Decimal::new(18, 2),
        epoch_blocks: 360,
    })
    .unwrap();
    ReturnsInputs {
        pool: chutes(),
        start: Start::Tao(100 * RAO_PER_TAO),
        days: 365,
        yield_spec: YieldSpec::Derived {
            pool_per_epoch,
            other_stake: Decimal::from(3_319_182),
            take: default_take(),
            childkey_take: Decimal::ZERO,
            vtrust: Decimal::ONE,
            others_compound,
        },
        epoch_blocks: 360,
        price_change: Decimal::new(-10, 2),
        exit_from: ExitFrom::Entry,
    }
}

/// The screener's whole table: every subnet of the bundled data (129) at 100 TAO for a year,
/// each row the returns form read for its subnet, its headline, exit leg, largest trades and
/// cost-vs-yield search.
fn screener(c: &mut Criterion) {
    let snapshot = bundled();
    let form = ScreenForm::read(|_| None);
    c.bench_function("screener, all rows (129 subnets, 100 TAO, 365 days)", |b| {
        b.iter(|| rows(black_box(&form), black_box(&snapshot)))
    });
    // Typing an amount: each subnet's returns inputs, the largest trades and the
    // cost-vs-yield thresholds are kept, as the page keeps them.
    let pools = pool_figures(&form, &snapshot);
    let inputs = row_inputs(&row_position(&form), &snapshot);
    c.bench_function(
        "screener, all rows after an amount is typed (row inputs and pool figures kept)",
        |b| {
            b.iter(|| {
                rows_from(
                    black_box(&form),
                    black_box(&snapshot),
                    black_box(&inputs),
                    Some(black_box(&pools)),
                )
            })
        },
    );
    // The page's first draw: every row but its pool figures, which follow after a paint.
    c.bench_function("screener, first draw (rows without pool figures)", |b| {
        b.iter(|| {
            let inputs = row_inputs(&row_position(black_box(&form)), black_box(&snapshot));
            rows_from(&form, &snapshot, &inputs, None)
        })
    });
}

fn return_projections(c: &mut Criterion) {
    let constant = projection(false);
    let diluting = projection(true);
    c.bench_function(
        "365-day projection, constant rate (entry, exit, table, break-even, curve)",
        |b| b.iter(|| project(black_box(&constant)).unwrap()),
    );
    c.bench_function(
        "365-day projection, everyone compounds (entry, exit, table, break-even, curve)",
        |b| b.iter(|| project(black_box(&diluting)).unwrap()),
    );
}

fn lock_roll_forwards(c: &mut Criterion) {
    let lock = LockSpec {
        start: Lock {
            locked: Decimal::from(700_000),
            conviction: Decimal::ZERO,
        },
        mode: Mode::Decaying,
        rates: Rates {
            unlock: 934_866,
            maturity: 311_622,
        },
        owner_hotkey: false,
    };
    let owner = LockSpec {
        start: Lock {
            locked: Decimal::from(300_000),
            conviction: Decimal::from(300_000),
        },
        owner_hotkey: true,
        ..lock
    };
    c.bench_function("lock roll-forward (one horizon)", |b| {
        b.iter(|| black_box(&lock).after(black_box(648_000)).unwrap())
    });
    c.bench_function("lock outlook (horizon, peak, gate, owner, age)", |b| {
        b.iter(|| {
            outlook(
                black_box(&lock),
                black_box(&owner),
                Decimal::from(3_319_182),
                Gate::SingleHotkey(Decimal::new(18, 2)),
                365 * 7_200,
                Some(4_259_958),
            )
            .unwrap()
        })
    });
}

criterion_group!(
    benches,
    pool_quotes,
    return_projections,
    screener,
    lock_roll_forwards
);
criterion_main!(benches);
