//! The gene-level edits yeast labs make, on the real genome: C- and N-terminal tags (the fused
//! protein translated from the edited genome), point mutations (the codon), promoter swaps (the
//! junctions), region deletions, and heterozygous edits in a diploid.

use crate::common;

use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::design::genotype::Zygosity;
use genoforge::core::edit::Terminus;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::cassette::{Cassette, Library};
use genoforge::core::genetics::codons::MOST_FREQUENT;
use genoforge::core::genetics::compose::{apply, plan_delete_gene, set_background};
use genoforge::core::genetics::orf::Orf;
use genoforge::core::genetics::point::{Change, parse_change, plan_point_mutation};
use genoforge::core::genetics::promoter::{
    Upstream, plan_promoter_swap, promoter_of_gene, upstream_region,
};
use genoforge::core::genetics::refusal::Refusal;
use genoforge::core::genetics::region::plan_region_deletion;
use genoforge::core::genetics::strain::strain;
use genoforge::core::genetics::tag::plan_tag;
use genoforge::core::genome::Genome;
use genoforge::core::genome::feature::{FeatureIdx, FeatureKind};
use genoforge::core::lift::edited::EditedGenome;
use genoforge::core::lift::{FeatureStatus, Lifted};
use genoforge::core::seq::{revcomp, translate};

fn library() -> Library {
    serde_json::from_slice(&std::fs::read(common::root().join("public/cassettes.json")).unwrap())
        .unwrap()
}

fn cassette(name: &str) -> Cassette {
    library().get(name).unwrap().clone()
}

fn gene(g: &Genome, name: &str) -> FeatureIdx {
    resolve_gene(g, name).unwrap()
}

/// The CDS lines of a gene (in reference order).
fn cds_lines(g: &Genome, gene: FeatureIdx) -> Vec<FeatureIdx> {
    (0..g.features().len() as u32)
        .map(FeatureIdx)
        .filter(|&f| g.feature(f).kind == FeatureKind::Cds && g.top_ancestor(f) == gene)
        .collect()
}

/// The protein the edited genome encodes from a gene's lifted CDS lines.
fn edited_protein(g: &Genome, d: &Design, gene: FeatureIdx) -> String {
    let lifted = Lifted::new(g, d);
    let edited = EditedGenome::new(g, d);
    let lines = cds_lines(g, gene);
    let contig = g.feature(lines[0]).contig;
    let reverse = g.feature(lines[0]).strand == genoforge::core::strand::Strand::Reverse;
    let mut spans: Vec<Span> = lines
        .iter()
        .filter_map(|&l| lifted.feature(l).span)
        .collect();
    spans.sort_by_key(|s| s.start());
    let mut plus = Vec::new();
    for s in spans {
        plus.extend(edited.sequence(contig, s).unwrap());
    }
    let coding = if reverse { revcomp(&plus) } else { plus };
    translate(&coding)
}

#[test]
fn pho5_gfp_c_terminal_tag_fuses_pho5_without_its_stop_to_gfp() {
    let g = &common::default_genome().genome;
    let pho5 = gene(g, "PHO5");
    let orf = Orf::of(g, pho5).unwrap();
    assert!(orf.is_reverse(), "PHO5 (YBR093C) reads on the − strand");
    let tag = cassette("GFP(S65T)-kanMX6");
    assert_eq!(tag.len(), 2424, "pFA6a-GFP(S65T)-kanMX6 F2…R1 product");
    let (plan, fused) = plan_tag(g, pho5, &tag, Terminus::C).unwrap();
    assert_eq!(plan.perturbation.designation, "PHO5-GFP(S65T)::kanMX6");
    // The stop codon (the first base of YBR093C on the + strand) is what is replaced.
    let stop = orf
        .ref_span(orf.coding.len() as u64 - 3, orf.coding.len() as u64)
        .unwrap();
    assert_eq!(plan.requests[0].span, stop);
    assert_eq!(&orf.coding[orf.coding.len() - 3..], b"TAG");
    let mut d = Design::new();
    apply(g, &mut d, plan).unwrap();
    // PHO5 without its stop, the F2 linker RIPGLIN, GFP(S65T) from Ser2, its stop.
    let gfp = translate(&tag.sequence.as_bytes()[..735]);
    assert!(
        gfp.starts_with(
            "RIPGLINSKGEELFTGVVPILVELDGDVNGHKFSVSGEGEGDATYGKLTLKFICTTGKLPVPWPTLVTTFTYG"
        )
    );
    assert!(gfp.ends_with("HGMDELYK*"));
    let expected = format!("{}{gfp}", orf.protein());
    assert_eq!(edited_protein(g, &d, pho5), expected);
    assert_eq!(fused.protein, expected.trim_end_matches('*'));
    assert_eq!(
        fused.protein.len(),
        467 + 244,
        "PHO5 467 aa + 7 linker + 237 GFP"
    );
    assert!(fused.junction.contains("| CGG ATC"), "{}", fused.junction);
    // Gene, mRNA, exon and CDS reach over the tag's codons, fused, not trimmed.
    let lifted = Lifted::new(g, &d);
    for l in std::iter::once(pho5).chain(cds_lines(g, pho5)) {
        let lf = lifted.feature(l);
        assert_eq!(lf.status, FeatureStatus::Fused, "{}", g.feature(l).kind);
        assert_eq!(lf.span.unwrap().len(), g.feature(l).span.len() - 3 + 735);
    }
}

