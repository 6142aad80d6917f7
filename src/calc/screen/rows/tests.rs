use super::*;
use crate::calc::screen::sort::Column;
use crate::model::staking::returns::project;
use crate::snapshot::bundled::bundled;
use std::collections::HashMap;

fn form(query: &[(&str, &str)]) -> ScreenForm {
    let map: HashMap<String, String> = query
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    ScreenForm::read(|k| map.get(k).cloned())
}

#[test]
fn every_subnet_has_a_row_equal_to_its_returns_calculator() {
    let snapshot = bundled();
    let f = form(&[("amount", "250"), ("days", "90")]);
    let all = rows(&f, &snapshot);
    assert_eq!(all.len(), snapshot.subnets.len());
    for netuid in [1u16, 64, 120] {
        let row = all.iter().find(|r| r.netuid == netuid).unwrap();
        let n = netuid.to_string();
        let returns = ReturnsForm::read(
            |k| match k {
                "netuid" => Some(n.clone()),
                "amount" => Some("250".into()),
                "days" => Some("90".into()),
                "exit_from" => Some("before".into()),
                _ => None,
            },
            &snapshot,
        );
        let p = project(&returns.inputs(&snapshot).unwrap()).unwrap();
        let pos = row.position.as_ref().unwrap();
        assert_eq!(pos.apy_pct, p.headline.apy_pct);
        assert_eq!(pos.breakeven_day, p.headline.breakeven_day);
        let leg = p.headline.horizon.exit.as_ref().unwrap();
        assert_eq!(pos.net, Ok((leg.net_pct, leg.net_tao)));
        assert_eq!(pos.entry_pct, p.headline.entry.unwrap().slippage_pct);
    }
    let root = all.iter().find(|r| r.netuid == 0).unwrap();
    assert!(root.root);
    assert_eq!(root.position.as_ref().unwrap().entry_pct, Decimal::ZERO);
    assert_eq!(root.max_stake, Some(Ok(None)));
    assert_eq!(root.cost_yield, Ok(CostOverYield::Never));
}

#[test]
fn the_pool_figures_do_not_depend_on_the_amount() {
    let snapshot = bundled();
    let small = form(&[("amount", "10"), ("days", "30"), ("price_change", "-20")]);
    let large = form(&[("amount", "90000"), ("days", "30"), ("price_change", "-20")]);
    let pools = pool_figures(&small, &snapshot);
    assert_eq!(pools, pool_figures(&large, &snapshot));
    assert_eq!(
        rows_with(&large, &snapshot, &pools),
        rows(&large, &snapshot)
    );
    // The period, the price change, the take and the exit's pool do move them (the
    // threshold is the net result at every size), each alone.
    let base = pool_figures(&form(&[]), &snapshot);
    for other in [
        form(&[("take", "9")]),
        form(&[("exit_from", "entry")]),
        form(&[("days", "900")]),
        form(&[("price_change", "50")]),
    ] {
        assert_ne!(base, pool_figures(&other, &snapshot));
    }
}

#[test]
fn the_kept_row_inputs_give_the_rows_read_with_each_amount() {
    let snapshot = bundled();
    let small = form(&[("amount", "10"), ("days", "30"), ("take", "9")]);
    let inputs = row_inputs(&row_position(&small), &snapshot);
    let pools = pool_figures(&small, &snapshot);
    // A plain amount, one the chain refuses on thin pools, one below the minimum stake, and
    // one that does not read.
    for amount in ["250", "900000", "0.001", "abc"] {
        let typed = form(&[("amount", amount), ("days", "30"), ("take", "9")]);
        assert_eq!(row_position(&typed), row_position(&small), "{amount}");
        assert_eq!(
            rows_from(&typed, &snapshot, &inputs, Some(&pools)),
            rows(&typed, &snapshot),
            "{amount}"
        );
    }
    let bad = rows(&form(&[("amount", "abc")]), &snapshot);
    assert!(bad.iter().all(|r| r.position == Err(Missing::Fields)));
}

