//! The selection's semantics on hand-made sets, checked against a naive model with BTreeSets;
//! the gene-set restriction; the design-meets-data query.

use std::collections::BTreeSet;

use genoforge::core::datasets::catalog::{Catalog, GeneFilter};
use genoforge::core::datasets::data::{DataStatus, DatasetData};
use genoforge::core::datasets::evaluation::{Evaluation, key_text, result_line};
use genoforge::core::datasets::info::{DatasetInfo, PredictionLevel};
use genoforge::core::datasets::intern::{EnvironmentId, Interner};
use genoforge::core::datasets::key::{self, KeyKind};
use genoforge::core::datasets::keyset::KeySet;
use genoforge::core::datasets::measured::measured_in;
use genoforge::core::datasets::selection::{Join, Selection};

/// A catalog of user datasets `ids`, each holding the given genotypes (genes joined by `;`).
fn catalog(sets: &[(&str, &[&str])]) -> Catalog {
    let mut c = Catalog::default();
    for (id, genotypes) in sets {
        let i = c.add(DatasetInfo::user(id, id, PredictionLevel::Global, None));
        let mut keys = Vec::new();
        for g in *genotypes {
            let mut ids: Vec<_> = g.split(';').map(|n| c.interner.gene(n)).collect();
            ids.sort_unstable();
            ids.dedup();
            keys.push(key::pack(&ids, EnvironmentId::NONE, &mut c.interner));
        }
        c.add_data(
            i,
            DatasetData {
                status: DataStatus::Imported,
                keys: KeySet::from_unsorted(keys),
                records: genotypes.len() as u64,
                sources: Vec::new(),
            },
        );
    }
    c
}

fn texts(keys: &KeySet, i: &Interner) -> BTreeSet<String> {
    keys.as_slice()
        .iter()
        .map(|&k| key_text(k, KeyKind::Genotype, i))
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

const A: &[&str] = &["Y1", "Y2", "Y1;Y2", "Y3"];
const B: &[&str] = &["Y1", "Y1;Y2", "Y4", "Y2;Y1;Y5"];
const C: &[&str] = &["Y1", "Y4", "Y1;Y2;Y5", "Y6"];

#[test]
fn overlaps_union_and_jaccard_per_pair() {
    let c = catalog(&[("a", A), ("b", B), ("c", C)]);
    let s = Selection::new(3);
    let ev = Evaluation::new(&c, &s, KeyKind::Genotype, None);
    let o = &ev.overlaps;
    assert_eq!(o.size(0), Some(4));
    // a ∩ b = {Y1, Y1;Y2}; b ∩ c = {Y1, Y4, Y1;Y2;Y5}; a ∩ c = {Y1}.
    assert_eq!(o.intersection(0, 1), Some(2));
    assert_eq!(o.intersection(1, 2), Some(3));
    assert_eq!(o.intersection(2, 0), Some(1));
    assert_eq!(o.union(0, 1), Some(6));
    assert_eq!(o.jaccard(1, 2), Some(3.0 / 5.0));
    for x in 0..3 {
        for y in 0..3 {
            assert_eq!(o.intersection(x, y), o.intersection(y, x));
        }
    }
    // Key gene: a has {Y1, Y2, Y3}, c has {Y1, Y2, Y4, Y5, Y6}.
    let g = Evaluation::new(&c, &s, KeyKind::Gene, None);
    assert_eq!(g.overlaps.size(0), Some(3));
    assert_eq!(g.overlaps.size(2), Some(5));
    assert_eq!(g.overlaps.intersection(0, 2), Some(2));
}

#[test]
fn triangle_of_intersections_is_one_group() {
    // A∩B, B∩C, A∪C: one group {A, B, C}; it contributes keys present in all three.
    let c = catalog(&[("a", A), ("b", B), ("c", C), ("d", &["Y9", "Y1"])]);
    let mut s = Selection::new(4);
    for i in 0..4 {
        s.select(i, true).unwrap();
    }
    s.set_join(0, 1, Join::Intersection).unwrap();
    s.set_join(1, 2, Join::Intersection).unwrap();
    assert_eq!(s.join(0, 2), Join::Union);
    let ev = Evaluation::new(&c, &s, KeyKind::Genotype, None);
    let groups: Vec<Vec<usize>> = ev
        .outcome
        .groups
        .iter()
        .map(|g| g.members.clone())
        .collect();
    assert_eq!(groups, vec![vec![0, 1, 2], vec![3]]);
    assert_eq!(
        texts(ev.outcome.groups[0].keys.as_ref().unwrap(), &c.interner),
        set(&["Y1"])
    );
    // Result = union over groups.
    assert_eq!(
        texts(ev.outcome.result.as_ref().unwrap(), &c.interner),
        set(&["Y1", "Y9"])
    );
    assert_eq!(
        result_line(&c, &ev),
        "Training set: 2 genotypes in 2 groups: {a ∩ b ∩ c}, {d}"
    );
}

#[test]
fn matches_a_naive_model_on_every_join_pattern() {
    let sets: [&[&str]; 4] = [A, B, C, &["Y1", "Y4", "Y7;Y8"]];
    let c = catalog(&[
        ("a", sets[0]),
        ("b", sets[1]),
        ("c", sets[2]),
        ("d", sets[3]),
    ]);
    let naive: Vec<BTreeSet<String>> = sets
        .iter()
        .map(|s| {
            s.iter()
                .map(|g| {
                    let mut v: Vec<&str> = g.split(';').collect();
                    v.sort_unstable();
                    v.dedup();
                    v.join(";")
                })
                .collect()
        })
        .collect();
    let pairs = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)];
    for selected in 1u32..16 {
        for joins in 0u32..64 {
            let mut s = Selection::new(4);
            for i in 0..4 {
                s.select(i, selected >> i & 1 == 1).unwrap();
            }
            let mut edges = Vec::new();
            for (b, &(x, y)) in pairs.iter().enumerate() {
                if joins >> b & 1 == 1 && s.is_selected(x) && s.is_selected(y) {
                    s.set_join(x, y, Join::Intersection).unwrap();
                    edges.push((x, y));
                }
            }
            // Naive components by repeated merging.
            let mut comp: Vec<usize> = (0..4).collect();
            for _ in 0..4 {
                for &(x, y) in &edges {
                    let m = comp[x].min(comp[y]);
                    comp[x] = m;
                    comp[y] = m;
                }
            }
            let mut expected = BTreeSet::new();
            for root in 0..4 {
                let members: Vec<usize> = (0..4)
                    .filter(|&i| s.is_selected(i) && comp[i] == root)
                    .collect();
                if members.is_empty() {
                    continue;
                }
                let mut acc = naive[members[0]].clone();
                for &m in &members[1..] {
                    acc = acc.intersection(&naive[m]).cloned().collect();
                }
                expected.extend(acc);
            }
            let ev = Evaluation::new(&c, &s, KeyKind::Genotype, None);
            assert_eq!(
                texts(ev.outcome.result.as_ref().unwrap(), &c.interner),
                expected,
                "selected {selected:04b} joins {joins:06b}"
            );
        }
    }
}

