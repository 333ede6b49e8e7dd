//! Whether a protein likely ends with a targeting signal that a C-terminal tag would hide or be
//! cut off with — a **heuristic** read from its last residues, as `signal_peptide.rs` reads its
//! first. A tag fused before the stop codon (`KAR2-GFP`) puts the tag's residues after the signal:
//!
//! - **ER retrieval** `HDEL` (also `KDEL`, `DDEL`, `ADEL`) at the very end of a protein that
//!   enters the ER (it has a signal peptide or signal-anchor): the signal must be C-terminal to
//!   be read, so the fusion is secreted instead of kept in the ER lumen (Pelham, Hardwick & Lewis
//!   1988, EMBO J 7:1757 — yeast's HDEL; Lewis & Pelham 1990, Nature 348:162 — DDEL).
//! - **Prenylation**: a CaaX box (C at −4, then two residues neither charged nor P, then any;
//!   RAS2's CIIS) or a Rab's CC / CXC end (YPT1's GGCC): the cysteine must be near
//!   the end to be farnesylated or geranylgeranylated, so the fusion loses its membrane anchor
//!   (Zhang & Casey 1996, Annu Rev Biochem 65:241).
//! - **Peroxisomal PTS1**: `[SAC][KRH]L` as the last three residues (SKL; Gould et al. 1989,
//!   J Cell Biol 108:1657): read only at the C terminus, so the fusion stays in the cytosol.
//! - **GPI-anchor signal**: a secretory protein (it has a signal peptide) ending in a hydrophobic
//!   tail — 10 residues of mean Kyte & Doolittle hydropathy ≥ 1.6 with no D, E, K, R or P, ending
//!   at most 3 residues before the end: the tail is cut off at the ω site and replaced by the
//!   anchor, and the tag with it (GAS1; Caro et al. 1997, Yeast 13:1477).
//!
//! On the shipped S288C genome it finds KAR2's and PDI1's HDEL, RAS2's CaaX, YPT1's
//! Rab ends, CIT2's SKL and GAS1's GPI signal, and none for ACT1, TDH3, PGK1, SUC2 or PHO5
//! (`tests/native/c_terminal_signals.rs`).

use crate::core::genetics::finding::gene_label;
use crate::core::genetics::orf::Orf;
use crate::core::genetics::signal_peptide::{self, hydropathy};
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;

/// The kind of C-terminal signal.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum CTerminal {
    /// An ER-retrieval signal (HDEL): the protein is kept in the ER lumen.
    ErRetrieval,
    /// A prenylation site (CaaX box, or a Rab's CC / CXC end): a lipid anchor.
    Prenylation,
    /// A peroxisomal targeting signal type 1 (SKL).
    Peroxisomal,
    /// A GPI-anchor signal: a hydrophobic tail cleaved off when the anchor is added.
    GpiAnchor,
}

impl CTerminal {
    /// What the signal is, for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::ErRetrieval => "an ER-retrieval signal",
            Self::Prenylation => "a prenylation site",
            Self::Peroxisomal => "a peroxisomal targeting signal (PTS1)",
            Self::GpiAnchor => "a GPI-anchor signal",
        }
    }

    /// What a C-terminal tag does to it, and what to do instead.
    fn consequence(self) -> &'static str {
        match self {
            Self::ErRetrieval => {
                "a C-terminal tag hides it, so the fusion is expected to be secreted rather than kept in the ER — tag internally, or put the signal back after the tag"
            }
            Self::Prenylation => {
                "a C-terminal tag moves the cysteine away from the end, so the fusion is expected to lose its lipid anchor and membrane localisation — tag the N terminus"
            }
            Self::Peroxisomal => {
                "a C-terminal tag hides it, so the fusion is expected to stay in the cytosol — tag the N terminus"
            }
            Self::GpiAnchor => {
                "the tail is cut off when the anchor is added, and a C-terminal tag with it — tag internally, after the signal peptide"
            }
        }
    }

    /// The papers the rule follows.
    fn source(self) -> &'static str {
        match self {
            Self::ErRetrieval => "Pelham et al. 1988, EMBO J 7:1757",
            Self::Prenylation => "Zhang & Casey 1996, Annu Rev Biochem 65:241",
            Self::Peroxisomal => "Gould et al. 1989, J Cell Biol 108:1657",
            Self::GpiAnchor => "Caro et al. 1997, Yeast 13:1477",
        }
    }
}

/// A likely C-terminal signal: its kind and the residues that make it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CTerminalSignal {
    /// What it is.
    pub kind: CTerminal,
    /// Its residues (one-letter codes): `HDEL`, `CIIS`, `SKL`, a GPI tail.
    pub motif: String,
    /// The motif's first residue, 1-based.
    pub start: usize,
}

/// Residues in a GPI signal's hydrophobic window.
const GPI_WINDOW: usize = 10;
/// The window's least mean hydropathy (Kyte & Doolittle).
const GPI_HYDROPATHY: f32 = 1.6;
/// The window ends at most this many residues before the protein's end.
const GPI_END: usize = 3;

