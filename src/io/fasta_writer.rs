//! Writing the edited sequences as FASTA, streaming, one record per contig.

use std::io::{self, Write};

use crate::core::coord::Span;
use crate::core::lift::edited::EditedGenome;

/// The description written after a contig's name: its input header (id and description), the id
/// left out when it is the name or holds brackets.
fn description<'a>(header: &'a str, name: &str) -> &'a str {
    let (id, rest) = header.split_once(' ').unwrap_or((header, ""));
    if id == name || id.contains(['[', ']']) {
        rest.trim_start()
    } else {
        header
    }
}

/// Line width of written FASTA.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Width {
    /// 60 columns (SGD, Ensembl).
    Sixty,
    /// 80 columns (NCBI).
    Eighty,
}

impl Width {
    fn get(self) -> usize {
        match self {
            Self::Sixty => 60,
            Self::Eighty => 80,
        }
    }
}

/// Why a contig has no record in the written FASTA.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// No sequence was loaded for it.
    NoSequence,
    /// The edits deleted every base.
    DeletedWhole,
}

impl LeftOut {
    /// Words for a warning.
    pub fn reason(self) -> &'static str {
        match self {
            Self::NoSequence => "it has no sequence",
            Self::DeletedWhole => "the edits delete every base",
        }
    }
}

/// Writes every contig that has a sequence and keeps at least one base: `>` its GFF3 seqid, then
/// the input header as the description (its id left out when it holds `[`…`]`, which readers
/// take for tags), naming the design's strain and genotype when it has edits
/// ([`crate::io::design_header::fasta_description`]). Returns the contigs left out and why.
pub fn write<W: Write>(
    out: &mut W,
    edited: &EditedGenome<'_>,
    width: Width,
) -> io::Result<Vec<(String, LeftOut)>> {
    const CHUNK: u64 = 1 << 20;
    let width = width.get();
    let mut skipped = Vec::new();
    let mut buf = Vec::new();
    for (i, contig) in edited.genome.contigs().iter().enumerate() {
        let id = crate::core::genome::contig::ContigId(i as u32);
        if contig.sequence.is_none() {
            skipped.push((contig.name.to_string(), LeftOut::NoSequence));
            continue;
        }
        let len = edited.contig_len(id);
        if len == 0 && contig.length > 0 {
            skipped.push((contig.name.to_string(), LeftOut::DeletedWhole));
            continue;
        }
        let reference = contig
            .fasta_header
            .as_deref()
            .map_or("", |h| description(h, &contig.name));
        let changed = crate::io::design_header::changes_contig(edited.design, id);
        match crate::io::design_header::fasta_description(reference, edited.design, changed).trim()
        {
            "" => writeln!(out, ">{}", contig.name)?,
            d => writeln!(out, ">{} {d}", contig.name)?,
        }
        let mut col = 0usize;
        let mut at = 0u64;
        while at < len {
            let to = (at + CHUNK).min(len);
            buf.clear();
            let Some(chunk) = edited.sequence(
                id,
                Span::from_one_based(at + 1, to).map_err(io::Error::other)?,
            ) else {
                break;
            };
            buf.extend_from_slice(&chunk);
            let mut rest = &buf[..];
            while !rest.is_empty() {
                let take = (width - col).min(rest.len());
                out.write_all(&rest[..take])?;
                col += take;
                rest = &rest[take..];
                if col == width {
                    out.write_all(b"\n")?;
                    col = 0;
                }
            }
            at = to;
        }
        if col > 0 {
            out.write_all(b"\n")?;
        }
    }
    Ok(skipped)
}
