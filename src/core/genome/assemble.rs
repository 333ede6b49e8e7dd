//! Builds a [`Genome`] from what the readers produced: annotation, sequences, feature table.

use rustc_hash::FxHashMap;

use crate::core::coord::Span;
use crate::core::genome::contig::{Contig, ContigId, Topology};
use crate::core::genome::diagnostics::{Diagnostic, InputKind, Severity};
use crate::core::genome::elements::{Element, ElementKind, Elements};
use crate::core::genome::feature::{Feature, FeatureIdx};
use crate::core::genome::gene_info::GeneInfo;
use crate::core::genome::interval::IntervalIndex;
use crate::core::genome::links;
use crate::core::genome::names::{NameIndex, NameKind};
use crate::core::genome::reconcile::{RecordInfo, SeqidInfo, reconcile};
use crate::core::genome::tidy;
use crate::core::genome::{DocItem, Genome};

/// What the GFF3 reader produced. `Feature::contig` indexes `seqids`.
#[derive(Clone, Debug, Default)]
pub struct Annotation {
    /// Every seqid, in order of first appearance (`##sequence-region` or feature line).
    pub seqids: Vec<SeqidInfo>,
    /// Every feature line.
    pub features: Vec<Feature>,
    /// The document's items in input order.
    pub document: Vec<DocItem>,
    /// IDs of feature lines the reader skipped, with their lines: children naming them as
    /// Parent lose that link (and are told why).
    pub dropped_ids: Vec<(Box<str>, u64)>,
}

/// One FASTA record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SequenceRecord {
    /// Its header.
    pub info: RecordInfo,
    /// Its bases.
    pub sequence: Vec<u8>,
}

