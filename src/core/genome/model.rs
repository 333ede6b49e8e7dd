//! The loaded reference genome: contigs, features, their links and indexes. Immutable once built.

use rustc_hash::FxHashMap;

use crate::core::coord::Span;
use crate::core::genome::contig::{Contig, ContigId};
use crate::core::genome::elements::Elements;
use crate::core::genome::feature::{Feature, FeatureIdx};
use crate::core::genome::gene_info::GeneInfo;
use crate::core::genome::interval::IntervalIndex;
use crate::core::genome::links::Csr;
use crate::core::genome::names::{Lookup, NameIndex};

/// One item of the GFF3 document in input order, kept so export can reproduce it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocItem {
    /// `##gff-version …`, raw.
    GffVersion(Box<str>),
    /// `##sequence-region` of a contig, raw.
    SequenceRegion {
        /// The contig it declares.
        contig: ContigId,
        /// The line as written.
        raw: Box<str>,
    },
    /// Any other `##` directive, raw.
    Directive(Box<str>),
    /// A `#` comment (including `#!` lines), raw.
    Comment(Box<str>),
    /// `###`: all forward references so far are resolved.
    Sync,
    /// A feature line.
    Feature(FeatureIdx),
}

/// The reference genome. Built once by [`crate::core::genome::assemble::assemble`], never mutated after.
#[derive(Clone, Debug, Default)]
pub struct Genome {
    pub(crate) contigs: Vec<Contig>,
    pub(crate) features: Vec<Feature>,
    pub(crate) document: Vec<DocItem>,
    pub(crate) ids: FxHashMap<Box<str>, u32>,
    pub(crate) id_lines: Csr,
    pub(crate) id_children: Csr,
    pub(crate) intervals: Vec<IntervalIndex>,
    pub(crate) names: NameIndex,
    pub(crate) gene_table: Vec<GeneInfo>,
    pub(crate) gene_info: FxHashMap<FeatureIdx, u32>,
    /// Feature-table rows with no feature in the annotation (SGD's blocked reading frames,
    /// `FLO8`/YER109C among them, are not genes of Ensembl's GFF3), by upper-cased systematic and
    /// standard name: so that a name the annotation lacks is explained, not only "unknown".
    pub(crate) unannotated: FxHashMap<Box<str>, u32>,
    pub(crate) unannotated_rows: Vec<GeneInfo>,
    /// Centromeres, ARS, telomeres and LTRs from the feature table.
    pub(crate) elements: Elements,
    /// Lower-cased names and aliases → contig (names fitting one contig only).
    pub(crate) contig_names: FxHashMap<Box<str>, ContigId>,
    /// Exact contig names → contig (checked first: two contigs may differ only in case).
    pub(crate) contig_exact: FxHashMap<Box<str>, ContigId>,
    /// Per contig, its features sorted by (start, end).
    pub(crate) by_start: Vec<Vec<FeatureIdx>>,
    /// Features with at least one parent, parents before children.
    pub(crate) parent_order: Vec<FeatureIdx>,
    /// CDS chains (a multi-line CDS; the single-line CDS children of one parent; a lone CDS),
    /// each in coding order.
    pub(crate) cds_groups: Csr,
    /// Each CDS chain's parent group, for chains of a parent's CDS children.
    pub(crate) cds_chain_parent: Vec<Option<u32>>,
    /// For each feature, the ID groups its `Parent`s resolve to (in `Parent` order).
    pub(crate) parent_groups: Csr<u32>,
}

impl Genome {
    /// All contigs, in annotation order (seqids first, then sequences without features).
    pub fn contigs(&self) -> &[Contig] {
        &self.contigs
    }

    /// One contig.
    pub fn contig(&self, id: ContigId) -> &Contig {
        &self.contigs[id.get()]
    }

