//! "Your positions" (issue 32) against the pool model and by hand: each stake's spot value is
//! `alpha × p` with the pool's exact price ratio, its exit the chain's unstake of the sellable
//! part (`model::pool::trade::execute`, the swap SPEC §6's vectors pin), a second stake on the
//! same subnet sells into the pool the first left, the totals are the sums, the APY is the
//! returns calculator's opened from the row's link, and the CSV holds the cells' values.
//! Data: the bundled snapshot (finney, block 8,791,253), subnet 4 given one known validator.

use dtao_calc::calc::csv::csv;
use dtao_calc::calc::format::Style;
use dtao_calc::calc::positions::table::{csv_rows, rows_markup, CSV_HEADER};
use dtao_calc::calc::positions::valuation::{value, Kind, Valuation};
use dtao_calc::calc::query::{getter, parse_query};
use dtao_calc::calc::returns::form::ReturnsForm;
use dtao_calc::model::pool::side::Side;
use dtao_calc::model::pool::trade::{execute, TradeRequest};
use dtao_calc::model::pool::Pool;
use dtao_calc::model::staking::returns::headline;
use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::positions::{BasketPosition, Holder, Positions, Stake};
use dtao_calc::snapshot::{Snapshot, Validator};
use rust_decimal::Decimal;
use std::str::FromStr;

const TAO: u64 = 1_000_000_000;
const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
const HOT_A: &str = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
const HOT_B: &str = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";

fn stake(netuid: u16, hotkey: &str, alpha_rao: u64, locked: Option<u64>) -> Stake {
    Stake {
        netuid,
        hotkey: hotkey.into(),
        hotkey_name: None,
        alpha_rao,
        locked_rao: locked,
    }
}

fn data() -> Snapshot {
    let mut s = bundled();
    let sn4 = s.subnets.iter_mut().find(|s| s.netuid == 4).unwrap();
    sn4.validators = vec![Validator {
        hotkey: HOT_A.into(),
        name: "Validator A".into(),
        take: Some(Decimal::from_str("0.09").unwrap()),
        alpha_stake: None,
        apy: None,
        apy_1h: None,
        apy_1d: None,
        apy_7d: None,
        apy_30d: None,
    }];
    s
}

fn wallet() -> Positions {
    Positions {
        network: "finney".into(),
        source: "test".into(),
        holders: vec![
            Holder {
                coldkey: ALICE.into(),
                free_rao: Some(3 * TAO),
                stakes: vec![
                    stake(4, HOT_A, 50_000 * TAO, Some(0)),
                    stake(4, HOT_B, 20_000 * TAO, Some(5_000 * TAO)),
                    stake(0, HOT_A, 12 * TAO, None),
                    stake(9999, HOT_A, TAO, None),
                ],
                baskets: vec![
                    BasketPosition {
                        hotkey: HOT_A.into(),
                        shares: 77,
                        value_rao: 2 * TAO,
                        spot_value_rao: 2 * TAO + 5_000,
                    },
                    BasketPosition {
                        hotkey: HOT_B.into(),
                        shares: 1,
                        value_rao: 499_999,
                        spot_value_rao: 500_100,
                    },
                ],
            },
            Holder {
                coldkey: BOB.into(),
                free_rao: Some(TAO / 2),
                stakes: vec![stake(1, HOT_B, 300 * TAO, Some(0))],
                baskets: vec![],
            },
        ],
        ..Positions::default()
    }
}

fn pool(s: &Snapshot, netuid: u16) -> Pool {
    s.subnet(netuid).unwrap().pool().unwrap()
}

fn spot(p: &Pool, alpha: u64) -> u64 {
    // x y-weighted Balancer price at weights 1/2: tao_in / alpha_in.
    (u128::from(alpha) * u128::from(p.tao_rao) / u128::from(p.alpha_rao)) as u64
}

fn unstake(p: &Pool, alpha: u64, closes: bool) -> dtao_calc::model::pool::fill::Swap {
    let request = TradeRequest {
        side: Side::Unstake,
        amount_rao: alpha,
        protection: None,
        closes_position: closes,
    };
    execute(p, &request).unwrap()
}

fn row<'a>(v: &'a Valuation, id: &str) -> &'a dtao_calc::calc::positions::valuation::Row {
    v.rows
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no row {id}"))
}

