//! Whether a gene is essential, as the Saccharomyces Genome Deletion Project found it: a gene is
//! *essential* when no viable haploid deletion mutant was recovered, *viable* when the deletion
//! strain grew, and *not tested* when the ORF is not in the project's table (no claim either way).
//!
//! Source: the project's `Deletion_primers_PCR_sizes.txt` (column `essential`), Giaever et al.
//! 2002, Nature 418:387–391, doi:10.1038/nature00935; shipped derived as
//! `public/data/deletion_essentiality.tsv` (see `public/ATTRIBUTION.md`).

use std::collections::BTreeMap;

/// The source every claim of this table names.
pub const SOURCE: &str = "Saccharomyces Genome Deletion Project (Giaever et al. 2002, Nature 418:387, doi:10.1038/nature00935)";

/// The shipped table, under `public/`.
pub const PATH: &str = "data/deletion_essentiality.tsv";

/// What the deletion collection says of one ORF.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Essentiality {
    /// Flagged essential: the haploid deletion is not viable.
    Essential,
    /// In the table, not flagged: the haploid deletion strain is viable.
    Viable,
    /// Not in the table: not tested in the deletion collection.
    NotTested,
}

impl Essentiality {
    /// A phrase for people: `essential`, `viable when deleted`, `not tested in the deletion collection`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Essential => "essential",
            Self::Viable => "viable when deleted",
            Self::NotTested => "not tested in the deletion collection",
        }
    }
}

/// The deletion project's verdict per ORF, keyed by upper-case systematic name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EssentialityTable {
    rows: BTreeMap<String, bool>,
}

impl EssentialityTable {
    /// A table from (systematic name, essential) rows; names are upper-cased. A name given twice
    /// with different verdicts is essential if either row says so (the project's table never
    /// disagrees with itself).
    pub fn from_rows<I, S>(rows: I) -> Self
    where
        I: IntoIterator<Item = (S, bool)>,
        S: AsRef<str>,
    {
        let mut out = BTreeMap::new();
        for (name, essential) in rows {
            let e = out
                .entry(name.as_ref().trim().to_ascii_uppercase())
                .or_insert(false);
            *e |= essential;
        }
        Self { rows: out }
    }

    /// The verdict for a systematic name (case-insensitive).
    pub fn of(&self, systematic: &str) -> Essentiality {
        match self.rows.get(&systematic.trim().to_ascii_uppercase()) {
            Some(true) => Essentiality::Essential,
            Some(false) => Essentiality::Viable,
            None => Essentiality::NotTested,
        }
    }

    /// Whether the ORF is flagged essential.
    pub fn is_essential(&self, systematic: &str) -> bool {
        self.of(systematic) == Essentiality::Essential
    }

    /// ORFs in the table.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the table is empty (not loaded).
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// ORFs flagged essential.
    pub fn essential_count(&self) -> usize {
        self.rows.values().filter(|e| **e).count()
    }
}
