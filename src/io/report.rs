//! The affected-feature report: one row per (edit, feature line, effect), as TSV.

use std::io::{self, Write};

use crate::core::design::Design;
use crate::core::genome::Genome;
use crate::core::lift::Lifted;

/// Column names of the report.
pub const HEADER: &str = "edit_id\tedit\tseqid\tfeature_line\ttype\tid\tname\tgene\tref_start\tref_end\teffect\tedited_start\tedited_end\tphase";

/// Writes the report: every effect of every enabled edit, 1-based coordinates, `.` when absent.
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
            .display_name()
            .into_owned();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{gene}\t{rs}\t{re}\t{}\t{es}\t{ee}\t{}",
            edit.id.0,
            Design::describe(genome, edit, false),
            genome.contig(f.contig).name,
            f.source_line.line,
            f.kind,
            f.id.as_deref().unwrap_or("."),
            f.name.as_deref().unwrap_or("."),
            e.kind.word(),
            l.phase.map_or(".".to_owned(), |p| p.to_string()),
        )?;
    }
    Ok(())
}
