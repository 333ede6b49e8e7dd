//! Loading a genome from its files, in small steps so a browser can stay responsive.
//!
//! [`Loader::step`] does a bounded amount of work (decompress a few MB, parse some thousand lines)
//! and reports progress; [`load`] runs it to the end (the CLI and tests).

use crate::core::genome::Genome;
use crate::core::genome::assemble::{SequenceRecord, assemble};
use crate::core::genome::diagnostics::{Diagnostic, InputKind, Severity};
use crate::core::genome::gene_info::GeneInfo;

use super::compress::{Compression, DecompressError, Decompressor};
use super::fasta::{self, FastaError};
use super::feature_table::{self, FeatureTableError};
use super::gff3::{Gff3Error, Gff3Parser, ParsedGff3};

/// One input file: its name (for messages only) and its bytes, plain or compressed.
#[derive(Clone, Debug)]
pub struct InputFile {
    /// File name as the user knows it.
    pub name: String,
    /// The bytes as read.
    pub bytes: Vec<u8>,
}

impl InputFile {
    /// Wraps a named byte buffer.
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> Self {
        Self {
            name: name.into(),
            bytes,
        }
    }
}

/// What to load: GFF3 and/or FASTA (a GFF3 may embed its sequence; a FASTA alone gives a genome
/// without features), and optionally SGD's feature table.
#[derive(Clone, Debug)]
pub struct LoadRequest {
    /// The annotation.
    pub gff: Option<InputFile>,
    /// The sequences.
    pub fasta: Option<InputFile>,
    /// SGD's `SGD_features.tab`.
    pub feature_table: Option<InputFile>,
}

/// A load that cannot produce a genome. Names the file and, where it applies, the line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Neither annotation nor sequence was given.
    #[error("nothing to load: give a GFF3 file, a FASTA file, or both")]
    NothingToLoad,
    /// A compressed file could not be decompressed.
    #[error("{file}: {error}")]
    Decompress {
        /// The file.
        file: String,
        /// Why.
        error: DecompressError,
    },
    /// The GFF3 file is unusable.
    #[error("{file}: {error}")]
    Gff3 {
        /// The file.
        file: String,
        /// Why.
        error: Gff3Error,
    },
    /// The FASTA file is unusable.
    #[error("{file}: {error}")]
    Fasta {
        /// The file.
        file: String,
        /// Why.
        error: FastaError,
    },
    /// The feature table is unusable.
    #[error("{file}: {error}")]
    FeatureTable {
        /// The file.
        file: String,
        /// Why.
        error: FeatureTableError,
    },
}

/// What one input turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputSummary {
    /// File name.
    pub name: String,
    /// Its compression, recognised from its bytes.
    pub compression: Compression,
    /// Bytes as read.
    pub bytes: usize,
    /// Bytes after decompression.
    pub decompressed_bytes: usize,
}

/// A loaded genome with everything the import noticed.
#[derive(Debug)]
pub struct Loaded {
    /// The genome.
    pub genome: Genome,
    /// Diagnostics of every input, in input order.
    pub diagnostics: Vec<Diagnostic>,
    /// The inputs.
    pub inputs: Vec<InputSummary>,
}

/// The stage a load is in.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Decompressing the GFF3, FASTA or feature table.
    Decompressing,
    /// Reading the annotation.
    ReadingAnnotation,
    /// Reading the sequences.
    ReadingSequence,
    /// Reading the feature table.
    ReadingFeatureTable,
    /// Matching names, linking and indexing.
    Indexing,
}

impl Stage {
    /// Words for a progress bar.
    pub fn label(self) -> &'static str {
        match self {
            Self::Decompressing => "Decompressing",
            Self::ReadingAnnotation => "Reading annotation",
            Self::ReadingSequence => "Reading sequence",
            Self::ReadingFeatureTable => "Reading feature table",
            Self::Indexing => "Matching names and indexing",
        }
    }
}

/// Progress of a load.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Progress {
    /// Current stage.
    pub stage: Stage,
    /// Overall fraction done, 0.0–1.0.
    pub fraction: f64,
}

/// Outcome of one [`Loader::step`].
#[derive(Debug)]
pub enum Step {
    /// More to do.
    Progress(Progress),
    /// Finished.
    Done(Box<Loaded>),
}

