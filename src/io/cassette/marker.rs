//! Building a marker cassette from a plasmid's GenBank record: TEF promoter → marker ORF → TEF
//! terminator, located by the record's own feature annotation.

use crate::core::genetics::cassette::{Cassette, part};
use crate::core::genome::feature::FeatureKind;
use crate::io::cassette::parts::part_offset;
use crate::io::genbank::{GbFeature, GbRecord};

/// Why a cassette could not be built from a record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CassetteError {
    /// No forward-strand CDS matching the marker.
    #[error("record '{record}': no CDS matches '{marker}'")]
    NoOrf {
        /// Record name.
        record: String,
        /// What was looked for.
        marker: String,
    },
    /// No promoter or terminator flanking the ORF.
    #[error("record '{record}': no {what} next to the {marker} ORF")]
    NoFlank {
        /// Record name.
        record: String,
        /// promoter or terminator.
        what: &'static str,
        /// The marker.
        marker: String,
    },
}

fn is_promoter(f: &GbFeature) -> bool {
    f.qualifier("regulatory_class") == Some("promoter")
        || f.key == "promoter"
        || f.label()
            .is_some_and(|l| l.to_ascii_uppercase().contains("PRO"))
}

fn is_terminator(f: &GbFeature) -> bool {
    f.qualifier("regulatory_class") == Some("terminator")
        || f.key == "terminator"
        || f.label()
            .is_some_and(|l| l.to_ascii_uppercase().contains("TER"))
}

/// Builds `name` from `record`: the forward CDS whose annotation mentions `marker` (or the first
/// forward CDS when `marker` is empty), the promoter ending within 20 bp before it and the
/// terminator starting within 20 bp after it.
pub fn marker_cassette(
    record: &GbRecord,
    name: &str,
    marker: &str,
    description: &str,
) -> Result<Cassette, CassetteError> {
    let mentions = |f: &GbFeature| {
        marker.is_empty()
            || f.qualifiers.iter().any(|(_, v)| {
                v.to_ascii_lowercase()
                    .contains(&marker.to_ascii_lowercase())
            })
    };
    let orf = record
        .features
        .iter()
        .find(|f| f.key == "CDS" && !f.location.reverse && mentions(f))
        .ok_or_else(|| CassetteError::NoOrf {
            record: record.name.clone(),
            marker: marker.to_owned(),
        })?;
    let (os, oe) = (orf.location.start(), orf.location.end());
    let promoter = record
        .features
        .iter()
        .filter(|f| is_promoter(f) && !f.location.reverse)
        .filter(|f| f.location.end() < os && os - f.location.end() <= 20)
        .max_by_key(|f| f.location.end())
        .ok_or_else(|| CassetteError::NoFlank {
            record: record.name.clone(),
            what: "promoter",
            marker: marker.to_owned(),
        })?;
    let terminator = record
        .features
        .iter()
        .filter(|f| is_terminator(f) && !f.location.reverse)
        .filter(|f| f.location.start() > oe && f.location.start() - oe <= 20)
        .min_by_key(|f| f.location.start())
        .ok_or_else(|| CassetteError::NoFlank {
            record: record.name.clone(),
            what: "terminator",
            marker: marker.to_owned(),
        })?;
    let (from, to) = (promoter.location.start(), terminator.location.end());
    let len = to - from + 1;
    let at = |f: &GbFeature| {
        // Every one of the three lies within [from, to] by construction.
        part_offset(f, from, len).map_or((0, 0), |s| (s.start().get(), s.end().get()))
    };
    let ((ps, pe), (cs, ce), (ts, te)) = (at(promoter), at(orf), at(terminator));
    let seq = &record.sequence[(from - 1) as usize..to as usize];
    Ok(Cassette {
        name: name.to_owned(),
        description: description.to_owned(),
        sequence: String::from_utf8_lossy(seq).to_ascii_uppercase(),
        parts: vec![
            part(FeatureKind::Promoter, "TEF promoter (A. gossypii)", ps, pe),
            part(FeatureKind::Cds, marker, cs, ce),
            part(
                FeatureKind::Terminator,
                "TEF terminator (A. gossypii)",
                ts,
                te,
            ),
        ],
        source: format!("{} {from}..{to}", record.name),
        marker: None,
    })
}

