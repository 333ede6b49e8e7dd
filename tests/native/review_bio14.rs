//! A yeast geneticist's second review of the exports (issue 13), on the real S288C genome: the
//! spec's perturbations carry the essential-gene and signal-peptide warnings; MAT's Y located to
//! the literature's lengths with nothing of HMR copied beyond it; MATa's MATA2 not `inserted`; a
//! diploid written `MATa/α`; one view-layer function for the design's warnings.

use crate::common;

use genoforge::core::design::Design;
use genoforge::core::design::NewEdit;
use genoforge::core::edit::EditId;
use genoforge::core::edit::Terminus;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::cassette::Library;
use genoforge::core::genetics::compose::{apply, delete_gene, set_background};
use genoforge::core::genetics::essential::EssentialityTable;
use genoforge::core::genetics::finding::FindingKind;
use genoforge::core::genetics::mating::{locate, mata_edits};
use genoforge::core::genetics::promoter::{Upstream, plan_promoter_swap, promoter_of_gene};
use genoforge::core::genetics::strain::strain;
use genoforge::core::genetics::tag::plan_tag;
use genoforge::core::genome::Genome;
use genoforge::core::lift::Lifted;
use genoforge::core::lift::edited::{EditedGenome, LiftedPos};
use genoforge::core::ml::{GeneStatus, gene_nodes};
use genoforge::core::spec::mata_upgrade::{MataUpgrade, upgrade_single_edit_mata};
use genoforge::core::spec::{ReferenceSpec, export};
use genoforge::view::design_warnings::design_warnings;
use genoforge::view::gene_edit_form::{Form, Kind, plan as plan_form};

fn library() -> Library {
    serde_json::from_slice(&std::fs::read(common::root().join("public/cassettes.json")).unwrap())
        .unwrap()
}

/// The shipped deletion-project table (Giaever et al. 2002).
fn essential() -> EssentialityTable {
    genoforge::io::gene_sets::read_essentiality(
        &std::fs::read(common::root().join("public/data/deletion_essentiality.tsv")).unwrap(),
    )
    .unwrap()
}

fn kan_delete(g: &Genome, d: &mut Design, gene: &str) {
    delete_gene(
        g,
        d,
        resolve_gene(g, gene).unwrap(),
        library().get("kanMX4"),
    )
    .unwrap();
}

fn n_tag(g: &Genome, d: &mut Design, gene: &str) {
    let lib = library();
    let (plan, _) = plan_tag(
        g,
        resolve_gene(g, gene).unwrap(),
        lib.get("GFP(S65T)").unwrap(),
        Terminus::N,
    )
    .unwrap();
    apply(g, d, plan).unwrap();
}

fn spec_json(g: &Genome, d: &Design) -> serde_json::Value {
    let spec = export(
        g,
        d,
        &ReferenceSpec::of(g),
        "2026-12-02T00:00:00Z",
        &essential(),
    );
    serde_json::from_str(&genoforge::io::spec_json::to_string(&spec)).unwrap()
}

