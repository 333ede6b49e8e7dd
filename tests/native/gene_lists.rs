//! Search ranking (view::search) and gene lists that explain themselves (view::gene_list,
//! core::genetics::bulk_delete) on the real genome, including the 4,111-gene Costanzo list.

use crate::common;

use genoforge::core::design::Design;
use genoforge::core::genetics::bulk_delete::{Clash, OverlapPolicy, delete_listed, preview};
use genoforge::core::genetics::compose;
use genoforge::core::genetics::gene_list::resolve;
use genoforge::core::genome::Genome;
use genoforge::core::lift::Lifted;
use genoforge::view::gene_list::report;
use genoforge::view::search::{Listing, MatchKind, Submit, search, submit};

fn genome() -> &'static Genome {
    &common::default_genome().genome
}

/// Adds a deletion of the first 100 bases of `name` (labelled) to `d`; returns the gene and label.
fn partial_deletion(
    g: &Genome,
    d: &mut Design,
    name: &str,
) -> (genoforge::core::genome::feature::FeatureIdx, String) {
    use genoforge::core::coord::{Pos, Span};
    use genoforge::core::edit::{EditOp, EditRequest};
    let gene = common::gene(g, name);
    let s = g.extent(gene).start().get();
    let label = format!("{}-5′Δ100", name.to_lowercase());
    d.add(
        g,
        EditRequest {
            contig: g.feature(gene).contig,
            span: Span::new(Pos(s), Pos(s + 100)).unwrap(),
            sequence: Vec::new(),
            op: EditOp::Delete,
            label: Some(label.clone()),
            feature: None,
        },
    )
    .unwrap();
    (gene, label)
}

fn costanzo() -> String {
    std::fs::read_to_string(common::data(
        "datasets/costanzo2016/costanzo_2016_genes.txt",
    ))
    .unwrap()
}

#[test]
fn search_ranks_exact_then_prefix_then_alias_then_description() {
    let g = genome();
    let hits = search(g, "pho5", 20);
    assert_eq!(hits[0].standard, "PHO5", "standard names in their case");
    assert_eq!(hits[0].kind, MatchKind::Exact);
    let kinds: Vec<MatchKind> = hits.iter().map(|h| h.kind).collect();
    assert!(kinds.windows(2).all(|w| w[0] <= w[1]), "{kinds:?}");
    // A partial name: prefix matches, shorter names first.
    let pho = search(g, "pho", 30);
    assert!(pho.iter().all(|h| h.kind != MatchKind::Exact));
    let prefix: Vec<&str> = pho
        .iter()
        .filter(|h| h.kind == MatchKind::Prefix)
        .map(|h| h.standard.as_str())
        .collect();
    assert!(
        prefix.contains(&"PHO5") && prefix.contains(&"PHO84"),
        "{prefix:?}"
    );
    assert!(
        prefix.iter().position(|&n| n == "PHO5") < prefix.iter().position(|&n| n == "PHO84"),
        "{prefix:?}"
    );
    // An alias: found as an alias, showing the alias it matched.
    let met15 = search(g, "met15", 10);
    let via_alias = &met15[0];
    assert_eq!(
        via_alias.kind,
        MatchKind::ExactAlias,
        "MET15 is an alias of MET17"
    );
    assert_eq!(via_alias.standard, "MET17");
    assert!(
        via_alias
            .via
            .as_deref()
            .is_some_and(|v| v.eq_ignore_ascii_case("MET15"))
    );
    // An alias equal to the query names its gene before names that merely start with it: "AIM1"
    // is an alias of BOL3 (SGD_features.tab) and the start of AIM11, AIM14, AIM19.
    let aim1 = search(g, "aim1", 10);
    assert_eq!(aim1[0].standard, "BOL3", "{aim1:?}");
    assert_eq!(aim1[0].kind, MatchKind::ExactAlias);
    assert_eq!(aim1[0].via.as_deref(), Some("AIM1"));
    assert!(
        aim1[1..]
            .iter()
            .any(|h| h.standard == "AIM11" && h.kind == MatchKind::Prefix),
        "{aim1:?}"
    );
    // Description words (no name or alias has them): only description matches, each with the
    // words around the match.
    let words = search(g, "repressible phosphatase", 50);
    assert!(!words.is_empty());
    assert!(words.iter().all(|h| h.kind == MatchKind::Description));
    assert!(
        words.iter().any(|h| h.standard == "PHO5"),
        "PHO5: Repressible acid phosphatase"
    );
    assert!(
        words.iter().all(|h| h
            .via
            .as_deref()
            .unwrap()
            .to_lowercase()
            .contains("repressible")),
        "{words:?}"
    );
    assert!(search(g, "  ", 10).is_empty());
    // Nothing matches: names within a typo, and Enter says "did you mean" naming them.
    let typo = search(g, "yal001x", 10);
    assert!(
        typo.iter().all(|h| h.kind == MatchKind::Similar),
        "{typo:?}"
    );
    assert!(typo.iter().any(|h| h.systematic == "YAL001C"), "{typo:?}");
    match submit(g, "yal001x", &typo) {
        Submit::List(Listing::NotFound, why) => assert!(
            why.contains("Did you mean") && why.contains("TFC3 (YAL001C)"),
            "{why}"
        ),
        other => panic!("{other:?}"),
    }
    let pho = search(g, "phoo5", 10);
    assert!(pho.iter().any(|h| h.standard == "PHO5"), "{pho:?}");
    // A prefix match is never padded with typo guesses.
    assert!(
        search(g, "pho8", 20)
            .iter()
            .all(|h| h.kind != MatchKind::Similar)
    );
}

