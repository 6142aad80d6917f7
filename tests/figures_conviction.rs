//! Every figure of the "Conviction locks" calculator, pinned to a value computed another way than
//! the code computes it (SPEC §4): the lock integrated as the differential equation its closed
//! form solves (dm/dt = -m/tu or 0, dc/dt = (m - c)/tm) with Runge-Kutta steps, crossing times in
//! closed form or by Newton's method (the code bisects), the peak as the moment c = m, the
//! unstake with the chain's integer formula (SPEC §1), and SPEC §4's worked figures.
//!
//! The figures are the `pick`s of `ui::conviction::figures::{SUMMARY, FIGURES}`, called here on
//! `report::run`'s report as the page calls them. Each test names the testids it pins.

#[path = "common/figures.rs"]
mod shared;
use dtao_calc::calc::conviction::figures::{FIGURES, SUMMARY};
use dtao_calc::calc::conviction::form::ConvictionForm;
use dtao_calc::calc::conviction::report::{run, Report};
use dtao_calc::calc::figure::Shown;
use dtao_calc::calc::format::Style;
use dtao_calc::calc::pool_source::FIX_FIELDS;
use dtao_calc::calc::query::getter;
use dtao_calc::model::conviction::takeover::{age_gate_blocks_left, outlook, Gate};
use dtao_calc::model::conviction::{
    days, half_life_days, Lock, LockSpec, Mode, Rates, SUBNET_AGE_GATE_BLOCKS,
};
use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::Snapshot;
use rust_decimal::Decimal;
use shared::{d, with_overrides};

const CODE: f64 = 934_866.0;
const DOCS: f64 = 311_622.0;

fn f(x: Decimal) -> f64 {
    x.to_string().parse().unwrap()
}

fn near(what: &str, got: Decimal, expected: f64, rel: f64) {
    let g = f(got);
    assert!(
        (g - expected).abs() <= expected.abs() * rel + 1e-12,
        "{what}: got {g}, expected {expected} (rel {rel})"
    );
}

/// The lock as a differential equation, integrated with classical Runge-Kutta steps of at most
/// 100 blocks: dm/dt = -m/tu (decaying) or 0 (perpetual), dc/dt = (m - c)/tm.
fn integrate(m: f64, c: f64, perpetual: bool, tu: f64, tm: f64, blocks: f64) -> (f64, f64) {
    let slope = |m: f64, c: f64| (if perpetual { 0.0 } else { -m / tu }, (m - c) / tm);
    let steps = (blocks / 100.0).ceil().max(1.0) as u64;
    let h = blocks / steps as f64;
    let (mut m, mut c) = (m, c);
    for _ in 0..steps {
        let k1 = slope(m, c);
        let k2 = slope(m + h / 2.0 * k1.0, c + h / 2.0 * k1.1);
        let k3 = slope(m + h / 2.0 * k2.0, c + h / 2.0 * k2.1);
        let k4 = slope(m + h * k3.0, c + h * k3.1);
        m += h / 6.0 * (k1.0 + 2.0 * k2.0 + 2.0 * k3.0 + k4.0);
        c += h / 6.0 * (k1.1 + 2.0 * k2.1 + 2.0 * k3.1 + k4.1);
    }
    (m, c)
}

/// A pool typed by hand (1,000 TAO / 20,000 alpha), 30,000 eligible alpha, the single-hotkey
/// gate at 18 % (5,400 alpha), no owner lock, code-default rates.
const BASE: [(&str, &str); 10] = [
    ("netuid", ""),
    ("tao_in", "1000"),
    ("alpha_in", "20000"),
    ("lock", "10000"),
    ("days", "90"),
    ("mode", "decaying"),
    ("tu", "934866"),
    ("tm", "934866"),
    ("eligible", "30000"),
    ("owner_lock", "0"),
];

fn query<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    with_overrides(&BASE, extra)
}

fn report_on(snapshot: &Snapshot, extra: &[(&str, &str)]) -> Report {
    run(&ConvictionForm::read(getter(&query(extra)), snapshot)).unwrap()
}

fn report(extra: &[(&str, &str)]) -> Report {
    report_on(&bundled(), extra)
}

fn figure(testid: &str, r: &Report) -> Result<Shown, String> {
    let spec = SUMMARY
        .iter()
        .chain(FIGURES.iter())
        .find(|s| s.testid == testid)
        .unwrap_or_else(|| panic!("no figure {testid}"));
    (spec.pick)(r, Style::READABLE).ok_or_else(|| (spec.missing)(r, Style::READABLE))
}

