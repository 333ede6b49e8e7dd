//! The biology a yeast geneticist's review of the exports found wrong, on the real genome: MAT
//! after the MATa swap, the diploid genotype string, genes a region deletion damages, windows whose
//! flanks changed, `validate`'s checks, substitutions in the chain, zygosity of gene nodes.

use crate::common;

use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::design::genotype::{DiploidCopy, GeneDamage, Zygosity};
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::edit::{EditOp, EditRequest};
use genoforge::core::genetics::compose::{apply, delete_gene, set_background};
use genoforge::core::genetics::consistency::check;
use genoforge::core::genetics::finding::FindingKind;
use genoforge::core::genetics::mating::locate;
use genoforge::core::genetics::nomenclature::{format, parse};
use genoforge::core::genetics::point::{parse_change, plan_point_mutation};
use genoforge::core::genetics::promoter::{
    Promoter, Upstream, plan_promoter_swap, promoter_of_gene,
};
use genoforge::core::genetics::region::plan_region_deletion;
use genoforge::core::genetics::strain::strain;
use genoforge::core::lift::Lifted;
use genoforge::core::lift::edited::{EditedGenome, LiftedPos};
use genoforge::core::ml::{Flanks, GeneStatus, gene_nodes, sequence_windows};
use genoforge::core::seq::{revcomp, translate};
use genoforge::io::{chain, fasta_writer, gff3, views};

/// `geneΔ::kanMX4` added to a design.
fn kan_delete(g: &genoforge::core::genome::Genome, d: &mut Design, gene: &str) {
    delete_gene(
        g,
        d,
        resolve_gene(g, gene).unwrap(),
        common::library().get("kanMX4"),
    )
    .unwrap();
}

#[test]
fn a_point_mutation_is_an_aligned_mismatch_in_the_chain_not_a_gap() {
    let g = &common::default_genome().genome;
    let gal4 = resolve_gene(g, "GAL4").unwrap();
    let mut d = Design::new();
    let (plan, _) = plan_point_mutation(g, gal4, &parse_change("K23A").unwrap()).unwrap();
    let ids = apply(g, &mut d, plan).unwrap();
    let e = d.edit(ids[0]).unwrap().clone();
    assert_eq!(
        e.span.len(),
        e.sequence.len() as u64,
        "a same-length substitution"
    );
    let edited = EditedGenome::new(g, &d);
    let mut text = Vec::new();
    chain::write(&mut text, &edited).unwrap();
    let chains = common::parse_chains(std::str::from_utf8(&text).unwrap());
    let name = g.contig(e.contig).name.to_string();
    let (query, blocks) = &chains[&name];
    assert_eq!(query, &name);
    // One ungapped block over the whole contig: the mutated codon is aligned, base for base.
    assert_eq!(blocks, &vec![(0, 0, g.contig(e.contig).length)]);
    for p in e.span.start().get().saturating_sub(2)..e.span.end().get() + 2 {
        assert_eq!(common::lift_with_chain(blocks, p), Some(p));
        // The engine's liftOver-semantics lift agrees with the chain.
        assert_eq!(
            edited.lift_aligned(e.contig, Pos(p)),
            Some(LiftedPos::At(Pos(p)))
        );
    }
    // The edited bases there are the mutation's.
    let q = edited.sequence(e.contig, e.span).unwrap();
    assert_eq!(q, e.sequence.to_vec());
}

/// GFF3 lines (columns) of an exported design.
fn gff_lines(g: &genoforge::core::genome::Genome, d: &Design) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    gff3::writer::write(&mut out, g, d, &Lifted::new(g, d)).unwrap();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