#[test]
fn a_pasted_list_says_how_names_resolved_and_suggests_names() {
    let g = genome();
    let mut d = Design::new();
    compose::delete_gene(g, &mut d, common::gene(g, "TFC3"), None).unwrap();
    let list = resolve(g, "BAS2 PH05 TFC3 yal002w");
    let r = report(g, &d, &list, &Default::default());
    assert!(
        r.resolutions.iter().any(|l| l == "BAS2 → PHO2 (alias)"),
        "{:?}",
        r.resolutions
    );
    assert_eq!(r.unknown.len(), 1);
    assert_eq!(r.unknown[0].0, "PH05");
    assert!(
        r.unknown[0].1.contains(&"PHO5".to_owned()),
        "{:?}",
        r.unknown
    );
    // TFC3 is already deleted by the design's first edit (#1), which the report names.
    let id = d.edits()[0].id;
    assert_eq!(r.already_deleted.len(), 1);
    assert!(
        r.already_deleted[0].contains("TFC3") && r.already_deleted[0].contains(&id.to_string()),
        "{:?}",
        r.already_deleted
    );
}

#[test]
fn collateral_genes_and_clashes_are_previewed_and_name_the_designs_edits() {
    let g = genome();
    // A gene whose deletion trims a neighbour: the preview says so, naming the neighbour.
    let names = costanzo();
    let genes = resolve(g, &names).genes();
    let pv = preview(g, &Design::new(), &genes);
    assert!(!pv.collateral.is_empty());
    for (gene, others) in pv.collateral.iter().take(50) {
        let span = g.extent(*gene);
        let mut d = Design::new();
        if compose::delete_gene(g, &mut d, *gene, None).is_err() {
            continue;
        }
        let lifted = Lifted::new(g, &d);
        for (o, whole) in others {
            let status = lifted.feature(*o).status;
            assert!(
                status.is_gone() == *whole && genoforge::view::map::scene::is_affected(status),
                "{:?} {span} {:?}",
                g.gene_names(*o),
                status
            );
        }
    }
    // A gene replaced by a cassette is already deleted too.
    let mut swapped = Design::new();
    compose::delete_gene(
        g,
        &mut swapped,
        common::gene(g, "TFC3"),
        Some(&common::kanmx4()),
    )
    .unwrap();
    let pv = preview(g, &swapped, &[common::gene(g, "TFC3")]);
    assert_eq!(
        pv.already_deleted().collect::<Vec<_>>(),
        vec![(common::gene(g, "TFC3"), swapped.edits()[0].id)]
    );
    // A design edit overlapped by a listed gene's deletion is named by its id and label.
    let mut d = Design::new();
    compose::delete_gene(g, &mut d, common::gene(g, "TFC3"), None).unwrap();
    let (vps8, label) = partial_deletion(g, &mut d, "VPS8");
    let pv = preview(g, &d, &[vps8]);
    let id = d.edits()[1].id;
    assert_eq!(pv.clashes, vec![(vps8, Clash::Design(id))]);
    let err = delete_listed(g, &mut d.clone(), &[vps8], None, OverlapPolicy::Refuse)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!("edit {id}")) && err.contains(&label),
        "{err}"
    );
}

