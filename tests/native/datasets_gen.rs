//! Generator of large Costanzo- and Kuzmin-format files for measurements (never committed).
//!
//! ```text
//! GENOFORGE_GEN_DIR=/tmp/big GENOFORGE_GEN_ROWS=1000000 GENOFORGE_GEN_KUZMIN_ROWS=500000 \
//!     cargo test --release --test datasets_gen -- --ignored --nocapture
//! ```
//!
//! Writes `costanzo_<rows>.txt` (Data File S1 layout, `GENOFORGE_GEN_GENES` ORFs (4,500),
//! `GENOFORGE_GEN_QUERIES` query ORFs (1,700), DMA/TSA at 26 and 30 °C) and, when
//! `GENOFORGE_GEN_KUZMIN_ROWS` is set, `kuzmin_<rows>.txt`.

use std::io::BufWriter;

use crate::datasets_support::{write_costanzo_with, write_kuzmin};

#[test]
#[ignore = "writes large files; run by hand for measurements"]
fn generate_large_files() {
    let dir = std::path::PathBuf::from(
        std::env::var("GENOFORGE_GEN_DIR").expect("set GENOFORGE_GEN_DIR"),
    );
    std::fs::create_dir_all(&dir).unwrap();
    let rows: usize = std::env::var("GENOFORGE_GEN_ROWS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let path = dir.join(format!("costanzo_{rows}.txt"));
    let mut w = BufWriter::with_capacity(1 << 22, std::fs::File::create(&path).unwrap());
    let genes: usize = std::env::var("GENOFORGE_GEN_GENES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4_500);
    let queries: usize = std::env::var("GENOFORGE_GEN_QUERIES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_700);
    write_costanzo_with(&mut w, rows, genes, queries, 2016).unwrap();
    drop(w);
    eprintln!("wrote {}", path.display());
    if let Some(k) = std::env::var("GENOFORGE_GEN_KUZMIN_ROWS")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
    {
        let path = dir.join(format!("kuzmin_{k}.txt"));
        let mut w = BufWriter::with_capacity(1 << 22, std::fs::File::create(&path).unwrap());
        write_kuzmin(&mut w, k, 4_500, 2018).unwrap();
        drop(w);
        eprintln!("wrote {}", path.display());
    }
}

/// Imports a generated file and prints keys, bytes per key (in memory and stored) and time.
///
/// ```text
/// GENOFORGE_MEASURE_FILE=/tmp/big/costanzo_1000000.txt \
///     cargo test --release --test datasets_gen measure -- --ignored --nocapture
/// ```
#[test]
#[ignore = "reads a large generated file; run by hand for measurements"]
fn measure_import_and_stored_size() {
    use genoforge::core::datasets::intern::Interner;
    use genoforge::core::datasets::key::KeyKind;
    use genoforge::core::datasets::resolve::SystematicNames;
    use genoforge::io::datasets::binary::{decode, encode};
    use genoforge::io::datasets::import::{ImportOptions, Importer};
    use std::io::Read;

    let path = std::env::var("GENOFORGE_MEASURE_FILE").expect("set GENOFORGE_MEASURE_FILE");
    let mut file = std::fs::File::open(&path).unwrap();
    let mut interner = Interner::default();
    let mut imp = Importer::new(&path, ImportOptions::default());
    let mut buf = vec![0u8; 4 << 20];
    let t = std::time::Instant::now();
    loop {
        let n = file.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        imp.feed(&buf[..n], &mut interner, &SystematicNames)
            .unwrap();
    }
    let f = imp.finish(&mut interner, &SystematicNames).unwrap();
    let import = t.elapsed();
    let keys = f.data.keys.len();
    let genotypes = f.data.keys(KeyKind::Genotype, &interner).len();
    let info = genoforge::core::datasets::registry::find("costanzo2016_dmf").unwrap();
    let t = std::time::Instant::now();
    let stored = encode(&info, &f.data, &interner);
    let enc = t.elapsed();
    let t = std::time::Instant::now();
    let (_, back) = decode(&stored, &mut Interner::default()).unwrap();
    let dec = t.elapsed();
    assert_eq!(back.keys.len(), keys);
    eprintln!(
        "{path}: {} rows in {import:?} (4 MiB chunks); {keys} genotype-environment keys, {genotypes} genotypes, \
         {} genes; key set {} bytes ({:.1} per key); stored form {} bytes ({:.2} per key), encode {enc:?}, decode {dec:?}",
        f.stats.rows,
        interner.genes.len(),
        f.data.keys.heap_bytes(),
        f.data.keys.heap_bytes() as f64 / keys as f64,
        stored.len(),
        stored.len() as f64 / keys as f64,
    );
}
