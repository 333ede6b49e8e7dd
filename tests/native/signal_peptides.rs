//! The signal-peptide heuristic (`core/genetics/signal_peptide.rs`, after von Heijne 1986) on the
//! real S288C genome's proteins: known secretory proteins found, cytosolic ones not, TOM20's and
//! TOM70's N-terminal anchors read as signal-anchors, and the N-terminal tag's warning saying which.

use crate::common;

use genoforge::core::design::Design;
use genoforge::core::edit::Terminus;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::cassette::Library;
use genoforge::core::genetics::compose::apply;
use genoforge::core::genetics::consistency::warnings;
use genoforge::core::genetics::essential::EssentialityTable;
use genoforge::core::genetics::finding::FindingKind;
use genoforge::core::genetics::signal_peptide::{NTerminal, SignalPeptide, of_gene};
use genoforge::core::genetics::tag::plan_tag;

fn call(gene: &str) -> Option<SignalPeptide> {
    let g = &common::default_genome().genome;
    of_gene(g, resolve_gene(g, gene).unwrap())
}

#[test]
fn known_secretory_proteins_have_a_signal_peptide() {
    // Signal peptides per UniProt (cleavage after residue): SUC2 19, PHO5 17, PRC1 20, YPS1 21,
    // EXG1 19, KAR2 42, MFα1 19, PDI1 22.
    for (gene, site) in [
        ("SUC2", 19),
        ("PHO5", 17),
        ("PRC1", 20),
        ("YPS1", 21),
        ("EXG1", 19),
        ("KAR2", 42),
        ("MF(ALPHA)1", 19),
        ("PDI1", 22),
    ] {
        let sp = call(gene).unwrap_or_else(|| panic!("{gene}: no signal peptide found"));
        assert_eq!(sp.kind, NTerminal::SignalPeptide, "{gene}: {sp:?}");
        // The hydrophobic stretch is extended over small residues, so it takes in the c-region
        // up to the known cleavage site (PDI1's FSAGAVLSWSSLLLASSVFA ends at A22, the site) or one
        // residue past it (MFα1's SIFTAVLFAASSALAA ends at A20, the pro-peptide's first), never
        // further; the rule's (−3,−1) site — the first after the stretch, else at its end — is
        // the known one (it was SUC2's A14, inside AFLFLLAGFAA, before sites were looked for
        // after the stretch first).
        assert!(sp.h_end() <= site + 1, "{gene}: {sp:?}");
        assert_eq!(sp.cleaved_after, Some(site), "{gene}: {sp:?}");
    }
    // PRC1's h-region, rich in S, T and G (the old 10-residue rule missed it).
    let prc1 = call("PRC1").unwrap();
    assert_eq!(
        (prc1.h_region.as_str(), prc1.h_start, prc1.n_region.as_str()),
        ("AFTSLLCGLGLSTTLA", 3, "K")
    );
}

#[test]
fn cytosolic_proteins_have_none_and_mitochondrial_outer_membrane_anchors_are_signal_anchors() {
    for gene in ["ACT1", "TDH3", "PGK1", "ADH1"] {
        assert_eq!(call(gene), None, "{gene}");
    }
    for gene in ["TOM20", "TOM70"] {
        let sp = call(gene).unwrap_or_else(|| panic!("{gene}: no anchor found"));
        assert_eq!(
            (sp.kind, sp.cleaved_after),
            (NTerminal::SignalAnchor, None),
            "{gene}: {sp:?}"
        );
    }
}

#[test]
fn the_heuristic_calls_a_minority_of_the_proteome() {
    let g = &common::default_genome().genome;
    let (mut orfs, mut peptides, mut anchors) = (0, 0, 0);
    for gene in g.genes() {
        let Ok(orf) = genoforge::core::genetics::orf::Orf::of(g, gene) else {
            continue;
        };
        orfs += 1;
        match genoforge::core::genetics::signal_peptide::detect(&orf.protein()) {
            Some(sp) if sp.kind == NTerminal::SignalPeptide => peptides += 1,
            Some(_) => anchors += 1,
            None => {}
        }
    }
    assert!(orfs > 6000, "{orfs}");
    // Between 5% and 13% of ORFs (dubious ones included) called signal peptides; a few % anchors.
    let share = peptides as f64 / orfs as f64;
    assert!((0.05..0.13).contains(&share), "{peptides} of {orfs}");
    assert!(anchors > 0 && anchors < peptides, "{anchors} anchors");
}

#[test]
fn an_n_terminal_tag_on_tom20_is_warned_of_a_signal_anchor_not_a_signal_peptide() {
    let g = &common::default_genome().genome;
    let lib: Library = serde_json::from_slice(
        &std::fs::read(common::root().join("public/cassettes.json")).unwrap(),
    )
    .unwrap();
    let mut d = Design::new();
    for gene in ["TOM20", "PRC1"] {
        let (plan, _) = plan_tag(
            g,
            resolve_gene(g, gene).unwrap(),
            lib.get("GFP(S65T)").unwrap(),
            Terminus::N,
        )
        .unwrap();
        apply(g, &mut d, plan).unwrap();
    }
    let w = warnings(g, &d, &EssentialityTable::default(), None);
    let kinds: Vec<FindingKind> = w.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            FindingKind::SignalAnchorTagged,
            FindingKind::SignalPeptideTagged
        ],
        "{w:?}"
    );
    assert!(
        w[0].message.contains(
            "TOM20 (YGR082W) likely begins with a signal-anchor, not a cleaved signal peptide"
        ) && !w[0].message.contains("ER entry"),
        "{}",
        w[0].message
    );
    assert!(
        w[1].message
            .contains("PRC1 (YMR297W) likely begins with a signal peptide"),
        "{}",
        w[1].message
    );
}