#[test]
fn rows_drawn_before_their_pool_figures_say_so_and_differ_in_nothing_else() {
    let snapshot = bundled();
    let f = form(&[("amount", "250")]);
    let inputs = row_inputs(&row_position(&f), &snapshot);
    let first = rows_from(&f, &snapshot, &inputs, None);
    let done = rows(&f, &snapshot);
    assert_eq!(first.len(), done.len());
    for (early, full) in first.iter().zip(&done) {
        assert!(early.pending && !full.pending);
        assert_eq!(early.position, full.position);
        // Root's basket sells into every pool: it comes with the pool figures.
        assert_eq!(early.basket, None);
        assert_eq!(full.basket.is_some(), full.netuid == 0);
        assert_eq!(
            (early.max_stake.clone(), early.max_exit.clone()),
            (None, None)
        );
        assert_eq!(early.cost_yield, Err(COMPUTING.to_string()));
        let mut m = crate::calc::markup::Markup::new();
        crate::calc::screen::row_markup::row_markup(
            &mut m,
            early,
            false,
            "",
            "",
            crate::calc::format::Style::READABLE,
        );
        let html = m.into_string();
        assert_eq!(html.matches("computing…").count(), 3, "{html}");
        assert!(
            !html.contains("screen-max-stake-") && !html.contains("screen-cost-exceeds-yield-")
        );
    }
    // The counts do not wait for them.
    assert_eq!(tally(&first), tally(&done));
}

#[test]
fn sort_search_and_filter() {
    let snapshot = bundled();
    let all = rows(&form(&[]), &snapshot);
    let by_net = shown(&all, &form(&[]));
    let nets: Vec<Decimal> = by_net
        .iter()
        .filter_map(|&i| all[i].sort_value(Column::Net))
        .collect();
    assert!(nets.windows(2).all(|w| w[0] >= w[1]));
    let ascending = shown(&all, &form(&[("sort", "entry")]));
    let first = all[ascending[0]].sort_value(Column::Entry).unwrap();
    assert!(all
        .iter()
        .all(|r| r.sort_value(Column::Entry).is_none_or(|v| v >= first)));
    let found = shown(&all, &form(&[("q", "sn64")]));
    assert!(found
        .iter()
        .all(|&i| all[i].netuid.to_string().starts_with("64")));
    let deep = shown(&all, &form(&[("min_tao", "100000")]));
    assert!(!deep.is_empty() && deep.len() < all.len());
    assert!(deep.iter().all(|&i| all[i].depth >= Decimal::from(100_000)));
}

#[test]
fn bad_fields_keep_the_pool_columns_and_huge_amounts_are_refused() {
    let snapshot = bundled();
    let all = rows(&form(&[("amount", "abc")]), &snapshot);
    let row = all.iter().find(|r| r.netuid == 64).unwrap();
    assert_eq!(row.position, Err(Missing::Fields));
    assert!(matches!(row.max_stake, Some(Ok(Some(_)))));
    assert!(matches!(row.cost_yield, Ok(CostOverYield::Above(_))));
    let all = rows(&form(&[("amount", "20000000")]), &snapshot);
    let refused = all
        .iter()
        .filter(|r| matches!(&r.position, Err(Missing::Refused(t)) if t.contains("The chain rejects the stake")))
        .count();
    assert!(refused > 10, "{refused}");
    let all = rows(&form(&[("max_slip", "-1")]), &snapshot);
    assert!(all
        .iter()
        .all(|r| r.max_stake.is_none() && r.max_exit.is_none()));
    assert!(all.iter().filter(|r| r.position.is_ok()).count() > 120);
    // A subnet without the figures its yield needs says which, as missing data, not as the
    // chain's refusal (the chain would take the stake).
    let odd: Vec<_> = all.iter().filter(|r| r.position.is_err()).collect();
    assert!(
        odd.iter()
            .all(|r| matches!(&r.position, Err(Missing::NoData(t)) if t.contains("is needed"))),
        "{odd:?}"
    );
}

