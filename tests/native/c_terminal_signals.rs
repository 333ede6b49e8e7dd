//! The C-terminal signal heuristic (`core::genetics::c_terminal_signal`) on the shipped S288C
//! genome: proteins known to end in an ER-retrieval signal, a prenylation site, a PTS1 or a
//! GPI-anchor signal are found; cytosolic and secreted proteins without one are not; a C-terminal
//! tag on one is warned of, in the plan's preview and among the design's warnings.

use crate::common;

use genoforge::core::design::Design;
use genoforge::core::edit::Terminus;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::c_terminal_signal::{CTerminal, CTerminalSignal, of_gene};
use genoforge::core::genetics::compose::apply;
use genoforge::core::genetics::consistency::warnings;
use genoforge::core::genetics::essential::EssentialityTable;
use genoforge::core::genetics::finding::FindingKind;
use genoforge::core::genetics::tag::plan_tag;

fn call(gene: &str) -> Option<CTerminalSignal> {
    let g = &common::default_genome().genome;
    of_gene(g, resolve_gene(g, gene).unwrap())
}

#[test]
fn known_c_terminal_signals_are_found_and_plain_ends_are_not() {
    for (gene, kind, motif) in [
        // KAR2 (BiP) and PDI1 end in HDEL (UniProt P16474, P17967).
        ("KAR2", CTerminal::ErRetrieval, "HDEL"),
        ("PDI1", CTerminal::ErRetrieval, "HDEL"),
        // RAS2 is farnesylated at its CaaX box CIIS (UniProt P01120).
        ("RAS2", CTerminal::Prenylation, "CIIS"),
        // YPT1 ends GGCC, geranylgeranylated on both cysteines (UniProt P01123).
        ("YPT1", CTerminal::Prenylation, "GCC"),
        // CIT2, the peroxisomal citrate synthase, ends SKL (UniProt P08679).
        ("CIT2", CTerminal::Peroxisomal, "SKL"),
    ] {
        let s = call(gene).unwrap_or_else(|| panic!("{gene}: nothing found"));
        assert_eq!((s.kind, s.motif.as_str()), (kind, motif), "{gene}: {s:?}");
    }
    // GAS1, GPI-anchored (UniProt P22146: GPI-anchor at N528, the propeptide 529–559 removed).
    let gas1 = call("GAS1").unwrap();
    assert_eq!(gas1.kind, CTerminal::GpiAnchor, "{gas1:?}");
    assert!(gas1.start > 529, "{gas1:?}");
    // Cytosolic enzymes and secreted proteins without a C-terminal signal.
    for gene in ["ACT1", "TDH3", "PGK1", "ADH1", "SUC2", "PHO5", "PRC1"] {
        assert_eq!(call(gene), None, "{gene}");
    }
}

#[test]
fn the_heuristic_calls_a_minority_of_the_proteome() {
    let g = &common::default_genome().genome;
    let (mut orfs, mut called) = (0, 0);
    for gene in g.genes() {
        let Ok(orf) = genoforge::core::genetics::orf::Orf::of(g, gene) else {
            continue;
        };
        orfs += 1;
        called += usize::from(
            genoforge::core::genetics::c_terminal_signal::detect(&orf.protein()).is_some(),
        );
    }
    assert!(orfs > 5_000, "{orfs}");
    let share = called as f64 / orfs as f64;
    assert!(share < 0.08, "{called} of {orfs} ({share:.3})");
}

#[test]
fn a_c_terminal_tag_on_kar2_is_warned_in_the_plan_and_the_design() {
    let g = &common::default_genome().genome;
    let lib = common::library();
    let kar2 = resolve_gene(g, "KAR2").unwrap();
    let gfp = lib.get("GFP(S65T)").unwrap();
    let (plan, _) = plan_tag(g, kar2, gfp, Terminus::C).unwrap();
    assert!(
        plan.warnings.iter().any(|w| w
            .starts_with("KAR2 (YJL034W) likely ends with an ER-retrieval signal (HDEL")
            && w.contains("expected to be secreted")
            && w.contains("Pelham et al. 1988")),
        "{:?}",
        plan.warnings
    );
    let mut d = Design::new();
    apply(g, &mut d, plan).unwrap();
    let w = warnings(g, &d, &EssentialityTable::default(), None);
    assert!(
        w.iter()
            .any(|f| f.kind == FindingKind::CTerminalSignalTagged
                && f.message.starts_with("KAR2-GFP(S65T)")),
        "{w:?}"
    );
    // A C-terminal tag of a cytosolic enzyme is not warned of.
    let mut d = Design::new();
    let tdh3 = resolve_gene(g, "TDH3").unwrap();
    apply(g, &mut d, plan_tag(g, tdh3, gfp, Terminus::C).unwrap().0).unwrap();
    let w = warnings(g, &d, &EssentialityTable::default(), None);
    assert!(
        w.iter()
            .all(|f| f.kind != FindingKind::CTerminalSignalTagged),
        "{w:?}"
    );
}