#[test]
fn c_terminal_tag_on_a_gene_with_an_intron_goes_on_the_last_part_with_phases_kept() {
    let g = &common::default_genome().genome;
    let act1 = gene(g, "ACT1");
    let orf = Orf::of(g, act1).unwrap();
    assert_eq!(orf.parts.len(), 2, "ACT1 has one intron");
    let (plan, fused) = plan_tag(g, act1, &cassette("GFP(S65T)-kanMX6"), Terminus::C).unwrap();
    let mut d = Design::new();
    apply(g, &mut d, plan).unwrap();
    assert_eq!(
        edited_protein(g, &d, act1).trim_end_matches('*'),
        fused.protein
    );
    assert!(fused.protein.starts_with(&orf.protein()));
    let lifted = Lifted::new(g, &d);
    for l in cds_lines(g, act1) {
        assert_eq!(
            lifted.feature(l).phase,
            g.feature(l).phase,
            "phases unchanged"
        );
    }
}

#[test]
fn n_terminal_tag_goes_after_the_atg() {
    let g = &common::default_genome().genome;
    let pho5 = gene(g, "PHO5");
    let orf = Orf::of(g, pho5).unwrap();
    let gfp = cassette("GFP(S65T)");
    let (plan, fused) = plan_tag(g, pho5, &gfp, Terminus::N).unwrap();
    assert_eq!(plan.perturbation.designation, "GFP(S65T)-PHO5");
    assert_eq!(plan.requests[0].sequence.len(), 717 - 6, "no ATG, no stop");
    let mut d = Design::new();
    apply(g, &mut d, plan).unwrap();
    let gfp_body = translate(&gfp.sequence.as_bytes()[3..714]);
    let expected = format!("M{gfp_body}{}*", &orf.protein()[1..]);
    assert_eq!(edited_protein(g, &d, pho5), expected);
    assert_eq!(fused.protein, expected.trim_end_matches('*'));
    let lifted = Lifted::new(g, &d);
    assert_eq!(lifted.feature(pho5).status, FeatureStatus::Fused);
    // A marker cassette cannot be an N-terminal tag: its marker would sit inside the gene.
    let before = d.clone();
    let e = plan_tag(g, pho5, &cassette("GFP(S65T)-kanMX6"), Terminus::N).unwrap_err();
    assert!(e.to_string().contains("inserted seamlessly"), "{e}");
    assert_eq!(d, before);
}