#[test]
fn the_costanzo_list_goes_through_by_skipping_or_merging_overlaps() {
    let g = genome();
    let list = resolve(g, &costanzo());
    assert!(
        list.resolved.len() > 4_000,
        "{} resolved",
        list.resolved.len()
    );
    let genes = list.genes();
    let pv = preview(g, &Design::new(), &genes);
    assert!(pv.has_overlaps(), "some listed ORFs overlap each other");
    // Refused as a whole, naming a gene of the list.
    let mut d = Design::new();
    assert!(delete_listed(g, &mut d, &genes, None, OverlapPolicy::Refuse).is_err());
    assert!(d.is_empty(), "a refusal changes nothing");
    // Skip: every kept deletion is an edit; the skipped ones are the clashing ones.
    let mut skip = Design::new();
    let s = delete_listed(g, &mut skip, &genes, None, OverlapPolicy::Skip).unwrap();
    assert_eq!(s.deleted + s.skipped.len(), genes.len());
    assert_eq!(s.edits.len(), s.deleted);
    assert_eq!(skip.edits().len(), s.deleted);
    assert_eq!(skip.genotype().perturbations.len(), s.deleted);
    // Merge: every listed gene is deleted; overlapping ones share an edit.
    let mut merge = Design::new();
    let m = delete_listed(g, &mut merge, &genes, None, OverlapPolicy::Merge).unwrap();
    assert_eq!(m.deleted, genes.len());
    assert!(m.skipped.is_empty());
    assert!(m.merged > 0 && m.edits.len() < genes.len());
    assert_eq!(merge.genotype().perturbations.len(), genes.len());
    let lifted = Lifted::new(g, &merge);
    for &gene in &genes {
        assert!(
            lifted.feature(gene).status.is_gone(),
            "{:?}",
            g.gene_names(gene)
        );
    }
}

