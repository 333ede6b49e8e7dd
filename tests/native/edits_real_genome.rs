//! The edit engine on the real S288C genome: BY4741's markers and 100 random ORFs replaced by
//! kanMX4, checked through the written files (FASTA, GFF3, chain) against independent
//! recomputation from the reference.

use crate::common;

use std::collections::HashMap;
use std::process::Command;

use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::edit::helpers::{delete_gene, replace_gene, resolve_gene};
use genoforge::core::edit::{Edit, EditError, EditOp, EditRequest};
use genoforge::core::genetics::cassette::Cassette;
use genoforge::core::genome::Genome;
use genoforge::core::genome::contig::ContigId;
use genoforge::core::genome::feature::{FeatureIdx, FeatureKind};
use genoforge::core::lift::Lifted;
use genoforge::core::lift::edited::{EditedGenome, LiftedPos};
use genoforge::core::seq::revcomp;
use genoforge::core::strand::Strand;
use genoforge::io::{chain, fasta_writer, genbank, gff3};

fn kanmx4() -> Cassette {
    let gb = std::fs::read(common::data("cassettes/pFA6a-kanMX4_AJ002680.gb")).unwrap();
    let rec = &genbank::read(&gb).unwrap()[0];
    genoforge::io::cassette::marker_cassette(rec, "kanMX4", "kan", "G418 resistance").unwrap()
}

/// his3Δ1 as the strain module locates it from the reference sequence (the HindIII fragment).
fn his3_delta1(g: &Genome) -> EditRequest {
    let allele = genoforge::core::genetics::strain::allele("his3Δ1").unwrap();
    genoforge::core::genetics::strain::allele_edit(g, allele)
        .unwrap()
        .0
}

/// A repeatable pseudo-random sequence.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

struct Built {
    design: Design,
    kan: Cassette,
    replaced: Vec<FeatureIdx>,
}

fn build(g: &Genome) -> Built {
    let mut design = Design::new();
    let his3 = his3_delta1(g);
    assert_eq!(
        (his3.span.one_based(), his3.span.len()),
        ((722_251, 722_440), 190)
    );
    design.add(g, his3).unwrap();
    for (name, allele) in [
        ("YCL018W", "leu2Δ0"),
        ("YEL021W", "ura3Δ0"),
        ("YLR303W", "met15Δ0"),
    ] {
        let gene = resolve_gene(g, name).unwrap();
        design
            .add(g, delete_gene(g, gene, Some(allele.into())))
            .unwrap();
    }
    let kan = kanmx4();
    let orfs: Vec<FeatureIdx> = g
        .genes()
        .filter(|&i| {
            let f = g.feature(i);
            f.kind == FeatureKind::Gene
                && f.attributes().first("biotype").as_deref() == Some("protein_coding")
        })
        .collect();
    let mut rng = Lcg(2026);
    let mut replaced = Vec::new();
    let mut refused = 0;
    while replaced.len() < 100 {
        let gene = orfs[rng.next(orfs.len())];
        let name = g.feature(gene).display_name().into_owned();
        let feature = kan.feature(Some(format!("kanMX4_{name}")), Strand::Forward);
        let req = replace_gene(
            g,
            gene,
            kan.sequence.as_bytes(),
            Some(feature),
            Some(format!("{}Δ::kanMX4", name.to_lowercase())),
        );
        let before = design.clone();
        match design.add(g, req) {
            Ok(_) => replaced.push(gene),
            Err(EditError::Overlap { .. }) => {
                refused += 1;
                assert!(design == before, "a refused edit changed the design");
            }
            Err(e) => panic!("{e}"),
        }
    }
    assert!(refused < 50);
    Built {
        design,
        kan,
        replaced,
    }
}

/// Independent expectation: the reference bases a feature keeps, with the edits strictly inside it.
fn expected_bases(
    g: &Genome,
    edits: &[&Edit],
    contig: ContigId,
    fs: u64,
    fe: u64,
) -> Option<Vec<u8>> {
    let reference = g.contig(contig).sequence.as_deref().unwrap();
    let deleted = |p: u64| {
        edits
            .iter()
            .any(|e| e.span.start().get() <= p && p < e.span.end().get())
    };
    let first = (fs..fe).find(|&p| !deleted(p))?;
    let last = (fs..fe).rev().find(|&p| !deleted(p))?;
    let mut out = Vec::new();
    let mut p = first;
    let mut inside: Vec<&&Edit> = edits
        .iter()
        .filter(|e| {
            let (s, t) = (e.span.start().get(), e.span.end().get());
            if s == t {
                first < s && s <= last
            } else {
                s > first && t <= last
            }
        })
        .collect();
    inside.sort_by_key(|e| (e.span.start(), e.span.end()));
    for e in inside {
        out.extend_from_slice(&reference[p as usize..e.span.start().get() as usize]);
        out.extend_from_slice(&e.sequence);
        p = e.span.end().get();
    }
    out.extend_from_slice(&reference[p as usize..=last as usize]);
    Some(out)
}

