//! In-frame fusions (tags): the gene's lines that a tag joins are extended over the tag's coding
//! bases and marked fused, instead of trimmed (C-terminal: the stop codon replaced) or disrupted
//! (N-terminal: the tag inserted after the ATG).

use crate::core::design::Design;
use crate::core::edit::{Fusion, Terminus};
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::lift::{Effect, EffectKind, FeatureStatus, LiftedFeature};
use crate::core::strand::Strand;

/// The gene's lines and their descendants (IDs followed through `Parent`), at most 4 levels.
fn lineage(genome: &Genome, gene_id: &str) -> Vec<FeatureIdx> {
    let mut out: Vec<FeatureIdx> = genome.by_id(gene_id).to_vec();
    let mut frontier: Vec<String> = vec![gene_id.to_owned()];
    for _ in 0..4 {
        let mut next = Vec::new();
        for id in &frontier {
            for &c in genome.children(id) {
                if !out.contains(&c) {
                    out.push(c);
                    if let Some(cid) = genome.feature(c).id.as_deref() {
                        next.push(cid.to_owned());
                    }
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    out
}

/// The `ID` of the CDS a tag fused to the gene `gene_id` joins (the first CDS line with an ID
/// among the gene's descendants; Ensembl's `CDS:YBR093C`), `None` when it has none. The edited
/// GFF3 writes the tag's coding part, a `CDS_region` (SO:0000851, part_of CDS), as its child:
/// the Sequence Ontology, and `gt gff3validator -typecheck so`, allow a CDS_region under a CDS
/// (or a gene), not under an `insertion`.
pub fn fused_cds_id(genome: &Genome, gene_id: &str) -> Option<String> {
    lineage(genome, gene_id).into_iter().find_map(|l| {
        let f = genome.feature(l);
        (f.kind == crate::core::genome::feature::FeatureKind::Cds)
            .then(|| f.id.as_deref().map(str::to_owned))
            .flatten()
    })
}

/// Extends and marks the lines of every enabled fusion. Idempotent: spans are set from the
/// layout, not moved by a delta.
pub(super) fn apply(
    genome: &Genome,
    design: &Design,
    out: &mut [LiftedFeature],
    effects: &mut [Effect],
) {
    for contig in design.edited_contigs() {
        let Some(layout) = design.layout(contig) else {
            continue;
        };
        for (i, op) in layout.ops().iter().enumerate() {
            let Some(edit) = design.edit(op.edit) else {
                continue;
            };
            let Some(Fusion {
                gene_id,
                terminus,
                coding,
            }) = edit.feature.as_ref().and_then(|f| f.fusion.as_ref())
            else {
                continue;
            };
            let ins_start = layout.op_edited_start(i);
            let ins_end = ins_start + op.sequence.len() as u64;
            let coding = (*coding).min(op.sequence.len() as u64);
            for l in lineage(genome, gene_id) {
                let f = genome.feature(l);
                let lf = &mut out[l.get()];
                if lf.status.is_gone() || f.contig != contig {
                    continue;
                }
                let Some(span) = lf.span else { continue };
                let joined = match terminus {
                    // The stop codon [start, end) was replaced: lines ending (in the gene's
                    // orientation) at it reach over the tag's codons.
                    Terminus::C if f.strand == Strand::Reverse => {
                        (f.span.start() == edit.span.start() && !edit.span.is_empty()).then(|| {
                            crate::core::coord::Span::from_raw(ins_end - coding, span.end().get())
                        })
                    }
                    Terminus::C => {
                        (f.span.end() == edit.span.end() && !edit.span.is_empty()).then(|| {
                            crate::core::coord::Span::from_raw(
                                span.start().get(),
                                ins_start + coding,
                            )
                        })
                    }
                    // Inserted after the ATG, strictly inside: geometry already grew the line.
                    Terminus::N => (f.span.start() < edit.span.start()
                        && edit.span.start() < f.span.end())
                    .then_some(span),
                };
                if let Some(s) = joined {
                    lf.span = Some(s);
                    lf.status = FeatureStatus::Fused;
                    lf.disrupted = false;
                    for e in effects
                        .iter_mut()
                        .filter(|e| e.edit == edit.id && e.feature == l)
                    {
                        if matches!(e.kind, EffectKind::Trimmed | EffectKind::Disrupted) {
                            e.kind = EffectKind::Fused;
                        }
                    }
                }
            }
        }
    }
}
