//! What the help panel and the About panel say: keyboard shortcuts, coordinate conventions, what
//! each export is for, the modelling choices of the strain backgrounds, and where the data comes
//! from (the shipped `public/ATTRIBUTION.md`, read into headings, paragraphs and tables).

use crate::core::genetics::strain::STRAINS;
use crate::io::export::ExportKind;

/// What a download is for, in a few words (shown in the Export menu and the help).
pub fn export_purpose(kind: ExportKind) -> &'static str {
    match kind {
        ExportKind::Spec => "the design itself: re-open it here or apply it with the genoforge CLI",
        ExportKind::Fasta => "the edited genome's sequences, for aligners and primer design",
        ExportKind::Gff3 => "the annotation lifted onto the edited genome, inserts included",
        ExportKind::Chain => "reference → edited coordinates for liftOver/CrossMap",
        ExportKind::Report => "every feature an edit trims, disrupts or removes",
        ExportKind::GeneNodesCsv | ExportKind::GeneNodesJson => {
            "one row per gene with its perturbation, for ML models"
        }
        ExportKind::WindowsFasta | ExportKind::WindowsJsonl => {
            "edited sequence around each perturbed gene, for sequence models"
        }
        ExportKind::Genotype => "the genotype string, e.g. MATa his3Δ1 tfc3Δ::kanMX4",
    }
}

/// A keyboard shortcut: keys and what they do.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+Z / ⌘Z", "undo the last change to the design"),
    ("Ctrl+Shift+Z, Ctrl+Y", "redo"),
    ("← →", "pan the map (on the track); Shift moves further"),
    ("+ −", "zoom the map in and out (on the track)"),
    (
        "Home End",
        "go to the start or end of the sequence (on the track)",
    ),
    (
        "↓ ↑, Enter",
        "step through the genes and inserted sequences drawn on the track, select one",
    ),
    ("Escape", "close a menu or panel"),
];

/// How the strain backgrounds are modelled, one sentence each (the facts are those of
/// `core::genetics::strain`).
pub fn strain_notes() -> Vec<String> {
    let mut out: Vec<String> = STRAINS
        .iter()
        .map(|s| {
            let alleles: Vec<&str> = s.alleles.iter().map(|a| a.0).collect();
            format!(
                "{}: {} {}, {} — {}.",
                s.name,
                match s.ploidy {
                    1 => "haploid",
                    _ => "diploid",
                },
                s.mating_type,
                if alleles.is_empty() {
                    "no marker alleles".to_owned()
                } else {
                    alleles.join(" ")
                },
                s.source
            )
        })
        .collect();
    out.extend(
        [
            "his3Δ1 removes the HindIII fragment inside HIS3 as the reference sequence places it (190 bp on R64; the literature says 187 bp).",
            "The Δ0 alleles (leu2Δ0, ura3Δ0, met15Δ0, lys2Δ0) are modelled as whole-ORF deletions; the original deletions also took some flanking sequence whose exact extent is not shipped here.",
            "Mating type is edited: the reference carries MATα; a MATa haploid (BY4741) has MAT's Yα (747 bp) replaced by the Ya of HMR in the same genome (642 bp, carrying MATA1; nothing beyond Y is copied, MAT's own Z1 stays) and MATA2 annotated over the X region MAT and HMR share (identical bases), so its exported genome carries MATa. Ploidy is recorded, not edited: a diploid is one edited sequence and its genotype.",
            "In a diploid, alleles on both copies are applied to the one edited sequence; heterozygous ones are recorded in the genotype only.",
        ]
        .map(str::to_owned),
    );
    out
}

/// A block of the attribution text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading.
    Heading(String),
    /// A paragraph (lines joined).
    Paragraph(String),
    /// A table: header row, then rows.
    Table(Vec<Vec<String>>),
}

/// Markdown inline marks people need not see: code ticks and emphasis stars.
fn plain(s: &str) -> String {
    s.replace(['`', '*'], "").trim().to_owned()
}

/// Reads the attribution file (a Markdown subset: `#` headings, paragraphs, pipe tables) into
/// blocks. Table separator rows are skipped; anything else is kept as paragraph text.
pub fn attribution(md: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut para: Vec<String> = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    let flush = |out: &mut Vec<Block>, para: &mut Vec<String>, table: &mut Vec<Vec<String>>| {
        if !para.is_empty() {
            out.push(Block::Paragraph(plain(&para.join(" "))));
            para.clear();
        }
        if !table.is_empty() {
            out.push(Block::Table(std::mem::take(table)));
        }
    };
    for line in md.lines() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix('#') {
            flush(&mut out, &mut para, &mut table);
            out.push(Block::Heading(plain(h.trim_start_matches('#'))));
        } else if t.starts_with('|') {
            if !para.is_empty() {
                out.push(Block::Paragraph(plain(&para.join(" "))));
                para.clear();
            }
            let cells: Vec<&str> = t.trim_matches('|').split('|').collect();
            if cells
                .iter()
                .all(|c| c.trim().chars().all(|ch| ch == '-' || ch == ':'))
            {
                continue;
            }
            table.push(cells.into_iter().map(plain).collect());
        } else if t.is_empty() {
            flush(&mut out, &mut para, &mut table);
        } else {
            if !table.is_empty() {
                out.push(Block::Table(std::mem::take(&mut table)));
            }
            para.push(t.to_owned());
        }
    }
    flush(&mut out, &mut para, &mut table);
    out
}