#[test]
fn mata_brings_a1_and_a2_as_whole_genes_and_nothing_named_alpha_where_alpha_is_gone() {
    let g = &common::default_genome().genome;
    let loci = locate(g).unwrap();
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let lines = gff_lines(g, &d);
    let attr = |l: &Vec<String>, k: &str| {
        l[8].split(';')
            .find_map(|a| a.strip_prefix(&format!("{k}=")).map(str::to_owned))
    };
    // MATα2 (YCR039C) and MATα1 (YCR040W): their start codons were in Yα; what is left of them
    // (X, where a2 is; Z1) encodes no α protein — no line names them.
    for (name, id) in [("MATALPHA2", "YCR039C"), ("MATALPHA1", "YCR040W")] {
        assert!(
            !lines
                .iter()
                .any(|l| attr(l, "Name").as_deref() == Some(name)
                    || l[8].contains(&format!(":{id}"))),
            "{name} is still annotated"
        );
    }
    // BUD5, whose start codon overlaps a2's stop codon, is untouched.
    let bud5 = lines
        .iter()
        .find(|l| attr(l, "ID").as_deref() == Some("gene:YCR038C"))
        .unwrap();
    assert!(!bud5[8].contains("edit_status"), "{:?}", bud5[8]);
    // MATA1 and MATA2: gene (top-level, with ID), mRNA, CDS with their parents.
    let edited = EditedGenome::new(g, &d);
    let iii = loci.contig;
    for (gene, strand, parts, hmr) in [("MATA1", "+", 3, "HMRA1"), ("MATA2", "-", 1, "HMRA2")] {
        let gid = format!("gene:{gene}");
        let tid = format!("transcript:{gene}_mRNA");
        let gl = lines
            .iter()
            .find(|l| l[2] == "gene" && attr(l, "ID").as_deref() == Some(gid.as_str()))
            .unwrap_or_else(|| panic!("{gene} has no gene line with an ID"));
        assert_eq!(attr(gl, "Parent"), None, "{gene} is a top-level gene");
        assert_eq!(gl[6], strand);
        let ml = lines
            .iter()
            .find(|l| l[2] == "mRNA" && attr(l, "ID").as_deref() == Some(tid.as_str()))
            .unwrap_or_else(|| panic!("{gene} has no mRNA"));
        assert_eq!(attr(ml, "Parent").as_deref(), Some(gid.as_str()));
        let cds: Vec<&Vec<String>> = lines
            .iter()
            .filter(|l| l[2] == "CDS" && attr(l, "Parent").as_deref() == Some(tid.as_str()))
            .collect();
        assert_eq!(cds.len(), parts, "{gene} CDS parts");
        // The CDS read from the edited genome translates to HMR's protein.
        let mut coding = Vec::new();
        assert_eq!(ml[6], strand, "{gene} mRNA strand");
        for l in &cds {
            assert_eq!(l[6], strand, "{gene} CDS strand");
            let (s, e): (u64, u64) = (l[3].parse().unwrap(), l[4].parse().unwrap());
            coding.extend(
                edited
                    .sequence(iii, Span::from_one_based(s, e).unwrap())
                    .unwrap(),
            );
            assert_eq!(l[7], "0", "phases as HMR's (parts of whole codons)");
        }
        if strand == "-" {
            coding = revcomp(&coding);
        }
        let hmr_gene = resolve_gene(g, hmr).unwrap();
        let hmr_cds: Vec<u8> = {
            let mut spans: Vec<Span> = (0..g.features().len() as u32)
                .map(genoforge::core::genome::feature::FeatureIdx)
                .filter(|&f| {
                    g.feature(f).kind == genoforge::core::genome::feature::FeatureKind::Cds
                        && g.top_ancestor(f) == hmr_gene
                })
                .map(|f| g.feature(f).span)
                .collect();
            spans.sort_by_key(|s| s.start());
            let mut b: Vec<u8> = spans
                .iter()
                .flat_map(|&s| g.sequence(iii, s).unwrap().to_vec())
                .collect();
            if g.feature(hmr_gene).strand == genoforge::core::strand::Strand::Reverse {
                b = revcomp(&b);
            }
            b
        };
        let protein = translate(&coding);
        assert_eq!(protein, translate(&hmr_cds), "{gene}");
        assert!(
            protein.starts_with('M') && protein.ends_with('*'),
            "{gene}: {protein}"
        );
        assert_eq!(protein.matches('*').count(), 1, "{gene}: {protein}");
    }
    // a2 sits on the X bases MATα2's 3′ part had: III:199,546–199,905 of the reference.
    let a2 = lines
        .iter()
        .find(|l| l[2] == "gene" && attr(l, "ID").as_deref() == Some("gene:MATA2"))
        .unwrap();
    let before = Pos(199_545 - 1);
    let Some(LiftedPos::At(q)) = edited.lift(iii, before) else {
        panic!("the base before a2 is kept")
    };
    assert_eq!(a2[3].parse::<u64>().unwrap(), q.get() + 2);
    assert_eq!(
        a2[4].parse::<u64>().unwrap() - a2[3].parse::<u64>().unwrap() + 1,
        360
    );
    // Gene nodes and windows have them.
    let lifted = Lifted::new(g, &d);
    let nodes = gene_nodes(g, &d, &lifted);
    // MATA1 came in with Ya (inserted); MATA2 annotates unchanged X bases (native, or shifted
    // when an edit before it moved it: here leu2Δ0 on III).
    for (gene, status) in [
        ("MATA1", GeneStatus::Inserted),
        ("MATA2", GeneStatus::Shifted),
    ] {
        let n = nodes
            .iter()
            .find(|n| n.id == gene)
            .unwrap_or_else(|| panic!("no node {gene}"));
        assert_eq!(n.status, status, "{gene}");
        assert_eq!(n.kind, "gene");
    }
    assert_eq!(
        nodes.iter().find(|n| n.id == "YCR039C").unwrap().status,
        GeneStatus::Superseded
    );
    let windows = sequence_windows(g, &d, &lifted, Flanks::default());
    let w = windows.iter().find(|w| w.id == "MATA2").unwrap();
    assert_eq!(w.body, "cds");
    assert_eq!((w.cds_end - w.cds_start + 1), 360);
    assert_eq!(
        &w.sequence[1000..1003],
        "ATG",
        "a2's window starts its CDS at base 1,001"
    );
    // The GFF3 passes genometools' validator.
    let dir = common::scratch("mata_genes");
    let path = dir.join("by4741.gff3");
    let mut out = Vec::new();
    gff3::writer::write(&mut out, g, &d, &lifted).unwrap();
    std::fs::write(&path, out).unwrap();
    if let Some(r) = common::gt_validate(&path) {
        r.unwrap();
    }
}