fn validate_against_schema(v: &serde_json::Value) {
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(common::root().join("public/genotype-spec.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn the_spec_perturbation_deleting_an_essential_gene_carries_the_deletion_projects_warning() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    // TFC3 (YAL001C) essential, FAR1 (YJL157C) viable in the deletion project's table.
    kan_delete(g, &mut d, "TFC3");
    kan_delete(g, &mut d, "FAR1");
    let v = spec_json(g, &d);
    let ps = v["perturbations"].as_array().unwrap();
    let tfc3 = &ps[0]["warnings"];
    assert_eq!(tfc3.as_array().map(Vec::len), Some(2), "{tfc3}");
    assert_eq!(tfc3[0]["kind"], "essential_gene_deleted");
    // TFC3's ORF (I:147,594–151,166) ends inside ARS108 (I:147,398–147,717, SGD_features.tab).
    assert_eq!(tfc3[1]["kind"], "replication_origin_removed");
    assert!(
        tfc3[1]["message"]
            .as_str()
            .unwrap()
            .contains("cuts into replication origin ARS108 (I:147,398–147,717)"),
        "{tfc3}"
    );
    let m = tfc3[0]["message"].as_str().unwrap();
    assert!(
        m.contains("TFC3 (YAL001C)")
            && m.contains("Saccharomyces Genome Deletion Project")
            && m.contains("Giaever et al. 2002")
            && m.contains("doi:10.1038/nature00935"),
        "{m}"
    );
    // The viable FAR1 has no essential-gene warning (the marker reuse is the design's, not its).
    assert!(ps[1].get("warnings").is_none(), "{}", ps[1]);
    validate_against_schema(&v);
    // The warnings are derived: restoring ignores them and re-exporting writes them again.
    let text = serde_json::to_string(&v).unwrap();
    let spec = genoforge::io::spec_json::parse(text.as_bytes()).unwrap();
    let (back, _) = genoforge::core::spec::restore(g, &ReferenceSpec::of(g), &spec).unwrap();
    assert_eq!(spec_json(g, &back)["perturbations"], v["perturbations"]);
}

#[test]
fn mat_y_has_the_literature_lengths_and_nothing_of_hmr_beyond_it_is_copied() {
    let g = &common::default_genome().genome;
    let loci = locate(g).unwrap();
    assert_eq!((loci.y_alpha.len(), loci.y_a.len()), (747, 642));
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let lesion = &d.genotype().background.as_ref().unwrap().alleles[0].lesion;
    assert!(
        lesion.contains("III:200,104–200,850, 747 bp")
            && lesion.contains("III:293,737–294,378, 642 bp")
            && lesion.contains("nothing of HMR beyond Ya is copied")
            && lesion.contains("III:200,861 T at MAT, III:294,389 A at HMR")
            && lesion.contains("MAT keeps its own base"),
        "{lesion}"
    );
    // In the edited genome the Z1 base where HMR differs is still MAT's T, and the 10 bases
    // before it follow Ya directly.
    let edited = EditedGenome::new(g, &d);
    let Some(LiftedPos::At(q)) = edited.lift(loci.contig, genoforge::core::coord::Pos(200_860))
    else {
        panic!("MAT's Z1 base is kept");
    };
    let around = edited
        .sequence(loci.contig, common::span0(q.get() - 10, q.get() + 1))
        .unwrap()
        .to_ascii_uppercase();
    assert_eq!(around, b"CGCAACAGTAT".to_vec());
}

#[test]
fn an_older_758_bp_mata_edit_is_upgraded_with_its_bases_kept_and_said() {
    let g = &common::default_genome().genome;
    let (today, _) = mata_edits(g).unwrap();
    let loci = locate(g).unwrap();
    // The older Y swap: 11 bp further into Z1 at both loci (758 → 653 bp).
    let mut old = today[0].clone();
    old.span = common::span0(old.span.start().get(), old.span.end().get() + 11);
    old.sequence = g
        .sequence(
            loci.contig,
            common::span0(loci.donor.start().get(), loci.donor.end().get() + 11),
        )
        .unwrap()
        .to_ascii_uppercase();
    assert_eq!((old.span.len(), old.sequence.len()), (758, 653));
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let mut background = d.genotype().background.clone().unwrap();
    let mat = background
        .alleles
        .iter_mut()
        .find(|a| a.name == "MATa")
        .unwrap();
    mat.edit_ids = vec![EditId(0)];
    let edits = [NewEdit {
        id: Some(EditId(0)),
        request: old.clone(),
        enabled: true,
    }];
    match upgrade_single_edit_mata(g, Some(&background), &edits) {
        MataUpgrade::Upgraded { edits, warning, .. } => {
            let y = edits.iter().find(|e| e.id == Some(EditId(0))).unwrap();
            assert_eq!(
                (y.request.span, &y.request.sequence),
                (old.span, &old.sequence),
                "the same bases"
            );
            assert!(warning.contains("11 bp beyond today's Y"), "{warning}");
        }
        other => panic!("not upgraded: {other:?}"),
    }
}

#[test]
fn mata2_annotates_unchanged_bases_so_it_is_native_not_inserted() {
    let g = &common::default_genome().genome;
    let (edits, _) = mata_edits(g).unwrap();
    let mut d = Design::new();
    d.add_all(g, edits).unwrap();
    let lifted = Lifted::new(g, &d);
    let nodes = gene_nodes(g, &d, &lifted);
    let node = |id: &str| nodes.iter().find(|n| n.id == id).unwrap();
    // Nothing before MAT moved: MATA2 is where its bases were, III:199,546–199,905.
    assert_eq!(node("MATA2").status, GeneStatus::Native);
    assert_eq!(
        (
            node("MATA2").start,
            node("MATA2").ref_start,
            node("MATA2").ref_end
        ),
        (Some(199_546), Some(199_546), Some(199_905))
    );
    assert_eq!(node("MATA1").status, GeneStatus::Inserted);
    assert_eq!(node("MATA1").ref_start, None);
    // The GFF3 says the same: no edit_status on MATA2's lines (an unchanged line has none).
    let mut out = Vec::new();
    genoforge::io::gff3::writer::write(&mut out, g, &d, &lifted).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mata2: Vec<&str> = text.lines().filter(|l| l.contains("MATA2")).collect();
    assert_eq!(mata2.len(), 4, "{mata2:?}");
    assert!(
        mata2.iter().all(|l| !l.contains("edit_status")),
        "{mata2:?}"
    );
    // The report lists reference lines an edit changed: none is MATA2's.
    let mut report = Vec::new();
    genoforge::io::report::write_tsv(&mut report, g, &d, &lifted).unwrap();
    let report = String::from_utf8(report).unwrap();
    assert!(!report.contains("MATA2"), "{report}");
}

#[test]
fn a_diploid_is_written_mat_a_slash_alpha_in_the_genotype_fasta_and_spec() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4743").unwrap()).unwrap();
    let text = genoforge::core::genetics::nomenclature::format(d.genotype());
    assert!(text.starts_with("MATa/α his3Δ1/his3Δ1 "), "{text}");
    assert!(!text.contains("MATa/MATα"), "{text}");
    let mut fa = Vec::new();
    genoforge::io::fasta_writer::write(
        &mut fa,
        &EditedGenome::new(g, &d),
        genoforge::io::fasta_writer::Width::Sixty,
    )
    .unwrap();
    let header =
        String::from_utf8_lossy(&fa[..fa.iter().position(|&b| b == b'\n').unwrap()]).into_owned();
    assert!(header.contains("[genotype=MATa/α his3Δ1"), "{header}");
    assert!(!header.contains("MATa/MATα"), "{header}");
    assert_eq!(spec_json(g, &d)["background"]["mating_type"], "MATa/α");
    // The older way is still read.
    let sketch = genoforge::core::genetics::nomenclature::parse(g, "MATa/MATα his3Δ1/his3Δ1");
    assert!(sketch.unknown.is_empty(), "{sketch:?}");
}

#[test]
fn an_n_terminal_tag_before_a_signal_peptide_is_warned_in_the_preview_design_and_spec() {
    let g = &common::default_genome().genome;
    let lib = library();
    // The composer's preview (view layer): PHO5's secreted acid phosphatase.
    let form = Form {
        kind: Kind::NTag,
        tag: "GFP(S65T)".to_owned(),
        ..Form::default()
    };
    let planned = plan_form(
        g,
        &lib,
        Some(resolve_gene(g, "PHO5").unwrap()),
        None,
        &form,
        false,
    )
    .unwrap();
    let last = planned.details.last().unwrap();
    assert!(
        last.starts_with("Warning: PHO5 (YBR093C) likely begins with a signal peptide")
            && last.contains("heuristic")
            // PHO5 is MFKSVVYSILAASLANA|GT… (UniProt P00635: signal peptide 1–17): the stretch
            // runs from S4 to A15, N16 ends it; the first (−3,−1) site after it is A17 (A15 at
            // −3), UniProt's.
            && last.contains("hydrophobic stretch SVVYSILAASLA at residues 4–15 after the n-region FK")
            && last.contains("a (−3,−1) cleavage site after residue 17")
            && last.contains("von Heijne 1986")
            && last.contains("expected to disrupt its targeting"),
        "{last}"
    );
    // A C-terminal tag of PHO5, and an N-terminal tag of a cytoplasmic enzyme (TDH3), are not.
    let c = Form {
        kind: Kind::CTag,
        tag: "GFP(S65T)-kanMX6".to_owned(),
        ..Form::default()
    };
    let p = plan_form(
        g,
        &lib,
        Some(resolve_gene(g, "PHO5").unwrap()),
        None,
        &c,
        false,
    )
    .unwrap();
    assert!(p.plan.warnings.is_empty(), "{:?}", p.plan.warnings);
    let p = plan_form(
        g,
        &lib,
        Some(resolve_gene(g, "TDH3").unwrap()),
        None,
        &form,
        false,
    )
    .unwrap();
    assert!(p.plan.warnings.is_empty(), "{:?}", p.plan.warnings);
    // The design's warnings and the spec: SUC2's invertase too (its n-region is Met1 alone).
    let mut d = Design::new();
    n_tag(g, &mut d, "PHO5");
    n_tag(g, &mut d, "SUC2");
    n_tag(g, &mut d, "TDH3");
    let w = design_warnings(g, &d, &essential(), None);
    let tagged: Vec<_> = w
        .iter()
        .filter(|w| w.kind == FindingKind::SignalPeptideTagged)
        .map(|w| w.designation.clone().unwrap())
        .collect();
    assert_eq!(tagged, ["GFP(S65T)-PHO5", "GFP(S65T)-SUC2"]);
    let v = spec_json(g, &d);
    let kinds: Vec<_> = v["perturbations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["warnings"][0]["kind"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(
        kinds,
        [
            Some("signal_peptide_tagged".to_owned()),
            Some("signal_peptide_tagged".to_owned()),
            None
        ]
    );
    validate_against_schema(&v);
}

#[test]
fn one_view_function_gives_every_design_warning_with_its_perturbation() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    kan_delete(g, &mut d, "TFC3"); // essential
    kan_delete(g, &mut d, "FAR1"); // kanMX4 a second time
    let pgal1 = promoter_of_gene(
        g,
        resolve_gene(g, "GAL1").unwrap(),
        Upstream::ToPreviousFeature,
    )
    .unwrap();
    let (swap, _) = plan_promoter_swap(
        g,
        resolve_gene(g, "VPS35").unwrap(),
        &pgal1,
        Upstream::ToPreviousFeature,
    )
    .unwrap();
    apply(g, &mut d, swap).unwrap(); // reaches INO1's 3′ region
    n_tag(g, &mut d, "SUC2"); // before its signal peptide
    let lifted = Lifted::new(g, &d);
    let w = design_warnings(g, &d, &essential(), Some(&lifted));
    let got: Vec<(FindingKind, &str, Option<&str>)> = w
        .iter()
        .map(|w| (w.kind, w.heading, w.designation.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                FindingKind::EssentialGeneDeleted,
                "Essential gene",
                Some("tfc3Δ::kanMX4")
            ),
            (
                FindingKind::PromoterReachesFeature,
                "Promoter swap reaches a neighbour",
                Some("pGAL1-VPS35")
            ),
            (
                FindingKind::SignalPeptideTagged,
                "Signal peptide",
                Some("GFP(S65T)-SUC2")
            ),
            // TFC3's ORF ends inside ARS108: the deletion cuts into that origin.
            (
                FindingKind::OriginRemoved,
                "Replication origin",
                Some("tfc3Δ::kanMX4")
            ),
            (FindingKind::MarkerReused, "Marker reused", None),
        ]
    );
    // The same as the CLI's (core) warnings, sentence for sentence; without a lift-over given,
    // the same too.
    let core: Vec<String> =
        genoforge::core::genetics::consistency::warnings(g, &d, &essential(), Some(&lifted))
            .into_iter()
            .map(|f| f.message)
            .collect();
    let view: Vec<String> = w.iter().map(|w| w.message.clone()).collect();
    assert_eq!(view, core);
    assert_eq!(design_warnings(g, &d, &essential(), None), w);
}