fn value(testid: &str, r: &Report) -> Decimal {
    d(&figure(testid, r).unwrap().value)
}

#[test]
// Every testid of the two tables is one this file pins (the list below, test by test).
fn every_figure_is_pinned_here() {
    let ids: Vec<&str> = SUMMARY
        .iter()
        .chain(FIGURES.iter())
        .map(|s| s.testid)
        .collect();
    assert_eq!(
        ids,
        [
            "conviction-locked",
            "conviction-score",
            "conviction-takeover-days",
            "conviction-liquidity",
            "conviction-peak",
            "conviction-gate-days",
            "conviction-beat-owner-days",
        ]
    );
}

#[test]
// Pins conviction-locked and conviction-score: the lock at the horizon against the integrated
// equation, for both modes and both rate pairs, 89, 90 and 365 days (a day is 7,200 blocks).
fn locked_and_conviction_at_the_horizon() {
    for mode in ["perpetual", "decaying"] {
        for (tu, tm) in [
            ("934866", "934866"),
            ("934866", "311622"),
            ("311622", "934866"),
        ] {
            for days_text in ["89", "90", "365"] {
                for start in ["0", "4000"] {
                    let r = report(&[
                        ("mode", mode),
                        ("tu", tu),
                        ("tm", tm),
                        ("days", days_text),
                        ("conviction", start),
                    ]);
                    let blocks = days_text.parse::<f64>().unwrap() * 7_200.0;
                    let (m, c) = integrate(
                        10_000.0,
                        start.parse().unwrap(),
                        mode == "perpetual",
                        tu.parse().unwrap(),
                        tm.parse().unwrap(),
                        blocks,
                    );
                    let what = format!("{mode} {tu}/{tm} {days_text} days from {start}");
                    near(&what, value("conviction-locked", &r), m, 1e-9);
                    near(&what, value("conviction-score", &r), c, 1e-9);
                    assert_eq!(r.horizon_days.to_string(), days_text);
                }
            }
        }
    }
    // SPEC §4's worked figures: 10,000 alpha, 90 days = 648,000 blocks.
    let at90 = |mode, tm| {
        let r = report(&[("mode", mode), ("tm", tm)]);
        (
            value("conviction-locked", &r),
            value("conviction-score", &r),
        )
    };
    let (m, c) = at90("perpetual", "934866");
    assert_eq!((m, c.round()), (d("10000"), d("5000")));
    let (_, c) = at90("perpetual", "311622");
    assert_eq!(c.round(), d("8750"));
    let (m, c) = at90("decaying", "934866");
    assert_eq!((m.round(), c.round_dp(1)), (d("5000"), d("3465.7")));
    let (m, c) = at90("decaying", "311622");
    assert_eq!((m.round(), c.round()), (d("5000"), d("5625")));
    // The text: the locked amount after the horizon's days.
    let r = report(&[("mode", "perpetual")]);
    assert_eq!(
        figure("conviction-locked", &r).unwrap().text,
        "10,000 alpha after 90 days"
    );
    // An owner's lock: conviction is the locked amount at once.
    let r = report(&[("owner", "1")]);
    assert_eq!(
        value("conviction-score", &r),
        value("conviction-locked", &r)
    );
}

#[test]
// Pins conviction-locked / conviction-score by a second identity: thirty one-day steps, each
// starting from the last day's lock, land where one 30-day step does.
fn thirty_days_is_thirty_single_days() {
    for (mode, tu, tm) in [
        (Mode::Decaying, 934_866, 311_622),
        (Mode::Decaying, 934_866, 934_866),
        (Mode::Perpetual, 934_866, 311_622),
    ] {
        let start = LockSpec {
            start: Lock {
                locked: d("10000"),
                conviction: Decimal::ZERO,
            },
            mode,
            rates: Rates {
                unlock: tu,
                maturity: tm,
            },
            owner_hotkey: false,
        };
        let mut lock = start;
        for _ in 0..30 {
            lock.start = lock.after(7_200).unwrap();
        }
        let once = start.after(216_000).unwrap();
        assert!((lock.start.locked - once.locked).abs() < d("1e-18"));
        assert!((lock.start.conviction - once.conviction).abs() < d("1e-18"));
        let r = report(&[
            (
                "mode",
                if mode == Mode::Perpetual {
                    "perpetual"
                } else {
                    "decaying"
                },
            ),
            ("tu", &tu.to_string()),
            ("tm", &tm.to_string()),
            ("days", "30"),
        ]);
        assert!((value("conviction-score", &r) - lock.start.conviction).abs() < d("1e-18"));
    }
}

