//! Cassettes: sequences with parts (promoter, ORF, terminator) to insert or replace genes with.

use serde::{Deserialize, Serialize};

use crate::core::coord::Span;
use crate::core::edit::{InsertedFeature, SubFeature};
use crate::core::genome::feature::FeatureKind;
use crate::core::seq::revcomp;
use crate::core::strand::Strand;

/// A cassette, read 5′ → 3′ in its own orientation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cassette {
    /// Name as geneticists write it (`kanMX4`).
    pub name: String,
    /// Marker gene description (`kan^r, G418 resistance`).
    pub description: String,
    /// The bases.
    pub sequence: String,
    /// Parts, offsets within `sequence`.
    pub parts: Vec<SubFeature>,
    /// Where it came from (accession and coordinates).
    pub source: String,
    /// The selectable marker module it carries after a tag (`kanMX6`), for designations
    /// (`PHO5-GFP(S65T)::kanMX6`); `None` for a bare tag, a marker cassette or a promoter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

impl Cassette {
    /// The part that is the marker's coding sequence.
    pub fn orf(&self) -> Option<&SubFeature> {
        self.parts.iter().find(|p| p.kind == FeatureKind::Cds)
    }

    /// The name of the tag it carries, as designations write it (`GFP(S65T)` for the
    /// `GFP(S65T)-kanMX6` module): the name of its CDS part starting at its first base, else the
    /// cassette's own name.
    pub fn tag_name(&self) -> String {
        self.parts
            .iter()
            .find(|p| p.kind == FeatureKind::Cds && p.offset.start().get() == 0)
            .and_then(|p| p.name.clone())
            .unwrap_or_else(|| self.name.clone())
    }

    /// The bases to put on the + strand so the cassette reads on `strand`.
    pub fn oriented(&self, strand: Strand) -> Vec<u8> {
        if strand == Strand::Reverse {
            revcomp(self.sequence.as_bytes())
        } else {
            self.sequence.as_bytes().to_vec()
        }
    }

    /// The feature annotating an inserted copy on `strand`, with the cassette's parts.
    pub fn feature(&self, id: Option<String>, strand: Strand) -> InsertedFeature {
        InsertedFeature {
            supersedes: Vec::new(),
            kind: FeatureKind::Other("gene_cassette".into()),
            id,
            name: Some(self.name.clone()),
            strand,
            attributes: Vec::new(),
            children: self.parts.clone(),
            fusion: None,
        }
    }

    /// The part's bases in the cassette's orientation.
    pub fn part_sequence(&self, part: &SubFeature) -> &[u8] {
        &self.sequence.as_bytes()[part.offset.as_range()]
    }

    /// Length in bases.
    pub fn len(&self) -> usize {
        self.sequence.len()
    }

    /// Whether it has no bases.
    pub fn is_empty(&self) -> bool {
        self.sequence.is_empty()
    }
}

/// A part at `[start, end)` of a cassette.
pub fn part(kind: FeatureKind, name: &str, start: u64, end: u64) -> SubFeature {
    SubFeature {
        id: None,
        parent: None,
        phase: (kind == FeatureKind::Cds).then_some(0),
        kind,
        name: Some(name.to_owned()),
        offset: Span::from_raw(start, end),
        strand: Strand::Forward,
    }
}

/// Cassettes by name (case-insensitive): the shipped library plus the user's own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    /// The cassettes, in display order.
    pub cassettes: Vec<Cassette>,
}

impl Library {
    /// A cassette by name.
    pub fn get(&self, name: &str) -> Option<&Cassette> {
        self.cassettes
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name.trim()))
    }

    /// Adds a cassette, replacing one of the same name.
    pub fn insert(&mut self, c: Cassette) {
        match self
            .cassettes
            .iter_mut()
            .find(|x| x.name.eq_ignore_ascii_case(&c.name))
        {
            Some(slot) => *slot = c,
            None => self.cassettes.push(c),
        }
    }
}
