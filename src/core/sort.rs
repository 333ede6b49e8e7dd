//! Stable sorting that costs the browser's download one copy of the sort, not one per call site.
//!
//! `slice::sort_by` is monomorphised for each element type and comparator: every call site
//! carries its own copy of the standard library's driftsort (about 4 kB of wasm each). In the app's
//! wasm, 58 such copies were 8% of the code (226 kB of 2.8 MB, measured with twiggy; README
//! "Download size"). In wasm32 builds these functions sort a permutation of `u32` indices with a
//! `dyn` comparator — one instantiation shared by every caller — and then move the elements into
//! place; natively they are `slice::sort_by` (speed matters there, size does not). Both are
//! stable, so the browser and the CLI put equal elements in the same order.
//!
//! Sorts of plain integers (`Vec<u32>::sort_unstable`) and of their newtypes need none of this:
//! they share one instantiation per integer type already (wasm-opt merges the newtypes' copies).
//! Unstable sorts of anything else (strings, tuples, structs) call [`sort`] instead: for a total
//! order whose equal elements are identical the result is the same, and 14 such sites were 8.5 kB
//! of the app's wasm gzipped. A genotype key's few names, sorted once per key, use
//! [`sort_short`] (no allocation).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp` (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    sort_by_indices(v, cmp);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(cmp);
}

/// Sorts `v` stably by the key `key` gives each element (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably in its natural order (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts a short slice (a genotype key's few gene names) in place, without allocating: an
/// insertion sort, stable, for loops over every key where [`sort`]'s index vector would be an
/// allocation per key. Quadratic: meant for slices of a handful of elements.
pub fn sort_short<T: Ord>(v: &mut [T]) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v[j - 1] > v[j] {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The wasm32 path, compiled everywhere so native tests check it: the order of `v` under `cmp` as
/// a permutation of indices (sorted by the one shared instantiation in [`order`]), then applied
/// in place. Stable, like `slice::sort_by`. Slices longer than `u32::MAX` use `slice::sort_by`.
pub fn sort_by_indices<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    if u32::try_from(v.len()).is_err() {
        v.sort_by(cmp);
        return;
    }
    let order = {
        let elements: &[T] = v;
        order(elements.len(), &mut |a, b| {
            cmp(&elements[a as usize], &elements[b as usize])
        })
    };
    permute(v, order);
}

/// The indices `0..len` sorted stably by `cmp`: the one place the standard sort is instantiated.
#[inline(never)]
fn order(len: usize, cmp: &mut dyn FnMut(u32, u32) -> Ordering) -> Vec<u32> {
    // `len` fits in u32: checked by the caller.
    let mut idx: Vec<u32> = (0..len as u32).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// Rearranges `v` so that position `i` holds what was at `order[i]`, following each cycle of the
/// permutation with swaps (`order` is used up as the record of what is done).
fn permute<T>(v: &mut [T], mut order: Vec<u32>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_path_is_stable_and_equals_the_standard_sort() {
        // Pairs sorted by their first value only: the second says where each came from.
        let mut seed = 0x2545_f491_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for len in [0usize, 1, 2, 3, 7, 20, 33, 100, 1000, 4097] {
            let v: Vec<(u32, usize)> = (0..len).map(|i| (next() % 13, i)).collect();
            let mut ours = v.clone();
            sort_by_indices(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = v.clone();
            std_sorted.sort_by_key(|a| a.0);
            assert_eq!(ours, std_sorted, "length {len}");
        }
    }

    #[test]
    fn short_sorts_equal_the_standard_sort() {
        for v in [
            vec![],
            vec!["b"],
            vec!["b", "a"],
            vec!["c", "a", "b", "a"],
            vec!["a", "b", "c"],
        ] {
            let mut ours = v.clone();
            sort_short(&mut ours);
            let mut std_sorted = v.clone();
            std_sorted.sort_unstable();
            assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn keys_reversed_orders_and_owned_elements_move_whole() {
        let mut words: Vec<String> = ["pho5", "gal4", "his3", "ura3", "leu2", "met15"]
            .map(String::from)
            .to_vec();
        sort_by_indices(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["ura3", "pho5", "met15", "leu2", "his3", "gal4"]);
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["ura3", "pho5", "leu2", "his3", "gal4", "met15"]);
        sort(&mut words);
        assert_eq!(words, ["gal4", "his3", "leu2", "met15", "pho5", "ura3"]);
    }
}