const GFF: usize = 0;
const FASTA: usize = 1;
const TABLE: usize = 2;
/// Decompressed bytes per step.
const DECOMPRESS_CHUNK: usize = 4 << 20;
/// GFF3 lines per step.
const GFF_CHUNK: usize = 12_000;

/// A load in progress.
pub struct Loader {
    names: [String; 3],
    given: [bool; 3],
    pending: [Option<Decompressor>; 3],
    data: [Option<Vec<u8>>; 3],
    inputs: Vec<InputSummary>,
    stage: Stage,
    current: usize,
    gff: Gff3Parser,
    parsed: Option<ParsedGff3>,
    records: Vec<SequenceRecord>,
    table: Option<Vec<GeneInfo>>,
    diagnostics: Vec<Diagnostic>,
}

impl Loader {
    /// Starts a load.
    pub fn new(req: LoadRequest) -> Self {
        let mut names: [String; 3] = Default::default();
        let mut given = [false; 3];
        let mut pending: [Option<Decompressor>; 3] = [None, None, None];
        let mut inputs = Vec::new();
        for (i, f) in [req.gff, req.fasta, req.feature_table]
            .into_iter()
            .enumerate()
        {
            if let Some(f) = f {
                inputs.push(InputSummary {
                    name: f.name.clone(),
                    compression: Compression::detect(&f.bytes),
                    bytes: f.bytes.len(),
                    decompressed_bytes: 0,
                });
                names[i] = f.name;
                given[i] = true;
                pending[i] = Some(Decompressor::new(f.bytes));
            }
        }
        Self {
            names,
            given,
            pending,
            data: [None, None, None],
            inputs,
            stage: Stage::Decompressing,
            current: GFF,
            gff: Gff3Parser::new(),
            parsed: None,
            records: Vec::new(),
            table: None,
            diagnostics: Vec::new(),
        }
    }

    /// Does a bounded amount of work.
    pub fn step(&mut self) -> Result<Step, LoadError> {
        if !self.given[GFF] && !self.given[FASTA] {
            return Err(LoadError::NothingToLoad);
        }
        match self.stage {
            Stage::Decompressing => self.decompress_step()?,
            Stage::ReadingAnnotation => self.annotation_step()?,
            Stage::ReadingSequence => self.sequence_step()?,
            Stage::ReadingFeatureTable => self.table_step()?,
            Stage::Indexing => return Ok(Step::Done(Box::new(self.assemble()))),
        }
        Ok(Step::Progress(self.progress()))
    }

    /// Current progress.
    pub fn progress(&self) -> Progress {
        let fraction = match self.stage {
            Stage::Decompressing => {
                let done = self.current as f64;
                let within = self.pending[self.current.min(2)]
                    .as_ref()
                    .map_or(0.0, Decompressor::progress);
                0.4 * (done + within) / 3.0
            }
            Stage::ReadingAnnotation => {
                let len = self.data[GFF].as_ref().map_or(1, Vec::len).max(1);
                0.4 + 0.35 * self.gff.position() as f64 / len as f64
            }
            Stage::ReadingSequence => 0.75,
            Stage::ReadingFeatureTable => 0.85,
            Stage::Indexing => 0.9,
        };
        Progress {
            stage: self.stage,
            fraction,
        }
    }

    fn decompress_step(&mut self) -> Result<(), LoadError> {
        while self.current < 3 && self.pending[self.current].is_none() {
            self.current += 1;
        }
        if self.current >= 3 {
            self.stage = Stage::ReadingAnnotation;
            return Ok(());
        }
        let i = self.current;
        let Some(d) = self.pending[i].as_mut() else {
            return Ok(());
        };
        let finished = d
            .step(DECOMPRESS_CHUNK)
            .map_err(|error| LoadError::Decompress {
                file: self.names[i].clone(),
                error,
            })?;
        if finished {
            if let Some(d) = self.pending[i].take() {
                let bytes = d.finish();
                if let Some(s) = self.inputs.iter_mut().find(|s| s.name == self.names[i]) {
                    s.decompressed_bytes = bytes.len();
                }
                self.data[i] = Some(bytes);
            }
            self.current += 1;
        }
        Ok(())
    }

