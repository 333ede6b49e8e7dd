//! Selectable markers a design uses, and the ones it uses twice: a lab selects each
//! transformation on its marker (kanMX on G418, natMX on nourseothricin, hphMX on hygromycin B;
//! Wach et al. 1994, Goldstein & McCusker 1999), so a second edit with the marker already in the
//! strain cannot be selected for — kanMX4 and kanMX6 alike, which carry the same kan^r ORF.
//!
//! A perturbation's marker is read from its designation as geneticists write it (`tfc3Δ::kanMX4`,
//! `PHO5-GFP(S65T)::kanMX6`: what follows `::`), or is the cassette a gene addition inserts
//! when that is a marker module (`kanMX4@III:1000`).

use crate::core::design::genotype::{Genotype, PerturbationType};

/// The marker a perturbation of `genotype` carries, by index: `(index, marker as written)`.
fn markers(genotype: &Genotype) -> Vec<(usize, String)> {
    genotype
        .perturbations
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let m = match p.designation.split_once("::") {
                Some((_, m)) => m.trim().to_owned(),
                None if p.perturbation_type == PerturbationType::GeneAddition
                    && is_marker_module(&p.perturbed_gene_name) =>
                {
                    p.perturbed_gene_name.clone()
                }
                None => return None,
            };
            (!m.is_empty()).then_some((i, m))
        })
        .collect()
}

/// Whether a name is an MX marker module (`kanMX4`, `natMX6`, `HIS3MX6`).
fn is_marker_module(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .ends_with("mx")
}

/// What a marker selects on: its family (`kanmx` for kanMX4 and kanMX6) and the drug or
/// medium in words.
pub fn selection(marker: &str) -> (String, &'static str) {
    let family = marker
        .to_ascii_lowercase()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .to_owned();
    let words = match family.as_str() {
        "kanmx" => "G418 (geneticin)",
        "natmx" => "nourseothricin (clonNAT)",
        "hphmx" => "hygromycin B",
        "his3mx" => "medium without histidine",
        "ura3" | "kl.ura3" => "medium without uracil",
        _ => "the same selection",
    };
    (family, words)
}

/// Each marker selection two or more perturbations of `genotype` use: a sentence naming the
/// markers, the perturbations (designations, in the design's order) and what they select on.
pub fn reused_markers(genotype: &Genotype) -> Vec<String> {
    let found = markers(genotype);
    let mut families: Vec<String> = found.iter().map(|(_, m)| selection(m).0).collect();
    crate::core::sort::sort(&mut families);
    families.dedup();
    families
        .into_iter()
        .filter_map(|family| {
            let users: Vec<&(usize, String)> =
                found.iter().filter(|(_, m)| selection(m).0 == family).collect();
            if users.len() < 2 {
                return None;
            }
            let mut names: Vec<&str> = Vec::new();
            for (_, m) in &users {
                if !names.contains(&m.as_str()) {
                    names.push(m);
                }
            }
            // At most six named (a gene list's thousands of deletions would fill the screen).
            let mut designations: Vec<String> = users
                .iter()
                .take(6)
                .map(|(i, _)| genotype.perturbations[*i].designation.clone())
                .collect();
            if users.len() > 6 {
                designations.push(format!("… {} more", users.len() - 6));
            }
            let others: Vec<&str> = ["kanMX", "natMX", "hphMX"]
                .into_iter()
                .filter(|m| m.to_ascii_lowercase() != family)
                .collect();
            Some(format!(
                "{} used by {} edits ({}): all select on {}, so a strain carrying the first cannot be selected for the next; use another marker ({}) or recycle it",
                names.join(" and "),
                users.len(),
                designations.join(", "),
                selection(users[0].1.as_str()).1,
                others.join(", ")
            ))
        })
        .collect()
}
