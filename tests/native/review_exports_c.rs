//! A geneticist's review of the exports, on the real S288C genome: a start-codon change is named
//! `M1?` (HGVS `p.Met1?`), not as a missense change; the GFF3's `edit=` names each designation
//! once; a marker deletion says what it models in the spec's `description` and on its cassette's
//! GFF3 line; an edited chromosome's line gives its GenBank accession as `derived_from`, not as
//! an `Alias`; mitochondrial CDS lines carry `transl_table=3`; `liftover` needs no annotation.

use crate::common;
use genoforge::core::design::Design;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{apply, plan_delete_gene};
use genoforge::core::genetics::nomenclature::parse;
use genoforge::core::genetics::orf::Orf;
use genoforge::core::genetics::point::{parse_change, plan_point_mutation};
use genoforge::core::genetics::point_name::parse_point_designation;
use genoforge::core::genome::Genome;
use genoforge::core::lift::Lifted;

fn mutate(g: &Genome, d: &mut Design, gene: &str, change: &str) -> String {
    let f = resolve_gene(g, gene).unwrap();
    let (plan, _) = plan_point_mutation(g, f, &parse_change(change).unwrap()).unwrap();
    let name = plan.perturbation.designation.clone();
    apply(g, d, plan).unwrap();
    name
}

fn edited_gff3(g: &Genome, d: &Design) -> String {
    let mut out = Vec::new();
    genoforge::io::gff3::writer::write(&mut out, g, d, &Lifted::new(g, d)).unwrap();
    String::from_utf8(out).unwrap()
}

/// Column 9 of the first line of `text` of `kind` whose attributes contain `needle`.
fn attributes<'a>(text: &'a str, kind: &str, needle: &str) -> &'a str {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|c| c.len() == 9 && c[2] == kind && c[8].contains(needle))
        .unwrap_or_else(|| panic!("no {kind} line with {needle}"))[8]
}

#[test]
fn a_start_codon_change_is_named_m1_question_mark_and_read_back() {
    let g = &common::default_genome().genome;
    let cdc28 = resolve_gene(g, "CDC28").unwrap();
    let orf = Orf::of(g, cdc28).unwrap();
    assert_eq!(&orf.coding[..3], b"ATG");
    let mut d = Design::new();
    // By bases: ATG → ATA makes no Ile1 protein.
    let by_bases = mutate(g, &mut d, "CDC28", "c.3G>A");
    assert_eq!(by_bases, "cdc28-c.3G>A(M1?)");
    // By amino acid: carried out with the most frequent Ile codon (ATT), named by its bases.
    let mut d2 = Design::new();
    let by_residue = mutate(g, &mut d2, "CDC28", "M1I");
    assert_eq!(by_residue, "cdc28-c.3G>T(M1?)");
    assert_eq!(d2.edits().len(), 1);
    assert_eq!(d2.edits()[0].span.len(), 1);
    // Two codons changed with the first: the consequence is `M1?` alone.
    let f = resolve_gene(g, "CDC28").unwrap();
    let (plan, _) = plan_point_mutation(g, f, &parse_change("c.1_6delinsCTGGCT").unwrap()).unwrap();
    assert!(
        plan.perturbation.designation.ends_with("(M1?)"),
        "{}",
        plan.perturbation.designation
    );
    // Other residues keep the missense form.
    assert!(!mutate(g, &mut Design::new(), "PHO5", "K24E").contains('?'));
    // Read back: the genotype string and the point designation.
    for name in [&by_bases, &by_residue] {
        let sketch = parse(g, name);
        assert!(sketch.unknown.is_empty(), "{name}: {:?}", sketch.unknown);
        assert_eq!(sketch.perturbations.len(), 1, "{name}");
        assert_eq!(&sketch.perturbations[0].designation, name);
        let back = parse_point_designation(g, name).unwrap().unwrap();
        assert_eq!(&back.designation, name);
    }
    // An amino-acid designation of residue 1 is normalised to the same name.
    let back = parse_point_designation(g, "cdc28-M1I").unwrap().unwrap();
    assert_eq!(back.designation, by_residue);
    // The genotype string of the design and the GFF3's edit= say it.
    let text = edited_gff3(g, &d);
    assert!(
        attributes(&text, "CDS", "YBR160W").contains("edit=cdc28-c.3G>A(M1?)"),
        "{}",
        attributes(&text, "CDS", "YBR160W")
    );
}

