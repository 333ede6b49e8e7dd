//! A loaded genome as a [`GeneResolver`]: its name index (systematic, standard, alias names).

use super::resolve::{GeneResolver, Resolved};
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::genome::names::Lookup;

fn systematic(genome: &Genome, gene: FeatureIdx) -> String {
    let f = genome.feature(gene);
    f.systematic_name()
        .map(|s| s.to_ascii_uppercase())
        .unwrap_or_else(|| f.display_name().to_ascii_uppercase())
}

impl GeneResolver for Genome {
    fn resolve(&self, name: &str) -> Resolved {
        match self.lookup(name) {
            Lookup::Found(hit) => Resolved::Found(systematic(self, hit.feature)),
            Lookup::Ambiguous(hits) => {
                let mut names: Vec<String> =
                    hits.iter().map(|h| systematic(self, h.feature)).collect();
                crate::core::sort::sort(&mut names);
                names.dedup();
                match names.len() {
                    1 => Resolved::Found(names.remove(0)),
                    _ => Resolved::Ambiguous(names),
                }
            }
            Lookup::NotFound => Resolved::Unknown,
        }
    }
}
