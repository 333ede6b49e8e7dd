//! A geneticist's eighth review, on the real S288C genome: a diploid's copies are counted across
//! kinds (a deletion beside a homozygous tag needs three copies); two heterozygous deletions of one
//! gene are its two copies (`tub1Δ::kanMX4/tub1Δ::natMX4`: in trans, null on both, essential);
//! a heterozygous edit enabled by hand is said; an edit the user disabled is not listed as
//! "not in the sequence".

use crate::common;
use genoforge::core::design::Design;
use genoforge::core::design::genotype::{PerturbationType, Zygosity};
use genoforge::core::edit::Terminus;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{apply, plan_delete_gene, set_background};
use genoforge::core::genetics::consistency::check;
use genoforge::core::genetics::finding::FindingKind;
use genoforge::core::genetics::nomenclature::{format, parse};
use genoforge::core::genetics::strain::strain;
use genoforge::core::genetics::tag::plan_tag;
use genoforge::core::genome::Genome;

fn diploid(g: &Genome) -> Design {
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4743").unwrap()).unwrap();
    d
}

fn delete(g: &Genome, d: &mut Design, gene: &str, marker: &str, z: Zygosity) {
    let lib = common::library();
    let mut plan = plan_delete_gene(
        g,
        resolve_gene(g, gene).unwrap(),
        Some(lib.get(marker).unwrap()),
    );
    plan.perturbation.zygosity = z;
    apply(g, d, plan).unwrap();
}

fn kinds(g: &Genome, d: &Design) -> Vec<(FindingKind, String)> {
    check(g, d, &common::essentiality())
        .into_iter()
        .map(|f| (f.kind, f.message))
        .collect()
}

#[test]
fn a_deletion_beside_a_homozygous_tag_of_the_gene_needs_three_copies() {
    let g = &common::default_genome().genome;
    let mut d = diploid(g);
    delete(g, &mut d, "PHO5", "kanMX4", Zygosity::Heterozygous);
    let lib = common::library();
    let (mut plan, _) = plan_tag(
        g,
        resolve_gene(g, "PHO5").unwrap(),
        lib.get("GFP(S65T)").unwrap(),
        Terminus::C,
    )
    .unwrap();
    plan.perturbation.zygosity = Zygosity::Homozygous;
    apply(g, &mut d, plan).unwrap();
    let found = kinds(g, &d);
    let exceed: Vec<&String> = found
        .iter()
        .filter(|(k, _)| *k == FindingKind::AllelesExceedCopies)
        .map(|(_, m)| m)
        .collect();
    assert_eq!(exceed.len(), 1, "{found:?}");
    assert!(
        exceed[0].contains("pho5Δ::kanMX4/PHO5")
            && exceed[0].contains("a homozygous allele that keeps the gene needs both"),
        "{}",
        exceed[0]
    );
}

#[test]
fn two_heterozygous_deletions_of_one_gene_are_its_two_copies() {
    let g = &common::default_genome().genome;
    let mut d = diploid(g);
    delete(g, &mut d, "TUB1", "kanMX4", Zygosity::Heterozygous);
    delete(g, &mut d, "TUB1", "natMX4", Zygosity::Heterozygous);
    let text = format(d.genotype());
    assert!(text.ends_with(" tub1Δ::kanMX4/tub1Δ::natMX4"), "{text}");
    assert!(!text.contains("/TUB1"), "{text}");
    // Read back as the two heterozygous deletions.
    let back = parse(g, &text);
    assert!(back.unknown.is_empty(), "{:?}", back.unknown);
    let tub1: Vec<_> = back
        .perturbations
        .iter()
        .filter(|p| p.designation.starts_with("tub1Δ"))
        .collect();
    assert_eq!(tub1.len(), 2);
    assert!(tub1.iter().all(|p| p.zygosity == Zygosity::Heterozygous));
    assert_eq!(tub1[0].perturbation_type, PerturbationType::KanmxDeletion);
    assert_eq!(tub1[1].perturbation_type, PerturbationType::NatmxDeletion);
    // TUB1 (YML085C) is essential in the deletion project: null on both copies.
    let found = kinds(g, &d);
    assert!(
        found
            .iter()
            .any(|(k, m)| *k == FindingKind::EssentialGeneDeleted
                && m.starts_with(
                    "tub1Δ::kanMX4/tub1Δ::natMX4 deletes TUB1 (YML085C) on every copy"
                )),
        "{found:?}"
    );
    // Nothing about cis or trans is unrecorded: two deletions cannot share a copy.
    assert!(
        !found
            .iter()
            .any(|(k, _)| *k == FindingKind::HeterozygousSameGene),
        "{found:?}"
    );
    // The gene node: both copies carry an allele.
    {
        use genoforge::core::lift::Lifted;
        use genoforge::core::ml::gene_nodes::gene_nodes;
        let nodes = gene_nodes(g, &d, &Lifted::new(g, &d));
        let tub1 = resolve_gene(g, "TUB1").unwrap();
        let node = nodes.iter().find(|n| n.feature == Some(tub1)).unwrap();
        assert_eq!(node.zygosity, Some(Zygosity::Homozygous), "{node:?}");
        assert_eq!(node.perturbations, ["tub1Δ::kanMX4", "tub1Δ::natMX4"]);
    }
    // A third has no copy left.
    delete(g, &mut d, "TUB1", "hphMX4", Zygosity::Heterozygous);
    let found = kinds(g, &d);
    assert!(
        found
            .iter()
            .any(|(k, _)| *k == FindingKind::AllelesExceedCopies),
        "{found:?}"
    );
}

