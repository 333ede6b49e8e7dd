//! `genoforge liftover`: reference positions → edited positions, with `liftOver`'s semantics (as
//! the chain file): a base an equal-length substitution replaced maps to its replacement.

use crate::cli::args::LiftoverArgs;
use crate::cli::input::{load_design, load_genome};
use crate::core::coord::Pos;
use crate::core::lift::edited::{EditedGenome, LiftedPos};

pub(crate) fn run(a: &LiftoverArgs) -> Result<(), String> {
    let loaded = load_genome(&a.genome)?;
    let genome = &loaded.genome;
    let design = load_design(genome, a.edits.as_deref(), a.spec.as_deref())?;
    if let Some(info) = unchecked_supersedes(genome, &design) {
        eprintln!("genoforge: info: {info}");
    }
    let edited = EditedGenome::new(genome, &design);
    let mut failures = Vec::new();
    for token in &a.positions {
        let Some((seqid, pos)) = token.rsplit_once(':') else {
            failures.push(format!("'{token}': expected SEQID:POS"));
            continue;
        };
        let Ok(pos) = pos.replace([',', '_'], "").parse::<u64>() else {
            failures.push(format!("'{token}': '{pos}' is not a position"));
            continue;
        };
        let Some(contig) = genome.contig_by_name(seqid) else {
            failures.push(format!("'{token}': unknown sequence '{seqid}'"));
            continue;
        };
        let lifted = pos
            .checked_sub(1)
            .and_then(|p| edited.lift_aligned(contig, Pos(p)));
        match lifted {
            Some(LiftedPos::At(q)) => println!("{token}\t{seqid}:{}", q.get() + 1),
            Some(LiftedPos::Deleted { .. }) => println!("{token}\tDELETED"),
            None => failures.push(format!(
                "'{token}': position {pos} is outside {seqid} (1–{})",
                genome.contig(contig).length
            )),
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}

/// Without an annotation (no `--gff`), what the design's edits say they supersede (the MATa
/// allele's `gene:YCR039C`, MATα2) is not checked against annotation IDs: the positions lift
/// through the edits' coordinates alone. `None` when there is an annotation or nothing is
/// superseded.
fn unchecked_supersedes(
    genome: &crate::core::genome::Genome,
    design: &crate::core::design::Design,
) -> Option<String> {
    let ids: Vec<&str> = design
        .edits()
        .iter()
        .filter_map(|e| e.feature.as_ref())
        .flat_map(|f| f.supersedes.iter().map(String::as_str))
        .collect();
    (genome.features().is_empty() && !ids.is_empty()).then(|| {
        format!(
            "no annotation loaded (--gff): the IDs the edits supersede ({}) are not checked; positions lift through the edits' coordinates alone",
            ids.join(", ")
        )
    })
}
