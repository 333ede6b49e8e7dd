//! Rows → genotypes, per format. Each row's genes are resolved (once per distinct name), sorted,
//! deduplicated and packed with its environment into one key.
//!
//! - Costanzo 2016: {query ORF, array ORF}; ORF = the strain id before its first `_`
//!   (`YBR188C_sn1898` → `YBR188C`); environment = `Arraytype/Temp`'s temperature (`DMA30` →
//!   `30C`); perturbation type from the tag (`dma` KanMX deletion, `sn` NatMX deletion, `tsq`/`tsa`
//!   temperature-sensitive allele, `damp` DAmP).
//! - Kuzmin 2018/2020: query ORFs (`YAL015C+YDL227C_tm461` → YAL015C, YDL227C) plus the array ORF;
//!   YDL227C (HO, a neutral marker of the query strains) dropped unless kept; a row whose gene
//!   count (HO left out) disagrees with `Combined mutant type` is kept as named and counted; an ORF
//!   named twice counts once. No environment (one screening condition).
//! - Tables: the mapped genes column(s), the environment column as written.
//! - Gene lists: each name a single-gene genotype.

use std::collections::BTreeMap;

use serde::Serialize;

use super::error::ImportError;
use super::format::{Format, GenesColumns, TableLayout};
use super::names::NameCache;
use super::rows::Record;
use crate::core::datasets::info::PerturbationKind;
use crate::core::datasets::intern::{EnvironmentId, GeneId, Interner};
use crate::core::datasets::key;
use crate::core::datasets::resolve::GeneResolver;

/// HO's systematic name: a neutral marker in Kuzmin's query strains.
pub const HO: &[u8] = b"YDL227C";

/// A count with the first lines it happened on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// How many rows.
    pub count: u64,
    /// The first 20 lines (1-based).
    pub first_lines: Vec<u64>,
}

impl Tally {
    fn add(&mut self, line: u64) {
        self.count += 1;
        if self.first_lines.len() < 20 {
            self.first_lines.push(line);
        }
    }
}

/// What a file's rows held, besides their keys.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RowStats {
    /// Data rows read (header, comments and blank lines not counted).
    pub rows: u64,
    /// Rows naming at least one gene (the records).
    pub records: u64,
    /// Rows naming no gene (skipped).
    pub without_genes: Tally,
    /// Perturbations by type, from SGA strain tags.
    pub perturbations: BTreeMap<PerturbationKind, u64>,
    /// SGA strain ids whose tag is none of `dma`, `sn`, `tsq`, `tsa`, `damp` (Kuzmin's `tm` query
    /// tags included).
    pub other_tags: u64,
    /// Kuzmin rows whose gene count disagrees with `Combined mutant type` (kept as named).
    pub mutant_type_mismatch: Tally,
    /// Rows naming one gene twice (counted once).
    pub repeated_gene: Tally,
    /// Costanzo rows whose `Arraytype/Temp` has no temperature (environment kept as written).
    pub unreadable_temperature: Tally,
    /// YDL227C (HO) left out of Kuzmin genotypes.
    pub ho_dropped: u64,
}

/// Reads one file's rows.
#[derive(Debug)]
pub struct RowReader {
    format: Format,
    keep_ho: bool,
    /// HO's id once seen (kept HO is not counted against `Combined mutant type`).
    ho: Option<GeneId>,
    header_pending: bool,
    expected: Option<usize>,
    genes: Vec<GeneId>,
    /// SGA tag counts by [`PerturbationKind`] discriminant.
    tags: [u64; 16],
    /// Keys read so far (unsorted, with repeats).
    pub keys: Vec<u64>,
    /// Counts.
    pub stats: RowStats,
}

fn orf(strain: &[u8]) -> (&[u8], &[u8]) {
    let strain = strain.trim_ascii();
    match memchr::memchr(b'_', strain) {
        Some(i) => (&strain[..i], &strain[i + 1..]),
        None => (strain, &[]),
    }
}

fn temperature(raw: &[u8]) -> Option<String> {
    let t = raw.trim_ascii();
    let digits = t.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    (digits > 0).then(|| format!("{}C", String::from_utf8_lossy(&t[t.len() - digits..])))
}

fn is_separator(c: u8, explicit: Option<char>) -> bool {
    match explicit {
        Some(s) => u32::from(c) == s as u32 || (s == ' ' && c.is_ascii_whitespace()),
        None => matches!(c, b';' | b',' | b'+' | b'|') || c.is_ascii_whitespace(),
    }
}

