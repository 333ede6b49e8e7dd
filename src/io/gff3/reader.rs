//! The GFF3 reader: lines → [`Annotation`], through noodles-gff, lenient with diagnostics.
//!
//! It reads in chunks of lines ([`Gff3Parser::parse_chunk`]) so a browser can yield between them.

use rustc_hash::FxHashMap;

use noodles_gff as gff;

use super::attributes_scan;
use super::error::Gff3Error;
use super::repair::{Found, Repair, RepairLog};
use crate::core::coord::{MAX_COORD, Span};
use crate::core::genome::DocItem;
use crate::core::genome::assemble::Annotation;
use crate::core::genome::contig::ContigId;
use crate::core::genome::diagnostics::{Diagnostic, InputKind, Severity};
use crate::core::genome::feature::{Feature, FeatureIdx, FeatureKind, SourceLine};
use crate::core::genome::reconcile::SeqidInfo;
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
    seqids: FxHashMap<Box<str>, u32>,
    out: ParsedGff3,
    version_line: Option<u64>,
    first_content_line: Option<u64>,
    usable_lines: u64,
    skipped: u64,
    first_skip: Option<(u64, String)>,
    gff3_style_features: u64,
    repairs: RepairLog,
    done: bool,
    line: gff::Line,
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
            seqids: FxHashMap::default(),
            out: ParsedGff3::default(),
            version_line: None,
            first_content_line: None,
            usable_lines: 0,
            skipped: 0,
            first_skip: None,
            gff3_style_features: 0,
            repairs: RepairLog::default(),
            done: false,
            line: gff::Line::default(),
        }
    }

    /// Bytes consumed so far.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Parses up to `max_lines` more lines of `data` (the same slice every call). Returns `true` when done.
    pub fn parse_chunk(&mut self, data: &[u8], max_lines: usize) -> Result<bool, Gff3Error> {
        if self.pos == 0 && self.line_no == 0 {
            // Size the vectors once: growing them would copy every feature several times.
            let lines = memchr::memchr_iter(b'\n', data).count() + 1;
            self.out.annotation.features.reserve(lines);
            self.out.annotation.document.reserve(lines);
        }
        let mut reader = gff::io::Reader::new(data.get(self.pos..).unwrap_or(&[]));
        let mut line = std::mem::take(&mut self.line);
        let mut result = Ok(());
        let mut n = 0;
        while !self.done && n < max_lines {
            let before = reader.get_ref().len();
            let read = match reader.read_line(&mut line) {
                Ok(0) | Err(_) => {
                    // Reading a byte slice cannot fail; either way the input is exhausted.
                    self.done = true;
                    break;
                }
                Ok(read) => read,
            };
            let consumed = before - reader.get_ref().len();
            let bytes = &data[self.pos..self.pos + consumed];
            // Blank lines noodles skipped count too; a last line without '\n' still is a line.
            let newlines = memchr::memchr_iter(b'\n', bytes).count() as u64;
            self.line_no += newlines + u64::from(bytes.last() != Some(&b'\n'));
            let line_start = self.pos + consumed - read;
            self.pos += consumed;
            n += 1;
            if let Err(e) = self.line(&line, line_start) {
                result = Err(e);
                break;
            }
        }
        self.line = line;
        result.map(|()| self.done)
    }

    /// Finishes: whole-file checks, and the result.
    pub fn finish(mut self) -> Result<ParsedGff3, Gff3Error> {
        let Some(first) = self.first_content_line else {
            return Err(Gff3Error::Empty);
        };
        if self.usable_lines == 0
            && let Some((line, problem)) = self.first_skip.take()
        {
            return Err(Gff3Error::NoUsableLines {
                skipped: self.skipped,
                line,
                problem,
            });
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
        self.out.diagnostics.extend(self.repairs.diagnostics());
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

    fn line(&mut self, line: &gff::Line, start: usize) -> Result<(), Gff3Error> {
        let bytes: &[u8] = line.as_ref();
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        if let Some(&byte) = bytes
            .iter()
            .find(|&&b| b == 0 || b == 0x7f || (b < 0x20 && b != b'\t' && b != 0x0c))
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
            self.feature(&text, line)
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

    /// Skips a feature line, remembering its ID (when column 9 names one) so that children
    /// naming it as their Parent can be told what happened to it.
    fn skip_feature(&mut self, message: String, cols: &[&str]) {
        if let Some(attrs) = cols.get(8) {
            let (tidy, _) = attributes_scan::tidy(attrs);
            if let Some(id) = attributes_scan::scan(&tidy).id {
                self.out
                    .annotation
                    .dropped_ids
                    .push((id.as_ref().into(), self.line_no));
            }
        }
        self.skip(message);
    }

    /// One feature line: its nine columns read leniently, repaired where the intent is
    /// unambiguous (see [`super::repair`]) and kept in canonical form when anything was repaired;
    /// skipped with an error diagnostic when a column cannot be read.
    fn feature(&mut self, text: &str, _line: &gff::Line) -> Result<(), Gff3Error> {
        let mut cols: Vec<&str> = text.split('\t').collect();
        let mut repairs: Vec<Found> = Vec::new();
        if cols.len() > 9 && cols[9..].iter().all(|c| c.trim().is_empty()) {
            cols.truncate(9);
            repairs.push((Repair::TrailingColumns, None));
        }
        match cols.len() {
            0..=7 => {
                let hint = if text.contains(' ') {
                    " (are the columns separated by spaces instead of tabs?)"
                } else {
                    ""
                };
                self.skip(format!(
                    "it has {} tab-separated column(s); a GFF3 feature line has 9{hint}",
                    cols.len()
                ));
                return Ok(());
            }
            8 => {
                cols.push(".");
                repairs.push((Repair::MissingAttributes, None));
            }
            9 => {}
            n => {
                self.skip_feature(
                    format!(
                        "it has {n} tab-separated columns; a GFF3 feature line has 9 (a tab inside column 9 must be written %09)"
                    ),
                    &cols,
                );
                return Ok(());
            }
        }
        let raw_attributes = cols[8];
        if attributes_scan::looks_like_gtf(raw_attributes) {
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
        let escaped;
        let seqid = if cols[0].contains(char::is_whitespace) {
            repairs.push((Repair::SeqidBlank, None));
            escaped = cols[0]
                .chars()
                .map(|c| {
                    if c.is_whitespace() {
                        let mut buf = [0u8; 4];
                        c.encode_utf8(&mut buf)
                            .bytes()
                            .map(|b| format!("%{b:02X}"))
                            .collect()
                    } else {
                        c.to_string()
                    }
                })
                .collect::<String>();
            escaped.as_str()
        } else {
            cols[0]
        };
        if seqid.is_empty() {
            self.skip_feature("the seqid (column 1) is empty".to_owned(), &cols);
            return Ok(());
        }
        if cols[2].trim().is_empty() {
            self.skip_feature("the type (column 3) is empty".to_owned(), &cols);
            return Ok(());
        }
        let source: &str = if cols[1].is_empty() {
            repairs.push((Repair::EmptySource, None));
            "."
        } else {
            cols[1]
        };
        let (start, end) = match (number(cols[3]), number(cols[4])) {
            (Some(s), Some(e)) => (s, e),
            (None, _) => {
                let c = cols[3];
                self.skip_feature(
                    format!("illegal feature start '{c}' (a 1-based position: a whole number ≥ 1)"),
                    &cols,
                );
                return Ok(());
            }
            (_, None) => {
                let c = cols[4];
                self.skip_feature(
                    format!("illegal feature end '{c}' (a 1-based position: a whole number ≥ 1)"),
                    &cols,
                );
                return Ok(());
            }
        };
        if end > MAX_COORD {
            self.skip_feature(
                format!("feature end {end} is beyond the largest coordinate read (2^62)"),
                &cols,
            );
            return Ok(());
        }
        let span = match Span::from_one_based(start, end) {
            Ok(s) => s,
            Err(e) => {
                self.skip_feature(format!("{e}"), &cols);
                return Ok(());
            }
        };
        if start.to_string() != cols[3] || end.to_string() != cols[4] {
            repairs.push((Repair::NumberForm, None));
        }
        let c_score = cols[5].trim_matches(' ');
        let score = match c_score {
            "." => None,
            s => match s.parse::<f64>() {
                Ok(v) => Some(v),
                Err(_) => {
                    repairs.push((Repair::BadScore, None));
                    None
                }
            },
        };
        if c_score.len() != cols[5].len() {
            repairs.push((Repair::NumberForm, None));
        }
        let c_strand = cols[6].trim_matches(' ');
        let strand = Strand::parse(c_strand).unwrap_or_else(|| {
            let d = format!("strand '{c_strand}' is not one of + - . ?");
            repairs.push((Repair::BadStrand, Some(d)));
            Strand::Unknown
        });
        let c_phase = cols[7].trim_matches(' ');
        if c_strand.len() != cols[6].len() || c_phase.len() != cols[7].len() {
            repairs.push((Repair::NumberForm, None));
        }
        let phase = match c_phase {
            "." => None,
            p => Phase::parse(p).or_else(|| {
                repairs.push((Repair::BadPhase, None));
                None
            }),
        };
        let kind = FeatureKind::parse(cols[2]);
        let (attributes, attribute_repairs) = attributes_scan::tidy(raw_attributes);
        repairs.extend(attribute_repairs);
        let scanned = attributes_scan::scan(&attributes);
        for problem in &scanned.problems {
            self.warn(Severity::Warning, problem.clone());
        }
        self.usable_lines += 1;

        let contig = self.seqid(seqid);
        let info = &mut self.out.annotation.seqids[contig as usize];
        info.feature_count += 1;
        info.max_feature_end = info.max_feature_end.max(end);
        info.circular |= scanned.circular;
        if kind.is_sequence_level() && start == 1 {
            info.region_feature_end = Some(info.region_feature_end.unwrap_or(0).max(end));
            info.aliases
                .extend(scanned.aliases.iter().map(|a| Box::<str>::from(a.as_ref())));
        }
        let source_line = if repairs.is_empty() {
            SourceLine::new(self.line_no, text.into(), text.len() - raw_attributes.len())
        } else {
            for r in &repairs {
                self.repairs.note(r, self.line_no);
            }
            let score_text = score.map_or_else(|| ".".to_owned(), |_| c_score.to_owned());
            let phase_text = phase.map_or_else(|| ".".to_owned(), |p| p.to_string());
            let head = format!(
                "{seqid}\t{source}\t{}\t{start}\t{end}\t{score_text}\t{strand}\t{phase_text}\t",
                cols[2]
            );
            let at = head.len();
            SourceLine::new(self.line_no, format!("{head}{attributes}").into(), at)
        };
        let idx = FeatureIdx(self.out.annotation.features.len() as u32);
        self.out.annotation.features.push(Feature {
            kind,
            source: source.into(),
            contig: ContigId(contig),
            span,
            strand,
            phase,
            score,
            id: scanned.id.map(|s| s.as_ref().into()),
            name: scanned.name.map(|s| s.as_ref().into()),
            parents: scanned.parents.iter().map(|p| p.as_ref().into()).collect(),
            source_line,
        });
        self.out.annotation.document.push(DocItem::Feature(idx));
        Ok(())
    }
}

/// A 1-based coordinate: a whole number ≥ 1, blanks around it allowed (a repair).
fn number(col: &str) -> Option<u64> {
    let t = col.trim_matches(' ');
    if t.is_empty()
        || !t
            .trim_start_matches('+')
            .bytes()
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    t.parse::<u64>().ok().filter(|&n| n >= 1)
}