#[test]
fn by4743_writes_each_heterozygous_marker_on_its_copy_mata_first() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4743").unwrap()).unwrap();
    let b = d.genotype().background.as_ref().unwrap();
    let copy = |n: &str| b.alleles.iter().find(|a| a.name == n).unwrap().copy;
    assert_eq!(copy("lys2Δ0"), Some(DiploidCopy::Alpha));
    assert_eq!(copy("met15Δ0"), Some(DiploidCopy::A));
    assert_eq!(copy("his3Δ1"), None);
    assert_eq!(
        format(d.genotype()),
        "MATa/α his3Δ1/his3Δ1 leu2Δ0/leu2Δ0 LYS2/lys2Δ0 met15Δ0/MET15 ura3Δ0/ura3Δ0"
    );
    // A heterozygous user edit keeps the mutant first.
    kan_delete(g, &mut d, "TFC3");
    let text = format(d.genotype());
    assert!(text.ends_with(" tfc3Δ::kanMX4/TFC3"), "{text}");
    // Read back, the background is BY4743 again (copies included).
    let background = text.trim_end_matches(" tfc3Δ::kanMX4/TFC3");
    let sketch = parse(g, background);
    assert_eq!(sketch.strain, Some("BY4743"), "{sketch:?}");
    assert!(sketch.unknown.is_empty(), "{:?}", sketch.unknown);
    // Written the other way round, it is not BY4743: nothing is reinterpreted silently.
    let swapped = parse(
        g,
        "MATa/α his3Δ1/his3Δ1 leu2Δ0/leu2Δ0 lys2Δ0/LYS2 MET15/met15Δ0 ura3Δ0/ura3Δ0",
    );
    assert_eq!(swapped.strain, None);
    // Gene nodes carry zygosity.
    let lifted = Lifted::new(g, &d);
    let nodes = gene_nodes(g, &d, &lifted);
    let z = |id: &str| nodes.iter().find(|n| n.id == id).unwrap().zygosity;
    assert_eq!(z("YOR202W"), Some(Zygosity::Homozygous), "HIS3");
    assert_eq!(z("YBR115C"), Some(Zygosity::Heterozygous), "LYS2");
    assert_eq!(z("YLR303W"), Some(Zygosity::Heterozygous), "MET17");
    assert_eq!(
        z("YCR039C"),
        Some(Zygosity::Heterozygous),
        "MATα2 (MATa on the other copy)"
    );
    assert_eq!(
        z(&g.gene_names(resolve_gene(g, "TFC3").unwrap()).0),
        Some(Zygosity::Heterozygous)
    );
    assert_eq!(
        z("YAL001C").is_some() as u8 + z("YBR020W").is_some() as u8,
        1,
        "TFC3 is YAL001C; GAL1 untouched"
    );
    assert_eq!(z("YBR020W"), None);
    // A haploid design has no zygosity, and without a gene set in_gene_set is absent.
    let mut h = Design::new();
    set_background(g, &mut h, strain("BY4741").unwrap()).unwrap();
    let hn = gene_nodes(g, &h, &Lifted::new(g, &h));
    assert!(
        hn.iter()
            .all(|n| n.zygosity.is_none() && n.in_gene_set.is_none())
    );
    let mut csv = Vec::new();
    views::write_gene_nodes_csv(&mut csv, &hn).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let his3 = csv.lines().find(|l| l.starts_with("YOR202W,")).unwrap();
    // Then `essential`, empty: no table given to these nodes.
    assert!(his3.ends_with(",,,his3Δ1,"), "{his3}");
}

