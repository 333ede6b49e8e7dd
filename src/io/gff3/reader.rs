//! The GFF3 reader: lines → [`Annotation`], through noodles-gff, lenient with diagnostics.
//!
//! It reads in chunks of lines ([`Gff3Parser::parse_chunk`]) so a browser can yield between them.

use std::collections::HashMap;

use noodles_gff as gff;

use super::attributes_check;
use super::error::Gff3Error;
use crate::core::assemble::Annotation;
use crate::core::attributes::Attributes;
use crate::core::contig::ContigId;
use crate::core::coord::Span;
use crate::core::diagnostics::{Diagnostic, InputKind, Severity};
use crate::core::feature::{Feature, FeatureIdx, FeatureKind, SourceLine};
use crate::core::genome::DocItem;
use crate::core::reconcile::SeqidInfo;
use crate::core::strand::{Phase, Strand};

/// What reading a GFF3 file produced.
#[derive(Debug, Default)]
pub struct ParsedGff3 {
    /// Features, seqids and document order.
    pub annotation: Annotation,
    /// Where an embedded FASTA section starts: byte offset and 1-based line.
    pub fasta_section: Option<(usize, u64)>,
    /// What was noticed.
    pub diagnostics: Vec<Diagnostic>,
}

/// Incremental GFF3 parser over a byte slice the caller keeps.
pub struct Gff3Parser {
    pos: usize,
    line_no: u64,
    seqids: HashMap<Box<str>, u32>,
    out: ParsedGff3,
    version_line: Option<u64>,
    first_content_line: Option<u64>,
    usable_lines: u64,
    skipped: u64,
    first_skip: Option<(u64, String)>,
    gff3_style_features: u64,
    done: bool,
    line: gff::Line,
    scratch: Vec<u8>,
}

impl Default for Gff3Parser {
    fn default() -> Self {
        Self::new()
    }
}

/// Reads a whole GFF3 file.
///
/// ```
/// let gff = b"##gff-version 3\nI\tsgd\tgene\t335\t649\t.\t+\t.\tID=gene:YAL069W\n";
/// let parsed = genoforge::io::gff3::read(gff).unwrap();
/// assert_eq!(parsed.annotation.features.len(), 1);
/// assert_eq!(parsed.annotation.features[0].span.one_based(), (335, 649));
/// ```
pub fn read(data: &[u8]) -> Result<ParsedGff3, Gff3Error> {
    let mut p = Gff3Parser::new();
    while !p.parse_chunk(data, usize::MAX)? {}
    p.finish()
}

impl Gff3Parser {
    /// A parser at the start of the input.
    pub fn new() -> Self {
        Self {
            pos: 0,
            line_no: 0,
            seqids: HashMap::new(),
            out: ParsedGff3::default(),
            version_line: None,
            first_content_line: None,
            usable_lines: 0,
            skipped: 0,
            first_skip: None,
            gff3_style_features: 0,
            done: false,
            line: gff::Line::default(),
            scratch: Vec::new(),
        }
    }

    /// Bytes consumed so far.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Parses up to `max_lines` more lines of `data` (the same slice every call). Returns `true` when done.
    pub fn parse_chunk(&mut self, data: &[u8], max_lines: usize) -> Result<bool, Gff3Error> {
        let mut n = 0;
        while !self.done && n < max_lines {
            if self.pos >= data.len() {
                self.done = true;
                break;
            }
            let rest = &data[self.pos..];
            let (line, advance) = match memchr::memchr(b'\n', rest) {
                Some(i) => (&rest[..i], i + 1),
                None => (rest, rest.len()),
            };
            let line_start = self.pos;
            self.line_no += 1;
            self.pos += advance;
            n += 1;
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            self.line(line, line_start)?;
        }
        Ok(self.done)
    }

    /// Finishes: whole-file checks, and the result.
    pub fn finish(mut self) -> Result<ParsedGff3, Gff3Error> {
        let Some(first) = self.first_content_line else {
            return Err(Gff3Error::Empty);
        };
        if self.usable_lines == 0 {
            if let Some((line, problem)) = self.first_skip.take() {
                return Err(Gff3Error::NoUsableLines {
                    skipped: self.skipped,
                    line,
                    problem,
                });
            }
        }
        match self.version_line {
            Some(v) if v == first => {}
            _ => self.out.diagnostics.insert(
                0,
                Diagnostic::at_line(
                    Severity::Warning,
                    InputKind::Gff3,
                    first,
                    "the file does not begin with '##gff-version 3'; reading it as GFF3",
                ),
            ),
        }
        if self.out.annotation.features.is_empty() {
            self.out.diagnostics.push(Diagnostic::general(
                Severity::Info,
                InputKind::Gff3,
                "the file has no feature lines",
            ));
        }
        Ok(self.out)
    }

