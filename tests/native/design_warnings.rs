//! What a design does besides what it names is said, never silent (issue 13's review), on the real
//! S288C genome: a promoter swap whose replaced bases reach another feature (the upstream gene's
//! 3′ UTR and terminator, a divergent gene's promoter), a selectable marker used twice, an
//! essential gene deleted — in the plan's preview, `validate`, and the CLI's `design` and `apply`.

use crate::common;

use genoforge::core::design::Design;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{apply, delete_gene};
use genoforge::core::genetics::consistency::{check, warnings};
use genoforge::core::genetics::finding::FindingKind;
use genoforge::core::genetics::promoter::{Upstream, plan_promoter_swap, promoter_of_gene};
use genoforge::core::genome::Genome;
use genoforge::core::lift::Lifted;

use crate::common::{FASTA, GFF};

fn genoforge(args: &[&str]) -> (bool, String) {
    let out = common::genoforge(args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn swap_warnings(g: &Genome, gene: &str, upstream: Upstream) -> Vec<String> {
    let pgal1 = promoter_of_gene(
        g,
        resolve_gene(g, "GAL1").unwrap(),
        Upstream::ToPreviousFeature,
    )
    .unwrap();
    let (plan, _) =
        plan_promoter_swap(g, resolve_gene(g, gene).unwrap(), &pgal1, upstream).unwrap();
    plan.warnings
}

#[test]
fn a_swap_up_to_the_previous_gene_says_it_takes_that_genes_3_prime_region() {
    let g = &common::default_genome().genome;
    // VPS35 (YJL154C, X:131,101–133,935, −): 5′ of its ATG lie 396 bp up to INO1 (YJL153C,
    // X:134,332–135,933, −), whose stop codon faces them — INO1's 3′ UTR and terminator.
    let w = swap_warnings(g, "VPS35", Upstream::ToPreviousFeature);
    // …and pGAL1, the whole GAL1–GAL10 region, keeps its GAL10-facing end (INO1 is tandem).
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(
        w[1].starts_with("pGAL1 is the region between divergent GAL1 and GAL10 (YBR019C)")
            && w[1].contains("drives transcription away from VPS35"),
        "{}",
        w[1]
    );
    assert!(
        w[0].contains("pGAL1-VPS35")
            && w[0].contains("INO1 (YJL153C)")
            && w[0].contains("396 bp 3′ of")
            && w[0].contains("3′ UTR and terminator"),
        "{}",
        w[0]
    );
    // FAR1 (YJL157C, −): the 275 bp up to the dubious YJL156W-A (+), whose start faces them.
    let w = swap_warnings(g, "FAR1", Upstream::ToPreviousFeature);
    assert_eq!(w.len(), 2, "{w:?}");
    // pGAL1's other (GAL10-facing) end now faces YJL156W-A, right next to it.
    assert!(
        w[1].contains(
            "its other end now faces YJL156W-A, a divergent gene right next to the replaced bases"
        ),
        "{}",
        w[1]
    );
    assert!(
        w[0].contains("YJL156W-A") && w[0].contains("275 bp 5′ of") && w[0].contains("promoter"),
        "{}",
        w[0]
    );
    // 200 bp stop short of it: nothing else is reached, but the GAL10-facing end faces it, 75 bp
    // away.
    let w = swap_warnings(g, "FAR1", Upstream::Bases(200));
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].contains("now faces YJL156W-A, a divergent gene 75 bp 5′ of the replaced bases"),
        "{}",
        w[0]
    );
    // A gene's own region with a tandem gene 5′ of it is no one else's promoter.
    let pvps35 = promoter_of_gene(
        g,
        resolve_gene(g, "VPS35").unwrap(),
        Upstream::ToPreviousFeature,
    )
    .unwrap();
    assert_eq!(pvps35.shared_with, None);
    let pgal1 = promoter_of_gene(
        g,
        resolve_gene(g, "GAL1").unwrap(),
        Upstream::ToPreviousFeature,
    )
    .unwrap();
    assert_eq!(pgal1.shared_with.as_deref(), Some("GAL10 (YBR019C)"));
}

#[test]
fn the_preview_and_validate_say_what_a_swap_reaches() {
    use genoforge::view::gene_edit_form::{Form, Kind, UpstreamChoice, WARNING, plan};
    let g = &common::default_genome().genome;
    let form = Form {
        kind: Kind::Promoter,
        promoter: "GAL1".to_owned(),
        upstream_choice: UpstreamChoice::ToPreviousFeature,
        ..Form::default()
    };
    let p = plan(
        g,
        &common::library(),
        Some(resolve_gene(g, "VPS35").unwrap()),
        None,
        &form,
        false,
    )
    .unwrap();
    assert!(
        p.details
            .iter()
            .any(|d| d.starts_with(WARNING) && d.contains("INO1 (YJL153C)")),
        "{:?}",
        p.details
    );
    let mut d = Design::new();
    apply(g, &mut d, p.plan).unwrap();
    let f = check(g, &d, &common::essentiality());
    assert!(
        f.iter()
            .any(|f| f.kind == FindingKind::PromoterReachesFeature
                && f.message.contains("INO1 (YJL153C)")),
        "{f:?}"
    );
}