/// Reconciles names, builds contigs, links features, indexes intervals and names.
///
/// Never fails: whatever cannot be reconciled is reported in the returned diagnostics and kept.
pub fn assemble(
    annotation: Annotation,
    records: Vec<SequenceRecord>,
    table: Option<Vec<GeneInfo>>,
) -> (Genome, Vec<Diagnostic>) {
    let Annotation {
        seqids,
        mut features,
        mut document,
        dropped_ids,
    } = annotation;
    let infos: Vec<RecordInfo> = records.iter().map(|r| r.info.clone()).collect();
    let rec = reconcile(&seqids, &infos);
    let mut diagnostics = rec.diagnostics.clone();
    let mut sequences: Vec<Option<Vec<u8>>> =
        records.into_iter().map(|r| Some(r.sequence)).collect();

    let mut contigs = Vec::with_capacity(seqids.len() + rec.unmatched_records.len());
    for (si, s) in seqids.iter().enumerate() {
        let mut aliases: Vec<String> = s.aliases.iter().map(|a| a.to_string()).collect();
        let mut circular = s.circular;
        let mut ambiguity = rec.seqid_ambiguity[si].clone();
        let (length, sequence, header) = match rec.matches[si] {
            Some((ri, _)) => {
                let info = &infos[ri];
                aliases.extend(rec.aliases_of(ri, info));
                circular |=
                    info.says_circular() || rec.table_topology(ri) == Some(Topology::Circular);
                ambiguity = ambiguity.or_else(|| rec.record_ambiguity[ri].clone());
                let seq = sequences[ri].take().unwrap_or_default();
                (seq.len() as u64, Some(seq), Some(header_of(info)))
            }
            None => (
                s.declared_length().unwrap_or(0).max(s.max_feature_end),
                None,
                None,
            ),
        };
        contigs.push(Contig {
            name: s.name.clone(),
            aliases: dedup_aliases(&s.name, aliases),
            length,
            topology: if circular {
                Topology::Circular
            } else {
                Topology::Linear
            },
            sequence,
            fasta_header: header,
            ambiguity: ambiguity.map(Into::into),
        });
    }
    for &ri in &rec.unmatched_records {
        let info = &infos[ri];
        let circular = info.says_circular() || rec.table_topology(ri) == Some(Topology::Circular);
        contigs.push(Contig {
            name: info.id.clone(),
            aliases: dedup_aliases(&info.id, rec.aliases_of(ri, info)),
            length: info.length,
            topology: if circular {
                Topology::Circular
            } else {
                Topology::Linear
            },
            sequence: sequences[ri].take(),
            fasta_header: Some(header_of(info)),
            ambiguity: rec.record_ambiguity[ri].clone().map(Into::into),
        });
    }

    let mut dropped_ids = dropped_ids;
    tidy::drop_beyond_contigs(
        &mut features,
        &mut document,
        &contigs,
        &mut dropped_ids,
        &mut diagnostics,
    );
    check_regions(&features, &contigs, &seqids, &mut diagnostics);

    // Genome order: sequences in FASTA order (I … XVI, Mito), then seqids without a sequence.
    let mut order_key: Vec<(u8, usize)> = (0..seqids.len())
        .map(|si| match rec.matches[si] {
            Some((ri, _)) => (0, ri),
            None => (1, si),
        })
        .collect();
    order_key.extend(rec.unmatched_records.iter().map(|&ri| (0, ri)));
    let contigs = reorder(contigs, &order_key, &mut features, &mut document);
    tidy::rename_conflicting_ids(&mut features, &mut diagnostics);
    let links = links::link(&mut features, &mut diagnostics, &dropped_ids);

    let mut per_contig: Vec<Vec<(crate::core::coord::Span, FeatureIdx)>> =
        vec![Vec::new(); contigs.len()];
    for (i, f) in features.iter().enumerate() {
        if let Some(v) = per_contig.get_mut(f.contig.get()) {
            v.push((f.span, FeatureIdx(i as u32)));
        }
    }
    let intervals = per_contig.into_iter().map(IntervalIndex::build).collect();

    let (contig_names, contig_exact, contigs) = name_contigs(contigs, &mut diagnostics);

    let mut genome = Genome {
        contigs,
        features,
        document,
        ids: links.ids,
        id_lines: links.lines,
        id_children: links.children,
        intervals,
        names: NameIndex::default(),
        gene_table: Vec::new(),
        unannotated: FxHashMap::default(),
        unannotated_rows: Vec::new(),
        gene_info: FxHashMap::default(),
        elements: Elements::default(),
        contig_names,
        contig_exact,
        by_start: Vec::new(),
        parent_order: Vec::new(),
        cds_groups: Default::default(),
        cds_chain_parent: Vec::new(),
        parent_groups: Default::default(),
    };
    crate::core::genome::hierarchy::index(&mut genome);
    tidy::repair_phases(&mut genome, &mut diagnostics);
    index_names(&mut genome, table, &mut diagnostics);
    (genome, diagnostics)
}

/// Contig names → contigs.
type NameMap = FxHashMap<Box<str>, ContigId>;