#[test]
// Pins the rates behind every figure: MaturityRate read from the chain's runtime when the data
// has it (SPEC §4: mainnet 311,622), so a perpetual lock reaches 8,750 in 90 days.
fn rates_from_the_runtime() {
    let mut s = bundled();
    s.runtime.maturity_rate = Some(311_622);
    let form = ConvictionForm::read(
        getter(&[
            ("netuid", ""),
            ("tao_in", "1000"),
            ("alpha_in", "20000"),
            ("mode", "perpetual"),
            ("days", "90"),
            ("eligible", "30000"),
        ]),
        &s,
    );
    let r = run(&form).unwrap();
    assert_eq!(value("conviction-score", &r).round(), d("8750"));
}

#[test]
// Pins conviction-peak: a decaying lock's conviction peaks when it meets the locked amount
// (dc/dt = (m - c)/tm = 0); for a fresh lock at t = ln(tu/tm) tu tm / (tu - tm), and at
// t = tm (1 - c/m) when the rates are equal. Checked against the integrated curve's maximum.
fn peak_conviction() {
    // tu = 3 tm: t = ln 3 x 467,433 = 513,527.6 blocks (71.3 days), c = m / sqrt 3.
    let r = report(&[("tm", "311622")]);
    let (at, top) = r.outlook.peak.unwrap();
    let t = 3f64.ln() * 934_866.0 * 311_622.0 / 623_244.0;
    near("peak time", at, t, 1e-9);
    near("peak", top, 10_000.0 / 3f64.sqrt(), 1e-12);
    let shown = figure("conviction-peak", &r).unwrap();
    assert_eq!(shown.text, "5,773.5 alpha after 72 days");
    assert_eq!(d(&shown.value), top);
    // The same time with the rates swapped (tm = 3 tu), c = m 3^(-3/2).
    let r = report(&[("tu", "311622")]);
    let (at, top) = r.outlook.peak.unwrap();
    near("peak time swapped", at, t, 1e-9);
    near("peak swapped", top, 10_000.0 * 3f64.powf(-1.5), 1e-12);
    // Equal rates from 2,000 of conviction: t = 0.8 tm, c = m e^(-0.8) (= the locked then).
    let r = report(&[("conviction", "2000")]);
    let (at, top) = r.outlook.peak.unwrap();
    near("peak time equal", at, 0.8 * CODE, 1e-12);
    near("peak equal", top, 10_000.0 * (-0.8f64).exp(), 1e-12);
    assert_eq!(
        figure("conviction-peak", &r).unwrap().text,
        "4,493.29 alpha after 104 days"
    );
    // The integrated curve's highest point, sampled every 100 blocks.
    // Unequal rates from a starting conviction too: there the turning point depends on both
    // exponentials' weights, not only on the rates' ratio.
    for (tu, tm, start) in [
        (CODE, DOCS, 0.0),
        (DOCS, CODE, 0.0),
        (CODE, CODE, 2_000.0),
        (CODE, DOCS, 2_000.0),
        (DOCS, CODE, 1_000.0),
    ] {
        let r = report(&[
            ("tu", &tu.to_string()),
            ("tm", &tm.to_string()),
            ("conviction", &start.to_string()),
        ]);
        let (at, top) = r.outlook.peak.unwrap();
        let (mut m, mut c, mut best, mut best_at) = (10_000.0, start, start, 0.0);
        let mut t = 0.0;
        while t < 3.0 * CODE {
            (m, c) = integrate(m, c, false, tu, tm, 100.0);
            t += 100.0;
            if c > best {
                (best, best_at) = (c, t);
            }
        }
        near("integrated peak", top, best, 1e-8);
        assert!((f(at) - best_at).abs() <= 100.0, "{at} vs {best_at}");
    }
    // An owner's lock peaks now, at its locked amount; a perpetual lock has no peak.
    let owner = report(&[("owner", "1")]);
    assert_eq!(owner.outlook.peak, Some((Decimal::ZERO, d("10000"))));
    assert_eq!(
        figure("conviction-peak", &owner).unwrap().text,
        "10,000 alpha now"
    );
    let perpetual = report(&[("mode", "perpetual")]);
    assert!(figure("conviction-peak", &perpetual)
        .unwrap_err()
        .starts_with("No peak"));
}

