//! The affected-feature report: one row per (edit, feature line, effect), as TSV.

use std::io::{self, Write};

use crate::core::design::Design;
use crate::core::genome::Genome;
use crate::core::lift::{EffectKind, Lifted};

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

/// Writes the report: every effect of every enabled edit (a line that is gone: only its removal),
/// 1-based coordinates, `.` when absent; text fields escaped with [`tsv_field`].
pub fn write_tsv<W: Write>(
    out: &mut W,
    genome: &Genome,
    design: &Design,
    lifted: &Lifted,
) -> io::Result<()> {
    writeln!(out, "{HEADER}")?;
    for e in lifted.effects() {
        let Some(edit) = design.edit(e.edit) else {
            continue;
        };
        let f = genome.feature(e.feature);
        let l = lifted.feature(e.feature);
        // A line that is gone is reported once, as gone (deleted, or deleted with its parent),
        // not also as trimmed by the same edit.
        if l.status.is_gone() && !matches!(e.kind, EffectKind::Dropped | EffectKind::Orphaned) {
            continue;
        }
        let (rs, re) = f.span.one_based();
        let (es, ee) = match (l.status.is_gone(), l.span) {
            (false, Some(s)) => {
                let (a, b) = s.one_based();
                (a.to_string(), b.to_string())
            }
            _ => (".".into(), ".".into()),
        };
        let gene = genome
            .feature(genome.top_ancestor(e.feature))
            .display_name();
        let gene = tsv_field(&gene);
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{gene}\t{rs}\t{re}\t{}\t{es}\t{ee}\t{}",
            edit.id.0,
            tsv_field(&Design::describe(genome, edit, false).to_string()),
            tsv_field(&genome.contig(f.contig).name),
            f.source_line.line,
            tsv_field(f.kind.as_str()),
            tsv_field(f.id.as_deref().unwrap_or(".")),
            tsv_field(f.name.as_deref().unwrap_or(".")),
            e.kind.word(),
            l.phase.map_or(".".to_owned(), |p| p.to_string()),
        )?;
    }
    Ok(())
}
