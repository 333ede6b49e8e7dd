//! Edit-engine benchmarks on the default genome (issue 3):
//! - add one edit and re-lift all 28,695 features at 1,000 existing edits (aim ≤ 1 ms);
//! - compose 5,000 edits, Sc2.0 scale (aim ≤ 100 ms);
//! - load + 1,000 kanMX4 replacements + write FASTA and GFF3 (aim ≤ 150 ms);
//! - an edits JSON of 200,000 edits (tests/common's generator) parsed, applied and lifted
//!   (issue 9: one `apply` of 200,000 edits ≤ 2 s).
//!
//! Run: `cargo bench --bench edits`.

#[path = "../common/mod.rs"]
mod common;

use std::path::PathBuf;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use genoforge::core::design::Design;
use genoforge::core::edit::EditRequest;
use genoforge::core::edit::helpers::{Side, insert_next_to_gene, replace_gene};
use genoforge::core::genetics::cassette::Cassette;
use genoforge::core::genome::Genome;
use genoforge::core::genome::feature::{FeatureIdx, FeatureKind};
use genoforge::core::lift::Lifted;
use genoforge::core::lift::edited::EditedGenome;
use genoforge::core::strand::Strand;
use genoforge::io::load::{InputFile, LoadRequest, load};
use genoforge::io::{fasta_writer, gff3};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn request() -> LoadRequest {
    let g = root().join("public/genome");
    let read = |n: &str| InputFile::new(n, std::fs::read(g.join(n)).unwrap());
    LoadRequest {
        gff: Some(read("Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz")),
        fasta: Some(read("S288C_reference_sequence_R64-2-1_20150113.fsa.gz")),
        feature_table: None,
    }
}

fn kanmx4() -> Cassette {
    let gb = std::fs::read(root().join("tests/data/cassettes/pFA6a-kanMX4_AJ002680.gb")).unwrap();
    let rec = &genoforge::io::genbank::read(&gb).unwrap()[0];
    genoforge::io::cassette::marker_cassette(rec, "kanMX4", "kan", "G418").unwrap()
}

fn protein_coding(g: &Genome) -> Vec<FeatureIdx> {
    g.genes()
        .filter(|&i| {
            let f = g.feature(i);
            f.kind == FeatureKind::Gene
                && f.attributes().first("biotype").as_deref() == Some("protein_coding")
        })
        .collect()
}

/// kanMX4 replacements of the first `n` protein-coding genes that do not conflict.
fn kan_requests(g: &Genome, kan: &Cassette, n: usize) -> Vec<EditRequest> {
    let mut probe = Design::new();
    let mut out = Vec::new();
    for gene in protein_coding(g) {
        if out.len() == n {
            break;
        }
        let feat = kan.feature(None, Strand::Forward);
        let req = replace_gene(g, gene, kan.sequence.as_bytes(), Some(feat), None);
        if probe.add(g, req.clone()).is_ok() {
            out.push(req);
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let loaded = load(request()).unwrap();
    let g = &loaded.genome;
    let kan = kanmx4();
    let reqs = kan_requests(g, &kan, 1001);
    let mut base = Design::new();
    base.add_all(g, reqs[..1000].iter().cloned()).unwrap();
    let extra = reqs[1000].clone();
    let lifted = Lifted::new(g, &base);

    let mut group = c.benchmark_group("edits");
    group.sample_size(30);
    group.bench_function(
        "add_one_edit_relift_all_features_at_1000_edits_incremental",
        |b| {
            b.iter_batched(
                || (base.clone(), lifted.clone()),
                |(mut d, mut l)| {
                    d.add(g, extra.clone()).unwrap();
                    l.update_contig(g, &d, extra.contig);
                    (d, l)
                },
                BatchSize::LargeInput,
            )
        },
    );
    group.bench_function("add_one_edit_relift_all_features_at_1000_edits_full", |b| {
        b.iter_batched(
            || base.clone(),
            |mut d| {
                d.add(g, extra.clone()).unwrap();
                let l = Lifted::new(g, &d);
                (d, l)
            },
            BatchSize::LargeInput,
        )
    });

    // Sc2.0 scale: a 34-bp loxPsym site 3′ of 5,000 genes.
    const LOXPSYM: &[u8] = b"ATAACTTCGTATAATGTACATTATACGAAGTTAT";
    let mut lox = Vec::new();
    let mut probe = Design::new();
    for gene in g.genes() {
        if lox.len() == 5000 {
            break;
        }
        let req = insert_next_to_gene(g, gene, Side::After, LOXPSYM, None, None);
        if probe.add(g, req.clone()).is_ok() {
            lox.push(req);
        }
    }
    assert_eq!(lox.len(), 5000);
    group.bench_function("compose_5000_edits", |b| {
        b.iter_batched(
            || lox.clone(),
            |reqs| {
                let mut d = Design::new();
                for r in reqs {
                    d.add(g, r).unwrap();
                }
                d
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("compose_5000_edits_and_lift_all_features", |b| {
        b.iter_batched(
            || lox.clone(),
            |reqs| {
                let mut d = Design::new();
                for r in reqs {
                    d.add(g, r).unwrap();
                }
                let l = Lifted::new(g, &d);
                (d, l)
            },
            BatchSize::LargeInput,
        )
    });

    let reqs1000 = reqs[..1000].to_vec();
    group.sample_size(10);
    group.bench_function("load_1000_kanmx4_write_fasta_gff3", |b| {
        b.iter_batched(
            || (request(), reqs1000.clone()),
            |(req, reqs)| {
                let loaded = load(req).unwrap();
                let g = &loaded.genome;
                let mut d = Design::new();
                d.add_all(g, reqs).unwrap();
                let l = Lifted::new(g, &d);
                let mut fasta = Vec::with_capacity(13 << 20);
                fasta_writer::write(
                    &mut fasta,
                    &EditedGenome::new(g, &d),
                    fasta_writer::Width::Sixty,
                )
                .unwrap();
                let mut gff = Vec::with_capacity(6 << 20);
                gff3::writer::write(&mut gff, g, &d, &l).unwrap();
                (fasta.len(), gff.len(), loaded)
            },
            BatchSize::LargeInput,
        )
    });
    let json = common::many_edits_json(g, 200_000, 9);
    group.bench_function("apply_200k_edits_json", |b| {
        b.iter(|| {
            let file = genoforge::io::edits_json::parse(json.as_bytes()).unwrap();
            let mut d = Design::new();
            genoforge::io::edits_json::apply(&file, g, &mut d).unwrap();
            let l = Lifted::new(g, &d);
            (d, l)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
