//! What a promoter swap's replaced bases reach besides the gene's own promoter: every other
//! annotated feature the replaced span overlaps or abuts, said as a sentence naming the feature
//! and the bases — never removed silently. In yeast the intergenic region 5′ of a gene also holds
//! the 3′ UTR and terminator of a tandem upstream gene (whose annotation ends at its stop codon) or
//! the promoter of a divergent one (GAL1–GAL10), so a swap up to the previous feature
//! (`@previous`, [`crate::core::genetics::promoter::Upstream::ToPreviousFeature`]) removes them
//! whenever it reaches that feature.
//!
//! Coordinates: the span is 0-based, half-open on the reference; sentences write 1-based,
//! inclusive positions (`X:133,200–134,100`).

use crate::core::coord::{Span, thousands};
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::genome::feature::FeatureIdx;
use crate::core::strand::Strand;

/// A sentence for each top-level feature (other than `gene`'s own lines) that `span` of
/// `contig` overlaps or abuts, in genome order: `designation` removes `n` bp of it (which end),
/// or the `n` bp next to its 3′ end (its 3′ UTR and terminator) or its 5′ end (its promoter).
pub fn reached_features(
    genome: &Genome,
    contig: ContigId,
    span: Span,
    gene: FeatureIdx,
    designation: &str,
) -> Vec<String> {
    if span.is_empty() {
        return Vec::new();
    }
    let own = genome.top_ancestor(gene);
    // One base either side: features that abut the span are found too.
    let wide = Span::from_raw(
        span.start().get().saturating_sub(1),
        span.end().get().saturating_add(1),
    );
    let mut hits: Vec<FeatureIdx> = genome
        .overlapping(contig, wide)
        .into_iter()
        .map(|f| genome.top_ancestor(f))
        .filter(|&f| f != own && !genome.feature(f).kind.is_sequence_level())
        .collect();
    crate::core::sort::sort_by_key(&mut hits, |&f| (genome.feature(f).span.start(), f));
    hits.dedup();
    let c = &genome.contig(contig).name;
    hits.into_iter()
        .map(|f| {
            let feat = genome.feature(f);
            let fs = feat.span;
            let (s, e) = fs.one_based();
            let name = {
                let (sys, std) = genome.gene_names(f);
                if sys == std {
                    format!("{} {sys}", feat.kind)
                } else {
                    format!("{} {std} ({sys})", feat.kind)
                }
            };
            let at = format!("at {c}:{}–{}", thousands(s), thousands(e));
            // Which of its ends lies toward the span: its right end when the span is to its right.
            let right = span.start() >= fs.end()
                || (span.end() >= fs.end() && span.start() > fs.start());
            let three_prime = match feat.strand {
                Strand::Forward => Some(right),
                Strand::Reverse => Some(!right),
                _ => None,
            };
            match span.intersect(&fs).filter(|o| !o.is_empty()) {
                Some(o) => {
                    let what = if o.len() == fs.len() {
                        "all of it".to_owned()
                    } else if o.start() > fs.start() && o.end() < fs.end() {
                        "bases inside it".to_owned()
                    } else {
                        match three_prime {
                            Some(true) => "its 3′ end".to_owned(),
                            Some(false) => "its 5′ end".to_owned(),
                            None => "one of its ends".to_owned(),
                        }
                    };
                    format!(
                        "{designation} removes {} bp of {name} {at}: {what}",
                        thousands(o.len())
                    )
                }
                None => {
                    let n = thousands(span.len());
                    match three_prime {
                        Some(true) => format!(
                            "{designation} replaces the {n} bp 3′ of {name} {at}, up to its last base: its 3′ UTR and terminator go with them"
                        ),
                        Some(false) => format!(
                            "{designation} replaces the {n} bp 5′ of {name} {at}, up to its first base: its promoter goes with them"
                        ),
                        None => format!(
                            "{designation} replaces the {n} bp up to {name} {at}, which it abuts"
                        ),
                    }
                }
            }
        })
        .collect()
}
