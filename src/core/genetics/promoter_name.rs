//! A promoter swap's designation, written and read back: `pGAL1-PHO5` — `p`, the promoter's name
//! (a yeast gene whose upstream region it is, or a library part), a hyphen and the gene's standard
//! name. [`parse_promoter_designation`] reads exactly what [`promoter_designation`] writes.
//!
//! What the string cannot say: how many bases upstream of the gene were replaced, and which
//! bases the promoter is. Read back, a swap replaces the composer's default
//! ([`DEFAULT_UPSTREAM`], 500 bp 5′ of the ATG) — or, when the previous feature is nearer (500 bp
//! would be refused, so the swap cannot have been made that way), everything up to it — and takes the
//! promoter as the composer does ([`crate::core::genetics::promoter::promoter_by_name`]: a gene's
//! own upstream region up to the previous feature, else a library part's promoter);
//! [`assumed_upstream`] says so. A promoter name must start with a capital letter or a digit after
//! the `p` (`pGAL1`, `pTEF`): that is what tells `pGAL1-PHO5` from an N-terminal tag.

use crate::core::genome::Genome;

/// The default length of a replaced promoter, bp (the composer's, and what a promoter swap read
/// from a string replaces).
pub const DEFAULT_UPSTREAM: u64 = 500;

/// What a promoter swap read from a string assumes about the region it replaced, in words.
pub fn assumed_upstream() -> String {
    format!(
        "replaced region: the {DEFAULT_UPSTREAM} bp 5′ of the start codon (the composer's default), or everything up to the previous feature when that is nearer; a genotype string does not record the length"
    )
}

/// `pGAL1-PHO5`.
pub fn promoter_designation(promoter: &str, standard: &str) -> String {
    format!("p{promoter}-{standard}")
}

/// A promoter swap's designation read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PromoterName {
    /// The promoter's name without the `p` (`GAL1`).
    pub promoter: String,
    /// The gene's systematic name.
    pub systematic: String,
    /// The gene's standard name (its systematic name when it has none).
    pub standard: String,
}

impl PromoterName {
    /// The designation, normalised (the gene's standard name as the genome writes it).
    pub fn designation(&self) -> String {
        promoter_designation(&self.promoter, &self.standard)
    }
}

/// Why a token shaped like a promoter swap (`pNAME-GENE`) is not one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PromoterNameError {
    /// The part after the last hyphen names no gene of the genome.
    #[error(
        "'{token}': a promoter swap is written pPROMOTER-GENE, and '{gene}' names no gene ({why})"
    )]
    UnknownGene {
        /// The whole token.
        token: String,
        /// The gene as written.
        gene: String,
        /// Why it does not resolve.
        why: String,
    },
    /// A promoter swap with a marker (`::…`): the writer never adds one.
    #[error("'{0}': a promoter swap (pPROMOTER-GENE) has no marker")]
    Marker(String),
}

/// Reads `pNAME-GENE` (`head` is the token before any `::`, `marker` what follows it):
/// `Ok(None)` when `head` is not of that shape (`p`, then a capital letter or digit, a name, a
/// hyphen, a gene).
pub fn parse_promoter_designation(
    genome: &Genome,
    head: &str,
    marker: Option<&str>,
) -> Result<Option<PromoterName>, PromoterNameError> {
    let Some(rest) = head.strip_prefix('p') else {
        return Ok(None);
    };
    let Some((promoter, gene)) = rest.rsplit_once('-') else {
        return Ok(None);
    };
    if !promoter
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        || gene.is_empty()
    {
        return Ok(None);
    }
    let token = || match marker {
        Some(m) => format!("{head}::{m}"),
        None => head.to_owned(),
    };
    let f = crate::core::edit::helpers::resolve_gene(genome, gene).map_err(|e| {
        PromoterNameError::UnknownGene {
            token: token(),
            gene: gene.to_owned(),
            why: e.to_string(),
        }
    })?;
    if marker.is_some() {
        return Err(PromoterNameError::Marker(token()));
    }
    let (systematic, standard) = genome.gene_names(f);
    Ok(Some(PromoterName {
        promoter: promoter.to_owned(),
        systematic,
        standard,
    }))
}
