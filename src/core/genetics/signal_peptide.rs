//! Whether a protein likely begins with a secretory signal peptide — a **heuristic** read from the
//! protein sequence, since no per-gene list of signal peptides ships with the app (the shared
//! UniProt file has names only). An N-terminal tag put after the ATG lands before such a signal
//! peptide and is expected to disrupt its targeting (ER entry, secretion): PHO5's and SUC2's
//! products are secreted.
//!
//! The rule, after the three regions von Heijne described (von Heijne 1986, Nucleic Acids Res
//! 14:4683–4690, [`SOURCE`]): within residues 2–30 (1-based, Met1 excluded) a window of 10
//! residues of which ≥ 7 are hydrophobic (A, C, F, I, L, M, V, W) and none charged (D, E, K, R) —
//! the h-region — preceded by an n-region (the residues between Met1 and the window) that is not
//! negative (K + R ≥ D + E; most are positive, SUC2's is the lone Met1). The first such window
//! counts. It flags PHO5 (h-region VVYSILAASL at residues 5–14), SUC2 (LLQAFLFLLA, 2–11), MFα1,
//! KAR2, PDI1 and about 12% of the proteome, and N-terminal transmembrane anchors too; it misses
//! signal peptides whose h-region is rich in S, T or G (PRC1's, EXG1's). Mitochondrial
//! presequences are not detected.

use crate::core::genetics::orf::Orf;
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;

/// The source the rule follows, named in every warning.
pub const SOURCE: &str = "von Heijne 1986, Nucleic Acids Res 14:4683";

/// Residues in the h-region window.
const WINDOW: usize = 10;
/// Hydrophobic residues the window needs.
const HYDROPHOBIC_NEEDED: usize = 7;
/// The window lies within the first this many residues.
const WITHIN: usize = 30;

/// A likely signal peptide: where its hydrophobic core is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignalPeptide {
    /// The h-region's first residue, 1-based (Met1 is residue 1).
    pub h_start: usize,
    /// The h-region's residues (10, one-letter codes).
    pub h_region: String,
    /// The n-region: the residues between Met1 and the h-region (may be empty).
    pub n_region: String,
}

impl SignalPeptide {
    /// The h-region's last residue, 1-based, inclusive.
    pub fn h_end(&self) -> usize {
        self.h_start + self.h_region.len() - 1
    }
}

fn hydrophobic(c: u8) -> bool {
    matches!(c, b'A' | b'C' | b'F' | b'I' | b'L' | b'M' | b'V' | b'W')
}

fn charged(c: u8) -> bool {
    matches!(c, b'D' | b'E' | b'K' | b'R')
}

/// Applies the rule (see the module) to a protein in one-letter codes, starting at Met1 (case
/// ignored; a final `*` allowed). `None` when no window qualifies or the protein is shorter than
/// 11 residues.
pub fn detect(protein: &str) -> Option<SignalPeptide> {
    let p = protein.as_bytes().to_ascii_uppercase();
    let last_start = WITHIN.min(p.len()).checked_sub(WINDOW)?;
    (1..=last_start).find_map(|s| {
        let w = &p[s..s + WINDOW];
        let n = &p[1..s];
        let positive = n.iter().filter(|&&c| c == b'K' || c == b'R').count();
        let negative = n.iter().filter(|&&c| c == b'D' || c == b'E').count();
        (w.iter().filter(|&&c| hydrophobic(c)).count() >= HYDROPHOBIC_NEEDED
            && !w.iter().any(|&c| charged(c))
            && positive >= negative)
            .then(|| SignalPeptide {
                h_start: s + 1,
                h_region: String::from_utf8_lossy(w).into_owned(),
                n_region: String::from_utf8_lossy(n).into_owned(),
            })
    })
}

/// The rule applied to `gene`'s protein (its one CDS, translated); `None` when it has no readable
/// ORF or the rule finds nothing.
pub fn of_gene(genome: &Genome, gene: FeatureIdx) -> Option<SignalPeptide> {
    detect(&Orf::of(genome, gene).ok()?.protein())
}

/// The warning an N-terminal tag on a gene with a likely signal peptide gets, naming the gene
/// (`standard`, `systematic`), the h-region found, the heuristic and its source.
pub fn n_tag_warning(standard: &str, systematic: &str, sp: &SignalPeptide) -> String {
    let gene = if standard.eq_ignore_ascii_case(systematic) || standard.is_empty() {
        systematic.to_owned()
    } else {
        format!("{standard} ({systematic})")
    };
    let n = if sp.n_region.is_empty() {
        "right after Met1".to_owned()
    } else {
        format!("after the n-region {}", sp.n_region)
    };
    format!(
        "{gene} likely begins with a signal peptide (heuristic: hydrophobic stretch {} at residues {}–{} {n}; rule after {SOURCE}): an N-terminal tag placed before a signal peptide is expected to disrupt its targeting (ER entry, secretion) — tag the C terminus, or insert the tag after the cleavage site",
        sp.h_region,
        sp.h_start,
        sp.h_end()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_pho5s_and_suc2s_h_regions_and_not_a_cytoplasmic_protein() {
        let pho5 = detect("MFKSVVYSILAASLANAGTIPLGKLADVDKIG").unwrap();
        assert_eq!((pho5.h_start, pho5.h_end()), (5, 14));
        assert_eq!(
            (pho5.h_region.as_str(), pho5.n_region.as_str()),
            ("VVYSILAASL", "FKS")
        );
        let suc2 = detect("MLLQAFLFLLAGFAAKISASMTNETSDRPLVH").unwrap();
        assert_eq!((suc2.h_start, suc2.n_region.as_str()), (2, ""));
        // Actin's N terminus: acidic, no hydrophobic core.
        assert_eq!(detect("MDSEVAALVIDNGSGMCKAGFAGDDAPRAVFP"), None);
        // A negative n-region does not count.
        assert_eq!(detect("MDDEELLLLLLLLLLSSSSSSSSSSSSSSSS"), None);
        assert_eq!(detect("MLLL"), None);
    }
}