/// Applies the rule (see the module) to a protein in one-letter codes from Met1 (case ignored; a
/// final `*` allowed). `None` when no signal is found.
pub fn detect(protein: &str) -> Option<CTerminalSignal> {
    let p = protein
        .trim_end_matches('*')
        .as_bytes()
        .to_ascii_uppercase();
    let n = p.len();
    if n < 30 {
        return None;
    }
    let found = |kind, from: usize| {
        Some(CTerminalSignal {
            kind,
            motif: String::from_utf8_lossy(&p[from..]).into_owned(),
            start: from + 1,
        })
    };
    let n_terminal = signal_peptide::detect(protein);
    if n_terminal.is_some() && p[n - 3..] == *b"DEL" && b"HKDA".contains(&p[n - 4]) {
        return found(CTerminal::ErRetrieval, n - 4);
    }
    let plain = |c: u8| !matches!(c, b'D' | b'E' | b'K' | b'R' | b'P');
    if p[n - 4] == b'C' && plain(p[n - 3]) && plain(p[n - 2]) {
        return found(CTerminal::Prenylation, n - 4);
    }
    if p[n - 2..] == *b"CC" || (p[n - 3] == b'C' && p[n - 1] == b'C') {
        return found(CTerminal::Prenylation, n - 3);
    }
    if b"SAC".contains(&p[n - 3]) && b"KRH".contains(&p[n - 2]) && p[n - 1] == b'L' {
        return found(CTerminal::Peroxisomal, n - 3);
    }
    let secretory =
        n_terminal.is_some_and(|sp| sp.kind == signal_peptide::NTerminal::SignalPeptide);
    if secretory {
        for end in (n - GPI_END..=n).rev() {
            let w = &p[end - GPI_WINDOW..end];
            let mean = w.iter().map(|&c| hydropathy(c)).sum::<f32>() / GPI_WINDOW as f32;
            if w.iter().all(|&c| plain(c)) && mean >= GPI_HYDROPATHY {
                return found(CTerminal::GpiAnchor, end - GPI_WINDOW);
            }
        }
    }
    None
}

/// The rule applied to `gene`'s protein (its one CDS, translated); `None` when it has no readable
/// ORF or the rule finds nothing.
pub fn of_gene(genome: &Genome, gene: FeatureIdx) -> Option<CTerminalSignal> {
    detect(&Orf::of(genome, gene).ok()?.protein())
}

/// The warning a C-terminal tag on a gene with a likely C-terminal signal gets, naming the gene
/// (`standard`, `systematic`), the motif and where it is, the consequence and the rule's source.
pub fn c_tag_warning(standard: &str, systematic: &str, s: &CTerminalSignal) -> String {
    let gene = gene_label(standard, systematic);
    format!(
        "{gene} likely ends with {} ({} from residue {}; heuristic after {}): {}",
        s.kind.label(),
        s.motif,
        s.start,
        s.kind.source(),
        s.kind.consequence()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "MSTNKQSAELQGKVHTWNEQFAKDYLRNGVTEQMQQDRGNKVYSTEQWLKA";

    #[test]
    fn reads_each_kind_of_end_and_leaves_a_plain_one() {
        let kind = |p: &str| detect(p).map(|s| (s.kind, s.motif));
        // No N-terminal signal: an HDEL end is not read as ER retrieval.
        assert_eq!(kind(&format!("{BODY}FEHDEL")), None);
        // With one (PHO5's signal peptide), it is.
        assert_eq!(
            kind(&format!("MFKSVVYSILAASLANAGTIP{BODY}FEHDEL*")),
            Some((CTerminal::ErRetrieval, "HDEL".to_owned()))
        );
        assert_eq!(
            kind(&format!("{BODY}GGCIIS")),
            Some((CTerminal::Prenylation, "CIIS".to_owned()))
        );
        assert_eq!(
            kind(&format!("{BODY}SGGCC")),
            Some((CTerminal::Prenylation, "GCC".to_owned()))
        );
        assert_eq!(kind(&format!("{BODY}CKKS")), None);
        assert_eq!(
            kind(&format!("{BODY}QGSKL")),
            Some((CTerminal::Peroxisomal, "SKL".to_owned()))
        );
        assert_eq!(
            kind(&format!(
                "MFKSVVYSILAASLANAGTIP{BODY}SSSKNAATNVKANLAQVVFTSIISLSIAAGVGFALV"
            ))
            .map(|k| k.0),
            Some(CTerminal::GpiAnchor)
        );
        // The same tail without a signal peptide is a plain end.
        assert_eq!(
            kind(&format!("{BODY}SSSKNAATNVKANLAQVVFTSIISLSIAAGVGFALV")),
            None
        );
        assert_eq!(kind(&format!("{BODY}QQNW")), None);
        assert_eq!(kind("MCIIS"), None);
    }
}
