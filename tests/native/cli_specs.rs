//! The spec commands of the CLI: strain, validate, views, apply --spec.

use crate::common;

use std::process::Command;

use crate::common::{FASTA, GFF, genoforge};

/// `genoforge apply --spec SPEC` on the default genome, writing one output (`--out-fasta PATH`).
fn apply_spec(spec: &std::path::Path, flag: &str, out_path: &std::path::Path) {
    let out = genoforge(&[
        "apply",
        "--spec",
        spec.to_str().unwrap(),
        "--fasta",
        FASTA,
        "--gff",
        GFF,
        flag,
        out_path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn strain_validate_views_and_apply_spec() {
    let dir = common::root().join("target/test-output/cli-specs");
    std::fs::create_dir_all(&dir).unwrap();
    let out = genoforge(&["strain", "BY4742", "--fasta", FASTA, "--gff", GFF]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let spec = dir.join("by4742.json");
    std::fs::write(&spec, &out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["background"]["name"], "BY4742");
    assert_eq!(v["background"]["mating_type"], "MATα");
    assert_eq!(v["provenance"]["created"], "2026-11-23T00:00:00Z");
    assert_eq!(v["edits"].as_array().unwrap().len(), 4);

    let out = genoforge(&[
        "validate",
        spec.to_str().unwrap(),
        "--fasta",
        FASTA,
        "--gff",
        GFF,
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("valid — 4 edit(s)") && text.contains("background BY4742"),
        "{text}"
    );

    let views = dir.join("views");
    let out = genoforge(&[
        "views",
        spec.to_str().unwrap(),
        "--fasta",
        FASTA,
        "--gff",
        GFF,
        "--out-dir",
        views.to_str().unwrap(),
        "--upstream",
        "500",
        "--downstream",
        "100",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // An unnamed spec's views are named after its strain, as the browser names its downloads.
    let csv = std::fs::read_to_string(views.join("BY4742.gene_nodes.csv")).unwrap();
    assert!(csv.starts_with(
        "id,name,type,contig,start,end,strand,status,ref_start,ref_end,in_gene_set,zygosity,perturbations,essential\n"
    ));
    assert!(
        csv.lines()
            .any(|l| l.starts_with("YBR115C,LYS2,gene,II,,,-,deleted,")),
        "lys2Δ0 is listed as deleted"
    );
    let jsonl = std::fs::read_to_string(views.join("BY4742.sequence_windows.jsonl")).unwrap();
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert!(
        first["upstream"].as_u64().unwrap() <= 500 && first["downstream"].as_u64().unwrap() <= 100
    );
    assert!(
        std::fs::read_to_string(views.join("BY4742.sequence_windows.fa"))
            .unwrap()
            .starts_with('>')
    );
    assert!(views.join("BY4742.gene_nodes.json").exists());

    // apply --spec writes the same FASTA as apply --edits with the same edits.
    let a = dir.join("a.fa");
    apply_spec(&spec, "--out-fasta", &a);
    let edits: Vec<serde_json::Value> = v["edits"].as_array().unwrap().clone();
    let edits_file = dir.join("edits.json");
    std::fs::write(
        &edits_file,
        serde_json::json!({ "edits": edits }).to_string(),
    )
    .unwrap();
    let b = dir.join("b.fa");
    let out = genoforge(&[
        "apply",
        "--edits",
        edits_file.to_str().unwrap(),
        "--fasta",
        FASTA,
        "--gff",
        GFF,
        "--out-fasta",
        b.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The same sequences; the spec's FASTA names its strain (BY4742), the bare edits' do not.
    let read = |p: &std::path::Path| std::fs::read_to_string(p).unwrap();
    let (fa, fb) = (read(&a), read(&b));
    let seqs = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| !l.starts_with('>'))
            .map(str::to_owned)
            .collect()
    };
    assert!(seqs(&fa) == seqs(&fb));
    assert!(fa.lines().next().unwrap().contains("[strain=BY4742]"));
}

#[test]
fn bad_specs_and_names_fail_with_a_message() {
    let dir = common::root().join("target/test-output/cli-specs");
    std::fs::create_dir_all(&dir).unwrap();
    let out = genoforge(&["strain", "BY9999", "--fasta", FASTA, "--gff", GFF]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown strain 'BY9999'") && err.contains("BY4741"),
        "{err}"
    );

    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"schema_version\": 1, \"reference\": 5}").unwrap();
    let out = genoforge(&[
        "validate",
        bad.to_str().unwrap(),
        "--fasta",
        FASTA,
        "--gff",
        GFF,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("bad.json: line 1"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn design_builds_a_lab_strain_from_gene_level_operations() {
    let dir = common::root().join("target/test-output/cli-design");
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("lab.json");
    let out = common::on_default_genome(
        "design",
        &[
            "--strain",
            "BY4741",
            "--name",
            "lab strain",
            "--library",
            "public/cassettes.json",
            "--delete",
            "PDR5=kanMX4",
            "--delete",
            "ADE3",
            "--c-tag",
            "PHO5=GFP(S65T)-kanMX6",
            "--mutate",
            "GAL4=K23A",
            "--promoter",
            "FAR1=GAL1@previous",
            "--delete-region",
            "IV:100,001-101,000",
            "--out-spec",
            spec.to_str().unwrap(),
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("genoforge: PHO5-GFP(S65T)::kanMX6"), "{err}");
    assert!(err.contains("Fused protein: 711 aa."), "{err}");
    assert!(err.contains("codon 23: "), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&spec).unwrap()).unwrap();
    assert_eq!(v["name"], "lab strain");
    let types: Vec<&str> = v["perturbations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["perturbation_type"].as_str().unwrap())
        .collect();
    assert_eq!(types[..2], ["kanmx_deletion", "deletion"]);
    assert_eq!(v["perturbations"][0]["systematic_gene_name"], "YOR153W");
    let designations: Vec<&str> = v["perturbations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["designation"].as_str().unwrap())
        .collect();
    assert_eq!(
        designations,
        [
            "pdr5Δ::kanMX4",
            "ade3Δ",
            "PHO5-GFP(S65T)::kanMX6",
            "gal4-K23A",
            "pGAL1-FAR1",
            "Δ(IV:100001-101000)"
        ]
    );
    let gff = dir.join("lab.gff3");
    apply_spec(&spec, "--out-gff", &gff);
    let text = std::fs::read_to_string(&gff).unwrap();
    assert!(text.contains("#!genoforge-design lab strain"));
    if Command::new("gt").arg("--version").output().is_ok() {
        let v = Command::new("gt")
            .arg("gff3validator")
            .arg(&gff)
            .output()
            .unwrap();
        assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stderr));
    }
    // A refused operation names itself, and nothing is written.
    let bad = dir.join("bad.json");
    let out = common::on_default_genome(
        "design",
        &["--mutate", "GAL4=R23A", "--out-spec", bad.to_str().unwrap()],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--mutate GAL4=R23A: GAL4 has K at residue 23, not R"),
        "{err}"
    );
    assert!(!bad.exists());
}

#[test]
fn design_makes_every_operation_homozygous_in_a_diploid_when_asked() {
    let dir = common::root().join("target/test-output/cli-design-zygosity");
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("homozygous.json");
    let out = common::on_default_genome(
        "design",
        &[
            "--strain",
            "BY4743",
            "--zygosity",
            "homozygous",
            "--library",
            "public/cassettes.json",
            "--delete",
            "FAR1=kanMX4",
            "--c-tag",
            "PHO5=GFP(S65T)-kanMX6",
            "--out-spec",
            spec.to_str().unwrap(),
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(
        err.matches("Homozygous: on both copies").count(),
        2,
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&spec).unwrap()).unwrap();
    let far1 = v["perturbations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["systematic_gene_name"] == "YJL157C")
        .unwrap();
    assert_eq!(far1["zygosity"], "homozygous", "{far1}");
    // Applied to the one edited sequence: no edit of the design is disabled.
    assert!(
        v["edits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e.get("enabled").is_none_or(|x| x == true)),
        "{}",
        v["edits"]
    );
}
