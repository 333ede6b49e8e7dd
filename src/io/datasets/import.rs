//! The streaming importer: bytes pushed in chunks (Blob slices in the browser, reads of a
//! `BufRead` natively), gzip recognised by its magic bytes and inflated as it comes, the format
//! sniffed from the first lines, rows turned into packed keys. The file is never held whole:
//! memory is the keys (8 bytes per row until [`Importer::finish`] sorts and deduplicates them) and
//! one partial record.

use std::io::{BufRead, Write};

use flate2::write::MultiGzDecoder;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::error::ImportError;
use super::format::{ColumnMapping, Format, FormatHint, sniff};
use super::names::NameCache;
use super::readers::{Ctx, RowReader, RowStats};
use super::rows::RecordSplitter;
use crate::core::datasets::data::{DataStatus, DatasetData, SourceFile};
use crate::core::datasets::intern::Interner;
use crate::core::datasets::keyset::KeySet;
use crate::core::datasets::resolve::{GeneResolver, NameReport};
use crate::io::compress::Compression;

/// How to read a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The format asked for; `None` sniffs it.
    pub format: Option<FormatHint>,
    /// Columns named by the user (tables).
    pub mapping: ColumnMapping,
    /// Keep YDL227C (HO) in Kuzmin genotypes.
    pub keep_ho: bool,
}

/// How far an import is.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Bytes fed (as stored: compressed bytes for gzip).
    pub bytes: u64,
    /// Data rows read.
    pub rows: u64,
}

/// What one file gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileImport {
    /// The reader used.
    pub format: Format,
    /// Its keys and source.
    pub data: DatasetData,
    /// Names that did not resolve.
    pub names: NameReport,
    /// Row counts and warnings.
    pub stats: RowStats,
    /// Plain or gzip.
    pub compression: &'static str,
}

/// The longest first line accepted while sniffing.
const MAX_HEADER: usize = 1 << 20;

enum Stage {
    /// Collecting the first lines.
    Sniffing(Vec<u8>),
    /// Reading rows.
    Rows(Box<RecordSplitter>, Box<RowReader>),
    /// Failed or finished.
    Ended,
}

/// A push-style importer for one file.
pub struct Importer {
    name: String,
    options: ImportOptions,
    hasher: Sha256,
    bytes: u64,
    inflated: u64,
    gzip: Option<Option<MultiGzDecoder<Vec<u8>>>>,
    /// The first byte, while waiting for the second to recognise gzip.
    magic: Vec<u8>,
    stage: Stage,
    names: NameCache,
}

impl std::fmt::Debug for Importer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Importer")
            .field("name", &self.name)
            .field("bytes", &self.bytes)
            .finish()
    }
}

impl Importer {
    /// An importer for a file called `name` (kept with the data; never used to guess the format).
    pub fn new(name: &str, options: ImportOptions) -> Self {
        Self {
            name: name.to_owned(),
            options,
            hasher: Sha256::new(),
            bytes: 0,
            inflated: 0,
            gzip: None,
            magic: Vec::new(),
            stage: Stage::Sniffing(Vec::new()),
            names: NameCache::default(),
        }
    }

    /// How far it is.
    pub fn progress(&self) -> Progress {
        let rows = match &self.stage {
            Stage::Rows(_, r) => r.stats.rows,
            _ => 0,
        };
        Progress {
            bytes: self.bytes,
            rows,
        }
    }

    /// The format, once sniffed.
    pub fn format(&self) -> Option<&Format> {
        match &self.stage {
            Stage::Rows(_, r) => Some(r.format()),
            _ => None,
        }
    }

    /// Feeds the next chunk of the file.
    pub fn feed(
        &mut self,
        chunk: &[u8],
        interner: &mut Interner,
        resolver: &dyn GeneResolver,
    ) -> Result<(), ImportError> {
        if chunk.is_empty() {
            return Ok(());
        }
        if matches!(self.stage, Stage::Ended) {
            return Err(ImportError::Ended);
        }
        self.hasher.update(chunk);
        self.bytes += chunk.len() as u64;
        let result = self.inflate(chunk, interner, resolver);
        if result.is_err() {
            self.stage = Stage::Ended;
        }
        result
    }

