//! Promoter swaps: the bases upstream of a gene's start codon replaced by another promoter, the
//! ATG kept — `pGAL1-PHO5`.
//!
//! The replaced region is the `n` bp immediately 5′ of the ATG (default 500), or everything up to
//! the previous annotated feature (the nearest gene-level feature 5′ of the gene, on either
//! strand). Asking for `n` bp that reach into another feature is refused with the room there is;
//! a swap whose replaced bases reach another feature (always so up to the previous feature: the
//! upstream gene's 3′ UTR and terminator, or a divergent gene's promoter, go with them) says so in
//! its plan's `warnings` (`promoter_neighbours.rs`): nothing of a neighbour is removed silently. A promoter is a part (a cassette's promoter, any
//! sequence) or a yeast gene's own upstream region taken from the loaded reference (`GAL1`: the
//! bases 5′ of GAL1's ATG up to the previous feature, i.e. the GAL1–GAL10 intergenic region).

use crate::core::coord::{Span, thousands};
use crate::core::design::genotype::{Perturbation, PerturbationType, Zygosity};
use crate::core::edit::{EditOp, EditRequest, InsertedFeature};
use crate::core::genetics::cassette::Library;
use crate::core::genetics::finding::gene_label;
use crate::core::genetics::orf::Orf;
use crate::core::genetics::plan::Plan;
use crate::core::genetics::promoter_name::promoter_designation;
use crate::core::genetics::promoter_neighbours::reached_features;
use crate::core::genetics::refusal::Refusal;
use crate::core::genome::Genome;
use crate::core::genome::feature::{FeatureIdx, FeatureKind};
use crate::core::seq::revcomp;
use crate::core::strand::Strand;

pub use crate::core::genetics::promoter_name::DEFAULT_UPSTREAM;

/// How much of a gene's upstream region.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Upstream {
    /// The `n` bp 5′ of the start codon (refused if they reach another feature).
    Bases(u64),
    /// Everything up to the previous annotated feature.
    ToPreviousFeature,
}

/// A promoter to put in: a name (`GAL1` → `pGAL1`), its bases 5′ → 3′ and where they come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Promoter {
    /// The gene or part it is named after (`GAL1`, `TEF`).
    pub name: String,
    /// Bases, 5′ → 3′ (ending just before the ATG it drove).
    pub sequence: Vec<u8>,
    /// Where it comes from (`II:278,352–279,020 of the reference`, `AJ002680 115..458`).
    pub source: String,
    /// The divergent gene the region is a promoter of too, when it reaches within
    /// [`SHARED_REACH`] bases of that gene's start (`GAL10` for GAL1's region up to the previous
    /// feature: the GAL1–GAL10 intergenic region drives both); `None` for a part, or a region
    /// with a tandem gene or none 5′ of it.
    pub shared_with: Option<String>,
}

/// What a swap joins: the bases either side of its two junctions, in the gene's orientation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Junctions {
    /// `…upstream | promoter…`.
    pub upstream: String,
    /// `…promoter | ATG…`.
    pub start: String,
    /// The reference region replaced, 1-based inclusive (`II:…`).
    pub replaced: String,
}