/// Newton's method for the first root of x e^(-x) = g (x < 1).
fn first_root(g: f64) -> f64 {
    let mut x = g;
    for _ in 0..100 {
        x -= (x * (-x).exp() - g) / ((1.0 - x) * (-x).exp());
    }
    x
}

#[test]
// Pins conviction-gate-days (and the verdict, its line): when the lock's own conviction is
// STRICTLY above 18 % of eligible alpha (SPEC §4), days rounded up.
fn passes_the_gate() {
    // Perpetual: 10,000 (1 - e^(-t/tm)) > 5,400 from t = -tm ln(0.46) = 725,950.4 blocks,
    // 100.83 days, shown as 101.
    let r = report(&[("mode", "perpetual")]);
    assert_eq!(r.outlook.gate_level, d("5400"));
    let t = -CODE * 0.46f64.ln();
    near("perpetual gate", r.outlook.gate_blocks.unwrap(), t, 1e-9);
    let shown = figure("conviction-gate-days", &r).unwrap();
    assert_eq!(shown.value, "101");
    assert_eq!(shown.text, "101 days (gate: 5,400 alpha)");
    // Decaying, equal rates, 20,000 locked: x e^(-x) = 0.27 first at x = 0.4047, 52.5 days.
    let r = report(&[("lock", "20000")]);
    let t = first_root(0.27) * CODE;
    near("decaying gate", r.outlook.gate_blocks.unwrap(), t, 1e-9);
    assert_eq!(value("conviction-gate-days", &r), d("53"));
    // A 19 % gate: 5,700, later.
    let r = report(&[("lock", "20000"), ("gate", "19")]);
    near(
        "19 % gate",
        r.outlook.gate_blocks.unwrap(),
        first_root(0.285) * CODE,
        1e-9,
    );
    // Strictly above: an owner's lock (conviction = locked at once) of exactly 18 % of 100,000
    // never passes; a rao more passes at once ("within a day", 0 days).
    let exact = report(&[
        ("owner", "1"),
        ("mode", "perpetual"),
        ("eligible", "100000"),
        ("lock", "18000"),
    ]);
    assert_eq!(exact.outlook.gate_blocks, None);
    let above = report(&[
        ("owner", "1"),
        ("mode", "perpetual"),
        ("eligible", "100000"),
        ("lock", "18000.000000001"),
    ]);
    assert_eq!(above.outlook.gate_blocks, Some(Decimal::ZERO));
    let shown = figure("conviction-gate-days", &above).unwrap();
    assert_eq!(
        (shown.value.as_str(), shown.text.as_str()),
        ("0", "within a day (gate: 18,000 alpha)")
    );
    // A perpetual lock of exactly the gate only approaches it: never; one alpha more passes
    // at -tm ln(1/18,001) blocks.
    let equal = report(&[
        ("mode", "perpetual"),
        ("eligible", "100000"),
        ("lock", "18000"),
    ]);
    assert_eq!(equal.outlook.gate_blocks, None);
    // Its 90-day conviction is 18,000 (1 - e^(-648,000/tm)) = 9,000.0026, so 35,999.99 scaled
    // would reach the gate on day 90: the lock named is the next whole one (or one more).
    let why = figure("conviction-gate-days", &equal).unwrap_err();
    assert!(
        why == "Never: conviction only approaches the 18,000 alpha locked, below the gate of 18,000 alpha. A lock of 36,000 alpha would pass it."
            || why == "Never: conviction only approaches the 18,000 alpha locked, below the gate of 18,000 alpha. A lock of 36,001 alpha would pass it.",
        "{why}"
    );
    let more = report(&[
        ("mode", "perpetual"),
        ("eligible", "100000"),
        ("lock", "18001"),
    ]);
    near(
        "one alpha above",
        more.outlook.gate_blocks.unwrap(),
        CODE * 18_001f64.ln(),
        1e-9,
    );
}

