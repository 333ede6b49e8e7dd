//! A gene's coding sequence on the reference: its CDS parts in coding direction, the bases they
//! read and the map from coding offset to reference position. One CDS per gene, or a refusal.

use crate::core::coord::{Pos, Span};
use crate::core::genetics::refusal::Refusal;
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::genome::feature::{FeatureIdx, FeatureKind};
use crate::core::seq::{GeneticCode, revcomp};
use crate::core::strand::Strand;

/// The stop codons of the standard code (a mitochondrial gene's are [`GeneticCode::is_stop`]'s).
pub const STOPS: [&[u8; 3]; 3] = [b"TAA", b"TAG", b"TGA"];

/// A gene's open reading frame on the reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orf {
    /// The gene-level feature.
    pub gene: FeatureIdx,
    /// (systematic, standard) names.
    pub names: (String, String),
    /// Its contig.
    pub contig: ContigId,
    /// Its strand (`+` or `−`).
    pub strand: Strand,
    /// CDS parts in coding direction (5′ → 3′), reference coordinates.
    pub parts: Vec<Span>,
    /// The coding bases read 5′ → 3′ (upper case), including the stop codon.
    pub coding: Vec<u8>,
    /// The code its codons are read with: the yeast mitochondrial code on the mitochondrial
    /// genome, the standard code elsewhere ([`GeneticCode::of_contig`]).
    pub code: GeneticCode,
}

impl Orf {
    /// The ORF of `gene`: its one CDS (every line sharing the CDS `ID`). Refused when it has no
    /// CDS, several, or no sequence.
    pub fn of(genome: &Genome, gene: FeatureIdx) -> Result<Self, Refusal> {
        let names = genome.gene_names(gene);
        let gene_id = genome.feature(gene).id.as_deref().unwrap_or("").to_owned();
        let mut cds_ids: Vec<Option<String>> = Vec::new();
        let mut lines: Vec<FeatureIdx> = Vec::new();
        let mut frontier = vec![gene_id];
        for _ in 0..4 {
            let mut next = Vec::new();
            for id in frontier.iter().filter(|i| !i.is_empty()) {
                for &c in genome.children(id) {
                    let f = genome.feature(c);
                    if f.kind == FeatureKind::Cds {
                        let key = f.id.as_deref().map(str::to_owned);
                        if !cds_ids.contains(&key) {
                            cds_ids.push(key);
                        }
                        lines.push(c);
                    } else if let Some(cid) = f.id.as_deref() {
                        next.push(cid.to_owned());
                    }
                }
            }
            frontier = next;
        }
        let name = names.1.clone();
        if lines.is_empty() {
            return Err(Refusal::NoCds { gene: name });
        }
        if cds_ids.len() > 1 {
            return Err(Refusal::SeveralCds {
                gene: name,
                count: cds_ids.len(),
            });
        }
        let first = genome.feature(lines[0]);
        let (contig, strand) = (first.contig, first.strand);
        let mut parts: Vec<Span> = lines.iter().map(|&l| genome.feature(l).span).collect();
        crate::core::sort::sort_by_key(&mut parts, |s| s.start());
        parts.dedup();
        if strand == Strand::Reverse {
            parts.reverse();
        }
        let mut coding = Vec::new();
        for p in &parts {
            let s = genome
                .sequence(contig, *p)
                .ok_or_else(|| Refusal::NoSequence { gene: name.clone() })?;
            if strand == Strand::Reverse {
                coding.extend(revcomp(s));
            } else {
                coding.extend_from_slice(s);
            }
        }
        coding.make_ascii_uppercase();
        Ok(Self {
            gene,
            names,
            contig,
            strand,
            parts,
            coding,
            code: GeneticCode::of_contig(&genome.contig(contig).name),
        })
    }

    /// The standard name (or systematic).
    pub fn name(&self) -> &str {
        &self.names.1
    }

    /// Whether it reads on the − strand.
    pub fn is_reverse(&self) -> bool {
        self.strand == Strand::Reverse
    }

    /// The reference position of coding offset `i` (0-based, 5′ → 3′), or `None` past the end.
    pub fn ref_pos(&self, i: u64) -> Option<Pos> {
        let mut left = i;
        for p in &self.parts {
            if left < p.len() {
                return Some(if self.is_reverse() {
                    Pos(p.end().get() - 1 - left)
                } else {
                    Pos(p.start().get() + left)
                });
            }
            left -= p.len();
        }
        None
    }

    /// The coding offset (0-based, 5′ → 3′) of reference position `pos`, or `None` outside the
    /// CDS parts (in an intron, past either end): the inverse of [`Self::ref_pos`].
    pub fn coding_offset(&self, pos: Pos) -> Option<u64> {
        let mut before = 0;
        for p in &self.parts {
            if p.contains(pos) {
                return Some(
                    before
                        + if self.is_reverse() {
                            p.end().get() - 1 - pos.get()
                        } else {
                            pos.get() - p.start().get()
                        },
                );
            }
            before += p.len();
        }
        None
    }

    /// The reference span of coding bases `[from, to)` when they lie in one part.
    pub fn ref_span(&self, from: u64, to: u64) -> Option<Span> {
        let a = self.ref_pos(from)?;
        let b = self.ref_pos(to.checked_sub(1)?)?;
        let span = if self.is_reverse() {
            Span::from_raw(b.get(), a.get() + 1)
        } else {
            Span::from_raw(a.get(), b.get() + 1)
        };
        (span.len() == to - from).then_some(span)
    }

    /// Whether the last codon is a stop and the length a whole number of codons.
    pub fn has_clean_stop(&self) -> bool {
        self.coding.len().is_multiple_of(3)
            && self.coding.len() >= 6
            && self.code.is_stop(&self.coding[self.coding.len() - 3..])
    }

    /// The protein, without the final stop (`*`).
    pub fn protein(&self) -> String {
        let p = self.code.translate(&self.coding);
        p.strip_suffix('*').map(str::to_owned).unwrap_or(p)
    }

    /// The bases `n` upstream of the start codon, on the reference (5′ of the gene): the span
    /// and whether it fits in the contig.
    pub fn upstream(&self, genome: &Genome, n: u64) -> Span {
        let start = self.ref_pos(0).map_or(0, |p| p.get());
        if self.is_reverse() {
            let from = start + 1;
            let to = (from + n).min(genome.contig(self.contig).length);
            Span::from_raw(from, to)
        } else {
            Span::from_raw(start.saturating_sub(n), start)
        }
    }
}
