//! `genoforge datasets` and `genoforge select`: registry listing, selections from files, new
//! datasets, errors with exit code 1, outputs written only when all are complete, `--spec`.

use std::path::Path;
use std::process::{Command, Output};

use crate::datasets_support::*;

fn genoforge(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_genoforge"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run genoforge")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn datasets_lists_the_registry() {
    let dir = scratch("cli_datasets");
    let table = ok(&genoforge(&["datasets"], &dir));
    assert!(table.contains("costanzo2016_dmf") && table.contains("20,705,612"));
    let v: serde_json::Value =
        serde_json::from_str(&ok(&genoforge(&["datasets", "--json"], &dir))).unwrap();
    let all = v.as_array().unwrap();
    let get = |id: &str| all.iter().find(|d| d["id"] == id).unwrap();
    assert_eq!(get("costanzo2016_smf")["data"], "bundled");
    assert_eq!(get("costanzo2016_smf")["bundled_genes"], 4_111);
    assert_eq!(get("kuzmin2018_dmf")["counts"]["records"]["value"], 410_571);
    assert_eq!(
        get("kuzmin2018_dmf")["counts"]["genotypes"]["value"],
        410_399
    );
    assert_eq!(get("lian2019_magic")["data"], "metadata_only");
}

#[test]
fn select_with_files_new_datasets_and_all_outputs() {
    let dir = scratch("cli_select");
    std::fs::write(dir.join("SGA_ExE.txt"), costanzo_small()).unwrap();
    std::fs::write(dir.join("kuzmin.txt.gz"), gzip(kuzmin_small().as_bytes())).unwrap();
    std::fs::write(dir.join("mine.txt"), "YAL001C\nYBR188C\nTFC3\n").unwrap();
    let out = genoforge(
        &[
            "select",
            "--dataset",
            "costanzo2016_dmf=SGA_ExE.txt",
            "--dataset",
            "kuzmin2018_dmf=kuzmin.txt.gz",
            "--dataset",
            "mine=mine.txt",
            "--intersect",
            "costanzo2016_dmf,mine",
            "--key",
            "gene",
            "--out",
            "sel.json",
            "--overlap",
            "overlap.csv",
            "--genotypes",
            "genotypes.csv",
            "--figure",
            "sel.svg",
            "--cypher",
            "sel.cql",
        ],
        &dir,
    );
    let stdout = ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // TFC3 is not a systematic name and no genome was given: kept as written, reported.
    assert!(stderr.contains("line 3: TFC3 (unknown)"), "{stderr}");
    assert!(stderr.contains("Kuzmin 2018 Data S1 (gzip)"), "{stderr}");
    // Genes: costanzo {YAL001C, YAL002W, YBR188C, YMR296C} ∩ mine {YAL001C, YBR188C, TFC3} = 2;
    // ∪ kuzmin {YAL015C, YBR188C, YMR296C} → {YAL001C, YBR188C, YAL015C, YMR296C}.
    assert!(
        stdout.starts_with(
            "Training set: 4 genes in 2 groups: {costanzo2016_dmf ∩ mine}, {kuzmin2018_dmf}"
        ),
        "{stdout}"
    );
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("sel.json")).unwrap()).unwrap();
    let ids: Vec<&str> = v["matrix"]["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert_eq!(
        *ids.last().unwrap(),
        "mine",
        "a new dataset joins the matrix"
    );
    assert_eq!(v["result"]["size"], 4);
    let genotypes = std::fs::read_to_string(dir.join("genotypes.csv")).unwrap();
    assert_eq!(
        genotypes,
        "genes,costanzo2016_dmf,kuzmin2018_dmf,mine\nYAL001C,1,0,1\nYAL015C,0,1,0\nYBR188C,1,1,1\nYMR296C,1,1,0\n"
    );
    assert!(
        std::fs::read_to_string(dir.join("overlap.csv"))
            .unwrap()
            .starts_with("dataset,")
    );
    assert!(
        std::fs::read_to_string(dir.join("sel.svg"))
            .unwrap()
            .contains("<svg")
    );
    assert!(
        std::fs::read_to_string(dir.join("sel.cql"))
            .unwrap()
            .contains("UNION ALL")
    );
    // No temporary file is left behind.
    let leftovers: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn errors_exit_1_and_write_nothing() {
    let dir = scratch("cli_errors");
    std::fs::write(dir.join("list.txt"), "YAL001C\n").unwrap();
    let cases: [(&[&str], &str); 4] = [
        (
            &["select", "--dataset", "nosuch", "--out", "x.json"],
            "unknown dataset id `nosuch`",
        ),
        (
            &[
                "select",
                "--dataset",
                "costanzo2016_smf",
                "--intersect",
                "costanzo2016_smf,essential_genes",
                "--out",
                "x.json",
            ],
            "`essential_genes` is not selected",
        ),
        (
            &[
                "select",
                "--dataset",
                "costanzo2016_smf",
                "--intersect",
                "costanzo2016_smf,nosuch",
                "--out",
                "x.json",
            ],
            "unknown dataset id `nosuch`",
        ),
        (
            &["select", "--dataset", "a=missing.txt", "--out", "x.json"],
            "missing.txt",
        ),
    ];
    for (args, message) in cases {
        let out = genoforge(args, &dir);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(!dir.join("x.json").exists());
    }
    // A wrong header names what was expected; nothing is written, not even the first output.
    std::fs::write(dir.join("bad.tsv"), "sample\tvalue\nA\t1\n").unwrap();
    let out = genoforge(
        &["select", "--dataset", "bad=bad.tsv", "--out", "x.json"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Query Strain ID"));
    assert!(!dir.join("x.json").exists());
}

#[test]
fn issue_example_essential_against_costanzo_genes() {
    let dir = scratch("cli_essential");
    let essential = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/essential_genes.txt");
    let arg = format!("essential={}", essential.display());
    let out = genoforge(
        &[
            "select",
            "--key",
            "gene",
            "--dataset",
            "costanzo2016_smf",
            "--dataset",
            &arg,
            "--intersect",
            "costanzo2016_smf,essential",
            "--out",
            "sel.json",
        ],
        &dir,
    );
    ok(&out);
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("sel.json")).unwrap()).unwrap();
    let ids: Vec<&str> = v["matrix"]["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    let (s, e) = (
        ids.iter().position(|x| *x == "costanzo2016_smf").unwrap(),
        ids.iter().position(|x| *x == "essential").unwrap(),
    );
    // Counted independently here from the two files.
    let list = |p: &Path| -> std::collections::BTreeSet<String> {
        std::fs::read_to_string(p)
            .unwrap()
            .lines()
            .skip_while(|l| l.starts_with("All essential"))
            .map(|l| l.trim().to_ascii_uppercase())
            .filter(|l| !l.is_empty())
            .collect()
    };
    let costanzo = list(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("public/data/datasets/costanzo2016_genes_dcell.txt"),
    );
    let ess = list(&essential);
    let both = costanzo.intersection(&ess).count() as u64;
    assert_eq!(v["overlap"][s][s], costanzo.len() as u64);
    assert_eq!(v["overlap"][e][e], ess.len() as u64);
    assert_eq!(v["overlap"][s][e], both);
    assert_eq!(v["result"]["size"], both);
}