#[test]
// Pins conviction-gate-days at its edge and the lock it names: a decaying lock (equal rates)
// peaks at m / e, so on a gate of 18,000 a lock of 48,930 passes (peak 18,000.34) and 48,929
// does not (17,999.97); the verdict then names a lock that passes and one two under does not.
fn the_lock_that_just_passes() {
    let q = |lock: &str| report(&[("eligible", "100000"), ("lock", lock), ("days", "365")]);
    let passes = q("48930");
    let t = first_root(18_000.0 / 48_930.0) * CODE;
    near("just passes", passes.outlook.gate_blocks.unwrap(), t, 1e-7);
    assert_eq!(passes.needed_lock, None);
    let under = q("48929");
    assert_eq!(under.outlook.gate_blocks, None);
    let why = figure("conviction-gate-days", &under).unwrap_err();
    assert!(
        why.starts_with("Never: conviction peaks at 17,999.97 alpha after 130 days, below the gate of 18,000 alpha."),
        "{why}"
    );
    // 18,000 e = 48,929.07: 48,930 is the smallest whole lock that passes.
    let needed = under.needed_lock.unwrap();
    assert!(needed == d("48930") || needed == d("48931"), "{needed}");
    let grouped = format!("48,{}", needed - d("48000"));
    assert!(
        why.ends_with(&format!(" A lock of {grouped} alpha would pass it.")),
        "{why}"
    );
    assert!(q(&needed.to_string()).outlook.gate_blocks.is_some());
    assert!(q(&(needed - d("2")).to_string())
        .outlook
        .gate_blocks
        .is_none());
    // A 30-day horizon ends before the peak: the lock is scaled to the conviction at day 30,
    // 48,929 x 18,000 / c(216,000) = 98,154.79 (c = m x e^(-x), x = 216,000 / tm).
    let short = report(&[("eligible", "100000"), ("lock", "48929"), ("days", "30")]);
    let x = 216_000.0 / CODE;
    let scaled = 18_000.0 / (x * (-x).exp());
    let needed = f(short.needed_lock.unwrap());
    assert!(
        needed > scaled && needed <= scaled.floor() + 2.0,
        "{needed} vs {scaled}"
    );
}

#[test]
// Pins conviction-gate-days' "A lock of N would pass it": N is the smallest whole lock that
// passes, floor(18,000 e) + 1 = 48,930.
fn the_lock_named_is_the_smallest_that_passes() {
    let under = report(&[("eligible", "100000"), ("lock", "48929"), ("days", "365")]);
    assert_eq!(under.needed_lock, Some(d("48930")));
}

#[test]
// Pins conviction-gate-days under the old rule (total conviction x 10 >= alpha outstanding,
// owner's conviction counted): with 1,000 of the owner's, 10,000 (1 - e^(-x)) >= 5,000 at
// x = ln 2, 647,999.7 blocks = 89.99996 days, shown as 90; at equality it passes at once.
fn passes_the_old_gate() {
    let r = report(&[
        ("mode", "perpetual"),
        ("gate_rule", "total"),
        ("eligible", "60000"),
        ("owner_lock", "1000"),
    ]);
    assert_eq!(r.outlook.gate_level, d("6000"));
    near(
        "old gate",
        r.outlook.gate_blocks.unwrap(),
        CODE * 2f64.ln(),
        1e-9,
    );
    assert_eq!(value("conviction-gate-days", &r), d("90"));
    // 6,000 of the owner's: total x 10 = 60,000 >= 60,000 at once.
    let at_once = report(&[
        ("mode", "perpetual"),
        ("gate_rule", "total"),
        ("eligible", "60000"),
        ("owner_lock", "6000"),
    ]);
    assert_eq!(at_once.outlook.gate_blocks, Some(Decimal::ZERO));
    // 5,999: one more alpha of total conviction, 10,000 (1 - e^(-x)) = 1, about 93.5 blocks.
    let soon = report(&[
        ("mode", "perpetual"),
        ("gate_rule", "total"),
        ("eligible", "60000"),
        ("owner_lock", "5999"),
    ]);
    near(
        "old gate soon",
        soon.outlook.gate_blocks.unwrap(),
        -CODE * (1.0 - 1e-4f64).ln(),
        1e-6,
    );
    assert_eq!(value("conviction-gate-days", &soon), d("1"));
}