#[test]
fn each_stake_is_valued_at_spot_and_sold_alone_into_todays_pool() {
    let s = data();
    let v = value(&wallet(), &[], &s);
    let p4 = pool(&s, 4);
    let a = row(&v, "4-1");
    assert_eq!(a.spot_rao, Some(spot(&p4, 50_000 * TAO)));
    let sold = unstake(&p4, 50_000 * TAO, true);
    let exit = a.exit.clone().unwrap().unwrap();
    assert_eq!(exit.tao_rao, sold.out_rao);
    assert_eq!(exit.cost_rao, a.spot_rao.unwrap() - sold.out_rao);
    // As a share of the spot value sold, by hand: (spot - out) / spot, in percent.
    let by_hand =
        Decimal::from(exit.cost_rao) / Decimal::from(a.spot_rao.unwrap()) * Decimal::ONE_HUNDRED;
    assert!(
        (exit.cost_pct - by_hand).abs() < Decimal::new(1, 10),
        "{} vs {by_hand}",
        exit.cost_pct
    );
    // The locked part stays: 15,000 of 20,000 sold, the rest valued at spot.
    let b = row(&v, "4-2");
    assert_eq!(b.locked_spot_rao, spot(&p4, 5_000 * TAO));
    let sold_b = unstake(&p4, 15_000 * TAO, false);
    assert_eq!(b.exit.clone().unwrap().unwrap().tao_rao, sold_b.out_rao);
    // Root's stake is TAO: no swap, 1:1.
    let root = row(&v, "0");
    assert_eq!(root.spot_rao, Some(12 * TAO));
    assert_eq!(root.exit.clone().unwrap().unwrap().tao_rao, 12 * TAO);
}

#[test]
fn a_second_stake_on_a_subnet_sells_into_the_pool_the_first_left() {
    let s = data();
    let v = value(&wallet(), &[], &s);
    let p4 = pool(&s, 4);
    let first = unstake(&p4, 50_000 * TAO, true);
    let second = unstake(&first.pool_after, 15_000 * TAO, false);
    assert_eq!(row(&v, "4-1").in_sequence_rao, first.out_rao);
    assert_eq!(row(&v, "4-2").in_sequence_rao, second.out_rao);
    assert!(second.out_rao < row(&v, "4-2").exit.clone().unwrap().unwrap().tao_rao);
    // Across subnets sales are independent: subnet 1's sale is the same alone and in the total.
    let one = row(&v, "1");
    assert_eq!(
        one.in_sequence_rao,
        one.exit.clone().unwrap().unwrap().tao_rao
    );
}

#[test]
fn totals_add_the_rows_and_name_those_out() {
    let s = data();
    let v = value(&wallet(), &[], &s);
    let p4 = pool(&s, 4);
    let p1 = pool(&s, 1);
    let first = unstake(&p4, 50_000 * TAO, true);
    let second = unstake(&first.pool_after, 15_000 * TAO, false);
    let bob = unstake(&p1, 300 * TAO, true);
    let t = &v.totals;
    let spot_all = spot(&p4, 50_000 * TAO)
        + spot(&p4, 20_000 * TAO)
        + 12 * TAO
        + spot(&p1, 300 * TAO)
        + (2 * TAO + 5_000)
        + 500_100;
    assert_eq!(t.spot_rao, spot_all);
    let exit_all = first.out_rao + second.out_rao + 12 * TAO + bob.out_rao + 2 * TAO;
    assert_eq!(t.exit_rao, exit_all);
    let sold_spot = spot(&p4, 50_000 * TAO)
        + (spot(&p4, 20_000 * TAO) - spot(&p4, 5_000 * TAO))
        + 12 * TAO
        + spot(&p1, 300 * TAO)
        + 2 * TAO
        + 5_000;
    assert_eq!(t.cost_rao, sold_spot - exit_all);
    assert_eq!(t.locked_spot_rao, spot(&p4, 5_000 * TAO));
    assert_eq!(t.free_rao, Some(3 * TAO + TAO / 2));
    // Subnet 9999 is gone; the second basket is under the claim threshold.
    assert_eq!(t.out, vec!["9999".to_string(), "basket-2".to_string()]);
    assert!(row(&v, "9999")
        .exit
        .clone()
        .unwrap_err()
        .contains("not in the data"));
    assert!(row(&v, "basket-2")
        .exit
        .clone()
        .unwrap_err()
        .contains("500,000 rao"));
    assert_eq!(row(&v, "basket-1").kind, Kind::Basket);
    // One coldkey alone.
    let bob_only = value(&wallet(), &[BOB.to_string()], &s);
    assert_eq!(bob_only.totals.exit_rao, bob.out_rao);
    assert_eq!(bob_only.totals.free_rao, Some(TAO / 2));
}

