//! The gene-edit panel's and the strain panel's models on the real genome: plans from form input,
//! the region a map drag selects, the background's approximations.

use crate::common;

use genoforge::core::design::Design;
use genoforge::core::design::genotype::Zygosity;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::set_background;
use genoforge::core::genetics::strain::strain;
use genoforge::view::gene_edit_form::{Form, Kind, dragged_region, plan, waiting_for};
use genoforge::view::strain_notes::notes;
use genoforge::view::viewport::Viewport;

#[test]
fn forms_make_plans_with_what_the_preview_shows() {
    let g = &common::default_genome().genome;
    let lib = common::library();
    let pho5 = resolve_gene(g, "PHO5").ok();
    let p = plan(g, &lib, pho5, None, &Form::default(), false).unwrap();
    assert_eq!(p.plan.perturbation.designation, "PHO5-GFP(S65T)::kanMX6");
    assert_eq!(p.details[0], "Fused protein: 711 aa.");
    let point = Form {
        kind: Kind::Point,
        change: "K23A".to_owned(),
        ..Form::default()
    };
    let gal4 = resolve_gene(g, "GAL4").ok();
    let p = plan(g, &lib, gal4, None, &point, false).unwrap();
    assert_eq!(p.plan.perturbation.designation, "gal4-K23A");
    assert!(p.details[0].starts_with("codon 23: "), "{:?}", p.details);
    let promoter = Form {
        kind: Kind::Promoter,
        ..Form::default()
    };
    let p = plan(g, &lib, pho5, None, &promoter, false).unwrap();
    assert_eq!(p.plan.perturbation.designation, "pGAL1-PHO5");
    assert!(p.details.iter().any(|d| d.starts_with("Start junction: ")));
    // No gene selected: said, not guessed.
    assert_eq!(
        plan(g, &lib, None, None, &point, false).unwrap_err(),
        "select a gene first (search, or click the map)"
    );
    // A region: typed, else dragged; in a diploid, heterozygous by default.
    let region = Form {
        kind: Kind::Region,
        ..Form::default()
    };
    assert!(plan(g, &lib, None, None, &region, false).is_err());
    let view = Viewport::parse(g, "IV:100,001-110,000").unwrap();
    let dragged = dragged_region(&view, 0.5, 0.1).unwrap();
    assert_eq!(dragged.1.one_based(), (101_001, 105_000));
    let p = plan(g, &lib, None, Some(dragged), &region, true).unwrap();
    assert_eq!(p.plan.perturbation.designation, "Δ(IV:101001-105000)");
    assert_eq!(p.plan.perturbation.zygosity, Zygosity::Heterozygous);
    assert!(p.details.last().unwrap().starts_with("Heterozygous"));
    assert!(dragged_region(&view, 0.3, 0.3).is_none());
}

#[test]
fn the_form_waits_for_a_gene_or_a_region_before_it_plans() {
    let g = &common::default_genome().genome;
    let lib = common::library();
    let pho5 = resolve_gene(g, "PHO5").ok();
    let region = Form {
        kind: Kind::Region,
        ..Form::default()
    };
    for kind in [Kind::CTag, Kind::NTag, Kind::Point, Kind::Promoter] {
        let f = Form {
            kind,
            ..Form::default()
        };
        assert!(
            waiting_for(&f, None, None)
                .unwrap()
                .contains("Select a gene")
        );
        // With a gene, a point mutation still waits for its change (a hint, not a refusal).
        match kind {
            Kind::Point => assert!(
                waiting_for(&f, pho5, None)
                    .unwrap()
                    .contains("Type a change")
            ),
            _ => assert_eq!(waiting_for(&f, pho5, None), None),
        }
        // What the hint stands for is what `plan` refuses without a gene.
        assert!(plan(g, &lib, None, None, &f, false).is_err());
    }
    assert!(
        waiting_for(&region, pho5, None)
            .unwrap()
            .contains("shift-drag")
    );
    assert!(plan(g, &lib, pho5, None, &region, false).is_err());
    let typed = Form {
        locus: "IV:100,001-101,000".to_owned(),
        ..region.clone()
    };
    assert_eq!(waiting_for(&typed, None, None), None);
    let v = Viewport::parse(g, "IV:100,001-101,000").unwrap();
    assert_eq!(waiting_for(&region, None, Some((v.contig, v.span))), None);
}