    /// Finds a contig by its name or any alias (`I`, `chrI`, `NC_001133`), case-insensitive
    /// unless two contigs' names differ only in case.
    pub fn contig_by_name(&self, name: &str) -> Option<ContigId> {
        // The exact name first (two contigs may differ only in case; a seqid may end with a
        // blank), then any name or alias whatever the case, then without blanks around it.
        self.contig_exact
            .get(name)
            .or_else(|| self.contig_names.get(name.to_lowercase().as_str()))
            .or_else(|| self.contig_names.get(name.trim().to_lowercase().as_str()))
            .copied()
    }

    /// Total length of all contigs.
    pub fn total_length(&self) -> u64 {
        self.contigs.iter().map(|c| c.length).sum()
    }

    /// All features, in input order.
    pub fn features(&self) -> &[Feature] {
        &self.features
    }

    /// One feature.
    pub fn feature(&self, idx: FeatureIdx) -> &Feature {
        &self.features[idx.get()]
    }

    /// The GFF3 document's items in input order.
    pub fn document(&self) -> &[DocItem] {
        &self.document
    }

    /// Every line carrying this `ID` (several for multi-line features).
    pub fn by_id(&self, id: &str) -> &[FeatureIdx] {
        self.ids.get(id).map_or(&[], |&g| self.id_lines.get(g))
    }

    /// Features naming `id` among their `Parent`s.
    pub fn children(&self, id: &str) -> &[FeatureIdx] {
        self.ids.get(id).map_or(&[], |&g| self.id_children.get(g))
    }

