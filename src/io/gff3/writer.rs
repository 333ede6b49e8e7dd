//! Writing the edited annotation as GFF3, streaming.
//!
//! Lines no edit touched are written byte-identical to the input; touched lines change only
//! columns 4, 5 (coordinates), 8 (phase) and the `Parent` attribute, and lines an edit changed gain
//! attributes saying so ([`super::edit_status`]). `##sequence-region` follows
//! the new lengths (all of them where the first stood, in karyotype order), comments and directives
//! are kept, a `###` is written only after features. Inserted features (and a cassette's parts), with
//! source `genoforge`, sit in coordinate order with the reference's features.

use std::io::{self, Write};

use crate::core::design::Design;
use crate::core::edit::{Edit, InsertedFeature};
use crate::core::genome::attributes::percent_encode;
use crate::core::genome::contig::ContigId;
use crate::core::genome::feature::Feature;
use crate::core::genome::{DocItem, Genome};
use crate::core::lift::{Lifted, LiftedFeature};
use crate::core::strand::Strand;

/// Writes the edited annotation of `genome` under `design` (with `lifted` derived from both).
pub fn write<W: Write>(
    out: &mut W,
    genome: &Genome,
    design: &Design,
    lifted: &Lifted,
) -> io::Result<()> {
    let mut since_sync = false;
    let mut wrote_version = false;
    let notes = super::edit_status::EditNotes::new(genome, design, lifted);
    let mut inserted = Inserted::new(genome, design);
    let mut regions_written = false;
    for item in genome.document() {
        match item {
            DocItem::GffVersion(raw) => {
                writeln!(out, "{raw}")?;
                wrote_version = true;
                write_design_header(out, genome, design)?;
            }
            DocItem::SequenceRegion { contig, raw } => {
                if !wrote_version {
                    writeln!(out, "##gff-version 3")?;
                    wrote_version = true;
                    write_design_header(out, genome, design)?;
                }
                // All of them at the first, in karyotype (sequence) order.
                let _ = (contig, raw);
                if !regions_written {
                    regions_written = true;
                    for (c, r) in sequence_regions(genome) {
                        write_sequence_region(out, genome, lifted, c, r)?;
                    }
                }
            }
            DocItem::Directive(raw) | DocItem::Comment(raw) => writeln!(out, "{raw}")?,
            DocItem::Sync => {
                if since_sync {
                    writeln!(out, "###")?;
                    since_sync = false;
                }
            }
            DocItem::Feature(idx) => {
                if !wrote_version {
                    writeln!(out, "##gff-version 3")?;
                    wrote_version = true;
                    write_design_header(out, genome, design)?;
                }
                let l = lifted.feature(*idx);
                if l.status.is_gone() {
                    continue;
                }
                let f = genome.feature(*idx);
                if f.parents.is_empty() {
                    let at = l.span.map_or(f.span.start().get(), |s| s.start().get());
                    inserted.write_before(out, genome, Some(f.contig), at)?;
                }
                if l.is_touched() {
                    write_touched(out, genome, lifted, f, l, notes.of(*idx))?;
                } else {
                    writeln!(out, "{}", f.source_line.text)?;
                }
                since_sync = true;
            }
        }
    }
    if !wrote_version {
        writeln!(out, "##gff-version 3")?;
        write_design_header(out, genome, design)?;
    }
    inserted.write_before(out, genome, None, u64::MAX)
}

/// `##sequence-region` items of the document, in the genome's contig (karyotype) order.
fn sequence_regions(genome: &Genome) -> Vec<(ContigId, &str)> {
    let mut out: Vec<(ContigId, &str)> = genome
        .document()
        .iter()
        .filter_map(|d| match d {
            DocItem::SequenceRegion { contig, raw } => Some((*contig, raw.as_ref())),
            _ => None,
        })
        .collect();
    out.sort_by_key(|(c, _)| *c);
    out
}

/// Inserted features waiting to be written, per contig in edited-start order: each is written
/// just before the first top-level reference feature of its contig that starts after it, the rest
/// of a contig's when the document moves to another contig, and any left at the end — so inserted
/// features sit in coordinate order with the rest, whatever order the document's contigs come in.
struct Inserted<'a> {
    pending: Vec<(&'a Edit, u64, u64)>,
    written: Vec<bool>,
    current: Option<ContigId>,
}

impl<'a> Inserted<'a> {
    fn new(_genome: &Genome, design: &'a Design) -> Self {
        let mut pending: Vec<(&Edit, u64, u64)> = inserted_spans(design)
            .into_iter()
            .filter(|(e, s, t)| e.feature.is_some() && s != t)
            .collect();
        pending.sort_by_key(|(e, s, _)| (e.contig, *s));
        Self {
            written: vec![false; pending.len()],
            pending,
            current: None,
        }
    }

    /// Writes what belongs before a top-level feature at edited `at` on `contig` (`None`: all).
    fn write_before<W: Write>(
        &mut self,
        out: &mut W,
        genome: &Genome,
        contig: Option<ContigId>,
        at: u64,
    ) -> io::Result<()> {
        let left = self.current.filter(|c| Some(*c) != contig);
        for (i, &(e, s, t)) in self.pending.iter().enumerate() {
            let due = match contig {
                None => true,
                Some(c) => Some(e.contig) == left || (e.contig == c && s <= at),
            };
            if due && !self.written[i] {
                write_inserted(out, genome, e, s, t)?;
                self.written[i] = true;
            }
        }
        self.current = contig;
        Ok(())
    }
}

