//! `genoforge select` agrees with an independent pandas computation
//! (`tests/pandas/datasets_counts.py`) on the same files. `.ci/setup` installs pandas and
//! `.ci/test` sets `GF_REQUIRE_PANDAS=1`, so CI fails without it; elsewhere the tests are skipped
//! (with a message) where python3 has no pandas.

use std::path::Path;
use std::process::Command;

use crate::datasets_support::*;

fn pandas_available() -> bool {
    let there = Command::new("python3")
        .args(["-c", "import pandas"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        there || std::env::var_os("GF_REQUIRE_PANDAS").is_none(),
        "GF_REQUIRE_PANDAS is set but python3 cannot import pandas (bash .ci/setup installs it)"
    );
    there
}

fn pandas(args: &[&str]) -> serde_json::Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pandas/datasets_counts.py");
    let out = Command::new("python3")
        .arg(script)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn select(args: &[&str], dir: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_genoforge"))
        .args(args)
        .args(["--out", "sel.json"])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&std::fs::read(dir.join("sel.json")).unwrap()).unwrap()
}

fn at(v: &serde_json::Value, id: &str) -> usize {
    v["matrix"]["ids"]
        .as_array()
        .unwrap()
        .iter()
        .position(|x| x == id)
        .unwrap()
}

#[test]
fn costanzo_and_kuzmin_files_agree_with_pandas() {
    if !pandas_available() {
        eprintln!("skipped: python3 with pandas is not installed");
        return;
    }
    let dir = scratch("pandas_sga");
    let mut c = Vec::new();
    write_costanzo(&mut c, 20_000, 600, 11).unwrap();
    std::fs::write(dir.join("costanzo.txt"), c).unwrap();
    let mut k = Vec::new();
    write_kuzmin(&mut k, 10_000, 600, 12).unwrap();
    std::fs::write(dir.join("kuzmin.txt"), k).unwrap();
    let cpath = dir.join("costanzo.txt");
    let kpath = dir.join("kuzmin.txt");
    for key in ["gene", "genotype", "genotype_environment"] {
        for intersect in [false, true] {
            let mut p_args = vec![
                "--key".to_owned(),
                key.to_owned(),
                "--dataset".to_owned(),
                format!("dmf:costanzo:{}", cpath.display()),
                "--dataset".to_owned(),
                format!("k:kuzmin:{}", kpath.display()),
            ];
            let mut g_args = vec![
                "select".to_owned(),
                "--key".to_owned(),
                key.to_owned(),
                "--dataset".to_owned(),
                format!("costanzo2016_dmf={}", cpath.display()),
                "--dataset".to_owned(),
                format!("kuzmin2018_dmf={}", kpath.display()),
            ];
            if intersect {
                p_args.extend(["--intersect".to_owned(), "dmf,k".to_owned()]);
                g_args.extend([
                    "--intersect".to_owned(),
                    "costanzo2016_dmf,kuzmin2018_dmf".to_owned(),
                ]);
            }
            let p = pandas(&p_args.iter().map(String::as_str).collect::<Vec<_>>());
            let g = select(&g_args.iter().map(String::as_str).collect::<Vec<_>>(), &dir);
            let (d, kk) = (at(&g, "costanzo2016_dmf"), at(&g, "kuzmin2018_dmf"));
            assert_eq!(g["overlap"][d][d], p["sizes"]["dmf"], "{key}");
            assert_eq!(g["overlap"][kk][kk], p["sizes"]["k"], "{key}");
            assert_eq!(g["overlap"][d][kk], p["intersections"]["dmf&k"], "{key}");
            assert_eq!(
                g["result"]["size"], p["result"],
                "{key} intersect {intersect}"
            );
            // Costanzo keys carry a temperature, Kuzmin's none: they share genes and genotypes,
            // not (genotype, environment) pairs.
            let shared = p["intersections"]["dmf&k"].as_u64().unwrap();
            assert_eq!(shared > 0, key != "genotype_environment", "{key}: {shared}");
        }
    }
}

#[test]
fn issue_10_example_agrees_with_pandas() {
    if !pandas_available() {
        eprintln!("skipped: python3 with pandas is not installed");
        return;
    }
    let dir = scratch("pandas_essential");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ess = root.join("public/data/essential_genes.txt");
    let cos = root.join("public/data/datasets/costanzo2016_genes_dcell.txt");
    let p = pandas(&[
        "--key",
        "gene",
        "--dataset",
        &format!("costanzo2016_smf:genelist:{}", cos.display()),
        "--dataset",
        &format!("essential:genelist:{}", ess.display()),
        "--intersect",
        "costanzo2016_smf,essential",
    ]);
    let g = select(
        &[
            "select",
            "--key",
            "gene",
            "--dataset",
            "costanzo2016_smf",
            "--dataset",
            &format!("essential={}", ess.display()),
            "--intersect",
            "costanzo2016_smf,essential",
        ],
        &dir,
    );
    let (s, e) = (at(&g, "costanzo2016_smf"), at(&g, "essential"));
    assert_eq!(g["overlap"][s][s], p["sizes"]["costanzo2016_smf"]);
    assert_eq!(g["overlap"][e][e], p["sizes"]["essential"]);
    assert_eq!(
        g["overlap"][s][e],
        p["intersections"]["costanzo2016_smf&essential"]
    );
    assert_eq!(g["result"]["size"], p["result"]);
    eprintln!(
        "costanzo2016_smf {} genes, essential {}, ∩ {}, result {}",
        g["overlap"][s][s], g["overlap"][e][e], g["overlap"][s][e], g["result"]["size"]
    );
}