/// Mutable state a row needs besides the reader.
pub struct Ctx<'a> {
    /// Per-file name cache.
    pub names: &'a mut NameCache,
    /// The session's interner.
    pub interner: &'a mut Interner,
    /// Name resolution.
    pub resolver: &'a dyn GeneResolver,
}

impl RowReader {
    /// A reader for `format`; `keep_ho` keeps YDL227C in Kuzmin genotypes.
    pub fn new(format: Format, keep_ho: bool) -> Self {
        let (header_pending, expected) = match &format {
            Format::Costanzo2016 => (true, Some(11)),
            Format::Kuzmin { .. } => (true, Some(12)),
            Format::Table(t) => (t.header, t.columns),
            Format::GeneList { header } => (*header, None),
        };
        Self {
            format,
            keep_ho,
            ho: None,
            header_pending,
            expected,
            genes: Vec::with_capacity(4),
            tags: [0; 16],
            keys: Vec::new(),
            stats: RowStats::default(),
        }
    }

    /// The format read.
    pub fn format(&self) -> &Format {
        &self.format
    }

    /// Reads one record.
    pub fn row(
        &mut self,
        rec: Record<'_>,
        line: u64,
        ctx: &mut Ctx<'_>,
    ) -> Result<(), ImportError> {
        if rec.is_blank() {
            return Ok(());
        }
        if self.header_pending {
            self.header_pending = false;
            return Ok(());
        }
        if let Some(expected) = self.expected
            && rec.len() != expected
        {
            return Err(ImportError::FieldCount {
                line,
                found: rec.len(),
                expected,
            });
        }
        self.stats.rows += 1;
        self.genes.clear();
        let format = std::mem::replace(&mut self.format, Format::GeneList { header: false });
        let mut mutant_type = None;
        let env = match &format {
            Format::Costanzo2016 => self.costanzo(rec, line, ctx),
            Format::Kuzmin { .. } => {
                mutant_type = self.kuzmin(rec, line, ctx);
                Ok(EnvironmentId::NONE)
            }
            Format::Table(t) => self.table(t, rec, line, ctx),
            Format::GeneList { .. } => {
                self.gene_list(rec, line, ctx);
                Ok(EnvironmentId::NONE)
            }
        };
        self.format = format;
        let env = env?;
        if self.genes.is_empty() {
            self.stats.without_genes.add(line);
            return Ok(());
        }
        self.genes.sort_unstable();
        let before = self.genes.len();
        self.genes.dedup();
        if self.genes.len() != before && !matches!(self.format, Format::GeneList { .. }) {
            self.stats.repeated_gene.add(line);
        }
        if let Some(expected) = mutant_type {
            let ho = usize::from(self.ho.is_some_and(|h| self.genes.contains(&h)));
            if self.genes.len() - ho != expected {
                self.stats.mutant_type_mismatch.add(line);
            }
        }
        self.stats.records += 1;
        if let Format::GeneList { .. } = self.format {
            // Each name of a gene list is its own single-gene genotype.
            for i in 0..self.genes.len() {
                let k = key::pack(&self.genes[i..=i], env, ctx.interner);
                self.keys.push(k);
            }
        } else {
            let k = key::pack(&self.genes, env, ctx.interner);
            self.keys.push(k);
        }
        Ok(())
    }

    fn tag(&mut self, tag: &[u8]) {
        match PerturbationKind::from_sga_tag_bytes(tag) {
            Some(k) => self.tags[k as usize] += 1,
            None => self.stats.other_tags += 1,
        }
    }

    /// The counts, perturbation types included (call once, at the end).
    pub fn take_stats(&mut self) -> RowStats {
        for k in [
            PerturbationKind::KanmxDeletion,
            PerturbationKind::SgaNatmxDeletion,
            PerturbationKind::TemperatureSensitiveAllele,
            PerturbationKind::Damp,
        ] {
            let n = std::mem::take(&mut self.tags[k as usize]);
            if n > 0 {
                *self.stats.perturbations.entry(k).or_default() += n;
            }
        }
        std::mem::take(&mut self.stats)
    }