#[test]
fn the_largest_cost_of_leaving_comes_first_and_rows_out_last() {
    let v = value(&wallet(), &[], &data());
    let costs: Vec<Option<u64>> = v
        .rows
        .iter()
        .map(|r| {
            r.exit
                .as_ref()
                .ok()
                .map(|e| e.as_ref().map_or(0, |e| e.cost_rao))
        })
        .collect();
    let known: Vec<u64> = costs.iter().flatten().copied().collect();
    assert!(known.windows(2).all(|w| w[0] >= w[1]), "{costs:?}");
    assert!(costs
        .iter()
        .skip_while(|c| c.is_some())
        .all(Option::is_none));
}

#[test]
fn a_position_larger_than_the_pool_takes_is_refused_in_its_row() {
    let mut w = wallet();
    // Net input above 1,000 times the alpha reserve: `SwapInputTooLarge` (pallets/swap).
    w.holders[1].stakes[0].alpha_rao = u64::MAX / 2;
    let v = value(&w, &[BOB.to_string()], &data());
    assert!(v.rows[0]
        .exit
        .clone()
        .unwrap_err()
        .contains("SwapInputTooLarge"));
    assert_eq!(v.totals.out, vec!["1".to_string()]);
    assert_eq!(v.totals.exit_rao, 0);
}

#[test]
fn the_apy_is_the_returns_calculators_opened_from_the_row() {
    let s = data();
    let v = value(&wallet(), &[], &s);
    for id in ["4-1", "1"] {
        let r = row(&v, id);
        let markup = rows_markup(std::slice::from_ref(r), false, &[], Style::READABLE);
        let start = markup.find("position-returns-link").unwrap();
        let href = &markup[markup[..start].rfind("href=\"").unwrap() + 6..];
        let href = href[..href.find('"').unwrap()].replace("&amp;", "&");
        let pairs = parse_query(&href);
        let pairs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let form = ReturnsForm::read(getter(&pairs), &s);
        let apy = headline(&form.inputs(&s).unwrap()).unwrap().apy_pct;
        assert_eq!(r.apy_pct, Ok(apy), "{id}: {href}");
    }
    // The known validator's take, and the chain's maximum assumed for an unknown one.
    assert_eq!(
        row(&v, "4-1").take,
        Some((Decimal::from_str("0.09").unwrap(), false))
    );
    let assumed = row(&v, "4-2").take.unwrap();
    assert!(assumed.1 && assumed.0 == Decimal::from(11_796) / Decimal::from(65_535));
    assert!(row(&v, "4-1").apy_pct.clone().unwrap() > row(&v, "4-2").apy_pct.clone().unwrap());
}

#[test]
fn the_csv_holds_every_cells_value() {
    let v = value(&wallet(), &[], &data());
    let markup = rows_markup(&v.rows, true, &[], Style::READABLE);
    let text = csv("http://x/?calc=positions", &CSV_HEADER, &csv_rows(&v.rows));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0], "# http://x/?calc=positions");
    let col = |name: &str| CSV_HEADER.iter().position(|h| *h == name).unwrap();
    let rows = csv_rows(&v.rows);
    for (r, fields) in v.rows.iter().zip(&rows) {
        for (testid, column) in [
            ("position-spot-tao", "spot_tao"),
            ("position-exit-tao", "exit_tao"),
            ("position-exit-cost", "exit_cost_tao"),
            ("position-take", "take_pct"),
            ("position-apy", "modelled_apy_pct"),
        ] {
            let needle = format!("data-testid=\"{testid}-{}\" data-value=\"", r.id);
            let cell = markup.find(&needle).map(|at| {
                let rest = &markup[at + needle.len()..];
                rest[..rest.find('"').unwrap()].to_string()
            });
            // A cell without a value (refused, unknown) has an empty field.
            assert_eq!(
                cell.unwrap_or_default(),
                fields[col(column)],
                "{} {testid}",
                r.id
            );
        }
    }
    assert_eq!(
        lines.len(),
        rows.len() + 3,
        "comment, header, rows, and the last line end"
    );
}