#[test]
fn tags_are_refused_without_a_clean_stop() {
    let g = &common::default_genome().genome;
    let tag = cassette("GFP(S65T)-kanMX6");
    let unclean: Vec<String> = g
        .genes()
        .filter(|&f| Orf::of(g, f).is_ok_and(|o| !o.has_clean_stop()))
        .map(|f| g.gene_names(f).0)
        .collect();
    eprintln!("CDSs without a clean stop: {unclean:?}");
    for name in &unclean {
        let e = plan_tag(g, gene(g, name), &tag, Terminus::C).unwrap_err();
        assert!(matches!(e, Refusal::NoCleanStop { .. }), "{e}");
        assert!(e.to_string().contains("no clean stop codon"), "{e}");
    }
    let no_atg: Vec<String> = g
        .genes()
        .filter(|&f| Orf::of(g, f).is_ok_and(|o| !o.coding.starts_with(b"ATG")))
        .map(|f| g.gene_names(f).0)
        .collect();
    eprintln!("CDSs without ATG: {no_atg:?}");
    // Ensembl's R64-1-1 leaves out the first coding exon of a few intron-containing genes
    // (RPL20A/YMR242C, COX5B/YIL111W): their CDS does not start with ATG, and N-tags are refused.
    assert!(no_atg.contains(&"YMR242C".to_owned()));
    for name in &no_atg {
        let e = plan_tag(g, gene(g, name), &cassette("GFP(S65T)"), Terminus::N).unwrap_err();
        assert!(
            matches!(e, Refusal::NoStart { .. } | Refusal::SplitCds { .. }),
            "{e}"
        );
    }
    // An ncRNA gene (a tRNA) has no CDS.
    let trna = g
        .genes()
        .find(|&f| g.feature(f).kind == FeatureKind::NcRnaGene)
        .unwrap();
    assert!(matches!(
        plan_tag(g, trna, &tag, Terminus::C),
        Err(Refusal::NoCds { .. })
    ));
}

#[test]
fn a_marker_cassette_is_not_a_tag() {
    // kanMX4 begins with the TEF promoter: its first 60 bp read as codons are no tag.
    let g = &common::default_genome().genome;
    for terminus in [Terminus::C, Terminus::N] {
        let e = plan_tag(g, gene(g, "CDC28"), &cassette("kanMX4"), terminus).unwrap_err();
        assert!(matches!(e, Refusal::NotATag { .. }), "{e}");
        assert!(
            e.to_string()
                .contains("no coding part starts at its first base"),
            "{e}"
        );
    }
}

#[test]
fn two_point_mutations_in_one_codon_are_refused_in_either_order() {
    // K23A written GCA leaves codon 23's third base (c.69, A) as it was, so the two edits share
    // no base; c.69A>T would still name AAA (K) → AAT (N) though the codon is GCA by then.
    let g = &common::default_genome().genome;
    let gal4 = gene(g, "GAL4");
    let k23a = || {
        plan_point_mutation(g, gal4, &parse_change("K23A:GCA").unwrap())
            .unwrap()
            .0
    };
    let c69 = || {
        plan_point_mutation(g, gal4, &parse_change("c.69A>T").unwrap())
            .unwrap()
            .0
    };
    for (first, second) in [(k23a(), c69()), (c69(), k23a())] {
        let mut d = Design::new();
        apply(g, &mut d, first).unwrap();
        let before = d.clone();
        let e = apply(g, &mut d, second).unwrap_err().to_string();
        assert!(e.contains("in a codon this change names"), "{e}");
        assert!(e.contains("edit #1"), "{e}");
        assert_eq!(d, before, "the design is unchanged");
    }
    // Another codon of the same gene is fine.
    let mut d = Design::new();
    apply(g, &mut d, k23a()).unwrap();
    let c3 = plan_point_mutation(g, gal4, &parse_change("c.3G>A").unwrap())
        .unwrap()
        .0;
    apply(g, &mut d, c3).unwrap();
}