#[test]
fn a_region_deletion_names_the_genes_it_damages() {
    let g = &common::default_genome().genome;
    let trm8 = resolve_gene(g, "TRM8").unwrap();
    let mgt1 = resolve_gene(g, "MGT1").unwrap();
    let (t, m) = (g.extent(trm8), g.extent(mgt1));
    assert_eq!(g.feature(trm8).contig, g.feature(mgt1).contig);
    // From the middle of one to past the end of the other.
    let (a, b) = if t.start() < m.start() {
        (t, m)
    } else {
        (m, t)
    };
    let span = Span::new(Pos(a.start().get() + a.len() / 2), Pos(b.end().get() + 10)).unwrap();
    let plan = plan_region_deletion(g, g.feature(trm8).contig, span).unwrap();
    let mut d = Design::new();
    apply(g, &mut d, plan).unwrap();
    let p = &d.genotype().perturbations[0];
    eprintln!(
        "{:?} {:?} {:?}",
        p.genes,
        g.gene_names(trm8),
        g.gene_names(mgt1)
    );
    let damage = |sys: &str| {
        p.genes
            .iter()
            .find(|x| x.systematic_gene_name == sys)
            .map(|x| x.damage)
    };
    let (first, second) = if t.start() < m.start() {
        (trm8, mgt1)
    } else {
        (mgt1, trm8)
    };
    let sys = |f| g.gene_names(f).0;
    assert_eq!(damage(&sys(first)), Some(GeneDamage::Trimmed));
    assert_eq!(damage(&sys(second)), Some(GeneDamage::Deleted));
    let names: Vec<&str> = p
        .genes
        .iter()
        .map(|x| x.perturbed_gene_name.as_str())
        .collect();
    assert!(
        names.contains(&"TRM8") && names.contains(&"MGT1"),
        "{names:?}"
    );
    // In the spec's perturbation list …
    let spec = genoforge::core::spec::export(
        g,
        &d,
        &genoforge::core::spec::ReferenceSpec::of(g),
        "2026-01-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    );
    let json: serde_json::Value =
        serde_json::from_str(&genoforge::io::spec_json::to_string(&spec)).unwrap();
    let genes = &json["perturbations"][0]["genes"];
    assert!(
        genes
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["perturbed_gene_name"] == "TRM8" && x["systematic_gene_name"] == "YDL201W"),
        "{genes}"
    );
    assert!(common::spec_errors(&common::spec_validator(), &json).is_empty());
    // … and the gene nodes.
    let nodes = gene_nodes(g, &d, &Lifted::new(g, &d));
    for f in [trm8, mgt1] {
        let n = nodes.iter().find(|n| n.feature == Some(f)).unwrap();
        assert_eq!(n.perturbations, vec![p.designation.clone()], "{}", n.name);
    }
    // Restored from the spec, the genes are kept.
    let (back, _) =
        genoforge::core::spec::restore(g, &genoforge::core::spec::ReferenceSpec::of(g), &spec)
            .unwrap();
    assert_eq!(back.genotype().perturbations[0].genes, p.genes);
}

