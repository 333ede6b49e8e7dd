//! Default-genome load natively: gunzip + parse + index (issue 2). Stages are measured apart too.
//!
//! Run: `cargo bench --bench load`.

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use genoforge::io::compress::decompress;
use genoforge::io::load::{InputFile, LoadRequest, load, load_stepwise};

fn read(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("public/genome")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

const GFF: &str = "Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz";
const FASTA: &str = "S288C_reference_sequence_R64-2-1_20150113.fsa.gz";
const TABLE: &str = "SGD_features.tab.gz";

fn bench(c: &mut Criterion) {
    let (gff, fasta, table) = (read(GFF), read(FASTA), read(TABLE));
    let mut g = c.benchmark_group("load");
    g.sample_size(20);
    let request = || LoadRequest {
        gff: Some(InputFile::new(GFF, gff.clone())),
        fasta: Some(InputFile::new(FASTA, fasta.clone())),
        feature_table: Some(InputFile::new(TABLE, table.clone())),
    };
    // Setup (copying the input bytes) and dropping the genome are outside the measurement.
    g.bench_function("default_genome_full", |b| {
        b.iter_batched(
            request,
            |r| load(r).unwrap(),
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("default_genome_stepwise_single_thread", |b| {
        b.iter_batched(
            request,
            |r| load_stepwise(r).unwrap(),
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("gunzip_fasta", |b| {
        b.iter(|| decompress(fasta.clone()).unwrap())
    });
    g.bench_function("gunzip_gff", |b| {
        b.iter(|| decompress(gff.clone()).unwrap())
    });
    let gff_plain = decompress(gff.clone()).unwrap();
    let fasta_plain = decompress(fasta.clone()).unwrap();
    g.bench_function("parse_gff", |b| {
        b.iter(|| genoforge::io::gff3::read(&gff_plain).unwrap())
    });
    g.bench_function("parse_fasta", |b| {
        b.iter(|| genoforge::io::fasta::read(&fasta_plain, 1).unwrap())
    });
    g.bench_function("assemble", |b| {
        b.iter_batched(
            || {
                (
                    genoforge::io::gff3::read(&gff_plain).unwrap().annotation,
                    genoforge::io::fasta::read(&fasta_plain, 1).unwrap().0,
                )
            },
            |(a, r)| genoforge::core::genome::assemble::assemble(a, r, None),
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
