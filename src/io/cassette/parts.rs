//! GenBank features as cassette parts: the one way a part (promoter, CDS, terminator, …) is read
//! from a record, whether the record is a shipped plasmid or a file the user opened.

use crate::core::coord::Span;
use crate::core::genome::feature::FeatureKind;
use crate::io::genbank::GbFeature;

/// The part kind a GenBank feature key stands for; `None` for keys that are not parts of an insert
/// (`source`, `rep_origin`, primers…).
pub(crate) fn part_kind(f: &GbFeature) -> Option<FeatureKind> {
    match f.key.as_str() {
        "CDS" => Some(FeatureKind::Cds),
        "promoter" => Some(FeatureKind::Promoter),
        "terminator" => Some(FeatureKind::Terminator),
        "regulatory" => match f.qualifier("regulatory_class") {
            Some("promoter") => Some(FeatureKind::Promoter),
            Some("terminator") => Some(FeatureKind::Terminator),
            _ => None,
        },
        "gene" | "misc_feature" | "5'UTR" | "3'UTR" | "polyA_signal" | "protein_bind" => {
            Some(FeatureKind::parse(&f.key))
        }
        _ => None,
    }
}

/// Where feature `f` lies in the region of its record that starts at base `from` (1-based) and is
/// `len` bases long, as a 0-based half-open span; `None` when it is not wholly inside.
pub(crate) fn part_offset(f: &GbFeature, from: u64, len: u64) -> Option<Span> {
    let (s, e) = (f.location.start(), f.location.end());
    if s < from || e < s || e - from + 1 > len {
        return None;
    }
    Span::from_one_based(s - from + 1, e - from + 1).ok()
}
