//! The history figures of the returns page (issue 33), pinned to values worked out here
//! another way: alpha per share and its growth as Decimals from the written-out integers
//! (the model computes them as 512-bit fractions), the annualised yield checked through the
//! identity `(1 + APY)^days = growth^365` by repeated multiplication (the model uses ln and exp),
//! and the backtest's swaps by hand with x·y = k for weights 1/2 and the chain's fee (SPEC §1).
//!
//! The case: validator V on subnet 7 over 30 days from 2025-06-01. Its stake accounting, in
//! rao and shares: day 0 1,000 alpha over 1,000 shares (U64F64 bits); day 23 2,004.6 alpha over
//! 2,000 shares (U64F64); a runtime upgrade, then day 29 2,005.6 alpha over SafeFloat
//! 2,000 × 10^18 × 10^-18 shares; day 30 1,504.35 alpha over SafeFloat 1,500 × 10^0. Pools
//! (TAO / alpha, fee 33/65,535): 1,000 / 10,000, 1,050 / 9,800, 1,090 / 9,600, 1,100 / 9,500.

#[path = "common/figures.rs"]
mod shared;
use dtao_calc::calc::query::getter;
use dtao_calc::calc::returns::history::date::{Day, MS_PER_DAY};
use dtao_calc::calc::returns::history::figures::{compute, HistoryFigures};
use dtao_calc::calc::returns::history::form::HistoryForm;
use dtao_calc::calc::returns::history::points;
use dtao_calc::model::pool::quote::quote;
use dtao_calc::model::pool::side::Side;
use dtao_calc::model::pool::trade::TradeRequest;
use dtao_calc::model::staking::realised::{realised, Accounting};
use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::chain::validators::ss58;
use dtao_calc::snapshot::history::{BlockState, History, PastPool, Shares};
use rust_decimal::Decimal;
use shared::{d, stake, tokens, unstake};

const TAO: u128 = 1_000_000_000;
const AMOUNT: u128 = 10 * TAO;

fn hotkey() -> String {
    ss58(&[7; 32])
}

fn base_ms() -> u64 {
    Day::from_civil(2025, 6, 1).midnight_ms()
}

#[allow(clippy::too_many_arguments)]
fn point(
    day: u64,
    extra_ms: u64,
    alpha: u64,
    shares: Shares,
    tao_in: u64,
    alpha_in: u64,
    root: Option<&str>,
) -> BlockState {
    BlockState {
        number: 5_000_000 + day * 7_200,
        hash: [day as u8; 32],
        timestamp_ms: base_ms() + day * MS_PER_DAY + extra_ms,
        spec_version: if matches!(shares, Shares::Fixed { .. }) {
            393
        } else {
            461
        },
        hotkey_alpha_rao: Some(alpha),
        shares: Some(shares),
        pool: Some(PastPool {
            netuid: 7,
            tao_in_rao: tao_in * TAO as u64,
            alpha_in_rao: alpha_in * TAO as u64,
            fee_parts: None,
            w_tao_parts: None,
        }),
        root_stake_price: root.map(d),
    }
}

fn history() -> History {
    History {
        netuid: 7,
        hotkey: hotkey(),
        points: vec![
            point(
                0,
                30_000,
                1_000_000_000_000,
                Shares::Fixed { bits: 1_000 << 64 },
                1_000,
                10_000,
                Some("1.05"),
            ),
            point(
                23,
                30_000,
                2_004_600_000_000,
                Shares::Fixed { bits: 2_000 << 64 },
                1_050,
                9_800,
                None,
            ),
            point(
                29,
                30_000,
                2_005_600_000_000,
                Shares::Safe {
                    mantissa: 2_000_000_000_000_000_000_000,
                    exponent: -18,
                },
                1_090,
                9_600,
                None,
            ),
            point(
                30,
                24_000,
                1_504_350_000_000,
                Shares::Safe {
                    mantissa: 1_500,
                    exponent: 0,
                },
                1_100,
                9_500,
                Some("1.06"),
            ),
        ],
    }
}

