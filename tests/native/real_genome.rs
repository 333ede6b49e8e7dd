//! The shipped S288C R64 genome loads completely and correctly.

use crate::common;

use genoforge::core::coord::Span;
use genoforge::core::genome::contig::Topology;
use genoforge::core::genome::diagnostics::Severity;
use genoforge::core::genome::names::{Lookup, NameKind};
use genoforge::core::genome::summary::GenomeSummary;
use genoforge::core::strand::Strand;

#[test]
fn s288c_contigs_lengths_and_topology() {
    let loaded = common::default_genome();
    let g = &loaded.genome;
    assert_eq!(g.contigs().len(), 17);
    assert_eq!(g.total_length(), 12_157_105);
    assert!(
        g.contigs()
            .iter()
            .all(|c| c.sequence.as_ref().map(Vec::len) == Some(c.length as usize))
    );
    let mito = g.contig(g.contig_by_name("Mito").unwrap());
    assert_eq!(mito.topology, Topology::Circular);
    assert_eq!(mito.length, 85_779);
    assert_eq!(g.contigs().iter().filter(|c| c.is_circular()).count(), 1);
    // Every reconciled name reaches the same contig.
    for name in ["I", "chrI", "NC_001133", "BK006935.2", "ref|NC_001133|"] {
        assert_eq!(g.contig_by_name(name), g.contig_by_name("I"), "{name}");
    }
    assert_eq!(g.contig_by_name("chrM"), g.contig_by_name("Mito"));
}

#[test]
fn s288c_features_and_no_problem_diagnostics() {
    let loaded = common::default_genome();
    let summary = GenomeSummary::new(&loaded.genome, &loaded.diagnostics);
    assert_eq!(summary.total_features, 28_695);
    assert_eq!(summary.feature_types["gene"], 6_600);
    assert_eq!(summary.feature_types["exon"], 7_507);
    assert_eq!(summary.feature_types["CDS"], 6_913);
    assert_eq!(
        summary.contigs.iter().map(|c| c.features).sum::<usize>(),
        28_695
    );
    assert!(
        summary.contigs.iter().all(|c| c.has_sequence),
        "all 17 seqids matched to sequences"
    );
    let problems: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    // Multi-line CDS: 283 IDs span several lines.
    let multi = loaded
        .genome
        .features()
        .iter()
        .filter(|f| f.kind.as_str() == "CDS")
        .filter_map(|f| f.id.as_deref())
        .collect::<std::collections::HashSet<_>>()
        .into_iter()
        .filter(|id| loaded.genome.by_id(id).len() > 1)
        .count();
    assert_eq!(multi, 283);
    // Exons carry no ID and still link to their transcript.
    let exons_without_id = loaded
        .genome
        .features()
        .iter()
        .filter(|f| f.kind.as_str() == "exon" && f.id.is_none())
        .count();
    assert_eq!(exons_without_id, 7_507);
}

#[test]
fn names_resolve() {
    let g = &common::default_genome().genome;
    let Lookup::Found(hit) = g.lookup("TFC3") else {
        panic!("TFC3 not found")
    };
    let f = g.feature(hit.feature);
    assert_eq!(f.systematic_name().as_deref(), Some("YAL001C"));
    assert_eq!(g.contig(f.contig).name.as_ref(), "I");
    assert_eq!(f.span, Span::from_one_based(147_594, 151_166).unwrap());
    assert_eq!(f.strand, Strand::Reverse);
    let Lookup::Found(met15) = g.lookup("met15") else {
        panic!("MET15 not found")
    };
    assert_eq!(met15.kind, NameKind::Alias);
    assert_eq!(
        g.feature(met15.feature).systematic_name().as_deref(),
        Some("YLR303W")
    );
    assert_eq!(
        g.gene_info(met15.feature)
            .and_then(|i| i.standard.as_deref()),
        Some("MET17")
    );
    assert!(matches!(g.lookup("yal001c"), Lookup::Found(h) if h.feature == hit.feature));
    assert_eq!(g.lookup("NOT_A_GENE"), Lookup::NotFound);
}

#[test]
fn interval_query_matches_a_linear_scan() {
    let g = &common::default_genome().genome;
    let chr = g.contig_by_name("IV").unwrap();
    for (s, e) in [
        (1, 1_000),
        (100_000, 120_000),
        (1_531_000, 1_531_933),
        (500_000, 500_001),
    ] {
        let span = Span::from_one_based(s, e).unwrap();
        let fast = g.overlapping(chr, span);
        let slow: Vec<_> = g
            .features()
            .iter()
            .enumerate()
            .filter(|(_, f)| f.contig == chr && f.span.overlaps(&span))
            .map(|(i, _)| genoforge::core::genome::feature::FeatureIdx(i as u32))
            .collect();
        assert_eq!(fast, slow, "{s}-{e}");
    }
}