/// The design's header lines (edited by which design, its checksum and genotype).
fn write_design_header<W: Write>(out: &mut W, genome: &Genome, design: &Design) -> io::Result<()> {
    for line in crate::io::design_header::gff3_lines(genome, design) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn write_sequence_region<W: Write>(
    out: &mut W,
    genome: &Genome,
    lifted: &Lifted,
    contig: ContigId,
    raw: &str,
) -> io::Result<()> {
    let c = genome.contig(contig);
    let new_len = lifted.contig_length(contig);
    if new_len == c.length {
        return writeln!(out, "{raw}");
    }
    // Keep the declared start; move the end by the contig's length change.
    let fields: Vec<&str> = raw.split_whitespace().collect();
    let start: u64 = fields.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let end: u64 = fields
        .get(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(c.length);
    let new_end = (end as i64 + new_len as i64 - c.length as i64).max(start as i64 - 1) as u64;
    writeln!(out, "##sequence-region   {} {start} {new_end}", c.name)
}

fn write_touched<W: Write>(
    out: &mut W,
    genome: &Genome,
    lifted: &Lifted,
    f: &Feature,
    l: &LiftedFeature,
    note: Option<&str>,
) -> io::Result<()> {
    let text = &f.source_line.text;
    let cols: Vec<&str> = text.splitn(9, '\t').collect();
    let span = l.span.unwrap_or(f.span);
    let (start, end) = span.one_based();
    let phase = match l.phase {
        Some(p) => p.to_string(),
        None => cols.get(7).copied().unwrap_or(".").to_owned(),
    };
    let attributes = if l.parents_removed {
        let kept: Vec<&str> = f
            .parents
            .iter()
            .filter(|p| {
                let lines = genome.by_id(p);
                lines.is_empty() || !lines.iter().all(|&x| lifted.feature(x).status.is_gone())
            })
            .map(|p| p.as_ref())
            .collect();
        f.attributes().with_parents(&kept)
    } else {
        f.source_line.raw_attributes().to_owned()
    };
    let attributes = match note {
        Some(n) if attributes == "." || attributes.is_empty() => n.to_owned(),
        Some(n) => format!("{};{n}", attributes.trim_end_matches(';')),
        None => attributes,
    };
    writeln!(
        out,
        "{}\t{}\t{}\t{start}\t{end}\t{}\t{}\t{phase}\t{attributes}",
        cols[0],
        cols.get(1).unwrap_or(&"."),
        cols.get(2).unwrap_or(&"."),
        cols.get(5).unwrap_or(&"."),
        cols.get(6).unwrap_or(&"."),
    )
}

/// The edited coordinates (0-based, half-open) of each enabled edit's inserted bases.
pub fn inserted_spans(design: &Design) -> Vec<(&Edit, u64, u64)> {
    let mut out = Vec::new();
    for contig in design.edited_contigs() {
        let Some(layout) = design.layout(contig) else {
            continue;
        };
        for (i, op) in layout.ops().iter().enumerate() {
            if let Some(e) = design.edit(op.edit) {
                let s = layout.op_edited_start(i);
                out.push((e, s, s + op.sequence.len() as u64));
            }
        }
    }
    out
}

fn write_inserted<W: Write>(
    out: &mut W,
    genome: &Genome,
    e: &Edit,
    s: u64,
    t: u64,
) -> io::Result<()> {
    {
        let Some(feat) = &e.feature else {
            return Ok(());
        };
        let seqid = &genome.contig(e.contig).name;
        let id = feature_id(e, feat);
        let mut attrs = Vec::new();
        if let Some(id) = &id {
            attrs.push(format!("ID={}", percent_encode(id)));
        }
        if let Some(n) = &feat.name {
            attrs.push(format!("Name={}", percent_encode(n)));
        }
        for (k, v) in &feat.attributes {
            if k == "ID" || k == "Name" {
                continue;
            }
            attrs.push(format!("{}={}", percent_encode(k), percent_encode(v)));
        }
        let attrs = if attrs.is_empty() {
            ".".to_owned()
        } else {
            attrs.join(";")
        };
        writeln!(
            out,
            "{seqid}\tgenoforge\t{}\t{}\t{t}\t.\t{}\t.\t{attrs}",
            feat.kind,
            s + 1,
            feat.strand
        )?;
        let reverse = feat.strand == Strand::Reverse;
        for child in &feat.children {
            let (a, b) = (child.offset.start().get(), child.offset.end().get());
            if b > t - s {
                continue;
            }
            let (cs, ce) = if reverse {
                (t - b, t - a)
            } else {
                (s + a, s + b)
            };
            let strand = match (reverse, child.strand) {
                (true, Strand::Forward) => Strand::Reverse,
                (true, Strand::Reverse) => Strand::Forward,
                (_, st) => st,
            };
            let phase = if child.kind.as_str() == "CDS" {
                child.phase.unwrap_or(0).to_string()
            } else {
                ".".to_owned()
            };
            let mut cattrs = Vec::new();
            if let Some(id) = &id {
                cattrs.push(format!("Parent={}", percent_encode(id)));
            }
            if let Some(n) = &child.name {
                cattrs.push(format!("Name={}", percent_encode(n)));
            }
            let cattrs = if cattrs.is_empty() {
                ".".to_owned()
            } else {
                cattrs.join(";")
            };
            writeln!(
                out,
                "{seqid}\tgenoforge\t{}\t{}\t{ce}\t.\t{strand}\t{phase}\t{cattrs}",
                child.kind,
                cs + 1
            )?;
        }
        writeln!(out, "###")?;
    }
    Ok(())
}

/// The ID an inserted feature is written with: its own, or one made from the edit when it has
/// parts that need a parent.
pub fn feature_id(e: &Edit, feat: &InsertedFeature) -> Option<String> {
    feat.id
        .clone()
        .or_else(|| (!feat.children.is_empty()).then(|| format!("genoforge_edit_{}", e.id.0)))
}
