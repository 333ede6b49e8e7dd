//! Writing the edited annotation as GFF3, streaming.
//!
//! Lines no edit touched are written byte-identical to the input (lines the reader repaired are
//! already in canonical form) but for what an edited annotation says of its sequences
//! (`SequenceFacts`: a mitochondrial CDS's `transl_table=3`, an edited chromosome's accession as
//! `derived_from`); touched lines change only columns 4, 5 (coordinates), 8 (phase)
//! and the `Parent` attribute, and lines an edit changed gain attributes saying so
//! ([`super::edit_status`]). The version line, the design's header lines and `##sequence-region`
//! lines (edited lengths) come first, comments and directives are kept, a `###` is written only
//! after features. Inserted features (and a cassette's parts), with source `genoforge`, sit in
//! coordinate order with the reference's features.

use std::io::{self, Write};

use crate::core::design::Design;
use crate::core::edit::annotation_check::cds_part_phases;
use crate::core::edit::{Edit, InsertedFeature};
use crate::core::genetics::collection_allele::deletion_extent_note;
use crate::core::genome::attributes::percent_encode;
use crate::core::genome::contig::ContigId;
use crate::core::genome::feature::{Feature, FeatureKind};
use crate::core::genome::{DocItem, Genome};
use crate::core::lift::{Lifted, LiftedFeature};
use crate::core::strand::Strand;

/// Writes the edited annotation of `genome` under `design` (with `lifted` derived from both).
///
/// The header is always first: the input's `##gff-version 3…` line (or `##gff-version 3`), then
/// one `##sequence-region` per contig in genome (karyotype/FASTA) order with its edited length —
/// the input's line kept byte-identical but for the length (an edited contig's line spaced as the
/// others); none for a contig
/// emptied by the edits or one whose name a region line cannot hold. Other directives, comments
/// and feature lines follow, contig by contig in the same order ([`body_in_contig_order`]), each
/// contig's in input order.
pub fn write<W: Write>(
    out: &mut W,
    genome: &Genome,
    design: &Design,
    lifted: &Lifted,
) -> io::Result<()> {
    let version = genome
        .document()
        .iter()
        .find_map(|d| match d {
            DocItem::GffVersion(raw) if is_version_3(raw) => Some(raw.as_ref()),
            _ => None,
        })
        .unwrap_or("##gff-version 3");
    writeln!(out, "{version}")?;
    write_design_header(out, genome, design)?;
    write_sequence_regions(out, genome, lifted)?;
    let mut since_sync = false;
    // The contig and edited span of the last top-level feature written (not a chromosome's line).
    let mut last_top: Option<(ContigId, crate::core::coord::Span)> = None;
    let notes = super::edit_status::EditNotes::new(genome, design, lifted);
    let mut inserted = Inserted::new(design);
    let said = SequenceFacts::new(genome, design);
    for item in body_in_contig_order(genome) {
        match item {
            DocItem::GffVersion(_) | DocItem::SequenceRegion { .. } => {}
            DocItem::Directive(raw) | DocItem::Comment(raw) => writeln!(
                out,
                "{}",
                crate::io::design_header::gff3_directive(raw, design)
            )?,
            DocItem::Sync => {
                if since_sync {
                    // A tag inside the block just written names its fused CDS as its part's
                    // Parent: it is written before the `###` that closes the block.
                    inserted.write_fusions_within(out, genome, last_top)?;
                    writeln!(out, "###")?;
                    since_sync = false;
                }
            }
            DocItem::Feature(idx) => {
                let l = lifted.feature(*idx);
                if l.status.is_gone() {
                    continue;
                }
                let f = genome.feature(*idx);
                if f.parents.is_empty() {
                    let span = l.span.unwrap_or(f.span);
                    inserted.write_before(out, genome, Some(f.contig), span.start().get())?;
                    // (A chromosome's own line is no block a tag belongs to.)
                    if !f.kind.is_sequence_level() {
                        last_top = Some((f.contig, span));
                    }
                }
                if let Some(split) = lifted.phase_split(*idx) {
                    write_split(out, genome, lifted, f, l, split, &said)?;
                } else if l.is_touched()
                    || notes.of(*idx).is_some()
                    || stale_phases(genome, lifted, f)
                    || said.rewrites(genome, f)
                {
                    write_touched(out, genome, lifted, f, l, notes.of(*idx), &said)?;
                } else {
                    writeln!(out, "{}", f.source_line.text)?;
                }
                since_sync = true;
            }
        }
    }
    inserted.write_before(out, genome, None, u64::MAX)
}