fn acc(state: &BlockState) -> Accounting {
    points::accounting(state).unwrap()
}

fn pt(state: &BlockState) -> dtao_calc::model::staking::backtest::Point {
    points::point(state).unwrap()
}

/// Alpha per share in rao, by hand: the alpha over the shares' value.
fn aps(alpha: u64, shares: Decimal) -> Decimal {
    Decimal::from(alpha) / shares
}

fn figures(query: &[(&str, &str)]) -> HistoryFigures {
    let h = history();
    let now = h.points[3].timestamp_ms + 1_000;
    let key = hotkey();
    let mut q: Vec<(&str, &str)> = vec![("hotkey", key.as_str())];
    q.extend_from_slice(query);
    let form = HistoryForm::read(getter(&q), &bundled(), 7, now);
    compute(&h, &form, AMOUNT as u64)
}

fn value(f: &HistoryFigures, testid: &str) -> Decimal {
    f.value(testid)
        .unwrap_or_else(|| panic!("{testid} not asked"))
        .unwrap()
}

/// `x^n` by repeated multiplication.
fn power(x: Decimal, n: u32) -> Decimal {
    (0..n).fold(Decimal::ONE, |acc, _| acc * x)
}

/// `(1 + apy%/100)^days` against `growth^365`, relative.
fn close_annualised(apy_pct: Decimal, growth: Decimal, days: u32) {
    let lhs = power(Decimal::ONE + apy_pct / Decimal::ONE_HUNDRED, days);
    let rhs = power(growth, 365);
    assert!(
        ((lhs - rhs) / rhs).abs() < d("1e-18"),
        "{apy_pct}: {lhs} vs {rhs}"
    );
}

#[test]
fn realised_yields_over_1_7_and_30_days_across_the_upgrade_by_hand() {
    let f = figures(&[("window_days", "29")]);
    let a0 = aps(1_000_000_000_000, d("1000"));
    let a23 = aps(2_004_600_000_000, d("2000"));
    let a29 = aps(2_005_600_000_000, d("2000"));
    let a30 = aps(1_504_350_000_000, d("1500"));
    assert_eq!((a0, a30), (d("1000000000"), d("1002900000")));
    let cases = [
        ("returns-realised-apy-1", a30 / a29, 1),
        ("returns-realised-apy-7", a30 / a23, 7),
        ("returns-realised-apy-30", a30 / a0, 30),
    ];
    for (id, growth, days) in cases {
        let r = f
            .realised
            .iter()
            .find(|(n, _)| *n == days)
            .unwrap()
            .1
            .as_ref()
            .unwrap();
        assert!((r.growth - growth).abs() < d("1e-26"), "{id}");
        close_annualised(value(&f, id), growth, days);
    }
    // 29 days back from day 30 is day 1's midnight + 24 s: no block of the history is that
    // close, so the window says the block is missing rather than using a later one.
    let window = f.value("returns-realised-window").unwrap().unwrap_err();
    assert!(window.contains("no block for that time"), "{window}");
    let f = figures(&[("window_days", "30")]);
    assert_eq!(
        value(&f, "returns-realised-window"),
        value(&f, "returns-realised-apy-30")
    );
}

#[test]
fn a_validator_not_registered_then_and_a_window_of_no_days() {
    let mut h = history();
    h.points[0].hotkey_alpha_rao = None;
    let e = realised(&acc(&h.points[0]), &acc(&h.points[3]), 30).unwrap_err();
    assert!(
        e.contains("no stake then") && e.contains("block 5000000"),
        "{e}"
    );
    h.points[0].hotkey_alpha_rao = Some(0);
    assert!(realised(&acc(&h.points[0]), &acc(&h.points[3]), 30)
        .unwrap_err()
        .contains("no stake then"));
    h.points[0].hotkey_alpha_rao = Some(1);
    h.points[0].shares = Some(Shares::Safe {
        mantissa: 0,
        exponent: 3,
    });
    assert!(realised(&acc(&h.points[0]), &acc(&h.points[3]), 30)
        .unwrap_err()
        .contains("no stake then"));
    let e = realised(&acc(&h.points[1]), &acc(&h.points[3]), 0).unwrap_err();
    assert!(e.contains("0 days"), "{e}");
    let f = figures(&[("window_days", "0")]);
    assert!(f.value("returns-realised-window").unwrap().is_err());
}

