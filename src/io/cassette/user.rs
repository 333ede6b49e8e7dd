//! User-supplied sequences — pasted text or a file (FASTA, GenBank, or bare bases; gzipped or
//! not) — read into a [`Cassette`] the composer can insert or the library can keep.
//!
//! Letters that are not IUPAC nucleotide codes are refused with their position, never replaced:
//! an insert is what the user will build, so it must be exactly what they gave.

use crate::core::coord::thousands;
use crate::core::edit::SubFeature;
use crate::core::genetics::cassette::Cassette;
use crate::core::genome::feature::FeatureKind;
use crate::core::seq::first_non_iupac;
use crate::core::strand::Strand;
use crate::io::cassette::parts::{part_kind, part_offset};
use crate::io::compress::{Compression, decompress};
use crate::io::genbank::{self, GbRecord};

/// Largest insert accepted (bases): far beyond any cassette, small enough to keep the page quick.
pub const MAX_INSERT: usize = 2_000_000;

/// The bases of an insert, upper-cased, or why they cannot be one (empty, too long, a letter that is
/// not an IUPAC nucleotide code).
fn checked(bases: Vec<u8>, what: &str) -> Result<Vec<u8>, String> {
    if bases.is_empty() {
        return Err(format!("{what} has no bases"));
    }
    if bases.len() > MAX_INSERT {
        return Err(format!(
            "{what} has {} bases; inserts of at most {} are accepted",
            thousands(bases.len() as u64),
            thousands(MAX_INSERT as u64)
        ));
    }
    if let Some(i) = first_non_iupac(&bases) {
        return Err(format!(
            "{what}: “{}” at base {} is not a nucleotide (IUPAC) letter",
            bases[i] as char,
            thousands(i as u64 + 1)
        ));
    }
    Ok(bases.to_ascii_uppercase())
}

/// Bases from sequence lines: whitespace and position numbers (GenBank's ORIGIN) are skipped,
/// every other character is kept (and checked later).
fn bases_of<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<u8> {
    lines
        .flat_map(|l| l.bytes())
        .filter(|b| !b.is_ascii_whitespace() && !b.is_ascii_digit())
        .collect()
}

/// A GenBank record as a cassette: the whole sequence, its CDS, promoters, terminators and other
/// annotated parts (each from its first to its last base).
pub fn cassette_from_genbank(record: &GbRecord, name: &str) -> Result<Cassette, String> {
    let name = if name.trim().is_empty() {
        record.name.clone()
    } else {
        name.trim().to_owned()
    };
    let sequence = checked(record.sequence.clone(), &format!("record {}", record.name))?;
    let len = sequence.len() as u64;
    let parts = record
        .features
        .iter()
        .filter_map(|f| {
            let kind = part_kind(f)?;
            let offset = part_offset(f, 1, len)?;
            Some(SubFeature {
                id: None,
                parent: None,
                phase: (kind == FeatureKind::Cds).then_some(0),
                kind,
                name: f.label().map(str::to_owned),
                offset,
                strand: if f.location.reverse {
                    Strand::Reverse
                } else {
                    Strand::Forward
                },
            })
        })
        .collect();
    Ok(Cassette {
        description: if record.definition.is_empty() {
            format!("GenBank record {}", record.name)
        } else {
            record.definition.clone()
        },
        name,
        sequence: String::from_utf8_lossy(&sequence).into_owned(),
        parts,
        source: format!("GenBank record {}", record.name),
        marker: None,
    })
}

/// Reads text: a GenBank record (`LOCUS …`), FASTA (the first record; `>` header), or bare bases.
/// `name` names the insert; when empty, the record's name is used, else `insert`.
pub fn parse_text(text: &str, name: &str, source: &str) -> Result<Cassette, String> {
    let t = text.trim_start();
    if t.is_empty() {
        return Err("paste a sequence (bases, FASTA or GenBank)".to_owned());
    }
    if t.starts_with("LOCUS") {
        let records = genbank::read(t.as_bytes()).map_err(|e| e.to_string())?;
        let first = records
            .first()
            .ok_or_else(|| "the GenBank text has no record".to_owned())?;
        return cassette_from_genbank(first, name);
    }
    let (header, bases) = if let Some(rest) = t.strip_prefix('>') {
        let mut lines = rest.lines();
        let header = lines.next().unwrap_or("").trim().to_owned();
        let body: Vec<&str> = lines.take_while(|l| !l.starts_with('>')).collect();
        (Some(header), bases_of(body.into_iter()))
    } else {
        (None, bases_of(t.lines()))
    };
    let id = header
        .as_deref()
        .and_then(|h| h.split_whitespace().next())
        .filter(|s| !s.is_empty());
    let name = match (name.trim(), id) {
        ("", Some(id)) => id.to_owned(),
        ("", None) => "insert".to_owned(),
        (n, _) => n.to_owned(),
    };
    let what = id.map_or_else(|| "the sequence".to_owned(), |i| format!("record {i}"));
    let bases = checked(bases, &what)?;
    Ok(Cassette {
        description: header.unwrap_or_else(|| "pasted sequence".to_owned()),
        name,
        sequence: String::from_utf8_lossy(&bases).into_owned(),
        parts: Vec::new(),
        source: source.to_owned(),
        marker: None,
    })
}

/// Reads a file's bytes (gzip allowed): GenBank by name or content, else FASTA or bare bases.
pub fn parse_file(file_name: &str, bytes: Vec<u8>, name: &str) -> Result<Cassette, String> {
    let bytes = match Compression::detect(&bytes) {
        Compression::None => bytes,
        _ => decompress(bytes).map_err(|e| format!("{file_name}: {e}"))?,
    };
    if bytes.iter().take(4096).any(|&b| b == 0) {
        return Err(format!(
            "{file_name}: not a text file (expected FASTA or GenBank)"
        ));
    }
    let text = String::from_utf8_lossy(&bytes);
    let stem = file_name
        .rsplit_once('.')
        .map_or(file_name, |(s, _)| s)
        .trim_end_matches(".fa")
        .to_owned();
    let name = if name.trim().is_empty() && !text.trim_start().starts_with(['>', 'L']) {
        stem
    } else {
        name.to_owned()
    };
    parse_text(&text, &name, &format!("file {file_name}")).map_err(|e| format!("{file_name}: {e}"))
}
