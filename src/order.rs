//! Sorting through one copy of the standard library's sort.
//!
//! Every `sort_by` with a closure of its own makes the compiler write out the whole standard
//! sort again for it (about 4–5 KB of wasm a call site: twelve of them were 53 KB of the
//! page's 1 MB). These sort the positions of the items through one shared copy, then move the
//! items into place by swaps, so a call site costs a few hundred bytes. Stable, as
//! `slice::sort_by` is. clippy.toml sends the core's sorts here.

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp`.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = positions(items.len(), &|a, b| cmp(&items[a], &items[b]));
    place(items, &order);
}

/// Sorts `items` stably by a key.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts numbers in ascending order, by `f64::total_cmp` (so a NaN cannot upset it).
pub fn sort_floats(values: &mut [f64]) {
    sort_by(values, f64::total_cmp);
}

/// The positions `0..n` in the order `cmp` puts them, ties in position order: the one place
/// the standard sort is instantiated.
#[inline(never)]
fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    #[allow(clippy::disallowed_methods)]
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Moves the item at `order[k]` to position `k`, cycle by cycle.
fn place<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut k = start;
        while !placed[k] {
            placed[k] = true;
            let from = order[k];
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        // Pairs with repeated keys: the second field shows whether ties kept their order.
        let mut seed = 7u64;
        for len in [0usize, 1, 2, 3, 10, 57, 400] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut theirs = items;
            #[allow(clippy::disallowed_methods)]
            theirs.sort_by_key(|a| a.0);
            assert_eq!(ours, theirs, "length {len}");
        }
    }

    #[test]
    fn sorts_by_key_and_floats() {
        let mut words = vec!["pear", "fig", "banana", "kiwi"];
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "banana"]);
        let mut values = vec![2.5, -1.0, f64::NAN, 0.0, -0.0];
        sort_floats(&mut values);
        assert_eq!(format!("{values:?}"), "[-1.0, -0.0, 0.0, 2.5, NaN]");
    }

    #[test]
    fn moves_items_that_are_not_copied() {
        let mut names: Vec<String> = ["c", "a", "b"].iter().map(|s| s.to_string()).collect();
        sort_by(&mut names, |a, b| a.cmp(b));
        assert_eq!(names, ["a", "b", "c"]);
    }
}