#[test]
fn gene_set_keeps_genotypes_whose_genes_are_all_in_it() {
    let c = catalog(&[("a", A), ("b", B)]);
    let filter = GeneFilter::new(
        &["y1".into(), "Y2".into(), "YNOTSEEN".into()],
        None,
        &c.interner,
    );
    let mut s = Selection::new(2);
    s.select(0, true).unwrap();
    s.select(1, true).unwrap();
    let ev = Evaluation::new(&c, &s, KeyKind::Genotype, Some(&filter));
    assert_eq!(
        texts(ev.keys[0].as_ref().unwrap(), &c.interner),
        set(&["Y1", "Y2", "Y1;Y2"])
    );
    assert_eq!(
        texts(ev.keys[1].as_ref().unwrap(), &c.interner),
        set(&["Y1", "Y1;Y2"])
    );
    assert_eq!(ev.outcome.result_size(), Some(3));
}

#[test]
fn unknown_data_makes_unknown_counts_not_zero() {
    let mut c = catalog(&[("a", A)]);
    c.add(DatasetInfo::user(
        "meta",
        "meta",
        PredictionLevel::Global,
        None,
    ));
    let mut s = Selection::new(2);
    s.select(0, true).unwrap();
    s.select(1, true).unwrap();
    let ev = Evaluation::new(&c, &s, KeyKind::Genotype, None);
    assert_eq!(ev.overlaps.intersection(0, 1), None);
    assert_eq!(ev.overlaps.size(1), None);
    assert_eq!(ev.outcome.result_size(), None);
    assert_eq!(
        result_line(&c, &ev),
        "Training set: unknown (no data for meta) in 2 groups: {a}, {meta}"
    );
    // Joining an unselected dataset is refused; the selection is unchanged.
    s.select(1, false).unwrap();
    let before = s.clone();
    assert!(s.set_join(0, 1, Join::Intersection).is_err());
    assert_eq!(s, before);
}

#[test]
fn design_meets_data() {
    let c = catalog(&[
        (
            "costanzo",
            &[
                "YAL001C",
                "YAL001C;YBR188C",
                "YAL001C;YMR296C",
                "YBR188C;YMR296C",
            ],
        ),
        ("kuzmin", &["YAL001C;YBR188C", "YAL001C;YBR188C;YMR296C"]),
        ("other", &["YMR296C"]),
    ]);
    let m = measured_in(&["ybr188c".into(), "YAL001C".into()], &c, 10);
    assert_eq!(m.genotype, ["YAL001C", "YBR188C"]);
    let exact: Vec<&str> = m.exact.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(exact, ["costanzo", "kuzmin"]);
    let tfc3 = &m.genes[0];
    assert_eq!(tfc3.gene, "YAL001C");
    let cov: Vec<(&str, [u64; 4])> = tfc3
        .datasets
        .iter()
        .map(|d| (d.id.as_str(), d.genotypes_by_size))
        .collect();
    assert_eq!(cov, [("costanzo", [1, 2, 0, 0]), ("kuzmin", [0, 1, 1, 0])]);
    assert_eq!(tfc3.datasets[0].examples[0].genes, ["YAL001C"]);
    // A gene no dataset has.
    let none = measured_in(&["YPR204W".into()], &c, 10);
    assert!(none.exact.is_empty() && none.genes[0].datasets.is_empty());
}
