//! Stable sorting with one copy of the sort's code. The standard library's sort is generic over
//! the element and the comparison, so each of the app's sorts carried its own copy (about 3.5 KB
//! of wasm each, 37 KB in all before wasm-opt; measured 2026-11-25). Here the sort runs over
//! indices with a `dyn` comparison, once in the binary; only moving the items is generic.

use std::cmp::Ordering;

/// The positions of `len` items in sorted order, stable (equal items keep their order).
fn sorted_positions(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| cmp(a, b));
    positions
}

/// `items.sort_by(cmp)`, stable.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let positions = sorted_positions(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(positions.into_iter().filter_map(|p| slots[p].take()));
}

/// `items.sort_by_key(key)`, stable.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does(items in proptest::collection::vec((0u8..8, any::<u32>()), 0..60)) {
            let mut ours = items.clone();
            let mut std = items;
            // Keys repeat, so this also checks that equal keys keep their order.
            sort_by_key(&mut ours, |p| std::cmp::Reverse(p.0));
            std.sort_by_key(|p| std::cmp::Reverse(p.0));
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn sorts_nothing_and_one() {
        let mut none: Vec<u8> = Vec::new();
        sort_by(&mut none, |a, b| a.cmp(b));
        assert!(none.is_empty());
        let mut one = vec![7];
        sort_by(&mut one, |a, b| b.cmp(a));
        assert_eq!(one, vec![7]);
    }
}
