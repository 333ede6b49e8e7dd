//! What the strain panel says next to the background, with the same weight as the genotype: every
//! approximation the spec records, so nobody learns it only from the JSON.

use crate::core::design::Design;
use crate::core::design::genotype::Zygosity;

/// One line: the allele (or `diploid`) and what is modelled or approximated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// `his3Δ1`, `MATa`, `diploid`.
    pub what: String,
    /// The sentence.
    pub text: String,
    /// Whether it says the edited sequence differs from the strain (an approximation), rather than
    /// how something is modelled.
    pub approximation: bool,
}

/// The notes of a design's background (none without one).
pub fn notes(design: &Design) -> Vec<Note> {
    let Some(b) = &design.genotype().background else {
        return Vec::new();
    };
    let mut out: Vec<Note> = b
        .alleles
        .iter()
        .map(|a| Note {
            what: a.name.clone(),
            approximation: a.lesion.contains("approximat")
                || a.lesion.contains("not applied")
                || a.lesion.contains("not modelled")
                || a.lesion.contains("literature says"),
            text: a.lesion.clone(),
        })
        .collect();
    if b.ploidy == 2 {
        let het: Vec<&str> = b
            .alleles
            .iter()
            .filter(|a| a.zygosity == Zygosity::Heterozygous)
            .map(|a| a.name.as_str())
            .chain(
                design
                    .genotype()
                    .perturbations
                    .iter()
                    .filter(|p| p.zygosity == Zygosity::Heterozygous)
                    .map(|p| p.designation.as_str()),
            )
            .collect();
        out.push(Note {
            what: "diploid".to_owned(),
            text: format!(
                "One edited sequence stands for both copies: homozygous alleles are applied to it; heterozygous ones{} are recorded in the spec and not applied.",
                if het.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", het.join(", "))
                }
            ),
            approximation: true,
        });
    }
    out
}