#[test]
fn by4741_and_100_kanmx4_replacements() {
    let g = &common::default_genome().genome;
    let Built {
        design,
        kan,
        replaced,
    } = build(g);
    let lifted = Lifted::new(g, &design);
    let edited = EditedGenome::new(g, &design);

    // Write the files exactly as the CLI does.
    let mut fasta = Vec::new();
    fasta_writer::write(&mut fasta, &edited, fasta_writer::Width::Sixty).unwrap();
    let mut gff = Vec::new();
    gff3::writer::write(&mut gff, g, &design, &lifted).unwrap();
    let mut chain_text = Vec::new();
    chain::write(&mut chain_text, &edited).unwrap();
    let out_dir = common::root().join("target/test-output");
    std::fs::create_dir_all(&out_dir).unwrap();
    std::fs::write(out_dir.join("by4741_kanmx4.gff3"), &gff).unwrap();

    // Read the FASTA back.
    let (records, diags) = genoforge::io::fasta::read(&fasta, 1).unwrap();
    assert!(diags.is_empty());
    let seq_of: HashMap<&str, &[u8]> = records
        .iter()
        .map(|r| (r.info.id.as_ref(), r.sequence.as_slice()))
        .collect();

    // Contig lengths = original − deleted + inserted.
    for (i, c) in g.contigs().iter().enumerate() {
        let edits: Vec<&Edit> = design
            .edits()
            .iter()
            .filter(|e| e.contig.get() == i)
            .collect();
        let deleted: u64 = edits.iter().map(|e| e.span.len()).sum();
        let inserted: u64 = edits.iter().map(|e| e.sequence.len() as u64).sum();
        assert_eq!(
            seq_of[c.name.as_ref()].len() as u64,
            c.length - deleted + inserted,
            "{}",
            c.name
        );
    }

    // Every surviving feature's bases, read from the written FASTA at the coordinates written in
    // the GFF3, equal the independently expected bases.
    let gff_text = String::from_utf8(gff.clone()).unwrap();
    // Reference lines in document order (inserted features, source genoforge, sit among them).
    let out_lines: Vec<&str> = gff_text
        .lines()
        .filter(|l| !l.starts_with('#') && l.split('\t').nth(1) != Some("genoforge"))
        .collect();
    let mut out_iter = out_lines.iter();
    let mut checked = 0;
    // The body is written contig by contig in genome (karyotype) order, each contig's lines in
    // document order.
    let mut doc: Vec<genoforge::core::genome::feature::FeatureIdx> = g
        .document()
        .iter()
        .filter_map(|item| match item {
            genoforge::core::genome::DocItem::Feature(idx) => Some(*idx),
            _ => None,
        })
        .collect();
    doc.sort_by_key(|&i| g.feature(i).contig);
    for idx in &doc {
        if lifted.feature(*idx).status.is_gone() {
            continue;
        }
        let f = g.feature(*idx);
        let line = out_iter
            .next()
            .expect("an output line per surviving feature");
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols[2], f.kind.as_str());
        let (s, e): (u64, u64) = (cols[3].parse().unwrap(), cols[4].parse().unwrap());
        let contig_seq = seq_of[cols[0]];
        let got = &contig_seq[(s - 1) as usize..e as usize];
        let edits: Vec<&Edit> = design
            .edits()
            .iter()
            .filter(|x| x.contig == f.contig)
            .collect();
        if f.kind.is_sequence_level() {
            assert_eq!((s, e), (1, contig_seq.len() as u64));
            continue;
        }
        let want = expected_bases(
            g,
            &edits,
            f.contig,
            f.span.start().get(),
            f.span.end().get(),
        )
        .unwrap();
        assert!(
            got == want.as_slice(),
            "line {} ({}) differs",
            f.source_line.line,
            f.display_name()
        );
        // Untouched lines are byte-identical; touched lines keep columns 1–3, 6, 7 and 9 (but Parent),
        // lines an edit changed (not merely moved) with edit_status and edit appended.
        let l = lifted.feature(*idx);
        // An exon of a transcript with a resized exon drops Ensembl's frame attributes, which no
        // longer hold (as the writer documents); the rest of the line is as said.
        let stale = f.kind == genoforge::core::genome::feature::FeatureKind::Exon
            && f.source_line.text.contains("ensembl_phase=")
            && !line.contains("ensembl_phase=");
        let source = if stale {
            f.source_line
                .text
                .split(';')
                .filter(|a| {
                    !a.starts_with("ensembl_phase=") && !a.starts_with("ensembl_end_phase=")
                })
                .collect::<Vec<_>>()
                .join(";")
        } else {
            f.source_line.text.to_string()
        };
        // A mitochondrial CDS says its genetic code in an edited annotation (NCBI table 3).
        let source =
            if f.kind == genoforge::core::genome::feature::FeatureKind::Cds && cols[0] == "Mito" {
                format!("{source};transl_table=3")
            } else {
                source
            };
        if !l.is_touched() {
            assert_eq!(*line, source);
        } else {
            let orig: Vec<&str> = source.split('\t').collect();
            for k in [0, 1, 2, 5, 6] {
                assert_eq!(cols[k], orig[k]);
            }
            if !l.parents_removed {
                assert!(cols[8].starts_with(orig[8]), "{}", cols[8]);
                let added = &cols[8][orig[8].len()..];
                assert!(
                    added.is_empty() || added.starts_with(";edit_status="),
                    "{added}"
                );
            }
        }
        checked += 1;
    }
    assert!(checked > 28_000, "{checked}");

    // Every inserted feature covers exactly its bases, and its parts read like the cassette.
    assert!(out_iter.next().is_none(), "no reference line left over");
    let inserted: Vec<&str> = gff_text
        .lines()
        .filter(|l| l.split('\t').nth(1) == Some("genoforge"))
        .collect();
    let cassettes: Vec<&&str> = inserted
        .iter()
        .filter(|l| l.split('\t').nth(2) == Some("gene_cassette"))
        .collect();
    assert_eq!(cassettes.len(), replaced.len());
    for line in &inserted {
        let cols: Vec<&str> = line.split('\t').collect();
        let (s, e): (usize, usize) = (cols[3].parse().unwrap(), cols[4].parse().unwrap());
        let bases = &seq_of[cols[0]][s - 1..e];
        let in_cassette_orientation = if cols[6] == "-" {
            revcomp(bases)
        } else {
            bases.to_vec()
        };
        match cols[2] {
            "gene_cassette" => assert_eq!(in_cassette_orientation, kan.sequence.as_bytes()),
            // The gene, mRNA and exon of the kan ORF's CDS cover exactly the CDS's bases.
            "gene" | "mRNA" | "exon" => {
                let cds = kan.orf().unwrap();
                assert_eq!(
                    in_cassette_orientation,
                    kan.part_sequence(cds),
                    "{}",
                    cols[2]
                );
            }
            kind => {
                let part = kan.parts.iter().find(|p| p.kind.as_str() == kind).unwrap();
                assert_eq!(in_cassette_orientation, kan.part_sequence(part), "{kind}");
            }
        }
    }

    // The GFF3 passes genometools' validator.
    let gt = Command::new("gt")
        .args(["gff3validator"])
        .arg(out_dir.join("by4741_kanmx4.gff3"))
        .output()
        .expect("gt (genometools) is installed by .ci/setup");
    assert!(
        gt.status.success(),
        "{}",
        String::from_utf8_lossy(&gt.stderr)
    );

    // The chain lifts like the engine: every 997th base and the bases around every edit.
    let chains = common::parse_chains(std::str::from_utf8(&chain_text).unwrap());
    for (i, c) in g.contigs().iter().enumerate() {
        let contig = ContigId(i as u32);
        let mut probes: Vec<u64> = (0..c.length).step_by(997).collect();
        for e in design.edits().iter().filter(|e| e.contig == contig) {
            for d in [-2i64, -1, 0, 1] {
                for b in [
                    e.span.start().get() as i64 + d,
                    e.span.end().get() as i64 + d,
                ] {
                    if b >= 0 && (b as u64) < c.length {
                        probes.push(b as u64);
                    }
                }
            }
        }
        for p in probes {
            let by_chain = common::lift_with_chain(&chains[c.name.as_ref()].1, p);
            let by_engine = match edited.lift(contig, Pos(p)).unwrap() {
                LiftedPos::At(q) => Some(q.get()),
                LiftedPos::Deleted { .. } => None,
            };
            assert_eq!(by_chain, by_engine, "{}:{}", c.name, p + 1);
        }
    }
}