#[test]
fn submitting_a_search_opens_only_a_gene_the_query_names() {
    use genoforge::view::search::{Submit, is_protein_name, submit};
    let g = genome();
    let go = |q: &str| submit(g, q, &search(g, q, 12));
    let pho5 = common::gene(g, "PHO5");
    // A standard or systematic name opens its gene.
    assert_eq!(go("pho5"), Submit::Open(pho5, None));
    assert_eq!(go("YBR093C"), Submit::Open(pho5, None));
    // An alias written like a gene name opens its gene, saying so.
    let Submit::Open(met17, Some(note)) = go("MET15") else {
        panic!("{:?}", go("MET15"))
    };
    assert_eq!(met17, common::gene(g, "MET17"));
    assert!(note.contains("alias of MET17"), "{note}");
    // A protein name in SGD's alias column (PSR1's "phosphatase") and a word of many
    // descriptions: listed as description matches, counted and labelled as such — never as an
    // alias — and said as information, not as an error.
    let hits = search(g, "phosphatase", 12);
    assert!(hits.len() > 1, "{hits:?}");
    assert!(
        hits.iter()
            .all(|h| h.kind == MatchKind::Description && h.via.is_some()),
        "{hits:?}"
    );
    let psr1 = hits.iter().find(|h| h.standard == "PSR1").expect("PSR1");
    assert_eq!(psr1.via.as_deref(), Some("phosphatase"));
    let counts = genoforge::view::search::match_counts(g, "phosphatase");
    assert_eq!((counts.names, counts.aliases), (0, 0), "{counts:?}");
    assert!(counts.descriptions > 12, "{counts:?}");
    match go("phosphatase") {
        Submit::List(Listing::Matches, why) => assert!(
            why.contains(&format!(
                "{} genes mention it in their description",
                counts.descriptions
            )) && why.contains("the first 12 are listed below")
                && !why.contains("alias"),
            "{why}"
        ),
        other => panic!("jumped: {other:?}"),
    }
    // A protein name with a space ranks as a description too, a gene-name alias as an alias.
    assert!(
        search(g, "acid phosphatase PHO11", 5)
            .iter()
            .all(|h| h.kind != MatchKind::Alias && h.kind != MatchKind::ExactAlias)
    );
    assert!(
        search(g, "FUN21", 5)
            .iter()
            .any(|h| h.standard == "GIP4" && h.kind == MatchKind::ExactAlias)
    );
    assert!(is_protein_name("phosphatase") && is_protein_name("acid phosphatase PHO11"));
    assert!(is_protein_name("gamma-tubulin"));
    for name in ["MET15", "FUN21", "phoR", "rp55a", "ogg2", "DcpS"] {
        assert!(!is_protein_name(name), "{name}");
    }
    // The gene card lists them apart: aliases, and the protein's names.
    let gip4 = genoforge::view::gene_card::gene_card(g, common::gene(g, "GIP4"));
    assert_eq!(gip4.aliases, ["FUN21"]);
    assert_eq!(gip4.protein_names, ["protein phosphatase regulator GIP4"]);
    // Description words and prefixes list too.
    assert!(matches!(
        go("repressible phosphatase"),
        Submit::List(Listing::Matches, _)
    ));
    // A prefix lists the first few and counts every match by how it matched (every PHO gene, not
    // the twelve listed).
    let counts = genoforge::view::search::match_counts(g, "pho");
    let pho_named = g
        .genes()
        .filter(|&f| {
            let (sys, std) = g.gene_names(f);
            std.to_lowercase().starts_with("pho") || sys.to_lowercase().starts_with("pho")
        })
        .count();
    assert_eq!(counts.names, pho_named);
    assert!(pho_named > 12, "{pho_named}");
    let Submit::List(Listing::Matches, w) = go("pho") else {
        panic!("{:?}", go("pho"))
    };
    assert!(
        w.contains(&format!("{pho_named} genes have a name starting with it"))
            && w.contains("the first 12 are listed below"),
        "{w}"
    );
    assert!(
        matches!(go("zzzzqqq"), Submit::List(Listing::NotFound, w) if w.contains("No gene is named or described"))
    );
}

#[test]
fn names_the_feature_table_has_but_the_annotation_lacks_are_explained() {
    let g = genome();
    // FLO8 (YER109C) is a blocked reading frame in SGD_features.tab, not a gene of Ensembl's GFF3.
    let row = g.unannotated("flo8").expect("FLO8 in the feature table");
    assert_eq!(&*row.systematic, "YER109C");
    assert!(g.unannotated("TFC3").is_none() && g.unannotated("NOT_A_GENE").is_none());
    let Submit::List(_, why) = submit(g, "FLO8", &search(g, "FLO8", 12)) else {
        panic!("FLO8 opened a gene")
    };
    assert!(
        why.starts_with(
            "FLO8 (YER109C) is in SGD's feature table as a blocked_reading_frame, not a feature of this annotation"
        ),
        "{why}"
    );
    // A pasted list says so too, without a "did you mean".
    // (Its two names, the same row: said once.)
    let list = resolve(g, "TFC3 YER109C FLO8 NOTAGENE1");
    let r = report(g, &Design::new(), &list, &Default::default());
    assert_eq!(
        r.unannotated,
        vec!["YER109C (FLO8): blocked_reading_frame".to_owned()]
    );
    assert_eq!(r.unknown.len(), 1, "{:?}", r.unknown);
    assert_eq!(r.unknown[0].0, "NOTAGENE1");
}