#[test]
fn gal4_k23a_uses_the_most_frequent_codon_or_the_one_chosen() {
    let g = &common::default_genome().genome;
    let gal4 = gene(g, "GAL4");
    let orf = Orf::of(g, gal4).unwrap();
    assert_eq!(&orf.protein()[..23], "MKLLSSIEQACDICRLKKLKCSK");
    let (plan, codons) = plan_point_mutation(g, gal4, &parse_change("K23A").unwrap()).unwrap();
    assert_eq!(plan.perturbation.designation, "gal4-K23A");
    let ref_codon = String::from_utf8_lossy(&orf.coding[66..69]).into_owned();
    assert_eq!(codons.len(), 1);
    assert_eq!(codons[0].residue, 23);
    assert_eq!(codons[0].from, (ref_codon.clone(), 'K'));
    assert_eq!(codons[0].to, ("GCT".to_owned(), 'A'));
    assert_eq!(
        codons[0].to_string(),
        format!("codon 23: {ref_codon} (K) → GCT (A)")
    );
    let mut d = Design::new();
    apply(g, &mut d, plan).unwrap();
    let p = edited_protein(g, &d, gal4);
    let mut want = orf.protein().into_bytes();
    want[22] = b'A';
    assert_eq!(p.trim_end_matches('*').as_bytes(), want.as_slice());
    // Only the differing bases are edited (GAL4 is on the − strand: reverse-complemented).
    let diff = ref_codon
        .bytes()
        .zip("GCT".bytes())
        .filter(|(a, b)| a != b)
        .count() as i64;
    let edited: i64 = d.edits().iter().map(|e| e.span.len() as i64).sum();
    assert_eq!(edited, diff);
    // A chosen codon; a codon that is not alanine; a residue that is not K.
    let (_, c) = plan_point_mutation(g, gal4, &parse_change("Lys23Ala:GCC").unwrap()).unwrap();
    assert_eq!(c[0].to.0, "GCC");
    let e = plan_point_mutation(g, gal4, &parse_change("K23A:AAA").unwrap()).unwrap_err();
    assert_eq!(e.to_string(), "AAA does not encode A (it encodes K)");
    let e = plan_point_mutation(g, gal4, &parse_change("R23A").unwrap()).unwrap_err();
    assert_eq!(e.to_string(), "GAL4 has K at residue 23, not R");
    assert!(plan_point_mutation(g, gal4, &parse_change("K900A").unwrap()).is_err());
    assert!(parse_change("K23").is_err());
}

#[test]
fn a_nucleotide_substitution_by_coding_position() {
    let g = &common::default_genome().genome;
    let pho5 = gene(g, "PHO5");
    let orf = Orf::of(g, pho5).unwrap();
    let base = orf.coding[68] as char;
    let to = if base == 'G' { 'A' } else { 'G' };
    let change = parse_change(&format!("c.69{base}>{to}")).unwrap();
    assert_eq!(
        change,
        Change::Bases {
            pos: 69,
            from: Some(base.to_string()),
            to: to.to_string()
        }
    );
    let (plan, codons) = plan_point_mutation(g, pho5, &change).unwrap();
    // With what it does to codon 23 (c.67–69), the residue it stays or becomes.
    let mut codon = orf.coding[66..69].to_vec();
    let was = translate(&codon);
    codon[2] = to as u8;
    let now = translate(&codon);
    let effect = if now == was { "=".to_owned() } else { now };
    assert_eq!(
        plan.perturbation.designation,
        format!("pho5-c.69{base}>{to}({was}23{effect})")
    );
    assert_eq!(codons[0].residue, 23);
    let p = orf.ref_pos(68).unwrap();
    assert_eq!(
        plan.requests[0].span,
        Span::new(p, Pos(p.get() + 1)).unwrap()
    );
    assert_eq!(
        plan.requests[0].sequence,
        revcomp(to.to_string().as_bytes()),
        "− strand gene: the + strand base is the complement"
    );
}

#[test]
fn most_frequent_codons_match_the_r64_orfs() {
    let g = &common::default_genome().genome;
    let mut counts: std::collections::BTreeMap<(char, String), u64> = Default::default();
    let mut orfs = 0;
    for f in g.genes() {
        if g.contig(g.feature(f).contig).name.as_ref() == "Mito" {
            continue;
        }
        let Ok(o) = Orf::of(g, f) else { continue };
        let p = translate(&o.coding);
        if !o.has_clean_stop() || !o.coding.starts_with(b"ATG") || p[..p.len() - 1].contains('*') {
            continue;
        }
        orfs += 1;
        for (cod, aa) in o.coding.chunks_exact(3).zip(p.chars()) {
            *counts
                .entry((aa, String::from_utf8_lossy(cod).into_owned()))
                .or_default() += 1;
        }
    }
    assert!(orfs > 5900, "{orfs} clean nuclear ORFs");
    eprintln!("codon usage counted over {orfs} clean nuclear ORFs");
    for (aa, codon) in MOST_FREQUENT {
        let best = counts
            .iter()
            .filter(|((a, _), _)| *a == aa)
            .max_by_key(|(_, n)| **n)
            .map(|((_, c), _)| c.clone())
            .unwrap();
        assert_eq!(best, codon, "most frequent codon of {aa}");
    }
}

