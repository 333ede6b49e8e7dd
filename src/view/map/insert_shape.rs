//! What an inserted shape on the edited track is: the whole inserted (or replacing) sequence or a
//! part of it (promoter, CDS or tag, marker, terminator), its name, and where its bases sit on the
//! contig. Positions 0-based, half-open; a part's offset is in the insert's orientation.

use crate::core::coord::{Span, thousands};
use crate::core::edit::{Edit, EditId, InsertedFeature};
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureKind;
use crate::core::strand::Strand;

/// What an inserted shape is: the whole insert, or a part by its kind (each kind has its colour
/// and legend entry).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum InsertKind {
    /// The inserted (or replacing) sequence as a whole.
    Whole,
    /// Bases changed in place: an edit that replaces reference bases by as many others and
    /// inserts no feature (a point mutation, a codon substitution) — drawn in the substitution
    /// style of the reference axis's replaced bases, not as an insert.
    Substitution,
    /// A promoter part.
    Promoter,
    /// A coding part for the protein the insert is made for: a tag fused in frame (the tag's
    /// `CDS_region` of the fused CDS: GFP of `PHO5-GFP(S65T)::kanMX6`), or the CDS of an inserted
    /// gene.
    Cds,
    /// The coding part of a selectable marker: the CDS of a cassette that replaces reference
    /// bases (`ade2Δ::kanMX4`'s kan) or that follows a fused tag (kanMX6's kan).
    Marker,
    /// A terminator part.
    Terminator,
    /// Any other part.
    OtherPart,
}

impl InsertKind {
    /// The kind of a part of `edit`'s inserted feature. A CDS is the marker's when the insert
    /// replaces reference bases (a gene replaced by a marker cassette) or carries a fused tag
    /// (the tagging module's marker after the tag); otherwise it is the insert's own coding
    /// sequence.
    pub(super) fn of_part(kind: &FeatureKind, edit: &crate::core::edit::Edit) -> Self {
        let marker =
            || !edit.span.is_empty() || edit.feature.as_ref().is_some_and(|f| f.fusion.is_some());
        match kind {
            FeatureKind::Cds if marker() => Self::Marker,
            FeatureKind::Cds => Self::Cds,
            other => match other.as_str() {
                "promoter" => Self::Promoter,
                "terminator" => Self::Terminator,
                "CDS" if marker() => Self::Marker,
                "CDS" | "CDS_region" => Self::Cds,
                _ => Self::OtherPart,
            },
        }
    }

    /// A CSS class name.
    pub fn css(self) -> &'static str {
        match self {
            Self::Whole => "whole",
            Self::Substitution => "substitution",
            Self::Promoter => "promoter",
            Self::Cds => "cds",
            Self::Marker => "marker",
            Self::Terminator => "terminator",
            Self::OtherPart => "other-part",
        }
    }

    /// A word for people (the legend's).
    pub fn label(self) -> &'static str {
        match self {
            Self::Whole => "inserted sequence",
            Self::Substitution => "substituted bases",
            Self::Promoter => "promoter",
            Self::Cds => "CDS or tag",
            Self::Marker => "marker",
            Self::Terminator => "terminator",
            Self::OtherPart => "part",
        }
    }

    /// The kind of an edit's sequence as a whole: bases changed in place
    /// ([`InsertKind::Substitution`]) or an inserted (or replacing) sequence.
    pub fn of_whole(edit: &Edit) -> Self {
        if edit.feature.is_none()
            && !edit.span.is_empty()
            && edit.span.len() == edit.sequence.len() as u64
        {
            Self::Substitution
        } else {
            Self::Whole
        }
    }

    /// The part kinds, in the legend's order.
    pub const PARTS: [InsertKind; 4] = [Self::Cds, Self::Marker, Self::Promoter, Self::Terminator];
}

/// Which inserted shape: the edit and, for a part, its index among the inserted feature's parts.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct InsertRef {
    /// The edit whose bases it is.
    pub edit: EditId,
    /// The part (index into [`InsertedFeature::children`]); `None` for the whole insert.
    pub part: Option<usize>,
}

/// An inserted sequence or one of its parts on the track, or several tiny ones merged
/// (`count > 1`).
#[derive(Clone, Debug, PartialEq)]
pub struct InsertItem {
    /// What it draws (the first one, when merged).
    pub what: InsertRef,
    /// Shapes drawn by this item.
    pub count: u32,
    /// Whole insert or part.
    pub kind: InsertKind,
    /// Edited bases covered.
    pub span: Span,
    /// Left edge (px, in the scale's frame).
    pub x0: f64,
    /// Right edge (px).
    pub x1: f64,
    /// Row, 0 at the top (shared with the genes).
    pub row: u32,
    /// Strand on the contig.
    pub strand: Strand,
    /// Its name ("kanMX4", "TEF promoter (A. gossypii)"), or "12 inserts" when merged.
    pub name: String,
    /// Whether `name` fits as a label under it.
    pub labelled: bool,
    /// A sentence for assistive technology and tooltips.
    pub description: String,
}

impl InsertItem {
    /// Whether this item stands for several shapes.
    pub fn is_merged(&self) -> bool {
        self.count > 1
    }

    /// The centre (px).
    pub fn centre(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// A part's span on the contig, given the inserted bases' span `insert` and the insert's
/// `strand`: `offset` is in the insert's orientation, so on the reverse strand it counts from the
/// insert's end. Offsets past the insert are cut to it.
pub fn part_span(insert: Span, strand: Strand, offset: Span) -> Span {
    let (s, len) = (insert.start().get(), insert.len());
    let (a, b) = (offset.start().get().min(len), offset.end().get().min(len));
    if strand == Strand::Reverse {
        Span::from_raw(s + len - b, s + len - a)
    } else {
        Span::from_raw(s + a, s + b)
    }
}

/// The strand of a part on the contig, from the insert's strand and the part's within it.
pub(super) fn combine(insert: Strand, part: Strand) -> Strand {
    match (insert, part) {
        (Strand::Reverse, Strand::Forward) => Strand::Reverse,
        (Strand::Reverse, Strand::Reverse) => Strand::Forward,
        (_, p) => p,
    }
}

/// The name an inserted sequence goes by: its feature's name or ID, the edit's label, else what
/// it is.
pub fn insert_name(edit: &Edit) -> String {
    edit.feature
        .as_ref()
        .and_then(|f: &InsertedFeature| f.name.clone().or_else(|| f.id.clone()))
        .or_else(|| edit.label.clone())
        .unwrap_or_else(|| "inserted sequence".to_owned())
}

/// Where an edit's bases went in, or what they replaced, in reference coordinates, for people:
/// `inserted after I:145,000 (reference)`, `replaces I:142,175–143,531 (reference, 1,357 bp)`.
pub fn reference_words(genome: &Genome, edit: &Edit) -> String {
    let contig = &genome.contig(edit.contig).name;
    if edit.span.is_empty() {
        format!(
            "inserted after {contig}:{} (reference)",
            thousands(edit.span.start().get())
        )
    } else {
        format!(
            "replaces {contig}:{} (reference, {} bp)",
            edit.span,
            thousands(edit.span.len())
        )
    }
}