#[test]
fn the_backtest_by_hand_from_a_date() {
    let f = figures(&[("from_date", "2025-06-01")]);
    let entry = stake(1_000 * TAO, 10_000 * TAO, AMOUNT);
    assert_eq!(value(&f, "returns-backtest-entry-alpha"), tokens(entry));
    // The entry is the pool model's own stake quote in the pool of day 0.
    let pool0 = history().points[0].pool.unwrap().pool().unwrap();
    let q = quote(&pool0, &TradeRequest::plain(Side::Stake, AMOUNT as u64)).unwrap();
    assert_eq!(q.swap.out_rao as u128, entry);
    // aps grew from 1,000,000,000 to 1,002,900,000 rao a share.
    let now = entry * 1_002_900_000 / 1_000_000_000;
    assert_eq!(value(&f, "returns-backtest-alpha-now"), tokens(now));
    let exit = unstake(1_100 * TAO, 9_500 * TAO, now);
    assert_eq!(value(&f, "returns-backtest-exit-tao"), tokens(exit));
    // Root: 10 TAO × 1.06 / 1.05, floored to the rao.
    assert_eq!(
        value(&f, "returns-backtest-vs-root"),
        tokens(10_095_238_095)
    );
    // The series: each block's exit in its own pool; day 23's aps is 1,002,300,000.
    let b = f.backtest.unwrap().unwrap();
    assert_eq!(b.net_rao, exit as i128 - AMOUNT as i128);
    let at23 = entry * 1_002_300_000 / 1_000_000_000;
    assert_eq!(b.series.len(), 4);
    assert_eq!(b.series[1].alpha_rao, Ok(at23 as u64));
    assert_eq!(
        b.series[1].exit_tao_rao,
        Ok(unstake(1_050 * TAO, 9_800 * TAO, at23) as u64)
    );
    assert_eq!(
        b.series[0].exit_tao_rao,
        Ok(unstake(1_000 * TAO, 10_000 * TAO, entry) as u64)
    );
    assert_eq!(b.series[3].exit_tao_rao, Ok(exit as u64));
}

#[test]
fn the_backtest_from_a_block_until_a_date_and_its_refusals() {
    let f = figures(&[("from_block", "5165600"), ("to_date", "2025-06-30")]);
    // Day 23 (block 5,165,600) to day 29 (the first block of June 30th): no root price there.
    let entry = stake(1_050 * TAO, 9_800 * TAO, AMOUNT);
    let now = entry * 1_002_800_000 / 1_002_300_000;
    assert_eq!(value(&f, "returns-backtest-alpha-now"), tokens(now));
    assert_eq!(
        value(&f, "returns-backtest-exit-tao"),
        tokens(unstake(1_090 * TAO, 9_600 * TAO, now))
    );
    assert!(f
        .value("returns-backtest-vs-root")
        .unwrap()
        .unwrap_err()
        .contains("spec 461"));
    // Both starts: a sentence, and no figure.
    let f = figures(&[("from_block", "5000000"), ("from_date", "2025-06-01")]);
    assert!(f
        .value("returns-backtest-exit-tao")
        .unwrap()
        .unwrap_err()
        .contains("not both"));
    // A stake below the chain's minimum is its rejection.
    let h = history();
    let e = dtao_calc::model::staking::backtest::backtest(
        1_000,
        &pt(&h.points[0]),
        &pt(&h.points[3]),
        &[],
    )
    .unwrap_err();
    assert!(e.to_string().contains("minimum stake"), "{e}");
    // A subnet that did not exist then.
    let mut h = history();
    h.points[0].pool = None;
    let e = dtao_calc::model::staking::backtest::backtest(
        AMOUNT as u64,
        &pt(&h.points[0]),
        &pt(&h.points[3]),
        &[],
    )
    .unwrap_err();
    assert!(e.to_string().contains("did not exist"), "{e}");
}

