//! FASTA reading through noodles-fasta, with line-exact diagnostics.

use noodles_fasta as fasta;

use crate::core::genome::assemble::SequenceRecord;
use crate::core::genome::diagnostics::{Diagnostic, InputKind, Severity};
use crate::core::genome::reconcile::RecordInfo;
use crate::core::seq::is_iupac;

/// The FASTA input as a whole is unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FastaError {
    /// Nothing but whitespace.
    #[error("the FASTA file is empty")]
    Empty,
    /// The first line is not a `>` header.
    #[error(
        "line {line}: a FASTA file starts with a '>' header line, but this line reads '{found}'"
    )]
    NoHeader {
        /// The line.
        line: u64,
        /// The start of what was found.
        found: String,
    },
    /// GFF3 where FASTA was expected.
    #[error("line {line}: this is GFF3 annotation, not FASTA sequence")]
    Gff3 {
        /// The line.
        line: u64,
    },
    /// Not text.
    #[error("line {line}: this is not a text file (found byte 0x{byte:02x}); is it FASTA?")]
    Binary {
        /// Line of the first binary byte.
        line: u64,
        /// The byte.
        byte: u8,
    },
    /// A header line noodles could not read.
    #[error("line {line}: unreadable FASTA header: {detail}")]
    Header {
        /// The line.
        line: u64,
        /// Why.
        detail: String,
    },
}

/// Reads every record of `data`. `first_line` is the 1-based line `data` starts at (for the
/// `##FASTA` section of a GFF3 file), `input` says which input diagnostics belong to.
///
/// Letters that are not IUPAC nucleotide codes are replaced by `N` and reported with their line;
/// blanks inside sequence lines are dropped and reported.
///
/// ```
/// let (records, diags) = genoforge::io::fasta::read(b">chrI test\nACGT\nAC*T\n", 1).unwrap();
/// assert_eq!(records[0].info.id.as_ref(), "chrI");
/// assert_eq!(records[0].sequence, b"ACGTACNT");
/// assert_eq!(diags[0].line, Some(3));
/// ```
pub fn read(
    data: &[u8],
    first_line: u64,
) -> Result<(Vec<SequenceRecord>, Vec<Diagnostic>), FastaError> {
    let mut diags = Vec::new();
    let lead = data.iter().take_while(|b| b.is_ascii_whitespace()).count();
    if lead == data.len() {
        return Err(FastaError::Empty);
    }
    let lead_lines = count_newlines(&data[..lead]);
    if let Some(&byte) = data
        .iter()
        .take(4096)
        .find(|&&b| b == 0 || b == 0x7f || (b < 0x20 && !b.is_ascii_whitespace()))
    {
        let at = data.iter().position(|&b| b == byte).unwrap_or(0);
        return Err(FastaError::Binary {
            line: first_line + count_newlines(&data[..at]),
            byte,
        });
    }
    let body = &data[lead..];
    let line0 = first_line + lead_lines;
    if body.starts_with(b"##gff-version") {
        return Err(FastaError::Gff3 { line: line0 });
    }
    if body[0] != b'>' {
        let found: String = String::from_utf8_lossy(&body[..body.len().min(40)])
            .lines()
            .next()
            .unwrap_or("")
            .to_owned();
        return Err(FastaError::NoHeader { line: line0, found });
    }

    let mut reader = fasta::io::Reader::new(body);
    let mut records: Vec<SequenceRecord> = Vec::new();
    let mut line = line0;
    let mut consumed = 0usize;
    loop {
        let header_at = consumed;
        let mut def = fasta::record::Definition::default();
        match reader.read_definition(&mut def) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                return Err(FastaError::Header {
                    line,
                    detail: e.to_string(),
                });
            }
        }
        // Reserve the record's raw size (up to the next header) so the sequence never regrows.
        let from = body.len() - reader.get_ref().len();
        let raw_len =
            memchr::memmem::find(&body[from..], b"\n>").map_or(body.len() - from, |i| i + 1);
        let mut seq = Vec::with_capacity(raw_len);
        if let Err(e) = reader.read_sequence(&mut seq) {
            return Err(FastaError::Header {
                line,
                detail: e.to_string(),
            });
        }
        consumed = body.len() - reader.get_ref().len();
        let raw = &body[header_at..consumed];
        let header_line = line;
        line += count_newlines(raw);

        let id: Box<str> = String::from_utf8_lossy(def.name()).into();
        let description = def
            .description()
            .map(|d| Box::<str>::from(String::from_utf8_lossy(d).as_ref()));
        clean_sequence(&mut seq, raw, header_line, &id, &mut diags);
        if seq.is_empty() {
            diags.push(Diagnostic::at_line(
                Severity::Warning,
                InputKind::Fasta,
                header_line,
                format!("sequence '{id}' has no bases"),
            ));
        }
        // Duplicate names are found (with names that differ only in spelling) and reported when
        // records are matched to seqids: `core::genome::reconcile`.
        records.push(SequenceRecord {
            info: RecordInfo {
                id,
                description,
                length: seq.len() as u64,
                line: header_line,
            },
            sequence: seq,
        });
    }
    Ok((records, diags))
}

