//! Datasets natively (issue 11): import throughput of a Costanzo-format file (200,000 rows, fed in
//! 1 MiB chunks as the browser feeds Blob slices), overlaps of two 10⁶-key sets, and a whole
//! selection evaluation.
//!
//! Run: `cargo bench --bench datasets`.

#[path = "../native/datasets_support.rs"]
mod datasets_support;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use datasets_support::{Rng, write_costanzo};
use genoforge::core::datasets::catalog::Catalog;
use genoforge::core::datasets::data::{DataStatus, DatasetData};
use genoforge::core::datasets::evaluation::Evaluation;
use genoforge::core::datasets::info::{DatasetInfo, PredictionLevel};
use genoforge::core::datasets::intern::{EnvironmentId, GeneId, Interner};
use genoforge::core::datasets::key::{KeyKind, pack};
use genoforge::core::datasets::keyset::KeySet;
use genoforge::core::datasets::resolve::SystematicNames;
use genoforge::core::datasets::selection::{Join, Selection};
use genoforge::io::datasets::import::{ImportOptions, Importer};

fn pairs(n: usize, genes: u32, seed: u64, interner: &mut Interner) -> KeySet {
    let mut rng = Rng(seed);
    let keys = (0..n)
        .map(|_| {
            let a = (rng.next() % u64::from(genes)) as u32;
            let b = (rng.next() % u64::from(genes)) as u32;
            let mut g = vec![GeneId(a.min(b)), GeneId(a.max(b))];
            g.dedup();
            pack(&g, EnvironmentId::NONE, interner)
        })
        .collect();
    KeySet::from_unsorted(keys)
}

fn bench(c: &mut Criterion) {
    let mut file = Vec::new();
    write_costanzo(&mut file, 200_000, 4_500, 7).unwrap();
    let mut g = c.benchmark_group("datasets");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(file.len() as u64));
    g.bench_function("import_costanzo_200k_rows", |b| {
        b.iter(|| {
            let mut i = Interner::default();
            let mut imp = Importer::new("bench.txt", ImportOptions::default());
            for chunk in file.chunks(1 << 20) {
                imp.feed(chunk, &mut i, &SystematicNames).unwrap();
            }
            imp.finish(&mut i, &SystematicNames).unwrap()
        })
    });

    let mut interner = Interner::default();
    for n in 0..6_000 {
        interner.gene(&format!("G{n}"));
    }
    let a = pairs(1_000_000, 6_000, 3, &mut interner);
    let b = pairs(1_000_000, 6_000, 5, &mut interner);
    g.throughput(Throughput::Elements((a.len() + b.len()) as u64));
    g.bench_function("intersection_len_two_1M_sets", |bch| {
        bch.iter(|| a.intersection_len(&b))
    });

    let mut cat = Catalog {
        interner,
        ..Catalog::default()
    };
    for (id, set) in [("a", a), ("b", b)] {
        let i = cat.add(DatasetInfo::user(id, id, PredictionLevel::Global, None));
        cat.add_data(
            i,
            DatasetData {
                status: DataStatus::Imported,
                keys: set,
                records: 0,
                sources: vec![],
            },
        );
    }
    let mut s = Selection::new(2);
    s.select(0, true).unwrap();
    s.select(1, true).unwrap();
    s.set_join(0, 1, Join::Intersection).unwrap();
    let mut ev = Evaluation::new(&cat, &s, KeyKind::Genotype, None);
    g.bench_function("evaluate_selection_two_1M_sets", |bch| {
        bch.iter(|| Evaluation::new(&cat, &s, KeyKind::Genotype, None))
    });
    g.bench_function("reselect_after_a_click", |bch| {
        bch.iter(|| {
            let mut s2 = s.clone();
            s2.toggle(0, 1).unwrap();
            ev.reselect(&s2);
        })
    });

    // The panel with the bundled data only: a click re-evaluates the whole selection.
    let mut bundled = Catalog::with_registry();
    genoforge::io::datasets::bundled::load_bundled(&mut bundled).unwrap();
    let ids = [
        "costanzo2016_smf",
        "essential_genes",
        "yeast_deletion_collection",
    ];
    let idx: Vec<usize> = ids.iter().map(|i| bundled.index(i).unwrap()).collect();
    let mut sel = Selection::new(bundled.len());
    for &i in &idx {
        sel.select(i, true).unwrap();
    }
    g.bench_function("bundled_click_full_evaluation", |bch| {
        bch.iter(|| {
            sel.toggle(idx[0], idx[1]).unwrap();
            Evaluation::new(&bundled, &sel, KeyKind::Gene, None)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