#[test]
fn the_gff3_edit_attribute_names_each_designation_once() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    mutate(g, &mut d, "PHO5", "c.70A>G");
    // S4P TCT → CCA: two substitutions (bases 1 and 3 of the codon), one change.
    let s4p = mutate(g, &mut d, "PHO5", "S4P:CCA");
    assert_eq!(s4p, "pho5-S4P");
    let s22a = mutate(g, &mut d, "GAL4", "S22A");
    let label_count = |name: &str| {
        d.edits()
            .iter()
            .filter(|e| e.label.as_deref() == Some(name))
            .count()
    };
    assert_eq!(label_count("pho5-S4P"), 2);
    assert_eq!(label_count(&s22a), 2, "{s22a}");
    let text = edited_gff3(g, &d);
    assert!(
        attributes(&text, "CDS", "YBR093C").contains("edit=pho5-c.70A>G(K24E),pho5-S4P;"),
        "{}",
        attributes(&text, "CDS", "YBR093C")
    );
    assert!(attributes(&text, "CDS", "YPL248C").contains(&format!("edit={s22a};")));
    // No line names a designation twice.
    for line in text.lines().filter(|l| l.contains(";edit=")) {
        let value = line
            .split(";edit=")
            .nth(1)
            .unwrap()
            .split(';')
            .next()
            .unwrap();
        let names: Vec<&str> = value.split(',').collect();
        let distinct: std::collections::BTreeSet<&str> = names.iter().copied().collect();
        assert_eq!(distinct.len(), names.len(), "{line}");
    }
}