#[test]
fn pgal1_pho5_promoter_swap_keeps_the_atg_and_joins_the_flank() {
    let g = &common::default_genome().genome;
    let gal1 = gene(g, "GAL1");
    let p = promoter_of_gene(g, gal1, Upstream::ToPreviousFeature).unwrap();
    // GAL1 (YBR020W, +) and GAL10 (YBR019C, −) are divergent: pGAL1 is the intergenic region.
    let gal10 = g.feature(gene(g, "GAL10")).span;
    let gal1_atg = Orf::of(g, gal1).unwrap().ref_pos(0).unwrap().get();
    assert_eq!(p.sequence.len() as u64, gal1_atg - gal10.end().get());
    assert!(p.source.starts_with("II:"), "{}", p.source);
    let pho5 = gene(g, "PHO5");
    let orf = Orf::of(g, pho5).unwrap();
    let up = upstream_region(g, &orf, Upstream::Bases(500)).unwrap();
    let (plan, j) = plan_promoter_swap(g, pho5, &p, Upstream::Bases(500)).unwrap();
    assert_eq!(plan.perturbation.designation, "pGAL1-PHO5");
    assert_eq!(plan.requests[0].span, up);
    assert!(j.start.ends_with("| ATGTTTAAAT…"), "{}", j.start);
    let mut d = Design::new();
    apply(g, &mut d, plan).unwrap();
    // In the edited genome, read in PHO5's orientation: 20 bp of the old flank, pGAL1, PHO5's CDS.
    let edited = EditedGenome::new(g, &d);
    let lifted = Lifted::new(g, &d);
    let cds = lifted.feature(pho5).span.unwrap();
    let n = p.sequence.len() as u64;
    let window = Span::new(cds.end(), Pos(cds.end().get() + n + 20)).unwrap();
    let read = revcomp(&edited.sequence(orf.contig, window).unwrap());
    let flank = revcomp(
        g.sequence(
            orf.contig,
            Span::new(up.end(), Pos(up.end().get() + 20)).unwrap(),
        )
        .unwrap(),
    );
    assert_eq!(&read[..20], flank.as_slice(), "upstream junction");
    assert_eq!(&read[20..], p.sequence.as_slice(), "pGAL1 up to the ATG");
    assert_eq!(
        edited_protein(g, &d, pho5).trim_end_matches('*'),
        orf.protein(),
        "the coding sequence is untouched"
    );
    // Too much upstream runs into the neighbour: refused with the room there is.
    let e = plan_promoter_swap(g, pho5, &p, Upstream::Bases(50_000)).unwrap_err();
    assert!(matches!(e, Refusal::UpstreamBlocked { .. }), "{e}");
    // Its neighbour's place is written as people read it (PBY1, II:432,036–434,297).
    assert!(e.to_string().contains("(II:432,036–434,297)"), "{e}");
}

#[test]
fn region_deletion_by_coordinates() {
    let g = &common::default_genome().genome;
    let iii = g.contig_by_name("III").unwrap();
    let plan = plan_region_deletion(g, iii, Span::new(Pos(1000), Pos(2000)).unwrap()).unwrap();
    assert_eq!(plan.perturbation.designation, "Δ(III:1001-2000)");
    let mut d = Design::new();
    apply(g, &mut d, plan).unwrap();
    assert_eq!(
        EditedGenome::new(g, &d).contig_len(iii),
        g.contig(iii).length - 1000
    );
    assert!(plan_region_deletion(g, iii, Span::new(Pos(5), Pos(5)).unwrap()).is_err());
    assert!(
        plan_region_deletion(
            g,
            iii,
            Span::new(Pos(0), Pos(g.contig(iii).length + 1)).unwrap()
        )
        .is_err()
    );
}

