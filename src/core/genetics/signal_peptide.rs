//! Whether a protein likely begins with a secretory signal peptide, or with an N-terminal
//! signal-anchor — a **heuristic** read from the protein sequence, since no per-gene list of
//! signal peptides ships with the app (the shared UniProt file has names only). An N-terminal tag
//! put after the ATG lands before either and is expected to disrupt targeting: ER entry and
//! secretion for a signal peptide (PHO5's and SUC2's products are secreted), membrane insertion
//! for a signal-anchor (TOM20, TOM70 in the mitochondrial outer membrane).
//!
//! The rule follows the three regions of a signal peptide (von Heijne 1986, Nucleic Acids Res
//! 14:4683–4690, [`SOURCE`]) and the (−3,−1) rule of its cleavage site (von Heijne 1983, Eur J
//! Biochem 133:17–21), as SignalP-style predictors score them, in the simplest form:
//!
//! 1. **h-region**: the most hydrophobic window of 8 residues (Kyte & Doolittle 1982 hydropathy,
//!    mean ≥ 2.0; no D, E, K, R or P) starting within residues 2–26 (1-based), extended both ways
//!    over residues that are neither charged, P, nor strongly polar (hydropathy < −1.5: N, Q, H).
//! 2. **n-region**: the residues between Met1 and the h-region must not be negative
//!    (K + R ≥ D + E).
//! 3. **cleavage site**: a residue −1 in {A, G, S, C} with −3 in {A, G, S, C, T, V, I, L} and no P
//!    from −3 to +1 (and at residue 12 or later): the first such −1 residue in the 15 after the
//!    h-region's last (a c-region: SUC2's A19 after AFLFLLAGFAA at 5–15), else the h-region's
//!    last or second-last residue — the h-region as extended takes in small c-region residues, so
//!    the site can lie at its end (PDI1's A22) or one before it (MFα1's A19, then A20); never
//!    further inside it.
//!
//! A signal peptide has such a site — and, when its h-region is as long as a transmembrane helix
//! (≥ 18 residues), the site within 3 residues of its end. A long h-region without one, or any
//! h-region followed within 5 residues by two or more K/R (the positive-inside rule, von Heijne
//! 1986, EMBO J 5:3021), is read as a **signal-anchor**: a membrane anchor, not cleaved.
//!
//! On the shipped S288C genome it finds the signal peptides of SUC2, PHO5, PRC1 (CPY), YPS1,
//! EXG1, KAR2, MFα1 and PDI1, none for ACT1, TDH3, PGK1 or ADH1, and reads TOM20's and TOM70's
//! N termini as signal-anchors (`tests/native/signal_peptides.rs`); it calls about 11% of all
//! annotated ORFs (dubious ones included) signal peptides. Mitochondrial presequences are not
//! detected.

use crate::core::genetics::finding::gene_label;
use crate::core::genetics::orf::Orf;
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;

/// The source the rule follows, named in every warning.
pub const SOURCE: &str = "von Heijne 1986, Nucleic Acids Res 14:4683";

/// Residues in the hydrophobic window.
const WINDOW: usize = 8;
/// The window's least mean hydropathy (Kyte & Doolittle).
const MEAN_HYDROPATHY: f32 = 2.0;
/// The window starts within residues 2..=this (1-based).
const LAST_START: usize = 26;
/// An h-region this long spans a membrane.
const TRANSMEMBRANE: usize = 18;
/// The cleavage site's −1 residue lies at most this far after the h-region's end.
const C_REGION: usize = 15;

/// What the N terminus looks like.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum NTerminal {
    /// A cleaved secretory signal peptide (ER entry).
    SignalPeptide,
    /// A signal-anchor: an uncleaved N-terminal membrane anchor.
    SignalAnchor,
}