#[test]
fn a_heterozygous_edit_enabled_by_hand_is_said() {
    let g = &common::default_genome().genome;
    let mut d = diploid(g);
    delete(g, &mut d, "TFC3", "kanMX4", Zygosity::Heterozygous);
    assert!(
        !kinds(g, &d)
            .iter()
            .any(|(k, _)| *k == FindingKind::HeterozygousApplied)
    );
    // The app and the CLI refuse to enable it; a spec edited by hand can.
    let id = d.genotype().perturbations.last().unwrap().edit_ids[0];
    assert!(d.set_enabled(g, id, true).is_err());
    let (_, mut json) = common::exported_spec(g, &d);
    let edit = json["edits"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["id"] == id.0)
        .unwrap();
    edit.as_object_mut().unwrap().remove("enabled");
    let spec = serde_json::from_value(json).unwrap();
    let reference = genoforge::core::spec::ReferenceSpec::of(g);
    let (d, _) = genoforge::core::spec::restore(g, &reference, &spec).unwrap();
    assert!(d.is_enabled(id));
    let found = kinds(g, &d);
    let applied: Vec<&String> = found
        .iter()
        .filter(|(k, _)| *k == FindingKind::HeterozygousApplied)
        .map(|(_, m)| m)
        .collect();
    assert_eq!(applied.len(), 1, "{found:?}");
    assert!(
        applied[0].starts_with("tfc3Δ::kanMX4/TFC3 is heterozygous, yet its edit #"),
        "{}",
        applied[0]
    );
}

#[test]
fn an_edit_the_user_disabled_is_not_listed_as_not_in_the_sequence() {
    let g = &common::default_genome().genome;
    let mut d = diploid(g);
    delete(g, &mut d, "TFC3", "kanMX4", Zygosity::Heterozygous);
    delete(g, &mut d, "PDR5", "natMX4", Zygosity::Homozygous);
    let id = d.genotype().perturbations.last().unwrap().edit_ids[0];
    d.set_enabled(g, id, false).unwrap();
    let fasta = common::edited_fasta(&d);
    let header = fasta.lines().next().unwrap();
    let from = header.find("[not_in_sequence=").unwrap();
    let missing = &header[from..from + header[from..].find(']').unwrap()];
    assert!(missing.ends_with(" tfc3Δ::kanMX4"), "{missing}");
    assert!(!missing.contains("pdr5"), "{missing}");
    // Nor in the genotype (the design's name, `[design=…]`, is its name and keeps it).
    let from = header.find("[genotype=").unwrap();
    assert!(
        !header[from..from + header[from..].find(']').unwrap()].contains("pdr5"),
        "{header}"
    );
}

#[test]
fn a_heterozygous_change_beside_a_homozygous_one_is_written_against_it() {
    use genoforge::core::genetics::point::{parse_change, plan_point_mutation};
    let g = &common::default_genome().genome;
    let gal4 = resolve_gene(g, "GAL4").unwrap();
    let mut d = diploid(g);
    for (change, z) in [
        ("K17A", Zygosity::Heterozygous),
        ("K23A", Zygosity::Heterozygous),
        ("S22A", Zygosity::Homozygous),
    ] {
        let (mut plan, _) = plan_point_mutation(g, gal4, &parse_change(change).unwrap()).unwrap();
        plan.perturbation.zygosity = z;
        apply(g, &mut d, plan).unwrap();
    }
    let text = format(d.genotype());
    // S22A is on both copies: no wild-type GAL4 copy is left to write.
    assert!(
        text.ends_with(" gal4-K17A,S22A/gal4-S22A gal4-S22A,K23A/gal4-S22A"),
        "{text}"
    );
    assert!(!text.contains("/GAL4"), "{text}");
    let back = parse(g, &text);
    assert!(back.unknown.is_empty(), "{:?}", back.unknown);
    let read: Vec<(&str, Zygosity)> = back
        .perturbations
        .iter()
        .map(|p| (p.designation.as_str(), p.zygosity))
        .collect();
    assert_eq!(
        read,
        [
            ("gal4-K17A", Zygosity::Heterozygous),
            ("gal4-S22A", Zygosity::Homozygous),
            ("gal4-K23A", Zygosity::Heterozygous),
        ]
    );
}

