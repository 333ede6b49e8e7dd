//! A tag's designation, written and read back: C-terminal `PHO5-GFP(S65T)` or, with the marker
//! that follows the tag, `PHO5-GFP(S65T)::kanMX6` (the gene's standard name, a hyphen, the tag —
//! the pFA6a/Longtine convention); N-terminal `GFP(S65T)-PHO5` (the tag before the gene, no
//! marker: such tags are inserted seamlessly). [`parse_tag_designation`] reads exactly what
//! [`c_tag_designation`] and [`n_tag_designation`] write; [`tag_cassette`] finds the library
//! cassette a designation names (tag name and marker), as the composer's plan used it.

use crate::core::edit::Terminus;
use crate::core::genetics::cassette::{Cassette, Library};
use crate::core::genome::Genome;

/// `PHO5-GFP(S65T)` or `PHO5-GFP(S65T)::kanMX6` (`standard` as the genome writes it).
pub fn c_tag_designation(standard: &str, tag: &str, marker: Option<&str>) -> String {
    match marker {
        Some(m) => format!("{standard}-{tag}::{m}"),
        None => format!("{standard}-{tag}"),
    }
}

/// `GFP(S65T)-PHO5`.
pub fn n_tag_designation(tag: &str, standard: &str) -> String {
    format!("{tag}-{standard}")
}

/// A tag designation read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagName {
    /// Which end of the protein.
    pub terminus: Terminus,
    /// The gene's systematic name.
    pub systematic: String,
    /// The gene's standard name (its systematic name when it has none).
    pub standard: String,
    /// The tag's name (`GFP(S65T)`): a library cassette's [`Cassette::tag_name`].
    pub tag: String,
    /// The marker after a C-terminal tag (`kanMX6`).
    pub marker: Option<String>,
}

impl TagName {
    /// The designation, normalised (the gene's standard name as the genome writes it).
    pub fn designation(&self) -> String {
        match self.terminus {
            Terminus::C => c_tag_designation(&self.standard, &self.tag, self.marker.as_deref()),
            Terminus::N => n_tag_designation(&self.tag, &self.standard),
        }
    }
}

/// Why a token shaped like a tag is not one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TagNameError {
    /// `GENE-` with nothing after the hyphen, or `::` with no marker.
    #[error(
        "'{0}': a tag is written GENE-TAG or GENE-TAG::marker (C-terminal, PHO5-GFP(S65T)::kanMX6) or TAG-GENE (N-terminal, GFP(S65T)-PHO5)"
    )]
    Shape(String),
    /// An N-terminal tag written with a marker: they are inserted seamlessly, without one.
    #[error(
        "'{0}': an N-terminal tag (TAG-GENE) has no marker; C-terminal ones are GENE-TAG::marker"
    )]
    MarkerOnNTag(String),
}

/// Reads a tag designation (`head` is the token before any `::`, `marker` what follows it):
/// `Ok(None)` when neither side of a hyphen names a gene (not a tag). C-terminal when the part
/// before the first hyphen names a gene, else N-terminal when the part after the last hyphen
/// does; genes resolve by systematic, standard or alias name, case-insensitively.
pub fn parse_tag_designation(
    genome: &Genome,
    head: &str,
    marker: Option<&str>,
) -> Result<Option<TagName>, TagNameError> {
    let token = || match marker {
        Some(m) => format!("{head}::{m}"),
        None => head.to_owned(),
    };
    if marker.is_some_and(|m| m.trim().is_empty()) {
        return Err(TagNameError::Shape(token()));
    }
    let names = |g: &str| {
        crate::core::edit::helpers::resolve_gene(genome, g)
            .ok()
            .map(|f| genome.gene_names(f))
    };
    if let Some((gene, tag)) = head.split_once('-')
        && let Some((systematic, standard)) = names(gene)
    {
        if tag.is_empty() {
            return Err(TagNameError::Shape(token()));
        }
        return Ok(Some(TagName {
            terminus: Terminus::C,
            systematic,
            standard,
            tag: tag.to_owned(),
            marker: marker.map(str::to_owned),
        }));
    }
    if let Some((tag, gene)) = head.rsplit_once('-')
        && let Some((systematic, standard)) = names(gene)
    {
        if tag.is_empty() {
            return Err(TagNameError::Shape(token()));
        }
        if marker.is_some() {
            return Err(TagNameError::MarkerOnNTag(token()));
        }
        return Ok(Some(TagName {
            terminus: Terminus::N,
            systematic,
            standard,
            tag: tag.to_owned(),
            marker: None,
        }));
    }
    Ok(None)
}

/// The library's cassettes whose tag is `tag` and whose marker is `marker` (both compared
/// case-insensitively), in library order: the cassettes a designation can have been made with.
pub fn tag_cassettes<'a>(
    library: &'a Library,
    tag: &str,
    marker: Option<&str>,
) -> Vec<&'a Cassette> {
    library
        .cassettes
        .iter()
        .filter(|c| {
            c.tag_name().eq_ignore_ascii_case(tag)
                && match (c.marker.as_deref(), marker) {
                    (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                    (None, None) => true,
                    _ => false,
                }
        })
        .collect()
}
