//! What SGD's `SGD_features.tab` adds to a gene: standard name, aliases, ORF class, description.

use serde::{Deserialize, Serialize};

/// SGD's classification of an ORF (column 3 of `SGD_features.tab`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrfClass {
    /// Verified: a protein product is experimentally established.
    Verified,
    /// Uncharacterized: likely a protein, not yet shown.
    Uncharacterized,
    /// Dubious: unlikely to encode a functional protein.
    Dubious,
    /// Verified, but silenced (e.g. HMLALPHA1).
    VerifiedSilenced,
}

impl OrfClass {
    /// Parses column 3 (`Verified`, `Uncharacterized`, `Dubious`, `Verified|silenced_gene`).
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "Verified" => Some(Self::Verified),
            "Uncharacterized" => Some(Self::Uncharacterized),
            "Dubious" => Some(Self::Dubious),
            s if s.starts_with("Verified|") => Some(Self::VerifiedSilenced),
            _ => None,
        }
    }

    /// Lower-case word for people ("dubious").
    pub fn label(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::Uncharacterized => "uncharacterized",
            Self::Dubious => "dubious",
            Self::VerifiedSilenced => "verified (silenced)",
        }
    }
}

/// One named row of `SGD_features.tab`: what SGD says about one gene (rows without a systematic
/// name are not kept).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneInfo {
    /// 1-based line in the table.
    pub line: u64,
    /// SGD identifier (`S000002143`).
    pub sgdid: Box<str>,
    /// SGD feature type (`ORF`, `tRNA_gene`, `ncRNA_gene`, …).
    pub feature_type: Box<str>,
    /// ORF class, for ORFs.
    pub orf_class: Option<OrfClass>,
    /// Systematic name (`YLR303W`).
    pub systematic: Box<str>,
    /// Standard name (`MET17`).
    pub standard: Option<Box<str>>,
    /// Aliases (`MET25`, `MET15`).
    pub aliases: Vec<Box<str>>,
    /// Free-text description.
    pub description: Option<Box<str>>,
    /// Where the table maps it: (chromosome as written in column 9, `1`…`16`, `17` for the
    /// mitochondrion; start, end) — columns 10–11, 1-based inclusive, start > end on the − strand.
    /// `None` when unmapped.
    pub place: Option<(Box<str>, u64, u64)>,
}
