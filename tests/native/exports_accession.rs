//! An edited genome's exports give the reference's accession only to sequences that are still the
//! reference's (issue 13): a changed chromosome's FASTA record says `[derived_from=NC_001135]`,
//! an unchanged one `[accession=NC_001133]` (one header shape for both, issue 12's tryout), the GFF3 says the same per seqid and renames Ensembl's
//! `#!genome-build-accession`, and seqids stay the records' names in both files.

use crate::common;

use genoforge::core::design::Design;
use genoforge::core::genetics::compose::set_background;
use genoforge::core::genetics::strain::strain;
use genoforge::core::lift::Lifted;
use genoforge::io::design_header::reference_accession;
use genoforge::io::gff3;

fn exports(d: &Design) -> (String, String) {
    let g = &common::default_genome().genome;
    let mut gff = Vec::new();
    gff3::writer::write(&mut gff, g, d, &Lifted::new(g, d)).unwrap();
    (common::edited_fasta(d), String::from_utf8(gff).unwrap())
}

/// The FASTA header line of record `name`.
fn header<'a>(fasta: &'a str, name: &str) -> &'a str {
    fasta
        .lines()
        .find(|l| l.strip_prefix('>').and_then(|l| l.split(' ').next()) == Some(name))
        .unwrap_or_else(|| panic!("no record {name}"))
}

#[test]
fn changed_sequences_lose_the_accession_and_say_what_they_derive_from() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    // BY4741: his3Δ1 (XV), leu2Δ0 (III), met15Δ0 (XII), ura3Δ0 (V), MATa (III).
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let (fa, gff) = exports(&d);
    let iii = header(&fa, "III");
    assert!(!iii.contains("NC_001135|"), "{iii}");
    assert!(iii.contains(" [derived_from=NC_001135]"), "{iii}");
    assert!(iii.contains("[strain=BY4741]"), "{iii}");
    // Chromosome I is untouched: still RefSeq's sequence, accession kept (as an attribute).
    let i = header(&fa, "I");
    assert!(i.starts_with(">I [org="), "{i}");
    assert!(
        i.contains(" [sequence=reference] [accession=NC_001133]"),
        "{i}"
    );
    assert!(!i.contains("derived_from"), "{i}");
    // The GFF3 names the same sequences the same way, and only the changed ones.
    let derived: Vec<&str> = gff
        .lines()
        .filter_map(|l| l.strip_prefix("#!genoforge-derived-from "))
        .collect();
    assert_eq!(
        derived,
        [
            "III NC_001135",
            "V NC_001137",
            "XII NC_001144",
            "XV NC_001147"
        ]
    );
    for line in &derived {
        let (seqid, acc) = line.split_once(' ').unwrap();
        assert!(
            header(&fa, seqid).contains(&format!("[derived_from={acc}]")),
            "{seqid}"
        );
        assert!(
            gff.lines()
                .any(|l| l.split_whitespace().collect::<Vec<_>>()[..2]
                    == ["##sequence-region", seqid]),
            "{seqid}"
        );
    }
    assert!(
        !gff.contains("#!genome-build-accession"),
        "kept the assembly's accession"
    );
    assert!(gff.contains("#!genoforge-derived-from-build-accession GCA_000146045.2"));
    if let Some(r) = common::gt_validate(&{
        let p = common::scratch("accession").join("edited.gff3");
        std::fs::write(&p, &gff).unwrap();
        p
    }) {
        r.unwrap();
    }
}

#[test]
fn an_empty_design_keeps_the_reference_headers() {
    let (fa, gff) = exports(&Design::new());
    assert!(
        header(&fa, "III")
            .starts_with(">III ref|NC_001135| [org=Saccharomyces cerevisiae] [strain=S288C]")
    );
    assert!(!fa.contains("derived_from"));
    assert!(gff.contains("#!genome-build-accession GCA_000146045.2"));
    assert!(!gff.contains("genoforge-derived-from"));
}

#[test]
fn accessions_are_read_from_ncbi_and_plain_ids_only() {
    assert_eq!(
        reference_accession("ref|NC_001133| [org=S]"),
        Some("NC_001133")
    );
    assert_eq!(
        reference_accession("gi|330443391|ref|NC_001133.9| Saccharomyces"),
        Some("NC_001133.9")
    );
    assert_eq!(
        reference_accession("NC_001133.9 Saccharomyces cerevisiae"),
        Some("NC_001133.9")
    );
    assert_eq!(
        reference_accession("[org=Saccharomyces cerevisiae] [strain=S288C]"),
        None
    );
    assert_eq!(reference_accession("chromosome I"), None);
    assert_eq!(reference_accession(""), None);
}

#[test]
fn the_spec_names_the_assembly_and_its_accession() {
    let g = &common::default_genome().genome;
    let r = genoforge::core::spec::ReferenceSpec::of(g);
    // Ensembl's name for R64 (the GFF3's #!genome-version); the R64-2-1 FASTA has its bases.
    assert_eq!(r.assembly.as_deref(), Some("R64-1-1"));
    assert_eq!(r.assembly_accession.as_deref(), Some("GCA_000146045.2"));
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["assembly_accession"], "GCA_000146045.2");
}
