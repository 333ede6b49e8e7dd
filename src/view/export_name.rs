//! Export file names: the design's name made safe for file systems, then what the file holds
//! (`BY4741-pho5-tag.gff3`, `BY4741-pho5-tag.genotype-spec.json`).
//!
//! The name is the one the user gave the design (its entry in the design library, or the spec's
//! `name`), else the strain background's name (`BY4741`), else `design`. Names are written in
//! ASCII, as strain collections write genotypes outside typeset text (EUROSCARF's BY4741 is
//! `MATa his3D1 leu2D0 met15D0 ura3D0`): `Δ` becomes `D`, `α` becomes `alpha` (`MATalpha`, as SGD
//! spells it — never `a`, which is the other mating type), other Greek letters their names. ASCII
//! because these files go to clusters, archives and workflow managers whose tools and locales do
//! not all read UTF-8 names alike (a `Δ` can arrive as `Î”` or `?`). Pure; no clock, no browser.

use crate::core::design::genotype::Genotype;
use crate::io::export::ExportKind;

/// The longest stem kept, in bytes (ASCII, so characters): with the longest suffix
/// (`.reference-to-edited.chain`, 26 bytes) a name stays far below the 255 bytes file systems allow.
pub const MAX_STEM: usize = 100;

/// The stem used when neither a name nor a background gives one.
pub const FALLBACK_STEM: &str = "design";

/// Names Windows reserves whatever the extension (`CON.gff3` cannot be created there).
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// The ASCII spelling of a Greek letter (`Δ` → `D`, the strain collections' deletion sign;
/// `α` → `alpha`), `None` for any other character.
fn greek(c: char) -> Option<&'static str> {
    const LOWER: [&str; 25] = [
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
        "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma", "tau", "upsilon",
        "phi", "chi", "psi", "omega",
    ];
    const UPPER: [&str; 25] = [
        "Alpha", "Beta", "Gamma", "D", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa",
        "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "Sigma", "Sigma", "Tau", "Upsilon",
        "Phi", "Chi", "Psi", "Omega",
    ];
    match c {
        // U+03A2 is unassigned; the table keeps the code points' order (final sigma included).
        'α'..='ω' => Some(LOWER[(c as u32 - 'α' as u32) as usize]),
        'Α'..='Ω' if c != '\u{3a2}' => Some(UPPER[(c as u32 - 'Α' as u32) as usize]),
        _ => None,
    }
}

/// A name as a file-name stem: ASCII letters, digits, `.`, `_` and `-` kept; Greek letters spelt
/// out ([`greek`]); any other run of characters (spaces, `/`, `\`, `:`, brackets, other
/// non-ASCII letters) one `-`. Leading and trailing `.`, `-`, `_` go (no hidden file, nothing read
/// as a command-line option), and so does the end beyond [`MAX_STEM`]; a name Windows reserves
/// (`CON`, `NUL.txt`, `COM1`, …) gets a `_` after its first part (`NUL_.txt`). `None` when nothing readable remains (an empty name, or
/// one of only symbols).
///
/// `"BY4741 pho5 tag"` → `BY4741-pho5-tag`; `"tfc3Δ::kanMX4/TFC3"` → `tfc3D-kanMX4-TFC3`.
pub fn file_stem(name: &str) -> Option<String> {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            out.push(c);
            gap = false;
        } else if let Some(s) = greek(c) {
            out.push_str(s);
            gap = false;
        } else if !gap {
            out.push('-');
            gap = true;
        }
    }
    let edge = |c: char| matches!(c, '.' | '-' | '_');
    let mut stem = out.trim_matches(edge).to_owned();
    if stem.len() > MAX_STEM {
        stem.truncate(MAX_STEM);
        stem = stem.trim_end_matches(edge).to_owned();
    }
    if stem.is_empty() {
        return None;
    }
    // Windows reads the part before the first dot: `NUL.txt.gff3` is reserved too.
    let base = stem.split('.').next().unwrap_or_default().len();
    if RESERVED
        .iter()
        .any(|r| r.eq_ignore_ascii_case(&stem[..base]))
    {
        stem.insert(base, '_');
    }
    Some(stem)
}

/// The stem of a design's files: `given` (the design library's name for it, `None` when the user
/// has not named it), else the spec's name (`genotype.name`), else the background's strain name,
/// else [`FALLBACK_STEM`] — the first that leaves a readable [`file_stem`].
pub fn design_stem(given: Option<&str>, genotype: &Genotype) -> String {
    [
        given,
        genotype.name.as_deref(),
        genotype.background.as_ref().map(|b| b.name.as_str()),
    ]
    .into_iter()
    .flatten()
    .find_map(file_stem)
    .unwrap_or_else(|| FALLBACK_STEM.to_owned())
}

/// The file name of one export of a design whose stem is `stem` ([`design_stem`]): the edited
/// genome `stem.fa`, its annotation `stem.gff3`, the others `stem.` and their own file name
/// (`stem.reference-to-edited.chain`, `stem.genotype-spec.json`, `stem.gene_nodes.csv`, …).
pub fn export_file_name(kind: ExportKind, stem: &str) -> String {
    match kind {
        ExportKind::Fasta => format!("{stem}.fa"),
        ExportKind::Gff3 => format!("{stem}.gff3"),
        other => format!("{stem}.{}", other.file_name()),
    }
}
