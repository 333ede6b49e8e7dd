//! Edits over the immutable reference: what they are, how they are validated, how they compose.
//!
//! An edit is, on one contig, a reference span `[start, end)` (empty for an insertion) whose bases
//! are replaced by a sequence (empty for a deletion). All coordinates are reference coordinates,
//! so edits are order-independent; [`layout::ContigLayout`] derives the edited genome from them.

pub mod annotation_check;
pub mod helpers;
pub mod json;
pub mod layout;
pub(crate) mod validate;

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::core::coord::{Pos, Span};
use crate::core::genome::contig::ContigId;
use crate::core::genome::feature::FeatureKind;
use crate::core::strand::Strand;

pub use validate::{EditDesc, EditError, check_sequence};

/// A stable identifier of an edit within a design (never reused after removal), stored 0-based
/// (the spec's, the edits JSON's and the report's `id`); shown to people 1-based, `#1` for the
/// first edit, by `Display` — the number the edit list shows. A message that names an edit
/// (a refusal, the CLI, an export's fallback name) cites both with [`EditId::cited`],
/// `#4 (id 3)`, so the reader of a spec finds the edit by its `id` and the user of the edit list
/// by its number; the browser's UI shows the number alone (`view::edit_rows::as_listed`;
/// ARCHITECTURE.md, invariants).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EditId(pub u32);

impl fmt::Display for EditId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", u64::from(self.0) + 1)
    }
}

impl EditId {
    /// The edit as messages cite it: the edit list's number and the spec's `id`, `#4 (id 3)`.
    pub fn cited(self) -> CitedEditId {
        CitedEditId(self)
    }
}

/// An [`EditId`] displayed as messages cite it: `#4 (id 3)` ([`EditId::cited`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct CitedEditId(EditId);

impl fmt::Display for CitedEditId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (id {})", self.0, self.0.0)
    }
}

/// What an edit does.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EditOp {
    /// Remove reference bases.
    Delete,
    /// Add bases between two reference bases.
    Insert,
    /// Replace reference bases by other bases.
    Replace,
}

impl fmt::Display for EditOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Delete => "delete",
            Self::Insert => "insert",
            Self::Replace => "replace",
        })
    }
}

/// A sub-feature of an inserted feature (a cassette's promoter, CDS, terminator), in coordinates
/// relative to the inserted bases read in the insert's orientation. Unknown keys are errors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubFeature {
    /// Type.
    #[serde(rename = "type")]
    pub kind: FeatureKind,
    /// Name.
    pub name: Option<String>,
    /// Range within the inserted sequence, in the insert's orientation (written 1-based, inclusive).
    #[serde(with = "crate::core::coord::one_based")]
    pub offset: Span,
    /// Strand relative to the insert (`+` = same orientation as the insert).
    pub strand: Strand,
    /// Phase, for CDS.
    #[serde(default)]
    pub phase: Option<u8>,
    /// `ID`, for a part other parts name as their parent (a gene, its mRNA); unique in the edited
    /// annotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The `ID` of the part it belongs to (an mRNA's gene, a CDS's mRNA); absent: the inserted
    /// feature itself, except for a gene-like part, which stands alone (a top-level gene, as in
    /// the reference annotation). CDS parts with the same parent form one coding chain for their phases.
    /// The GFF3 writes a parent-less CDS part of an insert that is no gene (a marker cassette's
    /// ORF) with an exon under a gene → mRNA of its own, over the CDS's bases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// The annotation an insertion or replacement adds: exactly the inserted bases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InsertedFeature {
    /// Type (`gene`, `insertion`, …).
    #[serde(rename = "type")]
    pub kind: FeatureKind,
    /// `ID`, unique in the edited annotation.
    pub id: Option<String>,
    /// `Name`.
    pub name: Option<String>,
    /// Strand on the contig.
    pub strand: Strand,
    /// Further attributes (decoded tag, decoded value), written %-escaped.
    #[serde(default)]
    pub attributes: Vec<(String, String)>,
    /// Sub-features (a cassette's parts), placed in the insert's orientation.
    #[serde(default)]
    pub children: Vec<SubFeature>,
    /// Set when the inserted bases extend a gene's protein in frame (an N- or C-terminal tag).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fusion: Option<Fusion>,
    /// `ID`s of reference genes this annotation replaces: while the edit is enabled they are
    /// dropped from the edited annotation (status `superseded`, with their lines) even where some of
    /// their bases remain — MATa's swap supersedes MATα1 and MATα2, whose leftover bases in X
    /// and Z1 encode no α protein.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supersedes: Vec<String>,
}

impl InsertedFeature {
    /// Where `part` lies when the feature covers edited `s..t` (0-based, half-open): its offset is
    /// in the insert's orientation, so on − it is counted from `t`.
    pub fn part_span(&self, part: &SubFeature, s: u64, t: u64) -> (u64, u64) {
        let (a, b) = (part.offset.start().get(), part.offset.end().get());
        if self.strand == Strand::Reverse {
            (t - b, t - a)
        } else {
            (s + a, s + b)
        }
    }

    /// `part`'s strand on the contig: its own (relative to the insert), turned with the insert.
    pub fn part_strand(&self, part: &SubFeature) -> Strand {
        match (self.strand == Strand::Reverse, part.strand) {
            (true, Strand::Forward) => Strand::Reverse,
            (true, Strand::Reverse) => Strand::Forward,
            (_, st) => st,
        }
    }

