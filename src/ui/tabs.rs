//! Which tab of each tabbed part of the page is open — the side column (composing or the edit
//! list), the lower panel (coordinates, sequence, genome) — and which popover panel of the header
//! (designs, open genome, help, about). Provided as context by the app, so that a notice's button
//! or a key can open or close them without knowing the page's layout.

use leptos::prelude::*;

/// The lower panel's tabs.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LowerTab {
    /// The coordinate table.
    Coordinates,
    /// The sequence view.
    Sequence,
    /// The genome's summary and its load diagnostics.
    Genome,
    /// The datasets: registry, selection matrix, import.
    Datasets,
}

impl LowerTab {
    /// Every tab, in the order shown.
    pub const ALL: [LowerTab; 4] = [
        Self::Coordinates,
        Self::Sequence,
        Self::Genome,
        Self::Datasets,
    ];

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Coordinates => "Coordinates",
            Self::Sequence => "Sequence",
            Self::Genome => "Genome",
            Self::Datasets => "Datasets",
        }
    }

    /// Its button's id.
    pub fn id(self) -> &'static str {
        match self {
            Self::Coordinates => "tab-coordinates",
            Self::Sequence => "tab-sequence",
            Self::Genome => "tab-genome",
            Self::Datasets => "tab-datasets",
        }
    }
}

/// The side column's tabs.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SideTab {
    /// Search, composer, strain background, gene lists.
    Compose,
    /// The edit list with undo and redo.
    Edits,
}

/// A panel opened from the header, over the page; Escape closes it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Popover {
    /// The design library.
    Designs,
    /// Opening a genome.
    OpenGenome,
    /// Help.
    Help,
    /// About.
    About,
}

/// The open tabs, as context.
#[derive(Copy, Clone, Debug)]
pub struct Tabs {
    /// The lower panel's.
    pub lower: RwSignal<LowerTab>,
    /// The side column's.
    pub side: RwSignal<SideTab>,
    /// The header's panel that is open, if any.
    pub popover: RwSignal<Option<Popover>>,
    /// Counts requests to show the load's problems: the genome summary scrolls its diagnostics
    /// into view when it changes.
    pub problems_asked: RwSignal<u64>,
}

impl Tabs {
    /// The first screen: composing, and the genome's summary.
    pub fn new() -> Self {
        Self {
            lower: RwSignal::new(LowerTab::Genome),
            side: RwSignal::new(SideTab::Compose),
            problems_asked: RwSignal::new(0),
            popover: RwSignal::new(None),
        }
    }
}

impl Default for Tabs {
    fn default() -> Self {
        Self::new()
    }
}

/// The open tabs from context.
pub fn use_tabs() -> Tabs {
    use_context::<Tabs>().expect("Tabs are provided by App")
}

impl Tabs {
    /// Opens the Genome tab at its list of load problems.
    pub fn show_problems(&self) {
        self.lower.set(LowerTab::Genome);
        self.problems_asked.update(|n| *n += 1);
    }
}

impl Tabs {
    /// Opens `p`, or closes it when it is open.
    pub fn toggle(&self, p: Popover) {
        self.popover
            .update(|o| *o = if *o == Some(p) { None } else { Some(p) });
    }

    /// Whether `p` is open (tracked).
    pub fn is_open(&self, p: Popover) -> bool {
        self.popover.get() == Some(p)
    }
}