#[test]
fn windows_say_when_a_native_gene_s_flank_changed_and_name_non_coding_bodies() {
    let g = &common::default_genome().genome;
    let pho5 = resolve_gene(g, "PHO5").unwrap();
    let promoter: Promoter =
        promoter_of_gene(g, resolve_gene(g, "GAL1").unwrap(), Upstream::Bases(500)).unwrap();
    let (plan, _) = plan_promoter_swap(g, pho5, &promoter, Upstream::Bases(500)).unwrap();
    let mut d = Design::new();
    apply(g, &mut d, plan).unwrap();
    let lifted = Lifted::new(g, &d);
    let w = sequence_windows(g, &d, &lifted, Flanks::default());
    let by = |n: &str| {
        w.iter()
            .find(|x| x.name == n)
            .unwrap_or_else(|| panic!("{n}"))
    };
    // The swap is as long as what it replaces: nothing shifts. A gene whose own bases are
    // untouched is flagged exactly when its window reaches the swapped bases (PHO5's neighbour on
    // the promoter side, whose upstream is PHO5's promoter).
    let e = d.edits()[0].clone();
    assert_eq!(e.span.len(), e.sequence.len() as u64);
    let contig = g.contig(e.contig).name.to_string();
    let mut flagged = Vec::new();
    for x in w.iter().filter(|x| x.status == GeneStatus::Native) {
        let reaches =
            x.contig == contig && x.start - 1 < e.span.end().get() && x.end > e.span.start().get();
        assert_eq!(
            x.window_changed, reaches,
            "{} {}-{}",
            x.name, x.start, x.end
        );
        if reaches {
            flagged.push(x.name.clone());
        }
    }
    assert!(
        !flagged.is_empty(),
        "a native neighbour's window reaches PHO5's promoter"
    );
    assert_eq!(by("PHO5").status, GeneStatus::PromoterReplaced);
    assert!(by("PHO5").window_changed);
    // Far away, nothing changed.
    assert!(!by("ACT1").window_changed);
    // A tRNA's window says tRNA, not cds, in the FASTA header too.
    let trna = w.iter().find(|x| x.body == "tRNA").expect("a tRNA gene");
    let mut fa = Vec::new();
    views::write_windows_fasta(&mut fa, std::slice::from_ref(trna)).unwrap();
    let header = String::from_utf8(fa)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_owned();
    assert!(
        header.contains(" tRNA=") && !header.contains("cds="),
        "{header}"
    );
    assert!(header.ends_with("window_changed=false"), "{header}");
    assert_eq!(by("ACT1").body, "cds");
}

#[test]
fn validate_checks_perturbations_against_edits_and_essential_genes() {
    let g = &common::default_genome().genome;
    let table = common::essentiality();
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    kan_delete(g, &mut d, "FAR1");
    assert_eq!(
        check(g, &d, &table),
        vec![],
        "a consistent design with a viable deletion"
    );
    // TFC3 is essential in the deletion project: a haploid deleting it is warned, naming it
    // (and kanMX4 is now the marker of two deletions, warned too: design_warnings.rs). Its ORF
    // (I:147,594–151,166, on C) ends inside ARS108 (I:147,398–147,717 in SGD_features.tab): the
    // deletion cuts into that replication origin, a caution of its own.
    kan_delete(g, &mut d, "TFC3");
    let f = check(g, &d, &table);
    let kinds: Vec<FindingKind> = f.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            FindingKind::EssentialGeneDeleted,
            FindingKind::OriginRemoved,
            FindingKind::MarkerReused
        ],
        "{f:?}"
    );
    assert!(
        f[0].message.contains("TFC3") && f[0].message.contains("Giaever et al. 2002"),
        "{}",
        f[0].message
    );
    assert!(
        f[1].message.starts_with(
            "tfc3Δ::kanMX4 cuts into replication origin ARS108 (I:147,398–147,717): usually tolerated"
        ),
        "{}",
        f[1].message
    );
    // In BY4743 the same (heterozygous) deletion is not warned as essential; what it does beside
    // TFC3 on its copy (ARS108) is a note, as is what met15Δ0 does beside MET17 on its own.
    let mut dip = Design::new();
    set_background(g, &mut dip, strain("BY4743").unwrap()).unwrap();
    kan_delete(g, &mut dip, "TFC3");
    let f = check(g, &dip, &table);
    assert!(
        f.iter().all(|f| f.kind == FindingKind::OneCopyEffects),
        "{f:?}"
    );
    assert!(
        f.iter().any(|f| f.perturbation == Some(0)
            && f.message.starts_with("tfc3Δ::kanMX4 is heterozygous")
            && f.message
                .contains("replication origin ARS108 (I:147,398–147,717)")),
        "{f:?}"
    );
    // Homozygous (both copies), it is warned: no copy of an essential gene is left.
    let mut hom = Design::new();
    set_background(g, &mut hom, strain("BY4743").unwrap()).unwrap();
    let mut plan = genoforge::core::genetics::compose::plan_delete_gene(
        g,
        resolve_gene(g, "TFC3").unwrap(),
        common::library().get("kanMX4"),
    );
    plan.perturbation.zygosity = Zygosity::Homozygous;
    apply(g, &mut hom, plan).unwrap();
    let f = check(g, &hom, &table);
    let kinds: Vec<FindingKind> = f.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            FindingKind::EssentialGeneDeleted,
            FindingKind::OriginRemoved,
            // BY4743's met15Δ0 on the MATa copy reaches YLR302C there (one_copy.rs).
            FindingKind::OneCopyEffects
        ],
        "{f:?}"
    );
    // A perturbation naming a gene its edits do not touch, and an edit no perturbation names.
    let mut bad = d.clone();
    bad.genotype_mut().perturbations[0].systematic_gene_name = "YBR020W".into();
    let iv = g.contig_by_name("IV").unwrap();
    bad.add(
        g,
        EditRequest {
            contig: iv,
            span: Span::new(Pos(100), Pos(110)).unwrap(),
            sequence: vec![],
            op: EditOp::Delete,
            label: None,
            feature: None,
        },
    )
    .unwrap();
    let kinds: Vec<FindingKind> = check(g, &bad, &table).iter().map(|f| f.kind).collect();
    assert!(kinds.contains(&FindingKind::GeneNotTouched), "{kinds:?}");
    assert!(
        kinds.contains(&FindingKind::EditWithoutPerturbation),
        "{kinds:?}"
    );
}