fn count_newlines(b: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', b).count() as u64
}

/// Drops blanks and replaces non-IUPAC letters by `N`, reporting the first offender's line and column.
fn clean_sequence(
    seq: &mut Vec<u8>,
    raw: &[u8],
    header_line: u64,
    id: &str,
    diags: &mut Vec<Diagnostic>,
) {
    if crate::core::seq::first_non_iupac(seq).is_none() {
        return;
    }
    // Locate the first offender in the raw record (header line excluded) for an exact position.
    let body_start = memchr::memchr(b'\n', raw).map_or(raw.len(), |i| i + 1);
    let mut line = header_line + 1;
    let mut col = 0u64;
    let mut first: Option<(u8, u64, u64)> = None;
    for &b in &raw[body_start..] {
        match b {
            b'\n' => {
                line += 1;
                col = 0;
            }
            b'\r' => {}
            _ => {
                col += 1;
                if !is_iupac(b) && first.is_none() {
                    first = Some((b, line, col));
                }
            }
        }
    }
    let blanks = seq.iter().filter(|&&b| b == b' ' || b == b'\t').count();
    seq.retain(|&b| b != b' ' && b != b'\t');
    let mut replaced = 0usize;
    for b in seq.iter_mut() {
        if !is_iupac(*b) {
            *b = b'N';
            replaced += 1;
        }
    }
    let (byte, l, c) = first.unwrap_or((b'?', header_line, 0));
    let shown = if byte.is_ascii_graphic() {
        format!("'{}'", byte as char)
    } else {
        format!("byte 0x{byte:02x}")
    };
    if replaced > 0 {
        diags.push(Diagnostic::at_line(
            Severity::Error,
            InputKind::Fasta,
            l,
            format!(
                "sequence '{id}': {replaced} character(s) are not IUPAC nucleotide codes and were replaced by N; the first is {shown} at column {c}"
            ),
        ));
    }
    if blanks > 0 {
        diags.push(Diagnostic::at_line(
            Severity::Warning,
            InputKind::Fasta,
            header_line,
            format!("sequence '{id}': {blanks} blank(s) inside sequence lines were ignored"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_and_line_numbers() {
        let data = b"\n>a desc [top=circular]\nACGT\nNN\n\n>b\nacgt\n";
        let (recs, diags) = read(data, 10).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(recs.len(), 2);
        assert_eq!((recs[0].info.line, recs[1].info.line), (11, 15));
        assert_eq!(recs[0].sequence, b"ACGTNN");
        assert!(recs[0].info.says_circular());
        assert_eq!(recs[1].sequence, b"acgt");
    }

    #[test]
    fn rejects_what_is_not_fasta() {
        assert_eq!(read(b"  \n", 1), Err(FastaError::Empty));
        assert!(matches!(
            read(b"##gff-version 3\n", 1),
            Err(FastaError::Gff3 { line: 1 })
        ));
        assert!(matches!(
            read(b"ACGT\n", 1),
            Err(FastaError::NoHeader { line: 1, .. })
        ));
        assert!(matches!(
            read(b"\x00\x01\x02", 1),
            Err(FastaError::Binary { .. })
        ));
    }

    #[test]
    fn non_iupac_is_reported_with_position() {
        let (recs, diags) = read(b">x\nACGT\nAC-T*\n", 1).unwrap();
        assert_eq!(recs[0].sequence, b"ACGTACNTN");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, Some(3));
        assert!(
            diags[0].message.contains("2 character(s)")
                && diags[0].message.contains("'-' at column 3")
        );
    }
}