    fn gene(&mut self, raw: &[u8], line: u64, ctx: &mut Ctx<'_>) {
        let raw = raw.trim_ascii();
        if !raw.is_empty() {
            let g = ctx.names.gene(raw, line, ctx.interner, ctx.resolver);
            self.genes.push(g);
        }
    }

    fn costanzo(
        &mut self,
        rec: Record<'_>,
        line: u64,
        ctx: &mut Ctx<'_>,
    ) -> Result<EnvironmentId, ImportError> {
        for col in [0, 2] {
            let (orf, tag) = orf(rec.get(col).unwrap_or_default());
            self.tag(tag);
            self.gene(orf, line, ctx);
        }
        let raw = rec.get(4).unwrap_or_default().trim_ascii();
        if !raw.last().is_some_and(u8::is_ascii_digit) {
            self.stats.unreadable_temperature.add(line);
        }
        ctx.names
            .environment(
                raw,
                |r| temperature(r).unwrap_or_else(|| String::from_utf8_lossy(r).into_owned()),
                ctx.interner,
            )
            .map_err(|_| ImportError::TooManyEnvironments { line })
    }

    /// Reads the genes; returns the gene count `Combined mutant type` announces.
    fn kuzmin(&mut self, rec: Record<'_>, line: u64, ctx: &mut Ctx<'_>) -> Option<usize> {
        let (query, qtag) = orf(rec.get(0).unwrap_or_default());
        let (array, atag) = orf(rec.get(2).unwrap_or_default());
        self.tag(qtag);
        self.tag(atag);
        for part in query.split(|&c| c == b'+').chain(std::iter::once(array)) {
            let part = part.trim_ascii();
            if part.eq_ignore_ascii_case(HO) {
                if !self.keep_ho {
                    self.stats.ho_dropped += 1;
                    continue;
                }
                self.ho = Some(ctx.names.gene(part, line, ctx.interner, ctx.resolver));
            }
            self.gene(part, line, ctx);
        }
        let kind = rec.get(4).unwrap_or_default().trim_ascii();
        if kind.eq_ignore_ascii_case(b"digenic") {
            Some(2)
        } else if kind.eq_ignore_ascii_case(b"trigenic") {
            Some(3)
        } else {
            None
        }
    }

    fn table(
        &mut self,
        t: &TableLayout,
        rec: Record<'_>,
        line: u64,
        ctx: &mut Ctx<'_>,
    ) -> Result<EnvironmentId, ImportError> {
        match &t.genes {
            GenesColumns::One(c) => {
                let cell = rec.get(*c).unwrap_or_default();
                for part in cell.split(|&b| is_separator(b, t.separator)) {
                    self.gene(part, line, ctx);
                }
            }
            GenesColumns::Several(cols) => {
                for &c in cols {
                    self.gene(rec.get(c).unwrap_or_default(), line, ctx);
                }
            }
            GenesColumns::Counted => {
                let k: usize = std::str::from_utf8(rec.get(0).unwrap_or_default())
                    .ok()
                    .and_then(|s| s.trim().parse().ok())
                    .ok_or_else(|| ImportError::BadRow {
                        line,
                        message: "the first field is not a number of genes".to_owned(),
                    })?;
                if rec.len() < k + 1 {
                    return Err(ImportError::BadRow {
                        line,
                        message: format!("{k} genes announced, {} fields follow", rec.len() - 1),
                    });
                }
                for c in 1..=k {
                    self.gene(rec.get(c).unwrap_or_default(), line, ctx);
                }
            }
        }
        match t.environment {
            Some(c) => {
                let raw = rec.get(c).unwrap_or_default().trim_ascii();
                ctx.names
                    .environment(
                        raw,
                        |r| String::from_utf8_lossy(r).into_owned(),
                        ctx.interner,
                    )
                    .map_err(|_| ImportError::TooManyEnvironments { line })
            }
            None => Ok(EnvironmentId::NONE),
        }
    }

    fn gene_list(&mut self, rec: Record<'_>, line: u64, ctx: &mut Ctx<'_>) {
        for i in 0..rec.len() {
            let field = rec.get(i).unwrap_or_default();
            for part in field.split(|&b| matches!(b, b',' | b';') || b.is_ascii_whitespace()) {
                let part = part.trim_ascii();
                let part = part
                    .strip_prefix(b"\"")
                    .unwrap_or(part)
                    .strip_suffix(b"\"")
                    .unwrap_or(part);
                self.gene(part, line, ctx);
            }
        }
    }
}