    /// The `ID` the edited GFF3 writes it with: its own, or `genoforge_edit_N` (`N` the edit's
    /// id, 0-based as in the spec) when it has parts that need a parent; `None` otherwise.
    pub fn written_id(&self, edit: EditId) -> Option<String> {
        self.id
            .clone()
            .or_else(|| (!self.children.is_empty()).then(|| format!("genoforge_edit_{}", edit.0)))
    }

    /// The `ID` of the gene the edited GFF3 writes over the part `i` when that part is an ORF of
    /// its own — a CDS with no parent in a feature that is no gene or mRNA (a marker cassette's
    /// ORF: `kan` in kanMX4 and kanMX6) — as `{top}_{name}` (`top` the feature's written ID,
    /// [`Self::written_id`]; `name` the part's, else `CDS{i}`); `None` for other parts. The gene
    /// nodes list that gene, `inserted`.
    pub fn orf_gene_id(&self, top: &str, i: usize) -> Option<String> {
        let child = self.children.get(i)?;
        (child.kind == FeatureKind::Cds
            && child.parent.is_none()
            && !self.kind.is_gene_like()
            && self.kind != FeatureKind::Mrna)
            .then(|| {
                format!(
                    "{top}_{}",
                    child.name.clone().unwrap_or_else(|| format!("CDS{i}"))
                )
            })
    }

    /// Every `ID` it writes: its own, then its parts'.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.id
            .as_deref()
            .into_iter()
            .chain(self.children.iter().filter_map(|c| c.id.as_deref()))
    }
}

/// The end of a protein a tag is fused to.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Terminus {
    /// After the start codon (`GFP-PHO5`).
    N,
    /// In place of the stop codon (`PHO5-GFP`).
    C,
}

/// An in-frame fusion: the first `coding` bases of the inserted sequence, read in the gene's
/// orientation, join the gene's coding sequence (for a C-terminal tag, the tag's codons and its
/// stop codon; for an N-terminal tag, all of the inserted bases). Lift-over extends the gene's
/// lines (gene, mRNA, exon, CDS) that end at the replaced stop codon over those bases, and marks
/// the lines the tag joins as fused (`crate::core::lift::FeatureStatus::Fused`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fusion {
    /// `ID` of the gene's top-level line in the annotation (`gene:YBR093C`).
    pub gene_id: String,
    /// Which end of the protein.
    pub terminus: Terminus,
    /// Coding bases of the insert, counted from its 5′ end in the gene's orientation.
    pub coding: u64,
}

/// One edit, in reference coordinates.
#[derive(Clone, PartialEq, Eq)]
pub struct Edit {
    /// Its identifier in the design.
    pub id: EditId,
    /// The contig it changes.
    pub contig: ContigId,
    /// Reference bases removed: empty for an insertion (then `span.start()` is the gap).
    pub span: Span,
    /// Bases put in their place, reading on the + strand: empty for a deletion.
    pub sequence: Arc<[u8]>,
    /// What the user asked for (a replacement by an empty sequence is still a replacement).
    pub op: EditOp,
    /// A label for people (`his3Δ1`).
    pub label: Option<String>,
    /// Annotation of the inserted bases.
    pub feature: Option<InsertedFeature>,
}

/// Bases for debug output: length and the first few letters, not thousands of numbers.
pub(crate) struct Abbrev<'a>(pub &'a [u8]);

impl fmt::Debug for Abbrev<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let head = String::from_utf8_lossy(&self.0[..self.0.len().min(12)]);
        let more = if self.0.len() > 12 { "…" } else { "" };
        write!(f, "{} bp \"{head}{more}\"", self.0.len())
    }
}

impl fmt::Debug for Edit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Edit")
            .field("id", &self.id)
            .field("contig", &self.contig)
            .field("span", &self.span)
            .field("sequence", &Abbrev(&self.sequence))
            .field("op", &self.op)
            .field("label", &self.label)
            .field("feature", &self.feature.as_ref().map(|f| (&f.kind, &f.id)))
            .finish()
    }
}

impl Edit {
    /// The gap an insertion goes into (its span's start).
    pub fn gap(&self) -> Pos {
        self.span.start()
    }

    /// Whether it only adds bases.
    pub fn is_insertion(&self) -> bool {
        self.span.is_empty()
    }

    /// Net change of the contig's length.
    pub fn length_change(&self) -> i64 {
        self.sequence.len() as i64 - self.span.len() as i64
    }

    /// Ordering key on a contig: by start, an insertion before a span starting at its gap.
    pub(crate) fn sort_key(&self) -> (u64, u64) {
        (self.span.start().get(), self.span.end().get())
    }
}

/// An edit before it has an id: what users and files describe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditRequest {
    /// The contig.
    pub contig: ContigId,
    /// Reference span removed (empty for an insertion).
    pub span: Span,
    /// Bases inserted (+ strand).
    pub sequence: Vec<u8>,
    /// What kind of edit it is.
    pub op: EditOp,
    /// Label.
    pub label: Option<String>,
    /// Annotation of the inserted bases.
    pub feature: Option<InsertedFeature>,
}
