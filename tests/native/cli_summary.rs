//! `genoforge summary`: JSON shape, exit codes, messages.

use crate::common;

use crate::common::genoforge;
const TABLE: &str = "public/genome/SGD_features.tab.gz";

#[test]
fn summary_json_of_the_default_genome() {
    let out = common::on_default_genome("summary", &["--features", TABLE, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let contigs = v["contigs"].as_array().unwrap();
    assert_eq!(contigs.len(), 17);
    assert_eq!(contigs[0]["name"], "I");
    assert_eq!(contigs[0]["length"], 230_218);
    assert_eq!(contigs[0]["circular"], false);
    assert_eq!(contigs[16]["name"], "Mito");
    assert_eq!(contigs[16]["circular"], true);
    let total: u64 = contigs.iter().map(|c| c["length"].as_u64().unwrap()).sum();
    assert_eq!(total, 12_157_105);
    let features: u64 = contigs
        .iter()
        .map(|c| c["features"].as_u64().unwrap())
        .sum();
    assert_eq!(features, 28_695);
    assert_eq!(v["feature_types"]["gene"], 6_600);
    for d in v["diagnostics"].as_array().unwrap() {
        assert!(
            d.get("severity").is_some() && d.get("line").is_some() && d.get("message").is_some()
        );
    }
}

#[test]
fn summary_table_with_a_gff_alone() {
    let out = genoforge(&[
        "summary",
        "--gff",
        "tests/data/fixtures/jbrowse1/NC_001133.gbk.gff",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("1 contigs, 230,218 bp, 437 features"),
        "{text}"
    );
    assert!(text.contains("NC_001133") && text.contains("yes"), "{text}");
}

#[test]
fn warnings_still_exit_zero_and_errors_exit_non_zero() {
    let out = genoforge(&[
        "summary",
        "--gff",
        "tests/data/fixtures/genometools/missing_gff3_header.gff3",
        "--json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["severity"], "warning");
    assert_eq!(v["diagnostics"][0]["line"], 1);

    let out = genoforge(&[
        "summary",
        "--gff",
        "tests/data/fixtures/gffutils/gencode-v19.gtf",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("gencode-v19.gtf: line") && err.contains("this is GTF"),
        "{err}"
    );
    assert!(out.stdout.is_empty());

    let out = genoforge(&["summary", "--gff", "no/such/file.gff3"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.gff3"));
}