/// The nearest top-level feature 5′ of `orf`'s start codon (any strand) and the bases between
/// them: `(edge, feature)` with `edge` the feature's end facing the ORF, or `None` to the
/// contig's end; and the room, in bases.
fn previous_feature(genome: &Genome, orf: &Orf) -> (Option<(u64, FeatureIdx)>, u64) {
    let contig_len = genome.contig(orf.contig).length;
    let atg = orf.ref_pos(0).map_or(0, |p| p.get());
    let lineage_top = genome.top_ancestor(orf.gene);
    // The nearest gene-level feature 5′ of the start codon, any strand.
    let look = Span::from_raw(
        if orf.is_reverse() { atg + 1 } else { 0 },
        if orf.is_reverse() { contig_len } else { atg },
    );
    let previous = genome
        .overlapping(orf.contig, look)
        .into_iter()
        .filter(|&f| {
            let feat = genome.feature(f);
            feat.parents.is_empty()
                && !feat.kind.is_sequence_level()
                && genome.top_ancestor(f) != lineage_top
        })
        .map(|f| {
            let s = genome.feature(f).span;
            let edge = if orf.is_reverse() {
                s.start().get().max(atg + 1)
            } else {
                s.end().get().min(atg)
            };
            (edge, f)
        })
        .max_by_key(|&(edge, _)| {
            if orf.is_reverse() {
                u64::MAX - edge
            } else {
                edge
            }
        });
    let room = match previous {
        Some((edge, _)) if orf.is_reverse() => edge - (atg + 1),
        Some((edge, _)) => atg - edge,
        None if orf.is_reverse() => contig_len - (atg + 1),
        None => atg,
    };
    (previous, room)
}

/// The gene 5′ of `orf` when it is divergent — on the other strand, its 5′ end facing `orf`'s
/// (GAL10 for GAL1) — with the bases between their start codons' sides: the region is a
/// promoter of both.
fn divergent_neighbour(genome: &Genome, orf: &Orf) -> Option<(FeatureIdx, u64)> {
    let (previous, room) = previous_feature(genome, orf);
    let (_, f) = previous?;
    let feat = genome.feature(f);
    let opposite = match feat.strand {
        Strand::Forward => orf.is_reverse(),
        Strand::Reverse => !orf.is_reverse(),
        _ => false,
    };
    (opposite && feat.kind.is_gene_like()).then_some((f, room))
}

/// Within this many bases of a divergent gene, an upstream region holds that gene's core
/// promoter too (yeast core promoters lie within ~100 bp of the start codon).
pub const SHARED_REACH: u64 = 100;

/// The region 5′ of `orf`'s start codon that `upstream` means, or why not.
pub fn upstream_region(genome: &Genome, orf: &Orf, upstream: Upstream) -> Result<Span, Refusal> {
    let (previous, room) = previous_feature(genome, orf);
    let n = match upstream {
        Upstream::ToPreviousFeature => room,
        Upstream::Bases(n) if n <= room => n,
        Upstream::Bases(n) => {
            let (edge, f) = previous.unwrap_or((0, orf.gene));
            let _ = edge;
            let other = genome.feature(f);
            let (s, e) = other.span.one_based();
            return Err(Refusal::UpstreamBlocked {
                gene: orf.name().to_owned(),
                asked: n,
                other: {
                    let (sys, std) = genome.gene_names(f);
                    if sys == std {
                        sys
                    } else {
                        format!("{std} ({sys})")
                    }
                },
                at: format!(
                    "{}:{}–{}",
                    genome.contig(other.contig).name,
                    crate::core::coord::thousands(s),
                    crate::core::coord::thousands(e)
                ),
                room,
            });
        }
    };
    if n == 0 {
        return Err(Refusal::Region(format!(
            "{} has no bases between its start codon and the previous feature",
            orf.name()
        )));
    }
    Ok(orf.upstream(genome, n))
}

/// A yeast gene's own promoter from the reference: the bases of `upstream` 5′ of its ATG.
pub fn promoter_of_gene(
    genome: &Genome,
    gene: FeatureIdx,
    upstream: Upstream,
) -> Result<Promoter, Refusal> {
    let orf = Orf::of(genome, gene)?;
    let span = upstream_region(genome, &orf, upstream)?;
    let bases = genome
        .sequence(orf.contig, span)
        .ok_or_else(|| Refusal::NoSequence {
            gene: orf.name().to_owned(),
        })?;
    let sequence = if orf.is_reverse() {
        revcomp(bases)
    } else {
        bases.to_ascii_uppercase()
    };
    let (s, e) = span.one_based();
    let (s, e) = (thousands(s), thousands(e));
    let shared_with = divergent_neighbour(genome, &orf)
        .filter(|&(_, room)| span.len() + SHARED_REACH >= room)
        .map(|(f, _)| {
            let (sys, std) = genome.gene_names(f);
            gene_label(&std, &sys)
        });
    Ok(Promoter {
        shared_with,
        name: orf.name().to_owned(),
        sequence,
        source: format!(
            "{}:{s}–{e} of the reference, 5′ of {}'s start codon",
            genome.contig(orf.contig).name,
            orf.name()
        ),
    })
}