    fn warn(&mut self, severity: Severity, message: impl Into<String>) {
        self.out.diagnostics.push(Diagnostic::at_line(
            severity,
            InputKind::Gff3,
            self.line_no,
            message,
        ));
    }

    fn skip(&mut self, message: String) {
        self.skipped += 1;
        if self.first_skip.is_none() {
            self.first_skip = Some((self.line_no, message.clone()));
        }
        self.warn(Severity::Error, format!("line skipped: {message}"));
    }

    fn line(&mut self, bytes: &[u8], start: usize) -> Result<(), Gff3Error> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        if let Some(&byte) = bytes
            .iter()
            .find(|&&b| b == 0 || (b < 0x20 && b != b'\t' && b != 0x0c))
        {
            return Err(Gff3Error::Binary {
                line: self.line_no,
                byte,
            });
        }
        self.first_content_line.get_or_insert(self.line_no);
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(_) => {
                self.warn(
                    Severity::Warning,
                    "the line is not valid UTF-8; undecodable bytes were replaced by U+FFFD",
                );
                String::from_utf8_lossy(bytes)
            }
        };
        if let Some(rest) = text.strip_prefix("##") {
            self.directive(rest, &text, start)
        } else if text.starts_with('#') {
            self.usable_lines += 1;
            self.out
                .annotation
                .document
                .push(DocItem::Comment(text.as_ref().into()));
            Ok(())
        } else if text.starts_with('>') {
            if self.out.annotation.features.is_empty() && self.usable_lines == 0 {
                return Err(Gff3Error::Fasta { line: self.line_no });
            }
            self.warn(
                Severity::Info,
                "FASTA starts here without a '##FASTA' line; the rest of the file is read as sequence",
            );
            self.out.fasta_section = Some((start, self.line_no));
            self.done = true;
            Ok(())
        } else {
            self.feature(&text)
        }
    }

    fn directive(&mut self, rest: &str, text: &str, start: usize) -> Result<(), Gff3Error> {
        self.usable_lines += 1;
        let rest_trim = rest.trim_end();
        if rest_trim == "#" {
            self.out.annotation.document.push(DocItem::Sync);
        } else if rest_trim == "FASTA" {
            self.out.fasta_section = Some((start + text.len() + 1, self.line_no + 1));
            self.done = true;
        } else if let Some(v) = rest.strip_prefix("gff-version") {
            let v = v.trim();
            match self.version_line {
                Some(first) => self.warn(
                    Severity::Warning,
                    format!("illegal GFF version pragma: a second '##gff-version' line (the first is on line {first}); ignored"),
                ),
                None => {
                    self.version_line = Some(self.line_no);
                    if !v.starts_with('3') {
                        self.warn(
                            Severity::Warning,
                            format!("'##gff-version {v}': only GFF3 is supported; reading the file as GFF3"),
                        );
                    }
                    self.out.annotation.document.push(DocItem::GffVersion(text.into()));
                }
            }
        } else if let Some(v) = rest.strip_prefix("sequence-region") {
            self.sequence_region(v, text);
        } else {
            const KNOWN: [&str; 6] = [
                "feature-ontology",
                "attribute-ontology",
                "source-ontology",
                "species",
                "genome-build",
                "Index-subfeatures",
            ];
            let key = rest.split_whitespace().next().unwrap_or("");
            self.out
                .annotation
                .document
                .push(DocItem::Directive(text.into()));
            if !KNOWN.contains(&key) {
                self.warn(
                    Severity::Info,
                    format!("unknown meta-directive '##{key}'; kept as written"),
                );
            }
        }
        Ok(())
    }

    fn sequence_region(&mut self, fields: &str, text: &str) {
        let parts: Vec<&str> = fields.split_whitespace().collect();
        let [name, s, e] = parts.as_slice() else {
            self.warn(
                Severity::Warning,
                "malformed '##sequence-region' (expected: ##sequence-region seqid start end); ignored",
            );
            return;
        };
        let idx = self.seqid(name);
        self.out.annotation.document.push(DocItem::SequenceRegion {
            contig: ContigId(idx),
            raw: text.into(),
        });
        let (start, end) = match (s.parse::<i64>(), e.parse::<i64>()) {
            (Ok(a), Ok(b)) => (a, b),
            _ => {
                self.warn(
                    Severity::Warning,
                    format!("'##sequence-region {name}' has non-numeric bounds '{s}' '{e}'; they are ignored"),
                );
                return;
            }
        };
        let problem = if start < 0 {
            Some(format!("start '{start}' is negative"))
        } else if end < 0 {
            Some(format!("end '{end}' is negative"))
        } else if start == 0 {
            Some("illegal region start 0 (coordinates are 1-based)".to_owned())
        } else if start > end {
            Some(format!("start {start} is after end {end}"))
        } else {
            None
        };
        if let Some(p) = problem {
            self.warn(
                Severity::Warning,
                format!("'##sequence-region {name}': {p}; the bounds are ignored"),
            );
            return;
        }
        let info = &mut self.out.annotation.seqids[idx as usize];
        if let Some((_, _, first)) = info.sequence_region {
            self.warn(
                Severity::Warning,
                format!("a second '##sequence-region' for '{name}' (the first is on line {first}); the first is used"),
            );
            return;
        }
        info.sequence_region = Some((start as u64, end as u64, self.line_no));
    }

    fn seqid(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.seqids.get(name) {
            return i;
        }
        let i = self.out.annotation.seqids.len() as u32;
        self.out.annotation.seqids.push(SeqidInfo {
            name: name.into(),
            first_line: self.line_no,
            ..Default::default()
        });
        self.seqids.insert(name.into(), i);
        i
    }

    fn feature(&mut self, text: &str) -> Result<(), Gff3Error> {
        let trimmed = text.trim_end_matches([' ', '\t']);
        if trimmed.len() != text.len() && text.matches('\t').count() >= 8 {
            self.warn(
                Severity::Warning,
                "the line ends with blanks; they were removed",
            );
        }
        let text = if trimmed.matches('\t').count() >= 8 {
            trimmed
        } else {
            text
        };
        let tabs = text.matches('\t').count();
        let (record_text, attributes_at): (std::borrow::Cow<'_, str>, usize) = match tabs {
            0..=6 => {
                let hint = if text.contains(' ') {
                    " (are the columns separated by spaces instead of tabs?)"
                } else {
                    ""
                };
                self.skip(format!(
                    "it has {} tab-separated column(s); a GFF3 feature line has 9{hint}",
                    tabs + 1
                ));
                return Ok(());
            }
            7 => {
                self.warn(
                    Severity::Warning,
                    "column 9 (attributes) is missing; read as '.'",
                );
                (format!("{text}\t.").into(), text.len() + 1)
            }
            _ => {
                let at = text
                    .match_indices('\t')
                    .nth(7)
                    .map_or(text.len(), |(i, _)| i + 1);
                if tabs > 8 {
                    self.warn(
                        Severity::Warning,
                        "the line has more than 9 tab-separated columns; the extra tabs are kept in column 9",
                    );
                }
                (text.into(), at)
            }
        };
        let raw_attributes = &record_text[attributes_at..];
        if attributes_check::looks_like_gtf(raw_attributes) {
            if self.gff3_style_features == 0 {
                return Err(Gff3Error::Gtf {
                    line: self.line_no,
                    example: raw_attributes.chars().take(60).collect(),
                });
            }
            self.warn(
                Severity::Warning,
                "column 9 is written GTF-style (key \"value\";), not GFF3-style (key=value)",
            );
        } else {
            self.gff3_style_features += 1;
        }

        self.scratch.clear();
        self.scratch.extend_from_slice(record_text.as_bytes());
        self.scratch.push(b'\n');
        let mut reader = gff::io::Reader::new(&self.scratch[..]);
        if reader.read_line(&mut self.line).is_err() {
            self.skip("the line could not be read".to_owned());
            return Ok(());
        }
        let fields = match self.line.as_record() {
            Some(Ok(r)) => RecordFields::from(&r),
            Some(Err(e)) => {
                self.skip(format!("not a GFF3 feature line: {e}"));
                return Ok(());
            }
            None => return Ok(()),
        };
        let columns: Vec<&str> = record_text.splitn(9, '\t').collect();
        let (start, end) = match (fields.start, fields.end) {
            (Some(s), Some(e)) => (s, e),
            (None, _) => {
                self.skip(format!(
                    "illegal feature start '{}' (a 1-based position: a whole number ≥ 1)",
                    columns[3]
                ));
                return Ok(());
            }
            (_, None) => {
                self.skip(format!(
                    "illegal feature end '{}' (a 1-based position: a whole number ≥ 1)",
                    columns[4]
                ));
                return Ok(());
            }
        };
        let span = match Span::from_one_based(start as u64, end as u64) {
            Ok(s) => s,
            Err(e) => {
                self.skip(format!("{e}"));
                return Ok(());
            }
        };
        if fields.seqid.is_empty() {
            self.skip("the seqid (column 1) is empty".to_owned());
            return Ok(());
        }
        self.usable_lines += 1;
        let strand = Strand::parse(columns[6]).unwrap_or_else(|| {
            self.warn(
                Severity::Warning,
                format!("strand '{}' is not one of + - . ?; read as '?'", columns[6]),
            );
            Strand::Unknown
        });
        let phase = match columns[7] {
            "." => None,
            p => Phase::parse(p).or_else(|| {
                self.warn(
                    Severity::Warning,
                    format!("phase '{p}' is not 0, 1 or 2; ignored"),
                );
                None
            }),
        };
        let kind = FeatureKind::parse(&fields.ty);
        if kind == FeatureKind::Cds && phase.is_none() {
            self.warn(
                Severity::Warning,
                "a CDS without a phase (column 8 must be 0, 1 or 2)",
            );
        }
        let score = match columns[5] {
            "." => None,
            s => s.parse::<f64>().ok().or_else(|| {
                self.warn(
                    Severity::Warning,
                    format!("score '{s}' is not a number; ignored"),
                );
                None
            }),
        };
        for problem in attributes_check::check(raw_attributes) {
            self.warn(Severity::Warning, problem);
        }
        let attrs = Attributes::new(raw_attributes);
        let id = attrs.first("ID").map(|s| Box::<str>::from(s.as_ref()));
        let name = attrs.first("Name").map(|s| Box::<str>::from(s.as_ref()));
        let parents: Vec<Box<str>> = attrs
            .all("Parent")
            .into_iter()
            .map(|p| p.as_ref().into())
            .collect();
        let circular = attrs.first("Is_circular").is_some_and(|v| v == "true");
        let aliases: Vec<Box<str>> = if kind.is_sequence_level() {
            attrs
                .all("Alias")
                .into_iter()
                .map(|a| a.as_ref().into())
                .collect()
        } else {
            Vec::new()
        };

        let contig = self.seqid(&fields.seqid);
        let info = &mut self.out.annotation.seqids[contig as usize];
        info.feature_count += 1;
        info.max_feature_end = info.max_feature_end.max(end as u64);
        info.circular |= circular;
        if kind.is_sequence_level() && start == 1 {
            info.region_feature_end = Some(info.region_feature_end.unwrap_or(0).max(end as u64));
            info.aliases.extend(aliases);
        }

        let idx = FeatureIdx(self.out.annotation.features.len() as u32);
        let source_line = SourceLine::new(self.line_no, record_text.as_ref().into(), attributes_at);
        self.out.annotation.features.push(Feature {
            kind,
            source: fields.source.into(),
            contig: ContigId(contig),
            span,
            strand,
            phase,
            score,
            id,
            name,
            parents,
            source_line,
        });
        self.out.annotation.document.push(DocItem::Feature(idx));
        Ok(())
    }
}

/// Columns 1–5 as noodles decoded them.
struct RecordFields {
    seqid: String,
    source: String,
    ty: String,
    start: Option<usize>,
    end: Option<usize>,
}

impl From<&gff::Record<'_>> for RecordFields {
    fn from(r: &gff::Record<'_>) -> Self {
        Self {
            seqid: r.reference_sequence_name().to_string(),
            source: r.source().to_string(),
            ty: r.ty().to_string(),
            start: r.start().ok().map(usize::from),
            end: r.end().ok().map(usize::from),
        }
    }
}