    fn annotation_step(&mut self) -> Result<(), LoadError> {
        if !self.given[GFF] {
            // A FASTA alone: a genome without annotation.
            self.parsed = Some(ParsedGff3::default());
            self.stage = Stage::ReadingSequence;
            return Ok(());
        }
        let data = self.data[GFF].as_deref().unwrap_or(&[]);
        let gff_err = |error| LoadError::Gff3 {
            file: self.names[GFF].clone(),
            error,
        };
        let done = self.gff.parse_chunk(data, GFF_CHUNK).map_err(gff_err)?;
        if done {
            let parser = std::mem::take(&mut self.gff);
            let parsed = parser.finish().map_err(|error| LoadError::Gff3 {
                file: self.names[GFF].clone(),
                error,
            })?;
            self.diagnostics.extend(parsed.diagnostics.iter().cloned());
            self.parsed = Some(parsed);
            self.stage = Stage::ReadingSequence;
        }
        Ok(())
    }

    fn sequence_step(&mut self) -> Result<(), LoadError> {
        if let Some(data) = self.data[FASTA].take() {
            let (records, diags) = fasta::read(&data, 1).map_err(|error| LoadError::Fasta {
                file: self.names[FASTA].clone(),
                error,
            })?;
            self.records.extend(records);
            self.diagnostics.extend(diags);
        }
        let embedded = self.parsed.as_ref().and_then(|p| p.fasta_section);
        if let (Some((offset, line)), Some(gff)) = (embedded, self.data[GFF].as_deref()) {
            embedded_fasta(
                &self.names[GFF],
                gff,
                offset,
                line,
                &mut self.records,
                &mut self.diagnostics,
            )?;
        }
        self.data[GFF] = None;
        self.stage = Stage::ReadingFeatureTable;
        Ok(())
    }

    fn table_step(&mut self) -> Result<(), LoadError> {
        if let Some(data) = self.data[TABLE].take() {
            let (rows, diags) =
                feature_table::read(&data).map_err(|error| LoadError::FeatureTable {
                    file: self.names[TABLE].clone(),
                    error,
                })?;
            self.table = Some(rows);
            self.diagnostics.extend(diags);
        }
        self.stage = Stage::Indexing;
        Ok(())
    }

    fn assemble(&mut self) -> Loaded {
        let annotation = self.parsed.take().map(|p| p.annotation).unwrap_or_default();
        let records = std::mem::take(&mut self.records);
        let (genome, diags) = assemble(annotation, records, self.table.take());
        let mut diagnostics = std::mem::take(&mut self.diagnostics);
        diagnostics.extend(diags);
        Loaded {
            genome,
            diagnostics,
            inputs: std::mem::take(&mut self.inputs),
        }
    }
}

/// Loads a genome in one go, stepping through the same stages as the browser.
pub fn load_stepwise(req: LoadRequest) -> Result<Loaded, LoadError> {
    let mut loader = Loader::new(req);
    loop {
        if let Step::Done(loaded) = loader.step()? {
            return Ok(*loaded);
        }
    }
}