/// A likely signal peptide or signal-anchor: where its hydrophobic core is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignalPeptide {
    /// Signal peptide or signal-anchor.
    pub kind: NTerminal,
    /// The h-region's first residue, 1-based (Met1 is residue 1).
    pub h_start: usize,
    /// The h-region's residues (one-letter codes).
    pub h_region: String,
    /// The n-region: the residues between Met1 and the h-region (may be empty).
    pub n_region: String,
    /// The first (−3,−1) cleavage site's −1 residue, 1-based (cleavage after it); `None` for a
    /// signal-anchor.
    pub cleaved_after: Option<usize>,
}

impl SignalPeptide {
    /// The h-region's last residue, 1-based, inclusive.
    pub fn h_end(&self) -> usize {
        self.h_start + self.h_region.len() - 1
    }
}

/// Kyte & Doolittle 1982 (J Mol Biol 157:105) hydropathy; −5 for anything else.
pub(crate) fn hydropathy(c: u8) -> f32 {
    match c {
        b'I' => 4.5,
        b'V' => 4.2,
        b'L' => 3.8,
        b'F' => 2.8,
        b'C' => 2.5,
        b'M' => 1.9,
        b'A' => 1.8,
        b'G' => -0.4,
        b'T' => -0.7,
        b'S' => -0.8,
        b'W' => -0.9,
        b'Y' => -1.3,
        b'P' => -1.6,
        b'H' => -3.2,
        b'E' | b'Q' | b'D' | b'N' => -3.5,
        b'K' => -3.9,
        b'R' => -4.5,
        _ => -5.0,
    }
}

fn charged(c: u8) -> bool {
    matches!(c, b'D' | b'E' | b'K' | b'R')
}

/// Ends an h-region: charged, P, or strongly polar.
fn breaks(c: u8) -> bool {
    charged(c) || c == b'P' || hydropathy(c) < -1.5
}

fn count(s: &[u8], set: &[u8]) -> usize {
    s.iter().filter(|c| set.contains(c)).count()
}

/// Applies the rule (see the module) to a protein in one-letter codes, starting at Met1 (case
/// ignored; a final `*` allowed). `None` when no h-region qualifies, the n-region is negative,
/// or a short h-region has no cleavage site.
pub fn detect(protein: &str) -> Option<SignalPeptide> {
    let p = protein
        .trim_end_matches('*')
        .as_bytes()
        .to_ascii_uppercase();
    // 0-based window starts 1..LAST_START (residues 2..=LAST_START).
    let last = (LAST_START - 1).min(p.len().checked_sub(WINDOW + 1)?);
    let mut best: Option<(usize, f32)> = None;
    for s in 1..=last {
        let w = &p[s..s + WINDOW];
        if w.iter().any(|&c| charged(c) || c == b'P') {
            continue;
        }
        let mean = w.iter().map(|&c| hydropathy(c)).sum::<f32>() / WINDOW as f32;
        if mean >= MEAN_HYDROPATHY && best.is_none_or(|(_, m)| mean > m) {
            best = Some((s, mean));
        }
    }
    let (s, _) = best?;
    let mut a = s;
    while a > 1 && !breaks(p[a - 1]) {
        a -= 1;
    }
    let mut b = s + WINDOW;
    while b < p.len() && !breaks(p[b]) {
        b += 1;
    }
    let n = &p[1..a];
    if count(n, b"KR") < count(n, b"DE") {
        return None;
    }
    // Cleavage after residue i (1-based −1); 0-based −1 is i-1, −3 is i-3, +1 is i. The first
    // site after the h-region's end (a c-region), else one at its last or second-last residue
    // (the extended stretch took in small c-region residues) — never inside the stretch itself.
    let is_site = |i: usize| {
        i >= 12
            && i < p.len()
            && b"AGSC".contains(&p[i - 1])
            && b"AGSCTVIL".contains(&p[i - 3])
            && !p[i - 3..=i].contains(&b'P')
    };
    let site = (b + 1..=b + C_REGION)
        .find(|&i| is_site(i))
        .or_else(|| (b.saturating_sub(1)..=b).rev().find(|&i| is_site(i)));
    let long = b - a >= TRANSMEMBRANE;
    let kind = match site {
        Some(i) if !long || i <= b + 3 => NTerminal::SignalPeptide,
        _ if long || count(&p[b..(b + 5).min(p.len())], b"KR") >= 2 => NTerminal::SignalAnchor,
        _ => return None,
    };
    Some(SignalPeptide {
        kind,
        h_start: a + 1,
        h_region: String::from_utf8_lossy(&p[a..b]).into_owned(),
        n_region: String::from_utf8_lossy(n).into_owned(),
        cleaved_after: site.filter(|_| kind == NTerminal::SignalPeptide),
    })
}

