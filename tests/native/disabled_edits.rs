//! A perturbation whose edit the user disabled is kept in the design but is not in what the
//! design makes (issue 12's tryout): the genotype string, the FASTA headers, the gene nodes leave
//! it out, and the spec marks it `"in_effect": false`; a heterozygous perturbation, whose edits
//! are disabled on purpose, stays in. Every FASTA record of an edited genome has one shape.

use crate::common;
use genoforge::core::design::Design;
use genoforge::core::design::genotype::Zygosity;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{apply, plan_delete_gene, set_background};
use genoforge::core::genetics::nomenclature::format;
use genoforge::core::genetics::strain::strain;
use genoforge::core::lift::Lifted;
use genoforge::core::ml::gene_nodes::gene_nodes;
use genoforge::core::spec::{ReferenceSpec, restore};

fn spec_json(g: &genoforge::core::genome::Genome, d: &Design) -> serde_json::Value {
    common::exported_spec(g, d).1
}

/// The `[genotype=…]` of FASTA record `name`.
fn header_genotype(fasta: &str, name: &str) -> String {
    let line = fasta
        .lines()
        .find(|l| l.strip_prefix('>').and_then(|l| l.split(' ').next()) == Some(name))
        .unwrap();
    let from = line.find("[genotype=").unwrap() + "[genotype=".len();
    line[from..from + line[from..].find(']').unwrap()].to_owned()
}

#[test]
fn a_disabled_edit_s_perturbation_is_kept_but_not_in_effect() {
    let g = &common::default_genome().genome;
    let (pho5, far1) = (
        resolve_gene(g, "PHO5").unwrap(),
        resolve_gene(g, "FAR1").unwrap(),
    );
    let kan = common::kanmx4();
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    apply(g, &mut d, plan_delete_gene(g, pho5, Some(&kan))).unwrap();
    apply(g, &mut d, plan_delete_gene(g, far1, None)).unwrap();
    let all = "MATa his3Δ1 leu2Δ0 met15Δ0 ura3Δ0 pho5Δ::kanMX4 far1Δ";
    assert_eq!(format(&d.genotype_in_effect()), all);

    let pho5_edit = d.genotype().perturbations[0].edit_ids[0];
    d.set_enabled(g, pho5_edit, false).unwrap();
    // Kept in the design's record …
    assert_eq!(format(d.genotype()), all);
    // … but not what the design makes.
    assert_eq!(
        format(&d.genotype_in_effect()),
        "MATa his3Δ1 leu2Δ0 met15Δ0 ura3Δ0 far1Δ"
    );
    let json = spec_json(g, &d);
    assert_eq!(json["perturbations"][0]["in_effect"], false, "{json}");
    assert!(json["perturbations"][1].get("in_effect").is_none());
    assert!(common::spec_errors(&common::spec_validator(), &json).is_empty());
    let nodes = gene_nodes(g, &d, &Lifted::new(g, &d));
    let node = |f| nodes.iter().find(|n| n.feature == Some(f)).unwrap();
    assert!(node(pho5).perturbations.is_empty(), "{:?}", node(pho5));
    assert_eq!(node(far1).perturbations, ["far1Δ"]);
    let fasta = common::edited_fasta(&d);
    assert_eq!(
        header_genotype(&fasta, "II"),
        "MATa his3Δ1 leu2Δ0 met15Δ0 ura3Δ0 far1Δ"
    );

    // Restored from the spec: the same design, and enabling the edit brings the allele back.
    let spec = serde_json::from_value(json).unwrap();
    let (mut back, _) = restore(g, &ReferenceSpec::of(g), &spec).unwrap();
    assert_eq!(format(back.genotype()), all);
    assert!(!back.is_enabled(pho5_edit));
    back.set_enabled(g, pho5_edit, true).unwrap();
    assert_eq!(format(&back.genotype_in_effect()), all);
    assert!(
        spec_json(g, &back)["perturbations"][0]
            .get("in_effect")
            .is_none()
    );
}

#[test]
fn a_heterozygous_perturbation_is_in_effect_though_its_edit_is_disabled() {
    let g = &common::default_genome().genome;
    let tfc3 = resolve_gene(g, "TFC3").unwrap();
    let kan = common::kanmx4();
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4743").unwrap()).unwrap();
    let mut plan = plan_delete_gene(g, tfc3, Some(&kan));
    plan.perturbation.zygosity = Zygosity::Heterozygous;
    apply(g, &mut d, plan).unwrap();
    let p = d.genotype().perturbations.last().unwrap().clone();
    assert!(p.edit_ids.iter().all(|&id| !d.is_enabled(id)));
    assert!(d.in_effect(&p));
    assert!(format(&d.genotype_in_effect()).ends_with(" tfc3Δ::kanMX4/TFC3"));
    assert!(
        spec_json(g, &d)["perturbations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p.get("in_effect").is_none())
    );
}

#[test]
fn every_record_of_an_edited_genome_has_one_header_shape() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let fasta = common::edited_fasta(&d);
    let headers: Vec<&str> = fasta.lines().filter(|l| l.starts_with('>')).collect();
    assert_eq!(headers.len(), 17);
    for h in &headers {
        let (name, rest) = h[1..].split_once(' ').unwrap();
        assert!(
            rest.starts_with("[org=Saccharomyces cerevisiae] [strain=BY4741] "),
            "{h}"
        );
        assert!(!rest.contains("ref|"), "{h}");
        let edited = rest.contains(" [sequence=edited] [derived_from=NC_");
        let unedited = rest.contains(" [sequence=reference] [accession=NC_");
        assert!(edited != unedited, "{h}");
        // III (leu2Δ0, MATa), V (ura3Δ0), XII (met15Δ0), XV (his3Δ1) are changed.
        assert_eq!(edited, ["III", "V", "XII", "XV"].contains(&name), "{h}");
        assert!(rest.ends_with("[design=BY4741]"), "{h}");
    }
}
