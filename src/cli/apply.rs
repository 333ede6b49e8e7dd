//! `genoforge apply`: edits → edited FASTA, GFF3, chain, report.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use super::args::{ApplyArgs, FastaWidth};
use super::read_input;
use super::summary::load_genome;
use crate::core::design::Design;
use crate::core::edited::EditedGenome;
use crate::core::genome::Genome;
use crate::core::lift::Lifted;
use crate::io::fasta_writer::{self, Width};
use crate::io::{chain, edits_json, gff3, report};

/// Loads the edits file into a design over `genome`.
pub(crate) fn load_design(genome: &Genome, path: &Path) -> Result<Design, String> {
    let input = read_input(path)?;
    let file = edits_json::parse(&input.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut design = Design::new();
    edits_json::apply(&file, genome, &mut design)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(design)
}

/// Creates `path` and runs `write` into it (buffered).
pub(crate) fn write_file(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> Result<(), String> {
    let file = File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BufWriter::new(file);
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(|e| format!("{}: {e}", path.display()))
}

pub(crate) fn run(a: &ApplyArgs) -> Result<(), String> {
    let loaded = load_genome(&a.genome)?;
    let genome = &loaded.genome;
    let design = match (&a.edits, &a.spec) {
        (Some(e), _) => load_design(genome, e)?,
        (None, Some(s)) => super::spec::load_spec_design(genome, s)?,
        (None, None) => return Err("give --edits or --spec".to_owned()),
    };
    let lifted = Lifted::new(genome, &design);
    let edited = EditedGenome::new(genome, &design);
    if let Some(p) = &a.out_fasta {
        let width = match a.width {
            FastaWidth::Sixty => Width::Sixty,
            FastaWidth::Eighty => Width::Eighty,
        };
        let mut skipped = Vec::new();
        write_file(p, |out| {
            skipped = fasta_writer::write(out, &edited, width)?;
            Ok(())
        })?;
        if !skipped.is_empty() {
            eprintln!(
                "genoforge: warning: no sequence for {}; left out of {}",
                skipped.join(", "),
                p.display()
            );
        }
    }
    if let Some(p) = &a.out_gff {
        write_file(p, |out| gff3::writer::write(out, genome, &design, &lifted))?;
    }
    if let Some(p) = &a.chain {
        write_file(p, |out| chain::write(out, &edited))?;
    }
    if let Some(p) = &a.out_spec {
        let reference = crate::core::spec::ReferenceSpec::of(genome);
        let spec =
            crate::core::spec::export(genome, &design, &reference, &super::spec::now_rfc3339());
        write_file(p, |out| {
            out.write_all(crate::io::spec_json::to_string(&spec).as_bytes())
        })?;
    }
    if let Some(p) = &a.report {
        write_file(p, |out| report::write_tsv(out, genome, &design, &lifted))?;
    }
    eprintln!(
        "genoforge: applied {} edit(s); {} feature line(s) affected",
        design.edits().len(),
        lifted
            .effects()
            .iter()
            .map(|e| e.feature)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );
    Ok(())
}
