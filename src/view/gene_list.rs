//! What the gene-list panel says about a pasted list before anything is applied: how each name
//! resolved ("BAS2 → PHO2 (alias)"), names no gene has with suggestions ("did you mean PHO5"),
//! ambiguous and repeated names, essential genes, genes the design already deleted, collateral
//! genes each deletion trims or removes, and deletions that clash with the design's edits (named
//! as the design names them) or with each other.

use std::collections::BTreeSet;

use crate::core::design::Design;
use crate::core::genetics::bulk_delete::{BulkPreview, Clash, clash_words, preview};
use crate::core::genetics::gene_list::GeneList;
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::genome::names::NameKind;
use crate::view::edit_rows::as_listed;

/// Unknown names for which suggestions are looked for at most (each costs a pass over the names).
pub const SUGGEST_MAX: usize = 20;

/// A gene as people name it: `PHO5 (YBR093C)`, or the systematic name alone.
pub fn gene_label(genome: &Genome, gene: FeatureIdx) -> String {
    let (sys, std) = genome.gene_names(gene);
    if sys == std {
        sys
    } else {
        format!("{std} ({sys})")
    }
}

/// The panel's account of a list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListReport {
    /// Names that resolved to another name than written: `BAS2 → PHO2 (alias)`.
    pub resolutions: Vec<String>,
    /// Names no gene has, each with up to three suggestions (standard names as written).
    pub unknown: Vec<(String, Vec<String>)>,
    /// Names SGD's feature table has but the annotation does not (blocked reading frames:
    /// `YER109C (FLO8): blocked_reading_frame`): not misspelt, so no "did you mean".
    pub unannotated: Vec<String>,
    /// Names several genes share: `name (names 2 genes: A, B)`.
    pub ambiguous: Vec<String>,
    /// Names repeating a gene already listed.
    pub duplicates: Vec<String>,
    /// Essential genes among the resolved.
    pub essential: Vec<String>,
    /// Listed genes the design already removed: `TFC3 (YAL001C), by edit #1 (tfc3Δ)`.
    pub already_deleted: Vec<String>,
    /// Per listed gene, what else its deletion takes: `deleting X trims Y, removes Z`.
    pub collateral: Vec<String>,
    /// Deletions that clash: `X overlaps edit #3 (…) in your design`, `X overlaps the deletion of Y`.
    pub clashes: Vec<String>,
    /// Resolved genes that can be deleted as they are.
    pub clean: usize,
    /// Clashing deletions (already deleted genes aside).
    pub clashing: usize,
}

fn kind_word(k: NameKind) -> &'static str {
    match k {
        NameKind::Id => "ID",
        NameKind::Systematic => "systematic name",
        NameKind::Standard => "standard name",
        NameKind::Alias => "alias",
    }
}

/// Reports on a resolved list against the design (`essential`: the deletion project's verdicts).
pub fn report(
    genome: &Genome,
    design: &Design,
    list: &GeneList,
    essential: &crate::core::genetics::essential::EssentialityTable,
) -> ListReport {
    let mut out = ListReport::default();
    for (name, gene, kind) in &list.resolved {
        let (sys, std) = genome.gene_names(*gene);
        let shown = if *kind == NameKind::Systematic {
            &sys
        } else {
            &std
        };
        if !shown.eq_ignore_ascii_case(name) || *kind == NameKind::Alias {
            let target = if *kind == NameKind::Systematic && sys != std {
                format!("{std} ({sys})")
            } else if *kind == NameKind::Alias || *kind == NameKind::Id {
                std.clone()
            } else {
                sys.clone()
            };
            out.resolutions
                .push(format!("{name} → {target} ({})", kind_word(*kind)));
        }
        if essential.is_essential(&sys) {
            out.essential.push(gene_label(genome, *gene));
        }
    }
    for (k, name) in list.unknown.iter().enumerate() {
        if let Some(row) = genome.unannotated(name) {
            let std = row
                .standard
                .as_deref()
                .map_or(String::new(), |s| format!(" ({s})"));
            let line = format!("{}{std}: {}", row.systematic, row.feature_type);
            if !out.unannotated.contains(&line) {
                out.unannotated.push(line);
            }
            continue;
        }
        let suggestions = if k < SUGGEST_MAX {
            let mut seen = BTreeSet::new();
            genome
                .names()
                .similar(name, 8)
                .into_iter()
                .flat_map(|key| genome.names().all(key).iter().map(|h| h.feature))
                .filter(|f| seen.insert(*f))
                .take(3)
                .map(|f| genome.gene_names(f).1)
                .collect()
        } else {
            Vec::new()
        };
        out.unknown.push((name.clone(), suggestions));
    }
    out.ambiguous = list
        .ambiguous
        .iter()
        .map(|(n, c)| {
            format!(
                "{n} (names {} genes: {})",
                c.len(),
                c.iter()
                    .map(|f| genome.gene_names(*f).0)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect();
    out.duplicates = list.duplicates.clone();
    let pv: BulkPreview = preview(genome, design, &list.genes());
    for (gene, clash) in &pv.clashes {
        let line = format!(
            "{} {}",
            gene_label(genome, *gene),
            as_listed(&clash_words(genome, design, clash))
        );
        match clash {
            Clash::AlreadyDeleted(_) => out.already_deleted.push(line),
            _ => {
                out.clashing += 1;
                out.clashes.push(line);
            }
        }
    }
    for (gene, others) in &pv.collateral {
        let (removed, trimmed): (Vec<_>, Vec<_>) = others.iter().partition(|(_, whole)| *whole);
        let names = |v: &[&(FeatureIdx, bool)]| {
            v.iter()
                .map(|(f, _)| gene_label(genome, *f))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut parts = Vec::new();
        if !trimmed.is_empty() {
            parts.push(format!("trims {}", names(&trimmed)));
        }
        if !removed.is_empty() {
            parts.push(format!("removes {}", names(&removed)));
        }
        out.collateral.push(format!(
            "deleting {} {}",
            gene_label(genome, *gene),
            parts.join(" and ")
        ));
    }
    out.clean = pv.clean;
    out
}
