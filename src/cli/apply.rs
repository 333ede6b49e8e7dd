//! `genoforge apply`: a design (edits JSON or spec) → edited FASTA, GFF3, chain, spec, report;
//! the design's biology warnings on stderr (`consistency::warnings`).

use std::io::Write;

use crate::cli::Failure;
use crate::cli::args::{ApplyArgs, FastaWidth};
use crate::cli::clock::now_rfc3339;
use crate::cli::input::{load_design, load_genome};
use crate::cli::output::{Outputs, check_paths};
use crate::core::lift::Lifted;
use crate::core::lift::edited::EditedGenome;
use crate::core::spec::{ReferenceSpec, export};
use crate::io::fasta_writer::{self, Width};
use crate::io::{chain, gff3, report, spec_json};

pub(crate) fn run(a: &ApplyArgs) -> Result<(), Failure> {
    let mut inputs = a.genome.paths();
    inputs.extend(a.edits.as_deref());
    inputs.extend(a.spec.as_deref());
    let outputs: Vec<(&str, &std::path::Path)> = [
        ("--out-fasta", &a.out_fasta),
        ("--out-gff", &a.out_gff),
        ("--chain", &a.chain),
        ("--out-spec", &a.out_spec),
        ("--report", &a.report),
    ]
    .into_iter()
    .filter_map(|(o, p)| p.as_deref().map(|p| (o, p)))
    .collect();
    check_paths(&inputs, &outputs).map_err(Failure::Usage)?;
    let loaded = load_genome(&a.genome)?;
    let genome = &loaded.genome;
    if a.edits.is_none() && a.spec.is_none() {
        return Err(Failure::Usage("give --edits or --spec".to_owned()));
    }
    let design = load_design(genome, a.edits.as_deref(), a.spec.as_deref())?;
    let lifted = Lifted::new(genome, &design);
    let edited = EditedGenome::new(genome, &design);
    let mut out = Outputs::new();
    if let Some(p) = &a.out_fasta {
        let width = match a.width {
            FastaWidth::Sixty => Width::Sixty,
            FastaWidth::Eighty => Width::Eighty,
        };
        let mut skipped = Vec::new();
        out.write(p, |w| {
            skipped = fasta_writer::write(w, &edited, width)?;
            Ok(())
        })?;
        for (name, why) in skipped {
            eprintln!(
                "genoforge: warning: {name} left out of {}: {}",
                p.display(),
                why.reason()
            );
        }
    }
    if let Some(p) = &a.out_gff {
        out.write(p, |w| gff3::writer::write(w, genome, &design, &lifted))?;
    }
    if let Some(p) = &a.chain {
        let mut skipped = Vec::new();
        out.write(p, |w| {
            skipped = chain::write(w, &edited)?;
            Ok(())
        })?;
        for (name, why) in skipped {
            eprintln!(
                "genoforge: warning: no chain for {name} in {}: {}",
                p.display(),
                why.reason()
            );
        }
    }
    if let Some(p) = &a.out_spec {
        let spec = export(
            genome,
            &design,
            &ReferenceSpec::of(genome),
            &now_rfc3339(),
            &crate::cli::validate::essentiality()?,
        );
        out.write(p, |w| w.write_all(spec_json::to_string(&spec).as_bytes()))?;
    }
    if let Some(p) = &a.report {
        out.write(p, |w| report::write_tsv(w, genome, &design, &lifted))?;
    }
    out.commit()?;
    crate::cli::validate::print_warnings(genome, &design, &lifted, &|_| false)?;
    let applied = design
        .edits()
        .iter()
        .filter(|e| design.is_enabled(e.id))
        .count();
    let skipped = design.edits().len() - applied;
    // Why an edit is off: the user's choice, or a diploid's heterozygous allele (recorded, not
    // applied to the one edited sequence) — said only for a diploid.
    let diploid = (design.genotype().background.as_ref()).is_some_and(|b| b.ploidy == 2);
    let why = if diploid {
        "enabled: false; a diploid's heterozygous edits are recorded so"
    } else {
        "enabled: false"
    };
    eprintln!(
        "genoforge: applied {applied} edit(s), skipped {skipped} disabled ({why}); {} feature line(s) affected",
        report::rows(genome, &design, &lifted)
            .iter()
            .map(|r| r.1)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );
    Ok(())
}
