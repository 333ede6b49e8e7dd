//! Build script: a hash of the sources, `GENOFORGE_BUILD`, so the files Trunk does not hash — the
//! Datasets tab's wasm and the dataset worker, loaded by stable names — are fetched under a query
//! that changes with every build that changes them (`src/ui/asset_version.rs`): a browser never
//! runs a cached old one after an update.

use std::path::{Path, PathBuf};

/// FNV-1a, 64 bits: stable across toolchains (std's hasher is not).
fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let inputs = ["src", "Cargo.toml", "Cargo.lock"];
    let mut paths = Vec::new();
    for i in inputs {
        println!("cargo:rerun-if-changed={i}");
        let p = Path::new(i);
        if p.is_dir() {
            files(p, &mut paths);
        } else {
            paths.push(p.to_path_buf());
        }
    }
    paths.sort();
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for p in &paths {
        fnv(&mut hash, p.to_string_lossy().as_bytes());
        fnv(&mut hash, &std::fs::read(p).unwrap_or_default());
    }
    println!("cargo:rustc-env=GENOFORGE_BUILD={:08x}", hash >> 32);
}
