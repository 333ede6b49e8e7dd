//! Whether substitutions in a gene's coding sequence make a likely null allele: the start codon
//! lost (no ATG at codon 1) or a premature stop (nonsense) before the last codon. Read from the
//! edits themselves (same-length replacements inside the CDS parts), so what a point mutation's
//! designation says and what it does cannot differ. Insertions and deletions are not read here
//! (a deletion is judged by what it removes).

use crate::core::edit::Edit;
use crate::core::genetics::orf::Orf;
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;

/// What the substitutions do to the protein.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum NullEffect {
    /// Codon 1 is no longer ATG: translation does not start there.
    StartLost,
    /// A stop codon at `residue` (1-based) of a protein of `length` residues (the stop excluded).
    Nonsense {
        /// The first premature stop, 1-based residue.
        residue: u64,
        /// The reference protein's length.
        length: u64,
    },
}

impl std::fmt::Display for NullEffect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::StartLost => write!(f, "loses the start codon (ATG → another codon)"),
            Self::Nonsense { residue, length } => write!(
                f,
                "puts a premature stop codon at residue {residue} of {length} (nonsense)"
            ),
        }
    }
}

/// What `edits` (same-length substitutions on `gene`'s contig; others ignored) do to `gene`'s
/// coding sequence; `None` when it has no readable ORF or the start and frame stay whole.
pub fn null_effect(genome: &Genome, gene: FeatureIdx, edits: &[&Edit]) -> Option<NullEffect> {
    let orf = Orf::of(genome, gene).ok()?;
    let mut coding = orf.coding.clone();
    let mut changed = false;
    for e in edits {
        if e.contig != orf.contig || e.span.len() != e.sequence.len() as u64 {
            continue;
        }
        for (k, &base) in e.sequence.iter().enumerate() {
            let pos = crate::core::coord::Pos(e.span.start().get() + k as u64);
            if let Some(i) = orf.coding_offset(pos) {
                coding[i as usize] = if orf.is_reverse() {
                    crate::core::seq::revcomp(&[base])[0]
                } else {
                    base
                };
                changed = true;
            }
        }
    }
    if !changed {
        return None;
    }
    if !coding.starts_with(b"ATG") && orf.coding.starts_with(b"ATG") {
        return Some(NullEffect::StartLost);
    }
    let before = orf.code.translate(&orf.coding);
    let after = orf.code.translate(&coding);
    let length = before.trim_end_matches('*').len() as u64;
    let first_stop = |p: &str| p.find('*').map(|i| i as u64);
    match (first_stop(&after), first_stop(&before)) {
        (Some(a), b) if a < length && b.is_none_or(|b| a < b) => Some(NullEffect::Nonsense {
            residue: a + 1,
            length,
        }),
        _ => None,
    }
}