    fn inflate(
        &mut self,
        chunk: &[u8],
        interner: &mut Interner,
        resolver: &dyn GeneResolver,
    ) -> Result<(), ImportError> {
        if self.gzip.is_none() {
            // The first two bytes decide (gzip's magic); a one-byte first chunk waits for more.
            self.magic.extend_from_slice(chunk);
            if self.magic.len() < 2 {
                return Ok(());
            }
            self.gzip = Some(
                (Compression::detect(&self.magic) != Compression::None)
                    .then(|| MultiGzDecoder::new(Vec::new())),
            );
            let first = std::mem::take(&mut self.magic);
            return self.inflate(&first, interner, resolver);
        }
        let Some(Some(mut decoder)) = self.gzip.take() else {
            self.gzip = Some(None);
            return self.text(chunk, interner, resolver);
        };
        let result = self.inflate_with(&mut decoder, chunk, interner, resolver);
        self.gzip = Some(Some(decoder));
        result
    }

    fn inflate_with(
        &mut self,
        decoder: &mut MultiGzDecoder<Vec<u8>>,
        chunk: &[u8],
        interner: &mut Interner,
        resolver: &dyn GeneResolver,
    ) -> Result<(), ImportError> {
        let mut rest = chunk;
        while !rest.is_empty() {
            let n = decoder.write(rest).map_err(|_| ImportError::Gzip {
                kind: "corrupt",
                at: self.inflated,
            })?;
            if n == 0 {
                // The decoder takes no more input: bytes after the gzip stream ended.
                return Err(ImportError::Gzip {
                    kind: "corrupt",
                    at: self.inflated,
                });
            }
            rest = &rest[n..];
            let out = std::mem::take(decoder.get_mut());
            self.inflated += out.len() as u64;
            self.text(&out, interner, resolver)?;
            *decoder.get_mut() = reuse(out);
        }
        Ok(())
    }

    /// Plain text in.
    fn text(
        &mut self,
        data: &[u8],
        interner: &mut Interner,
        resolver: &dyn GeneResolver,
    ) -> Result<(), ImportError> {
        if data.is_empty() {
            return Ok(());
        }
        if let Stage::Sniffing(buf) = &mut self.stage {
            buf.extend_from_slice(data);
            let Some(first) = first_lines(buf)? else {
                return Ok(());
            };
            let pending = std::mem::take(buf);
            self.start(first, interner, resolver, &pending)?;
            return Ok(());
        }
        self.rows(data, interner, resolver)
    }

    fn start(
        &mut self,
        (first, second, line): (String, Option<String>, u64),
        interner: &mut Interner,
        resolver: &dyn GeneResolver,
        pending: &[u8],
    ) -> Result<(), ImportError> {
        let format = sniff(
            &first,
            second.as_deref(),
            line,
            self.options.format,
            &self.options.mapping,
        )?;
        let (delimiter, quoting) = match &format {
            Format::Table(t) if t.delimiter == ',' => (b',', true),
            Format::Table(t) if t.delimiter == ' ' => (b' ', false),
            _ => (b'\t', false),
        };
        self.stage = Stage::Rows(
            Box::new(RecordSplitter::new(delimiter, quoting)),
            Box::new(RowReader::new(format, self.options.keep_ho)),
        );
        self.rows(pending, interner, resolver)
    }

    fn rows(
        &mut self,
        data: &[u8],
        interner: &mut Interner,
        resolver: &dyn GeneResolver,
    ) -> Result<(), ImportError> {
        let Stage::Rows(splitter, reader) = &mut self.stage else {
            return Ok(());
        };
        let space = matches!(reader.format(), Format::Table(t) if t.delimiter == ' ');
        let mut ctx = Ctx {
            names: &mut self.names,
            interner,
            resolver,
        };
        let mut on = |rec: super::rows::Record<'_>, line: u64| reader.row(rec, line, &mut ctx);
        if space {
            // DCell rows may separate fields by runs of spaces: collapse them.
            let mut squeezed = Vec::with_capacity(data.len());
            let mut prev_space = false;
            for &b in data {
                let is = b == b' ' || b == b'\t';
                if !(is && prev_space) {
                    squeezed.push(if is { b' ' } else { b });
                }
                prev_space = is;
            }
            splitter.feed(&squeezed, &mut on)
        } else {
            splitter.feed(data, &mut on)
        }
    }

