//! Writing the edited sequences as FASTA, streaming, one record per contig.

use std::io::{self, Write};

use crate::core::coord::Span;
use crate::core::lift::edited::EditedGenome;

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

/// Writes every contig that has a sequence: `>` its GFF3 seqid, then the input header as the
/// description, naming the design's strain and genotype when it has edits
/// ([`crate::io::design_header::fasta_description`]). Returns the names of contigs skipped for want of a sequence.
pub fn write<W: Write>(
    out: &mut W,
    edited: &EditedGenome<'_>,
    width: Width,
) -> io::Result<Vec<String>> {
    const CHUNK: u64 = 1 << 20;
    let width = width.get();
    let mut skipped = Vec::new();
    let mut buf = Vec::new();
    for (i, contig) in edited.genome.contigs().iter().enumerate() {
        let id = crate::core::genome::contig::ContigId(i as u32);
        if contig.sequence.is_none() {
            skipped.push(contig.name.to_string());
            continue;
        }
        match &contig.fasta_header {
            Some(h) if h.as_ref() != contig.name.as_ref() => writeln!(
                out,
                ">{} {}",
                contig.name,
                crate::io::design_header::fasta_description(h, edited.design)
            )?,
            _ if !edited.design.is_empty() => writeln!(
                out,
                ">{} {}",
                contig.name,
                crate::io::design_header::fasta_description("", edited.design)
            )?,
            _ => writeln!(out, ">{}", contig.name)?,
        }
        let len = edited.contig_len(id);
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