#[test]
fn heterozygous_edits_in_a_diploid_are_recorded_not_applied() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4743").unwrap()).unwrap();
    let tfc3 = gene(g, "TFC3");
    let kan = cassette("kanMX4");
    let i = g.contig_by_name("I").unwrap();
    let len_before = EditedGenome::new(g, &d).contig_len(i);
    let ids = apply(g, &mut d, plan_delete_gene(g, tfc3, Some(&kan))).unwrap();
    let p = d.genotype().perturbations.last().unwrap();
    assert_eq!(
        p.zygosity,
        Zygosity::Heterozygous,
        "the default in a diploid"
    );
    assert!(!d.is_enabled(ids[0]), "recorded, not applied");
    assert_eq!(EditedGenome::new(g, &d).contig_len(i), len_before);
    assert!(
        genoforge::core::genetics::nomenclature::format(d.genotype())
            .ends_with("tfc3Δ::kanMX4/TFC3")
    );
    let before = d.clone();
    let e = d.set_enabled(g, ids[0], true).unwrap_err();
    assert!(e.to_string().contains("heterozygous"), "{e}");
    assert_eq!(d, before);
    // Homozygous: applied.
    let mut hom = Design::new();
    set_background(g, &mut hom, strain("BY4743").unwrap()).unwrap();
    let mut plan = plan_delete_gene(g, gene(g, "FAR1"), Some(&kan));
    plan.perturbation.zygosity = Zygosity::Homozygous;
    let ids = apply(g, &mut hom, plan).unwrap();
    assert!(hom.is_enabled(ids[0]));
    assert!(
        genoforge::core::genetics::nomenclature::format(hom.genotype())
            .ends_with("far1Δ::kanMX4/far1Δ::kanMX4")
    );
    // A haploid design refuses copies it does not have.
    let mut hap = Design::new();
    let mut plan = plan_delete_gene(g, tfc3, None);
    plan.perturbation.zygosity = Zygosity::Heterozygous;
    assert!(apply(g, &mut hap, plan).is_err());
    assert!(hap.is_empty());
}

#[test]
fn a_point_mutation_substitutes_and_a_frameshift_disrupts() {
    let g = &common::default_genome().genome;
    let gal4 = gene(g, "GAL4");
    let (plan, _) = plan_point_mutation(g, gal4, &parse_change("K23A").unwrap()).unwrap();
    let mut d = Design::new();
    apply(g, &mut d, plan).unwrap();
    let lifted = Lifted::new(g, &d);
    assert_eq!(lifted.feature(gal4).status, FeatureStatus::Substituted);
    assert_eq!(FeatureStatus::Substituted.label(), "substituted");
    // his3Δ1 removes 190 bp inside HIS3: disrupted.
    let mut by = Design::new();
    set_background(g, &mut by, strain("BY4741").unwrap()).unwrap();
    let his3 = gene(g, "HIS3");
    assert_eq!(
        Lifted::new(g, &by).feature(his3).status,
        FeatureStatus::Disrupted
    );
}

/// A small genome: NOSTOP (a CDS without a stop codon) and SPLIT (a stop codon split by an intron).
fn toy_genome() -> genoforge::io::load::Loaded {
    use genoforge::io::load::{InputFile, LoadRequest, load};
    // 60 bp; NOSTOP CDS 11..25 (ATG + 4 codons, no stop); SPLIT CDS 31..43 + 51..52, whose stop
    // codon TAA is T (43) + AA (51..52).
    let mut seq = vec![b'C'; 60];
    seq[10..25].copy_from_slice(b"ATGAAACCCGGGTTT");
    seq[30..43].copy_from_slice(b"ATGAAACCCGGGT");
    seq[50..52].copy_from_slice(b"AA");
    let fasta = format!(">chr1\n{}\n", String::from_utf8(seq).unwrap());
    let gff = "##gff-version 3\n\
chr1\tt\tgene\t11\t25\t.\t+\t.\tID=g1;Name=NOSTOP\n\
chr1\tt\tmRNA\t11\t25\t.\t+\t.\tID=m1;Parent=g1\n\
chr1\tt\tCDS\t11\t25\t.\t+\t0\tID=c1;Parent=m1\n\
chr1\tt\tgene\t31\t52\t.\t+\t.\tID=g2;Name=SPLIT\n\
chr1\tt\tmRNA\t31\t52\t.\t+\t.\tID=m2;Parent=g2\n\
chr1\tt\tCDS\t31\t43\t.\t+\t0\tID=c2;Parent=m2\n\
chr1\tt\tCDS\t51\t52\t.\t+\t2\tID=c2;Parent=m2\n";
    load(LoadRequest {
        gff: Some(InputFile::new("toy.gff3", gff.as_bytes().to_vec())),
        fasta: Some(InputFile::new("toy.fa", fasta.into_bytes())),
        feature_table: None,
    })
    .unwrap()
}