#[test]
fn spec_prints_which_datasets_measure_the_design() {
    let dir = scratch("cli_spec");
    std::fs::write(dir.join("SGA_ExE.txt"), costanzo_small()).unwrap();
    let spec = serde_json::json!({
        "schema_version": 1,
        "reference": {"species": null, "strain": null, "assembly": null, "annotation": {"features": 0, "md5": ""}, "contigs": []},
        "perturbations": [{
            "perturbation_type": "kanmx_deletion",
            "systematic_gene_name": "YAL001C",
            "perturbed_gene_name": "TFC3",
            "designation": "tfc3Δ::kanMX4",
            "mechanism_so_id": "SO:0000159",
            "mechanism_so_name": "deletion",
            "description": "Deletion via KanMX gene replacement.",
            "edit_ids": []
        }],
        "edits": [],
        "provenance": {"tool": "genoforge", "version": "0", "created": "2026-01-01T00:00:00Z"}
    });
    std::fs::write(
        dir.join("design.json"),
        serde_json::to_string(&spec).unwrap(),
    )
    .unwrap();
    let out = genoforge(
        &[
            "select",
            "--dataset",
            "costanzo2016_dmf=SGA_ExE.txt",
            "--spec",
            "design.json",
            "--out",
            "s.json",
        ],
        &dir,
    );
    let stdout = ok(&out);
    assert!(stdout.contains("design genotype: {YAL001C}"), "{stdout}");
    assert!(
        stdout.contains("YAL001C in costanzo2016_dmf: 0 single, 1 double"),
        "{stdout}"
    );
    assert!(stdout.contains("{YAL001C, YAL002W} ×1"), "{stdout}");
    // Bundled lists are data too: TFC3 is essential, and in the deletion collection's ORFs.
    assert!(
        stdout.contains("measured exactly in essential_genes"),
        "{stdout}"
    );
    assert!(
        stdout.contains("YAL001C in yeast_deletion_collection: 1 single"),
        "{stdout}"
    );
}