#[test]
// Pins conviction-gate-days under the old rule with decaying locks: with 3,000 of the owner's
// and 10,000 locked (equal rates), the total e^(-x) (10,000 x + 3,000) reaches 4,000 at
// x = 0.178 (23 days) and peaks at 4,966 (x = 0.7) before it decays.
fn passes_the_old_gate_while_decaying() {
    let r = report(&[
        ("gate_rule", "total"),
        ("eligible", "40000"),
        ("owner_lock", "3000"),
    ]);
    let mut x = 0.1f64;
    for _ in 0..100 {
        let g = (-x).exp() * (10_000.0 * x + 3_000.0) - 4_000.0;
        let dg = (-x).exp() * (10_000.0 - 10_000.0 * x - 3_000.0);
        x -= g / dg;
    }
    near(
        "decaying old gate",
        r.outlook.gate_blocks.unwrap(),
        x * CODE,
        1e-7,
    );
}

#[test]
// Pins conviction-beat-owner-days: the owner's lock is on its own hotkey (conviction = locked).
// Decaying, equal rates: m x e^(-x) > M e^(-x) from x = M/m exactly; perpetual:
// m (1 - e^(-x)) > M from x = -ln(1 - M/m).
fn passes_the_owner() {
    let r = report(&[("owner_lock", "2500")]);
    near(
        "decaying",
        r.outlook.beat_owner_blocks.unwrap(),
        CODE / 4.0,
        1e-9,
    );
    let shown = figure("conviction-beat-owner-days", &r).unwrap();
    // 233,716.5 blocks = 32.46 days.
    assert_eq!(shown.value, "33");
    assert_eq!(shown.text, "33 days (owner's lock: 2,500 alpha)");
    let r = report(&[("owner_lock", "2500"), ("mode", "perpetual")]);
    near(
        "perpetual",
        r.outlook.beat_owner_blocks.unwrap(),
        -CODE * 0.75f64.ln(),
        1e-9,
    );
    assert_eq!(value("conviction-beat-owner-days", &r), d("38"));
    // MaturityRate 311,622 beside UnlockRate 934,866, decaying: integrate until it passes.
    let r = report(&[("owner_lock", "2500"), ("tm", "311622")]);
    let (mut m, mut c, mut t) = (10_000.0, 0.0, 0.0);
    while c <= 2_500.0 * (-t / CODE).exp() {
        (m, c) = integrate(m, c, false, CODE, DOCS, 10.0);
        t += 10.0;
    }
    assert!((f(r.outlook.beat_owner_blocks.unwrap()) - t).abs() <= 10.0);
    // An owner with as much as a perpetual lock ever reaches: never.
    let never = report(&[("owner_lock", "10000"), ("mode", "perpetual")]);
    assert_eq!(
        figure("conviction-beat-owner-days", &never).unwrap_err(),
        "Never: the owner's 10,000 alpha stays above your conviction."
    );
}

/// Bundled data with subnet 64 registered `age` blocks before the data's block.
fn aged(age: u64) -> Snapshot {
    let mut s = bundled();
    let block = s.block.unwrap();
    for sub in s.subnets.iter_mut().filter(|x| x.netuid == 64) {
        sub.registered_at_block = Some(block - age);
    }
    s
}

