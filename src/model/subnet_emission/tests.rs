use super::injection::{split, Injection};
use super::*;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn terms(netuid: u16, price: &str, burned: &str) -> SubnetTerms {
    SubnetTerms {
        netuid,
        eligible: netuid != 0,
        moving_price: d(price),
        miner_burned: d(burned),
        enabled: true,
    }
}

/// Root (not eligible) and five subnets: moving prices 8, 4, 2, 2, 0; subnet 4 burned half.
fn five() -> Vec<SubnetTerms> {
    vec![
        terms(0, "1", "0"),
        terms(1, "8", "0"),
        terms(2, "4", "0"),
        terms(3, "2", "0"),
        terms(4, "2", "0.5"),
        terms(5, "0", "0"),
    ]
}

fn close(a: Decimal, b: Decimal) {
    assert!((a - b).abs() < d("1e-24"), "{a} vs {b}");
}

fn shares(s: &Shares) -> Vec<Decimal> {
    s.rows.iter().map(|r| r.share).collect()
}

#[test]
fn five_subnets_by_hand_through_burn_gate_and_a_switched_off_one() {
    let gate = Gate {
        bar_rank: 2,
        ..Gate::default()
    };
    let all = tao_shares(&five(), &gate).unwrap();
    // Price shares 8, 4, 2, 2, 0 of 16; root takes no part.
    let price: Vec<Decimal> = all.rows.iter().map(|r| r.price_share).collect();
    assert_eq!(
        price,
        [0, 8, 4, 2, 2, 0].map(|n| Decimal::from(n) / Decimal::from(16))
    );
    // Subnet 4 keeps half: 8, 4, 2, 1 of 15.
    let weighted: Vec<Decimal> = all.rows.iter().map(|r| r.weighted).collect();
    for (w, n) in weighted.iter().zip([0, 8, 4, 2, 1, 0]) {
        close(*w, Decimal::from(n) / Decimal::from(15));
    }
    // The bar is the second share, 4/15. Gated with h = 3: 8/15 at half the bar keeps 8/9
    // (64/135), the bar itself half (18/135), 2/15 at twice it 1/9 (2/135), 1/15 at four times
    // 1/65 (1/975); over 8,775ths 4,160, 1,170, 130 and 9, of 5,469.
    close(all.bar, d("4") / d("15"));
    // Measured against it: 2, 1, 1/2 and 1/4; root and the unpriced subnet 0.
    let vs: Vec<Decimal> = all.rows.iter().map(|r| r.vs_bar.unwrap()).collect();
    for (v, h) in vs.iter().zip(["0", "2", "1", "0.5", "0.25", "0"]) {
        close(*v, d(h));
    }
    let by_hand = [0, 4_160, 1_170, 130, 9, 0].map(|n| Decimal::from(n) / Decimal::from(5_469));
    for (s, h) in shares(&all).iter().zip(by_hand) {
        close(*s, h);
    }
    // Subnet 3 switched off: the others share its part, over 4,160 + 1,170 + 9 = 5,339.
    let mut off = five();
    off[3].enabled = false;
    let fewer = tao_shares(&off, &gate).unwrap();
    let by_hand = [0, 4_160, 1_170, 0, 9, 0].map(|n| Decimal::from(n) / Decimal::from(5_339));
    for (s, h) in shares(&fewer).iter().zip(by_hand) {
        close(*s, h);
    }
    // It still counts for the bar (the chain ranks before it switches subnets off).
    assert_eq!(fewer.bar, all.bar);
}

#[test]
fn the_quantile_bar_and_a_rank_past_the_shares() {
    // Rank 0: the shares largest first add up to 0.61 at the second (8/15 + 4/15), so the
    // same bar as rank 2.
    let quantile = Gate {
        bar_rank: 0,
        ..Gate::default()
    };
    let rank2 = Gate {
        bar_rank: 2,
        ..Gate::default()
    };
    assert_eq!(
        tao_shares(&five(), &quantile).unwrap(),
        tao_shares(&five(), &rank2).unwrap()
    );
    // A bar the chain kept wins over the shares' own: at 8/15 the largest share keeps half.
    let kept = Gate {
        stored_bar: Some(d("8") / d("15")),
        ..rank2
    };
    let stored = tao_shares(&five(), &kept).unwrap();
    close(stored.bar, d("8") / d("15"));
    // 8/15 at the bar keeps half, 4/15; 4/15 at half the bar a ninth, 4/135; 2/15 a 65th,
    // 2/975; 1/15 a 513th: the largest share is its part over their sum.
    let a = d("4") / d("15");
    let b = d("4") / d("135");
    let c = d("2") / d("975");
    let e = (d("1") / d("15")) / d("513");
    close(stored.rows[1].share, a / (a + b + c + e));
    // The default rank, 32, is past the four positive shares: the bar is the smallest, 1/15,
    // which keeps half of itself.
    let wide = tao_shares(&five(), &Gate::default()).unwrap();
    close(wide.bar, d("1") / d("15"));
}