#[test]
fn tags_are_refused_without_a_clean_stop_or_on_a_split_stop_codon() {
    let loaded = toy_genome();
    let g = &loaded.genome;
    let tag = cassette("GFP(S65T)-kanMX6");
    let e = plan_tag(g, gene(g, "NOSTOP"), &tag, Terminus::C).unwrap_err();
    assert!(matches!(e, Refusal::NoCleanStop { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        "NOSTOP has no clean stop codon (its CDS is 15 bp and ends in TTT): a C-terminal tag needs one to replace"
    );
    let split = Orf::of(g, gene(g, "SPLIT")).unwrap();
    assert!(
        split.has_clean_stop(),
        "{}",
        String::from_utf8_lossy(&split.coding)
    );
    let e = plan_tag(g, gene(g, "SPLIT"), &tag, Terminus::C).unwrap_err();
    assert!(matches!(e, Refusal::SplitCds { .. }), "{e}");
    assert!(e.to_string().contains("split by an intron"), "{e}");
    // Its start codon is whole in the first part: an N-terminal tag goes there.
    assert!(plan_tag(g, gene(g, "SPLIT"), &cassette("GFP(S65T)"), Terminus::N).is_ok());
}

#[test]
fn a_point_mutation_on_a_genes_first_or_last_base_substitutes_like_one_inside() {
    // PHO5 (YBR093C, reverse strand): its first base (leftmost, the stop codon's last base) and
    // its last base (the A of ATG) each replaced by one other base. No base is removed, so nothing
    // is trimmed: the gene keeps its span and is substituted, as for a point mutation inside;
    // the CDS says which codon was lost (valid_ORF=False).
    use genoforge::core::edit::{EditOp, EditRequest};
    let g = &common::default_genome().genome;
    let pho5 = gene(g, "PHO5");
    let f = g.feature(pho5);
    let contig = f.contig;
    let seq = g.contig(contig).sequence.as_deref().unwrap();
    for (at, lost) in [
        (f.span.start().get(), "missing_stop_codon=True"),
        (f.span.end().get() - 1, "missing_start_codon=True"),
    ] {
        let other = if seq[at as usize].eq_ignore_ascii_case(&b'G') {
            b"C"
        } else {
            b"G"
        };
        let mut d = Design::new();
        d.add(
            g,
            EditRequest {
                contig,
                span: Span::from_one_based(at + 1, at + 1).unwrap(),
                sequence: other.to_vec(),
                op: EditOp::Replace,
                label: Some("edge point mutation".into()),
                feature: None,
            },
        )
        .unwrap();
        let lifted = Lifted::new(g, &d);
        let lf = lifted.feature(pho5);
        assert_eq!(lf.status, FeatureStatus::Substituted, "base {at}");
        assert_eq!((lf.span, lf.lost_left, lf.lost_right), (Some(f.span), 0, 0));
        let mut gff = Vec::new();
        genoforge::io::gff3::writer::write(&mut gff, g, &d, &lifted).unwrap();
        let gff = String::from_utf8(gff).unwrap();
        assert!(!gff.contains("edit_status=trimmed"), "base {at}");
        let cds = gff
            .lines()
            .find(|l| l.contains("\tCDS\t") && l.contains("YBR093C"))
            .unwrap();
        assert!(cds.contains("edit_status=substituted"), "{cds}");
        assert!(
            cds.contains("valid_ORF=False") && cds.contains(lost),
            "{cds}"
        );
    }
}