/// Loads a genome in one go. Natively the three inputs are decompressed and parsed on separate
/// threads; the result is identical to [`load_stepwise`] (a test checks this).
#[cfg(not(target_arch = "wasm32"))]
pub fn load(req: LoadRequest) -> Result<Loaded, LoadError> {
    use super::compress::decompress;

    let LoadRequest {
        gff,
        fasta,
        feature_table,
    } = req;
    let summary = |f: &InputFile| InputSummary {
        name: f.name.clone(),
        compression: Compression::detect(&f.bytes),
        bytes: f.bytes.len(),
        decompressed_bytes: 0,
    };
    if gff.is_none() && fasta.is_none() {
        return Err(LoadError::NothingToLoad);
    }
    let mut inputs: Vec<InputSummary> = [gff.as_ref(), fasta.as_ref(), feature_table.as_ref()]
        .into_iter()
        .flatten()
        .map(summary)
        .collect();
    let unpack = |f: InputFile| -> Result<(String, Vec<u8>), LoadError> {
        let bytes = decompress(f.bytes).map_err(|error| LoadError::Decompress {
            file: f.name.clone(),
            error,
        })?;
        Ok((f.name, bytes))
    };
    type Part<T> = Result<(T, Vec<Diagnostic>, usize), LoadError>;
    let (gff_part, fasta_part, table_part) = std::thread::scope(|s| {
        let fasta_job = s.spawn(|| -> Option<Part<Vec<SequenceRecord>>> {
            let f = fasta?;
            Some(unpack(f).and_then(|(name, bytes)| {
                let (records, diags) = fasta::read(&bytes, 1)
                    .map_err(|error| LoadError::Fasta { file: name, error })?;
                Ok((records, diags, bytes.len()))
            }))
        });
        let table_job = s.spawn(|| -> Option<Part<Vec<GeneInfo>>> {
            let f = feature_table?;
            Some(unpack(f).and_then(|(name, bytes)| {
                let (rows, diags) = feature_table::read(&bytes)
                    .map_err(|error| LoadError::FeatureTable { file: name, error })?;
                Ok((rows, diags, bytes.len()))
            }))
        });
        let gff_part = match gff {
            None => Ok((String::new(), Vec::new(), ParsedGff3::default())),
            Some(gff) => unpack(gff).and_then(|(name, bytes)| {
                let parsed = super::gff3::read(&bytes).map_err(|error| LoadError::Gff3 {
                    file: name.clone(),
                    error,
                })?;
                Ok((name, bytes, parsed))
            }),
        };
        (gff_part, join(fasta_job), join(table_job))
    });
    let (gff_name, gff_bytes, parsed) = gff_part?;
    let mut next_input = 0;
    if !gff_name.is_empty() {
        inputs[0].decompressed_bytes = gff_bytes.len();
        next_input = 1;
    }
    let mut diagnostics = parsed.diagnostics;
    let mut records = Vec::new();
    if let Some(part) = fasta_part {
        let (r, d, n) = part?;
        inputs[next_input].decompressed_bytes = n;
        next_input += 1;
        records = r;
        diagnostics.extend(d);
    }
    if let Some((offset, line)) = parsed.fasta_section {
        embedded_fasta(
            &gff_name,
            &gff_bytes,
            offset,
            line,
            &mut records,
            &mut diagnostics,
        )?;
    }
    drop(gff_bytes);
    let mut table = None;
    if let Some(part) = table_part {
        let (rows, d, n) = part?;
        inputs[next_input].decompressed_bytes = n;
        table = Some(rows);
        diagnostics.extend(d);
    }
    let (genome, diags) = assemble(parsed.annotation, records, table);
    diagnostics.extend(diags);
    Ok(Loaded {
        genome,
        diagnostics,
        inputs,
    })
}

/// Joins a worker thread, re-raising its panic (there is none to expect: parsing never panics).
#[cfg(not(target_arch = "wasm32"))]
fn join<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
}

/// Loads a genome in one go (in the browser: without yielding; prefer [`Loader`]).
#[cfg(target_arch = "wasm32")]
pub fn load(req: LoadRequest) -> Result<Loaded, LoadError> {
    load_stepwise(req)
}

/// Reads a GFF3 file's `##FASTA` section (from byte `offset`, line `line`) into `records`.
fn embedded_fasta(
    gff_name: &str,
    gff: &[u8],
    offset: usize,
    line: u64,
    records: &mut Vec<SequenceRecord>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(), LoadError> {
    let section = &gff[offset.min(gff.len())..];
    if section.iter().all(u8::is_ascii_whitespace) {
        diagnostics.push(Diagnostic::at_line(
            Severity::Warning,
            InputKind::Gff3,
            line.saturating_sub(1),
            "the ##FASTA section is empty",
        ));
        return Ok(());
    }
    let (embedded, mut diags) = fasta::read(section, line).map_err(|error| LoadError::Fasta {
        file: format!("{gff_name} (##FASTA section)"),
        error,
    })?;
    for d in &mut diags {
        d.input = InputKind::Gff3;
    }
    for r in embedded {
        if records.iter().any(|x| x.info.id == r.info.id) {
            diagnostics.push(Diagnostic::at_line(
                Severity::Warning,
                InputKind::Gff3,
                r.info.line,
                format!(
                    "sequence '{}' is both in the FASTA file and in the ##FASTA section; the FASTA file's is used",
                    r.info.id
                ),
            ));
        } else {
            records.push(r);
        }
    }
    diagnostics.extend(diags);
    Ok(())
}