#[test]
fn a_marker_used_by_two_edits_is_warned_naming_both() {
    let g = &common::default_genome().genome;
    let lib = common::library();
    let table = common::essentiality();
    let mut d = Design::new();
    delete_gene(
        g,
        &mut d,
        resolve_gene(g, "PDR5").unwrap(),
        lib.get("kanMX4"),
    )
    .unwrap();
    delete_gene(
        g,
        &mut d,
        resolve_gene(g, "FAR1").unwrap(),
        lib.get("natMX4"),
    )
    .unwrap();
    let lifted = Lifted::new(g, &d);
    assert!(
        warnings(g, &d, &table, Some(&lifted)).is_empty(),
        "two markers, two selections"
    );
    delete_gene(
        g,
        &mut d,
        resolve_gene(g, "SNF2").unwrap(),
        lib.get("kanMX4"),
    )
    .unwrap();
    let lifted = Lifted::new(g, &d);
    let w = warnings(g, &d, &table, Some(&lifted));
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].kind, FindingKind::MarkerReused);
    assert!(
        w[0].message.contains("pdr5Δ::kanMX4")
            && w[0].message.contains("snf2Δ::kanMX4")
            && w[0].message.contains("G418")
            && w[0].message.contains("another marker (natMX, hphMX)")
            && !w[0].message.contains("far1"),
        "{}",
        w[0].message
    );
}

#[test]
fn design_and_apply_warn_of_essential_genes_and_reused_markers_as_validate_does() {
    let dir = common::root().join("target/test-output/cli-design-warnings");
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("warned.json");
    let out = common::on_default_genome(
        "design",
        &[
            "--library",
            "public/cassettes.json",
            "--delete",
            "PDR5=kanMX4",
            "--delete",
            "TFC3=kanMX4",
            "--promoter",
            "VPS35=GAL1@previous",
            "--out-spec",
            spec.to_str().unwrap(),
        ],
    );
    let (ok, err) = (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(ok, "{err}");
    let essential = |text: &str| {
        text.lines().any(|l| {
            l.starts_with("genoforge: warning: ")
                && l.contains("TFC3")
                && l.contains("Giaever et al. 2002, Nature 418:387, doi:10.1038/nature00935")
        })
    };
    let marker = |text: &str| {
        text.lines().any(|l| {
            l.starts_with("genoforge: warning: kanMX4 used by 2 edits")
                && l.contains("pdr5Δ::kanMX4")
                && l.contains("tfc3Δ::kanMX4")
        })
    };
    assert!(essential(&err), "{err}");
    assert!(marker(&err), "{err}");
    assert!(
        err.contains("Warning: pGAL1-VPS35 replaces the 396 bp 3′ of"),
        "{err}"
    );
    // apply says the same of the spec, the swap included.
    let fasta = dir.join("warned.fa");
    let (ok, err) = genoforge(&[
        "apply",
        "--spec",
        spec.to_str().unwrap(),
        "--fasta",
        FASTA,
        "--gff",
        GFF,
        "--out-fasta",
        fasta.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(essential(&err) && marker(&err), "{err}");
    assert!(
        err.contains("genoforge: warning: pGAL1-VPS35 replaces the 396 bp 3′ of"),
        "{err}"
    );
    // A plain edits file deleting TFC3's bases (no perturbation names it) is warned too.
    let g = &common::default_genome().genome;
    let tfc3 = g.extent(resolve_gene(g, "TFC3").unwrap());
    let edits = dir.join("plain.json");
    std::fs::write(
        &edits,
        format!(
            r#"{{"edits": [{{"op": "delete", "seqid": "I", "start": {}, "end": {}}}]}}"#,
            tfc3.start().get() + 101,
            tfc3.start().get() + 200
        ),
    )
    .unwrap();
    let (ok, err) = genoforge(&[
        "apply",
        "--edits",
        edits.to_str().unwrap(),
        "--fasta",
        FASTA,
        "--gff",
        GFF,
        "--out-fasta",
        fasta.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(
        essential(&err) && err.contains("disrupts TFC3 (YAL001C)"),
        "{err}"
    );
}

#[test]
fn a_reused_marker_is_titled_with_its_count_and_every_heading_is_grouped() {
    use genoforge::view::design_warnings::{design_warnings, groups};
    let g = &common::default_genome().genome;
    let lib = common::library();
    let kan = lib.get("kanMX4").unwrap();
    let mut d = Design::new();
    for name in ["TFC3", "FAR1", "PDR5", "CAN1", "ADE2"] {
        delete_gene(g, &mut d, resolve_gene(g, name).unwrap(), Some(kan)).unwrap();
    }
    let w = design_warnings(g, &d, &common::essentiality(), None);
    let marker = w
        .iter()
        .find(|w| w.kind == FindingKind::MarkerReused)
        .unwrap();
    assert_eq!(marker.title, "kanMX4 used in 5 edits");
    assert_eq!(marker.heading, "Marker reused");
    let essential = w
        .iter()
        .find(|w| w.kind == FindingKind::EssentialGeneDeleted)
        .unwrap();
    assert_eq!(essential.title, essential.heading);
    let labels: Vec<String> = groups(&w).iter().map(|g| g.label()).collect();
    // ADE2's deletion removes a replication origin: three headings, in the warnings' order.
    assert_eq!(
        labels,
        [
            "Essential gene (1)",
            "Replication origin (1)",
            "Marker reused (1)"
        ]
    );
    // Two more essential genes: one heading, its count.
    for name in ["CDC28", "ACT1"] {
        delete_gene(g, &mut d, resolve_gene(g, name).unwrap(), None).unwrap();
    }
    let w = design_warnings(g, &d, &common::essentiality(), None);
    let labels: Vec<String> = groups(&w).iter().map(|g| g.label()).collect();
    assert_eq!(labels[0], "Essential gene (3)");
}