#[test]
fn a_heterozygous_deletion_and_a_heterozygous_tag_of_one_gene_are_its_two_copies() {
    let g = &common::default_genome().genome;
    let mut d = diploid(g);
    delete(g, &mut d, "TUB1", "natMX4", Zygosity::Heterozygous);
    let lib = common::library();
    let (mut plan, _) = plan_tag(
        g,
        resolve_gene(g, "TUB1").unwrap(),
        lib.get("GFP(S65T)").unwrap(),
        Terminus::C,
    )
    .unwrap();
    plan.perturbation.zygosity = Zygosity::Heterozygous;
    apply(g, &mut d, plan).unwrap();
    let text = format(d.genotype());
    assert!(text.ends_with(" tub1Δ::natMX4/TUB1-GFP(S65T)"), "{text}");
    let back = parse(g, &text);
    assert!(back.unknown.is_empty(), "{:?}", back.unknown);
    let tub1: Vec<_> = (back.perturbations.iter())
        .filter(|p| p.designation.to_ascii_uppercase().starts_with("TUB1"))
        .map(|p| (p.perturbation_type, p.zygosity))
        .collect();
    assert_eq!(
        tub1,
        [
            (PerturbationType::NatmxDeletion, Zygosity::Heterozygous),
            (PerturbationType::CTerminalTag, Zygosity::Heterozygous)
        ]
    );
    // In trans by necessity: no cis/trans note, no copies exceeded, not null on both copies.
    let found = kinds(g, &d);
    for k in [
        FindingKind::HeterozygousSameGene,
        FindingKind::AllelesExceedCopies,
        FindingKind::EssentialGeneDeleted,
    ] {
        assert!(!found.iter().any(|(f, _)| *f == k), "{k:?}: {found:?}");
    }
}

#[test]
fn a_disabled_edit_s_marker_is_not_counted_as_reused() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    delete(g, &mut d, "PHO5", "natMX4", Zygosity::Haploid);
    delete(g, &mut d, "FAR1", "natMX4", Zygosity::Haploid);
    let reused = |d: &Design| {
        kinds(g, d)
            .into_iter()
            .filter(|(k, _)| *k == FindingKind::MarkerReused)
            .count()
    };
    assert_eq!(reused(&d), 1);
    let id = d.genotype().perturbations.last().unwrap().edit_ids[0];
    d.set_enabled(g, id, false).unwrap();
    assert_eq!(reused(&d), 0);
}

#[test]
fn a_marker_orf_put_into_mtdna_is_read_with_table_3() {
    use genoforge::core::lift::Lifted;
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    delete(g, &mut d, "COX3", "kanMX4", Zygosity::Haploid);
    let mut gff = Vec::new();
    genoforge::io::gff3::writer::write(&mut gff, g, &d, &Lifted::new(g, &d)).unwrap();
    let gff = String::from_utf8(gff).unwrap();
    let kan: Vec<&str> = gff
        .lines()
        .filter(|l| l.starts_with("Mito\tgenoforge\tCDS\t"))
        .collect();
    assert_eq!(kan.len(), 1, "{kan:?}");
    assert!(
        kan[0].ends_with(";transl_table=3") || kan[0].contains(";transl_table=3;"),
        "{}",
        kan[0]
    );
    // A nuclear marker's ORF is read with the standard code: no attribute.
    let mut n = Design::new();
    delete(g, &mut n, "PHO5", "kanMX4", Zygosity::Haploid);
    let mut gff = Vec::new();
    genoforge::io::gff3::writer::write(&mut gff, g, &n, &Lifted::new(g, &n)).unwrap();
    let gff = String::from_utf8(gff).unwrap();
    let line = gff
        .lines()
        .find(|l| l.contains("\tgenoforge\tCDS\t"))
        .unwrap();
    assert!(!line.contains("transl_table"), "{line}");
}