    /// The feature lines of every parent of `idx`.
    pub fn parents(&self, idx: FeatureIdx) -> impl Iterator<Item = FeatureIdx> + '_ {
        self.feature(idx)
            .parents
            .iter()
            .flat_map(|p| self.by_id(p).iter().copied())
    }

    /// Features on `contig` sharing at least one base with `span`, in input order. O(log n + k).
    pub fn overlapping(&self, contig: ContigId, span: Span) -> Vec<FeatureIdx> {
        self.intervals
            .get(contig.get())
            .map(|i| i.overlapping(span))
            .unwrap_or_default()
    }

    /// Looks a gene up by systematic, standard or alias name (case-insensitive).
    pub fn lookup(&self, name: &str) -> Lookup {
        self.names.lookup(name)
    }

    /// The name index.
    pub fn names(&self) -> &NameIndex {
        &self.names
    }

    /// What the feature table says about a gene-level feature.
    pub fn gene_info(&self, idx: FeatureIdx) -> Option<&GeneInfo> {
        self.gene_info
            .get(&idx)
            .map(|&r| &self.gene_table[r as usize])
    }

    /// The feature-table row of a name (systematic or standard, any case) that has no feature in
    /// the annotation: `FLO8` → YER109C, a `blocked_reading_frame` in SGD_features.tab that
    /// Ensembl's GFF3 does not annotate. `None` for annotated genes and unknown names.
    pub fn unannotated(&self, name: &str) -> Option<&GeneInfo> {
        self.unannotated
            .get(name.trim().to_uppercase().as_str())
            .map(|&r| &self.unannotated_rows[r as usize])
    }

    /// `“FLO8” (YER109C) is in SGD's feature table as a blocked_reading_frame, not a gene of this
    /// annotation` — why a name the annotation lacks is not found; `None` when the table does not
    /// know it either.
    pub fn unannotated_sentence(&self, name: &str) -> Option<String> {
        let row = self.unannotated(name)?;
        let names = match row.standard.as_deref() {
            Some(s) if !s.eq_ignore_ascii_case(&row.systematic) => {
                format!("{s} ({})", row.systematic)
            }
            _ => row.systematic.to_string(),
        };
        Some(format!(
            "{names} is in SGD's feature table as a {}, not a feature of this annotation",
            row.feature_type
        ))
    }

    /// The names a gene is written with: (systematic, standard-or-systematic). The standard name
    /// comes from SGD's feature table when loaded, else the feature's `Name=`.
    pub fn gene_names(&self, gene: FeatureIdx) -> (String, String) {
        let f = self.feature(gene);
        let systematic = f
            .systematic_name()
            .map(|s| s.into_owned())
            .unwrap_or_else(|| f.display_name().into_owned());
        let standard = self
            .gene_info(gene)
            .and_then(|i| i.standard.as_deref())
            .or(f.name.as_deref())
            .map(str::to_owned)
            .unwrap_or_else(|| systematic.clone());
        (systematic, standard)
    }

    /// The chromosomal elements (centromeres, ARS, telomeres, LTRs) the feature table maps onto
    /// this genome's contigs; none without a feature table.
    pub fn elements(&self) -> &Elements {
        &self.elements
    }

    /// Whether a feature table was joined to the annotation.
    pub fn has_gene_info(&self) -> bool {
        !self.gene_info.is_empty()
    }

    /// The reference bases of `span` on `contig`, when its sequence is loaded and the span fits.
    pub fn sequence(&self, contig: ContigId, span: Span) -> Option<&[u8]> {
        let seq = self.contigs.get(contig.get())?.sequence.as_deref()?;
        seq.get(span.as_range())
    }

    /// Top-level, gene-like features (what "a gene" means to a user), in input order, first line of each ID.
    pub fn genes(&self) -> impl Iterator<Item = FeatureIdx> + '_ {
        self.features.iter().enumerate().filter_map(move |(i, f)| {
            let idx = FeatureIdx(i as u32);
            let first_of_id =
                f.id.as_deref()
                    .is_none_or(|id| self.by_id(id).first() == Some(&idx));
            (f.kind.is_gene_like() && f.parents.is_empty() && first_of_id).then_some(idx)
        })
    }

    /// A contig's features sorted by (start, end).
    pub fn features_by_start(&self, contig: ContigId) -> &[FeatureIdx] {
        self.by_start.get(contig.get()).map_or(&[], Vec::as_slice)
    }

    /// Features that have parents, ordered so that every parent comes before its children.
    pub fn parent_order(&self) -> &[FeatureIdx] {
        &self.parent_order
    }

    /// The ID groups a feature's parents resolve to (undefined parents are left out).
    pub fn parent_groups(&self, idx: FeatureIdx) -> &[u32] {
        self.parent_groups.get(idx.0)
    }

    /// The lines of an ID group.
    pub fn group_lines(&self, group: u32) -> &[FeatureIdx] {
        self.id_lines.get(group)
    }

    /// Every CDS chain along which phases follow each other — the lines of a multi-line CDS, or
    /// the single-line CDS children of one parent, or a lone CDS line — each in coding direction
    /// (5′ → 3′). A CDS line with two parents is in two chains.
    pub fn cds_groups(&self) -> impl Iterator<Item = &[FeatureIdx]> {
        (0..self.cds_groups.len() as u32).map(|g| self.cds_groups.get(g))
    }

    /// The CDS chains with, for a chain of one parent's CDS children, that parent's ID group.
    pub fn cds_chains(&self) -> impl Iterator<Item = (&[FeatureIdx], Option<u32>)> {
        (0..self.cds_groups.len() as u32).map(|g| {
            (
                self.cds_groups.get(g),
                self.cds_chain_parent.get(g as usize).copied().flatten(),
            )
        })
    }

    /// The top-level ancestor of a feature (itself when it has no parent), following first parents.
    pub fn top_ancestor(&self, idx: FeatureIdx) -> FeatureIdx {
        let mut cur = idx;
        for _ in 0..64 {
            match self.parents(cur).next() {
                Some(p) => cur = p,
                None => break,
            }
        }
        cur
    }

    /// The full extent of a (possibly multi-line) feature: the union of every line sharing its ID.
    pub fn extent(&self, idx: FeatureIdx) -> Span {
        let f = self.feature(idx);
        let lines = f.id.as_deref().map(|id| self.by_id(id)).unwrap_or(&[]);
        lines
            .iter()
            .map(|&i| self.feature(i))
            .filter(|g| g.contig == f.contig)
            .fold(f.span, |acc, g| {
                Span::from_raw(
                    acc.start().get().min(g.span.start().get()),
                    acc.end().get().max(g.span.end().get()),
                )
            })
    }
}