/// What a cassette's promoter part is called as a promoter: its name without ` promoter` and
/// without a parenthesised note — `TEF promoter (A. gossypii)` → `TEF`, so `pTEF-PHO5` — or
/// `None` when nothing is left.
pub fn promoter_part_name(part: &str) -> Option<String> {
    let base = part.split('(').next().unwrap_or("").trim();
    let base = base
        .strip_suffix("promoter")
        .or_else(|| base.strip_suffix("Promoter"))
        .unwrap_or(base)
        .trim();
    (!base.is_empty()).then(|| base.to_owned())
}

/// The promoter the composer means by `name`: a yeast gene's own upstream region up to the
/// previous feature ([`promoter_of_gene`]), else a library cassette's promoter part, named after
/// the part (kanMX4's `TEF promoter (A. gossypii)` — the Ashbya gossypii TEF promoter of the MX cassettes,
/// Wach et al. 1994 — is `pTEF`, not `pkanMX4`; [`promoter_part_name`]) and found by that name
/// (`TEF`) or the cassette's (`kanMX4`), else all of a cassette that has none, named after the
/// cassette. Refused when `name` is empty or names neither.
pub fn promoter_by_name(
    genome: &Genome,
    library: &Library,
    name: &str,
) -> Result<Promoter, Refusal> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Refusal::Region(
            "name a promoter: a yeast gene (GAL1, TEF1, ADH1) or a library part".to_owned(),
        ));
    }
    if let Ok(g) = crate::core::edit::helpers::resolve_gene(genome, name) {
        return promoter_of_gene(genome, g, Upstream::ToPreviousFeature);
    }
    let promoter_part = |c: &'_ crate::core::genetics::cassette::Cassette| {
        c.parts
            .iter()
            .find(|p| p.kind == FeatureKind::Promoter)
            .cloned()
    };
    let part_name =
        |p: &crate::core::edit::SubFeature| p.name.as_deref().and_then(promoter_part_name);
    let c = library
        .get(name)
        .or_else(|| {
            library.cassettes.iter().find(|&c| {
                promoter_part(c)
                    .and_then(|p| part_name(&p))
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
            })
        })
        .ok_or_else(|| Refusal::Region(format!("'{name}' is neither a gene nor a library part")))?;
    Ok(match promoter_part(c) {
        Some(p) => Promoter {
            shared_with: None,
            name: part_name(&p).unwrap_or_else(|| c.name.clone()),
            sequence: c.part_sequence(&p).to_vec(),
            // The part's own bases within the cassette, then where the cassette comes from.
            source: format!(
                "{}'s {} (bases {}–{} of {}, {})",
                c.name,
                p.name.clone().unwrap_or_default(),
                p.offset.start().get() + 1,
                p.offset.end().get(),
                c.name,
                c.source
            ),
        },
        None => Promoter {
            shared_with: None,
            name: c.name.clone(),
            sequence: c.sequence.as_bytes().to_vec(),
            source: c.source.clone(),
        },
    })
}

fn edge_text(a: &[u8], b: &[u8]) -> String {
    let a = &a[a.len().saturating_sub(10)..];
    let b = &b[..b.len().min(10)];
    format!(
        "…{} | {}…",
        String::from_utf8_lossy(a),
        String::from_utf8_lossy(b)
    )
}