/// The document's items in the order the body is written: what precedes its first feature line
/// (comments, directives) first, then each contig's feature lines with the comments, directives
/// and `###` that follow them, contig by contig in genome (karyotype/FASTA) order — the order of
/// the `##sequence-region` lines — each contig's in input order. (Ensembl's R64 GFF3 lists IX and
/// Mito before V.)
fn body_in_contig_order(genome: &Genome) -> Vec<&DocItem> {
    let items = genome.document();
    let first = items
        .iter()
        .position(|d| matches!(d, DocItem::Feature(_)))
        .unwrap_or(items.len());
    let mut out: Vec<&DocItem> = items[..first].iter().collect();
    let mut buckets: Vec<Vec<&DocItem>> = vec![Vec::new(); genome.contigs().len()];
    let mut current = 0;
    for item in &items[first..] {
        if let DocItem::Feature(idx) = item {
            current = genome.feature(*idx).contig.get();
        }
        if let Some(b) = buckets.get_mut(current) {
            b.push(item);
        }
    }
    out.extend(buckets.into_iter().flatten());
    out
}

/// Inserted features waiting to be written, per contig in edited-start order: each is written
/// just before the first top-level reference feature of its contig that starts after it, the rest
/// of a contig's when the document moves to another contig, and any left at the end — so inserted
/// features sit in coordinate order with the rest, whatever order the document's contigs come in.
struct Inserted<'a> {
    pending: Vec<(&'a Edit, u64, u64)>,
    /// Per pending insert, the `Note` its line carries: what a marker deletion models
    /// ([`deletion_extent_note`]) on the cassette that replaced the gene.
    notes: Vec<Option<String>>,
    written: Vec<bool>,
    current: Option<ContigId>,
}

impl<'a> Inserted<'a> {
    fn new(design: &'a Design) -> Self {
        let mut pending: Vec<(&Edit, u64, u64)> = inserted_spans(design)
            .into_iter()
            .filter(|(e, s, t)| e.feature.is_some() && s != t)
            .collect();
        crate::core::sort::sort_by_key(&mut pending, |(e, s, _)| (e.contig, *s));
        let notes = pending
            .iter()
            .map(|(e, _, _)| {
                design
                    .genotype()
                    .perturbations
                    .iter()
                    .filter(|p| p.edit_ids.contains(&e.id))
                    .find_map(deletion_extent_note)
            })
            .collect();
        Self {
            written: vec![false; pending.len()],
            notes,
            pending,
            current: None,
        }
    }

    /// Writes what belongs before a top-level feature at edited `at` on `contig` (`None`: all,
    /// each followed by `###`).
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
                write_inserted(out, genome, e, (s, t), self.notes[i].as_deref())?;
                if contig.is_none() {
                    writeln!(out, "###")?;
                }
                self.written[i] = true;
            }
        }
        self.current = contig;
        Ok(())
    }
}