#[test]
fn a_typed_region_is_deleted_exactly_as_written() {
    let g = &common::default_genome().genome;
    let lib = common::library();
    let form = |locus: &str| Form {
        kind: Kind::Region,
        locus: locus.to_owned(),
        ..Form::default()
    };
    // Two bases stay two bases (a map window would be widened to 40).
    let p = plan(g, &lib, None, None, &form("I:1000-1001"), false).unwrap();
    assert_eq!(p.plan.perturbation.designation, "Δ(I:1000-1001)");
    assert_eq!(p.details[0], "Removes 2 bp.");
    let p = plan(g, &lib, None, None, &form("X:339,780..339,800"), false).unwrap();
    assert_eq!(p.plan.perturbation.designation, "Δ(X:339780-339800)");
    // Past the end, a window, a gene name: refused with the reason, not clamped or guessed.
    let len = g.contig(g.contig_by_name("I").unwrap()).length;
    let past = plan(
        g,
        &lib,
        None,
        None,
        &form(&format!("I:1-{}", len + 1)),
        false,
    )
    .unwrap_err();
    assert!(past.contains("ends past the end of I"), "{past}");
    assert!(
        plan(g, &lib, None, None, &form("IV:150k"), false)
            .unwrap_err()
            .contains("not a region")
    );
    assert!(
        plan(g, &lib, None, None, &form("PHO5"), false)
            .unwrap_err()
            .contains("not a region")
    );
    assert!(
        plan(g, &lib, None, None, &form("I:20-10"), false)
            .unwrap_err()
            .contains("start before end")
    );
}

#[test]
fn strain_notes_show_every_approximation() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    assert!(notes(&d).is_empty());
    set_background(g, &mut d, strain("BY4743").unwrap()).unwrap();
    let n = notes(&d);
    let by = |w: &str| n.iter().find(|x| x.what == w).unwrap();
    assert!(by("his3Δ1").text.contains("literature says 187 bp"));
    assert!(by("leu2Δ0").text.contains("whole-ORF deletion"));
    assert!(by("leu2Δ0").approximation);
    assert!(by("MATa").text.contains("not applied"));
    let diploid = by("diploid");
    assert!(diploid.text.contains("lys2Δ0"), "{}", diploid.text);
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let n = notes(&d);
    assert!(
        n.iter()
            .find(|x| x.what == "MATa")
            .unwrap()
            .text
            .starts_with("MATa modelled: Yα at MAT (III:200,104–200,850")
    );
    assert!(!n.iter().any(|x| x.what == "diploid"));
}

#[test]
fn a_gene_the_design_removed_is_not_offered_for_tagging_mutating_or_a_promoter() {
    use genoforge::core::genetics::compose::{apply, plan_delete_gene};
    use genoforge::view::gene_edit_form::gene_gone;
    let g = &common::default_genome().genome;
    let lib = common::library();
    let pho5 = resolve_gene(g, "PHO5").unwrap();
    let gal4 = resolve_gene(g, "GAL4").unwrap();
    let mut d = Design::new();
    apply(g, &mut d, plan_delete_gene(g, gal4, None)).unwrap();
    apply(g, &mut d, plan_delete_gene(g, pho5, lib.get("kanMX4"))).unwrap();
    // Replaced by kanMX4 (the design's second edit, #2): refused with the edit that did it.
    let why = gene_gone(g, &d, pho5, Kind::CTag).expect("PHO5 is gone");
    assert!(
        why.starts_with("PHO5 is already deleted by edit #2")
            && why.contains("pho5Δ::kanMX4")
            && why.ends_with("nothing left to tag."),
        "{why}"
    );
    assert!(
        gene_gone(g, &d, gal4, Kind::Point)
            .expect("GAL4 is gone")
            .contains("edit #1")
    );
    assert!(gene_gone(g, &d, gal4, Kind::Promoter).is_some());
    // A gene the design leaves alone, and region deletions, are not refused here.
    let gal80 = resolve_gene(g, "GAL80").unwrap();
    assert_eq!(gene_gone(g, &d, gal80, Kind::CTag), None);
    assert_eq!(gene_gone(g, &d, pho5, Kind::Region), None);
    assert_eq!(gene_gone(g, &Design::new(), pho5, Kind::CTag), None);
}