#[test]
// Pins conviction-takeover-days at the age gate: a subnet changes owner only once it is
// 2,629,800 blocks old (SPEC §4). An owner's-hotkey lock passes the gate and the owner at once,
// so the takeover waits for the age alone; days rounded up.
fn takeover_waits_for_a_year() {
    assert_eq!(SUBNET_AGE_GATE_BLOCKS, 2_629_800);
    let at_once = [
        ("netuid", "64"),
        ("owner", "1"),
        ("mode", "perpetual"),
        ("lock", "10000"),
    ];
    for (age, blocks, value_text, text) in [
        (2_629_800u64, 0u64, "0", "within a day"),
        (2_629_799, 1, "1", "within a day"),
        (2_622_600, 7_200, "1", "1 days"),
        (2_622_599, 7_201, "2", "2 days"),
        (5_000_000, 0, "0", "within a day"),
        (0, 2_629_800, "366", "366 days"),
    ] {
        let r = report_on(&aged(age), &at_once);
        assert_eq!(r.outlook.age_left_blocks, Some(blocks), "age {age}");
        assert_eq!(age_gate_blocks_left(age), blocks);
        assert_eq!(
            r.outlook.takeover_blocks,
            Some(Decimal::from(blocks)),
            "age {age}"
        );
        let shown = figure("conviction-takeover-days", &r).unwrap();
        assert_eq!(
            (shown.value.as_str(), shown.text.as_str()),
            (value_text, text),
            "age {age}"
        );
    }
    // A fresh perpetual lock on a year-old subnet: the gate (725,950 blocks) comes after the
    // owner (none): 101 days.
    let r = report_on(
        &aged(2_629_800),
        &[("netuid", "64"), ("mode", "perpetual"), ("lock", "10000")],
    );
    near(
        "takeover = gate",
        r.outlook.takeover_blocks.unwrap(),
        -CODE * 0.46f64.ln(),
        1e-9,
    );
    assert_eq!(value("conviction-takeover-days", &r), d("101"));
    // An owner who stays ahead longer: the owner's line sets the day (perpetual 2,500 owner, 38).
    let r = report_on(
        &aged(2_629_800),
        &[
            ("netuid", "64"),
            ("mode", "perpetual"),
            ("lock", "10000"),
            ("eligible", "10000"),
            ("owner_lock", "2500"),
        ],
    );
    near(
        "takeover = owner",
        r.outlook.takeover_blocks.unwrap(),
        -CODE * 0.75f64.ln(),
        1e-9,
    );
    // Age unknown (a pool typed by hand): no takeover day, and it says why.
    let r = report(&[("mode", "perpetual")]);
    assert_eq!(r.outlook.age_left_blocks, None);
    assert_eq!(
        figure("conviction-takeover-days", &r).unwrap_err(),
        "Unknown: the subnet's age is not in the data."
    );
    // Age known but the gate never passes.
    let r = report_on(
        &aged(0),
        &[("netuid", "64"), ("mode", "perpetual"), ("lock", "1000")],
    );
    assert_eq!(
        figure("conviction-takeover-days", &r).unwrap_err(),
        "Never within the horizon."
    );
}

#[test]
// Pins conviction-takeover-days: 20,000 locked (decaying, equal rates) on a new subnet is above
// the 5,400 gate only for x e^(-x) > 0.27 (0.40 < x < 2.0, up to about 260 days); at the age
// gate, x = 2.81, its conviction is 3,379: no takeover.
fn no_takeover_after_the_gate_closes() {
    let r = report_on(
        &aged(0),
        &[("netuid", "64"), ("lock", "20000"), ("eligible", "30000")],
    );
    let x = 2_629_800.0 / CODE;
    assert!(20_000.0 * x * (-x).exp() < 5_400.0);
    assert_eq!(r.outlook.takeover_blocks, None);
}

#[test]
// Pins conviction-liquidity: the locked alpha unstaked at once (SPEC §1, equal weights):
// fee = floor(a x 33 / 65,535), tao = floor(y x net / (x + net)), within 2 rao.
fn locked_value_through_the_pool() {
    let r = report(&[]);
    let a: u128 = 10_000 * 1_000_000_000;
    let fee = a * 33 / 65_535;
    let net = a - fee;
    let (y, x): (u128, u128) = (1_000_000_000_000, 20_000_000_000_000);
    let tao = y * net / (x + net);
    let got = *r.liquidity.as_ref().unwrap();
    let expected = Decimal::from_i128_with_scale(tao as i128, 9);
    assert!(
        (got - expected).abs() <= d("0.000000002"),
        "{got} vs {expected}"
    );
    let shown = figure("conviction-liquidity", &r).unwrap();
    assert_eq!(d(&shown.value), got);
    assert_eq!(shown.text, "333.221 TAO you cannot unstake now");
    // It is the lock, not the horizon's locked amount, that is priced.
    assert_eq!(report(&[("days", "365")]).liquidity, r.liquidity);
    // A pool the unstake cannot come out of: the chain's reason instead.
    let thin = report(&[("tao_in", "0.0009")]);
    let why = figure("conviction-liquidity", &thin).unwrap_err();
    assert!(why.contains("ReservesTooLow"), "{why}");
}

