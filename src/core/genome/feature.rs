//! Features: one per GFF3 feature line, our own type (not the parser's).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::core::coord::Span;
use crate::core::genome::attributes::Attributes;
use crate::core::genome::contig::ContigId;
use crate::core::strand::{Phase, Strand};

/// Index of a feature in [`crate::core::genome::Genome::features`].
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct FeatureIdx(pub u32);

impl FeatureIdx {
    /// The index as `usize`.
    pub const fn get(self) -> usize {
        self.0 as usize
    }
}

macro_rules! feature_kinds {
    ($($(#[$doc:meta])* $variant:ident => $so:literal),* $(,)?) => {
        /// A feature's type (GFF3 column 3). Common Sequence Ontology terms are variants; any other
        /// term is kept verbatim in [`FeatureKind::Other`].
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FeatureKind {
            $($(#[$doc])* $variant,)*
            /// Any other type, as written.
            Other(Box<str>),
        }

        impl FeatureKind {
            /// Parses a type name (exact, case-sensitive, as SO terms are).
            pub fn parse(s: &str) -> Self {
                match s {
                    $($so => Self::$variant,)*
                    other => Self::Other(other.into()),
                }
            }

            /// The type name as written in GFF3.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $so,)*
                    Self::Other(s) => s,
                }
            }
        }
    };
}

feature_kinds! {
    /// `chromosome`
    Chromosome => "chromosome",
    /// `region`
    Region => "region",
    /// `contig`
    Contig => "contig",
    /// `supercontig`
    Supercontig => "supercontig",
    /// `gene`
    Gene => "gene",
    /// `ncRNA_gene`
    NcRnaGene => "ncRNA_gene",
    /// `pseudogene`
    Pseudogene => "pseudogene",
    /// `transposable_element_gene`
    TransposableElementGene => "transposable_element_gene",
    /// `tRNA_gene`
    TrnaGene => "tRNA_gene",
    /// `mRNA`
    Mrna => "mRNA",
    /// `transcript`
    Transcript => "transcript",
    /// `pseudogenic_transcript`
    PseudogenicTranscript => "pseudogenic_transcript",
    /// `exon`
    Exon => "exon",
    /// `CDS`
    Cds => "CDS",
    /// `five_prime_UTR`
    FivePrimeUtr => "five_prime_UTR",
    /// `three_prime_UTR`
    ThreePrimeUtr => "three_prime_UTR",
    /// `intron`
    Intron => "intron",
    /// `tRNA`
    Trna => "tRNA",
    /// `rRNA`
    Rrna => "rRNA",
    /// `snRNA`
    Snrna => "snRNA",
    /// `snoRNA`
    Snorna => "snoRNA",
    /// `ncRNA`
    Ncrna => "ncRNA",
    /// `transposable_element`
    TransposableElement => "transposable_element",
    /// `promoter`
    Promoter => "promoter",
    /// `terminator`
    Terminator => "terminator",
}

impl FeatureKind {
    /// Gene-level kinds: what a user means by "a gene" when naming one.
    pub fn is_gene_like(&self) -> bool {
        matches!(
            self,
            Self::Gene
                | Self::NcRnaGene
                | Self::Pseudogene
                | Self::TransposableElementGene
                | Self::TrnaGene
        )
    }

    /// Kinds that describe a whole sequence rather than a feature on it.
    pub fn is_sequence_level(&self) -> bool {
        matches!(
            self,
            Self::Chromosome | Self::Region | Self::Contig | Self::Supercontig
        )
    }
}

impl fmt::Display for FeatureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for FeatureKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for FeatureKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Self::parse(&s))
    }
}

/// The text of the GFF3 line a feature came from, kept byte-for-byte for lossless export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLine {
    /// 1-based line number in the GFF3 input.
    pub line: u64,
    /// The line without its line terminator.
    pub text: Box<str>,
    /// Byte offset of column 9 in `text` (equal to `text.len()` when the column is missing).
    pub(crate) attributes_at: u32,
}

