//! The design's biology warnings in one place, for every part of the screen that shows them — the
//! composer where the user builds the design, the edit list, the exports panel — and equal to what
//! the CLI's `design` and `apply` print and the spec writes on each perturbation: an essential gene
//! deleted, trimmed or nulled by a point mutation on every copy (the deletion project, Giaever et
//! al. 2002), a centromere, replication origin, telomere or Ty LTR removed and a centromere
//! doubled (SGD's feature table), a promoter swap reaching a neighbour, a selectable marker used
//! twice, an N-terminal tag before a likely signal peptide (a heuristic after von Heijne 1986),
//! each with its weight ([`Concern`]). Read from
//! [`crate::core::genetics::consistency::warnings`]; nothing here refuses a design.

use crate::core::design::Design;
use crate::core::genetics::consistency::warnings;
use crate::core::genetics::essential::EssentialityTable;
use crate::core::genetics::finding::{Concern, FindingKind};
use crate::core::genome::Genome;
use crate::core::lift::Lifted;

/// One warning as the screen shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DesignWarning {
    /// What it is about (typed; [`FindingKind::word`] is the exports' word).
    pub kind: FindingKind,
    /// A short heading for its kind, the group it is listed under (`Essential gene`, `Signal
    /// peptide`, …).
    pub heading: &'static str,
    /// Its own title: the heading, or what it says of this warning where the heading cannot
    /// (`kanMX4 used in 5 edits`).
    pub title: String,
    /// How much it weighs: severe (likely lethal, a chromosome lost), caution, note.
    pub concern: Concern,
    /// The sentence, naming the perturbation or edit, the gene and the claim's source.
    pub message: String,
    /// The designation of the perturbation it is about (`tfc3Δ::kanMX4`); `None` for a warning
    /// about the design as a whole (a marker used twice, an edit no perturbation names).
    pub designation: Option<String>,
}

/// A heading for a kind of warning.
pub fn heading(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::EssentialGeneDeleted => "Essential gene",
        FindingKind::MarkerReused => "Marker reused",
        FindingKind::PromoterReachesFeature => "Promoter swap reaches a neighbour",
        FindingKind::SignalPeptideTagged => "Signal peptide",
        FindingKind::SignalAnchorTagged => "Signal-anchor",
        FindingKind::CTerminalSignalTagged => "C-terminal signal",
        FindingKind::EssentialNullAllele => "Essential gene nulled",
        FindingKind::CentromereRemoved => "Centromere lost",
        FindingKind::CentromereInserted => "Second centromere",
        FindingKind::OriginRemoved => "Replication origin",
        FindingKind::TelomereRemoved => "Telomere",
        FindingKind::LtrRemoved => "Ty LTR",
        FindingKind::ElementsUnchecked => "Elements not checked",
        FindingKind::OneCopyEffects => "On one copy",
        FindingKind::MitochondrialGenomeEdited => "Mitochondrial genome",
        FindingKind::HeterozygousSameGene => "Cis or trans",
        FindingKind::AllelesExceedCopies => "More alleles than copies",
        FindingKind::HeterozygousApplied => "Heterozygous edit applied",
        FindingKind::EssentialNeighbourTrimmed => "Essential neighbour",
        FindingKind::GeneNotTouched
        | FindingKind::UnknownGene
        | FindingKind::MissingEdit
        | FindingKind::RegionGenesDiffer
        | FindingKind::EditWithoutPerturbation => "Record",
    }
}

/// The design's biology warnings, each once, in the design's order (perturbations first, then
/// what is about the design as a whole). `essential` is the deletion project's table (an empty
/// table makes no essential-gene claim); `lifted` the design's lift-over, when the caller has it
/// (computed here otherwise).
pub fn design_warnings(
    genome: &Genome,
    design: &Design,
    essential: &EssentialityTable,
    lifted: Option<&Lifted>,
) -> Vec<DesignWarning> {
    let perturbations = &design.genotype().perturbations;
    warnings(genome, design, essential, lifted)
        .into_iter()
        .map(|f| DesignWarning {
            kind: f.kind,
            heading: heading(f.kind),
            title: title(f.kind, &f.message),
            concern: f.kind.concern(),
            designation: f
                .perturbation
                .and_then(|i| perturbations.get(i))
                .map(|p| p.designation.clone()),
            message: crate::view::edit_rows::as_listed(&f.message),
        })
        .collect()
}

/// A warning's own title: a reused marker says which and how many edits use it (`kanMX4 used in
/// 5 edits`, `kanMX4 and kanMX6 used in 3 edits`, from the finding's `… used by N edits (…`);
/// any other warning its kind's [`heading`].
pub fn title(kind: FindingKind, message: &str) -> String {
    let counted = || {
        let (markers, rest) = message.split_once(" used by ")?;
        let n: usize = rest.split_once(" edits")?.0.parse().ok()?;
        Some(format!("{markers} used in {n} edits"))
    };
    match kind {
        FindingKind::MarkerReused => counted().unwrap_or_else(|| heading(kind).to_owned()),
        _ => heading(kind).to_owned(),
    }
}

/// The warnings of one heading, as a collapsed list still shows them: the heading, how many,
/// and the weightiest concern among them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarningGroup {
    /// The heading ([`heading`]).
    pub heading: &'static str,
    /// Warnings under it.
    pub count: usize,
    /// The weightiest concern among them.
    pub concern: Concern,
}

impl WarningGroup {
    /// `Essential gene (3)`.
    pub fn label(&self) -> String {
        format!("{} ({})", self.heading, self.count)
    }
}

/// Every heading of `warnings` with its count, in the order the headings first appear.
pub fn groups(warnings: &[DesignWarning]) -> Vec<WarningGroup> {
    let mut out: Vec<WarningGroup> = Vec::new();
    for w in warnings {
        match out.iter_mut().find(|g| g.heading == w.heading) {
            Some(g) => {
                g.count += 1;
                if weight(w.concern) > weight(g.concern) {
                    g.concern = w.concern;
                }
            }
            None => out.push(WarningGroup {
                heading: w.heading,
                count: 1,
                concern: w.concern,
            }),
        }
    }
    out
}

/// How much a concern weighs, for the weightiest of a group.
fn weight(c: Concern) -> u8 {
    match c {
        Concern::Severe => 2,
        Concern::Caution => 1,
        Concern::Note => 0,
    }
}
