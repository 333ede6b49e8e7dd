//! A geneticist's seventh review of the exports, on the real S288C genome: two changes in one gene
//! are one allele (`pho5-K24E,A100G`) and read back as two; sequence windows wrap around the
//! circular mitochondrial genome; a marker cassette's node and its ORF's node, and an N-terminal
//! tag's insertion, get windows of their own; `apply` counts every feature an edit changes; a tag
//! whose junction makes a stop ends its CDS there in the GFF3.

use crate::common;
use genoforge::core::design::Design;
use genoforge::core::design::genotype::{PerturbationType, Zygosity};
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{apply, set_background};
use genoforge::core::genetics::nomenclature::{format, parse};
use genoforge::core::genetics::orf::Orf;
use genoforge::core::genetics::point::{parse_change, plan_point_mutation};
use genoforge::core::genetics::strain::strain;

/// Residue 100 of PHO5 changed to A (or G when it is A), as a change string.
fn pho5_second_change(g: &genoforge::core::genome::Genome) -> String {
    let pho5 = resolve_gene(g, "PHO5").unwrap();
    let r100 = Orf::of(g, pho5).unwrap().protein().chars().nth(99).unwrap();
    format!("{r100}100{}", if r100 == 'A' { 'G' } else { 'A' })
}

fn mutate(g: &genoforge::core::genome::Genome, d: &mut Design, change: &str, z: Option<Zygosity>) {
    let pho5 = resolve_gene(g, "PHO5").unwrap();
    let (mut plan, _) = plan_point_mutation(g, pho5, &parse_change(change).unwrap()).unwrap();
    if let Some(z) = z {
        plan.perturbation.zygosity = z;
    }
    apply(g, d, plan).unwrap();
}