    /// Ends the file: reads the last row, checks the gzip stream is complete, sorts the keys.
    pub fn finish(
        mut self,
        interner: &mut Interner,
        resolver: &dyn GeneResolver,
    ) -> Result<FileImport, ImportError> {
        if matches!(self.stage, Stage::Ended) {
            return Err(ImportError::Ended);
        }
        if self.gzip.is_none() && !self.magic.is_empty() {
            let first = std::mem::take(&mut self.magic);
            self.gzip = Some(None);
            self.text(&first, interner, resolver)?;
        }
        let compression = match self.gzip.take() {
            Some(Some(mut d)) => {
                d.try_finish().map_err(|_| ImportError::Gzip {
                    kind: "truncated",
                    at: self.inflated,
                })?;
                let out = std::mem::take(d.get_mut());
                self.inflated += out.len() as u64;
                self.text(&out, interner, resolver)?;
                "gzip"
            }
            _ => "plain",
        };
        if let Stage::Sniffing(buf) = &mut self.stage {
            let pending = std::mem::take(buf);
            let first = last_lines(&pending).ok_or(super::format::SniffError::Empty)?;
            self.start(first, interner, resolver, &pending)?;
        }
        let Stage::Rows(mut splitter, mut reader) =
            std::mem::replace(&mut self.stage, Stage::Ended)
        else {
            return Err(ImportError::Ended);
        };
        let mut ctx = Ctx {
            names: &mut self.names,
            interner,
            resolver,
        };
        splitter.feed(&[], &mut |rec, line| reader.row(rec, line, &mut ctx))?;
        let keys = KeySet::from_unsorted(std::mem::take(&mut reader.keys));
        let source = SourceFile {
            name: self.name.clone(),
            bytes: self.bytes,
            sha256: hex(&self.hasher.finalize()),
        };
        Ok(FileImport {
            format: reader.format().clone(),
            data: DatasetData {
                status: DataStatus::Imported,
                keys,
                records: reader.stats.records,
                sources: vec![source],
            },
            names: std::mem::take(&mut self.names.report),
            stats: reader.take_stats(),
            compression,
        })
    }
}

fn reuse(mut v: Vec<u8>) -> Vec<u8> {
    v.clear();
    v
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The first two non-comment, non-blank lines and the first one's line number, once a third line
/// has started (so the second is complete); `None` to wait for more bytes.
fn first_lines(buf: &[u8]) -> Result<Option<(String, Option<String>, u64)>, ImportError> {
    let complete: Vec<(u64, &[u8])> = buf
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, l)| (i as u64 + 1, l))
        .collect();
    // The last piece may be partial.
    let full = &complete[..complete.len() - 1];
    let content: Vec<&(u64, &[u8])> = full
        .iter()
        .filter(|(_, l)| !l.trim_ascii().is_empty() && !l.starts_with(b"#"))
        .collect();
    if content.len() >= 2 {
        let text = |l: &[u8]| String::from_utf8_lossy(l).trim_end_matches('\r').to_owned();
        return Ok(Some((
            text(content[0].1),
            Some(text(content[1].1)),
            content[0].0,
        )));
    }
    if buf.len() > MAX_HEADER {
        return Err(ImportError::NoLineBreak(MAX_HEADER));
    }
    Ok(None)
}

/// Like [`first_lines`] at the end of the input: whatever lines there are.
fn last_lines(buf: &[u8]) -> Option<(String, Option<String>, u64)> {
    let mut content = buf
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, l)| !l.trim_ascii().is_empty() && !l.starts_with(b"#"))
        .map(|(i, l)| {
            (
                i as u64 + 1,
                String::from_utf8_lossy(l).trim_end_matches('\r').to_owned(),
            )
        });
    let (line, first) = content.next()?;
    Some((first, content.next().map(|(_, s)| s), line))
}

/// Reads a whole `BufRead` through an [`Importer`], calling `on_progress` after each buffer.
pub fn import_reader(
    mut reader: impl BufRead,
    name: &str,
    options: ImportOptions,
    interner: &mut Interner,
    resolver: &dyn GeneResolver,
    mut on_progress: impl FnMut(Progress),
) -> Result<FileImport, ImportError> {
    let mut importer = Importer::new(name, options);
    loop {
        let buf = reader.fill_buf().map_err(|e| ImportError::Read {
            at: importer.bytes,
            message: e.to_string(),
        })?;
        if buf.is_empty() {
            break;
        }
        let n = buf.len();
        importer.feed(buf, interner, resolver)?;
        reader.consume(n);
        on_progress(importer.progress());
    }
    importer.finish(interner, resolver)
}

/// Reads bytes already in memory (tests, small bundled files).
pub fn import_bytes(
    bytes: &[u8],
    name: &str,
    options: ImportOptions,
    interner: &mut Interner,
    resolver: &dyn GeneResolver,
) -> Result<FileImport, ImportError> {
    import_reader(bytes, name, options, interner, resolver, |_| {})
}