#[test]
fn refused_edits_leave_the_design_unchanged() {
    let g = &common::default_genome().genome;
    let Built { mut design, .. } = build(g);
    let before = design.clone();
    let his3 = design.edits()[0].clone();
    let xv = his3.contig;
    let attempts: Vec<(EditRequest, &str)> = vec![
        (
            EditRequest {
                contig: xv,
                span: Span::from_one_based(722_300, 722_500).unwrap(),
                sequence: vec![],
                op: EditOp::Delete,
                label: None,
                feature: None,
            },
            "overlaps edit #1 (id 0) delete XV:722,251–722,440 (his3Δ1)",
        ),
        (
            EditRequest {
                contig: xv,
                span: Span::empty_at(Pos(722_300)),
                sequence: b"ACGT".to_vec(),
                op: EditOp::Insert,
                label: None,
                feature: None,
            },
            "falls inside the span removed by edit #1",
        ),
        (
            EditRequest {
                contig: xv,
                span: Span::empty_at(Pos(10)),
                sequence: b"ACGU*T".to_vec(),
                op: EditOp::Insert,
                label: None,
                feature: None,
            },
            "'*' at position 5",
        ),
        (
            EditRequest {
                contig: xv,
                span: Span::from_one_based(1_091_290, 1_091_292).unwrap(),
                sequence: vec![],
                op: EditOp::Delete,
                label: None,
                feature: None,
            },
            "is outside XV (1–1,091,291)",
        ),
    ];
    for (req, expect) in attempts {
        let err = design.add(g, req).unwrap_err().to_string();
        assert!(err.contains(expect), "{err}");
        assert!(design == before, "a refused edit changed the design");
    }
    // Two insertions at one position; an insertion at a span's boundary is fine.
    let at_end = EditRequest {
        contig: xv,
        span: Span::empty_at(his3.span.end()),
        sequence: b"GG".to_vec(),
        op: EditOp::Insert,
        label: None,
        feature: None,
    };
    let id = design.add(g, at_end.clone()).unwrap();
    let err = design.add(g, at_end).unwrap_err();
    assert!(matches!(err, EditError::SameGap { .. }), "{err}");
    design.remove(id).unwrap();
    // Ids are never reused, so compare the edits themselves.
    assert_eq!(design.edits(), before.edits());
    // Unknown names are refused by the JSON layer with the name.
    let file = genoforge::io::edits_json::parse(
        br#"{"edits": [{"op": "delete", "seqid": "chrXVII", "start": 1, "end": 2}]}"#,
    )
    .unwrap();
    let err = genoforge::io::edits_json::apply(&file, g, &mut design)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "edit 1 (of 1): unknown sequence 'chrXVII': no contig of the loaded genome has this name or alias"
    );
    assert!(
        design.edits() == before.edits(),
        "the refused file changed the design"
    );
}