#[test]
fn edges_everything_burned_switched_off_or_priced_at_zero() {
    let gate = Gate::default();
    // Every miner incentive burned: the price shares stand (then the gate).
    let burned: Vec<SubnetTerms> = five()
        .into_iter()
        .map(|s| SubnetTerms {
            miner_burned: d("1.5"),
            ..s
        })
        .collect();
    let out = tao_shares(&burned, &gate).unwrap();
    assert_eq!(
        out.rows.iter().map(|r| r.weighted).collect::<Vec<_>>(),
        out.rows.iter().map(|r| r.price_share).collect::<Vec<_>>()
    );
    // Every subnet switched off: nobody gets TAO.
    let off: Vec<SubnetTerms> = five()
        .into_iter()
        .map(|s| SubnetTerms {
            enabled: false,
            ..s
        })
        .collect();
    assert!(shares(&tao_shares(&off, &gate).unwrap())
        .iter()
        .all(Decimal::is_zero));
    // No prices at all: no shares and no bar.
    let flat: Vec<SubnetTerms> = five()
        .into_iter()
        .map(|s| SubnetTerms {
            moving_price: d("-1"),
            ..s
        })
        .collect();
    let none = tao_shares(&flat, &gate).unwrap();
    assert!(shares(&none).iter().all(Decimal::is_zero));
    assert_eq!(none.bar, Decimal::ZERO);
    // A share a billion times below the bar: the gate's power leaves Decimal's range and the
    // share gets nothing.
    let tiny = vec![terms(1, "1", "0"), terms(2, "0.000000001", "0")];
    let two = tao_shares(
        &tiny,
        &Gate {
            bar_rank: 1,
            ..gate
        },
    )
    .unwrap();
    assert_eq!(two.rows[1].share, Decimal::ZERO);
    assert_eq!(two.rows[0].share, Decimal::ONE);
}

#[test]
fn the_bundled_subnets_shares_sum_to_one() {
    let snapshot = crate::snapshot::bundled::bundled();
    let subnets: Vec<SubnetTerms> = snapshot
        .subnets
        .iter()
        .map(|s| SubnetTerms {
            netuid: s.netuid,
            eligible: s.netuid != 0 && s.moving_price.is_some(),
            moving_price: s.moving_price.unwrap_or_default(),
            miner_burned: Decimal::ZERO,
            enabled: true,
        })
        .collect();
    let out = tao_shares(&subnets, &Gate::default()).unwrap();
    let total: Decimal = shares(&out).iter().sum();
    assert!((total - Decimal::ONE).abs() < d("1e-12"), "{total}");
    assert!(out.rows.iter().filter(|r| r.share > Decimal::ZERO).count() > 32);
}

#[test]
fn the_split_caps_the_pool_at_rp_of_the_alpha_emission() {
    // 0.5 TAO at 0.02 TAO per alpha would bring 25 alpha; rp 0.1 of 1 alpha caps it at 0.1
    // alpha and its 0.002 TAO, and 0.498 TAO buys alpha for the protocol.
    assert_eq!(
        split(d("0.5"), d("0.02"), d("0.1"), d("1")).unwrap(),
        Injection {
            tao_in: d("0.002"),
            alpha_in: d("0.1"),
            chain_buy_tao: d("0.498"),
        }
    );
    // 0.001 TAO brings 0.05 alpha, under the cap: all of it goes in.
    assert_eq!(
        split(d("0.001"), d("0.02"), d("0.1"), d("1")).unwrap(),
        Injection {
            tao_in: d("0.001"),
            alpha_in: d("0.05"),
            chain_buy_tao: Decimal::ZERO,
        }
    );
    // No price: everything goes in as TAO.
    assert_eq!(
        split(d("0.5"), Decimal::ZERO, d("0.1"), d("1"))
            .unwrap()
            .tao_in,
        d("0.5")
    );
}
