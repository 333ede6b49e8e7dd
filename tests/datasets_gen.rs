//! Generator of large Costanzo- and Kuzmin-format files for measurements (never committed).
//!
//! ```text
//! GENOFORGE_GEN_DIR=/tmp/big GENOFORGE_GEN_ROWS=1000000 GENOFORGE_GEN_KUZMIN_ROWS=500000 \
//!     cargo test --release --test datasets_gen -- --ignored --nocapture
//! ```
//!
//! Writes `costanzo_<rows>.txt` (Data File S1 layout, 4,500 ORFs, 1,700 query ORFs, DMA/TSA at 26
//! and 30 °C) and, when `GENOFORGE_GEN_KUZMIN_ROWS` is set, `kuzmin_<rows>.txt`.

mod datasets_support;

use std::io::BufWriter;

use datasets_support::{write_costanzo, write_kuzmin};

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
    write_costanzo(&mut w, rows, 4_500, 2016).unwrap();
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