#[test]
// Pins conviction-half-lives (rate x ln 2 / 7,200 days; a decaying lock holds half after it),
// conviction-age (the subnet's age in whole days, from the data) and conviction-owner-note.
fn half_lives_age_and_owner_note() {
    for (rate, days_expected) in [(934_866u64, "90.0"), (311_622, "30.0")] {
        let h = half_life_days(rate);
        near("half-life", h, rate as f64 * 2f64.ln() / 7_200.0, 1e-12);
        assert_eq!(h.round_dp(1).to_string(), days_expected);
        // A decaying lock holds half its alpha one unlock half-life later.
        let lock = LockSpec {
            start: Lock {
                locked: d("10000"),
                conviction: Decimal::ZERO,
            },
            mode: Mode::Decaying,
            rates: Rates {
                unlock: rate,
                maturity: rate,
            },
            owner_hotkey: false,
        };
        let half = lock.at(h * Decimal::from(7_200)).unwrap().locked;
        assert!((half - d("5000")).abs() < d("1e-12"), "{half}");
    }
    // Subnet 64: registered at 4,531,295, data at 8,791,253: 4,259,958 blocks, 591.66 days.
    let form = ConvictionForm::read(getter(&[("netuid", "64")]), &bundled());
    assert_eq!(form.subnet_age, Some(4_259_958));
    assert_eq!(
        days(Decimal::from(form.subnet_age.unwrap())).floor(),
        d("591")
    );
    assert!(report(&[("owner", "1")]).your_lock_is_owners);
    assert!(!report(&[]).your_lock_is_owners);
}

#[test]
// Pins conviction-chart (its points and description) and conviction-gate-off-scale's inputs:
// 49 points evenly over the horizon, each the lock and the owner's at that block.
fn chart_points() {
    let r = report(&[("owner_lock", "2500"), ("days", "97")]);
    assert_eq!(r.curve.len(), 49);
    assert_eq!(r.lock_now, d("10000"));
    assert_eq!(r.owner_lock, d("2500"));
    let horizon = 97u64 * 7_200;
    for (i, p) in r.curve.iter().enumerate() {
        let blocks = horizon * i as u64 / 48;
        assert_eq!(p[0], Decimal::from(blocks) / d("7200"), "point {i}");
        let (m, c) = integrate(10_000.0, 0.0, false, CODE, CODE, blocks as f64);
        near("chart locked", p[1], m, 1e-9);
        near("chart conviction", p[2], c, 1e-9);
        // The owner's conviction is its locked amount, decaying at tu.
        near(
            "chart owner",
            p[3],
            2_500.0 * (-(blocks as f64) / CODE).exp(),
            1e-12,
        );
    }
    let last = r.curve[48];
    assert_eq!(last[1], r.outlook.horizon.locked);
    assert_eq!(last[2], r.outlook.horizon.conviction);
    // The gate level drawn (and compared with 3x the lines for the off-scale note).
    assert_eq!(r.outlook.gate_level, d("5400"));
}

#[test]
// Pins conviction-error: a field that does not read leaves no figures, only the sentence.
fn conviction_error() {
    for bad in [
        ("lock", "-1"),
        ("tm", "0"),
        ("days", "3651"),
        ("eligible", "0"),
    ] {
        let form = ConvictionForm::read(getter(&query(&[bad])), &bundled());
        assert_eq!(run(&form).unwrap_err(), FIX_FIELDS, "{bad:?}");
    }
}

#[test]
// Pins conviction-takeover-days through the model directly: the outlook's takeover is never
// before any of the three lines, and equals the latest when they all hold from then on
// (perpetual locks only rise).
fn takeover_is_the_latest_of_the_three() {
    let challenger = LockSpec {
        start: Lock {
            locked: d("10000"),
            conviction: Decimal::ZERO,
        },
        mode: Mode::Perpetual,
        rates: Rates {
            unlock: 934_866,
            maturity: 311_622,
        },
        owner_hotkey: false,
    };
    let owner = LockSpec {
        start: Lock {
            locked: d("3000"),
            conviction: d("3000"),
        },
        owner_hotkey: true,
        ..challenger
    };
    for age in [0u64, 1_000_000, 2_629_799, 2_629_800] {
        let o = outlook(
            &challenger,
            &owner,
            d("30000"),
            Gate::SingleHotkey(d("0.18")),
            648_000,
            Some(age),
        )
        .unwrap();
        let gate = -DOCS * 0.46f64.ln();
        let beat = -DOCS * 0.7f64.ln();
        let age_left = (2_629_800 - age.min(2_629_800)) as f64;
        near(
            "takeover",
            o.takeover_blocks.unwrap(),
            gate.max(beat).max(age_left),
            1e-9,
        );
    }
}