#[test]
fn chain_and_fasta_name_the_same_sequences_and_apply_counts_disabled_edits_apart() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4743").unwrap()).unwrap();
    kan_delete(g, &mut d, "TFC3");
    let edited = EditedGenome::new(g, &d);
    let mut fa = Vec::new();
    fasta_writer::write(&mut fa, &edited, fasta_writer::Width::Sixty).unwrap();
    let mut ch = Vec::new();
    chain::write(&mut ch, &edited).unwrap();
    let fasta_names: std::collections::BTreeSet<String> = String::from_utf8(fa)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix('>'))
        .map(|h| h.split_whitespace().next().unwrap().to_owned())
        .collect();
    let chains = common::parse_chains(std::str::from_utf8(&ch).unwrap());
    let chain_names: std::collections::BTreeSet<String> =
        chains.values().map(|(q, _)| q.clone()).collect();
    assert_eq!(chain_names, fasta_names);
    // apply on the CLI: the heterozygous deletion's disabled edit is skipped, not counted applied.
    let dir = common::scratch("apply_counts");
    let spec = genoforge::core::spec::export(
        g,
        &d,
        &genoforge::core::spec::ReferenceSpec::of(g),
        "2026-01-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    );
    std::fs::write(
        dir.join("d.json"),
        genoforge::io::spec_json::to_string(&spec),
    )
    .unwrap();
    let gdir = common::root().join("public/genome");
    let genome_args = |v: &mut Vec<String>| {
        v.extend([
            "--gff".into(),
            gdir.join("Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz")
                .display()
                .to_string(),
            "--fasta".into(),
            gdir.join("S288C_reference_sequence_R64-2-1_20150113.fsa.gz")
                .display()
                .to_string(),
        ]);
    };
    let mut args: Vec<String> = vec!["apply".into()];
    genome_args(&mut args);
    args.extend([
        "--spec".into(),
        "d.json".into(),
        "--out-fasta".into(),
        "out.fa".into(),
    ]);
    let out = common::genoforge_in(&dir, &args.iter().map(String::as_str).collect::<Vec<_>>());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let enabled = d.edits().iter().filter(|e| d.is_enabled(e.id)).count();
    assert!(
        err.contains(&format!("applied {enabled} edit(s), skipped 1 disabled")),
        "{err}"
    );
    // liftover takes the spec (given as --spec, or as --edits).
    for flag in ["--spec", "--edits"] {
        let mut args: Vec<String> = vec!["liftover".into()];
        genome_args(&mut args);
        args.extend([flag.into(), "d.json".into(), "II:1000".into()]);
        let out = common::genoforge_in(&dir, &args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(
            out.status.success(),
            "{flag}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "II:1000\tII:1000"
        );
    }
}

/// A diploid's single edited sequence carries only what every copy has: its FASTA descriptions and
/// GFF3 header say which designations of the genotype are recorded but not in that sequence
/// (heterozygous alleles, MATa on one copy, a heterozygous edit), so the genotype they also carry
/// is not read as the sequence's.
#[test]
fn a_diploid_export_says_which_alleles_its_one_sequence_does_not_carry() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4743").unwrap()).unwrap();
    kan_delete(g, &mut d, "TFC3");
    let want = "MATa/α LYS2/lys2Δ0 met15Δ0/MET15 tfc3Δ::kanMX4";
    let edited = EditedGenome::new(g, &d);
    let mut fa = Vec::new();
    fasta_writer::write(&mut fa, &edited, fasta_writer::Width::Sixty).unwrap();
    let fa = String::from_utf8(fa).unwrap();
    let first = fa.lines().next().unwrap();
    assert!(
        first.contains(&format!("[not_in_sequence={want}]")),
        "{first}"
    );
    let lifted = Lifted::new(g, &d);
    let mut gff = Vec::new();
    gff3::writer::write(&mut gff, g, &d, &lifted).unwrap();
    let gff = String::from_utf8(gff).unwrap();
    let line = gff
        .lines()
        .find(|l| l.starts_with("#!genoforge-not-in-sequence "))
        .unwrap_or_else(|| panic!("{}", &gff[..600]));
    assert_eq!(line, format!("#!genoforge-not-in-sequence {want}"));
    // BY4741's alleles are all in its sequence: no such line.
    let mut h = Design::new();
    set_background(g, &mut h, strain("BY4741").unwrap()).unwrap();
    let mut gff = Vec::new();
    gff3::writer::write(&mut gff, g, &h, &Lifted::new(g, &h)).unwrap();
    assert!(!String::from_utf8(gff).unwrap().contains("not-in-sequence"));
}