#[test]
fn a_marker_deletion_says_what_it_models_in_the_spec_and_on_its_cassette() {
    let g = &common::default_genome().genome;
    let lib = common::library();
    let mut d = Design::new();
    for (gene, marker) in [("PDR5", "kanMX4"), ("ADE3", "natMX4")] {
        let f = resolve_gene(g, gene).unwrap();
        apply(
            g,
            &mut d,
            plan_delete_gene(g, f, Some(lib.get(marker).unwrap())),
        )
        .unwrap();
    }
    let (_, json) = common::exported_spec(g, &d);
    let description = |kind: &str| {
        json["perturbations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["perturbation_type"] == kind)
            .unwrap()["description"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let kan = description("kanmx_deletion");
    assert!(kan.starts_with("Deletion via KanMX gene replacement: modelled as the ORF from its start codon to its stop codon replaced by the cassette"), "{kan}");
    assert!(
        kan.contains(
            "UPTAG/DNTAG barcodes (Winzeler et al. 1999, doi:10.1126/science.285.5429.901)"
        ),
        "{kan}"
    );
    let nat = description("natmx_deletion");
    assert!(nat.contains("start codon to its stop codon"), "{nat}");
    assert!(!nat.contains("Winzeler"), "{nat}");
    // The spec still validates against its schema.
    let validator = common::spec_validator();
    assert_eq!(common::spec_errors(&validator, &json), Vec::<String>::new());
    // The cassette's GFF3 line says it too (a Note, percent-encoded as GFF3 needs).
    let text = edited_gff3(g, &d);
    let kan_line = attributes(&text, "gene_cassette", "Name=kanMX4");
    assert!(
        kan_line.contains(
            "Note=Modelled as the ORF from its start codon to its stop codon replaced by kanMX4%3B the deletion collection"
        ),
        "{kan_line}"
    );
    assert!(kan_line.contains("Winzeler et al. 1999"), "{kan_line}");
    let nat_line = attributes(&text, "gene_cassette", "Name=natMX4");
    assert!(nat_line.contains("Note=Modelled as the ORF"), "{nat_line}");
    assert!(!nat_line.contains("Winzeler"), "{nat_line}");
    let path = common::scratch("marker-note").join("edited.gff3");
    std::fs::write(&path, &text).unwrap();
    if let Some(r) = common::gt_validate(&path) {
        r.unwrap();
    }
}

/// BY4741's spec applied by the CLI: its edited GFF3's chromosome lines and mitochondrial CDS.
#[test]
fn by4741_gff3_says_derived_from_on_edited_chromosomes_and_table_3_on_mito_cds() {
    let dir = common::scratch("by4741-derived");
    let spec = dir.join("by4741.json");
    let out = common::on_default_genome("strain", &["BY4741"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(&spec, &out.stdout).unwrap();
    let gff = dir.join("edited.gff3");
    let out = common::on_default_genome(
        "apply",
        &[
            "--spec",
            spec.to_str().unwrap(),
            "--out-gff",
            gff.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&gff).unwrap();
    let reference = genoforge::io::compress::decompress(
        std::fs::read(common::root().join(common::GFF)).unwrap(),
    )
    .unwrap();
    let reference = String::from_utf8(reference).unwrap();
    let chromosome = |text: &str, seqid: &str| -> String {
        text.lines()
            .find(|l| l.starts_with(&format!("{seqid}\t")) && l.contains("\tchromosome\t"))
            .unwrap()
            .split('\t')
            .nth(8)
            .unwrap()
            .to_owned()
    };
    // III (leu2Δ0, MATa), V (ura3Δ0), XII (met15Δ0), XV (his3Δ1) are changed.
    for seqid in ["III", "V", "XII", "XV"] {
        let was = chromosome(&reference, seqid);
        let accession = was
            .split("Alias=")
            .nth(1)
            .unwrap()
            .split(';')
            .next()
            .unwrap();
        let now = chromosome(&text, seqid);
        assert!(!now.contains("Alias="), "{seqid}: {now}");
        assert!(
            now.contains(&format!("derived_from={accession}")),
            "{seqid}: {now}"
        );
    }
    for seqid in ["I", "II", "IV", "XVI", "Mito"] {
        assert_eq!(
            chromosome(&text, seqid),
            chromosome(&reference, seqid),
            "{seqid}"
        );
    }
    // Every mitochondrial CDS line says its table; COX2's (Q0250) among them; nuclear ones do not.
    let cds: Vec<&str> = text
        .lines()
        .filter(|l| l.split('\t').nth(2) == Some("CDS"))
        .collect();
    let (mito, nuclear): (Vec<&str>, Vec<&str>) = cds.iter().partition(|l| l.starts_with("Mito\t"));
    assert!(!mito.is_empty());
    assert!(
        mito.iter().all(|l| l.ends_with(";transl_table=3")),
        "{mito:?}"
    );
    assert!(
        attributes(&text, "CDS", "CDS:Q0250;").ends_with("transl_table=3"),
        "COX2"
    );
    assert!(nuclear.iter().all(|l| !l.contains("transl_table")));
    assert!(
        attributes(&text, "CDS", "CDS:YBR093C")
            .find("transl_table")
            .is_none()
    );
    if let Some(r) = common::gt_validate(&gff) {
        r.unwrap();
    }
    // An empty design's annotation is the reference's: no table added.
    let g = &common::default_genome().genome;
    assert!(!edited_gff3(g, &Design::new()).contains("transl_table"));
}

#[test]
fn liftover_of_a_by4741_spec_needs_no_annotation() {
    let dir = common::scratch("liftover-fasta-only");
    let spec = dir.join("by4741.json");
    let out = common::on_default_genome("strain", &["BY4741"]);
    assert!(out.status.success());
    std::fs::write(&spec, &out.stdout).unwrap();
    let positions = ["XV:722250", "XV:722260", "III:250000"];
    let mut args = vec![
        "liftover",
        "--fasta",
        common::FASTA,
        "--spec",
        spec.to_str().unwrap(),
    ];
    args.extend(positions);
    let fasta_only = common::genoforge(&args);
    let stderr = String::from_utf8_lossy(&fasta_only.stderr);
    assert!(fasta_only.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "info: no annotation loaded (--gff): the IDs the edits supersede (gene:YCR039C"
        ),
        "{stderr}"
    );
    // Said once, not as a changed annotation.
    assert!(!stderr.contains("the annotation differs"), "{stderr}");
    assert!(
        stderr.contains("no annotation is loaded (the spec was made with 28695 feature lines)"),
        "{stderr}"
    );
    // The same positions as with the annotation.
    let mut rest = vec!["--spec", spec.to_str().unwrap()];
    rest.extend(positions);
    let with_gff = common::on_default_genome("liftover", &rest);
    assert!(with_gff.status.success());
    assert_eq!(
        String::from_utf8_lossy(&fasta_only.stdout),
        String::from_utf8_lossy(&with_gff.stdout)
    );
    let text = String::from_utf8_lossy(&with_gff.stdout);
    assert!(text.contains("XV:722260\tDELETED"), "{text}");
}