/// RPL28's C-terminal tag inserts into YGL102C, a dubious ORF over RPL28's 3′ end that the
/// deletion project flags inviable — because its deletion cut into RPL28. No lethal claim.
#[test]
fn a_tag_into_a_dubious_orf_over_the_tagged_gene_is_no_lethal_claim() {
    let g = &common::default_genome().genome;
    let lib = common::library();
    let mut d = Design::new();
    let (plan, _) = plan_tag(
        g,
        resolve_gene(g, "RPL28").unwrap(),
        lib.get("GFP(S65T)-kanMX6").unwrap(),
        Terminus::C,
    )
    .unwrap();
    apply(g, &mut d, plan).unwrap();
    let found = kinds(g, &d);
    assert!(
        !found
            .iter()
            .any(|(k, m)| *k == FindingKind::EssentialGeneDeleted && m.contains("YGL102C")),
        "{found:?}"
    );
    // The flag is there; a deletion of RPL28 itself, which removes the gene, is claimed.
    assert!(common::essentiality().is_essential("YGL102C"));
    let mut del = Design::new();
    delete(g, &mut del, "RPL28", "kanMX4", Zygosity::Haploid);
    let found = kinds(g, &del);
    assert!(
        found
            .iter()
            .any(|(k, m)| *k == FindingKind::EssentialGeneDeleted && m.contains("RPL28")),
        "{found:?}"
    );
}

#[test]
fn which_library_tags_fit_which_terminus() {
    use genoforge::core::genetics::tag::fits_terminus;
    let lib = common::library();
    let fits = |n: &str, t| fits_terminus(lib.get(n).unwrap(), t);
    assert!(fits("GFP(S65T)", Terminus::N) && fits("GFP(S65T)", Terminus::C));
    assert!(!fits("GFP(S65T)-kanMX6", Terminus::N) && fits("GFP(S65T)-kanMX6", Terminus::C));
    assert!(!fits("kanMX4", Terminus::N) && !fits("kanMX4", Terminus::C));
}

/// A start-codon loss on one copy and a deletion on the other leave an essential gene with no
/// functional copy, as two deletions do; a missense change beside a deletion does not.
#[test]
fn a_null_point_allele_beside_a_deletion_of_an_essential_gene_is_not_viable() {
    use genoforge::core::genetics::point::{parse_change, plan_point_mutation};
    let g = &common::default_genome().genome;
    let cdc28 = resolve_gene(g, "CDC28").unwrap();
    let with = |change: &str| {
        let mut d = diploid(g);
        let (mut plan, _) = plan_point_mutation(g, cdc28, &parse_change(change).unwrap()).unwrap();
        plan.perturbation.zygosity = Zygosity::Heterozygous;
        apply(g, &mut d, plan).unwrap();
        delete(g, &mut d, "CDC28", "natMX4", Zygosity::Heterozygous);
        kinds(g, &d)
    };
    let found = with("M1I");
    assert!(
        found
            .iter()
            .any(|(k, m)| *k == FindingKind::EssentialNullAllele
                && m.contains("/cdc28Δ::natMX4 leaves no functional copy of CDC28")),
        "{found:?}"
    );
    // Homozygous in the diploid: said of the diploid, not of a haploid.
    let mut d = diploid(g);
    let (mut plan, _) = plan_point_mutation(g, cdc28, &parse_change("M1I").unwrap()).unwrap();
    plan.perturbation.zygosity = Zygosity::Homozygous;
    apply(g, &mut d, plan).unwrap();
    let hom = kinds(g, &d);
    assert!(
        hom.iter()
            .any(|(k, m)| *k == FindingKind::EssentialNullAllele
                && m.ends_with("not viable (no functional copy in the diploid)")),
        "{hom:?}"
    );
    let found = with("S46A");
    assert!(
        !found
            .iter()
            .any(|(k, _)| *k == FindingKind::EssentialNullAllele
                || *k == FindingKind::EssentialGeneDeleted),
        "{found:?}"
    );
}

/// A point change on the mitochondrial genome is warned of how it gets there and how its codons
/// are read — not of a nuclear marker or tag it does not carry.
#[test]
fn a_mitochondrial_point_change_is_not_warned_of_a_cassette() {
    use genoforge::core::genetics::point::{parse_change, plan_point_mutation};
    let g = &common::default_genome().genome;
    let cox2 = resolve_gene(g, "COX2").unwrap();
    let mut d = Design::new();
    let (plan, _) = plan_point_mutation(g, cox2, &parse_change("W56A").unwrap()).unwrap();
    apply(g, &mut d, plan).unwrap();
    let found = kinds(g, &d);
    let mito: Vec<&String> = found
        .iter()
        .filter(|(k, _)| *k == FindingKind::MitochondrialGenomeEdited)
        .map(|(_, m)| m)
        .collect();
    assert_eq!(mito.len(), 1, "{found:?}");
    assert!(
        mito[0]
            .starts_with("cox2-W56A edits the mitochondrial genome (Mito): mtDNA is not reached")
            && mito[0].contains("table 3")
            && !mito[0].contains("cassette")
            && !mito[0].contains("marker"),
        "{}",
        mito[0]
    );
}
