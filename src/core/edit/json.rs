//! The JSON shape of edits (part of the genotype spec contract): 1-based, inclusive coordinates;
//! `insert` puts its bases after base `pos` (0 = before the first); `seqid` may be any name the
//! contig answers to.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::coord::{Pos, Span};
use crate::core::edit::{
    Edit, EditError, EditId, EditOp, EditRequest, InsertedFeature, SubFeature,
};
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureKind;
use crate::core::strand::Strand;

/// A feature annotating inserted bases, as written in JSON. Unknown keys are errors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// IDs of reference genes this annotation replaces (dropped while the edit is enabled).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supersedes: Vec<String>,
}

fn default_kind() -> String {
    "insertion".to_owned()
}

fn default_strand() -> String {
    "+".to_owned()
}

/// One edit as written in JSON (edits files and genotype specs alike): `op` says which of the
/// coordinate fields it takes — `delete`: `start`, `end`; `insert`: `pos`, `sequence`;
/// `replace`: `start`, `end`, `sequence` — and [`EditJson::to_request`] refuses the others.
/// Unknown keys are errors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditJson {
    /// The edit's id in the design (a spec's edits all have one; an edits file may give them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<EditId>,
    /// `false`: kept in the design but not applied. Absent means `true`.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub enabled: bool,
    /// What the edit does.
    pub op: EditOp,
    /// Sequence name (any name the contig answers to).
    pub seqid: String,
    /// 1-based first base (delete, replace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<u64>,
    /// 1-based last base, inclusive (delete, replace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<u64>,
    /// insert: the bases go after base `pos` (0 = before the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pos: Option<u64>,
    /// Bases on the + strand (insert, replace): IUPAC codes only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence: Option<String>,
    /// Annotation of the inserted bases (insert, replace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature: Option<FeatureJson>,
    /// Label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// The file: `{"edits": [...]}`. Unknown keys are errors.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
            supersedes: self.supersedes.clone(),
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
            supersedes: f.supersedes.clone(),
        }
    }
}

impl EditJson {
    /// Resolves names and converts 1-based coordinates into a core request. Each `op` takes its
    /// fields and no others; a sequence is IUPAC codes only (no blanks).
    pub fn to_request(&self, genome: &Genome) -> Result<EditRequest, EditError> {
        let bad = |m: String| EditError::BadCoordinates(m);
        let op = self.op;
        let forbid = |field: &str, present: bool| {
            if present {
                Err(bad(format!("{op} takes no \"{field}\"")))
            } else {
                Ok(())
            }
        };
        let need =
            |field: &str, v: Option<u64>| v.ok_or_else(|| bad(format!("{op} needs \"{field}\"")));
        let contig = genome
            .contig_by_name(&self.seqid)
            .ok_or_else(|| EditError::UnknownContig(self.seqid.clone()))?;
        let span = match op {
            EditOp::Insert => {
                forbid("start", self.start.is_some())?;
                forbid("end", self.end.is_some())?;
                Span::empty_at(Pos(need("pos", self.pos)?))
            }
            EditOp::Delete | EditOp::Replace => {
                forbid("pos", self.pos.is_some())?;
                let (start, end) = (need("start", self.start)?, need("end", self.end)?);
                Span::from_one_based(start, end)
                    .map_err(|e| bad(format!("start {start}, end {end}: {e}")))?
            }
        };
        let sequence = match (op, &self.sequence) {
            (EditOp::Delete, s) => {
                forbid("sequence", s.is_some())?;
                forbid("feature", self.feature.is_some())?;
                Vec::new()
            }
            (_, Some(s)) => s.as_bytes().to_vec(),
            (_, None) => return Err(bad(format!("{op} needs \"sequence\""))),
        };
        Ok(EditRequest {
            contig,
            span,
            sequence,
            op,
            label: self.label.clone(),
            feature: self
                .feature
                .as_ref()
                .map(FeatureJson::to_core)
                .transpose()?,
        })
    }

    /// Writes a core edit as JSON (1-based; `seqid` is the contig's canonical name), without id
    /// and enabled flag (the caller sets them where the file records them).
    pub fn from_edit(genome: &Genome, e: &Edit) -> Self {
        let (start, end) = e.span.one_based();
        let spans = e.op != EditOp::Insert;
        Self {
            id: None,
            enabled: true,
            op: e.op,
            seqid: genome.contig(e.contig).name.to_string(),
            start: spans.then_some(start),
            end: spans.then_some(end),
            pos: (!spans).then_some(e.span.start().get()),
            sequence: (e.op != EditOp::Delete)
                .then(|| String::from_utf8_lossy(&e.sequence).into_owned()),
            feature: e.feature.as_ref().map(FeatureJson::from_core),
            label: e.label.clone(),
        }
    }
}