/// The contig name index: every contig's name, then each alias that names one contig only — an
/// exact name always wins over another contig's alias, an alias fitting several contigs names
/// none (a warning), and contigs sharing one name are all marked ambiguous (an error).
fn name_contigs(
    mut contigs: Vec<Contig>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (NameMap, NameMap, Vec<Contig>) {
    let mut exact: FxHashMap<Box<str>, ContigId> = FxHashMap::default();
    let mut clashes: Vec<(usize, usize)> = Vec::new();
    for (i, c) in contigs.iter().enumerate() {
        match exact.get(&c.name) {
            Some(&j) => clashes.push((j.get(), i)),
            None => {
                exact.insert(c.name.clone(), ContigId(i as u32));
            }
        }
    }
    for (j, i) in clashes {
        let why = format!(
            "two sequences are named '{}' (and the annotation cannot tell them apart)",
            contigs[i].name
        );
        diagnostics.push(Diagnostic::general(
            Severity::Error,
            InputKind::Reconciliation,
            format!("{why}; edits on them are refused"),
        ));
        for k in [i, j] {
            contigs[k]
                .ambiguity
                .get_or_insert_with(|| why.clone().into());
        }
    }
    // Case-insensitive names: a name two contigs share whatever the case names neither that way.
    let mut by_lower: FxHashMap<Box<str>, Vec<usize>> = FxHashMap::default();
    for (i, c) in contigs.iter().enumerate() {
        let v = by_lower.entry(c.name.to_lowercase().into()).or_default();
        if !v.iter().any(|&o| contigs[o].name == c.name) {
            v.push(i);
        }
    }
    let mut names: FxHashMap<Box<str>, ContigId> = FxHashMap::default();
    let mut case_only: Vec<String> = Vec::new();
    for (key, owners) in by_lower {
        match owners.as_slice() {
            [one] => {
                names.insert(key, ContigId(*one as u32));
            }
            many => case_only.push(
                many.iter()
                    .map(|&o| format!("'{}'", contigs[o].name))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        }
    }
    crate::core::sort::sort(&mut case_only);
    for list in case_only {
        diagnostics.push(Diagnostic::general(
            Severity::Warning,
            InputKind::Reconciliation,
            format!(
                "the sequences {list} differ only in case; each is found by its exact name only"
            ),
        ));
    }
    let mut by_alias: FxHashMap<Box<str>, Vec<usize>> = FxHashMap::default();
    for (i, c) in contigs.iter().enumerate() {
        for a in &c.aliases {
            let key: Box<str> = a.to_lowercase().into();
            if names.contains_key(&key) {
                continue;
            }
            let v = by_alias.entry(key).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        }
    }
    let mut shared: Vec<(Box<str>, Vec<usize>)> = Vec::new();
    for (alias, owners) in by_alias {
        match owners.as_slice() {
            [one] => {
                names.insert(alias, ContigId(*one as u32));
            }
            _ => shared.push((alias, owners)),
        }
    }
    crate::core::sort::sort(&mut shared);
    for (alias, owners) in shared {
        let list: Vec<String> = owners
            .iter()
            .map(|&o| format!("'{}'", contigs[o].name))
            .collect();
        diagnostics.push(Diagnostic::general(
            Severity::Warning,
            InputKind::Reconciliation,
            format!(
                "the name '{alias}' is an alias of several sequences ({}); it names none of them",
                list.join(", ")
            ),
        ));
    }
    (names, exact, contigs)
}

/// Sorts contigs by `key` and renumbers every reference to them.
fn reorder(
    contigs: Vec<Contig>,
    key: &[(u8, usize)],
    features: &mut [Feature],
    document: &mut [DocItem],
) -> Vec<Contig> {
    let mut order: Vec<usize> = (0..contigs.len()).collect();
    crate::core::sort::sort_by_key(&mut order, |&i| key[i]);
    if order.iter().enumerate().all(|(new, &old)| new == old) {
        return contigs;
    }
    let mut remap = vec![ContigId(0); contigs.len()];
    for (new, &old) in order.iter().enumerate() {
        remap[old] = ContigId(new as u32);
    }
    for f in features.iter_mut() {
        f.contig = remap[f.contig.get()];
    }
    for item in document.iter_mut() {
        if let DocItem::SequenceRegion { contig, .. } = item {
            *contig = remap[contig.get()];
        }
    }
    let mut slots: Vec<Option<Contig>> = contigs.into_iter().map(Some).collect();
    order.iter().filter_map(|&old| slots[old].take()).collect()
}

fn header_of(info: &RecordInfo) -> Box<str> {
    match &info.description {
        Some(d) => format!("{} {}", info.id, d).into(),
        None => info.id.clone(),
    }
}

fn dedup_aliases(name: &str, aliases: Vec<String>) -> Vec<Box<str>> {
    let mut out: Vec<Box<str>> = Vec::new();
    for a in aliases {
        let a = a.trim();
        if a.is_empty()
            || a.eq_ignore_ascii_case(name)
            || out.iter().any(|o| o.eq_ignore_ascii_case(a))
        {
            continue;
        }
        out.push(a.into());
    }
    out
}

/// Features outside the `##sequence-region` their file declared (the region written on export
/// follows the sequence instead).
fn check_regions(
    features: &[Feature],
    contigs: &[Contig],
    seqids: &[SeqidInfo],
    diags: &mut Vec<Diagnostic>,
) {
    for f in features {
        let c = &contigs[f.contig.get()];
        let (start, end) = f.span.one_based();
        if let Some((rs, re, rline)) = seqids.get(f.contig.get()).and_then(|s| s.sequence_region)
            && (start < rs || end > re)
        {
            diags.push(Diagnostic::at_line(
                    Severity::Warning,
                    InputKind::Gff3,
                    f.source_line.line,
                    format!(
                        "{} {}..{end} is not contained in range {rs}..{re} of the ##sequence-region of '{}' (line {rline})",
                        f.kind, start, c.name
                    ),
                ));
        }
    }
}

/// A centromere, ARS, telomere or LTR row of the feature table as an element of a contig the
/// genome has (its chromosome number is one of the contig's aliases); `None` otherwise.
fn element_of(genome: &Genome, row: &GeneInfo) -> Option<Element> {
    let kind = ElementKind::parse(&row.feature_type)?;
    let (chromosome, a, b) = row.place.as_ref()?;
    let contig = genome.contig_by_name(chromosome)?;
    let span = Span::from_one_based((*a).min(*b), (*a).max(*b)).ok()?;
    (span.end().get() <= genome.contig(contig).length).then(|| Element {
        kind,
        name: row.systematic.clone(),
        contig,
        span,
    })
}

fn index_names(genome: &mut Genome, table: Option<Vec<GeneInfo>>, diags: &mut Vec<Diagnostic>) {
    let mut names = NameIndex::default();
    let mut by_systematic: FxHashMap<String, FeatureIdx> = FxHashMap::default();
    let top_level: Vec<FeatureIdx> = genome
        .features
        .iter()
        .enumerate()
        .filter(|(_, f)| f.parents.is_empty() && !f.kind.is_sequence_level())
        .map(|(i, _)| FeatureIdx(i as u32))
        .filter(|&idx| {
            let f = genome.feature(idx);
            f.id.as_deref()
                .is_none_or(|id| genome.by_id(id).first() == Some(&idx))
        })
        .collect();
    for &idx in &top_level {
        let f = genome.feature(idx);
        if let Some(id) = f.id.as_deref() {
            names.insert(id, idx, NameKind::Id);
        }
        if let Some(sys) = f.systematic_name() {
            names.insert(&sys, idx, NameKind::Systematic);
            by_systematic.entry(sys.to_uppercase()).or_insert(idx);
        }
        if let Some(n) = f.name.as_deref() {
            names.insert(n, idx, NameKind::Standard);
        }
    }
    if let Some(rows) = table {
        let mut unmatched = Vec::new();
        let mut kept: Vec<GeneInfo> = Vec::new();
        let mut elements = Vec::new();
        for row in rows {
            let Some(&idx) = by_systematic.get(&row.systematic.to_uppercase()) else {
                match element_of(genome, &row) {
                    Some(e) => elements.push(e),
                    None => unmatched.push(row),
                }
                continue;
            };
            if let Some(s) = row.standard.as_deref() {
                names.insert(s, idx, NameKind::Standard);
            }
            for a in &row.aliases {
                names.insert(a, idx, NameKind::Alias);
            }
            if let std::collections::hash_map::Entry::Vacant(e) = genome.gene_info.entry(idx) {
                e.insert(kept.len() as u32);
                kept.push(row);
            }
        }
        genome.gene_table = kept;
        genome.elements = Elements::new(elements);
        for (i, row) in unmatched.iter().enumerate() {
            for name in std::iter::once(&row.systematic).chain(row.standard.as_ref()) {
                genome
                    .unannotated
                    .entry(name.to_uppercase().into_boxed_str())
                    .or_insert(i as u32);
            }
        }
        if !unmatched.is_empty() {
            let examples: Vec<String> = unmatched
                .iter()
                .take(5)
                .map(|r| format!("{} ({}, line {})", r.systematic, r.feature_type, r.line))
                .collect();
            diags.push(Diagnostic::general(
                Severity::Info,
                InputKind::FeatureTable,
                format!(
                    "{} named rows of the feature table have no gene in the annotation (e.g. {})",
                    unmatched.len(),
                    examples.join(", ")
                ),
            ));
        }
        genome.unannotated_rows = unmatched;
    }
    names.finish();
    genome.names = names;
}