/// The rule applied to `gene`'s protein (its one CDS, translated); `None` when it has no readable
/// ORF or the rule finds nothing.
pub fn of_gene(genome: &Genome, gene: FeatureIdx) -> Option<SignalPeptide> {
    detect(&Orf::of(genome, gene).ok()?.protein())
}

/// The warning an N-terminal tag on a gene with a likely signal peptide or signal-anchor gets,
/// naming the gene (`standard`, `systematic`), the h-region found, the heuristic and its source.
pub fn n_tag_warning(standard: &str, systematic: &str, sp: &SignalPeptide) -> String {
    let gene = gene_label(standard, systematic);
    let n = if sp.n_region.is_empty() {
        "right after Met1".to_owned()
    } else {
        format!("after the n-region {}", sp.n_region)
    };
    match (sp.kind, sp.cleaved_after) {
        (NTerminal::SignalPeptide, site) => format!(
            "{gene} likely begins with a signal peptide (heuristic: hydrophobic stretch {} at residues {}–{} {n}{}; rule after {SOURCE}): an N-terminal tag placed before a signal peptide is expected to disrupt its targeting (ER entry, secretion) — tag the C terminus, or insert the tag after the cleavage site",
            sp.h_region,
            sp.h_start,
            sp.h_end(),
            site.map_or(String::new(), |i| format!(
                ", a (−3,−1) cleavage site after residue {i}"
            ))
        ),
        (NTerminal::SignalAnchor, _) => format!(
            "{gene} likely begins with a signal-anchor, not a cleaved signal peptide (heuristic: hydrophobic stretch {} at residues {}–{} {n}, membrane-spanning or followed by K/R, no cleavage site; rule after {SOURCE}): an N-terminal tag placed before a membrane anchor may disrupt its insertion and topology — tag the C terminus",
            sp.h_region,
            sp.h_start,
            sp.h_end()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_pho5s_and_suc2s_signal_peptides_and_not_a_cytoplasmic_protein() {
        let pho5 = detect("MFKSVVYSILAASLANAGTIPLGKLADVDKIG").unwrap();
        assert_eq!(pho5.kind, NTerminal::SignalPeptide);
        assert_eq!((pho5.h_start, pho5.h_end()), (4, 15));
        assert_eq!(
            (pho5.h_region.as_str(), pho5.n_region.as_str()),
            ("SVVYSILAASLA", "FK")
        );
        // The site after the stretch (…KISA|SMTN), not inside it (A14 of AFLFLLAGFAA).
        assert_eq!(pho5.cleaved_after, Some(17));
        let suc2 = detect("MLLQAFLFLLAGFAAKISASMTNETSDRPLVH").unwrap();
        assert_eq!(suc2.kind, NTerminal::SignalPeptide);
        assert_eq!(suc2.h_region, "AFLFLLAGFAA");
        assert_eq!(suc2.cleaved_after, Some(19));
        // Actin's N terminus: acidic, no hydrophobic core.
        assert_eq!(detect("MDSEVAALVIDNGSGMCKAGFAGDDAPRAVFP"), None);
        // A negative n-region does not count.
        assert_eq!(detect("MDDEELLLLLLLLLLSSSSSSSSSSSSSSSS"), None);
        assert_eq!(detect("MLLL"), None);
        // TOM20's N terminus: a 20-residue anchor followed by arginines, no cleavage site.
        let tom20 = detect("MSQSNPILRGLAITTAIAALSATGYAIYFDYQRRNSPQFRKVLRQ").unwrap();
        assert_eq!(
            (tom20.kind, tom20.cleaved_after),
            (NTerminal::SignalAnchor, None)
        );
    }
}