#[test]
fn two_changes_in_one_gene_are_one_allele_and_read_back_as_two() {
    let g = &common::default_genome().genome;
    let second = pho5_second_change(g);
    // Haploid: added in the reverse order, written in residue order as one allele.
    let mut d = Design::new();
    mutate(g, &mut d, &second, None);
    mutate(g, &mut d, "K24E", None);
    let text = format(d.genotype());
    assert_eq!(text, format!("pho5-K24E,{second}"));
    let back = parse(g, &text);
    assert!(back.unknown.is_empty(), "{:?}", back.unknown);
    let names: Vec<&str> = back
        .perturbations
        .iter()
        .map(|p| p.designation.as_str())
        .collect();
    assert_eq!(names, ["pho5-K24E".to_owned(), format!("pho5-{second}")]);
    assert!(
        back.perturbations
            .iter()
            .all(|p| p.perturbation_type == PerturbationType::PointMutation)
    );

    // A coding change whose consequence has a comma (two codons) is not split inside it.
    let mut d = Design::new();
    mutate(g, &mut d, "c.70_75delinsGAGGCT", None);
    mutate(g, &mut d, &second, None);
    let text = format(d.genotype());
    let first = &d.genotype().perturbations[0].designation;
    assert!(first.contains(','), "a two-codon consequence: {first}");
    assert_eq!(text, format!("{first},{second}"));
    let back = parse(g, &text);
    assert!(back.unknown.is_empty(), "{:?}", back.unknown);
    assert_eq!(back.perturbations.len(), 2);
    assert_eq!(&back.perturbations[0].designation, first);

    // The composer's and the CLI's input takes one allele's changes the same way.
    assert_eq!(
        genoforge::core::genetics::nomenclature::change_list(
            "K17A, c.67_72delinsGCTGTT(K23A,L24V)"
        ),
        ["K17A", "c.67_72delinsGCTGTT(K23A,L24V)"]
    );
    let out = common::on_default_genome("design", &["--mutate", "GAL4=K17A,K23A"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let spec: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = spec["perturbations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["designation"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["gal4-K17A", "gal4-K23A"]);

    // Diploid: homozygous changes are one allele on both copies; heterozygous ones stay apart
    // (their phase is not recorded).
    let mut homo = Design::new();
    set_background(g, &mut homo, strain("BY4743").unwrap()).unwrap();
    let mut het = homo.clone();
    mutate(g, &mut homo, &second, Some(Zygosity::Homozygous));
    mutate(g, &mut homo, "K24E", Some(Zygosity::Homozygous));
    let allele = format!("pho5-K24E,{second}");
    let text = format(homo.genotype());
    assert!(text.ends_with(&format!(" {allele}/{allele}")), "{text}");
    let back = parse(g, &text);
    assert!(back.unknown.is_empty(), "{:?}", back.unknown);
    let points: Vec<_> = back
        .perturbations
        .iter()
        .filter(|p| p.perturbation_type == PerturbationType::PointMutation)
        .collect();
    assert_eq!(points.len(), 2);
    assert!(points.iter().all(|p| p.zygosity == Zygosity::Homozygous));
    mutate(g, &mut het, &second, Some(Zygosity::Heterozygous));
    mutate(g, &mut het, "K24E", Some(Zygosity::Heterozygous));
    let text = format(het.genotype());
    assert!(
        text.ends_with(&format!(" pho5-{second}/PHO5 pho5-K24E/PHO5")),
        "{text}"
    );
}

#[test]
fn windows_wrap_the_circular_mitochondrial_genome_and_inserted_parts_get_their_own() {
    use genoforge::core::genetics::compose::plan_delete_gene;
    use genoforge::core::lift::Lifted;
    use genoforge::core::ml::{Flanks, sequence_windows};
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    let tfc3 = resolve_gene(g, "TFC3").unwrap();
    let lib = common::library();
    apply(g, &mut d, plan_delete_gene(g, tfc3, lib.get("kanMX4"))).unwrap();
    let lifted = Lifted::new(g, &d);
    let windows = sequence_windows(g, &d, &lifted, Flanks::default());
    let by_id = |id: &str| {
        windows
            .iter()
            .find(|w| w.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };

    // tP(UGG)Q lies at Mito:731–802: its 1,000 upstream bases run across the origin.
    let mito = g.contig(g.contig_by_name("Mito").unwrap());
    assert!(mito.is_circular());
    let len = mito.length;
    let t = by_id("tP(UGG)Q");
    assert_eq!((t.upstream, t.downstream), (1000, 297));
    assert_eq!((t.start, t.end), (len - 270 + 1, 802 + 297));
    let seq = mito.sequence.as_deref().unwrap();
    let expected: Vec<u8> = seq[(len - 270) as usize..]
        .iter()
        .chain(&seq[..(802 + 297)])
        .copied()
        .collect();
    assert_eq!(t.sequence.as_bytes(), expected.as_slice());

    // The marker cassette's window is its own 1,357 bases; its kan ORF's is a gene's window.
    let cassette = windows.iter().find(|w| w.name == "kanMX4").unwrap();
    let kan = windows.iter().find(|w| w.name == "kan").unwrap();
    assert_eq!((cassette.upstream, cassette.downstream), (0, 0));
    assert_eq!(cassette.sequence.len(), 1357);
    assert_eq!(cassette.body, "gene_cassette");
    assert_eq!((kan.upstream, kan.downstream), (1000, 297));
    assert_eq!(kan.body, "cds");
    assert_ne!(cassette.sequence, kan.sequence);
}

#[test]
fn apply_counts_every_line_its_report_lists() {
    let dir = common::scratch("apply_counts_promoter");
    let spec = dir.join("spec.json");
    let report = dir.join("report.tsv");
    let out = common::on_default_genome(
        "design",
        &[
            "--library",
            "public/cassettes.json",
            "--promoter",
            "PHO5=GAL1",
            "--out-spec",
            spec.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = common::on_default_genome(
        "apply",
        &[
            "--spec",
            spec.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&report).unwrap();
    let lines: std::collections::BTreeSet<(String, String)> = text
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[2].to_owned(), f[3].to_owned())
        })
        .collect();
    assert!(text.contains("promoter_replaced"), "{text}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("; {} feature line(s) affected", lines.len())) && !lines.is_empty(),
        "{err}\n{text}"
    );
}

#[test]
fn a_cds_an_edit_gave_an_earlier_stop_says_where_its_orf_now_ends() {
    use genoforge::core::edit::Terminus;
    use genoforge::core::genetics::tag::plan_tag;
    use genoforge::core::lift::Lifted;
    use genoforge::core::lift::edited::EditedGenome;
    use genoforge::core::seq::{revcomp, translate};
    let g = &common::default_genome().genome;
    let lib = common::library();
    // VPS75's C-terminal tag replaces its stop codon, inside CWC25's (YNL245C, − strand) CDS:
    // CWC25 read from its ATG runs into the cassette and stops there.
    let vps75 = resolve_gene(g, "VPS75").unwrap();
    let (plan, _) = plan_tag(g, vps75, lib.get("GFP(S65T)-kanMX6").unwrap(), Terminus::C).unwrap();
    let mut d = Design::new();
    apply(g, &mut d, plan).unwrap();
    let mut out = Vec::new();
    genoforge::io::gff3::writer::write(&mut out, g, &d, &Lifted::new(g, &d)).unwrap();
    let text = String::from_utf8(out).unwrap();
    let cds: Vec<&str> = text
        .lines()
        .find(|l| l.contains("\tCDS\t") && l.contains("YNL245C"))
        .unwrap()
        .split('\t')
        .collect();
    assert!(cds[8].contains("inframe_stop_codon=True"), "{}", cds[8]);
    let stop = cds[8]
        .split(';')
        .find_map(|a| a.strip_prefix("first_stop_codon="))
        .unwrap_or_else(|| panic!("{}", cds[8]));
    let (a, b) = stop.split_once('-').unwrap();
    let (a, b): (u64, u64) = (a.parse().unwrap(), b.parse().unwrap());
    assert_eq!(b - a, 2);
    // From the ATG (the CDS line's end, − strand) to that stop: an ORF ending in its only stop,
    // 178 of CWC25's residues first.
    let end: u64 = cds[4].parse().unwrap();
    let contig = g.contig_by_name("XIV").unwrap();
    let edited = EditedGenome::new(g, &d);
    let plus = edited.sequence(contig, common::span0(a - 1, end)).unwrap();
    let protein = translate(&revcomp(&plus));
    assert!(
        protein.starts_with('M') && protein.ends_with('*'),
        "{protein}"
    );
    assert_eq!(protein.matches('*').count(), 1, "{protein}");
    let cwc25 = Orf::of(g, resolve_gene(g, "CWC25").unwrap())
        .unwrap()
        .protein();
    assert_eq!(protein[..178], cwc25[..178]);
}

#[test]
fn an_inserted_marker_and_its_orf_carry_their_perturbations_zygosity() {
    use genoforge::core::genetics::compose::plan_delete_gene;
    use genoforge::core::lift::Lifted;
    use genoforge::core::ml::gene_nodes;
    let g = &common::default_genome().genome;
    let lib = common::library();
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4743").unwrap()).unwrap();
    let ade2 = resolve_gene(g, "ADE2").unwrap();
    let mut plan = plan_delete_gene(g, ade2, lib.get("hphMX4"));
    plan.perturbation.zygosity = Zygosity::Homozygous;
    apply(g, &mut d, plan).unwrap();
    let nodes = gene_nodes(g, &d, &Lifted::new(g, &d));
    let inserted: Vec<_> = nodes
        .iter()
        .filter(|n| n.inserted.is_some() && n.id.contains("YOR128C"))
        .collect();
    assert_eq!(inserted.len(), 2, "the cassette and its hph ORF");
    assert!(
        inserted
            .iter()
            .all(|n| n.zygosity == Some(Zygosity::Homozygous)),
        "{:?}",
        inserted
            .iter()
            .map(|n| (&n.id, n.zygosity))
            .collect::<Vec<_>>()
    );
}

/// The spec keeps a record per change (each its edit) and gives both the allele the genotype
/// writes; the gene nodes name the gene's allele once, as the genotype string does.
#[test]
fn the_spec_and_the_gene_nodes_name_the_allele_the_genotype_writes() {
    use genoforge::core::lift::Lifted;
    use genoforge::core::ml::gene_nodes::gene_nodes;
    let g = &common::default_genome().genome;
    let second = pho5_second_change(g);
    let mut d = Design::new();
    mutate(g, &mut d, &second, None);
    mutate(g, &mut d, "K24E", None);
    let allele = format!("pho5-K24E,{second}");
    assert_eq!(format(d.genotype()), allele);
    let (_, json) = common::exported_spec(g, &d);
    for p in json["perturbations"].as_array().unwrap() {
        assert_eq!(p["allele"], allele.as_str(), "{p}");
    }
    assert!(common::spec_errors(&common::spec_validator(), &json).is_empty());
    let pho5 = resolve_gene(g, "PHO5").unwrap();
    let nodes = gene_nodes(g, &d, &Lifted::new(g, &d));
    let node = nodes.iter().find(|n| n.feature == Some(pho5)).unwrap();
    assert_eq!(node.perturbations, [allele]);

    // With one of its edits disabled the other change is an allele alone: no `allele`.
    let first_edit = d.genotype().perturbations[0].edit_ids[0];
    d.set_enabled(g, first_edit, false).unwrap();
    let (spec, _) = common::exported_spec(g, &d);
    assert!(spec.perturbations.iter().all(|p| p.allele.is_none()));
    assert_eq!(format(&d.genotype_in_effect()), "pho5-K24E");
    let nodes = gene_nodes(g, &d, &Lifted::new(g, &d));
    let node = nodes.iter().find(|n| n.feature == Some(pho5)).unwrap();
    assert_eq!(node.perturbations, ["pho5-K24E"]);
}