/// Plans replacing the `upstream` region of `gene` by `promoter` (`pGAL1-PHO5`).
pub fn plan_promoter_swap(
    genome: &Genome,
    gene: FeatureIdx,
    promoter: &Promoter,
    upstream: Upstream,
) -> Result<(Plan, Junctions), Refusal> {
    let orf = Orf::of(genome, gene)?;
    if promoter.sequence.is_empty() {
        return Err(Refusal::Region(format!(
            "the promoter p{} has no bases",
            promoter.name
        )));
    }
    let span = upstream_region(genome, &orf, upstream)?;
    let (systematic, standard) = orf.names.clone();
    let designation = promoter_designation(&promoter.name, &standard);
    let strand = if orf.is_reverse() {
        Strand::Reverse
    } else {
        Strand::Forward
    };
    let oriented = if orf.is_reverse() {
        revcomp(&promoter.sequence)
    } else {
        promoter.sequence.to_ascii_uppercase()
    };
    // The 10 bp 5′ of the replaced region, in the gene's orientation.
    let outer = orf.upstream(genome, span.len() + 10);
    let outer_bases = genome.sequence(orf.contig, outer).unwrap_or_default();
    let outer_gene = if orf.is_reverse() {
        revcomp(outer_bases)
    } else {
        outer_bases.to_ascii_uppercase()
    };
    let flank = &outer_gene[..outer_gene.len().saturating_sub(span.len() as usize)];
    let (s, e) = span.one_based();
    let junctions = Junctions {
        upstream: edge_text(flank, &promoter.sequence),
        start: edge_text(&promoter.sequence, &orf.coding),
        replaced: format!(
            "{}:{}–{} ({} bp)",
            genome.contig(orf.contig).name,
            thousands(s),
            thousands(e),
            thousands(span.len())
        ),
    };
    let feature = InsertedFeature {
        supersedes: Vec::new(),
        kind: FeatureKind::Promoter,
        id: Some(format!("p{}_{systematic}", promoter.name)),
        name: Some(format!("p{}", promoter.name)),
        strand,
        attributes: vec![(
            "Note".to_owned(),
            format!("promoter from {}", promoter.source),
        )],
        children: Vec::new(),
        fusion: None,
    };
    let mut warnings = reached_features(genome, orf.contig, span, gene, &designation);
    if let Some(other) = &promoter.shared_with {
        // A bidirectional region keeps both directions where it goes: its other end now faces
        // whatever lies 5′ of the target.
        let faces = match divergent_neighbour(genome, &orf) {
            Some((f, room)) => {
                let (sys, std) = genome.gene_names(f);
                let gap = room - span.len();
                format!(
                    "its other end now faces {}, a divergent gene {}, which may come under p{}'s control too",
                    gene_label(&std, &sys),
                    if gap == 0 {
                        "right next to the replaced bases".to_owned()
                    } else {
                        format!("{} bp 5′ of the replaced bases", thousands(gap))
                    },
                    promoter.name
                )
            }
            None => {
                format!("its other end drives transcription away from {standard} at the new site")
            }
        };
        warnings.push(format!(
            "p{} is the region between divergent {} and {other}, a promoter of both (bidirectional): {faces}",
            promoter.name, promoter.name
        ));
    }
    Ok((
        Plan {
            context: Vec::new(),
            warnings,
            requests: vec![EditRequest {
                contig: orf.contig,
                span,
                sequence: oriented,
                op: EditOp::Replace,
                label: Some(designation.clone()),
                feature: Some(feature),
            }],
            perturbation: Perturbation {
                genes: Vec::new(),
                perturbation_type: PerturbationType::PromoterReplacement,
                systematic_gene_name: systematic,
                perturbed_gene_name: standard,
                designation,
                edit_ids: Vec::new(),
                zygosity: Zygosity::Haploid,
            },
        },
        junctions,
    ))
}
