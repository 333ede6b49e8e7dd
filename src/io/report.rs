//! The affected-feature report: one row per (edit, reference feature line), one effect word, as TSV.

use std::io::{self, Write};

use crate::core::design::Design;
use crate::core::edit::EditId;
use crate::core::edit::helpers::resolve_gene;
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::lift::{EffectKind, FeatureStatus, Lifted};
use crate::core::ml::gene_nodes::{GeneStatus, promoter_lost, promoter_replaced};

/// Column names of the report.
pub const HEADER: &str = "edit_id\tedit\tseqid\tfeature_line\ttype\tid\tname\tgene\tref_start\tref_end\teffect\tedited_start\tedited_end\tphase";

/// A text field for TSV, escaped as "linear TSV" does (<http://dataprotocols.org/linear-tsv/>):
/// `\\`, `\t`, `\n`, `\r`; other control characters as `\xNN`. A field never splits a row.
pub fn tsv_field(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c == '\\' || c.is_control()) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.into()
}

/// Writes the report: one row per (enabled edit, reference feature line) the edit changed, with one
/// effect word from the exports' vocabulary — `deleted` (the line is gone, also when with its
/// parent), `superseded` (the line's annotation replaced by the edit's, its bases possibly left:
/// MATα1/α2 and their lines in a MATa design), `trimmed`, `disrupted`, `fused`, `substituted`, `phase_changed` (only its CDS phase
/// changed; a trimmed CDS whose phase changed too is `trimmed`, the new phase in `phase`),
/// `promoter_replaced` (the gene line of a promoter-swapped gene) and `promoter_lost` (the gene
/// line of a gene whose 5′ intergenic bases the edit removed or replaced) — the words of the GFF3's
/// `edit_status` and the gene nodes. 1-based coordinates, `.` when absent; text fields escaped
/// with [`tsv_field`].
pub fn write_tsv<W: Write>(
    out: &mut W,
    genome: &Genome,
    design: &Design,
    lifted: &Lifted,
) -> io::Result<()> {
    writeln!(out, "{HEADER}")?;
    for (id, feature, word) in rows(genome, design, lifted) {
        let Some(edit) = design.edit(id) else {
            continue;
        };
        let f = genome.feature(feature);
        let l = lifted.feature(feature);
        let (rs, re) = f.span.one_based();
        let (es, ee) = match (l.status.is_gone(), l.span) {
            (false, Some(s)) => {
                let (a, b) = s.one_based();
                (a.to_string(), b.to_string())
            }
            _ => (".".into(), ".".into()),
        };
        let gene = genome.feature(genome.top_ancestor(feature)).display_name();
        let gene = tsv_field(&gene);
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{gene}\t{rs}\t{re}\t{word}\t{es}\t{ee}\t{}",
            edit.id.0,
            tsv_field(&Design::describe(genome, edit, false).to_string()),
            tsv_field(&genome.contig(f.contig).name),
            f.source_line.line,
            tsv_field(f.kind.as_str()),
            tsv_field(f.id.as_deref().unwrap_or(".")),
            tsv_field(f.name.as_deref().unwrap_or(".")),
            l.phase.map_or(".".to_owned(), |p| p.to_string()),
        )?;
    }
    Ok(())
}

/// The report's rows, in edit then feature-line order: (edit, reference feature line, effect
/// word), one per line an enabled edit changed — the lift-over's effects, the genes whose promoter
/// a swap replaced and those whose promoter an edit took. What [`write_tsv`] writes and what the
/// CLI's `apply` counts ("N feature line(s) affected": the distinct lines here).
pub fn rows(
    genome: &Genome,
    design: &Design,
    lifted: &Lifted,
) -> Vec<(EditId, FeatureIdx, &'static str)> {
    let mut rows: Vec<(EditId, FeatureIdx, &'static str)> = Vec::new();
    for group in lifted
        .effects()
        .chunk_by(|a, b| a.edit == b.edit && a.feature == b.feature)
    {
        let first = group[0];
        let word = if lifted.feature(first.feature).status.is_gone() {
            // Gone: reported once, as gone, not also as trimmed by the same edit.
            if !group
                .iter()
                .any(|e| matches!(e.kind, EffectKind::Dropped | EffectKind::Orphaned))
            {
                continue;
            }
            match lifted.feature(first.feature).status {
                FeatureStatus::Superseded => FeatureStatus::Superseded.label(),
                _ => EffectKind::Dropped.word(),
            }
        } else {
            group
                .iter()
                .find(|e| e.kind != EffectKind::PhaseChanged)
                .unwrap_or(&first)
                .kind
                .word()
        };
        rows.push((first.edit, first.feature, word));
    }
    for (gene, designation) in promoter_replaced(design) {
        let Ok(line) = resolve_gene(genome, &gene) else {
            continue;
        };
        if !matches!(
            lifted.feature(line).status,
            FeatureStatus::Unchanged | FeatureStatus::Shifted
        ) {
            continue;
        }
        let Some(p) = design
            .genotype()
            .perturbations
            .iter()
            .find(|p| p.designation == designation)
        else {
            continue;
        };
        for &id in &p.edit_ids {
            rows.push((id, line, GeneStatus::PromoterReplaced.label()));
        }
    }
    for (line, edits) in promoter_lost(genome, design, lifted) {
        for id in edits {
            rows.push((id, line, GeneStatus::PromoterLost.label()));
        }
    }
    crate::core::sort::sort_by_key(&mut rows, |r| (r.0, r.1));
    rows
}