#[test]
fn each_row_carries_its_tao_emission_and_its_cell_says_where_it_goes() {
    let snapshot = bundled();
    let all = rows(&form(&[]), &snapshot);
    let emission = crate::calc::tao_emission::emissions(&snapshot);
    for (row, e) in all.iter().zip(&emission) {
        assert_eq!(&row.emission, e);
    }
    let at = all.iter().position(|r| r.netuid == 64).unwrap();
    let e = emission[at].clone().unwrap();
    let (pool, buys) = e.per_day.clone().unwrap();
    let mut m = crate::calc::markup::Markup::new();
    crate::calc::screen::row_markup::row_markup(
        &mut m,
        &all[at],
        false,
        "",
        "",
        crate::calc::format::Style::EXACT,
    );
    let html = m.into_string();
    let plain = crate::calc::format::plain;
    assert!(
        html.contains(&format!(
            "data-testid=\"screen-tao-share-64\" data-value=\"{}\"",
            plain(e.share_pct)
        )),
        "{html}"
    );
    assert!(html.contains(&format!(
        "data-testid=\"screen-injection-64\" data-value=\"{}\"",
        plain(pool)
    )));
    assert!(html.contains(&format!(
        "data-testid=\"screen-chain-buys-64\" data-value=\"{}\"",
        plain(buys)
    )));
    // Root takes no share: a dash that says so.
    let mut m = crate::calc::markup::Markup::new();
    crate::calc::screen::row_markup::row_markup(
        &mut m,
        &all[0],
        false,
        "",
        "",
        crate::calc::format::Style::EXACT,
    );
    let root = m.into_string();
    assert!(
        root.contains("Root takes no share of the TAO emission.")
            && !root.contains("screen-tao-share-")
    );
    // The column sorts by the share, largest first.
    let by_share = shown(&all, &form(&[("sort", "-tao_share")]));
    let shares: Vec<Decimal> = by_share
        .iter()
        .filter_map(|&i| all[i].emission.as_ref().map(|e| e.share_pct))
        .collect();
    assert!(shares.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(
        all[by_share[0]].emission.as_ref().map(|e| e.share_pct),
        shares.first().copied()
    );
}

#[test]
fn roots_row_carries_the_basket_the_returns_page_shows() {
    use crate::calc::returns::root_basket::basket_figures;
    let snapshot = bundled();
    let f = form(&[("amount", "1000"), ("days", "30")]);
    let all = rows(&f, &snapshot);
    let root = all.iter().find(|r| r.netuid == 0).unwrap();
    let returns = ReturnsForm::read(
        |k| match k {
            "netuid" => Some("0".into()),
            "amount" => Some("1000".into()),
            "days" => Some("30".into()),
            _ => None,
        },
        &snapshot,
    );
    let page = basket_figures(&returns, &snapshot).unwrap();
    assert_eq!(root.basket, Some(Ok((page.end.net_tao, page.apy_pct))));
    assert!(all
        .iter()
        .filter(|r| r.netuid != 0)
        .all(|r| r.basket.is_none()));
    let mut m = crate::calc::markup::Markup::new();
    super::super::row_markup::row_markup(&mut m, root, false, "", "", Default::default());
    let html = m.into_string();
    let value = crate::calc::format::plain(page.end.net_tao);
    assert!(
        html.contains(&format!(
            r#"data-testid="screen-root-basket-0" data-value="{value}""#
        )),
        "{html}"
    );
    // A field that does not read leaves the basket out with the rest.
    let bad = rows(&form(&[("amount", "x")]), &snapshot);
    assert_eq!(bad.iter().find(|r| r.netuid == 0).unwrap().basket, None);
}

#[test]
fn a_switched_off_subnet_gets_no_tao_but_still_pays_its_stakers() {
    // SPEC §2 (issue 31's corrections): SubnetEmissionEnabled = false takes the subnet out of
    // the TAO shares (coinbase/subnet_emissions.rs), not out of its alpha emission.
    let mut snapshot = bundled();
    let f = form(&[("amount", "100"), ("days", "30")]);
    let on = rows(&f, &snapshot);
    let at = snapshot
        .subnets
        .iter()
        .position(|s| s.netuid == 64)
        .unwrap();
    snapshot.subnets[at].emission_enabled = Some(false);
    let off = rows(&f, &snapshot);
    let (a, b) = (
        on.iter().find(|r| r.netuid == 64).unwrap(),
        off.iter().find(|r| r.netuid == 64).unwrap(),
    );
    assert_eq!(a.position, b.position);
    assert!(a.emission.as_ref().unwrap().share_pct > Decimal::ZERO);
    assert_eq!(b.emission.as_ref().unwrap().share_pct, Decimal::ZERO);
}
