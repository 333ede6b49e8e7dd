//! Contigs: the sequences features lie on.

use serde::{Deserialize, Serialize};

/// Index of a contig in [`crate::core::genome::Genome::contigs`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContigId(pub u32);

impl ContigId {
    /// The index as `usize`.
    pub const fn get(self) -> usize {
        self.0 as usize
    }
}

/// Whether a contig name is the mitochondrial genome's, as the field's files name it: `Mito`
/// (Ensembl, SGD's GFF3), `chrM` / `chrmt` (UCSC, SGD's FASTA), `MT`, `M`, `mitochondrion`,
/// `mitochondrial`, RefSeq's `NC_001224` (with or without a version); case-insensitive, a `chr`
/// prefix allowed.
///
/// ```
/// use genoforge::core::genome::contig::is_mitochondrial;
/// assert!(is_mitochondrial("Mito") && is_mitochondrial("chrmt") && is_mitochondrial("NC_001224.1"));
/// assert!(!is_mitochondrial("XIII") && !is_mitochondrial("chrXIII"));
/// ```
pub fn is_mitochondrial(name: &str) -> bool {
    let l = name.trim().to_ascii_lowercase();
    let l = l.strip_prefix("chr").unwrap_or(&l);
    let l = l.split('.').next().unwrap_or("");
    matches!(
        l,
        "m" | "mt" | "mito" | "mitochondrion" | "mitochondrial" | "nc_001224"
    )
}

/// Linear or circular.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Topology {
    /// A linear molecule (nuclear chromosomes).
    #[default]
    Linear,
    /// A circular molecule (the mitochondrial genome, plasmids).
    Circular,
}

/// One sequence of the genome.
///
/// Its canonical [`Contig::name`] is the GFF3 seqid; names used by other sources (the FASTA
/// record's id, RefSeq, UCSC, `[chromosome=…]`) are in [`Contig::aliases`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contig {
    /// Canonical name: the GFF3 seqid (or the FASTA id for a sequence without features).
    pub name: Box<str>,
    /// Other names this contig is known by.
    pub aliases: Vec<Box<str>>,
    /// Length in bases.
    pub length: u64,
    /// Linear or circular.
    pub topology: Topology,
    /// The bases, when a sequence was loaded for this contig.
    pub sequence: Option<Vec<u8>>,
    /// The FASTA header the sequence came from (without `>`), kept for export.
    pub fasta_header: Option<Box<str>>,
    /// Why the contig's sequence is ambiguous (several input sequences claim its name), when it
    /// is: the load reported it as an error and edits on it are refused.
    pub ambiguity: Option<Box<str>>,
}

impl Contig {
    /// Whether the contig is circular.
    pub fn is_circular(&self) -> bool {
        self.topology == Topology::Circular
    }

    /// Whether `name` is this contig's name or one of its aliases (case-insensitive).
    pub fn is_named(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }
}