#[test]
fn gene_names_resolve_through_the_genome_when_given() {
    let dir = scratch("cli_genome");
    std::fs::write(dir.join("mine.txt"), "TFC3\nYAL001C\nvps8\nNOTAGENE\n").unwrap();
    let g = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/genome");
    let gff = g.join("Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz");
    let fasta = g.join("S288C_reference_sequence_R64-2-1_20150113.fsa.gz");
    let features = g.join("SGD_features.tab.gz");
    let out = genoforge(
        &[
            "select",
            "--key",
            "gene",
            "--dataset",
            "mine=mine.txt",
            "--gff",
            gff.to_str().unwrap(),
            "--fasta",
            fasta.to_str().unwrap(),
            "--features",
            features.to_str().unwrap(),
            "--out",
            "sel.json",
            "--genotypes",
            "genes.csv",
        ],
        &dir,
    );
    ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // TFC3 is YAL001C and VPS8 is YAL002W (standard names); NOTAGENE is kept and reported.
    assert!(stderr.contains("line 4: NOTAGENE (unknown)"), "{stderr}");
    assert!(!stderr.contains("TFC3 (unknown)"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.join("genes.csv")).unwrap(),
        "genes,mine\nNOTAGENE,1\nYAL001C,1\nYAL002W,1\n"
    );
}

#[test]
fn several_files_fill_one_dataset() {
    let dir = scratch("cli_files");
    std::fs::write(dir.join("SGA_ExE.txt"), costanzo_small()).unwrap();
    std::fs::write(
        dir.join("SGA_NxN.txt"),
        format!("{COSTANZO_HEADER}\nYPR204W_sn1\tx\tYAL001C_dma2\ty\tDMA26\t0\t1\t1\t1\t1\t0\n"),
    )
    .unwrap();
    // Both spellings: ID=FILE,FILE and the id given twice.
    for args in [
        vec!["--dataset", "costanzo2016_dmf=SGA_ExE.txt,SGA_NxN.txt"],
        vec![
            "--dataset",
            "costanzo2016_dmf=SGA_ExE.txt",
            "--dataset",
            "costanzo2016_dmf=SGA_NxN.txt",
        ],
    ] {
        let mut all = vec!["select", "--key", "genotype_environment"];
        all.extend(args);
        all.extend(["--out", "sel.json"]);
        let stdout = ok(&genoforge(&all, &dir));
        assert!(
            stdout.starts_with("Training set: 6 genotype–environment pairs in 1 group"),
            "{stdout}"
        );
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("sel.json")).unwrap()).unwrap();
        let d = v["datasets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == "costanzo2016_dmf")
            .unwrap();
        let names: Vec<&str> = d["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["SGA_ExE.txt", "SGA_NxN.txt"]);
    }
}

#[test]
fn gene_set_restricts_every_dataset() {
    let dir = scratch("cli_gene_set");
    std::fs::write(dir.join("SGA_ExE.txt"), costanzo_small()).unwrap();
    std::fs::write(dir.join("set.txt"), "YBR188C\nYMR296C\nYAL002W\n").unwrap();
    let out = genoforge(
        &[
            "select",
            "--dataset",
            "costanzo2016_dmf=SGA_ExE.txt",
            "--gene-set",
            "set.txt",
            "--out",
            "sel.json",
            "--genotypes",
            "g.csv",
            "--cypher",
            "q.cql",
        ],
        &dir,
    );
    let stdout = ok(&out);
    // Genotypes with YAL001C are left out: {YAL002W;YBR188C}, {YBR188C;YMR296C}, {YMR296C}.
    assert!(
        stdout.starts_with("Training set: 3 genotypes in 1 group"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("g.csv")).unwrap(),
        "genes,costanzo2016_dmf\nYAL002W;YBR188C,1\nYBR188C;YMR296C,1\nYMR296C,1\n"
    );
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("sel.json")).unwrap()).unwrap();
    assert_eq!(
        v["gene_set"]["genes"],
        serde_json::json!(["YAL002W", "YBR188C", "YMR296C"])
    );
    assert_eq!(v["gene_set"]["name"], "set.txt");
    let cql = std::fs::read_to_string(dir.join("q.cql")).unwrap();
    assert!(
        cql.contains(":param gene_set => ['YAL002W', 'YBR188C', 'YMR296C']"),
        "{cql}"
    );
    assert!(cql.contains("{id: 'DmfCostanzo2016Dataset'}"), "{cql}");
}