/// A coding sequence from a record's `[start, end]` (1-based), as a cassette with one CDS part.
/// `add_start` prefixes ATG (for a tagging module's ORF that lacks one).
pub fn orf_cassette(
    record: &GbRecord,
    name: &str,
    start: u64,
    end: u64,
    add_start: bool,
    description: &str,
) -> Result<Cassette, CassetteError> {
    let Some(bases) = record
        .sequence
        .get((start.max(1) - 1) as usize..end as usize)
    else {
        return Err(CassetteError::NoOrf {
            record: record.name.clone(),
            marker: format!("{start}..{end}"),
        });
    };
    let mut seq = String::from_utf8_lossy(bases).to_ascii_uppercase();
    if add_start {
        seq.insert_str(0, "ATG");
    }
    let len = seq.len() as u64;
    Ok(Cassette {
        name: name.to_owned(),
        description: description.to_owned(),
        sequence: seq,
        parts: vec![part(FeatureKind::Cds, name, 0, len)],
        source: format!(
            "{} {start}..{end}{}",
            record.name,
            if add_start { " (ATG added)" } else { "" }
        ),
        marker: None,
    })
}

/// The plasmids' GenBank files [`shipped_library`] reads, by file name.
pub const PLASMID_FILES: [&str; 4] = [
    "pFA6a-kanMX4_AJ002680.gb",
    "pAG25_natMX4.gb",
    "pAG32_hphMX4.gb",
    "pFA6a-GFPS65T-kanMX6_AJ002682.gb",
];

/// The shipped cassette library, built from the plasmids' GenBank records: kanMX4 (pFA6a-kanMX4,
/// AJ002680), natMX4 (pAG25), hphMX4 (pAG32), GFP(S65T) (pFA6a-GFP(S65T)-kanMX6, AJ002682) and
/// that plasmid's C-terminal tagging module GFP(S65T)-kanMX6 (its F2…R1 PCR product).
/// `read` returns a file's bytes by name.
pub fn shipped_library(
    read: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<crate::core::genetics::cassette::Library, String> {
    let record = |file: &str| -> Result<GbRecord, String> {
        let bytes = read(file).ok_or_else(|| format!("{file}: missing"))?;
        let mut recs = crate::io::genbank::read(&bytes).map_err(|e| format!("{file}: {e}"))?;
        recs.drain(..)
            .next()
            .ok_or_else(|| format!("{file}: no record"))
    };
    let mut lib = crate::core::genetics::cassette::Library::default();
    for (file, name, marker, what) in [
        (
            PLASMID_FILES[0],
            "kanMX4",
            "kan",
            "kan^r (aminoglycoside phosphotransferase, Tn903): G418/geneticin resistance",
        ),
        (
            PLASMID_FILES[1],
            "natMX4",
            "nat",
            "nat1 (nourseothricin acetyltransferase): clonNAT resistance",
        ),
        (
            PLASMID_FILES[2],
            "hphMX4",
            "hph",
            "hph (hygromycin B phosphotransferase): hygromycin B resistance",
        ),
    ] {
        let rec = record(file)?;
        lib.insert(marker_cassette(&rec, name, marker, what).map_err(|e| format!("{file}: {e}"))?);
    }
    let gfp = record(PLASMID_FILES[3])?;
    let region = gfp
        .features
        .iter()
        .find(|f| f.qualifier("note").is_some_and(|n| n.contains("GFP gene")))
        .ok_or("pFA6a-GFPS65T-kanMX6_AJ002682.gb: no GFP feature")?;
    lib.insert(
        orf_cassette(
            &gfp,
            "GFP(S65T)",
            region.location.start(),
            region.location.end(),
            true,
            "green fluorescent protein, S65T variant (the plasmid's C-terminal tag, with a start codon added)",
        )
        .map_err(|e| e.to_string())?,
    );
    lib.insert(
        crate::io::cassette::amplicon::longtine_tag(
            &gfp,
            "GFP(S65T)-kanMX6",
            "GFP(S65T)",
            "kanMX6",
        )
        .map_err(|e| format!("pFA6a-GFPS65T-kanMX6_AJ002682.gb: {e}"))?,
    );
    Ok(lib)
}
