//! The JSON shape of edits (part of the genotype spec contract): 1-based, inclusive coordinates;
//! `insert` puts its bases after base `pos` (0 = before the first); `seqid` may be any name the
//! contig answers to.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::coord::{Pos, Span};
use crate::core::edit::{Edit, EditError, EditOp, EditRequest, InsertedFeature, SubFeature};
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureKind;
use crate::core::strand::Strand;

/// A feature annotating inserted bases, as written in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureJson {
    /// Type (default `insertion`).
    #[serde(rename = "type", default = "default_kind")]
    pub kind: String,
    /// `ID`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `Name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `+`, `-` or `.` (default `+`).
    #[serde(default = "default_strand")]
    pub strand: String,
    /// Other attributes.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    /// Parts (a cassette's promoter, CDS, terminator).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<SubFeature>,
    /// An in-frame fusion to a gene (tags).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fusion: Option<crate::core::edit::Fusion>,
}

fn default_kind() -> String {
    "insertion".to_owned()
}

fn default_strand() -> String {
    "+".to_owned()
}

/// One edit as written in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum EditJson {
    /// Remove `start..=end`.
    Delete {
        /// Sequence name.
        seqid: String,
        /// 1-based first base.
        start: u64,
        /// 1-based last base.
        end: u64,
        /// Label.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
    /// Insert after base `pos`.
    Insert {
        /// Sequence name.
        seqid: String,
        /// The base the insertion follows (0 = before the first).
        pos: u64,
        /// Bases, + strand.
        sequence: String,
        /// Annotation of the inserted bases.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        feature: Option<FeatureJson>,
        /// Label.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
    /// Replace `start..=end` by `sequence`.
    Replace {
        /// Sequence name.
        seqid: String,
        /// 1-based first base.
        start: u64,
        /// 1-based last base.
        end: u64,
        /// Bases, + strand.
        sequence: String,
        /// Annotation of the inserted bases.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        feature: Option<FeatureJson>,
        /// Label.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
}

/// The file: `{"edits": [...]}`; other keys are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditsFile {
    /// The edits.
    pub edits: Vec<EditJson>,
}

impl FeatureJson {
    /// Into the core type.
    pub fn to_core(&self) -> Result<InsertedFeature, EditError> {
        let strand = Strand::parse(&self.strand).ok_or_else(|| {
            EditError::BadCoordinates(format!(
                "feature strand '{}' is not + - . or ?",
                self.strand
            ))
        })?;
        Ok(InsertedFeature {
            kind: FeatureKind::parse(&self.kind),
            id: self.id.clone(),
            name: self.name.clone(),
            strand,
            attributes: self
                .attributes
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            children: self.children.clone(),
            fusion: self.fusion.clone(),
        })
    }

    /// From the core type.
    pub fn from_core(f: &InsertedFeature) -> Self {
        Self {
            kind: f.kind.as_str().to_owned(),
            id: f.id.clone(),
            name: f.name.clone(),
            strand: f.strand.symbol().to_string(),
            attributes: f.attributes.iter().cloned().collect(),
            children: f.children.clone(),
            fusion: f.fusion.clone(),
        }
    }
}

/// Bases from JSON text: whitespace (pasted line breaks) removed, case kept.
fn bases(s: &str) -> Vec<u8> {
    s.bytes().filter(|b| !b.is_ascii_whitespace()).collect()
}

impl EditJson {
    /// Resolves names and converts 1-based coordinates into a core request.
    pub fn to_request(&self, genome: &Genome) -> Result<EditRequest, EditError> {
        let contig_of = |seqid: &str| {
            genome
                .contig_by_name(seqid)
                .ok_or_else(|| EditError::UnknownContig(seqid.to_owned()))
        };
        let span_of = |start: u64, end: u64| {
            Span::from_one_based(start, end)
                .map_err(|e| EditError::BadCoordinates(format!("start {start}, end {end}: {e}")))
        };
        Ok(match self {
            Self::Delete {
                seqid,
                start,
                end,
                label,
            } => EditRequest {
                contig: contig_of(seqid)?,
                span: span_of(*start, *end)?,
                sequence: Vec::new(),
                op: EditOp::Delete,
                label: label.clone(),
                feature: None,
            },
            Self::Insert {
                seqid,
                pos,
                sequence,
                feature,
                label,
            } => EditRequest {
                contig: contig_of(seqid)?,
                span: Span::empty_at(Pos(*pos)),
                sequence: bases(sequence),
                op: EditOp::Insert,
                label: label.clone(),
                feature: feature.as_ref().map(FeatureJson::to_core).transpose()?,
            },
            Self::Replace {
                seqid,
                start,
                end,
                sequence,
                feature,
                label,
            } => EditRequest {
                contig: contig_of(seqid)?,
                span: span_of(*start, *end)?,
                sequence: bases(sequence),
                op: EditOp::Replace,
                label: label.clone(),
                feature: feature.as_ref().map(FeatureJson::to_core).transpose()?,
            },
        })
    }

    /// Writes a core edit as JSON (1-based; `seqid` is the contig's canonical name).
    pub fn from_edit(genome: &Genome, e: &Edit) -> Self {
        let seqid = genome.contig(e.contig).name.to_string();
        let (start, end) = e.span.one_based();
        let sequence = String::from_utf8_lossy(&e.sequence).into_owned();
        let feature = e.feature.as_ref().map(FeatureJson::from_core);
        let label = e.label.clone();
        match e.op {
            EditOp::Delete => Self::Delete {
                seqid,
                start,
                end,
                label,
            },
            EditOp::Insert => Self::Insert {
                seqid,
                pos: e.span.start().get(),
                sequence,
                feature,
                label,
            },
            EditOp::Replace => Self::Replace {
                seqid,
                start,
                end,
                sequence,
                feature,
                label,
            },
        }
    }
}