#[test]
fn a_cds_whose_start_a_region_deletion_removed_is_read_in_its_own_frame() {
    // Δ(X:329001-334500) takes the 5′ ends of IKS1 (YJL057C, minus strand) and TIM54 (YJL054W,
    // plus strand) with it: what is left of each is its original frame up to its own stop, so the
    // one thing wrong with the ORF is the lost start (not a frameshift, not a lost stop).
    let g = &common::default_genome().genome;
    let x = g.contig_by_name("X").unwrap();
    let plan = plan_region_deletion(g, x, Span::from_one_based(329_001, 334_500).unwrap()).unwrap();
    let mut d = Design::new();
    apply(g, &mut d, plan).unwrap();
    let lines = gff_lines(g, &d);
    for parent in ["YJL057C_mRNA", "YJL054W_mRNA"] {
        let cds: Vec<&Vec<String>> = lines
            .iter()
            .filter(|c| c[2] == "CDS" && c[8].contains(&format!("Parent=transcript:{parent}")))
            .collect();
        assert_eq!(cds.len(), 1, "{parent}");
        let attrs = &cds[0][8];
        assert!(
            attrs.contains("valid_ORF=False;missing_start_codon=True")
                && !attrs.contains("frameshift")
                && !attrs.contains("missing_stop_codon")
                && !attrs.contains("inframe_stop_codon"),
            "{parent}: {attrs}"
        );
        assert_ne!(
            cds[0][7], "0",
            "{parent}: a phase that is not 0 is what sets the frame"
        );
    }
}

#[test]
fn the_report_lists_a_removed_line_once_as_removed() {
    // MATa in BY4741 removes MATα1 and MATα2: their mRNA, exon and CDS lines go with their
    // genes, and the report says so once per line (they were also listed as trimmed).
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let lifted = Lifted::new(g, &d);
    let mut out = Vec::new();
    genoforge::io::report::write_tsv(&mut out, g, &d, &lifted).unwrap();
    let text = String::from_utf8(out).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    let mut seen = std::collections::HashSet::new();
    for r in &rows {
        assert!(
            seen.insert((r[0], r[3])),
            "edit {} line {} twice",
            r[0],
            r[3]
        );
    }
    let alpha2: Vec<&str> = rows
        .iter()
        .filter(|r| r[7] == "MATALPHA2")
        .map(|r| r[10])
        .collect();
    assert_eq!(
        alpha2,
        // MATα2 and its lines are superseded by MATa (bases of it remain in X), not deleted.
        ["superseded", "superseded", "superseded", "superseded"]
    );
}