#[test]
fn the_dates_and_the_validator_are_checked() {
    let h = history();
    let now = h.points[3].timestamp_ms;
    let snap = bundled();
    let read = |q: &[(&str, &str)]| HistoryForm::read(getter(q), &snap, 7, now);
    let early = read(&[("from_date", "2025-02-12")]);
    assert!(early.from_date.error().unwrap().contains("before dTAO"));
    assert!(read(&[("from_date", "2025-02-13")])
        .from_date
        .error()
        .is_none());
    assert!(read(&[("from_date", "2025-07-02")])
        .from_date
        .error()
        .unwrap()
        .contains("future"));
    let back = read(&[("from_date", "2025-06-10"), ("to_date", "2025-06-10")]);
    assert!(back.to_date.error().unwrap().contains("after the start"));
    assert!(read(&[("to_date", "2025-06-10")]).to_date.error().is_some());
    assert!(read(&[("hotkey", "5xyz")])
        .hotkey
        .error()
        .unwrap()
        .contains("SS58"));
    assert!(read(&[("archive", "https://x")])
        .archive
        .error()
        .unwrap()
        .contains("ws://"));
    let f = read(&[]);
    assert_eq!(
        f.archive.ok().unwrap(),
        "wss://archive.chain.opentensor.ai:443"
    );
    let first = snap
        .subnets
        .iter()
        .find(|s| s.netuid == 7)
        .and_then(|s| s.validators.first());
    match first {
        Some(v) => assert_eq!(f.hotkey.ok(), Some(v.hotkey.clone())),
        None => assert!(f.hotkey.error().unwrap().contains("hotkey=")),
    }
    // The figures of another validator's history are refused.
    let other = ss58(&[8; 32]);
    let form = HistoryForm::read(getter(&[("hotkey", other.as_str())]), &snap, 7, now);
    let f = compute(&h, &form, AMOUNT as u64);
    assert!(f
        .value("returns-realised-apy-1")
        .unwrap()
        .unwrap_err()
        .contains("another validator"));
}

/// The take table's column and the screener's panel (`history::validators`, `screen::realised`):
/// the 30-day figure of the history read, kept by subnet and hotkey, for the largest validators.
#[test]
fn side_by_side_the_30_day_figure_by_subnet_and_hotkey_largest_validators_first() {
    use dtao_calc::calc::format::Style;
    use dtao_calc::calc::returns::history::validators::{record, RealisedByValidator};
    use dtao_calc::calc::screen::realised::rows;
    use dtao_calc::snapshot::Validator;
    let mut found = RealisedByValidator::new();
    record(&mut found, &history());
    let r = found[&(7, hotkey())].as_ref().unwrap();
    let growth = aps(1_504_350_000_000, d("1500")) / aps(1_000_000_000_000, d("1000"));
    assert_eq!(
        (r.days, r.from_block, r.to_block),
        (30, 5_000_000, 5_216_000)
    );
    close_annualised(r.apy_pct, growth, 30);

    let mut subnet = bundled().subnet(7).cloned().unwrap();
    let v = |hotkey: String, stake: &str| Validator {
        hotkey,
        alpha_stake: Some(d(stake)),
        ..Validator::default()
    };
    subnet.validators = vec![v(ss58(&[8; 32]), "5"), v(hotkey(), "90")];
    let lines = rows(&subnet, &found, Style::default());
    assert_eq!(lines[0].hotkey, hotkey());
    assert_eq!(lines[0].realised.1, Some(r.apy_pct.normalize().to_string()));
    assert_eq!(lines[1].realised.0, "not read");
    // Kept for subnet 7 only: the same hotkey on subnet 8 has not been read.
    subnet.netuid = 8;
    assert_eq!(
        rows(&subnet, &found, Style::default())[0].realised.0,
        "not read"
    );
}