impl SourceLine {
    /// Wraps one feature line. `attributes_at` is the byte offset where column 9 starts.
    pub fn new(line: u64, text: Box<str>, attributes_at: usize) -> Self {
        let attributes_at = attributes_at.min(text.len()) as u32;
        Self {
            line,
            text,
            attributes_at,
        }
    }

    /// The nine tab-separated columns as written.
    pub fn columns(&self) -> impl Iterator<Item = &str> {
        self.text.splitn(9, '\t')
    }

    /// Column 9, raw.
    pub fn raw_attributes(&self) -> &str {
        &self.text[self.attributes_at as usize..]
    }

    /// The line with column 9 replaced (a repair: the line is then in canonical form there).
    pub fn with_attributes(&self, attributes: &str) -> Self {
        let head = &self.text[..self.attributes_at as usize];
        Self::new(
            self.line,
            format!("{head}{attributes}").into(),
            self.attributes_at as usize,
        )
    }

    /// The line with column 8 (phase) replaced.
    pub fn with_phase(&self, phase: &str) -> Self {
        let cols: Vec<&str> = self.text.splitn(9, '\t').collect();
        if cols.len() < 9 {
            return self.clone();
        }
        let head = format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{phase}\t",
            cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6]
        );
        let at = head.len();
        Self::new(self.line, format!("{head}{}", cols[8]).into(), at)
    }
}

impl Feature {
    /// Replaces the `Parent` values (line text and field), keeping every other byte of column 9.
    pub fn set_parents(&mut self, parents: Vec<Box<str>>) {
        let refs: Vec<&str> = parents.iter().map(AsRef::as_ref).collect();
        let attrs = self.attributes().with_parents(&refs);
        self.source_line = self.source_line.with_attributes(&attrs);
        self.parents = parents;
    }
}

/// One feature line of the annotation.
///
/// Features that share an `ID` (multi-line features such as a CDS split across exons) are separate
/// `Feature`s with the same [`Feature::id`]; [`crate::core::genome::Genome::by_id`] groups them.
#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    /// Type (column 3).
    pub kind: FeatureKind,
    /// Source (column 2), decoded.
    pub source: Box<str>,
    /// The contig it lies on.
    pub contig: ContigId,
    /// Where it lies, 0-based half-open.
    pub span: Span,
    /// Strand (column 7).
    pub strand: Strand,
    /// Phase (column 8); CDS only.
    pub phase: Option<Phase>,
    /// Score (column 6), when given.
    pub score: Option<f64>,
    /// `ID`, decoded.
    pub id: Option<Box<str>>,
    /// `Name`, decoded.
    pub name: Option<Box<str>>,
    /// `Parent` IDs, decoded, in order.
    pub parents: Vec<Box<str>>,
    /// The original line.
    pub source_line: SourceLine,
}

impl Feature {
    /// All attributes (decoded on demand from the original text).
    pub fn attributes(&self) -> Attributes<'_> {
        Attributes::new(self.source_line.raw_attributes())
    }

    /// The systematic name: `gene_id`, else the ID without a `type:` prefix (`gene:YAL001C` → `YAL001C`).
    pub fn systematic_name(&self) -> Option<std::borrow::Cow<'_, str>> {
        if let Some(g) = self.attributes().first("gene_id") {
            return Some(g);
        }
        self.id
            .as_deref()
            .map(|id| std::borrow::Cow::Borrowed(strip_type_prefix(id)))
    }

    /// The name to show a person: `Name`, else the systematic name, else the ID.
    pub fn display_name(&self) -> std::borrow::Cow<'_, str> {
        if let Some(n) = self.name.as_deref() {
            return n.into();
        }
        self.systematic_name()
            .unwrap_or_else(|| self.kind.as_str().into())
    }
}

/// `gene:YAL001C` → `YAL001C`; IDs without a known `type:` prefix are returned as they are.
pub fn strip_type_prefix(id: &str) -> &str {
    const PREFIXES: [&str; 6] = [
        "gene:",
        "transcript:",
        "CDS:",
        "chromosome:",
        "exon:",
        "rna:",
    ];
    PREFIXES
        .iter()
        .find_map(|p| id.strip_prefix(p))
        .unwrap_or(id)
}
