//! Chromosomal elements that are not genes — centromeres, replication origins (ARS), telomeres,
//! Ty long terminal repeats — as SGD's `SGD_features.tab` maps them (rows of type `centromere`,
//! `ARS`, `telomere`, `long_terminal_repeat`; the Ensembl GFF3 has none of them). Kept on the
//! [`crate::core::genome::Genome`] so a design's edits can be checked against them
//! (`core/genetics/elements_hit.rs`).

use crate::core::coord::Span;
use crate::core::genome::contig::ContigId;

/// What kind of element (SGD's feature type, column 2 of `SGD_features.tab`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ElementKind {
    /// `centromere`: CDEI–CDEIII, about 118 bp (CEN1 = I:151,465–151,582, 1-based). One per
    /// chromosome; a chromosome without one cannot segregate and is lost (Clarke & Carbon 1980,
    /// doi:10.1038/287504a0), one with two is broken at mitosis (dicentric: Koshland et al.
    /// 1987, doi:10.1016/0092-8674(87)90077-8).
    Centromere,
    /// `ARS`: an autonomously replicating sequence, a replication origin (352 mapped).
    Ars,
    /// `telomere`: a chromosome end's telomeric region (X, Y′ elements and the terminal
    /// TG₁₋₃ repeats).
    Telomere,
    /// `long_terminal_repeat`: a Ty retrotransposon's LTR, often solo (δ, σ, τ).
    Ltr,
}

impl ElementKind {
    /// The kind a feature-table type names (`centromere`, `ARS`, `telomere`,
    /// `long_terminal_repeat`); `None` for every other type.
    pub fn parse(feature_type: &str) -> Option<Self> {
        match feature_type {
            "centromere" => Some(Self::Centromere),
            "ARS" => Some(Self::Ars),
            "telomere" => Some(Self::Telomere),
            "long_terminal_repeat" => Some(Self::Ltr),
            _ => None,
        }
    }

    /// Words for people (`centromere`, `replication origin`, …).
    pub fn label(self) -> &'static str {
        match self {
            Self::Centromere => "centromere",
            Self::Ars => "replication origin (ARS)",
            Self::Telomere => "telomere",
            Self::Ltr => "Ty long terminal repeat",
        }
    }
}

/// One element on the reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// What it is.
    pub kind: ElementKind,
    /// SGD's name (`CEN1`, `ARS102`, `TEL01L`, `YALWdelta1`).
    pub name: Box<str>,
    /// The contig it lies on.
    pub contig: ContigId,
    /// Where, 0-based half-open (the table's 1-based inclusive coordinates, either order).
    pub span: Span,
}

/// The elements of a genome, per contig sorted by start, with the longest's length (to look up
/// what a span overlaps by binary search).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Elements {
    by_contig: Vec<Vec<Element>>,
    longest: u64,
}

impl Elements {
    /// Builds the index from elements in any order.
    pub fn new(elements: Vec<Element>) -> Self {
        let mut by_contig: Vec<Vec<Element>> = Vec::new();
        let mut longest = 0;
        for e in elements {
            let c = e.contig.get();
            if by_contig.len() <= c {
                by_contig.resize_with(c + 1, Vec::new);
            }
            longest = longest.max(e.span.len());
            by_contig[c].push(e);
        }
        for v in &mut by_contig {
            crate::core::sort::sort_by_key(v, |e| (e.span.start(), e.span.end()));
        }
        Self { by_contig, longest }
    }

    /// Whether there are none (a genome loaded without SGD's feature table).
    pub fn is_empty(&self) -> bool {
        self.by_contig.iter().all(Vec::is_empty)
    }

    /// Every element, contig by contig, by start.
    pub fn all(&self) -> impl Iterator<Item = &Element> {
        self.by_contig.iter().flatten()
    }

    /// Elements of `contig` sharing a base with `span` — or, for an empty `span` (an insertion
    /// point), having bases on both sides of it — by start. O(log n + k).
    pub fn hit_by(&self, contig: ContigId, span: Span) -> impl Iterator<Item = &Element> {
        let list = self
            .by_contig
            .get(contig.get())
            .map_or(&[][..], Vec::as_slice);
        let (s, e) = (span.start().get(), span.end().get());
        let end = list.partition_point(|x| x.span.start().get() < e.max(s + 1));
        let begin = list.partition_point(|x| x.span.start().get() + self.longest <= s);
        list[begin..end.max(begin)].iter().filter(move |x| {
            let (xs, xe) = (x.span.start().get(), x.span.end().get());
            if span.is_empty() {
                xs < s && s < xe
            } else {
                xs < e && s < xe
            }
        })
    }
}