#[test]
fn yeast_overlapping_genes_are_reported() {
    // Deleting YAL019W-A's neighbour shows what else it touches: yeast has 801 overlapping pairs.
    let g = &common::default_genome().genome;
    let mut overlapping = 0;
    let genes: Vec<FeatureIdx> = g.genes().collect();
    for &a in &genes {
        let fa = g.feature(a);
        overlapping += g
            .overlapping(fa.contig, fa.span)
            .into_iter()
            .filter(|&b| b > a && genes.binary_search(&b).is_ok())
            .count();
    }
    assert!(overlapping > 500, "{overlapping}");
    // Deleting a dubious ORF that overlaps a verified gene trims that gene, and the report says so.
    let dubious = resolve_gene(g, "YAL019W-A").unwrap();
    let mut design = Design::new();
    let id = design.add(g, delete_gene(g, dubious, None)).unwrap();
    let lifted = Lifted::new(g, &design);
    let touched_genes: Vec<String> = lifted
        .effects_of(id)
        .iter()
        .filter(|e| g.feature(e.feature).kind == FeatureKind::Gene && e.feature != dubious)
        .map(|e| format!("{} {:?}", g.feature(e.feature).display_name(), e.kind))
        .collect();
    assert!(!touched_genes.is_empty(), "YAL019W-A overlaps another gene");
}