#[test]
fn an_empty_change_or_promoter_is_a_hint_and_the_length_field_means_its_label() {
    use genoforge::view::gene_edit_form::{UpstreamChoice, upstream_label};
    let g = &common::default_genome().genome;
    let lib = common::library();
    let gal4 = resolve_gene(g, "GAL4").ok();
    // Nothing typed yet: a hint, not a refusal; typed, what it is.
    let point = |change: &str| Form {
        kind: Kind::Point,
        change: change.to_owned(),
        ..Form::default()
    };
    assert!(waiting_for(&point(""), gal4, None).is_some_and(|h| h.contains("K23A")));
    assert!(waiting_for(&point("  "), gal4, None).is_some());
    assert_eq!(waiting_for(&point("Q"), gal4, None), None);
    assert!(plan(g, &lib, gal4, None, &point("Q"), false).is_err());
    let promoter = Form {
        kind: Kind::Promoter,
        promoter: String::new(),
        ..Form::default()
    };
    assert!(waiting_for(&promoter, gal4, None).is_some());
    // The length field: empty is the default its label names; up to the previous feature is a
    // choice of its own.
    assert!(upstream_label().contains("default 500"));
    let pho5 = resolve_gene(g, "PHO5").ok();
    let swap = |upstream: &str, upstream_choice| Form {
        kind: Kind::Promoter,
        upstream: upstream.to_owned(),
        upstream_choice,
        ..Form::default()
    };
    let replaced = |f: &Form| {
        plan(g, &lib, pho5, None, f, false)
            .unwrap()
            .details
            .into_iter()
            .find(|d| d.starts_with("Replaces "))
            .unwrap()
    };
    let empty = replaced(&swap("", UpstreamChoice::Length));
    assert!(empty.ends_with("(500 bp)."), "{empty}");
    assert_eq!(empty, replaced(&swap("500", UpstreamChoice::Length)));
    let previous = replaced(&swap("500", UpstreamChoice::ToPreviousFeature));
    assert_ne!(previous, empty);
    assert_eq!(
        previous,
        replaced(&swap("", UpstreamChoice::ToPreviousFeature))
    );
}

#[test]
fn a_second_swap_of_one_promoter_is_refused_in_the_users_terms() {
    use genoforge::core::genetics::compose::apply;
    use genoforge::view::preview::preview;
    use genoforge::view::refusal::refused;
    let g = &common::default_genome().genome;
    let lib = common::library();
    let pho5 = resolve_gene(g, "PHO5").ok();
    let swap = Form {
        kind: Kind::Promoter,
        ..Form::default()
    };
    let mut d = Design::new();
    let p = plan(g, &lib, pho5, None, &swap, false).unwrap().plan;
    apply(g, &mut d, p.clone()).unwrap();
    let e = preview(g, &d, &p, &Default::default()).unwrap_err();
    let r = refused(&d, &p, &e);
    assert_eq!(
        r.text,
        "PHO5 already has pGAL1 from edit #1 (pGAL1-PHO5): remove or change that edit first."
    );
    let detail = r.detail.unwrap();
    assert!(
        detail.contains("pGAL1_YBR093C") && !detail.contains("(id "),
        "{detail}"
    );
    // Another refusal is said as core says it, numbered as the list numbers edits.
    let other = apply(g, &mut d.clone(), p.clone()).unwrap_err();
    assert_eq!(refused(&d, &p, &other).text, r.text);
}

#[test]
fn an_insertion_is_described_after_the_base_it_follows_as_the_edit_list_says_it() {
    use genoforge::core::design::Design as D;
    use genoforge::core::genetics::compose::apply;
    use genoforge::view::edit_rows::{described, reference_text};
    let g = &common::default_genome().genome;
    let lib = common::library();
    let tdh3 = resolve_gene(g, "TDH3").ok();
    let n_tag = Form {
        kind: Kind::NTag,
        tag: "GFP(S65T)".to_owned(),
        ..Form::default()
    };
    let p = plan(g, &lib, tdh3, None, &n_tag, false).unwrap().plan;
    let mut d = Design::new();
    let ids = apply(g, &mut d, p).unwrap();
    let e = d.edit(ids[0]).unwrap();
    let listed = reference_text(g, e);
    let previewed = described(&D::describe(g, e, false));
    assert!(listed.starts_with("insert after "), "{listed}");
    assert!(previewed.starts_with(&listed), "{previewed} / {listed}");
    // Right after the ATG: TDH3 (YGR192C) is on the reverse strand, its ATG the gene's last three
    // reference bases, so the tag follows the base before them.
    let gene = g.feature(resolve_gene(g, "TDH3").unwrap());
    assert_eq!(
        listed,
        format!(
            "insert after {}:{}",
            g.contig(gene.contig).name,
            genoforge::core::coord::thousands(gene.span.end().get() - 3)
        )
    );
    // Numbered as the list numbers it when the edit is cited.
    let cited = described(&D::describe(g, e, true));
    assert!(cited.starts_with("edit #1 insert after "), "{cited}");
}