impl Inserted<'_> {
    /// Writes the pending in-frame fusions (tags) that lie within the last top-level feature
    /// written (`last`: its contig and edited span, the tagged gene), so that their coding part's
    /// `Parent`, the fused CDS, lies in the same `###`-closed block.
    fn write_fusions_within<W: Write>(
        &mut self,
        out: &mut W,
        genome: &Genome,
        last: Option<(ContigId, crate::core::coord::Span)>,
    ) -> io::Result<()> {
        let Some((contig, span)) = last else {
            return Ok(());
        };
        for (i, &(e, s, t)) in self.pending.iter().enumerate() {
            let fusion = e.feature.as_ref().is_some_and(|f| f.fusion.is_some());
            let inside = span.start().get() <= s && s < span.end().get();
            if fusion && !self.written[i] && e.contig == contig && inside {
                write_inserted(out, genome, e, (s, t), self.notes[i].as_deref())?;
                self.written[i] = true;
            }
        }
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

/// `##gff-version 3`, `##gff-version 3.1.26` (blanks between the two words allowed).
fn is_version_3(raw: &str) -> bool {
    raw.strip_prefix("##gff-version")
        .map(str::trim_start)
        .is_some_and(|v| v == "3" || v.starts_with("3."))
}

fn write_sequence_regions<W: Write>(
    out: &mut W,
    genome: &Genome,
    lifted: &Lifted,
) -> io::Result<()> {
    let declared: rustc_hash::FxHashMap<ContigId, &str> = genome
        .document()
        .iter()
        .filter_map(|d| match d {
            DocItem::SequenceRegion { contig, raw } => Some((*contig, raw.as_ref())),
            _ => None,
        })
        .collect();
    for (i, c) in genome.contigs().iter().enumerate() {
        let id = ContigId(i as u32);
        let len = lifted.contig_length(id);
        if len == 0
            || c.name
                .chars()
                .any(|ch| ch.is_whitespace() || ch.is_control())
        {
            continue;
        }
        // The input's line, its length the edited one: an edited contig's line spaced as an
        // unedited one's (Ensembl writes `##sequence-region   I 1 230218`).
        let kept = declared.get(&id).filter(|raw| {
            let f: Vec<&str> = raw.split_whitespace().collect();
            f.len() == 4 && f[1] == c.name.as_ref() && f[2] == "1"
        });
        match kept.and_then(|raw| {
            let raw = raw.trim_end();
            raw.rfind(char::is_whitespace).map(|i| &raw[..=i])
        }) {
            Some(head) => writeln!(out, "{head}{len}")?,
            None => writeln!(out, "##sequence-region {} 1 {len}", c.name)?,
        }
    }
    Ok(())
}

fn write_touched<W: Write>(
    out: &mut W,
    genome: &Genome,
    lifted: &Lifted,
    f: &Feature,
    l: &LiftedFeature,
    note: Option<&str>,
    said: &SequenceFacts,
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
    let attributes = without_stale_phases(genome, lifted, f, attributes);
    let attributes = said.apply(genome, f, attributes);
    let attributes = match note {
        Some(n) if attributes == "." || attributes.is_empty() => n.to_owned(),
        Some(n) => format!("{};{n}", attributes.trim_end_matches(';')),
        None => attributes,
    };
    write_line(out, &cols, (start, end), &phase, &attributes)
}

/// Ensembl's exon attributes `ensembl_phase` and `ensembl_end_phase` (in the R64 GFF3: the
/// reading frame at the exon's first and last base — how many bases of a codon the exons before
/// it in the transcript left open, 0–2, or -1 where the exon starts or ends outside the coding
/// sequence) dropped from an exon whose bases an edit removed or added (trimmed, disrupted,
/// fused): they no longer hold. A substituted or merely shifted exon keeps them (its frame did
/// not change); its transcript's CDS says `valid_ORF`.
/// The other exons of a transcript with such an exon drop them too: the frame after a removed or
/// added base is not the reference's (later exons), and `ensembl_phase` describes the transcript.
fn without_stale_phases(
    genome: &Genome,
    lifted: &Lifted,
    f: &Feature,
    attributes: String,
) -> String {
    use crate::core::genome::attributes::Attributes;
    if !stale_phases(genome, lifted, f) {
        return attributes;
    }
    let a = Attributes::new(&attributes).with_values("ensembl_phase", &[]);
    Attributes::new(&a).with_values("ensembl_end_phase", &[])
}

/// Whether `f` is an exon with `ensembl_phase` whose transcript has an exon an edit resized.
fn stale_phases(genome: &Genome, lifted: &Lifted, f: &Feature) -> bool {
    use crate::core::lift::FeatureStatus;
    if f.kind != FeatureKind::Exon || !f.source_line.raw_attributes().contains("ensembl_") {
        return false;
    }
    f.parents.iter().any(|p| {
        genome.children(p).iter().any(|&x| {
            genome.feature(x).kind == FeatureKind::Exon
                && matches!(
                    lifted.feature(x).status,
                    FeatureStatus::Trimmed | FeatureStatus::Disrupted | FeatureStatus::Fused
                )
        })
    })
}

/// A feature line from its input columns with new coordinates, phase and column 9.
fn write_line<W: Write>(
    out: &mut W,
    cols: &[&str],
    (start, end): (u64, u64),
    phase: &str,
    attributes: &str,
) -> io::Result<()> {
    let col = |i: usize| cols.get(i).copied().unwrap_or(".");
    writeln!(
        out,
        "{}\t{}\t{}\t{start}\t{end}\t{}\t{}\t{phase}\t{attributes}",
        col(0),
        col(1),
        col(2),
        col(5),
        col(6),
    )
}

/// A CDS line whose parents' chains need different phases, written once per parent (GFF3 has one
/// phase per line): `Parent` that parent, its phase; an ID gets `_2`, `_3`… on the extra lines.
fn write_split<W: Write>(
    out: &mut W,
    genome: &Genome,
    lifted: &Lifted,
    f: &Feature,
    l: &LiftedFeature,
    split: &[(u32, crate::core::strand::Phase)],
    said: &SequenceFacts,
) -> io::Result<()> {
    let text = &f.source_line.text;
    let cols: Vec<&str> = text.splitn(9, '\t').collect();
    let (start, end) = l.span.unwrap_or(f.span).one_based();
    let mut n = 0;
    for &(group, phase) in split {
        let lines = genome.group_lines(group);
        if lines.is_empty() || lines.iter().all(|&x| lifted.feature(x).status.is_gone()) {
            continue;
        }
        let Some(parent) = genome.feature(lines[0]).id.as_deref() else {
            continue;
        };
        n += 1;
        let mut attrs = f.attributes().with_parents(&[parent]);
        if let (Some(id), true) = (f.id.as_deref(), n > 1) {
            attrs = crate::core::genome::attributes::Attributes::new(&attrs)
                .with_values("ID", &[&format!("{id}_{n}")]);
        }
        let attrs = said.apply(genome, f, attrs);
        write_line(out, &cols, (start, end), &phase.to_string(), &attrs)?;
    }
    Ok(())
}

/// What an edited annotation says of its sequences on lines no edit changed, which the
/// reference's lines do not say or say wrongly of an edited sequence:
///
/// - a CDS on a contig read with another genetic code than the standard one (the mitochondrial
///   genome, [`GeneticCode::of_contig`]) gets `transl_table=3`, INSDC's qualifier for its NCBI
///   table, so that a consumer translating it does not read COX2's TGA codons as stops (unless
///   the line gives a `transl_table` itself);
/// - the chromosome's (or region's) own line of a contig the design changes gives its
///   accession-like `Alias` values (`BK006935.2`: the INSDC record of the reference sequence,
///   which the edited sequence is not) as `derived_from` instead — the key of the FASTA's
///   `[derived_from=…]` and of `#!genoforge-derived-from` — and keeps its other aliases; on an
///   unchanged contig the line stays as it is.
///
/// Nothing for an empty design: its annotation is the reference's, byte for byte.
///
/// [`GeneticCode::of_contig`]: crate::core::seq::GeneticCode::of_contig
struct SequenceFacts {
    /// Whether any edit is applied (an edited export).
    edited: bool,
    /// Per contig, whether the design changes its sequence.
    changed: Vec<bool>,
}

impl SequenceFacts {
    fn new(genome: &Genome, design: &Design) -> Self {
        let changed: Vec<bool> = (0..genome.contigs().len())
            .map(|i| crate::io::design_header::changes_contig(design, ContigId(i as u32)))
            .collect();
        Self {
            edited: changed.iter().any(|&c| c),
            changed,
        }
    }

    /// The NCBI table `f` is translated with, when it is a CDS read with a non-standard code and
    /// does not say so itself.
    fn transl_table(&self, genome: &Genome, f: &Feature) -> Option<u8> {
        if !self.edited || f.kind != FeatureKind::Cds {
            return None;
        }
        let code = crate::core::seq::GeneticCode::of_contig(&genome.contig(f.contig).name);
        (code != crate::core::seq::GeneticCode::Standard
            && f.attributes().get("transl_table").is_none())
        .then(|| code.ncbi_table())
    }

    /// The accession-like `Alias` values of `f` when it is the own line of a changed contig.
    fn derived_aliases(&self, f: &Feature) -> Vec<String> {
        if !f.kind.is_sequence_level()
            || !self
                .changed
                .get(f.contig.0 as usize)
                .copied()
                .unwrap_or(false)
        {
            return Vec::new();
        }
        f.attributes()
            .all("Alias")
            .into_iter()
            .filter(|a| crate::io::design_header::reference_accession(a) == Some(a.as_ref()))
            .map(|a| a.into_owned())
            .collect()
    }

    /// Whether `f`'s column 9 changes here.
    fn rewrites(&self, genome: &Genome, f: &Feature) -> bool {
        self.transl_table(genome, f).is_some() || !self.derived_aliases(f).is_empty()
    }

    /// `attributes` (column 9 of `f` as otherwise written) with what this says.
    fn apply(&self, genome: &Genome, f: &Feature, attributes: String) -> String {
        use crate::core::genome::attributes::Attributes;
        // `.` is no field: what is added stands alone.
        let with = |attributes: &str, tag: &str, values: &[&str]| {
            let a = if attributes == "." { "" } else { attributes };
            Attributes::new(a).with_values(tag, values)
        };
        let mut attributes = attributes;
        if let Some(n) = self.transl_table(genome, f) {
            attributes = with(&attributes, "transl_table", &[&n.to_string()]);
        }
        let derived = self.derived_aliases(f);
        if !derived.is_empty() {
            let a = Attributes::new(&attributes);
            let kept: Vec<String> = a
                .all("Alias")
                .into_iter()
                .filter(|v| !derived.iter().any(|d| d == v))
                .map(|v| v.into_owned())
                .collect();
            let kept: Vec<&str> = kept.iter().map(String::as_str).collect();
            let without = a.with_values("Alias", &kept);
            let d: Vec<&str> = derived.iter().map(String::as_str).collect();
            attributes = with(&without, "derived_from", &d);
        }
        attributes
    }
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

/// One inserted feature (and its parts) at edited `s..t` (0-based, half-open); `note`, when
/// given, joins the feature's own `Note` values.
fn write_inserted<W: Write>(
    out: &mut W,
    genome: &Genome,
    e: &Edit,
    (s, t): (u64, u64),
    note: Option<&str>,
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
        let mut note = note;
        for (k, v) in &feat.attributes {
            if k == "ID" || k == "Name" {
                continue;
            }
            match note.filter(|_| k == "Note").and_then(|_| note.take()) {
                Some(n) => attrs.push(format!("Note={},{}", percent_encode(v), percent_encode(n))),
                None => attrs.push(format!("{}={}", percent_encode(k), percent_encode(v))),
            }
        }
        if let Some(n) = note {
            attrs.push(format!("Note={}", percent_encode(n)));
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
        let phases = cds_part_phases(&feat.children, reverse);
        for (i, (child, phase)) in feat.children.iter().zip(phases).enumerate() {
            if child.offset.end().get() > t - s {
                continue;
            }
            let (cs, ce) = feat.part_span(child, s, t);
            let strand = feat.part_strand(child);
            let phase = phase.map_or_else(|| ".".to_owned(), |p| p.to_string());
            let mut cattrs = Vec::new();
            if let Some(cid) = &child.id {
                cattrs.push(format!("ID={}", percent_encode(cid)));
            }
            // A gene-like part stands alone (genes are top-level lines); other parts belong to
            // the part they name, else to the inserted feature.
            // (A tag's coding part, a `CDS_region`, part_of CDS in SO, names the fused CDS as its
            // Parent, with a marker (under a `gene_cassette`) or without (under an `insertion`,
            // where gt's `-typecheck so` refuses it): one place for the tag's coding parts
            // whatever follows them; written inside the CDS's `###`-closed block; lone only when
            // that CDS has no ID.)
            let lone_tag_region = feat.fusion.is_some()
                && child.kind.as_str() == "CDS_region"
                && !feat.kind.is_gene_like();
            let fused_cds = || {
                feat.fusion
                    .as_ref()
                    .and_then(|f| crate::core::lift::fused_cds_id(genome, &f.gene_id))
            };
            let mut parent = match &child.parent {
                Some(p) => Some(p.clone()),
                None if lone_tag_region => fused_cds(),
                None if child.kind.is_gene_like() => None,
                None => id.clone(),
            };
            // A CDS part that would hang from the inserted feature itself (a marker cassette's
            // kan ORF) gets the gene and mRNA a protein-coding gene has in the Sequence Ontology
            // and gt's checks: gene (top-level, like an inserted feature's other genes) → mRNA →
            // exon and CDS, all over the CDS's bases (the cassette's ORF has no intron). Parent-less CDS parts of a gene or mRNA keep theirs.
            if let Some(top) = &id
                && let Some(gene) = feat.orf_gene_id(top, i)
            {
                let mrna = format!("{gene}_mRNA");
                let name = child
                    .name
                    .as_deref()
                    .map(|n| format!(";Name={}", percent_encode(n)))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{seqid}\tgenoforge\tgene\t{}\t{ce}\t.\t{strand}\t.\tID={}{name};biotype=protein_coding;Note={}",
                    cs + 1,
                    percent_encode(&gene),
                    percent_encode(&format!(
                        "ORF of the inserted {}",
                        feat.name.as_deref().unwrap_or(top)
                    )),
                )?;
                writeln!(
                    out,
                    "{seqid}\tgenoforge\tmRNA\t{}\t{ce}\t.\t{strand}\t.\tID={};Parent={}",
                    cs + 1,
                    percent_encode(&mrna),
                    percent_encode(&gene),
                )?;
                writeln!(
                    out,
                    "{seqid}\tgenoforge\texon\t{}\t{ce}\t.\t{strand}\t.\tParent={}",
                    cs + 1,
                    percent_encode(&mrna),
                )?;
                parent = Some(mrna);
            }
            if let Some(parent) = parent {
                cattrs.push(format!("Parent={}", percent_encode(&parent)));
            }
            if let Some(n) = &child.name {
                cattrs.push(format!("Name={}", percent_encode(n)));
            }
            // An inserted CDS is read with its contig's code too (a kan ORF put into mtDNA).
            let code = crate::core::seq::GeneticCode::of_contig(seqid);
            if child.kind == FeatureKind::Cds && code != crate::core::seq::GeneticCode::Standard {
                cattrs.push(format!("transl_table={}", code.ncbi_table()));
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
    }
    Ok(())
}

/// The ID an inserted feature is written with: its own, or one made from the edit when it has
/// parts that need a parent.
pub fn feature_id(e: &Edit, feat: &InsertedFeature) -> Option<String> {
    feat.written_id(e.id)
}
