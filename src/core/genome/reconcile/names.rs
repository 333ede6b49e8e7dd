//! Name normalisation, organelle names and the alias-table lookup used to match seqids to records.

use crate::core::genome::aliases::{ChromosomeAliases, R64_CHROMOSOMES};

/// Sequences every genome names in many ways: organelles and the yeast 2-micron plasmid.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Organelle {
    /// `chrM`, `chrMT`, `MT`, `M`, `Mito`, `chrmt`, `mt`, `mitochondrion`, `[location=mitochondrion]`.
    Mitochondrion,
    /// `chrC`, `Pt`, `chloroplast`, `plastid`, `[location=chloroplast]`.
    Plastid,
    /// `2-micron`, `2micron`, `[location=2micron]`, `[plasmid=2-micron]`.
    TwoMicron,
}

impl Organelle {
    /// The organelle a name stands for (case, a `chr` prefix, a version, `-`/`_`/blanks ignored).
    pub fn of(name: &str) -> Option<Self> {
        let n: String = normalise(name)
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect();
        match n.as_str() {
            "m" | "mt" | "mito" | "mitochondrion" | "mitochondria" | "mitochondrial" => {
                Some(Self::Mitochondrion)
            }
            "c" | "pt" | "chloroplast" | "plastid" | "cp" => Some(Self::Plastid),
            "2micron" | "2mu" | "2um" | "2µ" | "2μ" | "twomicron" => Some(Self::TwoMicron),
            _ => None,
        }
    }

    /// A word for messages.
    pub fn label(self) -> &'static str {
        match self {
            Self::Mitochondrion => "mitochondrion",
            Self::Plastid => "plastid",
            Self::TwoMicron => "2-micron plasmid",
        }
    }
}

/// Lower-cases and strips a `chr`/`chromosome` prefix and a `.N` version suffix.
pub fn normalise(name: &str) -> String {
    let lower = name.trim().to_ascii_lowercase();
    let mut s = lower.as_str();
    for prefix in ["chromosome_", "chromosome", "chr_", "chr"] {
        if let Some(rest) = s.strip_prefix(prefix)
            && !rest.is_empty()
        {
            s = rest;
            break;
        }
    }
    if let Some((base, ver)) = s.rsplit_once('.')
        && !base.is_empty()
        && !ver.is_empty()
        && ver.bytes().all(|b| b.is_ascii_digit())
    {
        s = base;
    }
    s.to_owned()
}

/// The alias-table row one of `names` belongs to, when `length` (if given) is that chromosome's.
pub(crate) fn table_row_for(
    names: &[String],
    length: Option<u64>,
) -> Option<&'static ChromosomeAliases> {
    R64_CHROMOSOMES.iter().find(|row| {
        length.is_none_or(|l| l == row.length)
            && row
                .names
                .iter()
                .any(|n| names.iter().any(|m| normalise(m) == normalise(n)))
    })
}
